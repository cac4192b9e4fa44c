//! The parts of a monthly report's PDF that are not tables: the four
//! headline figures as cards, the budget's status, the decisions due and
//! the month's top posts with their thumbnails, each from the page's own
//! view ([`crate::view::pages::month_lead`]), written as Typst source.

use std::fmt::Write as _;

use super::escape::{MUTED, literal, typst_escape as esc};
use crate::view::pages::Card;
use crate::view::pages::month_lead::{Lead, TopPost, TopPosts};

/// The colour of a good change or figure.
pub(super) const GOOD: &str = "rgb(\"#1a7f37\")";
/// The colour of a bad one.
pub(super) const BAD: &str = "rgb(\"#b42318\")";

/// A tone's colour: green for good, red for bad, grey otherwise.
fn tone(tone: &str) -> &'static str {
    match tone {
        "good" => GOOD,
        "bad" => BAD,
        _ => MUTED,
    }
}

/// The four figures side by side, each a card: label, figure, its change
/// and target coloured by its tone.
pub(super) fn figures(out: &mut String, cards: &[Card]) {
    if cards.is_empty() {
        return;
    }
    let cells: Vec<String> = cards
        .iter()
        .map(|c| {
            format!(
                "[#text(7.5pt, fill: {MUTED})[{}] \\\n#text(13pt, weight: \"bold\")[{}] \\\n#text(7.5pt, fill: {})[{}]]",
                esc(&c.label),
                esc(&c.value),
                tone(c.tone),
                esc(&c.note)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "#grid(columns: ({},), column-gutter: 6pt, fill: luma(245), inset: 7pt,\n  {})\n",
        vec!["1fr"; cards.len()].join(", "),
        cells.join(",\n  ")
    );
}

/// The budget's status and the decisions due, on the report date's month.
pub(super) fn decisions(out: &mut String, lead: &Lead, (head, none): (&str, &str)) {
    if let Some(b) = &lead.budget {
        let fill = tone(b.tone);
        let weight = if b.tone == "bad" { "bold" } else { "regular" };
        let _ = writeln!(
            out,
            "#text(fill: {fill}, weight: \"{weight}\")[{}]\n",
            esc(&b.text)
        );
    }
    if !lead.latest {
        return;
    }
    let _ = writeln!(out, "== {}\n", esc(head));
    if lead.decisions.is_empty() {
        let _ = writeln!(out, "{}\n", esc(none));
        return;
    }
    for d in &lead.decisions {
        let advice = match d.recommendation {
            "" => String::new(),
            r => format!(" #text(weight: \"bold\")[{}]", esc(r)),
        };
        let _ = writeln!(
            out,
            "- *{}*{advice} #h(4pt) #text(8pt, fill: {MUTED})[{}]",
            esc(&d.label),
            esc(&d.note)
        );
    }
    if let Some(more) = &lead.more {
        let _ = writeln!(out, "\n#text(8pt, fill: {MUTED})[{}]", esc(&more.label));
    }
    out.push('\n');
}

/// The name a thumbnail is read under: its place and its own extension.
pub(super) fn thumb_file(k: usize, name: &str) -> String {
    let ext = if name.ends_with(".png") { "png" } else { "jpg" };
    format!("thumb-{k}.{ext}")
}

/// The thumbnails the top posts show, each once, in order: the names of
/// their files in the portfolio.
pub(super) fn thumbs(top: &TopPosts) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for p in top.by_revenue.iter().chain(&top.by_rate) {
        if let Some(f) = p.thumb_file.as_deref().filter(|f| !out.contains(f)) {
            out.push(f);
        }
    }
    out
}

/// The two rankings of top posts side by side under `head`, kept on one
/// page; `readable` says which thumbnails the report has (none: no room is
/// kept for them).
pub(super) fn top_posts(
    out: &mut String,
    top: &TopPosts,
    (head, titles): (&str, (&str, &str)),
    readable: &[&str],
) {
    let list = |title: &str, posts: &[TopPost]| {
        let items: Vec<String> = posts.iter().map(|p| top_post(p, top, readable)).collect();
        format!(
            "[#text(weight: \"bold\")[{}]\n{}]",
            esc(title),
            items.join("\n")
        )
    };
    let _ = writeln!(
        out,
        "#block(breakable: false)[\n== {}\n\n#grid(columns: (1fr, 1fr), column-gutter: 14pt,\n  {},\n  {})\n]\n",
        esc(head),
        list(titles.0, &top.by_revenue),
        list(titles.1, &top.by_rate)
    );
}

/// One post: its thumbnail where the report has it, the creator, the
/// figure and when and where it was published.
fn top_post(p: &TopPost, top: &TopPosts, readable: &[&str]) -> String {
    if readable.is_empty() {
        return format!(
            "#block(above: 5pt, below: 5pt)[*{}* #h(3pt) {} \\\n#text(7.5pt, fill: {MUTED})[{}]]",
            esc(&p.creator),
            esc(&p.figure),
            esc(&p.note)
        );
    }
    let picture = (p.thumb_file.as_deref())
        .filter(|f| readable.contains(f))
        .and_then(|f| thumbs(top).iter().position(|t| *t == f).map(|k| (k, f)))
        .map_or_else(
            || "box(width: 22pt, height: 22pt)".to_string(),
            |(k, f)| {
                format!(
                    "box(width: 22pt, height: 22pt, clip: true, radius: 2pt, image({}, width: 22pt, height: 22pt, fit: \"cover\"))",
                    literal(&thumb_file(k, f))
                )
            },
        );
    format!(
        "#block(above: 5pt, below: 5pt, grid(columns: (24pt, 1fr), column-gutter: 5pt, align: horizon, {picture}, [*{}* #h(3pt) {} \\\n#text(7.5pt, fill: {MUTED})[{}]]))",
        esc(&p.creator),
        esc(&p.figure),
        esc(&p.note)
    )
}

/// Whether `bytes` begin as a PNG or a JPEG does: the typesetter is given
/// no other thumbnail.
pub(super) fn is_picture(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}
