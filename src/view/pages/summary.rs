//! A monthly report's words from the month's figures: its lead (spend and
//! revenue against the month before, ROI and CPA against their targets),
//! for a reader who reads nothing else, and what the creators did (posts
//! published, the partnership that did best) under the month per creator
//! (docs/metrics.md, "Months"; the decisions due are a list, from
//! [`super::answer`]).
//!
//! Each sentence is written only from figures that exist: the first month
//! has nothing to compare with, and an undefined ratio is said to be
//! undefined and never written as a number. Numbers are formatted as the
//! rest of the page formats them; the words are the catalogue's
//! ([`crate::view::i18n::Sentences`]).

use std::cmp::Ordering;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Ctx;
use crate::analytics::{MonthFigures, change, creators};
use crate::view::format;
use crate::view::i18n::{Move, Spend, Versus};

/// The month `i` (an index of `ctx.months`) in brief, the report's first
/// words: spend and revenue against the month before, then ROI and CPA
/// against their targets.
pub(crate) fn lead(ctx: &Ctx, i: usize) -> Vec<String> {
    let now = &ctx.f.months[i];
    let before = super::compared::compared_with(ctx, i);
    let so_far = super::compared::so_far(ctx, i).map(|s| (s.through, s.before_through));
    vec![spend(ctx, now, before, so_far), returns(ctx, now)]
}

/// What the creators did in month `i`, under the month per creator: the
/// posts published and the partnership that did best.
pub(crate) fn about_creators(ctx: &Ctx, i: usize) -> Vec<String> {
    let now = &ctx.f.months[i];
    let mut out = vec![posts(ctx, now)];
    out.extend(best(ctx, now));
    out
}

/// Spend and revenue, and how each moved from the month before (its same
/// days, while the month is not over: `so_far`).
fn spend(
    ctx: &Ctx,
    now: &MonthFigures,
    before: Option<&MonthFigures>,
    so_far: Option<(NaiveDate, NaiveDate)>,
) -> String {
    let x = &ctx.fmt;
    let (cost, revenue) = (x.money(now.figures.cost), x.money(now.figures.revenue));
    let moves = before.map(|b| {
        (
            b.month,
            money_move(ctx, now.figures.cost, b.figures.cost),
            money_move(ctx, now.figures.revenue, b.figures.revenue),
        )
    });
    let s = Spend {
        month: now.month,
        cost: &cost,
        revenue: &revenue,
        before: moves
            .as_ref()
            .map(|(m, c, r)| (*m, c.as_move(), r.as_move())),
        so_far,
    };
    ctx.words().say.spend(&s)
}

/// A change in money: its direction to the cent, as the comparison table
/// shows it, with its size and relative size formatted.
struct MoneyMove {
    sign: Ordering,
    amount: String,
    percent: Option<String>,
}

impl MoneyMove {
    fn as_move(&self) -> Move<'_> {
        match self.sign {
            Ordering::Greater => Move::Up(&self.amount, self.percent.as_deref()),
            Ordering::Less => Move::Down(&self.amount, self.percent.as_deref()),
            Ordering::Equal => Move::Same,
        }
    }
}

fn money_move(ctx: &Ctx, now: Decimal, before: Decimal) -> MoneyMove {
    let d = change::money(Some(now), Some(before)).unwrap_or_default();
    let rel = change::relative(Some(now), Some(before));
    MoneyMove {
        sign: d.round_dp(2).cmp(&Decimal::ZERO),
        amount: ctx.fmt.money(d.abs()),
        percent: rel.map(|r| format::percent(r.abs(), ctx.lang())),
    }
}

/// ROI and CPA, against the client's targets where it set them.
fn returns(ctx: &Ctx, now: &MonthFigures) -> String {
    let (x, f, targets) = (&ctx.fmt, &now.figures, &ctx.client.targets);
    let roi = f.roi.map(|r| x.pct(Some(r)));
    let roi_target = targets
        .roi
        .map(|t| x.pct(rust_decimal::prelude::ToPrimitive::to_f64(&t)));
    let cpa = f.cpa.map(|c| x.money(c));
    let cpa_target = targets.cpa.map(|t| x.money(t));
    let roi_order = targets.roi.and_then(|t| f.roi_against(t));
    let cpa_order = targets.cpa.and_then(|t| f.cpa_against(t));
    ctx.words().say.returns(
        versus(roi.as_deref(), roi_target.as_deref(), roi_order),
        versus(cpa.as_deref(), cpa_target.as_deref(), cpa_order),
    )
}

/// A ratio as the sentence takes it: undefined, alone, or against its
/// target when the client set one.
fn versus<'a>(
    value: Option<&'a str>,
    target: Option<&'a str>,
    order: Option<Ordering>,
) -> Versus<'a> {
    match (value, target, order) {
        (None, _, _) => Versus::Undefined,
        (Some(v), Some(t), Some(o)) => Versus::Target(v, t, o),
        (Some(v), _, _) => Versus::Plain(v),
    }
}

/// The sponsored posts and organic mentions published.
fn posts(ctx: &Ctx, now: &MonthFigures) -> String {
    let (s, o) = (now.sponsored_posts, now.organic_posts);
    let say = ctx.words().say;
    say.posts((s, &ctx.fmt.int(s)), (o, &ctx.fmt.int(o)))
}

/// The partnership with the best ROI among those with a cost, when any
/// booked one.
fn best(ctx: &Ctx, now: &MonthFigures) -> Option<String> {
    let top = creators::best(&now.creators)?;
    let costed = now
        .creators
        .iter()
        .filter(|c| c.figures.cost > Decimal::ZERO)
        .count() as u64;
    let x = &ctx.fmt;
    let pf = ctx.partnership(top.partnership);
    Some(ctx.words().say.best(
        &ctx.creator_name(&pf.id, &pf.creator),
        &x.pct(top.figures.roi),
        &x.money(top.figures.cost),
        costed,
    ))
}
