//! The subcommands, one short function each: it builds the options of its
//! run from the command line's values, calls the library and prints what
//! the run found, through the [`Console`] it is handed, so that `main` only
//! parses and maps the [`Status`] to an exit code, and tests can run a
//! command without the binary and read what it printed.

pub mod archive;
pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod serve;

pub use crate::console::{Buffers, ColorChoice, Console, Format, Verbosity, colours};

use crate::diagnostics::{Diagnostics, machine, terminal};
use crate::pipeline::Outcome;
use crate::serve::PortInUse;

/// How a command ended, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done: 0.
    Ok,
    /// The data has errors: 1.
    DataErrors,
    /// Usage or I/O, the machine's and not the data's: 2.
    Failed,
}

impl Status {
    /// The exit code.
    pub fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::DataErrors => 1,
            Status::Failed => 2,
        }
    }
}

/// Print a run's diagnostics in the console's format (the portfolio's
/// files quoted from `root`), then, unless quiet, how each export was read
/// and the closing line; the status they make.
fn report(outcome: &Outcome, console: &Console) -> std::io::Result<Status> {
    print_diagnostics(&outcome.diagnostics, &outcome.root, console)?;
    if console.chatty() {
        for read in &outcome.reads {
            console.line(read)?;
        }
        if let Some(summary) = &outcome.summary {
            console.line(summary)?;
        }
    }
    Ok(status(&outcome.diagnostics))
}

/// Print diagnostics in the console's format: people's on stderr, programs'
/// on stdout, where nothing else is printed. Writing stdout can fail, when
/// the program reading it has stopped ([`closed_pipe`]).
pub fn print_diagnostics(
    diagnostics: &Diagnostics,
    root: &std::path::Path,
    console: &Console,
) -> std::io::Result<()> {
    match console.format {
        Format::Human => console.err(&terminal::render(
            diagnostics,
            &crate::load::quotes(root, diagnostics),
            console.color,
        )),
        Format::Json => console.out(machine::json(diagnostics).as_bytes()),
        Format::Github => {
            // GitHub places annotations by paths from the repository's root,
            // where the workflow runs: an absolute folder below it is made
            // relative to it.
            let here = std::env::current_dir().unwrap_or_default();
            let root = root.strip_prefix(&here).unwrap_or(root);
            console.out(machine::github(diagnostics, root).as_bytes())
        }
    }
}

/// Whether `e` is a write to a pipe whose reader has gone. As in ripgrep,
/// that ends the command with success and says nothing: the reader took
/// all it wanted.
pub fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The status of a run that found `diagnostics`.
fn status(diagnostics: &Diagnostics) -> Status {
    if diagnostics.has_io_errors() {
        Status::Failed
    } else if diagnostics.has_errors() {
        Status::DataErrors
    } else {
        Status::Ok
    }
}

/// Print the error that stopped a command, with what to do where roster
/// knows; always [`Status::Failed`]. Should stderr fail too, there is no
/// one left to tell, and the status says it.
pub fn failed(e: &anyhow::Error, console: &Console) -> Status {
    let _ = console.line(&terminal::machine_error(e));
    if let Some(PortInUse(port)) = e.downcast_ref::<PortInUse>() {
        let _ = console.line(&terminal::port_in_use_help(*port));
    }
    Status::Failed
}
