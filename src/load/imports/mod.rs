//! Other tools' exports, read as they are: a [`View`] turns each row of a
//! file with its own columns into a row of roster's (imports.md).
//!
//! A view comes from an `imports` entry of client.yaml ([`config`], applied
//! in [`mapped`]) or from a preset recognised by the file's header
//! ([`presets`]); it renames and sums columns, renames values, fills in a
//! partnership from the entry or the folder, matches discount codes to
//! partnerships, and hashes customers ([`customers`]). Rows are translated
//! one at a time, as they are read: a view keeps no row, and no personal
//! value outlives its row.

pub mod config;
pub mod customers;
mod mapped;
mod presets;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostics::Location;
use crate::diagnostics::kind::{CsvProblem, ImportProblem};
use crate::load::csv::Cell;
use crate::load::values::{DateOrder, DecimalMark, dates, numbers};
pub use config::ImportMapping;
pub use mapped::{Unmapped, mapped, own};
pub use presets::{PRESETS, fits, lacks, preset, recognise};

/// The discount codes of a client's partnerships, lower-cased, with the
/// partnership each belongs to.
#[derive(Debug, Clone, Default)]
pub struct Codes(pub HashMap<String, String>);

/// How a client's metrics files are read, beyond their header.
#[derive(Debug, Clone, Copy, Default)]
pub struct How<'a> {
    /// How slash dates read.
    pub order: DateOrder,
    /// `customer_salt` of roster.yaml.
    pub salt: &'a str,
    /// The partnerships' discount codes.
    pub codes: Option<&'a Codes>,
    /// The `imports` entry the file is read through, if any.
    pub mapping: Option<&'a ImportMapping>,
    /// The partnership whose folder the file is in, if any.
    pub folder: Option<&'a str>,
    /// Whether the file is read for `roster import`: orders keep their
    /// revenue (which no figure reads) to be written out, and personal
    /// data is not warned about (it is being taken out).
    pub importing: bool,
    /// The preset named by `roster import --as`, whatever the header.
    pub preset: Option<&'static str>,
}

/// How one of roster's columns is made from a row of the file.
#[derive(Debug, Clone)]
pub(crate) enum Source {
    /// A column of the file.
    Column(usize),
    /// Columns of the file, summed: unknown when all are empty.
    Sum(Vec<usize>),
    /// A column of the file, or this value where it is empty (or absent).
    OrElse(Option<usize>, String),
    /// Discount codes, matched to the partnership they belong to.
    Codes(usize),
    /// A customer's e-mail or name, hashed.
    Personal(usize),
    /// A date-time written month first, whatever `date_order` says.
    MonthFirst(usize),
    /// A YouTube video id, as a link to the video.
    WatchUrl(usize),
    /// A TikTok video link's id.
    VideoId(usize),
    /// A TikTok video link's time of publication.
    VideoTime(usize),
}

impl Source {
    /// The field of the file a problem with this column is placed at.
    fn field(&self) -> usize {
        match self {
            Source::Column(i)
            | Source::Codes(i)
            | Source::Personal(i)
            | Source::MonthFirst(i)
            | Source::WatchUrl(i)
            | Source::VideoId(i)
            | Source::VideoTime(i) => *i,
            Source::Sum(parts) => parts.first().copied().unwrap_or(0),
            Source::OrElse(i, _) => i.unwrap_or(0),
        }
    }
}

/// Which rows a preset leaves out, and where it reads why.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Rules {
    /// Every row is a record.
    Keep,
    /// Shopify: rows after an order's first are its line items;
    /// refunded, voided and cancelled orders are left out.
    Shopify {
        name: usize,
        status: Option<usize>,
        cancelled: Option<usize>,
    },
    /// WooCommerce: refunded, cancelled and failed orders are left out.
    Woo { status: Option<usize> },
    /// YouTube: the `Total` row is skipped, and videos without a publish
    /// time.
    YouTube { content: usize, published: usize },
}

