//! The Russian sentences: the charts' descriptions, the money ahead, the
//! monthly summary and the paired lift, with figures already formatted.
//! Counts agree with their number (1 ретейнер, 2 ретейнера, 5 ретейнеров)
//! through [`plural::ru`], or stand after a colon ("авторов: 3"), which
//! agrees with any number; month names take the case their preposition
//! asks for.

use std::cmp::Ordering;

use super::{compounding, definitions, restated};
use crate::model::Month;
use crate::view::i18n::{
    BudgetWords, Definition, Move, OwnMonth, Ratio, Sentences, Settings, Spend, SpreadFigures,
    Verdict, Versus,
    capitalise, month_index, more_or_less, paren, plural,
};

/// The Russian sentences.
pub(super) struct Russian;

/// "Октябрь 2026".
fn month(m: Month) -> String {
    super::CATALOGUE.month(m)
}

/// "октября 2026": the genitive, after "до" and "с".
fn month_of(m: Month) -> String {
    let of = super::CATALOGUE.calendar.months_of[month_index(m.month)];
    format!("{of} {}", m.year)
}

/// "16 апреля": a day of a month, the month in the genitive, without
/// its year.
fn day_of(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let of = super::CATALOGUE.calendar.months_of[d.month0() as usize];
    format!("{} {of}", d.day())
}

impl Sentences for Russian {
    fn definition(&self, d: Definition, s: &Settings) -> String {
        definitions::definition(d, s)
    }

    // "вовлечений: N" agrees with any number, as "N вовлечений" would not.
    fn engagements(&self, n: &str) -> String {
        format!("вовлечений: {n}")
    }

    fn posts_per_month(&self, shown: &str, n: &str) -> String {
        let forms = [
            "спонсорская публикация",
            "спонсорские публикации",
            "спонсорских публикаций",
            "спонсорской публикации",
        ];
        format!("{shown} {} в месяц", plural::ru_written(n, forms))
    }

    fn end_in(&self, date: &str, days: i64) -> String {
        // Days are never negative in words.
        let n = days.unsigned_abs();
        let unit = plural::ru(n, ["день", "дня", "дней"]);
        match days {
            0 => format!("{date} (дата отчёта)"),
            d if d < 0 => format!("{date} (закончилось за {n} {unit} до даты отчёта)"),
            _ => format!("{date} ({n} {unit} после даты отчёта)"),
        }
    }

    fn decay_desc(&self, [r1, r7]: [&str; 2], [o1, o7]: [&str; 2]) -> String {
        format!(
            "Вовлечённость по дням после публикации. Ретейнеры: {r1} в 1-й день, {r7} на 7-й. Разовые интеграции: {o1} в 1-й день, {o7} на 7-й."
        )
    }

    fn window_desc(&self, retainers: &str, one_offs: &str) -> String {
        format!(
            "Доля конверсий публикации, пришедших к каждому дню после публикации. 90% достигается на {retainers}-й день у ретейнеров и на {one_offs}-й у разовых интеграций."
        )
    }

    fn headline_retainers(&self, first: &str, at_k: &str, k: u32, lift: &str, n: usize) -> String {
        format!(
            "Ретейнеры: средняя вовлечённость {first} на 1-й публикации и {at_k} на {k}-й (прирост {lift}, n = {n})."
        )
    }

    fn headline_one_offs(&self, first: &str) -> String {
        format!("Разовые интеграции: {first} на 1-й публикации.")
    }

    fn spread_desc(&self, s: &SpreadFigures) -> String {
        // The genitive: "ROI 1 партнёрства", "ROI 2 партнёрств".
        let partnerships = plural::ru(s.n as u64, ["партнёрства", "партнёрств", "партнёрств"]);
        format!(
            "ROI {} {partnerships}: медиана {}, средняя половина от {} до {}, от {} ({}) до {} ({}). {}: ROI {}.",
            s.n, s.median, s.q1, s.q3, s.min.0, s.min.1, s.max.0, s.max.1, s.whole.0, s.whole.1
        )
    }

    // The range is mid-sentence, so lower case; the last month starts one.
    fn month_trend_desc(&self, from: Month, to: Month, cost: &str, revenue: &str) -> String {
        let last = month(to);
        format!(
            "Затраты и выручка по месяцам с {} по {}. {last}: затраты {cost}, выручка {revenue}.",
            month(from).to_lowercase(),
            last.to_lowercase()
        )
    }

    fn engagement_desc(&self, creator: &str, posts: usize, trend: &str) -> String {
        // After "из" the count takes the genitive: из 21 публикации, из 5
        // публикаций.
        let each = match posts {
            1 => "единственной спонсорской публикации".to_string(),
            n => {
                let forms = ["спонсорской публикации", "спонсорских публикаций", "спонсорских публикаций"];
                format!("каждой из {n} {}", plural::ru(n as u64, forms))
            }
        };
        format!("Вовлечённость {each} автора {creator} по номеру публикации. Тренд: {trend}.")
    }

