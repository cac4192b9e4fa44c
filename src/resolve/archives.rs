//! A client's records of reports sent, checked against its model
//! (docs/history.md). What cannot be used is said at its file without
//! stopping the build ([`Diagnostics::later`]): the site is built without
//! it, the file is left as it is, and the other months still compare.

use chrono::NaiveDate;

use crate::diagnostics::kind::HistoryProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::archives::RawArchive;
use crate::model::{Archive, Client, Month};

/// The archives of `client` a build with report date `as_of` compares
/// with, months ascending; those of months not over by `as_of`, or
/// recorded with a later report date (a rebuild of an older report), are
/// left out in silence.
pub(super) fn archives(
    client: &Client,
    raw: &[RawArchive],
    as_of: NaiveDate,
    diags: &mut Diagnostics,
) -> Vec<Archive> {
    let first = first_month(client, as_of);
    let mut out = Vec::new();
    for a in raw {
        if a.month.last_day() > as_of {
            continue;
        }
        let record = match &a.read {
            Ok(record) => record,
            Err(d) => {
                diags.later((**d).clone());
                continue;
            }
        };
        match checked(client, a, record, first) {
            // Recorded after this build's report date: a rebuild of an
            // older report has less data than the record, and nothing to
            // compare it with.
            Ok(archive) if archive.as_of > as_of => {}
            Ok(archive) => out.push(archive),
            Err(problem) => diags.later(Diagnostic::error(problem).in_file(&a.file)),
        }
    }
    out
}

/// The archive, or what makes it unusable.
fn checked(
    client: &Client,
    a: &RawArchive,
    record: &crate::model::archive::ArchiveFile,
    first: Option<Month>,
) -> Result<Archive, HistoryProblem> {
    if record.client != client.id.as_str() {
        return Err(HistoryProblem::OtherClient {
            named: record.client.clone(),
            folder: client.id.to_string(),
        });
    }
    if record.month != a.month.to_string() {
        return Err(HistoryProblem::OtherMonth {
            named: record.month.clone(),
            file: a.month.to_string(),
        });
    }
    let bad = |field: &'static str, value: &str| HistoryProblem::BadValue {
        field,
        value: value.to_string(),
    };
    let archived_as_of = NaiveDate::parse_from_str(&record.as_of, "%Y-%m-%d")
        .ok()
        .filter(|d| *d >= a.month.last_day())
        .ok_or_else(|| bad("as_of", &record.as_of))?;
    if record.month_row.month != record.month {
        return Err(bad("month_row.month", &record.month_row.month));
    }
    if first.is_none_or(|first| a.month < first) {
        return Err(HistoryProblem::NoSuchMonth {
            month: a.month.to_string(),
            first: first.map(|m| m.to_string()),
        });
    }
    Ok(Archive {
        file: a.file.clone(),
        month: a.month,
        as_of: archived_as_of,
        record: record.clone(),
    })
}

/// The first month with a report: the first with a cost booked or a post
/// published to `as_of` (docs/metrics.md, "Months").
fn first_month(c: &Client, as_of: NaiveDate) -> Option<Month> {
    let starts = c.partnerships.iter().map(|p| p.start);
    let extras = (c.partnerships.iter())
        .flat_map(|p| p.extra_costs.iter().map(|e| e.date))
        .filter(|d| *d <= as_of);
    let posts = c.posts.iter().map(|p| p.date).filter(|d| *d <= as_of);
    starts.chain(extras).chain(posts).min().map(Month::of)
}
