//! Workbooks (`.xlsx`, `.xls`, `.ods`) in `metrics/`, read through calamine.
//!
//! Each sheet is a table of its own, read like a CSV file: its first row
//! with a value is the header. Cells typed as dates become `YYYY-MM-DD` (or
//! `YYYY-MM-DD HH:MM:SS`, a time without an offset, read as UTC), numbers
//! their shortest exact decimal, so the same readers type them as they type
//! a CSV file's text. What the rows mean is [`super::csv`]'s business.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

/// The extensions of the workbooks roster reads, lower case.
pub const EXTENSIONS: [&str; 3] = ["xlsx", "xls", "ods"];

/// One sheet of a workbook, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name, as the workbook shows it on its tab.
    pub name: String,
    /// The 1-based sheet row of each row, and its cells from column
    /// `first_column`; the header first. Rows with no value are left out.
    pub rows: Vec<(u32, Vec<String>)>,
    /// The 0-based sheet column of each row's first cell (`A` is 0).
    pub first_column: u32,
}

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// The sheets of a workbook, in the workbook's order.
pub fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Unreadable> {
    // A damaged file must not take the build down with it: the readers of
    // binary formats are the likeliest place for a panic.
    let read = std::panic::catch_unwind(|| read_sheets(bytes));
    read.unwrap_or_else(|_| Err(Unreadable("the file is damaged".into())))
}

fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Unreadable> {
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| Unreadable(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| Unreadable(format!("sheet {name}: {e}")))?;
        let Some((first_row, first_column)) = range.start() else {
            sheets.push(Sheet {
                name,
                rows: Vec::new(),
                first_column: 0,
            });
            continue;
        };
        let rows = range
            .rows()
            .enumerate()
            .filter(|(_, cells)| cells.iter().any(|c| !matches!(c, Data::Empty)))
            .map(|(i, cells)| {
                let row = first_row + u32::try_from(i).unwrap_or(u32::MAX - first_row) + 1;
                (row, cells.iter().map(text).collect())
            })
            .collect();
        sheets.push(Sheet {
            name,
            rows,
            first_column,
        });
    }
    Ok(sheets)
}

/// A cell as the text a CSV file would hold.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => number(dt.as_f64()),
        },
    }
}

/// A float as the number the cell shows: rounded to the 15 significant
/// digits a spreadsheet keeps, then the shortest decimal that reads back as
/// it: `3120.5`, and `0.3` for a sum that left `0.30000000000000004`.
fn number(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_typed_cells_as_csv_text() {
        assert_eq!(text(&Data::Float(3120.5)), "3120.5");
        assert_eq!(text(&Data::Float(120400.0)), "120400");
        assert_eq!(text(&Data::Float(0.1 + 0.2)), "0.3");
        assert_eq!(text(&Data::Float(1e20)), "100000000000000000000");
        assert_eq!(text(&Data::Int(42)), "42");
        assert_eq!(text(&Data::Float(f64::NAN)), "");
        assert_eq!(text(&Data::Empty), "");
    }

    #[test]
    fn refuses_what_is_no_workbook() {
        assert!(sheets(b"post_id,partnership\n").is_err());
        assert!(sheets(b"PK\x03\x04garbage").is_err());
        assert!(sheets(b"").is_err());
    }
}
