//! A partnership page (`partnerships/<id>/index.html`): who and on what
//! terms, the phase timeline, engagement per post with its trend, the posts,
//! the costs, the recommendation with its reasons, and the note. The
//! timeline, which counts in partnership months, is in [`super::timeline`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::month::{post_date, post_kind, post_link, post_number};
use super::timeline::{Timeline, timeline};
use super::{Card, ChartView, Ctx, Def, Link, charts, contract_text, figure_cards, how};
use crate::analytics::life;
use crate::model::{Model, Month, PostKind};
use crate::view::table::{Cell, Table};
use crate::view::{format, i18n, notes};

/// A labelled fact.
#[derive(Debug, Serialize)]
pub struct Fact {
    /// What it is.
    pub label: String,
    /// Its value.
    pub value: String,
    /// A link, relative to the page.
    pub href: Option<String>,
}

fn fact(label: &str, value: String) -> Fact {
    Fact {
        label: label.to_string(),
        value,
        href: None,
    }
}

/// A rule of the recommendation.
#[derive(Debug, Serialize)]
pub struct RuleItem {
    /// 1 to 6.
    pub n: u8,
    /// The rule in words.
    pub text: &'static str,
    /// Whether it decided.
    pub applied: bool,
}

/// The recommendation with its reasons.
#[derive(Debug, Serialize)]
pub struct Advice {
    /// Its name.
    pub name: &'static str,
    /// Badge class.
    pub class: &'static str,
    /// The rule that decided.
    pub rule: u8,
    /// The six rules.
    pub rules: Vec<RuleItem>,
    /// The figures the rules read.
    pub evidence: Vec<Fact>,
}

/// A partnership page's `page` variable.
#[derive(Debug, Serialize)]
pub struct PartnershipPage {
    /// The creator's name.
    pub creator: String,
    /// Platform, handle, market, model, contract, fee, term, deliverables.
    pub facts: Vec<Fact>,
    /// Headline figures.
    pub cards: Vec<Card>,
    /// The phase timeline (retainers).
    pub timeline: Option<Timeline>,
    /// Engagement per post with the trend line.
    pub chart: ChartView,
    /// Its months against its model's curve.
    pub months: Option<super::compounding::OwnMonths>,
    /// Every post to date.
    pub posts: Table,
    /// Costs by month.
    pub costs: Table,
    /// Extra costs.
    pub extras: Table,
    /// The recommendation (retainers).
    pub advice: Option<Advice>,
    /// The partnership's note, as safe HTML.
    pub note: Option<String>,
    /// The agency's own note of the partnership, in an internal build only.
    pub internal_note: Option<String>,
    /// The market page.
    pub market: Link,
    /// How we count.
    pub how: Vec<Def>,
}

/// Build the page of partnership `i`.
pub(crate) fn build(ctx: &Ctx, i: usize) -> PartnershipPage {
    let m = &ctx.client.partnerships[i];
    let market = &ctx.client.markets[m.market];
    let market_link = Link {
        label: market.name.clone(),
        href: format!("../../markets/{}/index.html", market.id),
        note: String::new(),
    };
    let (costs, extras) = cost_tables(ctx, i);
    PartnershipPage {
        creator: ctx.creator_name(&ctx.partnership(i).id, &ctx.partnership(i).creator),
        facts: facts(ctx, i, &market_link),
        cards: cards(ctx, i),
        timeline: (m.model == Model::Retainer).then(|| timeline(ctx, i)),
        chart: charts::partnership_engagement(ctx, "engagement", i),
        months: super::compounding::own(ctx, i),
        posts: posts_table(ctx, i),
        costs,
        extras,
        advice: advice(ctx, i),
        note: ctx
            .client
            .partnership_notes
            .get(&m.id)
            .map(|n| notes::to_html(n)),
        internal_note: (ctx.client.internal_notes.partnerships)
            .get(&m.id)
            .map(|n| notes::to_html(n)),
        market: market_link,
        how: how::partnership(ctx),
    }
}

