//! Settle the report date (docs/metrics.md, reading 1) and the span a report covers.
//!
//! The report date is `--as-of`, else roster.yaml's `as_of`, else the latest
//! post or order date. Two mistakes make a report of centuries, which would
//! take minutes to build and write thousands of pages: a date typed with the
//! wrong year (a partnership starting in 1900, a post in 2099 that then sets
//! the report date) and a report date far in the future. So a span of more
//! than [`MAX_YEARS`] is an error that names the dates that stretch it, and a
//! report date set by one row far beyond the rest of the data is a warning.

use std::path::Path;

use chrono::{Months, NaiveDate};

use crate::diagnostics::kind::{DateOf, PortfolioProblem, ReportDateFrom};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::table::Rows;
use crate::load::yaml::{Seg, join, join_index};
use crate::load::{RawClient, Source};

/// The longest span, in years, from a client's first activity to the report
/// date that roster builds.
pub(crate) const MAX_YEARS: u32 = 20;

/// How many days beyond every other post or order date the latest one may
/// lie before it is worth a warning when it sets the report date.
pub(crate) const FAR_DAYS: i64 = 90;

/// Where the report date came from.
#[derive(Debug, Clone)]
pub(crate) enum Origin {
    /// `--as-of` on the command line.
    CommandLine,
    /// `as_of` in roster.yaml, at this place.
    Settings(Location),
    /// The latest post or order date, on this row.
    Data(Location),
}

impl Origin {
    fn source(&self) -> ReportDateFrom {
        match self {
            Origin::CommandLine => ReportDateFrom::CommandLine,
            Origin::Settings(_) => ReportDateFrom::Settings,
            Origin::Data(_) => ReportDateFrom::Data,
        }
    }

    fn location(&self) -> Option<Location> {
        match self {
            Origin::CommandLine => None,
            Origin::Settings(loc) | Origin::Data(loc) => Some(loc.clone()),
        }
    }
}

/// Where a dated thing was written, found only when a diagnostic needs it
/// (locating a YAML value parses the file again).
#[derive(Debug, Clone, Copy)]
enum Place<'a> {
    /// A value in a YAML file.
    Yaml(&'a Source, &'static str, Option<usize>),
    /// A row of a metrics file.
    Row(&'a Path, usize, usize),
}

impl Place<'_> {
    fn location(&self) -> Location {
        match *self {
            Place::Yaml(src, key, None) => src.locate(&join(&[], key)),
            Place::Yaml(src, key, Some(i)) => {
                let path: Vec<Seg> = join(&join_index(&join(&[], "extra_costs"), i), key);
                src.locate(&path)
            }
            Place::Row(file, line, column) => Location::at(file, line, column),
        }
    }

    /// Files first, then rows, so that ties break the same way every run.
    fn key(&self) -> (&Path, usize, usize) {
        match *self {
            Place::Yaml(src, _, i) => (src.file.as_path(), 0, i.map_or(0, |i| i + 1)),
            Place::Row(file, line, column) => (file, line, column),
        }
    }
}

/// A dated thing of a client's input, with where it was written.
#[derive(Debug, Clone, Copy)]
struct Dated<'a> {
    date: NaiveDate,
    what: DateOf,
    at: Place<'a>,
    /// How many rows it stands for: the orders of one date of an orders
    /// file, which keeps only their count and the first
    /// ([`crate::load::table::Ledger`]).
    rows: usize,
}

/// The post and order dates of a client, each with its row.
fn row_dates(c: &RawClient) -> impl Iterator<Item = Dated<'_>> {
    c.metrics.iter().flat_map(|f| {
        let at = |(line, column)| Place::Row(&f.path, line, column);
        let (posts, orders, ledger) = match &f.rows {
            Rows::Posts(rows) => (&rows[..], &[][..], None),
            Rows::Orders(rows) => (&[][..], &rows[..], None),
            Rows::Ledger(l) => (&[][..], &[][..], Some(l.dates())),
            Rows::Daily(_) => (&[][..], &[][..], None),
        };
        let posts = posts.iter().map(move |r| Dated {
            date: r.published.date,
            what: DateOf::Post,
            at: at(r.at.place()),
            rows: 1,
        });
        let orders = orders.iter().map(move |r| Dated {
            date: r.date.date,
            what: DateOf::Order,
            at: at(r.at.place()),
            rows: 1,
        });
        let dates = ledger.into_iter().flatten().map(move |(date, d)| Dated {
            date: *date,
            what: DateOf::Order,
            at: at(d.first.place()),
            rows: d.rows,
        });
        posts.chain(orders).chain(dates)
    })
}

/// Every date a client's report begins from: the starts and extra costs of
/// its partnerships to `as_of`, its posts and orders.
fn dated(c: &RawClient, as_of: NaiveDate) -> impl Iterator<Item = Dated<'_>> {
    let terms = c
        .partnerships
        .iter()
        .filter(move |p| p.start <= as_of)
        .flat_map(|p| {
            let start = Dated {
                date: p.start,
                what: DateOf::PartnershipStart,
                at: Place::Yaml(&p.source, "start", None),
                rows: 1,
            };
            let costs = p.extra_costs.iter().enumerate().map(|(i, cost)| Dated {
                date: cost.date,
                what: DateOf::ExtraCost,
                at: Place::Yaml(&p.source, "date", Some(i)),
                rows: 1,
            });
            std::iter::once(start).chain(costs)
        });
    terms.chain(row_dates(c))
}

