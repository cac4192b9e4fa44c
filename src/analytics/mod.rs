//! Pure functions from the model to the figures of metrics.md.
//!
//! Nothing here reads a file or the clock: [`client`] takes a validated
//! [`Client`] and the report date and returns every figure the site and
//! data.json show. Money stays a `Decimal` throughout; ratios become `f64`
//! only at the end, and an undefined one is `None`.

pub mod change;
pub mod cost;
pub mod daily;
pub mod engagement;
pub mod life;
pub mod repeat;
pub mod stats;
pub mod totals;

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Client, Model, Month, PostKind, Settings};
use cost::Booking;
use daily::{DayRow, DecayPoint, Window};
use engagement::PostNumberPoint;
use life::{Phase, Recommendation, Verdict};
use repeat::Repeat;
use stats::Spread;
pub use totals::{Figures, Totals};

/// The data.json schema version.
pub const SCHEMA: u32 = 1;

/// Every figure of one client, in data.json's shape and order.
#[derive(Debug, Clone, Serialize)]
pub struct ClientFigures {
    /// Schema version.
    pub schema: u32,
    /// Who.
    pub client: ClientInfo,
    /// The report date.
    pub as_of: String,
    /// The portfolio to date.
    pub portfolio: PortfolioFigures,
    /// Every market of client.yaml, ids ascending.
    pub markets: Vec<MarketFigures>,
    /// Models that have a partnership.
    pub models: Vec<ModelFigures>,
    /// The headline curve.
    pub engagement_by_post_number: Vec<PostNumberPoint>,
    /// Engagement by day after publication.
    pub engagement_decay: Vec<DecayPoint>,
    /// Cumulative conversions by day.
    pub conversion_window: Vec<Window>,
    /// Partnerships, ids ascending.
    pub partnerships: Vec<PartnershipFigures>,
    /// Calendar months, ascending.
    pub months: Vec<MonthFigures>,
    /// Per post, in the client's post order: what the pages show of each.
    #[serde(skip)]
    pub posts: Vec<PostFacts>,
}

/// The client, as data.json names it.
#[derive(Debug, Clone, Serialize)]
pub struct ClientInfo {
    /// Folder name.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Reporting currency.
    pub currency: String,
}

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
}

/// One market's figures.
#[derive(Debug, Clone, Serialize)]
pub struct MarketFigures {
    /// Market id.
    pub id: String,
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
}

/// One partnership's figures.
#[derive(Debug, Clone, Serialize)]
pub struct PartnershipFigures {
    /// Id.
    pub id: String,
    /// Creator's name.
    pub creator: String,
    /// Platform.
    pub platform: String,
    /// Market id.
    pub market: String,
    /// Model.
    pub model: Model,
    /// Start date.
    pub start: String,
    /// End date as written.
    pub end: Option<String>,
    /// Sums and ratios.
    #[serde(flatten)]
    pub figures: Figures,
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
    /// The rule that decided the recommendation, for the page.
    #[serde(skip)]
    pub rule: Option<u8>,
    /// Intercept of the trend line (rate at post number 0), for the chart.
    #[serde(skip)]
    pub trend_intercept: Option<f64>,
    /// Whether `as_of` is still within ramp-up.
    #[serde(skip)]
    pub in_ramp_up: bool,
    /// Costs booked to date, in booking order.
    #[serde(skip)]
    pub bookings: Vec<Booking>,
}

/// One calendar month's figures.
#[derive(Debug, Clone, Serialize)]
pub struct MonthFigures {
    /// YYYY-MM.
    pub month: String,
    /// Sums and ratios.
    #[serde(flatten)]
    pub figures: Figures,
    /// Sponsored posts published in the month.
    pub sponsored_posts: u64,
    /// Organic mentions published in the month.
    pub organic_posts: u64,
}

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

#[derive(Default, Clone, Copy)]
struct Group {
    totals: Totals,
    repeat: Repeat,
    sponsored: u64,
    organic: u64,
}

