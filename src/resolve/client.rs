//! One client's raw input to its model. Each concern has its function
//! (the partnerships here; the rows that name them in [`super::rows`]; the
//! notes and the logo in [`super::notes`]), each reporting what it finds;
//! the client is left out of the model when any of them found an error.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Checked, Tally, at, fx_help, notes, rows};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::load::csv::Cell;
use crate::load::yaml::{Seg, join, join_index};
use crate::load::{RawClient, RawClientFile};
use crate::model::{Client, Denominator, Month, Partnership};

/// What every part of one client's resolution reads.
pub(super) struct Scope<'a> {
    /// The client's raw input.
    pub c: &'a RawClient,
    /// Its client.yaml, read.
    pub file: &'a RawClientFile,
    /// The settings it is checked with.
    pub checked: Checked<'a>,
    /// Whether rates to the client's currency are looked for: not when
    /// roster.yaml or the currency could not be read, which was reported.
    pub rates_checked: bool,
    /// The reporting currency.
    pub currency: String,
    /// The report date.
    pub as_of: NaiveDate,
    /// `clients/<id>`, for messages.
    pub client_dir: PathBuf,
}

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
            let (from, month) = (&p.fee.currency, Month::of(p.start));
            diags.push(
                Diagnostic::error(format!("no fx rate for {from}/{currency} in {month} or earlier (the fee is booked from {month})"))
                    .at(p.source.locate(&join(&join(&[], "fee"), "currency")))
                    .help(fx_help(from, &currency, month)),
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
                    Diagnostic::error(format!(
                        "no fx rate for {}/{currency} in {month} or earlier",
                        cost.amount.currency
                    ))
                    .at(p.source.locate(&path))
                    .help(fx_help(&cost.amount.currency, &currency, month)),
                );
            }
        }
        if checked.known
            && settings.engagement_denominator == Denominator::Followers
            && p.creator.followers.is_none()
        {
            diags.push(
                Diagnostic::error(
                    "missing `followers` in `creator`: roster.yaml has engagement_denominator: followers",
                )
                .at(p.source.locate_key(&join(&[], "creator")))
                .help("add `followers: <count>` under `creator:`, or divide engagements by reach or impressions in roster.yaml"),
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

/// The partnership ids rows may name: those in the model by index, and
/// those known but left out (starting after the report date, or whose file
/// could not be read), which are not reported again.
pub(super) struct Refs<'a> {
    index: HashMap<&'a str, usize>,
    /// Every partnership id of the client's files.
    pub known: BTreeSet<&'a str>,
    unknown: Tally,
}

impl<'a> Refs<'a> {
    fn new(c: &'a RawClient, partnerships: &'a [Partnership]) -> Refs<'a> {
        Refs {
            index: partnerships
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i))
                .collect(),
            known: c
                .partnerships
                .iter()
                .map(|p| p.id.as_str())
                .chain(c.broken_partnerships.iter().map(String::as_str))
                .collect(),
            unknown: Tally::default(),
        }
    }

    /// Whether the partnership `id` is in the model.
    pub fn has(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// The index of partnership `id`, named at `cell` of `file`; an id no
    /// file defines is counted for [`Refs::report`].
    pub fn resolve(&mut self, id: &str, file: &Path, cell: Cell) -> Option<usize> {
        if let Some(i) = self.index.get(id) {
            return Some(*i);
        }
        if !self.known.contains(id) {
            self.unknown.add(file, id, at(file, cell));
        }
        None
    }

    /// One error per file and unknown id, with the rows counted.
    fn report(self, s: &Scope, diags: &mut Diagnostics) {
        let (known, unknown_partnership, client_dir) = (self.known, self.unknown, &s.client_dir);
        let ids: Vec<&str> = known.iter().copied().collect();
        for ((file, value), (loc, n)) in unknown_partnership.seen {
            let rows = if n == 1 {
                "1 row names".to_string()
            } else {
                format!("{n} rows name")
            };
            let help = match did_you_mean(&value, ids.iter().copied()) {
                Some(s) => format!(
                    "did you mean \"{s}\"? partnerships are the files in {}/partnerships/",
                    client_dir.display()
                ),
                None => format!(
                    "add {}/partnerships/{value}.yaml or correct the id",
                    client_dir.display()
                ),
            };
            let _ = file;
            diags.push(
                Diagnostic::error(format!("{rows} unknown partnership \"{value}\""))
                    .at(loc)
                    .help(help),
            );
        }
    }
}
