//! Russian: every page string, month names (with the genitive that dates
//! need) and dates, the "how we count" definitions and the charts'
//! descriptions.

use chrono::{Datelike, NaiveDate};

use super::ru_definitions as definitions;
use super::{BudgetWords, Definition, Settings, SpreadFigures, Texts, Words, month_index, plural};
use crate::model::Month;

/// The Russian wording.
pub(super) struct Russian;

static TEXTS: Texts = Texts {
    // Navigation and frame.
    skip: "Перейти к содержанию",
    overview: "Обзор",
    reports: "Ежемесячные отчёты",
    partnerships: "Партнёрства",
    markets: "Рынки",
    commitments: "Обязательства",
    clients: "Клиенты",
    figures_as_of: "Данные на",
    data_json: "Все показатели в data.json",
    download_csv: "Скачать CSV",
    chart_data: "Данные графика",
    models_all: "Все показатели по моделям",
    no_data: "Данных пока нет",
    how_we_count: "Как мы считаем",
    na_means: "«н/д» означает, что показатель нельзя вычислить: знаменатель равен нулю или неизвестен. Такой показатель никогда не показывается как ноль.",
    note: "Комментарий",
    internal_note: "Внутренний комментарий (только для агентства)",
    internal_mark: "Для внутреннего пользования",
    months_rounded: "Затраты и выручка каждого месяца округлены до сотых отдельно, поэтому месяцы в сумме могут не совпадать с итогами вверху страницы: они посчитаны по точным суммам.",
    rows_rounded: "Каждая сумма округлена до сотых отдельно, поэтому строки в сумме могут не совпадать с итогом: он посчитан по точным суммам.",
    open_report: "Открыть отчёт",
    see_all: "Все страницы отчёта",
    // Figures.
    cost: "Затраты",
    revenue: "Выручка",
    roi: "ROI",
    roas: "ROAS",
    cpa: "CPA",
    cpa_long: "Стоимость привлечения",
    cpm_reach: "Стоимость 1000 охвата",
    engagement_rate: "Вовлечённость (ER)",
    repeat_rate: "Доля повторных покупок",
    sponsored_posts: "Спонсорские публикации",
    organic_posts: "Органические упоминания",
    conversions: "Конверсии",
    reach: "Охват",
    engagements: "Вовлечения",
    clicks: "Клики",
    impressions: "Показы",
    contracted_posts: "Публикаций по договору на дату",
    fulfilment: "Выполнение плана",
    trend: "Тренд вовлечённости",
    trend_short: "Тренд",
    per_post: "за публикацию",
    target: "Цель",
    target_roi: "целевой ROI",
    target_cpa: "целевая CPA",
    partnerships_n: "Партнёрств",
    // Overview.
    key_figures: "Ключевые показатели",
    portfolio_to_date: "Портфель на дату отчёта",
    headline_title: "Вовлечённость по номеру публикации",
    headline_lead: "Аудитория теплеет к продукту, который появляется регулярно: спонсорские публикации каждого партнёрства пронумерованы по порядку, а график усредняет вовлечённость публикаций с одинаковым номером.",
    post_number: "Номер публикации",
    post_no: "№ публикации",
    lift: "Прирост",
    n_posts: "n",
    retainers: "Ретейнеры",
    one_offs: "Разовые интеграции",
    one_offs_short: "Разовые",
    one_off_level: "Разовая интеграция, публикация 1",
    roi_by_market: "ROI по рынкам",
    creator_roi: "ROI по авторам",
    creator_roi_lead: "ROI портфеля сначала складывает все затраты и выручку; каждая точка — собственный ROI одного партнёрства, прямоугольник — от первого до третьего квартиля, черта — медиана.",
    best: "Лучший",
    worst: "Худший",
    portfolio: "Портфель",
    median: "Медиана",
    creator_roi_median: "Медианный ROI партнёрства",
    q1: "Первый квартиль",
    q3: "Третий квартиль",
    quartiles: "Средняя половина (Q1–Q3)",
    min: "Минимум",
    max: "Максимум",
    n_partnerships: "Партнёрств с определённым ROI",
    models_title: "Разовые интеграции и долгосрочные партнёрства",
    models_lead: "Одни и те же деньги, потраченные двумя способами: одна публикация или автор на ежемесячном ретейнере.",
    er_day1: "Вовлечённость в 1-й день",
    er_day7: "Вовлечённость на 7-й день",
    days_to_90: "Дней до 90% конверсий",
    decay_title: "Вовлечённость по дням после публикации",
    day: "День",
    window_title: "Накопленная доля конверсий по дням",
    share: "Накопленная доля",
    roster: "Состав",
    creator: "Автор",
    market: "Рынок",
    model: "Модель",
    phase: "Фаза",
    month: "Месяц",
    recommendation: "Рекомендация",
    latest_month: "Последний месяц",
    vs_previous: "к прошлому месяцу",
    all_reports: "Все ежемесячные отчёты",
    all_partnerships: "Все партнёрства",
    all_markets: "Все рынки",
    // Monthly report.
    report_title: "Ежемесячный отчёт",
    previous_month: "Предыдущий месяц",
    next_month: "Следующий месяц",
    this_month: "Этот месяц",
    change: "Изменение",
    figure: "Показатель",
    month_figures: "Месяц в сравнении с предыдущим",
    month_posts: "Публикации месяца",
    no_posts: "В этом месяце публикаций не было.",
    trend_title: "Затраты и выручка по месяцам",
    first_month: "Это первый месяц с активностью: сравнивать не с чем.",
    pdf: "PDF",
    pdf_title: "Отчёт в PDF: для печати и рассылки",
    page: "Страница",
    page_of: "из",
    up: "рост",
    down: "снижение",
    unchanged: "без изменений",
    // Posts.
    date: "Дата",
    kind: "Тип",
    sponsored: "Спонсорская",
    organic: "Органическая",
    ramp_up: "Разгон",
    ramp_up_post: "опубликована в период разгона",
    link: "Ссылка",
    post: "Публикация",
    // Partnership page.
    platform: "Платформа",
    handle: "Аккаунт",
    followers: "Подписчики",
    contract: "Договор",
    fee: "Гонорар",
    per_month: "в месяц",
    in_total: "всего",
    term: "Срок",
    open_ended: "без даты окончания",
    deliverables: "Обязательства",
    posts_per_month: "спонсорских публикаций в месяц",
    individual: "индивидуальный",
    umbrella: "рамочный",
    timeline: "Фазы партнёрства",
    now: "Сейчас",
    ended_on: "Завершено",
    from: "С",
    to: "По",
    months: "Месяцы",
    ramp_up_until: "Разгон до",
    one_off_note: "Разовая интеграция — одна оплаченная кампания: у неё нет фаз и рекомендации.",
    engagement_per_post: "Вовлечённость по публикациям",
    trend_line: "Линия тренда",
    posts: "Публикации",
    costs_by_month: "Затраты по месяцам",
    extra_costs: "Дополнительные затраты",
    extra: "Дополнительно",
    total: "Итого",
    label: "За что",
    amount: "Сумма",
    converted: "В валюте отчёта",
    no_extra_costs: "Дополнительных затрат на дату отчёта нет.",
    why: "Почему",
    rule: "Правило",
    rules_lead: "Правила проверяются по порядку; решает первое подходящее. Это совет с обоснованием, а не приговор.",
    figures_decided: "Показатели, по которым применялись правила",
    current_month: "Текущий месяц",
    end: "Окончание",
    met: "выполнено",
    not_met: "не выполнено",
    no_target: "цель не задана",
    no_phase: "нет фазы (разовая интеграция)",
    promo_codes: "Промокоды",
    payback: "Окупаемость",
    until: "по",
    not_yet: "ещё нет",
    committed: "Законтрактовано",
    monthly_fee: "Гонорар в месяц",
    // Commitments page.
    money_ahead: "Будущие расходы",
    annual_investment: "Годовые вложения",
    annual_investment_lead: "Сколько партнёрства стоили за последние двенадцать месяцев, сколько стоит год при нынешних гонорарах, к чему клиента уже обязывают договоры и что продолжается до расторжения.",
    trailing_12m: "За последние 12 месяцев",
    annual_run_rate: "Годовой темп расходов",
    monthly_run_rate: "Месячный темп расходов",
    open_ended_monthly: "Бессрочные",
    nothing_committed: "после даты отчёта ничего не законтрактовано",
    in_run_rate: "бессрочный: входит в темп расходов",
    cost_ahead_title: "Затраты по месяцам: потрачено и законтрактовано",
    cost_ahead_lead: "Затраты, учтённые в каждом из последних двенадцати месяцев, а затем суммы, закреплённые договорами после даты отчёта, по месяцам и по рынкам. Законтрактованное показано бледным с обводкой.",
    spent: "Потрачено",
    committed_pale: "Законтрактовано (бледным)",
    report_date: "Дата отчёта",
    budgets: "Бюджеты",
    budgets_lead: "Каждая полоса — один бюджет: потрачено на дату отчёта, затем законтрактовано, затем стоимость бессрочных ретейнеров, если они продолжатся. Пунктир показывает, какая часть периода прошла; сплошная черта — сам бюджет.",
    no_budgets: "Бюджеты для этого клиента не заданы (budgets в client.yaml).",
    period: "Период",
    projected: "Прогноз",
    going_on: "Бессрочные, если продолжатся",
    remaining: "Остаток",
    elapsed: "Прошло времени",
    pacing: "Освоение",
    budget_line: "Бюджет",
    renewals: "Календарь продлений",
    renewals_lead: "Ретейнеры, которые заканчиваются в течение 90 дней после даты отчёта, по договорам: рамочный договор со всеми его авторами, каждый индивидуальный договор отдельно.",
    no_renewals: "В течение 90 дней после даты отчёта ни один ретейнер не заканчивается.",
    days_left: "Осталось дней",
    committed_by_partnership: "Законтрактовано по партнёрствам",
    committed_lead: "К чему каждый договор ещё обязывает клиента после даты отчёта, включая партнёрства, подписанные на будущее. Бессрочные ретейнеры ничего не закрепляют: они входят в темп расходов.",
    no_commitments: "После даты отчёта ни одно партнёрство ничего не закрепляет.",
    renewals_due: "Продления в ближайшие 30 дней",
    no_renewals_due: "В ближайшие 30 дней после даты отчёта ни один ретейнер не заканчивается.",
    open_commitments: "Открыть обязательства",
    paid_back_costed: "Окупились / с затратами",
    median_payback_month: "Медианный месяц окупаемости",
    // Market page.
    market_figures: "Рынок на дату отчёта",
    market_curve: "Вовлечённость по номеру публикации на этом рынке",
    no_partnerships: "На этом рынке пока нет партнёрств.",
    // Site index.
    report_sites: "Отчёты клиентов",
    // Numbers and the definitions' terms.
    undefined: "н/д",
    points_unit: "п.\u{a0}п.",
    thousands_short: "\u{a0}тыс.",
    millions_short: "\u{a0}млн",
    totals: "Итоги",
    // Models and platforms.
    model_retainer: "Ретейнер",
    model_one_off: "Разовая",
    platform_vk: "ВКонтакте",
    platform_other: "Другая",
    // Phases: names, and what each is for.
    phase_build: "Знакомство",
    phase_optimize: "Оптимизация",
    phase_scale: "Масштабирование",
    phase_continuation: "Продолжение",
    phase_ended: "Завершено",
    phase_about_build: "1-й месяц: автор и аудитория знакомятся с продуктом",
    phase_about_optimize: "2–4-й месяцы: настраиваются форматы и брифы",
    phase_about_scale: "5–6-й месяцы: то, что работает, делается чаще",
    phase_about_continuation: "с 7-го месяца: устойчивое долгосрочное партнёрство",
    phase_about_ended: "партнёрство завершено",
    // Recommendations, and the six rules of docs/metrics.md in order.
    recommendation_ended: "Завершено",
    recommendation_too_early: "Рано судить",
    recommendation_in_progress: "В работе",
    recommendation_extend: "Продлить",
    recommendation_move_on: "Завершить",
    recommendation_review: "Пересмотреть",
    rule_ended: "Завершено: дата окончания партнёрства раньше даты отчёта.",
    rule_too_early: "Рано судить: дата отчёта ещё в периоде разгона.",
    rule_in_progress: "В работе: текущий месяц меньше 6-го, и до окончания больше 30 дней.",
    rule_extend: "Продлить: ROI не ниже целевого, CPA не выше целевой (если она задана), и вовлечённость не падает (или тренд пока нельзя вычислить).",
    rule_move_on: "Завершить: ROI ниже целевого, и вовлечённость падает.",
    rule_review: "Пересмотреть: все остальные случаи.",
};

