//! What each problem is, and all the words roster uses to describe it.
//!
//! A [`Kind`] is one of a few enums, one per part of the input the problem
//! is found in, whose `Display` is the one-line message and whose `help` is
//! the likely fix. Call sites say which problem they met and with which
//! values; they never compose wording. So the same mistake reads the same
//! wherever it is found, and tests match the kind instead of the text.

use std::collections::hash_map::DefaultHasher;
use std::fmt;
use std::hash::{Hash, Hasher};

mod budgets;
mod csv;
mod exports;
mod files;
mod guess;
mod history;
mod imports;
mod portfolio;
mod rows;
mod run;
mod split;
mod yaml;

pub(crate) use budgets::BudgetProblem;
pub use csv::BadNumber;
pub(crate) use csv::{CsvProblem, KindLacks};
pub(crate) use exports::ExportProblem;
pub(crate) use files::FileProblem;
pub(crate) use guess::Guess;
pub(crate) use history::HistoryProblem;
pub(crate) use imports::ImportProblem;
pub(crate) use portfolio::{DateOf, LinkRefusal, PortfolioProblem, ReportDateFrom};
pub(crate) use rows::RowProblem;
pub(crate) use run::RunProblem;
pub(crate) use split::SplitNumber;
pub(crate) use yaml::YamlProblem;

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
    /// An export read through a mapping or a preset, or personal data.
    Import(ImportProblem),
    /// `budgets` of client.yaml, `promo_codes` of a partnership.
    Budget(BudgetProblem),
    /// What a platform's content export holds beyond a partnership's posts.
    Export(ExportProblem),
    /// The portfolio as a whole: settings, scope, dates, notes, templates.
    Portfolio(PortfolioProblem),
    /// The command line or the output folder.
    Run(RunProblem),
    /// A sent report's record, `roster archive`, a restated month.
    History(HistoryProblem),
    /// The same problem in many rows of one column.
    InRows(Box<InRows>),
}

/// One problem found in many rows of one column of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InRows {
    /// The first of them, as found.
    pub first: Kind,
    /// How many rows have it.
    pub rows: usize,
    /// The lines (a sheet's rows) of the first few.
    pub lines: Vec<usize>,
    /// Whether the lines are a sheet's rows.
    pub in_sheet: bool,
}

/// How many lines of a group a message lists.
const LINES_LISTED: usize = 3;

impl InRows {
    fn places(&self) -> String {
        let shown: Vec<String> = self.lines.iter().map(usize::to_string).collect();
        let more = self.rows.saturating_sub(shown.len());
        match (shown.split_last(), more) {
            (None, _) => String::new(),
            (Some((last, [])), 0) => last.clone(),
            (Some((last, rest)), 0) => format!("{} and {last}", rest.join(", ")),
            (Some(_), more) => format!("{} and {more} more", shown.join(", ")),
        }
    }
}

/// The variant of `problem`, apart from its values.
fn variant_of<T>(problem: &T) -> u64 {
    let mut h = DefaultHasher::new();
    std::mem::discriminant(problem).hash(&mut h);
    h.finish()
}

