//! The words of a monthly report's executive summary and of its table of
//! the month per creator, in each language: the sentences take
//! figures already formatted and say only what they are given. Kept apart
//! from the page's other fixed strings, which are long enough.
//!
//! Russian counts agree with their number (1 ретейнер, 2 ретейнера,
//! 5 ретейнеров) through [`super::plural::ru`]; month names take the case their
//! preposition asks for.

use std::cmp::Ordering;

use super::plural;
use crate::model::{Language, Month};

/// The fixed strings of the summary and the table, in one language.
#[derive(Debug)]
#[allow(missing_docs)] // Named for what they say.
pub struct SummaryTexts {
    pub title: &'static str,
    pub creators: &'static str,
    pub posts: &'static str,
    pub no_creators: &'static str,
}

const EN: SummaryTexts = SummaryTexts {
    title: "In brief",
    creators: "The month per creator",
    posts: "Posts: delivered / contracted",
    no_creators: "No partnership booked a cost or published a post this month.",
};

const RU: SummaryTexts = SummaryTexts {
    title: "Коротко",
    creators: "Месяц по авторам",
    posts: "Публикации: вышло / по договору",
    no_creators: "В этом месяце ни у одного партнёрства не было ни затрат, ни публикаций.",
};

/// The summary's fixed strings in `lang`.
pub fn texts(lang: Language) -> &'static SummaryTexts {
    match lang {
        Language::En => &EN,
        Language::Ru => &RU,
    }
}

/// How a figure moved from the month before, formatted: its size, and its
/// size relative to the month before when that is defined.
#[derive(Debug, Clone, Copy)]
pub enum Move<'a> {
    /// Up by the amount (and the percentage).
    Up(&'a str, Option<&'a str>),
    /// Down by the amount (and the percentage).
    Down(&'a str, Option<&'a str>),
    /// The same to the cent.
    Same,
}

/// The month's spend and revenue, with how they moved from `before`.
#[derive(Debug, Clone, Copy)]
pub struct Spend<'a> {
    /// The report's month.
    pub month: Month,
    /// Cost booked in it.
    pub cost: &'a str,
    /// Revenue of its posts.
    pub revenue: &'a str,
    /// The month before with the moves of cost and revenue; `None` on the
    /// first month.
    pub before: Option<(Month, Move<'a>, Move<'a>)>,
}

/// A ratio against its target, formatted.
#[derive(Debug, Clone, Copy)]
pub enum Versus<'a> {
    /// Undefined: never written as a number.
    Undefined,
    /// Defined; the client set no target.
    Plain(&'a str),
    /// Defined, with the target and how the figure compares with it.
    Target(&'a str, &'a str, Ordering),
}

/// A retainer that ends within 30 days of the report date.
#[derive(Debug, Clone, Copy)]
pub struct Due<'a> {
    /// The creator.
    pub creator: &'a str,
    /// Its end, written out.
    pub end: &'a str,
    /// Its recommendation's name, when it has one.
    pub recommendation: Option<&'a str>,
}

/// The first sentence: what the month cost and brought in, against the
/// month before.
pub fn spend(lang: Language, s: &Spend) -> String {
    match lang {
        Language::En => en_spend(s),
        Language::Ru => ru_spend(s),
    }
}

fn en_spend(s: &Spend) -> String {
    let month = super::month(Language::En, s.month);
    let Some((prev, cost, revenue)) = s.before else {
        return format!(
            "In {month}, the first month of the report, spend was {} and revenue {}.",
            s.cost, s.revenue
        );
    };
    let moved = |m: Move| match m {
        Move::Up(a, p) => format!("rose by {a}{}", paren(p)),
        Move::Down(a, p) => format!("fell by {a}{}", paren(p)),
        Move::Same => "was unchanged".to_string(),
    };
    format!(
        "In {month} spend was {} and revenue {}; against {}, spend {} and revenue {}.",
        s.cost,
        s.revenue,
        super::month(Language::En, prev),
        moved(cost),
        moved(revenue)
    )
}

