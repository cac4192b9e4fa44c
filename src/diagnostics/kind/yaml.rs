//! The wording of problems with YAML syntax and the reading of YAML fields
//! (load/yaml, load/files, load/partnership).
//!
//! The field problems name the key and what was found there, already put
//! in words (`the text "3k"`, `a list`) by the reader, which knows the YAML
//! value; the sentence around them is written here, once for every file.

use std::fmt;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostics::shorten;
use crate::model::{reserved_help, windows_reserved};

/// The fix for nesting too deep, kept out of the code that writes it: its
/// lone brackets would be taken for the code's own.
const NEVER_CLOSED: &str = "for a `[` or `{` that is never closed";

// Messages too long to sit on one line of the match that words them.
const ALIAS_BOMB: &str =
    "invalid YAML: its aliases repeat their anchored values too many times to read";
const FX_NOT_A_MAPPING: &str = "`fx` must map pairs such as RUB/USD to rates by month";
const NEGATIVE_POSTS_PER_MONTH: &str = "`sponsored_posts_per_month` cannot be negative";

/// A problem with YAML syntax and the reading of YAML fields.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum YamlProblem {
    /// Flow collections (`[`, `{`) nested deeper than roster reads.
    TooDeep {
        /// The deepest nesting read.
        limit: usize,
    },
    /// Collections nested deeper than the parser goes.
    TooNested,
    /// A key given twice in one mapping.
    DuplicateKey {
        /// The key.
        key: String,
        /// The line it is first given on.
        first_line: usize,
    },
    /// Aliases that expand to more than can be read.
    AliasBomb,
    /// A whole number beyond what the parser holds.
    NumberTooLarge {
        /// The key it is under, as the parser names it, if any.
        key: Option<String>,
        /// The number as written.
        number: String,
        /// The largest number roster reads.
        limit: u64,
    },
    /// Any other syntax error, in the parser's words.
    Syntax {
        /// What the parser said.
        reason: String,
    },
    /// A file with nothing in it.
    Empty {
        /// The keys the file may have.
        keys: Vec<String>,
    },
    /// Something other than a mapping where one is expected.
    NotAMapping {
        /// Where: `` `fee` ``, `item 2 of `extra_costs``; `None` at the top.
        place: Option<String>,
        /// What is there instead.
        found: String,
        /// The keys the mapping may have.
        keys: Vec<String>,
    },
    /// A key roster does not read.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The known key it is likely meant to be.
        suggestion: Option<String>,
        /// The keys the mapping may have.
        keys: Vec<String>,
    },
    /// A required key that is not there.
    MissingField {
        /// The key.
        key: String,
        /// The mapping it is missing from; `None` at the top.
        place: Option<String>,
        /// The line the mapping starts on, once it is known.
        line: Option<usize>,
    },
    /// A required key that is there misspelt.
    MisspeltField {
        /// The key as it should be.
        key: String,
        /// The mapping it is in; `None` at the top.
        place: Option<String>,
        /// The key as written.
        written: String,
    },
    /// A required key with no value after it.
    NoValue {
        /// The key.
        key: String,
    },
    /// Something other than text where text is expected.
    NotText {
        /// The key.
        key: String,
        /// What is there instead.
        found: String,
    },
    /// Something other than a number where one is expected.
    NotANumber {
        /// The key.
        key: String,
        /// What is there instead.
        found: String,
    },
    /// An amount larger than roster reads.
    AmountTooLarge {
        /// The key.
        key: String,
        /// The amount as written.
        value: String,
        /// The largest amount roster reads.
        limit: Decimal,
    },
    /// Something other than a whole number >= 0 (or a larger one than
    /// roster reads) where a count is expected.
    NotACount {
        /// The key.
        key: String,
        /// What is there instead.
        found: String,
        /// The largest count roster reads.
        limit: u64,
    },
    /// A number of days outside the range a setting reads.
    DaysOutOfRange {
        /// The key.
        key: String,
        /// The number as written.
        found: u64,
        /// The days the setting reads.
        range: RangeInclusive<u32>,
    },
    /// Something other than `true` or `false`.
    NotABoolean {
        /// The key.
        key: String,
        /// What is there instead.
        found: String,
    },
    /// Something other than a real date of a plausible year.
    NotADate {
        /// The key.
        key: String,
        /// What is there instead.
        found: String,
        /// The years roster reads.
        years: RangeInclusive<i32>,
    },
    /// A word outside a closed set.
    NotAChoice {
        /// The key.
        key: String,
        /// What is there instead.
        found: String,
        /// The word likely meant.
        suggestion: Option<String>,
        /// The words allowed.
        choices: Vec<String>,
    },
    /// Something other than a three-letter currency code.
    NotACurrency {
        /// The key.
        key: String,
        /// The text written.
        found: String,
    },
    /// `fx` that is not a mapping of pairs.
    FxNotAMapping,
    /// An fx pair not written FROM/TO.
    FxPairNotFromTo {
        /// The pair as written.
        pair: String,
    },
    /// An fx pair whose rates are not a mapping of months.
    FxPairNotByMonth {
        /// The pair as written.
        pair: String,
    },
    /// An fx month that is not YYYY-MM.
    NotAMonth {
        /// The month as written.
        month: String,
    },
    /// An fx rate of 0 or less.
    RateNotPositive,
    /// An fx rate too small or too large to be one.
    RateOutOfRange {
        /// The rate as read.
        rate: String,
        /// The rates roster reads.
        rates: RangeInclusive<Decimal>,
    },
    /// A market id that is not an id.
    BadMarketId {
        /// The id as written.
        id: String,
    },
    /// A market listed twice.
    MarketTwice {
        /// The market's id.
        id: String,
    },
    /// `markets` that is not a list of at least one market.
    NoMarkets,
    /// A brand colour that is not a hex colour.
    NotAColour {
        /// The colour as written.
        found: String,
    },
    /// A partnership's market that its client does not have.
    UnknownMarket {
        /// The market as written.
        market: String,
        /// The client's markets.
        markets: Vec<String>,
        /// The market likely meant.
        suggestion: Option<String>,
    },
    /// A term that ends before it starts.
    EndBeforeStart {
        /// The first day.
        start: NaiveDate,
        /// The last day.
        end: NaiveDate,
    },
    /// A fee below zero.
    NegativeFee {
        /// The fee.
        fee: Decimal,
    },
    /// Sponsored posts per month below zero.
    NegativePostsPerMonth,
    /// `extra_costs` that is not a list.
    ExtraCostsNotAList,
    /// An extra cost below zero.
    NegativeExtraCost,
}

