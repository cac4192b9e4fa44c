//! `roster import`: the work is [`crate::import`]'s; this prints the
//! problems found and what was written.

use anyhow::Result;

use super::{Status, color};
use crate::diagnostics::terminal::{self, ImportedTable};
use crate::import::{ImportOptions, import};

/// The exports and the portfolio folder of `roster import FILE... [DIR]`:
/// the last path is the folder when it is one, else the folder is `.`.
pub fn split(mut paths: Vec<std::path::PathBuf>) -> (Vec<std::path::PathBuf>, std::path::PathBuf) {
    match paths.last() {
        Some(last) if paths.len() > 1 && last.is_dir() => {
            let dir = paths.pop().unwrap_or_default();
            (paths, dir)
        }
        _ => (paths, ".".into()),
    }
}

/// Import the exports of `opts`.
pub fn run(opts: &ImportOptions) -> Result<Status> {
    let outcome = import(opts);
    let diagnostics = &outcome.diagnostics;
    eprint!("{}", terminal::render(diagnostics, &outcome.root, color()));
    if diagnostics.has_errors() {
        if let Some(summary) = terminal::summary(diagnostics, terminal::Run::Import) {
            eprintln!("{summary}");
        }
        return Ok(if diagnostics.has_io_errors() {
            Status::Failed
        } else {
            Status::DataErrors
        });
    }
    for item in &outcome.imported {
        let table = ImportedTable {
            source: (&item.source, item.sheet.as_deref(), item.read_as.as_deref()),
            target: &item.target,
            written: (item.kind, item.written),
            unchanged: item.unchanged,
            tally: &item.tally,
            attributed: item
                .attributed
                .iter()
                .map(|(p, n)| (p.as_deref(), *n))
                .collect(),
        };
        println!("{}", terminal::imported(&table));
    }
    Ok(Status::Ok)
}
