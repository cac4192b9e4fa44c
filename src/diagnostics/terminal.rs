//! How diagnostics look on a terminal: rustc's form, through
//! codespan-reporting, with the source line and a caret under the value.
//! The other lines a run prints, its closing line first, are in `summary`.

mod summary;

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::ops::Range;
use std::path::PathBuf;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{Files, SimpleFiles};
use codespan_reporting::term::{self, Chars, Config, Renderer, WriteStyle, termcolor::Buffer};

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};

pub(crate) use summary::{
    Run, STOPPED, built, changed, checked, client_built, failure, host_refused,
    host_refused_answer, machine_error, no_thread, not_served, plural, port_in_use_help,
    read_through, rebuilt, serving, serving_to_network, summary, waiting_for_build, watch_failed,
};

/// Whether a character could change what a terminal shows beyond its own
/// glyph: control characters (ESC starts the sequences that retitle, clear
/// or recolour a terminal) and the bidirectional overrides that reorder a
/// line. Tabs and line ends are laid out, not executed.
fn hazardous(ch: char) -> bool {
    (ch.is_control() && !matches!(ch, '\t' | '\n' | '\r'))
        || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every hazardous character quoted as an escape, as rustc
/// quotes them (`\u{1b}`), so that a value from the user's data prints as
/// text: for messages, helps and paths.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(hazardous) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if hazardous(ch) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    out.into()
}

/// `text` with every hazardous character replaced by one visible character
/// (the control pictures `␛`, `␇`, ...), so that a quoted source line keeps
/// its columns: for snippets.
fn pictured(text: &str) -> String {
    text.chars()
        .map(|ch| match ch {
            _ if !hazardous(ch) => ch,
            '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(ch)).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            _ => '\u{fffd}',
        })
        .collect()
}

/// Byte range of `width` characters from 1-based `column` of the line of
/// `text` that starts at byte `start` and is `line` (without its end): the
/// value a label underlines, as loading measured it.
fn chars_at(start: usize, line: &str, column: usize, width: usize) -> Range<usize> {
    let byte = |n: usize| -> usize { line.chars().take(n).map(char::len_utf8).sum() };
    let from = byte(column.saturating_sub(1));
    let to = byte(column.saturating_sub(1) + width);
    start + from..start + to
}

