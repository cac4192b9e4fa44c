//! Reading the metrics CSV files in every dialect users export.
//!
//! A file's kind (posts, daily, orders) comes from its header row, its
//! delimiter from the most frequent of `,` `;` TAB in that row, its encoding
//! from its byte-order mark (UTF-8, UTF-16LE, UTF-16BE), else from whether it
//! is valid UTF-8, else from its bytes (the legacy encoding chardetng
//! tells, with a warning that names it). Values
//! are typed here, each bad cell reported at its line and column; references
//! between rows and partnerships are resolved later, in the model.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::imports::{self, How};
use super::values::{DecimalMark, Sign};
use super::workbook::Sheet;
use crate::diagnostics::kind::CsvProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::model::{Counts, PostKind};

mod encoding;
mod guess;
mod header;
mod ledger;
mod parts;
mod quotes;
mod rows;
mod table;
mod way;

use encoding::warn_encoding;
pub use encoding::{Encoding, decode, decode_as};
pub use ledger::{Acquired, Dated, Duplicate, Ledger, Named, Signs};
pub use parts::{PART, read_streamed};
use table::{Part, Read, Table, Text, field_starts};
use way::Way;

/// Where a cell is, for later diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// 1-based line.
    pub line: u32,
    /// 1-based column of the cell's first character (a sheet's column).
    pub column: u32,
    /// 0-based field of the row.
    pub field: u32,
}

impl Cell {
    /// A cell at `line`, `column` and `field`; `u32` keeps the rows of a
    /// large export small, and no file has four billion lines.
    pub fn new(line: usize, column: usize, field: usize) -> Cell {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Cell {
            line: small(line),
            column: small(column),
            field: small(field),
        }
    }

    /// Its line and column, as a place takes them.
    pub fn place(self) -> (usize, usize) {
        (self.line as usize, self.column as usize)
    }
}

/// A date as written, with the instant it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The local date as written.
    pub date: NaiveDate,
    /// Seconds since the epoch, UTC; a bare date is 00:00 UTC.
    pub instant: i64,
    /// The offset written with it, in seconds east of UTC.
    pub offset: i32,
}

impl Stamp {
    /// The stamp in roster's own form: `YYYY-MM-DD` for midnight UTC,
    /// else RFC 3339 with the offset as written, which reads back as the
    /// same date and instant.
    pub fn rfc3339(&self) -> String {
        let local = chrono::DateTime::from_timestamp(self.instant + i64::from(self.offset), 0)
            .map_or_else(
                || self.date.and_time(chrono::NaiveTime::MIN),
                |t| t.naive_utc(),
            );
        if self.offset == 0 && local.time() == chrono::NaiveTime::MIN {
            return local.date().format("%Y-%m-%d").to_string();
        }
        let offset = if self.offset == 0 {
            "Z".to_string()
        } else {
            let (sign, o) = (if self.offset < 0 { '-' } else { '+' }, self.offset.abs());
            format!("{sign}{:02}:{:02}", o / 3600, o % 3600 / 60)
        };
        format!("{}{offset}", local.format("%Y-%m-%dT%H:%M:%S"))
    }
}

/// A row of a posts file.
#[derive(Debug, Clone)]
pub struct RawPost {
    /// Where the `post_id` cell is.
    pub at: Cell,
    /// Post id.
    pub id: String,
    /// Partnership id as written, and where.
    pub partnership: (String, Cell),
    /// Publication.
    pub published: Stamp,
    /// Sponsored or organic.
    pub kind: PostKind,
    /// Whether the row gives its kind (else sponsored, by default).
    pub kind_written: bool,
    /// Lifetime totals.
    pub counts: Counts,
    /// Attributed revenue.
    pub revenue: Option<Decimal>,
    /// The currency sign written with the revenue.
    pub sign: Option<Box<SignAt>>,
    /// Currency of revenue, as written, and where.
    pub currency: Option<(String, Cell)>,
    /// Link.
    pub url: Option<String>,
    /// What a platform export's row says beyond roster's columns.
    pub export: Option<Box<imports::platform::Exported>>,
}

/// A row of a daily file.
#[derive(Debug, Clone)]
pub struct RawDaily {
    /// Where the `post_id` cell is.
    pub at: Cell,
    /// Post id as written.
    pub post_id: String,
    /// Which day after publication.
    pub day: Day,
    /// Counts within that day.
    pub counts: Counts,
    /// Revenue within that day.
    pub revenue: Option<Decimal>,
    /// The currency sign written with the revenue.
    pub sign: Option<Box<SignAt>>,
}

/// A currency sign written with an amount, and where; boxed in a row, as
/// most amounts have none and a large export's rows should stay small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignAt {
    /// The sign.
    pub sign: Sign,
    /// Its cell.
    pub cell: Cell,
    /// The row's currency as written, for an order (a post's is its own
    /// field; a daily row's is its post's).
    pub currency: Option<String>,
}

