//! A file that fits no kind, no preset and no mapping: what its first rows
//! show, for a ready `imports` entry (docs/your-data.md, "A file that fits no
//! preset and no mapping"), and the platforms' account-level files that
//! roster does not read.
//!
//! Only the first [`SAMPLE`] data rows and [`COLUMNS`] columns are looked
//! at, so the work is bounded whatever the file's size. Values are classified (an id, a date,
//! a link, a number, an e-mail), never kept: the guess names header names
//! only.

use std::path::{Component, Path};

use crate::diagnostics::kind::Guess;
#[cfg(test)]
use crate::load::imports;
use crate::load::imports::customers;
use crate::load::values::{DateOrder, DecimalMark, dates, numbers};
use crate::model::TableKind;

/// How many data rows a guess looks at.
pub(super) const SAMPLE: usize = 20;

/// How many columns a guess looks at: a sheet wider than this is no
/// export roster could read anyway, and its guess stays quick.
const COLUMNS: usize = 200;

/// What a value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Looks {
    Date,
    Link,
    Email,
    Integer,
    Decimal,
    /// No spaces, with a digit: `A1`, `#1001`, or a long run of digits.
    Id,
    Text,
}

/// What `value` (not empty) looks like.
fn looks(value: &str) -> Looks {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Looks::Link;
    }
    if !v.contains(char::is_whitespace) && customers::has_email(v) {
        return Looks::Email;
    }
    if !matches!(
        dates::parse(v, DateOrder::default()),
        Err(dates::NotADate::Unreadable)
    ) {
        return Looks::Date;
    }
    if v.len() >= 10 && v.bytes().all(|b| b.is_ascii_digit()) {
        return Looks::Id;
    }
    if numbers::count(v, DecimalMark::Point).is_ok() {
        return Looks::Integer;
    }
    let mark = [DecimalMark::Point, DecimalMark::Comma];
    if mark.iter().any(|m| numbers::amount(v, *m).is_ok()) {
        return Looks::Decimal;
    }
    if !v.contains(char::is_whitespace) && v.chars().any(|c| c.is_ascii_digit()) && v.len() <= 64 {
        return Looks::Id;
    }
    Looks::Text
}

/// One column, from its sample values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Column {
    looks: Looks,
    /// Whether a value comes twice.
    repeats: bool,
}

/// What column `i` of `rows` looks like, if it has values.
fn column(rows: &[Vec<String>], i: usize) -> Option<Column> {
    let values: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.get(i).map(|v| v.trim()))
        .filter(|v| !v.is_empty())
        .collect();
    let first = looks(values.first()?);
    let mut all = first;
    for v in &values[1..] {
        all = match (all, looks(v)) {
            (a, b) if a == b => a,
            (Looks::Integer | Looks::Decimal, Looks::Integer | Looks::Decimal) => Looks::Decimal,
            (Looks::Integer | Looks::Id, Looks::Integer | Looks::Id) => Looks::Id,
            _ => Looks::Text,
        };
    }
    let mut seen = std::collections::HashSet::new();
    let repeats = !values.iter().all(|v| seen.insert(*v));
    Some(Column {
        looks: all,
        repeats,
    })
}

/// The vendor whose export the links and ids look like (a long numeric id
/// and Instagram or Facebook links in a wide table: Meta's; video links:
/// TikTok's), for a header no preset knows: an export in a language
/// roster has no table for. Never said of a narrow sheet kept by hand.
fn platform(
    header: &[String],
    rows: &[Vec<String>],
    columns: &[Option<Column>],
) -> Option<&'static str> {
    let links = columns
        .iter()
        .position(|c| c.is_some_and(|c| c.looks == Looks::Link))?;
    let link = rows.iter().find_map(|r| r.get(links))?.to_ascii_lowercase();
    let long_ids = rows.first().is_some_and(|r| {
        r.iter()
            .any(|v| v.trim().len() >= 15 && v.trim().bytes().all(|b| b.is_ascii_digit()))
    });
    let on = |site: &str| link.contains(&format!("{site}.com/"));
    if (on("instagram") || on("facebook")) && long_ids && header.len() >= 8 {
        Some("Meta Business Suite")
    } else if on("tiktok") && link.contains("/video/") && header.len() >= 5 {
        Some("TikTok Studio")
    } else {
        None
    }
}

/// The file, relative to its client's folder (`clients/<id>/`), as
/// `files:` takes it.
fn relative(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let skip = if parts.first().is_some_and(|p| p == "clients") && parts.len() > 2 {
        2
    } else {
        0
    };
    parts[skip..].join("/")
}

