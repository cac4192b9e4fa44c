//! A table's CSV source: a file's bytes decoded ([`encoding`]), its text
//! read into a table (its `sep=` line, its delimiter, its header and what
//! kind of file that makes it, then its rows through [`super::body`]), and
//! a large file read a part at a time ([`parts`], [`rest`]).

use std::path::Path;

use super::body::{Part, Read, Table, Text, file};
use super::file::{CsvFile, Unread};
use super::quotes::{self, field_starts, open_quote};
use super::{guess, way};
use crate::diagnostics::kind::CsvProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::imports::{self, How};
use crate::load::values::DecimalMark;
use crate::model::TableKind;

mod encoding;
mod parts;
mod rest;

use encoding::warn_encoding;
pub use encoding::{Encoding, decode, decode_as};
pub use parts::{PART, read_streamed};

/// The delimiter of a header row: the most frequent of `,` `;` TAB, ties in
/// that order.
pub fn detect_delimiter(header: &str) -> u8 {
    let count = |c: char| header.chars().filter(|x| *x == c).count();
    let mut best = (b',', count(','));
    for (d, c) in [(b';', ';'), (b'\t', '\t')] {
        let n = count(c);
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

/// A first line `sep=;`, as Excel writes to name the delimiter.
fn sep_line(line: &str) -> Option<u8> {
    let rest = line.trim_end().strip_prefix("sep=")?;
    match rest.as_bytes() {
        [d] if matches!(d, b',' | b';' | b'\t' | b'|') => Some(*d),
        _ => None,
    }
}

/// The decimal separator of a file with `delimiter`: the comma where `;`
/// delimits (docs/input-format.md), else the point.
fn decimal_mark(delimiter: u8) -> DecimalMark {
    if delimiter == b';' {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
}

/// The first records of `text` (what follows a header), for a guess at
/// the columns of a file that fits nothing.
fn first_rows(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .take(guess::SAMPLE)
        .map_while(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect()
}

/// The header row, after `skip` lines (a `sep=` line).
fn header_record(
    path: &Path,
    reader: &mut csv::Reader<&[u8]>,
    skip: usize,
    diags: &mut Diagnostics,
) -> Result<csv::StringRecord, Unread> {
    let mut record = csv::StringRecord::new();
    for _ in 0..=skip {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => {
                diags.push(Diagnostic::warning(CsvProblem::EmptyFile).in_file(path));
                return Err(Unread::Empty);
            }
            Err(e) => {
                let problem = CsvProblem::Unreadable {
                    reason: e.to_string(),
                };
                diags.push(Diagnostic::error(problem).in_file(path));
                return Err(Unread::Unusable {
                    may_hold_posts: true,
                });
            }
        }
    }
    Ok(record)
}

/// How a file's text begins: how many lines come before its header (a
/// `sep=` line), the header line and its delimiter: the one `sep=` names,
/// else the one the header uses most.
fn head(text: &str) -> (usize, &str, u8) {
    let first_line = text.lines().next().unwrap_or("");
    let sep = sep_line(first_line);
    let skip = usize::from(sep.is_some());
    let header_line = text.lines().nth(skip).unwrap_or("");
    let delimiter = sep.unwrap_or_else(|| detect_delimiter(header_line));
    (skip, header_line, delimiter)
}

/// About how many rows a file has: the lines of `text`, or, for the
/// first part of a file of `whole` bytes read in parts, about as many
/// lines again in each part.
fn expected_rows(text: &str, whole: Option<u64>) -> usize {
    let lines = text.bytes().filter(|b| *b == b'\n').count() + 1;
    whole.map_or(lines, |len| {
        let per_byte = lines as f64 / text.len().max(1) as f64;
        (per_byte * len as f64) as usize
    })
}

/// Read the records after the header into `read`: of the whole file, or
/// of its first part and then, through `rest`, of the others. `Ok(Err)`
/// when a quote left open makes the rest of the file unreadable.
fn body(
    table: &Table,
    (text, fields): (&Text, usize),
    reader: &mut csv::Reader<&[u8]>,
    bad_quote: Option<quotes::BadQuote>,
    (read, rest): (&mut Read, Option<&mut rest::Rest>),
    diags: &mut Diagnostics,
) -> Result<Result<(), ()>, rest::Whole> {
    let last = rest.is_none();
    let rows = table.csv_rows(text, reader, bad_quote, (read, Part::last(last)), diags);
    Ok(match (rows, rest) {
        // A first part with no record to hold back (the header alone, when
        // the first record is longer than a part) goes on from its end.
        (Ok(carry), Some(rest)) => {
            let carry = carry.unwrap_or(text.text.len());
            rest::rest(table, (text, carry, fields), rest, read, diags)?
        }
        (rows, _) => rows.map(|_| ()),
    })
}

/// Read a file's text, or its first part when `rest` gives the others
/// ([`parts`]); `Err` when a later part shows the file must be read whole.
fn read_text(
    path: &Path,
    text: &str,
    how: &How,
    diags: &mut Diagnostics,
    rest: Option<(&mut rest::Rest, u64)>,
) -> Result<Result<CsvFile, Unread>, rest::Whole> {
    let (skip, header_line, delimiter) = head(text);
    let header_starts = field_starts(header_line, delimiter);
    let header_at = |i: usize| {
        let column = header_starts.get(i).copied().unwrap_or(1);
        Location::at(path, 1 + skip, column).in_field(i)
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let record = match header_record(path, &mut reader, skip, diags) {
        Ok(record) => record,
        Err(unread) => return Ok(Err(unread)),
    };
    let written: Vec<String> = record.iter().map(|h| h.trim().to_string()).collect();
    let header: Vec<String> = written.iter().map(|h| imports::normalise(h)).collect();
    if header
        .iter()
        .any(|h| imports::customers::personal_header(h))
    {
        diags.holds_personal(path);
    }
    let bad_quote = quotes::first_open(text, delimiter, header.len());
    if let Some(q) = bad_quote.filter(|q| (q.at as u64) < reader.position().byte()) {
        // The header itself runs on: nothing in the file can be told apart.
        diags.push(open_quote(path, &q));
        return Ok(Err(Unread::Unusable {
            may_hold_posts: true,
        }));
    }
    let start = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
    let sample = || first_rows(text.get(start..).unwrap_or(""), delimiter);
    let way = match way::way(
        (&header, &written, &sample),
        how,
        (path, None),
        header_at,
        diags,
    ) {
        Ok(way) => way,
        Err(unread) => return Ok(Err(unread)),
    };
    if way.kind == TableKind::Orders {
        // Its customer column, whatever its header says.
        diags.holds_personal(path);
    }
    let table = Table::new((path, None), &header, &way, how, decimal_mark(delimiter));
    let (rest, whole) = rest.map_or((None, None), |(rest, len)| (Some(rest), Some(len)));
    let mut read = table.empty(way.kind, expected_rows(text, whole));
    let text = Text { text, delimiter };
    let fields = header.len();
    let done = body(
        &table,
        (&text, fields),
        &mut reader,
        bad_quote,
        (&mut read, rest),
        diags,
    )?;
    Ok(match done {
        Ok(()) => Ok(file(&table, read, &way, diags)),
        Err(()) => Err(Unread::Unusable {
            may_hold_posts: way.kind == TableKind::Posts,
        }),
    })
}

/// Read one metrics file from its bytes, as `how` says (slash dates, the
/// `imports` entry, the folder's partnership). Problems go to `diags`.
pub fn read(
    path: &Path,
    bytes: &[u8],
    how: &How,
    diags: &mut Diagnostics,
) -> Result<CsvFile, Unread> {
    let (text, encoding) = decode_as(bytes);
    warn_encoding(path, encoding, diags);
    match read_text(path, &text, how, diags, None) {
        Ok(read) => read,
        // Only a file read a part at a time can need to be read whole.
        Err(rest::Whole) => Err(Unread::Unusable {
            may_hold_posts: true,
        }),
    }
}
