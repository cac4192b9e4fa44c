//! Every language has every string, and the sentences agree across them.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::*;
use crate::model::{Currency, Denominator};

fn say(lang: Language) -> &'static dyn Sentences {
    catalogue(lang).say
}

/// Every fixed string of a catalogue, keyed as templates read it.
fn entries(lang: Language) -> Vec<(String, &'static str)> {
    let c = catalogue(lang);
    let plain = c
        .texts
        .entries()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v));
    let summary = c.summary.entries().into_iter();
    let lift = c.how_sure.entries().into_iter();
    let compounding = c.compounding.entries().into_iter();
    let restated = c.restated.entries().into_iter();
    plain
        .chain(summary.map(|(k, v)| (format!("summary.{k}"), v)))
        .chain(lift.map(|(k, v)| (format!("how_sure.{k}"), v)))
        .chain(compounding.map(|(k, v)| (format!("compounding.{k}"), v)))
        .chain(restated.map(|(k, v)| (format!("restated.{k}"), v)))
        .collect()
}

#[test]
fn every_key_has_a_text_in_every_language() {
    // A language missing a key does not compile; these check what the
    // compiler cannot: the same keys in the same order, none left empty,
    // and no placeholder left in a string that is never filled.
    let keys = |l: Language| -> Vec<String> { entries(l).into_iter().map(|e| e.0).collect() };
    for &lang in Language::ALL {
        assert_eq!(catalogue(lang).language, lang);
        assert_eq!(keys(lang), keys(Language::En), "{lang:?}");
        for (key, text) in entries(lang) {
            assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
            assert!(!text.contains(['{', '}']), "{lang:?} {key}: {text}");
        }
    }
}

