//! The headline figures to date at the end of each month (docs/metrics.md,
//! "The first screen"): spend, revenue and conversions summed over the
//! `months` rows up to it, and repeat purchase over the customers eligible
//! by that day. The overview shows each headline figure's change since the
//! end of the month before the report date's, and a trend line of the last
//! twelve month ends (the last of them the report date itself).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::MonthFigures;
use super::repeat::{self, Repeat};
use super::totals::{ratio, to_f64};
use crate::model::{Client, Month};

/// The figures to date at one month's end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthEnd {
    /// The month.
    pub month: Month,
    /// Its last day, or the report date in the report date's month.
    pub end: NaiveDate,
    /// Cost to that day.
    pub cost: Decimal,
    /// Revenue to that day.
    pub revenue: Decimal,
    /// Conversions to that day.
    pub conversions: u64,
    /// Repeat purchase over the customers eligible by that day.
    pub repeat: Repeat,
}

impl MonthEnd {
    /// (revenue − cost) / cost to that day.
    pub fn roi(&self) -> Option<f64> {
        ratio(self.revenue - self.cost, self.cost).map(to_f64)
    }

    /// cost / conversions to that day.
    pub fn cpa(&self) -> Option<Decimal> {
        ratio(self.cost, Decimal::from(self.conversions))
    }
}

/// The figures to date at the end of each of `months` (the client's
/// months, ascending), the last at `as_of`.
pub(crate) fn month_ends(
    c: &Client,
    months: &[MonthFigures],
    as_of: NaiveDate,
    window: u32,
) -> Vec<MonthEnd> {
    let (mut cost, mut revenue, mut conversions) = (Decimal::ZERO, Decimal::ZERO, 0u64);
    let n = c.partnerships.len();
    months
        .iter()
        .map(|m| {
            cost += m.figures.cost;
            revenue += m.figures.revenue;
            conversions += m.figures.conversions;
            let end = m.month.last_day().min(as_of);
            let mut r = Repeat::default();
            for p in repeat::by_partnership(&c.acquired, n, end, window) {
                r += p;
            }
            MonthEnd {
                month: m.month,
                end,
                cost,
                revenue,
                conversions,
                repeat: r,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::cost::tests_support::{d, date};
    use crate::analytics::totals::Totals;
    use crate::model::{Acquisition, PartnershipIx};

    fn month(m: &str, cost: &str, revenue: &str, conversions: u64) -> MonthFigures {
        MonthFigures {
            month: Month::parse(m).unwrap(),
            figures: Totals {
                cost: d(cost),
                revenue: d(revenue),
                conversions,
                ..Totals::default()
            }
            .figures(),
            sponsored_posts: 0,
            organic_posts: 0,
            creators: Vec::new(),
        }
    }

    #[test]
    fn each_month_end_sums_the_months_to_it_and_counts_the_customers_eligible_by_it() {
        let mut c = crate::analytics::tests::client(Vec::new(), Vec::new());
        c.partnerships = vec![crate::analytics::cost::tests_support::retainer(
            "2026-01-01",
            None,
            "1",
        )];
        let acquired = |day: &str, next: Option<u32>, customers: u64| Acquisition {
            date: date(day),
            partnership: PartnershipIx::new(0),
            next,
            customers,
        };
        // Two customers on 2 January, one back in 10 days; three on 20
        // February, none back.
        c.acquired = vec![
            acquired("2026-01-02", Some(10), 1),
            acquired("2026-01-02", None, 1),
            acquired("2026-02-20", None, 3),
        ];
        let months = [
            month("2026-01", "1000", "500", 10),
            month("2026-02", "1000", "2500", 30),
            month("2026-03", "1000", "3000", 20),
        ];
        let ends = month_ends(&c, &months, date("2026-03-16"), 30);
        assert_eq!(ends.len(), 3);
        // 31 January: $1,000 spent, $500 back: ROI −50%, CPA $100; no
        // customer acquired 30 days before it.
        assert_eq!((ends[0].end, ends[0].cost), (date("2026-01-31"), d("1000")));
        assert_eq!(ends[0].roi(), Some(-0.5));
        assert_eq!(ends[0].cpa(), Some(d("100")));
        assert_eq!(ends[0].repeat.rate(), None);
        // 28 February: the two of 2 January are eligible, one came back.
        assert_eq!(ends[1].roi(), Some(0.5));
        assert_eq!(ends[1].repeat.rate(), Some(0.5));
        // The report date's month ends on the report date: the three of
        // 20 February are not yet 30 days old on 16 March.
        assert_eq!(ends[2].end, date("2026-03-16"));
        assert_eq!((ends[2].repeat.eligible, ends[2].repeat.repeating), (2, 1));
        assert_eq!(ends[2].cpa(), Some(d("50")));
    }
}
