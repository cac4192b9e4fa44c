//! Spreadsheets' mistakes: each new kind of diagnostic, with its
//! exact message, place and help, on the small portfolio of bad_input.rs;
//! and an analyst's export with a bad column in every row, which is one
//! diagnostic per column problem with the rows counted.

use std::fs;

use crate::bad_input::{CLIENT, DAILY, Edit, ORDERS, POSTS, base, check};
use crate::common::fixtures;

#[test]
fn a_slash_date_that_fits_only_the_other_order_names_date_order() {
    let fx = base();
    fx.replace(POSTS, ",2026-02-10,", ",18/2/2026,");
    check(
        &fx,
        1,
        &[(
            "error: `published` is \"18/2/2026\", which is no date month first (M/D/YYYY)",
            "clients/lumen/metrics/posts.csv:4:15",
            "slash dates are read month first (M/D/YYYY), as `date_order: mdy` says; if this file writes them day first (D/M/YYYY), set `date_order: dmy` in client.yaml or roster.yaml",
        )],
    );
    // The client's date_order reads it.
    fx.append(CLIENT, "date_order: dmy\n");
    check(&fx, 0, &[]);
}

#[test]
fn a_currency_sign_that_is_not_the_rows_currency() {
    let fx = base();
    fx.replace(POSTS, ",320.50,USD,", ",€320.50,USD,");
    fx.replace(
        DAILY,
        "A1,2,4000,3000,140,30,2,120.50",
        "A1,2,4000,3000,140,30,2,$120.50",
    );
    fx.replace(
        DAILY,
        "B1,1,30000,22000,1100,300,9,700",
        "B1,1,30000,22000,1100,300,9,₽700",
    );
    fx.replace(
        ORDERS,
        "O2,2026-02-11,c2,ben-carter,80,USD",
        "O2,2026-02-11,c2,ben-carter,80 EUR,USD",
    );
    check(
        &fx,
        1,
        &[
            (
                "error: `revenue` is written with \"₽\", but its post's currency is USD",
                "clients/lumen/metrics/daily.csv:4:29",
                "\"₽\" stands for RUB; correct the currency, or write the amount without its sign",
            ),
            (
                "error: `revenue` is written with \"EUR\", but the row's currency is USD",
                "clients/lumen/metrics/orders.csv:3:29",
                "\"EUR\" stands for EUR; correct the currency, or write the amount without its sign",
            ),
            (
                "error: `revenue` is written with \"€\", but the row's currency is USD",
                "clients/lumen/metrics/posts.csv:2:59",
                "\"€\" stands for EUR; correct the currency, or write the amount without its sign",
            ),
        ],
    );
}

#[test]
fn a_decimal_comma_in_a_comma_file_is_named_whether_quoted_or_not() {
    let fx = base();
    fx.replace(POSTS, ",320.50,USD,", ",320,50,USD,");
    fx.replace(POSTS, ",900,,", ",\"900,5\",,");
    check(
        &fx,
        1,
        &[
            (
                "error: row has 13 fields but the header has 12",
                "clients/lumen/metrics/posts.csv:2:59",
                "`revenue` holds 320,50, a number with a decimal comma, which the delimiter splits in two: write it with a point, 320.50",
            ),
            (
                "error: `revenue` must be a number, found \"900,5\"",
                "clients/lumen/metrics/posts.csv:4:60",
                "a decimal comma is read only in files delimited by `;`; write the number with a point, such as 1234.50",
            ),
        ],
    );
}

#[test]
fn a_thousands_comma_is_named_in_its_column_and_pointed_at() {
    let fx = base();
    // The fields after it shift: `clicks` and `conversions` then read
    // 540,120 and 120,6, which look like split numbers too.
    fx.replace(POSTS, ",sponsored,12000,", ",sponsored,12,000,");
    check(
        &fx,
        1,
        &[(
            "error: row has 13 fields but the header has 12",
            "clients/lumen/metrics/posts.csv:2:38",
            "`impressions` holds 12,000, a number with a thousands comma, which the delimiter splits in two: write it without the comma, 12000, or quote it, \"12,000\"",
        )],
    );
}

