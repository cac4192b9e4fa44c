//! The charts of the pages: which figures each plots, its words in the
//! client's language, its legend and its data table. The charts of the
//! daily figures are in [`super::daily`].

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;

use super::{ChartView, Ctx, Legend};
use crate::analytics::MonthFigures;
use crate::analytics::engagement::PostNumberPoint;
use crate::analytics::stats::Spread;
use crate::charts::bars::{Bar, BarChart};
use crate::charts::line::{LineChart, Marker, Series};
use crate::charts::spread::{Quartiles, SpreadChart};
use crate::charts::{Frame, Role, bars, line, spread};
use crate::model::{Language, Model, Month, PartnershipId};
use crate::view::format;
use crate::view::i18n;
use crate::view::table::{Cell, Table};

/// A line chart, or its frame saying there is nothing yet when no point is
/// defined.
pub(super) fn line_or_empty(ctx: &Ctx, c: &LineChart) -> String {
    let any = c
        .series
        .iter()
        .any(|s| s.points.iter().any(|p| p.1.is_some()));
    if any {
        line::render(c)
    } else {
        crate::charts::empty(&c.frame, ctx.t().no_data, c.height)
    }
}

pub(super) fn legend(label: &str, role: Role, shape: &'static str) -> Legend {
    Legend {
        label: label.to_string(),
        role: role.name(),
        shape,
    }
}

/// The frame of a chart on a page, in the client's accent.
pub(super) fn frame<'a>(ctx: &'a Ctx, id: &'a str, title: &'a str, desc: &'a str) -> Frame<'a> {
    Frame {
        id,
        title,
        desc,
        accent: &ctx.accent,
    }
}

/// The legend of a chart of retainers against one-offs, in the roles and
/// markers every such chart draws them with.
pub(super) fn model_legends(ctx: &Ctx) -> Vec<Legend> {
    vec![
        legend(ctx.t().retainers, Role::S1, "circle"),
        legend(ctx.t().one_offs, Role::S2, "triangle"),
    ]
}

/// Engagement by post number, retainers against one-offs, with the lift and
/// n at each post number (overview and market pages).
pub(crate) fn headline(ctx: &Ctx, id: &str, title: &str, points: &[PostNumberPoint]) -> ChartView {
    let lang = ctx.lang();
    let of =
        |m: Model| -> Vec<&PostNumberPoint> { points.iter().filter(|p| p.model == m).collect() };
    let (ret, one) = (of(Model::Retainer), of(Model::OneOff));
    let series_of = |pts: &[&PostNumberPoint]| -> Vec<(f64, Option<f64>)> {
        pts.iter()
            .map(|p| (f64::from(p.post_number), p.mean_engagement_rate))
            .collect()
    };
    let mut series = vec![
        Series::new(Role::S1, Marker::Circle, series_of(&ret)),
        Series::new(Role::S2, Marker::Triangle, series_of(&one)),
    ];
    let mut legends = model_legends(ctx);
    let one_first = one
        .iter()
        .find(|p| p.post_number == 1)
        .and_then(|p| p.mean_engagement_rate);
    let last_k = ret.iter().map(|p| p.post_number).max().unwrap_or(1);
    if let (Some(level), true) = (one_first, last_k > 1) {
        let mut s = Series::new(
            Role::S2Dash,
            Marker::None,
            vec![(1.0, Some(level)), (f64::from(last_k), Some(level))],
        );
        s.line = true;
        series.push(s);
        legends.push(legend(ctx.t().one_off_level, Role::S2Dash, "dash"));
    }
    let desc = headline_desc(ctx, &ret, one_first);
    let fmt = |v: f64| format::axis_percent(v, lang);
    let svg = line_or_empty(
        ctx,
        &LineChart {
            frame: frame(ctx, id, title, &desc),
            height: 300,
            series,
            x_name: ctx.t().post_number,
            x_labels: Vec::new(),
            y_format: &fmt,
            highlight: None,
        },
    );
    let table = headline_table(ctx, id, title, points);
    ChartView::new(id, title, svg, legends, table)
}

