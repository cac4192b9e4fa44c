//! The wording of problems with sent reports' records (docs/history.md):
//! an archive file that cannot be read, `roster archive` refused, and the
//! warning that a month sent has been restated.

use std::fmt;

use crate::diagnostics::shorten;

/// A problem with `archive/<MONTH>.json` or `roster archive`.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum HistoryProblem {
    /// The file is not JSON.
    NotJson {
        /// What the JSON reader says.
        reason: String,
    },
    /// The file ends before its JSON does.
    Truncated,
    /// Larger than any archive roster writes.
    TooLarge {
        /// Its size in bytes.
        bytes: u64,
    },
    /// Written in another archive format.
    OtherFormat {
        /// The format it names, as written.
        format: String,
    },
    /// Written by a newer roster than this one.
    Newer {
        /// The version that wrote it.
        written: String,
        /// This roster's version.
        ours: String,
    },
    /// JSON, but not an archive's fields.
    NotAnArchive {
        /// What is missing or wrong.
        reason: String,
    },
    /// A value of the archive that cannot be read.
    BadValue {
        /// The field.
        field: &'static str,
        /// The value.
        value: String,
    },
    /// It names another client than the folder it is in.
    OtherClient {
        /// The client it names.
        named: String,
        /// The folder's client.
        folder: String,
    },
    /// It records another month than its name says.
    OtherMonth {
        /// The month it records.
        named: String,
        /// The month of its file name.
        file: String,
    },
    /// Its month has no report any more.
    NoSuchMonth {
        /// The month.
        month: String,
        /// The first month with a report, if any.
        first: Option<String>,
    },
    /// A month sent has changed since it was archived (a warning).
    Restated {
        /// The month.
        month: String,
        /// The report date it was archived with.
        as_of: String,
        /// The first figure restated, as "revenue $1 -> $2".
        first: String,
        /// How many more.
        more: usize,
    },
    /// `roster archive` for a month that cannot be archived.
    CannotArchive {
        /// The month asked for.
        month: String,
        /// Why: "is not over by the report date 2026-10-31" or "has no report".
        why: String,
        /// The months that can be.
        can: Vec<String>,
    },
    /// `roster archive` for a month archived before.
    Archived {
        /// The existing files.
        files: Vec<String>,
    },
    /// `roster archive --client` naming an unknown or unpublished client.
    NoSuchClient {
        /// The id.
        id: String,
        /// The published clients.
        published: Vec<String>,
    },
    /// The month is not `YYYY-MM`.
    NotAMonth {
        /// As given.
        given: String,
    },
    /// An archive could not be written.
    CannotWrite {
        /// The system's reason.
        reason: String,
    },
}

impl HistoryProblem {
    /// The likely fix.
    pub fn help(&self) -> Option<String> {
        use HistoryProblem as P;
        Some(match self {
            P::NotJson { .. } | P::Truncated | P::NotAnArchive { .. } | P::BadValue { .. } => {
                "restore the file from git (`git checkout -- FILE`), or archive the month again with `roster archive MONTH --force`".into()
            }
            P::TooLarge { .. } => "an archive is a few kilobytes: restore it from git".into(),
            P::OtherFormat { .. } | P::Newer { .. } => {
                "update roster to the version that wrote it, or archive the month again with this one (`roster archive MONTH --force`)".into()
            }
            P::OtherClient { .. } | P::OtherMonth { .. } => {
                "move the file to the client and month it records, or archive the month again".into()
            }
            P::NoSuchMonth { .. } => {
                "remove the file (git keeps it), or restore the data of that month".into()
            }
            P::Restated { month, .. } => format!(
                "see the month's \"Restated\" section; to accept the change, run `roster archive {month} --force`"
            ),
            P::CannotArchive { can, .. } if can.is_empty() => {
                "no month is over yet: set a later report date with --as-of".into()
            }
            P::CannotArchive { can, .. } => format!("months that can be archived: {}", list(can)),
            P::Archived { .. } => {
                "to record the month as it is now, add --force: the old file is kept as <MONTH>.<n>.json".into()
            }
            P::NoSuchClient { published, .. } => {
                format!("published clients: {}", list(published))
            }
            P::NotAMonth { .. } => "write the month as YYYY-MM, such as 2026-09".into(),
            P::CannotWrite { .. } => return None,
        })
    }
}

/// A few items, then how many more.
fn list(items: &[String]) -> String {
    const SHOWN: usize = 12;
    match items.len() {
        0 => "none".into(),
        n if n <= SHOWN => items.join(", "),
        n => format!("{} and {} more", items[..SHOWN].join(", "), n - SHOWN),
    }
}

impl fmt::Display for HistoryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use HistoryProblem as P;
        match self {
            P::NotJson { reason } => write!(f, "this archive is not JSON: {reason}"),
            P::Truncated => f.write_str("this archive ends before its JSON does: it is truncated"),
            P::TooLarge { bytes } => {
                write!(f, "this archive is too large to be one ({bytes} bytes)")
            }
            P::OtherFormat { format } => write!(
                f,
                "this archive is in format {}; this roster reads format {}",
                shorten(format),
                crate::model::archive::FORMAT
            ),
            P::Newer { written, ours } => write!(
                f,
                "this archive was written by roster {}, newer than this one ({ours})",
                shorten(written)
            ),
            P::NotAnArchive { reason } => write!(f, "this is not a roster archive: {reason}"),
            P::BadValue { field, value } => {
                write!(
                    f,
                    "this archive's `{field}` cannot be read: {}",
                    shorten(value)
                )
            }
            P::OtherClient { named, folder } => write!(
                f,
                "this archive is client {}'s, not {folder}'s",
                shorten(named)
            ),
            P::OtherMonth { named, file } => write!(
                f,
                "this archive records {}, but its name says {file}",
                shorten(named)
            ),
            P::NoSuchMonth { month, first } => match first {
                Some(first) => write!(
                    f,
                    "{month} has no report any more: the reports begin in {first}"
                ),
                None => write!(
                    f,
                    "{month} has no report any more: the client has no activity"
                ),
            },
            P::Restated {
                month,
                as_of,
                first,
                more,
            } => {
                write!(
                    f,
                    "{month} is restated since it was archived as of {as_of}: {first}"
                )?;
                if *more > 0 {
                    write!(f, " and {more} more")?;
                }
                Ok(())
            }
            P::CannotArchive { month, why, .. } => {
                write!(f, "{month} cannot be archived: it {why}")
            }
            P::Archived { files } => write!(f, "already archived: {}", list(files)),
            P::NoSuchClient { id, .. } => {
                write!(f, "no published client `{}` to archive", shorten(id))
            }
            P::NotAMonth { given } => write!(f, "`{}` is not a month", shorten(given)),
            P::CannotWrite { reason } => write!(f, "the archive could not be written: {reason}"),
        }
    }
}
