//! The cells an `.ods` sheet will be made of, counted from its XML before
//! the workbook reader expands it. An OpenDocument sheet writes a run of
//! equal cells or rows once, with a repeat count, so a file of a few
//! hundred bytes can declare a billion cells; the reader expands them into
//! a rectangle. Here each sheet's rows with a value (repeats counted) and
//! its widest such row are measured, as the tags stream by, and a sheet
//! whose rectangle is past [`super::bounds::MAX_CELLS`] is refused.
//!
//! Empty cells and rows (LibreOffice ends every sheet with a million empty
//! rows, written once) count for nothing: only a cell with a value type or
//! content makes its row, and its columns, count.

use std::io::{BufRead, BufReader, Read};

use super::bounds::{self, Beyond};

/// The longest tag read: a cell's tag is a few attributes long.
const MAX_TAG: usize = 1 << 16;

/// What is measured of the sheet being read.
#[derive(Default)]
struct Sheet {
    name: String,
    /// Rows with a value, repeats counted.
    rows: u64,
    /// The most columns up to a value in a row.
    width: u64,
    /// The row being read: its repeat count, the columns read so far and
    /// those up to its last value.
    repeats: u64,
    columns: u64,
    filled: u64,
}

impl Sheet {
    fn check(&self) -> Result<(), Beyond> {
        bounds::cells_within(&self.name, self.rows, self.width)
    }
}

/// Measure every sheet of the `content.xml` in `xml`; the first sheet past
/// the limit, if one is.
pub(super) fn cells_within(xml: impl Read) -> Result<(), Beyond> {
    let mut reader = BufReader::new(xml);
    let mut sheet = Sheet::default();
    let mut tag = Vec::new();
    loop {
        // Skip to the next tag, then read it whole.
        let mut skipped = Vec::new();
        if reader.read_until(b'<', &mut skipped).unwrap_or(0) == 0 {
            return Ok(());
        }
        tag.clear();
        if (&mut reader)
            .take(MAX_TAG as u64)
            .read_until(b'>', &mut tag)
            .unwrap_or(0)
            == 0
        {
            return Ok(());
        }
        sheet_tag(&mut sheet, &tag)?;
    }
}

/// Take in one tag (without its `<`).
fn sheet_tag(sheet: &mut Sheet, tag: &[u8]) -> Result<(), Beyond> {
    // An end tag's name starts after its `/`.
    let name_end = tag
        .iter()
        .skip(1)
        .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        .map_or(tag.len(), |i| i + 1);
    let closes_itself = tag.ends_with(b"/>");
    match &tag[..name_end] {
        b"table:table" => {
            *sheet = Sheet {
                name: attribute(tag, b"table:name").unwrap_or_default(),
                ..Sheet::default()
            };
        }
        b"table:table-row" => {
            sheet.repeats = repeat(tag, b"table:number-rows-repeated");
            sheet.columns = 0;
            sheet.filled = 0;
        }
        b"table:table-cell" | b"table:covered-table-cell" => {
            let n = repeat(tag, b"table:number-columns-repeated");
            sheet.columns = sheet.columns.saturating_add(n);
            let has_value = attribute(tag, b"office:value-type").is_some() || !closes_itself;
            if has_value {
                sheet.filled = sheet.columns;
            }
        }
        b"/table:table-row" if sheet.filled > 0 => {
            sheet.rows = sheet.rows.saturating_add(sheet.repeats);
            sheet.width = sheet.width.max(sheet.filled);
            sheet.check()?;
        }
        _ => {}
    }
    Ok(())
}

/// A repeat count attribute, 1 when absent or unreadable.
fn repeat(tag: &[u8], name: &[u8]) -> u64 {
    attribute(tag, name)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
}

/// The value of attribute `name` in `tag`, as written.
fn attribute(tag: &[u8], name: &[u8]) -> Option<String> {
    let at = tag
        .windows(name.len() + 1)
        .position(|w| w.starts_with(name) && w[name.len()] == b'=')?;
    let rest = &tag[at + name.len() + 1..];
    let quote = *rest.first()?;
    let value = rest.get(1..)?;
    let end = value.iter().position(|b| *b == quote)?;
    Some(String::from_utf8_lossy(&value[..end]).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(rows: &str) -> String {
        format!(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="Posts">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    #[test]
    fn repeated_cells_with_values_count_and_empty_ones_do_not() {
        let trailing = r#"<table:table-row table:number-rows-repeated="1048553"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
        let header = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>post_id</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1023"/></table:table-row>"#;
        let fine = content(&format!("{header}{trailing}"));
        assert_eq!(cells_within(fine.as_bytes()), Ok(()));
        let bomb = content(
            r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#,
        );
        assert_eq!(
            cells_within(bomb.as_bytes()),
            Err(Beyond::Cells {
                sheet: "Posts".into(),
                rows: 1_048_576,
                columns: 16_384
            })
        );
    }
}
