//! Workbooks (`.xlsx`, `.xls`, `.ods`) in `metrics/`, read through calamine.
//!
//! Each sheet is a table of its own, read like a CSV file: its first row
//! with a value is the header. Cells typed as dates become `YYYY-MM-DD` (or
//! `YYYY-MM-DD HH:MM:SS`, a time without an offset, read as UTC), numbers
//! their shortest exact decimal, so the same readers type them as they type
//! a CSV file's text; what the rows mean is read as a CSV file's are
//! ([`read_sheet`], through the table's header, way and body).
//!
//! A workbook is read within [`bounds`]: a small file can declare a sheet
//! of billions of cells, which the reader would make whole, so what it
//! declares is checked before it is read, and an `.xlsx` sheet's cells are
//! read one at a time and counted rather than made into a rectangle first.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};
use std::path::Path;

use calamine::{Data, DataRef, Reader, Sheets, Xlsx, XlsxError, open_workbook_auto_from_rs};

use super::body::{Table, file};
use super::file::{CsvFile, Unread};
use super::{guess, header, way};
use crate::diagnostics::kind::CsvProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::imports::{self, How};
use crate::load::values::DecimalMark;

pub(crate) mod bounds;
mod ods;

pub(crate) use bounds::Beyond;

/// The extensions of the workbooks roster reads, lower case.
pub(crate) const EXTENSIONS: [&str; 3] = ["xlsx", "xls", "ods"];

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

/// Why a workbook was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotRead {
    /// The file is damaged or no workbook: what the reader said.
    Unreadable(String),
    /// The file, or one of its sheets, is beyond what roster reads.
    TooLarge(Beyond),
}

/// The sheets of a workbook, in the workbook's order.
pub fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, NotRead> {
    bounds::unpacked_within(bytes, |xml| ods::cells_within(xml)).map_err(NotRead::TooLarge)?;
    // A damaged file must not take the build down with it: the readers of
    // binary formats are the likeliest place for a panic.
    let read = std::panic::catch_unwind(|| read_sheets(bytes));
    read.unwrap_or_else(|_| Err(NotRead::Unreadable("the file is damaged".into())))
}

fn unreadable(e: impl std::fmt::Display) -> NotRead {
    NotRead::Unreadable(e.to_string())
}

fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, NotRead> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let sheet = match &mut book {
            Sheets::Xlsx(xlsx) => xlsx_sheet(xlsx, name)?,
            other => ranged_sheet(other, name)?,
        };
        sheets.push(sheet);
    }
    Ok(sheets)
}

/// A sheet of an `.xlsx` workbook, its cells read one at a time: the
/// declared dimension is checked before any is read, and the cells with a
/// value are counted as they come, so a sheet never grows past
/// [`bounds::MAX_CELLS`].
fn xlsx_sheet<RS: Read + Seek>(book: &mut Xlsx<RS>, name: String) -> Result<Sheet, NotRead> {
    let failed = |e: XlsxError| unreadable(format!("sheet {name}: {e}"));
    let mut reader = match book.worksheet_cells_reader(&name) {
        Ok(reader) => reader,
        // A chart sheet holds no cells.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(empty(name)),
        Err(e) => return Err(failed(e)),
    };
    let declared = reader.dimensions();
    let span = |from: u32, to: u32| u64::from(to.saturating_sub(from)) + 1;
    bounds::cells_within(
        &name,
        span(declared.start.0, declared.end.0),
        span(declared.start.1, declared.end.1),
    )
    .map_err(NotRead::TooLarge)?;
    let mut cells: BTreeMap<u32, Vec<(u32, Data)>> = BTreeMap::new();
    let mut count: u64 = 0;
    while let Some(cell) = reader.next_cell().map_err(failed)? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        count += 1;
        bounds::cells_within(&name, count, 1).map_err(NotRead::TooLarge)?;
        let (row, column) = cell.get_position();
        let value = Data::from(cell.get_value().clone());
        cells.entry(row).or_default().push((column, value));
    }
    dense(name, cells)
}

