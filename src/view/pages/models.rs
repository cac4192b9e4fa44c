//! One-offs against retainers on the overview: the comparison the agency
//! decides by, and every figure of data.json's `models`.
//!
//! Both are tables of figures with one column per model, one-offs first;
//! [`per_model`] is that shape once, so that the two tables cannot drift
//! apart in their columns or in how a model without partnerships reads.

use rust_decimal::Decimal;

use super::Ctx;
use super::daily::decay_rate;
use crate::analytics::ModelFigures;
use crate::model::{Model, PartnershipId};
use crate::view::format;
use crate::view::table::{Cell, Table};

/// The models in the order of their columns.
const MODELS: [Model; 2] = [Model::OneOff, Model::Retainer];

/// A table with a figure per row and a model per column; each row is a
/// label and one cell per model of [`MODELS`].
fn per_model(ctx: &Ctx, id: &str, caption: &str, rows: Vec<(String, [Cell; 2])>) -> Table {
    let mut t = Table::new(id, caption, ctx.download())
        .col(ctx.t().figure)
        .num(ctx.t().one_offs)
        .num(ctx.t().retainers);
    for (label, cells) in rows {
        let mut row = vec![Cell::text(label)];
        row.extend(cells);
        t.row(row);
    }
    t
}

/// One-offs against retainers, side by side: how fast engagement fades,
/// how long conversions take, and what each model costs and returns.
pub(crate) fn models_table(ctx: &Ctx) -> Table {
    let (x, f, t) = (&ctx.fmt, ctx.f, ctx.t());
    let group = |m: Model| f.models.iter().find(|g| g.model == m);
    let days = |m: Model| {
        f.conversion_window
            .iter()
            .find(|w| w.model == m)
            .and_then(|w| w.days_to_90pct)
    };
    let each = |cell: &dyn Fn(Model) -> Cell| MODELS.map(cell);
    let of = |cell: &dyn Fn(Option<&ModelFigures>) -> Cell| MODELS.map(|m| cell(group(m)));
    let rows = vec![
        (t.er_day1, each(&|m| x.c_pct(decay_rate(ctx, m, 1)))),
        (t.er_day7, each(&|m| x.c_pct(decay_rate(ctx, m, 7)))),
        (t.days_to_90, each(&|m| x.c_int_o(days(m).map(u64::from)))),
        (t.cpa, of(&|g| x.c_money(g.and_then(|g| g.figures.cpa)))),
        (
            t.repeat_rate,
            of(&|g| x.c_pct(g.and_then(|g| g.repeat_purchase_rate))),
        ),
        (t.roi, of(&|g| x.c_pct(g.and_then(|g| g.figures.roi)))),
        (
            t.engagement_rate,
            of(&|g| x.c_pct(g.and_then(|g| g.figures.engagement_rate))),
        ),
        (
            t.creator_roi_median,
            of(&|g| x.c_pct(g.and_then(|g| g.creator_roi.median))),
        ),
        (t.cost, of(&|g| x.c_money(g.map(|g| g.figures.cost)))),
        (t.revenue, of(&|g| x.c_money(g.map(|g| g.figures.revenue)))),
        (
            t.sponsored_posts,
            of(&|g| x.c_int_o(g.map(|g| g.sponsored_posts))),
        ),
        (t.paid_back_costed, of(&|g| paid_back(ctx, g))),
        (t.median_payback_month, of(&|g| median_month(ctx, g))),
    ];
    let rows = rows.into_iter().map(|(l, c)| (l.to_string(), c)).collect();
    per_model(ctx, "models", t.models_title, rows)
}

