//! Every language has every string, and the sentences agree across them.

use super::*;

#[test]
fn every_key_has_a_text_in_every_language() {
    // A language missing a key does not compile; these check what the
    // compiler cannot: the same keys in the same order, none left empty,
    // and no placeholder left in a string that is never filled.
    let keys = |l: Language| -> Vec<&str> { texts(l).entries().iter().map(|e| e.0).collect() };
    for lang in LANGUAGES {
        assert_eq!(keys(lang), keys(Language::En), "{lang:?}");
        for (key, text) in texts(lang).entries() {
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
    let keys: Vec<&str> = texts(Language::En).entries().iter().map(|e| e.0).collect();
    for (name, text) in crate::builtin::BUILT_IN {
        let src = outside_macros(text);
        for (at, _) in src.match_indices("t.") {
            let before = src[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let key: String = src[at + 2..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            assert!(keys.contains(&key.as_str()), "{name}: t.{key}");
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
    for lang in LANGUAGES {
        let w = words(lang);
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
            w.cost_ahead_desc((m, m, "$1"), Some((n, n, "$2")))
                .contains("$2")
        );
        assert!(w.cost_ahead_desc((m, m, "$1"), None).contains("$1"));
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
        words(Language::En).committed_until(nov),
        "until November 2026"
    );
    assert_eq!(words(Language::Ru).committed_until(nov), "до ноября 2026");
    assert_eq!(
        words(Language::Ru).month_range(nov, oct),
        "ноябрь 2026 – октябрь 2026"
    );
    assert_eq!(words(Language::En).quarter(2026, 4), "Q4 2026");
    assert_eq!(words(Language::Ru).quarter(2026, 4), "4-й квартал 2026");
    assert_eq!(
        words(Language::Ru).cost_ahead_desc((oct, oct, "1 ₽"), Some((nov, nov, "2 ₽"))),
        "Затраты по месяцам и рынкам: потрачено 1 ₽ с октября 2026 по октябрь 2026; законтрактовано 2 ₽ на ноябрь 2026."
    );
    assert_eq!(
        words(Language::En).contract_group(false, Some("IC-9"), 1, "$3,500.00"),
        "Individual contract IC-9 · 1 creator · $3,500.00 a month"
    );
}

#[test]
fn writes_months_and_dates_in_both_languages() {
    let m = Month::parse("2026-10").unwrap();
    assert_eq!(month(Language::En, m), "October 2026");
    assert_eq!(month(Language::Ru, m), "Октябрь 2026");
    let d = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    assert_eq!(date(Language::Ru, d), "31 октября 2026");
    assert_eq!(date_short(Language::En, d), "31\u{a0}Oct\u{a0}2026");
    assert_eq!(texts(Language::Ru).cost, "Затраты");
}

#[test]
fn counts_take_the_form_of_their_number() {
    let settings = |days: u32, window: u32| Settings {
        currency: Currency::parse("RUB").unwrap(),
        denominator: Denominator::Reach,
        ramp_up_days: days,
        repeat_window_days: window,
    };
    let ru = words(Language::Ru);
    let en = words(Language::En);
    let ramp = |w: &dyn Words, days| w.definition(Definition::RampUp, &settings(days, 90));
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
        whole: "1%",
    };
    assert!(ru.spread_desc(&spread(1)).starts_with("ROI 1 партнёрства:"));
    assert!(ru.spread_desc(&spread(3)).starts_with("ROI 3 партнёрств:"));
    assert!(
        en.spread_desc(&spread(1))
            .starts_with("ROI of 1 partnership:")
    );
}
