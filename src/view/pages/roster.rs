//! The roster table: every partnership of the overview or of a market,
//! led by what a reader decides on (the creator, ROI, the recommendation),
//! then its trend, market, model, phase, month and fulfilment.

use super::Ctx;
use crate::view::i18n;
use crate::view::table::{Cell, Table};

/// The headers and cells of the roster table, for the overview and market
/// pages: what a reader decides on first (the creator, ROI, the
/// recommendation), so that a phone shows it before the table scrolls.
pub(crate) fn roster_table(ctx: &Ctx, id: &str, members: &[usize], root: &str) -> Table {
    let x = &ctx.fmt;
    let mut t = Table::new(id, ctx.t().roster, ctx.download())
        .col(ctx.t().creator)
        .num(ctx.t().roi)
        .col(ctx.t().recommendation)
        .num(ctx.t().trend_short)
        .col(ctx.t().market)
        .col(ctx.t().model)
        .col(ctx.t().phase)
        .num(ctx.t().month)
        .num(ctx.t().fulfilment);
    for &i in members {
        let p = ctx.partnership(i);
        let m = &ctx.client.partnerships[i];
        let market = &ctx.client.markets[m.market];
        let phase = p.phase.map_or_else(
            || Cell::number("—".into(), None),
            |ph| Cell::text(i18n::catalogue(ctx.lang()).phase(ph)),
        );
        let rec = p.recommendation.map_or(Cell::text(""), |r| {
            Cell::text(i18n::catalogue(ctx.lang()).recommendation(r))
                .class(format!("badge {}", i18n::recommendation_class(r)))
        });
        let roi_class = match p.figures.roi {
            Some(r) if r < 0.0 => "down",
            _ => "",
        };
        t.row(vec![
            Cell::text(ctx.creator_name(&p.id, &p.creator))
                .link(format!("{root}partnerships/{}/index.html", p.id)),
            x.c_pct(p.figures.roi).class(roi_class),
            rec,
            x.c_trend(p.engagement_trend),
            Cell::text(market.name.clone()).link(format!("{root}markets/{}/index.html", market.id)),
            Cell::text(i18n::catalogue(ctx.lang()).model(p.model)),
            phase,
            Cell::number(x.int(u64::from(p.month)), Some(p.month.to_string())),
            x.c_pct(p.fulfilment),
        ]);
    }
    t
}
