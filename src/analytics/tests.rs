//! Whole-client figures on small hand-made clients, each expectation worked
//! out in the comments.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::analytics::cost::tests_support::retainer;
use crate::model::{
    Brand, Client, Counts, Currency, DailyRow, Language, Market, Model, Order, Post, PostKind,
    Settings, Targets,
};

pub(super) fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

pub(super) fn settings() -> Settings {
    Settings {
        title: "t".into(),
        ..Settings::default()
    }
}

pub(super) fn post(
    id: &str,
    p: usize,
    day: &str,
    kind: PostKind,
    reach: Option<u64>,
    eng: Option<u64>,
    rev: Option<&str>,
) -> Post {
    let date = date(day);
    Post {
        id: id.into(),
        partnership: crate::model::PartnershipIx::new(p),
        date,
        instant: date.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp(),
        kind,
        counts: Counts {
            reach,
            engagements: eng,
            conversions: Some(1),
            ..Counts::default()
        },
        revenue: rev.map(d),
        currency: Currency::parse("USD").unwrap(),
        url: None,
    }
}

pub(super) fn client(partnerships: Vec<crate::model::Partnership>, posts: Vec<Post>) -> Client {
    Client {
        id: crate::model::ClientId::new("c"),
        name: "C".into(),
        currency: Currency::parse("USD").unwrap(),
        language: Language::En,
        markets: vec![
            Market {
                id: crate::model::MarketId::new("ru"),
                name: "Russia".into(),
            },
            Market {
                id: crate::model::MarketId::new("us"),
                name: "US".into(),
            },
        ],
        targets: Targets::default(),
        brand: Brand::default(),
        partnerships,
        signed: Vec::new(),
        budgets: Vec::new(),
        posts,
        daily: Vec::new(),
        acquired: Vec::new(),
        month_notes: BTreeMap::new(),
        partnership_notes: BTreeMap::new(),
        internal_notes: Default::default(),
        page_size: crate::model::PageSize::Letter,
        assets: Vec::new(),
        archives: Vec::new(),
    }
}

#[test]
fn organic_posts_count_in_sums_but_get_no_number() {
    // A retainer from 09-01 at 3000/month, as_of 09-30: cost 3000 x 30/30.
    // Posts: sponsored 09-02 (1000 reach, 40 eng), organic 09-03 (500, 50),
    // sponsored 09-05 (unknown reach, 30 eng), sponsored 09-20 (1000, 60).
    let p = retainer("2026-09-01", None, "3000");
    let posts = vec![
        post(
            "a",
            0,
            "2026-09-02",
            PostKind::Sponsored,
            Some(1000),
            Some(40),
            Some("100"),
        ),
        post(
            "b",
            0,
            "2026-09-03",
            PostKind::Organic,
            Some(500),
            Some(50),
            None,
        ),
        post(
            "c",
            0,
            "2026-09-05",
            PostKind::Sponsored,
            None,
            Some(30),
            Some("50"),
        ),
        post(
            "d",
            0,
            "2026-09-20",
            PostKind::Sponsored,
            Some(1000),
            Some(60),
            Some("10"),
        ),
    ];
    let f = super::client(&client(vec![p], posts), &settings(), date("2026-09-30"));
    let pf = &f.partnerships[0];
    // Reach sums known cells: 2500; engagements all: 180; the rate pools only
    // posts whose own rate is defined: (40 + 50 + 60) / 2500 = 0.06.
    assert_eq!((pf.figures.reach, pf.figures.engagements), (2500, 180));
    assert_eq!(pf.figures.engagement_rate, Some(0.06));
    assert_eq!((pf.sponsored_posts, pf.organic_posts), (3, 1));
    // Revenue 160 against cost 3000: ROI (160 - 3000) / 3000.
    assert_eq!(pf.figures.cost, d("3000"));
    assert_eq!(pf.figures.roi, Some((160.0 - 3000.0) / 3000.0));
    // Post numbers: a 1, c 2, d 3; the organic post has none.
    let numbers: Vec<Option<u32>> = f.posts.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), None, Some(2), Some(3)]);
    // Post 2's rate is undefined: its entry has n 0 and no mean.
    let k2 = &f.engagement_by_post_number[1];
    assert_eq!(
        (k2.post_number, k2.n, k2.mean_engagement_rate),
        (2, 0, None)
    );
    // Trend needs 3 defined rates: only a (0.04) and d (0.06) -> undefined.
    assert_eq!(pf.engagement_trend, None);
}

#[test]
fn posts_after_as_of_and_partnerships_starting_after_it_count_nowhere() {
    // The model leaves out partnerships starting after as_of; here a post of
    // the retainer dated after as_of must not count.
    let p = retainer("2026-09-01", None, "3000");
    let posts = vec![
        post(
            "a",
            0,
            "2026-09-02",
            PostKind::Sponsored,
            Some(1000),
            Some(40),
            Some("100"),
        ),
        post(
            "z",
            0,
            "2026-10-02",
            PostKind::Sponsored,
            Some(1000),
            Some(40),
            Some("999"),
        ),
    ];
    let f = super::client(&client(vec![p], posts), &settings(), date("2026-09-30"));
    assert_eq!(f.portfolio.figures.revenue, d("100"));
    assert_eq!(f.portfolio.sponsored_posts, 1);
    let months: Vec<String> = f.months.iter().map(|m| m.month.to_string()).collect();
    assert_eq!(months, ["2026-09"]);
}