/// Every figure of one client at `as_of`.
pub fn client(c: &Client, settings: &Settings, as_of: NaiveDate) -> ClientFigures {
    let fx = &settings.fx;
    let n = c.partnerships.len();
    let mut per: Vec<Group> = vec![Group::default(); n];
    let mut by_month: BTreeMap<Month, Group> = BTreeMap::new();

    let bookings: Vec<Vec<Booking>> = c
        .partnerships
        .iter()
        .map(|p| cost::bookings(p, as_of, fx, &c.currency))
        .collect();
    for (i, list) in bookings.iter().enumerate() {
        for b in list {
            per[i].totals.cost += b.amount;
            by_month.entry(b.month).or_default().totals.cost += b.amount;
        }
    }

    // Posts to date: their sums, and each sponsored post's number.
    let mut facts = vec![PostFacts::default(); c.posts.len()];
    let mut sponsored: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, post) in c.posts.iter().enumerate() {
        if post.date > as_of {
            continue;
        }
        let p = &c.partnerships[post.partnership];
        let month = Month::of(post.date);
        let revenue = post
            .revenue
            .map(|r| cost::convert(fx, r, &post.currency, &c.currency, month));
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
            rated_engagements: parts.map_or(0, |x| x.0),
            rated_denominator: parts.map_or(0, |x| x.1),
        };
        let (s, o) = match post.kind {
            PostKind::Sponsored => (1, 0),
            PostKind::Organic => (0, 1),
        };
        for g in [
            &mut per[post.partnership],
            by_month.entry(month).or_default(),
        ] {
            g.totals += t;
            g.sponsored += s;
            g.organic += o;
        }
        if post.kind == PostKind::Sponsored {
            sponsored[post.partnership].push(j);
        }
        facts[j] = PostFacts {
            to_date: true,
            number: None,
            rate: parts.map(|(e, d)| e as f64 / d as f64),
            revenue,
            ramp_up: life::is_ramp_up_date(p.start, post.date, settings.ramp_up_days),
        };
    }
    let mut curve = Vec::new();
    let mut market_curves = vec![Vec::new(); c.markets.len()];
    let mut trends = vec![None; n];
    let mut intercepts = vec![None; n];
    for (i, list) in sponsored.iter_mut().enumerate() {
        list.sort_by(|&a, &b| {
            let (pa, pb) = (&c.posts[a], &c.posts[b]);
            pa.instant.cmp(&pb.instant).then_with(|| pa.id.cmp(&pb.id))
        });
        let mut points = Vec::new();
        for (k, &j) in list.iter().enumerate() {
            let k = u32::try_from(k + 1).unwrap_or(u32::MAX);
            facts[j].number = Some(k);
            let point = (c.partnerships[i].model, k, facts[j].rate);
            curve.push(point);
            market_curves[c.partnerships[i].market].push(point);
            if let Some(r) = facts[j].rate {
                points.push((k, r));
            }
        }
        let fit = engagement::fit(&points);
        trends[i] = fit.map(|f| f.0);
        intercepts[i] = fit.map(|f| f.1);
    }

    // Daily rows to date of sponsored posts.
    let day_rows: Vec<DayRow> = c
        .daily
        .iter()
        .filter_map(|r| {
            let post = &c.posts[r.post];
            let dated = post
                .date
                .checked_add_days(Days::new(u64::from(r.day) - 1))?;
            (post.kind == PostKind::Sponsored && dated <= as_of).then(|| DayRow {
                model: c.partnerships[post.partnership].model,
                day: r.day,
                engagements: r.counts.engagements,
                reach: r.counts.reach,
                conversions: r.counts.conversions,
            })
        })
        .collect();

    let repeats = repeat::by_partnership(&c.orders, n, as_of, settings.repeat_window_days);
    for (g, r) in per.iter_mut().zip(&repeats) {
        g.repeat = *r;
    }

    let partnerships: Vec<PartnershipFigures> = c
        .partnerships
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let g = per[i];
            let contracted = match (p.model, p.posts_per_month) {
                (Model::Retainer, Some(ppm)) => Some(ppm * cost::prorated_months(p, as_of)),
                _ => None,
            };
            let verdict: Option<Verdict> = life::recommend(
                p,
                as_of,
                settings.ramp_up_days,
                c.targets.roi,
                c.targets.cpa,
                life::Judged {
                    revenue: g.totals.revenue,
                    cost: g.totals.cost,
                    conversions: g.totals.conversions,
                    trend: trends[i],
                },
            );
            PartnershipFigures {
                id: p.id.clone(),
                creator: p.creator.name.clone(),
                platform: p.creator.platform.clone(),
                market: c.markets[p.market].id.clone(),
                model: p.model,
                start: p.start.to_string(),
                end: p.end.map(|e| e.to_string()),
                figures: g.totals.figures(),
                sponsored_posts: g.sponsored,
                organic_posts: g.organic,
                contracted_posts: contracted,
                fulfilment: contracted
                    .and_then(|k| totals::ratio(Decimal::from(g.sponsored), k))
                    .map(totals::to_f64),
                month: life::current_month(p, as_of),
                phase: life::phase(p, as_of),
                engagement_trend: trends[i],
                repeat_purchase_rate: g.repeat.rate(),
                recommendation: verdict.as_ref().map(|v| v.recommendation),
                rule: verdict.map(|v| v.rule),
                trend_intercept: intercepts[i],
                in_ramp_up: life::in_ramp_up(p.start, as_of, settings.ramp_up_days),
                bookings: bookings[i].clone(),
            }
        })
        .collect();

    let group_of = |members: &[usize]| -> (Group, Spread) {
        let mut g = Group::default();
        let mut rois = Vec::new();
        for &i in members {
            g.totals += per[i].totals;
            g.repeat += per[i].repeat;
            g.sponsored += per[i].sponsored;
            g.organic += per[i].organic;
            if let Some(r) = per[i].totals.roi_exact() {
                rois.push((c.partnerships[i].id.as_str(), r));
            }
        }
        (g, stats::spread(&rois))
    };

    let all: Vec<usize> = (0..n).collect();
    let (pg, pspread) = group_of(&all);
    let portfolio = PortfolioFigures {
        figures: pg.totals.figures(),
        creator_roi: pspread,
        sponsored_posts: pg.sponsored,
        organic_posts: pg.organic,
        repeat_purchase_rate: pg.repeat.rate(),
    };
    let markets = c
        .markets
        .iter()
        .enumerate()
        .zip(market_curves)
        .map(|((mi, m), market_curve)| {
            let members: Vec<usize> = (0..n).filter(|&i| c.partnerships[i].market == mi).collect();
            let (g, spread) = group_of(&members);
            MarketFigures {
                id: m.id.clone(),
                name: m.name.clone(),
                figures: g.totals.figures(),
                creator_roi: spread,
                repeat_purchase_rate: g.repeat.rate(),
                sponsored_posts: g.sponsored,
                organic_posts: g.organic,
                engagement_by_post_number: engagement::by_post_number(market_curve),
            }
        })
        .collect();
    let models = [Model::OneOff, Model::Retainer]
        .into_iter()
        .filter_map(|model| {
            let members: Vec<usize> = (0..n)
                .filter(|&i| c.partnerships[i].model == model)
                .collect();
            if members.is_empty() {
                return None;
            }
            let (g, spread) = group_of(&members);
            Some(ModelFigures {
                model,
                figures: g.totals.figures(),
                creator_roi: spread,
                repeat_purchase_rate: g.repeat.rate(),
                sponsored_posts: g.sponsored,
                organic_posts: g.organic,
            })
        })
        .collect();

    let months = match by_month.keys().next() {
        Some(&first) => first
            .through(Month::of(as_of))
            .map(|m| {
                let g = by_month.get(&m).copied().unwrap_or_default();
                MonthFigures {
                    month: m.to_string(),
                    figures: g.totals.figures(),
                    sponsored_posts: g.sponsored,
                    organic_posts: g.organic,
                }
            })
            .collect(),
        None => Vec::new(),
    };

    ClientFigures {
        schema: SCHEMA,
        client: ClientInfo {
            id: c.id.clone(),
            name: c.name.clone(),
            currency: c.currency.clone(),
        },
        as_of: as_of.to_string(),
        portfolio,
        markets,
        models,
        engagement_by_post_number: engagement::by_post_number(curve),
        engagement_decay: daily::decay(&day_rows),
        conversion_window: daily::windows(&day_rows),
        partnerships,
        months,
        posts: facts,
    }
}

#[cfg(test)]
mod tests;
