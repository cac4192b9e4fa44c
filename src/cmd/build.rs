//! `roster build`: check, compute, render and write the site.

use anyhow::Result;

use super::{Console, Status};
use crate::pipeline::{self, BuildOptions};
use crate::progress::Progress;

/// Build as `opts` say, printing as `console` says: a progress bar on a
/// terminal and the closing line, unless quiet; each stage's time, each
/// export read and each client written, when verbose.
pub fn run(opts: &BuildOptions, console: &Console) -> Result<Status> {
    let progress = match console.chatty() {
        true => Progress::on(console),
        false => Progress::hidden(),
    };
    let mut outcome = pipeline::build_with(opts, &progress)?;
    if !console.verbose() {
        outcome.reads.clear();
    }
    Ok(super::report(&outcome, console)?)
}
