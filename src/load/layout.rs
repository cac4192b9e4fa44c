//! Which entries of a portfolio's folders are input, and a warning for each
//! one roster passes over, so that nothing is left out in silence: a
//! partnership saved as `x.YAML`, a folder named `partnership`, a file
//! dropped into `clients/`. Hidden files (editors' swap files, `.gitkeep`)
//! are passed over without a word; a hidden client folder is not, since its
//! previous site would vanish with it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::kind::FileProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};

/// What a client folder may hold.
pub(super) const CLIENT_ENTRIES: [&str; 6] = [
    "client.yaml",
    "partnerships",
    "metrics",
    "notes",
    "assets",
    "archive",
];

/// Files that operating systems leave in folders a person opened (Finder's
/// `.DS_Store`, Explorer's thumbnails and folder settings): never input,
/// never worth a warning, and never data of the user's.
const LITTER: [&str; 4] = [".DS_Store", "Thumbs.db", "ehthumbs.db", "desktop.ini"];

/// Whether a file named `name` is litter an operating system left
/// ([`LITTER`], in any case, as Windows names are).
pub(crate) fn is_litter(name: &str) -> bool {
    LITTER.iter().any(|l| l.eq_ignore_ascii_case(name))
}

pub(super) fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn hidden(path: &Path) -> bool {
    name(path).starts_with('.')
}

/// Every entry of `dir`, sorted by name, but litter.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| !is_litter(&name(p)))
            .collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Warn that `path` is not read.
fn ignored(root: &Path, path: &Path, problem: FileProblem, diags: &mut Diagnostics) {
    diags.push(Diagnostic::warning(problem).in_file(&rel(root, path)));
}

/// The folders under `clients/`, hidden ones too (the id check refuses
/// them by name), with a warning for each file there.
pub(super) fn client_dirs(root: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    for path in entries(&root.join("clients")) {
        if path.is_dir() {
            dirs.push(path);
        } else if !hidden(&path) {
            let problem = FileProblem::FileInClients { name: name(&path) };
            ignored(root, &path, problem, diags);
        }
    }
    dirs
}

/// Warn about the entries of a client folder that are none of
/// [`CLIENT_ENTRIES`], with the one likely meant.
pub(super) fn client_folder(root: &Path, dir: &Path, diags: &mut Diagnostics) {
    for path in entries(dir) {
        let n = name(&path);
        if hidden(&path) || CLIENT_ENTRIES.contains(&n.as_str()) {
            continue;
        }
        let problem = FileProblem::NotAClientEntry {
            suggestion: did_you_mean(&n, CLIENT_ENTRIES).map(str::to_string),
            name: n,
            entries: CLIENT_ENTRIES.map(str::to_string).to_vec(),
        };
        ignored(root, &path, problem, diags);
    }
}

/// The file name with its extension replaced by `ext`, for a help.
fn renamed(path: &Path, ext: &str) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{stem}.{ext}")
}

/// Warn about an entry of `partnerships/`, `notes/` or `metrics/` that
/// roster does not read: `kind` is the folder, `ext` what its files end in.
pub(super) fn not_input(root: &Path, path: &Path, kind: &str, ext: &str, diags: &mut Diagnostics) {
    if hidden(path) || is_litter(&name(path)) {
        return;
    }
    let (name, folder, ext) = (name(path), kind.to_string(), ext.to_string());
    let problem = if path.is_dir() {
        FileProblem::FolderNotInput { name, folder, ext }
    } else {
        FileProblem::FileNotInput {
            renamed: renamed(path, &ext),
            name,
            folder,
            ext,
        }
    };
    ignored(root, path, problem, diags);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_help_renames_to_the_extension_read() {
        assert_eq!(renamed(Path::new("p/anna.YAML"), "yaml"), "anna.yaml");
        assert_eq!(renamed(Path::new("p/anna"), "yaml"), "anna.yaml");
    }
}
