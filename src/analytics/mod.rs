//! Pure functions from the model to the figures of docs/metrics.md.
//!
//! Nothing here reads a file or the clock: [`client`] takes a validated
//! [`Client`] and the report date and returns every figure the site and
//! data.json show. Money stays a `Decimal` throughout; ratios become `f64`
//! only at the end, and an undefined one is `None`.
//!
//! [`client`] only sequences the passes, each in the module that owns its
//! figures: costs booked ([`cost`]), posts to date summed and numbered
//! (`posts`), repeat customers ([`repeat`]), daily rows ([`daily`]), then
//! each partnership (`partnerships`), the portfolio, markets and models
//! (`groups`) and the months (`months`), each with its partnerships' own
//! figures ([`creators`]).

pub(crate) mod ahead;
pub(crate) mod change;
pub(crate) mod compounding;
pub(crate) mod cost;
pub(crate) mod creators;
pub(crate) mod customers;
pub(crate) mod daily;
pub(crate) mod engagement;
mod groups;
pub(crate) mod life;
pub(crate) mod lift;
pub(crate) mod month_ends;
mod months;
mod partnerships;
pub(crate) mod payback;
mod posts;
pub(crate) mod record;
pub(crate) mod repeat;
pub(crate) mod restated;
pub(crate) mod stats;
pub(crate) mod tenure;
pub(crate) mod totals;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Client, ClientId, Currency, Month, Settings};
use daily::{DecayPoint, Window};
use engagement::PostNumberPoint;
use groups::Tally;
pub(crate) use groups::{MarketFigures, ModelFigures, PortfolioFigures};
pub(crate) use months::{MonthFigures, SoFar};
pub(crate) use partnerships::PartnershipFigures;
pub(crate) use posts::PostFacts;
pub(crate) use totals::Figures;

/// The data.json schema version.
pub(crate) const SCHEMA: u32 = 3;

/// Every figure of one client, in data.json's shape and order.
#[derive(Debug, Clone, Serialize)]
pub struct ClientFigures {
    /// Schema version.
    pub schema: u32,
    /// Who.
    pub client: ClientInfo,
    /// The report date.
    #[serde(serialize_with = "date_text::date")]
    pub as_of: NaiveDate,
    /// The portfolio to date.
    pub portfolio: PortfolioFigures,
    /// Every market of client.yaml, ids ascending.
    pub markets: Vec<MarketFigures>,
    /// Models that have a partnership.
    pub models: Vec<ModelFigures>,
    /// The headline curve.
    pub engagement_by_post_number: Vec<PostNumberPoint>,
    /// Engagement by day after publication.
    pub engagement_decay: Vec<DecayPoint>,
    /// Cumulative conversions by day.
    pub conversion_window: Vec<Window>,
    /// Partnerships, ids ascending.
    pub partnerships: Vec<PartnershipFigures>,
    /// Calendar months, ascending.
    pub months: Vec<MonthFigures>,
    /// Retainers up for renewal within 90 days, by end then id.
    pub renewals: Vec<ahead::Renewal>,
    /// Budgets of client.yaml, by start then the longer first.
    pub budgets: Vec<ahead::BudgetFigures>,
    /// The money by partnership month, per model (schema 3).
    pub tenure: Vec<tenure::TenureMonth>,
    /// Whether the partnerships compound (schema 3).
    pub compounding: compounding::Compounding,
    /// The archived months that no longer match their archive, months
    /// ascending; in data.json each restated figure, as `restatements`.
    #[serde(rename = "restatements", serialize_with = "restated::items")]
    pub(crate) restated: Vec<restated::RestatedMonth>,
    /// The headline figures to date at the end of each month, for the
    /// overview's first screen (in no list of data.json).
    #[serde(skip)]
    pub month_ends: Vec<month_ends::MonthEnd>,
    /// Each partnership's own months, in the portfolio's partnership
    /// order: for its page (in no list of data.json).
    #[serde(skip)]
    pub partnership_months: Vec<tenure::Months>,
    /// Partnerships signed to start after `as_of`, ids ascending: for the
    /// commitments page (in no list of data.json).
    #[serde(skip)]
    pub signed: Vec<ahead::Signed>,
    /// Per post, in the client's post order: what the pages show of each.
    #[serde(skip)]
    pub posts: Vec<PostFacts>,
    /// The report date's month while it is not over, with the month before
    /// to the same day: for the monthly report (in no list of data.json).
    #[serde(skip)]
    pub so_far: Option<months::SoFar>,
}

