//! Reading metrics tables from their two sources: CSV files in every
//! dialect users export ([`csv`]), and the sheets of workbooks
//! ([`workbook`]).
//!
//! A table's kind (posts, daily, orders) comes from its header row. A CSV
//! file's delimiter comes from the most frequent of `,` `;` TAB in that
//! row, its encoding from its byte-order mark (UTF-8, UTF-16LE, UTF-16BE),
//! else from whether it is valid UTF-8, else from its bytes (the legacy
//! encoding chardetng tells, with a warning that names it). Both sources
//! share the rest: the header, the way a table is read, and its rows.
//! Values are typed here, each bad cell reported at its line and column;
//! references between rows and partnerships are resolved later, in the
//! model.

mod body;
pub mod csv;
mod file;
mod guess;
mod header;
mod ledger;
mod quotes;
pub(crate) mod records;
mod rows;
mod split;
mod way;
pub(crate) mod workbook;

pub use file::Unread;
pub(crate) use file::{CsvFile, Rows};
pub(crate) use ledger::Ledger;
#[cfg(test)]
pub(crate) use records::Stamp;
pub(crate) use records::{Cell, Day, RawDaily, RawOrder, RawPost, SignAt};

#[cfg(test)]
mod tests;
