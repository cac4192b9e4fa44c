//! Helpers shared by the integration tests: fixtures in temporary folders and
//! a runner for the `roster` binary.

#![allow(dead_code)] // each test module uses its own part of these helpers

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The folder of the fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A copy of a fixture (or of sample-data) in a fresh temporary folder.
pub struct Fixture {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
    /// The portfolio inside it.
    pub root: PathBuf,
}

/// Copy a folder and everything in it, but a built site (`public`).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "public" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Fixture {
    /// Copy `tests/fixtures/<name>`.
    pub fn new(name: &str) -> Fixture {
        Fixture::from_path(&fixtures().join(name))
    }

    /// Copy the project's sample-data.
    pub fn sample() -> Fixture {
        Fixture::from_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"))
    }

    /// Copy any folder.
    pub fn from_path(path: &Path) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("portfolio");
        copy_dir(path, &root);
        Fixture { dir, root }
    }

    /// Write (or overwrite) a file of the portfolio.
    pub fn write(&self, rel: &str, text: &str) {
        let p = self.root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Where `build` writes by default in these tests.
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    /// Run `roster ARGS...` in the fixture's folder.
    pub fn roster(&self, args: &[&str]) -> Run {
        run(&self.root, args)
    }

    /// `roster build <root> --output <out>`.
    pub fn build(&self) -> Run {
        let out = self.out();
        self.roster(&["build", ".", "--output", out.to_str().unwrap()])
    }

    /// The CSV file `rel` of the built site ("polyn/reports/2026-10/month.csv"),
    /// as the "Download CSV" link of the page in its folder gives it.
    pub fn csv(&self, rel: &str) -> String {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let page = self.out().join(dir).join("index.html");
        let html = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let (_, bytes) = downloads(&html)
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{} has no download {name}", page.display()));
        String::from_utf8(bytes).unwrap()
    }

    /// The data.json of a built client.
    pub fn data(&self, client: &str) -> serde_json::Value {
        let text = std::fs::read_to_string(self.out().join(client).join("data.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

/// What a run of the binary did.
pub struct Run {
    /// Exit status code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Run the binary in `dir` with NO_COLOR set.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_roster"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Assert two JSON values are equal as compare.py judges: numbers within a
/// relative 1e-6, null only equal to null, lists member by member.
pub fn assert_json_close(want: &serde_json::Value, got: &serde_json::Value, path: &str) {
    use serde_json::Value::*;
    match (want, got) {
        (Object(w), Object(g)) => {
            for (k, v) in w {
                let g = g.get(k).unwrap_or_else(|| panic!("{path}.{k}: missing"));
                assert_json_close(v, g, &format!("{path}.{k}"));
            }
        }
        (Array(w), Array(g)) => {
            assert_eq!(w.len(), g.len(), "{path}: list length");
            for (i, (a, b)) in w.iter().zip(g).enumerate() {
                assert_json_close(a, b, &format!("{path}[{i}]"));
            }
        }
        (Number(a), Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            assert!(
                (a - b).abs() <= 1e-9_f64.max(1e-6 * a.abs().max(b.abs())),
                "{path}: expected {a}, got {b}"
            );
        }
        _ => assert_eq!(want, got, "{path}"),
    }
}

/// Every file under `dir`, by its path relative to `dir` (with `/`), with
/// its bytes: to compare two builds file by file.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Every file below `dir`, read as text (lossily), one after another: to
/// search a built site for what must not be in it.
pub fn all_text(dir: &Path) -> String {
    let mut out = String::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            out.push_str(&String::from_utf8_lossy(
                &std::fs::read(entry.path()).unwrap(),
            ));
            out.push('\n');
        }
    }
    out
}

/// The CSV downloads of a page: each link's `download` name and the file
/// its `data:` address holds. A link that is not such an address fails.
pub fn downloads(html: &str) -> Vec<(String, Vec<u8>)> {
    use base64::Engine as _;
    const LINK: &str = "data:text/csv;charset=utf-8;base64,";
    let mut out = Vec::new();
    for part in html.split("<p class=\"csv\"><a href=\"").skip(1) {
        let (href, rest) = part.split_once('"').unwrap();
        let name = rest
            .strip_prefix(" download=\"")
            .and_then(|r| r.split_once('"'))
            .map(|(n, _)| n.to_string())
            .unwrap_or_else(|| panic!("a CSV link without a file name: {href}"));
        let data = href
            .strip_prefix(LINK)
            .unwrap_or_else(|| panic!("{name}: not a data: link: {href}"));
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((name, bytes));
    }
    out
}
