//! "How we count": each page's headline figures in plain words, after
//! metrics.md, with the portfolio's own settings (ramp-up, repeat window,
//! what engagement divides by) written in.

use super::{Ctx, Def};
use crate::model::{Denominator, Language};

/// One definition in the client's language.
fn def(ctx: &Ctx, term: &str, en: String, ru: String) -> Def {
    Def {
        term: term.to_string(),
        text: match ctx.lang() {
            Language::En => en,
            Language::Ru => ru,
        },
    }
}

fn denominator(ctx: &Ctx) -> (&'static str, &'static str) {
    match ctx.portfolio.settings.engagement_denominator {
        Denominator::Reach => ("reach", "охват"),
        Denominator::Impressions => ("impressions", "показы"),
        Denominator::Followers => ("the creator's followers", "число подписчиков автора"),
    }
}

fn cost(ctx: &Ctx) -> Def {
    let c = &ctx.client.currency;
    def(
        ctx,
        ctx.t("cost"),
        format!(
            "What the partnerships cost to date, in {c}: a retainer's monthly fee prorated by day (fee × active days in the month / days in the month, from its start to the earlier of its end and the report date), a one-off's fee once on its start date, and every extra cost (seeding, shipping, bonuses) on its date. An amount in another currency is converted at the rate of the month it is booked in."
        ),
        format!(
            "Затраты на партнёрства на дату отчёта, в {c}: ежемесячный гонорар ретейнера пропорционально дням (гонорар × активные дни месяца / дни месяца, от начала до более ранней из дат окончания и отчёта), гонорар разовой интеграции — один раз в день её начала, и все дополнительные затраты (посев, доставка, бонусы) — в их даты. Суммы в другой валюте пересчитываются по курсу месяца, в котором они учтены."
        ),
    )
}

fn revenue(ctx: &Ctx) -> Def {
    def(
        ctx,
        ctx.t("revenue"),
        "The revenue attributed to the posts published to date (tracked links, promo codes), counted in the month of publication. Orders are used for repeat purchases only, never as revenue.".into(),
        "Выручка, атрибутированная публикациям на дату отчёта (ссылки с метками, промокоды), в месяце публикации. Заказы используются только для анализа повторных покупок, но не как выручка.".into(),
    )
}

fn ratios(ctx: &Ctx) -> Vec<Def> {
    vec![
        def(
            ctx,
            "ROI",
            "(revenue − cost) / cost: 100% means the partnerships earned twice what they cost.".into(),
            "(выручка − затраты) / затраты: 100% означает, что партнёрства принесли вдвое больше, чем стоили.".into(),
        ),
        def(
            ctx,
            "ROAS",
            "revenue / cost: revenue per unit of money spent.".into(),
            "выручка / затраты: выручка на каждый потраченный рубль.".into(),
        ),
        def(
            ctx,
            "CPA",
            "cost / conversions: what one conversion cost.".into(),
            "затраты / конверсии: сколько стоила одна конверсия.".into(),
        ),
        def(
            ctx,
            ctx.t("cpm_reach"),
            "cost / reach × 1,000.".into(),
            "затраты / охват × 1000.".into(),
        ),
    ]
}

fn sum_first(ctx: &Ctx) -> Def {
    def(
        ctx,
        match ctx.lang() {
            Language::En => "Totals",
            Language::Ru => "Итоги",
        },
        "A group (the portfolio, a market, a month) adds up cost, revenue, conversions, reach and engagements first and divides after: its ROI is its total revenue less its total cost over its total cost, not an average of the partnerships' ROIs.".into(),
        "Группа (портфель, рынок, месяц) сначала складывает затраты, выручку, конверсии, охват и вовлечения и только потом делит: её ROI — это суммарная выручка минус суммарные затраты, делённые на суммарные затраты, а не среднее ROI партнёрств.".into(),
    )
}

fn engagement(ctx: &Ctx) -> Def {
    let (en, ru) = denominator(ctx);
    def(
        ctx,
        ctx.t("engagement_rate"),
        format!(
            "A post's engagements (likes, comments, shares, saves) / its {en}. For a group of posts: total engagements / total {en}, over the posts where both are known."
        ),
        format!(
            "Вовлечения публикации (лайки, комментарии, репосты, сохранения) / {ru}. Для группы публикаций: сумма вовлечений / сумма знаменателей по публикациям, где известны оба числа."
        ),
    )
}