#[test]
fn months_run_from_the_first_activity_to_as_of_without_gaps() {
    // A one-off on 2026-06-15 for 1000 and a post on 06-16; as_of 08-10:
    // June has the cost and the post, July and August are listed empty.
    let mut p = retainer("2026-06-15", None, "1000");
    p.model = Model::OneOff;
    let posts = vec![post(
        "a",
        0,
        "2026-06-16",
        PostKind::Sponsored,
        Some(100),
        Some(5),
        Some("1500"),
    )];
    let f = super::client(&client(vec![p], posts), &settings(), date("2026-08-10"));
    let months: Vec<(String, Option<f64>)> = f
        .months
        .iter()
        .map(|m| (m.month.to_string(), m.figures.roi))
        .collect();
    // June ROI (1500 - 1000) / 1000 = 0.5; July and August have no cost: n/a.
    assert_eq!(
        months,
        [
            ("2026-06".to_string(), Some(0.5)),
            ("2026-07".to_string(), None),
            ("2026-08".to_string(), None)
        ]
    );
    // One-offs: month 1, no phase, no recommendation, no contracted posts.
    let pf = &f.partnerships[0];
    assert_eq!(
        (pf.month, pf.phase, pf.recommendation, pf.contracted_posts),
        (1, None, None, None)
    );
    assert_eq!(f.models.len(), 1);
    // Every market is listed, one without partnerships with n 0.
    assert_eq!(f.markets.len(), 2);
    assert_eq!(f.markets[1].creator_roi.n, 0);
    assert_eq!(f.markets[1].figures.roi, None);
}

#[test]
fn fulfilment_divides_delivered_by_prorated_contracted_posts() {
    // 2 posts a month from 09-16 to as_of 10-15: September 15/30, October
    // 15/31 -> 2 x (0.5 + 15/31) = 1.9677...; 2 delivered -> 1.0164...
    let mut p = retainer("2026-09-16", None, "3000");
    p.posts_per_month = Some(d("2"));
    let posts = vec![
        post(
            "a",
            0,
            "2026-09-20",
            PostKind::Sponsored,
            Some(1),
            Some(1),
            None,
        ),
        post(
            "b",
            0,
            "2026-10-01",
            PostKind::Sponsored,
            Some(1),
            Some(1),
            None,
        ),
    ];
    let f = super::client(&client(vec![p], posts), &settings(), date("2026-10-15"));
    let pf = &f.partnerships[0];
    let contracted = d("2") * (d("15") / d("30") + d("15") / d("31"));
    assert_eq!(pf.contracted_posts, Some(contracted));
    let want = 2.0 / (2.0 * (0.5 + 15.0 / 31.0));
    assert!((pf.fulfilment.unwrap() - want).abs() < 1e-12);
}

#[test]
fn decay_and_window_use_sponsored_rows_dated_to_date() {
    // A post on 10-01; rows for days 1..3 dated 10-01, 10-02, 10-03; as_of
    // 10-02 keeps days 1 and 2 only. An organic post's rows count nowhere.
    let p = retainer("2026-09-01", None, "3000");
    let posts = vec![
        post(
            "a",
            0,
            "2026-10-01",
            PostKind::Sponsored,
            Some(1),
            Some(1),
            None,
        ),
        post(
            "o",
            0,
            "2026-10-01",
            PostKind::Organic,
            Some(1),
            Some(1),
            None,
        ),
    ];
    let mut c = client(vec![p], posts);
    let row = |post, day, conv| DailyRow {
        post: crate::model::PostIx::new(post),
        day,
        counts: Counts {
            reach: Some(100),
            engagements: Some(5),
            conversions: Some(conv),
            ..Counts::default()
        },
        revenue: None,
    };
    c.daily = vec![row(0, 1, 3), row(0, 2, 1), row(0, 3, 6), row(1, 1, 50)];
    let f = super::client(&c, &settings(), date("2026-10-02"));
    assert_eq!(f.engagement_decay.len(), 2);
    assert_eq!(f.engagement_decay[0].engagement_rate, Some(0.05));
    // Conversions 3 then 1: shares 0.75, 1.0; 90% reached on day 2.
    let w = &f.conversion_window[0];
    assert_eq!(w.days_to_90pct, Some(2));
    assert_eq!(
        w.cumulative.iter().map(|s| s.share).collect::<Vec<_>>(),
        [Some(0.75), Some(1.0)]
    );
}

