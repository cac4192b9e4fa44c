//! Every fixed string of the pages in English and Russian, month names,
//! dates, and the names of phases, recommendations, models and platforms.
//!
//! Templates read the strings as `t.<key>`; Rust reads them with [`text`].
//! Numbers are formatted in [`super::format`].

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use crate::analytics::life::{Phase, Recommendation};
use crate::model::{Language, Model, Month};

/// (key, English, Russian).
const STRINGS: &[(&str, &str, &str)] = &[
    // Navigation and frame.
    ("skip", "Skip to content", "Перейти к содержанию"),
    ("overview", "Overview", "Обзор"),
    ("reports", "Monthly reports", "Ежемесячные отчёты"),
    ("partnerships", "Partnerships", "Партнёрства"),
    ("markets", "Markets", "Рынки"),
    ("clients", "Clients", "Клиенты"),
    ("figures_as_of", "Figures as of", "Данные на"),
    (
        "data_json",
        "All figures as data.json",
        "Все показатели в data.json",
    ),
    ("download_csv", "Download CSV", "Скачать CSV"),
    ("chart_data", "Chart data", "Данные графика"),
    (
        "models_all",
        "Every figure by model",
        "Все показатели по моделям",
    ),
    ("no_data", "No data yet", "Данных пока нет"),
    ("how_we_count", "How we count", "Как мы считаем"),
    (
        "na_means",
        "“n/a” marks a figure that cannot be computed: a ratio whose denominator is zero or unknown. It is never shown as zero.",
        "«н/д» означает, что показатель нельзя вычислить: знаменатель равен нулю или неизвестен. Такой показатель никогда не показывается как ноль.",
    ),
    ("note", "Commentary", "Комментарий"),
    ("open_report", "Open the report", "Открыть отчёт"),
    (
        "see_all",
        "Every page of this report",
        "Все страницы отчёта",
    ),
    // Figures.
    ("cost", "Cost", "Затраты"),
    ("revenue", "Revenue", "Выручка"),
    ("roi", "ROI", "ROI"),
    ("roas", "ROAS", "ROAS"),
    ("cpa", "CPA", "CPA"),
    ("cpa_long", "Cost per acquisition", "Стоимость привлечения"),
    (
        "cpm_reach",
        "Cost per 1,000 reached",
        "Стоимость 1000 охвата",
    ),
    ("engagement_rate", "Engagement rate", "Вовлечённость (ER)"),
    (
        "repeat_rate",
        "Repeat purchase rate",
        "Доля повторных покупок",
    ),
    (
        "sponsored_posts",
        "Sponsored posts",
        "Спонсорские публикации",
    ),
    (
        "organic_posts",
        "Organic mentions",
        "Органические упоминания",
    ),
    ("conversions", "Conversions", "Конверсии"),
    ("reach", "Reach", "Охват"),
    ("engagements", "Engagements", "Вовлечения"),
    ("clicks", "Clicks", "Клики"),
    ("impressions", "Impressions", "Показы"),
    (
        "contracted_posts",
        "Contracted posts to date",
        "Публикаций по договору на дату",
    ),
    ("fulfilment", "Fulfilment", "Выполнение плана"),
    ("trend", "Engagement trend", "Тренд вовлечённости"),
    ("trend_short", "Trend", "Тренд"),
    ("per_post", "per post", "за публикацию"),
    ("target", "Target", "Цель"),
    ("target_roi", "target ROI", "целевой ROI"),
    ("target_cpa", "target CPA", "целевая CPA"),
    ("partnerships_n", "Partnerships", "Партнёрств"),
    // Overview.
    ("key_figures", "Key figures", "Ключевые показатели"),
    (
        "portfolio_to_date",
        "The portfolio to date",
        "Портфель на дату отчёта",
    ),
    (
        "headline_title",
        "Engagement by post number",
        "Вовлечённость по номеру публикации",
    ),
    (
        "headline_lead",
        "Audiences warm to a product that keeps showing up: each partnership's sponsored posts are numbered in order, and the chart averages the engagement rate of all posts with the same number.",
        "Аудитория теплеет к продукту, который появляется регулярно: спонсорские публикации каждого партнёрства пронумерованы по порядку, а график усредняет вовлечённость публикаций с одинаковым номером.",
    ),
    ("post_number", "Post number", "Номер публикации"),
    ("post_no", "Post no.", "№ публикации"),
    ("lift", "Lift", "Прирост"),
    ("n_posts", "n", "n"),
    ("retainers", "Retainers", "Ретейнеры"),
    ("one_offs", "One-offs", "Разовые интеграции"),
    ("one_offs_short", "One-offs", "Разовые"),
    (
        "one_off_level",
        "One-off post 1",
        "Разовая интеграция, публикация 1",
    ),
    ("roi_by_market", "ROI per market", "ROI по рынкам"),
    ("creator_roi", "Creator-level ROI", "ROI по авторам"),
    (
        "creator_roi_lead",
        "The portfolio ROI adds up all cost and revenue first; each dot is one partnership's own ROI, with the box from the first to the third quartile and the median across it.",
        "ROI портфеля сначала складывает все затраты и выручку; каждая точка — собственный ROI одного партнёрства, прямоугольник — от первого до третьего квартиля, черта — медиана.",
    ),
    ("best", "Best", "Лучший"),
    ("worst", "Worst", "Худший"),
    ("portfolio", "Portfolio", "Портфель"),
    ("median", "Median", "Медиана"),
    (
        "creator_roi_median",
        "Median partnership ROI",
        "Медианный ROI партнёрства",
    ),
    ("q1", "First quartile", "Первый квартиль"),
    ("q3", "Third quartile", "Третий квартиль"),
    (
        "quartiles",
        "Middle half (Q1–Q3)",
        "Средняя половина (Q1–Q3)",
    ),
    ("min", "Lowest", "Минимум"),
    ("max", "Highest", "Максимум"),
    (
        "n_partnerships",
        "Partnerships with a defined ROI",
        "Партнёрств с определённым ROI",
    ),
    (
        "models_title",
        "One-offs and long-term partnerships, side by side",
        "Разовые интеграции и долгосрочные партнёрства",
    ),
    (
        "models_lead",
        "The same money spent two ways: a single post, or a creator on a monthly retainer.",
        "Одни и те же деньги, потраченные двумя способами: одна публикация или автор на ежемесячном ретейнере.",
    ),
    ("er_day1", "Engagement on day 1", "Вовлечённость в 1-й день"),
    (
        "er_day7",
        "Engagement on day 7",
        "Вовлечённость на 7-й день",
    ),
    (
        "days_to_90",
        "Days to 90% of conversions",
        "Дней до 90% конверсий",
    ),
    (
        "decay_title",
        "Engagement by day after publication",
        "Вовлечённость по дням после публикации",
    ),
    ("day", "Day", "День"),
    (
        "window_title",
        "Share of conversions by day",
        "Накопленная доля конверсий по дням",
    ),
    ("share", "Cumulative share", "Накопленная доля"),
    ("roster", "The roster", "Состав"),
    ("creator", "Creator", "Автор"),
    ("market", "Market", "Рынок"),
    ("model", "Model", "Модель"),
    ("phase", "Phase", "Фаза"),
    ("month", "Month", "Месяц"),
    ("recommendation", "Recommendation", "Рекомендация"),
    ("latest_month", "The latest month", "Последний месяц"),
    ("vs_previous", "vs previous month", "к прошлому месяцу"),
    (
        "all_reports",
        "Every monthly report",
        "Все ежемесячные отчёты",
    ),
    ("all_partnerships", "Every partnership", "Все партнёрства"),
    ("all_markets", "Every market", "Все рынки"),
    // Monthly report.
    ("report_title", "Monthly report", "Ежемесячный отчёт"),
    ("previous_month", "Previous month", "Предыдущий месяц"),
    ("next_month", "Next month", "Следующий месяц"),
    ("this_month", "This month", "Этот месяц"),
    ("change", "Change", "Изменение"),
    ("figure", "Figure", "Показатель"),
    (
        "month_figures",
        "The month against the month before",
        "Месяц в сравнении с предыдущим",
    ),
    ("month_posts", "Posts of the month", "Публикации месяца"),
    (
        "no_posts",
        "No posts were published this month.",
        "В этом месяце публикаций не было.",
    ),
    (
        "trend_title",
        "Cost and revenue by month",
        "Затраты и выручка по месяцам",
    ),
    (
        "first_month",
        "This is the first month with activity: there is nothing to compare with.",
        "Это первый месяц с активностью: сравнивать не с чем.",
    ),
    ("up", "up", "рост"),
    ("down", "down", "снижение"),
    ("unchanged", "unchanged", "без изменений"),
    // Posts.
    ("date", "Date", "Дата"),
    ("kind", "Kind", "Тип"),
    ("sponsored", "Sponsored", "Спонсорская"),
    ("organic", "Organic", "Органическая"),
    ("ramp_up", "Ramp-up", "Разгон"),
    (
        "ramp_up_post",
        "published in ramp-up",
        "опубликована в период разгона",
    ),
    ("link", "Link", "Ссылка"),
    ("post", "Post", "Публикация"),
    // Partnership page.
    ("platform", "Platform", "Платформа"),
    ("handle", "Handle", "Аккаунт"),
    ("followers", "Followers", "Подписчики"),
    ("contract", "Contract", "Договор"),
    ("fee", "Fee", "Гонорар"),
    ("per_month", "per month", "в месяц"),
    ("in_total", "in total", "всего"),
    ("term", "Term", "Срок"),
    ("open_ended", "open-ended", "без даты окончания"),
    ("deliverables", "Deliverables", "Обязательства"),
    (
        "posts_per_month",
        "sponsored posts per month",
        "спонсорских публикаций в месяц",
    ),
    ("individual", "individual", "индивидуальный"),
    ("umbrella", "umbrella", "рамочный"),
    ("timeline", "Phase timeline", "Фазы партнёрства"),
    ("now", "Now", "Сейчас"),
    ("ended_on", "Ended", "Завершено"),
    ("from", "From", "С"),
    ("to", "To", "По"),
    ("months", "Months", "Месяцы"),
    ("ramp_up_until", "Ramp-up until", "Разгон до"),
    (
        "one_off_note",
        "A one-off is a single paid campaign: it has no phases and no recommendation.",
        "Разовая интеграция — одна оплаченная кампания: у неё нет фаз и рекомендации.",
    ),
    (
        "engagement_per_post",
        "Engagement per post",
        "Вовлечённость по публикациям",
    ),
    ("trend_line", "Trend line", "Линия тренда"),
    ("posts", "Posts", "Публикации"),
    ("costs_by_month", "Costs by month", "Затраты по месяцам"),
    ("extra_costs", "Extra costs", "Дополнительные затраты"),
    ("extra", "Extra", "Дополнительно"),
    ("total", "Total", "Итого"),
    ("label", "What for", "За что"),
    ("amount", "Amount", "Сумма"),
    ("converted", "In report currency", "В валюте отчёта"),
    (
        "no_extra_costs",
        "No extra costs to date.",
        "Дополнительных затрат на дату отчёта нет.",
    ),
    ("why", "Why", "Почему"),
    ("rule", "Rule", "Правило"),
    (
        "rules_lead",
        "The rules are checked in this order; the first that applies decides. This is advice with its reasons, not a verdict.",
        "Правила проверяются по порядку; решает первое подходящее. Это совет с обоснованием, а не приговор.",
    ),
    (
        "figures_decided",
        "The figures the rules read",
        "Показатели, по которым применялись правила",
    ),
    ("current_month", "Current month", "Текущий месяц"),
    ("end", "End", "Окончание"),
    ("met", "met", "выполнено"),
    ("not_met", "not met", "не выполнено"),
    ("no_target", "no target set", "цель не задана"),
    (
        "no_phase",
        "no phase (one-off)",
        "нет фазы (разовая интеграция)",
    ),
    // Market page.
    (
        "market_figures",
        "The market to date",
        "Рынок на дату отчёта",
    ),
    (
        "market_curve",
        "Engagement by post number in this market",
        "Вовлечённость по номеру публикации на этом рынке",
    ),
    (
        "no_partnerships",
        "No partnerships in this market yet.",
        "На этом рынке пока нет партнёрств.",
    ),
    // Site index.
    ("report_sites", "Client reports", "Отчёты клиентов"),
];