/// What the headline chart shows, in words: retainers at post 1 and at the
/// third post (the seed's claim) or the last, and one-offs at post 1.
fn headline_desc(ctx: &Ctx, ret: &[&PostNumberPoint], one_first: Option<f64>) -> String {
    let (x, lang) = (&ctx.fmt, ctx.lang());
    // The description names the third post when there is one: the seed's claim.
    let pick = ret
        .iter()
        .find(|p| p.post_number == 3 && p.mean_engagement_rate.is_some())
        .or_else(|| ret.iter().rev().find(|p| p.mean_engagement_rate.is_some()));
    let first = ret.iter().find(|p| p.post_number == 1);
    let mut desc = match (first, pick) {
        (Some(f), Some(k)) => i18n::catalogue(lang).say.headline_retainers(
            &x.pct(f.mean_engagement_rate),
            &x.pct(k.mean_engagement_rate),
            k.post_number,
            &x.pct(k.lift),
            k.n,
        ),
        _ => String::new(),
    };
    if let Some(o) = one_first {
        desc.push(' ');
        desc.push_str(&i18n::catalogue(lang).say.headline_one_offs(&x.pct(Some(o))));
    }
    desc
}

/// The headline chart's data: each post number's mean, n and lift per model.
fn headline_table(ctx: &Ctx, id: &str, title: &str, points: &[PostNumberPoint]) -> Table {
    let x = &ctx.fmt;
    let mut by_k: BTreeMap<u32, [Option<&PostNumberPoint>; 2]> = BTreeMap::new();
    for p in points {
        let slot = usize::from(p.model == Model::OneOff);
        by_k.entry(p.post_number).or_default()[slot] = Some(p);
    }
    let mut table = Table::new(id, title, ctx.download())
        .num(ctx.t().post_no)
        .num(format!("{}, ER", ctx.t().retainers))
        .num("n")
        .num(ctx.t().lift)
        .num(format!("{}, ER", ctx.t().one_offs_short))
        .num("n")
        .num(ctx.t().lift);
    for (k, pair) in by_k {
        let mut cells = vec![Cell::number(k.to_string(), Some(k.to_string()))];
        for p in pair {
            match p {
                Some(p) => cells.extend([
                    x.c_pct(p.mean_engagement_rate),
                    x.c_int(p.n as u64),
                    super::sample::small(ctx, x.c_pct(p.lift), p.n),
                ]),
                None => cells.extend([
                    x.c_pct(None),
                    Cell::number(String::new(), None),
                    x.c_pct(None),
                ]),
            }
        }
        table.row(cells);
    }
    table
}

/// The creator-level ROI distribution beside the ROI of the whole they
/// make up, named `whole.1`: the portfolio's, or a market's by its name.
pub(crate) fn roi_spread(
    ctx: &Ctx,
    id: &str,
    s: &Spread,
    members: &[usize],
    (whole, name): (Option<f64>, &str),
    root: &str,
) -> ChartView {
    let x = &ctx.fmt;
    let title = ctx.t().creator_roi;
    let rows = ranked_by_roi(ctx, members);
    let target = roi_target(ctx);
    let desc = spread_desc(ctx, s, (whole, name));
    let fmt = |v: f64| format::axis_percent(v, ctx.lang());
    let chart = SpreadChart {
        frame: frame(ctx, id, title, &desc),
        points: spread_points(ctx, s, &rows),
        quartiles: quartiles(s),
        whole: whole.map(|w| (w, format!("{name} {}", x.pct(Some(w))))),
        target: target.clone(),
        x_format: &fmt,
    };
    let svg = if chart.points.is_empty() && chart.whole.is_none() {
        crate::charts::empty(&chart.frame, ctx.t().no_data, 220)
    } else {
        spread::render(&chart)
    };
    let table = roi_table(
        ctx,
        (id, title, ctx.t().creator),
        rows.iter().map(|&(i, r)| {
            let p = ctx.partnership(i);
            let name = Cell::text(ctx.creator_name(&p.id, &p.creator))
                .link(format!("{root}partnerships/{}/index.html", p.id));
            (name, Some(r))
        }),
    );
    let mut legends = vec![legend(ctx.t().partnerships, Role::S1, "circle")];
    legends.push(legend(name, Role::Accent, "line"));
    legends.extend(target_legend(ctx, &target));
    ChartView::new(id, title, svg, legends, table)
}