/// Where to add a missing `key`: the mapping and the line it starts on,
/// when known.
fn add_key(key: &str, place: Option<&str>, line: Option<usize>) -> String {
    match (place, line) {
        (None, Some(line)) => {
            format!("add `{key}:` to the top-level mapping, which starts on line {line}")
        }
        (Some(place), Some(line)) => format!("add `{key}:` to {place}, on line {line}"),
        (_, None) => format!("add `{key}:`"),
    }
}

/// A number beyond what the parser holds, under its key if there is one.
fn too_large(f: &mut fmt::Formatter<'_>, key: Option<&str>, number: &str) -> fmt::Result {
    match key {
        Some(key) => write!(f, "`{}` is too large: {}", shorten(key), shorten(number)),
        None => write!(f, "the number {} is too large", shorten(number)),
    }
}

/// A market the client does not have, with those it has.
fn unknown_market(f: &mut fmt::Formatter<'_>, market: &str, markets: &[String]) -> fmt::Result {
    write!(
        f,
        "unknown market \"{}\" (markets of this client: {})",
        shorten(market),
        markets.join(", ")
    )
}

/// ` in <place>`, or nothing at the top level.
fn within(place: &Option<String>) -> String {
    place
        .as_ref()
        .map_or_else(String::new, |p| format!(" in {p}"))
}

