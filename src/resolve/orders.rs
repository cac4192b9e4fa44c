//! A client's orders files, as reduced when they were read
//! ([`crate::load::csv::Ledger`]), tied to the model: order ids given twice
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
use crate::diagnostics::kind::RowProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::csv::{CsvFile, Ledger, Rows, SignAt};
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
    let (ledger, map) = match &folded[..] {
        [] => return Vec::new(),
        [(_, l)] => (Cow::Borrowed(l.as_ref()), Some(&maps[0][..])),
        _ => {
            let parts = folded
                .iter()
                .map(|(_, l)| l.as_ref())
                .zip(maps.iter().map(|m| &m[..]));
            (Cow::Owned(Ledger::merged(parts)), None)
        }
    };
    let mut alike: HashMap<(NaiveDate, u32, Option<u32>), u64> = HashMap::new();
    for a in ledger.acquired() {
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
    // Across files only the places are kept: the id is on both rows.
    // (place in `f`, (earlier file, place there)).
    let mut across: Vec<(Place, (usize, Place))> = Vec::new();
    for (j, (_, e)) in earlier.iter().enumerate() {
        for (place, first) in l.ids_in(e) {
            if !across.iter().any(|(p, _)| *p == place) {
                across.push((place, (j, first)));
            }
        }
    }
    across.sort_unstable();
    for (place, (j, first)) in across {
        let problem = RowProblem::DuplicateOrder {
            id: String::new(),
            first: at(&earlier[j].0.path, cell(first)),
        };
        diags.push(Diagnostic::error(problem).at(at(&f.path, cell(place))));
    }
}

/// A line and column.
type Place = (u32, u32);

fn cell((line, column): Place) -> crate::load::csv::Cell {
    crate::load::csv::Cell::new(line as usize, column as usize, 0)
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
