//! What changed in a month already sent (docs/history.md): each archived
//! month computed again with the archive's report date and compared with
//! what the archive recorded, figure by figure, with the reasons the
//! portfolio can give. A month that matches its archive gives nothing.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

use super::record::{self, MonthRecord};
use super::totals::{Figures, to_f64};
use crate::model::archive::{ArchiveFile, ArchivedSums};
use crate::model::{Archive, Client, Currency, Month, Settings};

mod compare;
#[cfg(test)]
mod tests;

pub(crate) use compare::compare;

/// A figure a month row and a partnership's month have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Figure {
    /// Cost booked.
    Cost,
    /// Revenue.
    Revenue,
    /// ROI.
    Roi,
    /// ROAS.
    Roas,
    /// Conversions.
    Conversions,
    /// Cost per acquisition.
    Cpa,
    /// Reach.
    Reach,
    /// Engagements.
    Engagements,
    /// Engagement rate.
    EngagementRate,
    /// Cost per thousand reached.
    CostPerThousandReached,
    /// Sponsored posts.
    SponsoredPosts,
    /// Organic mentions.
    OrganicPosts,
}

/// How a figure is compared and explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sort {
    /// A sum of money: at the currency's minor unit, explained by amounts.
    Money,
    /// A count: exactly, explained by amounts.
    Count,
    /// Money over a count (CPA, cost per thousand reached): at the minor
    /// unit, explained by the partnerships whose inputs moved.
    MoneyRatio,
    /// A ratio (ROI, ROAS, engagement rate): at 4 decimals, explained by
    /// the partnerships whose inputs moved.
    Ratio,
}

impl Figure {
    /// Every figure, in the order a report shows them.
    pub(crate) const ALL: [Figure; 12] = [
        Figure::Cost,
        Figure::Revenue,
        Figure::Roi,
        Figure::Roas,
        Figure::Conversions,
        Figure::Cpa,
        Figure::Reach,
        Figure::Engagements,
        Figure::EngagementRate,
        Figure::CostPerThousandReached,
        Figure::SponsoredPosts,
        Figure::OrganicPosts,
    ];

    /// Its key in data.json.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Figure::Cost => "cost",
            Figure::Revenue => "revenue",
            Figure::Roi => "roi",
            Figure::Roas => "roas",
            Figure::Conversions => "conversions",
            Figure::Cpa => "cpa",
            Figure::Reach => "reach",
            Figure::Engagements => "engagements",
            Figure::EngagementRate => "engagement_rate",
            Figure::CostPerThousandReached => "cost_per_thousand_reached",
            Figure::SponsoredPosts => "sponsored_posts",
            Figure::OrganicPosts => "organic_posts",
        }
    }

    /// How it compares.
    pub(crate) fn sort(self) -> Sort {
        match self {
            Figure::Cost | Figure::Revenue => Sort::Money,
            Figure::Cpa | Figure::CostPerThousandReached => Sort::MoneyRatio,
            Figure::Roi | Figure::Roas | Figure::EngagementRate => Sort::Ratio,
            _ => Sort::Count,
        }
    }

    /// Whether it is money, or a ratio of money: FX rates and the
    /// client's currency move it.
    pub(crate) fn of_money(self) -> bool {
        !matches!(
            self,
            Figure::Conversions
                | Figure::Reach
                | Figure::Engagements
                | Figure::EngagementRate
                | Figure::SponsoredPosts
                | Figure::OrganicPosts
        )
    }

    /// Its value among the figures of `sums`.
    pub(crate) fn of(self, sums: &ArchivedSums, f: &Figures) -> Value {
        match self {
            Figure::Cost => Value::Money(Some(sums.cost)),
            Figure::Revenue => Value::Money(Some(sums.revenue)),
            Figure::Roi => Value::Ratio(f.roi),
            Figure::Roas => Value::Ratio(f.roas),
            Figure::Conversions => Value::Count(count(sums.conversions)),
            Figure::Cpa => Value::Money(f.cpa),
            Figure::Reach => Value::Count(count(sums.reach)),
            Figure::Engagements => Value::Count(count(sums.engagements)),
            Figure::EngagementRate => Value::Ratio(f.engagement_rate),
            Figure::CostPerThousandReached => Value::Money(f.cost_per_thousand_reached),
            Figure::SponsoredPosts => Value::Count(count(sums.sponsored_posts)),
            Figure::OrganicPosts => Value::Count(count(sums.organic_posts)),
        }
    }

    /// Whether the inputs of this figure differ between two sums.
    pub(crate) fn inputs_differ(self, a: &ArchivedSums, b: &ArchivedSums) -> bool {
        let cost = a.cost != b.cost;
        match self {
            Figure::Roi | Figure::Roas => cost || a.revenue != b.revenue,
            Figure::Cpa => cost || a.conversions != b.conversions,
            Figure::CostPerThousandReached => cost || a.reach != b.reach,
            Figure::EngagementRate => {
                a.rated_engagements != b.rated_engagements
                    || a.rated_denominator != b.rated_denominator
            }
            other => other.of(a, &Figures::of_sums(a)) != other.of(b, &Figures::of_sums(b)),
        }
    }

    /// Whether the inputs of this figure are all zero in `s`: a
    /// partnership that appeared with them moved nothing.
    pub(crate) fn no_inputs(self, s: &ArchivedSums) -> bool {
        !self.inputs_differ(s, &ArchivedSums::default())
    }
}

