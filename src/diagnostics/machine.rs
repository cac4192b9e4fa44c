//! Diagnostics for programs rather than people: a JSON list
//! (`--format json`) and GitHub Actions workflow commands (`--format
//! github`), which make a pull request show each problem on its line. Both
//! carry what the terminal shows (message, place, help) and the
//! problem's stable [`Kind::name`](super::Kind::name), sorted as the
//! terminal sorts them.

use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use super::terminal::visible;
use super::{Diagnostic, Diagnostics, Severity};

/// One diagnostic as `--format json` writes it.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    severity: &'static str,
    kind: String,
    /// The file, relative to the portfolio, with `/`.
    file: Option<String>,
    /// The sheet of a workbook; `line` and `column` are then its row and
    /// column.
    sheet: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    help: Option<String>,
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

impl<'a> Entry<'a> {
    fn of(d: &'a Diagnostic) -> Entry<'a> {
        let at = d.location.as_ref();
        Entry {
            severity: severity(d),
            kind: d.kind.name(),
            file: at.map(|l| slashed(&l.file)),
            sheet: at.and_then(|l| l.sheet.as_deref()),
            line: at.and_then(|l| l.line),
            column: at.and_then(|l| l.column),
            message: d.message(),
            help: d.help(),
        }
    }
}

/// A path with `/` between its parts, whatever the system.
fn slashed(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

/// Every diagnostic as a JSON list, one object a line: `[]` when there are
/// none.
pub(crate) fn json(diags: &Diagnostics) -> String {
    let entries: Vec<String> = diags
        .sorted()
        .into_iter()
        .map(|d| serde_json::to_string(&Entry::of(d)).unwrap_or_default())
        .collect();
    if entries.is_empty() {
        return "[]\n".into();
    }
    format!("[\n  {}\n]\n", entries.join(",\n  "))
}

/// Every diagnostic as a workflow command, one a line. Paths are made
/// relative to the folder the command ran in by putting `portfolio` (the
/// portfolio folder as given on the command line) before them, since that is
/// where GitHub looks for them: the repository's root.
pub(crate) fn github(diags: &Diagnostics, portfolio: &Path) -> String {
    diags
        .sorted()
        .into_iter()
        .map(|d| command(d, portfolio) + "\n")
        .collect()
}

/// One workflow command: `::error file=F,line=L,col=C,title=T::message`.
fn command(d: &Diagnostic, portfolio: &Path) -> String {
    let mut properties = Vec::new();
    let mut message = visible(&d.message()).into_owned();
    if let Some(at) = &d.location {
        properties.push(format!(
            "file={}",
            property(&slashed(&under(portfolio, &at.file)))
        ));
        match &at.sheet {
            // A sheet's rows are no lines of the file: the cell is named in
            // the message instead.
            Some(_) => message = format!("{}: {message}", visible(&at.to_string())),
            None => {
                properties.extend(at.line.map(|l| format!("line={l}")));
                properties.extend(at.column.map(|c| format!("col={c}")));
            }
        }
    }
    properties.push(format!(
        "title={}",
        property(&format!("roster: {}", d.kind.name()))
    ));
    if let Some(help) = d.help() {
        message.push_str("\nhelp: ");
        message.push_str(&visible(&help));
    }
    format!(
        "::{} {}::{}",
        severity(d),
        properties.join(","),
        data(&message)
    )
}

/// `file` under the portfolio folder as given, without `./` parts.
fn under(portfolio: &Path, file: &Path) -> PathBuf {
    if portfolio.is_absolute() {
        // An absolute folder is shown as given; GitHub reads paths from
        // the workspace, so a workflow passes a relative one.
        return portfolio.join(file);
    }
    portfolio
        .join(file)
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect()
}

/// A workflow command's message, escaped as the runner unescapes it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: also `:` and `,`, which end it.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Location;
    use crate::diagnostics::kind::{PortfolioProblem, RunProblem};

    fn sample() -> Diagnostics {
        let mut d = Diagnostics::new();
        let note = PortfolioProblem::NoteNamesNothing {
            stem: "kestrel-sprng".into(),
            suggestion: Some("kestrel-spring".into()),
        };
        d.push(Diagnostic::warning(note).in_file(Path::new("clients/k/notes/kestrel-sprng.md")));
        d.push(Diagnostic::error(PortfolioProblem::NoReportDate));
        let odd = RunProblem::RenderFailed {
            cause: "50% done, a:b\nnext\u{1b}[2J".into(),
        };
        d.push(Diagnostic::error(odd).at(Location::at("clients/k/a,b.yaml", 3, 4)));
        let cell = RunProblem::RenderFailed {
            cause: "bad cell".into(),
        };
        d.push(
            Diagnostic::error(cell)
                .at(Location::at("clients/k/metrics/q3.xlsx", 12, 3).in_sheet(Some("Posts"))),
        );
        d
    }

    #[test]
    fn json_is_a_list_with_every_field() {
        let out = json(&sample());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let list = v.as_array().unwrap();
        assert_eq!(list.len(), 4);
        assert_eq!(
            list[0]["file"],
            serde_json::Value::Null,
            "no place sorts first"
        );
        assert_eq!(list[0]["kind"], "portfolio.no_report_date");
        assert_eq!(
            list[0]["help"],
            "add `as_of: YYYY-MM-DD` to roster.yaml or pass --as-of"
        );
        assert_eq!(list[1]["file"], "clients/k/a,b.yaml");
        assert_eq!(
            (list[1]["line"].as_u64(), list[1]["column"].as_u64()),
            (Some(3), Some(4))
        );
        assert_eq!(list[1]["kind"], "run.render_failed");
        assert_eq!(list[2]["sheet"], "Posts");
        assert_eq!(list[2]["line"], 12);
        assert_eq!(list[3]["severity"], "warning");
        assert_eq!(list[3]["kind"], "portfolio.note_names_nothing");
        assert_eq!(list[3]["line"], serde_json::Value::Null);
        assert_eq!(json(&Diagnostics::new()), "[]\n");
    }

    #[test]
    fn github_commands_escape_what_would_end_them() {
        let out = github(&sample(), Path::new("."));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4, "{out}");
        assert_eq!(
            lines[0],
            "::error title=roster%3A portfolio.no_report_date::no report date: no dated post or order, and no `as_of`%0Ahelp: add `as_of: YYYY-MM-DD` to roster.yaml or pass --as-of"
        );
        assert_eq!(
            lines[1],
            "::error file=clients/k/a%2Cb.yaml,line=3,col=4,title=roster%3A run.render_failed::50%25 done, a:b%0Anext\\u{1b}[2J"
        );
        assert_eq!(
            lines[2],
            "::error file=clients/k/metrics/q3.xlsx,title=roster%3A run.render_failed::clients/k/metrics/q3.xlsx [Posts] C12: bad cell"
        );
        assert!(lines[3].starts_with(
            "::warning file=clients/k/notes/kestrel-sprng.md,title=roster%3A portfolio.note_names_nothing::note"
        ));
        let nested = github(&sample(), Path::new("./reports"));
        assert!(
            nested.contains("file=reports/clients/k/a%2Cb.yaml,"),
            "{nested}"
        );
    }
}
