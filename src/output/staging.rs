//! The staging folder and the swap: a new site is written beside the output
//! folder and replaces it in one step, so a failed or interrupted build
//! leaves the previous site byte-identical.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use super::{File, is_inside};
use super::{aside, beside, manifest};

/// A new site being written beside the output folder. Clients are written
/// into it as soon as they are rendered (from several threads), so the whole
/// site never sits in memory; [`Staging::commit`] swaps it in. Dropped
/// without a commit, it removes itself and the output stays as it was.
pub(crate) struct Staging {
    pub(super) dir: tempfile::TempDir,
    pub(super) output: PathBuf,
    /// Whether it is an internal site (`--internal`), as its manifest says.
    pub(super) internal: bool,
}

impl Staging {
    /// Create the staging folder beside `output`, for an internal site
    /// (`--internal`) or a client-facing one.
    pub(crate) fn begin(output: &Path, internal: bool) -> Result<Staging> {
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        let prefix = beside(output, "new-");
        let prefix = prefix.file_name().unwrap_or_default();
        let dir = tempfile::Builder::new()
            .prefix(prefix)
            .tempdir_in(parent)
            .with_context(|| format!("creating a staging folder in {}", parent.display()))?;
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
            internal,
        })
    }

    /// Write one client's files; returns their paths for the manifest.
    pub(crate) fn write_client(&self, id: &str, pages: &[File]) -> Result<Vec<String>> {
        let mut written = Vec::with_capacity(pages.len());
        let mut made: BTreeSet<PathBuf> = BTreeSet::new();
        for (rel, bytes) in pages {
            if !is_inside(id) || !is_inside(rel) {
                bail!("refusing to write {id}/{rel}: it would land outside the output folder");
            }
            let path = self.dir.path().join(id).join(rel);
            if let Some(dir) = path.parent().filter(|d| !made.contains(*d)) {
                fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
                made.insert(dir.to_path_buf());
            }
            fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
            written.push(format!("{id}/{rel}"));
        }
        Ok(written)
    }

    /// Write files at the top of the output folder (the index).
    pub(crate) fn write_top(&self, top: &[File]) -> Result<Vec<String>> {
        let mut written = Vec::new();
        for (rel, bytes) in top {
            if !is_inside(rel) || rel.contains('/') {
                bail!("refusing to write {rel}: top-level pages are single files");
            }
            let path = self.dir.path().join(rel);
            fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
            written.push(rel.clone());
        }
        Ok(written)
    }

    /// Write the manifest of `written` and swap the new site in.
    pub(crate) fn commit(self, written: Vec<String>) -> Result<()> {
        let output = &self.output;
        manifest::write(self.dir.path(), self.internal, written)?;

        if output.is_dir() && exchange(self.dir.path(), output) {
            // The previous site is now where the staging folder was.
            let old = self.dir.keep();
            return remove_tree(&old)
                .with_context(|| format!("removing the previous site at {}", old.display()));
        }
        // Until the new site is in place, dropping `self.dir` removes it.
        let old = aside(output);
        if old.exists() {
            fs::remove_dir_all(&old).with_context(|| format!("removing {}", old.display()))?;
        }
        if output.exists() {
            fs::rename(output, &old)
                .with_context(|| format!("moving the previous site {} aside", output.display()))?;
        }
        if let Err(e) = fs::rename(self.dir.path(), output) {
            let _ = fs::rename(&old, output);
            return Err(e)
                .with_context(|| format!("moving the new site into {}", output.display()));
        }
        // Moved into place: nothing left for the guard to remove.
        let _ = self.dir.keep();
        if old.exists() {
            remove_tree(&old)
                .with_context(|| format!("removing the previous site at {}", old.display()))?;
        }
        Ok(())
    }
}

/// Remove a folder and everything in it, its subfolders (one per client) in
/// parallel: a site has thousands of files, and unlinking them is most of
/// the time a rebuild spends after rendering. A link in it is removed as a
/// link (`DirEntry::file_type` and `remove_dir_all` do not follow links), so
/// a link to `/` put into the site removes nothing outside it.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<std::io::Result<_>>()?;
    entries.par_iter().try_for_each(|e| {
        if e.file_type()?.is_dir() {
            fs::remove_dir_all(e.path())
        } else {
            fs::remove_file(e.path())
        }
    })?;
    fs::remove_dir(dir)
}

/// Swap two folders in one step, so that there is no moment without an
/// output folder; `false` where the system or file system cannot, and the
/// caller then renames twice.
fn exchange(a: &Path, b: &Path) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        // A failed rename changes nothing, so any failure may fall back.
        renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
    }
    #[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
    {
        let _ = (a, b);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_swaps_two_folders_or_says_it_cannot() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("f"), "a").unwrap();
        if exchange(&a, &b) {
            assert_eq!(fs::read(b.join("f")).unwrap(), b"a");
            assert!(!a.join("f").exists());
        } else {
            assert!(a.join("f").exists());
        }
    }
}
