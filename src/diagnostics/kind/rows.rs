//! The wording of problems with rows that do not fit together: unknown posts and partnerships, duplicates, currencies without a rate (resolve/rows).
//!
//! A problem repeated on many rows is one diagnostic with the rows counted,
//! so the count is a field and the sentence ("3 rows name") is made here.

use std::fmt;

use crate::diagnostics::shorten;
use std::path::PathBuf;

use crate::diagnostics::Location;
use crate::model::{Currency, Month};

/// A problem with rows that do not fit together: unknown posts and partnerships, duplicates, currencies without a rate (resolve/rows).
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum RowProblem {
    /// A post id given a second time within one client.
    DuplicatePost {
        /// The id.
        id: String,
        /// Where it was first given.
        first: Location,
    },
    /// An order id given a second time within one client.
    DuplicateOrder {
        /// The id.
        id: String,
        /// Where it was first given.
        first: Location,
    },
    /// Order ids of one file that an earlier file of the client gives too:
    /// one problem for the pair of files, however many.
    OrdersInTwoFiles {
        /// How many.
        orders: usize,
        /// The earlier file.
        other: PathBuf,
        /// When one of the two is a `roster import` copy (under
        /// `metrics/imported/`): the other, the export it was made from.
        export: Option<PathBuf>,
    },
    /// A second daily row for the same post and day.
    DuplicateDay {
        /// The post id.
        post: String,
        /// The day after publication.
        day: u32,
        /// Where the first row for it is.
        first: Location,
    },
    /// An amount written with a currency sign that is not its currency.
    SignDisagrees {
        /// The sign as written.
        sign: String,
        /// The currencies the sign stands for.
        means: Vec<String>,
        /// The currency the amount is in.
        currency: String,
        /// Whose currency that is: "the row's", "its post's".
        whose: &'static str,
    },
    /// A daily row dated before its post was published.
    DayBeforePublication {
        /// The post id.
        post: String,
        /// The row's date.
        date: chrono::NaiveDate,
        /// The post's publication date, as written.
        published: chrono::NaiveDate,
    },
    /// Daily rows naming a post no posts file of the client has.
    UnknownPost {
        /// The post id named.
        id: String,
        /// How many rows of the file name it.
        rows: usize,
        /// The nearest post id, if one is near.
        suggestion: Option<String>,
    },
    /// Rows naming a partnership the client has no file for.
    UnknownPartnership {
        /// The partnership id named.
        id: String,
        /// How many rows of the file name it.
        rows: usize,
        /// The nearest partnership id, if one is near.
        suggestion: Option<String>,
        /// The client's folder, `clients/<id>`.
        client_dir: PathBuf,
    },
    /// Revenue booked in a currency with no rate to the client's.
    NoRateForRevenue {
        /// The currency of the revenue, as the row writes it: a cell that is
        /// not a currency code has no rate either.
        from: String,
        /// The client's currency.
        to: Currency,
        /// The month the revenue is booked in.
        month: Month,
    },
    /// A posts file none of whose posts has a figure: no figure column, or
    /// only empty ones. Its posts are counted, and nothing else is known.
    PostsWithoutFigures {
        /// How many posts it lists.
        posts: usize,
    },
}

/// The figure columns of a posts file, as the help lists them.
const FIGURE_COLUMNS: &str = "impressions, reach, engagements, clicks, conversions, revenue";

