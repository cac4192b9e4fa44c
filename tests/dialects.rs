//! Spreadsheets as they are: the worked example's metrics written
//! as Excel (en-US, en-GB, ru-RU), Google Sheets, exports (Shopify's orders,
//! Meta's UTF-16 tab files, YouTube's dates) and workbooks (.xlsx, .xls,
//! .ods) give the very site the worked example gives in roster's own format:
//! every page, every chart, every data.json, byte for byte.
//!
//! The dialects are written by `tests/fixtures/dialects/make.py` from the
//! worked example's own files.

use std::fs;
use std::path::Path;

use crate::bad_input::tree;
use crate::common::{Fixture, copy_dir, fixtures};

const CLIENTS: [&str; 2] = ["iris-cosmetics", "rowan-kids"];
const WINDOWS_1251: &str = "warning: file is not UTF-8; read it as Windows-1251";
const READ_ME: &str = "warning: sheet \"Read me\" fits no kind of metrics file and is skipped";

/// The first lines of a run's warnings.
fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect()
}

/// Build the worked example with its metrics replaced by a dialect's, and
/// assert the site equals the worked example's own, and that the run warns
/// of nothing the worked example does not, but `extra`; the run's stderr.
fn same_site(dialect: &str, roster_yaml: &str, extra: &str) -> String {
    let own = Fixture::new("worked");
    let own_run = own.build();
    assert_eq!(own_run.code, 0, "{}", own_run.stderr);
    let fx = Fixture::new("worked");
    for client in CLIENTS {
        let metrics = Path::new("clients").join(client).join("metrics");
        fs::remove_dir_all(fx.root.join(&metrics)).unwrap();
        let from = fixtures().join("dialects").join(dialect).join(&metrics);
        assert!(from.is_dir(), "no {}", from.display());
        copy_dir(&from, &fx.root.join(&metrics));
    }
    let mut roster = fs::read_to_string(fx.root.join("roster.yaml")).unwrap();
    roster.push_str(roster_yaml);
    fs::write(fx.root.join("roster.yaml"), roster).unwrap();
    let run = fx.build();
    assert_eq!(run.code, 0, "{dialect}:\n{}", run.stderr);
    assert!(!run.stderr.contains("error"), "{dialect}:\n{}", run.stderr);
    let known = warnings(&own_run.stderr);
    for w in warnings(&run.stderr) {
        assert!(
            known.contains(&w) || w == extra,
            "{dialect}: {w}\n{}",
            run.stderr
        );
    }
    let (want, got) = (tree(&own.out()), tree(&fx.out()));
    let names =
        |t: &[(std::path::PathBuf, Vec<u8>)]| t.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&got),
        names(&want),
        "{dialect}: the files of the site"
    );
    for ((path, a), (_, b)) in want.iter().zip(&got) {
        assert!(
            a == b,
            "{dialect}: {} differs from the worked example's",
            path.display()
        );
    }
    run.stderr
}

#[test]
fn excel_en_us_month_first_grouped_and_with_signs() {
    same_site("excel-us", "", "");
}

#[test]
fn excel_en_gb_day_first_by_date_order() {
    same_site("excel-uk", "date_order: dmy\n", "");
}

#[test]
fn excel_ru_ru_windows_1251_sep_line_dotted_dates_and_roubles() {
    let stderr = same_site("excel-ru", "", WINDOWS_1251);
    // One for each file that is not UTF-8 (those with a no-break space or a
    // Cyrillic letter; a file of ASCII alone is both).
    let not_utf8 = tree(&fixtures().join("dialects/excel-ru"))
        .into_iter()
        .filter(|(_, bytes)| std::str::from_utf8(bytes).is_err())
        .count();
    assert!(not_utf8 > 10, "{not_utf8}");
    assert_eq!(stderr.matches(WINDOWS_1251).count(), not_utf8, "{stderr}");
}

#[test]
fn google_sheets_date_times_and_dollars() {
    same_site("google-sheets", "", "");
}

#[test]
fn exports_shopify_offsets_meta_utf16_and_youtube_dates() {
    same_site("exports", "", "");
}

/// A workbook's sheet "Read me" fits no kind: skipped with a warning, once
/// for each client's workbook.
fn skipped_sheets(stderr: &str, ext: &str) {
    for client in CLIENTS {
        let at = format!("--> clients/{client}/metrics/{client}.{ext} [Read me]");
        assert!(stderr.contains(&at), "{stderr}");
    }
    assert_eq!(stderr.matches(READ_ME).count(), 2, "{stderr}");
}

#[test]
fn xlsx_workbooks_with_a_sheet_of_each_kind() {
    skipped_sheets(&same_site("xlsx", "", READ_ME), "xlsx");
}

#[test]
fn xls_workbooks_with_a_sheet_of_each_kind() {
    skipped_sheets(&same_site("xls", "", READ_ME), "xls");
}

#[test]
fn ods_workbooks_with_a_sheet_of_each_kind() {
    skipped_sheets(&same_site("ods", "", READ_ME), "ods");
}
