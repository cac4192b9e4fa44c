//! Problems found in the user's data, collected across a whole run.
//!
//! Every stage reports into a [`Diagnostics`] sink instead of stopping at the
//! first mistake, so one run shows every problem. Failures of the machine
//! (I/O on the output directory, say) are not diagnostics: they travel as
//! `anyhow` errors. A diagnostic is a [`Kind`], which holds all the wording,
//! and a place; how it looks on a terminal is [`terminal`]'s business, and
//! how it reads for a program (JSON, GitHub's annotations) [`machine`]'s.

pub(crate) mod kind;
pub(crate) mod machine;
pub(crate) mod terminal;

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

pub(crate) use kind::Kind;

/// How bad a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The data cannot be built as it is.
    Error,
    /// Worth a look, but the build goes on.
    Warning,
}

/// Where in the portfolio a problem is: a path relative to the portfolio and,
/// where known, a 1-based line and column; in a workbook, the sheet, whose
/// row and column the line and column then are.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Location {
    /// Path relative to the portfolio root.
    pub file: PathBuf,
    /// The sheet of a workbook.
    pub sheet: Option<String>,
    /// 1-based line (a sheet's row), when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// The 0-based field of a table's row the place is in: problems of one
    /// column of one file are told apart from those of others by it.
    pub field: Option<usize>,
}

/// Line and column (1-based) of byte `at` of `text` (the character it falls
/// in, when it falls inside one).
pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[start..].chars().count() + 1,
    )
}