/// Which day after its post's publication a daily row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    /// Its number, from 1.
    Number(u32),
    /// The date it fell on, and where: its number is counted from the
    /// post's publication date as written.
    Date(NaiveDate, Cell),
}

/// A row of an orders file.
#[derive(Debug, Clone)]
pub struct RawOrder {
    /// Where the `order_id` cell is.
    pub at: Cell,
    /// Order id.
    pub id: String,
    /// When.
    pub date: Stamp,
    /// Opaque customer id.
    pub customer: String,
    /// Partnership id as written, and where; `None` when empty.
    pub partnership: Option<(String, Cell)>,
    /// The amount, and its currency as written, when given: kept for
    /// `roster import` to write out (no figure reads it).
    pub revenue: Option<Box<(Decimal, Option<String>)>>,
    /// The currency sign written with the revenue, with the row's currency.
    pub sign: Option<Box<SignAt>>,
}

/// The rows of one metrics file.
#[derive(Debug, Clone)]
pub enum Rows {
    /// A posts file.
    Posts(Vec<RawPost>),
    /// A daily file.
    Daily(Vec<RawDaily>),
    /// An orders file, row by row (for `roster import`, which writes them
    /// out).
    Orders(Vec<RawOrder>),
    /// An orders file reduced as it was read to what the figures and
    /// checks need.
    Ledger(Box<Ledger>),
}

/// One metrics file, read.
#[derive(Debug, Clone)]
pub struct CsvFile {
    /// Path relative to the portfolio.
    pub path: PathBuf,
    /// The sheet, for a table of a workbook.
    pub sheet: Option<String>,
    /// Its rows.
    pub rows: Rows,
    /// Ids (`post_id`, `order_id`) of rows that were there but could not be
    /// read, so that rows naming them elsewhere are not reported again.
    pub rejected: Vec<String>,
    /// The preset or `imports` entry it was read through, if any.
    pub read_as: Option<String>,
    /// What reading it came to: rows read, folded, left out.
    pub tally: imports::Tally,
}

impl CsvFile {
    /// The place of one of its cells, for a problem of its row as a whole
    /// (a duplicate id, an unknown partnership): not counted in with the
    /// problems of the cell's column.
    pub fn at(&self, cell: Cell) -> Location {
        let (line, column) = cell.place();
        Location::at(&self.path, line, column).in_sheet(self.sheet.as_deref())
    }
}

/// Why a metrics file gave no rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// It is empty (a warning).
    Empty,
    /// It could not be used (an error); `may_hold_posts` when it may have
    /// been a posts file, so that rows naming its posts are not reported
    /// again.
    Unusable {
        /// Whether it may have been a posts file.
        may_hold_posts: bool,
    },
}

pub(crate) const POSTS: &[&str] = &[
    "post_id",
    "partnership",
    "published",
    "kind",
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "conversions",
    "revenue",
    "currency",
    "url",
];
pub(crate) const DAILY: &[&str] = &[
    "post_id",
    "day",
    "date",
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "conversions",
    "revenue",
];
pub(crate) const ORDERS: &[&str] = &[
    "order_id",
    "date",
    "customer",
    "partnership",
    "revenue",
    "currency",
];
const COUNTS: [&str; 5] = [
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "conversions",
];

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

