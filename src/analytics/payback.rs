//! Payback: the first day from which a partnership is in the black for
//! good, through `as_of` (docs/metrics.md, "Payback"; Precise reading 25).
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
pub(crate) struct Payback {
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
pub(crate) fn payback(
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
pub(crate) fn model(paybacks: &[(Payback, bool)]) -> ModelPayback {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::cost::tests_support::{d, date, retainer};

    fn at(p: &Partnership, revenue: &[(&str, &str)], as_of: &str) -> Payback {
        let revenue: Vec<(NaiveDate, Decimal)> =
            revenue.iter().map(|(day, r)| (date(day), d(r))).collect();
        let usd = Currency::parse("USD").unwrap();
        payback(p, &revenue, (&Fx::default(), usd), date(as_of))
    }

    #[test]
    fn a_retainer_ahead_on_a_few_days_is_not_yet_paid_back() {
        // 3000 a month from 1 September: 100 a day in September. 500 on
        // 3 September is ahead of 300, 400, 500 (days 3-5), behind from day
        // 6; 10000 on 10 September is ahead for good: day 10, month 1.
        let p = retainer("2026-09-01", None, "3000");
        let back = at(
            &p,
            &[("2026-09-03", "500"), ("2026-09-10", "10000")],
            "2026-10-20",
        );
        assert_eq!(
            (back.day, back.month, back.short_by),
            (Some(10), Some(1), None)
        );
        // Without the second post it is behind at as_of: 3000 + 20/31 x
        // 3000 cost, 500 earned.
        let back = at(&p, &[("2026-09-03", "500")], "2026-10-20");
        assert_eq!((back.day, back.month), (None, None));
        let cost = d("3000") + d("3000") * d("20") / d("31");
        assert_eq!(back.short_by, Some(cost - d("500")));
    }

    #[test]
    fn a_one_off_pays_back_when_its_revenue_reaches_its_fee() {
        let mut p = retainer("2026-09-01", None, "1000");
        p.model = Model::OneOff;
        let back = at(&p, &[("2026-09-15", "1200")], "2026-10-20");
        assert_eq!((back.day, back.month), (Some(15), Some(1)));
        // Revenue of a post before start counts from day 1.
        let back = at(&p, &[("2026-08-25", "1000")], "2026-10-20");
        assert_eq!((back.day, back.month), (Some(1), Some(1)));
        // Never paid back: 800 short.
        let back = at(&p, &[("2026-09-15", "200")], "2026-10-20");
        assert_eq!((back.day, back.short_by), (None, Some(d("800"))));
        // A month later in its life: 1 September to 30 September is
        // month 1, so 5 October is in month 2.
        let back = at(&p, &[("2026-10-05", "1000")], "2026-10-20");
        assert_eq!((back.day, back.month), (Some(35), Some(2)));
    }

    #[test]
    fn a_partnership_that_cost_nothing_never_pays_back() {
        let mut p = retainer("2026-09-01", None, "0");
        p.model = Model::OneOff;
        let back = at(&p, &[("2026-09-15", "100")], "2026-10-20");
        assert_eq!(back, Payback::default());
    }

    #[test]
    fn a_models_median_payback_month_may_be_a_half() {
        let paid = |m| Payback {
            day: Some(1),
            month: Some(m),
            short_by: None,
        };
        let got = model(&[
            (paid(1), true),
            (paid(2), true),
            (Payback::default(), true),
            (Payback::default(), false),
        ]);
        assert_eq!(got.paid_back, 2);
        assert_eq!(got.n_costed, 3);
        assert_eq!(got.median_payback_month, Some(1.5));
        assert_eq!(model(&[]).median_payback_month, None);
    }
}
