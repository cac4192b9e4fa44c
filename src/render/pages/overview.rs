//! The overview (`<client>/index.html`): the portfolio to date, the
//! headline chart, ROI per market, the creator-level spread, one-offs
//! against partnerships, the roster, the latest month and links to every
//! page.

use serde::Serialize;

use super::{
    Card, ChartView, Ctx, Def, Link, charts, daily, figure_cards, how, month, roster_table,
};
use crate::model::Model;
use crate::render::i18n;
use crate::render::table::{Cell, Table};

/// The overview's `page` variable.
#[derive(Debug, Serialize)]
pub struct Overview {
    /// The portfolio's headline figures.
    pub cards: Vec<Card>,
    /// Engagement by post number.
    pub headline: ChartView,
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
    /// Every partnership page.
    pub partnerships: Vec<Link>,
    /// Every market page.
    pub market_links: Vec<Link>,
    /// How we count.
    pub how: Vec<Def>,
}

/// Build the overview and its tables.
pub fn build(ctx: &Ctx) -> (Overview, Vec<Table>) {
    let f = ctx.f;
    let p = &f.portfolio;
    let all: Vec<usize> = (0..ctx.client.partnerships.len()).collect();
    let s = &p.creator_roi;
    let has_daily = !f.engagement_decay.is_empty() || !f.conversion_window.is_empty();
    let (reports, partnerships, market_links) = link_lists(ctx);
    let page = Overview {
        cards: figure_cards(
            ctx,
            &p.figures,
            p.repeat_purchase_rate,
            (p.sponsored_posts, p.organic_posts),
        ),
        headline: charts::headline(
            ctx,
            "headline",
            ctx.t().headline_title,
            &f.engagement_by_post_number,
        ),
        market_chart: charts::market_roi(ctx, "market-roi"),
        markets: markets_table(ctx),
        spread: charts::roi_spread(ctx, "creator-roi", s, &all, p.figures.roi, ""),
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
        partnerships,
        market_links,
        how: how::overview(ctx),
    };
    let mut tables = vec![
        page.headline.table.clone(),
        page.market_chart.table.clone(),
        page.markets.clone(),
        page.spread.table.clone(),
        page.spread_stats.clone(),
        page.models.clone(),
        page.models_all.clone(),
        page.roster.clone(),
    ];
    tables.extend(page.decay.iter().map(|c| c.table.clone()));
    tables.extend(page.window.iter().map(|c| c.table.clone()));
    (page, tables)
}

