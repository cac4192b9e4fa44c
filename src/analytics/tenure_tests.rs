//! The months of a partnership by hand, and a property: every
//! partnership's months add up to its cost, revenue and conversions to
//! date, exactly.

use proptest::prelude::*;

use super::*;
use crate::analytics::cost::tests_support::{d, date, retainer};
use crate::model::{Amount, ExtraCost};

const USD: &str = "USD";

fn usd() -> Currency {
    Currency::parse(USD).unwrap()
}

/// The months as the amounts fall, unsettled: what these tests compute
/// by hand. The property below checks that settling moves no amount.
fn of(p: &Partnership, posts: Vec<PostMoney>, as_of: &str) -> Months {
    unsettled(p, posts, (&Fx::default(), usd()), date(as_of))
}

fn costs(m: &Months) -> Vec<Decimal> {
    m.booked.iter().map(|b| b.cost).collect()
}

fn extra(on: &str, amount: &str) -> ExtraCost {
    ExtraCost {
        date: date(on),
        amount: Amount {
            value: d(amount),
            currency: usd(),
        },
        label: None,
    }
}

#[test]
fn a_retainer_from_the_31st_splits_february_and_march_by_their_days() {
    // Months: 31 Jan to 27 Feb, 28 Feb to 30 Mar, 31 Mar on (the
    // anniversaries are 28 February and 31 March).
    let p = retainer("2026-01-31", None, "2800");
    let m = of(&p, Vec::new(), "2026-03-31");
    let jan = d("2800") / d("31");
    let feb_1_to_27 = d("2700"); // 2800 x 27/28
    let feb_28 = d("100"); // what February's 2800 leaves
    let mar_1_to_30 = d("2800") * d("30") / d("31");
    let mar_31 = d("2800") - mar_1_to_30;
    assert_eq!(costs(&m), [jan + feb_1_to_27, feb_28 + mar_1_to_30, mar_31]);
    // Month 3 is the current month of a retainer still running.
    assert_eq!(m.current(), 3);
    assert!(m.complete(2) && !m.complete(3));
    assert_eq!(
        costs(&m).iter().sum::<Decimal>(),
        d("2800") / d("31") + d("5600")
    );
}

#[test]
fn a_seeding_before_start_is_month_1_and_a_post_after_end_the_last() {
    // Months: 10 Jan to 9 Feb, 10 Feb to 9 Mar, 10 Mar to the end (15 Mar).
    let mut p = retainer("2026-01-10", Some("2026-03-15"), "3100");
    p.extra_costs = vec![extra("2026-01-02", "50"), extra("2026-02-20", "7")];
    let posts = vec![
        (date("2026-01-05"), Some(d("10")), Some(1)),
        (date("2026-04-20"), Some(d("300")), Some(4)),
        (date("2026-02-10"), None, None),
    ];
    let m = of(&p, posts, "2026-05-31");
    assert_eq!(m.current(), 3);
    // Ended before the report date: every month is complete.
    assert!(m.complete(3));
    assert_eq!(m.booked[0].revenue, d("10"));
    assert_eq!(m.booked[0].conversions, 1);
    // The seeding of 2 January is month 1's.
    let jan = d("3100") * d("22") / d("31");
    let feb_1_to_9 = d("3100") * d("9") / d("28");
    assert_eq!(m.booked[0].cost, jan + feb_1_to_9 + d("50"));
    // A post with no revenue or conversions adds nothing to month 2.
    assert_eq!((m.booked[1].revenue, m.booked[1].conversions), (d("0"), 0));
    // 20 April is after the end: month 3, the last.
    assert_eq!(
        (m.booked[2].revenue, m.booked[2].conversions),
        (d("300"), 4)
    );
    let mar = d("3100") * d("15") / d("31");
    let feb = d("3100") - feb_1_to_9;
    let mar_1_to_9 = d("3100") * d("9") / d("31");
    assert_eq!(m.booked[1].cost, feb + mar_1_to_9 + d("7"));
    assert_eq!(m.booked[2].cost, mar - mar_1_to_9);
}

