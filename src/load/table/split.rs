//! Which number a row one field too wide had split by its delimiter: a
//! decimal comma (`1263,93`) or a thousands comma (`66,000`) in a file
//! delimited by `,`. Every number column whose cell and the next could be
//! the two halves is a candidate (a count only at a thousands comma: counts
//! are whole); the one that leaves the most of the row's other columns
//! reading as their kind (counts as counts, a date as a date, a currency as
//! a code) is the one; on a tie, `revenue` (a decimal comma in an amount is
//! the common mistake), else the leftmost. So the help names the column
//! that holds the comma, not a later one whose cells the split shifted into
//! a number's shape.

use super::records::COUNTS;
use crate::diagnostics::kind::SplitNumber;

/// The number split in a row of `fields` whose header has one field fewer,
/// where column `names[k]` is the file's field `index[k]`: the field it
/// starts in, and what it is.
pub(super) fn split_number(
    names: &[&str],
    index: &[Option<usize>],
    fields: &[&str],
) -> Option<(usize, SplitNumber)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut columns: Vec<(&str, usize)> = (names.iter().zip(index))
        .filter_map(|(n, i)| Some((*n, (*i)?)))
        .collect();
    columns.sort_by_key(|(_, i)| *i);
    let candidates = columns.iter().filter(|(name, _)| is_number(name));
    let mut best: Option<(usize, usize, SplitNumber)> = None;
    for &(name, i) in candidates {
        let (Some(whole), Some(rest)) = (fields.get(i), fields.get(i + 1)) else {
            continue;
        };
        let (whole, rest) = (whole.trim(), rest.trim());
        let grouped = rest.len() == 3;
        let decimals = rest.len() <= 2 && name == "revenue";
        if !digits(whole) || !digits(rest) || !(grouped || decimals) {
            continue;
        }
        // The row as it would read were the two halves one cell.
        let cell = |j: usize| match j {
            j if j < i => fields.get(j).copied(),
            j if j == i => None,
            j => fields.get(j + 1).copied(),
        };
        let fits = (columns.iter())
            .filter(|(_, j)| *j != i)
            .filter(|(n, j)| cell(*j).is_some_and(|v| reads_as(n, v.trim())))
            .count();
        let better = |(most, _, split): &(usize, usize, SplitNumber)| {
            fits > *most || (fits == *most && name == "revenue" && split.column != name)
        };
        if best.as_ref().is_none_or(better) {
            let split = SplitNumber {
                column: name.to_string(),
                written: format!("{whole},{rest}"),
                grouped,
            };
            best = Some((fits, i, split));
        }
    }
    best.map(|(_, i, split)| (i, split))
}

/// Whether roster's column `name` holds a number a comma could split.
fn is_number(name: &str) -> bool {
    name == "revenue" || COUNTS.contains(&name)
}

/// Whether `value` reads as a cell of roster's column `name`, as far as
/// telling a shifted row from one in place needs: a column of no clear
/// kind reads as anything.
fn reads_as(name: &str, value: &str) -> bool {
    let number = |v: &str| v.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    match name {
        "revenue" => number(value),
        n if COUNTS.contains(&n) => value.bytes().all(|b| b.is_ascii_digit()),
        "published" | "date" => {
            value.starts_with(|c: char| c.is_ascii_digit()) && value.contains(['-', '/', '.'])
        }
        "currency" => {
            value.is_empty() || (value.len() == 3 && value.chars().all(char::is_alphabetic))
        }
        "url" => value.is_empty() || value.starts_with("http"),
        "kind" => {
            value.is_empty() || ["sponsored", "organic"].contains(&value.to_lowercase().as_str())
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split of a row of a posts file with roster's columns in order.
    fn split(row: &str) -> Option<(usize, String, bool)> {
        let posts = crate::model::TableKind::Posts.columns();
        let index: Vec<Option<usize>> = (0..posts.len()).map(Some).collect();
        let fields: Vec<&str> = row.split(',').collect();
        split_number(posts, &index, &fields).map(|(i, s)| {
            assert_eq!(s.written.split(',').count(), 2);
            (i, s.column, s.grouped)
        })
    }

    #[test]
    fn names_the_column_that_holds_the_comma() {
        // A thousands comma in `impressions`: the shifted `clicks` and
        // `conversions` (1090,44) look like a decimal comma too.
        let row =
            "C1,tyler,2026-04-24,sponsored,66,000,46997,2078,1090,44,1397.82,USD,https://x.io/p";
        assert_eq!(split(row), Some((4, "impressions".into(), true)));
        // A decimal comma in `revenue`.
        let row =
            "C1,tyler,2026-04-24,sponsored,66000,46997,2078,1090,44,1397,82,USD,https://x.io/p";
        assert_eq!(split(row), Some((9, "revenue".into(), false)));
        // Nothing split into two numbers: no guess.
        let row = "C1,tyler,2026-04-24,sponsored,66000,46997,2078,1090,44,1397.82,USD,x,y";
        assert_eq!(split(row), None);
        // Counts are whole: `120,6` is no count with a decimal comma; of
        // a count grouped (`6,320`) and an amount with decimals (`320,50`)
        // that fit the row alike, the amount.
        let row = "A1,anna,2026-01-15,sponsored,12000,9000,540,120,6,320,50,USD,";
        assert_eq!(split(row), Some((9, "revenue".into(), false)));
    }
}