/// The best or worst partnership, linked, with its ROI.
fn extreme(ctx: &Ctx, id: &Option<String>) -> Option<Link> {
    let pf = ctx.partnership(ctx.partnership_index(id.as_deref()?)?);
    Some(Link {
        label: pf.creator.clone(),
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
    let mut t = Table::new(
        "creator-roi-summary",
        ctx.t().creator_roi,
        ctx.t().download_csv,
    )
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
        t.row(vec![Cell::text(label), x.c_pct(v)]);
    }
    t.row(vec![
        Cell::text(ctx.t().n_partnerships),
        x.c_int(s.n as u64),
    ]);
    t
}

/// The markets' figures, each market linked.
fn markets_table(ctx: &Ctx) -> Table {
    let x = &ctx.fmt;
    let mut t = Table::new("markets", ctx.t().markets, ctx.t().download_csv)
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
            x.c_pct(m.figures.engagement_rate),
            x.c_pct(m.repeat_purchase_rate),
            x.c_int(m.sponsored_posts),
        ]);
    }
    t
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
            label: i18n::month(lang, *m),
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
            label: pf.creator.clone(),
            href: format!("partnerships/{}/index.html", pf.id),
            note: format!(
                "{} · {} · {}",
                i18n::platform(lang, &pf.platform),
                ctx.market_name(i),
                i18n::model(lang, pf.model)
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

/// Every figure of data.json's `models`, one column per model.
fn models_all(ctx: &Ctx) -> Table {
    let x = &ctx.fmt;
    let groups: Vec<_> = [Model::OneOff, Model::Retainer]
        .into_iter()
        .map(|m| ctx.f.models.iter().find(|g| g.model == m))
        .collect();
    let mut t = Table::new("models-all", ctx.t().models_all, ctx.t().download_csv)
        .col(ctx.t().figure)
        .num(ctx.t().one_offs)
        .num(ctx.t().retainers);
    type Get<'a> = Box<dyn Fn(&crate::analytics::ModelFigures) -> Cell + 'a>;
    let rows: Vec<(String, Get)> = vec![
        (
            ctx.t().cost.into(),
            Box::new(|g| x.c_money(Some(g.figures.cost))),
        ),
        (
            ctx.t().revenue.into(),
            Box::new(|g| x.c_money(Some(g.figures.revenue))),
        ),
        (ctx.t().roi.into(), Box::new(|g| x.c_pct(g.figures.roi))),
        (ctx.t().roas.into(), Box::new(|g| x.c_times(g.figures.roas))),
        (
            ctx.t().conversions.into(),
            Box::new(|g| x.c_int(g.figures.conversions)),
        ),
        (ctx.t().cpa.into(), Box::new(|g| x.c_money(g.figures.cpa))),
        (ctx.t().reach.into(), Box::new(|g| x.c_int(g.figures.reach))),
        (
            ctx.t().engagements.into(),
            Box::new(|g| x.c_int(g.figures.engagements)),
        ),
        (
            ctx.t().engagement_rate.into(),
            Box::new(|g| x.c_pct(g.figures.engagement_rate)),
        ),
        (
            ctx.t().cpm_reach.into(),
            Box::new(|g| x.c_money(g.figures.cost_per_thousand_reached)),
        ),
        (
            ctx.t().repeat_rate.into(),
            Box::new(|g| x.c_pct(g.repeat_purchase_rate)),
        ),
        (
            ctx.t().sponsored_posts.into(),
            Box::new(|g| x.c_int(g.sponsored_posts)),
        ),
        (
            ctx.t().organic_posts.into(),
            Box::new(|g| x.c_int(g.organic_posts)),
        ),
        (
            format!("{}: {}", ctx.t().creator_roi, ctx.t().n_partnerships),
            Box::new(|g| x.c_int(g.creator_roi.n as u64)),
        ),
        (
            format!("{}: {}", ctx.t().creator_roi, ctx.t().min),
            Box::new(|g| x.c_pct(g.creator_roi.min)),
        ),
        (
            format!("{}: {}", ctx.t().creator_roi, ctx.t().q1),
            Box::new(|g| x.c_pct(g.creator_roi.q1)),
        ),
        (
            format!("{}: {}", ctx.t().creator_roi, ctx.t().median),
            Box::new(|g| x.c_pct(g.creator_roi.median)),
        ),
        (
            format!("{}: {}", ctx.t().creator_roi, ctx.t().q3),
            Box::new(|g| x.c_pct(g.creator_roi.q3)),
        ),
        (
            format!("{}: {}", ctx.t().creator_roi, ctx.t().max),
            Box::new(|g| x.c_pct(g.creator_roi.max)),
        ),
        (
            format!("{}: {}", ctx.t().creator_roi, ctx.t().best),
            Box::new(|g| creator_cell(ctx, &g.creator_roi.best)),
        ),
        (
            format!("{}: {}", ctx.t().creator_roi, ctx.t().worst),
            Box::new(|g| creator_cell(ctx, &g.creator_roi.worst)),
        ),
    ];
    for (label, get) in rows {
        let mut row = vec![Cell::text(label)];
        row.extend(
            groups
                .iter()
                .map(|g| g.map_or_else(|| Cell::number(x.na(), None), &get)),
        );
        t.row(row);
    }
    t
}

/// A partnership named by id, linked to its page.
fn creator_cell(ctx: &Ctx, id: &Option<String>) -> Cell {
    match id.as_deref().and_then(|id| ctx.partnership_index(id)) {
        Some(i) => {
            let p = ctx.partnership(i);
            Cell::text(p.creator.clone()).link(format!("partnerships/{}/index.html", p.id))
        }
        None => Cell::number(ctx.fmt.na(), None),
    }
}

/// One-offs against retainers, side by side.
fn models_table(ctx: &Ctx) -> Table {
    let x = &ctx.fmt;
    let f = ctx.f;
    let mut t = Table::new("models", ctx.t().models_title, ctx.t().download_csv)
        .col(ctx.t().figure)
        .num(ctx.t().one_offs)
        .num(ctx.t().retainers);
    let models = [Model::OneOff, Model::Retainer];
    let decay = |m: Model, d: u32| {
        f.engagement_decay
            .iter()
            .find(|p| p.model == m && p.day == d)
            .and_then(|p| p.engagement_rate)
    };
    let group = |m: Model| f.models.iter().find(|g| g.model == m);
    let days = |m: Model| {
        f.conversion_window
            .iter()
            .find(|w| w.model == m)
            .and_then(|w| w.days_to_90pct)
    };
    let rows: Vec<(&str, Vec<Cell>)> = vec![
        (
            ctx.t().er_day1,
            models.iter().map(|&m| x.c_pct(decay(m, 1))).collect(),
        ),
        (
            ctx.t().er_day7,
            models.iter().map(|&m| x.c_pct(decay(m, 7))).collect(),
        ),
        (
            ctx.t().days_to_90,
            models
                .iter()
                .map(|&m| x.c_int_o(days(m).map(u64::from)))
                .collect(),
        ),
        (
            ctx.t().cpa,
            models
                .iter()
                .map(|&m| x.c_money(group(m).and_then(|g| g.figures.cpa)))
                .collect(),
        ),
        (
            ctx.t().repeat_rate,
            models
                .iter()
                .map(|&m| x.c_pct(group(m).and_then(|g| g.repeat_purchase_rate)))
                .collect(),
        ),
        (
            ctx.t().roi,
            models
                .iter()
                .map(|&m| x.c_pct(group(m).and_then(|g| g.figures.roi)))
                .collect(),
        ),
        (
            ctx.t().engagement_rate,
            models
                .iter()
                .map(|&m| x.c_pct(group(m).and_then(|g| g.figures.engagement_rate)))
                .collect(),
        ),
        (
            ctx.t().creator_roi_median,
            models
                .iter()
                .map(|&m| x.c_pct(group(m).and_then(|g| g.creator_roi.median)))
                .collect(),
        ),
        (
            ctx.t().cost,
            models
                .iter()
                .map(|&m| x.c_money(group(m).map(|g| g.figures.cost)))
                .collect(),
        ),
        (
            ctx.t().revenue,
            models
                .iter()
                .map(|&m| x.c_money(group(m).map(|g| g.figures.revenue)))
                .collect(),
        ),
        (
            ctx.t().sponsored_posts,
            models
                .iter()
                .map(|&m| x.c_int_o(group(m).map(|g| g.sponsored_posts)))
                .collect(),
        ),
    ];
    for (label, cells) in rows {
        let mut row = vec![Cell::text(label)];
        row.extend(cells);
        t.row(row);
    }
    t
}
