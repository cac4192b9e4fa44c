//! Money ahead: what the contracts still bind the client to after `as_of`,
//! the run-rate of the retainers under way, the trailing twelve months, the
//! budgets and the renewals due (docs/metrics.md, "Money ahead"; Precise
//! readings 23 and 24).
//!
//! Every amount booked after `as_of` is converted at the rate of `as_of`'s
//! month, the latest known: the future rate.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::cost::{self, Booking};
use super::life::Recommendation;
use super::totals::{as_f64, to_f64};
use crate::model::{
    Budget, Client, ContractKind, Fx, MarketId, Model, Month, Partnership, PartnershipId,
};

/// An amount at the future rate, in the client's currency.
fn future(
    fx: &Fx,
    c: &Client,
    amount: Decimal,
    from: crate::model::Currency,
    as_of: NaiveDate,
) -> Decimal {
    cost::convert(fx, amount, from, c.currency, Month::of(as_of))
}

/// What a partnership's contract still binds the client to after `as_of`,
/// booked by month (docs/metrics.md, "Committed").
pub(crate) fn committed(p: &Partnership, as_of: NaiveDate, fx: &Fx, c: &Client) -> Vec<Booking> {
    let mut out = Vec::new();
    let fee = |amount: Decimal| future(fx, c, amount, p.fee.currency, as_of);
    match (p.model, p.end) {
        (Model::Retainer, Some(end)) if end > as_of => {
            let from = p.start.max(as_of + Duration::days(1));
            for m in Month::of(from).through(Month::of(end)) {
                let first = from.max(m.first_day());
                let last = end.min(m.last_day());
                let days = (last - first).num_days() + 1;
                out.push(Booking {
                    month: m,
                    amount: fee(p.fee.value * Decimal::from(days) / Decimal::from(m.days())),
                    extra: None,
                });
            }
        }
        (Model::OneOff, _) if p.start > as_of => out.push(Booking {
            month: Month::of(p.start),
            amount: fee(p.fee.value),
            extra: None,
        }),
        _ => {}
    }
    for e in p.extra_costs.iter().filter(|e| e.date > as_of) {
        out.push(Booking {
            month: Month::of(e.date),
            amount: future(fx, c, e.amount.value, e.amount.currency, as_of),
            extra: Some(e.label.clone().unwrap_or_default()),
        });
    }
    out
}

/// Whether a retainer is under way at `as_of`: started, and not ended
/// before it.
pub(crate) fn active(p: &Partnership, as_of: NaiveDate) -> bool {
    p.model == Model::Retainer && p.start <= as_of && p.end.is_none_or(|e| e >= as_of)
}

/// A partnership's money ahead and payback.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct PartnershipAhead {
    /// Committed after `as_of`.
    #[serde(serialize_with = "as_f64::serialize")]
    pub committed: Decimal,
    /// A retainer's fee a month, at the future rate.
    #[serde(serialize_with = "super::totals::as_f64_option::serialize")]
    pub monthly_fee: Option<Decimal>,
    /// The payback day, `start` being day 1.
    pub payback_day: Option<u32>,
    /// The partnership month of the payback day.
    pub payback_month: Option<u32>,
    /// Its discount codes, as written.
    pub promo_codes: Vec<String>,
    /// Committed bookings, by month, for the page.
    #[serde(skip)]
    pub committed_bookings: Vec<Booking>,
    /// An open-ended retainer going on at its fee for the twelve months
    /// after the report date's, by month: not committed; for the forward
    /// chart.
    #[serde(skip)]
    pub continuing_bookings: Vec<Booking>,
    /// Cost less revenue to date, when not paid back and behind.
    #[serde(skip)]
    pub short_by: Option<Decimal>,
}

/// A partnership signed to start after `as_of`: in no figure to date,
/// committed only; for the commitments page.
#[derive(Debug, Clone, PartialEq)]
pub struct Signed {
    /// Its id.
    pub id: PartnershipId,
    /// The creator's name.
    pub creator: String,
    /// Its market among the client's.
    pub market: crate::model::MarketIx,
    /// Its model.
    pub model: Model,
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day, if any.
    pub end: Option<NaiveDate>,
    /// A retainer's fee a month, at the future rate.
    pub monthly_fee: Option<Decimal>,
    /// What it commits, by month.
    pub committed: Vec<Booking>,
}

