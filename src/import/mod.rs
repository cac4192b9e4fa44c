//! `roster import`: exports read as a build reads them (through a preset,
//! the client's `imports`, or `--as`) and written into the client's
//! `metrics/imported/` in roster's own format, without personal data, so
//! that the raw export need not be kept in the portfolio or its history.
//!
//! All or nothing: every export is read and checked first; a problem in
//! any of them, or a file that exists with other rows (without `force`),
//! writes nothing. The same exports write the same bytes.

mod platform;
mod write;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostics::kind::ImportProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::export::{self, ClientContext, ExportHow};
use crate::load::imports::{PRESETS, Tally};
use crate::load::table::{CsvFile, Rows};
use crate::load::within;
use crate::model::TableKind;

/// What `roster import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The portfolio folder.
    pub root: PathBuf,
    /// The client whose exports these are.
    pub client: String,
    /// The exports.
    pub files: Vec<PathBuf>,
    /// `--as`: the preset to read them by.
    pub preset: Option<String>,
    /// `--partnership`: whose posts a platform export holds.
    pub partnership: Option<String>,
    /// `--force`: replace a file that exists with other rows, rather than
    /// merge into an earlier import's.
    pub force: bool,
}

/// One table imported.
#[derive(Debug, Clone)]
pub(crate) struct Imported {
    /// The export, as named.
    pub source: PathBuf,
    /// Its sheet, for a workbook.
    pub sheet: Option<String>,
    /// The file written, relative to the portfolio.
    pub target: PathBuf,
    /// The preset or entry it was read through, if any.
    pub read_as: Option<String>,
    /// The kind of table it is.
    pub kind: TableKind,
    /// What reading it came to.
    pub tally: Tally,
    /// Rows written.
    pub written: usize,
    /// Orders per partnership, and unattributed (`None`).
    pub attributed: BTreeMap<Option<String>, usize>,
    /// Whether the file was there with these very bytes.
    pub unchanged: bool,
    /// When the file was there from an earlier import of an export of the
    /// same name: its rows kept, and those this export replaced.
    pub merged: Option<(usize, usize)>,
}

/// What a run of `roster import` found and did.
#[derive(Debug)]
pub(crate) struct ImportOutcome {
    /// The portfolio folder, to quote sources from.
    pub root: PathBuf,
    /// Every problem.
    pub diagnostics: Diagnostics,
    /// The tables imported (written unless there are errors).
    pub imported: Vec<Imported>,
}

/// Run `roster import`.
pub(crate) fn import(opts: &ImportOptions) -> ImportOutcome {
    let mut diags = Diagnostics::new();
    let mut imported = Vec::new();
    let preset = match opts.preset.as_deref() {
        None => None,
        Some(name) => match PRESETS.iter().find(|p| **p == name) {
            Some(p) => Some(*p),
            None => {
                let problem = ImportProblem::UnknownPreset {
                    name: name.to_string(),
                    presets: &PRESETS,
                };
                diags.push(Diagnostic::error(problem).usage());
                return outcome(opts, diags, imported);
            }
        },
    };
    let Some(ctx) = export::client_context(&opts.root, &opts.client, &mut diags) else {
        return outcome(opts, diags, imported);
    };
    let given = ExportHow {
        preset,
        partnership: opts.partnership.as_deref(),
    };
    let mut texts = Vec::new();
    for path in &opts.files {
        for table in export::export(&ctx, (path, path), given, &mut diags)
            .into_iter()
            .flatten()
        {
            let mut table = table;
            platform::select(&ctx, &mut table, &mut diags);
            check_rows(&ctx, &table, &mut diags);
            let written = write::rows(&table);
            let target = target(&opts.client, path, &table);
            imported.push(summary(path, &table, target, written.len()));
            texts.push(written);
        }
    }
    let tallies = imported.iter().map(|i| &i.tally);
    if let Some(warning) = crate::load::imports::unsalted(&ctx.settings.customer_salt, tallies) {
        diags.push(warning);
    }
    if !diags.has_errors() {
        place(opts, &mut imported, &mut texts, &mut diags);
    }
    // Only once the copy is there is the export beside it a problem.
    if !diags.has_errors() {
        for path in &opts.files {
            still_there(&ctx, path, &mut diags);
        }
    }
    outcome(opts, diags, imported)
}

