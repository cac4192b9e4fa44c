//! `roster archive`: the work is [`crate::archive`]'s; this prints the
//! problems found and words what was written.

use anyhow::Result;

use super::{Console, Status};
use crate::archive::{ArchiveOptions, ArchiveOutcome, archive};
use crate::diagnostics::terminal;

/// Archive the month of `opts`; the problems as `console` says, and what
/// was written unless quiet.
pub fn run(opts: &ArchiveOptions, console: &Console) -> Result<Status> {
    let outcome = archive(opts);
    let diagnostics = &outcome.diagnostics;
    super::print_diagnostics(diagnostics, &outcome.root, console)?;
    if outcome.archived.is_empty() && diagnostics.has_errors() {
        if let Some(summary) = terminal::summary(diagnostics, terminal::Run::Archive)
            && console.chatty()
        {
            console.line(&summary)?;
        }
        return Ok(super::status(diagnostics));
    }
    if console.chatty() {
        // On stderr, as a build's closing line: `--format json` keeps
        // stdout for the diagnostics alone.
        for line in said(&outcome).lines() {
            console.line(line)?;
        }
    }
    Ok(super::status(diagnostics))
}

/// The lines `roster archive` prints: one per client.
fn said(outcome: &ArchiveOutcome) -> String {
    let as_of = outcome
        .as_of
        .map_or_else(String::new, |d| format!(" as of {d}"));
    let mut lines = String::new();
    for a in &outcome.archived {
        let file = a.file.display().to_string().replace('\\', "/");
        let line = match (&a.kept, a.unchanged) {
            (_, true) => format!(
                "{} {}{as_of}: already archived as it is, in {file}",
                a.client, outcome.month
            ),
            (Some(kept), false) => format!(
                "{} {}{as_of}: archived to {file}; the earlier record kept as {}",
                a.client,
                outcome.month,
                kept.display().to_string().replace('\\', "/")
            ),
            (None, false) => format!("{} {}{as_of}: archived to {file}", a.client, outcome.month),
        };
        lines.push_str(&line);
        lines.push('\n');
    }
    lines
}