    // Mid-sentence, so lower case: "ноябрь 2025 – октябрь 2026".
    fn month_range(&self, from: Month, to: Month) -> String {
        format!(
            "{} – {}",
            month(from).to_lowercase(),
            month(to).to_lowercase()
        )
    }

    fn quarter(&self, year: i32, q: u32) -> String {
        format!("{q}-й квартал {year}")
    }

    // "до" takes the genitive: "до ноября 2026".
    fn committed_until(&self, last: Month) -> String {
        format!("до {}", month_of(last))
    }

    // "ретейнеров: N" agrees with any number.
    fn open_ended_note(&self, retainers: usize) -> String {
        format!("в месяц; ретейнеров без даты окончания: {retainers}")
    }

    // "с" takes the genitive, "по" and "на" the accusative (a month's name
    // as in the nominative).
    fn cost_ahead_desc(
        &self,
        (from, to, spent): (Month, Month, &str),
        committed: Option<(Month, Month, &str)>,
        continuing: Option<&str>,
    ) -> String {
        let of = month_of;
        let to_m = |m: Month| month(m).to_lowercase();
        let ahead = match committed {
            Some((a, b, c)) if a == b => format!("законтрактовано {c} на {}", to_m(a)),
            Some((a, b, c)) => format!("законтрактовано {c} с {} по {}", of(a), to_m(b)),
            None => "после даты отчёта ничего не законтрактовано".to_string(),
        };
        let going_on = continuing.map_or(String::new(), |c| {
            format!("; бессрочные ретейнеры продолжаются — {c} в месяц, без договора на срок")
        });
        format!(
            "Затраты по месяцам и рынкам: потрачено {spent} с {} по {}; {ahead}{going_on}.",
            of(from),
            to_m(to)
        )
    }

    fn payback_day(&self, day: u32) -> String {
        format!("день {day}")
    }

    fn payback_month(&self, month: u32) -> String {
        format!("{month}-й месяц")
    }

    fn short_by(&self, amount: &str) -> String {
        format!("не хватает {amount}")
    }

    fn signed_starts(&self, date: &str) -> String {
        format!("подписано, начало {date}")
    }

    fn contract_group(
        &self,
        umbrella: bool,
        reference: Option<&str>,
        creators: usize,
        fee: &str,
    ) -> String {
        let name = match (umbrella, reference) {
            (true, Some(r)) => format!("Рамочный договор {r}"),
            (true, None) => "Рамочный договор (без номера)".to_string(),
            (false, Some(r)) => format!("Индивидуальный договор {r}"),
            (false, None) => "Договор (без номера)".to_string(),
        };
        format!("{name} · авторов: {creators} · {fee} в месяц")
    }

    fn budget_left(&self, amount: &str, over: bool) -> String {
        if over {
            format!("перерасход {amount}")
        } else {
            format!("остаток {amount}")
        }
    }

    fn budget_bar(&self, b: &BudgetWords) -> String {
        format!(
            "{}: потрачено {}, законтрактовано {}, прогноз {} из {}; прошло {} периода.",
            b.period, b.spent, b.committed, b.projected, b.amount, b.elapsed
        )
    }

    fn spend(&self, s: &Spend) -> String {
        let (cost, revenue) = (s.cost, s.revenue);
        let Some((prev, up_cost, up_revenue)) = s.before else {
            return match s.so_far {
                Some((to, _)) => format!(
                    "{}, первый месяц отчёта, ещё не закончился: по {} затраты составили {cost}, выручка — {revenue}.",
                    month(s.month),
                    day_of(to)
                ),
                None => format!(
                    "В {}, первом месяце отчёта, затраты составили {cost}, выручка — {revenue}.",
                    in_month(s.month)
                ),
            };
        };
        // Затраты are plural, выручка feminine: the verbs agree.
        let moved = |m: Move, [up, down, same]: [&str; 3]| match m {
            Move::Up(a, p) => format!("{up} на {a}{}", paren(p)),
            Move::Down(a, p) => format!("{down} на {a}{}", paren(p)),
            Move::Same => same.to_string(),
        };
        let (this, against) = match s.so_far {
            Some((to, before)) => (
                format!("{} ещё не закончился: по {}", month(s.month), day_of(to)),
                self.days_to(before),
            ),
            None => (format!("В {}", in_month(s.month)), with_month(prev)),
        };
        format!(
            "{this} затраты составили {cost}, выручка — {revenue}; по сравнению с {against} затраты {}, выручка {}.",
            moved(up_cost, ["выросли", "уменьшились", "не изменились"]),
            moved(up_revenue, ["выросла", "уменьшилась", "не изменилась"])
        )
    }

    fn days_to(&self, to: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        format!("1–{} {}", day_of(to), to.year())
    }

    fn versus_days(&self, to: chrono::NaiveDate) -> String {
        format!("к 1–{}", day_of(to))
    }

    fn returns(&self, roi: Versus, cpa: Versus) -> String {
        let roi = versus("ROI", roi, "ROI не определён: затрат не было");
        let cpa = versus("CPA", cpa, "CPA не определён: конверсий не было");
        format!("{}; {cpa}.", capitalise(&roi))
    }