impl Figures {
    /// The figures of archived sums.
    pub(crate) fn of_sums(s: &ArchivedSums) -> Figures {
        record::totals(s).figures()
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A figure's value: money (exact), a count, or a ratio; `None` undefined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value {
    /// Money, exact.
    Money(Option<Decimal>),
    /// A count, or a difference of counts.
    Count(i64),
    /// A ratio.
    Ratio(Option<f64>),
}

impl Default for Value {
    fn default() -> Value {
        Value::Count(0)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Money(Some(d)) => s.serialize_f64(to_f64(*d)),
            Value::Count(n) => s.serialize_i64(*n),
            Value::Ratio(Some(r)) => s.serialize_f64(*r),
            Value::Money(None) | Value::Ratio(None) => s.serialize_none(),
        }
    }
}

impl Value {
    /// Whether two values differ as a report shows them: money at the
    /// currency's minor unit (halves away from zero), counts exactly,
    /// ratios at 4 decimals; a value against none always.
    pub(crate) fn differs(&self, other: &Value, currency: Currency) -> bool {
        match (self, other) {
            (Value::Money(a), Value::Money(b)) => {
                a.map(|a| minor(a, currency)) != b.map(|b| minor(b, currency))
            }
            (Value::Count(a), Value::Count(b)) => a != b,
            (Value::Ratio(a), Value::Ratio(b)) => a.map(four) != b.map(four),
            _ => true,
        }
    }
}

/// Money at the currency's minor unit, halves away from zero.
pub(crate) fn minor(d: Decimal, currency: Currency) -> Decimal {
    d.round_dp_with_strategy(
        currency.minor_unit(),
        RoundingStrategy::MidpointAwayFromZero,
    )
}

/// A ratio at 4 decimals, halves away from zero, as a whole number of
/// ten-thousandths.
fn four(r: f64) -> i64 {
    (r * 10_000.0).round() as i64
}

/// One restated figure: data.json's `restatements` element.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Restatement {
    /// The month.
    pub month: Month,
    /// `None` for the month's row, else the partnership's id.
    pub partnership: Option<String>,
    /// Which figure.
    #[serde(serialize_with = "figure_name")]
    pub figure: Figure,
    /// As the archive recorded it.
    pub sent: Value,
    /// As it is now.
    pub now: Value,
    /// Why, as far as the portfolio can tell.
    pub because: Because,
}

fn figure_name<S: Serializer>(f: &Figure, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(f.name())
}

