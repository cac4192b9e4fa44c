//! `roster archive MONTH`: record what a month's report says, in
//! `clients/<id>/archive/<MONTH>.json` (docs/history.md), for every later
//! build to compare with. With [`crate::import`], the one command that
//! writes into the portfolio; like a build, a problem writes nothing.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::analytics::record;
use crate::diagnostics::kind::HistoryProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::within;
use crate::model::{Month, Portfolio};
use crate::pipeline::{self, Overrides};

/// What `roster archive` was asked to do.
#[derive(Debug, Clone)]
pub struct ArchiveOptions {
    /// The portfolio folder.
    pub root: PathBuf,
    /// The month, as given.
    pub month: String,
    /// `--client`: only these (every published client when empty).
    pub clients: Vec<String>,
    /// `--as-of`.
    pub as_of: Option<NaiveDate>,
    /// `--force`: replace an archive, keeping the old file beside it.
    pub force: bool,
}

/// One archive written.
#[derive(Debug, Clone)]
pub(crate) struct Archived {
    /// The client.
    pub client: String,
    /// The file, relative to the portfolio.
    pub file: PathBuf,
    /// Where the file it replaced was kept, relative to the portfolio.
    pub kept: Option<PathBuf>,
    /// Whether the file already held these bytes (nothing written).
    pub unchanged: bool,
}

/// What `roster archive` found and did.
#[derive(Debug)]
pub(crate) struct ArchiveOutcome {
    /// The portfolio folder.
    pub root: PathBuf,
    /// The month archived.
    pub month: String,
    /// The report date.
    pub as_of: Option<NaiveDate>,
    /// Every problem.
    pub diagnostics: Diagnostics,
    /// The files written, by client.
    pub archived: Vec<Archived>,
}

/// Archive the month of `opts`. A problem with an archive that cannot be
/// read is said after, unless the file was the one replaced.
pub(crate) fn archive(opts: &ArchiveOptions) -> ArchiveOutcome {
    let mut out = archived(opts);
    out.diagnostics.settle();
    let replaced: Vec<&Path> = out.archived.iter().map(|a| a.file.as_path()).collect();
    let mut rest = Diagnostics::new();
    for d in out.diagnostics.sorted() {
        let fixed = (d.location.as_ref()).is_some_and(|l| replaced.contains(&l.file.as_path()));
        if !fixed {
            rest.push(d.clone());
        }
    }
    out.diagnostics = rest;
    out
}

/// [`archive`], its held problems not yet said.
fn archived(opts: &ArchiveOptions) -> ArchiveOutcome {
    let mut out = ArchiveOutcome {
        root: opts.root.clone(),
        month: opts.month.clone(),
        as_of: None,
        diagnostics: Diagnostics::new(),
        archived: Vec::new(),
    };
    let diags = &mut out.diagnostics;
    let Some(month) = Month::parse(&opts.month).filter(|m| m.to_string() == opts.month) else {
        let given = opts.month.clone();
        diags.push(Diagnostic::error(HistoryProblem::NotAMonth { given }).usage());
        return out;
    };
    let overrides = Overrides {
        as_of: opts.as_of,
        clients: opts.clients.clone(),
        internal: false,
    };
    let Some(computed) = pipeline::compute_for_archive(&opts.root, &overrides, diags) else {
        return out;
    };
    let portfolio = &computed.portfolio;
    out.as_of = Some(portfolio.as_of);
    named_clients(portfolio, &opts.clients, diags);
    if month.last_day() > portfolio.as_of {
        // Said once: the months that can be are those of any client.
        let mut over: Vec<Month> = (computed.figures.iter())
            .flat_map(|f| f.months.iter().map(|m| m.month))
            .filter(|m| m.last_day() <= portfolio.as_of)
            .collect();
        over.sort();
        over.dedup();
        cannot(month, portfolio.as_of, &over, "", diags, true);
        return out;
    }
    let files: Vec<(usize, Vec<u8>)> = (computed.figures.iter().enumerate())
        .filter_map(|(i, f)| {
            let months: Vec<Month> = (f.months.iter())
                .map(|m| m.month)
                .filter(|m| m.last_day() <= portfolio.as_of)
                .collect();
            if !months.contains(&month) {
                // Every client asked for: a client without the month is
                // passed over, said in a warning; one named must have it.
                let named = !opts.clients.is_empty();
                cannot(
                    month,
                    portfolio.as_of,
                    &months,
                    f.client.id.as_str(),
                    diags,
                    named,
                );
                return None;
            }
            let c = &portfolio.clients[i];
            let file = record::archive_file(c, &portfolio.settings, portfolio.as_of, month);
            Some((i, bytes(&file)))
        })
        .collect();
    if files.is_empty() && !diags.has_errors() {
        // No client has the month: refused as a whole.
        let over = (computed.figures.iter())
            .flat_map(|f| f.months.iter().map(|m| m.month))
            .filter(|m| m.last_day() <= portfolio.as_of);
        let mut over: Vec<Month> = over.collect();
        over.sort();
        over.dedup();
        *diags = Diagnostics::new();
        cannot(month, portfolio.as_of, &over, "any client", diags, true);
        return out;
    }
    if diags.has_errors() {
        return out;
    }
    let targets: Vec<(String, PathBuf, Vec<u8>)> = (files.into_iter())
        .map(|(i, bytes)| {
            let id = portfolio.clients[i].id.to_string();
            let file = Path::new("clients")
                .join(&id)
                .join("archive")
                .join(format!("{month}.json"));
            (id, file, bytes)
        })
        .collect();
    if !writable(&opts.root, &targets, opts.force, diags) {
        return out;
    }
    out.archived = write(&opts.root, month, targets, diags);
    out
}

