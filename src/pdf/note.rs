//! A month's note, Markdown as the page reads it (CommonMark with tables,
//! footnotes and strikethrough), written as Typst markup.
//!
//! The note is read with the page's own parser options and made safe the
//! way the page is: raw HTML is left out, images are left
//! out (a PDF fetches nothing), and a link keeps its address only when it
//! is a web address (`http`, `https`): a relative one means nothing in a
//! PDF sent by e-mail, so it keeps its text alone. Every piece of text goes
//! through [`super::escape::typst_escape`], every address and code span is a string
//! literal, so nothing a note says is read as Typst.

use std::fmt::Write as _;

use pulldown_cmark::{Alignment, Event, Parser, Tag, TagEnd};

use super::escape::{literal, typst_escape as esc};
use crate::resolve::links::OPTIONS;

/// The Typst markup of the note `markdown`.
pub(super) fn source(markdown: &str) -> String {
    let mut w = Writer::default();
    for event in Parser::new_ext(markdown, OPTIONS) {
        w.event(event);
    }
    w.out
}

/// The markup so far and what is open.
#[derive(Default)]
struct Writer {
    out: String,
    /// For each link or image open: whether it is written (a kept link).
    links: Vec<bool>,
    /// Inside an image: its alt text is not shown.
    image: usize,
    /// Inside a code block: its text, written when it closes.
    code: Option<String>,
}

impl Writer {
    fn event(&mut self, event: Event) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let text = self.code.take().unwrap_or_default();
                    let _ = writeln!(self.out, "#raw(block: true, {})\n", literal_block(&text));
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.image == 0 => self.out.push_str(&esc(&t)),
            Event::Code(t) if self.image == 0 => {
                let _ = write!(self.out, "#raw({})", literal(&t));
            }
            Event::SoftBreak => self.out.push(' '),
            Event::HardBreak => self.out.push_str("#linebreak()"),
            Event::Rule => self.out.push_str("#line(length: 100%, stroke: 0.5pt)\n\n"),
            Event::FootnoteReference(label) => {
                let _ = write!(self.out, "#super[{}]", esc(&label));
            }
            Event::TaskListMarker(done) => {
                self.out.push_str(if done { "☑ " } else { "☐ " });
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        let open = match tag {
            Tag::Paragraph => "",
            Tag::Heading { .. } => "#block(above: 1em, below: 0.5em, strong[",
            Tag::BlockQuote(_) => "#quote(block: true)[",
            Tag::CodeBlock(_) => {
                self.code = Some(String::new());
                ""
            }
            Tag::List(None) => "#list(",
            Tag::List(Some(first)) => {
                let _ = write!(self.out, "#enum(start: {first}, ");
                ""
            }
            Tag::Item => "[",
            Tag::FootnoteDefinition(label) => {
                let _ = write!(self.out, "#text(size: 0.85em)[#super[{}] ", esc(&label));
                ""
            }
            Tag::Table(aligns) => {
                self.table(&aligns);
                ""
            }
            Tag::TableHead => "table.header(",
            Tag::TableCell => "[",
            Tag::Emphasis => "#emph[",
            Tag::Strong => "#strong[",
            Tag::Strikethrough => "#strike[",
            Tag::Link { dest_url, .. } => {
                let web = dest_url.starts_with("https://") || dest_url.starts_with("http://");
                self.links.push(web);
                if web {
                    let _ = write!(self.out, "#link({})[", literal(&dest_url));
                }
                ""
            }
            Tag::Image { .. } => {
                self.image += 1;
                ""
            }
            _ => "",
        };
        self.out.push_str(open);
    }

    fn end(&mut self, tag: TagEnd) {
        let close = match tag {
            TagEnd::Paragraph => "\n\n",
            TagEnd::Heading(_) => "])\n\n",
            TagEnd::BlockQuote(_) => "]\n\n",
            TagEnd::List(_) => ")\n\n",
            TagEnd::Item => "], ",
            TagEnd::FootnoteDefinition => "]\n\n",
            TagEnd::Table => ")\n\n",
            TagEnd::TableHead => "), ",
            TagEnd::TableCell => "], ",
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => "]",
            TagEnd::Link => match self.links.pop() {
                Some(true) => "]",
                _ => "",
            },
            TagEnd::Image => {
                self.image = self.image.saturating_sub(1);
                ""
            }
            _ => "",
        };
        self.out.push_str(close);
    }

    /// A Markdown table's opening: its columns and their alignment.
    fn table(&mut self, aligns: &[Alignment]) {
        let align: Vec<&str> = aligns
            .iter()
            .map(|a| match a {
                Alignment::Right => "right",
                Alignment::Center => "center",
                Alignment::Left | Alignment::None => "left",
            })
            .collect();
        let _ = write!(
            self.out,
            "#table(columns: {}, align: ({},), stroke: (bottom: 0.3pt + luma(200)), ",
            aligns.len().max(1),
            align.join(", ")
        );
    }
}

/// A code block's text as a string literal, its lines kept.
fn literal_block(text: &str) -> String {
    text.trim_end_matches('\n')
        .split('\n')
        .map(literal)
        .collect::<Vec<_>>()
        .join(" + \"\\n\" + ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_links_and_lists_become_typst() {
        let out = source("A *good* month, **up** [see](https://example.com/a).\n\n- one\n- two\n");
        assert_eq!(
            out,
            "A #emph[good] month\\, #strong[up] #link(\"https://example.com/a\")[see]\\.\n\n\
             #list([one], [two], )\n\n"
        );
    }

    #[test]
    fn a_relative_link_keeps_its_text_and_an_image_is_left_out() {
        let out = source("[the deck](../deck.pdf) ![a chart](chart.png)");
        assert_eq!(out, "the deck \n\n");
    }

    #[test]
    fn raw_html_and_markup_characters_do_nothing() {
        let out = source("<script>alert(1)</script>\n\n#let x = `#y` $z$");
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("\\#let x \\= #raw(\"#y\") \\$z\\$"), "{out}");
    }

    #[test]
    fn a_code_block_is_raw_text_line_by_line() {
        let out = source("```\na \"q\"\n#b\n```\n");
        assert_eq!(
            out,
            "#raw(block: true, \"a \\\"q\\\"\" + \"\\n\" + \"#b\")\n\n"
        );
    }
}
