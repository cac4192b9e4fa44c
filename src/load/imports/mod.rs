//! Other tools' exports, read as they are: a [`View`] turns each row of a
//! file with its own columns into a row of roster's (docs/your-data.md).
//!
//! A view comes from an `imports` entry of client.yaml ([`config`], applied
//! in [`mod@mapped`]) or from a preset recognised by the file's header
//! ([`presets`], whose headers in other languages are data:
//! [`languages`]); it renames and sums columns, renames values, fills in a
//! partnership from the entry or the folder, matches discount codes to
//! partnerships, hashes customers ([`customers`]), and notes what a
//! platform export's row says beyond roster's columns: its platform, views,
//! and whether it names the brand ([`platform`]). Rows are translated
//! one at a time, as they are read: a view keeps no row, and no personal
//! value outlives its row.

pub(crate) mod config;
pub(crate) mod customers;
mod languages;
mod mapped;
pub(crate) mod platform;
mod presets;
mod tally;
mod view;

use std::collections::HashMap;

use crate::load::values::{DateOrder, DecimalMark};
use crate::model::TableKind;
pub(crate) use config::ImportMapping;
pub(crate) use languages::normalise;
pub(crate) use mapped::{Unmapped, mapped, own};
pub(crate) use presets::{PRESETS, fits, in_english, lacks, preset, recognise, recognise_english};
pub(crate) use tally::{State, Tally, finish, unsalted};

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
    /// The client's partnership ids: a platform export in no partnership's
    /// folder is told of one its folder is named nearly as (`Aroa` for
    /// `aroa`).
    pub owners: &'a [&'a str],
    /// Whether the file is read for `roster import`: orders keep their
    /// revenue (which no figure reads) to be written out, and personal
    /// data is not warned about (it is being taken out).
    pub importing: bool,
    /// The preset named by `roster import --as`, whatever the header.
    pub preset: Option<&'static str>,
    /// The report date, when it is known before reading (`--as-of`, or
    /// `as_of` in roster.yaml): orders after it are left out of what
    /// repeat purchase keeps.
    pub orders_to: Option<chrono::NaiveDate>,
    /// `mentions` of client.yaml: the brand's handles, hashtags and words.
    pub mentions: &'a [String],
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
    /// Discount codes, matched to the partnership they belong to: several
    /// in one cell are separated by the text given (Shopify's ` + `,
    /// WooCommerce's `, `).
    Codes(usize, &'static str),
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
            | Source::Codes(i, _)
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
    /// WooCommerce: refunded, cancelled and failed orders are left out,
    /// and so is a refunded order that keeps `Status` completed: `Net
    /// Sales` below 0 or `Items sold` 0.
    Woo {
        status: Option<usize>,
        net: Option<usize>,
        items: Option<usize>,
    },
    /// YouTube: the `Total` row is skipped, and videos without a publish
    /// time.
    YouTube { content: usize, published: usize },
}

/// A file's columns as roster's: how each is made, and which rows count.
#[derive(Debug, Clone)]
pub(crate) struct View<'a> {
    /// The kind of table it reads the file as.
    pub kind: TableKind,
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
    /// Where a platform export's rows say more than roster's columns.
    pub(crate) export: Option<platform::ExportColumns>,
    /// The columns engagement sums that the export lacks (engagement is
    /// then unknown).
    pub lacks: Vec<String>,
    /// `mentions` of client.yaml.
    pub(crate) mentions: &'a [String],
}

/// A row of the file as one of roster's, with the field of the file each
/// of its cells comes from.
pub(crate) struct Translated {
    /// The cells, in the order of the view's header.
    pub record: csv::StringRecord,
    /// For each cell, the file's field.
    pub fields: Vec<u32>,
}