#[test]
fn a_daily_row_by_date_before_its_post_was_published() {
    let fx = base();
    fx.write(
        "clients/lumen/metrics/daily.csv",
        "post_id,date,reach\nA1,2026-01-15,100\nA1,2026-01-16,50\nB1,2026-02-09,10\n",
    );
    check(
        &fx,
        1,
        &[(
            "error: daily row for post \"B1\" is dated 2026-02-09, before the post was published on 2026-02-10",
            "clients/lumen/metrics/daily.csv:4:4",
            "a daily row's date is the post's publication date (2026-02-10) or later: day 1 is the date of publication",
        )],
    );
}

#[test]
fn a_workbooks_problems_name_the_sheet_and_the_cell() {
    let fx = base();
    let book = fixtures().join("dialects/bad/q3.xlsx");
    fs::copy(book, fx.path("clients/lumen/metrics/q3.xlsx")).unwrap();
    fs::write(
        fx.path("clients/lumen/metrics/broken.xlsx"),
        b"PK\x03\x04not a workbook",
    )
    .unwrap();
    check(
        &fx,
        1,
        &[
            (
                "error: cannot read the workbook: Cannot detect file format",
                "clients/lumen/metrics/broken.xlsx",
                "save it again from the spreadsheet as .xlsx, .xls or .ods, or export the sheet as CSV",
            ),
            (
                "error: `published` must be a date, found \"soon\"",
                "clients/lumen/metrics/q3.xlsx [Posts] C3",
                crate::bad_input::DATE_HELP,
            ),
            (
                "warning: sheet \"Summary\" fits no kind of metrics file and is skipped",
                "clients/lumen/metrics/q3.xlsx [Summary]",
                "a sheet is read when its first row is the header of a posts, daily or orders file; its other sheets are read as they are",
            ),
        ],
    );
}

/// An analyst's export: Google Sheets in a day-first locale,
/// a decimal comma in a comma file, and every row bad in the same columns.
#[test]
fn an_export_bad_in_two_columns_is_two_diagnostics_with_their_rows_counted() {
    let fx = base();
    let mut text = String::from("post_id,partnership,published,reach,revenue,currency\n");
    for i in 0..20 {
        text.push_str(&format!(
            "S{i},ben-carter,{}/3/2026,\"1,200\",\"1263,9{i}\",USD\n",
            13 + i % 10
        ));
    }
    fx.write("clients/lumen/metrics/sheets.csv", &text);
    let run = check(
        &fx,
        1,
        &[
            (
                "error: `published` is \"13/3/2026\", which is no date month first (M/D/YYYY), in 20 rows: lines 2, 3, 4 and 17 more",
                "clients/lumen/metrics/sheets.csv:2:15",
                "slash dates are read month first (M/D/YYYY), as `date_order: mdy` says; if this file writes them day first (D/M/YYYY), set `date_order: dmy` in client.yaml or roster.yaml",
            ),
            (
                "error: `revenue` must be a number, found \"1263,90\", in 20 rows: lines 2, 3, 4 and 17 more",
                "clients/lumen/metrics/sheets.csv:2:33",
                "a decimal comma is read only in files delimited by `;`; write the number with a point, such as 1234.50",
            ),
        ],
    );
    assert!(
        run.stderr
            .ends_with("error: check found 2 errors in 1 file\n"),
        "{}",
        run.stderr
    );
    // What the fix says fixes it.
    let fixed = text.replace("\"1263,9", "\"1263.9");
    fx.write("clients/lumen/metrics/sheets.csv", &fixed);
    fx.append(CLIENT, "date_order: dmy\n");
    check(&fx, 0, &[]);
}