/// The archive's bytes: pretty JSON with a final newline, for diffs.
fn bytes(file: &crate::model::archive::ArchiveFile) -> Vec<u8> {
    let mut text = serde_json::to_vec_pretty(file).unwrap_or_default();
    text.push(b'\n');
    text
}

/// An error for each client `--client` names that is not published.
fn named_clients(portfolio: &Portfolio, named: &[String], diags: &mut Diagnostics) {
    let published: Vec<String> = portfolio.published.iter().map(|c| c.to_string()).collect();
    for id in named {
        if !published.contains(id) {
            let problem = HistoryProblem::NoSuchClient {
                id: id.clone(),
                published: published.clone(),
            };
            diags.push(Diagnostic::error(problem).usage());
        }
    }
}

/// The problem of a month that cannot be archived for client `id`: an
/// error when `refused`, else a warning that the client is passed over.
fn cannot(
    month: Month,
    as_of: NaiveDate,
    months: &[Month],
    id: &str,
    diags: &mut Diagnostics,
    refused: bool,
) {
    let why = match month.last_day() > as_of {
        true => format!("is not over by the report date {as_of}"),
        false => format!("has no report for {id}"),
    };
    let problem = HistoryProblem::CannotArchive {
        month: month.to_string(),
        why,
        can: months.iter().map(Month::to_string).collect(),
    };
    diags.push(match refused {
        true => Diagnostic::error(problem).usage(),
        false => Diagnostic::warning(problem),
    });
}

/// Whether every target may be written: inside its client's folder, and
/// new unless `force`. Else the errors, one for every file that exists.
fn writable(
    root: &Path,
    targets: &[(String, PathBuf, Vec<u8>)],
    force: bool,
    diags: &mut Diagnostics,
) -> bool {
    let mut existing = Vec::new();
    for (id, file, _) in targets {
        let client = root.join("clients").join(id);
        if within::writable(root, &client, &root.join(file)).is_err() {
            let problem = HistoryProblem::CannotWrite {
                reason: format!("{} leads out of the client's folder", file.display()),
            };
            diags.push(Diagnostic::error(problem).in_file(file).usage());
        } else if root.join(file).symlink_metadata().is_ok() {
            existing.push(file.display().to_string().replace('\\', "/"));
        }
    }
    if !existing.is_empty() && !force {
        let problem = HistoryProblem::Archived { files: existing };
        diags.push(Diagnostic::error(problem).usage());
    }
    !diags.has_errors()
}

/// Write each archive, the file it replaces first kept as
/// `<MONTH>.<n>.json`, n the smallest unused from 1.
fn write(
    root: &Path,
    month: Month,
    targets: Vec<(String, PathBuf, Vec<u8>)>,
    diags: &mut Diagnostics,
) -> Vec<Archived> {
    let mut done = Vec::new();
    for (client, file, bytes) in targets {
        let path = root.join(&file);
        let before = std::fs::read(&path).ok();
        if before.as_deref() == Some(&bytes[..]) {
            done.push(Archived {
                client,
                file,
                kept: None,
                unchanged: true,
            });
            continue;
        }
        let kept = match path.symlink_metadata() {
            Ok(_) => match keep(&path, month) {
                Ok(kept) => Some(file.with_file_name(kept)),
                Err(e) => {
                    fail(&file, &e, diags);
                    break;
                }
            },
            Err(_) => None,
        };
        if let Err(e) = crate::output::write_atomically(&path, &bytes) {
            fail(&file, &e, diags);
            break;
        }
        done.push(Archived {
            client,
            file,
            kept,
            unchanged: false,
        });
    }
    done
}

fn fail(file: &Path, e: &std::io::Error, diags: &mut Diagnostics) {
    let problem = HistoryProblem::CannotWrite {
        reason: e.to_string(),
    };
    diags.push(Diagnostic::error(problem).in_file(file).io());
}

/// Rename the archive at `path` to `<MONTH>.<n>.json` beside it, n the
/// smallest unused; the new name.
fn keep(path: &Path, month: Month) -> std::io::Result<String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    for n in 1.. {
        let name = format!("{month}.{n}.json");
        let to = dir.join(&name);
        if to.symlink_metadata().is_err() {
            std::fs::rename(path, &to)?;
            return Ok(name);
        }
    }
    unreachable!("some number is unused")
}