/// Who, where and on what terms.
fn facts(ctx: &Ctx, i: usize, market: &Link) -> Vec<Fact> {
    let lang = ctx.lang();
    let x = &ctx.fmt;
    let m = &ctx.client.partnerships[i];
    let mut facts = vec![fact(
        ctx.t().platform,
        i18n::catalogue(lang).platform(m.creator.platform).into(),
    )];
    if let Some(h) = &m.creator.handle {
        facts.push(fact(ctx.t().handle, h.clone()));
    }
    if let Some(n) = m.creator.followers {
        facts.push(fact(ctx.t().followers, x.int(n)));
    }
    facts.push(Fact {
        label: ctx.t().market.into(),
        value: market.label.clone(),
        href: Some(market.href.clone()),
    });
    facts.push(fact(
        ctx.t().model,
        i18n::catalogue(lang).model(m.model).into(),
    ));
    let fee = format::money(m.fee.value, m.fee.currency, lang);
    let per = match m.model {
        Model::Retainer => ctx.t().per_month,
        Model::OneOff => ctx.t().in_total,
    };
    facts.push(fact(ctx.t().fee, format!("{fee} {per}")));
    let term = match (m.model, m.end) {
        (_, Some(e)) => format!(
            "{} – {}",
            i18n::catalogue(lang).date(m.start),
            i18n::catalogue(lang).date(e)
        ),
        (Model::Retainer, None) => {
            format!(
                "{} – … ({})",
                i18n::catalogue(lang).date(m.start),
                ctx.t().open_ended
            )
        }
        (Model::OneOff, None) => i18n::catalogue(lang).date(m.start),
    };
    facts.push(fact(ctx.t().term, term));
    if let Some(ppm) = m.posts_per_month {
        let n = ppm.normalize();
        let shown = format::number(n, n.scale(), lang);
        let words = i18n::catalogue(lang)
            .say
            .posts_per_month(&shown, &n.to_string());
        facts.push(fact(ctx.t().deliverables, words));
    }
    let contract = contract_text(ctx, &m.contract);
    if !contract.is_empty() {
        facts.push(fact(ctx.t().contract, contract));
    }
    if !m.promo_codes.is_empty() {
        facts.push(fact(ctx.t().promo_codes, m.promo_codes.join(", ")));
    }

    facts
}

/// The partnership's headline figures, its trend and its fulfilment.
fn cards(ctx: &Ctx, i: usize) -> Vec<Card> {
    let lang = ctx.lang();
    let x = &ctx.fmt;
    let pf = ctx.partnership(i);
    let mut cards = figure_cards(
        ctx,
        &pf.figures,
        pf.repeat_purchase_rate,
        (pf.sponsored_posts, pf.organic_posts),
    );
    cards.push(
        Card::new(
            ctx.t().trend,
            pf.engagement_trend
                .map_or_else(|| x.na(), |s| format::points(s, lang)),
        )
        .note(
            if pf.engagement_trend.is_some() {
                ctx.t().per_post.to_string()
            } else {
                String::new()
            },
            "",
        ),
    );
    if let Some(k) = pf.contracted_posts {
        cards.push(Card::new(ctx.t().fulfilment, x.pct(pf.fulfilment)).note(
            format!(
                "{} {}",
                ctx.words().say.delivered_of(
                    &x.int(pf.sponsored_posts),
                    &format::one_decimal(k, lang)
                ),
                ctx.t().contracted_posts.to_lowercase()
            ),
            "",
        ));
    }
    cards.extend(ahead_cards(ctx, i));
    cards
}

