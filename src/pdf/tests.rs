//! The report typeset from the sample portfolio: user text reads as
//! itself, the page's figures are on the paper, and the file is the same
//! on every run.

use std::path::Path;

use typst::layout::{Frame, FrameItem};

use super::*;
use crate::analytics::ClientFigures;
use crate::diagnostics::Diagnostics;
use crate::model::{Client, Portfolio};
use crate::resolve::Overrides;
use crate::view::pages::{Ctx, month};

/// The sample portfolio and its figures, made by the stages below the
/// renderers (the pipeline, above them, is not called from here).
struct Computed {
    portfolio: Portfolio,
    figures: Vec<ClientFigures>,
}

fn sample() -> Computed {
    computed("sample-data")
}

/// The portfolio at `dir` of the crate and its figures.
fn computed(dir: &str) -> Computed {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut diags = Diagnostics::new();
    let raw = crate::load::portfolio(&root, None, &mut diags);
    let portfolio = crate::resolve::portfolio_from(raw, &Overrides::default(), &mut diags)
        .expect("the sample portfolio builds");
    let figures = (portfolio.clients.iter())
        .map(|c| crate::analytics::client(c, &portfolio.settings, portfolio.as_of))
        .collect();
    Computed { portfolio, figures }
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
    let page = month::build(&ctx, i);
    let report = Report::of(&ctx, ctx.months[i], &page);
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
    let world = worlds(Arc::new(Shared::new()), r, &[Moved::Nothing]).remove(0);
    let document = typeset(&world).expect("the report typesets");
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
    let make = |t: &Typesetter| with_report(&c, "Kestrel", |r| t.month_report(r)).expect("a PDF");
    let one = Typesetter::new().expect("a typesetter");
    // Made cold, then again from a warm cache, then by another typesetter.
    let (a, b) = (make(&one), make(&one));
    let other = make(&Typesetter::new().expect("a typesetter"));
    assert!(a.starts_with(b"%PDF-"));
    assert_eq!(a, b);
    assert_eq!(a, other);
}

#[test]
fn the_chart_is_set_in_the_embedded_font() {
    let svg = format!("<text font-family=\"{}\">$0</text>", crate::charts::FAMILY);
    let read = String::from_utf8(chart_svg(&svg)).unwrap();
    assert_eq!(read, "<text font-family=\"DejaVu Sans\">$0</text>");
}

/// The text runs of `frame` at their places on the page, in points.
fn placed(frame: &Frame, at: (f64, f64), out: &mut Vec<(String, f64, f64)>) {
    for (pos, item) in frame.items() {
        let here = (at.0 + pos.x.to_pt(), at.1 + pos.y.to_pt());
        match item {
            FrameItem::Group(g) => placed(&g.frame, here, out),
            FrameItem::Text(t) => out.push((t.text.to_string(), here.0, here.1)),
            _ => {}
        }
    }
}

/// Every text run of `source`'s pages, with its page and place, reading
/// the charts `files`.
fn layout_of(
    shared: &Arc<Shared>,
    source: String,
    files: &[(String, Vec<u8>)],
) -> Vec<(usize, String, f64, f64)> {
    let files = (files.iter())
        .map(|(name, bytes)| (name.clone(), typst::foundations::Bytes::new(bytes.clone())))
        .collect();
    let world = ReportWorld::new(Arc::clone(shared), source, files);
    let document = typeset(&world).expect("the report typesets");
    let mut runs = Vec::new();
    for (n, page) in document.pages().iter().enumerate() {
        let mut on = Vec::new();
        placed(&page.frame, (0.0, 0.0), &mut on);
        runs.extend(on.into_iter().map(|(t, x, y)| (n, t, x, y)));
    }
    runs
}

