//! The budgets of the commitments page: each as a pacing bar (spent, then
//! committed, then the open-ended retainers going on, against the amount,
//! with the share of the period elapsed marked), and every figure of each
//! as a table.
//!
//! A bar is plain HTML and CSS: its segments' widths are shares of the
//! larger of the amount and the projection, worked out in `Decimal` from
//! the figures of data.json, so a projection past the budget shows the
//! overrun beyond the budget's line.

use chrono::Datelike;
use rust_decimal::Decimal;
use serde::Serialize;

use super::Ctx;
use crate::analytics::ahead::BudgetFigures;
use crate::model::Month;
use crate::view::i18n::{self, BudgetWords};
use crate::view::table::{Cell, Table};

/// One budget's bar.
#[derive(Debug, Serialize)]
pub struct Pacing {
    /// The period, written out: "2026", "Q4 2026", "November 2026".
    pub period: String,
    /// Its first and last days.
    pub dates: String,
    /// What is left, or by how much it is over.
    pub left: String,
    /// Whether the projection passes the amount.
    pub over: bool,
    /// The bar in one sentence, for a screen reader.
    pub label: String,
    /// Widths of spent, committed and going on, as CSS percentages.
    pub spent: String,
    /// See `spent`.
    pub committed: String,
    /// See `spent`.
    pub going_on: String,
    /// Where the amount ends: the bar's end, or short of it when the
    /// projection passes it.
    pub amount_at: String,
    /// Where the share of the period elapsed falls along the amount.
    pub elapsed_at: String,
    /// The legend, each figure with the key of its part of the bar.
    pub keys: Vec<Key>,
}

/// One entry of a bar's legend.
#[derive(Debug, Serialize)]
pub struct Key {
    /// What it is.
    pub label: &'static str,
    /// Its figure.
    pub value: String,
    /// The class of its key: `spent`, `committed`, `going-on`, `projected`,
    /// `amount` or `elapsed`.
    pub class: &'static str,
}

/// The period of a budget, written out.
pub(crate) fn period(ctx: &Ctx, b: &BudgetFigures) -> String {
    let lang = ctx.lang();
    let (start, end) = (b.start, b.end);
    if Month::of(start) == Month::of(end) {
        i18n::catalogue(lang).month(Month::of(start))
    } else if start.month() == 1 && end.month() == 12 && start.year() == end.year() {
        start.year().to_string()
    } else {
        i18n::catalogue(lang)
            .say
            .quarter(start.year(), (start.month() - 1) / 3 + 1)
    }
}

/// `part` as a CSS percentage of `whole`, 0% when `whole` is not above 0.
fn share(part: Decimal, whole: Decimal) -> String {
    if whole <= Decimal::ZERO {
        return "0%".into();
    }
    // Past exact arithmetic (a budget of 10^-26), the bar is full.
    let pct = part
        .max(Decimal::ZERO)
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(whole))
        .unwrap_or(Decimal::ONE_HUNDRED)
        .min(Decimal::ONE_HUNDRED)
        .round_dp(2)
        .normalize();
    format!("{pct}%")
}

/// Each budget's bar, in the client's order.
pub(crate) fn bars(ctx: &Ctx) -> Vec<Pacing> {
    ctx.f.budgets.iter().map(|b| bar(ctx, b)).collect()
}

fn bar(ctx: &Ctx, b: &BudgetFigures) -> Pacing {
    let (x, t, lang) = (&ctx.fmt, ctx.t(), ctx.lang());
    let scale = b.amount.max(b.projected);
    let going_on = (b.projected - b.spent - b.committed).max(Decimal::ZERO);
    let over = b.projected > b.amount;
    let elapsed = Decimal::from_f64_retain(b.elapsed).unwrap_or_default();
    let period = period(ctx, b);
    let money = |d: Decimal| x.money(d);
    let label = i18n::catalogue(lang).say.budget_bar(&BudgetWords {
        period: &period,
        amount: &money(b.amount),
        spent: &money(b.spent),
        committed: &money(b.committed),
        projected: &money(b.projected),
        elapsed: &x.pct(Some(b.elapsed)),
    });
    Pacing {
        dates: format!(
            "{} – {}",
            i18n::catalogue(lang).date_short(b.start),
            i18n::catalogue(lang).date_short(b.end)
        ),
        left: i18n::catalogue(lang)
            .say
            .budget_left(&money(b.remaining.abs()), over),
        over,
        label,
        spent: share(b.spent, scale),
        committed: share(b.committed, scale),
        going_on: share(going_on, scale),
        amount_at: share(b.amount, scale),
        elapsed_at: share(elapsed * b.amount, scale),
        keys: [
            (t.spent, money(b.spent), "spent"),
            (t.committed, money(b.committed), "committed"),
            (t.going_on, money(going_on), "going-on"),
            (t.projected, money(b.projected), "projected"),
            (t.budget_line, money(b.amount), "amount"),
            (t.elapsed, x.pct(Some(b.elapsed)), "elapsed"),
        ]
        .into_iter()
        .map(|(label, value, class)| Key {
            label,
            value,
            class,
        })
        .collect(),
        period,
    }
}

/// Every figure of each budget; each bar's heading has its dates.
pub(crate) fn table(ctx: &Ctx) -> Table {
    let (x, t) = (&ctx.fmt, ctx.t());
    let mut table = Table::new("budgets", t.budgets, ctx.download())
        .col(t.period)
        .num(t.amount)
        .num(t.spent)
        .num(t.committed)
        .num(t.projected)
        .num(t.remaining)
        .num(t.elapsed)
        .num(t.pacing);
    for b in &ctx.f.budgets {
        let remaining = x.c_money(Some(b.remaining));
        table.row(vec![
            Cell::text(period(ctx, b)),
            x.c_money(Some(b.amount)),
            x.c_money(Some(b.spent)),
            x.c_money(Some(b.committed)),
            x.c_money(Some(b.projected)),
            if b.remaining < Decimal::ZERO {
                remaining.class("down")
            } else {
                remaining
            },
            x.c_pct(Some(b.elapsed)),
            x.c_pct(b.pacing),
        ]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn widths_are_exact_shares_of_the_bar() {
        // 21570.43 / 102903.87 = 20.961... %; 96400 / 102903.87 = 93.679... %.
        assert_eq!(share(d("21570.43"), d("102903.87")), "20.96%");
        assert_eq!(share(d("96400"), d("102903.87")), "93.68%");
        assert_eq!(share(d("5"), d("5")), "100%");
        // Nothing to share, a negative part, a part past the whole.
        assert_eq!(share(d("5"), Decimal::ZERO), "0%");
        assert_eq!(share(d("-5"), d("10")), "0%");
        assert_eq!(share(d("15"), d("10")), "100%");
    }
}
