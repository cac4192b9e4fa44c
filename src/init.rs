//! `roster init DIR`: start a portfolio from a working example.
//!
//! The example is the project's sample portfolio, built into the binary, so
//! `roster init x && roster build x` works anywhere without a clone of the
//! repository. Beside it go a `.gitignore` for the output and a GitHub
//! Actions workflow that builds the site and publishes it to GitHub Pages.
//! A folder that holds anything is refused rather than merged into. Each
//! new portfolio gets a `customer_salt` of its own, drawn at random.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use include_dir::{Dir, DirEntry, include_dir};

mod bare;

/// The sample clients; the sample's built site (`sample-data/public`) is
/// left out by embedding only `clients/` and `roster.yaml`.
static CLIENTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/sample-data/clients");

/// The sample's settings.
const ROSTER_YAML: &str = include_str!("../sample-data/roster.yaml");

/// Keeps the built site out of the repository; `output_dir` of the sample.
/// Beside it, roster keeps its lock and, after an interrupted build, its
/// staging folders (`.public.roster-*`) until the next build removes them.
const GITIGNORE: &str = "# The site roster builds; GitHub Actions builds it again on every push.\n/public/\n# Beside it: the lock of a build, and what an interrupted build left.\n/.public.roster-*\n";

/// The GitHub Actions workflow: `roster check` on pull requests, a build
/// published to GitHub Pages on pushes. It installs the roster named by its
/// `@ROSTER_REPO@` and `@ROSTER_VERSION@`, which [`workflow`] fills in.
const WORKFLOW: &str = include_str!("../assets/init/pages.yml");

/// The workflow for this roster: the repository of `repository` in
/// Cargo.toml (the one place the project's address is set), as owner/name,
/// and this version, whose release the workflow downloads.
fn workflow() -> &'static str {
    static FILLED: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let address = env!("CARGO_PKG_REPOSITORY");
        let repo = address
            .strip_prefix("https://github.com/")
            .unwrap_or(address)
            .trim_end_matches('/')
            .trim_end_matches(".git");
        WORKFLOW
            .replace("@ROSTER_REPO@", repo)
            .replace("@ROSTER_VERSION@", env!("CARGO_PKG_VERSION"))
    });
    &FILLED
}

/// What `roster init` wrote.
#[derive(Debug)]
pub(crate) struct Created {
    /// The new portfolio.
    pub root: PathBuf,
    /// How many files.
    pub files: usize,
    /// Whether it is the empty skeleton, not the sample.
    pub bare: bool,
}

/// Write the example portfolio (or, when `bare`, the empty skeleton of
/// [`bare`]) into `dir`, which must be missing or empty.
pub(crate) fn init(dir: &Path, bare: bool) -> Result<Created> {
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
    let workflow = workflow();
    let settings = salted(
        match bare {
            true => bare::ROSTER_YAML,
            false => ROSTER_YAML,
        },
        &salt()?,
    );
    let mut files: Vec<(PathBuf, &[u8])> = vec![
        (PathBuf::from("roster.yaml"), settings.as_bytes()),
        (PathBuf::from(".gitignore"), GITIGNORE.as_bytes()),
        (
            PathBuf::from(".github/workflows/pages.yml"),
            workflow.as_bytes(),
        ),
    ];
    match bare {
        true => files.extend(bare::files()),
        false => {
            let mut clients = Vec::new();
            collect(&CLIENTS, Path::new("clients"), &mut clients);
            files.extend(clients);
        }
    }
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
        bare,
    })
}

/// What `customer_salt` protects, said above it in a new roster.yaml.
const SALT_COMMENT: &str = "\
# Customers' e-mail addresses and names become ids as roster reads them: a
# hash of this salt and the address. Without the salt, anyone with a list of
# addresses could tell whose ids they are, so keep it out of public view.
# Keep it as it is: changing it changes every customer's id, and orders read
# before and after the change no longer match.
";

/// A new portfolio's `customer_salt`: 16 random bytes, in hex.
fn salt() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| anyhow::anyhow!("no random bytes for customer_salt: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// `yaml` with `customer_salt` set to `salt`: its line replaced where it
/// has one, else the setting added at the end with what it protects.
fn salted(yaml: &str, salt: &str) -> String {
    let line = format!("customer_salt: \"{salt}\"");
    let mut out = String::with_capacity(yaml.len() + SALT_COMMENT.len() + line.len() + 2);
    let mut found = false;
    for l in yaml.split_inclusive('\n') {
        if !found && l.starts_with("customer_salt:") {
            found = true;
            out.push_str(&line);
            out.push('\n');
        } else {
            out.push_str(l);
        }
    }
    if !found {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
        out.push_str(SALT_COMMENT);
        out.push_str(&line);
        out.push('\n');
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_the_salt_in_place_or_adds_it_with_its_comment() {
        let added = salted("title: x\n", "ab");
        assert_eq!(
            added,
            format!("title: x\n\n{SALT_COMMENT}customer_salt: \"ab\"\n")
        );
        let replaced = salted("title: x\ncustomer_salt: \"\"\nlanguage: en\n", "cd");
        assert_eq!(replaced, "title: x\ncustomer_salt: \"cd\"\nlanguage: en\n");
        let (a, b) = (salt().unwrap(), salt().unwrap());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b, "each portfolio its own");
    }
}
