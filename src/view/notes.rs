//! Notes: the agency's Markdown commentary, made safe HTML.
//!
//! pulldown-cmark reads CommonMark with tables, footnotes and strikethrough;
//! ammonia then keeps only harmless HTML, so no script, event-handler
//! attribute or `javascript:` URL from a note reaches the site, and no
//! image pulls anything from the network. Links to other sites (http or
//! https) stay, opened as external links; a relative link that would leave
//! the client's folder, or an address of any other scheme, loses its address
//! and keeps its text (resolve's `link_problems` names each, for a warning), so the
//! folder can be published on its own. Footnote ids get an `fn-` prefix (the
//! only ids kept) so that they cannot clash with the page's own.

use std::sync::OnceLock;

use crate::resolve::links::{NOTE_PAGE_DEPTH, OPTIONS, refusal};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};

/// A note's Markdown as sanitised HTML.
pub(crate) fn to_html(markdown: &str) -> String {
    // One entry per link or image open: whether its address is dropped.
    let mut open: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, OPTIONS)
        .map(adjust)
        .filter(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                open.push(refusal(dest_url, false, NOTE_PAGE_DEPTH).is_some());
                !open[open.len() - 1]
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                open.push(refusal(dest_url, true, NOTE_PAGE_DEPTH).is_some());
                !open[open.len() - 1]
            }
            Event::End(TagEnd::Link | TagEnd::Image) => !open.pop().unwrap_or(false),
            _ => true,
        });
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, events);
    cleaner().clean(&raw).to_string()
}

/// A footnote's label as a safe id.
fn footnote_id(label: &str) -> String {
    let slug: String = label
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                '-'
            }
        })
        .collect();
    format!("fn-{slug}")
}

/// The page has its own h1 and h2: a note's headings start at h3.
fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn adjust(event: Event<'_>) -> Event<'_> {
    match event {
        Event::FootnoteReference(label) => {
            Event::FootnoteReference(CowStr::from(footnote_id(&label)))
        }
        Event::Start(Tag::FootnoteDefinition(label)) => {
            Event::Start(Tag::FootnoteDefinition(CowStr::from(footnote_id(&label))))
        }
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        other => other,
    }
}

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"])
            .add_allowed_classes("div", ["footnote-definition"])
            .add_tag_attributes("div", ["id"])
            .attribute_filter(|element, attribute, value| match (element, attribute) {
                ("div", "id") => value.starts_with("fn-").then(|| value.into()),
                // The same rules for links written as HTML as for Markdown
                // ones (docs/deployment.md: a client's folder links only within
                // itself and to http(s) pages elsewhere).
                ("img", "src") => refusal(value, true, NOTE_PAGE_DEPTH)
                    .is_none()
                    .then(|| value.into()),
                ("a", "href") => refusal(value, false, NOTE_PAGE_DEPTH)
                    .is_none()
                    .then(|| value.into()),
                _ => Some(value.into()),
            });
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::links::link_problems;

    #[test]
    fn renders_tables_footnotes_and_strikethrough() {
        let html = to_html(
            "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new[^ramp Up]\n\n[^ramp Up]: The first six weeks.\n",
        );
        assert!(html.contains("<h3>Title</h3>"));
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>old</del>"));
        assert!(
            html.contains("<sup class=\"footnote-reference\"><a href=\"#fn-ramp-up\" rel=\"noopener noreferrer\">1</a></sup>")
        );
        assert!(html.contains("<div class=\"footnote-definition\" id=\"fn-ramp-up\">"));
    }

    #[test]
    fn strips_scripts_handlers_and_remote_images() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <img src=\"https://t.example/p.gif\">\n\n[x](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(1)\">y</a> <div id=\"main\" onclick=\"alert(1)\">z</div>",
        );
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "JaVaScRiPt",
            "https://t.example",
            "id=\"main\"",
        ] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
        assert!(html.contains("<img src=\"x\">"));
    }

    #[test]
    fn links_to_other_sites_stay_and_links_out_of_the_folder_go() {
        let note = "See the [brief](https://example.com/brief), [October](../2026-10/index.html),\n[polyn](../../../polyn/index.html) and [y](/etc/passwd) ![p](https://t.example/p.gif)\n";
        let html = to_html(note);
        assert!(
            html.contains(
                "<a href=\"https://example.com/brief\" rel=\"noopener noreferrer\">brief</a>"
            ),
            "{html}"
        );
        assert!(html.contains("<a href=\"../2026-10/index.html\""), "{html}");
        for gone in ["polyn/index.html", "/etc/passwd", "t.example"] {
            assert!(!html.contains(gone), "{gone} in {html}");
        }
        assert!(html.contains("polyn") && html.contains(" y "), "{html}");
        let places: Vec<(usize, usize)> = link_problems(note)
            .iter()
            .map(|p| (p.line, p.column))
            .collect();
        assert_eq!(places, [(2, 1), (2, 40), (2, 57)]);
    }

    #[test]
    fn judges_addresses_from_the_page_the_note_is_on() {
        let keep = |u: &str| refusal(u, false, NOTE_PAGE_DEPTH).is_none();
        assert!(keep("../../assets/a.png"));
        assert!(keep("a.png?x=http://y"));
        assert!(keep("#fn-1"));
        assert!(keep("HTTPS://example.com/"));
        assert!(!keep("../../../x.html"));
        assert!(!keep("../a/../../../x.html"));
        assert!(!keep("//example.com/a.png"));
        assert!(!keep("\\\\host\\x"));
        assert!(!keep("mailto:a@b.c"));
        assert!(!keep("data:image/png;base64,AAAA"));
        assert!(refusal("https://example.com/a.png", true, NOTE_PAGE_DEPTH).is_some());
    }
}
