//! The overview (`<client>/index.html`): the portfolio to date, the money
//! ahead in brief (run-rate, committed, renewals due within 30 days), the
//! headline chart, ROI per market, the creator-level spread, one-offs
//! against partnerships, the roster, the latest month and links to every
//! page. The tables of one-offs against retainers are in [`super::models`].

use serde::Serialize;

use super::models::{models_all, models_table};
use super::{
    Card, ChartView, Ctx, Def, Link, charts, commitments, daily, figure_cards, how, month,
    roster_table,
};
use crate::model::PartnershipId;
use crate::view::table::{Cell, Table};
use crate::view::{format, i18n};

/// The overview's `page` variable.
#[derive(Debug, Serialize)]
pub struct Overview {
    /// The first screen: the verdict, the headline figures, the decisions.
    pub answer: super::answer::Answer,
    /// Every figure of the portfolio to date, as cards (for a theme).
    pub cards: Vec<Card>,
    /// Every figure to date the first screen does not show, in one table.
    pub to_date: Table,
    /// The money ahead in brief: run-rate, committed, renewals due soon.
    pub ahead: commitments::Brief,
    /// Engagement by post number.
    pub headline: ChartView,
    /// How sure: the paired lift, when a partnership got past post 1.
    pub lift: Option<super::lift::LiftView>,
    /// Whether the partnerships compound: the verdict and the figures by
    /// partnership month.
    pub compounding: Option<super::compounding::CompoundingView>,
    /// ROI per market.
    pub market_chart: ChartView,
    /// The markets' figures.
    pub markets: Table,
    /// The creator-level ROI distribution.
    pub spread: ChartView,
    /// Its summary as cards: the portfolio's ROI, the median, the quartiles, n.
    pub spread_cards: Vec<Card>,
    /// Its summary as a table.
    pub spread_stats: Table,
    /// The best partnership by ROI.
    pub best: Option<Link>,
    /// The worst partnership by ROI.
    pub worst: Option<Link>,
    /// One-offs against retainers.
    pub models: Table,
    /// Every figure of each model.
    pub models_all: Table,
    /// Engagement decay by day, when there are daily figures.
    pub decay: Option<ChartView>,
    /// The conversion window, when there are daily figures.
    pub window: Option<ChartView>,
    /// Every partnership.
    pub roster: Table,
    /// The latest month in brief.
    pub latest: Option<month::Brief>,
    /// Every monthly report, latest first.
    pub reports: Vec<Link>,
    /// The months restated since their report was sent, each linked to
    /// its report's Restated section; empty when none is.
    pub restated: Vec<Link>,
    /// Why the months' cost or revenue do not add up to the cards', when
    /// rounding is why.
    pub reports_note: Option<&'static str>,
    /// Every partnership page.
    pub partnerships: Vec<Link>,
    /// Every market page.
    pub market_links: Vec<Link>,
    /// How we count.
    pub how: Vec<Def>,
}

/// Build the overview.
pub(crate) fn build(ctx: &Ctx) -> Overview {
    let f = ctx.f;
    let p = &f.portfolio;
    let all: Vec<usize> = (0..ctx.client.partnerships.len()).collect();
    let s = &p.creator_roi;
    let has_daily = !f.engagement_decay.is_empty() || !f.conversion_window.is_empty();
    let (reports, partnerships, market_links) = link_lists(ctx);
    Overview {
        answer: super::answer::answer(ctx),
        cards: figure_cards(
            ctx,
            &p.figures,
            p.repeat_purchase_rate,
            (p.sponsored_posts, p.organic_posts),
        ),
        to_date: to_date_table(ctx),
        ahead: commitments::brief(ctx),
        headline: charts::headline(
            ctx,
            "headline",
            ctx.t().headline_title,
            &f.engagement_by_post_number,
        ),
        lift: super::lift::view(ctx, "lift", &f.engagement_by_post_number),
        compounding: super::compounding::view(ctx),
        market_chart: charts::market_roi(ctx, "market-roi"),
        markets: markets_table(ctx),
        spread: charts::roi_spread(
            ctx,
            "creator-roi",
            s,
            &all,
            (p.figures.roi, ctx.t().portfolio),
            "",
        ),
        spread_cards: spread_cards(ctx),
        spread_stats: spread_table(ctx),
        best: extreme(ctx, &s.best),
        worst: extreme(ctx, &s.worst),
        models: models_table(ctx),
        models_all: models_all(ctx),
        decay: has_daily.then(|| daily::decay(ctx, "decay")),
        window: has_daily.then(|| daily::window(ctx, "conversion-window")),
        roster: roster_table(ctx, "roster", &all, ""),
        latest: ctx
            .months
            .len()
            .checked_sub(1)
            .map(|i| month::brief(ctx, i, "")),
        reports,
        restated: super::restated::months(ctx, ""),
        reports_note: months_rounded(ctx),
        partnerships,
        market_links,
        how: how::overview(ctx),
    }
}

