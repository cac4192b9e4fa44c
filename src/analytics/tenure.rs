//! The money by partnership month (docs/metrics.md, "Compounding"): what
//! each partnership booked in its month 1, 2, 3..., and per model the
//! months pooled over the partnerships that have completed them, with the
//! cumulative ROI over the same partnerships.
//!
//! Every amount keeps the rate of its own date's calendar month: only its
//! partnership month moves. A retainer's calendar month that two
//! partnership months share is split by day, the last piece taking what
//! the others leave of the month's booking. Decimal sums carry 28
//! significant digits, and the months group the same amounts differently
//! from the partnership's own sums, so they could differ in the 28th digit;
//! the current month takes what the months before it leave of the
//! partnership's cost and revenue to date ([`Months::settle`]), and the
//! months add up to them exactly.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::cost::{self, convert};
use super::life;
use super::totals::{as_f64, as_f64_option, ratio, to_f64};
use crate::model::{Client, Currency, Fx, Model, Month, Partnership};

/// What one partnership month booked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Booked {
    /// Cost, in the client's currency.
    pub cost: Decimal,
    /// Revenue of the posts published in it, in the client's currency.
    pub revenue: Decimal,
    /// Their conversions (known cells).
    pub conversions: u64,
}

impl std::ops::AddAssign for Booked {
    fn add_assign(&mut self, o: Booked) {
        self.cost += o.cost;
        self.revenue += o.revenue;
        self.conversions += o.conversions;
    }
}

impl Booked {
    fn roi(&self) -> Option<f64> {
        ratio(self.revenue - self.cost, self.cost).map(to_f64)
    }
}

/// One partnership's life by its months.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Months {
    /// Month k at index k - 1, from 1 to the current month.
    pub booked: Vec<Booked>,
    /// Whether the current month is complete: the partnership is over (a
    /// one-off, or a retainer whose `end` is on or before the report date).
    pub over: bool,
}

impl Months {
    /// The current month (the last booked).
    pub fn current(&self) -> u32 {
        u32::try_from(self.booked.len()).unwrap_or(u32::MAX)
    }

    /// Whether month `k` is complete.
    pub fn complete(&self, k: u32) -> bool {
        k < self.current() || (k == self.current() && self.over)
    }

    /// Let the current month's cost and revenue be what the months before
    /// it (summed in order) leave of `(cost, revenue)`, the partnership's
    /// to date: the months then add up to them exactly. What moves is
    /// rounding in the 28th significant digit, never an amount.
    pub(crate) fn settle(&mut self, (cost, revenue): (Decimal, Decimal)) {
        let Some((last, before)) = self.booked.split_last_mut() else {
            return;
        };
        let sum = before.iter().fold(Booked::default(), |mut a, b| {
            a += *b;
            a
        });
        last.cost = cost - sum.cost;
        last.revenue = revenue - sum.revenue;
    }

    fn add(&mut self, k: u32, b: Booked) {
        // A date before `start` is month 1; one after the current month
        // (after `end`) is the current month.
        let last = self.booked.len().max(1) - 1;
        let i = (k.max(1) as usize - 1).min(last);
        if let Some(m) = self.booked.get_mut(i) {
            *m += b;
        }
    }
}

/// A post to date of a partnership: its date, revenue in the client's
/// currency and conversions.
pub(crate) type PostMoney = (NaiveDate, Option<Decimal>, Option<u64>);

/// The months of partnership `p` at `as_of`, with its posts to date,
/// settled against its cost and revenue to date (`total`, as the
/// partnership's figures sum them: see [`Months::settle`]).
pub(crate) fn months(
    p: &Partnership,
    posts: impl IntoIterator<Item = PostMoney>,
    money: (&Fx, Currency),
    as_of: NaiveDate,
    total: (Decimal, Decimal),
) -> Months {
    let mut m = unsettled(p, posts, money, as_of);
    m.settle(total);
    m
}

/// The months of partnership `p` as its amounts fall, before settling.
fn unsettled(
    p: &Partnership,
    posts: impl IntoIterator<Item = PostMoney>,
    (fx, currency): (&Fx, Currency),
    as_of: NaiveDate,
) -> Months {
    let current = life::current_month(p, as_of).max(1);
    let over = match p.model {
        Model::OneOff => true,
        Model::Retainer => p.end.is_some_and(|e| e <= as_of),
    };
    let mut out = Months {
        booked: vec![Booked::default(); current as usize],
        over,
    };
    match p.model {
        Model::Retainer => fees(p, (fx, currency), as_of, &mut out),
        Model::OneOff => {
            let fee = convert(
                fx,
                p.fee.value,
                p.fee.currency,
                currency,
                Month::of(p.start),
            );
            out.add(1, cost_of(fee));
        }
    }
    for c in p.extra_costs.iter().filter(|c| c.date <= as_of) {
        let m = Month::of(c.date);
        let amount = convert(fx, c.amount.value, c.amount.currency, currency, m);
        out.add(life::partnership_month(p.start, c.date), cost_of(amount));
    }
    for (date, revenue, conversions) in posts {
        let b = Booked {
            cost: Decimal::ZERO,
            revenue: revenue.unwrap_or_default(),
            conversions: conversions.unwrap_or(0),
        };
        out.add(life::partnership_month(p.start, date), b);
    }
    out
}