fn repeat(ctx: &Ctx) -> Def {
    let w = ctx.portfolio.settings.repeat_window_days;
    def(
        ctx,
        ctx.t("repeat_rate"),
        format!(
            "A customer's first order acquires them for the partnership it is attributed to. Of the customers acquired at least {w} days before the report date, the share who ordered again within {w} days of that first order."
        ),
        format!(
            "Первый заказ покупателя относит его к партнёрству, которому атрибутирован заказ. Из покупателей, привлечённых не позднее чем за {w} дней до даты отчёта, — доля тех, кто заказал снова в течение {w} дней после первого заказа."
        ),
    )
}

fn posts(ctx: &Ctx) -> Def {
    def(
        ctx,
        ctx.t("organic_posts"),
        "Posts about the product that the partnership did not pay for. They add to reach, engagements and revenue but get no post number and no cost.".into(),
        "Публикации о продукте, за которые партнёрство не платило. Они добавляют охват, вовлечения и выручку, но не получают номера и затрат.".into(),
    )
}

fn post_number(ctx: &Ctx) -> Def {
    def(
        ctx,
        ctx.t("headline_title"),
        "Each partnership's sponsored posts are numbered 1, 2, 3… in order of publication. For each number, the mean of the engagement rates of every post with that number (n = the posts averaged), for retainers and one-offs apart. Lift = the mean at that number / the mean at post 1 − 1.".into(),
        "Спонсорские публикации каждого партнёрства нумеруются 1, 2, 3… в порядке выхода. Для каждого номера — среднее значение вовлечённости всех публикаций с этим номером (n — число усреднённых публикаций), отдельно для ретейнеров и разовых интеграций. Прирост = среднее для номера / среднее для 1-й публикации − 1.".into(),
    )
}

fn creator_level(ctx: &Ctx) -> Def {
    def(
        ctx,
        ctx.t("creator_roi"),
        "The spread of the partnerships' own ROIs, over those whose ROI is defined: lowest, quartiles, median and highest, with the best and the worst partnership named (ties go to the first in alphabetical order of id). Quartiles interpolate between neighbouring values.".into(),
        "Разброс собственных ROI партнёрств, у которых ROI определён: минимум, квартили, медиана и максимум, с названием лучшего и худшего партнёрства (при равенстве — первого по алфавиту идентификатора). Квартили интерполируются между соседними значениями.".into(),
    )
}

fn ramp_up(ctx: &Ctx) -> Def {
    let d = ctx.portfolio.settings.ramp_up_days;
    def(
        ctx,
        ctx.t("ramp_up"),
        format!(
            "The first {d} days of a partnership, its start date being day 1. Posts published in it are shown and marked, and no partnership is judged while it is in ramp-up."
        ),
        format!(
            "Первые {d} дней партнёрства, считая день начала первым. Публикации этого периода показываются с пометкой, а само партнёрство в этот период не оценивается."
        ),
    )
}

fn phases(ctx: &Ctx) -> Def {
    def(
        ctx,
        ctx.t("phase"),
        "A retainer's month 1 runs from its start to the day before the first monthly anniversary, month 2 to the day before the second, and so on. Month 1 is build, months 2–4 optimize, months 5–6 scale, month 7 on continuation; a retainer whose end is before the report date has ended.".into(),
        "1-й месяц ретейнера длится от начала до дня перед первой месячной годовщиной, 2-й — до дня перед второй, и так далее. 1-й месяц — знакомство, 2–4-й — оптимизация, 5–6-й — масштабирование, с 7-го — продолжение; ретейнер, окончившийся до даты отчёта, завершён.".into(),
    )
}

fn fulfilment(ctx: &Ctx) -> Def {
    def(
        ctx,
        ctx.t("fulfilment"),
        "Sponsored posts delivered to date / the posts contracted to date (posts per month × the months to date, prorated by day as the fee is).".into(),
        "Спонсорские публикации, вышедшие на дату отчёта / публикации по договору на ту же дату (публикаций в месяц × число месяцев, пропорционально дням, как и гонорар).".into(),
    )
}

fn trend(ctx: &Ctx) -> Def {
    def(
        ctx,
        ctx.t("trend"),
        "The slope of the straight line that best fits a partnership's engagement rate against post number (least squares), in percentage points per post. It needs at least three sponsored posts with a known rate.".into(),
        "Наклон прямой, лучше всего описывающей вовлечённость партнёрства в зависимости от номера публикации (метод наименьших квадратов), в процентных пунктах за публикацию. Нужно не меньше трёх спонсорских публикаций с известной вовлечённостью.".into(),
    )
}