/// The partnerships signed to start after `as_of`, with what they commit.
pub(crate) fn signed(c: &Client, fx: &Fx, as_of: NaiveDate, ahead: &Ahead) -> Vec<Signed> {
    c.signed
        .iter()
        .zip(&ahead.signed)
        .map(|(p, committed)| Signed {
            id: p.id.clone(),
            creator: p.creator.name.clone(),
            market: p.market,
            model: p.model,
            start: p.start,
            end: p.end,
            monthly_fee: monthly_fee(p, fx, c, as_of),
            committed: committed.clone(),
        })
        .collect()
}

/// A month's committed amount.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MonthAmount {
    /// The month.
    pub month: Month,
    /// What is committed in it.
    #[serde(serialize_with = "as_f64::serialize")]
    pub amount: Decimal,
}

/// The portfolio's money ahead.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct PortfolioAhead {
    /// Committed after `as_of`, partnerships signed but not started included.
    #[serde(serialize_with = "as_f64::serialize")]
    pub committed: Decimal,
    /// The fees of the retainers under way, a month.
    #[serde(serialize_with = "as_f64::serialize")]
    pub monthly_run_rate: Decimal,
    /// 12 x the monthly run-rate.
    #[serde(serialize_with = "as_f64::serialize")]
    pub annual_run_rate: Decimal,
    /// The part of the monthly run-rate from retainers without an end.
    #[serde(serialize_with = "as_f64::serialize")]
    pub open_ended_monthly: Decimal,
    /// Cost booked in the 12 months ending with `as_of`'s.
    #[serde(rename = "trailing_12m_cost", serialize_with = "as_f64::serialize")]
    pub trailing_12m: Decimal,
    /// Committed by month, from `as_of`'s month (or the next) through the
    /// last with a booking.
    pub committed_by_month: Vec<MonthAmount>,
}

/// One market's money ahead.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct MarketAhead {
    /// Committed after `as_of`.
    #[serde(serialize_with = "as_f64::serialize")]
    pub committed: Decimal,
    /// The fees of its retainers under way, a month.
    #[serde(serialize_with = "as_f64::serialize")]
    pub monthly_run_rate: Decimal,
}

/// The money ahead of every partnership, signed ones included: committed
/// bookings, and the monthly fee of those under way.
pub(crate) struct Ahead {
    /// Per partnership of the client, in its order: committed bookings.
    pub committed: Vec<Vec<Booking>>,
    /// Per signed partnership: committed bookings.
    pub signed: Vec<Vec<Booking>>,
}

/// Committed bookings of every partnership and every signed one.
pub(crate) fn ahead(c: &Client, fx: &Fx, as_of: NaiveDate) -> Ahead {
    Ahead {
        committed: c
            .partnerships
            .iter()
            .map(|p| committed(p, as_of, fx, c))
            .collect(),
        signed: c
            .signed
            .iter()
            .map(|p| committed(p, as_of, fx, c))
            .collect(),
    }
}

/// The monthly fee of a retainer at the future rate; `None` for a one-off.
pub(crate) fn monthly_fee(
    p: &Partnership,
    fx: &Fx,
    c: &Client,
    as_of: NaiveDate,
) -> Option<Decimal> {
    (p.model == Model::Retainer).then(|| future(fx, c, p.fee.value, p.fee.currency, as_of))
}

fn sum(bookings: &[Booking]) -> Decimal {
    bookings.iter().map(|b| b.amount).sum()
}

/// The portfolio's figures, from every partnership's bookings to date and
/// committed ones.
pub(crate) fn portfolio(
    c: &Client,
    (fx, as_of): (&Fx, NaiveDate),
    ahead: &Ahead,
    to_date: &[&[Booking]],
) -> PortfolioAhead {
    let all: Vec<&Booking> = ahead
        .committed
        .iter()
        .chain(&ahead.signed)
        .flatten()
        .collect();
    let committed: Decimal = all.iter().map(|b| b.amount).sum();
    let (monthly, open) = run_rate(c.partnerships.iter(), fx, c, as_of);
    let first = (0..11).fold(Month::of(as_of), |m, _| m.prev());
    let trailing = to_date
        .iter()
        .flat_map(|b| b.iter())
        .filter(|b| b.month >= first && b.month <= Month::of(as_of))
        .map(|b| b.amount)
        .sum();
    PortfolioAhead {
        committed,
        monthly_run_rate: monthly,
        annual_run_rate: monthly * Decimal::from(12),
        open_ended_monthly: open,
        trailing_12m: trailing,
        committed_by_month: by_month(&all, as_of),
    }
}