/// The members with an ROI, best first (ties in model order).
fn ranked_by_roi(ctx: &Ctx, members: &[usize]) -> Vec<(usize, f64)> {
    let mut rows: Vec<(usize, f64)> = members
        .iter()
        .filter_map(|&i| ctx.partnership(i).figures.roi.map(|r| (i, r)))
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    rows
}

/// Each ranked ROI as a dot, only the best and the worst named so that the
/// labels do not overlap.
fn spread_points(ctx: &Ctx, s: &Spread, rows: &[(usize, f64)]) -> Vec<(f64, String)> {
    rows.iter()
        .map(|&(i, r)| {
            let p = ctx.partnership(i);
            let named = s.best.as_ref() == Some(&p.id) || s.worst.as_ref() == Some(&p.id);
            (
                r,
                if named {
                    ctx.creator_name(&p.id, &p.creator)
                } else {
                    String::new()
                },
            )
        })
        .collect()
}

/// The box of the spread, when every one of its figures is defined.
fn quartiles(s: &Spread) -> Option<Quartiles> {
    match (s.min, s.q1, s.median, s.q3, s.max) {
        (Some(min), Some(q1), Some(median), Some(q3), Some(max)) => Some(Quartiles {
            min,
            q1,
            median,
            q3,
            max,
        }),
        _ => None,
    }
}

/// What the spread chart shows, in words.
fn spread_desc(ctx: &Ctx, s: &Spread, (whole, name): (Option<f64>, &str)) -> String {
    let x = &ctx.fmt;
    let name_of = |id: &Option<PartnershipId>| -> Option<String> {
        let i = ctx.partnership_index(id.as_ref()?)?;
        Some(ctx.creator_name(&ctx.partnership(i).id, &ctx.partnership(i).creator))
    };
    let (worst, best) = (name_of(&s.worst), name_of(&s.best));
    i18n::catalogue(ctx.lang())
        .say
        .spread_desc(&i18n::SpreadFigures {
            n: s.n,
            median: &x.pct(s.median),
            q1: &x.pct(s.q1),
            q3: &x.pct(s.q3),
            min: (&x.pct(s.min), worst.as_deref().unwrap_or_default()),
            max: (&x.pct(s.max), best.as_deref().unwrap_or_default()),
            whole: (name, &x.pct(whole)),
        })
}

/// The client's ROI target with its label on the chart, when it sets one.
fn roi_target(ctx: &Ctx) -> Option<(f64, String)> {
    let t = ctx.client.targets.roi.and_then(|t| t.to_f64())?;
    Some((t, format!("{} {}", ctx.t().target, ctx.fmt.pct(Some(t)))))
}

/// The legend entry of a target line, when there is one.
fn target_legend(ctx: &Ctx, target: &Option<(f64, String)>) -> Option<Legend> {
    target
        .is_some()
        .then(|| legend(ctx.t().target, Role::MutedDash, "dash"))
}

/// The data of an ROI chart: one named row per bar or dot. `frame` is the
/// table's id, its caption and the name column's header.
fn roi_table(
    ctx: &Ctx,
    frame: (&str, &str, &str),
    rows: impl Iterator<Item = (Cell, Option<f64>)>,
) -> Table {
    let (id, title, name) = frame;
    let mut table = Table::new(id, title, ctx.download())
        .col(name)
        .num(ctx.t().roi);
    for (name, roi) in rows {
        table.row(vec![name, ctx.fmt.c_pct(roi)]);
    }
    table
}

