//! `roster init --bare`: roster.yaml and one client to fill in, every file
//! commented, with no sample data, no exchange rates and no report date.
//! Folders that hold nothing yet keep a `.gitkeep` (roster passes hidden
//! files over) that says what goes in them.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

/// The skeleton's settings.
pub(super) const ROSTER_YAML: &str = include_str!("../../assets/init/bare/roster.yaml");

/// The skeleton's client folder.
static CLIENTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/init/bare/clients");

/// The skeleton's files under `clients/`, by path in the portfolio.
pub(super) fn files() -> Vec<(PathBuf, &'static [u8])> {
    let mut files = Vec::new();
    super::collect(&CLIENTS, Path::new("clients"), &mut files);
    files
}
