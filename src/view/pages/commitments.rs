//! The commitments page (`commitments/index.html`): money ahead. The
//! headline answers "what's total annual investment?" (trailing twelve
//! months beside the annual run-rate, with what is committed and what runs
//! on until notice); then cost by month spent and committed
//! ([`super::cost_ahead`]), the budgets' pacing ([`super::budgets`]), the
//! renewal calendar grouped by contract and what each partnership commits.
//! [`brief`] is the same in short for the overview.

use rust_decimal::Decimal;
use serde::Serialize;

use super::budgets::{self, Pacing};
use super::{Card, ChartView, Ctx, Def, contract_text, cost_ahead, how};
use crate::analytics::ahead::{self, Renewal};
use crate::analytics::life::Recommendation;
use crate::model::{ContractKind, Model, Month};
use crate::view::i18n;
use crate::view::table::{Cell, Table};

/// The commitments page's `page` variable.
#[derive(Debug, Serialize)]
pub struct CommitmentsPage {
    /// Trailing twelve months, annual run-rate, committed, open-ended.
    pub cards: Vec<Card>,
    /// Cost by month, spent and committed, by market.
    pub chart: ChartView,
    /// Each market's run-rate and committed.
    pub markets: Table,
    /// Each budget's bar.
    pub budgets: Vec<Pacing>,
    /// Every figure of each budget.
    pub budget_table: Table,
    /// Retainers ending within 90 days, grouped by contract.
    pub renewals: Table,
    /// What each partnership commits, signed ones included.
    pub committed: Table,
    /// How we count.
    pub how: Vec<Def>,
}

/// Build the commitments page .
pub(crate) fn build(ctx: &Ctx) -> CommitmentsPage {
    CommitmentsPage {
        cards: cards(ctx),
        chart: cost_ahead::chart(ctx, "cost-by-month"),
        markets: markets(ctx),
        budgets: budgets::bars(ctx),
        budget_table: budgets::table(ctx),
        renewals: renewals(ctx),
        committed: committed(ctx),
        how: how::commitments(ctx),
    }
}

/// The last month with something committed, in words, or that nothing is.
fn committed_note(ctx: &Ctx) -> String {
    let a = &ctx.f.portfolio.ahead;
    match a.committed_by_month.last() {
        Some(last) if !a.committed.is_zero() => {
            i18n::catalogue(ctx.lang()).say.committed_until(last.month)
        }
        _ => ctx.t().nothing_committed.to_string(),
    }
}

/// "Total annual investment": what the last twelve months cost beside what
/// a year costs at today's fees, what is committed and what is open-ended.
fn cards(ctx: &Ctx) -> Vec<Card> {
    let (x, t, lang) = (&ctx.fmt, ctx.t(), ctx.lang());
    let a = &ctx.f.portfolio.ahead;
    let as_of = Month::of(ctx.as_of());
    let first = (0..11).fold(as_of, |m, _| m.prev());
    let open = ctx
        .client
        .partnerships
        .iter()
        .filter(|p| ahead::active(p, ctx.as_of()) && p.end.is_none())
        .count();
    vec![
        Card::new(t.trailing_12m, x.money(a.trailing_12m))
            .note(i18n::catalogue(lang).say.month_range(first, as_of), ""),
        Card::new(t.annual_run_rate, x.money(a.annual_run_rate)).note(
            format!("12 × {} {}", x.money(a.monthly_run_rate), t.per_month),
            "",
        ),
        Card::new(t.committed, x.money(a.committed)).note(committed_note(ctx), ""),
        Card::new(t.open_ended_monthly, x.money(a.open_ended_monthly))
            .note(i18n::catalogue(lang).say.open_ended_note(open), ""),
    ]
}

/// The umbrella agreement a renewal is under, if it names one.
fn umbrella(r: &Renewal) -> Option<&str> {
    (r.contract_type == Some(ContractKind::Umbrella))
        .then_some(r.contract_ref.as_deref())
        .flatten()
}

/// Each market's monthly run-rate and what it has committed, with the
/// portfolio's.
fn markets(ctx: &Ctx) -> Table {
    let (x, t) = (&ctx.fmt, ctx.t());
    let mut table = Table::new("markets-ahead", t.markets, ctx.download())
        .col(t.market)
        .sum(t.monthly_run_rate)
        .sum(t.committed);
    for m in &ctx.f.markets {
        table.row(vec![
            Cell::text(m.name.clone()).link(format!("../markets/{}/index.html", m.id)),
            x.c_money(Some(m.ahead.monthly_run_rate)),
            x.c_money(Some(m.ahead.committed)),
        ]);
    }
    let a = &ctx.f.portfolio.ahead;
    table.total(
        vec![
            Cell::text(t.total),
            x.c_money(Some(a.monthly_run_rate)),
            x.c_money(Some(a.committed)),
        ],
        t.rows_rounded,
    );
    table
}

