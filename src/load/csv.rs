//! Reading the metrics CSV files in every dialect users export.
//!
//! A file's kind (posts, daily, orders) comes from its header row, its
//! delimiter from the most frequent of `,` `;` TAB in that row, its encoding
//! from its byte-order mark (UTF-8, UTF-16LE, UTF-16BE), else from whether it
//! is valid UTF-8 (else Windows-1251, with a warning). Values
//! are typed here, each bad cell reported at its line and column; references
//! between rows and partnerships are resolved later, in the model.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{DateTime, NaiveDate};
use rust_decimal::Decimal;

use crate::diagnostics::{Diagnostic, Diagnostics, Location, shorten};
use crate::model::{Counts, PostKind};

mod header;
mod quotes;

/// The most problems reported for one file before the rest are summed up.
const MAX_ROW_ERRORS: usize = 20;

/// Where a cell is, for later diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the cell's first character.
    pub column: usize,
}

/// A date as written, with the instant it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The local date as written.
    pub date: NaiveDate,
    /// Seconds since the epoch, UTC; a bare date is 00:00 UTC.
    pub instant: i64,
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
    /// Lifetime totals.
    pub counts: Counts,
    /// Attributed revenue.
    pub revenue: Option<Decimal>,
    /// Currency of revenue, as written, and where.
    pub currency: Option<(String, Cell)>,
    /// Link.
    pub url: Option<String>,
}

/// A row of a daily file.
#[derive(Debug, Clone)]
pub struct RawDaily {
    /// Where the `post_id` cell is.
    pub at: Cell,
    /// Post id as written.
    pub post_id: String,
    /// Day number, from 1.
    pub day: u32,
    /// Counts within that day.
    pub counts: Counts,
    /// Revenue within that day.
    pub revenue: Option<Decimal>,
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
}

/// The rows of one metrics file.
#[derive(Debug, Clone)]
pub enum Rows {
    /// A posts file.
    Posts(Vec<RawPost>),
    /// A daily file.
    Daily(Vec<RawDaily>),
    /// An orders file.
    Orders(Vec<RawOrder>),
}

/// One metrics file, read.
#[derive(Debug, Clone)]
pub struct CsvFile {
    /// Path relative to the portfolio.
    pub path: PathBuf,
    /// Its rows.
    pub rows: Rows,
    /// Ids (`post_id`, `order_id`) of rows that were there but could not be
    /// read, so that rows naming them elsewhere are not reported again.
    pub rejected: Vec<String>,
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

const POSTS: &[&str] = &[
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
const DAILY: &[&str] = &[
    "post_id",
    "day",
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "conversions",
    "revenue",
];
const ORDERS: &[&str] = &[
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

/// The encoding a metrics file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian, from its byte-order mark (as Meta exports).
    Utf16Le,
    /// UTF-16, big-endian, from its byte-order mark.
    Utf16Be,
    /// Not UTF-8 and no byte-order mark: taken to be Windows-1251, what
    /// Excel in a Russian locale saves.
    Windows1251,
}

/// Decode a file's bytes: UTF-8 (a BOM dropped), else Windows-1251.
/// Returns the text and whether the fallback was used.
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    let (text, encoding) = decode_as(bytes);
    (text, encoding == Encoding::Windows1251)
}

/// Decode a file's bytes by its byte-order mark, else as UTF-8, else as
/// Windows-1251; with the encoding used.
/// Old Mac line ends (CR alone) become LF, so that lines are counted alike
/// here and where the terminal quotes them.
pub fn decode_as(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Encoding) {
    use std::borrow::Cow;
    let (text, encoding) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((e, bom)) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
            let (text, _) = e.decode_without_bom_handling(&bytes[bom..]);
            let used = if e == encoding_rs::UTF_16LE {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            };
            (text, used)
        }
        _ => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(bytes) {
                Ok(s) => (Cow::Borrowed(s), Encoding::Utf8),
                Err(_) => {
                    let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
                    (text, Encoding::Windows1251)
                }
            }
        }
    };
    if text.contains('\r') && !text.contains('\n') {
        return (Cow::Owned(text.replace('\r', "\n")), encoding);
    }
    (text, encoding)
}

