//! A brand colour, checked once where client.yaml is read: a page writes it
//! into its stylesheet, where anything but a plain hex colour could escape
//! the rule it is in.

use std::fmt;

/// A hex colour, `#rgb` or `#rrggbb`, kept in lower case as stylesheets
/// write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Colour(String);

impl Colour {
    /// The colour `#` and three or six hex digits spell; `None` for
    /// anything else.
    pub fn parse(written: &str) -> Option<Colour> {
        let hex = written.strip_prefix('#')?;
        (matches!(hex.len(), 3 | 6) && hex.chars().all(|h| h.is_ascii_hexdigit()))
            .then(|| Colour(format!("#{}", hex.to_ascii_lowercase())))
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hex_colours_are_colours() {
        assert_eq!(Colour::parse("#D6336C").unwrap().to_string(), "#d6336c");
        assert_eq!(Colour::parse("#fA0").unwrap().to_string(), "#fa0");
        for bad in ["d6336c", "#d6336", "#ggg", "#fff;}", "red", ""] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
    }
}
