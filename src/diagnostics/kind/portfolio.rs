//! The wording of problems with the portfolio as a whole: settings, scope, the report date, notes, assets, templates, links (resolve).

use std::fmt;

/// A problem with the portfolio as a whole: settings, scope, the report date, notes, assets, templates, links (resolve).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortfolioProblem {}

impl PortfolioProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match *self {}
    }
}

impl fmt::Display for PortfolioProblem {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}
