//! What the daily files show: engagement decay and the conversion window
//! (docs/metrics.md; readings 10, 11 and 12). Sponsored posts only.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::model::{Client, Model, PostKind};

/// One day of a model's decay curve.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DecayPoint {
    /// retainer or one_off.
    pub model: Model,
    /// Day after publication, from 1.
    pub day: u32,
    /// Engagements / reach that day over rows where both are known.
    pub engagement_rate: Option<f64>,
    /// Posts with a row for that day.
    pub n: usize,
}

/// One day of a cumulative conversion curve.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Share {
    /// Day.
    pub day: u32,
    /// Conversions on days 1..=day / all.
    pub share: Option<f64>,
}

/// A model's conversion window.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Window {
    /// retainer or one_off.
    pub model: Model,
    /// The first day whose cumulative share reaches 90%.
    pub days_to_90pct: Option<u32>,
    /// Cumulative shares by day.
    pub cumulative: Vec<Share>,
}

/// A daily row as these figures read it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DayRow {
    /// Model of the post's partnership.
    pub model: Model,
    /// Day.
    pub day: u32,
    /// Engagements, when known.
    pub engagements: Option<u64>,
    /// Reach, when known.
    pub reach: Option<u64>,
    /// Conversions, when known.
    pub conversions: Option<u64>,
}

/// The daily rows of sponsored posts dated on or before `as_of` (day 1 is
/// the publication date), as these figures read them.
pub(crate) fn rows_to_date(c: &Client, as_of: NaiveDate) -> Vec<DayRow> {
    c.daily
        .iter()
        .filter_map(|r| {
            let post = &c.posts[r.post];
            let dated = post
                .date
                .checked_add_days(Days::new(u64::from(r.day) - 1))?;
            (post.kind == PostKind::Sponsored && dated <= as_of).then(|| DayRow {
                model: c.partnerships[post.partnership].model,
                day: r.day,
                engagements: r.counts.engagements,
                reach: r.counts.reach,
                conversions: r.counts.conversions,
            })
        })
        .collect()
}

/// Engagement decay from the daily rows to date of sponsored posts.
pub(crate) fn decay(rows: &[DayRow]) -> Vec<DecayPoint> {
    let mut acc: BTreeMap<(Model, u32), (u64, u64, usize)> = BTreeMap::new();
    for r in rows {
        let e = acc.entry((r.model, r.day)).or_default();
        e.2 += 1;
        if let (Some(eng), Some(reach)) = (r.engagements, r.reach) {
            e.0 += eng;
            e.1 += reach;
        }
    }
    acc.into_iter()
        .map(|((model, day), (eng, reach, n))| DecayPoint {
            model,
            day,
            engagement_rate: (reach > 0).then(|| eng as f64 / reach as f64),
            n,
        })
        .collect()
}

/// Conversion windows from the daily rows to date of sponsored posts.
pub(crate) fn windows(rows: &[DayRow]) -> Vec<Window> {
    let mut by_model: BTreeMap<Model, BTreeMap<u32, u64>> = BTreeMap::new();
    for r in rows {
        *by_model
            .entry(r.model)
            .or_default()
            .entry(r.day)
            .or_default() += r.conversions.unwrap_or(0);
    }
    by_model
        .into_iter()
        .map(|(model, days)| {
            let total: u64 = days.values().sum();
            let mut cum = 0u64;
            let mut days_to_90pct = None;
            let cumulative = days
                .into_iter()
                .map(|(day, conv)| {
                    cum += conv;
                    if total > 0
                        && days_to_90pct.is_none()
                        && 10 * u128::from(cum) >= 9 * u128::from(total)
                    {
                        days_to_90pct = Some(day);
                    }
                    Share {
                        day,
                        share: (total > 0).then(|| cum as f64 / total as f64),
                    }
                })
                .collect();
            Window {
                model,
                days_to_90pct,
                cumulative,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        model: Model,
        day: u32,
        eng: Option<u64>,
        reach: Option<u64>,
        conv: Option<u64>,
    ) -> DayRow {
        DayRow {
            model,
            day,
            engagements: eng,
            reach,
            conversions: conv,
        }
    }

    #[test]
    fn decay_sums_known_rows_and_counts_every_post() {
        // Day 1: (42 + 0) / (1000 + 0)... the second row has unknown reach:
        // out of the sums, in n. Rate 42/1000 = 0.042, n 2.
        let rows = [
            row(Model::OneOff, 1, Some(42), Some(1000), None),
            row(Model::OneOff, 1, Some(10), None, None),
            row(Model::OneOff, 7, Some(11), Some(1000), None),
            row(Model::Retainer, 2, None, None, None),
        ];
        let d = decay(&rows);
        assert_eq!(
            d[0],
            DecayPoint {
                model: Model::OneOff,
                day: 1,
                engagement_rate: Some(0.042),
                n: 2
            }
        );
        assert_eq!(d[1].engagement_rate, Some(0.011));
        assert_eq!(
            d[2],
            DecayPoint {
                model: Model::Retainer,
                day: 2,
                engagement_rate: None,
                n: 1
            }
        );
    }

    #[test]
    fn days_to_90pct_is_reached_exactly() {
        // 9 on day 1 and 1 on day 3 (no row on day 2): 9/10 = 0.9 reaches 90%
        // on day 1 exactly; no entry for day 2.
        let rows = [
            row(Model::Retainer, 1, None, None, Some(9)),
            row(Model::Retainer, 3, None, None, Some(1)),
        ];
        let w = &windows(&rows)[0];
        assert_eq!(w.days_to_90pct, Some(1));
        assert_eq!(
            w.cumulative,
            vec![
                Share {
                    day: 1,
                    share: Some(0.9)
                },
                Share {
                    day: 3,
                    share: Some(1.0)
                }
            ]
        );
        // 8, 1, 1: 0.8 then 0.9 on day 2; an unknown cell counts as 0.
        let rows = [
            row(Model::OneOff, 1, None, None, Some(8)),
            row(Model::OneOff, 2, None, None, Some(1)),
            row(Model::OneOff, 2, None, None, None),
            row(Model::OneOff, 3, None, None, Some(1)),
        ];
        assert_eq!(windows(&rows)[0].days_to_90pct, Some(2));
    }

    #[test]
    fn no_conversions_leave_shares_undefined() {
        let rows = [row(Model::OneOff, 1, None, None, Some(0))];
        let w = &windows(&rows)[0];
        assert_eq!((w.days_to_90pct, w.cumulative[0].share), (None, None));
    }
}
