//! Restatements of small hand-made clients: a month archived, its data
//! changed, each expectation worked out in the comments.

use rust_decimal::Decimal;

use super::{Figure, Value, restated};
use crate::analytics::cost::tests_support::retainer;
use crate::analytics::record::archive_file;
use crate::analytics::tests::{client, date, post, settings};
use crate::model::{Archive, Client, Currency, Month, PostKind, Settings};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

const AS_OF: &str = "2026-09-30";

/// September of `c` archived as of 30 September, through the file's text
/// as a build reads it back.
fn archived(c: &Client, settings: &Settings) -> Archive {
    let sept = Month::parse("2026-09").unwrap();
    let file = archive_file(c, settings, date(AS_OF), sept);
    let text = serde_json::to_string_pretty(&file).unwrap();
    let record = crate::load::archives::parse(&text).unwrap();
    Archive {
        file: "clients/c/archive/2026-09.json".into(),
        month: sept,
        as_of: date(AS_OF),
        record: *record,
    }
}

/// A retainer at 3000 a month from 1 September, with a post on 2
/// September: reach 1000, 40 engagements, revenue 100.
fn september() -> Client {
    let p = retainer("2026-09-01", None, "3000");
    let a = post(
        "a",
        0,
        "2026-09-02",
        PostKind::Sponsored,
        Some(1000),
        Some(40),
        Some("100"),
    );
    client(vec![p], vec![a])
}

/// The restated figures of `now`, September archived from `then`.
fn restatements(then: &Client, now: &mut Client, settings: &Settings) -> Vec<super::Restatement> {
    now.archives = vec![archived(then, settings)];
    let months = restated(now, settings);
    assert!(months.len() <= 1);
    months.into_iter().flat_map(|m| m.items).collect()
}

fn row(items: &[super::Restatement], fig: Figure) -> Option<&super::Restatement> {
    items
        .iter()
        .find(|r| r.partnership.is_none() && r.figure == fig)
}

#[test]
fn a_month_that_matches_its_archive_says_nothing() {
    let c = september();
    let mut same = september();
    assert!(restatements(&c, &mut same, &settings()).is_empty());
}