/// The reasons for a restated figure.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub(crate) struct Because {
    /// Partnerships whose same figure (a sum) or whose inputs (a ratio,
    /// without amounts) differ.
    pub partnerships: Vec<Moved>,
    /// Partnerships active in the month now that were not then.
    pub appeared: Vec<String>,
    /// Partnerships active then that are not now.
    pub disappeared: Vec<String>,
    /// A partnership that disappeared while another appeared with equal
    /// month figures.
    pub renamed: Vec<Renamed>,
    /// The month's FX rates that differ from the archive's.
    pub fx: Vec<RateMoved>,
    /// Settings that differ (and the roster version, when nothing else
    /// explains the change).
    pub settings: Vec<SettingMoved>,
    /// What the reasons above do not explain: the remainder of a sum, 0
    /// when they explain it all; for a ratio, its whole change when no
    /// reason is found, else 0.
    pub unexplained: Value,
}

/// A partnership's part in a restated figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Moved {
    /// Its id.
    pub id: String,
    /// Its figure as sent (`null` for a ratio's inputs).
    pub sent: Value,
    /// Its figure now (`null` for a ratio's inputs).
    pub now: Value,
}

/// A partnership that changed id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Renamed {
    /// The id as sent.
    pub from: String,
    /// The id now.
    pub to: String,
}

/// An FX rate of the month that moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct RateMoved {
    /// The currency converted from.
    pub from: String,
    /// The currency converted to.
    pub to: String,
    /// The rate as sent, `null` when the month had none.
    pub sent: Value,
    /// The rate now, `null` when the month has none.
    pub now: Value,
}

/// A setting that moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct SettingMoved {
    /// `currency`, `engagement_denominator` or `roster`.
    pub setting: &'static str,
    /// As sent.
    pub sent: String,
    /// Now.
    pub now: String,
}

/// One archived month that no longer matches its archive.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RestatedMonth {
    /// The month.
    pub month: Month,
    /// The report date it was archived with.
    pub as_of: NaiveDate,
    /// The archive file, relative to the portfolio.
    pub file: PathBuf,
    /// Each restated figure, the month's row first, then each
    /// partnership's by id, each by figure name (data.json's order).
    pub items: Vec<Restatement>,
}

impl RestatedMonth {
    /// The restated figures of the month's row, in the order a report
    /// shows them.
    pub(crate) fn row(&self) -> Vec<&Restatement> {
        let mut row: Vec<&Restatement> = (self.items.iter())
            .filter(|r| r.partnership.is_none())
            .collect();
        row.sort_by_key(|r| r.figure);
        row
    }

    /// The figure a notice names first: the month row's first in a
    /// report's order, else the first of a partnership's.
    pub(crate) fn first(&self) -> Option<&Restatement> {
        self.row().first().copied().or(self.items.first())
    }
}

/// data.json's `restatements`: every restated figure of every month.
pub(crate) fn items<S: Serializer>(months: &[RestatedMonth], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(months.iter().flat_map(|m| &m.items))
}

/// Every archived month of `c` that its data no longer matches, months
/// ascending.
pub(crate) fn restated(c: &Client, settings: &Settings) -> Vec<RestatedMonth> {
    (c.archives.iter())
        .filter_map(|a: &Archive| {
            let now = record::month(c, settings, a.as_of, a.month);
            let items = compare(c, settings, &a.record, &now);
            (!items.is_empty()).then(|| RestatedMonth {
                month: a.month,
                as_of: a.as_of,
                file: a.file.clone(),
                items,
            })
        })
        .collect()
}

/// The month's partnerships, as sent and now, by id.
pub(crate) struct Sides<'a> {
    /// As sent.
    pub sent: BTreeMap<&'a str, ArchivedSums>,
    /// Now.
    pub now: BTreeMap<&'a str, ArchivedSums>,
}

impl<'a> Sides<'a> {
    /// Both sides of `record` and `now`.
    pub(crate) fn of(c: &'a Client, record: &'a ArchiveFile, now: &MonthRecord) -> Sides<'a> {
        Sides {
            sent: (record.partnerships.iter())
                .map(|p| (p.id.as_str(), p.figures))
                .collect(),
            now: (now.partnerships.iter())
                .map(|(i, s)| (c.partnerships[*i].id.as_str(), *s))
                .collect(),
        }
    }
}
