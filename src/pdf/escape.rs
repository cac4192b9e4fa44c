//! User text in Typst markup: a client's, a creator's or an agency's name,
//! a sentence with a currency sign, written so that it reads as itself (as
//! markup, or as a string literal); and the muted grey every part of the
//! report shares. A leaf: the parts that write markup all use it.
//!
//! Typst markup gives meaning to most ASCII punctuation (`#` starts code,
//! `*` and `_` emphasis, `$` maths, `@` a reference, `<` a label, `//` a
//! comment, `=` at a line's start a heading). A backslash before any of
//! them makes it the character itself, so every ASCII punctuation mark is
//! escaped, letters and digits never; line breaks become spaces, since one
//! name or sentence is one line of the report.

/// `text` as Typst markup that shows exactly `text`.
pub(crate) fn typst_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// What the report says in grey: the running header, the page numbers.
pub(super) const MUTED: &str = "luma(95)";

/// `text` as a Typst string literal: what is in it is never markup.
pub(super) fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(typst_escape("#1 *best*"), "\\#1 \\*best\\*");
        assert_eq!(typst_escape("a_b $5 @anna"), "a\\_b \\$5 \\@anna");
        assert_eq!(typst_escape("<x> [y]"), "\\<x\\> \\[y\\]");
        assert_eq!(
            typst_escape("C:\\dir `x` // no"),
            "C\\:\\\\dir \\`x\\` \\/\\/ no"
        );
    }

    #[test]
    fn letters_digits_and_cyrillic_are_left_alone() {
        assert_eq!(typst_escape("Анна Петрова 2026"), "Анна Петрова 2026");
    }

    #[test]
    fn a_name_on_several_lines_is_one_line() {
        assert_eq!(typst_escape("a\nb\r\tc\u{7}"), "a b  c");
    }
}