fn paren(p: Option<&str>) -> String {
    p.map_or_else(String::new, |p| format!(" ({p})"))
}

/// Months after "в" (prepositional) and "с" (instrumental, "compared with").
const RU_IN: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];
const RU_WITH: [&str; 12] = [
    "январём",
    "февралём",
    "мартом",
    "апрелем",
    "маем",
    "июнем",
    "июлем",
    "августом",
    "сентябрём",
    "октябрём",
    "ноябрём",
    "декабрём",
];

fn ru_month(names: &[&str; 12], m: Month) -> String {
    format!("{} {}", names[super::month_index(m.month)], m.year)
}

fn ru_spend(s: &Spend) -> String {
    let month = ru_month(&RU_IN, s.month);
    let Some((prev, cost, revenue)) = s.before else {
        return format!(
            "В {month}, первом месяце отчёта, затраты составили {}, выручка — {}.",
            s.cost, s.revenue
        );
    };
    // Затраты are plural, выручка feminine: the verbs agree.
    let moved = |m: Move, [up, down, same]: [&str; 3]| match m {
        Move::Up(a, p) => format!("{up} на {a}{}", paren(p)),
        Move::Down(a, p) => format!("{down} на {a}{}", paren(p)),
        Move::Same => same.to_string(),
    };
    format!(
        "В {month} затраты составили {}, выручка — {}; по сравнению с {} затраты {}, выручка {}.",
        s.cost,
        s.revenue,
        ru_month(&RU_WITH, prev),
        moved(cost, ["выросли", "уменьшились", "не изменились"]),
        moved(revenue, ["выросла", "уменьшилась", "не изменилась"])
    )
}

/// The second sentence: ROI and CPA, against the client's targets.
pub fn returns(lang: Language, roi: Versus, cpa: Versus) -> String {
    let (roi, cpa) = match lang {
        Language::En => (
            en_versus("ROI", roi, "there is no ROI, as no cost was booked"),
            en_versus("CPA", cpa, "there is no CPA, as there were no conversions"),
        ),
        Language::Ru => (
            ru_versus("ROI", roi, "ROI не определён: затрат не было"),
            ru_versus("CPA", cpa, "CPA не определён: конверсий не было"),
        ),
    };
    format!("{}; {cpa}.", capitalise(&roi))
}

fn en_versus(name: &str, v: Versus, undefined: &str) -> String {
    match v {
        Versus::Undefined => undefined.to_string(),
        Versus::Plain(x) => format!("{name} was {x}"),
        Versus::Target(x, t, o) => {
            let side = match o {
                Ordering::Greater => "above",
                Ordering::Less => "below",
                Ordering::Equal => "at",
            };
            format!("{name} was {x}, {side} the {t} target")
        }
    }
}

fn ru_versus(name: &str, v: Versus, undefined: &str) -> String {
    match v {
        Versus::Undefined => undefined.to_string(),
        Versus::Plain(x) => format!("{name} — {x}"),
        Versus::Target(x, t, o) => {
            let side = match o {
                Ordering::Greater => "выше цели",
                Ordering::Less => "ниже цели",
                Ordering::Equal => "на уровне цели",
            };
            format!("{name} — {x}, {side} {t}")
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().chain(c).collect::<String>()
    })
}

