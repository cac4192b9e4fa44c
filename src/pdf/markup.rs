//! A monthly report as Typst source: the figures the page shows, in the
//! page's own formatting, laid out for paper.
//!
//! Everything here comes from the [`MonthPage`] the HTML report is made
//! from, so the PDF and the page cannot disagree on a number; every text
//! that came from the portfolio (names, the agency's title) goes through
//! [`typst_escape`]. The running header, page numbers and paper are page
//! settings; the appendix starts on a page of its own.

use std::fmt::Write as _;

use super::Report;
use super::escape::typst_escape as esc;
use super::world::FAMILY;
use crate::render::i18n;
use crate::render::table::{Cell, Table};

/// The name the trend chart is read under.
pub const TREND_FILE: &str = "trend.svg";

/// What the report says in grey: the running header, the page numbers.
const MUTED: &str = "luma(95)";

/// The Typst source of `r`.
pub fn source(r: &Report) -> String {
    let mut out = String::new();
    setup(&mut out, r);
    title(&mut out, r);
    body(&mut out, r);
    appendix(&mut out, r);
    out
}

/// The paper, the fonts, the running header and the page numbers.
fn setup(out: &mut String, r: &Report) {
    let t = i18n::texts(r.lang);
    let mut running = format!("{} · {}", esc(r.client), esc(&r.page.month));
    if let Some(mark) = r.internal {
        running = format!("{} · {running}", esc(mark));
    }
    let _ = write!(
        out,
        "#set document(title: [{running}])\n\
         #set text(font: \"{FAMILY}\", size: 9pt, lang: \"{lang}\")\n\
         #set par(justify: false, leading: 0.55em)\n\
         #set page(paper: \"{paper}\", margin: (x: 16mm, top: 20mm, bottom: 18mm),\n  \
         header: align(right, text(7.5pt, fill: {MUTED})[{running}]),\n  \
         footer: context align(center, text(7.5pt, fill: {MUTED})[{page} #counter(page).display() {of} #counter(page).final().first()]))\n\
         #set table(stroke: none, inset: (x: 4pt, y: 2.4pt))\n\
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

/// The agency, the client and the month.
fn title(out: &mut String, r: &Report) {
    let t = i18n::texts(r.lang);
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

/// The summary, the figures against the month before, the month per
/// creator and the trend.
fn body(out: &mut String, r: &Report) {
    let (t, p) = (i18n::texts(r.lang), r.page);
    if !p.summary.is_empty() {
        heading(out, p.summary_title);
        let text: Vec<String> = p.summary.iter().map(|s| esc(s)).collect();
        let _ = writeln!(out, "{}\n", text.join(" "));
    }
    heading(out, t.month_figures);
    table(out, &p.comparison);
    if !p.compared {
        let _ = writeln!(out, "#text(fill: {MUTED})[{}]\n", esc(t.first_month));
    }
    heading(out, &p.creators.caption);
    match p.creators.rows.is_empty() {
        true => {
            let _ = writeln!(out, "{}\n", esc(p.no_creators));
        }
        false => table(out, &p.creators),
    }
    heading(out, &p.trend.title);
    let _ = writeln!(
        out,
        "#align(center, image(\"{TREND_FILE}\", width: 75%, alt: \"{}\"))\n",
        p.trend.title.replace(['\\', '"'], "")
    );
}

/// "How we count", from a page of its own.
fn appendix(out: &mut String, r: &Report) {
    let t = i18n::texts(r.lang);
    out.push_str("#pagebreak()\n");
    heading(out, t.how_we_count);
    for d in &r.page.how {
        let _ = writeln!(out, "/ {}: {}", esc(&d.term), esc(&d.text));
    }
}

fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "== {}\n", esc(text));
}

/// A table as the page shows it: its columns (not those only in the CSV
/// file), numbers to the right, a rule under the header.
fn table(out: &mut String, table: &Table) {
    let shown: Vec<usize> = (0..table.columns.len())
        .filter(|&i| !table.columns[i].csv_only)
        .collect();
    let widths = vec!["auto"; shown.len()].join(", ");
    let aligns: Vec<&str> = shown
        .iter()
        .map(|&i| match table.columns[i].num {
            true => "right",
            false => "left",
        })
        .collect();
    let _ = writeln!(
        out,
        "#table(columns: ({widths},), align: ({},),",
        aligns.join(", ")
    );
    let header: Vec<String> = shown
        .iter()
        .map(|&i| format!("[*{}*]", esc(&table.columns[i].label)))
        .collect();
    let _ = writeln!(out, "  table.header({}),", header.join(", "));
    let _ = writeln!(out, "  table.hline(stroke: 0.5pt + {MUTED}),");
    for row in &table.rows {
        let cells: Vec<String> = shown
            .iter()
            .filter_map(|&i| row.cells.get(i))
            .map(cell)
            .collect();
        let _ = writeln!(out, "  {},", cells.join(", "));
    }
    out.push_str(")\n\n");
}

/// A cell's text and mark, green or red when its change is good or bad.
fn cell(c: &Cell) -> String {
    let mut text = esc(&c.text);
    if let Some(mark) = &c.mark {
        let _ = write!(text, " #text(size: 7pt, fill: {MUTED})[{}]", esc(mark));
    }
    let tone = c.class.split(' ').find_map(|k| match k {
        "good" => Some("rgb(\"#1a7f37\")"),
        "bad" => Some("rgb(\"#b42318\")"),
        _ => None,
    });
    match tone {
        Some(fill) => format!("text(fill: {fill})[{text}]"),
        None => format!("[{text}]"),
    }
}
