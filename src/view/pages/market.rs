//! A market page (`markets/<id>/index.html`): the market's figures, its
//! creator-level spread, its partnerships and engagement by post number in
//! that market.

use serde::Serialize;

use super::{Card, ChartView, Ctx, Def, charts, figure_cards, how, roster_table};
use crate::view::table::Table;

/// A market page's `page` variable.
#[derive(Debug, Serialize)]
pub struct MarketPage {
    /// The market's name.
    pub name: String,
    /// Headline figures.
    pub cards: Vec<Card>,
    /// Whether any partnership is in this market.
    pub any: bool,
    /// Its partnerships.
    pub roster: Table,
    /// Engagement by post number in this market.
    pub headline: ChartView,
    /// The creator-level ROI distribution in this market.
    pub spread: ChartView,
    /// How we count.
    pub how: Vec<Def>,
}

/// Build the page of market `mi`.
pub(crate) fn build(ctx: &Ctx, mi: usize) -> MarketPage {
    let mf = &ctx.f.markets[mi];
    let members: Vec<usize> = ctx
        .client
        .partnerships
        .iter()
        .enumerate()
        .filter(|(_, p)| p.market.index() == mi)
        .map(|(i, _)| i)
        .collect();
    let root = "../../";
    MarketPage {
        name: mf.name.clone(),
        cards: figure_cards(
            ctx,
            &mf.figures,
            mf.repeat_purchase_rate,
            (mf.sponsored_posts, mf.organic_posts),
        ),
        any: !members.is_empty(),
        roster: roster_table(ctx, "partnerships", &members, root),
        headline: charts::headline(
            ctx,
            "headline",
            ctx.t().market_curve,
            &mf.engagement_by_post_number,
        ),
        spread: charts::roi_spread(
            ctx,
            "creator-roi",
            &mf.creator_roi,
            &members,
            (mf.figures.roi, &mf.name),
            root,
        ),
        how: how::market(ctx),
    }
}
