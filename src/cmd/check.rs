//! `roster check`: report every problem a build would find; write nothing.

use std::path::Path;

use anyhow::Result;

use super::{Console, Status};
use crate::pipeline::{self, Overrides};

/// Check the portfolio at `dir` with the `--as-of` and `--internal` of
/// `overrides` (the internal build's notes are checked either way).
pub fn run(dir: &Path, overrides: &Overrides, console: &Console) -> Result<Status> {
    Ok(super::report(&pipeline::check(dir, overrides), console)?)
}
