//! The groups a client's figures roll up into: partnerships and calendar
//! months while the posts and costs are summed, then the portfolio, each
//! market and each model from their partnerships.
//!
//! A group adds its members' sums before any ratio is taken (docs/metrics.md,
//! "Money"), so one [`Group`] per partnership is all the larger groups need;
//! their creator-level spread comes from the members' own ROIs.

use std::collections::BTreeMap;

use serde::Serialize;

use super::cost::Booking;
use super::engagement::{self, NumberedRate, PostNumberPoint};
use super::repeat::Repeat;
use super::stats::{self, Spread};
use super::totals::{Figures, Totals};
use crate::model::{Client, MarketId, Model, Month, PartnershipIx, PostKind};

/// The portfolio's figures.
#[derive(Debug, Clone, Serialize)]
pub struct PortfolioFigures {
    /// Sums and ratios.
    #[serde(flatten)]
    pub figures: Figures,
    /// Creator-level ROI.
    pub creator_roi: Spread,
    /// Sponsored posts to date.
    pub sponsored_posts: u64,
    /// Organic mentions to date.
    pub organic_posts: u64,
    /// Repeat purchase rate.
    pub repeat_purchase_rate: Option<f64>,
    /// Money ahead (schema 2).
    #[serde(flatten)]
    pub ahead: super::ahead::PortfolioAhead,
}

/// One market's figures.
#[derive(Debug, Clone, Serialize)]
pub struct MarketFigures {
    /// Market id.
    pub id: MarketId,
    /// Display name.
    pub name: String,
    /// Sums and ratios.
    #[serde(flatten)]
    pub figures: Figures,
    /// Creator-level ROI.
    pub creator_roi: Spread,
    /// Repeat purchase rate.
    pub repeat_purchase_rate: Option<f64>,
    /// Sponsored posts to date.
    pub sponsored_posts: u64,
    /// Organic mentions to date.
    pub organic_posts: u64,
    /// The headline curve over this market's partnerships, for its page.
    #[serde(skip)]
    pub engagement_by_post_number: Vec<PostNumberPoint>,
    /// Money ahead (schema 2).
    #[serde(flatten)]
    pub ahead: super::ahead::MarketAhead,
}

/// One model's figures.
#[derive(Debug, Clone, Serialize)]
pub struct ModelFigures {
    /// retainer or one_off.
    pub model: Model,
    /// Sums and ratios.
    #[serde(flatten)]
    pub figures: Figures,
    /// Creator-level ROI.
    pub creator_roi: Spread,
    /// Repeat purchase rate.
    pub repeat_purchase_rate: Option<f64>,
    /// Sponsored posts to date.
    pub sponsored_posts: u64,
    /// Organic mentions to date.
    pub organic_posts: u64,
    /// Paybacks (schema 2).
    #[serde(flatten)]
    pub payback: super::payback::ModelPayback,
}

/// What a partnership, a month or a larger group adds up.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Group {
    pub(super) totals: Totals,
    pub(super) repeat: Repeat,
    pub(super) sponsored: u64,
    pub(super) organic: u64,
}

impl Group {
    fn add_post(&mut self, t: Totals, kind: PostKind) {
        self.totals += t;
        match kind {
            PostKind::Sponsored => self.sponsored += 1,
            PostKind::Organic => self.organic += 1,
        }
    }

    fn absorb(&mut self, o: &Group) {
        self.totals += o.totals;
        self.repeat += o.repeat;
        self.sponsored += o.sponsored;
        self.organic += o.organic;
    }
}

/// The running sums while costs and posts are read: per partnership (by
/// index), per calendar month, and per partnership within each month (the
/// month per creator).
pub(super) struct Tally {
    pub(super) per: Vec<Group>,
    pub(super) by_month: BTreeMap<Month, Group>,
    pub(super) per_month: BTreeMap<Month, BTreeMap<usize, Group>>,
}

