//! The cells of a row of a metrics file, typed once its header is known.
//!
//! Each cell is read in any form of docs/your-data.md (dates through
//! [`dates`], numbers through [`numbers`]) and every bad cell recorded at
//! its place; where the rows come from, a CSV file or a sheet, is
//! [`super::body`]'s business.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::file::Rows;
use super::quotes::field_start;
use super::records::{COUNTS, Cell, Day, RawDaily, RawOrder, RawPost, SignAt, Stamp};
use crate::diagnostics::kind::CsvProblem;
use crate::load;
use crate::load::imports::customers;
use crate::load::values::{DateOrder, DecimalMark, NotADate, dates, numbers};
use crate::model::{Counts, PostKind};

/// An amount as read, and the currency sign written with it and where.
pub(super) struct Money {
    value: Decimal,
    sign: Option<Box<SignAt>>,
}

/// Where each column roster reads is in a header.
pub(super) struct Columns {
    pub(super) index: Vec<Option<usize>>,
    pub(super) names: &'static [&'static str],
}

impl Columns {
    pub(super) fn of(&self, name: &str) -> Option<usize> {
        let i = self.names.iter().position(|n| *n == name)?;
        self.index[i]
    }
}

/// How the column of a cell is found: counted in the characters of a CSV
/// line, or the sheet's own.
#[derive(Clone, Copy)]
pub(super) enum Place<'r> {
    /// A CSV line as written, and the file's delimiter.
    Line(&'r str, u8),
    /// A sheet row whose first cell is in this 0-based sheet column.
    Sheet(usize),
}

/// How a file writes its values.
#[derive(Clone, Copy)]
pub(super) struct Dialect {
    /// The decimal separator.
    pub(super) mark: DecimalMark,
    /// How slash dates read.
    pub(super) order: DateOrder,
}

/// A cursor over one record: typed access to its cells, recording problems.
pub(super) struct RowReader<'r> {
    pub(super) record: &'r csv::StringRecord,
    pub(super) line: usize,
    pub(super) place: Place<'r>,
    pub(super) dialect: Dialect,
    pub(super) errors: Vec<(Cell, CsvProblem)>,
    /// Problems that leave the row read, without what they are about.
    pub(super) warnings: Vec<(Cell, CsvProblem)>,
    /// For a row made roster's by a view: the file's field of each cell.
    pub(super) fields: Option<&'r [u32]>,
    /// `customer_salt`.
    pub(super) salt: &'r str,
    /// Whether an order keeps its revenue (for `roster import`).
    pub(super) keep_revenue: bool,
    /// Whether every customer is hashed, whatever it looks like (for
    /// `roster import`, unless a view has hashed it already), not only
    /// e-mails and names.
    pub(super) hash_all: bool,
    /// A customer written as an e-mail (true) or a name, and where.
    pub(super) personal: Option<(bool, Cell)>,
    /// Whether the row is an order without a customer (a guest checkout).
    pub(super) guest: bool,
}

