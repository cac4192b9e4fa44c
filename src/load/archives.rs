//! A client's `archive/` folder: the records of reports sent
//! (docs/history.md), read as written. Only `<MONTH>.json` is read;
//! `<MONTH>.<n>.json`, an earlier record `roster archive --force` kept, is
//! passed over without a word. A file that cannot be read is not an error
//! here: its diagnostic travels with it, for resolve to report without
//! stopping the build (nothing is lost, and the other months compare).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{layout, rel, walk::sorted_entries, within};
use crate::diagnostics::kind::{FileProblem, HistoryProblem};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::model::Month;
use crate::model::archive::{ArchiveFile, FORMAT};

/// The largest archive read: one holds a month's row and a row per
/// partnership, a few kilobytes for hundreds of them.
const MAX_BYTES: u64 = 16 << 20;

/// One `archive/<MONTH>.json`, as read.
#[derive(Debug, Clone)]
pub struct RawArchive {
    /// The file, relative to the portfolio.
    pub file: PathBuf,
    /// The month its name says.
    pub month: Month,
    /// What it records, or why it cannot be read.
    pub read: Result<Box<ArchiveFile>, Box<Diagnostic>>,
}

/// The archives of the client folder `dir`, months ascending.
pub(super) fn read(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<RawArchive> {
    let folder = dir.join("archive");
    if !folder.is_dir() && !within::is_outside(root, &folder) {
        return Vec::new();
    }
    let Some(entries) = sorted_entries(root, &folder, diags) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for path in entries {
        let name = layout::name(&path);
        match named_month(&name) {
            Some((month, false)) if !path.is_dir() => out.push(RawArchive {
                file: rel(root, &path),
                month,
                read: file(root, &path),
            }),
            Some((_, true)) => {}
            _ => layout::not_input(root, &path, "archive", "json", diags),
        }
    }
    out
}

/// The month of `YYYY-MM.json`, and whether the name is an earlier record
/// kept, `YYYY-MM.<n>.json`.
fn named_month(name: &str) -> Option<(Month, bool)> {
    let stem = name.strip_suffix(".json")?;
    let (month, kept) = match stem.split_once('.') {
        Some((m, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => (m, true),
        Some(_) => return None,
        None => (stem, false),
    };
    let parsed = Month::parse(month).filter(|m| m.to_string() == month)?;
    Some((parsed, kept))
}

/// One archive file's record, or the diagnostic at it.
fn file(root: &Path, path: &Path) -> Result<Box<ArchiveFile>, Box<Diagnostic>> {
    let at = rel(root, path);
    let problem = |p: HistoryProblem| Box::new(Diagnostic::error(p).in_file(&at));
    let (file, len) = within::open(root, path).map_err(|refused| {
        Box::new(match refused {
            within::Refused::Outside => within::outside(&at),
            within::Refused::NotAFile(kind) => within::not_a_file(&at, kind),
            within::Refused::Io(e) => Diagnostic::error(FileProblem::Unreadable {
                reason: e.to_string(),
            })
            .in_file(&at)
            .io(),
        })
    })?;
    if len > MAX_BYTES {
        return Err(problem(HistoryProblem::TooLarge { bytes: len }));
    }
    let mut bytes = Vec::new();
    // Read no further than the bound, whatever the file grew to since.
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Box::new(
                Diagnostic::error(FileProblem::Unreadable {
                    reason: e.to_string(),
                })
                .in_file(&at)
                .io(),
            )
        })?;
    let text = String::from_utf8_lossy(&bytes);
    parse(&text).map_err(|(p, place)| {
        Box::new(match place {
            Some((line, column)) => Diagnostic::error(p).at(Location::at(&at, line, column)),
            None => Diagnostic::error(p).in_file(&at),
        })
    })
}

/// What every archive says first, read before the rest, so that a file of
/// another format or a newer roster is said to be that, not misread.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    roster: Option<serde_json::Value>,
}

type Place = Option<(usize, usize)>;

