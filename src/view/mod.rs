//! The presentation layer: each page of a client's site as a view, what
//! both renderers consume (the HTML pages through tera, and the monthly
//! PDF through Typst), neither of which this layer knows.
//!
//! A view never computes a figure: it reads [`crate::analytics`]'s figures
//! and the model, and makes them words and cells in the client's language:
//! the page contexts ([`pages`]), the wording of each language ([`i18n`]),
//! numbers, money and dates formatted ([`mod@format`]), the tables with the
//! CSV file each carries ([`table`]) and the notes made safe HTML
//! ([`notes`]). Whatever a renderer shows, it takes from here, so the site
//! and the PDF say the same thing in the same words.

pub mod format;
pub mod i18n;
pub mod notes;
pub mod pages;
pub mod table;

use crate::model::Month;
use pages::Ctx;
use pages::month::MonthPage;

/// A file of a client's site: its path below the client's folder, and its
/// bytes.
pub type File = (String, Vec<u8>);

/// A logo: its name in the client folder and its contents.
pub type Logo<'a> = (&'a str, &'a [u8]);

/// A renderer of the monthly reports' views into files of their own (the
/// PDF), run beside the HTML renderer: handed each report's view as it is
/// made, it starts on it at once, and gives its file when the client's
/// pages are done. So the two renderers work at the same time without
/// either knowing the other.
pub trait MonthFiles: Sync {
    /// Work begun on one report.
    type Pending: Send;

    /// Begin on month `m`'s report `page` of the client of `ctx`, whose logo
    /// is `logo`; `None` when the report has no file of this kind.
    fn start(
        &self,
        ctx: &Ctx,
        logo: Option<Logo>,
        m: Month,
        page: &MonthPage,
    ) -> Option<Self::Pending>;

    /// The file of a report begun, or the problem that fails the build.
    fn finish(&self, ctx: &Ctx, m: Month, pending: Self::Pending) -> anyhow::Result<File>;
}
