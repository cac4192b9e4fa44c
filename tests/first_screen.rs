//! The overview's first screen, as its reader sees it without scrolling, at
//! 1280 x 800 and at 390 x 844: the verdict, and the decisions due (the
//! renewals within 30 days first, at most three), each whole above the fold.

use crate::browser::{chromium, launch};
use crate::common::Fixture;

/// Where the verdict and each decision end, and the window's height.
const MEASURE: &str = r#"JSON.stringify({
  height: window.innerHeight,
  verdict: [...document.querySelectorAll('#answer .verdict')].map(e => e.getBoundingClientRect().bottom),
  decisions: [...document.querySelectorAll('#answer .decisions li')].map(e => ({
    text: e.textContent.trim().slice(0, 40),
    bottom: e.getBoundingClientRect().bottom
  }))
})"#;

#[test]
fn each_overview_opens_with_the_verdict_and_the_decisions_due() {
    let Some(chrome) = chromium() else { return };
    let fx = Fixture::sample();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = fx.out().canonicalize().unwrap();
    let mut failures = Vec::new();
    for (width, height) in [(1280, 800), (390, 844)] {
        let browser = launch(&chrome, width, height);
        let tab = browser.new_tab().expect("a tab");
        for client in ["kestrel-coffee", "polyn"] {
            let page = site.join(client).join("index.html");
            tab.navigate_to(&format!("file://{}", page.display()))
                .expect("navigates")
                .wait_until_navigated()
                .expect("loads");
            let value = tab
                .evaluate(MEASURE, false)
                .expect("runs")
                .value
                .expect("returns");
            let m: serde_json::Value = serde_json::from_str(value.as_str().unwrap()).unwrap();
            let fold = m["height"].as_f64().unwrap();
            let verdict = m["verdict"].as_array().unwrap();
            assert!(!verdict.is_empty(), "{client}: no verdict");
            for (i, v) in verdict.iter().enumerate() {
                if v.as_f64().unwrap() > fold {
                    failures.push(format!(
                        "{client} at {width}: sentence {} of the verdict is below the fold",
                        i + 1
                    ));
                }
            }
            let decisions = m["decisions"].as_array().unwrap();
            for d in decisions {
                if d["bottom"].as_f64().unwrap() > fold {
                    failures.push(format!(
                        "{client} at {width}: the decision \"{}\" is below the fold",
                        d["text"]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_renewals_due_lead_the_decisions_and_no_more_than_three_are_listed() {
    let fx = Fixture::sample();
    assert_eq!(fx.build().code, 0);
    let html = std::fs::read_to_string(fx.out().join("kestrel-coffee/index.html")).unwrap();
    let answer = &html[html.find("id=\"answer\"").unwrap()..];
    let answer = &answer[..answer.find("</section>").unwrap()];
    // Jess Caldwell's contract ends 10 days after the report date: first.
    let first = answer
        .find("decisions")
        .and_then(|at| answer[at..].find("<li>").map(|i| at + i))
        .unwrap();
    assert!(
        answer[first..].starts_with("<li><a href=\"partnerships/jess-caldwell/"),
        "{}",
        &answer[first..first + 80]
    );
    assert!(answer.matches("<li><a href=\"partnerships/").count() <= 3);
    assert!(answer.contains("Retainers are compounding"));
    assert!(answer.contains("ROI to date is 89.4%, above the 50.0% target."));
    assert!(answer.contains("74.7% of the 2026 budget spent"));
    // Four headline figures, each with a trend line.
    assert_eq!(answer.matches("<svg class=\"spark\"").count(), 4);
}

/// The tables that scroll sideways inside their panel.
const WIDE: &str = r#"JSON.stringify([...document.querySelectorAll('.table-scroll')]
  .filter(s => s.getClientRects().length > 0 && s.scrollWidth > s.clientWidth + 1)
  .map(s => ((s.querySelector('caption') || {}).textContent || s.getAttribute('aria-label') || 'a table').trim().slice(0, 50)
    + ` (${s.scrollWidth - s.clientWidth} px)`))"#;

#[test]
fn no_table_of_any_page_scrolls_sideways_at_1280_px() {
    let Some(chrome) = chromium() else { return };
    let fx = Fixture::sample();
    assert_eq!(fx.build().code, 0);
    let site = fx.out().canonicalize().unwrap();
    let browser = launch(&chrome, 1280, 800);
    let tab = browser.new_tab().expect("a tab");
    let mut wide = Vec::new();
    for entry in walkdir::WalkDir::new(&site) {
        let page = entry.unwrap().into_path();
        if page.extension().is_none_or(|e| e != "html") {
            continue;
        }
        tab.navigate_to(&format!("file://{}", page.display()))
            .expect("navigates")
            .wait_until_navigated()
            .expect("loads");
        let value = tab
            .evaluate(WIDE, false)
            .expect("runs")
            .value
            .expect("returns");
        let tables: Vec<String> = serde_json::from_str(value.as_str().unwrap()).unwrap();
        let rel = page.strip_prefix(&site).unwrap().display().to_string();
        wide.extend(tables.into_iter().map(|t| format!("{rel}: {t}")));
    }
    assert!(
        wide.is_empty(),
        "{} tables scroll sideways:\n{}",
        wide.len(),
        wide.join("\n")
    );
}

/// Where a monthly report's lead, figures and decisions end, and where the
/// month per creator begins.
const MEASURE_MONTH: &str = r#"JSON.stringify({
  height: window.innerHeight,
  lead: [...document.querySelectorAll('#summary .verdict, #summary .cards.headline')].map(e => e.getBoundingClientRect().bottom),
  decisions: [...document.querySelectorAll('#summary .decisions li')].map(e => e.getBoundingClientRect().bottom),
  creators: document.querySelector('#creators-section h2').getBoundingClientRect().top
})"#;

#[test]
fn each_latest_monthly_report_opens_with_its_month_its_figures_and_the_decisions() {
    let Some(chrome) = chromium() else { return };
    let fx = Fixture::sample();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = fx.out().canonicalize().unwrap();
    let mut failures = Vec::new();
    let browser = launch(&chrome, 1280, 800);
    let tab = browser.new_tab().expect("a tab");
    for client in ["kestrel-coffee", "polyn"] {
        let page = site.join(client).join("reports/2026-10/index.html");
        tab.navigate_to(&format!("file://{}", page.display()))
            .expect("navigates")
            .wait_until_navigated()
            .expect("loads");
        let value = tab.evaluate(MEASURE_MONTH, false).expect("runs").value;
        let m: serde_json::Value =
            serde_json::from_str(value.expect("returns").as_str().unwrap()).unwrap();
        let fold = m["height"].as_f64().unwrap();
        let lead = m["lead"].as_array().unwrap();
        let decisions = m["decisions"].as_array().unwrap();
        assert!(lead.len() >= 3, "{client}: {m}");
        assert!(!decisions.is_empty(), "{client}: no decisions listed");
        for (what, bottom) in (lead.iter().map(|b| ("the lead", b)))
            .chain(decisions.iter().map(|b| ("a decision", b)))
        {
            if bottom.as_f64().unwrap() > fold {
                failures.push(format!("{client}: {what} is below the fold"));
            }
        }
        // The month per creator is begun on the first screen.
        if m["creators"].as_f64().unwrap() > fold {
            failures.push(format!("{client}: the month per creator is not begun: {m}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
