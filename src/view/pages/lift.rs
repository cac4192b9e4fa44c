//! How sure: the paired lift by post number beside the plain
//! lift, its 95% interval as a whisker at each post number, the headline claim in plain words, and
//! every figure over fewer than 5 pairs marked as a small sample (overview
//! and market pages; docs/metrics.md, "How sure").

use serde::Serialize;

use super::charts::{frame, legend, line_or_empty};
use super::{ChartView, Ctx};
use crate::analytics::compounding::Engagement;
use crate::analytics::engagement::PostNumberPoint;
use crate::analytics::lift::FEWEST_PAIRS;
use crate::charts::Role;
use crate::charts::line::{LineChart, Marker, Series};
use crate::model::Model;
use crate::view::format;
use crate::view::i18n;
use crate::view::table::{Cell, Table};

/// The paired lift's part of a page.
#[derive(Debug, Serialize)]
pub struct LiftView {
    /// The claim in plain words: the retainers' third post (or the last
    /// with pairs), with its interval and n, or too few to tell.
    pub sentences: Vec<String>,
    /// What the chart shows, in a sentence.
    pub lead: &'static str,
    /// The chart of plain and paired lift, with its table.
    pub chart: ChartView,
}

/// The paired lift of `points` (a client's or a market's curve), or `None`
/// when no partnership got past its first post.
pub(crate) fn view(ctx: &Ctx, id: &str, points: &[PostNumberPoint]) -> Option<LiftView> {
    let later: Vec<&PostNumberPoint> = points.iter().filter(|p| p.post_number >= 2).collect();
    if later.is_empty() {
        return None;
    }
    let texts = &i18n::catalogue(ctx.lang()).how_sure;
    let retainers: Vec<&PostNumberPoint> = later
        .iter()
        .copied()
        .filter(|p| p.model == Model::Retainer)
        .collect();
    let sentences = sentence(ctx, &retainers).into_iter().collect();
    let fmt = |v: f64| format::axis_percent(v, ctx.lang());
    let series_of = |pick: &dyn Fn(&PostNumberPoint) -> Option<f64>| -> Vec<(f64, Option<f64>)> {
        retainers
            .iter()
            .map(|p| (f64::from(p.post_number), pick(p)))
            .collect()
    };
    let mut plain = Series::new(Role::S1, Marker::Circle, series_of(&|p| p.lift));
    plain.line = false;
    // The 95% interval of each post number that has one, as a whisker from
    // its low to its high end: never a line from one post number's end to
    // the next's.
    let whiskers: Vec<Series> = (retainers.iter())
        .filter_map(|p| {
            let x = f64::from(p.post_number);
            let (low, high) = (p.paired.lift_low?, p.paired.lift_high?);
            Some(Series::new(
                Role::Muted,
                Marker::None,
                vec![(x, Some(low)), (x, Some(high))],
            ))
        })
        .collect();
    let mut legends = vec![
        legend(texts.plain, Role::S1, "circle"),
        legend(texts.paired, Role::Accent, "square"),
    ];
    if !whiskers.is_empty() {
        legends.push(legend(texts.band, Role::Muted, "whisker"));
    }
    let mut series = whiskers;
    series.push(plain);
    series.push(Series::new(
        Role::Accent,
        Marker::Square,
        series_of(&|p| p.paired.paired_lift),
    ));
    // Titled by its finding where the verdict's rules give one, else by
    // what it measures.
    let c = &ctx.f.compounding;
    let title = match (c.engagement, c.post_number) {
        (Engagement::Rising, Some(k)) => ctx.words().say.lift_finding(true, k),
        (Engagement::Falling, Some(k)) => ctx.words().say.lift_finding(false, k),
        _ => texts.title.to_string(),
    };
    let desc = sentences_text(ctx, &retainers);
    let svg = line_or_empty(
        ctx,
        &LineChart {
            frame: frame(ctx, id, &title, &desc),
            height: 260,
            series,
            x_name: ctx.t().post_number,
            x_labels: Vec::new(),
            y_format: &fmt,
            highlight: None,
        },
    );
    let table = table(ctx, id, &later);
    Some(LiftView {
        sentences,
        lead: texts.lead,
        chart: ChartView::new(id, &title, svg, legends, table),
    })
}

/// The chart's description: the claim, or what the chart would show.
fn sentences_text(ctx: &Ctx, retainers: &[&PostNumberPoint]) -> String {
    sentence(ctx, retainers)
        .unwrap_or_else(|| i18n::catalogue(ctx.lang()).how_sure.lead.to_string())
}

/// The retainers' claim: post 3 (else the last post number with pairs) in
/// words, with its interval and n, or too few partnerships to tell.
fn sentence(ctx: &Ctx, retainers: &[&PostNumberPoint]) -> Option<String> {
    let lang = ctx.lang();
    let with_pairs = |p: &&&PostNumberPoint| p.paired.n_pairs.is_some_and(|n| n > 0);
    let point = retainers
        .iter()
        .find(|p| p.post_number == 3 && with_pairs(p))
        .or_else(|| retainers.iter().rev().find(with_pairs))?;
    let n = point.paired.n_pairs.unwrap_or(0);
    let signed = |v: f64| format::signed_percent(v, lang);
    match (
        point.paired.paired_lift,
        point.paired.lift_low,
        point.paired.lift_high,
    ) {
        (Some(l), Some(low), Some(high)) if n >= FEWEST_PAIRS => {
            Some(i18n::catalogue(lang).say.lift(
                point.post_number,
                &signed(l),
                (&signed(low), &signed(high)),
                n,
            ))
        }
        _ => Some(i18n::catalogue(lang).say.too_few(point.post_number, n)),
    }
}

/// Each model's post numbers from 2: the plain lift with its n, the paired
/// lift with its pairs and interval, small samples marked.
fn table(ctx: &Ctx, id: &str, later: &[&PostNumberPoint]) -> Table {
    let (x, lang) = (&ctx.fmt, ctx.lang());
    let texts = &i18n::catalogue(lang).how_sure;
    let mut table = Table::new(&format!("{id}-table"), texts.title, ctx.download())
        .col(texts.model)
        .num(ctx.t().post_no)
        .num(texts.plain)
        .num("n")
        .num(texts.paired)
        .num(texts.pairs)
        .col(texts.interval);
    let small = |cell: Cell, n: usize| super::sample::small(ctx, cell, n);
    for p in later {
        let model = match p.model {
            Model::Retainer => ctx.t().retainers,
            Model::OneOff => ctx.t().one_offs_short,
        };
        let pairs = p.paired.n_pairs.unwrap_or(0);
        let signed = |v: Option<f64>| v.map(|v| format::signed_percent(v, lang));
        let interval = match (signed(p.paired.lift_low), signed(p.paired.lift_high)) {
            (Some(low), Some(high)) => format!("{low} … {high}"),
            _ => texts.too_few.to_string(),
        };
        table.row(vec![
            Cell::text(model),
            Cell::number(p.post_number.to_string(), Some(p.post_number.to_string())),
            small(x.c_pct(p.lift), p.n),
            x.c_int(p.n as u64),
            small(x.c_pct(p.paired.paired_lift), pairs),
            x.c_int(pairs as u64),
            Cell::text(interval),
        ]);
    }
    table
}
