//! The header row of a metrics file: which kind of file it is, which of its
//! columns roster reads, and what is missing or misspelt.
//!
//! Kept apart from the rows because a header is checked once per file and
//! its problems stop the file, where a row's problems stop only the row.
//! Every check here is linear in the number of columns: an export with
//! thousands of columns is read as fast as it is long.

use std::collections::HashSet;

use super::file::Unread;
use crate::diagnostics::kind::{CsvProblem, Guess, KindLacks};
use crate::diagnostics::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::model::TableKind;

/// What a header that fits no kind lacks for each: the kinds it comes
/// closest to first, each with what is missing and any column that looks
/// like a misspelling of it.
fn closest_kinds(header: &[String], present: &HashSet<&str>) -> Vec<KindLacks> {
    let mut options: Vec<KindLacks> = TableKind::MARKS
        .iter()
        .map(|(kind, marks)| KindLacks {
            kind: *kind,
            columns: marks
                .iter()
                .copied()
                .filter(|m| !present.contains(m))
                .map(|m| {
                    let near = did_you_mean(m, header.iter().map(String::as_str));
                    (m, near.map(str::to_string))
                })
                .collect(),
        })
        .collect();
    // A daily file by date is a daily file: one help for the kind.
    options.dedup_by_key(|k| k.kind);
    // Fewest missing first, then fewest with no likely misspelling.
    options.sort_by_key(|k| {
        let unmatched = k.columns.iter().filter(|(_, near)| near.is_none()).count();
        (k.columns.len(), unmatched)
    });
    options
}

/// The kind whose marks a header's columns hold, with the marks.
fn marked(present: &HashSet<&str>) -> Option<(TableKind, [&'static str; 2])> {
    TableKind::MARKS
        .into_iter()
        .find(|(_, marks)| marks.iter().all(|m| present.contains(m)))
}

/// Whether a header (lower-cased, trimmed) marks a kind of metrics file.
pub(super) fn fits_a_kind(header: &[String]) -> bool {
    let present: HashSet<&str> = header.iter().map(String::as_str).collect();
    marked(&present).is_some()
}

/// Check a header row (normalised), whose `given` columns come
/// from elsewhere if it lacks them (a posts file's partnership, from its
/// folder); `at(i)` is the place of its column `i`; `guess` is the
/// `imports` entry its first rows suggest, should it fit no kind. The kind
/// when the file can be read, else why not.
pub(super) fn check(
    header: &[String],
    (given, guess): (&[&str], Option<Guess>),
    at: impl Fn(usize) -> Location,
    diags: &mut Diagnostics,
) -> Result<TableKind, Unread> {
    let present: HashSet<&str> = header.iter().map(String::as_str).collect();
    let Some((kind, marks)) = marked(&present) else {
        let mut closest = closest_kinds(header, &present);
        let mut place = at(0);
        if guess.as_ref().is_some_and(|g| g.no_header) {
            // Its "header" is a row of data, perhaps a customer's: never
            // quoted, not even as a likely misspelling, nor shown by
            // placing the error at it.
            for (_, near) in closest.iter_mut().flat_map(|k| k.columns.iter_mut()) {
                *near = None;
            }
            (place.line, place.column, place.field) = (None, None, None);
        }
        let problem = CsvProblem::HeaderOfNoKind {
            closest,
            guess: guess.map(Box::new),
        };
        diags.push(Diagnostic::error(problem).at(place));
        return Err(Unread::Unusable {
            may_hold_posts: true,
        });
    };
    let names = kind.columns();
    let needed = kind.needs(marks.contains(&"date"));
    let absent: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !present.contains(n))
        .collect();
    let unknown: Vec<(usize, &str)> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| !names.contains(&h.as_str()))
        .map(|(i, h)| (i, h.as_str()))
        .collect();
    let missing: Vec<&str> = needed
        .iter()
        .copied()
        .filter(|c| !present.contains(c) && !given.contains(c))
        .collect();
    // A misspelt required column is the error below; its warning would say
    // the same thing twice.
    if missing.is_empty() {
        warn_unknown(&unknown, names, &absent, &at, diags);
        return Ok(kind);
    }
    let renames = missing
        .iter()
        .filter_map(|m| {
            did_you_mean(m, unknown.iter().map(|(_, h)| *h)).map(|h| (h.to_string(), *m))
        })
        .collect();
    let problem = CsvProblem::MissingColumns {
        columns: missing,
        kind,
        renames,
        needed,
    };
    diags.push(Diagnostic::error(problem).at(at(0)));
    Err(Unread::Unusable {
        may_hold_posts: kind == TableKind::Posts,
    })
}

/// One warning for the columns roster does not read, at the first of them,
/// with the renames that would make them columns it reads.
fn warn_unknown(
    unknown: &[(usize, &str)],
    names: &'static [&'static str],
    absent: &[&'static str],
    at: impl Fn(usize) -> Location,
    diags: &mut Diagnostics,
) {
    let Some(&(first, _)) = unknown.first() else {
        return;
    };
    let renames = unknown
        .iter()
        .filter_map(|(_, h)| did_you_mean(h, absent.iter().copied()).map(|n| (h.to_string(), n)))
        .collect();
    let problem = CsvProblem::UnknownColumns {
        columns: unknown.iter().map(|(_, h)| h.to_string()).collect(),
        renames,
        known: names,
    };
    diags.push(Diagnostic::warning(problem).at(at(first)));
}
