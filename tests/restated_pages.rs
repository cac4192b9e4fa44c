//! A month restated since its report was sent, where it shows
//! (docs/history.md): its report opens with a notice linking to a Restated
//! section, its PDF has the notice on the first page and the table in the
//! appendix, the overview lists it, the month after says in "how we count"
//! that it compares with it as it is now; in each client's language. A
//! month that matches its archive shows none of it.
//!
//! The PDF's text is read with poppler's pdftotext; where it is missing
//! that part says so and passes, except under CI (`CI` set).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::Fixture;

/// The sample with September archived for both clients before anything
/// changes, and with every month's PDF when `pdf_all`.
fn archived(pdf_all: bool) -> Fixture {
    let fx = Fixture::sample();
    if pdf_all {
        let yaml = std::fs::read_to_string(fx.root.join("roster.yaml")).unwrap();
        fx.write("roster.yaml", &format!("{yaml}pdf: all\n"));
    }
    let run = fx.roster(&["archive", "2026-09", "."]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    fx
}

/// Kestrel's late post for September (+$565.00 of revenue at September's
/// rate), and a corrected revenue of one of Polyn's September posts.
fn restate(fx: &Fixture) {
    let posts = "clients/kestrel-coffee/metrics/posts/2026-09.csv";
    let mut text = std::fs::read_to_string(fx.root.join(posts)).unwrap();
    text.push_str(
        "late-post-1,denis-kuznetsov,2026-09-28,sponsored,10000,8000,500,100,20,50000,RUB,\n",
    );
    fx.write(posts, &text);
    let posts = "clients/polyn/metrics/posts/telegram.csv";
    let text = std::fs::read_to_string(fx.root.join(posts)).unwrap();
    let corrected = text.replace(",76,190729.40,RUB,", ",76,200729.40,RUB,");
    assert_ne!(
        corrected, text,
        "the sample's post is where the test expects it"
    );
    fx.write(posts, &corrected);
}

fn built(fx: &Fixture) {
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn read(fx: &Fixture, rel: &str) -> String {
    let text = std::fs::read_to_string(fx.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The text between `from` and the first `to` after it.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let at = html.find(from).unwrap_or_else(|| panic!("no {from}"));
    let rest = &html[at..];
    &rest[..rest.find(to).map_or(rest.len(), |k| k + to.len())]
}

#[test]
fn a_restated_month_says_so_on_its_page_its_pdf_the_overview_and_the_month_after() {
    let fx = archived(true);
    restate(&fx);
    built(&fx);

    let september = read(&fx, "kestrel-coffee/reports/2026-09/index.html");
    let notice = between(&september, "<p class=\"notice restated-notice\"", "</p>");
    assert!(
        notice.contains(
            "Restated since this report was archived as of 31 October 2026: revenue $31,717.24 → $32,282.24 and "
        ),
        "{notice}"
    );
    assert!(notice.contains("<a href=\"#restated\">"), "{notice}");
    // The notice comes before the lead, the section after the month per
    // creator and before the evidence.
    let at = |s: &str| september.find(s).unwrap_or_else(|| panic!("no {s}"));
    assert!(at("restated-notice") < at("id=\"summary\""));
    assert!(at("id=\"creators-section\"") < at("id=\"restated\""));
    assert!(at("id=\"restated\"") < at("id=\"top\""));
    let section = between(&september, "id=\"restated\"", "</section>");
    for text in [
        "As sent",
        "Now",
        "Why",
        "$31,717.24",
        "$32,282.24",
        "+$565.00",
        "Denis Kuznetsov: ",
    ] {
        assert!(section.contains(text), "{text} in {section}");
    }
    assert!(
        !section.contains("roster archive"),
        "no command lines for the client"
    );

    let october = read(&fx, "kestrel-coffee/reports/2026-10/index.html");
    assert!(!october.contains("restated-notice"));
    assert!(!october.contains("id=\"restated\""));
    assert!(october.contains(
        "September 2026 has been restated since its report was sent; this report compares with its figures as they are now."
    ));
    let august = read(&fx, "kestrel-coffee/reports/2026-08/index.html");
    assert!(!august.contains("restated"), "a month before is untouched");

    let overview = read(&fx, "kestrel-coffee/index.html");
    let list = between(&overview, "id=\"restated-list\"", "</section>");
    assert!(list.contains("Restated since sent"), "{list}");
    assert!(
        list.contains("<a href=\"reports/2026-09/index.html#restated\">September 2026</a>"),
        "{list}"
    );

    let russian = read(&fx, "polyn/reports/2026-09/index.html");
    let notice = between(&russian, "<p class=\"notice restated-notice\"", "</p>");
    assert!(
        notice.contains("Пересчитано после архивации отчёта на 31 октября 2026: выручка "),
        "{notice}"
    );
    assert!(notice.contains("Что изменилось"), "{notice}");
    let section = between(&russian, "id=\"restated\"", "</section>");
    for text in [
        "Пересчитано",
        "В отчёте",
        "Сейчас",
        "Почему",
        "+10 000,00 ₽",
    ] {
        assert!(section.contains(text), "{text} in {section}");
    }
    let overview = read(&fx, "polyn/index.html");
    assert!(overview.contains("Пересчитано после отправки"));
    let october = read(&fx, "polyn/reports/2026-10/index.html");
    assert!(october.contains("Показатели за сентябрь 2026 пересчитаны после отправки отчёта"));

    pdf_has_the_notice_and_the_table(&fx.out().join("kestrel-coffee/reports/2026-09/report.pdf"));
}

/// September's PDF: the notice on page 1, the table after the appendix
/// starts (its first page holds the Restated heading).
fn pdf_has_the_notice_and_the_table(pdf: &Path) {
    let Some(tool) = pdftotext() else {
        return;
    };
    let out = Command::new(tool).arg(pdf).arg("-").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).replace(['\u{a0}', '\u{202f}'], " ");
    let pages: Vec<String> = text
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert!(
        pages[0].contains("Restated since this report was archived as of 31 October 2026: revenue $31,717.24 → $32,282.24"),
        "{}",
        pages[0]
    );
    // The appendix opens with the table, after at most three pages.
    let restated = (pages.iter())
        .position(|p| p.contains("Restated Some of this month's figures have changed"))
        .expect("the Restated table");
    assert!(
        (1..=3).contains(&restated),
        "page {} of {}",
        restated + 1,
        pages.len()
    );
    let how = (pages.iter())
        .position(|p| p.contains("How we count"))
        .expect("the appendix");
    assert!(restated <= how);
    let table = &pages[restated];
    for text in ["As sent", "$31,717.24", "$32,282.24", "+$565.00"] {
        assert!(table.contains(text), "{text} in {table}");
    }
}

/// `/usr/bin/pdftotext`, or `None` with a note saying the check is
/// skipped where it is not installed; under CI a missing tool is a failure.
fn pdftotext() -> Option<PathBuf> {
    let path = PathBuf::from("/usr/bin/pdftotext");
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "pdftotext is required in CI: install Debian's poppler-utils package"
    );
    eprintln!("skipped: no pdftotext (install Debian's poppler-utils package to run this check)");
    None
}

#[test]
fn a_month_that_matches_its_archive_shows_nothing() {
    let fx = archived(false);
    built(&fx);
    for rel in [
        "kestrel-coffee/reports/2026-09/index.html",
        "kestrel-coffee/reports/2026-10/index.html",
        "kestrel-coffee/index.html",
        "polyn/reports/2026-09/index.html",
        "polyn/index.html",
    ] {
        let html = read(&fx, rel);
        for mark in [
            "restated-notice",
            "id=\"restated\"",
            "restated-list",
            "has been restated",
        ] {
            assert!(!html.contains(mark), "{rel}: {mark}");
        }
    }
}
