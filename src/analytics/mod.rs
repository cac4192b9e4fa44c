//! Pure functions from the model to the figures of metrics.md.
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
//! (`groups`) and the months (`months`).

pub mod change;
pub mod cost;
pub mod daily;
pub mod engagement;
mod groups;
pub mod life;
mod months;
mod partnerships;
mod posts;
pub mod repeat;
pub mod stats;
pub mod totals;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Client, ClientId, Currency, Settings};
use daily::{DecayPoint, Window};
use engagement::PostNumberPoint;
use groups::Tally;
pub use groups::{MarketFigures, ModelFigures, PortfolioFigures};
pub use months::MonthFigures;
pub use partnerships::PartnershipFigures;
pub use posts::PostFacts;
pub use totals::{Figures, Totals};

/// The data.json schema version.
pub const SCHEMA: u32 = 1;

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
    /// Per post, in the client's post order: what the pages show of each.
    #[serde(skip)]
    pub posts: Vec<PostFacts>,
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

/// Every figure of one client at `as_of`.
pub fn client(c: &Client, settings: &Settings, as_of: NaiveDate) -> ClientFigures {
    let n = c.partnerships.len();
    let bookings: Vec<Vec<cost::Booking>> = c
        .partnerships
        .iter()
        .map(|p| cost::bookings(p, as_of, &settings.fx, c.currency))
        .collect();
    let mut tally = Tally::new(n);
    tally.book(&bookings);
    let mut posts = posts::to_date(c, settings, as_of, &mut tally);
    let numbered = posts::number(c, &mut posts);
    tally.repeats(&repeat::by_partnership(
        &c.orders,
        n,
        as_of,
        settings.repeat_window_days,
    ));
    let day_rows = daily::rows_to_date(c, as_of);
    let partnerships = c
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
    ClientFigures {
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
        months: months::figures(&tally.by_month, as_of),
        posts: posts.facts,
    }
}

/// data.json writes dates as the input does, `YYYY-MM-DD`.
pub(crate) mod date_text {
    use chrono::NaiveDate;
    use serde::Serializer;

    /// A date.
    pub fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// A date that may be missing, as `null`.
    pub fn optional<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests;
