//! The parts of a large CSV file after its first ([`super::parts`]): each
//! read on from the record the part before held back, with lines counted
//! across parts so that every place is the file's own.

use crate::diagnostics::Diagnostics;
use crate::load::table::body::{Part, Read as Rows, Table, Text};
use crate::load::table::quotes;

/// The file must be read whole after all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Whole;

/// The next part of a file, given the text the last part held back: the
/// part, and whether it is the last.
pub(super) type Rest<'a> = dyn FnMut(&str) -> Result<(String, bool), Whole> + 'a;

/// Read the parts after the first, whose text is `first` and whose held
/// back record starts at `carry`, into `read`.
pub(super) fn rest(
    table: &Table,
    (first, carry, fields): (&Text, usize, usize),
    rest: &mut Rest,
    read: &mut Rows,
    diags: &mut Diagnostics,
) -> Result<Result<(), ()>, Whole> {
    let delimiter = first.delimiter;
    let at = past_line_ends(first.text, carry);
    let mut lines = newlines(&first.text[..at]);
    let (mut text, mut last) = rest(&first.text[at..])?;
    loop {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let bad_quote = quotes::first_open(&text, delimiter, fields).map(|mut q| {
            q.line += lines;
            if let quotes::Open::Swallows { first, .. } = &mut q.open {
                *first += lines;
            }
            q
        });
        let part = Part { lines, last };
        let part_text = Text {
            text: &text,
            delimiter,
        };
        let carry = match table.csv_rows(&part_text, &mut reader, bad_quote, (read, part), diags) {
            Err(()) => return Ok(Err(())),
            Ok(None) if last => return Ok(Ok(())),
            Ok(None) => text.len(),
            Ok(Some(carry)) => carry,
        };
        let at = past_line_ends(&text, carry);
        lines += newlines(&text[..at]);
        (text, last) = rest(&text[at..])?;
    }
}

/// `at`, moved past the line ends there (the csv reader starts a record
/// after a CRLF at its LF).
fn past_line_ends(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    at + text[at..]
        .bytes()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count()
}

fn newlines(text: &str) -> usize {
    text.bytes().filter(|b| *b == b'\n').count()
}
