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

/// The report date's month while it is not over: its figures run to the
/// report date, and the month before is compared by the same days
/// (docs/metrics.md, "Months").
#[derive(Debug, Clone)]
pub struct SoFar {
    /// The report date's month.
    pub month: Month,
    /// The report date: the month's figures run to it.
    pub through: NaiveDate,
    /// The same day of the month before (its last day, when it is
    /// shorter): the month before's figures below run to it.
    pub before_through: NaiveDate,
    /// The month before, to `before_through`, as a build with that report
    /// date gives it.
    pub before: MonthFigures,
}

/// The months from the first one with activity through `as_of`'s; none
/// without any activity.
pub(super) fn figures(c: &Client, tally: &Tally, as_of: NaiveDate) -> Vec<MonthFigures> {
    let Some(&first) = tally.by_month.keys().next() else {
        return Vec::new();
    };
    (first.through(Month::of(as_of)))
        .map(|m| one(c, tally, as_of, m))
        .collect()
}

/// Month `m`'s figures to `as_of`: nothing booked or published in it is
/// a month of zeros.
pub(super) fn one(c: &Client, tally: &Tally, as_of: NaiveDate, m: Month) -> MonthFigures {
    let none = BTreeMap::new();
    let g = tally.by_month.get(&m).copied().unwrap_or_default();
    let own = tally.per_month.get(&m).unwrap_or(&none);
    MonthFigures {
        month: m,
        figures: g.totals.figures(),
        sponsored_posts: g.sponsored,
        organic_posts: g.organic,
        creators: creators::of_month(c, as_of, m, own),
    }
}