impl RowProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            RowProblem::DuplicatePost { first, .. } => {
                format!("first defined at {first}; post ids are unique within a client")
            }
            RowProblem::DuplicateOrder { first, .. } => {
                format!("first defined at {first}; order ids are unique within a client")
            }
            RowProblem::OrdersInTwoFiles {
                export: Some(export),
                ..
            } => format!(
                "{} looks like the export that `roster import` copied into metrics/imported/: delete it from the portfolio (the copy holds the same orders, without personal data), or a build reads its orders twice",
                export.display()
            ),
            RowProblem::OrdersInTwoFiles { .. } => {
                "order ids are unique within a client: keep each order in one file".into()
            }
            RowProblem::DuplicateDay { first, .. } => {
                format!("first given at {first}; each (post_id, day) appears once")
            }
            RowProblem::SignDisagrees { sign, means, .. } => format!(
                "\"{}\" stands for {}; correct the currency, or write the amount without its sign",
                shorten(sign),
                means.join(", ")
            ),
            RowProblem::DayBeforePublication { published, .. } => format!(
                "a daily row's date is the post's publication date ({published}) or later: day 1 is the date of publication"
            ),
            RowProblem::UnknownPost { suggestion, .. } => match suggestion {
                Some(s) => format!("did you mean \"{s}\"?"),
                None => "daily rows must name a post_id of a posts file of this client".into(),
            },
            RowProblem::UnknownPartnership {
                id,
                suggestion,
                client_dir,
                ..
            } => match suggestion {
                Some(s) => format!(
                    "did you mean \"{s}\"? partnerships are the files in {}/partnerships/",
                    client_dir.display()
                ),
                None => format!(
                    "add {}/partnerships/{id}.yaml or correct the id",
                    client_dir.display()
                ),
            },
            RowProblem::NoRateForRevenue { from, to, month } => fx_help(from, *to, *month),
            RowProblem::PostsWithoutFigures { .. } => format!(
                "add the posts' lifetime figures in columns named {FIGURE_COLUMNS} (any of them, in any order; an empty cell is unknown); without them the reports show these posts and nothing they did"
            ),
        })
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowProblem::DuplicatePost { id, .. } => write!(f, "duplicate post_id \"{id}\""),
            RowProblem::DuplicateOrder { id, .. } => write!(f, "duplicate order_id \"{id}\""),
            RowProblem::SignDisagrees {
                sign,
                currency,
                whose,
                ..
            } => write!(
                f,
                "`revenue` is written with \"{}\", but {whose} currency is {}",
                shorten(sign),
                shorten(currency)
            ),
            RowProblem::DayBeforePublication {
                post,
                date,
                published,
            } => write!(
                f,
                "daily row for post \"{post}\" is dated {date}, before the post was published on {published}"
            ),
            RowProblem::OrdersInTwoFiles { orders, other, .. } => {
                let n = if *orders == 1 {
                    "1 order id of this file is".to_string()
                } else {
                    format!("{orders} order ids of this file are")
                };
                write!(f, "{n} given in {} too", other.display())
            }
            RowProblem::DuplicateDay { post, day, .. } => {
                write!(f, "duplicate daily row for post \"{post}\", day {day}")
            }
            RowProblem::UnknownPost { id, rows, .. } => {
                write!(f, "{} unknown post \"{id}\"", rows_name(*rows))
            }
            RowProblem::UnknownPartnership { id, rows, .. } => {
                write!(f, "{} unknown partnership \"{id}\"", rows_name(*rows))
            }
            RowProblem::NoRateForRevenue { from, to, month } => write!(
                f,
                "no fx rate for {from}/{to} in {month} or earlier (revenue booked in {month})"
            ),
            RowProblem::PostsWithoutFigures { posts } => {
                let which = match posts {
                    1 => "its 1 post".to_string(),
                    n => format!("any of its {n} posts"),
                };
                write!(
                    f,
                    "this posts file has no figures: no impressions, reach, engagements, clicks, conversions or revenue for {which}"
                )
            }
        }
    }
}

/// `1 row names`, `3 rows name`.
fn rows_name(n: usize) -> String {
    if n == 1 {
        "1 row names".to_string()
    } else {
        format!("{n} rows name")
    }
}

/// How to add the missing rate to roster.yaml: the same help wherever a
/// currency is booked without one.
pub(super) fn fx_help(from: &str, to: Currency, month: Month) -> String {
    format!(
        "add a rate to roster.yaml:\n    fx:\n      {from}/{to}:\n        {month}: <1 {from} in {to}>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_an_unknown_partnership() {
        let p = RowProblem::UnknownPartnership {
            id: "kestrel-spring".into(),
            rows: 3,
            suggestion: Some("kestrel-spring-26".into()),
            client_dir: PathBuf::from("clients/kestrel"),
        };
        assert_eq!(
            p.to_string(),
            "3 rows name unknown partnership \"kestrel-spring\""
        );
        assert_eq!(
            p.help().unwrap(),
            "did you mean \"kestrel-spring-26\"? partnerships are the files in clients/kestrel/partnerships/"
        );
    }

    #[test]
    fn words_a_missing_rate() {
        let p = RowProblem::NoRateForRevenue {
            from: "EUR".into(),
            to: Currency::parse("USD").unwrap(),
            month: Month::parse("2026-03").unwrap(),
        };
        assert_eq!(
            p.to_string(),
            "no fx rate for EUR/USD in 2026-03 or earlier (revenue booked in 2026-03)"
        );
        assert_eq!(
            p.help().unwrap(),
            "add a rate to roster.yaml:\n    fx:\n      EUR/USD:\n        2026-03: <1 EUR in USD>"
        );
    }
}
