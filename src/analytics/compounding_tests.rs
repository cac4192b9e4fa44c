//! The verdict by hand: each of its four answers, the fall-back to post 3,
//! an interval ending exactly at 0, and the ratios of retainers to
//! one-offs.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::*;
use crate::analytics::lift::{Paired, paired};
use crate::analytics::totals::Totals;

fn point(k: u32, interval: Option<(f64, f64)>) -> PostNumberPoint {
    PostNumberPoint {
        model: Model::Retainer,
        post_number: k,
        mean_engagement_rate: Some(0.04),
        n: 6,
        lift: Some(0.1),
        paired: Paired {
            n_pairs: Some(6),
            paired_lift: interval.map(|(l, h)| (l + h) / 2.0),
            lift_low: interval.map(|i| i.0),
            lift_high: interval.map(|i| i.1),
        },
    }
}

fn verdict(curve: &[PostNumberPoint]) -> Compounding {
    compounding(curve, &[])
}

#[test]
fn the_interval_above_0_at_post_4_is_rising() {
    let v = verdict(&[point(3, Some((-0.5, -0.1))), point(4, Some((0.14, 0.52)))]);
    assert_eq!(v.engagement, Engagement::Rising);
    assert_eq!(
        (v.post_number, v.lift_low, v.lift_high),
        (Some(4), Some(0.14), Some(0.52))
    );
    assert_eq!(v.paired_lift, Some(0.33));
}

#[test]
fn without_an_interval_at_post_4_post_3_decides() {
    let v = verdict(&[point(3, Some((-0.5, -0.1))), point(4, None)]);
    assert_eq!(
        (v.engagement, v.post_number),
        (Engagement::Falling, Some(3))
    );
}

#[test]
fn an_interval_holding_0_or_ending_at_it_is_unclear() {
    for (low, high) in [(-0.2, 0.3), (0.0, 0.3), (-0.3, 0.0)] {
        let v = verdict(&[point(4, Some((low, high)))]);
        assert_eq!(v.engagement, Engagement::Unclear, "{low}..{high}");
    }
}

#[test]
fn with_no_interval_at_post_3_or_4_it_is_too_early_and_says_nothing_else() {
    let v = verdict(&[point(2, Some((0.1, 0.2))), point(3, None)]);
    assert_eq!(v.engagement, Engagement::TooEarly);
    assert_eq!(
        (v.post_number, v.n_pairs, v.paired_lift),
        (None, None, None)
    );
    assert_eq!((v.lift_low, v.lift_high), (None, None));
    // The words say how many of the 5 pairs needed post 3 has.
    assert_eq!(v.pairs_at_3, 6);
    assert_eq!(verdict(&[]).engagement, Engagement::TooEarly);
}

#[test]
fn five_pairs_whose_post_1_had_no_engagement_are_too_early() {
    let first: BTreeMap<usize, f64> = (0..5).map(|p| (p, 0.0)).collect();
    let later: BTreeMap<usize, f64> = (0..5).map(|p| (p, 0.05)).collect();
    let at_3 = paired(3, Some(&first), Some(&later));
    assert_eq!(at_3.n_pairs, Some(5));
    assert_eq!((at_3.lift_low, at_3.lift_high), (None, None));
    let mut p = point(3, None);
    p.paired = at_3;
    assert_eq!(verdict(&[p]).engagement, Engagement::TooEarly);
}

fn model(m: Model, cost: &str, conversions: u64, repeat: Option<f64>) -> ModelFigures {
    let totals = Totals {
        cost: cost.parse().unwrap(),
        conversions,
        ..Totals::default()
    };
    ModelFigures {
        model: m,
        figures: totals.figures(),
        creator_roi: Default::default(),
        repeat_purchase_rate: repeat,
        sponsored_posts: 0,
        organic_posts: 0,
        payback: Default::default(),
    }
}

#[test]
fn retainers_are_set_beside_one_offs_by_cpa_and_repeat_purchase() {
    // The seed's own comparison: $16 against $24, 28% against 8%.
    let models = [
        model(Model::OneOff, "2400", 100, Some(0.08)),
        model(Model::Retainer, "1600", 100, Some(0.28)),
    ];
    let v = compounding(&[], &models);
    assert_eq!(
        v.cpa_ratio,
        Some(crate::analytics::totals::to_f64(
            Decimal::from(16) / Decimal::from(24)
        ))
    );
    assert_eq!(v.repeat_ratio, Some(0.28 / 0.08));
}

#[test]
fn a_ratio_is_null_without_a_model_an_undefined_figure_or_one_offs_at_0() {
    let retainers = model(Model::Retainer, "1600", 100, Some(0.28));
    let none = compounding(&[], std::slice::from_ref(&retainers));
    assert_eq!((none.cpa_ratio, none.repeat_ratio), (None, None));
    // One-offs with no conversions (CPA undefined) and a repeat rate of 0.
    let zero = [
        model(Model::OneOff, "2400", 0, Some(0.0)),
        retainers.clone(),
    ];
    let v = compounding(&[], &zero);
    assert_eq!((v.cpa_ratio, v.repeat_ratio), (None, None));
    // One-offs that cost nothing: a CPA of 0.
    let free = [model(Model::OneOff, "0", 10, None), retainers];
    assert_eq!(compounding(&[], &free).cpa_ratio, None);
}
