//! The overview's first screen, the answer before the evidence (the
//! report's design, docs/themes.md "The first screen"): the verdict in one
//! or two sentences with the ROI against its target; four headline figures
//! to date (spend with the budget's status, ROI, CPA, repeat purchase), each
//! with its change since the end of the month before and a trend line of
//! its last twelve month ends; and at most three decisions due, renewals
//! first.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::commitments::{Due, due_soon, renewal_due};
use super::{Card, Ctx, Link, compounding};
use crate::analytics::life::Recommendation;
use crate::analytics::month_ends::MonthEnd;
use crate::charts::spark::spark;
use crate::model::Model;
use crate::view::i18n::{self, Versus};

/// How many decisions the first screen lists.
const DECISIONS: usize = 3;
/// How many month ends a trend line shows.
const TRAIL: usize = 12;

/// The overview's first screen.
#[derive(Debug, Serialize)]
pub struct Answer {
    /// The verdict and the ROI against its target, in words.
    pub verdict: Vec<String>,
    /// Spend, ROI, CPA and repeat purchase, each with its trend line.
    pub figures: Vec<Headline>,
    /// The budget covering the report date, in words, when there is one.
    pub budget: Option<Budget>,
    /// At most three decisions: renewals within 30 days, then the
    /// partnerships advised to move on, to review, to extend.
    pub decisions: Vec<Due>,
    /// "2 more", linking to every partnership, when there are more.
    pub more: Option<Link>,
    /// The latest monthly report.
    pub latest: Option<Link>,
}

/// A headline figure with its trend line.
#[derive(Debug, Serialize)]
pub struct Headline {
    /// The figure, its change as its note.
    #[serde(flatten)]
    pub card: Card,
    /// The trend line, inline SVG; empty with fewer than two month ends.
    pub spark: String,
}

/// The budget's status.
#[derive(Debug, Serialize)]
pub struct Budget {
    /// "78.0% of the 2026 budget spent; heading $2,468 over".
    pub text: String,
    /// `bad` when heading over, else empty.
    pub tone: &'static str,
}

/// Build the first screen.
pub(crate) fn answer(ctx: &Ctx) -> Answer {
    let (decisions, more) = decisions(ctx, "");
    let latest = ctx.months.last().map(|m| Link {
        label: ctx.words().say.open_report_of(*m),
        href: format!("reports/{m}/index.html"),
        note: String::new(),
    });
    Answer {
        verdict: verdict(ctx),
        figures: figures(ctx),
        budget: budget(ctx),
        decisions,
        more,
        latest,
    }
}

/// The verdict on compounding and the ROI to date against its target.
fn verdict(ctx: &Ctx) -> Vec<String> {
    let x = &ctx.fmt;
    let f = &ctx.f.portfolio.figures;
    let roi = x.pct(f.roi);
    let target = ctx.client.targets.roi.map(|t| x.pct(t.to_f64()));
    let versus = match (f.roi, &target, ctx.client.targets.roi) {
        (None, _, _) => Versus::Undefined,
        (Some(r), Some(t), Some(target)) => {
            let o =
                Decimal::from_f64_retain(r).map_or(std::cmp::Ordering::Equal, |r| r.cmp(&target));
            Versus::Target(&roi, t, o)
        }
        _ => Versus::Plain(&roi),
    };
    let mut v = compounding::sentences(ctx, &ctx.f.compounding);
    v.push(ctx.words().say.roi_to_date(versus));
    v
}

/// The month ends a trend line shows: the last twelve.
fn trail<'a>(ctx: &Ctx<'a>) -> &'a [MonthEnd] {
    let ends = &ctx.f.month_ends;
    &ends[ends.len().saturating_sub(TRAIL)..]
}

/// How a headline figure is read from a month end.
#[derive(Clone, Copy)]
enum Get {
    /// Money, exact.
    Money(fn(&MonthEnd) -> Option<Decimal>),
    /// A rate.
    Percent(fn(&MonthEnd) -> Option<f64>),
}

impl Get {
    /// For the trend line.
    fn f64(self, e: &MonthEnd) -> Option<f64> {
        match self {
            Get::Money(get) => get(e).and_then(|d| d.to_f64()),
            Get::Percent(get) => get(e),
        }
    }

    /// As the first screen writes it: whole currency units, or a
    /// percentage to one decimal.
    fn written(self, ctx: &Ctx, e: &MonthEnd) -> String {
        match self {
            Get::Money(get) => get(e).map_or_else(|| ctx.fmt.pct(None), |d| ctx.fmt.money_whole(d)),
            Get::Percent(get) => ctx.fmt.pct(get(e)),
        }
    }

    /// The change from `before` to `now`, signed: "+$1,234", "−3.2 points".
    fn change(self, ctx: &Ctx, before: &MonthEnd, now: &MonthEnd) -> Option<String> {
        match self {
            Get::Money(get) => {
                let delta = get(now)? - get(before)?;
                let text = ctx.fmt.money_whole(delta.abs());
                Some(match delta.round_dp(0) {
                    d if d > Decimal::ZERO => format!("+{text}"),
                    d if d < Decimal::ZERO => format!("−{text}"),
                    _ => text,
                })
            }
            // A rate changes by percentage points, as the monthly report
            // writes it: "+2.8 points".
            Get::Percent(get) => {
                let delta = get(now)? - get(before)?;
                Some(crate::view::format::points(delta, ctx.lang()))
            }
        }
    }
}

