//! Compounding on the pages (docs/metrics.md, "Compounding"): the verdict
//! in words, ROI by partnership month with retainers against one-offs and
//! the n under each month, its cumulative curve, and a partnership's own
//! months against its model's curve. Months averaged over fewer than 5
//! partnerships are drawn as rings and marked in the tables, as small
//! samples are everywhere.

use rust_decimal::Decimal;
use serde::Serialize;

use super::charts::{frame, legend, line_or_empty};
use super::{ChartView, Ctx, Legend, sample};
use crate::analytics::compounding::{Compounding, Engagement};
use crate::analytics::lift::FEWEST_PAIRS;
use crate::analytics::tenure::TenureMonth;
use crate::charts::Role;
use crate::charts::line::{LineChart, Marker, Series};
use crate::model::Model;
use crate::view::format;
use crate::view::i18n::{self, OwnMonth, Ratio, Verdict};
use crate::view::table::{Cell, Table};

/// The overview's part: the verdict and the two charts.
#[derive(Debug, Serialize)]
pub struct CompoundingView {
    /// The verdict, and retainers against one-offs, in words.
    pub sentences: Vec<String>,
    /// What the charts show, in a sentence.
    pub lead: &'static str,
    /// ROI by partnership month, retainers against one-offs.
    pub roi: ChartView,
    /// The cumulative ROI by partnership month.
    pub cumulative: ChartView,
}

/// A partnership page's part: its months against its model's.
#[derive(Debug, Serialize)]
pub struct OwnMonths {
    /// Its latest finished month (else the one in progress) against the
    /// model's, in words.
    pub sentence: String,
    /// Its ROI by month beside its model's; none for a one-off, whose
    /// whole life is month 1.
    pub chart: Option<ChartView>,
}

/// The verdict and the ratios to one-offs, in words.
pub(crate) fn sentences(ctx: &Ctx, c: &Compounding) -> Vec<String> {
    let (lang, say) = (ctx.lang(), ctx.words().say);
    let signed = |v: Option<f64>| v.map_or_else(String::new, |v| format::signed_percent(v, lang));
    let (lift, low, high) = (
        signed(c.paired_lift),
        signed(c.lift_low),
        signed(c.lift_high),
    );
    let verdict = match (c.engagement, c.post_number) {
        (Engagement::TooEarly, _) | (_, None) => Verdict::TooEarly {
            pairs: c.pairs_at_3,
        },
        (engagement, Some(k)) => Verdict::Decided {
            engagement,
            k,
            lift: &lift,
            interval: (&low, &high),
            n: c.n_pairs.unwrap_or(0),
        },
    };
    let mut out = vec![say.verdict(verdict)];
    let (cpa, repeat) = (
        c.cpa_ratio.map(|r| ratio(r, ctx)),
        c.repeat_ratio.map(|r| ratio(r, ctx)),
    );
    if cpa.is_some() || repeat.is_some() {
        let cpa = cpa.as_ref().map(|(x, how)| as_ratio(x, *how));
        let repeat = repeat.as_ref().map(|(x, how)| as_ratio(x, *how));
        out.push(say.against_one_offs(cpa, repeat));
    }
    out
}

/// A ratio of retainers' to one-offs' as its words take it: the share
/// less (0) or more (1), the multiple (2), or the same (3).
fn ratio(r: f64, ctx: &Ctx) -> (String, u8) {
    let lang = ctx.lang();
    let share = |v: f64| format::percent(v, lang);
    if r >= 2.0 {
        let d = Decimal::from_f64_retain(r).unwrap_or_default();
        return (format::number(d, 1, lang), 2);
    }
    let shown = share((r - 1.0).abs());
    match shown
        .trim_end_matches(['%', '\u{a0}', ' '])
        .trim_matches(['0', ',', '.'])
    {
        "" => (shown, 3),
        _ if r < 1.0 => (shown, 0),
        _ => (shown, 1),
    }
}

fn as_ratio(x: &str, how: u8) -> Ratio<'_> {
    match how {
        0 => Ratio::Less(x),
        1 => Ratio::More(x),
        2 => Ratio::Times(x),
        _ => Ratio::Same,
    }
}

/// The tenure entries of `model`.
fn of_model<'a>(ctx: &Ctx<'a>, model: Model) -> Vec<&'a TenureMonth> {
    ctx.f.tenure.iter().filter(|t| t.model == model).collect()
}

