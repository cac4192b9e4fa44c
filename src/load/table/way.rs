//! Which way a metrics table is read, from its header: through the
//! `imports` entry that maps its columns, in roster's own format, or
//! through the preset its header fits (docs/your-data.md).

use std::path::Path;

use super::file::Unread;
use super::guess;
use super::header;
use crate::diagnostics::kind::ImportProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::load::imports::{self, How, Unmapped, View};
use crate::model::TableKind;

/// How a table is read.
pub(super) struct Way<'a> {
    /// Its kind.
    pub kind: TableKind,
    /// How its columns become roster's, unless it is in roster's format.
    pub view: Option<View<'a>>,
    /// The preset or entry it is read through, for `check` to name.
    pub read_as: Option<String>,
}

/// The first data rows of a table, read when asked for.
pub(super) type Sample<'s> = dyn Fn() -> Vec<Vec<String>> + 's;

/// The way to read a table through `preset`; `language` when its header
/// was put into English from another.
fn preset_way<'a>(
    (preset, language): (&'static str, Option<&str>),
    header: &[String],
    how: &How<'a>,
    (file, sheet): (&Path, Option<&str>),
    diags: &mut Diagnostics,
) -> Result<Way<'a>, Unread> {
    match imports::preset(preset, header, how) {
        Ok(view) => Ok(Way {
            kind: view.kind,
            view: Some(view),
            read_as: Some(match language {
                Some(language) => format!("{preset} (header in {language})"),
                None => preset.to_string(),
            }),
        }),
        Err(mut problem) => {
            if let ImportProblem::NoPartnership { near, .. } = &mut problem {
                *near = near_partnership(file, how.owners);
            }
            let place = Location::file(file).in_sheet(sheet);
            diags.push(Diagnostic::error(problem).at(place));
            Err(Unread::Unusable {
                may_hold_posts: true,
            })
        }
    }
}

/// The partnership whose id a folder below `metrics/` that `file` is in is
/// named nearly as (`Ben-Carter` for `ben-carter`), looked for only once a
/// platform export is found in no partnership's folder.
fn near_partnership(file: &Path, owners: &[&str]) -> Option<String> {
    let parts: Vec<&str> = file
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .collect();
    let below = parts.iter().rposition(|p| *p == "metrics")? + 1;
    let folders = parts.get(below..parts.len().saturating_sub(1))?;
    folders
        .iter()
        .find_map(|name| did_you_mean(name, owners.iter().copied()))
        .map(str::to_string)
}

/// The way to read a table whose header is `header` (normalised:
/// trimmed, NFC, lower-cased; `written` as written), or why it cannot be read. `at(i)` is
/// the place of the header's column `i`; `sample()` the first data rows,
/// looked at only when the header fits nothing.
pub(super) fn way<'a>(
    (header, written, sample): (&[String], &[String], &Sample),
    how: &How<'a>,
    (file, sheet): (&Path, Option<&str>),
    at: impl Fn(usize) -> Location,
    diags: &mut Diagnostics,
) -> Result<Way<'a>, Unread> {
    let entry = how
        .mapping
        .filter(|m| m.sheet.is_none() || m.sheet.as_deref() == sheet);
    if let Some(e) = entry
        && let Some(kind) = e.kind
    {
        return mapped_way((e, kind), (header, written), how, (file, sheet), diags);
    }
    if let Some(preset) = how.preset {
        let english =
            imports::in_english(header, Some(preset)).filter(|_| !imports::fits(preset, header));
        let (header, language) = match &english {
            Some(e) => (&e.header[..], Some(e.language)),
            None => (header, None),
        };
        let lacks = imports::lacks(preset, header);
        if !lacks.is_empty() {
            let problem = ImportProblem::NotThePreset { preset, lacks };
            diags.push(Diagnostic::error(problem).at(at(0)));
            return Err(Unread::Unusable {
                may_hold_posts: true,
            });
        }
        return preset_way((preset, language), header, how, (file, sheet), diags);
    }
    if header::fits_a_kind(header) {
        let partnership = entry.and_then(|e| e.partnership.as_deref()).or(how.folder);
        let given: &[&str] = if partnership.is_some() {
            &["partnership"]
        } else {
            &[]
        };
        let kind = header::check(header, (given, None), at, diags)?;
        let kind_default = entry.and_then(|e| e.kind_default).map(|k| k.as_str());
        let view = (kind == TableKind::Posts && (partnership.is_some() || kind_default.is_some()))
            .then(|| imports::own(header, partnership, kind_default, how));
        return Ok(Way {
            kind,
            view,
            read_as: None,
        });
    }
    if let Some(preset) = imports::recognise_english(header) {
        return preset_way((preset, None), header, how, (file, sheet), diags);
    }
    if let Some(e) = imports::in_english(header, None) {
        let language = Some(e.language);
        return preset_way((e.preset, language), &e.header, how, (file, sheet), diags);
    }
    if let Some(a) = guess::account_level(header) {
        let problem = ImportProblem::AccountLevel {
            file: a.file,
            vendor: a.vendor,
            instead: a.instead,
        };
        let place = Location::file(file).in_sheet(sheet);
        diags.push(Diagnostic::warning(problem).at(place));
        return Err(Unread::Empty);
    }
    // Fits nothing: the error says what it lacks for each kind, and gives
    // the `imports` entry its first rows suggest.
    let guess = guess::guess(
        (header, written),
        &sample(),
        (file, sheet),
        how.folder.is_some(),
    );
    header::check(header, (&[], guess), at, diags).map(|kind| Way {
        kind,
        view: None,
        read_as: None,
    })
}

/// The way of a file an `imports` entry of kind `kind` reads.
fn mapped_way<'a>(
    (e, kind): (&'a imports::ImportMapping, TableKind),
    (header, written): (&[String], &[String]),
    how: &How<'a>,
    (file, sheet): (&Path, Option<&str>),
    diags: &mut Diagnostics,
) -> Result<Way<'a>, Unread> {
    let names = (file.to_string_lossy(), sheet);
    match imports::mapped(e, kind, (header, written), (&names.0, names.1), how) {
        Ok(view) => Ok(Way {
            kind,
            view: Some(view),
            read_as: Some(match e.at.line {
                Some(line) => format!("the `imports` entry on line {line} of client.yaml"),
                None => "an `imports` entry of client.yaml".into(),
            }),
        }),
        Err(Unmapped::Skip(problem)) => {
            let place = Location::file(file).in_sheet(sheet);
            diags.push(Diagnostic::warning(problem).at(place));
            Err(Unread::Empty)
        }
        Err(Unmapped::Lacks(problems)) => {
            for (problem, place) in problems {
                diags.push(Diagnostic::error(problem).at(place));
            }
            Err(Unread::Unusable {
                may_hold_posts: kind == TableKind::Posts,
            })
        }
    }
}
