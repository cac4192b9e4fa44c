//! The `roster` command: parse the command line, call the library, print
//! the diagnostics and map the outcome to an exit status (0 ok, 1 the data has
//! errors, 2 usage or I/O).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use roster::model::build::Overrides;
use roster::{BuildOptions, Outcome};

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let result = match args.command {
        cli::Command::Build {
            dir,
            output,
            as_of,
            clients,
        } => roster::build(&BuildOptions {
            root: dir,
            output,
            overrides: Overrides { as_of, clients },
        }),
        cli::Command::Check { dir, as_of } => Ok(roster::check(
            &dir,
            &Overrides {
                as_of,
                clients: Vec::new(),
            },
        )),
    };
    match result {
        Ok(outcome) => report(&outcome, color),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn report(outcome: &Outcome, color: bool) -> ExitCode {
    eprint!(
        "{}",
        roster::site::render_diagnostics(&outcome.diagnostics, &outcome.root, color)
    );
    if let Some(summary) = &outcome.summary {
        eprintln!("{summary}");
    }
    if outcome.diagnostics.has_io_errors() {
        ExitCode::from(2)
    } else if outcome.diagnostics.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