/// The 1-based line of the record starting at byte `at` of `text`. The csv
/// crate puts the start of a record after a CRLF at its LF, so line ends
/// there are skipped first.
fn line_at(text: &str, newlines: &[usize], at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = at;
    while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    newlines.partition_point(|n| *n < at) + 1
}

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

/// Parse a date `YYYY-MM-DD` or an RFC 3339 date-time.
pub fn parse_stamp(s: &str) -> Option<Stamp> {
    if let Some(date) = iso_date(s).or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()) {
        let instant = date.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
        return Some(Stamp { date, instant });
    }
    let dt = DateTime::parse_from_rfc3339(s).ok()?;
    Some(Stamp {
        date: dt.date_naive(),
        instant: dt.timestamp(),
    })
}

/// `YYYY-MM-DD` exactly, read without chrono's format machinery: every row
/// of every file has a date, so this is a hot path of loading.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

struct Columns {
    index: Vec<Option<usize>>,
    names: &'static [&'static str],
}

impl Columns {
    fn of(&self, name: &str) -> Option<usize> {
        let i = self.names.iter().position(|n| *n == name)?;
        self.index[i]
    }
}

/// A cursor over one record: typed access to its cells, recording problems.
struct RowReader<'r> {
    record: &'r csv::StringRecord,
    line: usize,
    raw_line: &'r str,
    delimiter: u8,
    decimal_comma: bool,
    errors: Vec<(Cell, String, Option<String>)>,
}

impl RowReader<'_> {
    fn cell(&self, i: usize) -> Cell {
        Cell {
            line: self.line,
            column: field_start(self.raw_line, self.delimiter, i).unwrap_or(1),
        }
    }

    fn text(&self, col: Option<usize>) -> Option<&str> {
        let s = self.record.get(col?)?.trim();
        (!s.is_empty()).then_some(s)
    }

    fn required(&mut self, cols: &Columns, name: &str) -> Option<(String, Cell)> {
        let i = cols.of(name)?;
        match self.text(Some(i)) {
            Some(s) => Some((s.to_string(), self.cell(i))),
            None => {
                self.errors.push((
                    self.cell(i),
                    format!("empty `{name}`"),
                    Some(format!("every row needs a `{name}`")),
                ));
                None
            }
        }
    }

    fn count(&mut self, cols: &Columns, name: &str) -> Option<u64> {
        let i = cols.of(name)?;
        let s = self.text(Some(i))?;
        match u64::from_str(s) {
            Ok(n) if n <= super::MAX_COUNT => Some(n),
            Ok(_) => {
                self.errors.push((
                    self.cell(i),
                    format!("`{name}` is too large: {}", shorten(s)),
                    Some(format!(
                        "roster reads counts up to {}; check for extra digits",
                        super::MAX_COUNT
                    )),
                ));
                None
            }
            Err(_) => {
                let (msg, help) = if s.starts_with('-') {
                    (
                        format!("`{name}` cannot be negative, found \"{}\"", shorten(s)),
                        "counts are 0 or more; leave the cell empty when the value is unknown",
                    )
                } else {
                    (
                        format!("`{name}` must be a whole number, found \"{}\"", shorten(s)),
                        "write digits only, such as 12000, without spaces or separators; leave the cell empty when the value is unknown",
                    )
                };
                self.errors.push((self.cell(i), msg, Some(help.into())));
                None
            }
        }
    }

    fn counts(&mut self, cols: &Columns) -> Counts {
        let [impressions, reach, engagements, clicks, conversions] =
            COUNTS.map(|c| self.count(cols, c));
        Counts {
            impressions,
            reach,
            engagements,
            clicks,
            conversions,
        }
    }

    fn money(&mut self, cols: &Columns, name: &str) -> Option<Decimal> {
        let i = cols.of(name)?;
        let raw = self.text(Some(i))?;
        let owned;
        let s = if self.decimal_comma && raw.contains(',') {
            owned = raw.replace(',', ".");
            owned.as_str()
        } else {
            raw
        };
        match Decimal::from_str(s).or_else(|_| Decimal::from_scientific(s)) {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                self.errors.push((
                    self.cell(i),
                    format!("`{name}` cannot be negative, found \"{}\"", shorten(raw)),
                    None,
                ));
                None
            }
            Ok(d) if d > super::max_amount() => {
                self.errors.push((
                    self.cell(i),
                    format!("`{name}` is too large: {}", shorten(raw)),
                    Some(format!(
                        "roster reads amounts up to {}; check for extra digits",
                        super::max_amount()
                    )),
                ));
                None
            }
            Ok(d) => Some(d),
            Err(_) => {
                let help = if raw.contains(',') && !self.decimal_comma {
                    "a decimal comma is read only in files delimited by `;`; use a point here"
                } else if self.decimal_comma {
                    "write a plain number such as 1234,50, without currency signs, spaces or thousands separators"
                } else {
                    "write a plain number such as 1234.50, without currency signs, spaces or thousands separators"
                };
                self.errors.push((
                    self.cell(i),
                    format!("`{name}` must be a number, found \"{}\"", shorten(raw)),
                    Some(help.into()),
                ));
                None
            }
        }
    }

    fn stamp(&mut self, cols: &Columns, name: &str) -> Option<Stamp> {
        let (s, cell) = self.required(cols, name)?;
        let stamp = parse_stamp(&s).filter(|t| super::plausible(&t.date));
        if stamp.is_none() {
            self.errors.push((
                cell,
                format!(
                    "`{name}` must be a date YYYY-MM-DD or an RFC 3339 date-time, found \"{}\"",
                    shorten(&s)
                ),
                Some(format!(
                    "write it as 2026-03-01 or 2026-03-01T18:30:00+03:00, with a day that exists and a year from {} to {}",
                    super::YEARS.start(),
                    super::YEARS.end()
                )),
            ));
        }
        stamp
    }
}

