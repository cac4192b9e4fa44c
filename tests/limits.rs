//! What roster reads, and how much: notes nested past what the PDF's
//! typesetter can lay out, notes and logos too large to typeset or decode,
//! and workbooks that declare or hold more cells, or unpack to more bytes,
//! than fit in memory. Each is refused where it is read with a diagnostic
//! naming the file (and the line or sheet), never a failed typesetter or an
//! exhausted machine. The test files are small: they declare the huge
//! sizes, and the runs that could exhaust memory run under a limit.

use std::io::{Cursor, Write};

use crate::bad_input::{CLIENT, Edit, base, check};
use crate::common::{Fixture, Run};

/// The latest month's note: the one the PDF carries.
const MARCH: &str = "clients/lumen/notes/2026-03.md";
const NESTING_HELP: &str =
    "nest block quotes, lists, emphasis and links at most 12 levels deep, together";

/// `roster build` fails with the diagnostics `check` gives, and writes nothing.
fn build_refused(fx: &Fixture) {
    let run = fx.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("report"), "{}", run.stderr);
    assert!(!fx.out().exists(), "a refused build writes nothing");
}

#[test]
fn a_note_quoted_sixteen_deep_is_an_error_at_its_line() {
    let fx = base();
    fx.write(MARCH, &format!("# March\n\n{}deep\n", "> ".repeat(16)));
    check(
        &fx,
        1,
        &[(
            "error: note nests quotes, lists and emphasis deeper than 12 levels here",
            "clients/lumen/notes/2026-03.md:3:1",
            NESTING_HELP,
        )],
    );
    build_refused(&fx);
}

#[test]
fn a_list_nested_sixty_deep_is_an_error_at_its_line() {
    let fx = base();
    let list: String = (0..60)
        .map(|i| format!("{}- level\n", "  ".repeat(i)))
        .collect();
    fx.write(MARCH, &format!("# March\n\n{list}"));
    check(
        &fx,
        1,
        &[(
            "error: note nests quotes, lists and emphasis deeper than 12 levels here",
            "clients/lumen/notes/2026-03.md:15:1",
            NESTING_HELP,
        )],
    );
    build_refused(&fx);
}

#[test]
fn a_note_nested_to_the_limit_is_typeset() {
    let fx = base();
    let list: String = (0..6)
        .map(|i| format!("{}- level\n", "  ".repeat(i)))
        .collect();
    fx.write(
        MARCH,
        &format!("# March\n\n{}deep\n\n{list}", "> ".repeat(12)),
    );
    check(&fx, 0, &[]);
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fx.out().join("lumen/reports/2026-03/report.pdf").is_file());
}

#[test]
fn a_note_larger_than_roster_typesets_is_refused() {
    let fx = base();
    // One paragraph of 300 KB: the typesetter needs about 300 bytes a byte.
    fx.write(MARCH, &"word ".repeat(60_000));
    check(
        &fx,
        1,
        &[(
            "error: note is too large to typeset: 293 KB",
            "clients/lumen/notes/2026-03.md",
            "split it, or keep the note under 256 KB: notes are commentary beside the figures",
        )],
    );
}

/// The first bytes of a PNG of `width` x `height` pixels: its signature
/// and header chunk, all a reader needs to know its size.
fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