impl Location {
    /// A whole file.
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Location {
            file: file.into(),
            ..Location::default()
        }
    }

    /// A line and column of a file.
    pub fn at(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line: Some(line),
            column: Some(column),
            ..Location::default()
        }
    }

    /// The line and column of byte `at` of `text`, the file's text.
    pub fn at_byte(file: impl Into<PathBuf>, text: &str, at: usize) -> Self {
        let (line, column) = line_col(text, at);
        Location::at(file, line, column)
    }

    /// The same place, as a cell of a table's column `field`.
    pub fn in_field(mut self, field: usize) -> Self {
        self.field = Some(field);
        self
    }

    /// The same place, in a sheet of a workbook.
    pub fn in_sheet(mut self, sheet: Option<&str>) -> Self {
        self.sheet = sheet.map(str::to_string);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display().to_string().replace('\\', "/"))?;
        if let Some(sheet) = &self.sheet {
            write!(f, " [{sheet}]")?;
            if let (Some(row), Some(col)) = (self.line, self.column) {
                write!(f, " {}", cell_name(col, row))?;
            }
            return Ok(());
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

/// The A1 name of a cell: `C12` for the 1-based column 3 and row 12.
fn cell_name(column: usize, row: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

/// One problem: what it is (its [`Kind`], which words the message and the
/// fix), where, and how bad.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub kind: Kind,
    /// Where it is; `None` for problems of the portfolio as a whole.
    pub location: Option<Location>,
    /// Whether a file could not be read at all (exit status 2, not 1).
    pub io: bool,
}

impl Diagnostic {
    /// An error.
    pub fn error(kind: impl Into<Kind>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: kind.into(),
            location: None,
            io: false,
        }
    }

    /// A warning.
    pub fn warning(kind: impl Into<Kind>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(kind)
        }
    }

    /// Attach a location.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Attach a whole-file location.
    pub fn in_file(self, file: &Path) -> Self {
        self.at(Location::file(file))
    }

    /// Mark as a failure to read a file.
    pub fn io(mut self) -> Self {
        self.io = true;
        self
    }

    /// Mark as a mistake on the command line: like a file that cannot be
    /// read, it exits with status 2, not 1.
    pub fn usage(self) -> Self {
        self.io()
    }

    /// What is wrong, in one line, with every e-mail address in it
    /// replaced: whatever a kind quotes (a YAML value, a link, an id), no
    /// message carries an address.
    pub fn message(&self) -> String {
        let message = self.kind.to_string();
        match crate::personal::redacted(&message) {
            Cow::Borrowed(_) => message,
            Cow::Owned(safe) => safe,
        }
    }

    /// The likely fix, when there is one, e-mail addresses replaced.
    pub fn help(&self) -> Option<String> {
        let help = self.kind.help()?;
        Some(match crate::personal::redacted(&help) {
            Cow::Borrowed(_) => help,
            Cow::Owned(safe) => safe,
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}", self.message())?;
        if let Some(loc) = &self.location {
            write!(f, "\n  --> {loc}")?;
        }
        if let Some(help) = self.help() {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// The sink every stage reports into.
///
/// The same mistake in the same column of one file is one diagnostic: a
/// problem placed in a table's field joins the first one like it (same file,
/// sheet, field, severity, kind and fix) as a count and its first lines
/// ([`Kind::InRows`]), so an export with a bad column gives one diagnostic,
/// not one per row, and nothing needs to be left unshown.
///
/// A file known to hold personal data (a table with a customer column,
/// or one whose header or rows show e-mails, names, phones or addresses)
/// is recorded with [`Diagnostics::holds_personal`]: whichever stage finds a
/// problem in it, the printers give its place, never its text.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    /// The index in `list` of the first diagnostic of each group.
    groups: HashMap<Group, usize>,
    /// Files (relative to the portfolio) known to hold personal data.
    personal: BTreeSet<PathBuf>,
    /// Problems held apart until [`Diagnostics::settle`]: they do not stop a build.
    later: Vec<Diagnostic>,
}

/// What makes two problems of a table's rows one diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Group {
    file: PathBuf,
    sheet: Option<String>,
    field: usize,
    severity: Severity,
    variant: (usize, u64),
    help: Option<String>,
}

impl Group {
    fn of(d: &Diagnostic) -> Option<Group> {
        let at = d.location.as_ref()?;
        Some(Group {
            file: at.file.clone(),
            sheet: at.sheet.clone(),
            field: at.field?,
            severity: d.severity,
            variant: d.kind.variant(),
            help: d.help(),
        })
    }
}

impl Diagnostics {
    /// An empty sink.
    pub fn new() -> Self {
        Self::default()
    }

    /// Record a problem; one like a problem of the same column recorded
    /// before joins it.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let Some(group) = Group::of(&diagnostic) else {
            self.list.push(diagnostic);
            return;
        };
        match self.groups.get(&group) {
            Some(&first) => {
                let line = diagnostic.location.as_ref().and_then(|l| l.line);
                let first = &mut self.list[first];
                let (at, in_sheet) = first
                    .location
                    .as_ref()
                    .map_or((None, false), |l| (l.line, l.sheet.is_some()));
                first.kind.join(at, in_sheet, diagnostic.kind, line);
            }
            None => {
                self.groups.insert(group, self.list.len());
                self.list.push(diagnostic);
            }
        }
    }

    /// Record a problem that does not stop the build: it counts, and is
    /// printed, once [`Diagnostics::settle`] adds it to the rest, after the
    /// site is written.
    pub fn later(&mut self, diagnostic: Diagnostic) {
        self.later.push(diagnostic);
    }

    /// Add the problems held by [`Diagnostics::later`] to the rest.
    pub fn settle(&mut self) {
        for d in std::mem::take(&mut self.later) {
            self.push(d);
        }
    }

    /// Move every problem of `other` into this sink.
    pub fn extend(&mut self, other: Diagnostics) {
        self.personal.extend(other.personal);
        self.later.extend(other.later);
        for d in other.list {
            self.push(d);
        }
    }

    /// Record that `file` (relative to the portfolio) holds personal data:
    /// no line of it is ever quoted.
    pub fn holds_personal(&mut self, file: &Path) {
        self.personal.insert(file.to_path_buf());
    }

    /// Record a problem of the sink `from`, with what `from` knows of its
    /// file (whether it holds personal data): for a sink split by place.
    pub fn push_from(&mut self, from: &Diagnostics, diagnostic: Diagnostic) {
        if let Some(at) = &diagnostic.location
            && from.is_personal(&at.file)
        {
            self.holds_personal(&at.file);
        }
        self.push(diagnostic);
    }

    /// Whether `file` is known to hold personal data.
    pub fn is_personal(&self, file: &Path) -> bool {
        self.personal.contains(file)
    }

    /// Whether any error (not warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Whether a file could not be read.
    pub fn has_io_errors(&self) -> bool {
        self.list.iter().any(|d| d.io)
    }

    /// How many errors were recorded.
    pub fn error_count(&self) -> usize {
        self.list
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// How many warnings were recorded.
    pub fn warning_count(&self) -> usize {
        self.list.len() - self.error_count()
    }

    /// The problems, sorted by file, line and column, then severity, so that
    /// output does not depend on the order work happened in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.list.iter().collect();
        v.sort_by_cached_key(|d| (d.location.clone(), d.severity, d.message()));
        v
    }

    /// Every problem, in the order recorded.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter()
    }

    /// How many distinct files the errors are in.
    pub fn files_with_errors(&self) -> usize {
        let mut files: Vec<&Path> = self
            .list
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .filter_map(|d| d.location.as_ref().map(|l| l.file.as_path()))
            .collect();
        files.sort();
        files.dedup();
        files.len()
    }
}

