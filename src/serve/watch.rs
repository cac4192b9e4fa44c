//! Watching what a build reads: each folder that [`crate::load::watched`]
//! lists, alone, and nothing else, so that a link out of the portfolio
//! (to `/`, to `/usr`) costs no watch and cannot stop `serve`, as it
//! cannot stop a build.
//!
//! The folders are listed again before every rebuild ([`Watch::sync`]): a
//! folder made since is watched before the rebuild reads it, so no file
//! saved into it goes unseen; one gone is no longer watched; one replaced
//! by another of the same name (`rm -r posts && cp -r new posts`) is
//! watched anew, as a watch follows the folder and not its name. A folder
//! that cannot be watched is said once on the terminal, and serving goes
//! on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::DEBOUNCE;
use crate::diagnostics::terminal;

/// The folders watched, for as long as this is kept.
pub(super) struct Watch {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    /// Those asked for, with which folder each was, whether watching
    /// them worked or not (it is said once).
    folders: BTreeMap<PathBuf, Option<Identity>>,
}

impl Watch {
    /// Watch the portfolio at `root` (its real path), sending what
    /// changes to `send`.
    pub(super) fn start(
        root: &Path,
        send: impl Fn(DebounceEventResult) + Send + 'static,
    ) -> Result<Watch> {
        let debouncer =
            new_debouncer(DEBOUNCE, Some(DEBOUNCE / 5), send).context("watching the portfolio")?;
        let mut watch = Watch {
            debouncer,
            folders: BTreeMap::new(),
        };
        watch.sync(root);
        Ok(watch)
    }

    /// Watch the folders a build of `root` reads now, and only those.
    pub(super) fn sync(&mut self, root: &Path) {
        let now: BTreeMap<PathBuf, Option<Identity>> = crate::load::watched::folders(root)
            .into_iter()
            .map(|path| {
                let id = identity(&path);
                (path, id)
            })
            .collect();
        for (path, id) in &self.folders {
            if now.get(path) != Some(id) {
                let _ = self.debouncer.unwatch(path);
            }
        }
        for (path, id) in &now {
            if self.folders.get(path) == Some(id) {
                continue;
            }
            if let Err(e) = self.debouncer.watch(path, RecursiveMode::NonRecursive) {
                let rel = path.strip_prefix(root).unwrap_or(path);
                let what = format!("{}: {e}", rel.display());
                eprintln!("{}", terminal::watch_failed(&terminal::visible(&what)));
            }
        }
        self.folders = now;
    }
}

/// Which folder is at a path: its device and inode where there are such.
type Identity = (u64, u64);

#[cfg(unix)]
fn identity(path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_path: &Path) -> Option<Identity> {
    None
}
