//! The words for a file that fits no kind, no preset and no mapping: a
//! ready `imports` entry to paste into client.yaml, made from what its
//! first rows show (docs/your-data.md, "A file that fits no preset and no
//! mapping").
//!
//! Only header names are quoted, never a cell: the guess names what the
//! values look like (ids, dates, links, numbers), not what they are.

use crate::model::TableKind;

/// What the first rows of a file that fits nothing show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// The `files:` of the entry: the file, relative to its client.
    pub files: String,
    /// The sheet, for a workbook's.
    pub sheet: Option<String>,
    /// The kind it most likely is.
    pub kind: TableKind,
    /// roster's columns told from the values, each with the file's header
    /// name (as written).
    pub columns: Vec<(&'static str, String)>,
    /// The required columns of the kind that no values told.
    pub untold: Vec<&'static str>,
    /// The header names of the columns of numbers not mapped, for the
    /// user to choose from.
    pub numbers: Vec<String>,
    /// Whether the file's posts are given a partnership (by its folder).
    pub partnership_given: bool,
    /// The first row looks like data (an e-mail, a date, a number): the
    /// file has no header.
    pub no_header: bool,
    /// The vendor whose export it looks like, in a language roster has no
    /// table for: `Meta Business Suite`.
    pub platform: Option<&'static str>,
}

/// The most header names a comment lists.
const LISTED: usize = 12;

/// A header name as a YAML double-quoted string (JSON's is one).
fn quoted(name: &str) -> String {
    serde_json::to_string(name).unwrap_or_else(|_| "\"\"".into())
}

impl Guess {
    /// The `imports` block to paste into client.yaml.
    fn block(&self) -> String {
        let mut out = String::from("imports:\n");
        out.push_str(&format!("  - files: {}\n", quoted(&self.files)));
        if let Some(sheet) = &self.sheet {
            out.push_str(&format!("    sheet: {}\n", quoted(sheet)));
        }
        out.push_str(&format!("    kind: {}\n", self.kind));
        out.push_str("    columns:\n");
        for (column, name) in &self.columns {
            out.push_str(&format!("      {column}: {}\n", quoted(name)));
        }
        for column in &self.untold {
            out.push_str(&format!("      # {column}: \"<the file's column>\"\n"));
        }
        if !self.numbers.is_empty() {
            let mut names: Vec<String> = self
                .numbers
                .iter()
                .take(LISTED)
                .map(|n| quoted(n))
                .collect();
            if self.numbers.len() > LISTED {
                names.push(format!("and {} more", self.numbers.len() - LISTED));
            }
            let counts = match self.kind {
                TableKind::Orders => "revenue",
                TableKind::Posts | TableKind::Daily => {
                    "impressions, reach, engagements, clicks, conversions, revenue"
                }
            };
            out.push_str(&format!(
                "      # columns of numbers, to map to {counts}: {}\n",
                names.join(", ")
            ));
        }
        if self.kind != TableKind::Orders
            && !self.partnership_given
            && !self.columns.iter().any(|(c, _)| *c == "partnership")
        {
            out.push_str("    partnership: <partnership-id>\n");
        }
        out
    }

    /// The help: what to do, then the block.
    pub fn help(&self) -> String {
        let mut out = String::new();
        if self.no_header {
            out.push_str(
                "its first row looks like data (an e-mail, a date or a number), so the file has no header: add a header row naming its columns, then map them with an `imports` entry in client.yaml (docs/your-data.md)",
            );
            return out;
        }
        if let Some(platform) = self.platform {
            out.push_str(&format!(
                "it looks like a {platform} export in a language roster has no table for: switch the interface language to English before exporting, or "
            ));
        }
        out.push_str(
            "map its columns with an `imports` entry in client.yaml (docs/your-data.md); from its first rows, such as:\n",
        );
        out.push_str(&self.block());
        out
    }
}
