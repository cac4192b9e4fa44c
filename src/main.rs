#![warn(missing_docs)]
//! The `roster` command: parse the command line, run the subcommand
//! ([`roster::cmd`]) and map how it ended to an exit status (0 ok, 1 the
//! data has errors, 2 usage or I/O).

mod cli;

use std::process::ExitCode;

use clap::Parser;
use roster::cmd::{self, Console, Format, Status};
use roster::{ArchiveOptions, BuildOptions, ImportOptions, ServeOptions};

/// The build allocates many short strings from two threads; mimalloc spends
/// about a fifth less time on that than the system allocator (see
/// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    small_pages();
    let cli = cli::Cli::parse();
    let args = &cli.console;
    let console = Console::new(Format::Human, args.quiet, args.verbose, args.color);
    let status = run(cli.command, &console).unwrap_or_else(|e| match cmd::closed_pipe(&e) {
        true => Status::Ok,
        false => cmd::failed(&e, &console),
    });
    ExitCode::from(status.code())
}

/// Run a subcommand, printing through `console`, in the format the
/// subcommand's `--format` asks where it has one.
fn run(command: cli::Command, console: &Console) -> anyhow::Result<Status> {
    let console = |format| console.with_format(format);
    match command {
        cli::Command::Build {
            dir: root,
            output,
            report,
            format,
        } => {
            let overrides = report.overrides();
            let opts = BuildOptions {
                root,
                output,
                overrides,
            };
            cmd::build::run(&opts, &console(format))
        }
        cli::Command::Check {
            dir,
            report,
            format,
        } => cmd::check::run(&dir, &report.overrides(), &console(format)),
        cli::Command::Serve {
            dir: root,
            port,
            interface,
            report,
        } => {
            let overrides = report.overrides();
            let opts = ServeOptions {
                root,
                port,
                interface,
                overrides,
            };
            cmd::serve::run(&opts, &console(Format::Human))
        }
        cli::Command::Init { dir, bare } => cmd::init::run(&dir, bare, &console(Format::Human)),
        cli::Command::Import {
            paths,
            client,
            preset,
            partnership,
            force,
        } => {
            let (files, root) = cmd::import::split(paths);
            let opts = ImportOptions {
                root,
                client,
                files,
                preset,
                partnership,
                force,
            };
            cmd::import::run(&opts, &console(Format::Human))
        }
        cli::Command::Archive {
            month,
            dir,
            clients,
            as_of,
            force,
            format,
        } => {
            let opts = ArchiveOptions {
                root: dir,
                month,
                clients,
                as_of,
                force,
            };
            cmd::archive::run(&opts, &console(format))
        }
        cli::Command::Completions { shell } => cli::completions(shell, &console(Format::Human)),
        cli::Command::Man { output } => cli::man(output.as_deref(), &console(Format::Human)),
    }
}

/// Ask Linux for ordinary 4 KiB pages, not transparent huge pages. A build
/// allocates and frees many regions of every size; with huge pages each
/// first touch zeroes 2 MiB, and a region partly used is counted whole. On
/// the 50-client benchmark this cut peak memory from 263 to 185 MiB and
/// system time by half (docs/performance.md). Where it cannot be set,
/// nothing changes.
fn small_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}
