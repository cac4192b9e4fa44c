//! The built sample site in a real browser: every page, at desktop and phone
//! widths, in headless Chromium. A page fails on a console error, a request
//! outside its client's folder, horizontal scrolling, a blank or broken chart
//! or a missing image, and on its layout (`fixtures/browser/layout.js`): a
//! table running past its panel, or scrolling inside it with no cue (or, on
//! a phone, no sticky first column); a table row taller than 140 px; two
//! chart labels whose boxes meet, or a line drawn through a label; text cut
//! short with an ellipsis. Screenshots go to the test's temporary folder, or
//! to `ROSTER_SCREENSHOTS` when it is set.
//!
//! Chromium comes from Debian's package (`.ci/run` installs it). Where it is
//! missing the tests say so and pass, except under CI (`CI` set), where a
//! missing browser is a failure.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use headless_chrome::protocol::cdp::Network;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::{Browser, LaunchOptions};

use crate::common::Fixture;

/// The browser, or `None` (with a note) where it is not installed.
pub(crate) fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("ROSTER_CHROMIUM").map(PathBuf::from),
        Some("/usr/bin/chromium".into()),
    ];
    installed(candidates, "Chromium", "chromium")
}

/// The first of `candidates` that is a file, or `None` with a note saying
/// which Debian package gives `what`; under CI (`CI` set) a missing tool
/// is a failure.
fn installed(candidates: [Option<PathBuf>; 2], what: &str, package: &str) -> Option<PathBuf> {
    let found = candidates.into_iter().flatten().find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is required in CI: install Debian's {package} package"
        );
        eprintln!("test skipped: no {what} (install Debian's {package} package)");
    }
    found
}

pub(crate) fn launch(path: &Path, width: u32, height: u32) -> Browser {
    let args: Vec<&OsStr> = [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--hide-scrollbars",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    Browser::new(LaunchOptions {
        headless: true,
        sandbox: false,
        path: Some(path.to_path_buf()),
        window_size: Some((width, height)),
        args,
        ..LaunchOptions::default()
    })
    .expect("Chromium starts")
}

/// What is wrong with one page, and how its layout measured.
#[derive(Debug, Default)]
struct Problems(Vec<String>, Measures);

/// The layout's figures over the pages opened.
#[derive(Debug, Default, Clone)]
struct Measures {
    /// The tallest table row, in px, and the page it is on.
    tallest: (u64, String),
    /// Pairs of chart labels whose boxes meet.
    overlaps: usize,
    /// Labels a chart's line runs through.
    struck: usize,
}

impl Measures {
    fn add(&mut self, other: Measures) {
        if other.tallest.0 > self.tallest.0 {
            self.tallest = other.tallest;
        }
        self.overlaps += other.overlaps;
        self.struck += other.struck;
    }
}

/// The layout checks, an expression giving an object.
const LAYOUT: &str = include_str!("fixtures/browser/layout.js");

/// The checks run inside the page; returns a JSON object.
fn probe() -> String {
    PROBE.replace("LAYOUT", LAYOUT.trim().trim_end_matches(';'))
}

const PROBE: &str = r#"JSON.stringify({
  layout: LAYOUT,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  broken: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src')),
  resources: performance.getEntriesByType('resource').map(e => e.name),
  blank: [...document.querySelectorAll('svg')].filter(s => {
    const b = s.getBoundingClientRect();
    const marks = s.querySelectorAll('path, rect, line, polyline, polygon, circle, text').length;
    return s.closest('figure, .chart') !== null && (b.width < 20 || b.height < 20 || marks < 3);
  }).map(s => (s.querySelector('title') || {}).textContent || 'untitled chart'),
  body: document.body ? document.body.innerText.trim().length : 0
})"#;

/// A tab that records console errors and every request it makes.
struct Probe<'b> {
    tab: Arc<headless_chrome::Tab>,
    errors: Arc<Mutex<Vec<String>>>,
    requests: Arc<Mutex<Vec<String>>>,
    _browser: &'b Browser,
}

