//! The CSV reader on small files: dialects, encodings, places of bad cells.

use super::*;
use crate::load::values::DateOrder;
use crate::load::values::dates::{self, iso_date};

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
            .any(|m| m.kind == Kind::Csv(CsvProblem::ReadAsWindows1251)),
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
