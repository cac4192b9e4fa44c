//! The month per creator: each partnership's own figures in one calendar
//! month, for the table of a monthly report and its summary's best
//! partnership.
//!
//! The sums come from the same pass that adds up the month (`groups`), one
//! group per partnership and month, so a month's rows add up to the month's
//! totals by construction. What the contract asked for in the month is the
//! fee's proration applied to the deliverables (docs/metrics.md, reading 16).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cost;
use super::groups::Group;
use super::totals::Figures;
use crate::model::{Client, Model, Month, Partnership, PartnershipId};

/// One partnership in one calendar month: active when it booked a cost or
/// published a post in it.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatorMonth {
    /// The partnership, by index in the client's partnerships.
    pub partnership: usize,
    /// Its id, for the order of ties.
    pub id: PartnershipId,
    /// Cost booked in the month; revenue, conversions and the rest of its
    /// posts published in the month; the ratios of those.
    pub figures: Figures,
    /// Sponsored posts published in the month.
    pub sponsored_posts: u64,
    /// Organic mentions published in the month.
    pub organic_posts: u64,
    /// Sponsored posts the contract asks for in the month, unrounded;
    /// `None` without deliverables.
    pub contracted_posts: Option<Decimal>,
}

/// The partnerships active in month `m`, in the client's order (ids
/// ascending), from their groups of the month keyed by partnership index.
pub(super) fn of_month(
    c: &Client,
    as_of: NaiveDate,
    m: Month,
    groups: &BTreeMap<usize, Group>,
) -> Vec<CreatorMonth> {
    groups
        .iter()
        .map(|(&i, g)| {
            let p = &c.partnerships[i];
            CreatorMonth {
                partnership: i,
                id: p.id.clone(),
                figures: g.totals.figures(),
                sponsored_posts: g.sponsored,
                organic_posts: g.organic,
                contracted_posts: contracted_in(p, as_of, m),
            }
        })
        .collect()
}

/// A retainer's sponsored posts contracted in month `m`: posts per month x
/// the share of `m` its fee is prorated by (0 in a month it did not run);
/// `None` for one-offs and retainers that contract no posts. Over its
/// months these add up to its contracted posts to date.
pub(crate) fn contracted_in(p: &Partnership, as_of: NaiveDate, m: Month) -> Option<Decimal> {
    let ppm = match (p.model, p.posts_per_month) {
        (Model::Retainer, Some(ppm)) => ppm,
        _ => return None,
    };
    let share = cost::active_days(p, as_of)
        .iter()
        .find(|a| a.month == m)
        .map_or(Decimal::ZERO, cost::ActiveMonth::share);
    Some(ppm * share)
}

/// The partnership that did best in a month: the highest ROI among those
/// with a cost, compared exactly; ties go to the smallest id. `None` when no
/// partnership booked a cost.
pub(crate) fn best(rows: &[CreatorMonth]) -> Option<&CreatorMonth> {
    rows.iter()
        .filter_map(|r| Some((r, roi_exact(r)?)))
        .max_by(|(a, ra), (b, rb)| ra.cmp(rb).then_with(|| b.id.cmp(&a.id)))
        .map(|(r, _)| r)
}

/// (revenue - cost) / cost in decimals, so that two ROIs equal to the cent
/// are a tie and not a float's last bit; only for a positive cost, and
/// undefined past exact arithmetic.
fn roi_exact(r: &CreatorMonth) -> Option<Decimal> {
    let f = &r.figures;
    let gain = f.revenue.checked_sub(f.cost)?;
    (f.cost > Decimal::ZERO).then(|| gain.checked_div(f.cost))?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::cost::tests_support::{d, date, retainer};
    use crate::analytics::totals::Totals;

    fn row(id: &str, cost: &str, revenue: &str) -> CreatorMonth {
        CreatorMonth {
            partnership: 0,
            id: PartnershipId::new(id),
            figures: Totals {
                cost: d(cost),
                revenue: d(revenue),
                ..Totals::default()
            }
            .figures(),
            sponsored_posts: 0,
            organic_posts: 0,
            contracted_posts: None,
        }
    }

    #[test]
    fn contracts_the_prorated_share_of_each_month() {
        // 2 posts a month from 09-16 to as_of 10-15: September 15/30 of a
        // month -> 1; October 15/31 -> 30/31; November not run -> 0.
        let mut p = retainer("2026-09-16", None, "3000");
        p.posts_per_month = Some(d("2"));
        let as_of = date("2026-10-15");
        let m = |s: &str| Month::parse(s).unwrap();
        assert_eq!(contracted_in(&p, as_of, m("2026-09")), Some(d("1")));
        assert_eq!(
            contracted_in(&p, as_of, m("2026-10")),
            Some(d("2") * (d("15") / d("31")))
        );
        assert_eq!(contracted_in(&p, as_of, m("2026-11")), Some(d("0")));
        // Without deliverables, or a one-off: none.
        p.posts_per_month = None;
        assert_eq!(contracted_in(&p, as_of, m("2026-09")), None);
        p.posts_per_month = Some(d("2"));
        p.model = Model::OneOff;
        assert_eq!(contracted_in(&p, as_of, m("2026-09")), None);
    }

    #[test]
    fn the_best_partnership_of_a_month_has_the_highest_roi_among_those_with_a_cost() {
        // a: (300 - 100) / 100 = 2; b: (500 - 250) / 250 = 1; c: no cost,
        // revenue 900 (ROI undefined, not best); d: (600 - 200) / 200 = 2,
        // a tie with a that goes to the smaller id.
        let rows = [
            row("b", "250", "500"),
            row("d", "200", "600"),
            row("c", "0", "900"),
            row("a", "100", "300"),
        ];
        assert_eq!(best(&rows).map(|r| r.id.as_str()), Some("a"));
        assert_eq!(best(&rows[..2]).map(|r| r.id.as_str()), Some("d"));
        assert_eq!(best(&rows[2..3]), None);
        assert_eq!(best(&[]), None);
    }
}
