//! Reading the metrics CSV files in every dialect users export.
//!
//! A file's kind (posts, daily, orders) comes from its header row, its
//! delimiter from the most frequent of `,` `;` TAB in that row, its encoding
//! from whether it is valid UTF-8 (else Windows-1251, with a warning). Values
//! are typed here, each bad cell reported at its line and column; references
//! between rows and partnerships are resolved later, in the model.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{DateTime, NaiveDate};
use rust_decimal::Decimal;

use crate::diagnostics::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::model::{Counts, PostKind};

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

/// Decode a file's bytes: UTF-8 (a BOM dropped), else Windows-1251.
/// Returns the text and whether the fallback was used.
/// Old Mac line ends (CR alone) become LF, so that lines are counted alike
/// here and where the terminal quotes them.
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    use std::borrow::Cow;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, fallback) = match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
            (text, true)
        }
    };
    if text.contains('\r') && !text.contains('\n') {
        return (Cow::Owned(text.replace('\r', "\n")), fallback);
    }
    (text, fallback)
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
                    format!("`{name}` is too large: {s}"),
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
                        format!("`{name}` cannot be negative, found \"{s}\""),
                        "counts are 0 or more; leave the cell empty when the value is unknown",
                    )
                } else {
                    (
                        format!("`{name}` must be a whole number, found \"{s}\""),
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
                    format!("`{name}` cannot be negative, found \"{raw}\""),
                    None,
                ));
                None
            }
            Ok(d) if d > super::max_amount() => {
                self.errors.push((
                    self.cell(i),
                    format!("`{name}` is too large: {raw}"),
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
                    format!("`{name}` must be a number, found \"{raw}\""),
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
                    "`{name}` must be a date YYYY-MM-DD or an RFC 3339 date-time, found \"{s}\""
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

/// Which columns mark each kind of file, with the kind's columns.
const KINDS: [(&str, [&str; 2], &[&str]); 3] = [
    ("posts", ["post_id", "published"], POSTS),
    ("daily", ["post_id", "day"], DAILY),
    ("orders", ["order_id", "customer"], ORDERS),
];

/// The columns a header needs for each kind, for a header that fits none:
/// the kinds it comes closest to first, each with what is missing and any
/// column that looks like a misspelling of it.
fn kind_help(header: &[String]) -> String {
    let mut options: Vec<((usize, usize), String)> = KINDS
        .iter()
        .map(|(kind, marks, _)| {
            let missing: Vec<String> = marks
                .iter()
                .filter(|m| !header.iter().any(|h| h == *m))
                .map(
                    |m| match did_you_mean(m, header.iter().map(String::as_str)) {
                        Some(near) => format!("`{m}` (is `{near}` meant?)"),
                        None => format!("`{m}`"),
                    },
                )
                .collect();
            let article = if kind.starts_with('o') { "an" } else { "a" };
            let unmatched = missing.iter().filter(|m| !m.contains("meant?")).count();
            (
                (missing.len(), unmatched),
                format!("for {article} {kind} file add {}", missing.join(" and ")),
            )
        })
        .collect();
    options.sort_by_key(|(n, _)| *n);
    let list: Vec<String> = options.into_iter().map(|(_, o)| o).collect();
    list.join("; ")
}

/// Read one metrics file from its bytes. Problems go to `diags`.
pub fn read(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Result<CsvFile, Unread> {
    let (text, fallback) = decode(bytes);
    if fallback {
        diags.push(
            Diagnostic::warning("file is not UTF-8; read it as Windows-1251")
                .in_file(path)
                .help("save it as \"CSV UTF-8\" to make the encoding explicit"),
        );
    }
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = detect_delimiter(header_line);
    let header_starts = field_starts(header_line, delimiter);
    let header_at = |i: usize| Location::at(path, 1, header_starts.get(i).copied().unwrap_or(1));
    let unusable = Unread::Unusable {
        may_hold_posts: true,
    };
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
            return Err(unusable);
        }
    }
    let header: Vec<String> = record.iter().map(|h| h.trim().to_lowercase()).collect();
    let has = |c: &str| header.iter().any(|h| h == c);
    let Some((kind, _, names)) = KINDS
        .iter()
        .find(|(_, marks, _)| marks.iter().all(|m| has(m)))
    else {
        diags.push(
            Diagnostic::error("CSV header fits no kind of metrics file")
                .at(header_at(0))
                .help(kind_help(&header)),
        );
        return Err(unusable);
    };
    let cols = Columns {
        index: names
            .iter()
            .map(|n| header.iter().position(|h| h == n))
            .collect(),
        names,
    };
    let unknown: Vec<(usize, &str)> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| !names.contains(&h.as_str()))
        .map(|(i, h)| (i, h.as_str()))
        .collect();
    let required: &[&str] = match *kind {
        "posts" => &["post_id", "partnership", "published"],
        "daily" => &["post_id", "day"],
        _ => &["order_id", "date", "customer"],
    };
    let missing: Vec<&str> = required.iter().copied().filter(|c| !has(c)).collect();
    if let Some(&(first, _)) = unknown.first() {
        let list: Vec<&str> = unknown.iter().map(|(_, h)| *h).collect();
        let near: Vec<String> = unknown
            .iter()
            .filter_map(|(_, h)| {
                did_you_mean(h, names.iter().copied().filter(|n| !has(n)))
                    .map(|n| format!("`{h}` -> `{n}`"))
            })
            .collect();
        let help = if near.is_empty() {
            format!("the columns roster reads here are {}", names.join(", "))
        } else {
            format!("rename {}", near.join(", "))
        };
        // A misspelt required column is the error below; its warning would
        // say the same thing twice.
        if missing.is_empty() {
            diags.push(
                Diagnostic::warning(format!("unknown columns ignored: {}", list.join(", ")))
                    .at(header_at(first))
                    .help(help),
            );
        }
    }
    if !missing.is_empty() {
        let near: Vec<String> = missing
            .iter()
            .filter_map(|m| {
                did_you_mean(m, unknown.iter().map(|(_, h)| *h))
                    .map(|h| format!("rename `{h}` to `{m}`"))
            })
            .collect();
        let help = if near.is_empty() {
            format!("this file needs the columns {}", required.join(", "))
        } else {
            near.join("; ")
        };
        diags.push(
            Diagnostic::error(format!(
                "missing required column `{}` for a {kind} file",
                missing.join("`, `")
            ))
            .at(header_at(0))
            .help(help),
        );
        return Err(Unread::Unusable {
            may_hold_posts: *kind == "posts",
        });
    }

    let lines: Vec<&str> = text.lines().collect();
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let mut rows = match *kind {
        "posts" => Rows::Posts(Vec::with_capacity(lines.len())),
        "daily" => Rows::Daily(Vec::with_capacity(lines.len())),
        _ => Rows::Orders(Vec::with_capacity(lines.len())),
    };
    let id_column = cols.of("post_id").or(cols.of("order_id"));
    let mut rejected = Vec::new();
    let mut reported = 0usize;
    let mut suppressed = 0usize;
    let mut first_suppressed = None;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let loc = match e.position() {
                    Some(p) => Location::at(
                        path,
                        line_at(&text, &newlines, usize::try_from(p.byte()).unwrap_or(0)),
                        1,
                    ),
                    None => Location::file(path),
                };
                diags.push(Diagnostic::error(format!("cannot read CSV: {e}")).at(loc));
                break;
            }
        }
        let line = record.position().map_or(0, |p| {
            line_at(&text, &newlines, usize::try_from(p.byte()).unwrap_or(0))
        });
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let raw_line = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
        let mut row = RowReader {
            record: &record,
            line,
            raw_line,
            delimiter,
            decimal_comma: delimiter == b';',
            errors: Vec::new(),
        };
        if record.len() > header.len() {
            row.errors.push((
                row.cell(header.len()),
                format!(
                    "row has {} fields but the header has {}",
                    record.len(),
                    header.len()
                ),
                Some("quote values that contain the delimiter".into()),
            ));
        } else {
            read_row(&mut row, &cols, &mut rows);
        }
        if !row.errors.is_empty()
            && let Some(id) = row.text(id_column)
        {
            rejected.push(id.to_string());
        }
        for (cell, msg, help) in row.errors {
            if reported < MAX_ROW_ERRORS {
                let mut d = Diagnostic::error(msg).at(Location::at(path, cell.line, cell.column));
                if let Some(h) = help {
                    d = d.help(h);
                }
                diags.push(d);
                reported += 1;
            } else {
                suppressed += 1;
                first_suppressed.get_or_insert(Location::at(path, cell.line, cell.column));
            }
        }
    }
    if let Some(first) = first_suppressed {
        // Placed at the first problem not shown, so it is listed after the
        // ones that are.
        diags.push(
            Diagnostic::error(format!(
                "{suppressed} more problems in this file are not shown, from here on"
            ))
            .at(first)
            .help("fix the ones above and run again"),
        );
    }
    Ok(CsvFile {
        path: path.to_path_buf(),
        rows,
        rejected,
    })
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
                        format!("`kind` must be sponsored or organic, found \"{other}\""),
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
                            format!("`day` must be a whole number from 1, found \"{s}\""),
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