/// The overview's verdict and charts; `None` before any partnership month.
pub(crate) fn view(ctx: &Ctx) -> Option<CompoundingView> {
    if ctx.f.tenure.is_empty() {
        return None;
    }
    let texts = &ctx.words().compounding;
    Some(CompoundingView {
        sentences: sentences(ctx, &ctx.f.compounding),
        lead: texts.lead,
        roi: roi_chart(ctx, "tenure-roi"),
        cumulative: cumulative_chart(ctx, "tenure-cumulative"),
    })
}

/// Points of `months` by `get`, and the months under 5 partnerships as
/// rings.
fn points(
    months: &[&TenureMonth],
    get: impl Fn(&TenureMonth) -> Option<f64>,
) -> (Vec<(f64, Option<f64>)>, Vec<f64>) {
    let pts = months
        .iter()
        .map(|t| (f64::from(t.month), get(t)))
        .collect();
    let rings = (months.iter())
        .filter(|t| t.n > 0 && t.n < FEWEST_PAIRS)
        .map(|t| f64::from(t.month))
        .collect();
    (pts, rings)
}

/// "1 (4)" under each month: the retainers' n (the one-offs' where there
/// are no retainers).
fn month_labels(ret: &[&TenureMonth], one: &[&TenureMonth]) -> Vec<(i64, String)> {
    let base = if ret.is_empty() { one } else { ret };
    base.iter()
        .map(|t| (i64::from(t.month), format!("{} ({})", t.month, t.n)))
        .collect()
}

/// The legends of a chart of months: retainers, one-offs, small samples.
fn legends(
    ctx: &Ctx,
    ret: bool,
    one: bool,
    one_role: (Role, &'static str),
    rings: bool,
) -> Vec<Legend> {
    let texts = &ctx.words().compounding;
    let mut v = Vec::new();
    if ret {
        v.push(legend(ctx.t().retainers, Role::S1, "circle"));
    }
    if one {
        v.push(legend(texts.one_offs_whole, one_role.0, one_role.1));
    }
    if rings {
        v.push(legend(texts.few, Role::S1, "ring"));
    }
    v
}

/// ROI by partnership month: the retainers' curve and the one-offs' month 1.
fn roi_chart(ctx: &Ctx, id: &str) -> ChartView {
    let texts = &ctx.words().compounding;
    let (ret, one) = (of_model(ctx, Model::Retainer), of_model(ctx, Model::OneOff));
    let (pts, rings) = points(&ret, |t| t.roi);
    let mut r = Series::new(Role::S1, Marker::Circle, pts);
    r.rings = rings.clone();
    let (pts, one_rings) = points(&one, |t| t.roi);
    let mut o = Series::new(Role::S2, Marker::Triangle, pts);
    o.line = false;
    o.rings = one_rings.clone();
    let any_rings = !rings.is_empty() || !one_rings.is_empty();
    let legends = legends(
        ctx,
        !ret.is_empty(),
        !one.is_empty(),
        (Role::S2, "triangle"),
        any_rings,
    );
    let desc = describe(ctx, &ret);
    let axis = (texts.month_axis, month_labels(&ret, &one));
    let svg = percent_chart(ctx, (id, texts.roi_title, &desc), vec![r, o], axis);
    let table = months_table(ctx, id, texts.roi_title);
    ChartView::new(id, texts.roi_title, svg, legends, table)
}

/// The chart's description: the retainers' first month and their last
/// with 5 or more partnerships.
fn describe(ctx: &Ctx, ret: &[&TenureMonth]) -> String {
    let pct = |r: Option<f64>| ctx.fmt.pct(r);
    let Some(first) = ret.first() else {
        return ctx.words().compounding.lead.to_string();
    };
    let later = (ret.iter().skip(1))
        .rfind(|t| t.n >= FEWEST_PAIRS && t.roi.is_some())
        .map(|t| (t.month, pct(t.roi), t.n));
    let later = later.as_ref().map(|(k, r, n)| (*k, r.as_str(), *n));
    ctx.words()
        .say
        .tenure_desc((&pct(first.roi), first.n), later)
}

/// The cumulative ROI: the retainers' curve and the one-offs' level.
fn cumulative_chart(ctx: &Ctx, id: &str) -> ChartView {
    let texts = &ctx.words().compounding;
    let (ret, one) = (of_model(ctx, Model::Retainer), of_model(ctx, Model::OneOff));
    let (pts, rings) = points(&ret, |t| t.cumulative_roi);
    let mut r = Series::new(Role::S1, Marker::Circle, pts);
    r.rings = rings.clone();
    let mut series = vec![r];
    // The one-offs' level runs as far as the retainers' curve is drawn.
    let last = (ret.iter().rev())
        .find(|t| t.cumulative_roi.is_some())
        .map_or(1, |t| t.month);
    let level = one.first().and_then(|t| t.cumulative_roi);
    if let Some(level) = level {
        let ends = vec![(1.0, Some(level)), (f64::from(last.max(1)), Some(level))];
        series.push(Series::new(Role::S2Dash, Marker::None, ends));
    }
    let legends = legends(
        ctx,
        !ret.is_empty(),
        level.is_some(),
        (Role::S2Dash, "dash"),
        !rings.is_empty(),
    );
    let desc = describe(ctx, &ret);
    let axis = (texts.month_axis, month_labels(&ret, &one));
    let svg = percent_chart(ctx, (id, texts.cumulative_title, &desc), series, axis);
    let table = cumulative_table(ctx, id, texts.cumulative_title);
    ChartView::new(id, texts.cumulative_title, svg, legends, table)
}

/// A line chart of percentages by partnership month: its frame (id,
/// title, description), its series and its x axis (name, labels).
fn percent_chart(
    ctx: &Ctx,
    (id, title, desc): (&str, &str, &str),
    series: Vec<Series>,
    (x_name, x_labels): (&str, Vec<(i64, String)>),
) -> String {
    let lang = ctx.lang();
    let fmt = |v: f64| format::axis_percent(v, lang);
    line_or_empty(
        ctx,
        &LineChart {
            frame: frame(ctx, id, title, desc),
            height: 280,
            series,
            x_name,
            x_labels,
            y_format: &fmt,
            highlight: None,
        },
    )
}

fn model_name(ctx: &Ctx, m: Model) -> &'static str {
    match m {
        Model::Retainer => ctx.t().retainers,
        Model::OneOff => ctx.t().one_offs_short,
    }
}

