//! The wording of problems with reading CSV files: encodings, quotes,
//! headers, cells (load/table).
//!
//! A metrics export can have thousands of columns or bad cells, so lists
//! here show the first few and count the rest: no message grows with its
//! input.

use std::fmt;
use std::ops::RangeInclusive;

use rust_decimal::Decimal;

use super::{Guess, SplitNumber};
use crate::diagnostics::shorten;
use crate::model::TableKind;

/// The most column names one diagnostic lists before it counts the rest.
const LISTED: usize = 10;

/// The fix for a quote left open.
const CLOSE_THE_QUOTE: &str =
    "end the value with `\"`; a quote inside a quoted value is written twice, `\"\"`";

/// What a header lacks to be a file of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindLacks {
    /// The kind.
    pub kind: TableKind,
    /// Each column it lacks, with the header's column that looks like a
    /// misspelling of it.
    pub columns: Vec<(&'static str, Option<String>)>,
}

/// Why a cell is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadNumber {
    /// Not a number in any form roster reads.
    Unreadable,
    /// A comma that cannot group digits (`1263,93`) in a file whose
    /// decimal separator is the point.
    DecimalComma,
    /// Digits grouped unevenly (`1,23,456`).
    UnevenGroups,
}

/// A problem with reading CSV files.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum CsvProblem {
    /// A file read in a legacy encoding, told from its bytes, because it
    /// is not UTF-8.
    ReadAsLegacy {
        /// The encoding's name, such as `Windows-1252`.
        encoding: String,
    },
    /// A file with no header row.
    EmptyFile,
    /// A file the CSV reader gave up on.
    Unreadable {
        /// What the reader said.
        reason: String,
    },
    /// A quote that is never closed.
    QuoteNeverClosed,
    /// A quoted field that takes in lines that look like rows.
    QuoteSwallowsRows {
        /// How many rows it takes in.
        rows: usize,
        /// The first of them.
        first: usize,
    },
    /// A header that marks no kind of metrics file.
    HeaderOfNoKind {
        /// What each kind lacks, the nearest first.
        closest: Vec<KindLacks>,
        /// The `imports` entry its first rows suggest.
        guess: Option<Box<Guess>>,
    },
    /// A header without a column its kind needs.
    MissingColumns {
        /// The columns missing.
        columns: Vec<&'static str>,
        /// The file's kind.
        kind: TableKind,
        /// Renames of the header's columns that would supply them.
        renames: Vec<(String, &'static str)>,
        /// Every column the kind needs.
        needed: &'static [&'static str],
    },
    /// Columns roster does not read.
    UnknownColumns {
        /// The columns, as written.
        columns: Vec<String>,
        /// Renames that would make some of them columns roster reads.
        renames: Vec<(String, &'static str)>,
        /// The columns roster reads in this kind of file.
        known: &'static [&'static str],
    },
    /// A row with more cells than the header.
    TooManyFields {
        /// The row's cells.
        got: usize,
        /// The header's columns.
        want: usize,
        /// A number the delimiter seems to have split in two.
        split_number: Option<SplitNumber>,
    },
    /// A row too short to hold a column roster reads.
    TooFewFields {
        /// The row's cells.
        got: usize,
        /// The header's columns.
        want: usize,
        /// The file's delimiter.
        delimiter: char,
    },
    /// An empty cell that every row needs.
    EmptyCell {
        /// The column.
        column: String,
    },
    /// A count larger than roster reads.
    CountTooLarge {
        /// The column.
        column: String,
        /// The cell.
        value: String,
        /// The largest count roster reads.
        limit: u64,
    },
    /// A count below zero.
    NegativeCount {
        /// The column.
        column: String,
        /// The cell.
        value: String,
    },
    /// A count that is not a whole number.
    NotACount {
        /// The column.
        column: String,
        /// The cell.
        value: String,
    },
    /// An amount below zero.
    NegativeAmount {
        /// The column.
        column: String,
        /// The cell.
        value: String,
    },
    /// An amount larger than roster reads.
    AmountTooLarge {
        /// The column.
        column: String,
        /// The cell.
        value: String,
        /// The largest amount roster reads.
        limit: Decimal,
    },
    /// An amount that is not a number.
    NotAnAmount {
        /// The column.
        column: String,
        /// The cell.
        value: String,
        /// Why not.
        why: BadNumber,
        /// Whether the file writes decimals with a comma.
        decimal_comma: bool,
    },
    /// A date that is not a real date or date-time of a plausible year.
    NotAStamp {
        /// The column.
        column: String,
        /// The cell.
        value: String,
        /// The years roster reads.
        years: RangeInclusive<i32>,
    },
    /// A post kind other than sponsored or organic.
    NotAPostKind {
        /// The cell.
        value: String,
    },
    /// A post's `url` that is not a web address, left out.
    NotAWebAddress {
        /// The cell.
        value: String,
    },
    /// A slash date that is a date only in the other `date_order`.
    SlashDateOrder {
        /// The column.
        column: String,
        /// The cell.
        value: String,
        /// The order in force, `mdy` or `dmy`.
        order: &'static str,
        /// The order it would fit.
        fits: &'static str,
    },
    /// A sheet of a workbook whose first row fits no kind of metrics file.
    SheetOfNoKind {
        /// The sheet's name.
        sheet: String,
        /// The `imports` entry its first rows suggest, when they look like
        /// a table.
        guess: Option<Box<Guess>>,
    },
    /// A day after publication that is not a whole number from 1.
    NotADay {
        /// The cell.
        value: String,
    },
    /// A TikTok `Video link` that holds no video id.
    NotAVideoLink {
        /// The cell.
        value: String,
    },
}