/// The 1-based column where field `i` of a raw line starts: one scan up to
/// that field, as every row asks for the column of its id cells.
fn field_start(line: &str, delimiter: u8, i: usize) -> Option<usize> {
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
fn field_starts(line: &str, delimiter: u8) -> Vec<usize> {
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

/// The warning for a file not read as UTF-8, naming the encoding used.
fn warn_encoding(path: &Path, encoding: Encoding, diags: &mut Diagnostics) {
    if encoding == Encoding::Windows1251 {
        diags.push(
            Diagnostic::warning("file is not UTF-8; read it as Windows-1251")
                .in_file(path)
                .help("save it as \"CSV UTF-8\" to make the encoding explicit"),
        );
    }
}

/// The error for a quote left open, at the quote.
fn open_quote(path: &Path, q: &quotes::BadQuote) -> Diagnostic {
    let message = match q.open {
        quotes::Open::ToTheEnd => {
            "quote is never closed: its field runs to the end of the file".to_string()
        }
        quotes::Open::Swallows { rows, first } => {
            let lines = if rows == 1 { "line" } else { "lines" };
            format!(
                "quoted field takes in {rows} {lines} that look like rows, from line {first}: its closing quote is likely missing"
            )
        }
    };
    Diagnostic::error(message)
        .at(Location::at(path, q.line, q.column))
        .help("end the value with `\"`; a quote inside a quoted value is written twice, `\"\"`")
}

/// Read one metrics file from its bytes. Problems go to `diags`.
pub fn read(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Result<CsvFile, Unread> {
    let (text, encoding) = decode_as(bytes);
    warn_encoding(path, encoding, diags);
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = detect_delimiter(header_line);
    let header_starts = field_starts(header_line, delimiter);
    let header_at = |i: usize| Location::at(path, 1, header_starts.get(i).copied().unwrap_or(1));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => {}
        Ok(false) => {
            diags.push(Diagnostic::warning("empty CSV file is ignored").in_file(path));
            return Err(Unread::Empty);
        }
        Err(e) => {
            diags.push(Diagnostic::error(format!("cannot read CSV: {e}")).in_file(path));
            return Err(Unread::Unusable {
                may_hold_posts: true,
            });
        }
    }
    let header: Vec<String> = record.iter().map(|h| h.trim().to_lowercase()).collect();
    let bad_quote = quotes::first_open(&text, delimiter, header.len());
    if let Some(q) = bad_quote.filter(|q| (q.at as u64) < reader.position().byte()) {
        // The header itself runs on: nothing in the file can be told apart.
        diags.push(open_quote(path, &q));
        return Err(Unread::Unusable {
            may_hold_posts: true,
        });
    }
    let kind = header::check(&header, header_at, diags)?;
    let file = Table {
        path,
        text: &text,
        delimiter,
        header: &header,
        cols: Columns {
            index: kind
                .names
                .iter()
                .map(|n| header.iter().position(|h| h == n))
                .collect(),
            names: kind.names,
        },
    };
    let rows = file.rows(kind.name, &mut reader, bad_quote, diags);
    match rows {
        Ok((rows, rejected)) => Ok(CsvFile {
            path: path.to_path_buf(),
            rows,
            rejected,
        }),
        Err(()) => Err(Unread::Unusable {
            may_hold_posts: kind.name == "posts",
        }),
    }
}

/// A metrics file whose header has been read: what its rows are read with.
struct Table<'t> {
    path: &'t Path,
    text: &'t str,
    delimiter: u8,
    header: &'t [String],
    cols: Columns,
}

/// Problems of one file, the first [`MAX_ROW_ERRORS`] shown and the rest
/// summed up.
#[derive(Default)]
struct Reported {
    shown: usize,
    suppressed: usize,
    first_suppressed: Option<Location>,
}

impl Reported {
    fn push(&mut self, path: &Path, (cell, msg, help): (Cell, String, Option<String>), diags: &mut Diagnostics) {
        let at = Location::at(path, cell.line, cell.column);
        if self.shown < MAX_ROW_ERRORS {
            let mut d = Diagnostic::error(msg).at(at);
            if let Some(h) = help {
                d = d.help(h);
            }
            diags.push(d);
            self.shown += 1;
        } else {
            self.suppressed += 1;
            self.first_suppressed.get_or_insert(at);
        }
    }

    fn finish(self, diags: &mut Diagnostics) {
        if let Some(first) = self.first_suppressed {
            // Placed at the first problem not shown, so it is listed after
            // the ones that are.
            diags.push(
                Diagnostic::error(format!(
                    "{} more problems in this file are not shown, from here on",
                    self.suppressed
                ))
                .at(first)
                .help("fix the ones above and run again"),
            );
        }
    }
}

impl Table<'_> {
    /// Read the rows after the header, with the ids of rows that could not
    /// be read; `Err` when a quote left open (`bad_quote`) makes the rest
    /// of the file unreadable.
    fn rows(
        &self,
        kind: &str,
        reader: &mut csv::Reader<&[u8]>,
        bad_quote: Option<quotes::BadQuote>,
        diags: &mut Diagnostics,
    ) -> Result<(Rows, Vec<String>), ()> {
        let lines: Vec<&str> = self.text.lines().collect();
        let newlines: Vec<usize> = self.text.match_indices('\n').map(|(i, _)| i).collect();
        let mut rows = match kind {
            "posts" => Rows::Posts(Vec::with_capacity(lines.len())),
            "daily" => Rows::Daily(Vec::with_capacity(lines.len())),
            _ => Rows::Orders(Vec::with_capacity(lines.len())),
        };
        let id_column = self.cols.of("post_id").or(self.cols.of("order_id"));
        let mut rejected = Vec::new();
        let mut reported = Reported::default();
        let mut record = csv::StringRecord::new();
        let line_of = |byte: u64| line_at(self.text, &newlines, usize::try_from(byte).unwrap_or(0));
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let loc = match e.position() {
                        Some(p) => Location::at(self.path, line_of(p.byte()), 1),
                        None => Location::file(self.path),
                    };
                    diags.push(Diagnostic::error(format!("cannot read CSV: {e}")).at(loc));
                    break;
                }
            }
            if let Some(q) = bad_quote.filter(|q| (q.at as u64) < reader.position().byte()) {
                reported.finish(diags);
                diags.push(open_quote(self.path, &q));
                return Err(());
            }
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let line = record.position().map_or(0, |p| line_of(p.byte()));
            let mut row = RowReader {
                record: &record,
                line,
                raw_line: lines.get(line.saturating_sub(1)).copied().unwrap_or(""),
                delimiter: self.delimiter,
                decimal_comma: self.delimiter == b';',
                errors: Vec::new(),
            };
            if let Some(e) = self.field_count(&row) {
                row.errors.push(e);
            } else {
                read_row(&mut row, &self.cols, &mut rows);
            }
            if !row.errors.is_empty()
                && let Some(id) = row.text(id_column)
            {
                rejected.push(id.to_string());
            }
            for e in row.errors {
                reported.push(self.path, e, diags);
            }
        }
        reported.finish(diags);
        Ok((rows, rejected))
    }

    /// The error of a row with more or fewer fields than the header: its
    /// cells cannot be matched to the columns.
    fn field_count(&self, row: &RowReader) -> Option<(Cell, String, Option<String>)> {
        let (got, want) = (row.record.len(), self.header.len());
        let message = format!("row has {got} fields but the header has {want}");
        if got > want {
            return Some((
                row.cell(want),
                message,
                Some("quote values that contain the delimiter".into()),
            ));
        }
        // The end of the row, where the missing fields would go.
        let end = Cell {
            line: row.line,
            column: row.raw_line.chars().count() + 1,
        };
        let d = char::from(self.delimiter);
        let d = if d == '\t' { "tab".to_string() } else { format!("`{d}`") };
        (got < want).then(|| {
            (
                end,
                message,
                Some(format!(
                    "write every column of the header in every row: an empty cell still needs its {d}"
                )),
            )
        })
    }
}

