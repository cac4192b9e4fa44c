//! A sent report's record, `clients/<id>/archive/<MONTH>.json`
//! (docs/history.md): the file's shape, written by `roster archive` and read
//! back by every later build, and the checked record a build compares with.
//!
//! Money is written as the exact decimal the build computed, as a JSON
//! number, and read back from its text, never through a float, so that a
//! comparison at the currency's minor unit is exact.

use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Month;

/// The archive format this roster writes and reads.
pub(crate) const FORMAT: u32 = 1;

/// An archive file, as written.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArchiveFile {
    /// [`FORMAT`].
    pub format: u32,
    /// The roster version that wrote it.
    pub roster: String,
    /// The client's id.
    pub client: String,
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The report date it was computed with, `YYYY-MM-DD`.
    pub as_of: String,
    /// What the month's figures depend on.
    pub settings: ArchivedSettings,
    /// The month's row, as data.json's `months` gives it, with the parts of
    /// its engagement rate.
    pub month_row: ArchivedRow,
    /// Each partnership with a cost booked or a post published in the
    /// month, ids ascending.
    pub partnerships: Vec<ArchivedPartnership>,
    /// The effective rate of each currency the month's amounts were
    /// converted from.
    pub fx: Vec<ArchivedRate>,
}

/// The settings a month's figures depend on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ArchivedSettings {
    /// The client's currency.
    pub currency: String,
    /// What an engagement rate divides by: `reach`, `impressions` or
    /// `followers`.
    pub engagement_denominator: String,
}

/// What a month or a partnership's month adds up.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ArchivedSums {
    /// Cost booked.
    #[serde(with = "exact")]
    pub cost: Decimal,
    /// Revenue of the posts published.
    #[serde(with = "exact")]
    pub revenue: Decimal,
    /// Conversions.
    pub conversions: u64,
    /// Reach.
    pub reach: u64,
    /// Engagements.
    pub engagements: u64,
    /// Engagements of the posts whose engagement rate is defined.
    pub rated_engagements: u64,
    /// The denominators of those posts.
    pub rated_denominator: u64,
    /// Sponsored posts published.
    pub sponsored_posts: u64,
    /// Organic mentions published.
    pub organic_posts: u64,
}

/// The month's row as sent.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArchivedRow {
    /// `YYYY-MM`.
    pub month: String,
    /// Cost booked.
    #[serde(with = "exact")]
    pub cost: Decimal,
    /// Revenue.
    #[serde(with = "exact")]
    pub revenue: Decimal,
    /// ROI as sent.
    pub roi: Option<f64>,
    /// ROAS as sent.
    pub roas: Option<f64>,
    /// Conversions.
    pub conversions: u64,
    /// Cost per acquisition as sent.
    #[serde(with = "exact_option")]
    pub cpa: Option<Decimal>,
    /// Reach.
    pub reach: u64,
    /// Engagements.
    pub engagements: u64,
    /// Engagement rate as sent.
    pub engagement_rate: Option<f64>,
    /// Cost per thousand reached as sent.
    #[serde(with = "exact_option")]
    pub cost_per_thousand_reached: Option<Decimal>,
    /// Sponsored posts.
    pub sponsored_posts: u64,
    /// Organic mentions.
    pub organic_posts: u64,
    /// Engagements of the posts whose engagement rate is defined.
    pub rated_engagements: u64,
    /// The denominators of those posts.
    pub rated_denominator: u64,
}

impl ArchivedRow {
    /// The row's sums.
    pub fn sums(&self) -> ArchivedSums {
        ArchivedSums {
            cost: self.cost,
            revenue: self.revenue,
            conversions: self.conversions,
            reach: self.reach,
            engagements: self.engagements,
            rated_engagements: self.rated_engagements,
            rated_denominator: self.rated_denominator,
            sponsored_posts: self.sponsored_posts,
            organic_posts: self.organic_posts,
        }
    }
}

