//! The wording of problems with finding and reading the portfolio's files: layout, links out of the portfolio, themes, unreadable files (load).

use std::fmt;

/// A problem with finding and reading the portfolio's files: layout, links out of the portfolio, themes, unreadable files (load).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {}

impl FileProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match *self {}
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}
