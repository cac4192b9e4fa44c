//! Walking the portfolio's folders as a build reads them: sorted, hidden
//! entries skipped, links to folders inside the portfolio followed (each
//! real folder once, so a link back up is no loop), a folder that leads out
//! or cannot be read reported once at the folder, so that what it holds is
//! known missing rather than silently absent.

use std::fs;
use std::path::{Path, PathBuf};

use super::{rel, within};
use crate::diagnostics::kind::FileProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Entries of the folder `dir` of the portfolio at `root`, sorted by name,
/// hidden ones skipped; none when it does not exist. `None` when it cannot
/// be read (one error at the folder) or leads out of the portfolio through
/// a link (a warning naming it), so that what it holds is known missing.
pub(super) fn sorted_entries(
    root: &Path,
    dir: &Path,
    diags: &mut Diagnostics,
) -> Option<Vec<PathBuf>> {
    let at = rel(root, dir);
    let unreadable = |e: std::io::Error, diags: &mut Diagnostics| {
        let problem = FileProblem::UnreadableFolder {
            reason: e.to_string(),
        };
        diags.push(Diagnostic::error(problem).in_file(&at).io());
    };
    if within::is_outside(root, dir) {
        let problem = FileProblem::FolderLinkOutside { folder: at.clone() };
        diags.push(Diagnostic::warning(problem).in_file(&at));
        return None;
    }
    let listed = fs::read_dir(dir).and_then(|rd| {
        rd.map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<Vec<PathBuf>>>()
    });
    let mut v: Vec<PathBuf> = match listed {
        Ok(v) => v,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            unreadable(e, diags);
            return None;
        }
    };
    v.retain(|p| {
        !p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
    });
    v.sort();
    Some(v)
}

/// Files below the folder `dir` of the portfolio at `root`, sorted (each
/// folder's entries by name, a subfolder's files where it sorts), hidden
/// ones skipped, and whether every folder could be read ([`sorted_entries`]
/// reports those that could not). A link to a folder inside the portfolio
/// is followed, each real folder read once (so a link back up is no loop).
/// Anything else that is not a folder counts as a file, so that the door
/// reports a link to nowhere or a named pipe rather than skipping it.
pub(crate) fn walk_files(root: &Path, dir: &Path, diags: &mut Diagnostics) -> (Vec<PathBuf>, bool) {
    let mut files = Vec::new();
    let mut complete = true;
    let mut seen = std::collections::HashSet::new();
    // Entries still to look at, the next last.
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        let is_dir = path == dir || fs::metadata(&path).is_ok_and(|m| m.is_dir());
        if !is_dir {
            files.push(path);
            continue;
        }
        if fs::canonicalize(&path).is_ok_and(|real| !seen.insert(real)) {
            continue;
        }
        match sorted_entries(root, &path, diags) {
            Some(entries) => stack.extend(entries.into_iter().rev()),
            None => complete = false,
        }
    }
    (files, complete)
}