fn outcome(
    opts: &ImportOptions,
    diagnostics: Diagnostics,
    imported: Vec<Imported>,
) -> ImportOutcome {
    ImportOutcome {
        root: opts.root.clone(),
        diagnostics,
        imported,
    }
}

/// Where a table of the export at `path` is written:
/// `clients/<id>/metrics/imported/[<partnership>/]<stem>[-<sheet>].csv`,
/// a platform export's posts in their partnership's folder (so that two
/// creators' `Content.csv` do not meet).
fn target(client: &str, path: &Path, table: &CsvFile) -> PathBuf {
    let sheet = table.sheet.as_deref();
    let partnership = match &table.rows {
        Rows::Posts(rows) if rows.iter().any(|r| r.export.is_some()) => {
            let first = rows.first().map(|r| r.partnership.0.as_str());
            first.filter(|p| rows.iter().all(|r| r.partnership.0 == *p))
        }
        _ => None,
    };
    let stem = path.file_stem().map_or_else(
        || "export".to_string(),
        |s| crate::load::files::slug(&s.to_string_lossy()),
    );
    let name = match sheet {
        Some(sheet) => format!("{stem}-{}.csv", crate::load::files::slug(sheet)),
        None => format!("{stem}.csv"),
    };
    let folder = Path::new("clients")
        .join(client)
        .join("metrics")
        .join("imported");
    match partnership {
        Some(p) => folder.join(crate::load::files::slug(p)).join(name),
        None => folder.join(name),
    }
}

fn summary(path: &Path, table: &CsvFile, target: PathBuf, written: usize) -> Imported {
    let mut attributed = BTreeMap::new();
    match &table.rows {
        Rows::Orders(rows) => {
            for r in rows {
                *attributed
                    .entry(r.partnership.as_ref().map(|(p, _)| p.clone()))
                    .or_insert(0) += 1;
            }
        }
        // `roster import` reads orders row by row: never into a ledger.
        Rows::Posts(_) | Rows::Daily(_) | Rows::Ledger(_) => {}
    }
    Imported {
        source: path.to_path_buf(),
        sheet: table.sheet.clone(),
        target,
        read_as: table.read_as.clone(),
        kind: table.rows.kind(),
        tally: table.tally.clone(),
        written,
        attributed,
        unchanged: false,
        merged: None,
    }
}

