//! The lines diagnostics quote, read by the stage that reads the
//! portfolio: once a run's problems are known, each file one of them
//! points into is read again (only those: an export of millions of rows is
//! not kept in memory for a caret), through the same door as every read,
//! and handed to the printer as text. A table that may hold a customer's
//! e-mail or name is never quoted: its diagnostics give the place alone.

use std::path::Path;

use super::table::csv;
use super::within;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::terminal::{Quote, Quotes};

/// The text of every file `diags` points into, to quote.
pub fn quotes(root: &Path, diags: &Diagnostics) -> Quotes {
    let mut quotes = Quotes::default();
    for file in Quotes::wanted(diags) {
        if let Some(quote) = quote(root, &file) {
            quotes.insert(file, quote);
        }
    }
    quotes
}

/// One file's text, unless it cannot be read or may hold personal data.
fn quote(root: &Path, file: &Path) -> Option<Quote> {
    let bytes = within::read(root, &root.join(file)).ok()?;
    let (text, _) = csv::decode(&bytes);
    let extension = |e: &str| file.extension().is_some_and(|x| x.eq_ignore_ascii_case(e));
    if (extension("csv") || extension("tsv")) && crate::personal::may_hold_personal(&text) {
        return None;
    }
    let delimiter =
        extension("csv").then(|| csv::detect_delimiter(text.lines().next().unwrap_or("")));
    Some(Quote {
        text: text.into_owned(),
        delimiter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::kind::RunProblem;
    use crate::diagnostics::{Diagnostic, Location};

    #[test]
    fn quotes_only_what_may_be_shown() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.csv"), "post_id;reach\np1;x\n").unwrap();
        std::fs::write(dir.path().join("o.csv"), "order_id,customer\n1,a@b.co\n").unwrap();
        let mut d = Diagnostics::new();
        for file in ["p.csv", "o.csv", "gone.yaml"] {
            let problem = RunProblem::RenderFailed { cause: "x".into() };
            d.push(Diagnostic::error(problem).at(Location::at(file, 2, 1)));
        }
        let quotes = quotes(dir.path(), &d);
        let out = crate::diagnostics::terminal::render(&d, &quotes, false);
        assert!(out.contains("p1;x"), "{out}");
        assert!(!out.contains("a@b.co"), "{out}");
        assert!(out.contains("--> o.csv:2:1"), "{out}");
        assert!(out.contains("--> gone.yaml:2:1"), "{out}");
    }
}