const MONTHS: [&str; 12] = [
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

/// Month names in a date ("31 октября"): the genitive.
const MONTHS_OF: [&str; 12] = [
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

const SHORT: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// Short month names in a date ("7 мая 2026"): as [`SHORT`] but for May,
/// whose name is short already and takes the genitive.
const SHORT_OF: [&str; 12] = [
    "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

impl Words for Russian {
    fn texts(&self) -> &'static Texts {
        &TEXTS
    }

    fn month(&self, m: Month) -> String {
        format!("{} {}", capitalise(MONTHS[month_index(m.month)]), m.year)
    }

    fn month_short(&self, m: Month) -> &'static str {
        SHORT[month_index(m.month)]
    }

    fn date(&self, d: NaiveDate) -> String {
        format!(
            "{} {} {}",
            d.day(),
            MONTHS_OF[d.month0() as usize],
            d.year()
        )
    }

    fn date_short(&self, d: NaiveDate) -> String {
        let short = SHORT_OF[d.month0() as usize];
        format!("{}\u{a0}{short}\u{a0}{}", d.day(), d.year())
    }

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
        format!("{date} ({days} дн. от даты отчёта)")
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
            "ROI {} {partnerships}: медиана {}, квартили от {} до {}, от {} ({}) до {} ({}). ROI портфеля {}.",
            s.n, s.median, s.q1, s.q3, s.min.0, s.min.1, s.max.0, s.max.1, s.whole
        )
    }

    // The range is mid-sentence, so lower case; the last month starts one.
    fn month_trend_desc(&self, from: Month, to: Month, cost: &str, revenue: &str) -> String {
        let last = self.month(to);
        format!(
            "Затраты и выручка по месяцам с {} по {}. {last}: затраты {cost}, выручка {revenue}.",
            self.month(from).to_lowercase(),
            last.to_lowercase()
        )
    }

    fn engagement_desc(&self, creator: &str, posts: usize, trend: &str) -> String {
        format!(
            "Вовлечённость каждой из {posts} спонсорских публикаций автора {creator} по номеру публикации. Тренд: {trend}."
        )
    }

    // Mid-sentence, so lower case: "ноябрь 2025 – октябрь 2026".
    fn month_range(&self, from: Month, to: Month) -> String {
        format!(
            "{} – {}",
            self.month(from).to_lowercase(),
            self.month(to).to_lowercase()
        )
    }

    fn quarter(&self, year: i32, q: u32) -> String {
        format!("{q}-й квартал {year}")
    }

    // "до" takes the genitive: "до ноября 2026".
    fn committed_until(&self, last: Month) -> String {
        format!("до {} {}", MONTHS_OF[month_index(last.month)], last.year)
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
    ) -> String {
        let of = |m: Month| format!("{} {}", MONTHS_OF[month_index(m.month)], m.year);
        let to_m = |m: Month| self.month(m).to_lowercase();
        let ahead = match committed {
            Some((a, b, c)) if a == b => format!("законтрактовано {c} на {}", to_m(a)),
            Some((a, b, c)) => format!("законтрактовано {c} с {} по {}", of(a), to_m(b)),
            None => "после даты отчёта ничего не законтрактовано".to_string(),
        };
        format!(
            "Затраты по месяцам и рынкам: потрачено {spent} с {} по {}; {ahead}.",
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
}