#[test]
fn a_logo_of_too_many_pixels_is_refused_before_it_is_decoded() {
    let fx = base();
    std::fs::write(
        fx.path("clients/lumen/assets/logo.png"),
        png_header(25_000, 25_000),
    )
    .unwrap();
    fx.replace(CLIENT, "logo: assets/logo.svg", "logo: assets/logo.png");
    check(
        &fx,
        1,
        &[(
            "error: logo \"assets/logo.png\" is 25000 x 25000 pixels, too large to decode",
            "clients/lumen/client.yaml:10:9",
            "scale it down to at most 16777216 pixels, such as 1024 x 1024 (a logo is printed a few centimetres wide), or use an SVG",
        )],
    );
    let out = fx.out();
    let run = limited(&fx, &["build", ".", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("too large to decode"), "{}", run.stderr);
}

/// Run roster with its address space limited to 1 GiB, so that a bomb
/// that got through fails the test instead of exhausting the machine.
fn limited(fx: &Fixture, args: &[&str]) -> Run {
    let line = format!(
        "ulimit -v 1048576 && exec \"$0\" {}",
        args.iter()
            .map(|a| format!("'{a}'"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &line, env!("CARGO_BIN_EXE_roster")])
        .current_dir(&fx.root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A workbook of one sheet, "Posts", whose XML is `sheet`, with an extra
/// part `extra` of one byte declared as `declared` bytes unpacked.
fn workbook(sheet: &str, declared: Option<u32>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        (
            "_rels/.rels",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Posts" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/extra.bin", "x"),
    ];
    for (name, text) in parts {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    let mut bytes = zip.finish().unwrap().into_inner();
    if let Some(size) = declared {
        // The central directory's record of the extra part: its unpacked
        // size is at byte 24, its name at byte 46.
        let at = bytes
            .windows(4)
            .enumerate()
            .filter(|(_, w)| *w == b"PK\x01\x02")
            .map(|(i, _)| i)
            .find(|i| bytes[i + 46..].starts_with(b"xl/extra.bin"))
            .unwrap();
        bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
    }
    bytes
}

/// A sheet with a header, one post, and `more` cells after them.
fn sheet(dimension: &str, more: &str) -> String {
    let cell = |r: &str, t: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#);
    let header: String = ["post_id", "partnership", "published", "reach"]
        .iter()
        .zip(["A1", "B1", "C1", "D1"])
        .map(|(t, r)| cell(r, t))
        .collect();
    let post: String = ["X1", "anna-petrova", "2026-03-02", "100"]
        .iter()
        .zip(["A2", "B2", "C2", "D2"])
        .map(|(t, r)| cell(r, t))
        .collect();
    format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData><row r="1">{header}</row><row r="2">{post}</row>{more}</sheetData></worksheet>"#
    )
}

const BOOK: &str = "clients/lumen/metrics/q1.xlsx";
const SHEET_HELP: &str = "delete the stray cells far from the table (Ctrl+End shows the last one), or export the sheet as CSV, which roster reads at any length";

#[test]
fn a_small_workbook_is_read_as_before() {
    let fx = base();
    std::fs::write(fx.path(BOOK), workbook(&sheet("A1:D2", ""), None)).unwrap();
    check(&fx, 0, &[]);
}

#[test]
fn a_sheet_declaring_every_cell_is_refused_before_it_is_read() {
    let fx = base();
    let book = workbook(&sheet("A1:XFD1048576", ""), None);
    assert!(book.len() < 4096, "{} bytes", book.len());
    std::fs::write(fx.path(BOOK), book).unwrap();
    check(
        &fx,
        1,
        &[(
            "error: sheet \"Posts\" spans 1048576 rows by 16384 columns; roster reads up to 10000000 cells a sheet",
            "clients/lumen/metrics/q1.xlsx [Posts]",
            SHEET_HELP,
        )],
    );
    let run = limited(&fx, &["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[test]
fn a_cell_at_the_last_column_and_row_is_read_alone_under_a_memory_limit() {
    // The dimension says nothing, the cells say it all: A1 and XFD1048576
    // span 17 billion cells, which the sheet was once made of (549 GB).
    // Read as the cells they are, the far one is a row of its own.
    let fx = base();
    let far = r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
    std::fs::write(fx.path(BOOK), workbook(&sheet("A1", far), None)).unwrap();
    let run = limited(&fx, &["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: empty `post_id`")
            && run
                .stderr
                .contains("clients/lumen/metrics/q1.xlsx [Posts] A1048576"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_workbook_declaring_gigabytes_unpacked_is_refused_before_it_is_read() {
    let fx = base();
    std::fs::write(
        fx.path(BOOK),
        workbook(&sheet("A1:D2", ""), Some(0xF000_0000)),
    )
    .unwrap();
    check(
        &fx,
        1,
        &[(
            "error: workbook unpacks to 3840 MB or more; roster reads workbooks up to 1024 MB unpacked",
            "clients/lumen/metrics/q1.xlsx",
            "export the sheets as CSV, which roster reads at any length",
        )],
    );
}

#[test]
fn an_ods_sheet_repeating_a_cell_a_billion_times_is_refused_under_a_memory_limit() {
    // One cell with a value, repeated over every column of every row: a
    // few hundred bytes that the reader would expand into 17 billion cells.
    let fx = base();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        (
            "content.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Posts"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    std::fs::write(fx.path("clients/lumen/metrics/q1.ods"), bytes).unwrap();
    let run = limited(&fx, &["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: sheet \"Posts\" spans 1048576 rows by 16384 columns; roster reads up to 10000000 cells a sheet"
        ) && run.stderr.contains("clients/lumen/metrics/q1.ods [Posts]"),
        "{}",
        run.stderr
    );
}
