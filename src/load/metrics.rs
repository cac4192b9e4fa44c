//! The files of a client's `metrics/`: CSV files, and workbooks whose
//! sheets are read like CSV files, all read in parallel, each into its own
//! sink, merged in path order so the output does not depend on the order
//! work finished in.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::imports::{How, ImportMapping};
use super::table::{self, csv, workbook};
use super::{layout, rel, walk_files, within};
use crate::diagnostics::kind::{FileProblem, RowProblem};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::model::Counts;

/// What a file of `metrics/` is, by its extension.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Workbook,
}

fn format(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext == "csv" {
        Some(Format::Csv)
    } else if workbook::EXTENSIONS.contains(&ext.as_str()) {
        Some(Format::Workbook)
    } else {
        None
    }
}

/// The tables that could be used, paths (and sheets) ascending, and
/// whether one that may hold posts (or a folder) could not. Each file is read as `how`
/// says, through the first of `mappings` whose `files` it matches, with
/// the partnership of its folder when that is one of `owners`.
pub(super) fn read<'a>(
    root: &Path,
    dir: &Path,
    (how, mappings, owners): (&How<'a>, &'a [ImportMapping], &'a [&'a str]),
    diags: &mut Diagnostics,
) -> (Vec<table::CsvFile>, bool) {
    let (files, complete) = walk_files(root, &dir.join("metrics"), diags);
    let (read, other): (Vec<PathBuf>, Vec<PathBuf>) =
        files.into_iter().partition(|p| format(p).is_some());
    for path in &other {
        layout::not_input(root, path, "metrics", "csv", diags);
    }
    let tables: Vec<(Vec<Result<table::CsvFile, table::Unread>>, Diagnostics)> = read
        .par_iter()
        .map(|path| {
            let mut d = Diagnostics::new();
            let how = how_for(
                path.strip_prefix(dir).unwrap_or(path),
                how,
                mappings,
                owners,
            );
            let tables = tables(root, path, &how, &mut d);
            (tables, d)
        })
        .collect();
    let mut metrics = Vec::new();
    // A folder that could not be read may have held posts.
    let mut posts_incomplete = !complete;
    for (tables, d) in tables {
        diags.extend(d);
        for t in tables {
            match t {
                Ok(f) => {
                    without_figures(&f, diags);
                    metrics.push(f);
                }
                Err(table::Unread::Unusable { may_hold_posts }) => {
                    posts_incomplete |= may_hold_posts
                }
                Err(table::Unread::Empty) => {}
            }
        }
    }
    (metrics, posts_incomplete)
}

/// A warning for a posts table none of whose posts has a figure: read,
/// its posts count, and nothing they did is known. Said once for the
/// table, not as an empty cell in every row.
fn without_figures(table: &table::CsvFile, diags: &mut Diagnostics) {
    let table::Rows::Posts(posts) = &table.rows else {
        return;
    };
    let blank = |p: &table::RawPost| p.counts == Counts::default() && p.revenue.is_none();
    if !posts.is_empty() && posts.iter().all(blank) {
        let problem = RowProblem::PostsWithoutFigures { posts: posts.len() };
        let at = Location::file(&table.path).in_sheet(table.sheet.as_deref());
        diags.push(Diagnostic::warning(problem).at(at));
    }
}

/// How the file at `rel` in the client folder is read: through the first
/// entry whose `files` it matches, and as belonging to the partnership
/// whose folder below `metrics/` it is in.
pub(super) fn how_for<'a>(
    rel: &Path,
    how: &How<'a>,
    mappings: &'a [ImportMapping],
    owners: &'a [&'a str],
) -> How<'a> {
    let folder = folders(rel).find_map(|name| owners.iter().find(|o| **o == name).copied());
    How {
        mapping: mappings.iter().find(|m| m.files.is_match(rel)),
        folder,
        owners,
        ..*how
    }
}

/// The names of the folders below `metrics/` that the file at `rel` (in
/// the client folder) is in, outermost first.
fn folders(rel: &Path) -> impl Iterator<Item = &str> {
    let parent = rel.strip_prefix("metrics").ok().and_then(|r| r.parent());
    parent
        .into_iter()
        .flat_map(|p| p.components())
        .filter_map(|c| c.as_os_str().to_str())
}

