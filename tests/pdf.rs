//! The monthly report as a PDF: written beside the latest
//! month's page by default, for every month or none as `pdf` says, linked
//! from the page and the overview only when it exists, the same bytes on
//! every build, on the client's paper, with the page's figures as the page
//! formats them, a running header, page numbers, and at most three pages
//! before its appendix.
//!
//! The PDF's text is read with poppler's pdftotext and its paper with
//! pdfinfo; where they are missing those tests say so and pass, except
//! under CI (`CI` set), where they are a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::Fixture;

fn built(fx: &Fixture) {
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// Every report.pdf under the built site, relative paths, sorted.
fn pdfs(site: &Path) -> Vec<String> {
    let mut found: Vec<String> = walk(site)
        .into_iter()
        .filter(|p| p.ends_with("report.pdf"))
        .map(|p| {
            p.strip_prefix(site)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    found.sort();
    found
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// A poppler tool, or `None` (with a note) where it is not installed.
fn poppler(tool: &str) -> Option<PathBuf> {
    installed(tool, "poppler-utils")
}

/// `/usr/bin/<tool>`, or `None` with a note saying the test is skipped
/// where it is not installed; under CI a missing tool is a failure.
fn installed(tool: &str, package: &str) -> Option<PathBuf> {
    let path = PathBuf::from("/usr/bin").join(tool);
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{tool} is required in CI: install Debian's {package} package"
    );
    eprintln!("skipped: no {tool} (install Debian's {package} package to run this test)");
    None
}

/// The text of each page of a PDF, spaces of every width made plain.
fn pages_text(tool: &Path, pdf: &Path) -> Vec<String> {
    let out = Command::new(tool).arg(pdf).arg("-").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = plain(&String::from_utf8_lossy(&out.stdout));
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn plain(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The value of the card labelled `label` on a built page.
fn card(html: &str, label: &str) -> String {
    let key = format!("<span class=\"card-label\">{label}</span> <span class=\"card-value\">");
    let from = html.find(&key).unwrap_or_else(|| panic!("no card {label}")) + key.len();
    let to = from + html[from..].find("</span>").unwrap();
    plain(&html[from..to])
}

#[test]
fn the_latest_month_is_a_pdf_by_default_and_linked_from_its_page_and_the_overview() {
    let fx = Fixture::sample();
    built(&fx);
    let site = fx.out();
    assert_eq!(
        pdfs(&site),
        [
            "kestrel-coffee/reports/2026-10/report.pdf",
            "polyn/reports/2026-10/report.pdf"
        ]
    );
    let latest = std::fs::read_to_string(site.join("kestrel-coffee/reports/2026-10/index.html"));
    assert!(latest.unwrap().contains("href=\"report.pdf\""));
    let earlier = std::fs::read_to_string(site.join("kestrel-coffee/reports/2026-09/index.html"));
    assert!(!earlier.unwrap().contains("report.pdf"));
    let overview = std::fs::read_to_string(site.join("kestrel-coffee/index.html")).unwrap();
    assert!(overview.contains("href=\"reports/2026-10/report.pdf\""));
}

#[test]
fn pdf_none_writes_no_pdf_and_links_none() {
    let fx = Fixture::sample();
    let yaml = std::fs::read_to_string(fx.root.join("roster.yaml")).unwrap();
    fx.write("roster.yaml", &format!("{yaml}pdf: none\n"));
    built(&fx);
    assert!(pdfs(&fx.out()).is_empty());
    let overview = std::fs::read_to_string(fx.out().join("kestrel-coffee/index.html")).unwrap();
    assert!(!overview.contains("report.pdf"));
}

#[test]
fn pdf_all_writes_one_per_month() {
    let fx = Fixture::sample();
    let yaml = std::fs::read_to_string(fx.root.join("roster.yaml")).unwrap();
    fx.write("roster.yaml", &format!("{yaml}pdf: all\n"));
    built(&fx);
    let site = fx.out();
    let months = |c: &str| {
        std::fs::read_dir(site.join(c).join("reports"))
            .unwrap()
            .count()
    };
    let want = months("kestrel-coffee") + months("polyn");
    assert_eq!(pdfs(&site).len(), want);
}

#[test]
fn a_misspelt_pdf_setting_is_an_error_with_the_choices() {
    let fx = Fixture::sample();
    let yaml = std::fs::read_to_string(fx.root.join("roster.yaml")).unwrap();
    fx.write("roster.yaml", &format!("{yaml}pdf: lates\n"));
    let run = fx.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("roster.yaml"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean \"latest\"?"),
        "{}",
        run.stderr
    );
    assert!(!fx.out().exists());
}

#[test]
fn a_logo_the_typesetter_cannot_read_is_a_diagnostic_and_writes_nothing() {
    let fx = Fixture::sample();
    fx.write("clients/kestrel-coffee/assets/logo.svg", "<svg this is not");
    let run = fx.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    for part in [
        "clients/kestrel-coffee/assets/logo.svg",
        "the logo assets/logo.svg cannot be read into reports/2026-10/report.pdf",
        "replace it with a PNG, JPEG or SVG file",
    ] {
        assert!(run.stderr.contains(part), "{part}: {}", run.stderr);
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!fx.out().exists());
}

#[test]
fn poppler_and_qpdf_read_every_pdf_without_a_complaint() {
    let (Some(pdfinfo), Some(qpdf)) = (poppler("pdfinfo"), installed("qpdf", "qpdf")) else {
        return;
    };
    let fx = Fixture::sample();
    let yaml = std::fs::read_to_string(fx.root.join("roster.yaml")).unwrap();
    fx.write("roster.yaml", &format!("{yaml}pdf: all\n"));
    built(&fx);
    let site = fx.out();
    let all = pdfs(&site);
    assert!(all.len() > 2, "{all:?}");
    for rel in &all {
        let pdf = site.join(rel);
        let info = Command::new(&pdfinfo).arg(&pdf).output().unwrap();
        let said = String::from_utf8_lossy(&info.stderr);
        assert!(
            info.status.success() && said.trim().is_empty(),
            "{rel}: {said}"
        );
        let check = Command::new(&qpdf)
            .arg("--check")
            .arg(&pdf)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&check.stdout).to_string()
            + &String::from_utf8_lossy(&check.stderr);
        // 0: no problems; 3: warnings, which are failures here too.
        assert_eq!(check.status.code(), Some(0), "{rel}: {said}");
        assert!(
            said.contains("No syntax or stream encoding errors"),
            "{rel}: {said}"
        );
    }
}

#[test]
fn two_builds_write_the_same_pdf_bytes() {
    let fx = Fixture::sample();
    built(&fx);
    let rel = "kestrel-coffee/reports/2026-10/report.pdf";
    let first = std::fs::read(fx.out().join(rel)).unwrap();
    let again = fx.dir.path().join("again");
    let run = fx.roster(&["build", ".", "--output", again.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(first.starts_with(b"%PDF-"));
    assert!(first == std::fs::read(again.join(rel)).unwrap());
    let polyn = "polyn/reports/2026-10/report.pdf";
    assert!(
        std::fs::read(fx.out().join(polyn)).unwrap() == std::fs::read(again.join(polyn)).unwrap()
    );
}

#[test]
fn the_pdf_has_the_pages_figures_header_and_page_numbers_before_its_appendix() {
    let Some(tool) = poppler("pdftotext") else {
        return;
    };
    let fx = Fixture::sample();
    built(&fx);
    let cases = [
        (
            "kestrel-coffee",
            "2026-10",
            ["Cost", "Revenue"],
            "Kestrel Coffee Co. · October 2026",
            ["Page", "of"],
            "How we count",
            ["October 2026: quarter close and renewals", "Jess Caldwell"],
        ),
        (
            "polyn",
            "2026-10",
            ["Затраты", "Выручка"],
            "Полынь — натуральная косметика · Октябрь 2026",
            ["Страница", "из"],
            "Как мы считаем",
            ["Октябрь 2026: решения по продлению", "Вера Соколова"],
        ),
    ];
    for (client, month, labels, header, [page, of], appendix, said) in cases {
        let dir = fx.out().join(client).join("reports").join(month);
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
        let pages = pages_text(&tool, &dir.join("report.pdf"));
        let all = pages.concat();
        for label in labels {
            let value = card(&html, label);
            assert!(
                all.contains(&value),
                "{client}: {label} {value} not in the PDF:\n{all}"
            );
        }
        // The month's note, and a creator of the month per creator.
        for words in said {
            assert!(
                all.contains(words),
                "{client}: {words} not in the PDF:\n{all}"
            );
        }
        for (i, text) in pages.iter().enumerate() {
            assert!(
                text.contains(header),
                "{client} page {}: no header in\n{text}",
                i + 1
            );
            let number = format!("{page} {} {of} {}", i + 1, pages.len());
            assert!(
                text.contains(&number),
                "{client} page {}: no {number} in\n{text}",
                i + 1
            );
        }
        let starts = pages
            .iter()
            .position(|p| p.contains(appendix))
            .map(|i| i + 1);
        assert!(
            starts.is_some_and(|p| p <= 4),
            "{client}: appendix on page {starts:?}"
        );
    }
}

/// The "Page size" line of pdfinfo, in points.
fn page_size(tool: &Path, pdf: &Path) -> String {
    let out = Command::new(tool).arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_default();
    line.trim_start_matches("Page size:").trim().to_string()
}

#[test]
fn the_paper_is_the_languages_unless_page_size_says() {
    let Some(tool) = poppler("pdfinfo") else {
        return;
    };
    let fx = Fixture::sample();
    built(&fx);
    let kestrel = fx.out().join("kestrel-coffee/reports/2026-10/report.pdf");
    let polyn = fx.out().join("polyn/reports/2026-10/report.pdf");
    assert!(
        page_size(&tool, &kestrel).starts_with("612 x 792 pts"),
        "en is Letter"
    );
    assert!(
        page_size(&tool, &polyn).starts_with("595.276 x 841.89 pts"),
        "ru is A4"
    );

    let yaml = std::fs::read_to_string(fx.root.join("roster.yaml")).unwrap();
    fx.write("roster.yaml", &format!("{yaml}page_size: a4\n"));
    let client = "clients/polyn/client.yaml";
    let polyn_yaml = std::fs::read_to_string(fx.root.join(client)).unwrap();
    fx.write(client, &format!("{polyn_yaml}page_size: letter\n"));
    let again = fx.dir.path().join("again");
    let run = fx.roster(&["build", ".", "--output", again.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let kestrel = again.join("kestrel-coffee/reports/2026-10/report.pdf");
    let polyn = again.join("polyn/reports/2026-10/report.pdf");
    assert!(
        page_size(&tool, &kestrel).starts_with("595.276 x 841.89 pts"),
        "roster.yaml's a4"
    );
    assert!(
        page_size(&tool, &polyn).starts_with("612 x 792 pts"),
        "the client's letter"
    );
}
