//! The files of a client's `metrics/`: CSV files, and workbooks whose
//! sheets are read like CSV files, all read in parallel, each into its own
//! sink, merged in path order so the output does not depend on the order
//! work finished in.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::values::DateOrder;
use super::{csv, layout, rel, walk_files, within, workbook};
use crate::diagnostics::kind::FileProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};

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
/// whether one that may hold posts could not.
pub(super) fn read(
    root: &Path,
    dir: &Path,
    order: DateOrder,
    diags: &mut Diagnostics,
) -> (Vec<csv::CsvFile>, bool) {
    let (read, other): (Vec<PathBuf>, Vec<PathBuf>) = walk_files(&dir.join("metrics"), true)
        .into_iter()
        .partition(|p| format(p).is_some());
    for path in &other {
        layout::not_input(root, path, "metrics", "csv", diags);
    }
    let tables: Vec<(Vec<Result<csv::CsvFile, csv::Unread>>, Diagnostics)> = read
        .par_iter()
        .map(|path| {
            let mut d = Diagnostics::new();
            let tables = tables(root, path, order, &mut d);
            (tables, d)
        })
        .collect();
    let mut metrics = Vec::new();
    let mut posts_incomplete = false;
    for (tables, d) in tables {
        diags.extend(d);
        for t in tables {
            match t {
                Ok(f) => metrics.push(f),
                Err(csv::Unread::Unusable { may_hold_posts }) => posts_incomplete |= may_hold_posts,
                Err(csv::Unread::Empty) => {}
            }
        }
    }
    (metrics, posts_incomplete)
}

/// The tables of one file: a CSV file's one, or a workbook's sheets.
fn tables(
    root: &Path,
    path: &Path,
    order: DateOrder,
    diags: &mut Diagnostics,
) -> Vec<Result<csv::CsvFile, csv::Unread>> {
    let unusable = csv::Unread::Unusable {
        may_hold_posts: true,
    };
    let file = rel(root, path);
    let bytes = match within::read(root, path) {
        Ok(bytes) => bytes,
        Err(within::Refused::Outside) => {
            diags.push(within::outside(&file));
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
    if format(path) == Some(Format::Csv) {
        return vec![csv::read(&file, &bytes, order, diags)];
    }
    match workbook::sheets(&bytes) {
        Ok(sheets) => sheets
            .iter()
            .map(|sheet| csv::read_sheet(&file, sheet, order, diags))
            .collect(),
        Err(workbook::Unreadable(reason)) => {
            let problem = FileProblem::UnreadableWorkbook { reason };
            diags.push(Diagnostic::error(problem).in_file(&file));
            vec![Err(unusable)]
        }
    }
}
