//! The command line's syntax: clap structs, and what is made from them
//! alone (shell completions and the manual page).

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand};
use roster::cmd::{ColorChoice, Console, Format, Status};

/// What every `--help` ends with: the exit statuses, after `$examples`.
macro_rules! ending {
    ($examples:literal) => {
        concat!(
            "Examples:\n",
            $examples,
            "\n\nExit status:\n  0  success (warnings allowed)\n  1  the data has errors\n  2  the command line is wrong, or a file cannot be read or written"
        )
    };
}

/// Build static report sites for creator partnerships from YAML and CSV.
#[derive(Debug, Parser)]
#[command(name = "roster", version, about, long_about = None)]
#[command(
    after_help = ending!("  roster init my-portfolio     start a portfolio from a working example\n  roster build                 build the portfolio in the current folder\n  roster build sample-data     build the sample portfolio into sample-data/public\n  roster check my-portfolio    report every problem, write nothing\n  roster serve my-portfolio    preview at http://127.0.0.1:8000/, rebuilt as you save")
)]
pub struct Cli {
    /// How much to print, and in colour or not.
    #[command(flatten)]
    pub console: ConsoleArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The options of every subcommand: how much it prints, and whether in
/// colour.
#[derive(Debug, Args)]
pub struct ConsoleArgs {
    /// Print only the problems found: no progress, no closing line.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print how each stage went, the exports read and each client built.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Colour the output: auto (a terminal, unless NO_COLOR is set or CLICOLOR_FORCE forces it), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// What `build`, `check` and `serve` report: the report date, the clients,
/// and whether it is the agency's own build. One group, so that the three
/// read them alike.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The report date, overriding as_of in roster.yaml.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Only this client (repeatable): its folder alone is built, checked or served.
    #[arg(long = "client", value_name = "ID")]
    pub clients: Vec<String>,
    /// The agency's own build: the notes of notes/internal/ shown and every page marked "Internal" (check renders those pages; it checks notes/internal/ either way).
    #[arg(long)]
    pub internal: bool,
}

impl ReportArgs {
    /// The run's overrides of roster.yaml.
    pub fn overrides(self) -> roster::Overrides {
        roster::Overrides {
            as_of: self.as_of,
            clients: self.clients,
            internal: self.internal,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site of every published client.
    #[command(
        after_help = ending!("  roster build\n  roster build sample-data --output /tmp/site\n  roster build . --as-of 2026-10-31 --client lumen\n  roster build . --internal --output /tmp/internal-site")
    )]
    Build {
        /// The portfolio folder (holding roster.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write the site [default: output_dir of roster.yaml, or DIR/public].
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// The report date, the clients and whose build.
        #[command(flatten)]
        report: ReportArgs,
        /// How to print the problems found: human (rustc's form, on stderr), json (a list on stdout) or github (workflow commands on stdout, shown on the lines of a pull request).
        #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
        format: Format,
    },
    /// Check the portfolio and report every problem; writes nothing.
    #[command(after_help = ending!("  roster check\n  roster check sample-data"))]
    Check {
        /// The portfolio folder (holding roster.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The report date, the clients and whose build.
        #[command(flatten)]
        report: ReportArgs,
        /// How to print the problems found: human (rustc's form, on stderr), json (a list on stdout) or github (workflow commands on stdout, shown on the lines of a pull request).
        #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
        format: Format,
    },
    /// Build the site, serve it on 127.0.0.1, and rebuild and reload it as
    /// files change.
    #[command(
        long_about = "Build the site, serve it on 127.0.0.1, and rebuild and reload it as files change.\n\nThe site is kept in memory: serve writes nothing to the output folder. Only the clients whose files changed are rebuilt (every client when roster.yaml, templates/ or themes/ change). Open pages reload themselves; while a change has errors, the last good site stays up with the errors shown over it. Ctrl-C stops.",
        after_help = ending!("  roster serve\n  roster serve sample-data --port 8080")
    )]
    Serve {
        /// The portfolio folder (holding roster.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The port to listen on; 0 picks a free one.
        #[arg(short, long, default_value_t = 8000)]
        port: u16,
        /// The address to listen on [default: 127.0.0.1, this computer only]. Any other makes the reports visible to the network.
        #[arg(long, value_name = "ADDRESS")]
        interface: Option<IpAddr>,
        /// The report date, the clients and whose build.
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Read shop and platform exports and write them into a client's
    /// metrics/imported/ in roster's format, without personal data.
    #[command(
        long_about = "Read shop and platform exports (Shopify and WooCommerce orders, Meta, YouTube Studio and TikTok Studio content) and write each into clients/ID/metrics/imported/<name>.csv (a platform export's posts into imported/<partnership>/<name>.csv) in roster's own format: customers' e-mails hashed, line items folded into orders, discount codes resolved to partnerships, refunded, voided and cancelled orders left out. The raw export then need not be kept in the portfolio or its git history.\n\nThe same exports write the same bytes. When an earlier import wrote that file (next month's orders_export_1.csv, say), the rows are merged by id: the earlier rows this export lacks are kept, and the rest come from this export. A file that exists with other content is not overwritten without --force, which replaces the file instead of merging. Any problem writes nothing.",
        after_help = ending!("  roster import ~/Downloads/orders_export_1.csv --client kestrel-coffee\n  roster import Content.csv --client polyn my-portfolio --partnership vera-sokolova\n  roster import sheet.csv --client polyn --as meta-posts --force")
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
        /// Replace an imported file that exists with other rows, rather than merge into it.
        #[arg(long)]
        force: bool,
    },
    /// Start a portfolio in DIR from a working example (or, with --bare,
    /// an empty skeleton), with a .gitignore and a GitHub Pages workflow.
    #[command(after_help = ending!("  roster init my-portfolio && roster build my-portfolio\n  roster init --bare reports"))]
    Init {
        /// A new or empty folder.
        dir: PathBuf,
        /// Write roster.yaml and one empty client with comments, no sample data.
        #[arg(long)]
        bare: bool,
    },
    /// Record what a month's report says, so that every later build shows
    /// what changed in it since it was sent.
    #[command(
        long_about = "Record what MONTH's report says in clients/<id>/archive/<MONTH>.json, for each published client (or those named), computed as a build with the same report date computes it. Commit the files with the rest of the portfolio: every later build, check and serve computes the month again and shows what changed since (a \"Restated\" section on the month's report and in its PDF, `restatements` in data.json, a warning from check).\n\nOnly a month that is over by the report date and has a report can be archived. An archive that exists refuses the whole run unless --force, which keeps the existing file as <MONTH>.<n>.json. The same portfolio writes the same bytes; a problem writes nothing.",
        after_help = ending!("  roster archive 2026-09\n  roster archive 2026-10 sample-data --client kestrel-coffee\n  roster archive 2026-09 --force        accept a restatement: record the month as it is now")
    )]
    Archive {
        /// The month, YYYY-MM.
        month: String,
        /// The portfolio folder (holding roster.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Only this client (repeatable).
        #[arg(long = "client", value_name = "ID")]
        clients: Vec<String>,
        /// The report date, overriding as_of in roster.yaml.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// Replace an archive that exists, keeping it as <MONTH>.<n>.json.
        #[arg(long)]
        force: bool,
        /// How to print the problems found: human, json or github.
        #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
        format: Format,
    },
    /// Print a completion script for a shell.
    #[command(
        long_about = "Print a completion script for a shell to stdout. Load it in the shell's start-up file, or save it where the shell looks for completions.",
        after_help = ending!("  roster completions bash > ~/.local/share/bash-completion/completions/roster\n  roster completions zsh > ~/.zfunc/_roster     (with fpath+=~/.zfunc before compinit)\n  roster completions fish > ~/.config/fish/completions/roster.fish\n  roster completions powershell >> $PROFILE")
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print roster's manual page (roff), or write one page per command.
    #[command(after_help = ending!("  roster man | man -l -\n  roster man --output /usr/local/share/man/man1"))]
    Man {
        /// Write roster.1 and roster-<command>.1 into this folder instead.
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
}