/// The strings of a language, by key.
pub fn table(lang: Language) -> &'static BTreeMap<&'static str, &'static str> {
    static EN: OnceLock<BTreeMap<&str, &str>> = OnceLock::new();
    static RU: OnceLock<BTreeMap<&str, &str>> = OnceLock::new();
    let (cell, ru) = match lang {
        Language::En => (&EN, false),
        Language::Ru => (&RU, true),
    };
    cell.get_or_init(|| {
        STRINGS
            .iter()
            .map(|(k, en, r)| (*k, if ru { *r } else { *en }))
            .collect()
    })
}

/// One string; a missing key reads as itself, which the tests catch.
pub fn text(lang: Language, key: &'static str) -> &'static str {
    table(lang).get(key).copied().unwrap_or(key)
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_RU: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const MONTHS_RU_OF: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const SHORT_RU: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "October 2026" / "Октябрь 2026".
pub fn month(lang: Language, m: Month) -> String {
    let i = (m.month as usize).saturating_sub(1).min(11);
    match lang {
        Language::En => format!("{} {}", MONTHS_EN[i], m.year),
        Language::Ru => format!("{} {}", capitalise(MONTHS_RU[i]), m.year),
    }
}

/// "Oct" / "окт", for chart axes.
pub fn month_short(lang: Language, m: Month) -> &'static str {
    let i = (m.month as usize).saturating_sub(1).min(11);
    match lang {
        Language::En => SHORT_EN[i],
        Language::Ru => SHORT_RU[i],
    }
}

/// "31 October 2026" / "31 октября 2026".
pub fn date(lang: Language, d: NaiveDate) -> String {
    let i = d.month0() as usize;
    match lang {
        Language::En => format!("{} {} {}", d.day(), MONTHS_EN[i], d.year()),
        Language::Ru => format!("{} {} {}", d.day(), MONTHS_RU_OF[i], d.year()),
    }
}

/// Short Russian month names in a date ("7 мая 2026"): as [`SHORT_RU`]
/// but for May, whose name is short already and takes the genitive.
const SHORT_RU_OF: [&str; 12] = [
    "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// "7 Oct 2026" / "7 окт 2026", for tables.
pub fn date_short(lang: Language, d: NaiveDate) -> String {
    let i = d.month0() as usize;
    let short = match lang {
        Language::En => SHORT_EN[i],
        Language::Ru => SHORT_RU_OF[i],
    };
    format!("{}\u{a0}{}\u{a0}{}", d.day(), short, d.year())
}

/// A phase's name.
pub fn phase(lang: Language, p: Phase) -> &'static str {
    let ru = lang == Language::Ru;
    match p {
        Phase::Build => pick(ru, "Build", "Знакомство"),
        Phase::Optimize => pick(ru, "Optimize", "Оптимизация"),
        Phase::Scale => pick(ru, "Scale", "Масштабирование"),
        Phase::Continuation => pick(ru, "Continuation", "Продолжение"),
        Phase::Ended => pick(ru, "Ended", "Завершено"),
    }
}

/// What a phase is for, one line.
pub fn phase_about(lang: Language, p: Phase) -> &'static str {
    let ru = lang == Language::Ru;
    match p {
        Phase::Build => pick(
            ru,
            "month 1: the creator and the audience get to know the product",
            "1-й месяц: автор и аудитория знакомятся с продуктом",
        ),
        Phase::Optimize => pick(
            ru,
            "months 2–4: formats and briefs are tuned",
            "2–4-й месяцы: настраиваются форматы и брифы",
        ),
        Phase::Scale => pick(
            ru,
            "months 5–6: what works is done more",
            "5–6-й месяцы: то, что работает, делается чаще",
        ),
        Phase::Continuation => pick(
            ru,
            "month 7 on: a steady, long-term partnership",
            "с 7-го месяца: устойчивое долгосрочное партнёрство",
        ),
        Phase::Ended => pick(ru, "the partnership has ended", "партнёрство завершено"),
    }
}