/// The client, as data.json names it.
#[derive(Debug, Clone, Serialize)]
pub struct ClientInfo {
    /// Folder name.
    pub id: ClientId,
    /// Display name.
    pub name: String,
    /// Reporting currency.
    pub currency: Currency,
}

/// Each partnership's bookings to `as_of`, tallied with the posts to date.
fn tallied(
    c: &Client,
    settings: &Settings,
    as_of: NaiveDate,
) -> (Vec<Vec<cost::Booking>>, Tally, posts::ToDate) {
    // A partnership that starts after `as_of` is signed, not running: only
    // a month computed again with an archive's earlier report date meets
    // one here, and the report of that date left it out.
    let bookings: Vec<Vec<cost::Booking>> = c
        .partnerships
        .iter()
        .map(|p| match p.start > as_of {
            true => Vec::new(),
            false => cost::bookings(p, as_of, &settings.fx, c.currency),
        })
        .collect();
    let mut tally = Tally::new(c.partnerships.len());
    tally.book(&bookings);
    let posts = posts::to_date(c, settings, as_of, &mut tally);
    (bookings, tally, posts)
}

/// The report date's month while it is not over, and the month before to
/// the same day of the month: as a build whose report date is that day
/// gives its last month.
fn so_far(c: &Client, settings: &Settings, as_of: NaiveDate) -> Option<months::SoFar> {
    let month = Month::of(as_of);
    if as_of == month.last_day() {
        return None;
    }
    let before_through = as_of.checked_sub_months(chrono::Months::new(1))?;
    let (_, tally, _) = tallied(c, settings, before_through);
    Some(months::SoFar {
        month,
        through: as_of,
        before_through,
        before: months::one(c, &tally, before_through, Month::of(before_through)),
    })
}

/// Every figure of one client at `as_of`.
pub fn client(c: &Client, settings: &Settings, as_of: NaiveDate) -> ClientFigures {
    let n = c.partnerships.len();
    let (bookings, mut tally, mut posts) = tallied(c, settings, as_of);
    let numbered = posts::number(c, &mut posts);
    tally.repeats(&repeat::by_partnership(
        &c.acquired,
        n,
        as_of,
        settings.repeat_window_days,
    ));
    let day_rows = daily::rows_to_date(c, as_of);
    let partnerships: Vec<PartnershipFigures> = c
        .partnerships
        .iter()
        .zip(bookings)
        .enumerate()
        .map(|(i, (p, bookings))| {
            let made = partnerships::Made {
                group: tally.per[i],
                fit: numbered.fits[i],
                bookings,
            };
            partnerships::figures(c, settings, as_of, p, made)
        })
        .collect();
    let mut figures = ClientFigures {
        schema: SCHEMA,
        client: ClientInfo {
            id: c.id.clone(),
            name: c.name.clone(),
            currency: c.currency,
        },
        as_of,
        portfolio: groups::portfolio(c, &tally.per),
        markets: groups::markets(c, &tally.per, numbered.market_curves),
        models: groups::models(c, &tally.per),
        engagement_by_post_number: engagement::by_post_number(numbered.curve),
        engagement_decay: daily::decay(&day_rows),
        conversion_window: daily::windows(&day_rows),
        partnerships,
        months: months::figures(c, &tally, as_of),
        renewals: Vec::new(),
        budgets: Vec::new(),
        tenure: Vec::new(),
        compounding: compounding::compounding(&[], &[]),
        partnership_months: Vec::new(),
        month_ends: Vec::new(),
        signed: Vec::new(),
        posts: posts.facts,
        so_far: so_far(c, settings, as_of),
        restated: restated::restated(c, settings),
    };
    money_ahead(c, settings, as_of, &mut figures);
    compounds(c, settings, as_of, &mut figures);
    let window = settings.repeat_window_days;
    figures.month_ends = month_ends::month_ends(c, &figures.months, as_of, window);
    figures
}

