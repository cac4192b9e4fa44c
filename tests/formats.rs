//! `--format json` and `--format github` say what the terminal says: every
//! bad-input test's `check` is run again in both formats (through
//! [`agree`]), and each diagnostic must come back with the same message,
//! place and help, in the same order.

use std::path::Path;

use roster::internals::diagnostics::terminal::visible;
use serde::{Deserialize, Serialize};

use crate::bad_input::Shown;
use crate::common::{Run, run};

/// One diagnostic of `--format json`, every field named: an unknown or
/// missing field fails to parse.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub severity: String,
    pub kind: String,
    pub file: Option<String>,
    pub sheet: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

/// The diagnostics of a `--format json` run's stdout, checked to
/// round-trip: parsed into [`Entry`] and written back, they are the same
/// JSON.
pub fn parse(stdout: &str) -> Vec<Entry> {
    let value: serde_json::Value =
        serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"));
    let entries: Vec<Entry> = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("not a list of diagnostics ({e}):\n{stdout}"));
    assert_eq!(
        serde_json::to_value(&entries).unwrap(),
        value,
        "the diagnostics round-trip"
    );
    entries
}

/// The place the terminal shows after `-->`, from a JSON entry.
fn place(e: &Entry) -> String {
    let Some(file) = &e.file else {
        return String::new();
    };
    match (&e.sheet, e.line, e.column) {
        (Some(sheet), Some(row), Some(col)) => format!("{file} [{sheet}] {}{row}", letters(col)),
        (Some(sheet), _, _) => format!("{file} [{sheet}]"),
        (None, Some(line), Some(col)) => format!("{file}:{line}:{col}"),
        (None, Some(line), None) => format!("{file}:{line}"),
        (None, None, _) => file.clone(),
    }
}

/// A spreadsheet's column letters: 1 is A, 27 is AA.
fn letters(mut col: usize) -> String {
    let mut out = Vec::new();
    while col > 0 {
        out.push(char::from(b'A' + ((col - 1) % 26) as u8));
        col = (col - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Run `check` in `dir` in the JSON and the GitHub formats and assert they
/// carry `shown`, the diagnostics of the terminal's run `human`, with the
/// same exit status.
pub fn agree(dir: &Path, human: &Run, shown: &[Shown]) {
    let json = run(dir, &["check", ".", "--format", "json"]);
    assert_eq!(json.code, human.code, "{}", json.stderr);
    let entries = parse(&json.stdout);
    let from_json: Vec<Shown> = entries
        .iter()
        .map(|e| {
            let help = e.help.as_deref().unwrap_or("").lines().next().unwrap_or("");
            let first = e.message.lines().next().unwrap_or("");
            // The terminal quotes what a terminal would execute; JSON
            // escapes it its own way.
            (
                format!("{}: {}", e.severity, visible(first)),
                visible(&place(e)).into_owned(),
                visible(help).into_owned(),
            )
        })
        .collect();
    assert_eq!(from_json, shown, "json:\n{}", json.stdout);
    assert!(
        !json.stderr.contains("-->"),
        "no diagnostic on stderr in json: {}",
        json.stderr
    );

    let github = run(dir, &["check", ".", "--format", "github"]);
    assert_eq!(github.code, human.code, "{}", github.stderr);
    let lines: Vec<&str> = github.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        entries.len(),
        "one line each:\n{}",
        github.stdout
    );
    for (line, e) in lines.iter().zip(&entries) {
        assert!(line.starts_with(&format!("::{} ", e.severity)), "{line}");
        let (properties, message) = line
            .split_once("::")
            .map(|(_, r)| r)
            .unwrap_or_default()
            .split_once("::")
            .unwrap_or_else(|| panic!("no message: {line}"));
        if let Some(file) = &e.file {
            let file = file.replace(',', "%2C").replace(':', "%3A");
            assert!(properties.contains(&format!("file={file}")), "{line}");
        }
        match (e.line, &e.sheet) {
            (Some(l), None) => assert!(properties.contains(&format!(",line={l}")), "{line}"),
            _ => assert!(!properties.contains("line="), "{line}"),
        }
        let escaped = visible(&e.message)
            .replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A");
        assert!(message.contains(&escaped), "{line}");
    }
}