/// The third sentence: the posts published, as counts and their text.
pub fn posts(lang: Language, (sponsored, s): (u64, &str), (organic, o): (u64, &str)) -> String {
    match lang {
        Language::En => {
            let one = |n: u64, x: &str, word: &str| {
                format!("{x} {word}{}", if n == 1 { "" } else { "s" })
            };
            match (sponsored, organic) {
                (0, 0) => "No posts were published.".to_string(),
                (_, 0) => format!(
                    "Creators published {}.",
                    one(sponsored, s, "sponsored post")
                ),
                (0, _) => format!(
                    "Creators published no sponsored posts and {}.",
                    one(organic, o, "organic mention")
                ),
                _ => format!(
                    "Creators published {} and {}.",
                    one(sponsored, s, "sponsored post"),
                    one(organic, o, "organic mention")
                ),
            }
        }
        Language::Ru => {
            // The accusative after "опубликовали".
            let sp = |n: u64, x: &str| {
                let forms = [
                    "спонсорскую публикацию",
                    "спонсорские публикации",
                    "спонсорских публикаций",
                ];
                format!("{x} {}", plural::ru(n, forms))
            };
            let or = |n: u64, x: &str| {
                let forms = [
                    "органическое упоминание",
                    "органических упоминания",
                    "органических упоминаний",
                ];
                format!("{x} {}", plural::ru(n, forms))
            };
            match (sponsored, organic) {
                (0, 0) => "Публикаций в этом месяце не было.".to_string(),
                (_, 0) => format!("Авторы опубликовали {}.", sp(sponsored, s)),
                (0, _) => format!(
                    "Спонсорских публикаций не было; авторы опубликовали {}.",
                    or(organic, o)
                ),
                _ => format!(
                    "Авторы опубликовали {} и {}.",
                    sp(sponsored, s),
                    or(organic, o)
                ),
            }
        }
    }
}

/// The fourth sentence: the partnership with the best ROI of the `costed`
/// ones, with its ROI and cost.
pub fn best(lang: Language, creator: &str, roi: &str, cost: &str, costed: u64) -> String {
    match (lang, costed) {
        (Language::En, 1) => format!(
            "{creator} was the only partnership with a cost this month: ROI {roi} on {cost} of cost."
        ),
        (Language::En, n) => format!(
            "Of the {n} partnerships with a cost this month, {creator} did best: ROI {roi} on {cost} of cost."
        ),
        (Language::Ru, 1) => format!(
            "Затраты в этом месяце были только у одного партнёрства — автора {creator}: ROI {roi} при затратах {cost}."
        ),
        (Language::Ru, n) => format!(
            "Лучший ROI из {n} {} с затратами в этом месяце — у автора {creator}: {roi} при затратах {cost}.",
            plural::ru(n, ["партнёрства", "партнёрств", "партнёрств"])
        ),
    }
}

/// The fifth sentence: the retainers that end within 30 days of the report
/// date, each with its recommendation.
pub fn due(lang: Language, due: &[Due]) -> String {
    let n = due.len() as u64;
    if n == 0 {
        return super::texts(lang).no_renewals_due.to_string();
    }
    match lang {
        Language::En => {
            let items: Vec<String> = due
                .iter()
                .map(|d| {
                    let rec = d
                        .recommendation
                        .map_or_else(String::new, |r| format!(" (recommendation: {r})"));
                    format!("{} on {}{rec}", d.creator, d.end)
                })
                .collect();
            let (word, verb) = if n == 1 {
                ("retainer", "ends")
            } else {
                ("retainers", "end")
            };
            format!(
                "{n} {word} {verb} within 30 days of the report date: {}.",
                join(&items, " and ")
            )
        }
        Language::Ru => {
            let items: Vec<String> = due
                .iter()
                .map(|d| {
                    let rec = d
                        .recommendation
                        .map_or_else(String::new, |r| format!(" (рекомендация: {r})"));
                    format!("{} — {}{rec}", d.creator, d.end)
                })
                .collect();
            format!(
                "В ближайшие 30 дней после даты отчёта {} {n} {}: {}.",
                plural::ru(n, ["заканчивается", "заканчиваются", "заканчиваются"]),
                plural::ru(n, ["ретейнер", "ретейнера", "ретейнеров"]),
                join(&items, " и ")
            )
        }
    }
}

