//! A monthly report as Typst source: the figures the page shows, in the
//! page's own formatting and order, laid out for paper: the opening
//! ([`super::opening`]) and the month per creator on page 1, the evidence
//! after, and the appendix on a page of its own.
//!
//! Everything here comes from the [`crate::view::pages::month::MonthPage`] the HTML report is made
//! from, so the PDF and the page cannot disagree on a number; every text
//! that came from the portfolio (names, the agency's title) goes through
//! [`super::escape::typst_escape`]. The running header, page numbers and paper are page
//! settings; the appendix starts on a page of its own. A month restated
//! since its report was sent opens with the page's notice, linked to the
//! table of what changed, first in the appendix.

use std::fmt::Write as _;

use super::Report;
use super::escape::{MUTED, literal, typst_escape as esc};
use super::opening;
use super::table::{self, TEXT};
use super::world::{FAMILY, Shared};
use crate::charts::Role;
use crate::view::i18n;
use crate::view::pages::Legend;
use crate::view::pages::restated::RestatedView;

/// The name the trend chart is read under.
pub(super) const TREND_FILE: &str = "trend.svg";

/// The page's margin at each side, in points (16 mm).
const MARGIN_X: f64 = 16.0 / 25.4 * 72.0;

/// The Typst source of `r`, its tables measured in `fonts`, with what
/// `moved` sends to the appendix.
pub(super) fn source(r: &Report, fonts: &Shared, moved: Moved) -> String {
    let mut out = String::new();
    setup(&mut out, r);
    title(&mut out, r);
    body(&mut out, r, fonts, moved);
    appendix(&mut out, r, fonts, moved);
    out
}

/// The paper, the fonts, the running header and the page numbers.
fn setup(out: &mut String, r: &Report) {
    let t = &i18n::catalogue(r.lang).texts;
    let mut running = format!("{} · {}", esc(r.client), esc(&r.page.month));
    if let Some(mark) = r.internal {
        running = format!("{} · {running}", esc(mark));
    }
    let _ = write!(
        out,
        "#set document(title: [{running}])\n\
         #set text(font: \"{FAMILY}\", size: {TEXT}pt, lang: \"{lang}\")\n\
         #set par(justify: false, leading: 0.55em)\n\
         #set page(paper: \"{paper}\", margin: (x: {MARGIN_X}pt, top: 20mm, bottom: 18mm),\n  \
         header: align(right, text(7.5pt, fill: {MUTED})[{running}]),\n  \
         footer: context align(center, text(7.5pt, fill: {MUTED})[{page} #counter(page).display() {of} #counter(page).final().first()]))\n\
         #set table(stroke: none)\n\
         #show heading: set text(fill: rgb(\"{accent}\"))\n\
         #show heading.where(level: 2): set text(size: 11pt)\n\
         #show heading.where(level: 2): set block(above: 1.2em, below: 0.6em)\n\n",
        lang = r.lang.code(),
        paper = r.page_size.paper(),
        page = esc(t.page),
        of = esc(t.page_of),
        accent = accent(r.accent),
    );
}

/// The brand colour as Typst reads it, or a neutral one for anything that
/// is not `#rrggbb`.
fn accent(colour: &str) -> &str {
    let hex = colour.strip_prefix('#').unwrap_or_default();
    match hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        true => colour,
        false => "#333333",
    }
}

/// What the logo's line of the source says, and no other line does.
pub(super) const LOGO_MARK: &str = "image(\"logo.";

/// The name the logo is read under: its own extension, which tells the
/// typesetter its format, on a name of roster's.
pub(super) fn logo_file(name: &str) -> String {
    let ext: String = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("logo.{ext}")
}

