//! `roster init`: start a portfolio from the sample or, with `--bare`, an
//! empty skeleton; the work is [`crate::init`]'s, this says what it made
//! and what to run next.

use std::path::Path;

use anyhow::Result;

use super::{Console, Status};
use crate::diagnostics::terminal;

/// Create a portfolio in `dir`: the sample, or the skeleton when `bare`.
pub fn run(dir: &Path, bare: bool, console: &Console) -> Result<Status> {
    let created = crate::init::init(dir, bare)?;
    if console.chatty() {
        eprintln!("{}", terminal::created(&created));
    }
    Ok(Status::Ok)
}