#[test]
fn a_one_off_is_month_1_whole_and_complete() {
    let mut p = retainer("2026-04-10", None, "900");
    p.model = Model::OneOff;
    p.extra_costs = vec![extra("2026-06-01", "25")];
    let posts = vec![(date("2026-07-01"), Some(d("1500")), Some(12))];
    let m = of(&p, posts, "2026-08-31");
    assert_eq!(m.current(), 1);
    assert!(m.complete(1));
    assert_eq!(
        m.booked,
        [Booked {
            cost: d("925"),
            revenue: d("1500"),
            conversions: 12
        }]
    );
}

#[test]
fn each_day_keeps_its_calendar_months_rate_inside_one_partnership_month() {
    let (rub, usd) = (Currency::parse("RUB").unwrap(), usd());
    let mut fx = Fx::default();
    fx.insert(rub, usd, Month::parse("2026-01").unwrap(), d("0.01"));
    fx.insert(rub, usd, Month::parse("2026-02").unwrap(), d("0.02"));
    let mut p = retainer("2026-01-15", None, "31000");
    p.fee.currency = rub;
    // Month 1 runs 15 January to 14 February: 17 days of January at 0.01
    // (31000 x 17/31 = 17000 RUB, $170) and 14 of February at 0.02
    // (31000 x 14/28 = 15500 RUB, $310).
    let m = unsettled(&p, Vec::new(), (&fx, usd), date("2026-02-14"));
    assert_eq!(costs(&m), [d("480")]);
    // Still running on its last day: in progress.
    assert!(!m.complete(1));
}

#[test]
fn a_retainer_that_ended_mid_month_is_complete_and_pools_apart_from_one_running() {
    let ended = retainer("2026-01-01", Some("2026-02-14"), "2800");
    let running = retainer("2026-01-01", None, "3100");
    let as_of = "2026-02-20";
    let months = vec![
        of(&ended, Vec::new(), as_of),
        of(&running, Vec::new(), as_of),
    ];
    assert!(months[0].complete(2));
    assert!(!months[1].complete(2));
    let c = client(vec![ended, running]);
    let t = tenure(&c, &months);
    assert_eq!(t.len(), 2);
    // Month 1 (January): both complete; $2,800 + $3,100, no revenue.
    assert_eq!((t[0].month, t[0].n, t[0].n_in_progress), (1, 2, 0));
    assert_eq!(t[0].cost, d("5900"));
    assert_eq!(t[0].roi, Some(-1.0));
    assert_eq!(t[0].cpa, None);
    // Month 2: only the ended one (14 days of 28: $1,400); the running
    // one is in progress and left out, of the cumulative sums too.
    assert_eq!((t[1].month, t[1].n, t[1].n_in_progress), (2, 1, 1));
    assert_eq!(t[1].cost, d("1400"));
    assert_eq!(t[1].cumulative_cost, d("4200"));
    assert_eq!(t[1].cumulative_revenue, d("0"));
}

#[test]
fn a_month_nobody_completed_has_every_ratio_undefined() {
    let running = retainer("2026-01-01", None, "3100");
    let months = vec![of(
        &running,
        vec![(date("2026-01-09"), Some(d("40")), Some(2))],
        "2026-01-20",
    )];
    let t = tenure(&client(vec![running]), &months);
    assert_eq!((t[0].n, t[0].n_in_progress), (0, 1));
    assert_eq!(
        (t[0].cost, t[0].revenue, t[0].conversions),
        (d("0"), d("0"), 0)
    );
    assert_eq!(
        (t[0].roi, t[0].cpa, t[0].cumulative_roi),
        (None, None, None)
    );
}