/// Whether a first row is data rather than a header: an e-mail, a date,
/// a number or a link among its names.
fn looks_like_data(names: &[String]) -> bool {
    names.iter().any(|h| {
        !h.trim().is_empty()
            && matches!(
                looks(h),
                Looks::Email | Looks::Date | Looks::Integer | Looks::Decimal | Looks::Link
            )
    })
}

/// The first of `columns` that looks like `want`, and whose values repeat
/// or not when `repeats` says which.
fn find(columns: &[Option<Column>], want: Looks, repeats: Option<bool>) -> Option<usize> {
    columns
        .iter()
        .position(|c| c.is_some_and(|c| c.looks == want && repeats.is_none_or(|r| c.repeats == r)))
}

/// roster's columns of a kind, each with the column its values are told
/// from, if any.
type Told = Vec<(&'static str, Option<usize>)>;

/// The kind a table of `columns` (under `header`, normalised) most likely
/// is, and its columns that the values tell.
fn told(header: &[String], columns: &[Option<Column>]) -> (TableKind, Told) {
    let email = find(columns, Looks::Email, None);
    let date = find(columns, Looks::Date, None);
    let repeated_id = find(columns, Looks::Id, Some(true));
    let kind = if email.is_some() || header.iter().any(|h| h.contains("order")) {
        TableKind::Orders
    } else if repeated_id.is_some() && date.is_some() {
        TableKind::Daily
    } else {
        TableKind::Posts
    };
    // Whole numbers make an id only under a name that says so: else they
    // are more likely a count.
    let named_id = columns.iter().zip(header).position(|(c, h)| {
        c.is_some_and(|c| c.looks == Looks::Integer && !c.repeats)
            && (h.split(|c: char| !c.is_alphanumeric()).any(|w| w == "id") || h.contains('#'))
    });
    let id = match kind {
        TableKind::Daily => repeated_id,
        TableKind::Posts | TableKind::Orders => find(columns, Looks::Id, Some(false)).or(named_id),
    };
    let told = match kind {
        TableKind::Orders => vec![("order_id", id), ("date", date), ("customer", email)],
        TableKind::Daily => vec![("post_id", id), ("date", date)],
        TableKind::Posts => vec![
            ("post_id", id),
            ("published", date),
            ("url", find(columns, Looks::Link, None)),
        ],
    };
    (kind, told)
}

/// The names (as `written`) of the columns of numbers that no told column
/// (`used`) is.
fn numbers(columns: &[Option<Column>], used: &[usize], written: &[String]) -> Vec<String> {
    columns
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            !used.contains(i)
                && c.is_some_and(|c| matches!(c.looks, Looks::Integer | Looks::Decimal))
        })
        .map(|(i, _)| written[i].clone())
        .collect()
}

/// The guess for a file (or sheet) whose header `written` (as written;
/// `header` normalised) fits nothing, from its first data rows; `None`
/// when nothing in them looks like a table's column.
pub(super) fn guess(
    (header, written): (&[String], &[String]),
    rows: &[Vec<String>],
    (path, sheet): (&Path, Option<&str>),
    partnership_given: bool,
) -> Option<Guess> {
    let rows = &rows[..rows.len().min(SAMPLE)];
    let width = written.len().min(COLUMNS);
    let no_header = looks_like_data(&written[..width]);
    let columns: Vec<Option<Column>> = (0..width).map(|i| column(rows, i)).collect();
    let (kind, told) = told(header, &columns);
    let used: Vec<usize> = told.iter().filter_map(|(_, i)| *i).collect();
    let numbers = numbers(&columns, &used, written);
    let mut guess = Guess {
        files: relative(path),
        sheet: sheet.map(str::to_string),
        kind,
        columns: Vec::new(),
        untold: Vec::new(),
        numbers: Vec::new(),
        partnership_given,
        no_header,
        platform: None,
    };
    if no_header {
        // Nothing of the first row is quoted: it may be a customer's.
        return Some(guess);
    }
    if used.is_empty() && numbers.is_empty() {
        return None;
    }
    guess.columns = told
        .iter()
        .filter_map(|(c, i)| i.map(|i| (*c, written[i].clone())))
        .collect();
    guess.untold = told
        .iter()
        .filter(|(c, i)| i.is_none() && *c != "url")
        .map(|(c, _)| *c)
        .collect();
    guess.numbers = numbers;
    guess.platform = platform(header, rows, &columns);
    Some(guess)
}

/// A platform's account-level file, which holds no post and no order:
/// its name, the vendor, and the file of the same download roster reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct AccountLevel {
    pub file: &'static str,
    pub vendor: &'static str,
    pub instead: &'static str,
}

