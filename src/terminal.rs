//! How diagnostics look on a terminal: rustc's form, through
//! codespan-reporting, with the source line and a caret under the value.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Chars, Config, termcolor::Buffer};

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};

/// Byte range of the token at 1-based `line` and `column` of `text`.
fn span(text: &str, line: usize, column: usize) -> Option<std::ops::Range<usize>> {
    let start_of_line: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let line_text = text[start_of_line..]
        .split('\n')
        .next()?
        .trim_end_matches('\r');
    let offset: usize = line_text
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    let rest = &line_text[offset.min(line_text.len())..];
    let len = if let Some(quoted) = rest.strip_prefix('"') {
        quoted.find('"').map_or(rest.len(), |i| i + 2)
    } else {
        rest.find([',', ';', '\t', ' ', '#'])
            .unwrap_or(rest.len())
            .max(rest.chars().next().map_or(0, char::len_utf8))
    };
    let start = start_of_line + offset.min(line_text.len());
    Some(start..start + len)
}

/// Render every diagnostic, sorted by place, for stderr. Sources are read
/// from `root` to show the offending line.
pub fn render(diags: &Diagnostics, root: &Path, color: bool) -> String {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<PathBuf, Option<usize>> = HashMap::new();
    let mut config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    config.start_context_lines = 0;
    config.end_context_lines = 0;
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for d in diags.sorted() {
        let report = to_report(d, root, &mut files, &mut ids);
        if term::emit_to_write_style(&mut buffer, &config, &files, &report).is_err() {
            buffer = if color {
                Buffer::ansi()
            } else {
                Buffer::no_color()
            };
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn to_report(
    d: &Diagnostic,
    root: &Path,
    files: &mut SimpleFiles<String, String>,
    ids: &mut HashMap<PathBuf, Option<usize>>,
) -> Report<usize> {
    let report = match d.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    }
    .with_message(&d.message);
    let mut notes = Vec::new();
    let mut labelled = None;
    if let Some(loc) = &d.location {
        if let (Some(line), Some(col)) = (loc.line, loc.column) {
            let id = *ids.entry(loc.file.clone()).or_insert_with(|| {
                let bytes = std::fs::read(root.join(&loc.file)).ok()?;
                let (text, _) = crate::load::csv::decode(&bytes);
                Some(files.add(loc.to_string_file(), text.into_owned()))
            });
            if let Some(id) = id
                && let Some(range) = files.get(id).ok().and_then(|f| span(f.source(), line, col))
            {
                labelled = Some(Label::primary(id, range));
            }
        }
        if labelled.is_none() {
            notes.push(format!("--> {loc}"));
        }
    }
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    report
        .with_labels(labelled.into_iter().collect())
        .with_notes(notes)
}

impl crate::diagnostics::Location {
    fn to_string_file(&self) -> String {
        self.file.display().to_string().replace('\\', "/")
    }
}

/// The closing line of a run with errors.
pub fn summary(diags: &Diagnostics, wrote_nothing: bool) -> Option<String> {
    let errors = diags.error_count();
    if errors == 0 {
        return None;
    }
    let files = diags.files_with_errors();
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let mut s = format!("error: could not build: {}", plural(errors, "error"));
    if files > 0 {
        s.push_str(&format!(" in {}", plural(files, "file")));
    }
    if wrote_nothing {
        s.push_str("; nothing was written");
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Location;

    #[test]
    fn spans_cover_the_value() {
        let text = "a: 1\nmarket: usa\n";
        assert_eq!(span(text, 2, 9), Some(13..16));
        let csv = "x;y\n\"q w\";2\n";
        assert_eq!(span(csv, 2, 1), Some(4..9));
    }

    #[test]
    fn renders_like_rustc() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.yaml"), "market: usa\n").unwrap();
        let mut d = Diagnostics::new();
        d.push(
            Diagnostic::error("unknown market \"usa\"")
                .at(Location::at("p.yaml", 1, 9))
                .help("did you mean \"us\"?"),
        );
        let out = render(&d, dir.path(), false);
        assert!(out.starts_with("error: unknown market \"usa\"\n"), "{out}");
        assert!(out.contains("--> p.yaml:1:9"), "{out}");
        assert!(out.contains("market: usa\n  |         ^^^"), "{out}");
        assert!(out.contains("= help: did you mean \"us\"?"), "{out}");
    }
}
