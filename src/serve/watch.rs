//! Watching what a build reads: each folder that [`crate::load::watched`]
//! lists, alone, and nothing else, so that a link out of the portfolio
//! (to `/`, to `/usr`) costs no watch and cannot stop `serve`, as it
//! cannot stop a build.
//!
//! The folders are listed again before every rebuild ([`Watch::sync`]): a
//! folder made since is watched before the rebuild reads it, so no file
//! saved into it goes unseen; one gone is no longer watched. A folder that
//! cannot be watched is said once on the terminal, and serving goes on.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::DEBOUNCE;
use crate::diagnostics::terminal;

/// The folders watched, for as long as this is kept.
pub struct Watch {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    /// Those asked for, whether watching them worked or not (it is said
    /// once).
    folders: BTreeSet<PathBuf>,
}

impl Watch {
    /// Watch the portfolio at `root` (its real path), sending what
    /// changes to `send`.
    pub fn start(
        root: &Path,
        send: impl Fn(DebounceEventResult) + Send + 'static,
    ) -> Result<Watch> {
        let debouncer =
            new_debouncer(DEBOUNCE, Some(DEBOUNCE / 5), send).context("watching the portfolio")?;
        let mut watch = Watch {
            debouncer,
            folders: BTreeSet::new(),
        };
        watch.sync(root);
        Ok(watch)
    }

    /// Watch the folders a build of `root` reads now, and only those.
    pub fn sync(&mut self, root: &Path) {
        let now: BTreeSet<PathBuf> = crate::load::watched::folders(root).into_iter().collect();
        for gone in self.folders.difference(&now) {
            let _ = self.debouncer.unwatch(gone);
        }
        for new in now.difference(&self.folders) {
            if let Err(e) = self.debouncer.watch(new, RecursiveMode::NonRecursive) {
                let rel = new.strip_prefix(root).unwrap_or(new);
                let what = format!("{}: {e}", rel.display());
                eprintln!("{}", terminal::watch_failed(&terminal::visible(&what)));
            }
        }
        self.folders = now;
    }
}
