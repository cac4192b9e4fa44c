//! The `roster` command: parse the command line, run the subcommand
//! ([`roster::cmd`]) and map how it ended to an exit status (0 ok, 1 the
//! data has errors, 2 usage or I/O).

mod cli;

use std::process::ExitCode;

use clap::Parser;
use roster::cmd;

/// The build allocates many short strings from two threads; mimalloc spends
/// about a fifth less time on that than the system allocator (see
/// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    small_pages();
    let ended = match cli::Cli::parse().command {
        cli::Command::Build {
            dir,
            output,
            as_of,
            clients,
            internal,
        } => cmd::build::run(dir, output, as_of, clients, internal),
        cli::Command::Check {
            dir,
            as_of,
            internal,
        } => cmd::check::run(&dir, as_of, internal),
        cli::Command::Serve {
            dir,
            port,
            internal,
        } => cmd::serve::run(dir, port, internal),
        cli::Command::Init { dir } => cmd::init::run(&dir),
        cli::Command::Import {
            paths,
            client,
            preset,
            partnership,
            force,
        } => {
            let (files, root) = cmd::import::split(paths);
            cmd::import::run(&roster::import::ImportOptions {
                root,
                client,
                files,
                preset,
                partnership,
                force,
            })
        }
    };
    let status = ended.unwrap_or_else(|e| cmd::failed(&e));
    ExitCode::from(status.code())
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
