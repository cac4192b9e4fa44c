//! The chart of the commitments page: cost by month, spent to date (the
//! partnerships' bookings), committed after the report date (their
//! committed bookings and those of partnerships signed to start later) and
//! continuing (the open-ended retainers going on at their fee, as the
//! run-rate and the budgets count them, not committed), stacked by market,
//! with the report date drawn between past and ahead.
//!
//! The months shown are the trailing twelve of the headline (from the first
//! month with a cost, when the portfolio is younger) through the twelfth
//! month after the report date's, or the last month with something
//! committed when that is later, so the chart's spent and committed totals
//! are the headline's trailing-twelve-months and committed figures, and no
//! month ahead falls below the open-ended retainers' fees.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::charts::{frame, legend, month_label};
use super::{ChartView, Ctx, Legend};
use crate::analytics::ahead::CONTINUING_MONTHS;
use crate::analytics::cost::Booking;
use crate::charts::columns::{Column, ColumnChart, Fill, Segment};
use crate::charts::{Role, columns};
use crate::model::Month;
use crate::view::table::{Cell, Table};
use crate::view::{format, i18n};

/// The colour of each market, by its place among the client's markets, in
/// turn: a market keeps its colour whichever months have costs.
const MARKET_ROLES: [Role; 5] = [Role::S1, Role::S2, Role::S3, Role::S4, Role::Accent];

/// A market's colour.
fn market_role(i: usize) -> Role {
    MARKET_ROLES[i % MARKET_ROLES.len()]
}

/// One market's cost in one month.
#[derive(Clone, Copy, Default)]
struct Sums {
    /// Booked to date.
    spent: Decimal,
    /// Committed after the report date.
    committed: Decimal,
    /// Open-ended retainers going on, not committed.
    continuing: Decimal,
}

impl Sums {
    fn total(&self) -> Decimal {
        self.spent + self.committed + self.continuing
    }
}

/// Per month, per market of the client.
type ByMonth = BTreeMap<Month, Vec<Sums>>;

/// Which of a month's sums a booking adds to.
#[derive(Clone, Copy)]
enum Kind {
    Spent,
    Committed,
    Continuing,
}

/// Every booking to date, committed and continuing, summed by month and
/// market.
fn by_month(ctx: &Ctx) -> ByMonth {
    let n = ctx.client.markets.len();
    let mut out = ByMonth::new();
    let mut add = |market: usize, bookings: &[Booking], kind: Kind| {
        for b in bookings {
            let cell = &mut out
                .entry(b.month)
                .or_insert_with(|| vec![Sums::default(); n])[market];
            match kind {
                Kind::Spent => cell.spent += b.amount,
                Kind::Committed => cell.committed += b.amount,
                Kind::Continuing => cell.continuing += b.amount,
            }
        }
    };
    for (p, pf) in ctx.client.partnerships.iter().zip(&ctx.f.partnerships) {
        let m = p.market.index();
        add(m, &pf.bookings, Kind::Spent);
        add(m, &pf.ahead.committed_bookings, Kind::Committed);
        add(m, &pf.ahead.continuing_bookings, Kind::Continuing);
    }
    for s in &ctx.f.signed {
        add(s.market.index(), &s.committed, Kind::Committed);
    }
    out
}

/// The months of the chart, each with its sums by market; empty when
/// nothing was ever booked, committed or going on.
fn months(ctx: &Ctx) -> Vec<(Month, Vec<Sums>)> {
    let all = by_month(ctx);
    let as_of = Month::of(ctx.as_of());
    let window = (0..11).fold(as_of, |m, _| m.prev());
    let ahead = (0..CONTINUING_MONTHS).fold(as_of, |m, _| m.next());
    let (Some(first), Some(last)) = (all.keys().next(), all.keys().next_back()) else {
        return Vec::new();
    };
    let zero = vec![Sums::default(); ctx.client.markets.len()];
    (*first)
        .max(window)
        .through((*last).max(ahead))
        .map(|m| (m, all.get(&m).cloned().unwrap_or_else(|| zero.clone())))
        .collect()
}