/// The latest post or order date over `clients`, with its row, and a
/// warning when it lies far beyond every other such date. One pass, no
/// list: this runs over every row of a portfolio without `as_of`.
fn from_data(clients: &[&RawClient], diags: &mut Diagnostics) -> Option<(NaiveDate, Location)> {
    let mut latest: Option<Dated> = None;
    // The latest date before the latest one.
    let mut next: Option<NaiveDate> = None;
    for d in clients.iter().flat_map(|c| row_dates(c)) {
        match &latest {
            Some(l) if d.date < l.date => next = next.max(Some(d.date)),
            Some(l) if d.date == l.date && d.at.key() >= l.at.key() => {}
            Some(l) => {
                if d.date > l.date {
                    next = Some(l.date);
                }
                latest = Some(d);
            }
            None => latest = Some(d),
        }
    }
    let latest = latest?;
    if let Some(next) = next {
        let gap = (latest.date - next).num_days();
        if gap > FAR_DAYS {
            diags.push(
                Diagnostic::warning(PortfolioProblem::FarLatestDate {
                    what: latest.what,
                    date: latest.date,
                    gap,
                    next,
                })
                .at(latest.at.location()),
            );
        }
    }
    Some((latest.date, latest.at.location()))
}

/// The report date and where it came from; `None` when there is none.
pub(crate) fn settle(
    command_line: Option<NaiveDate>,
    settings: Option<(NaiveDate, Location)>,
    clients: &[&RawClient],
    diags: &mut Diagnostics,
) -> Option<(NaiveDate, Origin)> {
    if let Some(d) = command_line {
        return Some((d, Origin::CommandLine));
    }
    if let Some((d, loc)) = settings {
        return Some((d, Origin::Settings(loc)));
    }
    from_data(clients, diags).map(|(d, loc)| (d, Origin::Data(loc)))
}

/// Warn, per client, of posts and orders dated after `as_of` (they count
/// nowhere: one warning with the count, at the first), and of an `as_of`
/// more than a month past the client's last post or order (its open
/// retainers are prorated into months with no data).
pub(crate) fn check_data_dates(clients: &[&RawClient], as_of: NaiveDate, diags: &mut Diagnostics) {
    for c in clients {
        let mut after: Option<Dated> = None;
        let (mut posts, mut orders) = (0, 0);
        let mut last: Option<Dated> = None;
        for d in row_dates(c) {
            if d.date > as_of {
                match d.what {
                    DateOf::Order => orders += d.rows,
                    _ => posts += d.rows,
                }
                if after.is_none_or(|a| d.at.key() < a.at.key()) {
                    after = Some(d);
                }
            } else if last.is_none_or(|l| (d.date, l.at.key()) > (l.date, d.at.key())) {
                last = Some(d);
            }
        }
        if let Some(first) = after {
            let problem = PortfolioProblem::AfterReportDate {
                posts,
                orders,
                as_of,
            };
            diags.push(Diagnostic::warning(problem).at(first.at.location()));
        }
        let Some(last) = last else {
            continue;
        };
        if last
            .date
            .checked_add_months(Months::new(1))
            .is_some_and(|m| m < as_of)
        {
            let problem = PortfolioProblem::ReportDatePastData {
                as_of,
                last: last.date,
                what: last.what,
            };
            diags.push(Diagnostic::warning(problem).at(last.at.location()));
        }
    }
}

/// Report every date that stretches a report beyond [`MAX_YEARS`]: the
/// report date itself when most of the data is that far before it, else
/// each date that far before the report date (once per file, with a count).
pub(crate) fn check_span(
    clients: &[&RawClient],
    as_of: NaiveDate,
    origin: &Origin,
    diags: &mut Diagnostics,
) {
    let Some(limit) = as_of.checked_sub_months(Months::new(MAX_YEARS * 12)) else {
        return;
    };
    // The usual case, every date within the span, without collecting them.
    let earliest = clients
        .iter()
        .flat_map(|c| dated(c, as_of).map(|d| d.date))
        .min();
    if earliest.is_none_or(|d| d >= limit) {
        return;
    }
    let mut all: Vec<Dated> = clients.iter().flat_map(|c| dated(c, as_of)).collect();
    all.sort_by(|a, b| a.date.cmp(&b.date).then(a.at.key().cmp(&b.at.key())));
    let total: usize = all.iter().map(|d| d.rows).sum();
    let mut seen = 0;
    let median = all
        .iter()
        .find(|d| {
            seen += d.rows;
            seen > total / 2
        })
        .map_or(as_of, |d| d.date);
    if median < limit {
        let first = &all[0];
        let mut d = Diagnostic::error(PortfolioProblem::ReportDateTooLate {
            as_of,
            from: origin.source(),
            max_years: MAX_YEARS,
            begins: first.date,
            what: first.what,
            at: first.at.location(),
        });
        if let Some(loc) = origin.location() {
            d = d.at(loc);
        }
        diags.push(d);
        return;
    }
    early_dates(&all, as_of, limit, diags);
}

/// One error per file for the dates more than [`MAX_YEARS`] before `as_of`.
fn early_dates(all: &[Dated], as_of: NaiveDate, limit: NaiveDate, diags: &mut Diagnostics) {
    let mut by_file: std::collections::BTreeMap<&Path, Vec<&Dated>> = Default::default();
    for d in all.iter().filter(|d| d.date < limit) {
        by_file.entry(d.at.key().0).or_default().push(d);
    }
    for early in by_file.values() {
        let first = early[0];
        diags.push(
            Diagnostic::error(PortfolioProblem::DateTooEarly {
                what: first.what,
                date: first.date,
                as_of,
                max_years: MAX_YEARS,
                more: early.iter().map(|d| d.rows).sum::<usize>() - 1,
            })
            .at(first.at.location()),
        );
    }
}
