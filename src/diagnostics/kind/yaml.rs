//! The wording of problems with YAML syntax and the reading of YAML fields (load/yaml, load/files, load/partnership).

use std::fmt;

/// A problem with YAML syntax and the reading of YAML fields (load/yaml, load/files, load/partnership).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlProblem {}

impl YamlProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match *self {}
    }
}

impl fmt::Display for YamlProblem {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}