/// Render every diagnostic, sorted by place, for stderr, with the line it
/// points at from `quotes`.
pub fn render(diags: &Diagnostics, quotes: &Quotes, color: bool) -> String {
    let mut sources = Sources {
        quotes,
        diags,
        files: Quoted::default(),
        ids: HashMap::new(),
    };
    let config = Config {
        chars: Chars::ascii(),
        start_context_lines: 0,
        end_context_lines: 0,
        ..Config::default()
    };
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for d in diags.sorted() {
        let written = match sources.label(d) {
            Some(label) => {
                let report = report(d).with_labels(vec![label]).with_notes(
                    d.help()
                        .iter()
                        .map(|h| format!("help: {}", visible(h)))
                        .collect(),
                );
                term::emit_to_write_style(&mut buffer, &config, &sources.files, &report)
            }
            None => unlabelled(&mut buffer, &config, d),
        };
        // A diagnostic that cannot be drawn with its source is drawn without.
        if written.is_err() {
            let _ = unlabelled(&mut buffer, &config, d);
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// The text of each file a diagnostic points into, as the loading stage
/// read it to be quoted (`load::quotes`): printing reads nothing.
/// A file that is never quoted (it may hold personal data, or could not be
/// read) is not here, and its diagnostics give the place alone.
#[derive(Debug, Default)]
pub struct Quotes {
    files: HashMap<PathBuf, Quote>,
}

/// One file's text to quote, and the width of each value a diagnostic
/// points at, as loading measured them.
#[derive(Debug)]
pub struct Quote {
    /// The file's text, decoded, its lines ended as the readers count them.
    pub text: String,
    /// The width in characters of the value at each (line, column) of a
    /// diagnostic, 1-based.
    pub widths: HashMap<(usize, usize), usize>,
}

impl Quotes {
    /// The files (relative to the portfolio) that `diags` would quote, each
    /// with the places (line and column) it would underline: a place with a
    /// line and a column, in a file of text (not a workbook's sheet) not
    /// known to hold personal data.
    pub fn wanted(diags: &Diagnostics) -> Vec<(PathBuf, Vec<(usize, usize)>)> {
        let mut files: BTreeMap<PathBuf, Vec<(usize, usize)>> = BTreeMap::new();
        let places = diags.iter().filter_map(|d| d.location.as_ref());
        for l in places.filter(|l| l.sheet.is_none() && !diags.is_personal(&l.file)) {
            if let (Some(line), Some(column)) = (l.line, l.column) {
                files
                    .entry(l.file.clone())
                    .or_default()
                    .push((line, column));
            }
        }
        files.into_iter().collect()
    }

    /// Quote `file` as `quote`.
    pub fn insert(&mut self, file: PathBuf, quote: Quote) {
        self.files.insert(file, quote);
    }
}

/// The files quoted, each made into a source once.
struct Sources<'r> {
    quotes: &'r Quotes,
    /// What the run knows of its files: which hold personal data.
    diags: &'r Diagnostics,
    files: Quoted,
    ids: HashMap<PathBuf, Option<usize>>,
}

impl Sources<'_> {
    /// A label under the value a diagnostic points at, when the file can
    /// be read and the place is in it.
    fn label(&mut self, d: &Diagnostic) -> Option<Label<usize>> {
        let loc = d.location.as_ref()?;
        // A workbook's cell is named, not quoted: the file is no text.
        if loc.sheet.is_some() {
            return None;
        }
        let (line, column) = (loc.line?, loc.column?);
        // A file known to hold personal data is never quoted, whatever
        // the problem: its place alone is given.
        if self.diags.is_personal(&loc.file) {
            return None;
        }
        let (quotes, files) = (self.quotes, &mut self.files);
        let quote = quotes.files.get(&loc.file)?;
        let id = *self.ids.entry(loc.file.clone()).or_insert_with(|| {
            let name = visible(&loc.file_name()).into_owned();
            Some(files.add(name, pictured(&quote.text), (0, 0)))
        });
        let id = id?;
        let width = quote.widths.get(&(line, column)).copied().unwrap_or(1);
        let source = self.files.files.get(id).ok()?.source();
        let start: usize = (source.split_inclusive('\n').take(line.checked_sub(1)?))
            .map(str::len)
            .sum();
        let line_text = source.split_inclusive('\n').nth(line - 1)?;
        let line_text = line_text.trim_end_matches('\n').trim_end_matches('\r');
        if line_text.chars().count() <= MAX_SHOWN {
            return Some(Label::primary(
                id,
                chars_at(start, line_text, column, width),
            ));
        }
        // A long line (a 10 MB value) is shown as a window around the
        // column, in a source of its own that knows where it starts.
        let (window, in_window) = window(line_text, column);
        let shown = window.chars().count().saturating_sub(in_window - 1);
        let range = chars_at(0, &window, in_window, width.min(shown));
        let name = visible(&loc.file_name()).into_owned();
        let id = self.files.add(name, window, (line - 1, column - in_window));
        Some(Label::primary(id, range))
    }
}

/// The sources quoted: the portfolio's files whole, and windows of long
/// lines, each with the lines and columns before it, so that `-->` names
/// the place in the file and not in the window.
#[derive(Default)]
struct Quoted {
    files: SimpleFiles<String, String>,
    shifts: Vec<(usize, usize)>,
}

impl Quoted {
    fn add(&mut self, name: String, text: String, shift: (usize, usize)) -> usize {
        self.shifts.push(shift);
        self.files.add(name, text)
    }
}

impl<'a> Files<'a> for Quoted {
    type FileId = usize;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<String, codespan_reporting::files::Error> {
        self.files.name(id)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, codespan_reporting::files::Error> {
        self.files.source(id)
    }

    fn line_index(
        &'a self,
        id: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        self.files.line_index(id, byte)
    }

    fn line_range(
        &'a self,
        id: usize,
        line: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        self.files.line_range(id, line)
    }

    fn line_number(
        &'a self,
        id: usize,
        line: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(line + 1 + self.shifts.get(id).map_or(0, |s| s.0))
    }

    fn column_number(
        &'a self,
        id: usize,
        line: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let range = self.files.line_range(id, line)?;
        let column = codespan_reporting::files::column_index(self.files.source(id)?, range, byte);
        Ok(column + 1 + self.shifts.get(id).map_or(0, |s| s.1))
    }
}

/// The most characters of a source line quoted whole.
const MAX_SHOWN: usize = 160;

/// Up to [`MAX_SHOWN`] characters of `line` from a little before `column`,
/// with `…` where it was cut, and the column within the window.
fn window(line: &str, column: usize) -> (String, usize) {
    let line = line.trim_end_matches(['\n', '\r']);
    let skip = column.saturating_sub(1).saturating_sub(20);
    let mut out: String = if skip > 0 {
        "…".into()
    } else {
        String::new()
    };
    out.extend(line.chars().skip(skip).take(MAX_SHOWN));
    if line.chars().count() > skip + MAX_SHOWN {
        out.push('…');
    }
    (out, column - skip + usize::from(skip > 0))
}

fn report(d: &Diagnostic) -> Report<usize> {
    match d.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    }
    .with_message(visible(&d.message()))
}

/// A diagnostic with no source to quote: the header, `  --> path` as rustc
/// writes a place without a snippet, and the help, through codespan's
/// renderer so that it is styled like the rest.
fn unlabelled(
    buffer: &mut Buffer,
    config: &Config,
    d: &Diagnostic,
) -> Result<(), codespan_reporting::files::Error> {
    let severity = match d.severity {
        Severity::Error => codespan_reporting::diagnostic::Severity::Error,
        Severity::Warning => codespan_reporting::diagnostic::Severity::Warning,
    };
    let mut r = Renderer::new(buffer, config);
    r.render_header(None, severity, None, &visible(&d.message()))?;
    if let Some(loc) = &d.location {
        r.set_source_border()?;
        write!(r, "  {}", config.chars.snippet_start)?;
        r.reset()?;
        writeln!(r, " {}", visible(&loc.to_string()))?;
    }
    if let Some(help) = d.help() {
        r.render_snippet_note(1, &format!("help: {}", visible(&help)))?;
    }
    r.render_empty()
}

impl crate::diagnostics::Location {
    /// The path as shown: relative to the portfolio, with `/`.
    fn file_name(&self) -> String {
        self.file.display().to_string().replace('\\', "/")
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostics::Location;
    use crate::diagnostics::kind::{PortfolioProblem, RowProblem, RunProblem};

    /// A problem that reads as `text`, with no help: for what does not
    /// depend on the wording.
    fn plain(text: &str) -> RunProblem {
        RunProblem::RenderFailed { cause: text.into() }
    }

    /// Rows naming partnership `id`, with `suggestion` for a did-you-mean.
    fn unknown_partnership(id: &str, suggestion: &str) -> RowProblem {
        RowProblem::UnknownPartnership {
            id: id.into(),
            rows: 1,
            suggestion: Some(suggestion.into()),
            client_dir: PathBuf::from("clients/polyn"),
        }
    }

    /// The quotes of `files` (name, text), as loading hands them over,
    /// each value measured to the next comma, space or line end.
    fn quotes(files: &[(&str, &str)]) -> Quotes {
        let mut q = Quotes::default();
        for (name, text) in files {
            let mut widths = HashMap::new();
            for (i, line) in text.lines().enumerate() {
                let chars: Vec<char> = line.chars().collect();
                let ends = |c: &char| matches!(c, ',' | ' ');
                // Each value from its start; a place inside one is a caret.
                for column in 1..=chars.len() {
                    if column > 1 && !ends(&chars[column - 2]) {
                        continue;
                    }
                    let w = chars[column - 1..].iter().take_while(|c| !ends(c)).count();
                    widths.insert((i + 1, column), w.max(1));
                }
            }
            let quote = Quote {
                text: (*text).to_string(),
                widths,
            };
            q.insert(PathBuf::from(name), quote);
        }
        q
    }

    #[test]
    fn a_label_underlines_the_width_loading_measured() {
        let q = quotes(&[("p.csv", "post_id,partnership\np1,usa\n")]);
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(plain("bad")).at(Location::at("p.csv", 2, 4)));
        d.push(Diagnostic::error(plain("far")).at(Location::at("p.csv", 9, 1)));
        let out = render(&d, &q, false);
        assert!(out.contains("p1,usa\n  |    ^^^\n"), "{out}");
        // A line past the end of the file: the place alone.
        assert!(out.contains("error: far\n  --> p.csv:9:1\n\n"), "{out}");
        assert_eq!(chars_at(10, "añb", 2, 2), 11..14);
        assert_eq!(chars_at(0, "ab", 40, 1), 2..2);
    }

    #[test]
    fn terminal_escapes_in_values_print_as_text() {
        let evil = "\u{1b}]0;PWNED\u{7}\u{1b}[2J";
        assert_eq!(visible(evil), "\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J");
        assert_eq!(visible("tab\tand\nline"), "tab\tand\nline");
        assert_eq!(visible("a\u{202e}b\u{9b}c"), "a\\u{202e}b\\u{9b}c");
        // One character for one, so that carets stay under their columns.
        assert_eq!(pictured("x\u{1b}[2J\u{7f}"), "x\u{241b}[2J\u{2421}");
        let file = "evil\u{1b}[2J.yaml";
        let source = format!("partnership: {evil}\n");
        let q = quotes(&[(file, &source)]);
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(unknown_partnership(evil, evil)).at(Location::at(file, 1, 14)));
        let note = PortfolioProblem::NoteNamesNothing {
            stem: evil.into(),
            suggestion: None,
        };
        d.push(Diagnostic::warning(note).in_file(Path::new(file)));
        let out = render(&d, &q, false);
        assert!(!out.contains(['\u{1b}', '\u{7}']), "{out:?}");
        assert!(
            out.contains("unknown partnership \"\\u{1b}]0;PWNED"),
            "{out}"
        );
        assert!(out.contains("did you mean \"\\u{1b}]0;PWNED"), "{out}");
        assert!(out.contains("note \"\\u{1b}]0;PWNED"), "{out}");
        assert!(out.contains("--> evil\\u{1b}[2J.yaml:1:14"), "{out}");
        assert!(
            out.contains("partnership: \u{241b}]0;PWNED\u{2407}\u{241b}[2J\n"),
            "{out}"
        );
    }

    #[test]
    fn a_ten_megabyte_line_is_quoted_as_a_window_around_the_value() {
        let long = "x".repeat(10_000_000);
        let source = format!("a: 1\nname: {long}\n");
        let q = quotes(&[("p.yaml", &source)]);
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(plain("bad")).at(Location::at("p.yaml", 2, 7)));
        d.push(Diagnostic::error(plain("far")).at(Location::at("p.yaml", 2, 5_000_000)));
        let out = render(&d, &q, false);
        assert!(out.len() < 2_000, "{} bytes", out.len());
        assert!(out.contains("--> p.yaml:2:7\n"), "{out}");
        assert!(out.contains("2 | name: xxx"), "{out}");
        assert!(out.contains("2 | …xxx"), "{out}");
        assert!(out.contains("--> p.yaml:2:5000000\n"), "{out}");
        let (w, col) = window("abcdefghijklmnopqrstuvwxyz0123456789", 30);
        assert_eq!((w.as_str(), col), ("…jklmnopqrstuvwxyz0123456789", 22));
        assert_eq!(w.chars().nth(col - 1), Some('3'));
    }

    #[test]
    fn renders_like_rustc() {
        let q = quotes(&[("p.csv", "post_id,partnership\np1,usa\n")]);
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(unknown_partnership("usa", "us")).at(Location::at("p.csv", 2, 4)));
        let out = render(&d, &q, false);
        assert!(
            out.starts_with("error: 1 row names unknown partnership \"usa\"\n"),
            "{out}"
        );
        assert!(out.contains("--> p.csv:2:4"), "{out}");
        assert!(out.contains("p1,usa\n  |    ^^^"), "{out}");
        assert!(
            out.contains(
                "= help: did you mean \"us\"? partnerships are the files in clients/polyn/partnerships/"
            ),
            "{out}"
        );
    }

    #[test]
    fn renders_a_whole_file_like_rustc() {
        let mut d = Diagnostics::new();
        let note = PortfolioProblem::NoteNamesNothing {
            stem: "kestrel-sprng".into(),
            suggestion: Some("kestrel-spring".into()),
        };
        d.push(Diagnostic::warning(note).in_file(Path::new("n/kestrel-sprng.md")));
        d.push(Diagnostic::error(PortfolioProblem::NoReportDate));
        // A place in a file not quoted is shown without the source.
        d.push(Diagnostic::error(plain("bad")).at(Location::at("gone.yaml", 3, 4)));
        let out = render(&d, &quotes(&[]), false);
        assert_eq!(
            out,
            "error: no report date: no dated post or order, and no `as_of`\n  \
             = help: add `as_of: YYYY-MM-DD` to roster.yaml or pass --as-of\n\n\
             error: bad\n  --> gone.yaml:3:4\n\n\
             warning: note \"kestrel-sprng.md\" names no month and no partnership; it is not shown\n  \
             --> n/kestrel-sprng.md\n  = help: did you mean kestrel-spring.md?\n\n"
        );
    }

    #[test]
    fn colours_only_when_asked() {
        let q = quotes(&[("p.yaml", "market: usa\n")]);
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(plain("bad")).at(Location::at("p.yaml", 1, 9)));
        d.push(Diagnostic::warning(plain("whole")).in_file(Path::new("p.yaml")));
        assert!(render(&d, &q, true).contains("\x1b["));
        assert!(!render(&d, &q, false).contains('\x1b'));
    }
}