impl<'b> Probe<'b> {
    fn new(browser: &'b Browser) -> Probe<'b> {
        let tab = browser.new_tab().expect("a tab");
        let errors: Arc<Mutex<Vec<String>>> = Arc::default();
        let requests: Arc<Mutex<Vec<String>>> = Arc::default();
        let (e, r) = (errors.clone(), requests.clone());
        tab.enable_log().expect("log domain");
        tab.enable_runtime().expect("runtime domain");
        // Network.enable takes only optional fields; build it from `{}` so
        // the test does not depend on the protocol version's field list.
        let enable: Network::Enable = serde_json::from_str("{}").expect("Network.enable");
        tab.call_method(enable).expect("network domain");
        tab.add_event_listener(Arc::new(move |event: &Event| match event {
            Event::LogEntryAdded(entry) if format!("{:?}", entry.params.entry.level) == "Error" => {
                e.lock()
                    .unwrap()
                    .push(format!("console: {}", entry.params.entry.text));
            }
            Event::RuntimeExceptionThrown(ex) => {
                e.lock()
                    .unwrap()
                    .push(format!("exception: {}", ex.params.exception_details.text));
            }
            Event::RuntimeConsoleAPICalled(call)
                if format!("{:?}", call.params.Type) == "Error" =>
            {
                e.lock().unwrap().push("console.error called".to_string());
            }
            Event::NetworkRequestWillBeSent(req) => {
                r.lock().unwrap().push(req.params.request.url.clone())
            }
            _ => {}
        }))
        .expect("listener");
        Probe {
            tab,
            errors,
            requests,
            _browser: browser,
        }
    }

    /// Open `page`, run the checks, save a screenshot to `shots`.
    fn inspect(&self, page: &Path, client_dir: &Path, shots: &Path, label: &str) -> Problems {
        self.errors.lock().unwrap().clear();
        self.requests.lock().unwrap().clear();
        let url = format!("file://{}", page.display());
        self.tab
            .navigate_to(&url)
            .expect("navigates")
            .wait_until_navigated()
            .expect("loads");
        let value = self
            .tab
            .evaluate(&probe(), false)
            .expect("probe runs")
            .value
            .expect("probe returns");
        let report: serde_json::Value =
            serde_json::from_str(value.as_str().unwrap_or("{}")).expect("probe JSON");
        if let Ok(png) =
            self.tab
                .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        {
            let _ = std::fs::write(shots.join(format!("{label}.png")), png);
        }
        let mut problems = Problems::default();
        problems.0.extend(self.errors.lock().unwrap().drain(..));
        if report["overflow"].as_f64().unwrap_or(0.0) > 1.0 {
            problems
                .0
                .push(format!("scrolls sideways by {} px", report["overflow"]));
        }
        let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
        for src in report["broken"].as_array().into_iter().flatten() {
            problems.0.push(format!("missing image {}", text(src)));
        }
        for chart in report["blank"].as_array().into_iter().flatten() {
            problems.0.push(format!("blank chart {}", text(chart)));
        }
        let inside = format!("file://{}/", client_dir.display());
        let requested: Vec<String> = self.requests.lock().unwrap().drain(..).collect();
        let resources = report["resources"]
            .as_array()
            .into_iter()
            .flatten()
            .map(text);
        for r in requested.into_iter().chain(resources) {
            if !r.starts_with(&inside) && !r.starts_with("data:") {
                problems
                    .0
                    .push(format!("request outside the client's folder: {r}"));
            }
        }
        if report["body"].as_u64().unwrap_or(0) == 0 {
            problems.0.push("empty page".into());
        }
        let layout = &report["layout"];
        for key in [
            "tables",
            "rows",
            "overlaps",
            "struck",
            "truncated",
            "clipped",
        ] {
            problems
                .0
                .extend(layout[key].as_array().into_iter().flatten().map(text));
        }
        let count = |key: &str| layout[key].as_array().map_or(0, Vec::len);
        problems.1 = Measures {
            tallest: (layout["tallest"].as_u64().unwrap_or(0), label.to_string()),
            overlaps: count("overlaps"),
            struck: count("struck"),
        };
        problems.0.dedup();
        problems
    }
}

/// Every HTML page under `dir`, sorted.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    v.sort();
    v
}

