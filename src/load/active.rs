//! What in a file roster publishes as it is could run in a reader's browser
//! or load from the network: found before anything is published.
//!
//! A client's `assets/` and a theme's stylesheet reach the site byte for
//! byte, on the site's own origin. An SVG with a script, or an HTML file,
//! runs there when a reader opens it directly (a logo shown in an `<img>`
//! never runs; the same file opened at its address does). And the pages
//! promise to load nothing from the network: a stylesheet that imports
//! from another host breaks that, and tells the host who reads the report.
//!
//! Both searches read the text as the browser will, escapes decoded (an
//! SVG's `&#106;avascript:`, a stylesheet's `\75 rl(`), and report the first
//! finding at its place in the file as written.

use super::files::Source;
use crate::diagnostics::kind::FileProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};

/// Report every place of the stylesheet `src` that loads from the network
/// ([`in_css`]).
pub(super) fn network(src: &Source, diags: &mut Diagnostics) {
    for f in in_css(&src.text) {
        let at = Location::at_byte(&src.file, &src.text, f.at);
        diags.push(Diagnostic::error(FileProblem::LoadsFromNetwork { what: f.what }).at(at));
    }
}

/// Extensions of files that a browser runs when it opens them (markup with
/// scripts, scripts themselves), or that hide what they hold (a compressed
/// SVG): refused in `assets/`.
pub(super) const RUNNABLE: [&str; 14] = [
    "html", "htm", "shtml", "xhtml", "xht", "mht", "mhtml", "xml", "xsl", "xslt", "js", "mjs",
    "swf", "svgz",
];

/// Elements of an SVG that run, or embed what runs.
const RUNNING_ELEMENTS: [&str; 7] = [
    "script",
    "foreignobject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
];

/// Address schemes that run.
const RUNNING_SCHEMES: [&str; 4] = [
    "javascript:",
    "vbscript:",
    "data:text/html",
    "data:application/xhtml",
];

/// What was found, and the byte offset in the text where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Finding {
    /// What it is, as a reader of the file would name it.
    pub what: String,
    /// Where it starts in the file's text.
    pub at: usize,
}

/// Text with escapes decoded, and for each byte of it the offset in the
/// original it came from.
struct Decoded {
    text: String,
    from: Vec<usize>,
}

impl Decoded {
    fn push(&mut self, c: char, at: usize) {
        self.text.push(c);
        self.from.resize(self.text.len(), at);
    }
}

