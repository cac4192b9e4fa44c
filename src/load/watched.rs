//! The folders a build reads, for `roster serve` to watch each one alone:
//! what it watches is what [`super::portfolio`] reads, found by the same
//! helpers and through the same door ([`super::within`]).
//!
//! They are the portfolio folder (roster.yaml), `templates/`, `themes/` and
//! each theme's folder, `clients/`, each client folder, and in each its
//! `partnerships/`, `notes/`, `notes/internal/`, and `metrics/` and
//! `assets/` with every folder below them. Hidden folders are passed over,
//! as the build passes over them; a folder whose real path is outside the
//! portfolio is not listed, for the build reads nothing there: a link from
//! `metrics/` to `/` costs no watch. A folder reached twice (through a link
//! inside the portfolio) is listed once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{INTERNAL_NOTES, layout, within};
use crate::diagnostics::Diagnostics;

/// The folders that a build of the portfolio at `root` lists or reads files
/// from, each to be watched without its subfolders, in the order found.
pub(crate) fn folders(root: &Path) -> Vec<PathBuf> {
    let mut found = Found {
        root,
        real_root: within::real_root(root),
        seen: BTreeMap::new(),
        list: Vec::new(),
    };
    found.one(root);
    found.one(&root.join("templates"));
    found.below(&root.join("themes"), 1);
    found.one(&root.join("clients"));
    // Its warnings are the build's to give.
    for dir in layout::client_dirs(root, &mut Diagnostics::new()) {
        found.one(&dir);
        found.one(&dir.join("partnerships"));
        found.one(&dir.join("notes"));
        found.one(&dir.join(INTERNAL_NOTES));
        found.below(&dir.join("metrics"), usize::MAX);
        found.below(&dir.join("assets"), usize::MAX);
    }
    found.list
}

struct Found<'a> {
    root: &'a Path,
    real_root: PathBuf,
    /// Real paths already listed, with their place in `list`.
    seen: BTreeMap<PathBuf, usize>,
    list: Vec<PathBuf>,
}

impl Found<'_> {
    /// List `path` when it is a folder inside the portfolio not yet listed
    /// (a folder reached through a link, then by its own path, is listed by
    /// its own); whether it is a folder inside the portfolio.
    fn one(&mut self, path: &Path) -> bool {
        if !path.is_dir() || within::is_outside(self.root, path) {
            return false;
        }
        let Ok(real) = std::fs::canonicalize(path) else {
            return false;
        };
        let direct = real.strip_prefix(&self.real_root).ok() == path.strip_prefix(self.root).ok();
        match self.seen.get(&real) {
            Some(&at) if direct => self.list[at] = path.to_path_buf(),
            Some(_) => {}
            None => {
                self.seen.insert(real, self.list.len());
                self.list.push(path.to_path_buf());
            }
        }
        true
    }

    /// List `dir` and the folders below it, `depth` levels down, but hidden
    /// ones and those outside the portfolio, and nothing below them: a
    /// link out is not walked.
    fn below(&mut self, dir: &Path, depth: usize) {
        let root = self.root;
        let walk = WalkDir::new(dir)
            .follow_links(true)
            .max_depth(depth)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let hidden = e.file_name().to_str().is_some_and(|n| n.starts_with('.'));
                e.file_type().is_dir()
                    && (e.depth() == 0 || !hidden)
                    && !within::is_outside(root, e.path())
            });
        for entry in walk.filter_map(Result::ok) {
            self.one(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn lists_what_a_build_reads_and_nothing_outside() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("p");
        let client = root.join("clients/a");
        for dir in [
            "metrics/posts/2026",
            "metrics/.cache",
            "notes/internal",
            "partnerships",
            "assets/img",
        ] {
            std::fs::create_dir_all(client.join(dir)).unwrap();
        }
        std::fs::create_dir_all(root.join("public/a")).unwrap();
        std::fs::create_dir_all(root.join("themes/mine")).unwrap();
        std::fs::create_dir_all(tmp.path().join("elsewhere/deep")).unwrap();
        symlink(tmp.path().join("elsewhere"), client.join("metrics/out")).unwrap();
        symlink("/", client.join("assets/sys")).unwrap();
        symlink(client.join("metrics/posts"), client.join("metrics/again")).unwrap();
        symlink(&client, client.join("metrics/loop")).unwrap();

        let listed: Vec<String> = folders(&root)
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            listed,
            [
                "",
                "themes",
                "themes/mine",
                "clients",
                "clients/a",
                "clients/a/partnerships",
                "clients/a/notes",
                "clients/a/notes/internal",
                "clients/a/metrics",
                "clients/a/metrics/posts",
                "clients/a/metrics/posts/2026",
                "clients/a/assets",
                "clients/a/assets/img",
            ]
        );
    }
}