/// What the partnership still commits, and whether it has paid back: on
/// which day and in which month, or how far it is from it.
fn ahead_cards(ctx: &Ctx, i: usize) -> [Card; 2] {
    let (x, t, lang) = (&ctx.fmt, ctx.t(), ctx.lang());
    let m = &ctx.client.partnerships[i];
    let a = &ctx.partnership(i).ahead;
    let words = i18n::catalogue(lang).say;
    let committed_note = match (m.model, m.end) {
        (Model::Retainer, None) => t.in_run_rate.to_string(),
        (_, Some(end)) if !a.committed.is_zero() && end > ctx.as_of() => {
            format!("{} {}", t.until, i18n::catalogue(lang).date(end))
        }
        _ => String::new(),
    };
    let payback = match (a.payback_day, a.payback_month) {
        (Some(day), Some(month)) => {
            let date = m.start + chrono::Duration::days(i64::from(day) - 1);
            Card::new(t.payback, words.payback_day(day)).note(
                format!(
                    "{} · {}",
                    words.payback_month(month),
                    i18n::catalogue(lang).date_short(date)
                ),
                "good",
            )
        }
        _ => Card::new(t.payback, t.not_yet.to_string()).note(
            a.short_by
                .map_or_else(String::new, |s| words.short_by(&x.money(s))),
            "",
        ),
    };
    [
        Card::new(t.committed, x.money(a.committed)).note(committed_note, ""),
        payback,
    ]
}

/// Every post to date, sponsored ones numbered, ramp-up and organic marked.
fn posts_table(ctx: &Ctx, i: usize) -> Table {
    let lang = ctx.lang();
    let x = &ctx.fmt;
    let mut t = Table::new("posts", ctx.t().posts, ctx.download())
        .num(ctx.t().post_number)
        .col(ctx.t().date)
        .col(ctx.t().kind)
        .num(ctx.t().impressions)
        .num(ctx.t().reach)
        .num(ctx.t().engagements)
        .num(ctx.t().engagement_rate)
        .num(ctx.t().clicks)
        .num(ctx.t().conversions)
        .num(ctx.t().revenue)
        .csv_col(ctx.t().link);
    for &j in &ctx.by_partnership[i] {
        let post = &ctx.client.posts[j];
        let fact = &ctx.f.posts[j];
        let class = match post.kind {
            PostKind::Sponsored if fact.ramp_up => "ramp-up",
            PostKind::Sponsored => "",
            PostKind::Organic => "organic",
        };
        t.row_with(
            vec![
                post_number(fact.number),
                post_date(lang, post.date, post.url.as_deref()),
                post_kind(ctx, post.kind, fact.ramp_up),
                x.c_int_o(post.counts.impressions),
                x.c_int_o(post.counts.reach),
                x.c_int_o(post.counts.engagements),
                x.c_pct(fact.rate),
                x.c_int_o(post.counts.clicks),
                x.c_int_o(post.counts.conversions),
                x.c_money(fact.revenue),
                post_link(post.url.as_deref()),
            ],
            class,
        );
    }
    t
}

/// The costs booked by month with their total, and the extra costs one by one.
fn cost_tables(ctx: &Ctx, i: usize) -> (Table, Table) {
    let lang = ctx.lang();
    let x = &ctx.fmt;
    let pf = ctx.partnership(i);
    let m = &ctx.client.partnerships[i];
    let mut by_month: BTreeMap<Month, (Decimal, Decimal)> = BTreeMap::new();
    for b in &pf.bookings {
        let e = by_month.entry(b.month).or_default();
        match b.extra {
            None => e.0 += b.amount,
            Some(_) => e.1 += b.amount,
        }
    }
    let mut costs = Table::new("costs", ctx.t().costs_by_month, ctx.download())
        .col(ctx.t().month)
        .sum(ctx.t().fee)
        .sum(ctx.t().extra)
        .sum(ctx.t().total);
    let known: std::collections::BTreeSet<Month> = ctx.months.iter().copied().collect();
    for (month, (fee, extra)) in &by_month {
        let mut label = Cell::text(i18n::catalogue(lang).month(*month));
        if known.contains(month) {
            label = label.link(format!("../../reports/{month}/index.html"));
        }
        costs.row(vec![
            label,
            x.c_money(Some(*fee)),
            x.c_money(Some(*extra)),
            x.c_money(Some(*fee + *extra)),
        ]);
    }
    costs.total(
        vec![
            Cell::text(ctx.t().total),
            x.c_money(Some(by_month.values().map(|v| v.0).sum())),
            x.c_money(Some(by_month.values().map(|v| v.1).sum())),
            x.c_money(Some(pf.figures.cost)),
        ],
        ctx.t().rows_rounded,
    );
    let mut extras = Table::new("extra-costs", ctx.t().extra_costs, ctx.download())
        .col(ctx.t().date)
        .col(ctx.t().label)
        .num(ctx.t().amount)
        .num(ctx.t().converted);
    // Bookings list the fee first, then extra costs to date in file order.
    let booked = pf.bookings.iter().filter(|b| b.extra.is_some());
    let listed = m.extra_costs.iter().filter(|c| c.date <= ctx.as_of());
    for (c, b) in listed.zip(booked) {
        extras.row(vec![
            Cell::text(i18n::catalogue(lang).date_short(c.date)),
            Cell::text(c.label.clone().unwrap_or_default()),
            Cell::number(
                format::money(c.amount.value, c.amount.currency, lang),
                Some(format!("{} {}", c.amount.value, c.amount.currency)),
            ),
            x.c_money(Some(b.amount)),
        ]);
    }
    (costs, extras)
}

