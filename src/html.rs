//! The one escaper for text in HTML and SVG: pages, charts and the preview
//! server all write user text (names, labels, paths) through it.
//!
//! It escapes the five characters that can end text or a double- or
//! single-quoted attribute, in HTML and in XML alike, and leaves `/` alone
//! (unlike tera's default) so that links read as written. [`css_string`]
//! does the same for a string inside a `<style>` element (the printed
//! page's running header), where HTML entities are not read.

/// `input` safe for HTML or XML text and quoted attributes.
pub(crate) fn escape(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    // Copy the runs between special characters whole: most text has none.
    let mut from = 0;
    for (i, b) in input.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&input[from..]);
    out
}

/// `input` as a quoted CSS string, safe inside a `<style>` element: quotes,
/// backslashes, angle brackets, ampersands and control characters become
/// CSS escapes, so no text can end the string or the element.
pub(crate) fn css_string(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 2);
    out.push('"');
    for c in input.chars() {
        if matches!(c, '"' | '\\' | '<' | '>' | '&') || c.is_control() {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::{css_string, escape};

    #[test]
    fn a_css_string_cannot_end_itself_or_its_style_element() {
        assert_eq!(css_string("Полынь · Октябрь"), "\"Полынь · Октябрь\"");
        assert_eq!(
            css_string("a\"b\\</style>&\n"),
            "\"a\\22 b\\5c \\3c /style\\3e \\26 \\a \""
        );
    }

    #[test]
    fn escapes_every_special_character_and_nothing_else() {
        assert_eq!(escape("plain / text"), "plain / text");
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("Марина <3"), "Марина &lt;3");
    }
}
