//! Engagement: a post's rate, post numbers, the curve by post number and a
//! partnership's trend (docs/metrics.md, "Engagement"; readings 8 and 9).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Counts, Denominator, Model};

/// The two sides of a post's engagement rate. Groups sum the sides and
/// divide after, so the rate of a group is not a mean of its posts' rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RateParts {
    /// Engagements.
    pub engagements: u64,
    /// Reach, impressions or followers, as settings choose; never 0.
    pub denominator: u64,
}

impl RateParts {
    /// engagements / denominator.
    pub(crate) fn rate(&self) -> f64 {
        self.engagements as f64 / self.denominator as f64
    }
}

/// Engagements and the denominator of a post whose rate is defined: both
/// known and the denominator not 0.
pub(crate) fn rate_parts(
    counts: &Counts,
    followers: Option<u64>,
    denominator: Denominator,
) -> Option<RateParts> {
    let den = match denominator {
        Denominator::Reach => counts.reach,
        Denominator::Impressions => counts.impressions,
        Denominator::Followers => followers,
    }?;
    let eng = counts.engagements?;
    (den > 0).then_some(RateParts {
        engagements: eng,
        denominator: den,
    })
}

/// A numbered sponsored post's rate, as the headline curve reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberedRate {
    /// Its partnership's index in the client's (ids ascending) order.
    pub partnership: usize,
    /// Model of the post's partnership.
    pub model: Model,
    /// k: the post is its partnership's k-th sponsored post to date.
    pub post_number: u32,
    /// Its engagement rate, when defined.
    pub rate: Option<f64>,
}

/// One point of the headline chart.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PostNumberPoint {
    /// retainer or one_off.
    pub model: Model,
    /// k.
    pub post_number: u32,
    /// Unweighted mean of the defined rates of k-th posts.
    pub mean_engagement_rate: Option<f64>,
    /// How many rates were averaged.
    pub n: usize,
    /// mean at k / mean at 1 - 1.
    pub lift: Option<f64>,
    /// The paired lift and its interval (schema 2).
    #[serde(flatten)]
    pub paired: super::lift::Paired,
}

/// The curve by post number from every numbered post.
pub(crate) fn by_post_number(
    points: impl IntoIterator<Item = NumberedRate>,
) -> Vec<PostNumberPoint> {
    let mut groups: BTreeMap<(Model, u32), Vec<f64>> = BTreeMap::new();
    let mut by_partnership: BTreeMap<(Model, u32), BTreeMap<usize, f64>> = BTreeMap::new();
    for p in points {
        let g = groups.entry((p.model, p.post_number)).or_default();
        g.extend(p.rate);
        if let Some(rate) = p.rate {
            let rates = by_partnership.entry((p.model, p.post_number)).or_default();
            rates.insert(p.partnership, rate);
        }
    }
    let means: BTreeMap<(Model, u32), Option<f64>> = groups
        .iter()
        .map(|(key, rates)| {
            (
                *key,
                (!rates.is_empty()).then(|| rates.iter().sum::<f64>() / rates.len() as f64),
            )
        })
        .collect();
    groups
        .iter()
        .map(|(&(model, k), rates)| {
            let mean = means[&(model, k)];
            let first = means.get(&(model, 1)).copied().flatten();
            let lift = match (mean, first) {
                (Some(m), Some(f)) if f != 0.0 => Some(m / f - 1.0),
                _ => None,
            };
            let at = |k: u32| by_partnership.get(&(model, k));
            PostNumberPoint {
                model,
                post_number: k,
                mean_engagement_rate: mean,
                n: rates.len(),
                lift,
                paired: super::lift::paired(k, at(1), at(k)),
            }
        })
        .collect()
}

/// The least-squares line of rate against post number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Fit {
    /// The trend: change in rate per post.
    pub slope: f64,
    /// Where the line crosses post number 0, for drawing it.
    pub intercept: f64,
}

