//! The `roster` command: parse the command line, call the library, print
//! the diagnostics and map the outcome to an exit status (0 ok, 1 the data has
//! errors, 2 usage or I/O).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use roster::pipeline::Overrides;
use roster::pipeline::build_with;
use roster::progress::Progress;
use roster::serve::{PortInUse, ServeOptions};
use roster::{BuildOptions, Outcome};

/// The build allocates many short strings from two threads; mimalloc spends
/// about a fifth less time on that than the system allocator (see
/// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        } => build_with(
            &BuildOptions {
                root: dir,
                output,
                overrides: Overrides { as_of, clients },
            },
            &Progress::stderr(),
        ),
        cli::Command::Check { dir, as_of } => Ok(roster::check(
            &dir,
            &Overrides {
                as_of,
                clients: Vec::new(),
            },
        )),
        cli::Command::Serve { dir, port } => {
            let served = roster::serve::serve(&ServeOptions {
                root: dir,
                port,
                color,
            });
            return done(served.map(|()| None));
        }
        cli::Command::Init { dir } => {
            let created = roster::init::init(&dir).map(|c| {
                Some(format!(
                    "created a portfolio in {} ({} files): the sample clients, a .gitignore and .github/workflows/pages.yml\nnext: roster build {0}   or   roster serve {0}",
                    c.root.display(),
                    c.files
                ))
            });
            return done(created);
        }
    };
    match result {
        Ok(outcome) => report(&outcome, color),
        Err(e) => done(Err(e)),
    }
}

/// Print a command's closing line or its error; errors exit with 2.
fn done(result: anyhow::Result<Option<String>>) -> ExitCode {
    match result {
        Ok(line) => {
            if let Some(line) = line {
                eprintln!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            // A path in the error may hold what a terminal would execute.
            eprintln!("error: {}", roster::terminal::visible(&format!("{e:#}")));
            if let Some(PortInUse(port)) = e.downcast_ref::<PortInUse>() {
                eprintln!(
                    "help: pass --port N to use another port, such as --port {}",
                    port.wrapping_add(1).max(1024)
                );
            }
            ExitCode::from(2)
        }
    }
}

fn report(outcome: &Outcome, color: bool) -> ExitCode {
    eprint!(
        "{}",
        roster::terminal::render(&outcome.diagnostics, &outcome.root, color)
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