/// Every figure of data.json's `models`, one column per model; a model
/// without partnerships reads n/a throughout.
pub(crate) fn models_all(ctx: &Ctx) -> Table {
    let (x, t) = (&ctx.fmt, ctx.t());
    let group = |m: Model| ctx.f.models.iter().find(|g| g.model == m);
    let of = |get: &dyn Fn(&ModelFigures) -> Cell| {
        MODELS.map(|m| group(m).map_or_else(|| Cell::number(x.na(), None), get))
    };
    let mut rows = vec![
        (t.cost, of(&|g| x.c_money(Some(g.figures.cost)))),
        (t.revenue, of(&|g| x.c_money(Some(g.figures.revenue)))),
        (t.roi, of(&|g| x.c_pct(g.figures.roi))),
        (t.roas, of(&|g| x.c_times(g.figures.roas))),
        (t.conversions, of(&|g| x.c_int(g.figures.conversions))),
        (t.cpa, of(&|g| x.c_money(g.figures.cpa))),
        (t.reach, of(&|g| x.c_int(g.figures.reach))),
        (t.engagements, of(&|g| x.c_int(g.figures.engagements))),
        (
            t.engagement_rate,
            of(&|g| x.c_pct(g.figures.engagement_rate)),
        ),
        (
            t.cpm_reach,
            of(&|g| x.c_money(g.figures.cost_per_thousand_reached)),
        ),
        (t.repeat_rate, of(&|g| x.c_pct(g.repeat_purchase_rate))),
        (t.sponsored_posts, of(&|g| x.c_int(g.sponsored_posts))),
        (t.organic_posts, of(&|g| x.c_int(g.organic_posts))),
        (t.paid_back_costed, of(&|g| paid_back(ctx, Some(g)))),
        (t.median_payback_month, of(&|g| median_month(ctx, Some(g)))),
    ]
    .into_iter()
    .map(|(l, c)| (l.to_string(), c))
    .collect::<Vec<_>>();
    let spread = |label: &str| format!("{}: {}", t.creator_roi, label);
    rows.extend([
        (
            spread(t.n_partnerships),
            of(&|g| x.c_int(g.creator_roi.n as u64)),
        ),
        (spread(t.min), of(&|g| x.c_pct(g.creator_roi.min))),
        (spread(t.q1), of(&|g| x.c_pct(g.creator_roi.q1))),
        (spread(t.median), of(&|g| x.c_pct(g.creator_roi.median))),
        (spread(t.q3), of(&|g| x.c_pct(g.creator_roi.q3))),
        (spread(t.max), of(&|g| x.c_pct(g.creator_roi.max))),
        (
            spread(t.best),
            of(&|g| creator_cell(ctx, &g.creator_roi.best)),
        ),
        (
            spread(t.worst),
            of(&|g| creator_cell(ctx, &g.creator_roi.worst)),
        ),
    ]);
    per_model(ctx, "models-all", t.models_all, rows)
}

/// "3 / 5": a model's partnerships paid back out of those with a cost.
fn paid_back(ctx: &Ctx, g: Option<&ModelFigures>) -> Cell {
    g.map_or_else(
        || Cell::number(ctx.fmt.na(), None),
        |g| {
            let p = &g.payback;
            Cell::text(format!(
                "{} / {}",
                ctx.fmt.int(p.paid_back as u64),
                ctx.fmt.int(p.n_costed as u64)
            ))
        },
    )
}

/// The median payback month of a model, a half when the count is even.
fn median_month(ctx: &Ctx, g: Option<&ModelFigures>) -> Cell {
    let m = g.and_then(|g| g.payback.median_payback_month);
    let d = m
        .and_then(Decimal::from_f64_retain)
        .map(|d| d.round_dp(1).normalize());
    Cell::number(
        d.map_or_else(
            || ctx.fmt.na(),
            |d| format::number(d, d.scale(), ctx.lang()),
        ),
        d.map(|d| ctx.words().sheet_number(&d.to_string())),
    )
}

/// A partnership named by id, linked to its page.
fn creator_cell(ctx: &Ctx, id: &Option<PartnershipId>) -> Cell {
    match id.as_ref().and_then(|id| ctx.partnership_index(id)) {
        Some(i) => {
            let p = ctx.partnership(i);
            Cell::text(ctx.creator_name(&p.id, &p.creator))
                .link(format!("partnerships/{}/index.html", p.id))
        }
        None => Cell::number(ctx.fmt.na(), None),
    }
}
