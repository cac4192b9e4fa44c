//! Payback: the first day from which a partnership is in the black for
//! good, through `as_of` (metrics.md, "Payback"; Precise reading 25).
//!
//! Cost to day d is the cost rule with `as_of` replaced by d; revenue to d
//! that of the partnership's posts dated on or before d. Posts and extra
//! costs dated before `start` count from `start` on. A retainer's fee
//! accrues by the day while revenue comes with posts, so being ahead on one
//! day is not payback: every later day through `as_of` must be too.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::cost;
use super::life;
use super::stats;
use crate::model::{Currency, Fx, Model, Month, Partnership};

/// A partnership's payback.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Payback {
    /// The payback day, `start` being day 1.
    pub day: Option<u32>,
    /// The partnership month of that day.
    pub month: Option<u32>,
    /// Cost less revenue at `as_of`, when not paid back and behind.
    pub short_by: Option<Decimal>,
}

/// What a partnership cost by each day from `start` to `as_of`.
fn costs(p: &Partnership, as_of: NaiveDate, fx: &Fx, to: Currency) -> Vec<Decimal> {
    let days = (as_of - p.start).num_days() + 1;
    let mut out = Vec::with_capacity(usize::try_from(days).unwrap_or(0));
    let mut closed = Decimal::ZERO; // the fee of months before d's
    let mut month = Month::of(p.start);
    let base = match p.model {
        Model::OneOff => cost::convert(fx, p.fee.value, p.fee.currency, to, Month::of(p.start)),
        Model::Retainer => Decimal::ZERO,
    };
    let mut extras: Vec<(NaiveDate, Decimal)> = p
        .extra_costs
        .iter()
        .filter(|e| e.date <= as_of)
        .map(|e| {
            let m = Month::of(e.date);
            (
                e.date,
                cost::convert(fx, e.amount.value, e.amount.currency, to, m),
            )
        })
        .collect();
    extras.sort_by_key(|(d, _)| *d);
    let (mut next_extra, mut extra) = (0, Decimal::ZERO);
    for i in 0..days {
        let d = p.start + Duration::days(i);
        while next_extra < extras.len() && extras[next_extra].0 <= d {
            extra += extras[next_extra].1;
            next_extra += 1;
        }
        let fee = match p.model {
            Model::OneOff => base,
            Model::Retainer => {
                let last = p.end.map_or(d, |e| e.min(d));
                if Month::of(last) != month && last >= p.start {
                    // Close the months before `last`'s, each in full (or
                    // from `start` in its first).
                    while month < Month::of(last) {
                        closed += retainer_share(p, month, month.last_day(), fx, to);
                        month = month.next();
                    }
                }
                closed + retainer_share(p, month, last, fx, to)
            }
        };
        out.push(fee + extra);
    }
    out
}

/// A retainer's fee for month `m` from its first active day to `last`.
fn retainer_share(p: &Partnership, m: Month, last: NaiveDate, fx: &Fx, to: Currency) -> Decimal {
    let first = p.start.max(m.first_day());
    let last = last.min(m.last_day());
    if last < first {
        return Decimal::ZERO;
    }
    let days = (last - first).num_days() + 1;
    let amount = p.fee.value * Decimal::from(days) / Decimal::from(m.days());
    cost::convert(fx, amount, p.fee.currency, to, m)
}

/// The payback of `p` at `as_of`, from its posts' (date, revenue in the
/// client's currency) to date.
pub fn payback(
    p: &Partnership,
    revenue: &[(NaiveDate, Decimal)],
    (fx, to): (&Fx, Currency),
    as_of: NaiveDate,
) -> Payback {
    if p.start > as_of {
        return Payback::default();
    }
    let costs = costs(p, as_of, fx, to);
    let mut revenue: Vec<(NaiveDate, Decimal)> = revenue.to_vec();
    revenue.sort_by_key(|(d, _)| *d);
    let mut earned = Vec::with_capacity(costs.len());
    let (mut next, mut sum) = (0, Decimal::ZERO);
    for i in 0..costs.len() {
        let d = p.start + Duration::days(i as i64);
        while next < revenue.len() && revenue[next].0 <= d {
            sum += revenue[next].1;
            next += 1;
        }
        earned.push(sum);
    }
    let ahead = |i: usize| costs[i] > Decimal::ZERO && earned[i] >= costs[i];
    let last = costs.len() - 1;
    if !ahead(last) {
        let short = costs[last] - earned[last];
        return Payback {
            short_by: (short > Decimal::ZERO).then_some(short),
            ..Payback::default()
        };
    }
    let mut first = last;
    while first > 0 && ahead(first - 1) {
        first -= 1;
    }
    let d = p.start + Duration::days(first as i64);
    Payback {
        day: u32::try_from(first + 1).ok(),
        month: Some(life::partnership_month(p.start, d)),
        short_by: None,
    }
}

/// A model's paybacks.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct ModelPayback {
    /// Partnerships with a payback day.
    pub paid_back: usize,
    /// Partnerships with a cost to date.
    pub n_costed: usize,
    /// The median payback month of those paid back.
    pub median_payback_month: Option<f64>,
}

/// The paybacks of a model's partnerships: each its payback and whether it
/// has a cost to date.
pub fn model(paybacks: &[(Payback, bool)]) -> ModelPayback {
    let mut months: Vec<f64> = paybacks
        .iter()
        .filter_map(|(p, _)| p.month.map(f64::from))
        .collect();
    months.sort_by(f64::total_cmp);
    ModelPayback {
        paid_back: months.len(),
        n_costed: paybacks.iter().filter(|(_, costed)| *costed).count(),
        median_payback_month: stats::quantile(&months, 0.5),
    }
}
