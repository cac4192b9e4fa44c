//! The wording of problems with the portfolio as a whole: settings, scope, the report date, notes, assets, templates, links (resolve).
//!
//! The values a message quotes are fields; the few closed sets a message
//! names (what a date belongs to, where the report date came from, why a
//! link is dropped) are small enums here, so that resolve says which one
//! it met and this file says how it reads.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::rows::fx_help;
use crate::diagnostics::Location;
use crate::model::{Currency, Month};

mod looks;

/// A problem with the portfolio as a whole: settings, scope, the report date, notes, assets, templates, links (resolve).
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum PortfolioProblem {
    /// `base_url` is not an http or https address.
    BaseUrlNotWeb {
        /// The value of `base_url`.
        url: String,
    },
    /// A raster logo with more pixels than roster decodes.
    LogoTooLarge {
        /// `brand.logo` as written.
        logo: PathBuf,
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
        /// The most pixels roster decodes.
        limit: u64,
    },
    /// A note larger than roster reads.
    NoteTooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The largest note roster reads.
        limit: usize,
    },
    /// A note whose block quotes, lists and inline styles nest deeper than
    /// roster reads.
    NoteTooDeep {
        /// How deep they may nest.
        limit: usize,
    },
    /// `base_url` carries a user name or password (`user:pass@`), which
    /// would be published in every canonical link and sitemap.
    BaseUrlWithCredentials,
    /// `--client` names no client folder.
    NoSuchClient {
        /// The id given.
        wanted: String,
        /// The nearest client id, if one is near.
        suggestion: Option<String>,
        /// Every client id of the portfolio.
        clients: Vec<String>,
    },
    /// A fee in a currency with no rate to the client's.
    NoRateForFee {
        /// The fee's currency.
        from: Currency,
        /// The client's currency.
        to: Currency,
        /// The month the fee is booked from.
        month: Month,
    },
    /// An extra cost in a currency with no rate to the client's.
    NoRateForCost {
        /// The cost's currency.
        from: Currency,
        /// The client's currency.
        to: Currency,
        /// The month of the cost.
        month: Month,
    },
    /// A creator without `followers` while engagement is divided by them.
    MissingFollowers,
    /// No `--as-of`, no `as_of` and no dated post or order.
    NoReportDate,
    /// A client with no partnership and no metrics, in a portfolio with no
    /// report date: there is nothing to report yet.
    NothingToReport {
        /// The client's folder, relative to the portfolio.
        client_dir: PathBuf,
    },
    /// The latest date, which sets the report date, lies far beyond the rest.
    FarLatestDate {
        /// What the date belongs to.
        what: DateOf,
        /// The date.
        date: NaiveDate,
        /// Days from the latest other date to it.
        gap: i64,
        /// The latest other post or order date.
        next: NaiveDate,
    },
    /// Posts or orders dated after the report date: they count nowhere.
    AfterReportDate {
        /// Posts after it.
        posts: usize,
        /// Orders after it.
        orders: usize,
        /// The report date.
        as_of: NaiveDate,
    },
    /// The report date lies more than a month past a client's last post or
    /// order: open retainers are prorated into months with no activity.
    ReportDatePastData {
        /// The report date.
        as_of: NaiveDate,
        /// The last post or order date.
        last: NaiveDate,
        /// What is dated last.
        what: DateOf,
    },
    /// The report date is far after most of the data.
    ReportDateTooLate {
        /// The report date.
        as_of: NaiveDate,
        /// Where it came from.
        from: ReportDateFrom,
        /// The longest span built, in years.
        max_years: u32,
        /// The earliest date of the data.
        begins: NaiveDate,
        /// What that earliest date belongs to.
        what: DateOf,
        /// Where it is written.
        at: Location,
    },
    /// A date far before the report date (the first of its file).
    DateTooEarly {
        /// What the date belongs to.
        what: DateOf,
        /// The date.
        date: NaiveDate,
        /// The report date.
        as_of: NaiveDate,
        /// The longest span built, in years.
        max_years: u32,
        /// How many more such dates the file has.
        more: usize,
    },
    /// A month note for a month after the report date.
    NoteAfterReportDate {
        /// The note's month.
        month: Month,
        /// The report date.
        as_of: NaiveDate,
    },
    /// A month note for a month before the client's reports begin.
    NoteBeforeFirstMonth {
        /// The note's month.
        month: Month,
        /// The first month reported.
        first: Month,
    },
    /// A note named after neither a month nor a partnership.
    NoteNamesNothing {
        /// The note's file name without `.md`.
        stem: String,
        /// The nearest partnership id, if one is near.
        suggestion: Option<String>,
    },
    /// `brand.logo` climbs out of the client folder.
    LogoOutside {
        /// The path given.
        logo: PathBuf,
    },
    /// `brand.logo` names a file of the client folder outside `assets/`,
    /// which is not published.
    LogoNotInAssets {
        /// The path given.
        logo: PathBuf,
    },
    /// `brand.logo` names no file of the client folder.
    LogoNotFound {
        /// The path given.
        logo: PathBuf,
    },
    /// Templates that extend or include each other in a loop.
    TemplateLoop {
        /// The templates on the loop, the first again at the end.
        chain: Vec<String>,
    },
    /// A template tera cannot parse.
    TemplateSyntax {
        /// tera's description.
        detail: String,
    },
    /// Templates that parse alone but not together.
    TemplatesDoNotFit {
        /// tera's text, its causes joined.
        detail: String,
    },
    /// A template names a variable its page does not have.
    TemplateUnknownVariable {
        /// The template that failed.
        template: String,
        /// The variable.
        variable: String,
    },
    /// A template calls a function templates may not call.
    TemplateFunction {
        /// The template.
        template: String,
        /// The function.
        function: String,
    },
    /// A template failed while rendering, for another reason.
    TemplateFailed {
        /// The template that failed.
        template: String,
        /// tera's text.
        detail: String,
    },
    /// A link or image of a note whose address is dropped.
    LinkDropped {
        /// The address.
        url: String,
        /// Whether it is an image.
        image: bool,
        /// Why it is dropped.
        why: LinkRefusal,
    },
}