/// ROI per market.
pub(crate) fn market_roi(ctx: &Ctx, id: &str) -> ChartView {
    let x = &ctx.fmt;
    let title = ctx.t().roi_by_market;
    let target = roi_target(ctx);
    let bars = ctx
        .f
        .markets
        .iter()
        .map(|m| Bar {
            label: m.name.clone(),
            value: m.figures.roi,
            text: x.pct(m.figures.roi),
        })
        .collect();
    let desc = ctx
        .f
        .markets
        .iter()
        .map(|m| format!("{}: {}", m.name, x.pct(m.figures.roi)))
        .collect::<Vec<_>>()
        .join("; ");
    let fmt = |v: f64| format::axis_percent(v, ctx.lang());
    let svg = bars::render(&BarChart {
        frame: frame(ctx, id, title, &format!("{title}. {desc}.")),
        bars,
        reference: target.clone(),
        x_format: &fmt,
        roles: (Role::S3, Role::S4),
    });
    let table = roi_table(
        ctx,
        (id, title, ctx.t().market),
        ctx.f.markets.iter().map(|m| {
            let name = Cell::text(m.name.clone()).link(format!("markets/{}/index.html", m.id));
            (name, m.figures.roi)
        }),
    );
    let mut legends = vec![
        legend(&format!("{} ≥ 0", ctx.t().roi), Role::S3, "square"),
        legend(&format!("{} < 0", ctx.t().roi), Role::S4, "square"),
    ];
    legends.extend(target_legend(ctx, &target));
    ChartView::new(id, title, svg, legends, table)
}

/// Monthly cost and revenue up to month `upto` (an index of `ctx.months`),
/// the month itself highlighted.
pub(crate) fn month_trend(ctx: &Ctx, id: &str, upto: usize, root: &str) -> ChartView {
    let x = &ctx.fmt;
    let lang = ctx.lang();
    let title = ctx.t().trend_title;
    let months = &ctx.f.months[..=upto.min(ctx.f.months.len().saturating_sub(1))];
    let series_of = |get: &dyn Fn(usize) -> f64| -> Vec<(f64, Option<f64>)> {
        (0..months.len())
            .map(|i| (i as f64, Some(get(i))))
            .collect()
    };
    let cost = series_of(&|i| months[i].figures.cost.to_f64().unwrap_or_default());
    let revenue = series_of(&|i| months[i].figures.revenue.to_f64().unwrap_or_default());
    let labels: Vec<(i64, String)> = ctx.months[..months.len()]
        .iter()
        .enumerate()
        .map(|(i, m)| (i as i64, month_label(lang, *m, i == 0)))
        .collect();
    let desc = months.last().map_or_else(String::new, |m| {
        i18n::catalogue(lang).say.month_trend_desc(
            ctx.months[0],
            ctx.months[months.len() - 1],
            &x.money(m.figures.cost),
            &x.money(m.figures.revenue),
        )
    });
    let currency = ctx.client.currency;
    let fmt = move |v: f64| format::compact_money(v, currency, lang);
    let svg = line_or_empty(
        ctx,
        &LineChart {
            frame: frame(ctx, id, title, &desc),
            height: 280,
            series: vec![
                Series::new(Role::S4, Marker::Square, cost),
                Series::new(Role::S3, Marker::Circle, revenue),
            ],
            x_name: "",
            x_labels: labels,
            y_format: &fmt,
            highlight: (months.len() > 1).then(|| (months.len() - 1) as f64),
        },
    );
    let legends = vec![
        legend(ctx.t().cost, Role::S4, "square"),
        legend(ctx.t().revenue, Role::S3, "circle"),
    ];
    let table = trend_table(ctx, (id, title), months, root);
    ChartView::new(id, title, svg, legends, table)
}

/// The trend chart's data: each month linked to its report, the last one
/// marked as the page's.
fn trend_table(ctx: &Ctx, frame: (&str, &str), months: &[MonthFigures], root: &str) -> Table {
    let (x, lang) = (&ctx.fmt, ctx.lang());
    let mut table = Table::new(frame.0, frame.1, ctx.download())
        .col(ctx.t().month)
        .num(ctx.t().cost)
        .num(ctx.t().revenue)
        .num(ctx.t().roi);
    for (k, (m, mf)) in ctx.months.iter().zip(months).enumerate() {
        table.row_with(
            vec![
                Cell::text(i18n::catalogue(lang).month(*m))
                    .link(format!("{root}reports/{m}/index.html")),
                x.c_money(Some(mf.figures.cost)),
                x.c_money(Some(mf.figures.revenue)),
                x.c_pct(mf.figures.roi),
            ],
            if k + 1 == months.len() { "current" } else { "" },
        );
    }
    table
}