/// `text` with XML character references (`&#106;`, `&#x6A;`, `&amp;` ...)
/// decoded; other entities stay as written.
fn decode_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semicolon = rest.bytes().take(12).position(|b| b == b';');
        let decoded = semicolon.and_then(|end| {
            let code = match &rest[1..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                body => {
                    let n = body.strip_prefix('#')?;
                    let n = match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(n)?
                }
            };
            Some((code, end + 1))
        });
        match decoded {
            Some((code, len)) => {
                out.push(code);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` with CSS escapes (`\75`, `\000075 `, `\u`) decoded.
fn decode_css(text: &str) -> Decoded {
    let mut out = Decoded {
        text: String::with_capacity(text.len()),
        from: Vec::with_capacity(text.len()),
    };
    let mut rest = text.char_indices().peekable();
    while let Some((at, c)) = rest.next() {
        if c != '\\' {
            out.push(c, at);
            continue;
        }
        let mut hex = String::new();
        while hex.len() < 6
            && let Some((_, h)) = rest.next_if(|(_, h)| h.is_ascii_hexdigit())
        {
            hex.push(h);
        }
        if hex.is_empty() {
            if let Some((_, next)) = rest.next() {
                out.push(next, at);
            }
            continue;
        }
        rest.next_if(|(_, w)| w.is_ascii_whitespace());
        let code = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
        out.push(code.unwrap_or('\u{fffd}'), at);
    }
    out
}

/// An address as a browser reads it: tabs, new lines and other controls
/// and spaces dropped, lower case.
fn plain_address(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What in the SVG `text` runs, if anything: the first finding. Markup
/// is read as written (XML allows no character references in names);
/// attribute values are read decoded.
pub(super) fn in_svg(text: &str) -> Option<Finding> {
    let lower = text.to_ascii_lowercase();
    let mut pos = 0;
    while let Some(open) = lower[pos..].find('<').map(|i| pos + i) {
        let tag = &lower[open + 1..];
        let skip_to = |end: &str| {
            tag.find(end)
                .map_or(lower.len(), |e| open + 1 + e + end.len())
        };
        if tag.starts_with("!--") {
            pos = skip_to("-->");
            continue;
        }
        if tag.starts_with("![cdata[") {
            pos = skip_to("]]>");
            continue;
        }
        if tag.starts_with("!entity") || tag.starts_with("?xml-stylesheet") {
            let what = tag.split(char::is_whitespace).next().unwrap_or(tag);
            return Some(Finding {
                what: format!("a `<{what}` declaration"),
                at: open,
            });
        }
        if tag.starts_with(['!', '?']) {
            // A doctype or a processing instruction: what it declares
            // inside is searched too.
            pos = open + 1;
            continue;
        }
        let end = tag.find('>').map_or(lower.len(), |e| open + 1 + e);
        let name_len = tag
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(tag.len());
        let name = tag[..name_len].rsplit(':').next().unwrap_or_default();
        if RUNNING_ELEMENTS.contains(&name) {
            let written = &text[open + 1..open + 1 + name_len];
            return Some(Finding {
                what: format!("a `<{written}>` element"),
                at: open,
            });
        }
        let attrs = open + 1 + name_len;
        if let Some(f) = attributes(&text[attrs..end], attrs) {
            return Some(f);
        }
        pos = end.max(open + 1);
    }
    None
}

/// The first attribute of a tag's `rest` (after its name, as written) that
/// runs: an event handler, or a value whose address runs, read decoded.
/// `base` is the offset of `rest` in the file.
fn attributes(rest: &str, base: usize) -> Option<Finding> {
    let mut i = 0;
    let bytes = rest.as_bytes();
    while i < bytes.len() {
        let start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'/' | b'>')
        {
            i += 1;
        }
        let name = rest[start..i].rsplit(':').next().unwrap_or_default();
        if name.len() > 2 && name[..2].eq_ignore_ascii_case("on") {
            return Some(Finding {
                what: format!("an event handler `{}`", &rest[start..i]),
                at: base + start,
            });
        }
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            i += usize::from(i == start);
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let quote = bytes.get(i).copied().filter(|q| matches!(q, b'"' | b'\''));
        let value_start = i + usize::from(quote.is_some());
        let value_end = match quote {
            Some(q) => rest[value_start..]
                .find(q as char)
                .map_or(rest.len(), |e| value_start + e),
            None => rest[value_start..]
                .find(|c: char| c.is_whitespace())
                .map_or(rest.len(), |e| value_start + e),
        };
        let value = plain_address(&decode_xml(&rest[value_start..value_end]));
        if let Some(scheme) = RUNNING_SCHEMES.iter().find(|s| value.contains(*s)) {
            return Some(Finding {
                what: format!("a `{scheme}` address"),
                at: base + value_start,
            });
        }
        i = value_end + 1;
    }
    None
}

/// What in the stylesheet `text` loads from the network: every `@import`
/// (a theme is one whole stylesheet), and every `url()` or `image-set()`
/// address that names a host or a scheme other than `data:`.
pub(super) fn in_css(text: &str) -> Vec<Finding> {
    let d = decode_css(text);
    let lower = d.text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut pos = 0;
    while pos < lower.len() {
        let rest = &lower[pos..];
        if rest.starts_with("/*") {
            pos += rest.find("*/").map_or(rest.len(), |e| e + 2);
            continue;
        }
        let at = d.from.get(pos).copied().unwrap_or(0);
        if rest.starts_with("@import") {
            found.push(Finding {
                what: "`@import`".into(),
                at,
            });
            // Its address is part of it, not a second finding.
            pos += rest.find(';').unwrap_or(rest.len());
            continue;
        } else if let Some(args) = ["url(", "image-set(", "image("]
            .iter()
            .find_map(|f| rest.strip_prefix(f))
        {
            let inside = &args[..args.find(')').unwrap_or(args.len())];
            let reaches = inside.split(',').any(|a| {
                let a = plain_address(a);
                remote(a.trim_start_matches(['"', '\'']))
            });
            if reaches {
                let end = pos + (rest.len() - args.len()) + inside.len();
                let end = if args[inside.len()..].starts_with(')') {
                    end + 1
                } else {
                    end
                };
                found.push(Finding {
                    what: format!("`{}`", short(&d.text[pos..end])),
                    at,
                });
            }
        }
        pos += rest.chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Whether an address names another host (`//host`) or a scheme other than
/// `data:`.
fn remote(address: &str) -> bool {
    if address.starts_with("//") || address.starts_with("\\\\") {
        return true;
    }
    let scheme = address.split(':').next().unwrap_or_default();
    address.contains(':')
        && !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && scheme != "data"
}

/// A finding's text, at most 60 characters.
fn short(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(text: &str) -> Option<(String, usize)> {
        in_svg(text).map(|f| (f.what, f.at))
    }

    #[test]
    fn a_plain_logo_runs_nothing() {
        let logo = "<?xml version=\"1.0\"?>\n<!-- Generator: x -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" data-name=\"Layer&#x20;1\" viewBox=\"0 0 10 10\"><style>.a{fill:#123}</style><a href=\"https://kestrel.example/\"><circle class=\"a\" r=\"4\"/><text>Caf&#233; &amp; one=1</text></a></svg>";
        assert_eq!(svg(logo), None);
    }

    #[test]
    fn finds_scripts_handlers_and_running_addresses() {
        assert_eq!(
            svg("<svg><script>alert(1)</script></svg>"),
            Some(("a `<script>` element".into(), 5))
        );
        assert_eq!(
            svg("<svg><svg:SCRIPT href=\"x.js\"/></svg>").map(|f| f.0),
            Some("a `<svg:SCRIPT>` element".into())
        );
        assert_eq!(
            svg("<svg onload=\"alert(1)\"/>"),
            Some(("an event handler `onload`".into(), 5))
        );
        assert_eq!(
            svg("<svg>\n<rect\n  ONclick = 'x'/></svg>").map(|f| f.1),
            Some(14)
        );
        assert_eq!(
            svg("<svg><foreignObject><body/></foreignObject></svg>").map(|f| f.0),
            Some("a `<foreignObject>` element".into())
        );
        assert_eq!(
            svg("<svg><a href=\"JavaScript:alert(1)\"><text>x</text></a></svg>").map(|f| f.0),
            Some("a `javascript:` address".into())
        );
        let hidden = "<svg><a xlink:href=\"java&#x09;scr&#105;pt&#58;alert(1)\">x</a></svg>";
        assert_eq!(svg(hidden).map(|f| f.1), Some(20));
        assert_eq!(
            svg("<svg><set attributeName=\"href\" to=\" javascript:x\"/></svg>").map(|f| f.0),
            Some("a `javascript:` address".into())
        );
        assert_eq!(
            svg("<!DOCTYPE svg [<!ENTITY s \"x\">]><svg/>").map(|f| f.0),
            Some("a `<!entity` declaration".into())
        );
        assert_eq!(
            svg("<?xml-stylesheet href=\"x.xsl\"?><svg/>").map(|f| f.0),
            Some("a `<?xml-stylesheet` declaration".into())
        );
    }

    #[test]
    fn comments_character_data_and_text_run_nothing() {
        assert_eq!(
            svg("<svg><!-- <script> onload= --><text><![CDATA[ <script> ]]></text></svg>"),
            None
        );
        assert_eq!(
            svg("<svg><text>&lt;script&gt; &#60;script&#62; onload=1</text></svg>"),
            None
        );
    }

    fn css(text: &str) -> Vec<(String, usize)> {
        in_css(text).into_iter().map(|f| (f.what, f.at)).collect()
    }

    #[test]
    fn a_stylesheet_of_its_own_loads_nothing() {
        let ok = "body { background: url(data:image/png;base64,AAAA) } .a { background: url( 'img/x.png' ) }\n/* @import url(https://x) */";
        assert!(css(ok).is_empty(), "{:?}", css(ok));
    }

    #[test]
    fn finds_imports_and_addresses_of_other_hosts() {
        let text = "@import url(\"https://x.example/theme.css\");\nh1 { background: URL( \"https://fonts.example/a.png\" ) }\n@font-face { src: url(//cdn.example/f.woff2) }\n.b { background-image: image-set(\"http://x.example/a.png\" 1x) }\n.c { background: \\75 rl(https://x.example/) }";
        let got = css(text);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got.iter().all(|g| !g.0.contains("theme.css")), "{got:?}");
        assert_eq!(got[0], ("`@import`".into(), 0));
        assert_eq!(got[1].0, "`URL( \"https://fonts.example/a.png\" )`");
        assert_eq!(
            text[got[2].1..].split(')').next(),
            Some("url(//cdn.example/f.woff2")
        );
        assert!(
            text[got[4].1..].starts_with("\\75 rl("),
            "{:?}",
            &text[got[4].1..]
        );
    }
}
