//! `roster build`: check, compute, render and write the site.

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;

use super::Status;
use crate::pipeline::{self, BuildOptions, Overrides};
use crate::progress::Progress;

/// Build the portfolio at `dir` into `output` (default: its output_dir),
/// as of `as_of`, only `clients` when some are named, as the agency's own
/// site when `internal`.
pub fn run(
    dir: PathBuf,
    output: Option<PathBuf>,
    as_of: Option<NaiveDate>,
    clients: Vec<String>,
    internal: bool,
) -> Result<Status> {
    let opts = BuildOptions {
        root: dir,
        output,
        overrides: Overrides {
            as_of,
            clients,
            internal,
        },
    };
    let outcome = pipeline::build_with(&opts, &Progress::stderr())?;
    Ok(super::report(&outcome))
}