/// The best or worst partnership, linked, with its ROI.
fn extreme(ctx: &Ctx, id: &Option<PartnershipId>) -> Option<Link> {
    let pf = ctx.partnership(ctx.partnership_index(id.as_ref()?)?);
    Some(Link {
        label: ctx.creator_name(&pf.id, &pf.creator),
        href: format!("partnerships/{}/index.html", pf.id),
        note: format!("{} {}", ctx.t().roi, ctx.fmt.pct(pf.figures.roi)),
    })
}

/// The creator-level view in brief: the portfolio's ROI beside the median,
/// the middle half and n.
fn spread_cards(ctx: &Ctx) -> Vec<Card> {
    let (x, p) = (&ctx.fmt, &ctx.f.portfolio);
    let s = &p.creator_roi;
    vec![
        Card::new(ctx.t().portfolio, x.pct(p.figures.roi)),
        Card::new(ctx.t().median, x.pct(s.median)),
        Card::new(
            ctx.t().quartiles,
            format!("{} – {}", x.pct(s.q1), x.pct(s.q3)),
        ),
        Card::new(ctx.t().n_partnerships, x.int(s.n as u64)),
    ]
}

/// The creator-level view as a table.
fn spread_table(ctx: &Ctx) -> Table {
    let (x, p) = (&ctx.fmt, &ctx.f.portfolio);
    let s = &p.creator_roi;
    let mut t = Table::new("creator-roi-summary", ctx.t().creator_roi, ctx.download())
        .col(ctx.t().figure)
        .num(ctx.t().roi);
    let w = ctx.t();
    for (label, v) in [
        (w.portfolio, p.figures.roi),
        (w.max, s.max),
        (w.q3, s.q3),
        (w.median, s.median),
        (w.q1, s.q1),
        (w.min, s.min),
    ] {
        // Quartiles of fewer than 5 partnerships say little.
        let cell = x.c_pct(v);
        let cell = match (label == w.portfolio, v) {
            (false, Some(_)) => super::sample::small(ctx, cell, s.n),
            _ => cell,
        };
        t.row(vec![Cell::text(label), cell]);
    }
    t.row(vec![
        Cell::text(ctx.t().n_partnerships),
        x.c_int(s.n as u64),
    ]);
    t
}

/// Every other figure of the portfolio to date (the first screen has
/// spend in whole units, ROI, CPA and repeat purchase): cost to the cent,
/// revenue, ROAS, conversions, reach,
/// engagements, engagement rate, cost per thousand reached, the posts.
fn to_date_table(ctx: &Ctx) -> Table {
    let (x, t) = (&ctx.fmt, ctx.t());
    let p = &ctx.f.portfolio;
    let f = &p.figures;
    let mut table = Table::new("to-date", t.every_figure_to_date, ctx.download())
        .col(t.figure)
        .num(t.to_date);
    // Cost again, to the cent: the first screen rounds it to whole units.
    let rows = [
        (t.cost, x.c_money(Some(f.cost))),
        (t.revenue, x.c_money(Some(f.revenue))),
        (t.roas, x.c_times(f.roas)),
        (t.conversions, x.c_int(f.conversions)),
        (t.reach, x.c_int(f.reach)),
        (t.engagements, x.c_int(f.engagements)),
        (t.engagement_rate, x.c_pct(f.engagement_rate)),
        (t.cpm_reach, x.c_money(f.cost_per_thousand_reached)),
        (t.sponsored_posts, x.c_int(p.sponsored_posts)),
        (t.organic_posts, x.c_int(p.organic_posts)),
    ];
    for (label, cell) in rows {
        table.row(vec![Cell::text(label), cell]);
    }
    table
}