/// A file's columns as roster's: how each is made, and which rows count.
#[derive(Debug, Clone)]
pub struct View<'a> {
    /// posts, daily or orders.
    pub kind: &'static str,
    /// The preset, when the view is one.
    pub preset: Option<&'static str>,
    /// roster's columns, in the order of `sources`.
    pub header: Vec<String>,
    pub(crate) sources: Vec<Source>,
    /// Values renamed, by column of `header`.
    pub(crate) values: Vec<Option<&'a HashMap<String, String>>>,
    pub(crate) rules: Rules,
    pub(crate) codes: Option<&'a Codes>,
    pub(crate) salt: &'a str,
    /// How slash dates read, when the entry says.
    pub order: Option<DateOrder>,
    /// The decimal mark, when the entry says.
    pub mark: Option<DecimalMark>,
}

/// A row of the file as one of roster's, with the field of the file each
/// of its cells comes from.
pub struct Translated {
    /// The cells, in the order of the view's header.
    pub record: csv::StringRecord,
    /// For each cell, the file's field.
    pub fields: Vec<u32>,
}

/// What a view met in a file's rows, told once the file is read.
#[derive(Debug, Default)]
pub struct State {
    /// Rows of the file read (records, not counting its header).
    pub rows: usize,
    seen: HashSet<String>,
    folded: usize,
    left_out: usize,
    without_customer: usize,
    without_date: usize,
    unknown: BTreeMap<String, (String, usize, Cell)>,
    /// Personal data met in a column read as an id: e-mails (true) or
    /// names (false), and where first.
    pub personal: Option<(bool, Cell)>,
}

