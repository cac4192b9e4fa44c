//! `roster serve`: preview the site, rebuilt as files change.

use anyhow::Result;

use super::{Console, Status};
use crate::serve::{self, ServeOptions};

/// Serve as `opts` say until Ctrl-C, printing as `console` says.
pub fn run(opts: &ServeOptions, console: &Console) -> Result<Status> {
    serve::serve(opts, console)?;
    Ok(Status::Ok)
}