/// `items` joined by `sep`, the first [`LISTED`] of them, then a count of
/// the rest.
fn listed(items: impl ExactSizeIterator<Item = String>, sep: &str) -> String {
    let n = items.len();
    let mut s = items.take(LISTED).collect::<Vec<_>>().join(sep);
    if n > LISTED {
        s.push_str(&format!(" and {} more", n - LISTED));
    }
    s
}

/// How one kind of file would be reached: `for a posts file add `published``.
fn lacks(k: &KindLacks) -> String {
    let columns: Vec<String> = k
        .columns
        .iter()
        .map(|(column, near)| match near {
            Some(near) => format!("`{column}` (is `{}` meant?)", shorten(near)),
            None => format!("`{column}`"),
        })
        .collect();
    let article = match k.kind {
        TableKind::Orders => "an",
        TableKind::Posts | TableKind::Daily => "a",
    };
    format!(
        "for {article} {} file add {}",
        k.kind,
        columns.join(" and ")
    )
}

/// The help for a number that could not be read from a cell.
fn amount_help(why: BadNumber, decimal_comma: bool) -> String {
    match why {
        BadNumber::DecimalComma => {
            "a decimal comma is read only in files delimited by `;`; write the number with a point, such as 1234.50".into()
        }
        BadNumber::UnevenGroups => {
            "digits are grouped in threes, such as 1,234,567; check for a missing or an extra digit"
                .into()
        }
        BadNumber::Unreadable if decimal_comma => {
            "write a number such as 1234,50 or 1 234,50, with or without a currency sign".into()
        }
        BadNumber::Unreadable => {
            "write a number such as 1234.50 or 1,234.50, with or without a currency sign".into()
        }
    }
}

/// `help`, then, on the lines after it, the `imports` entry a file's first
/// rows suggest.
fn and_guess(mut help: String, guess: &Option<Box<Guess>>) -> String {
    if let Some(guess) = guess {
        help.push('\n');
        help.push_str(&guess.help());
    }
    help
}

/// The forms of date a cell may be written in, for a help.
const DATE_FORMS: &str =
    "2026-03-01, 2026-03-01 18:30, 2026-03-01T18:30:00+03:00, 01.03.2026, 3/1/2026 or Mar 1, 2026";

/// How a `date_order` reads slash dates, in words.
fn order_words(order: &str) -> &'static str {
    if order == "dmy" {
        "day first (D/M/YYYY)"
    } else {
        "month first (M/D/YYYY)"
    }
}

