//! Which part of the site a changed file touches.
//!
//! A file under `clients/<id>/` belongs to that client alone; `roster.yaml`,
//! `templates/` and `themes/` belong to every client. Hidden files (editor
//! swap files, `.git`) and the output folder touch nothing, so an editor
//! saving or a `roster build` beside the server does not start a rebuild.

use std::collections::BTreeSet;
use std::path::{Component, Path};

/// What has to be rebuilt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Changes {
    /// Every client: the site-wide settings, templates or themes changed.
    pub everything: bool,
    /// The clients whose own files changed, by folder name.
    pub clients: BTreeSet<String>,
}

impl Changes {
    /// Everything, as on the first build.
    pub(crate) fn everything() -> Changes {
        Changes {
            everything: true,
            clients: BTreeSet::new(),
        }
    }

    /// Nothing to do.
    pub(crate) fn is_empty(&self) -> bool {
        !self.everything && self.clients.is_empty()
    }

    /// Add what `other` touches.
    pub(crate) fn merge(&mut self, other: Changes) {
        self.everything |= other.everything;
        self.clients.extend(other.clients);
    }

    /// Add what the file at `rel` (relative to the portfolio) touches;
    /// `output` is the output folder, relative to the portfolio.
    pub(crate) fn add(&mut self, rel: &Path, output: &Path) {
        let names: Vec<&str> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(n) => n.to_str(),
                _ => None,
            })
            .collect();
        let hidden = names.iter().any(|n| n.starts_with('.'));
        if names.is_empty() || hidden || (!output.as_os_str().is_empty() && rel.starts_with(output))
        {
            return;
        }
        match names.as_slice() {
            ["roster.yaml"] | ["templates", ..] | ["themes", ..] | ["clients"] => {
                self.everything = true;
            }
            ["clients", id, ..] => {
                self.clients.insert((*id).to_string());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(paths: &[&str]) -> Changes {
        let mut c = Changes::default();
        for p in paths {
            c.add(Path::new(p), Path::new("public"));
        }
        c
    }

    #[test]
    fn a_client_file_touches_that_client() {
        let c = of(&[
            "clients/lumen/metrics/posts.csv",
            "clients/lumen/client.yaml",
            "clients/polyn",
        ]);
        assert!(!c.everything);
        assert_eq!(
            c.clients.iter().map(String::as_str).collect::<Vec<_>>(),
            ["lumen", "polyn"]
        );
    }

    #[test]
    fn settings_templates_and_themes_touch_everything() {
        for p in [
            "roster.yaml",
            "templates/overview.html",
            "themes/dark/site.css",
            "clients",
        ] {
            assert!(of(&[p]).everything, "{p}");
        }
    }

    #[test]
    fn hidden_files_output_and_others_touch_nothing() {
        let c = of(&[
            ".git/index",
            "clients/lumen/metrics/.posts.csv.swp",
            "public/lumen/index.html",
            "README.md",
        ]);
        assert!(c.is_empty(), "{c:?}");
    }
}
