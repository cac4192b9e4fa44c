//! `roster init`: start a portfolio from the sample or, with `--bare`, an
//! empty skeleton; the work is [`crate::init`]'s, this says what it made
//! and what to run next.

use std::path::Path;

use anyhow::Result;

use super::{Console, Status};
use crate::diagnostics::terminal;

/// Create a portfolio in `dir`: the sample, or the skeleton when `bare`.
pub fn run(dir: &Path, bare: bool, console: &Console) -> Result<Status> {
    let made = crate::init::init(dir, bare)?;
    if console.chatty() {
        console.line(&created(&made))?;
    }
    Ok(Status::Ok)
}

/// What `init` says it made, and what to run next.
fn created(made: &crate::init::Created) -> String {
    let root = terminal::visible(&made.root.display().to_string()).into_owned();
    match made.bare {
        false => format!(
            "created a portfolio in {root} ({}): the sample clients, a .gitignore and .github/workflows/pages.yml\nnext: roster build {root}   or   roster serve {root}",
            terminal::plural(made.files, "file")
        ),
        true => format!(
            "created an empty portfolio in {root} ({}): roster.yaml, the client clients/my-client/ to fill in, a .gitignore and .github/workflows/pages.yml\nnext: rename clients/my-client/, add a partnership to its partnerships/ and its exports to metrics/, then roster serve {root}",
            terminal::plural(made.files, "file")
        ),
    }
}
