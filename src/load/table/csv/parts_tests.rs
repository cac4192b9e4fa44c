//! A file read a part at a time gives what it gives read whole: the same
//! rows, the same problems at the same places.

use std::path::Path;

use super::*;
use crate::diagnostics::Diagnostics;
use crate::load::table::Rows;
use crate::load::table::csv::read;

/// What a read came to, in a form to compare: the rows (or why none) and
/// every problem with its place.
fn outcome(read: Result<CsvFile, Unread>, diags: &Diagnostics) -> String {
    let rows = match read {
        Ok(f) => match f.rows {
            Rows::Posts(r) => format!("{r:?}"),
            Rows::Daily(r) => format!("{r:?}"),
            Rows::Orders(r) => format!("{r:?}"),
            Rows::Ledger(l) => format!(
                "{} rows, {:?}, {:?}, {:?}, {:?}, {:?}",
                l.rows(),
                {
                    let mut a: Vec<_> = l.customers().acquired().collect();
                    a.sort_by_key(|a| (a.date, a.named, a.next));
                    a
                },
                l.named(),
                l.duplicates(),
                l.signs(),
                l.dates()
            ),
        },
        Err(e) => format!("{e:?}"),
    };
    let problems: Vec<String> = diags.iter().map(|d| format!("{d:?}")).collect();
    format!("{rows}\n{problems:#?}")
}

/// A file that gives at most a few bytes a read, as a pipe or a slow disk
/// may: a part then ends where its size says, not where a read happened to.
struct Trickle<'a>(&'a [u8]);

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.0.len()).min(3);
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fn both(text: &str, size: usize) -> (String, String) {
    let how = How::default();
    let mut whole = Diagnostics::new();
    let w = read(Path::new("m.csv"), text.as_bytes(), &how, &mut whole);
    let mut parts = Diagnostics::new();
    let mut bytes = Trickle(text.as_bytes());
    let len = text.len() as u64;
    let p = match read_parts(
        Path::new("m.csv"),
        (&mut bytes, len),
        &how,
        &mut parts,
        size,
    ) {
        Some(r) => r,
        None => return (outcome(w, &whole), "read whole".into()),
    };
    (outcome(w, &whole), outcome(p, &parts))
}

const ORDERS: &str = "\u{feff}order_id,date,customer,partnership,revenue,currency\r\n\
O1,2026-01-02,c1,p1,10,USD\r\n\
O2,2026-01-03,c2,,\"1,5\",USD\r\n\
O3,2026-01-09,c1,p2,$4,EUR\r\n\
O2,2026-02-01,c3,p1,4,USD\r\n\
O4,2026-13-01,c4,p1,4,USD\r\n\
O5,\"2026-01-05\",c2,p9,7,USD\r\n\
\r\n\
O6,2026-03-01T23:30:00-05:00,c5,p1,1,USD,extra\r\n\
O7,2026-03-02,c5,p1,1\r\n\
O8,2026-03-03,c1,p1,2,USD\r\n";

#[test]
fn an_orders_file_read_in_parts_of_any_size_reads_as_a_whole() {
    for size in 1..=ORDERS.len() {
        let (whole, parts) = both(ORDERS, size);
        assert_eq!(whole, parts, "parts of {size} bytes");
    }
}

#[test]
fn a_quoted_field_over_lines_and_a_quote_left_open_read_alike() {
    let posts = "post_id,partnership,published,impressions,reach,engagements\n\
A,p1,2026-01-01,1,1,1\n\
B,p1,2026-01-02,\"2\n\",1,1\n\
C,p1,2026-01-03,3,1,1\n";
    let open =
        format!("{posts}D,p1,\"2026-01-04,4,1,1\nE,p1,2026-01-05,5,1,1\nF,p1,2026-01-06,6,1,1\n");
    for text in [posts, open.as_str()] {
        for size in 1..=text.len() {
            let (whole, parts) = both(text, size);
            assert_eq!(whole, parts, "parts of {size} bytes of {text:?}");
        }
    }
}

#[test]
fn a_first_record_longer_than_a_part_is_held_whole() {
    // The first part ends at the header's line end: it holds no record,
    // and the file goes on from there rather than ending empty.
    let long = "x".repeat(300);
    let posts = format!(
        "post_id,partnership,published,impressions,reach,engagements,url\n\
A,p1,2026-01-01,1,1,1,https://example.com/{long}\n\
B,p1,2026-01-02,2,1,1,\n\
C,p1,2026-01-03,3,1,1,\n"
    );
    for size in [1, 16, 64, 200] {
        let (whole, parts) = both(&posts, size);
        assert!(whole.contains("\"C\""), "{whole}");
        assert_eq!(whole, parts, "parts of {size} bytes");
    }
}

#[test]
fn a_file_not_in_utf_8_is_read_whole() {
    let mut bytes = b"order_id,date,customer\nO1,2026-01-02,c1\n".to_vec();
    bytes.extend_from_slice(b"O2,2026-01-02,\xcf\xf0\xe8\n");
    let mut d = Diagnostics::new();
    let how = How::default();
    let len = bytes.len() as u64;
    let got = read_parts(Path::new("m.csv"), (&mut &bytes[..], len), &how, &mut d, 4);
    assert!(got.is_none(), "{got:?}");
    assert_eq!(
        d.iter().count(),
        0,
        "nothing reported when read whole instead"
    );
}
