//! `roster check`: report every problem a build would find; write nothing.

use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use super::Status;
use crate::pipeline::{self, Overrides};

/// Check the portfolio at `dir` as of `as_of`, rendering the internal
/// build's pages when `internal` (its notes are checked either way).
pub fn run(dir: &Path, as_of: Option<NaiveDate>, internal: bool) -> Result<Status> {
    let overrides = Overrides {
        as_of,
        clients: Vec::new(),
        internal,
    };
    Ok(super::report(&pipeline::check(dir, &overrides)))
}