/// The rows of a sheet's cells, each from the sheet's first column with a
/// value to its last; the rectangle checked before it is made.
fn dense(name: String, cells: BTreeMap<u32, Vec<(u32, Data)>>) -> Result<Sheet, NotRead> {
    let columns = cells.values().flatten().map(|(c, _)| *c);
    let (Some(first), Some(last)) = (columns.clone().min(), columns.max()) else {
        return Ok(empty(name));
    };
    let width = u64::from(last - first) + 1;
    bounds::cells_within(&name, cells.len() as u64, width).map_err(NotRead::TooLarge)?;
    let rows = cells
        .into_iter()
        .map(|(row, values)| {
            let mut texts = vec![String::new(); (last - first) as usize + 1];
            for (column, value) in values {
                texts[(column - first) as usize] = text(&value);
            }
            (row.saturating_add(1), texts)
        })
        .collect();
    Ok(Sheet {
        name,
        rows,
        first_column: first,
    })
}

fn empty(name: String) -> Sheet {
    Sheet {
        name,
        rows: Vec::new(),
        first_column: 0,
    }
}

/// A sheet of an `.xls` or `.ods` workbook, whose reader gives it whole.
fn ranged_sheet<RS: Read + Seek>(book: &mut Sheets<RS>, name: String) -> Result<Sheet, NotRead> {
    let range = book
        .worksheet_range(&name)
        .map_err(|e| unreadable(format!("sheet {name}: {e}")))?;
    let Some((first_row, first_column)) = range.start() else {
        return Ok(empty(name));
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
    Ok(Sheet {
        name,
        rows,
        first_column,
    })
}

/// A cell as the text a CSV file would hold.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        // A time of day alone (a serial below 1, shown as a day of 1899):
        // the time, which no date column reads as a date.
        Data::DateTime(dt) if (0.0..1.0).contains(&dt.as_f64()) && !dt.is_duration() => dt
            .as_datetime()
            .map_or_else(String::new, |t| t.format("%H:%M:%S").to_string()),
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

/// Read one sheet of the workbook at `path` like a CSV file: its first row
/// is the header. A sheet whose header fits no kind is skipped with a
/// warning (a workbook often holds a summary or a chart beside its data):
/// `Err(Unread::Empty)`.
pub(crate) fn read_sheet(
    path: &Path,
    sheet: &Sheet,
    how: &How,
    diags: &mut Diagnostics,
) -> Result<CsvFile, Unread> {
    let name = sheet.name.as_str();
    let Some(((_, first), rest)) = sheet.rows.split_first() else {
        return Err(Unread::Empty);
    };
    let mut written: Vec<String> = first.iter().map(|h| h.trim().to_string()).collect();
    while written.last().is_some_and(String::is_empty) {
        written.pop();
    }
    let header: Vec<String> = written.iter().map(|h| imports::normalise(h)).collect();
    let sample = || -> Vec<Vec<String>> {
        rest.iter()
            .take(guess::SAMPLE)
            .map(|(_, cells)| cells.clone())
            .collect()
    };
    let mapped = how
        .mapping
        .is_some_and(|m| m.kind.is_some() && m.sheet.as_deref().is_none_or(|s| s == name));
    let known = header::fits_a_kind(&header)
        || imports::recognise(&header).is_some()
        || guess::account_level(&header).is_some();
    if !mapped && !known {
        let guess = guess::guess(
            (&header, &written),
            &sample(),
            (path, Some(name)),
            how.folder.is_some(),
        )
        .filter(|_| rest.len() >= 2);
        let problem = CsvProblem::SheetOfNoKind {
            sheet: name.to_string(),
            guess: guess.map(Box::new),
        };
        diags.push(Diagnostic::warning(problem).at(Location::file(path).in_sheet(Some(name))));
        return Err(Unread::Empty);
    }
    let header_row = sheet.rows[0].0 as usize;
    let first_column = sheet.first_column as usize;
    let header_at = |i: usize| {
        Location::at(path, header_row, first_column + i + 1)
            .in_field(i)
            .in_sheet(Some(name))
    };
    let way = way::way(
        (&header, &written, &sample),
        how,
        (path, Some(name)),
        header_at,
        diags,
    )?;
    let table = Table::new((path, Some(name)), &header, &way, how, DecimalMark::Point);
    let read = table.sheet_rows(way.kind, rest, first_column, diags);
    Ok(file(&table, read, &way, diags))
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
        // 20:00 alone, which Excel keeps as the fraction of a day.
        let time =
            calamine::ExcelDateTime::new(20.0 / 24.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(time)), "20:00:00");
        let day =
            calamine::ExcelDateTime::new(46_000.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(day)), "2025-12-09");
    }

    #[test]
    fn refuses_what_is_no_workbook() {
        assert!(sheets(b"post_id,partnership\n").is_err());
        assert!(sheets(b"PK\x03\x04garbage").is_err());
        assert!(sheets(b"").is_err());
    }
}
