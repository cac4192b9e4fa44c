//! The reducer behind repeat purchase (docs/metrics.md, "Repeat purchase";
//! readings 5 and 6): the orders of a shop folded, as they are read, into
//! what each customer's acquisition and return need, so that memory grows
//! with a shop's customers, not with its orders. load feeds it an order at a
//! time; resolve merges a client's files and ties each acquisition to its
//! partnership; [`super::repeat`] counts them.
//!
//! Per customer it keeps the acquisition order so far (the earliest by
//! instant, then by order id) and the three earliest dates of the
//! customer's other orders. Any other order is at most two days before the
//! acquisition date: it is no earlier an instant, and a date as written is
//! within a day of its instant's UTC date. So the first of those three on or
//! after the acquisition date is the first that can repeat, and when an
//! earlier order takes over as the acquisition, the three earliest of the
//! old three and the old acquisition's date are again enough.
//!
//! Customers are keyed by a 64-bit digest of the id ([`digest`]). Two of n
//! ids share a digest with odds of about n²/2⁶⁵: one in six million at 2.4
//! million customers. Customer ids made by `roster import` are themselves
//! 64 bits of a hash.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use chrono::NaiveDate;

/// A customer as repeat purchase sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acquired {
    /// The acquisition date.
    pub date: NaiveDate,
    /// The partnership id the acquisition order names (an index of
    /// the feeder's own list), if any.
    pub named: Option<u32>,
    /// Days from the acquisition date to the customer's next other order
    /// on or after it, if any.
    pub next: Option<u32>,
}

/// No date, in a customer's other dates.
const NONE: u16 = u16::MAX;
/// The most days from the acquisition date a customer's other dates keep
/// (beyond any report's span), two added.
const FAR: u16 = u16::MAX - 1;
/// No partnership named.
const UNNAMED: u32 = u32::MAX;
/// Bytes of an order id a customer keeps inline.
const INLINE: usize = 16;

/// One customer: the acquisition order so far (its date, and its instant
/// as seconds from that date's midnight UTC) and the earliest dates of the
/// others, as two more than their days after the acquisition date,
/// ascending ([`NONE`] where there are fewer). 36 bytes.
#[derive(Debug, Clone, Copy)]
struct Customer {
    secs: i32,
    date: NaiveDate,
    named: u32,
    id: [u8; INLINE],
    others: [u16; 3],
    id_len: u8,
}

impl Customer {
    fn instant(&self) -> i64 {
        midnight(self.date) + i64::from(self.secs)
    }
}

/// Seconds since the epoch of `date`'s midnight, UTC.
fn midnight(date: NaiveDate) -> i64 {
    date.and_time(chrono::NaiveTime::MIN).and_utc().timestamp()
}

/// Customers as repeat purchase sees them, fed an order at a time.
#[derive(Debug, Clone, Default)]
pub struct Customers {
    table: Table,
    /// Acquisition order ids longer than a customer keeps inline.
    long_ids: HashMap<u64, Box<str>, Digested>,
}

/// The customers, by digest: an index into blocks of a fixed size, so that
/// growing never copies them all (a table of millions would briefly be
/// held twice).
#[derive(Debug, Clone, Default)]
struct Table {
    index: HashMap<u64, u32, Digested>,
    blocks: Vec<Vec<Customer>>,
}

/// Customers per block.
const BLOCK: usize = 1 << 15;

impl Table {
    fn get_mut(&mut self, key: &u64) -> Option<&mut Customer> {
        let i = *self.index.get(key)? as usize;
        self.blocks.get_mut(i / BLOCK)?.get_mut(i % BLOCK)
    }

    fn insert(&mut self, key: u64, c: Customer) {
        let i = self.index.len();
        if self.blocks.last().is_none_or(|b| b.len() == BLOCK) {
            self.blocks.push(Vec::with_capacity(BLOCK));
        }
        if let Some(block) = self.blocks.last_mut() {
            block.push(c);
        }
        self.index.insert(key, u32::try_from(i).unwrap_or(u32::MAX));
    }

    fn iter(&self) -> impl Iterator<Item = (u64, &Customer)> + '_ {
        self.index.iter().filter_map(|(k, i)| {
            let i = *i as usize;
            Some((*k, self.blocks.get(i / BLOCK)?.get(i % BLOCK)?))
        })
    }

    fn values(&self) -> impl Iterator<Item = &Customer> + '_ {
        self.blocks.iter().flatten()
    }
}

/// A hasher for keys that are digests already ([`digest`]): it passes them
/// through.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Passed(u64);

impl Hasher for Passed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Maps keyed by [`digest`]s.
pub(crate) type Digested = BuildHasherDefault<Passed>;

