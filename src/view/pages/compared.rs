//! What a monthly report compares its month with: the month before, or,
//! while the report date's month is not over, the month before to the same
//! day (docs/metrics.md, "Months"). The page, its cards and its summary all
//! ask here, so they compare the same figures.

use super::Ctx;
use crate::analytics::{MonthFigures, SoFar};

/// Month `i` (an index of `ctx.months`) while it is not over: the day its
/// figures run to, and the same day of the month before.
pub(crate) fn so_far<'a>(ctx: &'a Ctx, i: usize) -> Option<&'a SoFar> {
    (ctx.f.so_far.as_ref()).filter(|s| s.month == ctx.months[i])
}

/// What month `i` is compared with: the month before, or, while the month
/// is not over ([`so_far`]), the month before to the same day.
pub(crate) fn compared_with<'a>(ctx: &'a Ctx, i: usize) -> Option<&'a MonthFigures> {
    let before = &ctx.f.months[i.checked_sub(1)?];
    Some(so_far(ctx, i).map_or(before, |s| &s.before))
}
