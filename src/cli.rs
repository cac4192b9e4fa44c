//! The command line's syntax: clap structs and nothing else.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

/// Build static report sites for creator partnerships from YAML and CSV.
#[derive(Debug, Parser)]
#[command(name = "roster", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  roster init my-portfolio     start a portfolio from a working example\n  roster build                 build the portfolio in the current folder\n  roster build sample-data     build the sample portfolio into sample-data/public\n  roster check my-portfolio    report every problem, write nothing\n  roster serve my-portfolio    preview at http://127.0.0.1:8000/, rebuilt as you save"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site of every published client.
    #[command(
        after_help = "Examples:\n  roster build\n  roster build sample-data --output /tmp/site\n  roster build . --as-of 2026-10-31 --client lumen"
    )]
    Build {
        /// The portfolio folder (holding roster.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write the site [default: output_dir of roster.yaml, or DIR/public].
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// The report date, overriding as_of in roster.yaml.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// Build only this client (repeatable).
        #[arg(long = "client", value_name = "ID")]
        clients: Vec<String>,
    },
    /// Check the portfolio and report every problem; writes nothing.
    #[command(after_help = "Examples:\n  roster check\n  roster check sample-data")]
    Check {
        /// The portfolio folder (holding roster.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The report date, overriding as_of in roster.yaml.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
    },
    /// Build the site, serve it on 127.0.0.1, and rebuild and reload it as
    /// files change.
    #[command(
        long_about = "Build the site, serve it on 127.0.0.1, and rebuild and reload it as files change.\n\nThe site is kept in memory: serve writes nothing to the output folder. Only the clients whose files changed are rebuilt (every client when roster.yaml, templates/ or themes/ change). Open pages reload themselves; while a change has errors, the last good site stays up with the errors shown over it. Ctrl-C stops.",
        after_help = "Examples:\n  roster serve\n  roster serve sample-data --port 8080"
    )]
    Serve {
        /// The portfolio folder (holding roster.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The port to listen on, on 127.0.0.1 only; 0 picks a free one.
        #[arg(short, long, default_value_t = 8000)]
        port: u16,
    },
    /// Start a portfolio in DIR from a working example, with a .gitignore
    /// and a GitHub Pages workflow.
    #[command(after_help = "Examples:\n  roster init my-portfolio && roster build my-portfolio")]
    Init {
        /// A new or empty folder.
        dir: PathBuf,
    },
}
