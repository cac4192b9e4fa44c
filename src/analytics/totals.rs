//! Sums that every group shares (a partnership, a market, a month, the
//! portfolio) and the ratios derived from them.
//!
//! Aggregates sum first and divide after (docs/metrics.md, "Money"): a group's ROI
//! is its summed revenue less its summed cost over its summed cost, never an
//! average of ratios. An undefined ratio is `None`.

use rust_decimal::Decimal;
use serde::Serialize;

/// What a group adds up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Totals {
    /// Cost booked, in the client's currency.
    pub cost: Decimal,
    /// Revenue of posts, in the client's currency.
    pub revenue: Decimal,
    /// Conversions of posts (known cells).
    pub conversions: u64,
    /// Reach of posts (known cells).
    pub reach: u64,
    /// Engagements of posts (known cells).
    pub engagements: u64,
    /// Engagements of posts whose engagement rate is defined.
    pub rated_engagements: u64,
    /// Denominators of those posts.
    pub rated_denominator: u64,
}

impl std::ops::AddAssign for Totals {
    fn add_assign(&mut self, o: Totals) {
        self.cost += o.cost;
        self.revenue += o.revenue;
        self.conversions += o.conversions;
        self.reach += o.reach;
        self.engagements += o.engagements;
        self.rated_engagements += o.rated_engagements;
        self.rated_denominator += o.rated_denominator;
    }
}

/// The `f64` nearest to `d`: parsed from its exact decimal text, which is
/// correctly rounded where a float conversion of the mantissa may be an ulp
/// off.
pub(crate) fn to_f64(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

fn f(d: Decimal) -> f64 {
    to_f64(d)
}

/// Serialise exact money as the nearest JSON number.
pub(crate) mod as_f64 {
    use rust_decimal::Decimal;

    /// serde `serialize_with` for `Decimal`.
    pub(crate) fn serialize<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(super::to_f64(*d))
    }
}

/// Serialise optional exact money as the nearest JSON number or null.
pub(crate) mod as_f64_option {
    use rust_decimal::Decimal;

    /// serde `serialize_with` for `Option<Decimal>`.
    pub(crate) fn serialize<S: serde::Serializer>(
        d: &Option<Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_f64(super::to_f64(*d)),
            None => s.serialize_none(),
        }
    }
}

/// `lhs` against `a x b`, exactly. A product past exact arithmetic is
/// larger in size than any `lhs` can be, so its sign decides.
pub(crate) fn cmp_product(lhs: Decimal, a: Decimal, b: Decimal) -> std::cmp::Ordering {
    match a.checked_mul(b) {
        Some(product) => lhs.cmp(&product),
        None if a.is_sign_negative() != b.is_sign_negative() => std::cmp::Ordering::Greater,
        None => std::cmp::Ordering::Less,
    }
}

/// `num / den`, undefined when `den` is 0, or so small beside `num` that
/// the quotient is past what exact arithmetic holds (a cost of 10^-26).
pub(crate) fn ratio(num: Decimal, den: Decimal) -> Option<Decimal> {
    num.checked_div(den)
}

impl Totals {
    /// (revenue - cost) / cost, exact.
    pub(crate) fn roi_exact(&self) -> Option<Decimal> {
        ratio(self.revenue - self.cost, self.cost)
    }

    /// cost / conversions, exact.
    pub(crate) fn cpa_exact(&self) -> Option<Decimal> {
        ratio(self.cost, Decimal::from(self.conversions))
    }

    /// The figures of docs/metrics.md for this group.
    pub(crate) fn figures(&self) -> Figures {
        Figures {
            cost: self.cost,
            revenue: self.revenue,
            roi: self.roi_exact().map(f),
            roas: ratio(self.revenue, self.cost).map(f),
            conversions: self.conversions,
            cpa: self.cpa_exact(),
            reach: self.reach,
            engagements: self.engagements,
            engagement_rate: (self.rated_denominator > 0)
                .then(|| self.rated_engagements as f64 / self.rated_denominator as f64),
            cost_per_thousand_reached: ratio(
                self.cost * Decimal::ONE_THOUSAND,
                Decimal::from(self.reach),
            ),
        }
    }
}

/// The figures every group shows, as data.json names them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figures {
    /// Cost to date.
    #[serde(serialize_with = "as_f64::serialize")]
    pub cost: Decimal,
    /// Revenue to date.
    #[serde(serialize_with = "as_f64::serialize")]
    pub revenue: Decimal,
    /// (revenue - cost) / cost.
    pub roi: Option<f64>,
    /// revenue / cost.
    pub roas: Option<f64>,
    /// Conversions.
    pub conversions: u64,
    /// cost / conversions.
    #[serde(serialize_with = "as_f64_option::serialize")]
    pub cpa: Option<Decimal>,
    /// Reach.
    pub reach: u64,
    /// Engagements.
    pub engagements: u64,
    /// Engagements / denominator over posts whose rate is defined.
    pub engagement_rate: Option<f64>,
    /// cost / reach x 1000.
    #[serde(serialize_with = "as_f64_option::serialize")]
    pub cost_per_thousand_reached: Option<Decimal>,
}

