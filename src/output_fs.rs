//! The file-system work around the output folder: the real folder behind a
//! link, the lock that keeps two builds of one output apart, the leftovers
//! of interrupted builds, and the swap that never leaves the output missing.
//!
//! [`crate::site`] decides what may be written and writes it; this module
//! touches only the output folder itself and the names roster owns beside it
//! (`.<name>.roster-*`), and never follows a link when it removes anything:
//! a link someone left there may point at anything on the machine.

use std::fs::{self, File, TryLockError};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, anyhow};

/// The name roster gives to `what` beside `output`: `.<name>.roster-<what>`.
pub fn beside(output: &Path, what: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "site".into());
    output.with_file_name(format!(".{name}.roster-{what}"))
}

/// The real folder of the output folder named `output` ([`real_path`]),
/// or the error for a link in its path that points nowhere.
pub fn real_output(output: &Path) -> Result<PathBuf> {
    real_path(output).map_err(|link| {
        let target = fs::read_link(&link).unwrap_or_default();
        let target = link.parent().map_or(target.clone(), |p| p.join(&target));
        anyhow!(
            "the output folder {} leads through a link to a folder that does not exist ({} -> {}); create that folder or choose another with --output or output_dir",
            output.display(),
            link.display(),
            target.display()
        )
    })
}

/// `path` made absolute with every link in it resolved, the part that does
/// not exist yet kept as written. A link to a web root thus becomes the web
/// root itself: the build is staged beside it and swapped inside it, and the
/// link stays as it was. `Err` names a link that points nowhere: following
/// it would create a folder nobody named, and replacing it would lose where
/// it pointed.
pub fn real_path(path: &Path) -> Result<PathBuf, PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut real = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            // `real` has no links in it, so going up is going up by name.
            Component::ParentDir => {
                real.pop();
            }
            part => {
                real.push(part);
                let is_link = fs::symlink_metadata(&real).is_ok_and(|m| m.is_symlink());
                if is_link {
                    real = fs::canonicalize(&real).map_err(|_| real.clone())?;
                }
            }
        }
    }
    Ok(canonical_prefix(real))
}

/// `path` with its longest existing part in canonical form: a link-free
/// path is its own canonical form on Unix, but not on Windows (a verbatim
/// prefix), and two paths are compared only when both are said one way.
fn canonical_prefix(path: PathBuf) -> PathBuf {
    let mut existing = path.as_path();
    while !existing.exists() {
        match existing.parent() {
            Some(parent) => existing = parent,
            None => return path,
        }
    }
    let rest = path.strip_prefix(existing).unwrap_or(Path::new(""));
    match fs::canonicalize(existing) {
        Ok(canonical) if rest.as_os_str().is_empty() => canonical,
        Ok(canonical) => canonical.join(rest),
        Err(_) => path,
    }
}

/// The lock of one output folder, held from before the guard looks at it
/// until its new site is swapped in; released when dropped.
///
/// It is a file beside the output, not inside it, since the output folder
/// is replaced by every build. The file stays after the build: removing it
/// would let a build waiting on the old file and one creating a new file
/// both hold "the" lock.
pub struct OutputLock {
    _file: File,
}

impl OutputLock {
    /// Take the lock of `output`, calling `waiting` first when another build
    /// holds it and then waiting for it, as cargo waits for its build folder:
    /// the second of two builds started together is then simply the later.
    pub fn acquire(output: &Path, waiting: impl FnOnce()) -> Result<OutputLock> {
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

/// Remove what interrupted builds left beside `output`: their staging
/// folders (`.<name>.roster-new-*`) and a previous site moved aside
/// (`.<name>.roster-old`). Only with the lock held, so that no build is
/// using any of them; nothing else beside the output is touched.
pub fn remove_leftovers(output: &Path, _held: &OutputLock) -> Result<()> {
    let (staging, old) = (beside(output, "new-"), beside(output, "old"));
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

/// Swap two folders in one step, so that there is no moment without an
/// output folder; `false` where the system or file system cannot, and the
/// caller then renames twice.
pub fn exchange(a: &Path, b: &Path) -> bool {
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

    #[cfg(unix)]
    #[test]
    fn a_path_through_a_link_is_the_path_it_points_at() {
        let tmp = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(tmp.path()).unwrap();
        fs::create_dir_all(real.join("www")).unwrap();
        std::os::unix::fs::symlink(real.join("www"), real.join("link")).unwrap();
        let got = real_path(&real.join("link/site/../public")).unwrap();
        assert_eq!(got, real.join("www/public"));
        std::os::unix::fs::symlink(real.join("nowhere"), real.join("dangling")).unwrap();
        let err = real_path(&real.join("dangling/public")).unwrap_err();
        assert_eq!(err, real.join("dangling"));
    }

    #[test]
    fn a_missing_folder_named_with_dots_is_resolved_by_name() {
        let tmp = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(tmp.path()).unwrap();
        let got = real_path(&real.join("p/new/../templates")).unwrap();
        assert_eq!(got, real.join("p/templates"));
    }

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
