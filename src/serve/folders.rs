//! The pages `serve` makes for a client's folders that have no
//! `index.html` of their own (`reports/`, `partnerships/`, `markets/`): a
//! list of the pages below, by their titles. Only `serve` has them; the built
//! site is unchanged, so a static host answers 404 there as before.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::html::escape;

/// Whether the file `name` is a page.
fn is_page(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".html") || name.ends_with(".htm")
}

/// Whether `files` hold a page (an HTML file) anywhere below the folder
/// `dir` (`reports/`).
pub(super) fn holds_pages(files: &BTreeMap<String, Arc<[u8]>>, dir: &str) -> bool {
    below(files, dir).any(|(k, _)| is_page(k))
}

/// The files below the folder `dir` (`reports/`; `""` is every file).
fn below<'a>(
    files: &'a BTreeMap<String, Arc<[u8]>>,
    dir: &'a str,
) -> impl Iterator<Item = (&'a String, &'a Arc<[u8]>)> {
    files
        .range::<str, _>((std::ops::Bound::Included(dir), std::ops::Bound::Unbounded))
        .take_while(move |(k, _)| k.starts_with(dir))
}

/// The title and body of the page of the folder `dir` (`reports/`) of a
/// client's `files`, which has no `index.html`: a link to each page of it
/// and to each of its folders that holds pages, by the page's `<title>`
/// (else the name), the months of `reports/` newest first, the rest by
/// name; and a link up to the overview of the client, `client_name`.
/// `None` when no page is below the folder.
pub(super) fn folder_index(
    files: &BTreeMap<String, Arc<[u8]>>,
    client_name: &str,
    dir: &str,
) -> Option<(String, String)> {
    // name -> (link, the page whose title names it)
    let mut entries: BTreeMap<&str, (String, Option<&[u8]>)> = BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    for (key, bytes) in below(files, dir) {
        let rest = &key[dir.len()..];
        let (name, folder) = rest
            .split_once('/')
            .map_or((rest, false), |(n, _)| (n, true));
        // Each name once: a folder's files come one after another.
        if name.is_empty() || !seen.insert(name) {
            continue;
        }
        let entry = match folder {
            true if holds_pages(files, &key[..dir.len() + name.len() + 1]) => {
                let page = files.get(&format!("{dir}{name}/index.html"));
                (format!("{}/", encode(name)), page.map(|b| &b[..]))
            }
            false if is_page(name) => (encode(name), Some(&bytes[..])),
            _ => continue,
        };
        entries.insert(name, entry);
    }
    if entries.is_empty() {
        return None;
    }
    let mut entries: Vec<_> = entries.into_iter().collect();
    if dir == "reports/" {
        entries.reverse();
    }
    let items: String = entries
        .iter()
        .map(|(name, (link, page))| {
            let title = page.and_then(title_of).unwrap_or_else(|| name.to_string());
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape(link),
                escape(&title)
            )
        })
        .collect();
    let up = match dir.matches('/').count() {
        0 => String::new(),
        depth => format!(
            "<p><a href=\"{}\">{}</a></p>",
            "../".repeat(depth),
            escape(&format!("\u{2190} {client_name}: overview"))
        ),
    };
    let title = format!("{client_name}: {dir}");
    Some((title, format!("{up}<ul>{items}</ul>")))
}

/// The text of a page's `<title>`, its character references read (it is
/// escaped again where it is shown); `None` without one.
fn title_of(page: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(page);
    let start = text.find("<title>")? + "<title>".len();
    let end = start + text[start..].find("</title>")?;
    let title = unescape(&text[start..end]);
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

/// `text` with HTML's character references read: the named ones
/// [`escape`] writes (and `&nbsp;`), and numeric ones; any other `&` is
/// kept as written.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest[1..].find(';').map(|end| &rest[1..=end]);
        let read = reference.and_then(|r| match r {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => {
                let number = r.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (read, reference) {
            (Some(c), Some(r)) => {
                out.push(c);
                rest = &rest[r.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A URL path, or one segment of it, with every byte but the unreserved
/// ones and `/` percent-encoded, for a link or a `Location` header.
pub(super) fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_read_from_pages() {
        assert_eq!(
            title_of(b"<head><title>A &amp; B</title>"),
            Some("A & B".into())
        );
        assert_eq!(title_of(b"<title>\n  A\n  B </title>"), Some("A B".into()));
        assert_eq!(title_of(b"<title> </title>"), None);
        assert_eq!(title_of(b"<p>no title</p>"), None);
        assert_eq!(title_of(b"<title>unclosed"), None);
        assert_eq!(
            unescape("&#39;&#x41;&nbsp;&bogus; & &amp;lt;"),
            "'A\u{a0}&bogus; & &lt;"
        );
    }
}
