//! Money ahead on hand-made partnerships, each figure worked out in the
//! comments (docs/metrics.md, "Money ahead", readings 23 and 24).

use rust_decimal::Decimal;

use super::*;
use crate::analytics::cost::tests_support::{d, date, retainer};
use crate::model::{Amount, Brand, Currency, ExtraCost, Language, Market, MarketId, Targets};

fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

/// A USD client with one market, `partnerships` started and `signed`.
fn client(partnerships: Vec<Partnership>, signed: Vec<Partnership>) -> Client {
    Client {
        id: crate::model::ClientId::new("c"),
        name: "C".into(),
        currency: usd(),
        language: Language::En,
        markets: vec![Market {
            id: MarketId::new("us"),
            name: "US".into(),
        }],
        targets: Targets::default(),
        brand: Brand::default(),
        partnerships,
        signed,
        budgets: Vec::new(),
        posts: Vec::new(),
        daily: Vec::new(),
        acquired: Vec::new(),
        month_notes: Default::default(),
        partnership_notes: Default::default(),
        internal_notes: Default::default(),
        page_size: crate::model::PageSize::Letter,
        assets: Vec::new(),
        archives: Vec::new(),
    }
}

/// RUB/USD at 0.011 in October 2026 and 0.02 from November: a booking
/// after an as_of in October must use 0.011.
fn fx() -> Fx {
    let mut fx = Fx::default();
    let rub = Currency::parse("RUB").unwrap();
    fx.insert(rub, usd(), Month::parse("2026-01").unwrap(), d("0.010"));
    fx.insert(rub, usd(), Month::parse("2026-10").unwrap(), d("0.011"));
    fx.insert(rub, usd(), Month::parse("2026-11").unwrap(), d("0.02"));
    fx
}

fn months(bookings: &[Booking]) -> Vec<(String, Decimal)> {
    bookings
        .iter()
        .map(|b| (b.month.to_string(), b.amount))
        .collect()
}

#[test]
fn a_retainer_ending_mid_month_after_as_of_commits_at_the_as_of_rate() {
    // 3100 RUB a month to 15 November, as of 20 October: 21-31 October is
    // 11/31 of 3100 = 1100 RUB, 1-15 November 15/30 = 1550 RUB, both at
    // October's 0.011: 12.1 and 17.05 USD.
    let mut p = retainer("2026-01-01", Some("2026-11-15"), "3100");
    p.fee.currency = Currency::parse("RUB").unwrap();
    let c = client(vec![p.clone()], Vec::new());
    let got = committed(&p, date("2026-10-20"), &fx(), &c);
    assert_eq!(
        months(&got),
        [
            ("2026-10".into(), d("12.1")),
            ("2026-11".into(), d("17.05"))
        ]
    );
    // Its fee a month, at the future rate: 3100 x 0.011.
    assert_eq!(
        monthly_fee(&p, &fx(), &c, date("2026-10-20")),
        Some(d("34.1"))
    );
}

#[test]
fn a_one_off_and_a_retainer_signed_to_start_later_commit_their_schedule() {
    let as_of = date("2026-10-20");
    // A one-off of 500 on 5 December, seeding of 100 on 20 November, and
    // seeding on 1 October, before as_of: that one counts nowhere.
    let mut one_off = retainer("2026-12-05", None, "500");
    one_off.model = Model::OneOff;
    for (day, amount) in [("2026-11-20", "100"), ("2026-10-01", "40")] {
        one_off.extra_costs.push(ExtraCost {
            date: date(day),
            amount: Amount {
                value: d(amount),
                currency: usd(),
            },
            label: Some("Seeding".into()),
        });
    }
    // 3000 a month, 16 November to 15 January: 15/30 x 3000 = 1500, 3000,
    // then 15/31 x 3000 = 1451.6129...
    let future = retainer("2026-11-16", Some("2027-01-15"), "3000");
    let c = client(Vec::new(), vec![one_off, future]);
    let ahead = ahead(&c, &fx(), as_of);
    assert_eq!(
        months(&ahead.signed[0]),
        [("2026-12".into(), d("500")), ("2026-11".into(), d("100"))]
    );
    let jan = d("3000") * d("15") / d("31");
    assert_eq!(
        months(&ahead.signed[1]),
        [
            ("2026-11".into(), d("1500")),
            ("2026-12".into(), d("3000")),
            ("2027-01".into(), jan)
        ]
    );
    let p = portfolio(&c, (&fx(), as_of), &ahead, &[]);
    assert_eq!(p.committed, d("5100") + jan);
    // From October (the day after as_of is in it) to January, October empty.
    let by: Vec<(String, Decimal)> = p
        .committed_by_month
        .iter()
        .map(|m| (m.month.to_string(), m.amount))
        .collect();
    assert_eq!(
        by,
        [
            ("2026-10".into(), d("0")),
            ("2026-11".into(), d("1600")),
            ("2026-12".into(), d("3500")),
            ("2027-01".into(), jan)
        ]
    );
    // Neither is under way: no run-rate.
    assert_eq!(p.monthly_run_rate, Decimal::ZERO);
}