/// The most characters of a user's value a diagnostic quotes: a value pasted
/// by mistake can be megabytes long, and the message must stay one line.
const QUOTED_CHARS: usize = 80;

/// A user's value as a diagnostic quotes it: whole when short, else its
/// start, `…` and its length in characters. Every echo of a value goes
/// through here, so no message grows with its input.
pub(crate) fn shorten(value: &str) -> Cow<'_, str> {
    // No message quotes an e-mail address (docs/your-data.md).
    let safe = crate::personal::redacted(value);
    let Some((cut, _)) = safe.char_indices().nth(QUOTED_CHARS) else {
        return safe;
    };
    let keep = safe
        .char_indices()
        .nth(QUOTED_CHARS - 20)
        .map_or(cut, |(i, _)| i);
    let n = safe.chars().count();
    Cow::Owned(format!("{}… ({n} characters)", &safe[..keep]))
}

/// The closest candidate to `value` by edit distance, for "did you mean".
pub(crate) fn did_you_mean<'a>(
    value: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let value_l = value.to_lowercase();
    let len = value_l.chars().count();
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let near = candidates
        .iter()
        // The distance is at least the difference in length: a far longer
        // value is no misspelling, and measuring it would take its length
        // times the candidate's.
        .filter(|c| len.abs_diff(c.chars().count()) <= near_enough(c))
        .map(|c| (levenshtein(&value_l, &c.to_lowercase()), *c))
        .filter(|(d, c)| *d <= near_enough(c))
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c);
    // A shortened id (`kestrel` for `kestrel-coffee`) is too far by edit
    // distance, but unambiguous when only one candidate starts with it.
    near.or_else(|| {
        let mut starting = candidates
            .iter()
            .filter(|c| value_l.chars().count() >= 3 && c.to_lowercase().starts_with(&value_l));
        match (starting.next(), starting.next()) {
            (Some(c), None) => Some(*c),
            _ => None,
        }
    })
}