/// A template without its macros' bodies: a tera macro sees only its
/// arguments, so a `t` in one is not the page's strings.
fn outside_macros(src: &str) -> String {
    let mut out = String::new();
    let mut rest = src;
    while let Some(start) = rest.find("{% macro ") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("{% endmacro")
            .map_or("", |end| &rest[start + end..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn every_key_a_template_reads_exists() {
    // The templates as the binary holds them: every one of templates/.
    let entries = entries(Language::En);
    let keys: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    for (name, text) in crate::builtin::BUILT_IN {
        let src = outside_macros(text);
        for (at, _) in src.match_indices("t.") {
            let before = src[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let key: String = src[at + 2..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
                .collect();
            let key = key.trim_end_matches('.');
            assert!(keys.contains(&key), "{name}: t.{key}");
        }
    }
}

#[test]
fn every_definition_and_sentence_is_written_in_every_language() {
    let s = Settings {
        currency: Currency::parse("USD").unwrap(),
        denominator: Denominator::Followers,
        ramp_up_days: 14,
        repeat_window_days: 60,
    };
    let m = Month::parse("2026-10").unwrap();
    for &lang in Language::ALL {
        let w = say(lang);
        for d in [Definition::Cost, Definition::Revenue, Definition::Repeat] {
            assert!(!w.definition(d, &s).is_empty(), "{lang:?} {d:?}");
        }
        assert!(w.definition(Definition::Cost, &s).contains("USD"));
        assert!(w.definition(Definition::Repeat, &s).contains("60"));
        assert!(w.definition(Definition::RampUp, &s).contains("14"));
        assert!(w.month_trend_desc(m, m, "$1", "$2").contains("$2"));
        assert!(w.engagement_desc("Ann", 3, "+1 pp").contains("Ann"));
        for d in [
            Definition::Committed,
            Definition::RunRate,
            Definition::OpenEnded,
            Definition::Trailing12,
            Definition::Budgets,
            Definition::Renewals,
            Definition::Payback,
        ] {
            assert!(w.definition(d, &s).len() > 80, "{lang:?} {d:?}");
        }
        let n = Month::parse("2026-11").unwrap();
        assert!(
            w.cost_ahead_desc((m, m, "$1"), Some((n, n, "$2")), Some("$3"))
                .contains("$3")
        );
        assert!(w.cost_ahead_desc((m, m, "$1"), None, None).contains("$1"));
        assert!(
            w.contract_group(true, Some("UA-1"), 3, "$9")
                .contains("UA-1")
        );
        assert!(w.budget_left("$5", true).contains("$5"));
        assert!(w.short_by("$7").contains("$7"));
        assert!(w.signed_starts("1 Dec").contains("1 Dec"));
        assert!(w.payback_day(38).contains("38") && w.payback_month(2).contains('2'));
    }
}

#[test]
fn writes_the_money_ahead_in_each_language_s_grammar() {
    let (nov, oct) = (
        Month::parse("2026-11").unwrap(),
        Month::parse("2026-10").unwrap(),
    );
    assert_eq!(
        say(Language::En).committed_until(nov),
        "until November 2026"
    );
    assert_eq!(say(Language::Ru).committed_until(nov), "до ноября 2026");
    assert_eq!(
        say(Language::Ru).month_range(nov, oct),
        "ноябрь 2026 – октябрь 2026"
    );
    assert_eq!(say(Language::En).quarter(2026, 4), "Q4 2026");
    assert_eq!(say(Language::Ru).quarter(2026, 4), "4-й квартал 2026");
    assert_eq!(
        say(Language::Ru).cost_ahead_desc((oct, oct, "1 ₽"), Some((nov, nov, "2 ₽")), None),
        "Затраты по месяцам и рынкам: потрачено 1 ₽ с октября 2026 по октябрь 2026; законтрактовано 2 ₽ на ноябрь 2026."
    );
    assert_eq!(
        say(Language::En).cost_ahead_desc((oct, oct, "$1"), None, Some("$9,000.00")),
        "Cost by month, stacked by market: $1 spent from October 2026 to October 2026; nothing is committed after the report date; open-ended retainers go on at $9,000.00 a month, not committed."
    );
    assert_eq!(
        say(Language::En).contract_group(false, Some("IC-9"), 1, "$3,500.00"),
        "Individual contract IC-9 · 1 creator · $3,500.00 a month"
    );
}

#[test]
fn writes_months_and_dates_in_both_languages() {
    let m = Month::parse("2026-10").unwrap();
    assert_eq!(catalogue(Language::En).month(m), "October 2026");
    assert_eq!(catalogue(Language::Ru).month(m), "Октябрь 2026");
    let d = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    assert_eq!(catalogue(Language::Ru).date(d), "31 октября 2026");
    assert_eq!(
        catalogue(Language::En).date_short(d),
        "31\u{a0}Oct\u{a0}2026"
    );
    let may = NaiveDate::from_ymd_opt(2026, 5, 7).unwrap();
    assert_eq!(
        catalogue(Language::Ru).date_short(may),
        "7\u{a0}мая\u{a0}2026"
    );
    assert_eq!(catalogue(Language::Ru).month_short(Month::of(may)), "май");
    assert_eq!(catalogue(Language::Ru).texts.cost, "Затраты");
}

#[test]
fn counts_take_the_form_of_their_number() {
    let settings = |days: u32, window: u32| Settings {
        currency: Currency::parse("RUB").unwrap(),
        denominator: Denominator::Reach,
        ramp_up_days: days,
        repeat_window_days: window,
    };
    let ru = say(Language::Ru);
    let en = say(Language::En);
    let ramp = |w: &dyn Sentences, days| w.definition(Definition::RampUp, &settings(days, 90));
    assert!(ramp(ru, 42).starts_with("Первые 42 дня партнёрства"));
    assert!(ramp(ru, 21).starts_with("Первый 21 день партнёрства"));
    assert!(ramp(ru, 30).starts_with("Первые 30 дней партнёрства"));
    assert!(ramp(en, 1).starts_with("The first 1 day of"));
    let repeat = ru.definition(Definition::Repeat, &settings(42, 21));
    assert!(repeat.contains("за 21 день до"), "{repeat}");
    assert!(repeat.contains("в течение 21 дня после"), "{repeat}");
    assert_eq!(
        ru.posts_per_month("2", "2"),
        "2 спонсорские публикации в месяц"
    );
    assert_eq!(
        ru.posts_per_month("1,5", "1.5"),
        "1,5 спонсорской публикации в месяц"
    );
    assert_eq!(
        ru.posts_per_month("21", "21"),
        "21 спонсорская публикация в месяц"
    );
    assert_eq!(en.posts_per_month("1", "1"), "1 sponsored post per month");
    let spread = |n| SpreadFigures {
        n,
        median: "1%",
        q1: "0%",
        q3: "2%",
        min: ("0%", "a"),
        max: ("2%", "b"),
        whole: ("Portfolio", "1%"),
    };
    assert!(ru.spread_desc(&spread(1)).starts_with("ROI 1 партнёрства:"));
    assert!(ru.spread_desc(&spread(3)).starts_with("ROI 3 партнёрств:"));
    assert!(
        en.spread_desc(&spread(1))
            .starts_with("ROI of 1 partnership:")
    );
}

fn m(s: &str) -> Month {
    Month::parse(s).unwrap()
}

#[test]
fn the_first_month_has_nothing_to_compare_with() {
    let s = Spend {
        month: m("2026-03"),
        cost: "$220.15",
        revenue: "$0.00",
        before: None,
        so_far: None,
    };
    assert_eq!(
        say(Language::En).spend(&s),
        "In March 2026, the first month of the report, spend was $220.15 and revenue $0.00."
    );
    assert_eq!(
        say(Language::Ru).spend(&s),
        "В марте 2026, первом месяце отчёта, затраты составили $220.15, выручка — $0.00."
    );
}

#[test]
fn spend_and_revenue_move_against_the_month_before() {
    // Up from nothing has no relative change; the same to the cent says so.
    let s = Spend {
        month: m("2026-01"),
        cost: "$10.00",
        revenue: "$5.00",
        before: Some((m("2025-12"), Move::Up("$10.00", None), Move::Same)),
        so_far: None,
    };
    assert_eq!(
        say(Language::En).spend(&s),
        "In January 2026 spend was $10.00 and revenue $5.00; against December 2025, spend rose by $10.00 and revenue was unchanged."
    );
    let s = Spend {
        before: Some((
            m("2025-12"),
            Move::Down("2,00 ₽", Some("16,7 %")),
            Move::Up("1,00 ₽", Some("25,0 %")),
        )),
        ..s
    };
    assert_eq!(
        say(Language::Ru).spend(&s),
        "В январе 2026 затраты составили $10.00, выручка — $5.00; по сравнению с декабрём 2025 затраты уменьшились на 2,00 ₽ (16,7 %), выручка выросла на 1,00 ₽ (25,0 %)."
    );
}

#[test]
fn a_month_not_over_says_so_and_is_compared_with_the_same_days() {
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let s = Spend {
        month: m("2026-04"),
        cost: "$10.00",
        revenue: "$5.00",
        before: Some((m("2026-03"), Move::Down("$8.00", Some("44.4%")), Move::Same)),
        so_far: Some((day("2026-04-16"), day("2026-03-16"))),
    };
    assert_eq!(
        say(Language::En).spend(&s),
        "April 2026 is not over: to 16 April spend was $10.00 and revenue $5.00; against 1–16 March 2026, spend fell by $8.00 (44.4%) and revenue was unchanged."
    );
    assert_eq!(
        say(Language::Ru).spend(&s),
        "Апрель 2026 ещё не закончился: по 16 апреля затраты составили $10.00, выручка — $5.00; по сравнению с 1–16 марта 2026 затраты уменьшились на $8.00 (44.4%), выручка не изменилась."
    );
    let first = Spend { before: None, ..s };
    assert_eq!(
        say(Language::En).spend(&first),
        "April 2026, the first month of the report, is not over: to 16 April spend was $10.00 and revenue $5.00."
    );
    assert_eq!(
        say(Language::Ru).spend(&first),
        "Апрель 2026, первый месяц отчёта, ещё не закончился: по 16 апреля затраты составили $10.00, выручка — $5.00."
    );
    assert_eq!(
        say(Language::En).versus_days(day("2026-02-28")),
        "vs 1–28 February"
    );
    assert_eq!(
        say(Language::Ru).versus_days(day("2026-02-28")),
        "к 1–28 февраля"
    );
}

#[test]
fn an_undefined_roi_or_cpa_is_said_in_words_and_a_missing_target_is_not_invented() {
    assert_eq!(
        say(Language::En).returns(Versus::Undefined, Versus::Undefined),
        "There is no ROI, as no cost was booked; there is no CPA, as there were no conversions."
    );
    assert_eq!(
        say(Language::En).returns(Versus::Plain("12.0%"), Versus::Plain("$3.00")),
        "ROI was 12.0%; CPA was $3.00."
    );
    assert_eq!(
        say(Language::En).returns(
            Versus::Target("12.0%", "50.0%", Ordering::Less),
            Versus::Target("$25.00", "$25.00", Ordering::Equal)
        ),
        "ROI was 12.0%, below the 50.0% target; CPA was $25.00, at the $25.00 target."
    );
    assert_eq!(
        say(Language::Ru).returns(
            Versus::Target("101,2 %", "40,0 %", Ordering::Greater),
            Versus::Undefined
        ),
        "ROI — 101,2 %, выше цели 40,0 %; CPA не определён: конверсий не было."
    );
    assert_eq!(
        say(Language::Ru).returns(Versus::Undefined, Versus::Plain("0,00 ₽")),
        "ROI не определён: затрат не было; CPA — 0,00 ₽."
    );
}

#[test]
fn posts_best_and_renewals_read_in_both_languages() {
    assert_eq!(
        say(Language::En).posts((1, "1"), (0, "0")),
        "Creators published 1 sponsored post."
    );
    assert_eq!(
        say(Language::En).posts((0, "0"), (0, "0")),
        "No posts were published."
    );
    assert_eq!(
        say(Language::Ru).posts((21, "21"), (3, "3")),
        "Авторы опубликовали 21 спонсорскую публикацию и 3 органических упоминания."
    );
    assert_eq!(
        say(Language::Ru).best("Вера", "139,2 %", "350 000,00 ₽", 21),
        "Лучший ROI из 21 партнёрства с затратами в этом месяце — Вера: 139,2 % при затратах 350 000,00 ₽."
    );
}

#[test]
fn says_the_lift_in_plain_words() {
    assert_eq!(
        say(Language::En).lift(3, "+34.8%", ("+13.9%", "+52.4%"), 5),
        "Post 3 engages 34.8% more than the same creators' first post (95% sure: +13.9% to +52.4%; 5 partnerships)."
    );
    assert!(
        say(Language::En)
            .lift(2, "−4.0%", ("−9%", "+1%"), 6)
            .contains("4.0% less")
    );
    assert!(
        say(Language::Ru)
            .lift(3, "+34,8%", ("+13,9%", "+52,4%"), 5)
            .starts_with("Публикация 3 вовлекает на 34,8% больше")
    );
    assert_eq!(say(Language::En).small(3), "small sample, n = 3");
    assert!(
        say(Language::En)
            .too_few(4, 4)
            .contains("(4 of the 5 needed)")
    );
}

#[test]
fn templates_read_every_fixed_string_as_t_and_nothing_else() {
    // `t` is the catalogue serialised: the page strings at the top, the
    // summary's and the paired lift's beneath, and no month names or
    // sentences.
    let t = serde_json::to_value(catalogue(Language::Ru)).unwrap();
    assert_eq!(t["cost"], "Затраты");
    assert_eq!(t["summary"]["title"], "Коротко");
    assert_eq!(t["how_sure"]["small_term"], "Мало данных");
    assert_eq!(t["lift"], "Прирост");
    // No group hides a page string of the same name.
    let keys = t.as_object().unwrap().len();
    assert_eq!(t["compounding"]["title"], "Накапливается ли эффект");
    assert_eq!(t["restated"]["title"], "Пересчитано");
    assert_eq!(keys, catalogue(Language::Ru).texts.entries().len() + 4);
    for hidden in ["language", "calendar", "numbers", "say"] {
        assert!(t.get(hidden).is_none(), "{hidden}");
    }
}

#[test]
fn numbers_follow_the_catalogue() {
    let (en, ru) = (catalogue(Language::En), catalogue(Language::Ru));
    assert_eq!(en.sheet_number("1.5"), "1.5");
    assert_eq!(ru.sheet_number("1.5"), "1,5");
    assert_eq!(
        (en.numbers.csv_delimiter, ru.numbers.csv_delimiter),
        (b',', b';')
    );
}

#[test]
fn a_chart_of_one_post_or_twenty_one_says_so_in_each_language() {
    assert_eq!(
        say(Language::En).engagement_desc("Ann", 1, "flat"),
        "Engagement rate of Ann's one sponsored post by post number. Trend: flat."
    );
    assert_eq!(
        say(Language::En).engagement_desc("Ann", 3, "flat"),
        "Engagement rate of each of Ann's 3 sponsored posts by post number. Trend: flat."
    );
    let ru = |n| say(Language::Ru).engagement_desc("Анна", n, "ровный");
    assert_eq!(
        ru(1),
        "Вовлечённость единственной спонсорской публикации автора Анна по номеру публикации. Тренд: ровный."
    );
    assert!(ru(21).starts_with("Вовлечённость каждой из 21 спонсорской публикации автора"));
    assert!(ru(5).starts_with("Вовлечённость каждой из 5 спонсорских публикаций автора"));
}
