//! The subcommands, one short function each: it builds the options of its
//! run from the command line's values, calls the library and prints what
//! the run found, so that `main` only parses and maps the [`Status`] to an
//! exit code, and tests can run a command without the binary.

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod serve;

use std::io::IsTerminal;

use crate::diagnostics::terminal;
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

/// Whether stderr takes colours: a terminal, with `NO_COLOR` unset or
/// empty (no-color.org).
pub fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Print a run's diagnostics and its closing line; the status they make.
fn report(outcome: &Outcome) -> Status {
    let diagnostics = &outcome.diagnostics;
    eprint!("{}", terminal::render(diagnostics, &outcome.root, color()));
    for read in &outcome.reads {
        eprintln!("{read}");
    }
    if let Some(summary) = &outcome.summary {
        eprintln!("{summary}");
    }
    if diagnostics.has_io_errors() {
        Status::Failed
    } else if diagnostics.has_errors() {
        Status::DataErrors
    } else {
        Status::Ok
    }
}

/// Print the error that stopped a command, with what to do where roster
/// knows; always [`Status::Failed`].
pub fn failed(e: &anyhow::Error) -> Status {
    eprintln!("{}", terminal::machine_error(e));
    if let Some(PortInUse(port)) = e.downcast_ref::<PortInUse>() {
        eprintln!("{}", terminal::port_in_use_help(*port));
    }
    Status::Failed
}