/// The largest edit distance at which `candidate` is taken to be meant.
fn near_enough(candidate: &str) -> usize {
    (candidate.chars().count().max(3) / 3).max(2)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_value() {
        let platforms = ["instagram", "tiktok", "youtube"];
        assert_eq!(did_you_mean("instagramm", platforms), Some("instagram"));
        assert_eq!(
            did_you_mean("retainr", ["retainer", "one_off"]),
            Some("retainer")
        );
        assert_eq!(did_you_mean("zzzzzzzz", platforms), None);
        // A unique prefix of three or more characters.
        let clients = ["kestrel-coffee", "polyn"];
        assert_eq!(did_you_mean("kestrel", clients), Some("kestrel-coffee"));
        assert_eq!(did_you_mean("ke", clients), None, "too short");
        let two = ["kestrel-coffee", "kestrel-tea"];
        assert_eq!(did_you_mean("kestrel", two), None, "two start with it");
    }

    #[test]
    fn quotes_long_values_by_their_start_and_length() {
        assert_eq!(shorten("USD"), "USD");
        let long = "é".repeat(81);
        assert_eq!(
            shorten(&long),
            format!("{}… (81 characters)", "é".repeat(60))
        );
        assert_eq!(shorten(&"x".repeat(80)), "x".repeat(80));
        // A web address that looks like an e-mail is kept, and quoting it
        // ends (it once recursed until the stack overflowed).
        let link = "https://www.tiktok.com/@a/video/.139966342470512897";
        assert_eq!(shorten(link), link);
        assert_eq!(shorten("write to a@b.co"), "write to <e-mail address>");
        let mails = "a@b.co ".repeat(20);
        assert!(
            shorten(&mails).ends_with("… (340 characters)"),
            "{}",
            shorten(&mails)
        );
    }

    #[test]
    fn names_sheet_cells_as_spreadsheets_do() {
        let at = |row, col| {
            Location::at("metrics/q3.xlsx", row, col)
                .in_sheet(Some("Posts"))
                .to_string()
        };
        assert_eq!(at(12, 3), "metrics/q3.xlsx [Posts] C12");
        assert_eq!(at(1, 1), "metrics/q3.xlsx [Posts] A1");
        assert_eq!(at(3, 26), "metrics/q3.xlsx [Posts] Z3");
        assert_eq!(at(3, 27), "metrics/q3.xlsx [Posts] AA3");
        assert_eq!(at(9, 702), "metrics/q3.xlsx [Posts] ZZ9");
        assert_eq!(at(9, 703), "metrics/q3.xlsx [Posts] AAA9");
        let sheet = Location::file("metrics/q3.xlsx").in_sheet(Some("Notes"));
        assert_eq!(sheet.to_string(), "metrics/q3.xlsx [Notes]");
    }

    fn bad_date(value: &str, line: usize, field: usize) -> Diagnostic {
        let problem = kind::CsvProblem::NotAStamp {
            column: "published".into(),
            value: value.into(),
            years: 1900..=2199,
        };
        Diagnostic::error(problem).at(Location::at("m.csv", line, 7).in_field(field))
    }

    #[test]
    fn one_problem_of_one_column_is_one_diagnostic_with_a_count() {
        let mut d = Diagnostics::new();
        for line in [2, 3, 5, 8, 9, 10, 12] {
            d.push(bad_date(&format!("x{line}"), line, 2));
        }
        // Another column, and a problem with no column: apart.
        d.push(bad_date("y", 4, 3));
        let mut plain = bad_date("z", 6, 0);
        plain.location.as_mut().unwrap().field = None;
        d.push(plain);
        let shown: Vec<String> = d.iter().map(|d| d.message()).collect();
        assert_eq!(
            shown,
            [
                "`published` must be a date, found \"x2\", in 7 rows: lines 2, 3, 5 and 4 more",
                "`published` must be a date, found \"y\"",
                "`published` must be a date, found \"z\"",
            ]
        );
        assert_eq!(d.error_count(), 3, "the count is of what is shown");
        assert_eq!(
            d.iter().next().unwrap().location,
            Some(Location::at("m.csv", 2, 7).in_field(2))
        );
        let mut two = Diagnostics::new();
        two.push(bad_date("a", 2, 1));
        two.push(bad_date("b", 9, 1));
        assert!(
            two.iter()
                .next()
                .unwrap()
                .message()
                .ends_with("in 2 rows: lines 2 and 9")
        );
        // Sinks of parallel work joined: the counts add up.
        let mut later = Diagnostics::new();
        later.push(bad_date("c", 11, 1));
        later.push(bad_date("d", 12, 1));
        let mut all = Diagnostics::new();
        all.extend(two);
        all.extend(later);
        let message = all.iter().next().unwrap().message();
        assert!(
            message.ends_with("in 4 rows: lines 2, 9, 11 and 1 more"),
            "{message}"
        );
    }

    #[test]
    fn sorts_by_place() {
        let mut d = Diagnostics::new();
        let named = |cause: &str| kind::RunProblem::RenderFailed {
            cause: cause.into(),
        };
        d.push(Diagnostic::error(named("b")).at(Location::at("b.yaml", 1, 1)));
        d.push(Diagnostic::error(named("a")).at(Location::at("a.yaml", 9, 1)));
        let order: Vec<_> = d.sorted().iter().map(|d| d.message()).collect();
        assert_eq!(order, ["a", "b"]);
        assert_eq!(d.files_with_errors(), 2);
    }
}
