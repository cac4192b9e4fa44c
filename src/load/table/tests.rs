//! The CSV reader on small files: dialects, encodings, places of bad cells.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::csv::{detect_delimiter, read};
use super::workbook::{Sheet, read_sheet};
use super::*;
use crate::diagnostics::kind::CsvProblem;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::imports::{self, How};
use crate::load::values::DateOrder;
use crate::load::values::dates::{self, iso_date};
use crate::model::PostKind;

fn parse_stamp(s: &str) -> Option<Stamp> {
    dates::parse(s, DateOrder::Mdy).ok()
}
use crate::diagnostics::Kind;

/// The posts read from `text`, and the problems found, in order.
fn posts(text: &[u8]) -> (Vec<RawPost>, Vec<Diagnostic>) {
    let mut d = Diagnostics::new();
    let f = read(Path::new("m.csv"), text, &How::default(), &mut d);
    let msgs = d.sorted().into_iter().cloned().collect();
    match f.map(|f| f.rows) {
        Ok(Rows::Posts(p)) => (p, msgs),
        _ => (Vec::new(), msgs),
    }
}

#[test]
fn detects_delimiters_with_ties_in_order() {
    assert_eq!(detect_delimiter("a,b;c"), b',');
    assert_eq!(detect_delimiter("a;b;c,d"), b';');
    assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
}

#[test]
fn reads_semicolons_with_decimal_commas_bom_and_crlf() {
    let (p, msgs) = posts(
        b"\xEF\xBB\xBFpost_id;partnership;published;revenue\r\nA1;anna;2026-03-01;1234,5\r\n",
    );
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(p[0].revenue, Some(Decimal::new(12345, 1)));
    assert_eq!(p[0].kind, PostKind::Sponsored);
}

#[test]
fn falls_back_to_windows_1251_with_a_warning() {
    let mut bytes =
        b"post_id,partnership,published,\xcf\xf0\xe8\xec\r\nA,b,2026-01-01,x\n".to_vec();
    bytes.extend_from_slice(b"");
    let (p, msgs) = posts(&bytes);
    assert_eq!(p.len(), 1);
    assert!(
        msgs.iter()
            .any(|m| m.kind.to_string() == "file is not UTF-8; read it as Windows-1251"),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| matches!(
            &m.kind,
            Kind::Csv(CsvProblem::UnknownColumns { columns, .. }) if columns == &["прим"]
        )),
        "{msgs:?}"
    );
}

#[test]
fn reads_iso_dates_quickly_and_exactly() {
    assert_eq!(iso_date("2026-02-28"), NaiveDate::from_ymd_opt(2026, 2, 28));
    assert_eq!(iso_date("2026-02-30"), None);
    assert_eq!(iso_date("2026/02/28"), None);
    assert_eq!(iso_date("2026-0a-28"), None);
    assert_eq!(parse_stamp("2026-02-30"), None);
    assert_eq!(
        parse_stamp("2026-2-3").map(|s| s.date),
        NaiveDate::from_ymd_opt(2026, 2, 3)
    );
}

#[test]
fn takes_the_local_date_and_the_utc_instant_of_a_date_time() {
    let s = parse_stamp("2026-10-07T01:30:00+03:00").unwrap();
    assert_eq!(s.date, NaiveDate::from_ymd_opt(2026, 10, 7).unwrap());
    let bare = parse_stamp("2026-10-07").unwrap();
    // 01:30+03:00 is 22:30 UTC the day before, earlier than the bare date.
    assert!(s.instant < bare.instant);
}

#[test]
fn locates_bad_cells() {
    let (p, msgs) =
        posts(b"post_id,partnership,published,reach\nA,b,2026-01-01,-4\nB,b,2026-02-30,5\n");
    let msgs: Vec<String> = msgs.iter().map(Diagnostic::to_string).collect();
    assert!(p.is_empty());
    assert!(
        msgs[0].contains("`reach` cannot be negative") && msgs[0].contains("m.csv:2:16"),
        "{msgs:?}"
    );
    assert!(
        msgs[1].contains("`published` must be a date") && msgs[1].contains("m.csv:3:5"),
        "{msgs:?}"
    );
}

#[test]
fn counts_lines_alike_with_crlf_lf_and_cr() {
    for end in ["\r\n", "\n", "\r"] {
        let text = [
            "post_id,partnership,published",
            "A,b,2026-01-01",
            "B,b,x",
            "",
        ]
        .join(end);
        let (_, msgs) = posts(text.as_bytes());
        let place = msgs[0].location.as_ref().map(ToString::to_string);
        assert_eq!(place.as_deref(), Some("m.csv:3:5"), "{end:?}: {msgs:?}");
    }
}

#[test]
fn rejects_a_header_of_no_kind() {
    let (_, msgs) = posts(b"id,when\n1,2\n");
    assert!(
        matches!(msgs[0].kind, Kind::Csv(CsvProblem::HeaderOfNoKind { .. })),
        "{msgs:?}"
    );
}

#[test]
fn a_stamp_written_in_roster_form_reads_back_the_same() {
    for written in [
        "2026-05-12",
        "2026-05-12 12:54:07 -0700",
        "2026-05-12T23:30:00+03:00",
        "03/25/2026 22:00",
        "Sep 27, 2026",
        "2026-05-12T00:00:00Z",
    ] {
        let stamp = parse_stamp(written).unwrap();
        let again = parse_stamp(&stamp.rfc3339()).unwrap();
        assert_eq!(again, stamp, "{written} -> {}", stamp.rfc3339());
    }
    let shopify = parse_stamp("2026-05-12 12:54:07 -0700").unwrap();
    assert_eq!(shopify.rfc3339(), "2026-05-12T12:54:07-07:00");
    assert_eq!(parse_stamp("2026-05-12").unwrap().rfc3339(), "2026-05-12");
    assert_eq!(
        parse_stamp("03/25/2026 22:00").unwrap().rfc3339(),
        "2026-03-25T22:00:00Z"
    );
}