/// One partnership's month as sent.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArchivedPartnership {
    /// Its id.
    pub id: String,
    /// The creator's name.
    pub creator: String,
    /// The name in English, where the partnership gives one per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The name in Russian, where the partnership gives one per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ru: Option<String>,
    /// Its month's sums.
    pub figures: ArchivedSums,
}

/// An effective rate: 1 `from` = `rate` `to`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ArchivedRate {
    /// The currency converted from.
    pub from: String,
    /// The client's currency.
    pub to: String,
    /// The rate used, after fallback and inversion.
    #[serde(with = "exact")]
    pub rate: Decimal,
}

/// A checked archive of one client: its file, month and report date, and
/// what it recorded.
#[derive(Debug, Clone)]
pub struct Archive {
    /// The file, relative to the portfolio.
    pub file: PathBuf,
    /// The month it records.
    pub month: Month,
    /// The report date it was computed with.
    pub as_of: NaiveDate,
    /// What it recorded.
    pub record: ArchiveFile,
}

/// A decimal as a JSON number with its exact digits, both ways.
pub(crate) mod exact {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};
    use serde_json::value::RawValue;

    /// The number's text: the decimal, without trailing zeros.
    pub(crate) fn text(d: &Decimal) -> String {
        d.normalize().to_string()
    }

    /// Write `d` as a JSON number.
    pub(crate) fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(text(d)).map_err(serde::ser::Error::custom)?;
        serde::Serialize::serialize(&raw, s)
    }

    /// Read a JSON number as written.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let raw: Box<RawValue> = Deserialize::deserialize(d)?;
        parse(raw.get()).ok_or_else(|| {
            serde::de::Error::custom(format!("expected an amount, found {}", raw.get()))
        })
    }

    /// A JSON number's text as a decimal: plain or with an exponent.
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        if text.starts_with('"') {
            return None;
        }
        text.parse::<Decimal>()
            .ok()
            .or_else(|| Decimal::from_scientific(text).ok())
    }
}

/// An optional decimal as a JSON number or `null`.
pub(crate) mod exact_option {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};
    use serde_json::value::RawValue;

    /// Write `d` as a JSON number, or `null`.
    pub(crate) fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::exact::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    /// Read a JSON number as written, or `null`.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        let raw: Option<Box<RawValue>> = Deserialize::deserialize(d)?;
        match raw {
            None => Ok(None),
            Some(raw) if raw.get() == "null" => Ok(None),
            Some(raw) => super::exact::parse(raw.get()).map(Some).ok_or_else(|| {
                serde::de::Error::custom(format!("expected an amount, found {}", raw.get()))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn money_goes_through_the_file_with_every_digit() {
        // 0.145 is no float: a float would read it as 0.14499999... and
        // round it to 0.14 where the exact decimal rounds to 0.15.
        let rate = ArchivedRate {
            from: "RUB".into(),
            to: "USD".into(),
            rate: d("0.1450000000000000000000000001"),
        };
        let text = serde_json::to_string(&rate).unwrap();
        assert_eq!(
            text,
            r#"{"from":"RUB","to":"USD","rate":0.1450000000000000000000000001}"#
        );
        let back: ArchivedRate = serde_json::from_str(&text).unwrap();
        assert_eq!(back, rate);
        let trailing: ArchivedRate =
            serde_json::from_str(r#"{"from":"RUB","to":"USD","rate":2.50}"#).unwrap();
        assert_eq!(exact::text(&trailing.rate), "2.5");
        let exponent: ArchivedRate =
            serde_json::from_str(r#"{"from":"RUB","to":"USD","rate":1.5e-2}"#).unwrap();
        assert_eq!(exponent.rate, d("0.015"));
        assert!(
            serde_json::from_str::<ArchivedRate>(r#"{"from":"a","to":"b","rate":"1"}"#).is_err()
        );
    }
}
