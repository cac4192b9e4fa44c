//! `roster serve`: preview the site on 127.0.0.1, rebuilt as files change.

use std::path::PathBuf;

use anyhow::Result;

use super::Status;
use crate::serve::{self, ServeOptions};

/// Serve the portfolio at `dir` on `port` until Ctrl-C, as the agency's
/// own site when `internal`.
pub fn run(dir: PathBuf, port: u16, internal: bool) -> Result<Status> {
    serve::serve(&ServeOptions {
        root: dir,
        port,
        internal,
        color: super::color(),
    })?;
    Ok(Status::Ok)
}