/// The 64-bit digest of an id (the standard library's SipHash with its
/// fixed keys; the output never depends on its value).
pub(crate) fn digest(id: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

impl Customers {
    /// Fold in one order of `customer` (a [`digest`]), with its id, its
    /// instant (seconds since the epoch), its date as written and the
    /// partnership it names (an index of the feeder's, `None` for none).
    pub fn add(
        &mut self,
        customer: u64,
        id: &str,
        instant: i64,
        date: NaiveDate,
        named: Option<u32>,
    ) {
        self.fold(customer, id, instant, date, named.unwrap_or(UNNAMED));
    }

    fn fold(&mut self, customer: u64, id: &str, instant: i64, date: NaiveDate, named: u32) {
        let mut inline = [0u8; INLINE];
        let n = id.len().min(INLINE);
        inline[..n].copy_from_slice(&id.as_bytes()[..n]);
        let new = Customer {
            secs: i32::try_from(instant - midnight(date)).unwrap_or(i32::MAX),
            id: inline,
            id_len: u8::try_from(id.len()).unwrap_or(u8::MAX),
            date,
            named,
            others: [NONE; 3],
        };
        let Some(c) = self.table.get_mut(&customer) else {
            if id.len() > INLINE {
                self.long_ids.insert(customer, id.into());
            }
            self.table.insert(customer, new);
            return;
        };
        let first_id = id_of(c, customer, &self.long_ids);
        let first_instant = c.instant();
        if (instant, id) == (first_instant, first_id) {
            // The same order, read from another file.
            return;
        }
        if (instant, id) < (first_instant, first_id) {
            let old = *c;
            *c = new;
            c.others = old.others;
            rebase(c, old.date);
            insert(c, old.date);
            if id.len() > INLINE {
                self.long_ids.insert(customer, id.into());
            } else {
                self.long_ids.remove(&customer);
            }
        } else {
            insert(c, date);
        }
    }

    /// The customers of several files of one client folded together, each
    /// file's partnership ids mapped through its `map` (an index of its
    /// list of ids to the caller's index, `None` for none): the
    /// merged [`Acquired::named`] are then the caller's indexes. An
    /// order in two files (the same instant and id) counts once.
    pub fn merged<'a>(
        parts: impl IntoIterator<Item = (&'a Customers, &'a [Option<u32>])>,
    ) -> Customers {
        let mut all = Customers::default();
        for (part, map) in parts {
            for (key, c) in part.table.iter() {
                let id = id_of(c, key, &part.long_ids);
                let named = map
                    .get(c.named as usize)
                    .copied()
                    .flatten()
                    .unwrap_or(UNNAMED);
                all.fold(key, id, c.instant(), c.date, named);
                let mine = all.table.get_mut(&key).expect("just folded");
                for d in dates_of(c) {
                    insert(mine, d);
                }
            }
        }
        all
    }

    /// Every customer acquired to date.
    pub fn acquired(&self) -> impl Iterator<Item = Acquired> + '_ {
        self.table.values().map(|c| Acquired {
            date: c.date,
            named: (c.named != UNNAMED).then_some(c.named),
            next: c
                .others
                .iter()
                .find(|&&v| (2..FAR).contains(&v))
                .map(|&v| u32::from(v) - 2),
        })
    }
}

/// The id of customer `key`'s acquisition order: inline, or in `long`.
fn id_of<'a>(c: &'a Customer, key: u64, long: &'a HashMap<u64, Box<str>, Digested>) -> &'a str {
    match c.id_len as usize {
        n if n <= INLINE => std::str::from_utf8(&c.id[..n]).unwrap_or(""),
        _ => long.get(&key).map_or("", |s| s),
    }
}

/// A customer's other dates.
fn dates_of(c: &Customer) -> impl Iterator<Item = NaiveDate> + '_ {
    c.others
        .iter()
        .filter(|&&v| v != NONE)
        .map(|&v| c.date + chrono::Days::new(u64::from(v)) - chrono::Days::new(2))
}

/// Add `date` to `c`'s other dates, keeping the three earliest distinct.
fn insert(c: &mut Customer, date: NaiveDate) {
    let days = (date - c.date).num_days() + 2;
    // Never below 0 (see the module's comment); beyond FAR, no report looks.
    let v = u16::try_from(days.max(0)).map_or(FAR, |v| v.min(FAR));
    if c.others.contains(&v) {
        return;
    }
    if let Some(last) = c.others.last_mut()
        && v < *last
    {
        *last = v;
        c.others.sort_unstable();
    }
}

/// Rewrite `c`'s other dates, taken from an acquisition dated `from`,
/// against its own date.
fn rebase(c: &mut Customer, from: NaiveDate) {
    let shift = (from - c.date).num_days();
    for v in &mut c.others {
        if *v != NONE {
            let days = i64::from(*v) + shift;
            *v = u16::try_from(days.max(0)).map_or(FAR, |v| v.min(FAR));
        }
    }
    c.others.sort_unstable();
}

#[cfg(test)]
#[path = "customers_tests.rs"]
mod tests;
