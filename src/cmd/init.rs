//! `roster init`: start a portfolio from the sample; the work is
//! [`crate::init`]'s, this says what it made and what to run next.

use std::path::Path;

use anyhow::Result;

use super::Status;
use crate::diagnostics::terminal;

/// Create a portfolio in `dir`.
pub fn run(dir: &Path) -> Result<Status> {
    let created = crate::init::init(dir)?;
    eprintln!("{}", terminal::created(&created.root, created.files));
    Ok(Status::Ok)
}