impl View<'_> {
    /// The highest field of the file the view reads, plus one.
    pub fn width(&self) -> usize {
        self.sources
            .iter()
            .map(|s| s.field() + 1)
            .max()
            .unwrap_or(0)
    }

    /// The field of the file with the row's id.
    pub fn id_field(&self) -> Option<usize> {
        let id = self
            .header
            .iter()
            .position(|h| h == "post_id" || h == "order_id")?;
        Some(self.sources[id].field())
    }

    /// Translate one row; `None` when it is left out, or has a problem
    /// (in `errors`). `cell(i)` is the place of the file's field `i`.
    pub fn translate(
        &self,
        record: &csv::StringRecord,
        cell: &dyn Fn(usize) -> Cell,
        errors: &mut Vec<(Cell, CsvProblem)>,
        state: &mut State,
    ) -> Option<Translated> {
        let text = |i: usize| record.get(i).map(str::trim).filter(|s| !s.is_empty());
        if !self.keeps(&text, state) {
            return None;
        }
        let mut out = csv::StringRecord::new();
        let mut fields = Vec::with_capacity(self.sources.len());
        for (c, source) in self.sources.iter().enumerate() {
            let value = self.value((&self.header[c], source), &text, cell, errors, state);
            let value = match (self.values.get(c).copied().flatten(), value) {
                (Some(map), Some(v)) => Some(map.get(&v).cloned().unwrap_or(v)),
                (_, v) => v,
            };
            out.push_field(value.as_deref().unwrap_or(""));
            fields.push(u32::try_from(source.field()).unwrap_or(u32::MAX));
        }
        if self.kind == "orders"
            && self
                .sources
                .iter()
                .any(|s| matches!(s, Source::Personal(_)))
        {
            let customer = self.header.iter().position(|h| h == "customer");
            if customer.is_some_and(|c| out.get(c).is_none_or(str::is_empty)) {
                state.without_customer += 1;
                return None;
            }
        }
        Some(Translated {
            record: out,
            fields,
        })
    }

    /// Whether a row is a record: not a line item after its order's first
    /// row, not an order left out, not YouTube's total.
    fn keeps<'r>(&self, text: &dyn Fn(usize) -> Option<&'r str>, state: &mut State) -> bool {
        let status = |i: Option<usize>| i.and_then(text).map(str::to_lowercase);
        match self.rules {
            Rules::Keep => true,
            Rules::Shopify {
                name,
                status: s,
                cancelled,
            } => {
                let Some(order) = text(name) else {
                    return true;
                };
                if !state.seen.insert(order.to_string()) {
                    state.folded += 1;
                    return false;
                }
                let gone = matches!(status(s).as_deref(), Some("refunded" | "voided"))
                    || cancelled.and_then(text).is_some();
                state.left_out += usize::from(gone);
                !gone
            }
            Rules::Woo { status: s } => {
                let gone = matches!(
                    status(s).as_deref().map(|s| s.trim_start_matches("wc-")),
                    Some("refunded" | "cancelled" | "failed")
                );
                state.left_out += usize::from(gone);
                !gone
            }
            Rules::YouTube { content, published } => {
                if text(content).is_some_and(|c| c.eq_ignore_ascii_case("total")) {
                    return false;
                }
                let dated = text(published).is_some();
                state.without_date += usize::from(!dated);
                dated
            }
        }
    }

    fn value<'r>(
        &self,
        (name, source): (&str, &Source),
        text: &dyn Fn(usize) -> Option<&'r str>,
        cell: &dyn Fn(usize) -> Cell,
        errors: &mut Vec<(Cell, CsvProblem)>,
        state: &mut State,
    ) -> Option<String> {
        match source {
            Source::Column(i) => text(*i).map(str::to_string),
            Source::OrElse(i, default) => Some(
                i.and_then(text)
                    .map_or_else(|| default.clone(), str::to_string),
            ),
            Source::Sum(parts) => self.sum(parts, name, text, cell, errors),
            Source::Codes(i) => self.codes(text(*i)?, cell(*i), state),
            Source::Personal(i) => {
                let v = text(*i)?;
                if state.personal.is_none() {
                    let email = customers::written(v) == customers::Written::Email;
                    state.personal = Some((email, cell(*i)));
                }
                Some(customers::hash(self.salt, v))
            }
            Source::MonthFirst(i) => {
                let raw = text(*i)?;
                match dates::parse(raw, DateOrder::Mdy) {
                    Ok(stamp) => Some(stamp.rfc3339()),
                    Err(_) => Some(raw.to_string()),
                }
            }
            Source::WatchUrl(i) => {
                text(*i).map(|id| format!("https://www.youtube.com/watch?v={id}"))
            }
            Source::VideoId(i) | Source::VideoTime(i) => {
                let link = text(*i)?;
                let Some(id) = video_id(link) else {
                    let problem = CsvProblem::NotAVideoLink {
                        value: link.to_string(),
                    };
                    errors.push((cell(*i), problem));
                    return None;
                };
                Some(match source {
                    Source::VideoId(_) => id.to_string(),
                    _ => video_time(id),
                })
            }
        }
    }

    /// The sum of counts: unknown when every part is empty, else the empty
    /// parts count as 0.
    fn sum<'r>(
        &self,
        parts: &[usize],
        name: &str,
        text: &dyn Fn(usize) -> Option<&'r str>,
        cell: &dyn Fn(usize) -> Cell,
        errors: &mut Vec<(Cell, CsvProblem)>,
    ) -> Option<String> {
        let mark = self.mark.unwrap_or(DecimalMark::Point);
        let mut total: Option<u64> = None;
        for &i in parts {
            let Some(raw) = text(i) else {
                continue;
            };
            let n = raw.parse::<u64>().ok().or_else(|| {
                numbers::count(raw, mark)
                    .ok()
                    .filter(|d| d.fract().is_zero() && !d.is_sign_negative())
                    .and_then(|d| u64::try_from(d).ok())
            });
            match n {
                Some(n) => total = Some(total.unwrap_or(0).saturating_add(n)),
                None => {
                    // Typed as the count it is part of, at its own cell.
                    errors.push((
                        cell(i),
                        CsvProblem::NotACount {
                            column: name.to_string(),
                            value: raw.to_string(),
                        },
                    ));
                    return None;
                }
            }
        }
        total.map(|n| n.to_string())
    }

    /// The partnership of the first code (of a list separated by commas)
    /// that is a partnership's; every code that is no partnership's is
    /// counted, to be warned about once.
    fn codes(&self, written: &str, at: Cell, state: &mut State) -> Option<String> {
        let mut found = None;
        for code in written.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let key = code.to_lowercase();
            match self.codes.and_then(|c| c.0.get(&key)) {
                Some(p) => found = found.or_else(|| Some(p.clone())),
                None => {
                    let entry = state.unknown.entry(key);
                    entry.or_insert((code.to_string(), 0, at)).1 += 1;
                }
            }
        }
        found
    }
}