impl Tally {
    pub(super) fn new(partnerships: usize) -> Tally {
        Tally {
            per: vec![Group::default(); partnerships],
            by_month: BTreeMap::new(),
            per_month: BTreeMap::new(),
        }
    }

    /// Each partnership's bookings, in its months.
    pub(super) fn book(&mut self, bookings: &[Vec<Booking>]) {
        for (i, list) in bookings.iter().enumerate() {
            for b in list {
                self.per[i].totals.cost += b.amount;
                self.by_month.entry(b.month).or_default().totals.cost += b.amount;
                let own = self.per_month.entry(b.month).or_default();
                own.entry(i).or_default().totals.cost += b.amount;
            }
        }
    }

    /// One post to date, in its partnership and its month.
    pub(super) fn post(&mut self, p: PartnershipIx, month: Month, t: Totals, kind: PostKind) {
        let own = self.per_month.entry(month).or_default();
        for g in [
            &mut self.per[p.index()],
            self.by_month.entry(month).or_default(),
            own.entry(p.index()).or_default(),
        ] {
            g.add_post(t, kind);
        }
    }

    /// The customers each partnership acquired.
    pub(super) fn repeats(&mut self, repeats: &[Repeat]) {
        for (g, r) in self.per.iter_mut().zip(repeats) {
            g.repeat = *r;
        }
    }
}

/// The sum of `members` and the spread of their ROIs, in member order.
fn group_of(c: &Client, per: &[Group], members: impl Iterator<Item = usize>) -> (Group, Spread) {
    let mut g = Group::default();
    let mut rois = Vec::new();
    for i in members {
        g.absorb(&per[i]);
        if let Some(r) = per[i].totals.roi_exact() {
            rois.push((&c.partnerships[i].id, r));
        }
    }
    (g, stats::spread(&rois))
}

/// Every partnership together.
pub(super) fn portfolio(c: &Client, per: &[Group]) -> PortfolioFigures {
    let (g, spread) = group_of(c, per, 0..per.len());
    PortfolioFigures {
        figures: g.totals.figures(),
        creator_roi: spread,
        sponsored_posts: g.sponsored,
        organic_posts: g.organic,
        repeat_purchase_rate: g.repeat.rate(),
        ahead: Default::default(),
    }
}

/// Every market of client.yaml, with its own headline curve from
/// `curves` (one per market, in market order).
pub(super) fn markets(
    c: &Client,
    per: &[Group],
    curves: Vec<Vec<NumberedRate>>,
) -> Vec<MarketFigures> {
    c.markets
        .iter()
        .enumerate()
        .zip(curves)
        .map(|((mi, m), curve)| {
            let members = (0..per.len()).filter(|&i| c.partnerships[i].market.index() == mi);
            let (g, spread) = group_of(c, per, members);
            MarketFigures {
                id: m.id.clone(),
                name: m.name.clone(),
                figures: g.totals.figures(),
                creator_roi: spread,
                repeat_purchase_rate: g.repeat.rate(),
                sponsored_posts: g.sponsored,
                organic_posts: g.organic,
                engagement_by_post_number: engagement::by_post_number(curve),
                ahead: Default::default(),
            }
        })
        .collect()
}

/// One-offs then retainers, leaving out a model no partnership has.
pub(super) fn models(c: &Client, per: &[Group]) -> Vec<ModelFigures> {
    [Model::OneOff, Model::Retainer]
        .into_iter()
        .filter_map(|model| {
            let members: Vec<usize> = (0..per.len())
                .filter(|&i| c.partnerships[i].model == model)
                .collect();
            if members.is_empty() {
                return None;
            }
            let (g, spread) = group_of(c, per, members.into_iter());
            Some(ModelFigures {
                model,
                figures: g.totals.figures(),
                creator_roi: spread,
                repeat_purchase_rate: g.repeat.rate(),
                sponsored_posts: g.sponsored,
                organic_posts: g.organic,
                payback: Default::default(),
            })
        })
        .collect()
}