/// Whether a cell holds a time of day alone (`20:00`, `20:00:00`), as a
/// workbook's time-only cell reads.
fn time_alone(value: &str) -> bool {
    let parts: Vec<&str> = value.trim().split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

impl CsvProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        use CsvProblem as P;
        Some(match self {
            P::ReadAsLegacy { .. } => "save it as \"CSV UTF-8\" to make the encoding explicit".into(),
            P::QuoteNeverClosed | P::QuoteSwallowsRows { .. } => CLOSE_THE_QUOTE.into(),
            P::HeaderOfNoKind { .. }
            | P::MissingColumns { .. }
            | P::UnknownColumns { .. }
            | P::SheetOfNoKind { .. } => self.header_help(),
            P::TooManyFields { split_number: Some(split), .. } => split.help(),
            P::TooManyFields { .. } => "quote values that contain the delimiter".into(),
            P::TooFewFields { delimiter, .. } => {
                let d = if *delimiter == '\t' {
                    "tab".to_string()
                } else {
                    format!("`{delimiter}`")
                };
                format!("write every column of the header in every row: an empty cell still needs its {d}")
            }
            P::EmptyCell { column } => format!("every row needs a `{column}`"),
            P::CountTooLarge { limit, .. } => {
                format!("roster reads counts up to {limit}; check for extra digits")
            }
            P::NegativeCount { .. } => {
                "counts are 0 or more; leave the cell empty when the value is unknown".into()
            }
            P::NotACount { .. } => "write a whole number, such as 12000 or 12,000; leave the cell empty when the value is unknown".into(),
            P::AmountTooLarge { limit, .. } => {
                format!("roster reads amounts up to {limit}; check for extra digits")
            }
            P::NotAnAmount {
                why, decimal_comma, ..
            } => amount_help(*why, *decimal_comma),
            P::NotAStamp { value, .. } if time_alone(value) => {
                "the cell holds a time of day but no date: write the date too, such as 2026-05-12 20:00".into()
            }
            P::NotAStamp { years, .. } => format!(
                "write it as {DATE_FORMS}, with a day that exists and a year from {} to {}",
                years.start(),
                years.end()
            ),
            P::SlashDateOrder { order, fits, .. } => format!(
                "slash dates are read {}, as `date_order: {order}` says; if this file writes them {}, set `date_order: {fits}` in client.yaml or roster.yaml",
                order_words(order),
                order_words(fits)
            ),
            P::NotAPostKind { .. } => "leave it empty for a sponsored post".into(),
            P::NotAWebAddress { .. } => "write the post's address as it shows in the browser, starting with https://".into(),
            P::NotADay { .. } => "day 1 is the first 24 hours after publication".into(),
            P::NotAVideoLink { .. } => {
                "a video's link reads https://www.tiktok.com/@handle/video/<digits>".into()
            }
            P::NegativeAmount { .. } => "an amount is 0 or more: a refund or a return is not revenue, so leave its row out (a shop's preset leaves refunded orders out itself)".into(),
            P::EmptyFile | P::Unreadable { .. } => return None,
        })
    }
}

/// The problems of a header, a file's or a sheet's: their messages and
/// helps side by side.
impl CsvProblem {
    /// The message of a problem with a header.
    fn header_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CsvProblem as P;
        match self {
            P::HeaderOfNoKind { .. } => f.write_str("CSV header fits no kind of metrics file"),
            P::MissingColumns { columns, kind, .. } => write!(
                f,
                "missing required column `{}` for a {kind} file",
                columns.join("`, `")
            ),
            P::UnknownColumns { columns, .. } => {
                let columns = columns.iter().map(|c| shorten(c).into_owned());
                write!(f, "unknown columns ignored: {}", listed(columns, ", "))
            }
            P::SheetOfNoKind { sheet, .. } => write!(
                f,
                "sheet \"{}\" fits no kind of metrics file and is skipped",
                shorten(sheet)
            ),
            _ => unreachable!("header_message is called for the problems of a header only"),
        }
    }

    /// The help of a problem with a header.
    fn header_help(&self) -> String {
        use CsvProblem as P;
        match self {
            P::HeaderOfNoKind { closest, guess } => {
                and_guess(closest.iter().map(lacks).collect::<Vec<_>>().join("; "), guess)
            }
            P::MissingColumns { renames, needed, .. } if renames.is_empty() => {
                format!("this file needs the columns {}", needed.join(", "))
            }
            P::MissingColumns { renames, .. } => renames
                .iter()
                .map(|(from, to)| format!("rename `{}` to `{to}`", shorten(from)))
                .collect::<Vec<_>>()
                .join("; "),
            P::UnknownColumns { renames, known, .. } if renames.is_empty() => {
                format!("the columns roster reads here are {}", known.join(", "))
            }
            P::UnknownColumns { renames, .. } => {
                let renames = renames
                    .iter()
                    .map(|(from, to)| format!("`{}` -> `{to}`", shorten(from)));
                format!("rename {}", listed(renames, ", "))
            }
            P::SheetOfNoKind { guess, .. } => and_guess("a sheet is read when its first row is the header of a posts, daily or orders file; its other sheets are read as they are".into(), guess),
            _ => unreachable!("header_help is called for the problems of a header only"),
        }
    }
}