#[test]
fn rows_sized_here_are_laid_out_as_typst_would_size_them() {
    let c = sample();
    let long = [
        "Святослав Долгоруковский-Оболенский Преображенский",
        "Мария Петрова",
        "Александра Константиновна Воскресенская-Рождественская",
    ];
    let client = &c.portfolio.clients[0];
    let ctx = Ctx::new(&c.portfolio, client, &c.figures[0]);
    let i = ctx.months.len() - 1;
    let mut page = month::build(&ctx, i);
    for (row, name) in page.creators.rows.iter_mut().zip(long.iter().cycle()) {
        row.cells[0].text = name.to_string();
    }
    assert!(
        page.creators.rows.len() >= 3,
        "the sample's month has few creators"
    );
    let report = Report {
        page_size: PageSize::A4,
        ..Report::of(&ctx, ctx.months[i], &page)
    };
    let shared = Arc::new(Shared::new());
    let ours = markup::source(&report, &shared, markup::Moved::Nothing);
    // The same source with every row left for Typst to measure.
    let mut auto = String::new();
    for line in ours.lines() {
        match line.find("rows: (") {
            Some(at) => {
                let end = at + line[at..].find("),").expect("the rows close");
                let count = line[at..end].matches(',').count();
                auto.push_str(&line[..at]);
                auto.push_str(&format!("rows: ({}", "auto, ".repeat(count)));
                auto.push_str(&line[end..]);
            }
            None => auto.push_str(line),
        }
        auto.push('\n');
    }
    assert_ne!(ours, auto, "no table had its rows sized");
    assert!(
        ours.contains("rows: (auto, auto"),
        "the long names did not wrap: {ours}"
    );
    let mut files = vec![(markup::TREND_FILE.to_string(), chart_svg(&page.trend.svg))];
    if let Some(c) = &page.compounding {
        files.push((markup::ROI_FILE.into(), chart_svg(&c.roi.svg)));
        files.push((markup::CUMULATIVE_FILE.into(), chart_svg(&c.cumulative.svg)));
    }
    let (a, b) = (
        layout_of(&shared, ours, &files),
        layout_of(&shared, auto, &files),
    );
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((x.0, &x.1), (y.0, &y.1));
        let off = ((x.2 - y.2).abs(), (x.3 - y.3).abs());
        assert!(
            off.0 < 0.01 && off.1 < 0.01,
            "{:?} is at {:?} in ours, {:?} measured",
            x.1,
            (x.2, x.3),
            (y.2, y.3)
        );
    }
}

/// The lowest point anything of `frame` reaches between `top` and
/// `bottom` (the body, between the running header and the page number).
fn lowest(frame: &Frame, y0: f64, (top, bottom): (f64, f64)) -> f64 {
    let mut low: f64 = 0.0;
    for (pos, item) in frame.items() {
        let y = y0 + pos.y.to_pt();
        let end = match item {
            FrameItem::Group(g) => {
                low = low.max(lowest(&g.frame, y, (top, bottom)));
                continue;
            }
            FrameItem::Text(_) => y,
            FrameItem::Shape(shape, _) => y + shape.bbox(false).max.y.to_pt(),
            FrameItem::Image(_, size, _) => y + size.y.to_pt(),
            _ => continue,
        };
        if y > top && end < bottom {
            low = low.max(end);
        }
    }
    low
}

/// How full each page of `document` is before its appendix: how far down
/// its body its content reaches, as a share of the body's height.
fn fills(document: &PagedDocument, paper: PageSize) -> Vec<f64> {
    let (top, bottom) = (20.0 / 25.4 * 72.0, 18.0 / 25.4 * 72.0);
    let before = before_appendix(document).expect("the appendix is labelled");
    document.pages()[..before]
        .iter()
        .map(|page| {
            let height = page.frame.height().to_pt();
            let body = (top, height - bottom);
            let _ = paper;
            (lowest(&page.frame, 0.0, body) - top) / (body.1 - body.0)
        })
        .collect()
}

#[test]
fn a_report_has_at_most_three_pages_before_its_appendix_each_but_the_last_three_quarters_full() {
    let shared = Arc::new(Shared::new());
    let mut seen = Vec::new();
    let portfolios = [computed("sample-data"), computed("tests/fixtures/worked")];
    let clients = portfolios.iter().flat_map(|c| {
        c.portfolio
            .clients
            .iter()
            .zip(&c.figures)
            .map(move |x| (c, x))
    });
    for (c, (client, figures)) in clients {
        let ctx = Ctx::new(&c.portfolio, client, figures);
        for i in (0..ctx.months.len()).rev().take(3) {
            let page = month::build(&ctx, i);
            for paper in [PageSize::A4, PageSize::Letter] {
                let report = Report {
                    page_size: paper,
                    notes: reports::month_notes(&ctx, ctx.months[i], &page),
                    ..Report::of(&ctx, ctx.months[i], &page)
                };
                let layouts = [Moved::Nothing, Moved::Comparison, Moved::Trend];
                let worlds = worlds(Arc::clone(&shared), &report, &layouts);
                let (_, document) = fitted(worlds).expect("the report typesets");
                let fills = fills(&document, paper);
                let what = format!(
                    "{} {} {paper:?}: {fills:.2?}",
                    client.id.as_str(),
                    ctx.months[i]
                );
                assert!((1..=3).contains(&fills.len()), "{what}");
                for f in &fills[..fills.len() - 1] {
                    assert!(*f >= 0.75, "{what}");
                }
                seen.push(what);
            }
        }
    }
    eprintln!("{}", seen.join("\n"));
    assert_eq!(seen.len(), 24);
}
