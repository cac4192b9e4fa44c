//! The vocabulary of a metrics table: where a cell is, and a row of each
//! kind as read (posts, daily, orders; the kinds and their columns are
//! [`crate::model::TableKind`]'s). A leaf: every part of reading a table
//! speaks it, and it imports none of them.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::load::imports;
use crate::load::values::Sign;
pub(crate) use crate::load::values::dates::Stamp;
use crate::model::{Counts, PostKind};

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

/// The counts of a post or a day.
pub(super) const COUNTS: [&str; 5] = [
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "conversions",
];
