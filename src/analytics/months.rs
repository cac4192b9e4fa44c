//! The calendar months of a client's report: every month from its first
//! cost or post to the report date's month, with no gaps, so the monthly
//! trend and reports have a row for a quiet month too. Each month also
//! carries its partnerships' own figures (`creators`), for the report only.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::creators::{self, CreatorMonth};
use super::groups::Tally;
use super::totals::Figures;
use crate::model::{Client, Month};

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
    /// The partnerships active in the month, ids ascending: not in
    /// data.json, whose months are the client's.
    #[serde(skip)]
    pub creators: Vec<CreatorMonth>,
}

/// The months from the first one with activity through `as_of`'s; none
/// without any activity.
pub(super) fn figures(c: &Client, tally: &Tally, as_of: NaiveDate) -> Vec<MonthFigures> {
    let Some(&first) = tally.by_month.keys().next() else {
        return Vec::new();
    };
    let none = BTreeMap::new();
    first
        .through(Month::of(as_of))
        .map(|m| {
            let g = tally.by_month.get(&m).copied().unwrap_or_default();
            let own = tally.per_month.get(&m).unwrap_or(&none);
            MonthFigures {
                month: m,
                figures: g.totals.figures(),
                sponsored_posts: g.sponsored,
                organic_posts: g.organic,
                creators: creators::of_month(c, as_of, m, own),
            }
        })
        .collect()
}