/// The logo at the top right, the agency, the client and the month.
fn title(out: &mut String, r: &Report) {
    let t = &i18n::catalogue(r.lang).texts;
    if let Some((name, _)) = r.logo {
        let _ = writeln!(
            out,
            "#place(top + right, image({}, height: 14mm, alt: {}))",
            literal(&logo_file(name)),
            literal(r.client)
        );
    }
    if !r.agency.is_empty() {
        let _ = writeln!(out, "#text(8pt, fill: {MUTED})[{}]", esc(r.agency));
    }
    let _ = write!(
        out,
        "#heading(level: 1)[{}]\n#text(12pt)[{} · {}]\n\n",
        esc(r.client),
        esc(t.report_title),
        esc(&r.page.month)
    );
}

/// The parts a report may move to its appendix when they do not fit in
/// three pages, in the order they move: the month against the month
/// before, then cost and revenue by month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Moved {
    /// Nothing moved.
    Nothing,
    /// The month against the month before.
    Comparison,
    /// That and cost and revenue by month.
    Trend,
}

/// The label the appendix starts at, for counting the pages before it.
pub(super) const APPENDIX: &str = "appendix";

/// The names the compounding charts are read under.
pub(super) const ROI_FILE: &str = "tenure-roi.svg";
/// See [`ROI_FILE`].
pub(super) const CUMULATIVE_FILE: &str = "tenure-cumulative.svg";

/// The report in its reader's order (docs/themes.md, "The monthly
/// report"): the month in brief, its four figures, the budget and the
/// decisions due, the month per creator; then the compounding charts, the
/// top posts, cost and revenue by month, the commentary and the month
/// against the month before, less what `moved` sends to the appendix.
fn body(out: &mut String, r: &Report, fonts: &Shared, moved: Moved) {
    let (words, p) = (i18n::catalogue(r.lang), r.page);
    let t = &words.texts;
    let width = r.page_size.width_pt() - 2.0 * MARGIN_X;
    if let Some(restated) = &p.restated {
        // The page's notice, linked to the appendix's table of what changed.
        let _ = writeln!(
            out,
            "#block(width: 100%, fill: luma(240), inset: 6pt, radius: 2pt)[#link(<{RESTATED}>)[{}]]\n",
            esc(&restated.notice)
        );
    }
    for (k, s) in p.summary.iter().enumerate() {
        let weight = if k == 0 { "bold" } else { "regular" };
        let _ = writeln!(out, "#text(10pt, weight: \"{weight}\")[{}]\n", esc(s));
    }
    opening::figures(out, &p.lead.figures);
    if !p.compared {
        let _ = writeln!(out, "#text(fill: {MUTED})[{}]\n", esc(t.first_month));
    }
    opening::decisions(out, &p.lead, (t.decisions_due, t.no_decisions));
    heading(out, &p.creators.caption);
    match p.creators.rows.is_empty() {
        true => {
            let _ = writeln!(out, "{}\n", esc(p.no_creators));
        }
        false => table::source(out, fonts, &p.creators, width),
    }
    if !p.creators_note.is_empty() {
        let text: Vec<String> = p.creators_note.iter().map(|s| esc(s)).collect();
        let _ = writeln!(out, "{}\n", text.join(" "));
    }
    if let Some(c) = &p.compounding {
        heading(out, words.compounding.title);
        for s in &c.sentences {
            let _ = writeln!(out, "{}\n", esc(s));
        }
        let _ = writeln!(
            out,
            "#grid(columns: (1fr, 1fr), column-gutter: 12pt, image(\"{ROI_FILE}\", width: 100%, alt: {}), image(\"{CUMULATIVE_FILE}\", width: 100%, alt: {}))\n",
            literal(&c.roi.title),
            literal(&c.cumulative.title)
        );
        legend(out, &c.roi.legend, r.accent);
    }
    match p.top.is_empty() {
        true => {
            heading(out, t.top_posts);
            let _ = writeln!(out, "{}\n", esc(t.no_top_posts));
        }
        false => {
            let readable: Vec<(&str, String)> = (r.thumbs.iter().enumerate())
                .map(|(k, (name, bytes))| (*name, opening::thumb_file(k, bytes)))
                .collect();
            let titles = (t.top_by_revenue, t.top_by_rate);
            opening::top_posts(out, &p.top, (t.top_posts, titles), &readable);
        }
    }
    if moved < Moved::Trend {
        trend(out, r);
    }
    for (title, markdown) in &r.notes {
        heading(out, title);
        out.push_str(&super::note::source(markdown));
    }
    if moved < Moved::Comparison {
        comparison(out, r, fonts);
    }
}

