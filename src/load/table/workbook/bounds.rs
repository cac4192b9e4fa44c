//! The limits a workbook is read within, checked before and while it is
//! read, so that a small file that declares a huge sheet or unpacks to
//! gigabytes is refused with a diagnostic instead of exhausting memory.
//!
//! Three checks, each at the cheapest point that can see the problem: the
//! unpacked size of every part of a zipped workbook (`.xlsx`, `.ods`), as
//! declared and then as counted while unpacking it, before the workbook
//! reader opens it; a sheet's declared dimension (`<dimension ref=...>`),
//! before any of its cells is read; and the cells a sheet really holds,
//! counted as they are read, with the rectangle the rows will fill checked
//! before it is made.

use std::io::{Cursor, Read};

use crate::diagnostics::kind::FileProblem;

/// The most bytes a zipped workbook unpacks to, all its parts together.
pub(crate) const MAX_UNPACKED: u64 = 1 << 30;

/// The most cells roster reads in one sheet: the rectangle from the first
/// to the last column with a value, over the rows that hold one.
pub(crate) const MAX_CELLS: u64 = 10_000_000;

/// What a workbook exceeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Beyond {
    /// The parts of a zipped workbook unpack to more than [`MAX_UNPACKED`].
    Unpacked {
        /// The bytes found (declared, or counted so far).
        bytes: u64,
    },
    /// A sheet declares or holds more than [`MAX_CELLS`] cells.
    Cells {
        /// The sheet's name.
        sheet: String,
        /// The cells, as rows x columns.
        rows: u64,
        /// Columns.
        columns: u64,
    },
}

impl Beyond {
    /// The sheet it is about, if one.
    pub fn sheet(&self) -> Option<&str> {
        match self {
            Beyond::Unpacked { .. } => None,
            Beyond::Cells { sheet, .. } => Some(sheet),
        }
    }

    /// The diagnostic's wording of it.
    pub fn problem(self) -> FileProblem {
        match self {
            Beyond::Unpacked { bytes } => FileProblem::WorkbookUnpacksTooLarge {
                bytes,
                limit: MAX_UNPACKED,
            },
            Beyond::Cells {
                sheet,
                rows,
                columns,
            } => FileProblem::SheetTooLarge {
                sheet,
                rows,
                columns,
                limit: MAX_CELLS,
            },
        }
    }
}

/// Whether `rows` by `columns` is within [`MAX_CELLS`].
pub(crate) fn cells_within(sheet: &str, rows: u64, columns: u64) -> Result<(), Beyond> {
    if u128::from(rows) * u128::from(columns) <= u128::from(MAX_CELLS) {
        return Ok(());
    }
    Err(Beyond::Cells {
        sheet: sheet.to_string(),
        rows,
        columns,
    })
}

/// Check the parts of a zipped workbook: their declared sizes first, the
/// cells an OpenDocument sheet declares (`content.xml`, counted by
/// `content`), then each part unpacked and counted (a declared size can
/// lie), stopping as soon as the total passes [`MAX_UNPACKED`]. Nothing
/// unpacked is kept. A file that is not a zip is left to the workbook
/// reader to judge.
pub(crate) fn unpacked_within(
    bytes: &[u8],
    content: fn(&mut dyn Read) -> Result<(), Beyond>,
) -> Result<(), Beyond> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(part) = zip.by_index_raw(i) {
            declared = declared.saturating_add(part.size());
        }
    }
    if declared > MAX_UNPACKED {
        return Err(Beyond::Unpacked { bytes: declared });
    }
    if let Ok(mut xml) = zip.by_name("content.xml") {
        content(&mut xml)?;
    }
    let mut counted: u64 = 0;
    let mut sink = vec![0; 1 << 16];
    for i in 0..zip.len() {
        // A part that cannot be unpacked is the workbook reader's to report.
        let Ok(mut part) = zip.by_index(i) else {
            continue;
        };
        loop {
            match part.read(&mut sink) {
                Ok(0) | Err(_) => break,
                Ok(n) => counted += n as u64,
            }
            if counted > MAX_UNPACKED {
                return Err(Beyond::Unpacked { bytes: counted });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rectangle_is_within_up_to_the_limit() {
        assert!(cells_within("s", 1_000_000, 10).is_ok());
        assert!(cells_within("s", 1_000_001, 10).is_err());
        assert!(cells_within("s", 1_048_576, 16_384).is_err());
        assert!(cells_within("s", u64::MAX, u64::MAX).is_err());
    }

    #[test]
    fn what_is_no_zip_is_left_to_the_reader() {
        assert_eq!(unpacked_within(b"post_id\n", |_| Ok(())), Ok(()));
    }
}