/// Cost by month, spent and committed, stacked by market.
pub(crate) fn chart(ctx: &Ctx, id: &str) -> ChartView {
    let (x, lang, t) = (&ctx.fmt, ctx.lang(), ctx.t());
    let title = t.cost_ahead_title;
    let months = months(ctx);
    let as_of = Month::of(ctx.as_of());
    let spent: Decimal = months.iter().flat_map(|(_, v)| v).map(|c| c.spent).sum();
    let committed: Decimal = months
        .iter()
        .flat_map(|(_, v)| v)
        .map(|c| c.committed)
        .sum();
    let ahead = &ctx.f.portfolio.ahead.committed_by_month;
    let committed_span = match (ahead.first(), ahead.last()) {
        (Some(a), Some(b)) if !committed.is_zero() => Some((a.month, b.month, x.money(committed))),
        _ => None,
    };
    let first = months.first().map_or(as_of, |m| m.0);
    let open = ctx.f.portfolio.ahead.open_ended_monthly;
    let open_ended = (!open.is_zero()).then(|| x.money(open));
    let desc = i18n::catalogue(lang).say.cost_ahead_desc(
        (first, as_of, &x.money(spent)),
        committed_span
            .as_ref()
            .map(|(a, b, c)| (*a, *b, c.as_str())),
        open_ended.as_deref(),
    );
    let currency = ctx.client.currency;
    let fmt = move |v: f64| format::compact_money(v, currency, lang);
    let frame = frame(ctx, id, title, &desc);
    let svg = if months.is_empty() {
        crate::charts::empty(&frame, t.no_data, 280)
    } else {
        let columns = months
            .iter()
            .enumerate()
            .map(|(k, (m, by_market))| column(month_label(lang, *m, k == 0), by_market))
            .collect();
        columns::render(&ColumnChart {
            frame,
            height: 300,
            columns,
            divider: months
                .iter()
                .position(|(m, _)| *m == as_of)
                .map(|k| (k, i18n::catalogue(lang).date_short(ctx.as_of()))),
            y_format: &fmt,
        })
    };
    let table = table(ctx, (id, title), &months);
    ChartView::new(id, title, svg, legends(ctx, &months), table)
}

/// One month's column: each market's spent, then each market's committed,
/// pale, then each market's continuing, fainter.
fn column(label: String, by_market: &[Sums]) -> Column {
    let layer = |fill: Fill, get: fn(&Sums) -> Decimal| {
        by_market.iter().enumerate().map(move |(i, c)| Segment {
            role: market_role(i),
            value: get(c).to_f64().unwrap_or_default(),
            fill,
        })
    };
    let spent = layer(Fill::Solid, |c| c.spent);
    let committed = layer(Fill::Pale, |c| c.committed);
    let continuing = layer(Fill::Faint, |c| c.continuing);
    Column {
        label,
        segments: spent.chain(committed).chain(continuing).collect(),
    }
}

/// The markets with a cost in the months shown, then what pale and the
/// dashed line mean.
fn legends(ctx: &Ctx, months: &[(Month, Vec<Sums>)]) -> Vec<Legend> {
    let t = ctx.t();
    let mut out: Vec<Legend> = ctx
        .client
        .markets
        .iter()
        .enumerate()
        .filter(|(i, _)| months.iter().any(|(_, v)| !v[*i].total().is_zero()))
        .map(|(i, m)| legend(&m.name, market_role(i), "square"))
        .collect();
    out.push(legend(t.committed_pale, Role::Muted, "light"));
    if (months.iter().flat_map(|(_, v)| v)).any(|c| !c.continuing.is_zero()) {
        out.push(legend(t.continuing_faint, Role::Muted, "faint"));
    }
    out.push(legend(t.report_date, Role::MutedDash, "dash"));
    out
}

/// The chart's data: each month's cost by market, spent, committed,
/// continuing and in all, the report date's month marked, and the totals.
fn table(ctx: &Ctx, (id, title): (&str, &str), months: &[(Month, Vec<Sums>)]) -> Table {
    let (x, lang, t) = (&ctx.fmt, ctx.lang(), ctx.t());
    let mut table = Table::new(id, title, ctx.download()).col(t.month);
    for m in &ctx.client.markets {
        table = table.sum(m.name.clone());
    }
    table = (table.sum(t.spent).sum(t.committed))
        .sum(t.continuing)
        .sum(t.total);
    let as_of = Month::of(ctx.as_of());
    let n = ctx.client.markets.len();
    let mut sums = vec![Decimal::ZERO; n + 4];
    for (m, by_market) in months {
        let mut cells = vec![Cell::text(i18n::catalogue(lang).month(*m))];
        let mut values: Vec<Decimal> = by_market.iter().map(Sums::total).collect();
        values.push(by_market.iter().map(|c| c.spent).sum());
        values.push(by_market.iter().map(|c| c.committed).sum());
        values.push(by_market.iter().map(|c| c.continuing).sum());
        values.push(by_market.iter().map(Sums::total).sum());
        for (sum, v) in sums.iter_mut().zip(&values) {
            *sum += *v;
        }
        cells.extend(values.into_iter().map(|v| x.c_money(Some(v))));
        table.row_with(cells, if *m == as_of { "current" } else { "" });
    }
    if !months.is_empty() {
        let mut cells = vec![Cell::text(t.total)];
        cells.extend(sums.into_iter().map(|v| x.c_money(Some(v))));
        table.total(cells, t.rows_rounded);
    }
    table
}