/// `roster completions SHELL`: the script on the console's stdout.
pub fn completions(shell: clap_complete::Shell, console: &Console) -> anyhow::Result<Status> {
    let mut command = Cli::command();
    // Made whole first: clap_complete panics on a failed write, and stdout
    // fails when its reader has gone (`roster completions bash | head`).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "roster", &mut script);
    console.out(&script)?;
    Ok(Status::Ok)
}

/// `roster man`: roster(1) on the console's stdout, or with `--output DIR`
/// roster.1 and a page per command (`roster-build.1`, ...) written into DIR.
pub fn man(output: Option<&Path>, console: &Console) -> anyhow::Result<Status> {
    let mut command = Cli::command();
    let Some(dir) = output else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command).render(&mut page)?;
        console.out(&page)?;
        return Ok(Status::Ok);
    };
    // Built, so that the options of every command are in its page.
    command.build();
    let mut pages = vec![("roster.1".to_string(), command.clone())];
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("roster-{}", sub.get_name());
        pages.push((format!("{name}.1"), sub.clone().name(name)));
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (file, page) in &pages {
        let mut text = Vec::new();
        clap_mangen::Man::new(page.clone()).render(&mut text)?;
        let path = dir.join(file);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    console.line(&format!(
        "wrote {} manual pages to {}",
        pages.len(),
        dir.display()
    ))?;
    Ok(Status::Ok)
}
