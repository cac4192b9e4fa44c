//! Which links of a note keep their address. Pages show notes two folders
//! below the client's, and a client's folder is published on its own, so
//! a relative link that climbs out of it, an address of another scheme than
//! http(s), or an image on another site is dropped (its text stays): a
//! warning at the note's line here, and the same judgement when the page
//! is rendered (render's notes use [`refusal`]).

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::diagnostics::kind::{LinkRefusal, PortfolioProblem};
use crate::diagnostics::line_col;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};

/// How many folders below the client's the pages showing notes are: a
/// month's `reports/<YYYY-MM>/` and a partnership's `partnerships/<id>/`.
/// Relative links in notes are resolved from there.
pub(crate) const NOTE_PAGE_DEPTH: usize = 2;

/// The Markdown of a note: CommonMark with tables, footnotes and
/// strikethrough, the same wherever a note is parsed.
pub(crate) const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// A link or image of a note that is dropped: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkProblem {
    /// 1-based line of the note.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong: [`PortfolioProblem::LinkDropped`].
    pub problem: PortfolioProblem,
}

/// Why the address of a link (or, with `image`, of an image) in a note
/// shown `depth` folders below the client's is not kept; `None` keeps it.
pub(crate) fn refusal(url: &str, image: bool, depth: usize) -> Option<LinkRefusal> {
    let url = url.trim();
    if url.is_empty() || url.starts_with('#') {
        return None;
    }
    if let Some(colon) = url
        .find(':')
        .filter(|c| !url[..*c].contains(['/', '?', '#']))
    {
        let scheme = url[..colon].to_ascii_lowercase();
        return match (scheme.as_str(), image) {
            ("http" | "https", false) => None,
            ("http" | "https", true) => Some(LinkRefusal::RemoteImage),
            _ => Some(LinkRefusal::OtherScheme),
        };
    }
    if url.starts_with(['/', '\\']) {
        return Some(LinkRefusal::LeavesFolder);
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let mut level = depth;
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." if level == 0 => return Some(LinkRefusal::LeavesFolder),
            ".." => level -= 1,
            _ => level += 1,
        }
    }
    None
}

/// Every Markdown link and image of a note whose address is dropped.
pub(crate) fn link_problems(markdown: &str) -> Vec<LinkProblem> {
    let mut found = Vec::new();
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        let (url, image) = match &event {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
            _ => continue,
        };
        if let Some(why) = refusal(url, image, NOTE_PAGE_DEPTH) {
            let (line, column) = line_col(markdown, range.start);
            found.push(LinkProblem {
                line,
                column,
                problem: PortfolioProblem::LinkDropped {
                    url: url.to_string(),
                    image,
                    why,
                },
            });
        }
    }
    found
}

/// A warning for each link of the note at `path` (relative to the
/// portfolio) whose address the page drops.
pub(crate) fn warn_links(path: &std::path::Path, markdown: &str, diags: &mut Diagnostics) {
    for p in link_problems(markdown) {
        diags.push(Diagnostic::warning(p.problem).at(Location::at(path, p.line, p.column)));
    }
}