impl YamlProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        use YamlProblem as P;
        Some(match self {
            P::TooDeep { .. }
            | P::TooNested
            | P::DuplicateKey { .. }
            | P::AliasBomb
            | P::NumberTooLarge { .. }
            | P::Syntax { .. } => return self.syntax_help(),
            P::FxPairNotFromTo { .. }
            | P::RateOutOfRange { .. }
            | P::FxNotAMapping
            | P::FxPairNotByMonth { .. }
            | P::NotAMonth { .. }
            | P::RateNotPositive => return self.fx_help(),
            P::BadMarketId { .. }
            | P::NoMarkets
            | P::UnknownMarket { .. }
            | P::MarketTwice { .. } => return self.market_help(),
            P::Empty { keys } => format!(
                "write its keys, `key: value` one a line; the keys here are {}",
                keys.join(", ")
            ),
            P::NotAMapping { keys, .. } => format!("the keys here are {}", keys.join(", ")),
            P::UnknownKey {
                suggestion: Some(s),
                ..
            } => format!("did you mean `{s}`?"),
            P::UnknownKey { keys, .. } => format!("known keys here: {}", keys.join(", ")),
            P::MissingField { key, place, line } => add_key(key, place.as_deref(), *line),
            P::MisspeltField { key, written, .. } => format!(
                "`{}` is not a known key: did you mean `{key}`?",
                shorten(written)
            ),
            P::NoValue { key } => format!("write its value after `{key}:`"),
            P::NotANumber { .. } => {
                "write a plain number such as 3000 or 12.50, without units or thousands separators"
                    .into()
            }
            P::AmountTooLarge { limit, .. } => {
                format!("roster reads amounts up to {limit}; check for extra digits")
            }
            P::NotACount { limit, .. } => {
                format!("write digits only, such as 42000, at most {limit}")
            }
            P::DaysOutOfRange { range, .. } => format!(
                "write a number of days from {} to {}",
                range.start(),
                range.end()
            ),
            P::NotADate { years, .. } => format!(
                "write the date as 2026-03-01, with a day that exists in that month and a year from {} to {}",
                years.start(),
                years.end()
            ),
            P::NotAChoice {
                suggestion: Some(s),
                ..
            } => format!("did you mean \"{s}\"?"),
            P::NotAChoice { choices, .. } => format!("expected one of: {}", choices.join(", ")),
            P::NotACurrency { .. } => "use an ISO 4217 code such as USD, RUB or EUR".into(),
            P::NotAColour { .. } => "write it as \"#d6336c\", quoted".into(),
            P::EndBeforeStart { .. } => "swap the dates or correct the year".into(),
            P::NegativeFee { .. } => "write the fee as a positive amount".into(),
            P::NotText { .. }
            | P::NotABoolean { .. }
            | P::NegativePostsPerMonth
            | P::ExtraCostsNotAList
            | P::NegativeExtraCost => return None,
        })
    }
}

