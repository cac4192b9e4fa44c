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
        after_help = "Examples:\n  roster build\n  roster build sample-data --output /tmp/site\n  roster build . --as-of 2026-10-31 --client lumen\n  roster build . --internal --output /tmp/internal-site"
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
        /// The agency's own build: show the notes of notes/internal/ and mark every page "Internal".
        #[arg(long)]
        internal: bool,
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
        /// Also render the internal build's pages (notes/internal/ is checked either way).
        #[arg(long)]
        internal: bool,
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
        /// Serve the agency's own build: the notes of notes/internal/ shown, every page marked "Internal".
        #[arg(long)]
        internal: bool,
    },
    /// Read shop and platform exports and write them into a client's
    /// metrics/imported/ in roster's format, without personal data.
    #[command(
        long_about = "Read shop and platform exports (Shopify and WooCommerce orders, Meta, YouTube Studio and TikTok Studio content) and write each into clients/ID/metrics/imported/<name>.csv in roster's own format: customers' e-mails hashed, line items folded into orders, discount codes resolved to partnerships, refunded, voided and cancelled orders left out. The raw export then need not be kept in the portfolio or its git history.\n\nThe same exports write the same bytes. A file that exists with other rows is not overwritten without --force. Any problem writes nothing.",
        after_help = "Examples:\n  roster import ~/Downloads/orders_export_1.csv --client kestrel-coffee\n  roster import Content.csv --client polyn my-portfolio --partnership vera-sokolova\n  roster import sheet.csv --client polyn --as meta-posts --force"
    )]
    Import {
        /// The exports (CSV files or workbooks, anywhere), then optionally
        /// the portfolio folder [default: .].
        #[arg(required = true, value_name = "FILE... [DIR]")]
        paths: Vec<PathBuf>,
        /// The client whose exports these are.
        #[arg(long, value_name = "ID")]
        client: String,
        /// Read the exports as this preset, whatever their header: shopify-orders, woocommerce-orders, meta-posts, youtube-table, tiktok-content.
        #[arg(long = "as", value_name = "PRESET")]
        preset: Option<String>,
        /// The partnership a platform export's posts belong to.
        #[arg(long, value_name = "ID")]
        partnership: Option<String>,
        /// Overwrite an imported file that exists with other rows.
        #[arg(long)]
        force: bool,
    },
    /// Start a portfolio in DIR from a working example, with a .gitignore
    /// and a GitHub Pages workflow.
    #[command(after_help = "Examples:\n  roster init my-portfolio && roster build my-portfolio")]
    Init {
        /// A new or empty folder.
        dir: PathBuf,
    },
}
