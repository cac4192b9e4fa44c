//! `roster init`: start a portfolio from the sample; the work is
//! [`crate::init`]'s, this says what it made and what to run next.

use std::path::Path;

use anyhow::Result;

use super::Status;

/// Create a portfolio in `dir`.
pub fn run(dir: &Path) -> Result<Status> {
    let created = crate::init::init(dir)?;
    eprintln!(
        "created a portfolio in {} ({} files): the sample clients, a .gitignore and .github/workflows/pages.yml\nnext: roster build {0}   or   roster serve {0}",
        created.root.display(),
        created.files
    );
    Ok(Status::Ok)
}