/// What a date of the input belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOf {
    /// A post's publication.
    Post,
    /// An order.
    Order,
    /// A partnership's `start`.
    PartnershipStart,
    /// An extra cost's `date`.
    ExtraCost,
}

impl fmt::Display for DateOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateOf::Post => "post",
            DateOf::Order => "order",
            DateOf::PartnershipStart => "partnership start",
            DateOf::ExtraCost => "extra cost",
        })
    }
}

/// Where the report date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportDateFrom {
    /// `--as-of`.
    CommandLine,
    /// roster.yaml's `as_of`.
    Settings,
    /// The latest post or order.
    Data,
}

impl fmt::Display for ReportDateFrom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReportDateFrom::CommandLine => "given by --as-of",
            ReportDateFrom::Settings => "the `as_of` of roster.yaml",
            ReportDateFrom::Data => "set by this row, the latest post or order",
        })
    }
}

/// Why the address of a note's link or image is not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRefusal {
    /// A relative path that climbs out of the client's folder, or an absolute one.
    LeavesFolder,
    /// An image on another site.
    RemoteImage,
    /// Another scheme than http(s).
    OtherScheme,
}

impl LinkRefusal {
    /// What to write instead.
    fn help(self) -> &'static str {
        match self {
            LinkRefusal::LeavesFolder => {
                "link only to pages and files of this client, relative to the page the note is on, such as ../../index.html"
            }
            LinkRefusal::RemoteImage => {
                "put the image under the client's assets/ and write ../../assets/<file>"
            }
            LinkRefusal::OtherScheme => "write links to other sites as https://...",
        }
    }
}

impl fmt::Display for LinkRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LinkRefusal::LeavesFolder => "leaves the client's folder",
            LinkRefusal::RemoteImage => {
                "is on another site, and pages load nothing from the network"
            }
            LinkRefusal::OtherScheme => "is neither http nor https",
        })
    }
}

