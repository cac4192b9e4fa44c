//! Quoted fields that do not end where their author meant them to.
//!
//! The csv reader takes a quote left open as a field that runs on to the
//! next quote, or to the end of the file, and says nothing: the rows it
//! swallows vanish, or come back shifted as misleading errors. This scan,
//! one pass over the text with the reader's own quoting rules, finds such a
//! quote before the rows are read, so that it is reported where it opens.
//!
//! A quoted field may hold line breaks (a note of two lines is valid CSV).
//! It is taken to be a mistake when it runs to the end of the file, or when
//! a whole line inside it has as many delimiters as a row of the file: a
//! line that looks like a row was swallowed.

use std::path::Path;

use crate::diagnostics::kind::CsvProblem;
use crate::diagnostics::{Diagnostic, Location};

/// Why a quote is taken to be left open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Open {
    /// The field runs to the end of the file.
    ToTheEnd,
    /// Whole lines inside it look like rows: `rows` of them, the first on
    /// line `first`.
    Swallows {
        /// How many lines inside the field look like rows.
        rows: usize,
        /// The first of them.
        first: usize,
    },
}

/// A quote that opens a field which does not end where it should.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BadQuote {
    /// Byte offset of the quote in the text.
    pub at: usize,
    /// 1-based line of the quote.
    pub line: usize,
    /// 1-based column of the quote, in characters.
    pub column: usize,
    /// Why it is taken to be left open.
    pub open: Open,
}

/// The field being scanned: where its quote opened and what it has taken in.
struct Quoted {
    at: usize,
    line: usize,
    /// Delimiters on the current line inside the field.
    delimiters: usize,
    /// Whether the current line began inside the field.
    whole_line: bool,
    rows: usize,
    first: usize,
}

/// The first quote of `text` that is left open, for a file delimited by
/// `delimiter` whose header has `fields` fields. A quote opens a field only
/// as its first character, and `""` inside one is a quote, as the reader
/// reads them.
pub(super) fn first_open(text: &str, delimiter: u8, fields: usize) -> Option<BadQuote> {
    // Most exports quote nothing: one fast search settles them.
    if !text.contains('"') {
        return None;
    }
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut field_start = true;
    let mut quoted: Option<Quoted> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quoted.as_mut() {
            None => {
                if field_start && b == b'"' {
                    quoted = Some(Quoted {
                        at: i,
                        line,
                        delimiters: 0,
                        whole_line: false,
                        rows: 0,
                        first: 0,
                    });
                }
                field_start = matches!(b, b'\n' | b'\r') || b == delimiter;
            }
            Some(q) if b == b'"' => {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    if q.rows > 0 {
                        return Some(bad(
                            text,
                            q,
                            Open::Swallows {
                                rows: q.rows,
                                first: q.first,
                            },
                        ));
                    }
                    quoted = None;
                    field_start = false;
                }
            }
            Some(q) if b == b'\n' => {
                if q.whole_line && fields > 1 && q.delimiters + 1 >= fields {
                    q.rows += 1;
                    if q.first == 0 {
                        q.first = line;
                    }
                }
                q.whole_line = true;
                q.delimiters = 0;
            }
            Some(q) => q.delimiters += usize::from(b == delimiter),
        }
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    quoted.map(|q| bad(text, &q, Open::ToTheEnd))
}

fn bad(text: &str, q: &Quoted, open: Open) -> BadQuote {
    let line_start = text[..q.at].rfind('\n').map_or(0, |n| n + 1);
    BadQuote {
        at: q.at,
        line: q.line,
        column: text[line_start..q.at].chars().count() + 1,
        open,
    }
}

/// The error for a quote left open, at the quote.
pub(super) fn open_quote(path: &Path, q: &BadQuote) -> Diagnostic {
    let problem = match q.open {
        Open::ToTheEnd => CsvProblem::QuoteNeverClosed,
        Open::Swallows { rows, first } => CsvProblem::QuoteSwallowsRows { rows, first },
    };
    Diagnostic::error(problem).at(Location::at(path, q.line, q.column))
}

/// The 1-based column where field `i` of a raw line starts: one scan up to
/// that field, as every row asks for the column of its id cells.
pub(super) fn field_start(line: &str, delimiter: u8, i: usize) -> Option<usize> {
    if i == 0 {
        return Some(1);
    }
    let mut seen = 0;
    let mut in_quotes = false;
    for (col, ch) in line.chars().enumerate() {
        if ch == '"' {
            in_quotes = !in_quotes;
        } else if !in_quotes && ch as u32 == u32::from(delimiter) {
            seen += 1;
            if seen == i {
                return Some(col + 2);
            }
        }
    }
    None
}

/// The 1-based column where each field of a raw line starts.
pub(super) fn field_starts(line: &str, delimiter: u8) -> Vec<usize> {
    let mut starts = vec![1];
    let mut in_quotes = false;
    for (i, ch) in line.chars().enumerate() {
        if ch == '"' {
            in_quotes = !in_quotes;
        } else if !in_quotes && ch as u32 == u32::from(delimiter) {
            starts.push(i + 2);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_over_two_lines_is_no_open_quote() {
        let text = "a,b,c\n1,\"two\nlines, here\",3\n4,5,6\n";
        assert_eq!(first_open(text, b',', 3), None);
        assert_eq!(first_open("a,b\n1,\"say \"\"hi\"\"\"\n", b',', 2), None);
        // A quote inside a field that did not start with one is text.
        assert_eq!(first_open("a,b\n1,2\"\n3,4\n", b',', 2), None);
    }

    #[test]
    fn finds_a_quote_that_runs_to_the_end() {
        let text = "a,b,c\n1,2,\"x\n4,5,6\n";
        let q = first_open(text, b',', 3).unwrap();
        assert_eq!((q.line, q.column, q.open), (2, 5, Open::ToTheEnd));
    }

    #[test]
    fn finds_a_quote_that_swallows_rows() {
        let text = "a,b,c\n1,2,\"x\n4,5,6\n7,8,9\n\"q\",1,2\n";
        let q = first_open(text, b',', 3).unwrap();
        assert_eq!(
            (q.line, q.column, q.open),
            (2, 5, Open::Swallows { rows: 2, first: 3 })
        );
    }
}