/// The renewals, grouped: an umbrella agreement's with one another, in the
/// order of the first of each to end; every other contract on its own.
fn groups(renewals: &[Renewal]) -> Vec<Vec<&Renewal>> {
    let mut out: Vec<Vec<&Renewal>> = Vec::new();
    for r in renewals {
        let same = umbrella(r).and_then(|u| out.iter().position(|g| umbrella(g[0]) == Some(u)));
        match same {
            Some(k) => out[k].push(r),
            None => out.push(vec![r]),
        }
    }
    out
}

/// A recommendation as a badge.
pub(super) fn badge(ctx: &Ctx, r: Option<Recommendation>) -> Cell {
    r.map_or(Cell::text(""), |r| {
        Cell::text(i18n::catalogue(ctx.lang()).recommendation(r))
            .class(format!("badge {}", i18n::recommendation_class(r)))
    })
}

/// The renewal calendar: each group under a heading naming its contract,
/// its creators and their fees, each row with its days left, fee,
/// recommendation and the rule that gave it.
fn renewals(ctx: &Ctx) -> Table {
    let (x, t, lang) = (&ctx.fmt, ctx.t(), ctx.lang());
    let rules = i18n::catalogue(lang).rules();
    let mut table = Table::new("renewals", t.renewals, ctx.download())
        .col(t.creator)
        .col(t.contract)
        .col(t.end)
        .num(t.days_left)
        .num(t.monthly_fee)
        .col(t.recommendation)
        .col(t.why);
    for group in groups(&ctx.f.renewals) {
        let fee: Decimal = group.iter().map(|r| r.monthly_fee).sum();
        table.heading(i18n::catalogue(lang).say.contract_group(
            group[0].contract_type == Some(ContractKind::Umbrella),
            group[0].contract_ref.as_deref(),
            group.len(),
            &x.money(fee),
        ));
        for r in group {
            let contract = crate::model::Contract {
                kind: r.contract_type,
                reference: r.contract_ref.clone(),
            };
            let days = Cell::number(
                x.int(r.days_left.unsigned_abs()),
                Some(r.days_left.to_string()),
            );
            table.row(vec![
                Cell::text(ctx.creator_name(&r.id, &r.creator))
                    .link(format!("../partnerships/{}/index.html#advice", r.id)),
                Cell::text(contract_text(ctx, &contract)).class("contract"),
                Cell::text(i18n::catalogue(lang).date_short(r.end)),
                if r.days_left <= 30 {
                    days.class("soon")
                } else {
                    days
                },
                x.c_money(Some(r.monthly_fee)),
                badge(ctx, r.recommendation),
                Cell::text(r.recommendation.map_or("", |rec| {
                    rules[usize::from(rec.rule()).saturating_sub(1).min(5)]
                }))
                .class("reason"),
            ]);
        }
    }
    table
}

/// One row of the committed table before it is sorted.
struct Committed {
    cells: Vec<Cell>,
    amount: Decimal,
    id: String,
}

/// The end of a partnership for the committed table.
fn end_text(ctx: &Ctx, model: Model, end: Option<chrono::NaiveDate>) -> String {
    match (model, end) {
        (_, Some(e)) => i18n::catalogue(ctx.lang()).date_short(e),
        (Model::Retainer, None) => ctx.t().open_ended.to_string(),
        (Model::OneOff, None) => "—".to_string(),
    }
}

/// The rows of the committed table, unsorted: the partnerships with
/// something committed or running on until notice, then those signed to
/// start later, marked so.
fn committed_rows(ctx: &Ctx) -> Vec<Committed> {
    let (x, lang) = (&ctx.fmt, ctx.lang());
    let mut rows = Vec::new();
    let partnerships = ctx.client.partnerships.iter().zip(&ctx.f.partnerships);
    for (i, (p, pf)) in partnerships.enumerate() {
        let a = &pf.ahead;
        if a.committed.is_zero() && !ahead::active(p, ctx.as_of()) {
            continue;
        }
        rows.push(Committed {
            cells: vec![
                Cell::text(ctx.creator_name(&pf.id, &pf.creator))
                    .link(format!("../partnerships/{}/index.html", pf.id)),
                Cell::text(ctx.market_name(i)),
                Cell::text(i18n::catalogue(lang).model(p.model)),
                Cell::text(contract_text(ctx, &p.contract)).class("contract"),
                Cell::text(end_text(ctx, p.model, p.end)),
                x.c_money(a.monthly_fee),
                x.c_money(Some(a.committed)),
            ],
            amount: a.committed,
            id: p.id.to_string(),
        });
    }
    for (s, p) in ctx.f.signed.iter().zip(&ctx.client.signed) {
        let amount: Decimal = s.committed.iter().map(|b| b.amount).sum();
        let starts = i18n::catalogue(lang)
            .say
            .signed_starts(&i18n::catalogue(lang).date_short(s.start));
        rows.push(Committed {
            cells: vec![
                Cell::text(ctx.creator_name(&s.id, &s.creator)).mark(starts),
                Cell::text(ctx.client.markets[s.market].name.clone()),
                Cell::text(i18n::catalogue(lang).model(s.model)),
                Cell::text(contract_text(ctx, &p.contract)).class("contract"),
                Cell::text(end_text(ctx, s.model, s.end)),
                x.c_money(s.monthly_fee),
                x.c_money(Some(amount)),
            ],
            amount,
            id: s.id.to_string(),
        });
    }
    rows
}

