//! The rows of a metrics file, read cell by cell once its header is known.
//!
//! Each row is typed here, every bad cell recorded at its line and column;
//! a file's problems are shown up to a limit and the rest summed up, so a
//! bad export does not bury the other files' problems. A quote left open
//! (found by [`super::quotes`]) stops the rows where it opens.

use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{
    COUNTS, Cell, MAX_ROW_ERRORS, RawDaily, RawOrder, RawPost, Rows, Stamp, open_quote,
    parse_stamp, quotes,
};
use crate::diagnostics::kind::CsvProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load;
use crate::model::{Counts, PostKind};

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

pub(super) struct Columns {
    pub(super) index: Vec<Option<usize>>,
    pub(super) names: &'static [&'static str],
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
    errors: Vec<(Cell, CsvProblem)>,
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
                let problem = CsvProblem::EmptyCell {
                    column: name.to_string(),
                };
                self.errors.push((self.cell(i), problem));
                None
            }
        }
    }

    fn count(&mut self, cols: &Columns, name: &str) -> Option<u64> {
        let i = cols.of(name)?;
        let s = self.text(Some(i))?;
        match u64::from_str(s) {
            Ok(n) if n <= load::MAX_COUNT => Some(n),
            Ok(_) => {
                let problem = CsvProblem::CountTooLarge {
                    column: name.to_string(),
                    value: s.to_string(),
                    limit: load::MAX_COUNT,
                };
                self.errors.push((self.cell(i), problem));
                None
            }
            Err(_) => {
                let (column, value) = (name.to_string(), s.to_string());
                let problem = if s.starts_with('-') {
                    CsvProblem::NegativeCount { column, value }
                } else {
                    CsvProblem::NotACount { column, value }
                };
                self.errors.push((self.cell(i), problem));
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
                let problem = CsvProblem::NegativeAmount {
                    column: name.to_string(),
                    value: raw.to_string(),
                };
                self.errors.push((self.cell(i), problem));
                None
            }
            Ok(d) if d > load::max_amount() => {
                let problem = CsvProblem::AmountTooLarge {
                    column: name.to_string(),
                    value: raw.to_string(),
                    limit: load::max_amount(),
                };
                self.errors.push((self.cell(i), problem));
                None
            }
            Ok(d) => Some(d),
            Err(_) => {
                let problem = CsvProblem::NotAnAmount {
                    column: name.to_string(),
                    value: raw.to_string(),
                    decimal_comma: self.decimal_comma,
                };
                self.errors.push((self.cell(i), problem));
                None
            }
        }
    }

    fn stamp(&mut self, cols: &Columns, name: &str) -> Option<Stamp> {
        let (s, cell) = self.required(cols, name)?;
        let stamp = parse_stamp(&s).filter(|t| load::plausible(&t.date));
        if stamp.is_none() {
            let problem = CsvProblem::NotAStamp {
                column: name.to_string(),
                value: s,
                years: load::YEARS,
            };
            self.errors.push((cell, problem));
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

/// A metrics file whose header has been read: what its rows are read with.
pub(super) struct Table<'t> {
    pub(super) path: &'t Path,
    pub(super) text: &'t str,
    pub(super) delimiter: u8,
    pub(super) header: &'t [String],
    pub(super) cols: Columns,
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
    fn push(&mut self, path: &Path, (cell, problem): (Cell, CsvProblem), diags: &mut Diagnostics) {
        let at = Location::at(path, cell.line, cell.column);
        if self.shown < MAX_ROW_ERRORS {
            diags.push(Diagnostic::error(problem).at(at));
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
            let problem = CsvProblem::MoreNotShown {
                count: self.suppressed,
            };
            diags.push(Diagnostic::error(problem).at(first));
        }
    }
}

impl Table<'_> {
    /// Read the rows after the header, with the ids of rows that could not
    /// be read; `Err` when a quote left open (`bad_quote`) makes the rest
    /// of the file unreadable.
    pub(super) fn rows(
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
                    let problem = CsvProblem::Unreadable {
                        reason: e.to_string(),
                    };
                    diags.push(Diagnostic::error(problem).at(loc));
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

    /// The error of a row with more fields than the header, or fewer than
    /// it where a column roster reads is among the missing: its cells cannot
    /// be matched to the columns.
    fn field_count(&self, row: &RowReader) -> Option<(Cell, CsvProblem)> {
        let (got, want) = (row.record.len(), self.header.len());
        // Cells left off the end of a row are fine only when roster would
        // ignore them anyway; a column it reads would silently be unknown.
        // (Checked before any message is made: this runs on every row.)
        let short = got < want && self.cols.index.iter().flatten().any(|&i| i >= got);
        if got <= want && !short {
            return None;
        }
        if got > want {
            return Some((row.cell(want), CsvProblem::TooManyFields { got, want }));
        }
        // The end of the row, where the missing fields would go.
        let end = Cell {
            line: row.line,
            column: row.raw_line.chars().count() + 1,
        };
        let delimiter = char::from(self.delimiter);
        Some((
            end,
            CsvProblem::TooFewFields {
                got,
                want,
                delimiter,
            },
        ))
    }
}

fn read_row(row: &mut RowReader, cols: &Columns, rows: &mut Rows) {
    match rows {
        Rows::Posts(out) => out.extend(post_row(row, cols)),
        Rows::Daily(out) => out.extend(daily_row(row, cols)),
        Rows::Orders(out) => out.extend(order_row(row, cols)),
    }
}

fn post_row(row: &mut RowReader, cols: &Columns) -> Option<RawPost> {
    let id = row.required(cols, "post_id");
    let partnership = row.required(cols, "partnership");
    let published = row.stamp(cols, "published");
    let kind = match row.text(cols.of("kind")).map(str::to_lowercase).as_deref() {
        None | Some("sponsored") => Some(PostKind::Sponsored),
        Some("organic") => Some(PostKind::Organic),
        Some(other) => {
            let i = cols.of("kind").unwrap_or(0);
            let problem = CsvProblem::NotAPostKind {
                value: other.to_string(),
            };
            row.errors.push((row.cell(i), problem));
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
        return Some(RawPost {
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
    None
}

fn daily_row(row: &mut RowReader, cols: &Columns) -> Option<RawDaily> {
    let id = row.required(cols, "post_id");
    let day = row
        .required(cols, "day")
        .and_then(|(s, cell)| match s.parse::<u32>() {
            Ok(d) if d >= 1 => Some(d),
            _ => {
                row.errors.push((cell, CsvProblem::NotADay { value: s }));
                None
            }
        });
    let counts = row.counts(cols);
    let revenue = row.money(cols, "revenue");
    if let (Some((post_id, at)), Some(day), true) = (id, day, row.errors.is_empty()) {
        return Some(RawDaily {
            at,
            post_id,
            day,
            counts,
            revenue,
        });
    }
    None
}

fn order_row(row: &mut RowReader, cols: &Columns) -> Option<RawOrder> {
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
        return Some(RawOrder {
            at,
            id,
            date,
            customer,
            partnership,
        });
    }
    None
}