impl RowReader<'_> {
    pub(super) fn cell(&self, i: usize) -> Cell {
        Self::cell_at(self.place, self.line, self.fields, i)
    }

    /// The place of cell `i` of a row at `line`: the file's own field
    /// where the row was made by a view (`fields`).
    pub(super) fn cell_at(place: Place, line: usize, fields: Option<&[u32]>, i: usize) -> Cell {
        let i = fields.and_then(|f| f.get(i)).map_or(i, |f| *f as usize);
        let column = match place {
            Place::Line(raw, delimiter) => field_start(raw, delimiter, i).unwrap_or(1),
            Place::Sheet(first) => first + i + 1,
        };
        Cell::new(line, column, i)
    }

    pub(super) fn text(&self, col: Option<usize>) -> Option<&str> {
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
        // Digits only, as roster's own files and most exports write counts.
        if let Ok(n) = u64::from_str(s)
            && n <= load::MAX_COUNT
        {
            return Some(n);
        }
        let (column, value) = (name.to_string(), s.to_string());
        let problem = match numbers::count(s, self.dialect.mark) {
            Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                CsvProblem::NegativeCount { column, value }
            }
            Ok(d) if d.fract().is_zero() => match u64::try_from(d) {
                Ok(n) if n <= load::MAX_COUNT => return Some(n),
                _ => CsvProblem::CountTooLarge {
                    column,
                    value,
                    limit: load::MAX_COUNT,
                },
            },
            _ => CsvProblem::NotACount { column, value },
        };
        self.errors.push((self.cell(i), problem));
        None
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

    /// An amount of money, with the currency sign written beside it.
    fn money(&mut self, cols: &Columns, name: &str) -> Option<Money> {
        let i = cols.of(name)?;
        let raw = self.text(Some(i))?;
        let read = numbers::amount(raw, self.dialect.mark);
        if let Ok(a) = &read
            && (!a.value.is_sign_negative() || a.value.is_zero())
            && a.value <= load::max_amount()
        {
            let sign = a.sign.map(|sign| {
                Box::new(SignAt {
                    sign,
                    cell: self.cell(i),
                    currency: None,
                })
            });
            return Some(Money {
                value: a.value,
                sign,
            });
        }
        // A problem: only now are its words' values made.
        let (column, value) = (name.to_string(), raw.to_string());
        let problem = match read {
            Ok(a) if a.value.is_sign_negative() => CsvProblem::NegativeAmount { column, value },
            Ok(_) => CsvProblem::AmountTooLarge {
                column,
                value,
                limit: load::max_amount(),
            },
            Err(why) => CsvProblem::NotAnAmount {
                column,
                value,
                why,
                decimal_comma: self.dialect.mark == DecimalMark::Comma,
            },
        };
        self.errors.push((self.cell(i), problem));
        None
    }

    /// A date or date-time in any form of docs/your-data.md.
    fn stamp(&mut self, cols: &Columns, name: &str) -> Option<Stamp> {
        let (s, cell) = self.required(cols, name)?;
        self.stamp_of(name, s, cell)
    }

    fn stamp_of(&mut self, name: &str, s: String, cell: Cell) -> Option<Stamp> {
        let problem = match dates::parse(&s, self.dialect.order) {
            Ok(t) if load::plausible(&t.date) => return Some(t),
            Err(NotADate::OtherOrder(fits)) => CsvProblem::SlashDateOrder {
                column: name.to_string(),
                value: s,
                order: self.dialect.order.as_str(),
                fits: fits.as_str(),
            },
            _ => CsvProblem::NotAStamp {
                column: name.to_string(),
                value: s,
                years: load::YEARS,
            },
        };
        self.errors.push((cell, problem));
        None
    }
}

