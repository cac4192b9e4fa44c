//! What each problem is, and all the words roster uses to describe it.
//!
//! A [`Kind`] is one of a few enums, one per part of the input the problem
//! is found in, whose `Display` is the one-line message and whose `help` is
//! the likely fix. Call sites say which problem they met and with which
//! values; they never compose wording. So the same mistake reads the same
//! wherever it is found, and tests match the kind instead of the text.

use std::fmt;

mod csv;
mod files;
mod portfolio;
mod rows;
mod run;
mod yaml;

pub use csv::{CsvProblem, KindLacks};
pub use files::FileProblem;
pub use portfolio::{DateOf, LinkRefusal, PortfolioProblem, ReportDateFrom};
pub use rows::RowProblem;
pub use run::RunProblem;
pub use yaml::YamlProblem;

/// What a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// YAML syntax, or a YAML field that cannot be read.
    Yaml(YamlProblem),
    /// A file that cannot be found, read, or is not where roster looks.
    File(FileProblem),
    /// A CSV file's encoding, quoting, header or cells.
    Csv(CsvProblem),
    /// Rows that do not fit together or with the partnerships.
    Row(RowProblem),
    /// The portfolio as a whole: settings, scope, dates, notes, templates.
    Portfolio(PortfolioProblem),
    /// The command line or the output folder.
    Run(RunProblem),
}

impl Kind {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match self {
            Kind::Yaml(p) => p.help(),
            Kind::File(p) => p.help(),
            Kind::Csv(p) => p.help(),
            Kind::Row(p) => p.help(),
            Kind::Portfolio(p) => p.help(),
            Kind::Run(p) => p.help(),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::Yaml(p) => p.fmt(f),
            Kind::File(p) => p.fmt(f),
            Kind::Csv(p) => p.fmt(f),
            Kind::Row(p) => p.fmt(f),
            Kind::Portfolio(p) => p.fmt(f),
            Kind::Run(p) => p.fmt(f),
        }
    }
}

macro_rules! from_problem {
    ($($problem:ident => $variant:ident),* $(,)?) => {
        $(impl From<$problem> for Kind {
            fn from(p: $problem) -> Kind {
                Kind::$variant(p)
            }
        })*
    };
}

from_problem! {
    YamlProblem => Yaml,
    FileProblem => File,
    CsvProblem => Csv,
    RowProblem => Row,
    PortfolioProblem => Portfolio,
    RunProblem => Run,
}