impl Figures {
    /// How ROI compares with a target, exactly: (revenue - cost) against
    /// target x cost, with no division to round (docs/metrics.md, reading 20).
    /// `None` when ROI is undefined.
    pub fn roi_against(&self, target: Decimal) -> Option<std::cmp::Ordering> {
        (!self.cost.is_zero()).then(|| {
            let o = cmp_product(self.revenue - self.cost, target, self.cost);
            if self.cost.is_sign_negative() {
                o.reverse()
            } else {
                o
            }
        })
    }

    /// How CPA compares with a target, exactly: cost against target x
    /// conversions. `None` when CPA is undefined.
    pub fn cpa_against(&self, target: Decimal) -> Option<std::cmp::Ordering> {
        (self.conversions > 0)
            .then(|| cmp_product(self.cost, target, Decimal::from(self.conversions)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn compares_roi_and_cpa_with_their_targets_exactly() {
        // Cost 300, revenue 400: ROI 1/3, which no float or decimal holds
        // exactly; against the target 1/3 as a decimal (0.3333...) it is
        // above, as 100 > 0.3333... x 300 = 99.99...
        let f = Totals {
            cost: d("300"),
            revenue: d("400"),
            conversions: 12,
            ..Totals::default()
        }
        .figures();
        assert_eq!(f.roi_against(d("1") / d("3")), Some(Ordering::Greater));
        assert_eq!(f.roi_against(d("0.5")), Some(Ordering::Less));
        // CPA 300 / 12 = 25: at a target of 25, below one of 26.
        assert_eq!(f.cpa_against(d("25")), Some(Ordering::Equal));
        assert_eq!(f.cpa_against(d("26")), Some(Ordering::Less));
        // No cost: no ROI to compare; no conversions: no CPA.
        let none = Totals::default().figures();
        assert_eq!(
            (none.roi_against(d("0")), none.cpa_against(d("1"))),
            (None, None)
        );
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_product_past_exact_arithmetic_is_decided_by_its_sign() {
        use std::cmp::Ordering::{Greater, Less};
        let max = Decimal::MAX;
        let two = Decimal::TWO;
        assert_eq!(cmp_product(max, max, two), Less);
        assert_eq!(cmp_product(Decimal::MIN, -max, two), Greater);
        assert_eq!(cmp_product(Decimal::ONE, two, two), Less);
        assert_eq!(cmp_product(Decimal::TEN, two, two), Greater);
    }

    #[test]
    fn divides_after_summing() {
        // Two partnerships: 100 cost / 300 revenue and 300 cost / 100 revenue.
        // Portfolio ROI = (400 - 400) / 400 = 0, not the mean of 2 and -2/3.
        let mut a = Totals {
            cost: d("100"),
            revenue: d("300"),
            ..Totals::default()
        };
        a += Totals {
            cost: d("300"),
            revenue: d("100"),
            ..Totals::default()
        };
        let f = a.figures();
        assert_eq!(f.roi, Some(0.0));
        assert_eq!(f.roas, Some(1.0));
    }

    #[test]
    fn every_ratio_is_undefined_on_a_zero_denominator() {
        let f = Totals::default().figures();
        assert_eq!(
            (
                f.roi,
                f.roas,
                f.cpa,
                f.engagement_rate,
                f.cost_per_thousand_reached
            ),
            (None, None, None, None, None)
        );
        // Cost 0 with revenue: ROI and ROAS stay undefined.
        let f = Totals {
            revenue: d("5"),
            ..Totals::default()
        }
        .figures();
        assert_eq!((f.roi, f.roas), (None, None));
    }

    #[test]
    fn computes_cpa_and_cost_per_thousand() {
        // 1234.50 / 3 conversions = 411.50; 1234.50 / 24690 reach x 1000 = 50.
        let t = Totals {
            cost: d("1234.50"),
            conversions: 3,
            reach: 24690,
            ..Totals::default()
        };
        let f = t.figures();
        assert_eq!(f.cpa, Some(d("411.50")));
        assert_eq!(f.cost_per_thousand_reached, Some(d("50")));
    }

    #[test]
    fn rate_uses_only_rated_posts() {
        // 40 engagements over 1000 rated reach; 60 more engagements of posts
        // with unknown reach do not count in the rate.
        let t = Totals {
            engagements: 100,
            rated_engagements: 40,
            rated_denominator: 1000,
            reach: 1000,
            ..Totals::default()
        };
        assert_eq!(t.figures().engagement_rate, Some(0.04));
    }
}