    // The accusative after "опубликовали".
    fn posts(&self, (sponsored, s): (u64, &str), (organic, o): (u64, &str)) -> String {
        let sp = [
            "спонсорскую публикацию",
            "спонсорские публикации",
            "спонсорских публикаций",
        ];
        let or = [
            "органическое упоминание",
            "органических упоминания",
            "органических упоминаний",
        ];
        let sp = format!("{s} {}", plural::ru(sponsored, sp));
        let or = format!("{o} {}", plural::ru(organic, or));
        match (sponsored, organic) {
            (0, 0) => "Публикаций в этом месяце не было.".to_string(),
            (_, 0) => format!("Авторы опубликовали {sp}."),
            (0, _) => format!("Спонсорских публикаций не было; авторы опубликовали {or}."),
            _ => format!("Авторы опубликовали {sp} и {or}."),
        }
    }

    fn best(&self, creator: &str, roi: &str, cost: &str, costed: u64) -> String {
        match costed {
            1 => format!(
                "Затраты в этом месяце были только у одного партнёрства — автора {creator}: ROI {roi} при затратах {cost}."
            ),
            n => format!(
                "Лучший ROI из {n} {} с затратами в этом месяце — {creator}: {roi} при затратах {cost}.",
                plural::ru(n, ["партнёрства", "партнёрств", "партнёрств"])
            ),
        }
    }

    // "партнёрств: N" agrees with any number.
    fn lift(&self, k: u32, lift: &str, (low, high): (&str, &str), n: usize) -> String {
        let (more, lift) = more_or_less(lift, "больше", "меньше");
        format!(
            "Публикация {k} вовлекает на {lift} {more}, чем первая публикация тех же авторов (с уверенностью 95%: от {low} до {high}; партнёрств: {n})."
        )
    }

    fn too_few(&self, k: u32, n: usize) -> String {
        format!(
            "Слишком мало партнёрств дошло до публикации {k}, чтобы судить о надёжности прироста ({n} из 5 нужных)."
        )
    }

    fn small(&self, n: usize) -> String {
        format!("мало данных, n = {n}")
    }

    fn roi_to_date(&self, roi: Versus) -> String {
        compounding::roi_to_date(roi)
    }

    fn since(&self, change: &str, date: &str) -> String {
        compounding::since(change, date)
    }

    fn budget_status(&self, share: &str, period: &str, over: Option<&str>) -> String {
        compounding::budget_status(share, period, over)
    }

    fn more(&self, n: usize) -> String {
        compounding::more(n)
    }

    fn delivered_of(&self, delivered: &str, contracted: &str) -> String {
        format!("{delivered} из {contracted}")
    }

    fn latest_month(&self, m: Month) -> String {
        // Mid-sentence, a Russian month is written in lower case.
        format!(
            "{}: {}",
            super::CATALOGUE.texts.latest_month,
            month(m).to_lowercase()
        )
    }

    fn open_report_of(&self, m: Month) -> String {
        format!("Открыть отчёт за {}", month(m).to_lowercase())
    }

    fn verdict(&self, v: Verdict) -> String {
        compounding::verdict(v)
    }

    fn lift_finding(&self, rising: bool, k: u32) -> String {
        let more = if rising { "больше" } else { "меньше" };
        format!("Ретейнеры: к публикации {k} те же авторы вовлекают {more}")
    }

    fn against_one_offs(&self, cpa: Option<Ratio>, repeat: Option<Ratio>) -> String {
        compounding::against_one_offs(cpa, repeat)
    }

    fn tenure_desc(&self, first: (&str, usize), later: Option<(u32, &str, usize)>) -> String {
        compounding::tenure_desc(first, later)
    }

    fn own_month(&self, m: &OwnMonth) -> String {
        compounding::own_month(m)
    }

    fn restated_notice(&self, as_of: &str, first: &str, more: usize) -> String {
        restated::notice(as_of, first, more)
    }

    fn restated_lead(&self, as_of: &str) -> String {
        restated::lead(as_of)
    }

    fn restated_figure(&self, figure: &str, whose: Option<&str>, sent: &str, now: &str) -> String {
        restated::figure(figure, whose, sent, now)
    }

    fn restated_by_partnership(&self, n: usize) -> String {
        restated::by_partnership(n)
    }

    fn rate_moved(&self, from: &str, to: &str, sent: &str, now: &str) -> String {
        restated::rate_moved(from, to, sent, now)
    }

    fn inputs_moved(&self, names: &str) -> String {
        restated::inputs_moved(names)
    }

    fn compares_restated(&self, m: Month) -> String {
        restated::compares_restated(m)
    }
}

fn versus(name: &str, v: Versus, undefined: &str) -> String {
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

/// Months after "в" (prepositional): "в октябре 2026".
const IN: [&str; 12] = [
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

/// Months after "с" meaning "compared with" (instrumental): "с октябрём 2026".
const WITH: [&str; 12] = [
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

fn in_month(m: Month) -> String {
    format!("{} {}", IN[month_index(m.month)], m.year)
}

fn with_month(m: Month) -> String {
    format!("{} {}", WITH[month_index(m.month)], m.year)
}
