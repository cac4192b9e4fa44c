//! The monthly report as a PDF (`reports/<YYYY-MM>/report.pdf`), typeset
//! inside roster by Typst: no browser, no network, the same bytes on every
//! build (output.md, "A monthly report is also a PDF").
//!
//! [`markup`] writes the report's Typst source from the page's own figures;
//! [`world`] is the typesetter's only view of the machine (the source, the
//! chart, the fonts built into the binary); this file compiles and exports.
//! The PDF carries no creation date and an identifier made from the client
//! and the month, so a rebuild writes the same file. Rendering calls
//! [`month_report`] once per report, on whichever thread renders the
//! client; the engine and fonts behind it are set up once per process.

mod escape;
mod markup;
mod world;

pub use escape::typst_escape;

use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::model::{Language, Month, PageSize};
use crate::render::pages::month::MonthPage;
use world::ReportWorld;

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
}

/// The PDF of `r`, or what the typesetter found wrong, one problem a line.
pub fn month_report(r: &Report) -> Result<Vec<u8>, String> {
    let world = world_of(r);
    let document = typeset(&world)?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("roster/{}/{}", r.client_id, r.month)),
        creator: Smart::Custom(Some("roster".into())),
        timestamp: None,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|e| problems(&world, &e))
}

/// The typesetter's view of `r`: its source and its chart.
fn world_of(r: &Report) -> ReportWorld {
    let svg = chart_svg(&r.page.trend.svg);
    ReportWorld::new(markup::source(r), vec![(markup::TREND_FILE, svg)])
}

/// The pages of the report in `world`.
fn typeset(world: &ReportWorld) -> Result<PagedDocument, String> {
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

/// The typesetter's errors as lines: each message with the line of the
/// generated source it points at, and its hints.
fn problems(world: &ReportWorld, errors: &[SourceDiagnostic]) -> String {
    let source = world.main_source();
    let lines: Vec<String> = errors
        .iter()
        .map(|e| {
            let at = typst::WorldExt::range(world, e.span)
                .and_then(|r| source.lines().byte_to_line(r.start))
                .map_or(String::new(), |l| {
                    format!(" (line {} of the report's source)", l + 1)
                });
            let hints: String = e.hints.iter().map(|h| format!("; {}", h.v)).collect();
            format!("{}{at}{hints}", e.message)
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests;