impl PortfolioProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        use PortfolioProblem as P;
        Some(match self {
            P::LogoTooLarge { .. }
            | P::LogoOutside { .. }
            | P::LogoNotInAssets { .. }
            | P::LogoNotFound { .. } => return self.logo_help(),
            P::TemplateLoop { .. }
            | P::TemplateSyntax { .. }
            | P::TemplatesDoNotFit { .. }
            | P::TemplateUnknownVariable { .. }
            | P::TemplateFailed { .. }
            | P::TemplateFunction { .. } => return self.template_help(),
            P::BaseUrlNotWeb { .. } => "write the address the site is published under, such as base_url: \"https://reports.example.com/\"".into(),
            P::NoteTooLarge { limit, .. } => format!("split it, or keep the note under {} KB: notes are commentary beside the figures", limit >> 10),
            P::NoteTooDeep { limit } => format!("nest block quotes, lists, emphasis and links at most {limit} levels deep, together"),
            P::BaseUrlWithCredentials => "remove the user name and password (the part up to @): the address is published on every page, and a site that needs a login gets it from the server, not from its links".into(),
            P::NoSuchClient { suggestion: Some(s), .. } => format!("did you mean `--client {s}`?"),
            P::NoSuchClient { clients, .. } => {
                format!("the clients of this portfolio: {}", clients.join(", "))
            }
            P::NoRateForFee { from, to, month } | P::NoRateForCost { from, to, month } => {
                fx_help(from.as_str(), *to, *month)
            }
            P::MissingFollowers => "add `followers: <count>` under `creator:`, or divide engagements by reach or impressions in roster.yaml".into(),
            P::NoReportDate => "add `as_of: YYYY-MM-DD` to roster.yaml or pass --as-of".into(),
            P::NothingToReport { client_dir } => format!(
                "add a partnership as {}/partnerships/<id>.yaml and its exports to {0}/metrics/",
                client_dir.display().to_string().replace('\\', "/")
            ),
            P::FarLatestDate { .. } => "if the date is a typo, correct it; otherwise set `as_of: YYYY-MM-DD` in roster.yaml or pass --as-of".into(),
            P::AfterReportDate { .. } => "they belong to a later report; if the report date is meant to include them, move `as_of` in roster.yaml (or --as-of) on".into(),
            P::ReportDatePastData { last, .. } => format!("add the missing exports, or set the report date to the last month with data (`as_of: {last}`)"),
            P::ReportDateTooLate { max_years, .. } => format!("a report spans at most {max_years} years: correct the report date, or set `as_of: YYYY-MM-DD` in roster.yaml"),
            P::DateTooEarly { max_years, .. } => {
                format!("a report spans at most {max_years} years; if the year is a typo, correct it")
            }
            P::NoteAfterReportDate { .. } => {
                "keep it for a later report, or rename it to the month it is about".into()
            }
            P::NoteBeforeFirstMonth { .. } => "rename it to the month it is about".into(),
            P::NoteNamesNothing { suggestion: Some(s), .. } => format!("did you mean {s}.md?"),
            P::NoteNamesNothing { .. } => {
                "name month notes YYYY-MM.md and partnership notes <partnership-id>.md".into()
            }
            P::LinkDropped { why, .. } => why.help().into(),
        })
    }
}

impl fmt::Display for PortfolioProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PortfolioProblem as P;
        match self {
            P::LogoTooLarge { .. }
            | P::LogoOutside { .. }
            | P::LogoNotInAssets { .. }
            | P::LogoNotFound { .. } => self.logo_message(f),
            P::TemplateLoop { .. }
            | P::TemplateSyntax { .. }
            | P::TemplatesDoNotFit { .. }
            | P::TemplateUnknownVariable { .. }
            | P::TemplateFailed { .. }
            | P::TemplateFunction { .. } => self.template_message(f),
            P::BaseUrlNotWeb { url } => {
                write!(f, "base_url \"{url}\" is not an http or https address")
            }
            P::NoteTooLarge { bytes, .. } => {
                write!(f, "note is too large to typeset: {} KB", bytes.div_ceil(1 << 10))
            }
            P::NoteTooDeep { limit } => write!(
                f,
                "note nests quotes, lists and emphasis deeper than {limit} levels here"
            ),
            P::BaseUrlWithCredentials => {
                f.write_str("base_url carries a user name or password, which would be published")
            }
            P::NoSuchClient { wanted, .. } => write!(f, "--client {wanted}: no such client"),
            P::NoRateForFee { from, to, month } => write!(
                f,
                "no fx rate for {from}/{to} in {month} or earlier (the fee is booked from {month})"
            ),
            P::NoRateForCost { from, to, month } => {
                write!(f, "no fx rate for {from}/{to} in {month} or earlier")
            }
            P::MissingFollowers => f.write_str(
                "missing `followers` in `creator`: roster.yaml has engagement_denominator: followers",
            ),
            P::NoReportDate => {
                f.write_str("no report date: no dated post or order, and no `as_of`")
            }
            P::NothingToReport { .. } => f.write_str(
                "nothing to report yet: this client has no partnerships and no metrics, so it gets no pages",
            ),
            P::FarLatestDate { .. }
            | P::AfterReportDate { .. }
            | P::ReportDatePastData { .. }
            | P::ReportDateTooLate { .. }
            | P::DateTooEarly { .. } => self.fmt_span(f),
            P::NoteAfterReportDate { month, as_of } => write!(
                f,
                "note for {month} is after the report date {as_of}; it is not shown"
            ),
            P::NoteBeforeFirstMonth { month, first } => write!(
                f,
                "note for {month} is before the first month of this client's reports, {first}; it is not shown"
            ),
            P::NoteNamesNothing { stem, .. } => write!(
                f,
                "note \"{stem}.md\" names no month and no partnership; it is not shown"
            ),
            P::LinkDropped { url, image, why } => {
                let what = if *image { "image" } else { "link" };
                write!(f, "{what} \"{url}\" {why}; it is dropped, its text stays")
            }
        }
    }
}