#[test]
fn a_late_post_restates_the_sums_by_its_own_figures() {
    // A second post on 28 September: reach 500, 10 engagements, revenue
    // 25.50, 1 conversion. Revenue 100 -> 125.50, all of it the one
    // partnership's; ROI (100 - 3000)/3000 -> (125.5 - 3000)/3000, its
    // inputs moved; cost unchanged.
    let c = september();
    let mut late = september();
    late.posts.push(post(
        "b",
        0,
        "2026-09-28",
        PostKind::Sponsored,
        Some(500),
        Some(10),
        Some("25.50"),
    ));
    let items = restatements(&c, &mut late, &settings());
    let revenue = row(&items, Figure::Revenue).expect("revenue restated");
    assert_eq!(
        (revenue.sent, revenue.now),
        (
            Value::Money(Some(d("100"))),
            Value::Money(Some(d("125.50")))
        )
    );
    let b = &revenue.because;
    assert_eq!(b.partnerships.len(), 1);
    assert_eq!(b.partnerships[0].id, "p");
    assert_eq!(b.partnerships[0].now, Value::Money(Some(d("125.50"))));
    assert_eq!(b.unexplained, Value::Money(Some(Decimal::ZERO)));
    assert!(b.appeared.is_empty() && b.fx.is_empty() && b.settings.is_empty());
    let roi = row(&items, Figure::Roi).expect("ROI restated");
    assert_eq!(roi.because.partnerships[0].sent, Value::Ratio(None));
    assert_eq!(
        row(&items, Figure::SponsoredPosts).unwrap().now,
        Value::Count(2)
    );
    assert!(row(&items, Figure::Cost).is_none());
    // The partnership's own figures too, after the month's row.
    let own: Vec<_> = items
        .iter()
        .filter(|r| r.partnership.as_deref() == Some("p"))
        .collect();
    assert!(own.iter().any(|r| r.figure == Figure::Revenue));
    let first_own = items.iter().position(|r| r.partnership.is_some()).unwrap();
    assert!(items[..first_own].iter().all(|r| r.partnership.is_none()));
    // data.json's order: by figure name within the row.
    let names: Vec<&str> = items[..first_own].iter().map(|r| r.figure.name()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn money_differs_only_at_the_minor_unit() {
    // Revenue 100 -> 100.004: the same cent, nothing to say. 100 ->
    // 100.005 rounds half away from zero to 100.01: restated.
    let c = september();
    let mut tiny = september();
    tiny.posts[0].revenue = Some(d("100.004"));
    assert!(
        restatements(&c, &mut tiny, &settings())
            .iter()
            .all(|r| r.figure != Figure::Revenue)
    );
    let mut cent = september();
    cent.posts[0].revenue = Some(d("100.005"));
    let items = restatements(&c, &mut cent, &settings());
    assert!(row(&items, Figure::Revenue).is_some());
    // In yen, whole units: 100 -> 100.4 JPY is the same.
    let yen = Currency::parse("JPY").unwrap();
    assert!(!Value::Money(Some(d("100"))).differs(&Value::Money(Some(d("100.4"))), yen));
    assert!(Value::Money(Some(d("100"))).differs(&Value::Money(Some(d("100.5"))), yen));
}

#[test]
fn ratios_differ_at_four_decimals_or_when_one_is_undefined() {
    let usd = Currency::parse("USD").unwrap();
    assert!(!Value::Ratio(Some(0.04001)).differs(&Value::Ratio(Some(0.04004)), usd));
    assert!(Value::Ratio(Some(0.04001)).differs(&Value::Ratio(Some(0.04006)), usd));
    assert!(Value::Ratio(None).differs(&Value::Ratio(Some(0.0)), usd));
    assert!(!Value::Ratio(None).differs(&Value::Ratio(None), usd));
}

#[test]
fn a_changed_rate_is_the_reason_for_the_money_and_moves_no_count() {
    // The post's revenue is 10,000 RUB at 0.011 USD (110 USD), then at
    // 0.012 (120 USD).
    let rate = |r: &str| {
        let mut s = settings();
        let (rub, usd) = (
            Currency::parse("RUB").unwrap(),
            Currency::parse("USD").unwrap(),
        );
        s.fx.insert(rub, usd, Month::parse("2026-09").unwrap(), d(r));
        s
    };
    let mut c = september();
    c.posts[0].currency = Currency::parse("RUB").unwrap();
    c.posts[0].revenue = Some(d("10000"));
    let mut now = c.clone();
    now.archives = vec![archived(&c, &rate("0.011"))];
    let items: Vec<_> = restated(&now, &rate("0.012"))
        .into_iter()
        .flat_map(|m| m.items)
        .collect();
    let revenue = row(&items, Figure::Revenue).expect("revenue restated");
    assert_eq!(revenue.now, Value::Money(Some(d("120"))));
    let fx = &revenue.because.fx;
    assert_eq!(
        (fx.len(), fx[0].from.as_str(), fx[0].to.as_str()),
        (1, "RUB", "USD")
    );
    assert_eq!(
        (fx[0].sent, fx[0].now),
        (
            Value::Money(Some(d("0.011"))),
            Value::Money(Some(d("0.012")))
        )
    );
    assert!(items.iter().all(|r| r.figure.of_money()));
}

#[test]
fn a_partnership_that_appears_explains_the_cost() {
    // A one-off of 500 starting 10 September: cost 3000 -> 3500.
    let c = september();
    let mut more = september();
    let mut one_off = retainer("2026-09-10", None, "500");
    one_off.id = crate::model::PartnershipId::new("q");
    one_off.model = crate::model::Model::OneOff;
    more.partnerships.push(one_off);
    let items = restatements(&c, &mut more, &settings());
    let cost = row(&items, Figure::Cost).expect("cost restated");
    assert_eq!(cost.now, Value::Money(Some(d("3500"))));
    assert_eq!(cost.because.appeared, vec!["q".to_string()]);
    assert!(cost.because.partnerships.is_empty());
    assert_eq!(cost.because.unexplained, Value::Money(Some(Decimal::ZERO)));
    // It appeared with no posts: it explains no count.
    assert!(row(&items, Figure::Reach).is_none());
}

#[test]
fn a_renamed_partnership_with_the_same_figures_restates_nothing() {
    let c = september();
    let mut renamed = september();
    renamed.partnerships[0].id = crate::model::PartnershipId::new("p2");
    assert!(restatements(&c, &mut renamed, &settings()).is_empty());
}

#[test]
fn a_changed_fee_is_the_partnerships_own_and_the_months() {
    // The fee 3000 -> 3300: the month's cost and the partnership's.
    let c = september();
    let mut fee = september();
    fee.partnerships[0].fee.value = d("3300");
    let items = restatements(&c, &mut fee, &settings());
    let cost = row(&items, Figure::Cost).expect("cost restated");
    assert_eq!(
        cost.because.partnerships[0].sent,
        Value::Money(Some(d("3000")))
    );
    assert!(
        items
            .iter()
            .any(|r| r.partnership.as_deref() == Some("p") && r.figure == Figure::Cost)
    );
}

#[test]
fn a_month_archived_by_another_roster_names_it_only_when_nothing_else_does() {
    // The archive says another version, and the figure differs with no
    // partnership, rate or setting to blame: the version is the reason.
    let c = september();
    let mut now = september();
    let mut archive = archived(&c, &settings());
    archive.record.roster = "0.0.1".into();
    archive.record.month_row.roi = Some(-0.5);
    now.archives = vec![archive];
    let items: Vec<_> = restated(&now, &settings())
        .into_iter()
        .flat_map(|m| m.items)
        .collect();
    let roi = row(&items, Figure::Roi).expect("ROI restated");
    assert_eq!(roi.because.settings.len(), 1);
    assert_eq!(roi.because.settings[0].setting, "roster");
}