/// The recommendation of partnership `i` with the rule that decided it, when
/// it has one (retainers).
fn advice(ctx: &Ctx, i: usize) -> Option<Advice> {
    let lang = ctx.lang();
    let pf = ctx.partnership(i);
    let rec = pf.recommendation?;
    let rule = rec.rule();
    let rules = i18n::catalogue(lang)
        .rules()
        .into_iter()
        .zip(1u8..)
        .map(|(text, n)| RuleItem {
            n,
            text,
            applied: n == rule,
        })
        .collect();
    Some(Advice {
        name: i18n::catalogue(lang).recommendation(rec),
        class: i18n::recommendation_class(rec),
        rule,
        rules,
        evidence: evidence(ctx, i),
    })
}

/// The figures the rules read, each against its target where there is one.
fn evidence(ctx: &Ctx, i: usize) -> Vec<Fact> {
    let lang = ctx.lang();
    let x = &ctx.fmt;
    let m = &ctx.client.partnerships[i];
    let pf = ctx.partnership(i);
    let targets = &ctx.client.targets;
    let verdict = |ok: bool| if ok { ctx.t().met } else { ctx.t().not_met };
    let mut evidence = vec![fact(
        ctx.t().current_month,
        format!(
            "{} ({})",
            pf.month,
            pf.phase
                .map_or(ctx.t().no_phase, |p| i18n::catalogue(lang).phase(p))
        ),
    )];
    if let Some(last) = life::ramp_up_last_day(m.start, ctx.portfolio.settings.ramp_up_days) {
        evidence.push(fact(
            ctx.t().ramp_up_until,
            i18n::catalogue(lang).date(last),
        ));
    }
    evidence.push(fact(
        ctx.t().end,
        m.end.map_or(ctx.t().open_ended.to_string(), |e| {
            let days = (e - ctx.as_of()).num_days();
            i18n::catalogue(lang)
                .say
                .end_in(&i18n::catalogue(lang).date(e), days)
        }),
    ));
    let target_roi = targets.roi.unwrap_or(Decimal::ZERO);
    let roi_ok = life::roi_meets(pf.figures.revenue, pf.figures.cost, targets.roi);
    evidence.push(fact(
        ctx.t().roi,
        format!(
            "{} · {} {} · {}",
            x.pct(pf.figures.roi),
            ctx.t().target_roi,
            x.pct(target_roi.to_f64()),
            verdict(roi_ok)
        ),
    ));
    evidence.push(fact(
        ctx.t().cpa,
        match targets.cpa {
            Some(t) => format!(
                "{} · {} {} · {}",
                x.money_o(pf.figures.cpa),
                ctx.t().target_cpa,
                x.money(t),
                verdict(life::cpa_meets(
                    pf.figures.cost,
                    pf.figures.conversions,
                    Some(t)
                ))
            ),
            None => format!("{} · {}", x.money_o(pf.figures.cpa), ctx.t().no_target),
        },
    ));
    evidence.push(fact(ctx.t().trend, x.trend(pf.engagement_trend)));
    evidence
}
