//! What may be written: the refusals of an output folder.
//!
//! A build replaces the whole output folder, so before it touches anything
//! it makes sure the folder is roster's to replace: not the portfolio or one
//! of its input folders (the next build would read the pages back), not a
//! file, and holding nothing roster did not write. Every path is compared
//! with its links resolved, since a link to a web root is built into the web
//! root itself. Reads, never writes.

use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use super::MANIFEST;

/// The folders of the portfolio that roster reads (docs/input-format.md): an
/// output inside one would be read back by the next build (a page written
/// into `templates/` becomes a template).
const INPUT_FOLDERS: [&str; 3] = ["clients", "templates", "themes"];

/// Refuse an output folder that is the portfolio, contains it, lies in one
/// of its input folders, is a link to nothing, or holds files roster did not
/// write; otherwise the real folder to build into. Reads, never writes.
pub(super) fn guard_output(root: &Path, output: &Path) -> Result<PathBuf> {
    let out_abs = real_output(output)?;
    let root_abs = real_path(root).unwrap_or_else(|_| root.to_path_buf());
    if root_abs.starts_with(&out_abs) {
        bail!(
            "the output folder {} is the portfolio or contains it; choose another with --output or output_dir",
            output.display()
        );
    }
    if let Some(folder) = INPUT_FOLDERS
        .iter()
        .find(|f| out_abs.starts_with(root_abs.join(f)))
    {
        bail!(
            "the output folder {} is inside the portfolio's {folder} folder, which roster reads as input; choose another with --output or output_dir",
            output.display()
        );
    }
    guard_contents(output, &out_abs)?;
    Ok(out_abs)
}

/// Refuse a real output folder `out_abs` (named `output` by the user) that
/// is a file or holds anything roster did not write. A link is never
/// roster's, even under a name in the manifest: copying or reading through
/// it would reach outside the output.
pub(super) fn guard_contents(output: &Path, out_abs: &Path) -> Result<()> {
    if !out_abs.exists() {
        return Ok(());
    }
    if !out_abs.is_dir() {
        bail!(
            "the output path {} is a file, not a folder",
            output.display()
        );
    }
    // Litter an operating system left (`.DS_Store`) is not the user's: it
    // goes with the rest of what roster replaces.
    let empty = fs::read_dir(out_abs)
        .with_context(|| format!("reading {}", output.display()))?
        .filter_map(Result::ok)
        .all(|e| litter(&e.file_name(), e.file_type().is_ok_and(|t| t.is_file())));
    if empty {
        return Ok(());
    }
    let manifest = match fs::read_to_string(out_abs.join(MANIFEST)) {
        Ok(text) => text,
        Err(_) => bail!(
            "the output folder {} holds files roster did not write (it has no {MANIFEST}); empty it or choose another with --output",
            output.display()
        ),
    };
    let listed = super::manifest::listed(&manifest);
    let foreign: Vec<String> = walkdir::WalkDir::new(out_abs)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir() && !litter(e.file_name(), e.file_type().is_file()))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(out_abs).ok()?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            let ours = rel == MANIFEST || listed.contains(rel.as_str());
            (!ours || e.path_is_symlink()).then_some(rel)
        })
        .collect();
    if let Some(first) = foreign.first() {
        let more = match foreign.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        bail!(
            "the output folder {} holds files roster did not write ({first}{more}); move them elsewhere or choose another folder with --output",
            output.display()
        );
    }
    Ok(())
}

/// Whether an entry named `name` is a file an operating system left, not a
/// link (which may lead anywhere) nor a folder.
fn litter(name: &std::ffi::OsStr, is_file: bool) -> bool {
    is_file && crate::load::is_litter(&name.to_string_lossy())
}

/// The real folder of the output folder named `output` ([`real_path`]),
/// or the error for a link in its path that points nowhere.
pub(crate) fn real_output(output: &Path) -> Result<PathBuf> {
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
pub(crate) fn real_path(path: &Path) -> Result<PathBuf, PathBuf> {
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
}
