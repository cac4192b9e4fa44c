//! Reading the metrics CSV files in every dialect users export.
//!
//! A file's kind (posts, daily, orders) comes from its header row, its
//! delimiter from the most frequent of `,` `;` TAB in that row, its encoding
//! from its byte-order mark (UTF-8, UTF-16LE, UTF-16BE), else from whether it
//! is valid UTF-8, else from its bytes (the legacy encoding chardetng
//! tells, with a warning that names it). Values
//! are typed here, each bad cell reported at its line and column; references
//! between rows and partnerships are resolved later, in the model.

use std::path::Path;

use super::imports::How;
use crate::diagnostics::Diagnostics;

mod encoding;
mod file;
mod guess;
mod header;
mod ledger;
mod parts;
mod quotes;
pub(crate) mod records;
mod rest;
mod rows;
mod table;
mod text;
mod way;

use encoding::warn_encoding;
pub use encoding::{Encoding, decode, decode_as};
pub use file::{CsvFile, Rows, Unread};
pub use ledger::{Acquired, Dated, Duplicate, Ledger, Named, Signs};
pub use parts::{PART, read_streamed};
pub use records::{Cell, Day, RawDaily, RawOrder, RawPost, SignAt, Stamp};
pub use text::{detect_delimiter, read_sheet};

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
    match text::read_text(path, &text, how, diags, None) {
        Ok(read) => read,
        // Only a file read a part at a time can need to be read whole.
        Err(rest::Whole) => Err(Unread::Unusable {
            may_hold_posts: true,
        }),
    }
}

#[cfg(test)]
mod tests;
