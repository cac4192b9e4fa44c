//! Reading YAML files field by field, with every problem located.
//!
//! serde_yaml parses the text into a `Value` and reports syntax errors with a
//! line and column. The typed reading is done here, by hand, so that one file
//! with three mistakes gives three diagnostics rather than the first one, and
//! so that money is read from the number as written, not through a float.
//! serde_yaml keeps no positions for values, so when a file has a problem the
//! text is parsed once more with saphyr-parser, whose events carry spans, to
//! find the line and column of each offending key or value.

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_yaml::{Mapping, Value};

use crate::diagnostics::kind::{Kind, YamlProblem};
use crate::diagnostics::{Diagnostic, Diagnostics, Location, Severity, did_you_mean, shorten};

mod spans;
mod syntax;

use spans::{SpanTree, Target};

/// One step of a path into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A mapping key.
    Key(String),
    /// A sequence index.
    Index(usize),
}

struct Pending {
    severity: Severity,
    path: Vec<Seg>,
    target: Target,
    /// A missing key's line is filled in by [`YamlDoc::finish`], once the
    /// mapping's place is known.
    problem: Kind,
}

/// One YAML file being read: its text and the problems found so far.
pub(crate) struct YamlDoc<'a> {
    file: PathBuf,
    src: &'a str,
    pending: Vec<Pending>,
}

/// `path` with `key` appended.
pub(crate) fn join(path: &[Seg], key: &str) -> Vec<Seg> {
    let mut p = path.to_vec();
    p.push(Seg::Key(key.to_string()));
    p
}

/// `path` with `index` appended.
pub(crate) fn join_index(path: &[Seg], index: usize) -> Vec<Seg> {
    let mut p = path.to_vec();
    p.push(Seg::Index(index));
    p
}

/// How a user would name the node at `path`: `fee`, `item 2 of extra_costs`.
fn name_of(path: &[Seg]) -> String {
    match path.split_last() {
        None => "the top level".into(),
        Some((Seg::Key(k), [])) => format!("`{k}`"),
        Some((Seg::Key(k), rest)) => format!("`{k}` of {}", name_of(rest)),
        Some((Seg::Index(i), rest)) => format!("item {} of {}", i + 1, name_of(rest)),
    }
}

/// How a user would name the node at `path`, or `None` at the top level.
fn place(path: &[Seg]) -> Option<String> {
    (!path.is_empty()).then(|| name_of(path))
}

fn owned(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| (*k).to_string()).collect()
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {}", shorten(&n.to_string())),
        Value::String(s) => format!("the text \"{}\"", shorten(s)),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(_) => "a tagged value".into(),
    }
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parse a YAML file's text; a syntax error is recorded with its location.
pub(crate) fn parse(file: &Path, src: &str, diags: &mut Diagnostics) -> Option<Value> {
    if let Some(d) = syntax::nesting(file, src) {
        diags.push(d);
        return None;
    }
    match serde_yaml::from_str::<Value>(src) {
        Ok(v) => Some(v),
        Err(e) => {
            diags.push(syntax::error(file, src, &e));
            None
        }
    }
}

impl<'a> YamlDoc<'a> {
    /// Start reading `file`, whose text is `src`.
    pub(crate) fn new(file: &Path, src: &'a str) -> Self {
        YamlDoc {
            file: file.to_path_buf(),
            src,
            pending: Vec::new(),
        }
    }

    /// Record an error at the value of `path`.
    pub(crate) fn error(&mut self, path: &[Seg], problem: impl Into<Kind>) {
        self.push(Severity::Error, path, Target::Value, problem);
    }

    fn push(&mut self, severity: Severity, path: &[Seg], target: Target, problem: impl Into<Kind>) {
        self.pending.push(Pending {
            severity,
            path: path.to_vec(),
            target,
            problem: problem.into(),
        });
    }

    /// Record that the required `key` is missing from the mapping at `path`.
    /// An unknown key next to it that looks like a misspelling of it is
    /// taken to be the culprit: one error at that key instead of a warning
    /// and an error.
    fn missing(&mut self, path: &[Seg], key: &str) {
        let misspelt = self.pending.iter().position(|p| {
            p.target == Target::Key
                && p.severity == Severity::Warning
                && p.path.len() == path.len() + 1
                && p.path.starts_with(path)
                && matches!(p.path.last(), Some(Seg::Key(k)) if did_you_mean(k, [key]).is_some())
        });
        if let Some(i) = misspelt {
            let p = self.pending.remove(i);
            let written = match p.path.last() {
                Some(Seg::Key(k)) => k.clone(),
                _ => String::new(),
            };
            let problem = YamlProblem::MisspeltField {
                key: key.to_string(),
                place: place(path),
                written,
            };
            self.push(Severity::Error, &p.path, Target::Key, problem);
            return;
        }
        let problem = YamlProblem::MissingField {
            key: key.to_string(),
            place: place(path),
            line: None,
        };
        self.push(Severity::Error, path, Target::Mapping, problem);
    }