/// The figures of schema 3 (docs/metrics.md, "Compounding"): the money by
/// partnership month and the verdict.
fn compounds(c: &Client, settings: &Settings, as_of: NaiveDate, f: &mut ClientFigures) {
    let mut posts: Vec<Vec<tenure::PostMoney>> = vec![Vec::new(); c.partnerships.len()];
    for (post, fact) in c.posts.iter().zip(&f.posts) {
        if fact.to_date {
            let money = (post.date, fact.revenue, post.counts.conversions);
            posts[post.partnership.index()].push(money);
        }
    }
    let money = (&settings.fx, c.currency);
    f.partnership_months = (c.partnerships.iter().zip(posts).zip(&f.partnerships))
        .map(|((p, posts), pf)| {
            let total = (pf.figures.cost, pf.figures.revenue);
            tenure::months(p, posts, money, as_of, total)
        })
        .collect();
    f.tenure = tenure::tenure(c, &f.partnership_months);
    f.compounding = compounding::compounding(&f.engagement_by_post_number, &f.models);
}

/// The figures of schema 2 that look ahead (docs/metrics.md, "Money ahead",
/// "Payback"), added to those to date.
fn money_ahead(c: &Client, settings: &Settings, as_of: NaiveDate, f: &mut ClientFigures) {
    let fx = &settings.fx;
    let ahead = ahead::ahead(c, fx, as_of);
    let to_date: Vec<&[cost::Booking]> = f.partnerships.iter().map(|p| &p.bookings[..]).collect();
    f.portfolio.ahead = ahead::portfolio(c, (fx, as_of), &ahead, &to_date);
    for (m, (_, a)) in f
        .markets
        .iter_mut()
        .zip(ahead::markets(c, (fx, as_of), &ahead))
    {
        m.ahead = a;
    }
    f.budgets = ahead::budgets(c, (fx, as_of), &ahead, &to_date);
    let mut revenue = vec![Vec::new(); c.partnerships.len()];
    for (post, fact) in c.posts.iter().zip(&f.posts) {
        if let (true, Some(r)) = (fact.to_date, fact.revenue) {
            revenue[post.partnership.index()].push((post.date, r));
        }
    }
    for (i, (p, pf)) in c.partnerships.iter().zip(&mut f.partnerships).enumerate() {
        let back = payback::payback(p, &revenue[i], (fx, c.currency), as_of);
        pf.ahead = ahead::PartnershipAhead {
            committed: ahead.committed[i].iter().map(|b| b.amount).sum(),
            monthly_fee: ahead::monthly_fee(p, fx, c, as_of),
            payback_day: back.day,
            payback_month: back.month,
            promo_codes: p.promo_codes.clone(),
            committed_bookings: ahead.committed[i].clone(),
            continuing_bookings: ahead::continuing(p, fx, c, as_of),
            short_by: back.short_by,
        };
    }
    for m in &mut f.models {
        let of_model: Vec<(payback::Payback, bool)> = f
            .partnerships
            .iter()
            .filter(|p| p.model == m.model)
            .map(|p| {
                let back = payback::Payback {
                    day: p.ahead.payback_day,
                    month: p.ahead.payback_month,
                    short_by: None,
                };
                (back, p.figures.cost > rust_decimal::Decimal::ZERO)
            })
            .collect();
        m.payback = payback::model(&of_model);
    }
    let recommendation = |i: usize| f.partnerships[i].recommendation;
    f.renewals = ahead::renewals(c, (fx, as_of), recommendation);
    f.signed = ahead::signed(c, fx, as_of, &ahead);
}

/// data.json writes dates as the input does, `YYYY-MM-DD`.
pub(crate) mod date_text {
    use chrono::NaiveDate;
    use serde::Serializer;

    /// A date.
    pub(crate) fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// A date that may be missing, as `null`.
    pub(crate) fn optional<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests;
