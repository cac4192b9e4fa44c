//! The monthly report as a PDF (`reports/<YYYY-MM>/report.pdf`), typeset
//! inside roster by Typst: no browser, no network, the same bytes on every
//! build (docs/deployment.md, "One client's folder by mail").
//!
//! [`markup`] writes the report's Typst source from the page's own figures;
//! [`world`] is the typesetter's only view of the machine (the source, the
//! chart, the fonts built into the binary); this file compiles and exports;
//! [`catalog`] mends the one entry of typst's output that PDF readers
//! built on poppler complain of.
//! The PDF carries no creation date and an identifier made from the client
//! and the month, so a rebuild writes the same file.
//!
//! A build makes one [`Typesetter`]: the fonts and the standard library,
//! set up once, and a thread pool of its own. Typst's PDF writer waits for
//! its parallel parts by running whatever else its pool holds; on the pool
//! that renders clients that would be another client's whole site, started
//! inside this one's PDF, and so on down. On its own pool a report waits
//! only on reports; the client that asked renders its other pages
//! meanwhile, then waits for its PDF without taking work.

mod catalog;
mod escape;
mod markup;
mod note;
mod opening;
mod reports;
mod table;
mod world;

pub use reports::Reports;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, mpsc};

use typst::diag::SourceDiagnostic;
use typst::foundations::{Bytes, Label, Smart};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::model::{Language, Month, PageSize};
use crate::view::pages::month::MonthPage;
use crate::view::pages::{Ctx, internal_mark};
use markup::Moved;
use world::{ReportWorld, Shared};

/// Everything one PDF is made from.
pub struct Report<'a> {
    /// The client's id, for the file's identifier.
    pub client_id: &'a str,
    /// The client's name.
    pub client: &'a str,
    /// roster.yaml's title: the agency.
    pub agency: &'a str,
    /// The report's month, for the file's identifier.
    pub month: Month,
    /// The client's language.
    pub lang: Language,
    /// The paper.
    pub page_size: PageSize,
    /// The brand colour, `#rrggbb`.
    pub accent: &'a str,
    /// "Internal" in an internal build: every page says so.
    pub internal: Option<&'a str>,
    /// The figures, as the monthly page shows them.
    pub page: &'a MonthPage,
    /// The month's notes as the page shows them, heading and Markdown: the
    /// client's, and in an internal build the agency's own.
    pub notes: Vec<(&'a str, &'a str)>,
    /// The client's logo, its file name and contents, when it has one.
    pub logo: Option<(&'a str, &'a [u8])>,
    /// The top posts' thumbnails the portfolio has, each its file name
    /// (`assets/posts/<id>.png`) and contents: only what begins as a PNG or
    /// a JPEG.
    pub thumbs: Vec<(&'a str, &'a [u8])>,
}

impl<'a> Report<'a> {
    /// Month `m`'s report of `ctx`'s client from its `page`, marked as the
    /// build marks its pages; no notes and no logo until the caller adds
    /// them.
    pub fn of(ctx: &'a Ctx, m: Month, page: &'a MonthPage) -> Report<'a> {
        Report {
            client_id: ctx.client.id.as_str(),
            client: &ctx.client.name,
            agency: ctx.portfolio.settings.title_in(ctx.lang()),
            month: m,
            lang: ctx.lang(),
            page_size: ctx.client.page_size,
            accent: &ctx.accent,
            internal: internal_mark(ctx.portfolio, ctx.lang()),
            page,
            notes: Vec::new(),
            logo: None,
            thumbs: Vec::new(),
        }
    }
}

/// How many reports' worth of the typesetter's memo cache is kept: enough
/// for the next report to reuse what every report shares (the appendix,
/// the headings), little enough that memory does not grow with clients.
const CACHE_REPORTS: usize = 4;

/// The build's typesetter: fonts and library parsed once, and the threads
/// reports are typeset on.
pub struct Typesetter {
    shared: Arc<Shared>,
    pool: rayon::ThreadPool,
}

impl Typesetter {
    /// Parse the fonts, make the library and start the threads.
    pub fn new() -> Result<Typesetter, String> {
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("roster-pdf-{i}"))
            .build()
            .map_err(|e| format!("the typesetter's threads could not start: {e}"))?;
        Ok(Typesetter {
            shared: Arc::new(Shared::new()),
            pool,
        })
    }

    /// The PDF of `r`, or what the typesetter found wrong, one problem a
    /// line. The calling thread waits; the work is done on the pool.
    pub fn month_report(&self, r: &Report) -> Result<Vec<u8>, Failure> {
        self.start(r).wait()
    }

    /// Start typesetting `r` on the pool; the caller goes on with its
    /// pages and collects the PDF when it has done them.
    pub fn start(&self, r: &Report) -> Pending {
        let ident = format!("roster/{}/{}", r.client_id, r.month);
        let (tx, rx) = mpsc::sync_channel(1);
        let shared = Arc::clone(&self.shared);
        // The layout reads the report; it is made here, where the report
        // lives, and only the typesetting of the worlds waits on the pool.
        let worlds = worlds(
            shared,
            r,
            &[Moved::Nothing, Moved::Comparison, Moved::Trend],
        );
        self.pool.spawn(move || {
            let made = catch_unwind(AssertUnwindSafe(|| {
                fitted(worlds).and_then(|laid| export(laid, ident))
            }))
            .unwrap_or_else(|_| Err("the typesetter stopped on this report".to_string().into()));
            comemo::evict(CACHE_REPORTS);
            let _ = tx.send(made);
        });
        Pending(rx)
    }
}

