//! What a month's report says, as `roster archive` records it and every
//! later build computes it again to compare (docs/history.md): the month's
//! sums, each active partnership's, and the rates the month converted at.
//! One function makes both sides, so that a month whose data did not
//! change compares equal by construction.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cost;
use super::groups::Group;
use super::totals::Totals;
use crate::model::archive::{
    ArchiveFile, ArchivedPartnership, ArchivedRate, ArchivedRow, ArchivedSettings, ArchivedSums,
    FORMAT,
};
use crate::model::{Client, Currency, Language, Model, Month, Settings};

/// Month `m` as a build with report date `as_of` gives it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MonthRecord {
    /// The month.
    pub month: Month,
    /// Its sums.
    pub row: ArchivedSums,
    /// Each partnership with a cost booked or a post published in it, by
    /// index in the client's partnerships (ids ascending), with its sums.
    pub partnerships: Vec<(usize, ArchivedSums)>,
    /// The effective rate of each currency converted from in it, by code.
    pub fx: Vec<(Currency, Decimal)>,
}

/// A group's sums as an archive holds them.
fn sums(g: &Group) -> ArchivedSums {
    let t = &g.totals;
    ArchivedSums {
        cost: t.cost,
        revenue: t.revenue,
        conversions: t.conversions,
        reach: t.reach,
        engagements: t.engagements,
        rated_engagements: t.rated_engagements,
        rated_denominator: t.rated_denominator,
        sponsored_posts: g.sponsored,
        organic_posts: g.organic,
    }
}

/// The totals of archived sums, whose figures are the ratios.
pub(crate) fn totals(s: &ArchivedSums) -> Totals {
    Totals {
        cost: s.cost,
        revenue: s.revenue,
        conversions: s.conversions,
        reach: s.reach,
        engagements: s.engagements,
        rated_engagements: s.rated_engagements,
        rated_denominator: s.rated_denominator,
    }
}

/// Month `m` of `c` with report date `as_of`.
pub(crate) fn month(c: &Client, settings: &Settings, as_of: NaiveDate, m: Month) -> MonthRecord {
    let (_, tally, _) = super::tallied(c, settings, as_of);
    let row = tally.by_month.get(&m).map(sums).unwrap_or_default();
    let partnerships = (tally.per_month.get(&m).into_iter())
        .flat_map(|own| own.iter().map(|(&i, g)| (i, sums(g))))
        .collect();
    MonthRecord {
        month: m,
        row,
        partnerships,
        fx: rates(c, settings, as_of, m),
    }
}

/// The rate of each currency other than the client's that an amount of
/// month `m` was converted from: fees, extra costs and posts' revenue.
fn rates(c: &Client, settings: &Settings, as_of: NaiveDate, m: Month) -> Vec<(Currency, Decimal)> {
    let mut from = std::collections::BTreeSet::new();
    for p in c.partnerships.iter().filter(|p| p.start <= as_of) {
        let fee_in_m = match p.model {
            Model::Retainer => cost::active_days(p, as_of).iter().any(|a| a.month == m),
            Model::OneOff => Month::of(p.start) == m,
        };
        if fee_in_m {
            from.insert(p.fee.currency);
        }
        let extras = p.extra_costs.iter().filter(|e| e.date <= as_of);
        from.extend(
            extras
                .filter(|e| Month::of(e.date) == m)
                .map(|e| e.amount.currency),
        );
    }
    let running = |p: &crate::model::Post| c.partnerships[p.partnership].start <= as_of;
    let posts =
        (c.posts.iter()).filter(|p| p.date <= as_of && Month::of(p.date) == m && running(p));
    from.extend(posts.filter(|p| p.revenue.is_some()).map(|p| p.currency));
    from.remove(&c.currency);
    from.into_iter()
        .filter_map(|f| Some((f, settings.fx.rate(f, c.currency, m)?)))
        .collect()
}

/// The archive file of month `m` of `c`, as a build with report date
/// `as_of` reports it.
pub(crate) fn archive_file(
    c: &Client,
    settings: &Settings,
    as_of: NaiveDate,
    m: Month,
) -> ArchiveFile {
    let record = month(c, settings, as_of, m);
    let f = totals(&record.row).figures();
    let row = &record.row;
    let name_in = |p: &crate::model::Partnership, lang: Language| {
        (p.creator.names.iter())
            .find(|(l, _)| *l == lang)
            .map(|(_, n)| n.clone())
    };
    ArchiveFile {
        format: FORMAT,
        roster: env!("CARGO_PKG_VERSION").to_string(),
        client: c.id.to_string(),
        month: m.to_string(),
        as_of: as_of.to_string(),
        settings: settings_of(c, settings),
        month_row: ArchivedRow {
            month: m.to_string(),
            cost: row.cost,
            revenue: row.revenue,
            roi: f.roi,
            roas: f.roas,
            conversions: row.conversions,
            cpa: f.cpa,
            reach: row.reach,
            engagements: row.engagements,
            engagement_rate: f.engagement_rate,
            cost_per_thousand_reached: f.cost_per_thousand_reached,
            sponsored_posts: row.sponsored_posts,
            organic_posts: row.organic_posts,
            rated_engagements: row.rated_engagements,
            rated_denominator: row.rated_denominator,
        },
        partnerships: (record.partnerships.iter())
            .map(|(i, s)| {
                let p = &c.partnerships[*i];
                ArchivedPartnership {
                    id: p.id.to_string(),
                    creator: p.creator.name.clone(),
                    name_en: name_in(p, Language::En),
                    name_ru: name_in(p, Language::Ru),
                    figures: *s,
                }
            })
            .collect(),
        fx: (record.fx.iter())
            .map(|(from, rate)| ArchivedRate {
                from: from.to_string(),
                to: c.currency.to_string(),
                rate: *rate,
            })
            .collect(),
    }
}

/// The settings a month's figures depend on, as an archive writes them.
pub(crate) fn settings_of(c: &Client, settings: &Settings) -> ArchivedSettings {
    ArchivedSettings {
        currency: c.currency.to_string(),
        engagement_denominator: settings.engagement_denominator.as_str().to_string(),
    }
}
