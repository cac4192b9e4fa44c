//! The report typeset from the sample portfolio: user text reads as
//! itself, the page's figures are on the paper, and the file is the same
//! on every run.

use std::path::Path;

use typst::layout::{Frame, FrameItem};

use super::*;
use crate::analytics::ClientFigures;
use crate::diagnostics::Diagnostics;
use crate::model::{Client, Portfolio};
use crate::pipeline::{self, Computed, Overrides};
use crate::render::pages::{Ctx, month};

fn sample() -> Computed {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    pipeline::compute(&root, &Overrides::default(), &mut Diagnostics::new())
        .expect("the sample portfolio builds")
}

/// The latest month's report of the sample's first client, named `name`,
/// handed to `f`.
fn with_report<T>(c: &Computed, name: &str, f: impl FnOnce(&Report) -> T) -> T {
    let mut client: Client = c.portfolio.clients[0].clone();
    client.name = name.to_string();
    let figures: &ClientFigures = &c.figures[0];
    let portfolio: &Portfolio = &c.portfolio;
    let ctx = Ctx::new(portfolio, &client, figures);
    let i = ctx.months.len() - 1;
    let (page, _) = month::build(&ctx, i);
    let report = Report {
        client_id: client.id.as_str(),
        client: &client.name,
        agency: &portfolio.settings.title,
        month: ctx.months[i],
        lang: client.language,
        page_size: client.page_size,
        accent: &ctx.accent,
        internal: None,
        page: &page,
    };
    f(&report)
}

/// The text of a frame, runs in reading order joined by spaces.
fn text_of(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => text_of(&g.frame, out),
            FrameItem::Text(t) => {
                out.push_str(&t.text);
                out.push(' ');
            }
            _ => {}
        }
    }
}

fn pages_text(r: &Report) -> Vec<String> {
    let document = typeset(&world_of(r)).expect("the report typesets");
    document
        .pages()
        .iter()
        .map(|p| {
            let mut s = String::new();
            text_of(&p.frame, &mut s);
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[test]
fn a_hostile_client_name_is_typeset_as_written() {
    let c = sample();
    let name = "#let x = 1 *bold* _it_ $x$ @ref <lbl> [a] \\ `raw` // not a comment";
    let text = with_report(&c, name, pages_text).concat();
    for part in [
        "#let", "*bold*", "_it_", "$x$", "@ref", "<lbl>", "[a]", "`raw`", "//",
    ] {
        assert!(text.contains(part), "{part} missing from {text}");
    }
}

#[test]
fn every_page_has_the_running_header_and_its_number() {
    let c = sample();
    let pages = with_report(&c, "Kestrel", pages_text);
    assert!(pages.len() >= 2, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("Kestrel"), "page {}: {page}", i + 1);
        let number = format!("Page {} of {}", i + 1, pages.len());
        assert!(page.contains(&number), "page {}: {page}", i + 1);
    }
}

#[test]
fn the_same_report_is_the_same_file() {
    let c = sample();
    let a = with_report(&c, "Kestrel", month_report).expect("a PDF");
    let b = with_report(&c, "Kestrel", month_report).expect("a PDF");
    assert!(a.starts_with(b"%PDF-"));
    assert_eq!(a, b);
}

#[test]
fn the_chart_is_set_in_the_embedded_font() {
    let svg = format!("<text font-family=\"{}\">$0</text>", crate::charts::FAMILY);
    let read = String::from_utf8(chart_svg(&svg)).unwrap();
    assert_eq!(read, "<text font-family=\"DejaVu Sans\">$0</text>");
}
