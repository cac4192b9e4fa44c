//! The lines diagnostics quote, read by the stage that reads the
//! portfolio: once a run's problems are known, each file one of them
//! points into is read again (only those: an export of millions of rows is
//! not kept in memory for a caret), through the same door as every read,
//! and handed to the printer as text, once a file, with the extent of each
//! value a diagnostic points at: a CSV field up to its delimiter, a YAML key
//! up to its colon, a YAML value up to a comment or the end of its line. So
//! the printer neither reads nor tokenises the portfolio. A table that may
//! hold a customer's e-mail or name is never quoted: its diagnostics give
//! the place alone.

use std::collections::HashMap;
use std::path::Path;

use super::table::csv;
use super::within;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::terminal::{Quote, Quotes};

/// The text of every file `diags` points into, to quote, with the width
/// of each value pointed at.
pub fn quotes(root: &Path, diags: &Diagnostics) -> Quotes {
    let mut quotes = Quotes::default();
    for (file, places) in Quotes::wanted(diags) {
        if let Some(quote) = quote(root, &file, &places) {
            quotes.insert(file, quote);
        }
    }
    quotes
}

/// One file's text, with the width of the value at each of `places` (line
/// and column, 1-based), unless it cannot be read or may hold personal
/// data.
fn quote(root: &Path, file: &Path, places: &[(usize, usize)]) -> Option<Quote> {
    let bytes = within::read(root, &root.join(file)).ok()?;
    let (text, _) = csv::decode(&bytes);
    let extension = |e: &str| file.extension().is_some_and(|x| x.eq_ignore_ascii_case(e));
    if (extension("csv") || extension("tsv")) && crate::personal::may_hold_personal(&text) {
        return None;
    }
    let delimiter =
        extension("csv").then(|| csv::detect_delimiter(text.lines().next().unwrap_or("")));
    let text = lone_cr_to_lf(&text);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let widths: HashMap<(usize, usize), usize> = places
        .iter()
        .filter_map(|&(line, column)| {
            let line_text = lines.get(line.checked_sub(1)?)?;
            Some(((line, column), width(line_text, column, delimiter)))
        })
        .collect();
    Some(Quote { text, widths })
}

/// The text with each lone CR (old Mac line ends) made a LF, so lines are
/// counted here as YAML and the CSV reader count them; same length, so byte
/// offsets are unchanged.
fn lone_cr_to_lf(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        if ch == '\r' && bytes.get(i + 1) != Some(&b'\n') {
            out.push('\n');
        } else {
            out.push(ch);
        }
    }
    out
}

/// The width in characters (at least one, unless the line ends there) of
/// the value at 1-based `column` of `line`: a CSV field up to its
/// delimiter, a YAML key up to its colon, a YAML value up to a comment or
/// the end of the line (of the item, in a flow collection); a quoted value
/// to its closing quote.
fn width(line: &str, column: usize, csv: Option<u8>) -> usize {
    let line = line.trim_end_matches('\n').trim_end_matches('\r');
    let offset: usize = (line.chars().take(column.saturating_sub(1)))
        .map(char::len_utf8)
        .sum();
    let (before, rest) = line.split_at(offset);
    let len = if let Some(quoted) = rest.strip_prefix('"') {
        quoted.find('"').map_or(rest.len(), |i| i + 2)
    } else if let Some(delimiter) = csv {
        rest.find(char::from(delimiter)).unwrap_or(rest.len())
    } else {
        yaml_token(before, rest)
    };
    rest[..len]
        .chars()
        .count()
        .max(usize::from(!rest.is_empty()))
}

/// The length of the YAML key or value that `rest` starts with.
fn yaml_token(before: &str, rest: &str) -> usize {
    let in_flow = before.contains(['[', '{']);
    let mut end = rest.len();
    let mut prev = ' ';
    for (i, ch) in rest.char_indices() {
        let next = rest[i + ch.len_utf8()..].chars().next();
        let stop = (ch == '#' && prev.is_whitespace())
            || (ch == ':' && next.is_none_or(char::is_whitespace))
            || (in_flow && matches!(ch, ',' | ']' | '}'));
        if stop {
            end = i;
            break;
        }
        prev = ch;
    }
    rest[..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::kind::RunProblem;
    use crate::diagnostics::{Diagnostic, Location};

    /// The width of the value at `line` and `column` of `text`.
    fn at(text: &str, line: usize, column: usize, csv: Option<u8>) -> Option<usize> {
        let text = lone_cr_to_lf(text);
        let line_text = text.split_inclusive('\n').nth(line - 1)?;
        Some(width(line_text, column, csv))
    }

    #[test]
    fn measures_the_value_a_place_points_at() {
        let text = "a: 1\nmarket: usa # typo\noutput_dri: public\nlist: [ab, cd]\n";
        assert_eq!(at(text, 2, 9, None), Some(3));
        assert_eq!(at(text, 3, 1, None), Some(10));
        assert_eq!(at(text, 4, 12, None), Some(2));
        assert_eq!(at("k: \"a b\" # c\n", 1, 4, None), Some(5));
        let csv = "x;y\n\"q w\";2\n21 000;3\n";
        assert_eq!(at(csv, 2, 1, Some(b';')), Some(5));
        assert_eq!(at(csv, 3, 1, Some(b';')), Some(6));
        assert_eq!(at("ä;b\n", 1, 1, Some(b';')), Some(1));
        // Past the end of a line: nothing to underline.
        assert_eq!(at("ab\n", 1, 40, None), Some(0));
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        assert_eq!(lone_cr_to_lf("a\rb\r\nc\n"), "a\nb\r\nc\n");
        // Line 2 of "a: 1\rb: x" is "b: x", as YAML counts.
        assert_eq!(at("a: 1\rb: x", 2, 4, None), Some(1));
    }

    #[test]
    fn quotes_only_what_may_be_shown() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.csv"), "post_id;reach\np1;x\n").unwrap();
        std::fs::write(dir.path().join("o.csv"), "order_id,customer\n1,a@b.co\n").unwrap();
        let mut d = Diagnostics::new();
        for file in ["p.csv", "o.csv", "gone.yaml"] {
            let problem = RunProblem::RenderFailed { cause: "x".into() };
            d.push(Diagnostic::error(problem).at(Location::at(file, 2, 1)));
        }
        let quotes = quotes(dir.path(), &d);
        let out = crate::diagnostics::terminal::render(&d, &quotes, false);
        assert!(out.contains("p1;x"), "{out}");
        assert!(!out.contains("a@b.co"), "{out}");
        assert!(out.contains("--> o.csv:2:1"), "{out}");
        assert!(out.contains("--> gone.yaml:2:1"), "{out}");
    }
}
