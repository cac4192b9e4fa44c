//! An orders file as it is read: each order fed to repeat purchase's
//! reducer ([`crate::analytics::customers`]), which keeps per customer only
//! what repeat purchase needs, so that memory grows with a shop's customers,
//! not with its orders; and the rest of a row kept only as far as its checks
//! need it: the partnership ids named, each with its first cell and rows; a
//! digest and the first place of every order id, for duplicates; the
//! currency signs written, each with its rows; and how many orders fall on
//! each date, for the report date.
//!
//! Only orders to date are fed to the reducer (`cutoff`, the report date
//! when it is known before reading: without `as_of` the report date is the
//! latest date read, which every order is on or before).
//!
//! Order ids are keyed by a 64-bit digest of the id, as customers are: two
//! of n ids share a digest with odds of about n²/2⁶⁵, one in four million
//! at 3 million order ids.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::records::{Cell, RawOrder, SignAt};
#[cfg(doc)]
use crate::analytics::customers::Acquired;
use crate::analytics::customers::{Customers, Digested, digest};

/// How many places a group of like problems lists (as the diagnostics do).
const PLACES_KEPT: usize = 3;

/// A partnership id as written in the file's rows.
#[derive(Debug, Clone)]
pub struct Named {
    /// The id as written.
    pub id: String,
    /// Its first cell.
    pub first: Cell,
    /// How many rows name it.
    pub rows: usize,
}

/// An order id written on two rows of one file.
#[derive(Debug, Clone)]
pub struct Duplicate {
    /// The id.
    pub id: String,
    /// The later row's id cell.
    pub at: Cell,
    /// The first row's id cell: line and column.
    pub first: (u32, u32),
}

/// The rows that write one currency sign with one row currency.
#[derive(Debug, Clone)]
pub struct Signs {
    /// The sign, with its first cell and the row's currency as written.
    pub sign: SignAt,
    /// How many rows.
    pub rows: usize,
    /// The first rows' cells.
    pub cells: Vec<Cell>,
}

/// The orders of one date.
#[derive(Debug, Clone, Copy)]
pub struct Dated {
    /// How many.
    pub rows: usize,
    /// The first one's id cell.
    pub first: Cell,
}

/// An orders file, reduced.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    cutoff: Option<NaiveDate>,
    customers: Customers,
    named: Vec<Named>,
    named_index: HashMap<String, u32>,
    ids: HashMap<u64, (u32, u32), Digested>,
    duplicates: Vec<Duplicate>,
    signs: Vec<Signs>,
    dates: BTreeMap<NaiveDate, Dated>,
    rows: usize,
}

impl Ledger {
    /// An empty ledger folding in the orders dated on or before `cutoff`,
    /// with room for the ids of about `rows` orders.
    pub fn new(cutoff: Option<NaiveDate>, rows: usize) -> Ledger {
        let mut ids = HashMap::default();
        ids.reserve(rows);
        Ledger {
            cutoff,
            ids,
            ..Ledger::default()
        }
    }

    /// Fold in one order.
    pub fn add(&mut self, o: RawOrder) {
        self.rows += 1;
        self.dates
            .entry(o.date.date)
            .and_modify(|d| d.rows += 1)
            .or_insert(Dated {
                rows: 1,
                first: o.at,
            });
        let key = digest(&o.id);
        let place = (o.at.line, o.at.column);
        if let Some(&first) = self.ids.get(&key) {
            self.duplicates.push(Duplicate {
                id: o.id,
                at: o.at,
                first,
            });
            return;
        }
        self.ids.insert(key, place);
        if let Some(sign) = o.sign {
            self.sign(*sign);
        }
        let named = o.partnership.map(|(id, cell)| self.name(id, cell));
        // A guest checkout (no customer) only dates the report.
        if self.cutoff.is_some_and(|c| o.date.date > c) || o.customer.is_empty() {
            return;
        }
        self.customers.add(
            digest(&o.customer),
            &o.id,
            o.date.instant,
            o.date.date,
            named,
        );
    }

    fn sign(&mut self, sign: SignAt) {
        let cell = sign.cell;
        let like = self
            .signs
            .iter_mut()
            .find(|s| s.sign.sign == sign.sign && s.sign.currency == sign.currency);
        match like {
            Some(s) => {
                s.rows += 1;
                if s.cells.len() < PLACES_KEPT {
                    s.cells.push(cell);
                }
            }
            None => self.signs.push(Signs {
                sign,
                rows: 1,
                cells: vec![cell],
            }),
        }
    }

    fn name(&mut self, id: String, cell: Cell) -> u32 {
        if let Some(&i) = self.named_index.get(&id) {
            self.named[i as usize].rows += 1;
            return i;
        }
        let i = u32::try_from(self.named.len()).unwrap_or(u32::MAX - 1);
        self.named_index.insert(id.clone(), i);
        self.named.push(Named {
            id,
            first: cell,
            rows: 1,
        });
        i
    }

    /// The places of this file's order ids that `earlier` has too, each
    /// with the place there, in no particular order.
    pub fn ids_in(&self, earlier: &Ledger) -> Vec<((u32, u32), (u32, u32))> {
        self.ids
            .iter()
            .filter_map(|(k, at)| earlier.ids.get(k).map(|first| (*at, *first)))
            .collect()
    }

    /// The customers fed to date, as repeat purchase keeps them; their
    /// [`Acquired::named`] are indexes of [`Ledger::named`].
    pub fn customers(&self) -> &Customers {
        &self.customers
    }

    /// The partnership ids named, in the order first met.
    pub fn named(&self) -> &[Named] {
        &self.named
    }

    /// The order ids written twice in the file.
    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// The currency signs written.
    pub fn signs(&self) -> &[Signs] {
        &self.signs
    }

    /// How many orders each date has, dates ascending.
    pub fn dates(&self) -> &BTreeMap<NaiveDate, Dated> {
        &self.dates
    }

    /// How many orders were read.
    pub fn rows(&self) -> usize {
        self.rows
    }
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