/// The numeric id in a TikTok video link (`.../video/7140000000000000000`).
fn video_id(link: &str) -> Option<u64> {
    let after = link.split("/video/").nth(1)?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|id| *id > u64::from(u32::MAX))
}

/// The instant a TikTok video was published, from its id's top 32 bits.
fn video_time(id: u64) -> String {
    let seconds = i64::try_from(id >> 32).unwrap_or(0);
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// What reading a file through a view came to, for `roster import` to
/// tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Rows read, below the header.
    pub rows: usize,
    /// Line-item rows folded into their order's first row.
    pub folded: usize,
    /// Orders left out for their status.
    pub left_out: usize,
    /// Orders left out for having no customer.
    pub without_customer: usize,
    /// Videos skipped for having no publish time.
    pub without_date: usize,
    /// Discount codes no partnership has, each with its orders.
    pub unknown: Vec<(String, usize)>,
}

/// The warnings of a file read through `view`, once its rows are read;
/// `at` places a problem in the file, at a cell or (with `None`) the file.
/// What it came to.
pub fn finish(
    (view, importing): (Option<&View>, bool),
    state: State,
    at: &dyn Fn(Option<Cell>) -> Location,
    diags: &mut crate::diagnostics::Diagnostics,
) -> Tally {
    let tally = Tally {
        rows: state.rows,
        folded: state.folded,
        left_out: state.left_out,
        without_customer: state.without_customer,
        without_date: state.without_date,
        unknown: state
            .unknown
            .values()
            .map(|(code, n, _)| (code.clone(), *n))
            .collect(),
    };
    use crate::diagnostics::Diagnostic;
    let mut warn = |problem: ImportProblem, cell: Option<Cell>| {
        diags.push(Diagnostic::warning(problem).at(at(cell)));
    };
    if let Some((emails, cell)) = state.personal.filter(|_| !importing) {
        warn(ImportProblem::PersonalData { emails }, Some(cell));
    }
    let Some(view) = view else {
        return tally;
    };
    if state.left_out > 0 {
        let statuses = match view.rules {
            Rules::Woo { .. } => "refunded, cancelled or failed",
            _ => "refunded, voided or cancelled",
        };
        let problem = ImportProblem::OrdersLeftOut {
            orders: state.left_out,
            statuses,
        };
        warn(problem, None);
    }
    if state.without_customer > 0 {
        let problem = ImportProblem::OrdersWithoutCustomer {
            orders: state.without_customer,
        };
        warn(problem, None);
    }
    if state.without_date > 0 {
        let problem = ImportProblem::VideosWithoutDate {
            videos: state.without_date,
        };
        warn(problem, None);
    }
    for (_, (code, orders, cell)) in state.unknown {
        warn(ImportProblem::UnknownCode { code, orders }, Some(cell));
    }
    if view.preset == Some("woocommerce-orders") {
        warn(ImportProblem::CustomersAreNames, None);
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_time_from_a_tiktok_video_id() {
        // 1662310992 is 2022-09-04T17:03:12Z.
        let id = (1_662_310_992_u64 << 32) | 12345;
        let link = format!("https://www.tiktok.com/@a/video/{id}?lang=en");
        assert_eq!(video_id(&link), Some(id));
        assert_eq!(video_time(id), "2022-09-04T17:03:12Z");
        assert_eq!(video_id("https://www.tiktok.com/@a"), None);
        assert_eq!(video_id("https://www.tiktok.com/@a/video/42"), None);
    }
}
