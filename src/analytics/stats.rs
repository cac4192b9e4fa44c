//! The creator-level view: the distribution of per-partnership ROI.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::PartnershipId;

/// n, quartiles, extremes and the best and worst partnership of a group.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Spread {
    /// Partnerships with a defined ROI.
    pub n: usize,
    /// Lowest ROI.
    pub min: Option<f64>,
    /// First quartile.
    pub q1: Option<f64>,
    /// Median.
    pub median: Option<f64>,
    /// Third quartile.
    pub q3: Option<f64>,
    /// Highest ROI.
    pub max: Option<f64>,
    /// Id with the highest ROI (ties: smallest id).
    pub best: Option<PartnershipId>,
    /// Id with the lowest ROI (ties: smallest id).
    pub worst: Option<PartnershipId>,
}

/// The p-quantile of sorted values, interpolating linearly between closest
/// ranks (numpy's default).
pub(crate) fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// The spread of (id, ROI) pairs; undefined ROIs are left out by the caller.
pub(crate) fn spread(values: &[(&PartnershipId, Decimal)]) -> Spread {
    if values.is_empty() {
        return Spread::default();
    }
    let best = values
        .iter()
        .min_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)))
        .map(|v| v.0.clone());
    let worst = values
        .iter()
        .min_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)))
        .map(|v| v.0.clone());
    let mut sorted: Vec<f64> = values.iter().map(|v| super::totals::to_f64(v.1)).collect();
    sorted.sort_by(f64::total_cmp);
    Spread {
        n: values.len(),
        min: sorted.first().copied(),
        q1: quantile(&sorted, 0.25),
        median: quantile(&sorted, 0.5),
        q3: quantile(&sorted, 0.75),
        max: sorted.last().copied(),
        best,
        worst,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn id(s: &str) -> PartnershipId {
        PartnershipId::new(s)
    }

    fn ids(id: &Option<PartnershipId>) -> Option<&str> {
        id.as_ref().map(PartnershipId::as_str)
    }

    #[test]
    fn one_partnership_is_every_quartile() {
        let s = spread(&[(&id("a"), d("0.5"))]);
        assert_eq!(
            (s.n, s.min, s.q1, s.median, s.q3, s.max),
            (1, Some(0.5), Some(0.5), Some(0.5), Some(0.5), Some(0.5))
        );
        assert_eq!((ids(&s.best), ids(&s.worst)), (Some("a"), Some("a")));
    }

    #[test]
    fn two_partnerships_interpolate() {
        // Sorted 0, 1: q1 at h = 0.25 -> 0.25; median 0.5; q3 0.75.
        let s = spread(&[(&id("b"), d("1")), (&id("a"), d("0"))]);
        assert_eq!((s.q1, s.median, s.q3), (Some(0.25), Some(0.5), Some(0.75)));
        assert_eq!((ids(&s.best), ids(&s.worst)), (Some("b"), Some("a")));
    }

    #[test]
    fn five_partnerships_and_ties_go_to_the_smallest_id() {
        // Sorted -0.4, 0.2, 0.9, 1.6, 1.6: q1 at h = 1 -> 0.2, median at 2 -> 0.9,
        // q3 at 3 -> 1.6. Best ties between d and e at 1.6 -> d.
        let s = spread(&[
            (&id("e"), d("1.6")),
            (&id("a"), d("0.9")),
            (&id("c"), d("-0.4")),
            (&id("b"), d("0.2")),
            (&id("d"), d("1.6")),
        ]);
        assert_eq!(
            (s.min, s.q1, s.median, s.q3, s.max),
            (Some(-0.4), Some(0.2), Some(0.9), Some(1.6), Some(1.6))
        );
        assert_eq!((ids(&s.best), ids(&s.worst)), (Some("d"), Some("c")));
    }

    #[test]
    fn nothing_defined_gives_n_zero_and_nulls() {
        assert_eq!(spread(&[]), Spread::default());
        // Four values 0, 1, 2, 10: q3 at h = 2.25 -> 2 + 0.25 x 8 = 4.
        assert_eq!(quantile(&[0.0, 1.0, 2.0, 10.0], 0.75), Some(4.0));
    }
}
