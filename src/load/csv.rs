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

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
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
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), false),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
            (text, true)
        }
    }
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
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let instant = date.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
        return Some(Stamp { date, instant });
    }
    let dt = DateTime::parse_from_rfc3339(s).ok()?;
    Some(Stamp {
        date: dt.date_naive(),
        instant: dt.timestamp(),
    })
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
    starts: std::cell::OnceCell<Vec<usize>>,
    decimal_comma: bool,
    errors: Vec<(Cell, String, Option<String>)>,
}

impl RowReader<'_> {
    fn cell(&self, i: usize) -> Cell {
        Cell {
            line: self.line,
            column: self
                .starts
                .get_or_init(|| field_starts(self.raw_line, self.delimiter))
                .get(i)
                .copied()
                .unwrap_or(1),
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
            Ok(n) => Some(n),
            Err(_) => {
                let msg = if s.starts_with('-') {
                    format!("`{name}` cannot be negative, found \"{s}\"")
                } else {
                    format!("`{name}` must be a whole number, found \"{s}\"")
                };
                self.errors.push((
                    self.cell(i),
                    msg,
                    Some("leave the cell empty when the value is unknown".into()),
                ));
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
            Ok(d) => Some(d),
            Err(_) => {
                let help = if raw.contains(',') && !self.decimal_comma {
                    "a decimal comma is read only in files delimited by `;`; use a point here"
                } else {
                    "write a plain number such as 1234.50, without currency signs or spaces"
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
        let stamp = parse_stamp(&s);
        if stamp.is_none() {
            self.errors.push((
                cell,
                format!(
                    "`{name}` must be a date YYYY-MM-DD or an RFC 3339 date-time, found \"{s}\""
                ),
                None,
            ));
        }
        stamp
    }
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

/// Read one metrics file from its bytes. Problems go to `diags`; `None` when
/// the file cannot be used at all.
pub fn read(path: &Path, bytes: &[u8], diags: &mut Diagnostics) -> Option<CsvFile> {
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
            return None;
        }
        Err(e) => {
            diags.push(Diagnostic::error(format!("cannot read CSV: {e}")).in_file(path));
            return None;
        }
    }
    let header: Vec<String> = record.iter().map(|h| h.trim().to_lowercase()).collect();
    let has = |c: &str| header.iter().any(|h| h == c);
    let names = if has("post_id") && has("published") {
        POSTS
    } else if has("post_id") && has("day") {
        DAILY
    } else if has("order_id") && has("customer") {
        ORDERS
    } else {
        diags.push(
            Diagnostic::error("CSV header fits no kind of metrics file")
                .at(Location::at(path, 1, 1))
                .help("a posts file has `post_id` and `published`; a daily file `post_id` and `day`; an orders file `order_id` and `customer`"),
        );
        return None;
    };
    let cols = Columns {
        index: names
            .iter()
            .map(|n| header.iter().position(|h| h == n))
            .collect(),
        names,
    };
    let unknown: Vec<&str> = header
        .iter()
        .filter(|h| !names.contains(&h.as_str()))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        diags.push(
            Diagnostic::warning(format!("unknown columns ignored: {}", unknown.join(", ")))
                .at(Location::at(path, 1, 1)),
        );
    }
    let required: &[&str] = if names == POSTS {
        &["post_id", "partnership", "published"]
    } else if names == DAILY {
        &["post_id", "day"]
    } else {
        &["order_id", "date", "customer"]
    };
    let missing: Vec<&str> = required.iter().copied().filter(|c| !has(c)).collect();
    if !missing.is_empty() {
        diags.push(
            Diagnostic::error(format!(
                "missing required column `{}`",
                missing.join("`, `")
            ))
            .at(Location::at(path, 1, 1))
            .help(format!(
                "this file's kind needs the columns {}",
                required.join(", ")
            )),
        );
        return None;
    }

    let lines: Vec<&str> = text.lines().collect();
    let mut rows = match names {
        n if n == POSTS => Rows::Posts(Vec::new()),
        n if n == DAILY => Rows::Daily(Vec::new()),
        _ => Rows::Orders(Vec::new()),
    };
    let mut reported = 0usize;
    let mut suppressed = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                diags.push(Diagnostic::error(format!("cannot read CSV: {e}")).in_file(path));
                break;
            }
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let raw_line = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
        let mut row = RowReader {
            record: &record,
            line,
            raw_line,
            delimiter,
            starts: std::cell::OnceCell::new(),
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
            }
        }
    }
    if suppressed > 0 {
        diags.push(
            Diagnostic::error(format!(
                "{suppressed} more problems in this file are not shown"
            ))
            .in_file(path)
            .help("fix the ones above and run again"),
        );
    }
    Some(CsvFile {
        path: path.to_path_buf(),
        rows,
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
            Some(Rows::Posts(p)) => (p, msgs),
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
    fn rejects_a_header_of_no_kind() {
        let (_, msgs) = posts(b"id,when\n1,2\n");
        assert!(msgs[0].contains("fits no kind"), "{msgs:?}");
    }
}
