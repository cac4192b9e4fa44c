//! "How we count": each page's headline figures in plain words, after
//! docs/metrics.md, with the portfolio's own settings (ramp-up, repeat window,
//! what engagement divides by) written in. The wording is in
//! [`crate::view::i18n`]; this file picks which definitions a page shows.

use super::{Ctx, Def};
use crate::view::i18n::{self, Definition};

/// One definition in the client's language, under `term`.
fn def(ctx: &Ctx, term: &str, d: Definition) -> Def {
    let settings = &ctx.portfolio.settings;
    let s = i18n::Settings {
        currency: ctx.client.currency,
        denominator: settings.engagement_denominator,
        ramp_up_days: settings.ramp_up_days,
        repeat_window_days: settings.repeat_window_days,
    };
    Def {
        term: term.to_string(),
        text: i18n::catalogue(ctx.lang()).say.definition(d, &s),
    }
}

fn cost(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().cost, Definition::Cost)
}

fn revenue(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().revenue, Definition::Revenue)
}

fn ratios(ctx: &Ctx) -> Vec<Def> {
    vec![
        def(ctx, "ROI", Definition::Roi),
        def(ctx, "ROAS", Definition::Roas),
        def(ctx, "CPA", Definition::Cpa),
        def(ctx, ctx.t().cpm_reach, Definition::CpmReach),
    ]
}

fn sum_first(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().totals, Definition::Totals)
}

fn engagement(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().engagement_rate, Definition::Engagement)
}

fn repeat(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().repeat_rate, Definition::Repeat)
}

fn posts(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().organic_posts, Definition::Organic)
}

fn post_number(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().headline_title, Definition::PostNumber)
}

/// The paired lift with its interval, and the small-sample mark.
fn how_sure(ctx: &Ctx) -> [Def; 2] {
    let texts = &i18n::catalogue(ctx.lang()).how_sure;
    [
        Def {
            term: texts.paired.to_string(),
            text: texts.def_paired.to_string(),
        },
        Def {
            term: texts.small_term.to_string(),
            text: texts.def_small.to_string(),
        },
    ]
}

/// The figures by partnership month and the verdict on compounding.
fn compounding(ctx: &Ctx) -> [Def; 2] {
    let texts = &i18n::catalogue(ctx.lang()).compounding;
    [
        Def {
            term: texts.roi_title.to_string(),
            text: texts.def_tenure.to_string(),
        },
        Def {
            term: texts.title.to_string(),
            text: texts.def_verdict.to_string(),
        },
    ]
}

fn creator_level(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().creator_roi, Definition::CreatorLevel)
}

fn ramp_up(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().ramp_up, Definition::RampUp)
}

fn phases(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().phase, Definition::Phases)
}

fn fulfilment(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().fulfilment, Definition::Fulfilment)
}

fn trend(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().trend, Definition::Trend)
}

fn recommendation(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().recommendation, Definition::Recommendation)
}

fn committed(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().committed, Definition::Committed)
}

fn run_rate(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().annual_run_rate, Definition::RunRate)
}

fn renewals(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().renewals, Definition::Renewals)
}

fn payback(ctx: &Ctx) -> Def {
    def(ctx, ctx.t().payback, Definition::Payback)
}

fn undefined(ctx: &Ctx) -> Def {
    Def {
        term: ctx.t().undefined.to_string(),
        text: ctx.t().na_means.to_string(),
    }
}

/// The overview's definitions.
pub(crate) fn overview(ctx: &Ctx) -> Vec<Def> {
    let mut v = vec![cost(ctx), revenue(ctx)];
    v.extend(ratios(ctx));
    v.extend([
        sum_first(ctx),
        creator_level(ctx),
        engagement(ctx),
        post_number(ctx),
    ]);
    v.extend(how_sure(ctx));
    v.extend(compounding(ctx));
    v.extend([
        def(ctx, ctx.t().er_day1, Definition::DayOne),
        def(ctx, ctx.t().days_to_90, Definition::DaysTo90),
        repeat(ctx),
        posts(ctx),
        phases(ctx),
        fulfilment(ctx),
        trend(ctx),
        recommendation(ctx),
        run_rate(ctx),
        committed(ctx),
        renewals(ctx),
        payback(ctx),
        undefined(ctx),
    ]);
    v
}

/// The commitments page's definitions.
pub(crate) fn commitments(ctx: &Ctx) -> Vec<Def> {
    let t = ctx.t();
    vec![
        def(ctx, t.trailing_12m, Definition::Trailing12),
        run_rate(ctx),
        committed(ctx),
        def(ctx, t.open_ended_monthly, Definition::OpenEnded),
        def(ctx, t.budgets, Definition::Budgets),
        renewals(ctx),
        recommendation(ctx),
        cost(ctx),
        undefined(ctx),
    ]
}

/// Month `i`'s report's definitions (an index of `ctx.months`), with a
/// word on the month before when it is restated since it was sent: the
/// report compares with it as it is now.
pub(crate) fn month(ctx: &Ctx, i: usize) -> Vec<Def> {
    let summary = &i18n::catalogue(ctx.lang()).summary;
    let mut v = vec![
        def(ctx, ctx.t().month, Definition::Month),
        def(ctx, ctx.t().change, Definition::Change),
        def(ctx, summary.title, Definition::Summary),
        def(ctx, summary.creators, Definition::MonthCreators),
        cost(ctx),
        revenue(ctx),
    ];
    v.extend(ratios(ctx));
    v.extend([engagement(ctx), posts(ctx), ramp_up(ctx), undefined(ctx)]);
    let before = i.checked_sub(1).map(|k| ctx.months[k]);
    if let Some(m) = before.filter(|m| super::restated::of_month(ctx, *m).is_some()) {
        let words = i18n::catalogue(ctx.lang());
        v.push(Def {
            term: words.restated.term.to_string(),
            text: words.say.compares_restated(m),
        });
    }
    v
}

/// A partnership page's definitions.
pub(crate) fn partnership(ctx: &Ctx) -> Vec<Def> {
    let mut v = vec![cost(ctx), revenue(ctx)];
    v.extend(ratios(ctx));
    v.push(compounding(ctx)[0].clone());
    v.extend([
        engagement(ctx),
        trend(ctx),
        phases(ctx),
        ramp_up(ctx),
        fulfilment(ctx),
        repeat(ctx),
        posts(ctx),
        recommendation(ctx),
        committed(ctx),
        payback(ctx),
        undefined(ctx),
    ]);
    v
}

/// A market page's definitions.
pub(crate) fn market(ctx: &Ctx) -> Vec<Def> {
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
