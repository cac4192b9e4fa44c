//! The wording of problems with rows that do not fit together: unknown posts and partnerships, duplicates, currencies without a rate (resolve/rows).

use std::fmt;

/// A problem with rows that do not fit together: unknown posts and partnerships, duplicates, currencies without a rate (resolve/rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {}

impl RowProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match *self {}
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}