/// Each model's months: n, those in progress, cost, revenue, ROI, CPA.
fn months_table(ctx: &Ctx, id: &str, title: &str) -> Table {
    let (x, texts) = (&ctx.fmt, &ctx.words().compounding);
    let mut t = Table::new(&format!("{id}-table"), title, ctx.download())
        .col(i18n::catalogue(ctx.lang()).how_sure.model)
        .num(texts.month)
        .num(texts.n)
        .num(texts.n_in_progress)
        .num(ctx.t().cost)
        .num(ctx.t().revenue)
        .num(ctx.t().roi)
        .num(ctx.t().cpa);
    for m in &ctx.f.tenure {
        t.row(vec![
            Cell::text(model_name(ctx, m.model)),
            month_cell(m.month),
            x.c_int(m.n as u64),
            x.c_int(m.n_in_progress as u64),
            x.c_money(Some(m.cost)),
            x.c_money(Some(m.revenue)),
            few(ctx, x.c_pct(m.roi), m.n),
            few(ctx, x.c_money(m.cpa), m.n),
        ]);
    }
    t
}

/// Each model's months, cumulative.
fn cumulative_table(ctx: &Ctx, id: &str, title: &str) -> Table {
    let (x, texts) = (&ctx.fmt, &ctx.words().compounding);
    let mut t = Table::new(&format!("{id}-table"), title, ctx.download())
        .col(i18n::catalogue(ctx.lang()).how_sure.model)
        .num(texts.month)
        .num(texts.n)
        .num(ctx.t().cost)
        .num(ctx.t().revenue)
        .num(texts.cumulative);
    for m in &ctx.f.tenure {
        t.row(vec![
            Cell::text(model_name(ctx, m.model)),
            month_cell(m.month),
            x.c_int(m.n as u64),
            x.c_money(Some(m.cumulative_cost)),
            x.c_money(Some(m.cumulative_revenue)),
            few(ctx, x.c_pct(m.cumulative_roi), m.n),
        ]);
    }
    t
}