    /// The node at `path` as a mapping, warning about keys not in `known`.
    pub(crate) fn mapping<'v>(
        &mut self,
        v: &'v Value,
        path: &[Seg],
        known: &[&str],
    ) -> Option<&'v Mapping> {
        let Value::Mapping(m) = v else {
            if path.is_empty() && v.is_null() {
                self.error(path, YamlProblem::Empty { keys: owned(known) });
            } else {
                let problem = YamlProblem::NotAMapping {
                    place: place(path),
                    found: describe(v),
                    keys: owned(known),
                };
                self.error(path, problem);
            }
            return None;
        };
        for key in m.keys() {
            let name = scalar_text(key).unwrap_or_default();
            if !known.contains(&name.as_str()) {
                let problem = YamlProblem::UnknownKey {
                    suggestion: did_you_mean(&name, known.iter().copied()).map(str::to_string),
                    key: name.clone(),
                    keys: owned(known),
                };
                self.push(Severity::Warning, &join(path, &name), Target::Key, problem);
            }
        }
        Some(m)
    }

    /// The value under `key`, treating an explicit null as absent; a missing
    /// required key is an error pointing at the mapping.
    pub(crate) fn field<'v>(
        &mut self,
        m: &'v Mapping,
        path: &[Seg],
        key: &str,
        required: bool,
    ) -> Option<&'v Value> {
        match m.get(key) {
            None => {
                if required {
                    self.missing(path, key);
                }
                None
            }
            Some(Value::Null) => {
                if required {
                    let problem = YamlProblem::NoValue {
                        key: key.to_string(),
                    };
                    self.push(Severity::Error, &join(path, key), Target::Key, problem);
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    /// A text field.
    pub(crate) fn string(
        &mut self,
        m: &Mapping,
        path: &[Seg],
        key: &str,
        required: bool,
    ) -> Option<String> {
        let v = self.field(m, path, key, required)?;
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                let problem = YamlProblem::NotText {
                    key: key.to_string(),
                    found: describe(other),
                };
                self.error(&join(path, key), problem);
                None
            }
        }
    }

    /// An exact decimal number, read from the digits as written.
    pub(crate) fn decimal(
        &mut self,
        m: &Mapping,
        path: &[Seg],
        key: &str,
        required: bool,
    ) -> Option<Decimal> {
        let v = self.field(m, path, key, required)?;
        self.decimal_value(v, &join(path, key), key)
    }

    /// An exact decimal number at `path`.
    pub(crate) fn decimal_value(&mut self, v: &Value, path: &[Seg], what: &str) -> Option<Decimal> {
        let text = scalar_text(v);
        let parsed = text.as_deref().and_then(|t| {
            Decimal::from_str(t)
                .or_else(|_| Decimal::from_scientific(t))
                .ok()
        });
        // Too large even for a decimal: say so rather than "not a number".
        let huge = text
            .as_deref()
            .and_then(|t| t.parse::<f64>().ok())
            .is_some_and(|f| f.is_finite() && f.abs() > 1e12);
        let too_large = |value: String| YamlProblem::AmountTooLarge {
            key: what.to_string(),
            value,
            limit: super::max_amount(),
        };
        match parsed {
            None if huge => self.error(path, too_large(text.unwrap_or_default())),
            None => {
                let problem = YamlProblem::NotANumber {
                    key: what.to_string(),
                    found: describe(v),
                };
                self.error(path, problem);
            }
            Some(d) if d.abs() > super::max_amount() => {
                self.error(path, too_large(d.to_string()));
                return None;
            }
            Some(_) => {}
        }
        parsed
    }

    /// A whole number >= 0.
    pub(crate) fn uint(
        &mut self,
        m: &Mapping,
        path: &[Seg],
        key: &str,
        required: bool,
    ) -> Option<u64> {
        let v = self.field(m, path, key, required)?;
        let parsed = match v {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
        .filter(|n| *n <= super::MAX_COUNT);
        if parsed.is_none() {
            let problem = YamlProblem::NotACount {
                key: key.to_string(),
                found: describe(v),
                limit: super::MAX_COUNT,
            };
            self.error(&join(path, key), problem);
        }
        parsed
    }

    /// A number of days within `range`: a count out of it is an error at
    /// the value, and `None`.
    pub(crate) fn days(
        &mut self,
        m: &Mapping,
        path: &[Seg],
        key: &str,
        range: RangeInclusive<u32>,
    ) -> Option<u32> {
        let n = self.uint(m, path, key, false)?;
        match u32::try_from(n).ok().filter(|d| range.contains(d)) {
            Some(d) => Some(d),
            None => {
                let problem = YamlProblem::DaysOutOfRange {
                    key: key.to_string(),
                    found: n,
                    range,
                };
                self.error(&join(path, key), problem);
                None
            }
        }
    }

    /// `true` or `false`.
    pub(crate) fn boolean(&mut self, m: &Mapping, path: &[Seg], key: &str) -> Option<bool> {
        let v = self.field(m, path, key, false)?;
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                let problem = YamlProblem::NotABoolean {
                    key: key.to_string(),
                    found: describe(other),
                };
                self.error(&join(path, key), problem);
                None
            }
        }
    }

    /// A date `YYYY-MM-DD`.
    pub(crate) fn date(
        &mut self,
        m: &Mapping,
        path: &[Seg],
        key: &str,
        required: bool,
    ) -> Option<NaiveDate> {
        let v = self.field(m, path, key, required)?;
        let parsed = scalar_text(v)
            .and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
            .filter(super::plausible);
        if parsed.is_none() {
            let problem = YamlProblem::NotADate {
                key: key.to_string(),
                found: describe(v),
                years: super::YEARS,
            };
            self.error(&join(path, key), problem);
        }
        parsed
    }

    /// One of a closed set of words, with a did-you-mean for a near miss.
    pub(crate) fn choice(
        &mut self,
        m: &Mapping,
        path: &[Seg],
        key: &str,
        required: bool,
        choices: &[&'static str],
    ) -> Option<&'static str> {
        let v = self.field(m, path, key, required)?;
        let text = scalar_text(v).unwrap_or_default();
        if let Some(c) = choices.iter().find(|c| **c == text) {
            return Some(c);
        }
        let problem = YamlProblem::NotAChoice {
            key: key.to_string(),
            found: describe(v),
            suggestion: did_you_mean(&text, choices.iter().copied()).map(str::to_string),
            choices: owned(choices),
        };
        self.error(&join(path, key), problem);
        None
    }

    /// Whether an error has been recorded for this file.
    pub(crate) fn has_errors(&self) -> bool {
        self.pending.iter().any(|p| p.severity == Severity::Error)
    }

    /// How many errors have been recorded for this file.
    pub(crate) fn errors(&self) -> usize {
        self.pending
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// Locate every recorded problem and hand it to `diags`.
    pub(crate) fn finish(self, diags: &mut Diagnostics) {
        if self.pending.is_empty() {
            return;
        }
        let tree = SpanTree::parse(self.src);
        for mut p in self.pending {
            let place = tree.as_ref().and_then(|t| t.locate(&p.path, p.target));
            if let Kind::Yaml(YamlProblem::MissingField { line, .. }) = &mut p.problem {
                *line = place.map(|(l, _)| l);
            }
            let loc = place
                .map(|(line, col)| Location::at(&self.file, line, col))
                .unwrap_or_else(|| Location::file(&self.file));
            diags.push(Diagnostic {
                severity: p.severity,
                kind: p.problem,
                location: Some(loc),
                io: false,
            });
        }
    }
}

