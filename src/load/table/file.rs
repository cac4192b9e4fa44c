//! A metrics table once read: its rows (or, for orders, the ledger they
//! were reduced to), its place, what was read through, and why a file gave
//! no rows.

use std::path::PathBuf;

use super::ledger::Ledger;
use super::records::{Cell, RawDaily, RawOrder, RawPost};
use crate::diagnostics::Location;
use crate::load::imports;
use crate::model::TableKind;

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

impl Rows {
    /// The kind of table they are the rows of.
    pub fn kind(&self) -> TableKind {
        match self {
            Rows::Posts(_) => TableKind::Posts,
            Rows::Daily(_) => TableKind::Daily,
            Rows::Orders(_) | Rows::Ledger(_) => TableKind::Orders,
        }
    }
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