/// The markets' figures, each market linked.
fn markets_table(ctx: &Ctx) -> Table {
    let x = &ctx.fmt;
    let mut t = Table::new("markets", ctx.t().markets, ctx.download())
        .col(ctx.t().market)
        .num(ctx.t().cost)
        .num(ctx.t().revenue)
        .num(ctx.t().roi)
        .num(ctx.t().roas)
        .num(ctx.t().cpa)
        .num(ctx.t().engagement_rate)
        .num(ctx.t().repeat_rate)
        .num(ctx.t().sponsored_posts);
    for m in &ctx.f.markets {
        t.row(vec![
            Cell::text(m.name.clone()).link(format!("markets/{}/index.html", m.id)),
            x.c_money(Some(m.figures.cost)),
            x.c_money(Some(m.figures.revenue)),
            x.c_pct(m.figures.roi),
            x.c_times(m.figures.roas),
            x.c_money(m.figures.cpa),
            match m.figures.engagement_rate {
                Some(_) => super::sample::small(
                    ctx,
                    x.c_pct(m.figures.engagement_rate),
                    usize::try_from(m.sponsored_posts + m.organic_posts).unwrap_or(usize::MAX),
                ),
                None => x.c_pct(None),
            },
            x.c_pct(m.repeat_purchase_rate),
            x.c_int(m.sponsored_posts),
        ]);
    }
    t
}

/// The note under the reports' list when the months' costs or revenues,
/// rounded, do not add up to the cards' figures to date.
fn months_rounded(ctx: &Ctx) -> Option<&'static str> {
    let (months, to_date) = (&ctx.f.months, &ctx.f.portfolio.figures);
    let cost = format::rounded_apart(months.iter().map(|m| m.figures.cost), to_date.cost);
    let revenue = format::rounded_apart(months.iter().map(|m| m.figures.revenue), to_date.revenue);
    (cost || revenue).then_some(ctx.t().months_rounded)
}

/// Links to every report (latest first), partnership and market.
fn link_lists(ctx: &Ctx) -> (Vec<Link>, Vec<Link>, Vec<Link>) {
    let (x, f, lang) = (&ctx.fmt, ctx.f, ctx.lang());
    let reports = ctx
        .months
        .iter()
        .zip(&f.months)
        .rev()
        .map(|(m, mf)| Link {
            label: i18n::catalogue(lang).month(*m),
            href: format!("reports/{m}/index.html"),
            note: format!(
                "{} {} · {} {}",
                ctx.t().cost,
                x.money(mf.figures.cost),
                ctx.t().revenue,
                x.money(mf.figures.revenue)
            ),
        })
        .collect();
    let partnerships = f
        .partnerships
        .iter()
        .enumerate()
        .map(|(i, pf)| Link {
            label: ctx.creator_name(&pf.id, &pf.creator),
            href: format!("partnerships/{}/index.html", pf.id),
            note: format!(
                "{} · {} · {}",
                i18n::catalogue(lang).platform(pf.platform),
                ctx.market_name(i),
                i18n::catalogue(lang).model(pf.model)
            ),
        })
        .collect();
    let markets = f
        .markets
        .iter()
        .map(|m| Link {
            label: m.name.clone(),
            href: format!("markets/{}/index.html", m.id),
            note: format!("{} {}", ctx.t().roi, x.pct(m.figures.roi)),
        })
        .collect();
    (reports, partnerships, markets)
}
