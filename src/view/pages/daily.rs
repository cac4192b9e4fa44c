//! The charts of the daily figures on the overview: engagement by day after
//! publication and the share of conversions by day, retainers against
//! one-offs.

use super::charts::{frame, line_or_empty, model_legends};
use super::{ChartView, Ctx};
use crate::charts::Role;
use crate::charts::line::{LineChart, Marker, Series};
use crate::model::Model;
use crate::view::format;
use crate::view::i18n;
use crate::view::table::{Cell, Table};

/// Engagement decay by day after publication, per model.
pub(crate) fn decay(ctx: &Ctx, id: &str) -> ChartView {
    let x = &ctx.fmt;
    let title = ctx.t().decay_title;
    let pts = |m: Model| -> Vec<(f64, Option<f64>)> {
        ctx.f
            .engagement_decay
            .iter()
            .filter(|p| p.model == m)
            .map(|p| (f64::from(p.day), p.engagement_rate))
            .collect()
    };
    let at = |m: Model, d: u32| x.pct(decay_rate(ctx, m, d));
    let desc = i18n::catalogue(ctx.lang()).say.decay_desc(
        [&at(Model::Retainer, 1), &at(Model::Retainer, 7)],
        [&at(Model::OneOff, 1), &at(Model::OneOff, 7)],
    );
    let svg = by_day_chart(
        ctx,
        id,
        title,
        &desc,
        pts(Model::Retainer),
        pts(Model::OneOff),
    );
    let table = decay_table(ctx, id, title);
    ChartView::new(id, title, svg, model_legends(ctx), table)
}

/// The mean engagement rate of a model's posts on day `d` after publication.
pub(super) fn decay_rate(ctx: &Ctx, m: Model, d: u32) -> Option<f64> {
    ctx.f
        .engagement_decay
        .iter()
        .find(|p| p.model == m && p.day == d)
        .and_then(|p| p.engagement_rate)
}

/// The decay chart's data: each day's rate and n per model, days without
/// either left out.
fn decay_table(ctx: &Ctx, id: &str, title: &str) -> Table {
    let x = &ctx.fmt;
    let t = ctx.t();
    let mut table = Table::new(id, title, ctx.download())
        .num(t.day)
        .num(format!("{}: {}", t.retainers, t.engagement_rate))
        .num(format!("{}: n", t.retainers))
        .num(format!("{}: {}", t.one_offs_short, t.engagement_rate))
        .num(format!("{}: n", t.one_offs_short));
    let decay = &ctx.f.engagement_decay;
    let max_day = decay.iter().map(|p| p.day).max().unwrap_or(0);
    for d in 1..=max_day {
        let find = |m: Model| decay.iter().find(|p| p.model == m && p.day == d);
        let (r, o) = (find(Model::Retainer), find(Model::OneOff));
        if r.is_none() && o.is_none() {
            continue;
        }
        let mut cells = vec![Cell::number(d.to_string(), Some(d.to_string()))];
        for p in [r, o] {
            let rate = x.c_pct(p.and_then(|p| p.engagement_rate));
            cells.push(match p {
                Some(p) if p.engagement_rate.is_some() => super::sample::small(ctx, rate, p.n),
                _ => rate,
            });
            cells.push(p.map_or_else(
                || Cell::number(String::new(), None),
                |p| x.c_int(p.n as u64),
            ));
        }
        table.row(cells);
    }
    table
}

/// The cumulative share of conversions by day, per model.
pub(crate) fn window(ctx: &Ctx, id: &str) -> ChartView {
    let x = &ctx.fmt;
    let lang = ctx.lang();
    let title = ctx.t().window_title;
    let w = |m: Model| ctx.f.conversion_window.iter().find(|w| w.model == m);
    let pts = |m: Model| -> Vec<(f64, Option<f64>)> {
        w(m).map_or_else(Vec::new, |w| {
            w.cumulative
                .iter()
                .map(|s| (f64::from(s.day), s.share))
                .collect()
        })
    };
    let days = |m: Model| {
        w(m).and_then(|w| w.days_to_90pct)
            .map_or_else(|| x.na(), |d| d.to_string())
    };
    let desc = i18n::catalogue(lang)
        .say
        .window_desc(&days(Model::Retainer), &days(Model::OneOff));
    let svg = by_day_chart(
        ctx,
        id,
        title,
        &desc,
        pts(Model::Retainer),
        pts(Model::OneOff),
    );
    let mut table = Table::new(id, title, ctx.download())
        .num(ctx.t().day)
        .num(format!("{}: {}", ctx.t().retainers, ctx.t().share))
        .num(format!("{}: {}", ctx.t().one_offs_short, ctx.t().share));
    let max_day = ctx
        .f
        .conversion_window
        .iter()
        .flat_map(|w| w.cumulative.iter().map(|s| s.day))
        .max()
        .unwrap_or(0);
    for d in 1..=max_day {
        let share = |m: Model| w(m).and_then(|w| w.cumulative.iter().find(|s| s.day == d));
        let (r, o) = (share(Model::Retainer), share(Model::OneOff));
        if r.is_none() && o.is_none() {
            continue;
        }
        table.row(vec![
            Cell::number(d.to_string(), Some(d.to_string())),
            x.c_pct(r.and_then(|s| s.share)),
            x.c_pct(o.and_then(|s| s.share)),
        ]);
    }
    ChartView::new(id, title, svg, model_legends(ctx), table)
}

/// A line chart by day after publication: retainers against one-offs, rates
/// on the y axis.
fn by_day_chart(
    ctx: &Ctx,
    id: &str,
    title: &str,
    desc: &str,
    retainers: Vec<(f64, Option<f64>)>,
    one_offs: Vec<(f64, Option<f64>)>,
) -> String {
    let lang = ctx.lang();
    let fmt = |v: f64| format::axis_percent(v, lang);
    line_or_empty(
        ctx,
        &LineChart {
            frame: frame(ctx, id, title, desc),
            height: 260,
            series: vec![
                Series::new(Role::S1, Marker::Circle, retainers),
                Series::new(Role::S2, Marker::Triangle, one_offs),
            ],
            x_name: ctx.t().day,
            x_labels: Vec::new(),
            y_format: &fmt,
            highlight: None,
        },
    )
}