/// What each partnership commits after the report date, the largest first,
/// with the total.
fn committed(ctx: &Ctx) -> Table {
    let t = ctx.t();
    let mut table = Table::new("committed", t.committed_by_partnership, ctx.download())
        .col(t.creator)
        .col(t.market)
        .col(t.model)
        .col(t.contract)
        .col(t.end)
        .num(t.monthly_fee)
        .sum(t.committed);
    let mut rows = committed_rows(ctx);
    rows.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.id.cmp(&b.id)));
    let any = !rows.is_empty();
    for r in rows {
        table.row(r.cells);
    }
    if any {
        let mut total = vec![Cell::text(t.total)];
        total.extend((0..5).map(|_| Cell::text("")));
        total.push(ctx.fmt.c_money(Some(ctx.f.portfolio.ahead.committed)));
        table.total(total, t.rows_rounded);
    }
    table
}

/// A retainer due for renewal within 30 days, for the overview.
#[derive(Debug, Serialize)]
pub struct Due {
    /// The creator.
    pub label: String,
    /// The partnership page.
    pub href: String,
    /// Its end, days left and fee.
    pub note: String,
    /// The recommendation's name, or empty.
    pub recommendation: &'static str,
    /// Its badge's class.
    pub class: &'static str,
}

/// The money ahead in brief, for the overview: the annual run-rate and
/// what is committed, the renewals due within 30 days, and the way to the
/// commitments page.
#[derive(Debug, Serialize)]
pub struct Brief {
    /// Annual run-rate and committed.
    pub cards: Vec<Card>,
    /// Renewals due within 30 days.
    pub due: Vec<Due>,
    /// The commitments page.
    pub href: String,
}

/// The renewals within 30 days of the report date, soonest first.
pub(crate) fn due_soon<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = &'a Renewal> + 'a {
    ctx.f.renewals.iter().filter(|r| r.days_left <= 30)
}

/// A renewal as a decision due: who, its end and days left, its fee, and
/// what is advised.
pub(crate) fn renewal_due(ctx: &Ctx, r: &Renewal) -> Due {
    let (x, t, lang) = (&ctx.fmt, ctx.t(), ctx.lang());
    let words = i18n::catalogue(lang);
    Due {
        label: ctx.creator_name(&r.id, &r.creator),
        href: format!("partnerships/{}/index.html#advice", r.id),
        note: format!(
            "{} · {} {}",
            words.say.end_in(&words.date(r.end), r.days_left),
            x.money(r.monthly_fee),
            t.per_month
        ),
        recommendation: r.recommendation.map_or("", |rec| words.recommendation(rec)),
        class: r.recommendation.map_or("", i18n::recommendation_class),
    }
}

/// The overview's brief.
pub(crate) fn brief(ctx: &Ctx) -> Brief {
    let (x, t) = (&ctx.fmt, ctx.t());
    let a = &ctx.f.portfolio.ahead;
    let due = due_soon(ctx).map(|r| renewal_due(ctx, r)).collect();
    Brief {
        cards: vec![
            Card::new(t.annual_run_rate, x.money(a.annual_run_rate)).note(
                format!("12 × {} {}", x.money(a.monthly_run_rate), t.per_month),
                "",
            ),
            Card::new(t.committed, x.money(a.committed)).note(committed_note(ctx), ""),
        ],
        due,
        href: "commitments/index.html".into(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::model::PartnershipId;

    fn renewal(id: &str, kind: Option<ContractKind>, reference: Option<&str>) -> Renewal {
        Renewal {
            id: PartnershipId::new(id),
            end: NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
            days_left: 10,
            contract_type: kind,
            contract_ref: reference.map(str::to_string),
            monthly_fee: Decimal::from(3500),
            recommendation: None,
            creator: id.to_string(),
        }
    }

    #[test]
    fn groups_an_umbrella_agreement_and_keeps_every_other_contract_alone() {
        let u = Some(ContractKind::Umbrella);
        let i = Some(ContractKind::Individual);
        let all = [
            renewal("a", u, Some("UA-1")),
            renewal("b", i, Some("UA-1")),
            renewal("c", u, Some("UA-2")),
            renewal("d", u, Some("UA-1")),
            renewal("e", u, None),
            renewal("f", u, None),
            renewal("g", None, None),
        ];
        let ids: Vec<Vec<&str>> = groups(&all)
            .iter()
            .map(|g| g.iter().map(|r| r.id.as_str()).collect())
            .collect();
        // An individual contract sharing an umbrella's reference is still its own.
        assert_eq!(
            ids,
            [
                vec!["a", "d"],
                vec!["b"],
                vec!["c"],
                vec!["e"],
                vec!["f"],
                vec!["g"]
            ]
        );
    }
}