impl Kind {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match self {
            Kind::Yaml(p) => p.help(),
            Kind::File(p) => p.help(),
            Kind::Csv(p) => p.help(),
            Kind::Row(p) => p.help(),
            Kind::Import(p) => p.help(),
            Kind::Budget(p) => p.help(),
            Kind::Export(p) => p.help(),
            Kind::Portfolio(p) => p.help(),
            Kind::Run(p) => p.help(),
            Kind::History(p) => p.help(),
            Kind::InRows(many) => many.first.help(),
        }
    }

    /// Which problem this is, apart from its values: equal for the same
    /// mistake with other values.
    pub fn variant(&self) -> (usize, u64) {
        match self {
            Kind::Yaml(p) => (0, variant_of(p)),
            Kind::File(p) => (1, variant_of(p)),
            Kind::Csv(p) => (2, variant_of(p)),
            Kind::Row(p) => (3, variant_of(p)),
            Kind::Portfolio(p) => (4, variant_of(p)),
            Kind::Run(p) => (5, variant_of(p)),
            Kind::Import(p) => (6, variant_of(p)),
            Kind::Budget(p) => (7, variant_of(p)),
            Kind::Export(p) => (8, variant_of(p)),
            Kind::History(p) => (9, variant_of(p)),
            Kind::InRows(many) => many.first.variant(),
        }
    }

    /// A stable name for the problem, apart from its values, for machine
    /// output: the part of the input and the variant, in snake case, such as
    /// `csv.not_a_stamp` or `yaml.unknown_key`. A problem of many rows is
    /// named as its first.
    pub fn name(&self) -> String {
        let (part, variant): (&str, &'static str) = match self {
            Kind::Yaml(p) => ("yaml", p.into()),
            Kind::File(p) => ("file", p.into()),
            Kind::Csv(p) => ("csv", p.into()),
            Kind::Row(p) => ("row", p.into()),
            Kind::Import(p) => ("import", p.into()),
            Kind::Budget(p) => ("budget", p.into()),
            Kind::Export(p) => ("export", p.into()),
            Kind::Portfolio(p) => ("portfolio", p.into()),
            Kind::Run(p) => ("run", p.into()),
            Kind::History(p) => ("history", p.into()),
            Kind::InRows(many) => return many.first.name(),
        };
        format!("{part}.{variant}")
    }

    /// Count `other`, the same problem at `line`, in with this one, which
    /// is at `first`: a line of a CSV file, or a row of a sheet (`in_sheet`).
    pub fn join(&mut self, first: Option<usize>, in_sheet: bool, other: Kind, line: Option<usize>) {
        if !matches!(self, Kind::InRows(_)) {
            *self = Kind::InRows(Box::new(InRows {
                first: self.clone(),
                rows: 1,
                lines: first.into_iter().collect(),
                in_sheet,
            }));
        }
        let (rows, lines) = match other {
            Kind::InRows(many) => (many.rows, many.lines),
            _ => (1, line.into_iter().collect()),
        };
        if let Kind::InRows(many) = self {
            many.rows += rows;
            many.lines.extend(lines);
            many.lines.truncate(LINES_LISTED);
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
            Kind::Import(p) => p.fmt(f),
            Kind::Budget(p) => p.fmt(f),
            Kind::Export(p) => p.fmt(f),
            Kind::Portfolio(p) => p.fmt(f),
            Kind::Run(p) => p.fmt(f),
            Kind::History(p) => p.fmt(f),
            Kind::InRows(many) => {
                let lines = if many.in_sheet { "" } else { "lines " };
                write!(
                    f,
                    "{}, in {} rows: {lines}{}",
                    many.first,
                    many.rows,
                    many.places()
                )
            }
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
    ImportProblem => Import,
    BudgetProblem => Budget,
    ExportProblem => Export,
    PortfolioProblem => Portfolio,
    RunProblem => Run,
    HistoryProblem => History,
}

#[cfg(test)]
mod tests {
    use strum::VariantNames;

    use super::*;

    /// Every problem's machine name, pinned: `--format json` promises that
    /// a name never changes, so renaming a variant must fail here.
    #[test]
    fn every_problem_keeps_its_machine_name() {
        let parts: [(&str, &[&str]); 10] = [
            ("yaml", YamlProblem::VARIANTS),
            ("file", FileProblem::VARIANTS),
            ("csv", CsvProblem::VARIANTS),
            ("row", RowProblem::VARIANTS),
            ("import", ImportProblem::VARIANTS),
            ("budget", BudgetProblem::VARIANTS),
            ("export", ExportProblem::VARIANTS),
            ("portfolio", PortfolioProblem::VARIANTS),
            ("run", RunProblem::VARIANTS),
            ("history", HistoryProblem::VARIANTS),
        ];
        let names: Vec<String> = parts
            .iter()
            .flat_map(|(part, variants)| variants.iter().map(move |v| format!("{part}.{v}")))
            .collect();
        insta::assert_snapshot!(names.join("\n"));
    }
}