/// An archive's text as its record; else the problem and where.
pub(crate) fn parse(text: &str) -> Result<Box<ArchiveFile>, (HistoryProblem, Place)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let place = |e: &serde_json::Error| (e.line() > 0).then(|| (e.line(), e.column().max(1)));
    let header: Header = serde_json::from_str(text).map_err(|e| {
        let problem = match e.classify() {
            serde_json::error::Category::Eof => HistoryProblem::Truncated,
            serde_json::error::Category::Data => HistoryProblem::NotAnArchive {
                reason: "it is not an object".into(),
            },
            _ => HistoryProblem::NotJson {
                reason: without_place(&e),
            },
        };
        (problem, place(&e))
    })?;
    let ours = env!("CARGO_PKG_VERSION");
    if let Some(serde_json::Value::String(written)) = &header.roster
        && newer(written, ours)
    {
        let ours = ours.to_string();
        let written = written.clone();
        return Err((HistoryProblem::Newer { written, ours }, None));
    }
    match &header.format {
        Some(f) if f.as_u64() == Some(u64::from(FORMAT)) => {}
        Some(f) => {
            let format = f.to_string();
            return Err((HistoryProblem::OtherFormat { format }, None));
        }
        None => {
            let reason = "it has no `format`".to_string();
            return Err((HistoryProblem::NotAnArchive { reason }, None));
        }
    }
    serde_json::from_str::<ArchiveFile>(text)
        .map(Box::new)
        .map_err(|e| {
            let reason = without_place(&e);
            (HistoryProblem::NotAnArchive { reason }, place(&e))
        })
}

/// The JSON reader's message without the place it appends (the
/// diagnostic gives it).
fn without_place(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Whether version `written` is later than `ours`, by their numbers
/// (`0.10.0` after `0.9.2`); a version that is not numbers is not newer.
fn newer(written: &str, ours: &str) -> bool {
    let numbers = |v: &str| -> Option<Vec<u64>> {
        let core = v.trim().split(['-', '+']).next()?;
        core.split('.').map(|n| n.parse().ok()).collect()
    };
    match (numbers(written), numbers(ours)) {
        (Some(w), Some(o)) => w > o,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_a_months_name() {
        let m = |s| Month::parse(s).unwrap();
        assert_eq!(named_month("2026-09.json"), Some((m("2026-09"), false)));
        assert_eq!(named_month("2026-09.1.json"), Some((m("2026-09"), true)));
        assert_eq!(named_month("2026-9.json"), None);
        assert_eq!(named_month("2026-09.old.json"), None);
        assert_eq!(named_month("2026-09.json.bak"), None);
        assert_eq!(named_month("notes.json"), None);
    }

    #[test]
    fn says_what_is_wrong_with_a_file() {
        let problem = |text: &str| parse(text).err().map(|(p, _)| p);
        assert_eq!(
            problem(r#"{"format": 1, "client": "#),
            Some(HistoryProblem::Truncated)
        );
        assert!(matches!(
            problem("<<<<<<< HEAD"),
            Some(HistoryProblem::NotJson { .. })
        ));
        assert!(matches!(
            problem("[1, 2]"),
            Some(HistoryProblem::NotAnArchive { .. })
        ));
        assert_eq!(
            problem(r#"{"format": 2, "roster": "0.0.1"}"#),
            Some(HistoryProblem::OtherFormat { format: "2".into() })
        );
        assert_eq!(
            problem(r#"{"format": 7, "roster": "999.0.0"}"#),
            Some(HistoryProblem::Newer {
                written: "999.0.0".into(),
                ours: env!("CARGO_PKG_VERSION").into()
            })
        );
        assert!(matches!(
            problem(r#"{"format": 1, "roster": "0.1.0"}"#),
            Some(HistoryProblem::NotAnArchive { reason }) if reason.contains("missing field")
        ));
    }

    #[test]
    fn compares_versions_by_their_numbers() {
        assert!(newer("0.10.0", "0.9.2"));
        assert!(!newer("0.9.2", "0.10.0"));
        assert!(!newer("0.1.0", "0.1.0"));
        assert!(!newer("dev", "0.1.0"));
        assert!(newer("1.0.0-beta", "0.9.0"));
    }
}
