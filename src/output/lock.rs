//! The lock that keeps two builds of one output folder apart, and the
//! leftovers of builds that were interrupted.
//!
//! Both live beside the output (`.<name>.roster-*`), never inside it, since
//! the output folder is replaced by every build. Nothing here follows a link
//! when it removes anything: a link someone left there may point at anything
//! on the machine.

use std::fs::{self, File, TryLockError};
use std::path::Path;

use anyhow::{Context, Result};

use super::{aside, beside};

/// The lock of one output folder, held from before the guard looks at it
/// until its new site is swapped in; released when dropped.
///
/// It is a file beside the output, not inside it, since the output folder
/// is replaced by every build. The file stays after the build: removing it
/// would let a build waiting on the old file and one creating a new file
/// both hold "the" lock.
pub(crate) struct OutputLock {
    _file: File,
}

impl OutputLock {
    /// Take the lock of `output`, calling `waiting` first when another build
    /// holds it and then waiting for it, as cargo waits for its build folder:
    /// the second of two builds started together is then simply the later.
    pub(crate) fn acquire(output: &Path, waiting: impl FnOnce()) -> Result<OutputLock> {
        let path = beside(output, "lock");
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("creating the lock {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting();
                file.lock()
                    .with_context(|| format!("waiting for the lock {}", path.display()))?;
            }
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("taking the lock {}", path.display()));
            }
        }
        Ok(OutputLock { _file: file })
    }
}

/// Put back the previous site when a build was interrupted between moving
/// it aside and moving the new one in.
pub(super) fn recover_interrupted(output: &Path) -> Result<()> {
    let old = aside(output);
    // Not through a link: that would make the output a link to anywhere.
    let old_is_dir = fs::symlink_metadata(&old).is_ok_and(|m| m.is_dir());
    if !output.exists() && old_is_dir {
        fs::rename(&old, output).with_context(|| {
            format!(
                "putting back the previous site {} after an interrupted build",
                old.display()
            )
        })?;
    }
    Ok(())
}

/// Remove what interrupted builds left beside `output`: their staging
/// folders (`.<name>.roster-new-*`) and a previous site moved aside
/// (`.<name>.roster-old`). Only with the lock held, so that no build is
/// using any of them; nothing else beside the output is touched.
pub(super) fn remove_leftovers(output: &Path, _held: &OutputLock) -> Result<()> {
    let (staging, old) = (beside(output, "new-"), aside(output));
    let (Some(parent), Some(staging), Some(old)) =
        (output.parent(), staging.file_name(), old.file_name())
    else {
        return Ok(());
    };
    let staging = staging.to_string_lossy();
    let entries = fs::read_dir(parent).with_context(|| format!("reading {}", parent.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", parent.display()))?;
        let name = entry.file_name();
        if name == old || name.to_string_lossy().starts_with(staging.as_ref()) {
            let path = entry.path();
            remove_entry(&path).with_context(|| {
                format!("removing {}, left by an interrupted build", path.display())
            })?;
        }
    }
    Ok(())
}

/// Remove a folder with what is in it, or a file, or a link as a link.
fn remove_entry(path: &Path) -> std::io::Result<()> {
    if fs::symlink_metadata(path)?.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}