#[test]
fn the_pooled_ratios_are_of_the_sums() {
    let (a, b) = (
        retainer("2026-01-01", Some("2026-01-31"), "1000"),
        retainer("2026-01-01", Some("2026-01-31"), "3000"),
    );
    let as_of = "2026-03-31";
    let months = vec![
        of(
            &a,
            vec![(date("2026-01-05"), Some(d("3000")), Some(10))],
            as_of,
        ),
        of(
            &b,
            vec![(date("2026-01-05"), Some(d("3000")), Some(30))],
            as_of,
        ),
    ];
    let t = tenure(&client(vec![a, b]), &months);
    // (6000 - 4000) / 4000, not the mean of 200% and 0%.
    assert_eq!(t[0].roi, Some(0.5));
    assert_eq!(t[0].cpa, Some(d("100")));
    assert_eq!(t[0].cumulative_roi, Some(0.5));
}

/// A client holding `partnerships`, for [`tenure`].
fn client(partnerships: Vec<Partnership>) -> Client {
    crate::analytics::tests::client(partnerships, Vec::new())
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..900).prop_map(|n| date("2025-01-01") + chrono::Duration::days(n))
}

proptest! {
    #[test]
    fn every_partnerships_months_add_up_to_its_cost_and_revenue_to_date(
        start in any_date(),
        end in proptest::option::of(0i64..500),
        as_of in 0i64..900,
        one_off in any::<bool>(),
        fee in 1u64..10_000_000,
        cents in 0u64..100,
        extras in proptest::collection::vec((-60i64..600, 1u64..100_000), 0..4),
        posts in proptest::collection::vec((-60i64..900, proptest::option::of(0u64..1_000_000), proptest::option::of(0u64..500)), 0..12),
    ) {
        let as_of = start + chrono::Duration::days(as_of);
        let mut p = retainer("2025-01-01", None, "1");
        p.start = start;
        p.end = end.map(|e| start + chrono::Duration::days(e));
        p.model = if one_off { Model::OneOff } else { Model::Retainer };
        p.fee.value = Decimal::from(fee) + Decimal::new(cents as i64, 2);
        p.extra_costs = extras
            .iter()
            .map(|&(at, amount)| extra(&(start + chrono::Duration::days(at)).to_string(), &amount.to_string()))
            .collect();
        let posts: Vec<PostMoney> = posts
            .iter()
            .map(|&(at, r, c)| (start + chrono::Duration::days(at), r.map(|r| Decimal::new(r as i64, 2)), c))
            .filter(|(day, _, _)| *day <= as_of)
            .collect();
        // The partnership's own sums, as the tally makes them.
        let cost: Decimal = cost::bookings(&p, as_of, &Fx::default(), usd()).iter().map(|b| b.amount).sum();
        let revenue: Decimal = posts.iter().filter_map(|p| p.1).sum();
        let fell = of(&p, posts.clone(), &as_of.to_string());
        let m = months(&p, posts.clone(), (&Fx::default(), usd()), as_of, (cost, revenue));
        let got: Booked = m.booked.iter().fold(Booked::default(), |mut a, b| { a += *b; a });
        prop_assert_eq!(got.cost, cost);
        prop_assert_eq!(got.revenue, revenue);
        prop_assert_eq!(got.conversions, posts.iter().filter_map(|p| p.2).sum::<u64>());
        prop_assert_eq!(m.current(), life::current_month(&p, as_of).max(1));
        // Settling moved rounding only: every month as its amounts fell,
        // to the 20th significant digit of the partnership's cost.
        let (n, last) = (m.booked.len() - 1, m.booked.len());
        prop_assert_eq!(&m.booked[..n], &fell.booked[..n]);
        let close = |a: Decimal, b: Decimal, of: Decimal| (a - b).abs() <= of.abs() * Decimal::new(1, 20) + Decimal::new(1, 20);
        prop_assert!(close(m.booked[last - 1].cost, fell.booked[last - 1].cost, cost), "{:?} against {:?}", m.booked, fell.booked);
        prop_assert!(close(m.booked[last - 1].revenue, fell.booked[last - 1].revenue, revenue));
    }
}