/// What a build would find in the rows alone: ids given twice, and
/// partnerships the client does not have.
fn check_rows(ctx: &ClientContext, table: &CsvFile, diags: &mut Diagnostics) {
    let known: Vec<String> = ctx
        .partnerships
        .iter()
        .map(|p| p.id.as_str().to_string())
        .collect();
    let mut unknown = |id: &str, cell| {
        if !known.iter().any(|k| k == id) {
            let problem = ImportProblem::UnknownPartnership {
                id: id.to_string(),
                partnerships: known.clone(),
            };
            diags.push(Diagnostic::error(problem).at(table.at(cell)));
        }
    };
    let mut ids: Vec<(&str, crate::load::table::Cell)> = Vec::new();
    match &table.rows {
        Rows::Posts(rows) => {
            for r in rows {
                unknown(&r.partnership.0, r.partnership.1);
                ids.push((&r.id, r.at));
            }
        }
        Rows::Orders(rows) => {
            for r in rows {
                if let Some((p, cell)) = &r.partnership {
                    unknown(p, *cell);
                }
                ids.push((&r.id, r.at));
            }
        }
        Rows::Daily(_) | Rows::Ledger(_) => {}
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (id, cell) in ids {
        if let Some(line) = first.get(id) {
            let problem = ImportProblem::DuplicateId {
                id: id.to_string(),
                first: *line,
            };
            diags.push(Diagnostic::error(problem).at(table.at(cell)));
        } else {
            first.insert(id, cell.line as usize);
        }
    }
}

/// A warning when the export is in the client's `metrics/`, where a build
/// reads it beside its import.
fn still_there(ctx: &ClientContext, path: &Path, diags: &mut Diagnostics) {
    let metrics = std::fs::canonicalize(ctx.dir.join("metrics")).ok();
    let here = std::fs::canonicalize(path).ok();
    if let (Some(metrics), Some(here)) = (metrics, here)
        && here.starts_with(&metrics)
        && !here.starts_with(metrics.join("imported"))
    {
        let export = here
            .strip_prefix(std::fs::canonicalize(&ctx.root).unwrap_or_default())
            .map_or_else(|_| here.clone(), Path::to_path_buf);
        let problem = ImportProblem::ExportStillThere {
            export: export.display().to_string(),
        };
        diags.push(Diagnostic::warning(problem).at(Location::file(export)));
    }
}

/// Write each table's text to its target, unless a target is named twice
/// or exists with other bytes that are not an earlier import's rows to
/// merge with (without `force`): then nothing is written.
fn place(
    opts: &ImportOptions,
    imported: &mut [Imported],
    tables: &mut [write::Written],
    diags: &mut Diagnostics,
) {
    let mut texts: Vec<String> = tables.iter().map(write::Written::text).collect();
    let mut seen = HashMap::new();
    for (i, item) in imported.iter_mut().enumerate() {
        let file = item.target.display().to_string();
        if seen.insert(item.target.clone(), i).is_some() {
            let problem = ImportProblem::SameTarget { file };
            diags.push(Diagnostic::error(problem).usage());
            continue;
        }
        if !inside_the_client(opts, &item.target, diags) {
            continue;
        }
        match within::read(&opts.root, &opts.root.join(&item.target)) {
            Ok(bytes) if bytes == texts[i].as_bytes() => item.unchanged = true,
            Ok(bytes) if !opts.force => {
                let earlier = std::str::from_utf8(&bytes).ok();
                match earlier.and_then(|t| tables[i].merged(t)) {
                    Some((merged, kept, replaced)) => {
                        texts[i] = merged.text();
                        item.unchanged = texts[i].as_bytes() == bytes;
                        item.written = merged.len();
                        item.merged = Some((kept, replaced));
                        tables[i] = merged;
                    }
                    None => {
                        let problem = ImportProblem::WouldOverwrite { file };
                        diags.push(Diagnostic::error(problem).usage());
                    }
                }
            }
            _ => {}
        }
    }
    if diags.has_errors() {
        return;
    }
    for (item, text) in imported.iter().zip(&texts) {
        if item.unchanged {
            continue;
        }
        if let Err(e) =
            crate::output::write_atomically(&opts.root.join(&item.target), text.as_bytes())
        {
            let problem = ImportProblem::CannotWrite {
                reason: e.to_string(),
            };
            diags.push(Diagnostic::error(problem).in_file(&item.target).io());
            return;
        }
    }
}

/// Whether `target` (relative to the portfolio) may be written: through
/// the door every read goes through, only inside the client's folder,
/// never through a link out of it. Else an error, and `false`.
fn inside_the_client(opts: &ImportOptions, target: &Path, diags: &mut Diagnostics) -> bool {
    let client = opts.root.join("clients").join(&opts.client);
    let path = opts.root.join(target);
    if within::writable(&opts.root, &client, &path).is_ok() {
        return true;
    }
    let shown = |p: &Path| {
        p.strip_prefix(&opts.root)
            .unwrap_or(p)
            .display()
            .to_string()
            .replace('\\', "/")
    };
    let problem = ImportProblem::TargetOutside {
        file: shown(target),
        link: within::first_link(&client, &path).map(|l| shown(&l)),
    };
    diags.push(Diagnostic::error(problem).usage());
    false
}