/// The monthly run-rate of `partnerships`, and its open-ended part.
fn run_rate<'p>(
    partnerships: impl Iterator<Item = &'p Partnership>,
    fx: &Fx,
    c: &Client,
    as_of: NaiveDate,
) -> (Decimal, Decimal) {
    let mut monthly = Decimal::ZERO;
    let mut open = Decimal::ZERO;
    for p in partnerships.filter(|p| active(p, as_of)) {
        let fee = future(fx, c, p.fee.value, p.fee.currency, as_of);
        monthly += fee;
        if p.end.is_none() {
            open += fee;
        }
    }
    (monthly, open)
}

/// Committed bookings summed by month, every month from the day after
/// `as_of` through the last with a booking; `[]` when nothing is committed.
fn by_month(all: &[&Booking], as_of: NaiveDate) -> Vec<MonthAmount> {
    let Some(last) = all.iter().map(|b| b.month).max() else {
        return Vec::new();
    };
    Month::of(as_of + Duration::days(1))
        .through(last)
        .map(|m| MonthAmount {
            month: m,
            amount: all.iter().filter(|b| b.month == m).map(|b| b.amount).sum(),
        })
        .collect()
}

/// Each market's figures, in the client's market order.
pub(crate) fn markets(
    c: &Client,
    (fx, as_of): (&Fx, NaiveDate),
    ahead: &Ahead,
) -> Vec<(MarketId, MarketAhead)> {
    c.markets
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mine = |p: &&Partnership| p.market.index() == i;
            let committed = c
                .partnerships
                .iter()
                .zip(&ahead.committed)
                .chain(c.signed.iter().zip(&ahead.signed))
                .filter(|(p, _)| mine(p))
                .map(|(_, b)| sum(b))
                .sum();
            let (monthly, _) = run_rate(c.partnerships.iter().filter(mine), fx, c, as_of);
            let figures = MarketAhead {
                committed,
                monthly_run_rate: monthly,
            };
            (m.id.clone(), figures)
        })
        .collect()
}

/// A retainer up for renewal within 90 days.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Renewal {
    /// Its id.
    pub id: PartnershipId,
    /// Its end.
    #[serde(serialize_with = "super::date_text::date")]
    pub end: NaiveDate,
    /// end - as_of.
    pub days_left: i64,
    /// individual or umbrella.
    pub contract_type: Option<ContractKind>,
    /// The contract's reference.
    pub contract_ref: Option<String>,
    /// Its fee a month, at the future rate.
    #[serde(serialize_with = "as_f64::serialize")]
    pub monthly_fee: Decimal,
    /// What to do about it.
    pub recommendation: Option<Recommendation>,
    /// Why, for the page.
    #[serde(skip)]
    pub creator: String,
}