/// Where screenshots go: `ROSTER_SCREENSHOTS` when set (to keep and look
/// at them), else the test's temporary folder.
fn screenshots(fx: &Fixture) -> PathBuf {
    let shots = std::env::var_os("ROSTER_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| fx.dir.path().join("screenshots"));
    std::fs::create_dir_all(&shots).unwrap();
    shots
}

/// Build `fx` and open the pages of `clients` that `wanted` picks (paths
/// relative to the site) at desktop and phone widths: the pages opened, as
/// `<width>:<path>`, and every problem found.
fn inspect_site(
    chrome: &Path,
    fx: &Fixture,
    clients: &[&str],
    wanted: &dyn Fn(&str) -> bool,
) -> (Vec<String>, Vec<String>) {
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = fx.out().canonicalize().unwrap();
    let shots = screenshots(fx);
    let (mut opened, mut failures) = (Vec::new(), Vec::new());
    let mut measures = Measures::default();
    for (name, width, height) in [("desktop", 1280, 900), ("phone", 390, 844)] {
        let browser = launch(chrome, width, height);
        let probe = Probe::new(&browser);
        for client in clients {
            let client_dir = site.join(client);
            for page in pages(&client_dir) {
                let rel = page.strip_prefix(&site).unwrap().display().to_string();
                if !wanted(&rel) {
                    continue;
                }
                let label = format!("{name}-{}", rel.replace(['/', '.'], "_"));
                let problems = probe.inspect(&page, &client_dir, &shots, &label);
                opened.push(format!("{width}:{rel}"));
                measures.add(problems.1);
                failures.extend(
                    problems
                        .0
                        .into_iter()
                        .map(|p| format!("{rel} ({name}): {p}")),
                );
            }
        }
    }
    // The figures the layout is judged by, for the record.
    eprintln!(
        "layout of {} pages: tallest table row {} px ({}), {} overlapping chart labels, {} labels with a line through them",
        opened.len(),
        measures.tallest.0,
        measures.tallest.1,
        measures.overlaps,
        measures.struck
    );
    (opened, failures)
}

#[test]
fn every_page_of_the_sample_site_renders_cleanly_at_desktop_and_phone_widths() {
    let Some(chrome) = chromium() else { return };
    let fx = Fixture::sample();
    let clients = ["kestrel-coffee", "polyn"];
    let (opened, failures) = inspect_site(&chrome, &fx, &clients, &|_| true);
    assert!(opened.len() >= 4, "only {} pages found", opened.len());
    assert_clean(&opened, &failures, &clients);
}

/// Each of `clients`' commitments pages was opened at both widths, and no
/// page had a problem.
fn assert_clean(opened: &[String], failures: &[String], clients: &[&str]) {
    for client in clients {
        for width in [1280, 390] {
            let page = format!("{width}:{client}/commitments/index.html");
            assert!(opened.contains(&page), "{page} was not opened");
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_worked_example_s_money_ahead_renders_cleanly_at_desktop_and_phone_widths() {
    // Budgets over and under, an umbrella agreement's renewals grouped and
    // partnerships signed to start later: what the sample may not have.
    let Some(chrome) = chromium() else { return };
    let fx = Fixture::new("worked");
    // The overviews, the commitments pages and a partnership page of each.
    let wanted = |rel: &str| {
        rel.split('/').count() == 2
            || rel.ends_with("/commitments/index.html")
            || rel.contains("/partnerships/zoe-parker/")
            || rel.contains("/partnerships/ekaterina-volkova/")
    };
    let clients = ["iris-cosmetics", "rowan-kids"];
    let (opened, failures) = inspect_site(&chrome, &fx, &clients, &wanted);
    assert_clean(&opened, &failures, &clients);
}

#[test]
fn the_checks_catch_a_deliberately_broken_page() {
    let Some(chrome) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let client = dir.path().join("client");
    std::fs::create_dir_all(&client).unwrap();
    let page = client.join("index.html");
    let broken = crate::common::fixtures().join("browser/broken.html");
    std::fs::copy(broken, &page).unwrap();
    let browser = launch(&chrome, 390, 844);
    let problems = Probe::new(&browser)
        .inspect(&page, &client, dir.path(), "broken")
        .0
        .join("\n");
    for want in [
        "console",
        "scrolls sideways",
        "missing image missing.png",
        "blank chart Empty chart",
        "outside the client's folder: file:///etc/hostname",
        "Wide table: the table runs",
        "Quiet table: scrolls sideways",
        "Quiet table: scrolls on a phone without a sticky first column",
        "Tall table: a row 2",
        "Crowded chart: \"Post number\" and \"6\" overlap",
        "Crowded chart: a line runs through \"Target 50%\"",
        "Crowded chart: \"500 тыс. ₽\" runs past the chart's edge",
        "\"Optimization\" is cut short",
    ] {
        assert!(
            problems.contains(want),
            "expected a problem mentioning {want:?}, got:\n{problems}"
        );
    }
}

/// The sample with every creator, client and market renamed to a long
/// Cyrillic name: the widest labels a chart, a table or a card gets.
fn long_cyrillic_names() -> Fixture {
    const FIRST: [&str; 4] = ["Александра", "Константин", "Елизавета", "Святослав"];
    const LAST: [&str; 4] = [
        "Преображенская-Воскресенская",
        "Константинопольский",
        "Белозерская-Ширинская",
        "Долгоруковский-Оболенский",
    ];
    let fx = Fixture::sample();
    let clients = fx.root.join("clients");
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&clients)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    for (i, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let renamed: Vec<String> = text
            .lines()
            .map(|line| {
                let name = format!("{} {}", FIRST[i % 4], LAST[(i / 4 + i) % 4]);
                if line.starts_with("  name: ") {
                    format!("  name: \"{name}\"")
                } else if line.starts_with("name: ") {
                    format!("name: \"Торговый дом «{name}» и партнёры\"")
                } else if line.starts_with("    name: ") {
                    format!("    name: \"Республика {}\"", LAST[i % 4])
                } else {
                    line.to_string()
                }
            })
            .collect();
        std::fs::write(path, renamed.join("\n") + "\n").unwrap();
    }
    fx
}

#[test]
fn a_portfolio_of_long_cyrillic_names_renders_cleanly_at_desktop_and_phone_widths() {
    let Some(chrome) = chromium() else { return };
    let fx = long_cyrillic_names();
    // The pages with the most names on them: overviews, monthly reports,
    // the money ahead and one partnership of each client.
    let wanted = |rel: &str| {
        rel.split('/').count() == 2
            || rel.contains("/reports/2026-10/")
            || rel.ends_with("/commitments/index.html")
            || rel.contains("/partnerships/jess-caldwell/")
            || rel.contains("/partnerships/vera-sokolova/")
            || rel.contains("/markets/")
    };
    let clients = ["kestrel-coffee", "polyn"];
    let (opened, failures) = inspect_site(&chrome, &fx, &clients, &wanted);
    assert!(opened.len() >= 16, "only {} pages opened", opened.len());
    assert_clean(&opened, &failures, &clients);
}

/// `pdftotext`, or `None` (with a note) where poppler is not installed.
fn pdftotext() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("ROSTER_PDFTOTEXT").map(PathBuf::from),
        Some("/usr/bin/pdftotext".into()),
    ];
    installed(candidates, "pdftotext", "poppler-utils")
}

/// The pages of a PDF as text, split at form feeds.
fn pdf_pages(tool: &Path, pdf: &[u8], dir: &Path) -> Vec<String> {
    let file = dir.join("printed.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new(tool)
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[test]
fn a_monthly_report_prints_in_three_pages_before_its_appendix_on_a4_and_letter() {
    let Some(chrome) = chromium() else { return };
    let Some(tool) = pdftotext() else { return };
    let fx = Fixture::sample();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = fx.out().canonicalize().unwrap();
    let browser = launch(&chrome, 1280, 900);
    let tab = browser.new_tab().expect("a tab");
    let reports = [
        (
            "kestrel-coffee",
            "Kestrel Coffee Co. · Monthly report · October 2026",
            "How we count",
        ),
        (
            "polyn",
            "Полынь — натуральная косметика · Ежемесячный отчёт · Октябрь 2026",
            "Как мы считаем",
        ),
    ];
    let mut counts = Vec::new();
    for (client, head, appendix) in reports {
        let page = site.join(client).join("reports/2026-10/index.html");
        tab.navigate_to(&format!("file://{}", page.display()))
            .expect("navigates")
            .wait_until_navigated()
            .expect("loads");
        for (paper, (w, h)) in [("A4", (8.27, 11.69)), ("Letter", (8.5, 11.0))] {
            let pdf = tab
                .print_to_pdf(Some(headless_chrome::types::PrintToPdfOptions {
                    paper_width: Some(w),
                    paper_height: Some(h),
                    print_background: Some(true),
                    ..Default::default()
                }))
                .expect("prints");
            let pages = pdf_pages(&tool, &pdf, fx.dir.path());
            let first = pages
                .iter()
                .position(|p| p.lines().any(|l| l.trim() == appendix))
                .unwrap_or_else(|| panic!("{client} on {paper}: no {appendix:?} page"));
            counts.push(format!(
                "{client} {paper}: {} pages, {first} before the appendix",
                pages.len()
            ));
            assert!(
                first <= 3,
                "{client} on {paper}: {first} pages before the appendix; each begins:\n{}",
                (pages.iter())
                    .map(|p| p.split_whitespace().take(24).collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
            for (i, text) in pages.iter().enumerate() {
                // pdftotext may drop the spaces around the slash.
                let number = format!("{}/{}", i + 1, pages.len());
                let numbered = text.lines().any(|l| l.replace(' ', "") == number);
                assert!(
                    text.contains(head),
                    "{client} on {paper}, page {}: no running header",
                    i + 1
                );
                assert!(
                    numbered,
                    "{client} on {paper}, page {}: no {number:?}",
                    i + 1
                );
            }
        }
    }
    eprintln!("printed: {}", counts.join("; "));
}

/// Each table's "Download CSV" link, clicked in Chromium, saves the table's
/// CSV file under its own name: the file the link carries, in the page's
/// language (`;` for a Russian client), with the byte-order mark Excel
/// needs.
#[test]
fn a_download_link_saves_the_table_s_csv_under_its_name() {
    use headless_chrome::protocol::cdp::Page::{
        SetDownloadBehavior, SetDownloadBehaviorBehaviorOption,
    };
    let Some(chrome) = chromium() else { return };
    let fx = Fixture::sample();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let browser = launch(&chrome, 1280, 900);
    let tab = browser.new_tab().expect("a tab");
    for (page, name, header) in [
        ("polyn/reports/2026-10", "month.csv", "Показатель;"),
        ("kestrel-coffee", "roster.csv", "Creator,"),
    ] {
        let saved = fx.dir.path().join("downloads").join(page.replace('/', "-"));
        std::fs::create_dir_all(&saved).unwrap();
        tab.call_method(SetDownloadBehavior {
            behavior: SetDownloadBehaviorBehaviorOption::Allow,
            download_path: Some(saved.to_str().unwrap().to_string()),
        })
        .expect("downloads allowed");
        let url = format!(
            "file://{}/{page}/index.html",
            fx.out().canonicalize().unwrap().display()
        );
        tab.navigate_to(&url)
            .expect("navigates")
            .wait_until_navigated()
            .expect("loads");
        let click = format!(
            "(() => {{ const a = document.querySelector('p.csv a[download=\"{name}\"]'); if (a) a.click(); return !!a; }})()"
        );
        let clicked = tab.evaluate(&click, false).expect("click runs").value;
        assert_eq!(
            clicked,
            Some(serde_json::Value::Bool(true)),
            "{page}: no link to {name}"
        );
        let file = saved.join(name);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !file.is_file() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let listed: Vec<_> = std::fs::read_dir(&saved)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert!(
            file.is_file(),
            "{page}: {name} was not saved; the folder holds {listed:?}"
        );
        let got = std::fs::read(&file).unwrap();
        let want = fx.csv(&format!("{page}/{name}"));
        assert_eq!(String::from_utf8(got).unwrap(), want, "{page}: {name}");
        assert!(
            want.starts_with(&format!("\u{feff}{header}")),
            "{page}: {name} starts {:?}",
            &want[..want.len().min(40)]
        );
    }
}
