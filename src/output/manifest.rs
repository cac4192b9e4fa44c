//! The manifest: the list of what roster wrote into an output folder. The
//! guard refuses a folder holding anything it does not list, and a build
//! with `--client` copies the other clients it lists from the previous site.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::Staging;
use super::guard::is_inside;

/// The file in the output folder that lists what roster wrote.
pub const MANIFEST: &str = ".roster-manifest";

/// Write the manifest of `written` into the folder `dir`: one path a line,
/// sorted, so that two builds of the same site write the same bytes.
pub(super) fn write(dir: &Path, mut written: Vec<String>) -> Result<()> {
    written.sort();
    written.push(String::new());
    fs::write(dir.join(MANIFEST), written.join("\n")).context("writing the manifest")
}

impl Staging {
    /// With `--client`, copy the previous site's other clients (and its
    /// top-level files, unless new ones are written) into the new one.
    pub fn keep_previous(
        &self,
        rebuilt: &[&str],
        new_top: bool,
        only: &[String],
    ) -> Result<Vec<String>> {
        let mut written = Vec::new();
        let manifest = self.output.join(MANIFEST);
        if only.is_empty() || !manifest.is_file() {
            return Ok(written);
        }
        let previous = fs::read_to_string(&manifest).unwrap_or_default();
        for rel in previous.lines().filter(|l| !l.is_empty()) {
            if !is_inside(rel) {
                bail!(
                    "the manifest of {} names {rel}, outside it",
                    self.output.display()
                );
            }
            let client = rel.split('/').next().unwrap_or_default();
            let replaced = if rel.contains('/') {
                rebuilt.contains(&client)
            } else {
                new_top
            };
            if replaced {
                continue;
            }
            let to = self.dir.path().join(rel);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::copy(self.output.join(rel), &to)
                .with_context(|| format!("keeping {rel} of the previous site"))?;
            written.push(rel.to_string());
        }
        Ok(written)
    }
}
