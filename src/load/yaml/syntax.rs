//! What a YAML file that cannot be parsed is told: serde_yaml's errors
//! reworded where its own words point the wrong way, and nesting too deep
//! to parse in reasonable time refused before it is parsed.
//!
//! The YAML parser under serde_yaml checks every open `[` and `{` at each
//! token, so thousands of them nested take a time that grows with their
//! square: a file nested deeper than any roster file needs is refused by a
//! linear scan first.

use std::path::Path;

use super::spans::{self, SpanTree};
use crate::diagnostics::kind::YamlProblem;
use crate::diagnostics::{Diagnostic, Location};

/// The deepest nesting of flow collections (`[`, `{`) read. roster's files
/// need two or three levels.
pub(super) const MAX_FLOW_DEPTH: usize = 64;

/// The line and column of the `[` or `{` that opens a flow collection
/// nested deeper than [`MAX_FLOW_DEPTH`], if one does. Quoted scalars and
/// comments are skipped; outside a collection, a bracket opens one only at
/// the start of a token (in `a[1]` it is text).
fn too_deep(src: &str) -> Option<(usize, usize)> {
    let bytes = src.as_bytes();
    let (mut depth, mut line, mut line_start, mut i) = (0usize, 1usize, 0usize, 0usize);
    while i < bytes.len() {
        let b = bytes[i];
        let token_start = i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r');
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'#' if token_start => {
                while i + 1 < bytes.len() && bytes[i + 1] != b'\n' {
                    i += 1;
                }
            }
            b'"' | b'\'' if depth > 0 || token_start => {
                i += 1;
                while i < bytes.len() && bytes[i] != b {
                    if bytes[i] == b'\\' && b == b'"' {
                        i += 1;
                    }
                    if bytes.get(i) == Some(&b'\n') {
                        line += 1;
                        line_start = i + 1;
                    }
                    i += 1;
                }
            }
            b'[' | b'{' if depth > 0 || token_start => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some((line, src[line_start..i].chars().count() + 1));
                }
            }
            b']' | b'}' if depth > 0 => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The error for nesting too deep to read, if the text has it.
pub(super) fn nesting(file: &Path, src: &str) -> Option<Diagnostic> {
    let (line, column) = too_deep(src)?;
    let problem = YamlProblem::TooDeep {
        limit: MAX_FLOW_DEPTH,
    };
    Some(Diagnostic::error(problem).at(Location::at(file, line, column)))
}

/// The diagnostic for a text serde_yaml could not parse.
pub(super) fn error(file: &Path, src: &str, e: &serde_yaml::Error) -> Diagnostic {
    let mut msg = e.to_string();
    if let Some(i) = msg.find(" at line ") {
        msg.truncate(i);
    }
    let loc = match e.location() {
        Some(l) => Location::at(file, l.line(), l.column()),
        None => Location::file(file),
    };
    // serde_yaml names the path first for a nested mapping: `budgets: duplicate ...`.
    if msg.contains("duplicate entry with key")
        && let Some((key, (line, column), first)) = SpanTree::parse(src).and_then(|t| t.duplicate())
    {
        let problem = YamlProblem::DuplicateKey {
            key,
            first_line: first,
        };
        return Diagnostic::error(problem).at(Location::at(file, line, column));
    }
    if msg.ends_with("repetition limit exceeded") {
        let at = spans::first_alias(src)
            .map_or_else(|| Location::file(file), |(l, c)| Location::at(file, l, c));
        return Diagnostic::error(YamlProblem::AliasBomb).at(at);
    }
    if msg.ends_with("recursion limit exceeded") {
        return Diagnostic::error(YamlProblem::TooNested).at(loc);
    }
    if let Some(d) = too_large(&msg, loc.clone()) {
        return d;
    }
    Diagnostic::error(YamlProblem::Syntax { reason: msg }).at(loc)
}

/// A whole number beyond 64 bits, which serde_yaml cannot hold and words
/// as a type error ("invalid type: integer `N` as u128").
fn too_large(msg: &str, loc: Location) -> Option<Diagnostic> {
    let (path, rest) = match msg.split_once(": invalid type: integer `") {
        Some((path, rest)) => (Some(path), rest),
        None => (None, msg.strip_prefix("invalid type: integer `")?),
    };
    let (number, tail) = rest.split_once('`')?;
    if !(tail.starts_with(" as u128") || tail.starts_with(" as i128")) {
        return None;
    }
    let problem = YamlProblem::NumberTooLarge {
        key: path.map(str::to_string),
        number: number.to_string(),
        limit: super::super::MAX_COUNT,
    };
    Some(Diagnostic::error(problem).at(loc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_flow_nesting_but_not_text() {
        assert_eq!(too_deep(&"[".repeat(64)), None);
        assert_eq!(
            too_deep(&format!("a:\n  {}", "[".repeat(65))),
            Some((2, 67))
        );
        assert_eq!(
            too_deep(&format!(
                "a: \"{}\"\n# {}\nb: x{}",
                "[".repeat(99),
                "{".repeat(99),
                "[".repeat(99)
            )),
            None
        );
    }
}
