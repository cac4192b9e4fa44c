//! The month per creator: a monthly report's table of each partnership
//! active in the month (a cost booked or a post published in it), with its
//! cost, its sponsored posts against those contracted for the month, its
//! conversions, revenue and ROI (docs/metrics.md, "Months").
//!
//! The figures are the analytics' (`creators`); the table has no total
//! row: the month's totals are the cards and the comparison above it.

use super::Ctx;
use crate::analytics::creators::CreatorMonth;
use crate::view::table::{Cell, Table};
use crate::view::{format, i18n};

/// The table of month `i` (an index of `ctx.months`), ids ascending.
pub(crate) fn table(ctx: &Ctx, i: usize, root: &str) -> Table {
    let (t, x) = (ctx.t(), &ctx.fmt);
    let s = &i18n::catalogue(ctx.lang()).summary;
    let mut table = Table::new("creators", s.creators, ctx.download())
        .col(t.creator)
        .num(t.cost)
        .num(s.posts)
        .num(t.conversions)
        .num(t.revenue)
        .num(t.roi);
    for c in &ctx.f.months[i].creators {
        let p = ctx.partnership(c.partnership);
        let roi_class = match c.figures.roi {
            Some(r) if r < 0.0 => "down",
            _ => "",
        };
        table.row(vec![
            Cell::text(ctx.creator_name(&p.id, &p.creator))
                .link(format!("{root}partnerships/{}/index.html", p.id)),
            x.c_money(Some(c.figures.cost)),
            posts(ctx, c),
            x.c_int(c.figures.conversions),
            x.c_money(Some(c.figures.revenue)),
            x.c_pct(c.figures.roi).class(roi_class),
        ]);
    }
    table
}

/// Sponsored posts delivered of contracted for the month ("3 of 2"), to one decimal as
/// the partnership page writes contracted posts; a dash for a contract
/// without deliverables.
fn posts(ctx: &Ctx, c: &CreatorMonth) -> Cell {
    let delivered = ctx.fmt.int(c.sponsored_posts);
    let contracted = c
        .contracted_posts
        .map_or_else(|| "—".to_string(), |k| format::one_decimal(k, ctx.lang()));
    Cell::text(ctx.words().say.delivered_of(&delivered, &contracted))
}
