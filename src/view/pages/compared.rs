//! What a monthly report compares its month with: the month before, or,
//! while the report date's month is not over, the month before to the same
//! day (docs/metrics.md, "Months"). The page, its cards and its summary all
//! ask here, so they compare the same figures.

use chrono::NaiveDate;

use super::Ctx;
use crate::analytics::MonthFigures;

/// What month `i` (an index of `ctx.months`) is compared with: the month
/// before, or, while the month is not over, the month before to the same
/// day, with that day.
pub fn compared_with<'a>(ctx: &'a Ctx, i: usize) -> Option<(&'a MonthFigures, Option<NaiveDate>)> {
    let before = &ctx.f.months[i.checked_sub(1)?];
    match &ctx.f.so_far {
        Some(s) if s.month == ctx.months[i] => Some((&s.before, Some(s.before_through))),
        _ => Some((before, None)),
    }
}
