//! Each partnership's own figures: its sums, what it delivered against its
//! contract, where it is in its life and what to do with it.
//!
//! The recommendation reads the same sums the page shows, so a reader can
//! check a verdict against the figures beside it (docs/metrics.md, "Partnership
//! life").

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::cost::{self, Booking};
use super::engagement::Fit;
use super::groups::Group;
use super::life::{self, Phase, Recommendation};
use super::totals;
use crate::model::{Client, MarketId, Model, Partnership, PartnershipId, Platform, Settings};

/// One partnership's figures.
#[derive(Debug, Clone, Serialize)]
pub struct PartnershipFigures {
    /// Id.
    pub id: PartnershipId,
    /// Creator's name.
    pub creator: String,
    /// Platform.
    pub platform: Platform,
    /// Market id.
    pub market: MarketId,
    /// Model.
    pub model: Model,
    /// Start date.
    #[serde(serialize_with = "super::date_text::date")]
    pub start: NaiveDate,
    /// End date as written.
    #[serde(serialize_with = "super::date_text::optional")]
    pub end: Option<NaiveDate>,
    /// Sums and ratios.
    #[serde(flatten)]
    pub figures: totals::Figures,
    /// Sponsored posts to date.
    pub sponsored_posts: u64,
    /// Organic mentions to date.
    pub organic_posts: u64,
    /// Contracted sponsored posts to date, unrounded.
    #[serde(serialize_with = "totals::as_f64_option::serialize")]
    pub contracted_posts: Option<Decimal>,
    /// sponsored / contracted.
    pub fulfilment: Option<f64>,
    /// Partnership month.
    pub month: u32,
    /// Phase (retainers).
    pub phase: Option<Phase>,
    /// Slope of engagement rate by post number.
    pub engagement_trend: Option<f64>,
    /// Repeat purchase rate of the customers it acquired.
    pub repeat_purchase_rate: Option<f64>,
    /// Recommendation (retainers).
    pub recommendation: Option<Recommendation>,
    /// Intercept of the trend line (rate at post number 0), for the chart.
    #[serde(skip)]
    pub trend_intercept: Option<f64>,
    /// Costs booked to date, in booking order.
    #[serde(skip)]
    pub bookings: Vec<Booking>,
    /// Money ahead and payback (schema 2).
    #[serde(flatten)]
    pub ahead: super::ahead::PartnershipAhead,
}

/// What one partnership's figures are made from.
pub(super) struct Made {
    /// Its sums.
    pub(super) group: Group,
    /// Its trend line, when defined.
    pub(super) fit: Option<Fit>,
    /// Its costs booked to date.
    pub(super) bookings: Vec<Booking>,
}

/// A partnership's figures at `as_of`.
pub(super) fn figures(
    c: &Client,
    settings: &Settings,
    as_of: NaiveDate,
    p: &Partnership,
    made: Made,
) -> PartnershipFigures {
    let g = made.group;
    let trend = made.fit.map(|f| f.slope);
    let contracted = contracted_posts(p, as_of);
    let verdict = life::recommend(
        p,
        as_of,
        settings.ramp_up_days,
        c.targets.roi,
        c.targets.cpa,
        life::Judged {
            revenue: g.totals.revenue,
            cost: g.totals.cost,
            conversions: g.totals.conversions,
            trend,
        },
    );
    PartnershipFigures {
        id: p.id.clone(),
        creator: p.creator.name.clone(),
        platform: p.creator.platform,
        market: c.markets[p.market].id.clone(),
        model: p.model,
        start: p.start,
        end: p.end,
        figures: g.totals.figures(),
        sponsored_posts: g.sponsored,
        organic_posts: g.organic,
        contracted_posts: contracted,
        fulfilment: contracted
            .and_then(|k| totals::ratio(Decimal::from(g.sponsored), k))
            .map(totals::to_f64),
        month: life::current_month(p, as_of),
        phase: life::phase(p, as_of),
        engagement_trend: trend,
        repeat_purchase_rate: g.repeat.rate(),
        recommendation: verdict,
        trend_intercept: made.fit.map(|f| f.intercept),
        bookings: made.bookings,
        ahead: Default::default(),
    }
}

/// A retainer's sponsored posts contracted to date, prorated as its fee is;
/// `None` for one-offs and retainers that contract no posts.
fn contracted_posts(p: &Partnership, as_of: NaiveDate) -> Option<Decimal> {
    match (p.model, p.posts_per_month) {
        (Model::Retainer, Some(ppm)) => Some(ppm * cost::prorated_months(p, as_of)),
        _ => None,
    }
}