/// A PDF being typeset.
pub struct Pending(mpsc::Receiver<Result<Vec<u8>, Failure>>);

impl Pending {
    /// The PDF, or what the typesetter found wrong, when it is done.
    pub fn wait(self) -> Result<Vec<u8>, Failure> {
        self.0
            .recv()
            .unwrap_or_else(|_| Err("the typesetter stopped on this report".to_string().into()))
    }
}

/// How many pages a report has before its appendix, at most.
const PAGES: usize = 3;

/// How many pages come before the appendix of `document`.
pub(super) fn before_appendix(document: &PagedDocument) -> Option<usize> {
    use typst::introspection::Introspector as _;
    let label = Label::new(PicoStr::intern(markup::APPENDIX))?;
    let intro = document.introspector();
    let at = intro.query_label(label).ok()?.location()?;
    intro.page(at).map(|p| p.get() - 1)
}

/// The PDF of the report laid out in `world` as `document`, with `ident`
/// as its identifier.
fn export(
    (world, document): (ReportWorld, PagedDocument),
    ident: String,
) -> Result<Vec<u8>, Failure> {
    let world = &world;
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some("roster".into())),
        timestamp: None,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options)
        .map(catalog::without_suspects)
        .map_err(|e| problems(world, &e))
}

/// The typesetter's views of `r`, one for each of `layouts`: their sources
/// differ, their files (charts, logo, thumbnails) are read once and shared.
fn worlds(shared: Arc<Shared>, r: &Report, layouts: &[Moved]) -> Vec<ReportWorld> {
    let files = files_of(r);
    (layouts.iter())
        .map(|&m| {
            ReportWorld::new(
                Arc::clone(&shared),
                markup::source(r, &shared, m),
                files.clone(),
            )
        })
        .collect()
}

/// What a report reads besides its source, each file once.
fn files_of(r: &Report) -> Vec<(String, Bytes)> {
    let mut files = vec![(markup::TREND_FILE.to_string(), chart_svg(&r.page.trend.svg))];
    if let Some(c) = &r.page.compounding {
        files.push((markup::ROI_FILE.to_string(), chart_svg(&c.roi.svg)));
        files.push((
            markup::CUMULATIVE_FILE.to_string(),
            chart_svg(&c.cumulative.svg),
        ));
    }
    if let Some((name, bytes)) = r.logo {
        files.push((markup::logo_file(name), bytes.to_vec()));
    }
    for (k, (_, bytes)) in r.thumbs.iter().enumerate() {
        files.push((opening::thumb_file(k, bytes), bytes.to_vec()));
    }
    (files.into_iter())
        .map(|(name, bytes)| (name, Bytes::new(bytes)))
        .collect()
}

/// The first of `worlds` (each moving more to the appendix) whose layout
/// has at most [`PAGES`] pages before the appendix, else the last.
fn fitted(worlds: Vec<ReportWorld>) -> Result<(ReportWorld, PagedDocument), Failure> {
    let last = worlds.len().saturating_sub(1);
    for (k, world) in worlds.into_iter().enumerate() {
        let document = typeset(&world)?;
        if k == last || before_appendix(&document).is_none_or(|n| n <= PAGES) {
            return Ok((world, document));
        }
    }
    Err("the report had nothing to lay out".to_string().into())
}

/// The pages of the report in `world`.
fn typeset(world: &ReportWorld) -> Result<PagedDocument, Failure> {
    typst::compile(world)
        .output
        .map_err(|e| problems(world, &e))
}

/// The chart as the typesetter reads it: the page's SVG names the reader's
/// system fonts, which the report does not have; it has the font the
/// chart's labels were measured with.
fn chart_svg(svg: &str) -> Vec<u8> {
    svg.replace(
        &format!("font-family=\"{}\"", crate::charts::FAMILY),
        &format!("font-family=\"{}\"", world::FAMILY),
    )
    .into_bytes()
}

/// What kept a report from being typeset.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The client's logo could not be read: what the typesetter said.
    Logo(String),
    /// Anything else, one problem a line: roster's own doing.
    Typeset(String),
}

impl From<String> for Failure {
    fn from(s: String) -> Failure {
        Failure::Typeset(s)
    }
}

/// The typesetter's errors as lines: each message with the line of the
/// generated source it points at, and its hints. Errors that all point at
/// the logo are the logo's.
fn problems(world: &ReportWorld, errors: &[SourceDiagnostic]) -> Failure {
    let source = world.main_source();
    let logo = world.logo();
    let mut on_logo = !errors.is_empty();
    let lines: Vec<String> = errors
        .iter()
        .map(|e| {
            let in_main = e.span.id() == Some(source.id());
            let line = typst::WorldExt::range(world, e.span)
                .filter(|_| in_main)
                .and_then(|r| source.lines().byte_to_line(r.start));
            let text = line.and_then(|l| source.text().lines().nth(l));
            let in_logo = logo
                .zip(e.span.id())
                .is_some_and(|(name, id)| world.is_file(id, name));
            on_logo &= in_logo || text.is_some_and(|t| t.contains(markup::LOGO_MARK));
            let at = line.map_or(String::new(), |l| {
                format!(" (line {} of the report's source)", l + 1)
            });
            let hints: String = e.hints.iter().map(|h| format!("; {}", h.v)).collect();
            match on_logo {
                true => format!("{}{hints}", e.message),
                false => format!("{}{at}{hints}", e.message),
            }
        })
        .collect();
    match on_logo {
        true => Failure::Logo(lines.join("\n")),
        false => Failure::Typeset(lines.join("\n")),
    }
}

#[cfg(test)]
mod tests;
