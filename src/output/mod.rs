//! The output folder, written atomically: what the rest of roster calls to
//! claim it, stage a new site beside it and swap that in.
//!
//! A build renders its pages into a staging folder beside the output and
//! swaps it in only when all of it succeeded, so a failed or interrupted
//! build leaves the previous site byte-identical. The output folder carries
//! a manifest of what roster wrote; a folder holding anything else, the
//! portfolio itself or one of its input folders is refused ([`guard`]). A
//! linked output is built into the folder the link points at. Beside the
//! output, roster owns only the names `.<name>.roster-*` ([`lock`]).

mod guard;
mod lock;
mod manifest;
mod staging;

use std::path::{Path, PathBuf};

use anyhow::Result;

pub(crate) use lock::OutputLock;
pub(crate) use manifest::{MANIFEST, Previous};
pub(crate) use staging::Staging;

/// A file of the site: its path below the client's folder (or the output
/// folder), and its bytes, whichever renderer made them.
pub(crate) type File = (String, Vec<u8>);

/// Whether a path taken from a page name or the manifest stays inside the
/// folder it is joined to.
fn is_inside(rel: &str) -> bool {
    let path = Path::new(rel);
    !rel.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// The name roster gives to `what` beside `output`: `.<name>.roster-<what>`.
pub(crate) fn beside(output: &Path, what: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "site".into());
    output.with_file_name(format!(".{name}.roster-{what}"))
}

/// Where the previous site waits while a new one is swapped in.
fn aside(output: &Path) -> PathBuf {
    beside(output, "old")
}

/// An output folder claimed by one build: its real folder, guarded, and the
/// lock held until the new site is in.
pub(crate) struct Claimed {
    /// The real folder to build into, links resolved.
    pub dir: PathBuf,
    lock: OutputLock,
}

/// Resolve the output folder to the real one, guard it, and lock it for
/// this build, calling `waiting` when another build holds the lock. The
/// guard runs again under the lock, since until then another build may have
/// been swapping its site in.
pub(crate) fn claim(root: &Path, output: &Path, waiting: impl FnOnce()) -> Result<Claimed> {
    // Guarded first without the lock, so a folder refused outright gets no
    // lock file beside it.
    let real = guard::guard_output(root, output)?;
    let lock = OutputLock::acquire(&real, waiting)?;
    lock::recover_interrupted(&real)?;
    guard::guard_contents(output, &real)?;
    Ok(Claimed { dir: real, lock })
}

impl Claimed {
    /// Begin the new site, beside the output folder: an internal one
    /// (`--internal`) or a client-facing one.
    pub(crate) fn stage(&self, internal: bool) -> Result<Staging> {
        Staging::begin(&self.dir, internal)
    }

    /// Swap `staging`, holding the files `written`, in, and remove what
    /// interrupted builds left while the lock is still held.
    pub(crate) fn commit(self, staging: Staging, written: Vec<String>) -> Result<()> {
        staging.commit(written)?;
        lock::remove_leftovers(&self.dir, &self.lock)
    }
}

/// Write `bytes` to `path` through a temporary file beside it, so that a
/// reader sees the old file or the new one, never half of one.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests;