fn cost_of(amount: Decimal) -> Booked {
    Booked {
        cost: amount,
        ..Booked::default()
    }
}

/// A retainer's fee, day by day: each calendar month's booking (as the
/// cost rule makes it) split among the partnership months its days fall in.
fn fees(p: &Partnership, (fx, currency): (&Fx, Currency), as_of: NaiveDate, out: &mut Months) {
    let last = cost::last_active_day(p, as_of);
    for a in cost::active_days(p, as_of) {
        let whole = p.fee.value * Decimal::from(a.days) / Decimal::from(a.length);
        let whole = convert(fx, whole, p.fee.currency, currency, a.month);
        let to = last.min(a.month.last_day());
        let mut day = p.start.max(a.month.first_day());
        let mut given = Decimal::ZERO;
        while day <= to {
            let k = life::partnership_month(p.start, day);
            let next = life::month_start(p.start, k + 1).unwrap_or(NaiveDate::MAX);
            let Some(end) = next.pred_opt().map(|e| e.min(to)) else {
                break;
            };
            let amount = if end == to {
                whole - given
            } else {
                let days = (end - day).num_days() + 1;
                let part = p.fee.value * Decimal::from(days) / Decimal::from(a.length);
                convert(fx, part, p.fee.currency, currency, a.month)
            };
            given += amount;
            out.add(k, cost_of(amount));
            let Some(after) = end.succ_opt() else { break };
            day = after;
        }
    }
}

/// One model's partnership month k, over the partnerships that have
/// completed it (data.json's `tenure`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TenureMonth {
    /// retainer or one_off.
    pub model: Model,
    /// k.
    pub month: u32,
    /// Partnerships whose month k is complete.
    pub n: usize,
    /// Partnerships whose month k is in progress (left out).
    pub n_in_progress: usize,
    /// Cost booked in month k by the `n`.
    #[serde(serialize_with = "as_f64::serialize")]
    pub cost: Decimal,
    /// Their revenue in month k.
    #[serde(serialize_with = "as_f64::serialize")]
    pub revenue: Decimal,
    /// Their conversions in month k.
    pub conversions: u64,
    /// (revenue - cost) / cost of month k.
    pub roi: Option<f64>,
    /// cost / conversions of month k.
    #[serde(serialize_with = "as_f64_option::serialize")]
    pub cpa: Option<Decimal>,
    /// Cost of months 1 to k, over the same `n`.
    #[serde(serialize_with = "as_f64::serialize")]
    pub cumulative_cost: Decimal,
    /// Revenue of months 1 to k, over the same `n`.
    #[serde(serialize_with = "as_f64::serialize")]
    pub cumulative_revenue: Decimal,
    /// ROI of months 1 to k, over the same `n`.
    pub cumulative_roi: Option<f64>,
}

/// Per model (one_off first) and month, every partnership's months pooled.
pub(crate) fn tenure(c: &Client, months: &[Months]) -> Vec<TenureMonth> {
    let mut out = Vec::new();
    for model in [Model::OneOff, Model::Retainer] {
        let of_model: Vec<&Months> = (c.partnerships.iter().zip(months))
            .filter(|(p, _)| p.model == model)
            .map(|(_, m)| m)
            .collect();
        let last = of_model.iter().map(|m| m.current()).max().unwrap_or(0);
        for k in 1..=last {
            out.push(pooled(model, k, &of_model));
        }
    }
    out
}

/// Month `k` of `model`, pooled over `of_model`.
fn pooled(model: Model, k: u32, of_model: &[&Months]) -> TenureMonth {
    let (mut month, mut cumulative) = (Booked::default(), Booked::default());
    let (mut n, mut n_in_progress) = (0, 0);
    for m in of_model {
        if m.complete(k) {
            n += 1;
            month += m.booked[k as usize - 1];
            m.booked[..k as usize].iter().for_each(|b| cumulative += *b);
        } else if k == m.current() {
            n_in_progress += 1;
        }
    }
    TenureMonth {
        model,
        month: k,
        n,
        n_in_progress,
        cost: month.cost,
        revenue: month.revenue,
        conversions: month.conversions,
        roi: month.roi(),
        cpa: ratio(month.cost, Decimal::from(month.conversions)),
        cumulative_cost: cumulative.cost,
        cumulative_revenue: cumulative.revenue,
        cumulative_roi: cumulative.roi(),
    }
}

#[cfg(test)]
#[path = "tenure_tests.rs"]
mod tests;
