//! The wording of problems with the command line and the output folder (cmd, pipeline, output, serve).

use std::fmt;

/// A problem with the command line and the output folder (cmd, pipeline, output, serve).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunProblem {}

impl RunProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match *self {}
    }
}

impl fmt::Display for RunProblem {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}
