//! Archives that cannot be read: an error at the file, the site still built, the file left as it is.

use super::*;

// ------------------------------------------------------------- bad archives

/// Break kestrel's September archive with `spoil` (given the portfolio and
/// the archive's text; it returns the file it leaves broken), then build:
/// an error of `kind` at that file, exit 1, the site written without it,
/// and the file as it was.
fn bad_archive(kind: &str, spoil: impl FnOnce(&Fixture, &str) -> String) {
    let fx = archived();
    let text = kestrel_09(&fx);
    let file = spoil(&fx, &text);
    let before = archives(&fx);

    let run = build(&fx, 1);
    assert!(
        run.stderr.contains("error: ") && run.stderr.contains(&format!("--> {file}")),
        "{}",
        run.stderr
    );
    site_written(&fx);
    assert!(restatements_of(&fx, KESTREL).is_empty());
    assert!(restatements_of(&fx, POLYN).is_empty());
    assert_eq!(archives(&fx), before, "the archives are left as they are");

    let out = fx.out();
    let (run, entries) = diagnostics(&fx, "build", &["--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors: Vec<&Entry> = entries.iter().filter(|e| e.severity == "error").collect();
    assert_eq!(errors.len(), 1, "{entries:#?}");
    assert_eq!(errors[0].kind, kind, "{entries:#?}");
    assert_eq!(errors[0].file.as_deref(), Some(file.as_str()));
    assert!(errors[0].help.is_some(), "{:?}", errors[0]);
    site_written(&fx);

    let (run, entries) = diagnostics(&fx, "check", &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        entries
            .iter()
            .any(|e| e.kind == kind && e.file.as_deref() == Some(file.as_str())),
        "{entries:#?}"
    );
    assert_eq!(archives(&fx), before, "check leaves them too");
}

/// Replace kestrel's September archive with `text`.
fn replaced(fx: &Fixture, text: &str) -> String {
    fx.write(KESTREL_09, text);
    KESTREL_09.to_string()
}

#[test]
fn an_archive_that_is_not_json_is_an_error_at_it() {
    bad_archive("history.not_json", |fx, _| replaced(fx, "not json"));
}

#[test]
fn a_truncated_archive_is_an_error_at_it() {
    bad_archive("history.truncated", |fx, text| {
        let half = &text.as_bytes()[..text.len() / 2];
        fs::write(fx.path(KESTREL_09), half).unwrap();
        KESTREL_09.to_string()
    });
}

#[test]
fn an_archive_of_another_format_is_an_error_at_it() {
    bad_archive("history.other_format", |fx, text| {
        replaced(fx, &text.replacen("\"format\": 1,", "\"format\": 2,", 1))
    });
}

#[test]
fn an_archive_of_a_newer_roster_is_an_error_at_it() {
    bad_archive("history.newer", |fx, text| {
        let ours = format!("\"roster\": \"{}\"", env!("CARGO_PKG_VERSION"));
        assert!(text.contains(&ours));
        replaced(fx, &text.replacen(&ours, "\"roster\": \"999.0.0\"", 1))
    });
}

#[test]
fn an_archive_of_another_client_is_an_error_at_it() {
    bad_archive("history.other_client", |fx, text| {
        replaced(
            fx,
            &text.replacen("\"client\": \"kestrel-coffee\"", "\"client\": \"polyn\"", 1),
        )
    });
}

#[test]
fn an_archive_of_another_month_than_its_name_is_an_error_at_it() {
    bad_archive("history.other_month", |fx, text| {
        let file = format!("{ARCHIVE}/2026-08.json");
        fx.write(&file, text);
        file
    });
}

#[test]
fn an_archive_of_a_month_without_a_report_is_an_error_at_it() {
    bad_archive("history.no_such_month", |fx, text| {
        let file = format!("{ARCHIVE}/2025-01.json");
        let moved = text.replace("\"month\": \"2026-09\"", "\"month\": \"2025-01\"");
        assert_eq!(
            moved.matches("2025-01").count(),
            2,
            "month and month_row.month"
        );
        fx.write(&file, &moved);
        file
    });
}

#[test]
fn an_archive_too_large_to_be_one_is_an_error_at_it() {
    bad_archive("history.too_large", |fx, text| {
        // Valid JSON, padded past 16 MiB.
        let padded = format!("{}{}", " ".repeat(17 << 20), text);
        replaced(fx, &padded)
    });
}

#[test]
fn an_archive_without_the_fields_of_one_is_an_error_at_it() {
    bad_archive("history.not_an_archive", |fx, _| {
        replaced(fx, "{\"format\": 1, \"roster\": \"0.0.1\"}\n")
    });
}

#[test]
fn earlier_records_and_hidden_files_are_passed_over_and_others_warned_of() {
    let fx = archived();
    fx.write(&format!("{ARCHIVE}/2026-09.1.json"), "not json");
    fx.write(&format!("{ARCHIVE}/2026-08.3.json"), "{\"format\": 9}");
    fx.write(&format!("{ARCHIVE}/.DS_Store"), "\0\0\0\x01Bud1");
    let (run, entries) = diagnostics(&fx, "check", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let at_archive: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.file.as_deref().is_some_and(|f| f.starts_with(ARCHIVE)))
        .collect();
    assert!(at_archive.is_empty(), "{at_archive:#?}");
    assert!(restatements(&fx, KESTREL).is_empty());

    let notes = format!("{ARCHIVE}/notes.txt");
    fx.write(&notes, "sent on 3 October\n");
    let (run, entries) = diagnostics(&fx, "check", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let at_archive: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.file.as_deref().is_some_and(|f| f.starts_with(ARCHIVE)))
        .collect();
    assert_eq!(at_archive.len(), 1, "{at_archive:#?}");
    assert_eq!(at_archive[0].severity, "warning");
    assert_eq!(at_archive[0].file.as_deref(), Some(notes.as_str()));
    build(&fx, 0);
}