/// The account-level files roster knows, by the columns that mark them
/// (normalised). Sources: TikTok Studio's Overview.csv, as real downloads
/// write it (newer downloads add `New followers`); its
/// FollowerHistory.csv, from real downloads quoted in public repositories'
/// test fixtures and notes.
const ACCOUNT_LEVEL: [(&[&str], AccountLevel); 2] = [
    (
        &["date", "video views", "profile views"],
        AccountLevel {
            file: "Overview.csv",
            vendor: "TikTok Studio",
            instead: "Content.csv",
        },
    ),
    (
        &[
            "date",
            "followers",
            "difference in followers from previous day",
        ],
        AccountLevel {
            file: "FollowerHistory.csv",
            vendor: "TikTok Studio",
            instead: "Content.csv",
        },
    ),
];

/// The account-level file whose header (normalised) this is, if any.
pub(super) fn account_level(header: &[String]) -> Option<AccountLevel> {
    ACCOUNT_LEVEL
        .iter()
        .find(|(marks, _)| marks.iter().all(|m| header.iter().any(|h| h == m)))
        .map(|(_, file)| *file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn tells_ids_dates_links_and_numbers_from_the_values() {
        assert_eq!(looks("2026-03-01"), Looks::Date);
        assert_eq!(looks("Mar 1, 2026"), Looks::Date);
        assert_eq!(looks("https://www.instagram.com/p/X/"), Looks::Link);
        assert_eq!(looks("ann@example.com"), Looks::Email);
        assert_eq!(looks("12,000"), Looks::Integer);
        assert_eq!(looks("$12.50"), Looks::Decimal);
        assert_eq!(looks("18013820987824089"), Looks::Id);
        assert_eq!(looks("#1001"), Looks::Id);
        assert_eq!(looks("Anna P."), Looks::Text);
    }

    #[test]
    fn guesses_a_posts_sheet() {
        let written = strings(&["ID", "Fecha", "Enlace", "Vistas", "Nota"]);
        let header: Vec<String> = written.iter().map(|h| imports::normalise(h)).collect();
        let rows = vec![
            strings(&["P1", "2026-03-01", "https://example.com/1", "1200", "ok"]),
            strings(&["P2", "2026-03-02", "https://example.com/2", "900", "bien"]),
        ];
        let path = Path::new("clients/lumen/metrics/anna/hoja.csv");
        let g = guess((&header, &written), &rows, (path, None), true).unwrap();
        assert_eq!(g.files, "metrics/anna/hoja.csv");
        assert_eq!(g.kind, TableKind::Posts);
        assert_eq!(
            g.columns,
            [
                ("post_id", "ID".to_string()),
                ("published", "Fecha".to_string()),
                ("url", "Enlace".to_string())
            ]
        );
        assert_eq!(g.numbers, ["Vistas"]);
        assert!(!g.no_header && g.platform.is_none());
    }

    #[test]
    fn whole_numbers_are_an_id_only_under_a_name_that_says_so() {
        let rows = vec![
            strings(&["7", "2026-03-01", "120"]),
            strings(&["8", "2026-03-02", "90"]),
        ];
        let path = Path::new("clients/lumen/metrics/x.csv");
        for (names, id) in [
            (["Order ID", "Date", "Views"], Some("Order ID")),
            (["N", "Date", "Views"], None),
        ] {
            let written = strings(&names);
            let header: Vec<String> = written.iter().map(|h| imports::normalise(h)).collect();
            let g = guess((&header, &written), &rows, (path, None), true).unwrap();
            let got = g
                .columns
                .iter()
                .find(|(c, _)| c.ends_with("_id"))
                .map(|(_, h)| h.as_str());
            assert_eq!(got, id, "{g:?}");
        }
    }

    #[test]
    fn a_first_row_of_data_is_no_header() {
        let written = strings(&["O1", "2026-03-01", "ann@example.com", "12.50"]);
        let header: Vec<String> = written.iter().map(|h| imports::normalise(h)).collect();
        let rows = vec![strings(&["O2", "2026-03-02", "bo@example.com", "8"])];
        let path = Path::new("clients/lumen/metrics/x.csv");
        let g = guess((&header, &written), &rows, (path, None), false).unwrap();
        assert!(g.no_header);
        assert!(g.columns.is_empty() && g.numbers.is_empty());
    }

    #[test]
    fn knows_tiktoks_account_level_files() {
        let overview: Vec<String> = [
            "Date",
            "Video Views",
            "Profile Views",
            "Likes",
            "Comments",
            "Shares",
        ]
        .iter()
        .map(|h| imports::normalise(h))
        .collect();
        assert_eq!(
            account_level(&overview).map(|a| a.file),
            Some("Overview.csv")
        );
        let content: Vec<String> = ["Video link", "Total views"]
            .iter()
            .map(|h| imports::normalise(h))
            .collect();
        assert_eq!(account_level(&content), None);
    }
}