/// `cell` marked as a small sample when 1 to 4 partnerships finished its
/// month; with none it is n/a already.
fn few(ctx: &Ctx, cell: Cell, n: usize) -> Cell {
    match n {
        0 => cell,
        _ => sample::small(ctx, cell, n),
    }
}

fn month_cell(k: u32) -> Cell {
    Cell::number(k.to_string(), Some(k.to_string()))
}

/// Partnership `i`'s months against its model's curve.
pub(crate) fn own(ctx: &Ctx, i: usize) -> Option<OwnMonths> {
    let months = ctx.f.partnership_months.get(i)?;
    let p = &ctx.client.partnerships[i];
    let model = of_model(ctx, p.model);
    let model_roi = |k: u32| {
        model
            .iter()
            .find(|t| t.month == k && t.n > 0)
            .and_then(|t| t.roi)
    };
    let current = months.current();
    let shown = (1..=current)
        .rev()
        .find(|&k| months.complete(k))
        .unwrap_or(current);
    let roi_of = |k: u32| {
        let b = months.booked.get(k as usize - 1)?;
        crate::analytics::totals::ratio(b.revenue - b.cost, b.cost)
            .map(crate::analytics::totals::to_f64)
    };
    let x = &ctx.fmt;
    let (own_roi, theirs) = (
        x.pct(roi_of(shown)),
        model_roi(shown).map(|r| x.pct(Some(r))),
    );
    let sentence = ctx.words().say.own_month(&OwnMonth {
        k: shown,
        roi: &own_roi,
        in_progress: !months.complete(shown),
        one_off: p.model == Model::OneOff,
        model_roi: theirs.as_deref(),
    });
    Some(OwnMonths {
        sentence,
        chart: (p.model == Model::Retainer).then(|| own_chart(ctx, i, (&roi_of, &model_roi))),
    })
}

type Roi<'a> = &'a dyn Fn(u32) -> Option<f64>;

/// Partnership `i`'s ROI by month (the month in progress as a ring) beside
/// its model's.
fn own_chart(ctx: &Ctx, i: usize, (own, theirs): (Roi, Roi)) -> ChartView {
    let texts = &ctx.words().compounding;
    let months = &ctx.f.partnership_months[i];
    let model = ctx.client.partnerships[i].model;
    let id = "own-months";
    let ks: Vec<u32> = (1..=months.current()).collect();
    let mut mine = Series::new(
        Role::S1,
        Marker::Circle,
        ks.iter().map(|&k| (f64::from(k), own(k))).collect(),
    );
    mine.rings = ks
        .iter()
        .filter(|&&k| !months.complete(k))
        .map(|&k| f64::from(k))
        .collect();
    let curve = Series::new(
        Role::MutedDash,
        Marker::None,
        ks.iter().map(|&k| (f64::from(k), theirs(k))).collect(),
    );
    let mut legends = vec![
        legend(texts.own, Role::S1, "circle"),
        legend(model_name(ctx, model), Role::MutedDash, "dash"),
    ];
    if !mine.rings.is_empty() {
        legends.push(legend(texts.in_progress, Role::S1, "ring"));
    }
    let desc = ctx.words().say.own_month(&OwnMonth {
        k: months.current(),
        roi: &ctx.fmt.pct(own(months.current())),
        in_progress: !months.complete(months.current()),
        one_off: model == Model::OneOff,
        model_roi: theirs(months.current())
            .map(|r| ctx.fmt.pct(Some(r)))
            .as_deref(),
    });
    let frame = (id, texts.own_title, desc.as_str());
    let svg = percent_chart(ctx, frame, vec![curve, mine], (texts.month, Vec::new()));
    let x = &ctx.fmt;
    let mut t = Table::new(&format!("{id}-table"), texts.own_title, ctx.download())
        .num(texts.month)
        .num(ctx.t().cost)
        .num(ctx.t().revenue)
        .num(ctx.t().roi)
        .num(model_name(ctx, model));
    for (&k, b) in ks.iter().zip(&months.booked) {
        let roi = x.c_pct(own(k));
        let roi = match months.complete(k) {
            true => roi,
            false => roi.mark(texts.in_progress.to_string()),
        };
        t.row(vec![
            month_cell(k),
            x.c_money(Some(b.cost)),
            x.c_money(Some(b.revenue)),
            roi,
            x.c_pct(theirs(k)),
        ]);
    }
    ChartView::new(id, texts.own_title, svg, legends, t)
}