/// A recommendation's name.
pub fn recommendation(lang: Language, r: Recommendation) -> &'static str {
    let ru = lang == Language::Ru;
    match r {
        Recommendation::Ended => pick(ru, "Ended", "Завершено"),
        Recommendation::TooEarly => pick(ru, "Too early", "Рано судить"),
        Recommendation::InProgress => pick(ru, "In progress", "В работе"),
        Recommendation::Extend => pick(ru, "Extend", "Продлить"),
        Recommendation::MoveOn => pick(ru, "Move on", "Завершить"),
        Recommendation::Review => pick(ru, "Review", "Пересмотреть"),
    }
}

/// The class of a recommendation's badge.
pub fn recommendation_class(r: Recommendation) -> &'static str {
    match r {
        Recommendation::Ended => "ended",
        Recommendation::TooEarly => "too-early",
        Recommendation::InProgress => "in-progress",
        Recommendation::Extend => "extend",
        Recommendation::MoveOn => "move-on",
        Recommendation::Review => "review",
    }
}

/// The six recommendation rules of metrics.md, in order, in plain words.
pub fn rules(lang: Language) -> [&'static str; 6] {
    match lang {
        Language::En => [
            "Ended: the partnership's end date is before the report date.",
            "Too early: the report date is still within ramp-up.",
            "In progress: the current month is below 6 and the end is not within 30 days.",
            "Extend: ROI is at or above the target ROI and, where a target CPA is set, CPA is at or below it, and the engagement trend is not falling (or cannot be computed yet).",
            "Move on: ROI is below the target ROI and the engagement trend is falling.",
            "Review: anything else.",
        ],
        Language::Ru => [
            "Завершено: дата окончания партнёрства раньше даты отчёта.",
            "Рано судить: дата отчёта ещё в периоде разгона.",
            "В работе: текущий месяц меньше 6-го, и до окончания больше 30 дней.",
            "Продлить: ROI не ниже целевого, CPA не выше целевой (если она задана), и вовлечённость не падает (или тренд пока нельзя вычислить).",
            "Завершить: ROI ниже целевого, и вовлечённость падает.",
            "Пересмотреть: все остальные случаи.",
        ],
    }
}

