//! The ledger against the plain reading of docs/metrics.md that holds every
//! order ([`crate::analytics::repeat::acquisitions`]).

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::analytics::customers::Customers;
use crate::analytics::repeat::acquisitions;
use crate::load::table::Stamp;
use crate::model::{Acquisition, Order, PartnershipIx};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An order at `day` + `minutes`, written with `offset` hours.
fn raw(
    id: &str,
    day: NaiveDate,
    minutes: i64,
    offset: i32,
    customer: &str,
    p: Option<usize>,
) -> RawOrder {
    let local = day.and_hms_opt(0, 0, 0).unwrap() + chrono::Duration::minutes(minutes);
    let instant = local.and_utc().timestamp() - i64::from(offset) * 3600;
    RawOrder {
        at: Cell::new(2, 1, 0),
        id: id.into(),
        date: Stamp {
            date: local.date(),
            instant,
            offset: offset * 3600,
        },
        customer: customer.into(),
        partnership: p.map(|p| (format!("p{p}"), Cell::new(2, 30, 3))),
        revenue: None,
        sign: None,
    }
}

fn order(r: &RawOrder) -> Order {
    Order {
        id: r.id.clone(),
        date: r.date.date,
        instant: r.date.instant,
        customer: r.customer.clone(),
        partnership: r
            .partnership
            .as_ref()
            .map(|(p, _)| PartnershipIx::new(p[1..].parse().unwrap())),
    }
}

/// The ledger's acquisitions, with its partnership ids as the model's.
fn folded(l: &Ledger) -> Vec<Acquisition> {
    let map: Vec<usize> = l
        .named()
        .iter()
        .map(|n| n.id[1..].parse().unwrap())
        .collect();
    sorted(
        l.customers()
            .acquired()
            .filter_map(|a| {
                Some(Acquisition {
                    date: a.date,
                    partnership: PartnershipIx::new(map[a.named? as usize]),
                    next: a.next,
                    customers: 1,
                })
            })
            .collect(),
    )
}

fn sorted(mut v: Vec<Acquisition>) -> Vec<Acquisition> {
    v.sort_by_key(|a| (a.date, a.partnership.index(), a.next));
    v
}

#[test]
fn keeps_the_earliest_order_and_the_first_that_can_repeat() {
    let d = date("2026-03-10");
    let mut l = Ledger::new(None, 0);
    // Read late first: the acquisition moves back twice.
    l.add(raw("3", d + chrono::Days::new(40), 0, 0, "a", None));
    l.add(raw("2", d + chrono::Days::new(5), 0, 0, "a", Some(1)));
    l.add(raw("1", d, 0, 0, "a", Some(0)));
    assert_eq!(
        folded(&l),
        vec![Acquisition {
            date: d,
            partnership: PartnershipIx::new(0),
            next: Some(5),
            customers: 1,
        }]
    );
}

#[test]
fn a_guest_order_dates_the_report_but_acquires_no_customer() {
    let d = date("2026-03-10");
    let mut l = Ledger::new(None, 0);
    l.add(raw("1", d, 0, 0, "a", Some(0)));
    l.add(raw("2", d + chrono::Days::new(9), 0, 0, "", Some(0)));
    assert_eq!(l.rows(), 2);
    assert_eq!(l.dates().keys().last(), Some(&(d + chrono::Days::new(9))));
    assert_eq!(folded(&l).len(), 1, "only a's order acquires a customer");
    // Its id is still an order id: given again, it is a duplicate.
    l.add(raw("2", d, 0, 0, "b", None));
    assert_eq!(l.duplicates().len(), 1);
}

#[test]
fn an_order_the_day_before_by_its_own_clock_does_not_repeat() {
    // b is 1 hour later than a, but at -12:00 its date is the day before.
    let d = date("2026-03-10");
    let mut l = Ledger::new(None, 0);
    l.add(raw("a", d, 30, 14, "x", Some(0)));
    l.add(raw("b", d - chrono::Days::new(1), 23 * 60, -12, "x", None));
    let orders: Vec<Order> = [
        raw("a", d, 30, 14, "x", Some(0)),
        raw("b", d - chrono::Days::new(1), 23 * 60, -12, "x", None),
    ]
    .iter()
    .map(order)
    .collect();
    assert_eq!(
        folded(&l),
        sorted(acquisitions(&orders, date("2027-01-01")))
    );
    assert_eq!(folded(&l)[0].next, None);
}

