//! `roster import`: the work is [`crate::import`]'s; this prints the
//! problems found and what was written.

use anyhow::Result;

use super::{Console, Status};
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

/// Import the exports of `opts`; the problems as `console` says, and what
/// was written unless quiet.
pub fn run(opts: &ImportOptions, console: &Console) -> Result<Status> {
    let outcome = import(opts);
    let diagnostics = &outcome.diagnostics;
    let human = Console {
        format: super::Format::Human,
        ..*console
    };
    super::print_diagnostics(diagnostics, &outcome.root, &human);
    if diagnostics.has_errors() {
        if let Some(summary) = terminal::summary(diagnostics, terminal::Run::Import)
            && console.chatty()
        {
            eprintln!("{summary}");
        }
        return Ok(super::status(diagnostics));
    }
    if !console.chatty() {
        return Ok(Status::Ok);
    }
    for item in &outcome.imported {
        let table = ImportedTable {
            source: (&item.source, item.sheet.as_deref(), item.read_as.as_deref()),
            target: &item.target,
            written: (item.kind, item.written),
            unchanged: item.unchanged,
            merged: item.merged,
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