/// Cost and revenue by month: the page's chart and its key.
fn trend(out: &mut String, r: &Report) {
    let p = r.page;
    heading(out, &p.trend.title);
    let _ = writeln!(
        out,
        "#align(center, image(\"{TREND_FILE}\", width: 62%, alt: {}))\n",
        literal(&p.trend.title)
    );
    legend(out, &p.trend.legend, r.accent);
}

/// Every figure of the month against the month before.
fn comparison(out: &mut String, r: &Report, fonts: &Shared) {
    let t = &i18n::catalogue(r.lang).texts;
    let width = r.page_size.width_pt() - 2.0 * MARGIN_X;
    heading(out, t.month_figures);
    table::source(out, fonts, &r.page.comparison, width);
}

/// A chart's key under it: each series' mark in its colour, and its name.
fn legend(out: &mut String, legend: &[Legend], accent_colour: &str) {
    let keys: Vec<String> = legend
        .iter()
        .map(|l| {
            let colour = Role::colour_of(l.role, accent(accent_colour))
                .unwrap_or_else(|| "#5F6670".into());
            let paint = format!("rgb({})", literal(&colour));
            let mark = match l.shape {
                "line" => format!("line(length: 12pt, stroke: 1.5pt + {paint})"),
                "dash" => format!("line(length: 12pt, stroke: (paint: {paint}, thickness: 1.5pt, dash: \"dashed\"))"),
                "square" => format!("square(size: 6pt, fill: {paint})"),
                "triangle" => format!("polygon.regular(vertices: 3, size: 7pt, fill: {paint})"),
                "ring" => format!("circle(radius: 3pt, stroke: 1.2pt + {paint})"),
                _ => format!("circle(radius: 3pt, fill: {paint})"),
            };
            format!("#box({mark}) {}", esc(&l.label))
        })
        .collect();
    if !keys.is_empty() {
        let _ = writeln!(out, "#align(center)[{}]\n", keys.join(" #h(1.5em) "));
    }
}

/// The appendix, from a page of its own: what did not fit in three pages,
/// then "How we count".
fn appendix(out: &mut String, r: &Report, fonts: &Shared, moved: Moved) {
    let t = &i18n::catalogue(r.lang).texts;
    let _ = writeln!(out, "#pagebreak()\n#metadata(none) <{APPENDIX}>\n");
    if let Some(restated) = &r.page.restated {
        restated_tables(out, r, fonts, restated);
    }
    if moved >= Moved::Comparison {
        comparison(out, r, fonts);
    }
    if moved >= Moved::Trend {
        trend(out, r);
    }
    heading(out, t.how_we_count);
    for d in &r.page.how {
        let _ = writeln!(out, "/ {}: {}", esc(&d.term), esc(&d.text));
    }
}

/// The label of the appendix's Restated section, which the notice on the
/// first page links to.
const RESTATED: &str = "restated";

/// What changed since the report was sent, first in the appendix: the
/// page's lead and tables.
fn restated_tables(out: &mut String, r: &Report, fonts: &Shared, v: &RestatedView) {
    let words = i18n::catalogue(r.lang);
    let width = r.page_size.width_pt() - 2.0 * MARGIN_X;
    let _ = writeln!(out, "== {} <{RESTATED}>\n", esc(words.restated.title));
    let _ = writeln!(out, "{}\n", esc(&v.lead));
    if !v.month.rows.is_empty() {
        table::source(out, fonts, &v.month, width);
    }
    if let Some(theirs) = &v.partnerships {
        let _ = writeln!(out, "#text(weight: \"bold\")[{}]\n", esc(&theirs.caption));
        table::source(out, fonts, theirs, width);
    }
}

fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "== {}\n", esc(text));
}
