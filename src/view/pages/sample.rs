//! The small-sample mark a figure over fewer than 5 posts, partnerships or
//! pairs carries in every table that shows it (overview, market, daily and
//! lift tables alike): one leaf, so that the pages and the charts' tables
//! mark alike without importing one another.

use super::Ctx;
use crate::analytics::lift::FEWEST_PAIRS;
use crate::view::table::Cell;

/// `cell` marked as a small sample when it averages fewer than 5 (posts,
/// partnerships, pairs): "small sample, n = 3".
pub(crate) fn small(ctx: &Ctx, cell: Cell, n: usize) -> Cell {
    if n < FEWEST_PAIRS {
        cell.mark(ctx.words().say.small(n))
    } else {
        cell
    }
}
