//! One client's raw input to its model. Each concern has its function
//! (the partnerships here; the rows that name them in `rows`; the notes and
//! the logo in `notes`; what they share in `scope`), each reporting what it finds;
//! the client is left out of the model when any of them found an error.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::scope::{Refs, Scope};
use super::{Checked, notes, rows};
use crate::diagnostics::kind::PortfolioProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::RawClient;
use crate::load::yaml::{Seg, join, join_index};
use crate::model::{Client, Denominator, Month, Partnership};

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
        rates_checked: checked.known && !file.currency.is_empty(),
        currency: file.currency.clone(),
        as_of,
        client_dir: PathBuf::from("clients").join(&c.id),
    };
    let partnerships = partnerships(&s, diags);
    let mut refs = Refs::new(c, &partnerships);
    let (posts, post_places) = rows::posts(&s, &mut refs, diags);
    let daily = rows::daily(&s, &posts, &post_places, diags);
    let orders = rows::orders(&s, &mut refs, diags);
    let (month_notes, partnership_notes) = notes::notes(&s, &partnerships, &posts, &refs, diags);
    refs.report(&s, diags);
    notes::logo(&s, diags);
    if diags.error_count() > errors_before {
        return None;
    }
    Some(Client {
        id: c.id.clone(),
        name: file.name.clone(),
        currency: s.currency,
        language: file.language.unwrap_or(checked.settings.language),
        markets: file.markets.clone(),
        targets: file.targets.clone(),
        brand: file.brand.clone(),
        partnerships,
        posts,
        daily,
        orders,
        month_notes,
        partnership_notes,
        assets: c.assets.clone(),
    })
}

/// The partnerships starting on or before the report date (the others are
/// left out entirely, Precise readings 4), with their currencies defaulted
/// and checked for rates.
fn partnerships(s: &Scope, diags: &mut Diagnostics) -> Vec<Partnership> {
    let (c, as_of, checked, rates_checked) = (s.c, s.as_of, s.checked, s.rates_checked);
    let (settings, currency) = (checked.settings, s.currency.clone());
    let fx = &settings.fx;
    let mut partnerships = Vec::new();
    for p in &c.partnerships {
        if p.start > as_of {
            continue;
        }
        let mut p = p.clone();
        if p.fee.currency.is_empty() {
            p.fee.currency = currency.clone();
        }
        if rates_checked
            && p.fee.currency != currency
            && !fx.can_convert(&p.fee.currency, &currency, Month::of(p.start))
        {
            diags.push(
                Diagnostic::error(PortfolioProblem::NoRateForFee {
                    from: p.fee.currency.to_string(),
                    to: currency.to_string(),
                    month: Month::of(p.start),
                })
                .at(p.source.locate(&join(&join(&[], "fee"), "currency"))),
            );
        }
        for (i, cost) in p.extra_costs.iter_mut().enumerate() {
            if cost.amount.currency.is_empty() {
                cost.amount.currency = currency.clone();
            }
            let month = Month::of(cost.date);
            if rates_checked
                && cost.date <= as_of
                && !fx.can_convert(&cost.amount.currency, &currency, month)
            {
                let path: Vec<Seg> = join(&join_index(&join(&[], "extra_costs"), i), "currency");
                diags.push(
                    Diagnostic::error(PortfolioProblem::NoRateForCost {
                        from: cost.amount.currency.to_string(),
                        to: currency.to_string(),
                        month,
                    })
                    .at(p.source.locate(&path)),
                );
            }
        }
        if checked.known
            && settings.engagement_denominator == Denominator::Followers
            && p.creator.followers.is_none()
        {
            diags.push(
                Diagnostic::error(PortfolioProblem::MissingFollowers)
                    .at(p.source.locate_key(&join(&[], "creator"))),
            );
        }
        partnerships.push(Partnership {
            id: p.id,
            creator: p.creator,
            market: p.market,
            model: p.model,
            start: p.start,
            end: p.end,
            fee: p.fee,
            posts_per_month: p.posts_per_month,
            contract: p.contract,
            extra_costs: p.extra_costs,
        });
    }
    partnerships
}