/// A model's name.
pub fn model(lang: Language, m: Model) -> &'static str {
    let ru = lang == Language::Ru;
    match m {
        Model::Retainer => pick(ru, "Retainer", "Ретейнер"),
        Model::OneOff => pick(ru, "One-off", "Разовая"),
    }
}

/// A platform's name as people write it.
pub fn platform(lang: Language, p: &str) -> String {
    match p {
        "instagram" => "Instagram".into(),
        "tiktok" => "TikTok".into(),
        "youtube" => "YouTube".into(),
        "telegram" => "Telegram".into(),
        "vk" => pick(lang == Language::Ru, "VK", "ВКонтакте").into(),
        "twitch" => "Twitch".into(),
        "other" => pick(lang == Language::Ru, "Other", "Другая").into(),
        other => other.to_string(),
    }
}

fn pick(ru: bool, en: &'static str, r: &'static str) -> &'static str {
    if ru { r } else { en }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_translated() {
        let mut keys: Vec<&str> = STRINGS.iter().map(|s| s.0).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), STRINGS.len());
        assert!(STRINGS.iter().all(|s| !s.1.is_empty() && !s.2.is_empty()));
    }

    #[test]
    fn writes_months_and_dates_in_both_languages() {
        let m = Month::parse("2026-10").unwrap();
        assert_eq!(month(Language::En, m), "October 2026");
        assert_eq!(month(Language::Ru, m), "Октябрь 2026");
        let d = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        assert_eq!(date(Language::Ru, d), "31 октября 2026");
        assert_eq!(date_short(Language::En, d), "31\u{a0}Oct\u{a0}2026");
        assert_eq!(text(Language::Ru, "cost"), "Затраты");
    }
}
