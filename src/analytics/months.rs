//! The calendar months of a client's report: every month from its first
//! cost or post to the report date's month, with no gaps, so the monthly
//! trend and reports have a row for a quiet month too.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::groups::Group;
use super::totals::Figures;
use crate::model::Month;

/// One calendar month's figures.
#[derive(Debug, Clone, Serialize)]
pub struct MonthFigures {
    /// The month.
    pub month: Month,
    /// Sums and ratios.
    #[serde(flatten)]
    pub figures: Figures,
    /// Sponsored posts published in the month.
    pub sponsored_posts: u64,
    /// Organic mentions published in the month.
    pub organic_posts: u64,
}

/// The months from the first one with activity through `as_of`'s; none
/// without any activity.
pub(super) fn figures(by_month: &BTreeMap<Month, Group>, as_of: NaiveDate) -> Vec<MonthFigures> {
    let Some(&first) = by_month.keys().next() else {
        return Vec::new();
    };
    first
        .through(Month::of(as_of))
        .map(|m| {
            let g = by_month.get(&m).copied().unwrap_or_default();
            MonthFigures {
                month: m,
                figures: g.totals.figures(),
                sponsored_posts: g.sponsored,
                organic_posts: g.organic,
            }
        })
        .collect()
}
