//! The one escaper for text in HTML and SVG: pages, charts and the preview
//! server all write user text (names, labels, paths) through it.
//!
//! It escapes the five characters that can end text or a double- or
//! single-quoted attribute, in HTML and in XML alike, and leaves `/` alone
//! (unlike tera's default) so that links read as written.

/// `input` safe for HTML or XML text and quoted attributes.
pub fn escape(input: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::escape;

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
