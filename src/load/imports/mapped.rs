//! An `imports` entry applied to a file's header: the view that reads the
//! file's columns as roster's, or the problems at the entry's lines.

use super::config::ImportMapping;
use super::{How, Rules, Source, View};
use crate::diagnostics::Location;
use crate::diagnostics::kind::ImportProblem;
use crate::model::TableKind;

/// Why an entry gives no view of a file.
#[derive(Debug)]
pub(crate) enum Unmapped {
    /// A sheet with none of the mapped columns: skipped, with a warning.
    Skip(ImportProblem),
    /// Mapped columns the file lacks, each at its line of client.yaml.
    Lacks(Vec<(ImportProblem, Location)>),
}

/// The entry's columns found in a file's header: roster's columns and
/// where each comes from, those of the file the entry names but the file
/// lacks, and whether any was found.
struct Found {
    names: Vec<String>,
    sources: Vec<Source>,
    lacks: Vec<(ImportProblem, Location)>,
    any: bool,
}

/// Find each column `entry` maps in a file's header (lower-cased,
/// trimmed), `written` the header as written; `file` and `sheet` name it
/// for the messages.
fn find_columns(
    entry: &ImportMapping,
    (header, written): (&[String], &[String]),
    (file, sheet): (&str, Option<&str>),
) -> Found {
    let find = |name: &str| header.iter().position(|h| h == name);
    let mut found = Found {
        names: Vec::new(),
        sources: Vec::new(),
        lacks: Vec::new(),
        any: false,
    };
    for column in &entry.columns {
        let mut parts = Vec::new();
        for (from, shown) in column.from.iter().zip(&column.written) {
            match find(from) {
                Some(i) => {
                    found.any = true;
                    parts.push(i);
                }
                None => found.lacks.push((
                    ImportProblem::MappedColumnMissing {
                        column: shown.clone(),
                        file: file.to_string(),
                        sheet: sheet.map(str::to_string),
                        columns: written.iter().filter(|w| !w.is_empty()).cloned().collect(),
                    },
                    column.at.clone(),
                )),
            }
        }
        if parts.len() == column.from.len() {
            found.names.push(column.name.to_string());
            found.sources.push(match parts.as_slice() {
                [one] => Source::Column(*one),
                _ => Source::Sum(parts),
            });
        }
    }
    found
}

/// What a file of `kind` takes from `entry` where it has no column of its
/// own: a post's partnership (or its folder's: a folder says whose posts
/// a file holds, never whose orders) and kind, an order's partnership.
/// `Err` when posts are left with no partnership.
fn defaults(
    entry: &ImportMapping,
    kind: TableKind,
    how: &How,
    names: &mut Vec<String>,
    sources: &mut Vec<Source>,
) -> Result<(), Unmapped> {
    match kind {
        TableKind::Posts => {
            let partnership = entry.partnership.as_deref().or(how.folder);
            fill(names, sources, "partnership", partnership);
            let default = entry.kind_default.map(|k| k.as_str());
            fill(names, sources, "kind", default);
            if !names.iter().any(|n| n == "partnership") {
                let problem = ImportProblem::RequiredUnmapped {
                    column: "partnership",
                    kind,
                };
                return Err(Unmapped::Lacks(vec![(problem, entry.at.clone())]));
            }
        }
        TableKind::Orders => {
            let partnership = entry.partnership.as_deref();
            fill(names, sources, "partnership", partnership);
        }
        TableKind::Daily => {}
    }
    Ok(())
}

/// The view of a file (or a sheet, `sheet`) whose header (lower-cased,
/// trimmed) is `header`, read through `entry`, which maps columns.
/// `file` is the file's path, for the messages; `written` its header as
/// written, to list its columns.
pub(crate) fn mapped<'a>(
    entry: &'a ImportMapping,
    kind: TableKind,
    (header, written): (&[String], &[String]),
    (file, sheet): (&str, Option<&str>),
    how: &How<'a>,
) -> Result<View<'a>, Unmapped> {
    let Found {
        mut names,
        mut sources,
        lacks,
        any,
    } = find_columns(entry, (header, written), (file, sheet));
    if let Some(sheet) = sheet.filter(|_| !any) {
        return Err(Unmapped::Skip(ImportProblem::SheetNotMapped {
            sheet: sheet.to_string(),
        }));
    }
    if !lacks.is_empty() {
        return Err(Unmapped::Lacks(lacks));
    }
    defaults(entry, kind, how, &mut names, &mut sources)?;
    let values = names.iter().map(|n| entry.values.get(n.as_str())).collect();
    Ok(View {
        kind,
        preset: None,
        header: names,
        sources,
        values,
        rules: Rules::Keep,
        codes: how.codes,
        salt: how.salt,
        order: entry.date_order,
        mark: entry.decimal,
        export: None,
        lacks: Vec::new(),
        mentions: how.mentions,
    })
}

/// `column`, from the file where mapped, else `default` where there is
/// one: a mapped column's empty cells take the default too.
fn fill(names: &mut Vec<String>, sources: &mut Vec<Source>, column: &str, default: Option<&str>) {
    let Some(default) = default else {
        return;
    };
    match names.iter().position(|n| n == column) {
        Some(i) => {
            if let Source::Column(c) = sources[i] {
                sources[i] = Source::OrElse(Some(c), default.to_string());
            }
        }
        None => {
            names.push(column.to_string());
            sources.push(Source::OrElse(None, default.to_string()));
        }
    }
}

/// The view of a posts file in roster's own format whose rows take their
/// partnership, where they name none, from `partnership` (the entry's or
/// the folder's) and their kind from `kind_default`.
pub(crate) fn own<'a>(
    header: &[String],
    partnership: Option<&str>,
    kind: Option<&str>,
    how: &How<'a>,
) -> View<'a> {
    let mut names = Vec::new();
    let mut sources = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if TableKind::Posts.columns().contains(&h.as_str()) && !names.contains(h) {
            names.push(h.clone());
            sources.push(Source::Column(i));
        }
    }
    fill(&mut names, &mut sources, "partnership", partnership);
    fill(&mut names, &mut sources, "kind", kind);
    View {
        kind: TableKind::Posts,
        preset: None,
        values: vec![None; names.len()],
        header: names,
        sources,
        rules: Rules::Keep,
        codes: how.codes,
        salt: how.salt,
        order: None,
        mark: None,
        export: None,
        lacks: Vec::new(),
        mentions: how.mentions,
    }
}