/// The tables of one file: a CSV file's one, or a workbook's sheets.
fn tables(
    root: &Path,
    path: &Path,
    how: &How,
    diags: &mut Diagnostics,
) -> Vec<Result<table::CsvFile, table::Unread>> {
    let unusable = table::Unread::Unusable {
        may_hold_posts: true,
    };
    let file = rel(root, path);
    if format(path) == Some(Format::Csv)
        && !how.importing
        && let Some(read) = streamed(root, path, &file, how, diags)
    {
        return vec![read];
    }
    let bytes = match within::read(root, path) {
        Ok(bytes) => bytes,
        Err(within::Refused::Outside) => {
            diags.push(within::outside(&file));
            return vec![Err(unusable)];
        }
        Err(within::Refused::NotAFile(kind)) => {
            diags.push(within::not_a_file(&file, kind));
            return vec![Err(unusable)];
        }
        Err(within::Refused::Io(e)) => {
            let problem = FileProblem::Unreadable {
                reason: e.to_string(),
            };
            diags.push(Diagnostic::error(problem).in_file(&file).io());
            return vec![Err(unusable)];
        }
    };
    tables_of(&file, &bytes, how, diags)
}

/// A CSV file of more than two parts ([`csv::PART`]), read a part at a
/// time; `None` to read it whole (a smaller file, or one that must be).
fn streamed(
    root: &Path,
    path: &Path,
    file: &Path,
    how: &How,
    diags: &mut Diagnostics,
) -> Option<Result<table::CsvFile, table::Unread>> {
    let Ok((mut f, len)) = within::open(root, path) else {
        // Reading it whole reports why it cannot be read.
        return None;
    };
    if len <= 2 * csv::PART as u64 {
        return None;
    }
    csv::read_streamed(file, (&mut f, len), how, diags)
}

/// The tables of a file's bytes, `file` naming it (its extension saying
/// whether it is a workbook): a CSV file's one, or a workbook's sheets.
pub(super) fn tables_of(
    file: &Path,
    bytes: &[u8],
    how: &How,
    diags: &mut Diagnostics,
) -> Vec<Result<table::CsvFile, table::Unread>> {
    if format(file) != Some(Format::Workbook) {
        return vec![csv::read(file, bytes, how, diags)];
    }
    match workbook::sheets(bytes) {
        Ok(sheets) => sheets
            .iter()
            .map(|sheet| workbook::read_sheet(file, sheet, how, diags))
            .collect(),
        Err(not_read) => {
            let (problem, sheet) = match not_read {
                workbook::NotRead::Unreadable(reason) => {
                    (FileProblem::UnreadableWorkbook { reason }, None)
                }
                workbook::NotRead::TooLarge(beyond) => {
                    let sheet = beyond.sheet().map(str::to_string);
                    (beyond.problem(), sheet)
                }
            };
            let at = Location::file(file).in_sheet(sheet.as_deref());
            diags.push(Diagnostic::error(problem).at(at));
            vec![Err(table::Unread::Unusable {
                may_hold_posts: true,
            })]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::table::Rows;

    /// A CSV file too large to read whole is read a part at a time, and
    /// comes to the same as read whole: the same orders, the same problems.
    #[test]
    fn a_large_orders_file_is_read_in_parts_alike() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("orders.csv");
        let mut text = String::from("order_id,date,customer,partnership\n");
        let mut i = 0;
        while text.len() <= 2 * csv::PART + 1000 {
            let day = 1 + i % 28;
            let p = if i % 3 == 0 { "p1" } else { "" };
            text.push_str(&format!("O{i},2026-03-{day:02},c{},{p}\n", i % 70_001));
            if i == 200_000 {
                text.push_str("O7,2026-03-02,c1,p1\nO8,2026-13-02,c1,p1\n");
            }
            i += 1;
        }
        std::fs::write(&path, &text).unwrap();
        let how = How::default();
        let mut d_parts = Diagnostics::new();
        let mut parts = tables(dir.path(), &path, &how, &mut d_parts);
        let mut d_whole = Diagnostics::new();
        let whole = csv::read(Path::new("orders.csv"), text.as_bytes(), &how, &mut d_whole);
        let (Ok(p), Ok(w)) = (parts.remove(0), whole) else {
            panic!("both read");
        };
        let (Rows::Ledger(p), Rows::Ledger(w)) = (&p.rows, &w.rows) else {
            panic!("both ledgers");
        };
        let sorted = |l: &table::Ledger| {
            let mut a: Vec<_> = l.customers().acquired().collect();
            a.sort_by_key(|a| (a.date, a.named, a.next));
            a
        };
        assert_eq!(p.rows(), w.rows());
        assert_eq!(sorted(p), sorted(w));
        assert_eq!(
            format!("{:?}", p.duplicates()),
            format!("{:?}", w.duplicates())
        );
        let msgs = |d: &Diagnostics| d.iter().map(|d| format!("{d:?}")).collect::<Vec<_>>();
        assert_eq!(msgs(&d_parts), msgs(&d_whole));
        assert_eq!(p.duplicates().len(), 1, "O7 is given twice");
        assert!(!msgs(&d_parts).is_empty(), "the bad date is reported");
    }
}