/// The least-squares line of rate against post number, from (k, rate)
/// points; needs 3 or more, and two distinct post numbers.
pub(crate) fn fit(points: &[(u32, f64)]) -> Option<Fit> {
    if points.len() < 3 {
        return None;
    }
    let n = points.len() as f64;
    let mx = points.iter().map(|p| f64::from(p.0)).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = points
        .iter()
        .map(|p| (f64::from(p.0) - mx) * (p.1 - my))
        .sum();
    let sxx: f64 = points.iter().map(|p| (f64::from(p.0) - mx).powi(2)).sum();
    (sxx > 0.0).then(|| Fit {
        slope: sxy / sxx,
        intercept: my - sxy / sxx * mx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_needs_both_parts_and_a_non_zero_denominator() {
        let c = Counts {
            engagements: Some(41),
            reach: Some(1000),
            impressions: Some(0),
            ..Counts::default()
        };
        let parts = |engagements, denominator| {
            Some(RateParts {
                engagements,
                denominator,
            })
        };
        assert_eq!(rate_parts(&c, None, Denominator::Reach), parts(41, 1000));
        assert_eq!(rate_parts(&c, None, Denominator::Impressions), None);
        assert_eq!(
            rate_parts(&c, Some(2000), Denominator::Followers),
            parts(41, 2000)
        );
        assert_eq!(rate_parts(&c, None, Denominator::Followers), None);
        let unknown = Counts {
            reach: Some(10),
            ..Counts::default()
        };
        assert_eq!(rate_parts(&unknown, None, Denominator::Reach), None);
    }

    #[test]
    fn averages_kth_posts_and_lifts_against_the_first() {
        use Model::*;
        // Retainer post 1: 0.04 and 0.02 -> mean 0.03; post 3: 0.045 -> lift
        // 0.045 / 0.03 - 1 = 0.5. Post 2 has only an undefined rate: n 0,
        // mean and lift null. One-off post 1 rate 0: its lift is null.
        let pts = [
            (Retainer, 1, Some(0.04)),
            (Retainer, 1, Some(0.02)),
            (Retainer, 2, None),
            (Retainer, 3, Some(0.045)),
            (OneOff, 1, Some(0.0)),
        ];
        let out = by_post_number(pts.map(|(model, post_number, rate)| NumberedRate {
            partnership: 0,
            model,
            post_number,
            rate,
        }));
        let row = |m, k| {
            out.iter()
                .find(|p| p.model == m && p.post_number == k)
                .unwrap()
                .clone()
        };
        assert_eq!(out[0].model, OneOff);
        assert_eq!(row(OneOff, 1).lift, None);
        assert!((row(Retainer, 1).mean_engagement_rate.unwrap() - 0.03).abs() < 1e-15);
        assert_eq!(row(Retainer, 1).lift, Some(0.0));
        assert_eq!(
            (
                row(Retainer, 2).n,
                row(Retainer, 2).mean_engagement_rate,
                row(Retainer, 2).lift
            ),
            (0, None, None)
        );
        assert!((row(Retainer, 3).lift.unwrap() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn the_trend_is_the_least_squares_slope() {
        // (1, .01) (2, .03) (4, .05): mean x 7/3, mean y .03;
        // sxy = (-4/3)(-.02) + (-1/3)(0) + (5/3)(.02) = .06; sxx = 16/9 + 1/9 + 25/9 = 42/9;
        // slope = .06 / (42/9) = 0.0128571...
        let s = fit(&[(1, 0.01), (2, 0.03), (4, 0.05)]).unwrap().slope;
        assert!((s - 0.06 / (42.0 / 9.0)).abs() < 1e-15);
        assert_eq!(fit(&[(1, 0.01), (2, 0.03)]), None);
        // The line passes through the means: .03 - slope x 7/3.
        let b = fit(&[(1, 0.01), (2, 0.03), (4, 0.05)]).unwrap().intercept;
        assert!((b - (0.03 - s * 7.0 / 3.0)).abs() < 1e-15);
    }
}