/// "a, b and c".
fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    #[test]
    fn russian_counts_agree_with_their_number() {
        let forms = ["ретейнер", "ретейнера", "ретейнеров"];
        let got: Vec<&str> = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]
            .iter()
            .map(|&n| plural::ru(n, forms))
            .collect();
        assert_eq!(
            got,
            [
                "ретейнер",
                "ретейнера",
                "ретейнера",
                "ретейнеров",
                "ретейнеров",
                "ретейнеров",
                "ретейнеров",
                "ретейнер",
                "ретейнера",
                "ретейнеров",
                "ретейнер",
                "ретейнеров"
            ]
        );
    }

    #[test]
    fn the_first_month_has_nothing_to_compare_with() {
        let s = Spend {
            month: m("2026-03"),
            cost: "$220.15",
            revenue: "$0.00",
            before: None,
        };
        assert_eq!(
            spend(Language::En, &s),
            "In March 2026, the first month of the report, spend was $220.15 and revenue $0.00."
        );
        assert_eq!(
            spend(Language::Ru, &s),
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
        };
        assert_eq!(
            spend(Language::En, &s),
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
            spend(Language::Ru, &s),
            "В январе 2026 затраты составили $10.00, выручка — $5.00; по сравнению с декабрём 2025 затраты уменьшились на 2,00 ₽ (16,7 %), выручка выросла на 1,00 ₽ (25,0 %)."
        );
    }

    #[test]
    fn an_undefined_roi_or_cpa_is_said_in_words_and_a_missing_target_is_not_invented() {
        assert_eq!(
            returns(Language::En, Versus::Undefined, Versus::Undefined),
            "There is no ROI, as no cost was booked; there is no CPA, as there were no conversions."
        );
        assert_eq!(
            returns(Language::En, Versus::Plain("12.0%"), Versus::Plain("$3.00")),
            "ROI was 12.0%; CPA was $3.00."
        );
        assert_eq!(
            returns(
                Language::En,
                Versus::Target("12.0%", "50.0%", Ordering::Less),
                Versus::Target("$25.00", "$25.00", Ordering::Equal)
            ),
            "ROI was 12.0%, below the 50.0% target; CPA was $25.00, at the $25.00 target."
        );
        assert_eq!(
            returns(
                Language::Ru,
                Versus::Target("101,2 %", "40,0 %", Ordering::Greater),
                Versus::Undefined
            ),
            "ROI — 101,2 %, выше цели 40,0 %; CPA не определён: конверсий не было."
        );
        assert_eq!(
            returns(Language::Ru, Versus::Undefined, Versus::Plain("0,00 ₽")),
            "ROI не определён: затрат не было; CPA — 0,00 ₽."
        );
    }

    #[test]
    fn posts_best_and_renewals_read_in_both_languages() {
        assert_eq!(
            posts(Language::En, (1, "1"), (0, "0")),
            "Creators published 1 sponsored post."
        );
        assert_eq!(
            posts(Language::En, (0, "0"), (0, "0")),
            "No posts were published."
        );
        assert_eq!(
            posts(Language::Ru, (21, "21"), (3, "3")),
            "Авторы опубликовали 21 спонсорскую публикацию и 3 органических упоминания."
        );
        assert_eq!(
            best(Language::Ru, "Вера", "139,2 %", "350 000,00 ₽", 21),
            "Лучший ROI из 21 партнёрства с затратами в этом месяце — у автора Вера: 139,2 % при затратах 350 000,00 ₽."
        );
        let two = [
            Due {
                creator: "A",
                end: "10 November 2026",
                recommendation: Some("extend"),
            },
            Due {
                creator: "B",
                end: "20 November 2026",
                recommendation: None,
            },
        ];
        assert_eq!(
            due(Language::En, &two),
            "2 retainers end within 30 days of the report date: A on 10 November 2026 (recommendation: extend) and B on 20 November 2026."
        );
        assert!(
            due(Language::Ru, &two[..1]).starts_with(
                "В ближайшие 30 дней после даты отчёта заканчивается 1 ретейнер: A — "
            )
        );
        assert_eq!(
            due(Language::En, &[]),
            "No retainer ends within 30 days of the report date."
        );
    }
}