/// The orders read from a Shopify export with `codes`, row by row (as
/// `roster import` reads them), and what a build's reading reports.
fn shopify(text: &str, codes: &[(&str, &str)]) -> (Vec<RawOrder>, Vec<String>) {
    let codes = imports::Codes(
        codes
            .iter()
            .map(|(c, p)| (c.to_lowercase(), p.to_string()))
            .collect(),
    );
    let how = How {
        codes: Some(&codes),
        salt: "s",
        ..How::default()
    };
    let mut d = Diagnostics::new();
    let built = read(Path::new("o.csv"), text.as_bytes(), &how, &mut d).unwrap();
    assert!(
        matches!(built.rows, Rows::Ledger(_)),
        "a build folds orders"
    );
    let msgs = d.sorted().iter().map(|d| d.message()).collect();
    let importing = How {
        importing: true,
        ..how
    };
    let f = read(
        Path::new("o.csv"),
        text.as_bytes(),
        &importing,
        &mut Diagnostics::new(),
    )
    .unwrap();
    match f.rows {
        Rows::Orders(rows) => (rows, msgs),
        _ => panic!("not orders"),
    }
}

#[test]
fn a_shopify_export_folds_line_items_and_leaves_out_refunds() {
    let text = "Name,Email,Financial Status,Total,Discount Code,Created at,Lineitem name,Cancelled at\n\
        #1,A@x.io,paid,10.00,NEW + anna5,2026-05-01 10:00:00 +0000,Mug,\n\
        #1,A@x.io,,,,2026-05-01 10:00:00 +0000,Cup,\n\
        #2,b@x.io,refunded,5,,2026-05-02 10:00:00 +0000,Mug,\n\
        #3,,paid,5,,2026-05-03 10:00:00 +0000,Mug,\n\
        #4,a@x.io,pending,7,NEW,2026-05-04 10:00:00 +0000,Mug,\n\
        #5,c@x.io,paid,7,,2026-05-04 10:00:00 +0000,Mug,2026-05-05 10:00:00 +0000\n";
    let (rows, msgs) = shopify(text, &[("ANNA5", "anna")]);
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    // A guest checkout (#3) is kept, without a customer: it dates the
    // report.
    assert_eq!(ids, ["#1", "#3", "#4"]);
    assert_eq!(rows[0].partnership.as_ref().unwrap().0, "anna");
    assert_eq!(rows[1].customer, "");
    assert_eq!(rows[2].partnership, None);
    // The same person in other case is the same customer, and not an e-mail.
    assert_eq!(rows[0].customer, rows[2].customer);
    assert_eq!(rows[0].customer, imports::customers::hash("s", "a@x.io"));
    assert_eq!(
        msgs,
        [
            "1 order without a customer (a guest checkout): counted for the report date, out of repeat purchase",
            "2 orders left out: refunded, voided or cancelled",
            "this file holds customers' e-mail addresses",
            "discount code \"NEW\" (2 orders) is no partnership's promo code",
        ]
    );
}

#[test]
fn a_sheet_of_no_kind_that_looks_like_a_table_gets_an_entry_to_paste() {
    let cells = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let sheet = Sheet {
        name: "Pedidos".into(),
        rows: vec![
            (1, cells(&["Pedido", "Fecha", "Correo", "Importe"])),
            (
                2,
                cells(&["#1001", "2026-03-01", "ann@example.com", "12.50"]),
            ),
            (3, cells(&["#1002", "2026-03-02", "bo@example.com", "8.00"])),
        ],
        first_column: 0,
    };
    let mut d = Diagnostics::new();
    let path = Path::new("clients/lumen/metrics/q3.xlsx");
    let got = read_sheet(path, &sheet, &How::default(), &mut d);
    assert!(matches!(got, Err(Unread::Empty)));
    let warning = &d.sorted()[0].kind;
    let Kind::Csv(CsvProblem::SheetOfNoKind { guess: Some(g), .. }) = warning else {
        panic!("{warning:?}");
    };
    assert_eq!(g.kind, crate::model::TableKind::Orders);
    assert_eq!(g.sheet.as_deref(), Some("Pedidos"));
    let help = warning.help().unwrap();
    for line in [
        "    sheet: \"Pedidos\"",
        "      order_id: \"Pedido\"",
        "      customer: \"Correo\"",
    ] {
        assert!(help.contains(line), "{line}:\n{help}");
    }
    assert!(
        !help.contains("example.com") && !help.contains("#1001"),
        "{help}"
    );
}

#[test]
fn tiktoks_overview_as_a_sheet_is_skipped_as_an_account_level_file() {
    let cells = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let header = [
        "Date",
        "Video Views",
        "Profile Views",
        "Likes",
        "Comments",
        "Shares",
    ];
    let sheet = Sheet {
        name: "Overview".into(),
        rows: vec![
            (1, cells(&header)),
            (2, cells(&["March 1", "1200", "14", "80", "3", "2"])),
        ],
        first_column: 0,
    };
    let mut d = Diagnostics::new();
    let path = Path::new("clients/lumen/metrics/ben/overview.xlsx");
    let got = read_sheet(path, &sheet, &How::default(), &mut d);
    assert!(matches!(got, Err(Unread::Empty)));
    let told = d.sorted()[0].kind.to_string();
    assert!(
        told.starts_with("this is TikTok Studio's Overview.csv"),
        "{told}"
    );
}