/// "Oct", or "Jan ’27" at the first month and each January.
pub(super) fn month_label(lang: Language, m: Month, first: bool) -> String {
    let short = i18n::catalogue(lang).month_short(m);
    if first || m.month == 1 {
        format!("{short} ’{:02}", m.year.rem_euclid(100))
    } else {
        short.to_string()
    }
}

/// One partnership's engagement rate per sponsored post with its trend line;
/// ramp-up posts hollow.
pub(crate) fn partnership_engagement(ctx: &Ctx, id: &str, i: usize) -> ChartView {
    let lang = ctx.lang();
    let title = ctx.t().engagement_per_post;
    let p = ctx.partnership(i);
    let posts: Vec<usize> = ctx.by_partnership[i]
        .iter()
        .copied()
        .filter(|&j| ctx.f.posts[j].number.is_some())
        .collect();
    let (series, legends) = engagement_series(ctx, i, &posts);
    let desc = i18n::catalogue(lang).say.engagement_desc(
        &ctx.creator_name(&p.id, &p.creator),
        posts.len(),
        &ctx.fmt.trend(p.engagement_trend),
    );
    let fmt = |v: f64| format::axis_percent(v, lang);
    let svg = line_or_empty(
        ctx,
        &LineChart {
            frame: frame(ctx, id, title, &desc),
            height: 280,
            series,
            x_name: ctx.t().post_number,
            x_labels: Vec::new(),
            y_format: &fmt,
            highlight: None,
        },
    );
    let table = engagement_table(ctx, (id, title), &posts);
    ChartView::new(id, title, svg, legends, table)
}

/// The sponsored posts of partnership `i` as dots (ramp-up ones as rings)
/// and its trend line, with the legend of what is drawn.
fn engagement_series(ctx: &Ctx, i: usize, posts: &[usize]) -> (Vec<Series>, Vec<Legend>) {
    let p = ctx.partnership(i);
    let number = |j: usize| f64::from(ctx.f.posts[j].number.unwrap_or(0));
    let pts: Vec<(f64, Option<f64>)> = posts
        .iter()
        .map(|&j| (number(j), ctx.f.posts[j].rate))
        .collect();
    let rings: Vec<f64> = posts
        .iter()
        .filter(|&&j| ctx.f.posts[j].ramp_up)
        .map(|&j| number(j))
        .collect();
    let mut s = Series::new(Role::S1, Marker::Circle, pts);
    s.rings = rings.clone();
    let mut series = vec![s];
    let mut legends = Vec::new();
    if rings.len() < posts.len() {
        legends.push(legend(ctx.t().sponsored_posts, Role::S1, "circle"));
    }
    if !rings.is_empty() {
        legends.push(legend(ctx.t().ramp_up, Role::S1, "ring"));
    }
    let k_max = posts.len() as f64;
    if let (Some(slope), Some(b)) = (p.engagement_trend, p.trend_intercept) {
        let mut t = Series::new(
            Role::AccentDash,
            Marker::None,
            vec![(1.0, Some(b + slope)), (k_max, Some(b + slope * k_max))],
        );
        t.line = true;
        series.push(t);
        legends.push(legend(ctx.t().trend_line, Role::AccentDash, "dash"));
    }
    (series, legends)
}

/// The engagement chart's data: each sponsored post's number, date and rate.
fn engagement_table(ctx: &Ctx, frame: (&str, &str), posts: &[usize]) -> Table {
    let (x, lang) = (&ctx.fmt, ctx.lang());
    let mut table = Table::new(frame.0, frame.1, ctx.download())
        .num(ctx.t().post_number)
        .col(ctx.t().date)
        .num(ctx.t().engagement_rate)
        .col(ctx.t().ramp_up);
    for &j in posts {
        let fact = &ctx.f.posts[j];
        let k = fact.number.unwrap_or(0);
        table.row(vec![
            Cell::number(k.to_string(), Some(k.to_string())),
            Cell::text(i18n::catalogue(lang).date_short(ctx.client.posts[j].date)),
            x.c_pct(fact.rate),
            Cell::text(if fact.ramp_up { ctx.t().ramp_up } else { "" }),
        ]);
    }
    table
}
