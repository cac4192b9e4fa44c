//! The bounds a note is read within: its size, and how deeply its block
//! quotes, lists and inline styles (emphasis, strong, strikethrough,
//! links) nest. A note past them is refused where it is read, at
//! its line, so neither the page nor the PDF's typesetter ever sees it: a
//! note quoted many levels deep exhausts the typesetter's nesting, and a
//! note of megabytes its memory.

use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::links::OPTIONS;
use crate::diagnostics::kind::PortfolioProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};

/// The largest note roster reads, in bytes: about a hundred pages of text.
pub(super) const MAX_NOTE_BYTES: usize = 256 << 10;

/// How deeply block quotes, lists and inline styles may nest in a note,
/// together: a list in a quote in a list is 3, and a word in bold in it 4.
/// The typesetter's own limit is reached past about 15 quotes.
pub(super) const MAX_NESTING: usize = 12;

/// Whether the note `markdown` at `path` is within the bounds; an error for
/// it when not.
pub(super) fn within(path: &Path, markdown: &str, diags: &mut Diagnostics) -> bool {
    if markdown.len() > MAX_NOTE_BYTES {
        let problem = PortfolioProblem::NoteTooLarge {
            bytes: markdown.len(),
            limit: MAX_NOTE_BYTES,
        };
        diags.push(Diagnostic::error(problem).in_file(path));
        return false;
    }
    match too_deep(markdown) {
        Some(line) => {
            let problem = PortfolioProblem::NoteTooDeep { limit: MAX_NESTING };
            diags.push(Diagnostic::error(problem).at(Location::at(path, line, 1)));
            false
        }
        None => true,
    }
}

/// Whether `tag` opens a level of nesting a reader sees: a block quote, a
/// list, or an inline style. A list's items and their paragraphs are the
/// list's own level.
fn is_level(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
    )
}

fn ends_level(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
    )
}

/// The 1-based line where a level first opens deeper than [`MAX_NESTING`],
/// if one does.
fn too_deep(markdown: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(tag) if is_level(&tag) => {
                depth += 1;
                if depth > MAX_NESTING {
                    let before = &markdown[..range.start.min(markdown.len())];
                    return Some(before.matches('\n').count() + 1);
                }
            }
            Event::End(tag) if ends_level(&tag) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_across_quotes_and_lists() {
        let quotes = |n: usize| format!("{} deep\n", "> ".repeat(n));
        assert_eq!(too_deep(&quotes(MAX_NESTING)), None);
        assert_eq!(too_deep(&quotes(MAX_NESTING + 1)), Some(1));
        let mut list = String::from("intro\n\n");
        for i in 0..=MAX_NESTING {
            list.push_str(&format!("{}- level {i}\n", "  ".repeat(i)));
        }
        assert_eq!(too_deep(&list), Some(3 + MAX_NESTING));
        assert_eq!(too_deep("- a\n- b\n\n> c\n\n- d\n"), None);
        // Emphasis nests as deep: *a _a *a ... x ... b* b_ b*.
        let styles = |n: usize| {
            let marks = |i: usize| if i.is_multiple_of(2) { "*" } else { "_" };
            let open: String = (0..n).map(|i| format!("{}a ", marks(i))).collect();
            let close: String = (0..n).rev().map(|i| format!(" b{}", marks(i))).collect();
            format!("first line\n{open}x{close}\n")
        };
        assert_eq!(too_deep(&styles(MAX_NESTING)), None);
        assert_eq!(too_deep(&styles(MAX_NESTING + 1)), Some(2));
    }
}