/// Spend, ROI, CPA and repeat purchase, each to date with its change since
/// the end of the month before and its trend line.
fn figures(ctx: &Ctx) -> Vec<Headline> {
    let p = &ctx.f.portfolio;
    let cards = super::figure_cards(ctx, &p.figures, p.repeat_purchase_rate, (0, 0));
    let pick = |label: &str| cards.iter().find(|c| c.label == label).cloned();
    let t = ctx.t();
    let specs: [(&str, Get); 4] = [
        (t.cost, Get::Money(|e| Some(e.cost))),
        (t.roi, Get::Percent(MonthEnd::roi)),
        (t.cpa, Get::Money(MonthEnd::cpa)),
        (t.repeat_rate, Get::Percent(|e| e.repeat.rate())),
    ];
    let now = ctx.f.month_ends.last();
    (specs.iter().enumerate())
        .filter_map(|(i, &(label, get))| {
            let mut card = pick(label)?;
            if let (Get::Money(_), Some(now)) = (get, now) {
                card.value = get.written(ctx, now);
            }
            if let Some(c) = change(ctx, get) {
                card.note = match card.note.is_empty() {
                    true => c,
                    false => format!("{} · {c}", card.note),
                };
            }
            let values: Vec<Option<f64>> = trail(ctx).iter().map(|e| get.f64(e)).collect();
            let desc = trend_desc(ctx, get);
            let spark = spark(&format!("spark-{i}"), &values, label, &desc);
            Some(Headline { card, spark })
        })
        .collect()
}

/// "+$1,234 since 30 September": the figure to date against the same at
/// the end of the month before the report date's.
fn change(ctx: &Ctx, get: Get) -> Option<String> {
    let ends = &ctx.f.month_ends;
    let [.., before, now] = &ends[..] else {
        return None;
    };
    let delta = get.change(ctx, before, now)?;
    let date = i18n::catalogue(ctx.lang()).date(before.end);
    Some(ctx.words().say.since(&delta, &date))
}

/// The trend line's description: its first and last month ends.
fn trend_desc(ctx: &Ctx, get: Get) -> String {
    let words = i18n::catalogue(ctx.lang());
    let shown = |e: &MonthEnd| format!("{}: {}", words.month(e.month), get.written(ctx, e));
    match trail(ctx) {
        [first, .., last] => format!("{} … {}", shown(first), shown(last)),
        _ => String::new(),
    }
}

/// The budget covering the report date: the longest (a year before a
/// quarter before a month), its share spent and whether it is heading over.
pub(crate) fn budget(ctx: &Ctx) -> Option<Budget> {
    let as_of = ctx.f.as_of;
    let b = (ctx.f.budgets.iter())
        .filter(|b| b.start <= as_of && as_of <= b.end)
        .max_by_key(|b| (b.end - b.start, std::cmp::Reverse(b.start)))?;
    let x = &ctx.fmt;
    // A share past exact arithmetic (a budget of 10^-20) is n/a.
    let share = (b.amount > Decimal::ZERO)
        .then(|| b.spent.checked_div(b.amount).and_then(|r| r.to_f64()))
        .flatten();
    let over = (b.projected > b.amount).then(|| x.money_whole(b.projected - b.amount));
    let period = super::budgets::period(ctx, b);
    let text = ctx
        .words()
        .say
        .budget_status(&x.pct(share), &period, over.as_deref());
    Some(Budget {
        text,
        tone: if over.is_some() { "bad" } else { "" },
    })
}

/// Renewals within 30 days by days left, then the retainers advised to move
/// on, to review, to extend; the first three, and a link to the rest; links
/// from a page `root` below the client's folder.
pub(crate) fn decisions(ctx: &Ctx, root: &str) -> (Vec<Due>, Option<Link>) {
    let mut all: Vec<Due> = due_soon(ctx).map(|r| renewal_due(ctx, r)).collect();
    let renewing: Vec<_> = due_soon(ctx).map(|r| r.id.clone()).collect();
    for rec in [
        Recommendation::MoveOn,
        Recommendation::Review,
        Recommendation::Extend,
    ] {
        for (i, p) in ctx.f.partnerships.iter().enumerate() {
            if p.model != Model::Retainer
                || p.recommendation != Some(rec)
                || renewing.contains(&p.id)
            {
                continue;
            }
            all.push(advised(ctx, i, rec));
        }
    }
    let rest = all.len().saturating_sub(DECISIONS);
    all.truncate(DECISIONS);
    for d in &mut all {
        d.href = format!("{root}{}", d.href);
    }
    let more = (rest > 0).then(|| Link {
        label: ctx.words().say.more(rest),
        href: match root {
            "" => "#roster".into(),
            _ => format!("{root}index.html#roster"),
        },
        note: String::new(),
    });
    (all, more)
}

/// A retainer advised `rec`: who, its fee, its ROI against the target.
fn advised(ctx: &Ctx, i: usize, rec: Recommendation) -> Due {
    let (x, t, lang) = (&ctx.fmt, ctx.t(), ctx.lang());
    let pf = ctx.partnership(i);
    let mut note = format!("{} {}", t.roi, x.pct(pf.figures.roi));
    if let Some(target) = ctx.client.targets.roi {
        note.push_str(&format!(
            ", {} {}",
            t.target.to_lowercase(),
            x.pct(target.to_f64())
        ));
    }
    if let Some(fee) = pf.ahead.monthly_fee {
        note = format!("{} {} · {note}", x.money(fee), t.per_month);
    }
    Due {
        label: ctx.creator_name(&pf.id, &pf.creator),
        href: format!("partnerships/{}/index.html#advice", pf.id),
        note,
        recommendation: i18n::catalogue(lang).recommendation(rec),
        class: i18n::recommendation_class(rec),
    }
}
