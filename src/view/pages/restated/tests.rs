//! A restated month in words, from a month made by hand: the notice in
//! each language, and why each figure moved.

use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::analytics::restated::{Moved, RateMoved, Renamed};

fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

fn money(cents: i64) -> Value {
    Value::Money(Some(Decimal::new(cents, 2)))
}

fn september() -> Month {
    Month {
        year: 2026,
        month: 9,
    }
}

/// A restated figure of the month's row, or of partnership `whose`.
fn item(
    figure: Figure,
    whose: Option<&str>,
    sent: Value,
    now: Value,
    because: Because,
) -> Restatement {
    Restatement {
        month: september(),
        partnership: whose.map(str::to_string),
        figure,
        sent,
        now,
        because,
    }
}

/// September restated: its revenue by a late post of Denis's, its ROI with
/// it, and Denis's own revenue.
fn restated() -> RestatedMonth {
    let moved = |sent, now| Moved {
        id: "denis-kuznetsov".into(),
        sent,
        now,
    };
    let revenue = Because {
        partnerships: vec![moved(money(100_000), money(156_500))],
        unexplained: money(0),
        ..Because::default()
    };
    let roi = Because {
        partnerships: vec![moved(Value::Ratio(None), Value::Ratio(None))],
        unexplained: Value::Ratio(Some(0.0)),
        ..Because::default()
    };
    RestatedMonth {
        month: september(),
        as_of: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        file: PathBuf::from("clients/kestrel-coffee/archive/2026-09.json"),
        items: vec![
            item(
                Figure::Revenue,
                None,
                money(3_171_724),
                money(3_228_224),
                revenue.clone(),
            ),
            item(
                Figure::Roi,
                None,
                Value::Ratio(Some(0.5)),
                Value::Ratio(Some(0.53)),
                roi,
            ),
            item(
                Figure::Revenue,
                Some("denis-kuznetsov"),
                money(100_000),
                money(156_500),
                revenue,
            ),
        ],
    }
}

fn names(id: &str) -> Option<String> {
    (id == "denis-kuznetsov").then(|| "Denis Kuznetsov".to_string())
}

fn words(lang: Language) -> Words<'static> {
    Words {
        lang,
        currency: usd(),
        names: &names,
    }
}

#[test]
fn the_notice_names_the_first_figure_and_counts_the_rest_in_each_language() {
    let m = restated();
    assert_eq!(
        words(Language::En).notice(&m).unwrap(),
        "Restated since this report was archived as of 31 October 2026: revenue $31,717.24 → $32,282.24 and 2 more."
    );
    assert_eq!(
        words(Language::Ru).notice(&m).unwrap(),
        "Пересчитано после архивации отчёта на 31 октября 2026: выручка 31\u{a0}717,24\u{a0}$ → 32\u{a0}282,24\u{a0}$ и ещё 2."
    );
    let one = RestatedMonth {
        items: m.items[..1].to_vec(),
        ..m.clone()
    };
    let notice = words(Language::En).notice(&one).unwrap();
    assert!(notice.ends_with("$32,282.24."), "{notice}");
    let none = RestatedMonth {
        items: Vec::new(),
        ..m
    };
    assert_eq!(words(Language::En).notice(&none), None);
}

#[test]
fn a_partnerships_figure_first_is_named_by_its_creator() {
    let mut m = restated();
    m.items.drain(..2);
    let notice = words(Language::En).notice(&m).unwrap();
    assert!(
        notice.ends_with(": Denis Kuznetsov: revenue $1,000.00 → $1,565.00."),
        "{notice}"
    );
}

#[test]
fn why_a_sum_moved_names_the_partnerships_with_their_amounts() {
    let (m, w) = (restated(), words(Language::En));
    assert_eq!(w.why(&m.items[0]), "Denis Kuznetsov: $1,000.00 → $1,565.00");
    assert_eq!(w.change(&m.items[0]), "+$565.00");
    // A ratio: whose inputs moved, without amounts; its change in points.
    assert_eq!(w.why(&m.items[1]), "inputs of Denis Kuznetsov moved");
    assert_eq!(w.change(&m.items[1]), "+3.0\u{a0}points");
    // A partnership's own figure: its own data moved.
    assert_eq!(w.why(&m.items[2]), "its own posts and costs");
    let ru = words(Language::Ru);
    assert_eq!(ru.why(&m.items[1]), "изменились данные: Denis Kuznetsov");
}