#[test]
fn ties_of_long_ids_break_by_the_whole_id() {
    let d = date("2026-03-10");
    let mut l = Ledger::new(None, 0);
    l.add(raw("order-2026-000000-b", d, 0, 0, "x", Some(1)));
    l.add(raw("order-2026-000000-a", d, 0, 0, "x", Some(0)));
    assert_eq!(folded(&l)[0].partnership, PartnershipIx::new(0));
}

#[test]
fn an_order_id_given_twice_is_kept_once_with_both_places() {
    let d = date("2026-03-10");
    let mut l = Ledger::new(None, 0);
    l.add(raw("1", d, 0, 0, "x", Some(0)));
    let mut again = raw("1", d, 0, 0, "y", Some(0));
    again.at = Cell::new(9, 1, 0);
    l.add(again);
    assert_eq!(l.duplicates().len(), 1);
    assert_eq!(
        (l.duplicates()[0].at.line, l.duplicates()[0].first),
        (9, (2, 1))
    );
    assert_eq!(folded(&l).len(), 1);
}

#[test]
fn orders_after_the_cutoff_are_counted_but_not_folded() {
    let d = date("2026-03-10");
    let mut l = Ledger::new(Some(d), 0);
    l.add(raw("1", d, 0, 0, "x", Some(0)));
    l.add(raw("2", d + chrono::Days::new(1), 0, 0, "x", Some(0)));
    l.add(raw("3", d + chrono::Days::new(1), 0, 0, "y", Some(0)));
    assert_eq!(
        folded(&l),
        vec![Acquisition {
            date: d,
            partnership: PartnershipIx::new(0),
            next: None,
            customers: 1,
        }]
    );
    assert_eq!(l.rows(), 3);
    assert_eq!(l.dates().values().map(|d| d.rows).sum::<usize>(), 3);
}

/// Random orders: few customers, ties on the instant, long and short ids,
/// time zones from -12:00 to +14:00, read in any order and split over two
/// files.
fn orders() -> impl Strategy<Value = Vec<RawOrder>> {
    let one = (
        0..6usize,
        0..60u64,
        0..4i64,
        -12..=14i32,
        0..4usize,
        any::<bool>(),
        0..3usize,
    );
    prop::collection::vec(one, 0..40).prop_map(|rows| {
        let base = date("2026-01-01");
        rows.into_iter()
            .enumerate()
            .map(|(i, (c, day, minutes, offset, p, long, tie))| {
                let id = match long {
                    true => format!("shop-order-number-{tie}-{i:04}"),
                    false => format!("{tie}{i}"),
                };
                let p = (p < 3).then_some(p);
                raw(
                    &id,
                    base + chrono::Days::new(day),
                    minutes * 420,
                    offset,
                    &format!("c{c}"),
                    p,
                )
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn the_ledger_gives_what_every_order_gives(rows in orders(), split in 0..40usize, cut in 0..70u64) {
        let as_of = date("2026-01-01") + chrono::Days::new(cut);
        let want = sorted(acquisitions(&rows.iter().map(order).collect::<Vec<_>>(), as_of));
        // One file.
        let mut one = Ledger::new(Some(as_of), 0);
        rows.iter().cloned().for_each(|r| one.add(r));
        prop_assert_eq!(folded(&one), want.clone());
        // Two files, merged as resolve merges them.
        let split = split.min(rows.len());
        let (mut a, mut b) = (Ledger::new(Some(as_of), 0), Ledger::new(Some(as_of), 0));
        rows[..split].iter().cloned().for_each(|r| a.add(r));
        rows[split..].iter().cloned().for_each(|r| b.add(r));
        let map = |l: &Ledger| -> Vec<Option<u32>> {
            l.named().iter().map(|n| n.id[1..].parse().ok()).collect()
        };
        let (ma, mb) = (map(&a), map(&b));
        let merged = Customers::merged([(a.customers(), &ma[..]), (b.customers(), &mb[..])]);
        let got: Vec<Acquisition> = merged
            .acquired()
            .filter_map(|x| Some(Acquisition { date: x.date, partnership: PartnershipIx::new(x.named? as usize), next: x.next, customers: 1 }))
            .collect();
        prop_assert_eq!(sorted(got), want);
    }
}