fn read_row(row: &mut RowReader, cols: &Columns, rows: &mut Rows) {
    match rows {
        Rows::Posts(out) => {
            let id = row.required(cols, "post_id");
            let partnership = row.required(cols, "partnership");
            let published = row.stamp(cols, "published");
            let kind = match row.text(cols.of("kind")).map(str::to_lowercase).as_deref() {
                None | Some("sponsored") => Some(PostKind::Sponsored),
                Some("organic") => Some(PostKind::Organic),
                Some(other) => {
                    let i = cols.of("kind").unwrap_or(0);
                    row.errors.push((
                        row.cell(i),
                        format!(
                            "`kind` must be sponsored or organic, found \"{}\"",
                            shorten(other)
                        ),
                        Some("leave it empty for a sponsored post".into()),
                    ));
                    None
                }
            };
            let counts = row.counts(cols);
            let revenue = row.money(cols, "revenue");
            let currency = cols
                .of("currency")
                .and_then(|i| row.text(Some(i)).map(|s| (s.to_uppercase(), row.cell(i))));
            let url = row.text(cols.of("url")).map(str::to_string);
            if let (Some((id, at)), Some(partnership), Some(published), Some(kind), true) =
                (id, partnership, published, kind, row.errors.is_empty())
            {
                out.push(RawPost {
                    at,
                    id,
                    partnership,
                    published,
                    kind,
                    counts,
                    revenue,
                    currency,
                    url,
                });
            }
        }
        Rows::Daily(out) => {
            let id = row.required(cols, "post_id");
            let day = row
                .required(cols, "day")
                .and_then(|(s, cell)| match s.parse::<u32>() {
                    Ok(d) if d >= 1 => Some(d),
                    _ => {
                        row.errors.push((
                            cell,
                            format!(
                                "`day` must be a whole number from 1, found \"{}\"",
                                shorten(&s)
                            ),
                            Some("day 1 is the first 24 hours after publication".into()),
                        ));
                        None
                    }
                });
            let counts = row.counts(cols);
            let revenue = row.money(cols, "revenue");
            if let (Some((post_id, at)), Some(day), true) = (id, day, row.errors.is_empty()) {
                out.push(RawDaily {
                    at,
                    post_id,
                    day,
                    counts,
                    revenue,
                });
            }
        }
        Rows::Orders(out) => {
            let id = row.required(cols, "order_id");
            let date = row.stamp(cols, "date");
            let customer = row.required(cols, "customer");
            let partnership = cols
                .of("partnership")
                .and_then(|i| row.text(Some(i)).map(|s| (s.to_string(), row.cell(i))));
            row.money(cols, "revenue");
            if let (Some((id, at)), Some(date), Some((customer, _)), true) =
                (id, date, customer, row.errors.is_empty())
            {
                out.push(RawOrder {
                    at,
                    id,
                    date,
                    customer,
                    partnership,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posts(text: &[u8]) -> (Vec<RawPost>, Vec<String>) {
        let mut d = Diagnostics::new();
        let f = read(Path::new("m.csv"), text, &mut d);
        let msgs = d.sorted().iter().map(|x| x.to_string()).collect();
        match f.map(|f| f.rows) {
            Ok(Rows::Posts(p)) => (p, msgs),
            _ => (Vec::new(), msgs),
        }
    }

    #[test]
    fn detects_delimiters_with_ties_in_order() {
        assert_eq!(detect_delimiter("a,b;c"), b',');
        assert_eq!(detect_delimiter("a;b;c,d"), b';');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
    }

    #[test]
    fn reads_semicolons_with_decimal_commas_bom_and_crlf() {
        let (p, msgs) = posts(
            b"\xEF\xBB\xBFpost_id;partnership;published;revenue\r\nA1;anna;2026-03-01;1234,5\r\n",
        );
        assert!(msgs.is_empty(), "{msgs:?}");
        assert_eq!(p[0].revenue, Some(Decimal::new(12345, 1)));
        assert_eq!(p[0].kind, PostKind::Sponsored);
    }

    #[test]
    fn falls_back_to_windows_1251_with_a_warning() {
        let mut bytes =
            b"post_id,partnership,published,\xcf\xf0\xe8\xec\r\nA,b,2026-01-01,x\n".to_vec();
        bytes.extend_from_slice(b"");
        let (p, msgs) = posts(&bytes);
        assert_eq!(p.len(), 1);
        assert!(msgs.iter().any(|m| m.contains("Windows-1251")), "{msgs:?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("unknown columns ignored: прим")),
            "{msgs:?}"
        );
    }

    #[test]
    fn reads_iso_dates_quickly_and_exactly() {
        assert_eq!(iso_date("2026-02-28"), NaiveDate::from_ymd_opt(2026, 2, 28));
        assert_eq!(iso_date("2026-02-30"), None);
        assert_eq!(iso_date("2026/02/28"), None);
        assert_eq!(iso_date("2026-0a-28"), None);
        assert_eq!(parse_stamp("2026-02-30"), None);
        assert_eq!(
            parse_stamp("2026-2-3").map(|s| s.date),
            NaiveDate::from_ymd_opt(2026, 2, 3)
        );
    }

    #[test]
    fn takes_the_local_date_and_the_utc_instant_of_a_date_time() {
        let s = parse_stamp("2026-10-07T01:30:00+03:00").unwrap();
        assert_eq!(s.date, NaiveDate::from_ymd_opt(2026, 10, 7).unwrap());
        let bare = parse_stamp("2026-10-07").unwrap();
        // 01:30+03:00 is 22:30 UTC the day before, earlier than the bare date.
        assert!(s.instant < bare.instant);
    }

    #[test]
    fn locates_bad_cells() {
        let (p, msgs) =
            posts(b"post_id,partnership,published,reach\nA,b,2026-01-01,-4\nB,b,2026-02-30,5\n");
        assert!(p.is_empty());
        assert!(
            msgs[0].contains("`reach` cannot be negative") && msgs[0].contains("m.csv:2:16"),
            "{msgs:?}"
        );
        assert!(
            msgs[1].contains("`published` must be a date") && msgs[1].contains("m.csv:3:5"),
            "{msgs:?}"
        );
    }

    #[test]
    fn counts_lines_alike_with_crlf_lf_and_cr() {
        for end in ["\r\n", "\n", "\r"] {
            let text = [
                "post_id,partnership,published",
                "A,b,2026-01-01",
                "B,b,x",
                "",
            ]
            .join(end);
            let (_, msgs) = posts(text.as_bytes());
            assert!(msgs[0].contains("m.csv:3:5"), "{end:?}: {msgs:?}");
        }
    }

    #[test]
    fn rejects_a_header_of_no_kind() {
        let (_, msgs) = posts(b"id,when\n1,2\n");
        assert!(msgs[0].contains("fits no kind"), "{msgs:?}");
    }
}
