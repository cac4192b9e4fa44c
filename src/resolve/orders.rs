//! A client's orders files, as reduced when they were read
//! ([`crate::load::table::Ledger`], feeding
//! [`crate::analytics::customers`]), tied to the model: order ids given twice
//! (within a file, and across files), currency signs that cannot mean the
//! row's currency, the partnership each acquisition order names, and each
//! customer a partnership acquired with the first of their other orders
//! that can repeat.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::at;
use super::rows::check_sign;
use super::scope::{Refs, Scope};
use crate::analytics::customers::Customers;
use crate::diagnostics::kind::RowProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::table::{CsvFile, Ledger, Rows, SignAt};
use crate::model::{Acquisition, PartnershipIx};

/// The customers acquired by a partnership, to date.
pub(super) fn acquisitions(
    s: &Scope,
    refs: &mut Refs,
    diags: &mut Diagnostics,
) -> Vec<Acquisition> {
    let folded: Vec<(&CsvFile, Cow<Ledger>)> =
        s.c.metrics
            .iter()
            .filter_map(|f| match &f.rows {
                Rows::Ledger(l) => Some((f, Cow::Borrowed(l.as_ref()))),
                Rows::Orders(rows) => {
                    let mut l = Ledger::new(Some(s.as_of), rows.len());
                    rows.iter().for_each(|r| l.add(r.clone()));
                    Some((f, Cow::Owned(l)))
                }
                _ => None,
            })
            .collect();
    for (i, (f, l)) in folded.iter().enumerate() {
        duplicates(f, l, &folded[..i], diags);
        signs(s, f, l, diags);
    }
    // Each file's partnership ids, as the model's indexes.
    let maps: Vec<Vec<Option<u32>>> = folded
        .iter()
        .map(|(f, l)| {
            l.named()
                .iter()
                .map(|n| {
                    let ix = refs.resolve_rows(&n.id, &f.path, n.first, n.rows)?;
                    u32::try_from(ix.index()).ok()
                })
                .collect()
        })
        .collect();
    let of = |named: Option<u32>, map: Option<&[Option<u32>]>| match map {
        Some(map) => map.get(named? as usize).copied().flatten(),
        None => named,
    };
    let (customers, map) = match &folded[..] {
        [] => return Vec::new(),
        [(_, l)] => (Cow::Borrowed(l.customers()), Some(&maps[0][..])),
        _ => {
            let parts = folded
                .iter()
                .map(|(_, l)| l.customers())
                .zip(maps.iter().map(|m| &m[..]));
            (Cow::Owned(Customers::merged(parts)), None)
        }
    };
    let mut alike: HashMap<(NaiveDate, u32, Option<u32>), u64> = HashMap::new();
    for a in customers.acquired() {
        if let Some(p) = of(a.named, map) {
            *alike.entry((a.date, p, a.next)).or_default() += 1;
        }
    }
    let mut out: Vec<Acquisition> = alike
        .into_iter()
        .map(|((date, p, next), customers)| Acquisition {
            date,
            partnership: PartnershipIx::new(p as usize),
            next,
            customers,
        })
        .collect();
    out.sort_unstable();
    out
}

/// An order id given twice in `f`, or given in an earlier file too: an
/// error at the later row, naming the first.
fn duplicates(
    f: &CsvFile,
    l: &Ledger,
    earlier: &[(&CsvFile, Cow<Ledger>)],
    diags: &mut Diagnostics,
) {
    for d in l.duplicates() {
        let problem = RowProblem::DuplicateOrder {
            id: d.id.clone(),
            first: at(&f.path, cell(d.first)),
        };
        diags.push(Diagnostic::error(problem).at(at(&f.path, d.at)));
    }
    // Across files only the places are kept (a digest of each id): one
    // problem per earlier file, at the first row of `f` it shares, however
    // many it shares. A file and its `roster import` copy share them all.
    let mut seen: std::collections::HashSet<Place> = std::collections::HashSet::new();
    for (e_file, e) in earlier {
        let shared: Vec<Place> = l
            .ids_in(e)
            .into_iter()
            .map(|(place, _)| place)
            .filter(|p| seen.insert(*p))
            .collect();
        let Some(&first) = shared.iter().min() else {
            continue;
        };
        let problem = RowProblem::OrdersInTwoFiles {
            orders: shared.len(),
            other: e_file.path.clone(),
            export: export_of_copy(&f.path, &e_file.path),
        };
        diags.push(Diagnostic::error(problem).at(at(&f.path, cell(first))));
    }
}

/// Of two files sharing orders, the one that is not a `roster import`
/// copy, when the other is.
fn export_of_copy(a: &std::path::Path, b: &std::path::Path) -> Option<std::path::PathBuf> {
    let copy = |p: &std::path::Path| {
        p.components()
            .map(|c| c.as_os_str())
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0] == "metrics" && w[1] == "imported")
    };
    match (copy(a), copy(b)) {
        (true, false) => Some(b.to_path_buf()),
        (false, true) => Some(a.to_path_buf()),
        _ => None,
    }
}

/// A line and column.
type Place = (u32, u32);

fn cell((line, column): Place) -> crate::load::table::Cell {
    crate::load::table::Cell::new(line as usize, column as usize, 0)
}

/// The currency signs of `f`'s rows that cannot mean the row's currency:
/// one error per row, as if checked row by row.
fn signs(s: &Scope, f: &CsvFile, l: &Ledger, diags: &mut Diagnostics) {
    for group in l.signs() {
        let written = group.sign.currency.as_deref();
        let currency = written.unwrap_or(s.currency.as_str());
        let last = group.cells.last().copied().unwrap_or(group.sign.cell);
        let cells = group.cells.iter().copied();
        let rest = std::iter::repeat_n(last, group.rows.saturating_sub(group.cells.len()));
        for cell in cells.chain(rest) {
            let sign = SignAt {
                cell,
                ..group.sign.clone()
            };
            check_sign(Some(&sign), currency, "the row's", f, diags);
        }
    }
}
