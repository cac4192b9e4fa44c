//! The reducer by hand; the ledger's property test checks it against every
//! order (`load/table/ledger_tests.rs`).

use super::*;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Seconds since the epoch of `day` at `hour`:00 UTC.
fn at(day: &str, hour: i64) -> i64 {
    midnight(date(day)) + hour * 3600
}

#[test]
fn an_earlier_order_takes_over_the_acquisition_and_the_old_one_can_repeat() {
    let mut c = Customers::default();
    let ann = digest("ann");
    // Read out of order: 10 March first, then 1 March, then 30 March.
    c.add(ann, "o2", at("2026-03-10", 9), date("2026-03-10"), Some(0));
    c.add(ann, "o1", at("2026-03-01", 9), date("2026-03-01"), Some(1));
    c.add(ann, "o3", at("2026-03-30", 9), date("2026-03-30"), None);
    let got: Vec<Acquired> = c.acquired().collect();
    // Acquired on 1 March by partnership 1; next order 9 days later.
    assert_eq!(
        got,
        vec![Acquired {
            date: date("2026-03-01"),
            named: Some(1),
            next: Some(9),
        }]
    );
}

#[test]
fn the_same_instant_breaks_the_tie_by_order_id_and_the_same_order_counts_once() {
    let mut c = Customers::default();
    let bo = digest("bo");
    let noon = at("2026-04-02", 12);
    c.add(bo, "b", noon, date("2026-04-02"), Some(0));
    c.add(bo, "a", noon, date("2026-04-02"), Some(2));
    // "a" again, read from a second file: no other order.
    c.add(bo, "a", noon, date("2026-04-02"), Some(2));
    let got: Vec<Acquired> = c.acquired().collect();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].named, Some(2));
    // "b" the same day is the next order, 0 days on.
    assert_eq!(got[0].next, Some(0));
}

#[test]
fn files_merged_map_their_partnerships_and_count_a_shared_order_once() {
    let cy = digest("cy");
    let mut a = Customers::default();
    a.add(cy, "o1", at("2026-05-01", 8), date("2026-05-01"), Some(0));
    let mut b = Customers::default();
    // The same order in an imported copy, and a later one.
    b.add(cy, "o1", at("2026-05-01", 8), date("2026-05-01"), Some(0));
    b.add(cy, "o9", at("2026-05-21", 8), date("2026-05-21"), None);
    let merged = Customers::merged([(&a, &[Some(7)][..]), (&b, &[Some(7)][..])]);
    let got: Vec<Acquired> = merged.acquired().collect();
    assert_eq!(
        got,
        vec![Acquired {
            date: date("2026-05-01"),
            named: Some(7),
            next: Some(20),
        }]
    );
}

#[test]
fn a_long_order_id_is_kept_whole() {
    let mut c = Customers::default();
    let dee = digest("dee");
    let long = "shopify-order-000000000000000001";
    let longer = "shopify-order-000000000000000002";
    c.add(
        dee,
        longer,
        at("2026-06-01", 8),
        date("2026-06-01"),
        Some(0),
    );
    c.add(dee, long, at("2026-06-01", 8), date("2026-06-01"), Some(1));
    // Ties by id: the shorter-numbered long id wins, so its whole id was kept.
    c.add(dee, long, at("2026-06-01", 8), date("2026-06-01"), Some(1));
    let got: Vec<Acquired> = c.acquired().collect();
    assert_eq!(got[0].named, Some(1));
    assert_eq!(got[0].next, Some(0));
}