impl CsvProblem {
    /// The message of a quote left open.
    fn fmt_quote(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvProblem::QuoteSwallowsRows { rows, first } => {
                let lines = if *rows == 1 { "line" } else { "lines" };
                write!(
                    f,
                    "quoted field takes in {rows} {lines} that look like rows, from line {first}: its closing quote is likely missing"
                )
            }
            _ => f.write_str("quote is never closed: its field runs to the end of the file"),
        }
    }
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CsvProblem as P;
        match self {
            P::ReadAsLegacy { encoding } => write!(f, "file is not UTF-8; read it as {encoding}"),
            P::EmptyFile => f.write_str("empty CSV file is ignored"),
            P::Unreadable { reason } => write!(f, "cannot read CSV: {reason}"),
            P::QuoteNeverClosed | P::QuoteSwallowsRows { .. } => self.fmt_quote(f),
            P::HeaderOfNoKind { .. }
            | P::MissingColumns { .. }
            | P::UnknownColumns { .. }
            | P::SheetOfNoKind { .. } => self.header_message(f),
            P::TooManyFields { got, want, .. } | P::TooFewFields { got, want, .. } => {
                write!(f, "row has {got} fields but the header has {want}")
            }
            P::EmptyCell { column } => write!(f, "empty `{column}`"),
            P::CountTooLarge { column, value, .. } | P::AmountTooLarge { column, value, .. } => {
                write!(f, "`{column}` is too large: {}", shorten(value))
            }
            P::NegativeCount { column, value } | P::NegativeAmount { column, value } => write!(
                f,
                "`{column}` cannot be negative, found \"{}\"",
                shorten(value)
            ),
            P::NotACount { column, value } => write!(
                f,
                "`{column}` must be a whole number, found \"{}\"",
                shorten(value)
            ),
            P::NotAnAmount { column, value, .. } => {
                write!(
                    f,
                    "`{column}` must be a number, found \"{}\"",
                    shorten(value)
                )
            }
            P::NotAStamp { column, value, .. } if time_alone(value) => write!(
                f,
                "`{column}` must be a date, found a time without a date (\"{}\")",
                shorten(value)
            ),
            P::NotAStamp { column, value, .. } => {
                write!(f, "`{column}` must be a date, found \"{}\"", shorten(value))
            }
            P::SlashDateOrder {
                column,
                value,
                order,
                ..
            } => write!(
                f,
                "`{column}` is \"{}\", which is no date {}",
                shorten(value),
                order_words(order)
            ),
            P::NotAPostKind { value } => write!(
                f,
                "`kind` must be sponsored or organic, found \"{}\"",
                shorten(value)
            ),
            P::NotAWebAddress { value } => write!(
                f,
                "`url` must be an http or https address, found \"{}\"; the post is shown without its link",
                shorten(value)
            ),
            P::NotADay { value } => write!(
                f,
                "`day` must be a whole number from 1, found \"{}\"",
                shorten(value)
            ),
            P::NotAVideoLink { value } => {
                write!(f, "\"{}\" is not a TikTok video link", shorten(value))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_a_short_row_with_its_delimiter() {
        let p = CsvProblem::TooFewFields {
            got: 2,
            want: 4,
            delimiter: '\t',
        };
        assert_eq!(p.to_string(), "row has 2 fields but the header has 4");
        assert_eq!(
            p.help().as_deref(),
            Some(
                "write every column of the header in every row: an empty cell still needs its tab"
            )
        );
    }

    #[test]
    fn a_time_without_a_date_is_said_so() {
        // A workbook's time-only cell reads as `20:00:00`.
        let p = CsvProblem::NotAStamp {
            column: "published".into(),
            value: "20:00:00".into(),
            years: 1900..=2199,
        };
        assert_eq!(
            p.to_string(),
            "`published` must be a date, found a time without a date (\"20:00:00\")"
        );
        assert!(
            p.help()
                .unwrap()
                .contains("holds a time of day but no date")
        );
        assert!(!time_alone("2026-05-12"));
        assert!(!time_alone("12:345"));
        assert!(time_alone("9:30"));
    }

    #[test]
    fn lists_ten_columns_and_counts_the_rest() {
        let p = CsvProblem::UnknownColumns {
            columns: (1..=12).map(|i| format!("c{i}")).collect(),
            renames: Vec::new(),
            known: &["post_id", "day"],
        };
        assert_eq!(
            p.to_string(),
            "unknown columns ignored: c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 and 2 more"
        );
        assert_eq!(
            p.help().as_deref(),
            Some("the columns roster reads here are post_id, day")
        );
    }
}