#[test]
fn an_open_ended_retainer_commits_nothing_and_runs_on() {
    let as_of = date("2026-10-20");
    let open = retainer("2026-01-01", None, "1000");
    let ending = retainer("2026-01-01", Some("2026-10-20"), "500");
    let c = client(vec![open.clone(), ending.clone()], Vec::new());
    assert!(committed(&open, as_of, &fx(), &c).is_empty());
    // Ending on as_of: active, commits nothing.
    assert!(committed(&ending, as_of, &fx(), &c).is_empty());
    let ahead = ahead(&c, &fx(), as_of);
    let p = portfolio(&c, (&fx(), as_of), &ahead, &[]);
    assert_eq!(p.committed, Decimal::ZERO);
    assert!(p.committed_by_month.is_empty());
    assert_eq!(p.monthly_run_rate, d("1500"));
    assert_eq!(p.annual_run_rate, d("18000"));
    assert_eq!(p.open_ended_monthly, d("1000"));
}

#[test]
fn an_open_ended_retainer_continues_at_its_fee_for_twelve_months_after_the_report_date() {
    // 3100 RUB a month, open-ended, as of 20 October: 21-31 October is
    // 11/31 of 3100 = 1100 RUB, then 3100 RUB in each month November 2026
    // to October 2027, all at October's 0.011 (not November's 0.02): 12.1
    // USD, then 34.1 USD twelve times.
    let as_of = date("2026-10-20");
    let mut open = retainer("2026-01-01", None, "3100");
    open.fee.currency = Currency::parse("RUB").unwrap();
    let ending = retainer("2026-01-01", Some("2027-01-31"), "500");
    let later = retainer("2026-11-01", None, "800");
    let c = client(vec![open.clone(), ending.clone()], vec![later.clone()]);
    let got = continuing(&open, &fx(), &c, as_of);
    assert_eq!(got.len(), 13);
    assert_eq!(months(&got[..1]), [("2026-10".into(), d("12.1"))]);
    assert!(got[1..].iter().all(|b| b.amount == d("34.1")));
    assert_eq!(got[1].month.to_string(), "2026-11");
    assert_eq!(got[12].month.to_string(), "2027-10");
    // No month after the report date's falls below the fee.
    assert!(
        got[1..]
            .iter()
            .all(|b| b.amount >= monthly_fee(&open, &fx(), &c, as_of).unwrap())
    );
    // A retainer with an end is committed, not continuing; one not started
    // is not active.
    assert!(continuing(&ending, &fx(), &c, as_of).is_empty());
    assert!(continuing(&later, &fx(), &c, as_of).is_empty());
    // As of a month's last day, the next month is the first booked.
    let got = continuing(&open, &fx(), &c, date("2026-10-31"));
    assert_eq!(got.len(), 12);
    assert_eq!(got[0].month.to_string(), "2026-11");
}

#[test]
fn budgets_of_a_year_a_quarter_and_a_month() {
    // 1000 a month from 1 January, open-ended, as of 20 October: spent in
    // 2026 is 9 x 1000 + 20/31 x 1000; it goes on for 11/31 of October,
    // November and December, so 2026 is projected at 12000 exactly.
    let as_of = date("2026-10-20");
    let p = retainer("2026-01-01", None, "1000");
    let mut c = client(vec![p.clone()], Vec::new());
    for (key, amount) in [("2026", "11000"), ("2026-Q4", "3500"), ("2026-11", "900")] {
        let (start, end) = Budget::period_of(key).unwrap();
        c.budgets.push(Budget {
            period: key.into(),
            start,
            end,
            amount: d(amount),
        });
    }
    let to_date = crate::analytics::cost::bookings(&p, as_of, &fx(), usd());
    let ahead = ahead(&c, &fx(), as_of);
    let got = budgets(&c, (&fx(), as_of), &ahead, &[&to_date]);
    let oct = d("1000") * d("20") / d("31");
    let year = &got[0];
    assert_eq!(year.spent, d("9000") + oct);
    assert_eq!(year.committed, Decimal::ZERO);
    assert_eq!(year.projected, d("12000"));
    assert_eq!(year.remaining, d("-1000"));
    // 1 January to 20 October is 293 of 365 days.
    assert_eq!(year.elapsed, 293.0 / 365.0);
    let q4 = &got[1];
    assert_eq!(q4.spent, oct);
    assert_eq!(q4.projected, d("3000"));
    assert_eq!(q4.elapsed, 20.0 / 92.0);
    let nov = &got[2];
    assert_eq!(
        (nov.spent, nov.projected, nov.elapsed),
        (Decimal::ZERO, d("1000"), 0.0)
    );
    assert_eq!(nov.pacing, Some(0.0));
    assert_eq!(Budget::period_of("2026-Q5"), None);
    assert_eq!(Budget::period_of("2026-13"), None);
    assert_eq!(Budget::period_of("26"), None);
}

#[test]
fn renewals_within_0_to_90_days_by_end() {
    let as_of = date("2026-10-20");
    let mut list = Vec::new();
    for (id, end) in [
        ("later", "2027-01-19"),  // 91 days: not yet
        ("ninety", "2027-01-18"), // 90 days
        ("today", "2026-10-20"),  // 0 days
        ("ended", "2026-10-19"),  // -1: ended
    ] {
        let mut p = retainer("2026-01-01", Some(end), "100");
        p.id = crate::model::PartnershipId::new(id);
        list.push(p);
    }
    let c = client(list, Vec::new());
    let got = renewals(&c, (&fx(), as_of), |_| None);
    let ids: Vec<(&str, i64)> = got.iter().map(|r| (r.id.as_str(), r.days_left)).collect();
    assert_eq!(ids, [("today", 0), ("ninety", 90)]);
}
