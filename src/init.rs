//! `roster init DIR`: start a portfolio from a working example.
//!
//! The example is the project's sample portfolio, built into the binary, so
//! `roster init x && roster build x` works anywhere without a clone of the
//! repository. Beside it go a `.gitignore` for the output and a GitHub
//! Actions workflow that builds the site and publishes it to GitHub Pages.
//! A folder that holds anything is refused rather than merged into.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use include_dir::{Dir, DirEntry, include_dir};

/// The sample clients; the sample's built site (`sample-data/public`) is
/// left out by embedding only `clients/` and `roster.yaml`.
static CLIENTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/sample-data/clients");

/// The sample's settings.
const ROSTER_YAML: &str = include_str!("../sample-data/roster.yaml");

/// Keeps the built site out of the repository; `output_dir` of the sample.
/// Beside it, roster keeps its lock and, after an interrupted build, its
/// staging folders (`.public.roster-*`) until the next build removes them.
const GITIGNORE: &str = "# The site roster builds; GitHub Actions builds it again on every push.\n/public/\n# Beside it: the lock of a build, and what an interrupted build left.\n/.public.roster-*\n";

/// The workflow that publishes the site to GitHub Pages.
const WORKFLOW: &str = r#"# Build the reports with roster and publish them to GitHub Pages.
#
# Once, in the repository's Settings > Pages > Build and deployment, choose
# Source: GitHub Actions. Every push to main then rebuilds the site. A
# portfolio with errors fails the job (the errors are in its log) and the
# published site stays as it was.
#
# The site works as a project site (https://USER.github.io/REPO/CLIENT/) as
# well as at the root of a domain: every link inside it is relative.
name: Publish reports

on:
  push:
    branches: [main]   # your default branch
  workflow_dispatch:

env:
  # SETTING: where roster's source is. roster is not published on crates.io,
  # so the job builds it from its repository with
  # `cargo install --locked --git "$ROSTER_GIT" --rev <commit>`.
  # Point it at the roster repository you use (the original or your fork).
  ROSTER_GIT: https://github.com/OWNER/roster
  # Which of its branches or tags to use; the commit it names is cached, so
  # roster is compiled again only when that commit changes.
  ROSTER_REF: HEAD

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Find roster's commit
        id: roster
        run: |
          rev=$(git ls-remote "$ROSTER_GIT" "$ROSTER_REF" | head -n 1 | cut -f 1)
          test -n "$rev" || { echo "no $ROSTER_REF in $ROSTER_GIT: set ROSTER_GIT at the top of this file"; exit 1; }
          echo "rev=$rev" >> "$GITHUB_OUTPUT"
      - name: Cache roster
        id: cache
        uses: actions/cache@v4
        with:
          path: ~/.cargo/bin/roster
          key: roster-${{ runner.os }}-${{ steps.roster.outputs.rev }}
      - name: Install roster
        if: steps.cache.outputs.cache-hit != 'true'
        run: cargo install --locked --git "$ROSTER_GIT" --rev "${{ steps.roster.outputs.rev }}" roster
      - name: Build the site
        run: roster build . --output public
      - uses: actions/configure-pages@v5
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

/// What `roster init` wrote.
#[derive(Debug)]
pub struct Created {
    /// The new portfolio.
    pub root: PathBuf,
    /// How many files.
    pub files: usize,
}

/// Write the example portfolio into `dir`, which must be missing or empty.
pub fn init(dir: &Path) -> Result<Created> {
    if dir.exists() {
        if !dir.is_dir() {
            bail!("{} is a file, not a folder", dir.display());
        }
        let empty = fs::read_dir(dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .next()
            .is_none();
        if !empty {
            bail!(
                "{} is not empty; roster init starts a portfolio in a new or empty folder",
                dir.display()
            );
        }
    }
    let mut files: Vec<(PathBuf, &[u8])> = vec![
        (PathBuf::from("roster.yaml"), ROSTER_YAML.as_bytes()),
        (PathBuf::from(".gitignore"), GITIGNORE.as_bytes()),
        (
            PathBuf::from(".github/workflows/pages.yml"),
            WORKFLOW.as_bytes(),
        ),
    ];
    collect(&CLIENTS, Path::new("clients"), &mut files);
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(Created {
        root: dir.to_path_buf(),
        files: files.len(),
    })
}

/// Every file of an embedded folder, with its path under `under`.
fn collect(dir: &'static Dir<'static>, under: &Path, out: &mut Vec<(PathBuf, &'static [u8])>) {
    for entry in dir.entries() {
        match entry {
            DirEntry::Dir(d) => collect(d, under, out),
            DirEntry::File(f) => out.push((under.join(f.path()), f.contents())),
        }
    }
}
