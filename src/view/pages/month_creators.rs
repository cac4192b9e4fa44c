//! The month per creator: a monthly report's table of each partnership
//! active in the month (a cost booked or a post published in it), with its
//! ROI, cost, revenue, conversions and sponsored posts against those
//! contracted for the month, and the month's total row (docs/metrics.md,
//! "Months").
//!
//! The figures are the analytics' (`creators`); the total row is the
//! month's own figures, which the rows add up to (each rounded to the cent
//! on its own: the table's footnote says when that shows).

use super::Ctx;
use crate::analytics::creators::CreatorMonth;
use crate::view::table::{Cell, Table};
use crate::view::{format, i18n};

/// The table of month `i` (an index of `ctx.months`), ids ascending.
pub(crate) fn table(ctx: &Ctx, i: usize, root: &str) -> Table {
    let (t, x) = (ctx.t(), &ctx.fmt);
    let s = &i18n::catalogue(ctx.lang()).summary;
    // The creator and ROI first: what a phone shows before the table
    // scrolls.
    let mut table = Table::new("creators", s.creators, ctx.download())
        .col(t.creator)
        .num(t.roi)
        .sum(t.cost)
        .sum(t.revenue)
        .num(t.conversions)
        .num(s.posts);
    for c in &ctx.f.months[i].creators {
        let p = ctx.partnership(c.partnership);
        let roi_class = match c.figures.roi {
            Some(r) if r < 0.0 => "down",
            _ => "",
        };
        table.row(vec![
            Cell::text(ctx.creator_name(&p.id, &p.creator))
                .link(format!("{root}partnerships/{}/index.html", p.id)),
            x.c_pct(c.figures.roi).class(roi_class),
            x.c_money(Some(c.figures.cost)),
            x.c_money(Some(c.figures.revenue)),
            x.c_int(c.figures.conversions),
            posts(ctx, c),
        ]);
    }
    // The month's totals, as its cards and comparison give them.
    let month = &ctx.f.months[i];
    if !month.creators.is_empty() {
        let f = &month.figures;
        let roi_class = match f.roi {
            Some(r) if r < 0.0 => "down",
            _ => "",
        };
        table.total(
            vec![
                Cell::text(t.total),
                x.c_pct(f.roi).class(roi_class),
                x.c_money(Some(f.cost)),
                x.c_money(Some(f.revenue)),
                x.c_int(f.conversions),
                x.c_int(month.sponsored_posts),
            ],
            t.rows_rounded,
        );
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
