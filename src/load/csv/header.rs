//! The header row of a metrics file: which kind of file it is, which of its
//! columns roster reads, and what is missing or misspelt.
//!
//! Kept apart from the rows because a header is checked once per file and
//! its problems stop the file, where a row's problems stop only the row.
//! Every check here is linear in the number of columns: an export with
//! thousands of columns is read as fast as it is long.

use std::collections::HashSet;

use super::{DAILY, ORDERS, POSTS, Unread};
use crate::diagnostics::{Diagnostic, Diagnostics, Location, did_you_mean, shorten};

/// The most column names one diagnostic lists before it counts the rest.
const LISTED: usize = 10;

/// Which columns mark each kind of file, with the kind's columns.
const KINDS: [(&str, [&str; 2], &[&str]); 3] = [
    ("posts", ["post_id", "published"], POSTS),
    ("daily", ["post_id", "day"], DAILY),
    ("orders", ["order_id", "customer"], ORDERS),
];

/// A header's kind and the columns roster reads in it.
pub(super) struct Kind {
    /// posts, daily or orders.
    pub name: &'static str,
    /// The columns of that kind.
    pub names: &'static [&'static str],
}

/// `items` joined by `sep`, the first [`LISTED`] of them, then a count of
/// the rest.
fn listed(items: &[String], sep: &str) -> String {
    let mut s = items[..items.len().min(LISTED)].join(sep);
    if items.len() > LISTED {
        s.push_str(&format!(" and {} more", items.len() - LISTED));
    }
    s
}

/// The columns a header needs for each kind, for a header that fits none:
/// the kinds it comes closest to first, each with what is missing and any
/// column that looks like a misspelling of it.
fn kind_help(header: &[String], present: &HashSet<&str>) -> String {
    let mut options: Vec<((usize, usize), String)> = KINDS
        .iter()
        .map(|(kind, marks, _)| {
            let missing: Vec<String> = marks
                .iter()
                .filter(|m| !present.contains(*m))
                .map(
                    |m| match did_you_mean(m, header.iter().map(String::as_str)) {
                        Some(near) => format!("`{m}` (is `{}` meant?)", shorten(near)),
                        None => format!("`{m}`"),
                    },
                )
                .collect();
            let article = if kind.starts_with('o') { "an" } else { "a" };
            let unmatched = missing.iter().filter(|m| !m.contains("meant?")).count();
            (
                (missing.len(), unmatched),
                format!("for {article} {kind} file add {}", missing.join(" and ")),
            )
        })
        .collect();
    options.sort_by_key(|(n, _)| *n);
    let list: Vec<String> = options.into_iter().map(|(_, o)| o).collect();
    list.join("; ")
}

/// The columns each kind cannot do without.
fn required(kind: &str) -> &'static [&'static str] {
    match kind {
        "posts" => &["post_id", "partnership", "published"],
        "daily" => &["post_id", "day"],
        _ => &["order_id", "date", "customer"],
    }
}

/// Check a header row (lower-cased, trimmed); `at(i)` is the place of its
/// column `i`. The kind when the file can be read, else why not.
pub(super) fn check(
    header: &[String],
    at: impl Fn(usize) -> Location,
    diags: &mut Diagnostics,
) -> Result<Kind, Unread> {
    let present: HashSet<&str> = header.iter().map(String::as_str).collect();
    let Some((name, _, names)) = KINDS
        .iter()
        .find(|(_, marks, _)| marks.iter().all(|m| present.contains(m)))
    else {
        diags.push(
            Diagnostic::error("CSV header fits no kind of metrics file")
                .at(at(0))
                .with_help(kind_help(header, &present)),
        );
        return Err(Unread::Unusable {
            may_hold_posts: true,
        });
    };
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
    let missing: Vec<&str> = required(name)
        .iter()
        .copied()
        .filter(|c| !present.contains(c))
        .collect();
    // A misspelt required column is the error below; its warning would say
    // the same thing twice.
    if missing.is_empty() {
        warn_unknown(&unknown, names, &absent, &at, diags);
        return Ok(Kind { name, names });
    }
    let near: Vec<String> = missing
        .iter()
        .filter_map(|m| {
            did_you_mean(m, unknown.iter().map(|(_, h)| *h))
                .map(|h| format!("rename `{}` to `{m}`", shorten(h)))
        })
        .collect();
    let help = if near.is_empty() {
        format!("this file needs the columns {}", required(name).join(", "))
    } else {
        near.join("; ")
    };
    diags.push(
        Diagnostic::error(format!(
            "missing required column `{}` for a {name} file",
            missing.join("`, `")
        ))
        .at(at(0))
        .with_help(help),
    );
    Err(Unread::Unusable {
        may_hold_posts: *name == "posts",
    })
}

/// One warning for the columns roster does not read, at the first of them,
/// with the renames that would make them columns it reads.
fn warn_unknown(
    unknown: &[(usize, &str)],
    names: &[&str],
    absent: &[&str],
    at: impl Fn(usize) -> Location,
    diags: &mut Diagnostics,
) {
    let Some(&(first, _)) = unknown.first() else {
        return;
    };
    let list: Vec<String> = unknown.iter().map(|(_, h)| shorten(h).into()).collect();
    let near: Vec<String> = unknown
        .iter()
        .filter_map(|(_, h)| {
            did_you_mean(h, absent.iter().copied()).map(|n| format!("`{}` -> `{n}`", shorten(h)))
        })
        .collect();
    let help = if near.is_empty() {
        format!("the columns roster reads here are {}", names.join(", "))
    } else {
        format!("rename {}", listed(&near, ", "))
    };
    diags.push(
        Diagnostic::warning(format!("unknown columns ignored: {}", listed(&list, ", ")))
            .at(at(first))
            .with_help(help),
    );
}