impl PortfolioProblem {
    /// The messages about the span of a report and the dates that set it.
    fn fmt_span(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PortfolioProblem as P;
        match self {
            P::AfterReportDate {
                posts,
                orders,
                as_of,
            } => {
                let count = |n: usize, one: &str| match n {
                    1 => format!("1 {one}"),
                    n => format!("{n} {one}s"),
                };
                let what = match (*posts, *orders) {
                    (p, 0) => count(p, "post"),
                    (0, o) => count(o, "order"),
                    (p, o) => format!("{} and {}", count(p, "post"), count(o, "order")),
                };
                let verb = if posts + orders == 1 { "is" } else { "are" };
                write!(
                    f,
                    "{what} {verb} dated after the report date {as_of} and count nowhere; the first is here"
                )
            }
            P::ReportDatePastData { as_of, last, what } => write!(
                f,
                "the report date {as_of} is more than a month after this client's last {what} ({last}): open retainers are charged for months with no data"
            ),
            P::FarLatestDate {
                what,
                date,
                gap,
                next,
            } => write!(
                f,
                "this {what} dated {date} sets the report date: it is {gap} days after any other post or order ({next})"
            ),
            P::ReportDateTooLate {
                as_of,
                from,
                max_years,
                begins,
                what,
                at,
            } => write!(
                f,
                "the report date {as_of} ({from}) is more than {max_years} years after the data begins on {begins} ({what}, at {at})"
            ),
            P::DateTooEarly {
                what,
                date,
                as_of,
                max_years,
                more,
            } => {
                write!(
                    f,
                    "this {what} dated {date} is more than {max_years} years before the report date {as_of}"
                )?;
                match more {
                    0 => Ok(()),
                    n => write!(f, " ({n} more in this file)"),
                }
            }
            _ => unreachable!("fmt_span is called for the span's problems only"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_a_date_far_before_the_report_date() {
        let p = PortfolioProblem::DateTooEarly {
            what: DateOf::PartnershipStart,
            date: NaiveDate::from_ymd_opt(1900, 3, 1).unwrap(),
            as_of: NaiveDate::from_ymd_opt(2026, 5, 31).unwrap(),
            max_years: 20,
            more: 2,
        };
        assert_eq!(
            p.to_string(),
            "this partnership start dated 1900-03-01 is more than 20 years before the report date 2026-05-31 (2 more in this file)"
        );
        assert_eq!(
            p.help().unwrap(),
            "a report spans at most 20 years; if the year is a typo, correct it"
        );
    }

    #[test]
    fn words_a_dropped_image() {
        let p = PortfolioProblem::LinkDropped {
            url: "https://t.example/p.gif".into(),
            image: true,
            why: LinkRefusal::RemoteImage,
        };
        assert_eq!(
            p.to_string(),
            "image \"https://t.example/p.gif\" is on another site, and pages load nothing from the network; it is dropped, its text stays"
        );
        assert_eq!(
            p.help().unwrap(),
            "put the image under the client's assets/ and write ../../assets/<file>"
        );
    }

    #[test]
    fn a_client_not_found_lists_the_clients_when_none_is_near() {
        let p = PortfolioProblem::NoSuchClient {
            wanted: "zz".into(),
            suggestion: None,
            clients: vec!["kestrel-coffee".into(), "polyn".into()],
        };
        assert_eq!(p.to_string(), "--client zz: no such client");
        assert_eq!(
            p.help().unwrap(),
            "the clients of this portfolio: kestrel-coffee, polyn"
        );
    }
}