/// The retainers that have started and end within 90 days of `as_of`
/// (0 days included), by end then id; `recommendation(i)` is partnership
/// `i`'s.
pub(crate) fn renewals(
    c: &Client,
    (fx, as_of): (&Fx, NaiveDate),
    recommendation: impl Fn(usize) -> Option<Recommendation>,
) -> Vec<Renewal> {
    let mut out: Vec<Renewal> = c
        .partnerships
        .iter()
        .enumerate()
        .filter(|(_, p)| p.model == Model::Retainer && p.start <= as_of)
        .filter_map(|(i, p)| {
            let end = p.end?;
            let days_left = (end - as_of).num_days();
            (0..=90).contains(&days_left).then(|| Renewal {
                id: p.id.clone(),
                end,
                days_left,
                contract_type: p.contract.kind,
                contract_ref: p.contract.reference.clone(),
                monthly_fee: future(fx, c, p.fee.value, p.fee.currency, as_of),
                recommendation: recommendation(i),
                creator: p.creator.name.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.end.cmp(&b.end).then_with(|| a.id.cmp(&b.id)));
    out
}

/// A budget and how it stands.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BudgetFigures {
    /// The key as written.
    pub period: String,
    /// Its first day.
    #[serde(serialize_with = "super::date_text::date")]
    pub start: NaiveDate,
    /// Its last day.
    #[serde(serialize_with = "super::date_text::date")]
    pub end: NaiveDate,
    /// The amount.
    #[serde(serialize_with = "as_f64::serialize")]
    pub amount: Decimal,
    /// Cost booked in it, to date.
    #[serde(serialize_with = "as_f64::serialize")]
    pub spent: Decimal,
    /// Committed bookings in it.
    #[serde(serialize_with = "as_f64::serialize")]
    pub committed: Decimal,
    /// Spent, committed, and the open-ended retainers going on.
    #[serde(serialize_with = "as_f64::serialize")]
    pub projected: Decimal,
    /// amount - projected.
    #[serde(serialize_with = "as_f64::serialize")]
    pub remaining: Decimal,
    /// The share of its days on or before `as_of`.
    pub elapsed: f64,
    /// spent / amount.
    pub pacing: Option<f64>,
}

/// Every budget of the client, in its order.
pub(crate) fn budgets(
    c: &Client,
    (fx, as_of): (&Fx, NaiveDate),
    ahead: &Ahead,
    to_date: &[&[Booking]],
) -> Vec<BudgetFigures> {
    c.budgets
        .iter()
        .map(|b| budget(c, (fx, as_of), ahead, to_date, b))
        .collect()
}

fn budget(
    c: &Client,
    (fx, as_of): (&Fx, NaiveDate),
    ahead: &Ahead,
    to_date: &[&[Booking]],
    b: &Budget,
) -> BudgetFigures {
    let within = |m: Month| m >= Month::of(b.start) && m <= Month::of(b.end);
    let spent: Decimal = to_date
        .iter()
        .flat_map(|x| x.iter())
        .filter(|x| within(x.month))
        .map(|x| x.amount)
        .sum();
    let committed: Decimal = ahead
        .committed
        .iter()
        .chain(&ahead.signed)
        .flatten()
        .filter(|x| within(x.month))
        .map(|x| x.amount)
        .sum();
    let going_on: Decimal = c
        .partnerships
        .iter()
        .filter(|p| active(p, as_of) && p.end.is_none())
        .map(|p| going_on(p, (fx, as_of), c, b))
        .sum();
    let projected = spent + committed + going_on;
    let days = (b.end - b.start).num_days() + 1;
    let past = ((as_of.min(b.end) - b.start).num_days() + 1).clamp(0, days);
    BudgetFigures {
        period: b.period.clone(),
        start: b.start,
        end: b.end,
        amount: b.amount,
        spent,
        committed,
        projected,
        remaining: b.amount - projected,
        elapsed: past as f64 / days as f64,
        pacing: super::totals::ratio(spent, b.amount).map(to_f64),
    }
}

/// What an open-ended retainer costs in a budget's days after `as_of`, by
/// the cost rule (each month prorated by its own days), at the future rate.
fn going_on(p: &Partnership, (fx, as_of): (&Fx, NaiveDate), c: &Client, b: &Budget) -> Decimal {
    sum(&going_on_through(p, (fx, as_of), c, b.start, b.end))
}

/// How many months after the report date's the forward chart shows an
/// open-ended retainer going on.
pub(crate) const CONTINUING_MONTHS: u32 = 12;

/// An active open-ended retainer going on at its fee after `as_of`, booked
/// by the cost rule: the rest of the report date's month, then each of the
/// next twelve months; nothing for any other partnership. What the budgets'
/// `projected` assumes, month by month (docs/metrics.md, "Money ahead").
pub(crate) fn continuing(p: &Partnership, fx: &Fx, c: &Client, as_of: NaiveDate) -> Vec<Booking> {
    if !(active(p, as_of) && p.end.is_none()) {
        return Vec::new();
    }
    let last = (0..CONTINUING_MONTHS).fold(Month::of(as_of), |m, _| m.next());
    going_on_through(p, (fx, as_of), c, as_of, last.last_day())
}

/// An open-ended retainer's bookings from the later of `start`, the day
/// after `as_of` and its own start, through `end`: each month prorated by
/// its own days, at the future rate.
fn going_on_through(
    p: &Partnership,
    (fx, as_of): (&Fx, NaiveDate),
    c: &Client,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<Booking> {
    let from = start.max(as_of + Duration::days(1)).max(p.start);
    if from > end {
        return Vec::new();
    }
    Month::of(from)
        .through(Month::of(end))
        .map(|m| {
            let first = from.max(m.first_day());
            let last = end.min(m.last_day());
            let days = (last - first).num_days() + 1;
            let amount = p.fee.value * Decimal::from(days) / Decimal::from(m.days());
            Booking {
                month: m,
                amount: future(fx, c, amount, p.fee.currency, as_of),
                extra: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
