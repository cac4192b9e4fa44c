//! The presets' headers in other languages, kept as data: one table per
//! vendor in `assets/presets/<preset>.tsv`, with a line for each column (and
//! each value a preset reads) in each language a real export or the
//! vendor's own translation files show, the source cited beside it
//! (docs/your-data.md, "Languages").
//!
//! A header in another language is put into the English names the preset
//! code reads before that code runs, so the presets themselves know English
//! alone. Names match case-insensitively, after trimming and Unicode NFC
//! normalisation.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// The data files, by preset.
const FILES: [(&str, &str); 5] = [
    (
        "shopify-orders",
        include_str!("../../../assets/presets/shopify-orders.tsv"),
    ),
    (
        "woocommerce-orders",
        include_str!("../../../assets/presets/woocommerce-orders.tsv"),
    ),
    (
        "meta-posts",
        include_str!("../../../assets/presets/meta-posts.tsv"),
    ),
    (
        "youtube-table",
        include_str!("../../../assets/presets/youtube-table.tsv"),
    ),
    (
        "tiktok-content",
        include_str!("../../../assets/presets/tiktok-content.tsv"),
    ),
];

/// A header name as matched: trimmed, NFC, lower case.
pub(crate) fn normalise(name: &str) -> String {
    name.trim().nfc().collect::<String>().to_lowercase()
}

/// One line of a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The language, such as `es`.
    pub language: String,
    /// `None` for a column's name; for a value, the column it is in.
    pub value_of: Option<String>,
    /// The English name (or value) the preset reads, lower case.
    pub english: String,
    /// As the language writes it, normalised.
    pub written: String,
}

/// A line of a data file that is not an entry: its number, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BadLine(pub usize);

/// The entries of a data file's text; comments and blank lines skipped.
pub(crate) fn parse(text: &str) -> Result<Vec<Entry>, BadLine> {
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [language, what, english, written] = fields[..] else {
            return Err(BadLine(i + 1));
        };
        let value_of = match what {
            "header" => None,
            _ => match what.strip_prefix("value of ") {
                Some(column) => Some(column.to_string()),
                None => return Err(BadLine(i + 1)),
            },
        };
        if [language, english, written]
            .iter()
            .any(|f| f.trim().is_empty())
        {
            return Err(BadLine(i + 1));
        }
        entries.push(Entry {
            language: language.to_string(),
            value_of,
            english: english.to_string(),
            written: normalise(written),
        });
    }
    Ok(entries)
}

/// One preset's header in one language other than English.
struct Table {
    preset: &'static str,
    language: String,
    /// As written (normalised) -> the English name.
    names: HashMap<String, String>,
}

/// Every table of every data file, in the order of the files and of the
/// languages in each. A data file that does not parse adds nothing (its
/// unit test fails first).
static TABLES: LazyLock<Vec<Table>> = LazyLock::new(|| {
    let mut tables: Vec<Table> = Vec::new();
    for (preset, text) in FILES {
        for e in parse(text).unwrap_or_default() {
            if e.language == "en" || e.value_of.is_some() {
                continue;
            }
            let at = tables
                .iter()
                .position(|t| t.preset == preset && t.language == e.language);
            let table = match at {
                Some(i) => &mut tables[i],
                None => {
                    tables.push(Table {
                        preset,
                        language: e.language.clone(),
                        names: HashMap::new(),
                    });
                    let last = tables.len() - 1;
                    &mut tables[last]
                }
            };
            table.names.insert(e.written, e.english);
        }
    }
    tables
});

/// A header put into a preset's English names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InEnglish {
    /// The preset whose language it is.
    pub preset: &'static str,
    /// The language's name, such as `Spanish`.
    pub language: &'static str,
    /// The header, each name the table knows in English, the others as
    /// they were.
    pub header: Vec<String>,
}

/// A language's name, from its code.
fn language_name(code: &str) -> &'static str {
    match code {
        "es" => "Spanish",
        "pt" => "Portuguese",
        "fr" => "French",
        "de" => "German",
        "ru" => "Russian",
        "it" => "Italian",
        _ => "another language",
    }
}

/// `header` (normalised) in the English names of the first language table
/// with which `fits` holds for its preset: `fits(preset, english header)`.
pub(super) fn in_english(
    header: &[String],
    fits: impl Fn(&'static str, &[String]) -> bool,
) -> Option<InEnglish> {
    TABLES.iter().find_map(|t| {
        let english: Vec<String> = header
            .iter()
            .map(|h| t.names.get(h).cloned().unwrap_or_else(|| h.clone()))
            .collect();
        fits(t.preset, &english).then(|| InEnglish {
            preset: t.preset,
            language: language_name(&t.language),
            header: english,
        })
    })
}

#[cfg(test)]
pub(crate) fn files() -> &'static [(&'static str, &'static str)] {
    &FILES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_spaces_and_composition() {
        // "ó" written as "o" and a combining acute accent.
        let decomposed = " Identificador de la publicacio\u{301}n ";
        assert_eq!(normalise(decomposed), "identificador de la publicación");
    }

    #[test]
    fn rejects_a_line_without_four_fields() {
        assert_eq!(parse("# c\nes\theader\tpost id\n"), Err(BadLine(2)));
        assert_eq!(parse("es\tcolumn\tpost id\tx\n"), Err(BadLine(1)));
        assert_eq!(parse("es\theader\t\tx\n"), Err(BadLine(1)));
    }

    #[test]
    fn puts_the_spanish_meta_header_in_english() {
        let header: Vec<String> = [
            "identificador de la publicación",
            "Hora de publicación",
            "Alcance",
            "Me gusta",
            "Columna nueva",
        ]
        .iter()
        .map(|h| normalise(h))
        .collect();
        let got = in_english(&header, |p, h| {
            p == "meta-posts" && h.iter().any(|n| n == "post id")
        })
        .unwrap();
        assert_eq!(got.preset, "meta-posts");
        assert_eq!(got.language, "Spanish");
        assert_eq!(
            got.header,
            ["post id", "publish time", "reach", "likes", "columna nueva"]
        );
    }
}