#[test]
fn repeat_rates_roll_up_by_acquiring_partnership() {
    // p0 (ru) acquires x and y, x repeats; p1 (us) acquires z, who does not.
    let p0 = retainer("2026-01-01", None, "1");
    let mut p1 = retainer("2026-01-01", None, "1");
    p1.id = crate::model::PartnershipId::new("q");
    p1.market = crate::model::MarketIx::new(1);
    let mut c = client(vec![p0, p1], Vec::new());
    let order = |id: &str, day: &str, cust: &str, p: Option<usize>| {
        let date = date(day);
        Order {
            id: id.into(),
            date,
            instant: date.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp(),
            customer: cust.into(),
            partnership: p.map(crate::model::PartnershipIx::new),
        }
    };
    let orders = [
        order("1", "2026-02-01", "x", Some(0)),
        order("2", "2026-02-10", "x", None),
        order("3", "2026-02-01", "y", Some(0)),
        order("4", "2026-02-01", "z", Some(1)),
    ];
    c.acquired = super::repeat::acquisitions(&orders, date("2026-10-01"));
    let f = super::client(&c, &settings(), date("2026-10-01"));
    // p0: 1 of 2; p1: 0 of 1; portfolio 1 of 3.
    assert_eq!(f.partnerships[0].repeat_purchase_rate, Some(0.5));
    assert_eq!(f.markets[1].repeat_purchase_rate, Some(0.0));
    assert_eq!(f.portfolio.repeat_purchase_rate, Some(1.0 / 3.0));
}

#[test]
fn a_months_creators_add_up_to_the_months_totals() {
    // A retainer (2 posts a month) from 09-16 at 3000 and a one-off of 1000
    // on 10-05 with an extra cost of 200 on 08-20, before its start; as_of
    // 10-15. August: the extra cost alone (200), the one-off active by it.
    // September: the retainer, 3000 x 15/30 = 1500, one post of revenue 100.
    // October: 3000 x 15/31 and the one-off's 1000, a post each (40, 2500),
    // and an organic mention of the retainer's (revenue 10).
    let mut r = retainer("2026-09-16", None, "3000");
    r.posts_per_month = Some(d("2"));
    let mut o = retainer("2026-10-05", None, "1000");
    o.model = Model::OneOff;
    o.extra_costs = vec![crate::model::ExtraCost {
        date: date("2026-08-20"),
        amount: crate::model::Amount {
            value: d("200"),
            currency: Currency::parse("USD").unwrap(),
        },
        label: None,
    }];
    let (s, org) = (PostKind::Sponsored, PostKind::Organic);
    let posts = vec![
        post("a", 0, "2026-09-20", s, Some(9), Some(1), Some("100")),
        post("b", 0, "2026-10-01", s, Some(9), Some(1), Some("40")),
        post("c", 0, "2026-10-02", org, Some(9), Some(1), Some("10")),
        post("d", 1, "2026-10-06", s, Some(9), Some(1), Some("2500")),
    ];
    let f = super::client(&client(vec![r, o], posts), &settings(), date("2026-10-15"));
    let active: Vec<(String, Vec<usize>)> = f
        .months
        .iter()
        .map(|m| {
            let ids = m.creators.iter().map(|c| c.partnership).collect();
            (m.month.to_string(), ids)
        })
        .collect();
    assert_eq!(
        active,
        [
            ("2026-08".to_string(), vec![1]),
            ("2026-09".to_string(), vec![0]),
            ("2026-10".to_string(), vec![0, 1])
        ]
    );
    for m in &f.months {
        let sum = |get: fn(&crate::analytics::creators::CreatorMonth) -> Decimal| {
            m.creators.iter().map(get).sum::<Decimal>()
        };
        assert_eq!(sum(|c| c.figures.cost), m.figures.cost, "{}", m.month);
        assert_eq!(sum(|c| c.figures.revenue), m.figures.revenue);
        assert_eq!(
            sum(|c| c.figures.conversions.into()),
            Decimal::from(m.figures.conversions)
        );
        assert_eq!(sum(|c| c.sponsored_posts.into()), m.sponsored_posts.into());
        assert_eq!(sum(|c| c.organic_posts.into()), m.organic_posts.into());
    }
    // October by creator: the retainer 3000 x 15/31 with revenue 40 + 10,
    // one sponsored post against 2 x 15/31 contracted; the one-off 1000 with
    // revenue 2500, ROI 1.5, no deliverables.
    let oct = &f.months[2].creators;
    assert_eq!(oct[0].figures.cost, d("3000") * d("15") / d("31"));
    assert_eq!(oct[0].figures.revenue, d("50"));
    assert_eq!((oct[0].sponsored_posts, oct[0].organic_posts), (1, 1));
    assert_eq!(oct[0].contracted_posts, Some(d("2") * (d("15") / d("31"))));
    assert_eq!(
        (oct[1].figures.cost, oct[1].figures.roi),
        (d("1000"), Some(1.5))
    );
    assert_eq!(oct[1].contracted_posts, None);
    // The retainer's months contract what it contracted to date.
    let by_month: Decimal = f
        .months
        .iter()
        .flat_map(|m| m.creators.iter().filter(|c| c.partnership == 0))
        .filter_map(|c| c.contracted_posts)
        .sum();
    let to_date = f.partnerships[0].contracted_posts.unwrap();
    assert_eq!(by_month.round_dp(20), to_date.round_dp(20));
}