impl fmt::Display for YamlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use YamlProblem as P;
        match self {
            P::TooDeep { .. }
            | P::TooNested
            | P::DuplicateKey { .. }
            | P::AliasBomb
            | P::NumberTooLarge { .. }
            | P::Syntax { .. } => self.syntax_message(f),
            P::FxPairNotFromTo { .. }
            | P::RateOutOfRange { .. }
            | P::FxNotAMapping
            | P::FxPairNotByMonth { .. }
            | P::NotAMonth { .. }
            | P::RateNotPositive => self.fx_message(f),
            P::BadMarketId { .. }
            | P::NoMarkets
            | P::UnknownMarket { .. }
            | P::MarketTwice { .. } => self.market_message(f),
            P::Empty { .. } => f.write_str("the file is empty"),
            P::NotAMapping { place, found, .. } => write!(
                f,
                "expected a mapping of keys to values{}, found {found}",
                within(place)
            ),
            P::UnknownKey { key, .. } => write!(f, "unknown key `{}` is ignored", shorten(key)),
            P::MissingField { key, place, .. } | P::MisspeltField { key, place, .. } => {
                write!(f, "missing required field `{key}`{}", within(place))
            }
            P::NoValue { key } => write!(f, "`{key}` has no value"),
            P::NotText { key, found } => write!(f, "`{key}` must be text, found {found}"),
            P::NotANumber { key, found } => write!(f, "`{key}` must be a number, found {found}"),
            P::AmountTooLarge { key, value, .. } => {
                write!(f, "`{key}` is too large: {}", shorten(value))
            }
            P::NotACount { key, found, .. } => {
                write!(f, "`{key}` must be a whole number >= 0, found {found}")
            }
            P::DaysOutOfRange { key, found, .. } => {
                write!(f, "`{key}` of {found} days is out of range")
            }
            P::NotABoolean { key, found } => {
                write!(f, "`{key}` must be true or false, found {found}")
            }
            P::NotADate { key, found, .. } => {
                write!(f, "`{key}` must be a real date YYYY-MM-DD, found {found}")
            }
            P::NotAChoice { key, found, .. } => write!(f, "`{key}` cannot be {found}"),
            P::NotACurrency { key, found } => write!(
                f,
                "`{key}` must be a three-letter currency code, found \"{}\"",
                shorten(found)
            ),
            P::NotAColour { found } => {
                write!(f, "brand colour \"{}\" is not a hex colour", shorten(found))
            }
            P::EndBeforeStart { start, end } => write!(f, "`end` {end} is before `start` {start}"),
            P::NegativeFee { fee } => write!(f, "fee cannot be negative, found {fee}"),
            P::NegativePostsPerMonth => f.write_str(NEGATIVE_POSTS_PER_MONTH),
            P::ExtraCostsNotAList => f.write_str("`extra_costs` must be a list"),
            P::NegativeExtraCost => f.write_str("an extra cost cannot be negative"),
        }
    }
}