pub(super) fn read_row(row: &mut RowReader, cols: &Columns, rows: &mut Rows) {
    match rows {
        Rows::Posts(out) => out.extend(post_row(row, cols)),
        Rows::Daily(out) => out.extend(daily_row(row, cols)),
        Rows::Orders(out) => out.extend(order_row(row, cols)),
        Rows::Ledger(ledger) => {
            if let Some(order) = order_row(row, cols) {
                ledger.add(order);
            }
        }
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
    let kind_written = row.text(cols.of("kind")).is_some();
    let counts = row.counts(cols);
    let revenue = row.money(cols, "revenue");
    let currency = currency(row, cols);
    let url = web_address(row, cols);
    if let (Some((id, at)), Some(partnership), Some(published), Some(kind), true) =
        (id, partnership, published, kind, row.errors.is_empty())
    {
        let (revenue, sign) = split(revenue);
        return Some(RawPost {
            at,
            id,
            partnership,
            published,
            kind,
            kind_written,
            counts,
            revenue,
            sign,
            currency,
            url,
            export: None,
        });
    }
    None
}

/// The row's `url`, when it is an http(s) address; any other is a warning
/// at its cell and left out, so that no page links a `javascript:` or a
/// file address.
fn web_address(row: &mut RowReader, cols: &Columns) -> Option<String> {
    let i = cols.of("url")?;
    let url = row.text(Some(i))?;
    let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
    let host = url.split_once("://").map_or("", |(_, rest)| rest);
    if matches!(scheme.as_deref(), Some("http" | "https")) && !host.is_empty() {
        return Some(url.to_string());
    }
    let problem = CsvProblem::NotAWebAddress {
        value: url.to_string(),
    };
    row.warnings.push((row.cell(i), problem));
    None
}

/// The row's currency, upper-cased, and where.
fn currency(row: &RowReader, cols: &Columns) -> Option<(String, Cell)> {
    let i = cols.of("currency")?;
    row.text(Some(i)).map(|s| (s.to_uppercase(), row.cell(i)))
}

/// An amount and its sign, apart.
fn split(money: Option<Money>) -> (Option<Decimal>, Option<Box<SignAt>>) {
    match money {
        Some(m) => (Some(m.value), m.sign),
        None => (None, None),
    }
}

/// The day after publication: its number, or the date it fell on.
fn day(row: &mut RowReader, cols: &Columns) -> Option<Day> {
    if cols.of("day").is_none() {
        let (s, cell) = row.required(cols, "date")?;
        return row
            .stamp_of("date", s, cell)
            .map(|t| Day::Date(t.date, cell));
    }
    let (s, cell) = row.required(cols, "day")?;
    match s.parse::<u32>() {
        Ok(d) if d >= 1 => Some(Day::Number(d)),
        _ => {
            row.errors.push((cell, CsvProblem::NotADay { value: s }));
            None
        }
    }
}

fn daily_row(row: &mut RowReader, cols: &Columns) -> Option<RawDaily> {
    let id = row.required(cols, "post_id");
    let day = day(row, cols);
    let counts = row.counts(cols);
    let revenue = row.money(cols, "revenue");
    if let (Some((post_id, at)), Some(day), true) = (id, day, row.errors.is_empty()) {
        let (revenue, sign) = split(revenue);
        return Some(RawDaily {
            at,
            post_id,
            day,
            counts,
            revenue,
            sign,
        });
    }
    None
}

/// A customer as an opaque id: an e-mail or a name hashed, and noted;
/// for `roster import`, any value at all, since an export's customer
/// column may hold what no rule recognises (a phone number, `ivan@localhost`,
/// a first name alone).
fn protect(row: &mut RowReader, customer: String, cell: Cell) -> String {
    let email = match customers::written(&customer) {
        customers::Written::Opaque if !row.hash_all => return customer,
        customers::Written::Email => true,
        customers::Written::Opaque | customers::Written::Name => false,
    };
    row.personal = row.personal.or(Some((email, cell)));
    customers::hash(row.salt, &customer)
}

fn order_row(row: &mut RowReader, cols: &Columns) -> Option<RawOrder> {
    let id = row.required(cols, "order_id");
    let date = row.stamp(cols, "date");
    // A guest checkout has no customer: the order dates the report, and
    // stays out of repeat purchase.
    let customer = cols.of("customer").map(|i| {
        let cell = row.cell(i);
        (row.text(Some(i)).unwrap_or_default().to_string(), cell)
    });
    let partnership = cols
        .of("partnership")
        .and_then(|i| row.text(Some(i)).map(|s| (s.to_string(), row.cell(i))));
    let revenue = row.money(cols, "revenue");
    let currency = currency(row, cols);
    if let (Some((id, at)), Some(date), Some((customer, cell)), true) =
        (id, date, customer, row.errors.is_empty())
    {
        row.guest = customer.is_empty();
        let customer = if row.guest {
            customer
        } else {
            protect(row, customer, cell)
        };
        let (amount, sign) = split(revenue);
        let currency = currency.map(|(c, _)| c);
        return Some(RawOrder {
            at,
            id,
            date,
            customer,
            partnership,
            revenue: amount
                .filter(|_| row.keep_revenue)
                .map(|a| Box::new((a, currency.clone()))),
            sign: sign.map(|mut sign| {
                sign.currency = currency;
                sign
            }),
        });
    }
    None
}
