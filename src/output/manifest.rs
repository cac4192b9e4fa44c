//! The manifest: the list of what roster wrote into an output folder, and
//! which kind of site it is (client-facing or internal). The guard refuses a
//! folder holding anything it does not list, and a build with `--client`
//! copies the other clients it lists from the previous site, when they are
//! still published and the site is of the same kind.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::Staging;
use super::is_inside;

/// The file in the output folder that lists what roster wrote.
pub(crate) const MANIFEST: &str = ".roster-manifest";

/// The manifest's first line: the kind of site, `--internal` or not.
fn kind_line(internal: bool) -> &'static str {
    if internal {
        "# roster site: internal"
    } else {
        "# roster site: client-facing"
    }
}

/// The paths a manifest's text lists (its kind line left out).
pub(super) fn listed(text: &str) -> BTreeSet<&str> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
        .collect()
}

/// Write the manifest of `written` into the folder `dir`: the kind of site,
/// then one path a line, sorted, so that two builds of the same site write
/// the same bytes.
pub(super) fn write(dir: &Path, internal: bool, mut written: Vec<String>) -> Result<()> {
    written.sort();
    written.insert(0, kind_line(internal).to_string());
    written.push(String::new());
    fs::write(dir.join(MANIFEST), written.join("\n")).context("writing the manifest")
}

/// What a build renders, and so what it may keep of the previous site.
pub(crate) struct Previous<'a> {
    /// The clients rendered this time.
    pub rebuilt: &'a [&'a str],
    /// Every published client, rendered this time or not.
    pub published: &'a [&'a str],
    /// Whether the top-level files (the index) are written this time.
    pub new_top: bool,
}

impl Staging {
    /// With `--client` (`only`), copy from the previous site the clients not
    /// rendered this time, when that site is of the same kind (`--internal`
    /// or not) and they are still published; and its top-level files, unless
    /// new ones are written or a client they name is gone. Nothing else is
    /// kept: a site holds exactly what this build means to publish.
    pub(crate) fn keep_previous(
        &self,
        previous: &Previous,
        only: &[String],
    ) -> Result<Vec<String>> {
        let mut written = Vec::new();
        let manifest = self.output.join(MANIFEST);
        if only.is_empty() || !manifest.is_file() {
            return Ok(written);
        }
        let text = fs::read_to_string(&manifest).unwrap_or_default();
        // A manifest of the other kind, or of a roster that did not say.
        if text.lines().next() != Some(kind_line(self.internal)) {
            return Ok(written);
        }
        let listed = listed(&text);
        if let Some(rel) = listed.iter().find(|rel| !is_inside(rel)) {
            bail!(
                "the manifest of {} names {rel}, outside it",
                self.output.display()
            );
        }
        let client_of = |rel: &str| rel.split_once('/').map(|(client, _)| client.to_string());
        let clients: BTreeSet<String> = listed.iter().filter_map(|r| client_of(r)).collect();
        let kept = |client: &str| {
            previous.published.contains(&client) && !previous.rebuilt.contains(&client)
        };
        // The index names every client of the site it was written for.
        let all_kept = clients
            .iter()
            .all(|c| kept(c) || previous.rebuilt.contains(&c.as_str()));
        for rel in listed {
            let keep = match client_of(rel) {
                Some(client) => kept(&client),
                None => !previous.new_top && all_kept,
            };
            if !keep {
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