#[test]
fn why_lists_new_gone_and_renamed_partnerships_rates_settings_and_the_rest() {
    let because = Because {
        partnerships: Vec::new(),
        appeared: vec!["late-one".into()],
        disappeared: vec!["denis-kuznetsov".into()],
        renamed: vec![Renamed {
            from: "old-id".into(),
            to: "denis-kuznetsov".into(),
        }],
        fx: vec![RateMoved {
            from: "RUB".into(),
            to: "USD".into(),
            sent: Value::Money(Some(Decimal::new(121, 4))),
            now: Value::Money(Some(Decimal::new(125, 4))),
        }],
        settings: vec![SettingMoved {
            setting: "engagement_denominator",
            sent: "reach".into(),
            now: "followers".into(),
        }],
        unexplained: money(-1_000),
    };
    let r = item(Figure::Cost, None, money(100), money(200), because);
    assert_eq!(
        words(Language::En).why(&r),
        "new in the month: late-one; no longer in the month: Denis Kuznetsov; \
         renamed: old-id → Denis Kuznetsov; RUB→USD rate 0.0121 → 0.0125; \
         what engagement divides by: reach → followers; unexplained: −$10.00"
    );
    assert_eq!(
        words(Language::Ru).why(&r),
        "новые в месяце: late-one; выпали из месяца: Denis Kuznetsov; \
         переименовано: old-id → Denis Kuznetsov; курс RUB→USD 0,0121 → 0,0125; \
         знаменатель вовлечённости: охват → подписчики; не объяснено: −10,00\u{a0}$"
    );
}

#[test]
fn a_ratio_moved_for_no_reason_found_says_so() {
    let because = Because {
        unexplained: Value::Ratio(Some(0.031)),
        ..Because::default()
    };
    let r = item(
        Figure::EngagementRate,
        None,
        Value::Ratio(Some(0.02)),
        Value::Ratio(Some(0.051)),
        because,
    );
    assert_eq!(
        words(Language::En).why(&r),
        "unexplained: +3.10\u{a0}points"
    );
    let undefined = Because {
        unexplained: Value::Ratio(None),
        ..Because::default()
    };
    let r = item(
        Figure::Roas,
        None,
        Value::Ratio(None),
        Value::Ratio(Some(2.0)),
        undefined,
    );
    assert_eq!(words(Language::En).why(&r), "unexplained");
    assert_eq!(words(Language::En).change(&r), "n/a");
}

#[test]
fn the_section_puts_the_months_figures_first_and_the_partnerships_apart() {
    let view = words(Language::En).view(&restated()).unwrap();
    assert_eq!(view.month.rows.len(), 2);
    assert_eq!(view.month.rows[0].cells[0].text, "Revenue");
    assert_eq!(view.month.rows[1].cells[0].text, "ROI");
    let theirs = view.partnerships.unwrap();
    assert_eq!(theirs.caption, "By partnership: 1 figure");
    assert_eq!(theirs.rows[0].cells[0].text, "Denis Kuznetsov");
    assert!(view.lead.contains("31 October 2026"), "{}", view.lead);
    let ru = words(Language::Ru).view(&restated()).unwrap();
    let caption = ru.partnerships.unwrap().caption;
    assert_eq!(caption, "По партнёрствам: 1 показатель");
}

#[test]
fn a_ratio_the_same_at_the_pages_decimals_is_shown_with_those_it_is_compared_at() {
    let because = Because {
        unexplained: Value::Ratio(Some(0.0)),
        ..Because::default()
    };
    let r = item(
        Figure::EngagementRate,
        None,
        Value::Ratio(Some(0.0571)),
        Value::Ratio(Some(0.0574)),
        because,
    );
    let w = words(Language::En);
    assert_eq!(w.figure(&r), "engagement rate 5.71% → 5.74%");
    assert_eq!(w.change(&r), "+0.03\u{a0}points");
    let view = w
        .view(&RestatedMonth {
            items: vec![r],
            ..restated()
        })
        .unwrap();
    assert_eq!(view.month.rows[0].cells[1].text, "5.71%");
    assert!(view.partnerships.is_none());
}

#[test]
fn a_figure_mid_sentence_keeps_its_abbreviations() {
    assert_eq!(mid_sentence("Revenue"), "revenue");
    assert_eq!(mid_sentence("ROI"), "ROI");
    assert_eq!(mid_sentence("Выручка"), "выручка");
    assert_eq!(mid_sentence(""), "");
}

#[test]
fn russian_counts_agree_with_their_number() {
    let say = i18n::catalogue(Language::Ru).say;
    assert_eq!(
        say.restated_by_partnership(3),
        "По партнёрствам: 3 показателя"
    );
    assert_eq!(
        say.restated_by_partnership(18),
        "По партнёрствам: 18 показателей"
    );
    assert_eq!(
        say.restated_by_partnership(21),
        "По партнёрствам: 21 показатель"
    );
    assert_eq!(
        say.compares_restated(september()),
        "Показатели за сентябрь 2026 пересчитаны после отправки отчёта; этот отчёт сравнивает с ними в нынешнем виде."
    );
}