/// The problems of a file's YAML as text, of roster's fx rates and of a
/// client's markets: each group's messages and helps side by side.
impl YamlProblem {
    /// The message of a problem of the YAML as text.
    fn syntax_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use YamlProblem as P;
        match self {
            P::TooDeep { limit } => write!(
                f,
                "invalid YAML: lists or mappings in brackets nested more than {limit} deep"
            ),
            P::TooNested => f.write_str("invalid YAML: nested more than 128 levels deep"),
            P::DuplicateKey { key, .. } => write!(f, "duplicate key `{}`", shorten(key)),
            P::AliasBomb => f.write_str(ALIAS_BOMB),
            P::NumberTooLarge { key, number, .. } => too_large(f, key.as_deref(), number),
            P::Syntax { reason } => write!(f, "invalid YAML: {reason}"),
            _ => unreachable!("syntax_message is called for the YAML's own problems only"),
        }
    }

    /// The help of a problem of the YAML as text.
    fn syntax_help(&self) -> Option<String> {
        use YamlProblem as P;
        Some(match self {
            P::TooDeep { .. } => {
                format!("roster's files nest a few levels at most; check {NEVER_CLOSED}")
            }
            P::TooNested => format!(
                "roster's files nest a few levels at most; check the indentation, and {NEVER_CLOSED}"
            ),
            P::DuplicateKey { key, first_line } => format!(
                "`{}` is already given on line {first_line}; keep one of the two",
                shorten(key)
            ),
            P::AliasBomb => "roster's files need no anchors (`&name`) or aliases (`*name`): write the values out".into(),
            P::NumberTooLarge { limit, .. } => {
                format!("roster reads numbers up to {limit}; check for extra digits")
            }
            P::Syntax { .. } => "check the indentation and quoting around this line".into(),
            _ => unreachable!("syntax_help is called for the YAML's own problems only"),
        })
    }

    /// The message of a problem with `fx`.
    fn fx_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use YamlProblem as P;
        match self {
            P::FxNotAMapping => f.write_str(FX_NOT_A_MAPPING),
            P::FxPairNotFromTo { pair } => {
                write!(f, "fx pair `{}` must be written FROM/TO", shorten(pair))
            }
            P::FxPairNotByMonth { pair } => write!(
                f,
                "fx pair `{}` must map months (YYYY-MM) to rates",
                shorten(pair)
            ),
            P::NotAMonth { month } => write!(f, "`{}` is not a month YYYY-MM", shorten(month)),
            P::RateNotPositive => f.write_str("an fx rate must be greater than 0"),
            P::RateOutOfRange { rate, .. } => {
                write!(f, "fx rate {} is out of range", shorten(rate))
            }
            _ => unreachable!("fx_message is called for the problems of `fx` only"),
        }
    }

    /// The help of a problem with `fx`.
    fn fx_help(&self) -> Option<String> {
        use YamlProblem as P;
        Some(match self {
            P::FxPairNotFromTo { .. } => "for example RUB/USD: 1 RUB = rate USD".into(),
            P::RateOutOfRange { rates, .. } => format!(
                "roster reads rates from {} to {}; check the digits, or whether the pair is written the wrong way round",
                rates.start(),
                rates.end()
            ),
            P::FxNotAMapping
            | P::FxPairNotByMonth { .. }
            | P::NotAMonth { .. }
            | P::RateNotPositive => return None,
            _ => unreachable!("fx_help is called for the problems of `fx` only"),
        })
    }

    /// The message of a problem with a market.
    fn market_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use YamlProblem as P;
        match self {
            P::BadMarketId { id } if windows_reserved(id) => {
                write!(f, "market id \"{id}\" is a name Windows keeps for a device")
            }
            P::BadMarketId { id } => write!(
                f,
                "market id \"{}\" must match [a-z0-9][a-z0-9_-]*",
                shorten(id)
            ),
            P::MarketTwice { id } => write!(f, "market \"{}\" is listed twice", shorten(id)),
            P::NoMarkets => f.write_str("`markets` must be a list of at least one market"),
            P::UnknownMarket {
                market, markets, ..
            } => unknown_market(f, market, markets),
            _ => unreachable!("market_message is called for the problems of markets only"),
        }
    }

    /// The help of a problem with a market.
    fn market_help(&self) -> Option<String> {
        use YamlProblem as P;
        Some(match self {
            P::BadMarketId { id } if windows_reserved(id) => reserved_help(id),
            P::BadMarketId { .. } => "use lower-case letters, digits, `-` and `_`".into(),
            P::NoMarkets => "- id: us\n    name: United States".into(),
            P::UnknownMarket {
                suggestion: Some(s),
                ..
            } => format!("did you mean \"{s}\"? markets are listed in client.yaml"),
            P::UnknownMarket { .. } => {
                "add the market to client.yaml or use one of its markets".into()
            }
            P::MarketTwice { .. } => return None,
            _ => unreachable!("market_help is called for the problems of markets only"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_a_field_missing_from_a_mapping() {
        let p = YamlProblem::MissingField {
            key: "amount".into(),
            place: Some("`fee`".into()),
            line: Some(4),
        };
        assert_eq!(p.to_string(), "missing required field `amount` in `fee`");
        assert_eq!(
            p.help().as_deref(),
            Some("add `amount:` to `fee`, on line 4")
        );
        let unplaced = YamlProblem::MissingField {
            key: "start".into(),
            place: None,
            line: None,
        };
        assert_eq!(unplaced.help().as_deref(), Some("add `start:`"));
    }
}