fn recommendation(ctx: &Ctx) -> Def {
    def(
        ctx,
        ctx.t("recommendation"),
        "For retainers, the first of six rules that applies: ended, too early (in ramp-up), in progress (before month 6 with the end more than 30 days away), extend (ROI at or above target, CPA at or below target where one is set, engagement not falling), move on (ROI below target and engagement falling), review (anything else). The target ROI is 0 unless the client sets one.".into(),
        "Для ретейнеров — первое подходящее из шести правил: завершено, рано судить (период разгона), в работе (до 6-го месяца и до окончания больше 30 дней), продлить (ROI не ниже цели, CPA не выше цели, если она задана, вовлечённость не падает), завершить (ROI ниже цели и вовлечённость падает), пересмотреть (всё остальное). Целевой ROI равен 0, если клиент не задал другой.".into(),
    )
}

fn undefined(ctx: &Ctx) -> Def {
    def(
        ctx,
        crate::render::format::undefined(ctx.lang()),
        ctx.t("na_means").to_string(),
        ctx.t("na_means").to_string(),
    )
}

/// The overview's definitions.
pub fn overview(ctx: &Ctx) -> Vec<Def> {
    let mut v = vec![cost(ctx), revenue(ctx)];
    v.extend(ratios(ctx));
    v.extend([
        sum_first(ctx),
        creator_level(ctx),
        engagement(ctx),
        post_number(ctx),
        def(
            ctx,
            ctx.t("er_day1"),
            "From the daily figures of sponsored posts: on each day after publication, total engagements that day / total reach that day, over the posts with a figure for that day.".into(),
            "По ежедневным данным спонсорских публикаций: для каждого дня после публикации — сумма вовлечений за день / сумма охвата за день по публикациям, у которых есть данные за этот день.".into(),
        ),
        def(
            ctx,
            ctx.t("days_to_90"),
            "The conversions of sponsored posts by day after publication, added up day by day: the first day by which 90% of them had come in.".into(),
            "Конверсии спонсорских публикаций по дням после публикации, нарастающим итогом: первый день, к которому пришло 90% из них.".into(),
        ),
        repeat(ctx),
        posts(ctx),
        phases(ctx),
        fulfilment(ctx),
        trend(ctx),
        recommendation(ctx),
        undefined(ctx),
    ]);
    v
}

/// A monthly report's definitions.
pub fn month(ctx: &Ctx) -> Vec<Def> {
    let mut v = vec![
        def(
            ctx,
            ctx.t("month"),
            "Cost booked in the month (a retainer's fee for its active days in it, a one-off starting in it, extra costs dated in it); revenue, conversions, reach and engagements of the posts published in it; the ratios from those.".into(),
            "Затраты, учтённые в месяце (гонорар ретейнера за его активные дни в месяце, разовые интеграции, начавшиеся в нём, дополнительные затраты с датой в нём); выручка, конверсии, охват и вовлечения публикаций, вышедших в месяце; показатели-отношения из них.".into(),
        ),
        def(
            ctx,
            ctx.t("change"),
            "This month less the month before, with its sign and an arrow for its direction; a change in a rate is in percentage points. n/a where either month's figure is undefined.".into(),
            "Этот месяц минус предыдущий, со знаком и стрелкой направления; изменение долей — в процентных пунктах. н/д, если показатель не определён хотя бы в одном из месяцев.".into(),
        ),
        cost(ctx),
        revenue(ctx),
    ];
    v.extend(ratios(ctx));
    v.extend([engagement(ctx), posts(ctx), ramp_up(ctx), undefined(ctx)]);
    v
}

/// A partnership page's definitions.
pub fn partnership(ctx: &Ctx) -> Vec<Def> {
    let mut v = vec![cost(ctx), revenue(ctx)];
    v.extend(ratios(ctx));
    v.extend([
        engagement(ctx),
        trend(ctx),
        phases(ctx),
        ramp_up(ctx),
        fulfilment(ctx),
        repeat(ctx),
        posts(ctx),
        recommendation(ctx),
        undefined(ctx),
    ]);
    v
}

/// A market page's definitions.
pub fn market(ctx: &Ctx) -> Vec<Def> {
    let mut v = vec![cost(ctx), revenue(ctx)];
    v.extend(ratios(ctx));
    v.extend([
        sum_first(ctx),
        creator_level(ctx),
        engagement(ctx),
        post_number(ctx),
        repeat(ctx),
        undefined(ctx),
    ]);
    v
}