/// A file's path relative to the portfolio and its text, kept so that later
/// stages can point into it.
#[derive(Debug, Clone)]
pub struct Source {
    /// Relative path.
    pub file: PathBuf,
    /// Text.
    pub text: String,
}

impl Source {
    /// The location of the value at `path`.
    pub fn locate(&self, path: &[Seg]) -> crate::diagnostics::Location {
        locate(&self.file, &self.text, path)
    }

    /// The location of the key that leads to the value at `path`.
    pub fn locate_key(&self, path: &[Seg]) -> crate::diagnostics::Location {
        locate_key(&self.file, &self.text, path)
    }
}

/// The line and column of the value at `path` in a YAML text, for problems
/// found after the file was read (a currency with no rate, say).
pub(crate) fn locate(file: &Path, src: &str, path: &[Seg]) -> Location {
    SpanTree::parse(src)
        .and_then(|t| t.locate(path, Target::Value))
        .map(|(line, col)| Location::at(file, line, col))
        .unwrap_or_else(|| Location::file(file))
}

/// The line and column of the key that leads to the node at `path`.
pub(crate) fn locate_key(file: &Path, src: &str, path: &[Seg]) -> Location {
    SpanTree::parse(src)
        .and_then(|t| t.locate(path, Target::Key))
        .map(|(line, col)| Location::at(file, line, col))
        .unwrap_or_else(|| Location::file(file))
}

#[cfg(test)]
mod tests;
