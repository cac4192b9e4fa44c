//! The pass over a client's posts to date: each post's sums into its
//! partnership and month, what the pages show of it, and the numbering of
//! sponsored posts that the headline curve and the trends stand on
//! (docs/metrics.md, "Engagement").
//!
//! Numbers are given per partnership in publication order (ties by post id)
//! only after every post is read, since the files need not be in that order.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cost;
use super::engagement::{self, Fit, NumberedRate};
use super::groups::Tally;
use super::life;
use super::totals::Totals;
use crate::model::{Client, Month, Post, PostKind, Settings};

/// What the analytics know of one post.
#[derive(Debug, Clone, Default)]
pub struct PostFacts {
    /// Published on or before `as_of`.
    pub to_date: bool,
    /// Post number (sponsored posts to date).
    pub number: Option<u32>,
    /// Engagement rate, when defined.
    pub rate: Option<f64>,
    /// Revenue in the client's currency.
    pub revenue: Option<Decimal>,
    /// Published within its partnership's ramp-up.
    pub ramp_up: bool,
}

/// The posts of a client as read to date.
pub(super) struct ToDate {
    /// Per post, in the client's post order; default for later posts.
    pub(super) facts: Vec<PostFacts>,
    /// Per partnership, its sponsored posts to date (indices into posts).
    sponsored: Vec<Vec<usize>>,
}

/// Read every post to date into `tally` and its facts.
pub(super) fn to_date(
    c: &Client,
    settings: &Settings,
    as_of: NaiveDate,
    tally: &mut Tally,
) -> ToDate {
    let mut out = ToDate {
        facts: vec![PostFacts::default(); c.posts.len()],
        sponsored: vec![Vec::new(); c.partnerships.len()],
    };
    for (j, post) in c.posts.iter().enumerate() {
        if post.date > as_of || c.partnerships[post.partnership].start > as_of {
            continue;
        }
        let (t, fact) = read(c, settings, post);
        tally.post(post.partnership, Month::of(post.date), t, post.kind);
        if post.kind == PostKind::Sponsored {
            out.sponsored[post.partnership.index()].push(j);
        }
        out.facts[j] = fact;
    }
    out
}

/// One post's sums, and its facts before it is numbered.
fn read(c: &Client, settings: &Settings, post: &Post) -> (Totals, PostFacts) {
    let p = &c.partnerships[post.partnership];
    let month = Month::of(post.date);
    let revenue = post
        .revenue
        .map(|r| cost::convert(&settings.fx, r, post.currency, c.currency, month));
    let parts = engagement::rate_parts(
        &post.counts,
        p.creator.followers,
        settings.engagement_denominator,
    );
    let t = Totals {
        cost: Decimal::ZERO,
        revenue: revenue.unwrap_or_default(),
        conversions: post.counts.conversions.unwrap_or(0),
        reach: post.counts.reach.unwrap_or(0),
        engagements: post.counts.engagements.unwrap_or(0),
        rated_engagements: parts.map_or(0, |x| x.engagements),
        rated_denominator: parts.map_or(0, |x| x.denominator),
    };
    let fact = PostFacts {
        to_date: true,
        number: None,
        rate: parts.map(|x| x.rate()),
        revenue,
        ramp_up: life::is_ramp_up_date(p.start, post.date, settings.ramp_up_days),
    };
    (t, fact)
}

/// What numbering the sponsored posts yields.
pub(super) struct Numbered {
    /// Every numbered post's rate: the headline curve's input.
    pub(super) curve: Vec<NumberedRate>,
    /// The same, per market (by index).
    pub(super) market_curves: Vec<Vec<NumberedRate>>,
    /// Per partnership, its trend line, when defined.
    pub(super) fits: Vec<Option<Fit>>,
}

/// Number each partnership's sponsored posts into `posts.facts`.
pub(super) fn number(c: &Client, posts: &mut ToDate) -> Numbered {
    let mut out = Numbered {
        curve: Vec::new(),
        market_curves: vec![Vec::new(); c.markets.len()],
        fits: vec![None; c.partnerships.len()],
    };
    for (i, list) in posts.sponsored.iter_mut().enumerate() {
        list.sort_by(|&a, &b| {
            let (pa, pb) = (&c.posts[a], &c.posts[b]);
            pa.instant.cmp(&pb.instant).then_with(|| pa.id.cmp(&pb.id))
        });
        let p = &c.partnerships[i];
        let mut points = Vec::new();
        for (k, &j) in list.iter().enumerate() {
            let k = u32::try_from(k + 1).unwrap_or(u32::MAX);
            let fact = &mut posts.facts[j];
            fact.number = Some(k);
            let point = NumberedRate {
                partnership: i,
                model: p.model,
                post_number: k,
                rate: fact.rate,
            };
            out.curve.push(point);
            out.market_curves[p.market.index()].push(point);
            if let Some(r) = fact.rate {
                points.push((k, r));
            }
        }
        out.fits[i] = engagement::fit(&points);
    }
    out
}
