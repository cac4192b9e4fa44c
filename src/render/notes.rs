//! Notes: the agency's Markdown commentary, made safe HTML.
//!
//! pulldown-cmark reads CommonMark with tables, footnotes and strikethrough;
//! ammonia then keeps only harmless HTML, so no script, event-handler
//! attribute or `javascript:` URL from a note reaches the site, and no
//! image pulls anything from the network; links to other sites keep their
//! text but not their address, so a client's folder links only within itself. Footnote ids get an `fn-` prefix
//! (the only ids kept) so that they cannot clash with the page's own.

use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// A note's Markdown as sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(adjust);
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

/// Whether a URL stays on this machine: no scheme, no `//host`.
fn is_local(url: &str) -> bool {
    let url = url.trim();
    if url.starts_with("//") || url.starts_with("\\\\") {
        return false;
    }
    match url.find(':') {
        Some(colon) => url[..colon].contains(['/', '?', '#']),
        None => true,
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
                // output.md: every link of a client's folder is relative, and
                // nothing absolute is written without base_url. A link to
                // elsewhere keeps its text and loses its address.
                ("img", "src") | ("a", "href") => is_local(value).then(|| value.into()),
                _ => Some(value.into()),
            });
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn links_elsewhere_keep_their_text_only() {
        let html = to_html(
            "See the [brief](https://example.com/brief) and [October](../2026-10/index.html).",
        );
        assert!(!html.contains("example.com"), "{html}");
        assert!(html.contains("brief"), "{html}");
        assert!(html.contains("<a href=\"../2026-10/index.html\""), "{html}");
    }

    #[test]
    fn knows_local_urls() {
        assert!(is_local("../../assets/a.png"));
        assert!(is_local("a.png?x=http://y"));
        assert!(!is_local("https://example.com/a.png"));
        assert!(!is_local("//example.com/a.png"));
        assert!(!is_local("data:image/png;base64,AAAA"));
    }
}
