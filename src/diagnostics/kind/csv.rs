//! The wording of problems with reading CSV files: encodings, quotes, headers, cells (load/csv).

use std::fmt;

/// A problem with reading CSV files: encodings, quotes, headers, cells (load/csv).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {}

impl CsvProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match *self {}
    }
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}
