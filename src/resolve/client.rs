//! One client's raw input to its model. Each concern has its function
//! (the partnerships here; the rows that name them in `rows`; the notes and
//! the logo in `notes`; what they share in `scope`), each reporting what it finds;
//! the client is left out of the model when any of them found an error.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::scope::{Refs, Scope};
use super::{Checked, notes, orders, rows};
use crate::diagnostics::kind::PortfolioProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::yaml::{Seg, join, join_index};
use crate::load::{RawClient, RawPartnership};
use crate::model::{
    Amount, Client, Currency, Denominator, ExtraCost, Month, PageSize, Partnership,
};

/// The client's model, or `None` when its input has errors.
pub(super) fn client(
    checked: Checked,
    c: &RawClient,
    as_of: NaiveDate,
    diags: &mut Diagnostics,
) -> Option<Client> {
    let file = c.file.as_ref()?;
    let errors_before = diags.error_count();
    let s = Scope {
        c,
        file,
        checked,
        // An unreadable client currency was reported in client.yaml: rates
        // to it cannot be looked for, and every "no rate" would repeat that.
        // The rest is still checked, in a stand-in currency, and the client
        // left out below.
        rates_checked: checked.known && file.currency.is_some(),
        currency: file.currency.unwrap_or(Currency::NONE),
        as_of,
        client_dir: PathBuf::from("clients").join(&c.id),
    };
    let (partnerships, signed) = partnerships(&s, diags);
    let mut refs = Refs::new(c, &partnerships);
    let (posts, post_places) = rows::posts(&s, (&mut refs, &partnerships), diags);
    let daily = rows::daily(&s, &posts, &post_places, diags);
    let acquired = orders::acquisitions(&s, &mut refs, diags);
    let shown = (&partnerships[..], &posts[..]);
    let client_notes = notes::notes(&s, &c.notes, shown, &refs, diags);
    let internal_notes = notes::notes(&s, &c.internal_notes, shown, &refs, diags);
    refs.report(&s, diags);
    notes::logo(&s, diags);
    if diags.error_count() > errors_before {
        return None;
    }
    let language = file.language.unwrap_or(checked.settings.language);
    let mut client = Client {
        id: c.id.clone(),
        name: file.name.clone(),
        currency: file.currency?,
        language,
        page_size: file
            .page_size
            .or(checked.settings.page_size)
            .unwrap_or(PageSize::default_for(language)),
        markets: file.markets.clone(),
        targets: file.targets.clone(),
        brand: file.brand.clone(),
        partnerships,
        signed,
        budgets: file.budgets.clone(),
        posts,
        daily,
        acquired,
        month_notes: client_notes.months,
        partnership_notes: client_notes.partnerships,
        internal_notes,
        assets: c.assets.clone(),
        archives: Vec::new(),
    };
    client.archives = super::archives::archives(&client, &c.archives, as_of, diags);
    Some(client)
}

/// The partnerships starting on or before the report date, and those
/// signed to start after it (left out of every figure to date, Precise
/// readings 4, and counted in the commitments), with their currencies
/// defaulted and checked for rates.
fn partnerships(s: &Scope, diags: &mut Diagnostics) -> (Vec<Partnership>, Vec<Partnership>) {
    let settings = s.checked.settings;
    let mut partnerships = Vec::new();
    let mut signed = Vec::new();
    for p in &s.c.partnerships {
        let fee = fee(s, p, diags);
        let extra_costs = extra_costs(s, p, diags);
        if s.checked.known
            && settings.engagement_denominator == Denominator::Followers
            && p.creator.followers.is_none()
        {
            diags.push(
                Diagnostic::error(PortfolioProblem::MissingFollowers)
                    .at(p.source.locate_key(&join(&[], "creator"))),
            );
        }
        let list = if p.start > s.as_of {
            &mut signed
        } else {
            &mut partnerships
        };
        list.push(Partnership {
            promo_codes: p.promo_codes.iter().map(|(c, _)| c.clone()).collect(),
            id: p.id.clone(),
            creator: p.creator.clone(),
            market: p.market,
            model: p.model,
            start: p.start,
            end: p.end,
            fee,
            posts_per_month: p.posts_per_month,
            contract: p.contract.clone(),
            extra_costs,
        });
    }
    (partnerships, signed)
}

/// The fee in its currency, the client's when none is given, with an error
/// when there is no rate from it in the month the fee is booked from (for
/// a fee after the report date, the report date's month: the future rate).
fn fee(s: &Scope, p: &RawPartnership, diags: &mut Diagnostics) -> Amount {
    let (to, month) = (s.currency, Month::of(p.start.min(s.as_of)));
    let fee = Amount {
        value: p.fee.value,
        currency: p.fee.currency.unwrap_or(to),
    };
    if s.rates_checked && !s.checked.settings.fx.can_convert(fee.currency, to, month) {
        diags.push(
            Diagnostic::error(PortfolioProblem::NoRateForFee {
                from: fee.currency,
                to,
                month,
            })
            .at(p.source.locate(&join(&join(&[], "fee"), "currency"))),
        );
    }
    fee
}

/// The extra costs in their currencies, the client's when none is given,
/// with an error for each booked to date in a month without a rate.
fn extra_costs(s: &Scope, p: &RawPartnership, diags: &mut Diagnostics) -> Vec<ExtraCost> {
    let to = s.currency;
    let mut costs = Vec::with_capacity(p.extra_costs.len());
    for (i, cost) in p.extra_costs.iter().enumerate() {
        let amount = Amount {
            value: cost.amount.value,
            currency: cost.amount.currency.unwrap_or(to),
        };
        // A cost after the report date is committed at its month's rate.
        let month = Month::of(cost.date.min(s.as_of));
        if s.rates_checked
            && !s
                .checked
                .settings
                .fx
                .can_convert(amount.currency, to, month)
        {
            let path: Vec<Seg> = join(&join_index(&join(&[], "extra_costs"), i), "currency");
            diags.push(
                Diagnostic::error(PortfolioProblem::NoRateForCost {
                    from: amount.currency,
                    to,
                    month,
                })
                .at(p.source.locate(&path)),
            );
        }
        costs.push(ExtraCost {
            date: cost.date,
            amount,
            label: cost.label.clone(),
        });
    }
    costs
}