/// The error for a quote left open, at the quote.
fn open_quote(path: &Path, q: &quotes::BadQuote) -> Diagnostic {
    let problem = match q.open {
        quotes::Open::ToTheEnd => CsvProblem::QuoteNeverClosed,
        quotes::Open::Swallows { rows, first } => CsvProblem::QuoteSwallowsRows { rows, first },
    };
    Diagnostic::error(problem).at(Location::at(path, q.line, q.column))
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
/// delimits (input-format.md), else the point.
fn decimal_mark(delimiter: u8) -> DecimalMark {
    if delimiter == b';' {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
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
        Err(parts::Whole) => Err(Unread::Unusable {
            may_hold_posts: true,
        }),
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

/// Read a file's text, or its first part when `rest` gives the others
/// ([`parts`]); `Err` when a later part shows the file must be read whole.
fn read_text(
    path: &Path,
    text: &str,
    how: &How,
    diags: &mut Diagnostics,
    rest: Option<(&mut parts::Rest, u64)>,
) -> Result<Result<CsvFile, Unread>, parts::Whole> {
    let first_line = text.lines().next().unwrap_or("");
    let sep = sep_line(first_line);
    let skip = usize::from(sep.is_some());
    let header_line = text.lines().nth(skip).unwrap_or("");
    let delimiter = sep.unwrap_or_else(|| detect_delimiter(header_line));
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
    if way.kind.name == "orders" {
        // Its customer column, whatever its header says.
        diags.holds_personal(path);
    }
    let table = Table::new((path, None), &header, &way, how, decimal_mark(delimiter));
    let fields = header.len();
    let text = Text { text, delimiter };
    let lines = text.text.bytes().filter(|b| *b == b'\n').count() + 1;
    // A file read in parts has about as many lines again in each.
    let expected = rest.as_ref().map_or(lines, |(_, len)| {
        let per_byte = lines as f64 / text.text.len().max(1) as f64;
        (per_byte * *len as f64) as usize
    });
    let mut read = table.empty(way.kind.name, expected);
    let last = rest.is_none();
    let rows = table.csv_rows(
        &text,
        &mut reader,
        bad_quote,
        (&mut read, Part::last(last)),
        diags,
    );
    let done = match (rows, rest) {
        // A first part with no record to hold back (the header alone, when
        // the first record is longer than a part) goes on from its end.
        (Ok(carry), Some((rest, _))) => {
            let carry = carry.unwrap_or(text.text.len());
            parts::rest(&table, (&text, carry, fields), rest, &mut read, diags)?
        }
        (rows, _) => rows.map(|_| ()),
    };
    Ok(match done {
        Ok(()) => Ok(file(&table, read, &way, diags)),
        Err(()) => Err(Unread::Unusable {
            may_hold_posts: way.kind.name == "posts",
        }),
    })
}

/// The file read, once the view (if any) has said what it met.
fn file(table: &Table, read: Read, way: &Way, diags: &mut Diagnostics) -> CsvFile {
    // A problem of the file as a whole, placed at a cell: never counted in
    // with the problems of the cell's column.
    let at = |cell: Option<Cell>| match cell {
        Some(cell) => {
            let (line, column) = cell.place();
            Location::at(table.path, line, column).in_sheet(table.sheet)
        }
        None => Location::file(table.path).in_sheet(table.sheet),
    };
    let tally = imports::finish((way.view.as_ref(), table.importing), read.state, &at, diags);
    CsvFile {
        tally,
        path: table.path.to_path_buf(),
        sheet: table.sheet.map(str::to_string),
        rows: read.rows,
        rejected: read.rejected,
        read_as: way.read_as.clone(),
    }
}

/// Read one sheet of the workbook at `path` like a CSV file: its first row
/// is the header. A sheet whose header fits no kind is skipped with a
/// warning (a workbook often holds a summary or a chart beside its data):
/// `Err(Unread::Empty)`.
pub fn read_sheet(
    path: &Path,
    sheet: &Sheet,
    how: &How,
    diags: &mut Diagnostics,
) -> Result<CsvFile, Unread> {
    let name = sheet.name.as_str();
    let Some(((_, first), rest)) = sheet.rows.split_first() else {
        return Err(Unread::Empty);
    };
    let mut written: Vec<String> = first.iter().map(|h| h.trim().to_string()).collect();
    while written.last().is_some_and(String::is_empty) {
        written.pop();
    }
    let header: Vec<String> = written.iter().map(|h| imports::normalise(h)).collect();
    let sample = || -> Vec<Vec<String>> {
        rest.iter()
            .take(guess::SAMPLE)
            .map(|(_, cells)| cells.clone())
            .collect()
    };
    let mapped = how
        .mapping
        .is_some_and(|m| m.kind.is_some() && m.sheet.as_deref().is_none_or(|s| s == name));
    let known = header::fits_a_kind(&header)
        || imports::recognise(&header).is_some()
        || guess::account_level(&header).is_some();
    if !mapped && !known {
        let guess = guess::guess(
            (&header, &written),
            &sample(),
            (path, Some(name)),
            how.folder.is_some(),
        )
        .filter(|_| rest.len() >= 2);
        let problem = CsvProblem::SheetOfNoKind {
            sheet: name.to_string(),
            guess: guess.map(Box::new),
        };
        diags.push(Diagnostic::warning(problem).at(Location::file(path).in_sheet(Some(name))));
        return Err(Unread::Empty);
    }
    let header_row = sheet.rows[0].0 as usize;
    let first_column = sheet.first_column as usize;
    let header_at = |i: usize| {
        Location::at(path, header_row, first_column + i + 1)
            .in_field(i)
            .in_sheet(Some(name))
    };
    let way = way::way(
        (&header, &written, &sample),
        how,
        (path, Some(name)),
        header_at,
        diags,
    )?;
    let table = Table::new((path, Some(name)), &header, &way, how, DecimalMark::Point);
    let read = table.sheet_rows(way.kind.name, rest, first_column, diags);
    Ok(file(&table, read, &way, diags))
}

#[cfg(test)]
mod tests;
