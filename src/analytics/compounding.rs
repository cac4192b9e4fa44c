//! Whether a client's partnerships compound (docs/metrics.md,
//! "Compounding"): the verdict on engagement from the retainers' paired
//! lift and its interval, never one the interval cannot carry, and the
//! retainers' CPA and repeat purchase beside the one-offs'.

use serde::Serialize;

use super::engagement::PostNumberPoint;
use super::groups::ModelFigures;
use super::totals::{ratio, to_f64};
use crate::model::Model;

/// The post numbers the verdict looks at, in order: the first with an
/// interval decides.
pub(crate) const VERDICT_POSTS: [u32; 2] = [4, 3];

/// What the retainers' engagement does from their first post on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Engagement {
    /// The whole interval is above 0.
    Rising,
    /// The whole interval is below 0.
    Falling,
    /// The interval holds 0 (an end at exactly 0 included).
    Unclear,
    /// Neither post 4 nor post 3 has an interval.
    TooEarly,
}

/// data.json's `compounding`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compounding {
    /// The verdict on engagement.
    pub engagement: Engagement,
    /// The post number it stands on; null when too early.
    pub post_number: Option<u32>,
    /// Its pairs.
    pub n_pairs: Option<usize>,
    /// Its paired lift.
    pub paired_lift: Option<f64>,
    /// The interval's low end.
    pub lift_low: Option<f64>,
    /// The interval's high end.
    pub lift_high: Option<f64>,
    /// Retainers' CPA / one-offs' CPA.
    pub cpa_ratio: Option<f64>,
    /// Retainers' repeat purchase rate / one-offs'.
    pub repeat_ratio: Option<f64>,
    /// When too early: the retainers with a pair at post 3, of the
    /// [`super::lift::FEWEST_PAIRS`] needed (for the words; not in data.json).
    #[serde(skip)]
    pub pairs_at_3: usize,
}

/// The verdict from the curve by post number and the models' figures.
pub(crate) fn compounding(curve: &[PostNumberPoint], models: &[ModelFigures]) -> Compounding {
    let at = |k: u32| {
        curve
            .iter()
            .find(|p| p.model == Model::Retainer && p.post_number == k)
    };
    let decided = VERDICT_POSTS.iter().find_map(|&k| {
        let p = at(k)?;
        let (low, high) = (p.paired.lift_low?, p.paired.lift_high?);
        let engagement = if low > 0.0 {
            Engagement::Rising
        } else if high < 0.0 {
            Engagement::Falling
        } else {
            Engagement::Unclear
        };
        Some((engagement, k, p))
    });
    let model = |m: Model| models.iter().find(|f| f.model == m);
    let (retainers, one_offs) = (model(Model::Retainer), model(Model::OneOff));
    let cpa_ratio = retainers.zip(one_offs).and_then(|(r, o)| {
        let (r, o) = (r.figures.cpa?, o.figures.cpa?);
        ratio(r, o).map(to_f64)
    });
    let repeat_ratio = retainers.zip(one_offs).and_then(|(r, o)| {
        let (r, o) = (r.repeat_purchase_rate?, o.repeat_purchase_rate?);
        (o != 0.0).then(|| r / o)
    });
    let pairs_at_3 = at(3).and_then(|p| p.paired.n_pairs).unwrap_or(0);
    match decided {
        Some((engagement, k, p)) => Compounding {
            engagement,
            post_number: Some(k),
            n_pairs: p.paired.n_pairs,
            paired_lift: p.paired.paired_lift,
            lift_low: p.paired.lift_low,
            lift_high: p.paired.lift_high,
            cpa_ratio,
            repeat_ratio,
            pairs_at_3,
        },
        None => Compounding {
            engagement: Engagement::TooEarly,
            post_number: None,
            n_pairs: None,
            paired_lift: None,
            lift_low: None,
            lift_high: None,
            cpa_ratio,
            repeat_ratio,
            pairs_at_3,
        },
    }
}

#[cfg(test)]
#[path = "compounding_tests.rs"]
mod tests;
