//! A page's table as a Typst table whose columns and rows are sized here.
//!
//! Left to size a table itself, Typst lays every cell out once to measure
//! its column and again to measure its row, and that is most of a report's
//! typesetting time. Here each cell is measured with the report's own font
//! (the glyphs' advances, which is what Typst sets them at, less kerning):
//! a column is as wide as its widest cell, and a row that is one line in
//! every cell is given that line's height. Only a row that has to wrap (a
//! long name in a narrow page) is left for Typst to measure. Headings may
//! wrap at their spaces. A measure is never trusted to the last point: a
//! cell counts as fitting only with [`SLACK`] to spare.

use std::fmt::Write as _;

use super::escape::{MUTED, literal};
use super::world::Shared;
use crate::view::table::{Cell, Table};

/// The body text's size, in points.
pub(super) const TEXT: f64 = 9.0;
/// A cell's mark (ramp-up, organic), in points.
const MARK: f64 = 7.0;
/// A cell's inset on each side, in points: across, and up and down.
const INSET: (f64, f64) = (4.0, 2.4);
/// What a measured width is allowed to be off by: a fraction, and points.
const SLACK: (f64, f64) = (0.06, 1.0);

/// The Typst source of `table` on a text block `width` points wide.
pub(super) fn source(out: &mut String, fonts: &Shared, table: &Table, width: f64) {
    let shown: Vec<usize> = (0..table.columns.len())
        .filter(|&i| !table.columns[i].csv_only)
        .collect();
    let widths = column_widths(fonts, table, &shown, width);
    let line = fonts.cap_height() * TEXT + 2.0 * INSET.1;
    let mut rows = vec!["auto".to_string()];
    for row in &table.rows {
        let fits = shown.iter().zip(&widths).all(|(&i, &w)| {
            row.cells
                .get(i)
                .is_none_or(|c| fits(cell_width(fonts, c), w - 2.0 * INSET.0))
        });
        rows.push(match fits {
            true => pt(line),
            false => "auto".into(),
        });
    }
    let columns: Vec<String> = widths.iter().map(|&w| pt(w)).collect();
    let aligns: Vec<&str> = shown
        .iter()
        .map(|&i| match table.columns[i].num {
            true => "right",
            false => "left",
        })
        .collect();
    let _ = writeln!(
        out,
        "#table(columns: ({},), rows: ({},), align: ({},), inset: (x: {}pt, y: {}pt),",
        columns.join(", "),
        rows.join(", "),
        aligns.join(", "),
        INSET.0,
        INSET.1
    );
    let header: Vec<String> = shown
        .iter()
        .map(|&i| format!("strong({})", literal(&table.columns[i].label)))
        .collect();
    let _ = writeln!(out, "  table.header({}),", header.join(", "));
    let _ = writeln!(out, "  table.hline(stroke: 0.5pt + {MUTED}),");
    for row in &table.rows {
        let cells: Vec<String> = shown
            .iter()
            .filter_map(|&i| row.cells.get(i))
            .map(cell)
            .collect();
        let _ = writeln!(out, "  {},", cells.join(", "));
    }
    out.push_str(")\n\n");
}

/// Each shown column's width: its widest cell, or its heading's longest
/// word if that is wider, with the insets, and then as much more as
/// `width` leaves for its heading to fit on one line. When the cells
/// alone come to more than `width`, the text columns give up the
/// difference, never narrower than their heading's longest word.
fn column_widths(fonts: &Shared, table: &Table, shown: &[usize], width: f64) -> Vec<f64> {
    let pad = 2.0 * INSET.0;
    let word = |i: usize| {
        table.columns[i]
            .label
            .split_whitespace()
            .map(|w| fonts.width(w, true, TEXT))
            .fold(0.0, f64::max)
    };
    let mut want: Vec<f64> = shown
        .iter()
        .map(|&i| {
            let widest = table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .map(|c| cell_width(fonts, c))
                .fold(0.0, f64::max);
            grown(widest).max(word(i)) + pad
        })
        .collect();
    // Room to spare goes to headings that would wrap, widest need first
    // met in column order, each up to its heading on one line.
    for (k, &i) in shown.iter().enumerate() {
        let spare = width - want.iter().sum::<f64>();
        let whole = grown(fonts.width(&table.columns[i].label, true, TEXT)) + pad;
        if spare > 0.0 && whole > want[k] {
            want[k] += (whole - want[k]).min(spare);
        }
    }
    let over = want.iter().sum::<f64>() - width;
    let texts: Vec<usize> = (0..shown.len())
        .filter(|&k| !table.columns[shown[k]].num)
        .collect();
    let room: f64 = texts.iter().map(|&k| want[k] - word(shown[k]) - pad).sum();
    if over > 0.0 && room > 0.0 {
        let share = (over / room).min(1.0);
        for &k in &texts {
            want[k] -= (want[k] - word(shown[k]) - pad) * share;
        }
    }
    want
}

/// How wide `c` is set: its text, and its mark after a space.
fn cell_width(fonts: &Shared, c: &Cell) -> f64 {
    let text = fonts.width(&c.text, false, TEXT);
    match &c.mark {
        Some(mark) => text + fonts.width(" ", false, TEXT) + fonts.width(mark, false, MARK),
        None => text,
    }
}

/// A measured width with the slack it is allowed.
fn grown(w: f64) -> f64 {
    w * (1.0 + SLACK.0) + SLACK.1
}

/// Whether text `w` wide stays on one line `room` wide.
fn fits(w: f64, room: f64) -> bool {
    grown(w) <= room
}

/// A length in points as Typst reads it, to a ten-thousandth: a row's
/// height is its line's, so forty rows are not a hundredth off.
fn pt(w: f64) -> String {
    format!("{:.4}pt", w)
}

/// A cell's text and mark, green or red when its change is good or bad.
fn cell(c: &Cell) -> String {
    let text = match &c.mark {
        Some(mark) => format!(
            "[#{} #text(size: {MARK}pt, fill: {MUTED}, {})]",
            literal(&c.text),
            literal(mark)
        ),
        None => literal(&c.text),
    };
    let tone = c.class.split(' ').find_map(|k| match k {
        "good" => Some("rgb(\"#1a7f37\")"),
        "bad" => Some("rgb(\"#b42318\")"),
        _ => None,
    });
    match tone {
        Some(fill) => format!("text(fill: {fill}, {text})"),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_width_is_trusted_only_with_room_to_spare() {
        assert!(fits(100.0, 107.0));
        assert!(!fits(100.0, 106.9));
        assert_eq!(grown(0.0), 1.0);
    }

    #[test]
    fn lengths_are_written_to_the_ten_thousandth_of_a_point() {
        assert_eq!(pt(11.637_81), "11.6378pt");
        assert_eq!(pt(40.0), "40.0000pt");
    }
}
