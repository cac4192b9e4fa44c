//! A monthly report's executive summary and its month per creator (issue
//! 16): the summary first, in the client's language, written only from
//! figures that exist; the creators' rows adding up to the month's totals.

use crate::common::Fixture;

fn built(fx: &Fixture) {
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn page(fx: &Fixture, client: &str, month: &str) -> String {
    let rel = format!("{client}/reports/{month}/index.html");
    std::fs::read_to_string(fx.out().join(&rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The month in words as text, or "" when the page has none: the lead
/// sentences that open the report, then what the creators did, under the
/// month per creator.
fn summary(html: &str) -> String {
    let text = |p: &str| {
        p.replace("&#x27;", "'")
            .replace("&amp;", "&")
            .replace('\u{a0}', " ")
    };
    let Some(at) = html.find("id=\"summary\"") else {
        return String::new();
    };
    let end = at + html[at..].find("</section>").unwrap();
    let mut out: Vec<String> = html[at..end]
        .split("<p class=\"verdict\">")
        .skip(1)
        .map(|p| text(&p[..p.find("</p>").unwrap()]))
        .collect();
    if let Some(c) = html.find("id=\"creators-section\"") {
        let end = c + html[c..].find("</section>").unwrap();
        if let Some(p) = html[c..end].find("<p class=\"claim\">") {
            let from = c + p + "<p class=\"claim\">".len();
            out.push(text(&html[from..from + html[from..].find("</p>").unwrap()]));
        }
    }
    out.join(" ")
}

/// A CSV file of the site, as its page's link gives it, without its
/// byte-order mark, split by `sep`.
fn csv(fx: &Fixture, rel: &str, sep: char) -> Vec<Vec<String>> {
    let text = fx.csv(rel);
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(sep).map(str::to_string).collect())
        .collect()
}

fn number(cell: &str) -> f64 {
    cell.replace(',', ".")
        .trim_end_matches('%')
        .parse()
        .unwrap()
}

#[test]
fn a_monthly_report_opens_with_a_summary_of_its_figures_in_its_language() {
    let fx = Fixture::sample();
    built(&fx);
    let oct = page(&fx, "kestrel-coffee", "2026-10");
    let at = oct.find("id=\"summary\"").expect("a summary");
    assert!(
        at < oct.find("class=\"cards headline\"").unwrap(),
        "above the cards"
    );
    // The decisions due follow the figures, as the overview lists them.
    let decisions = oct.find("class=\"due-list decisions\"").expect("decisions");
    assert!(oct.find("class=\"cards headline\"").unwrap() < decisions);
    assert!(decisions < oct.find("id=\"creators-section\"").unwrap());
    assert_eq!(
        summary(&oct),
        "In October 2026 spend was $12,327.00 and revenue $25,758.12; against September 2026, \
         spend fell by $2,142.35 (14.8%) and revenue fell by $5,959.11 (18.8%). \
         ROI was 109.0%, above the 50.0% target; CPA was $14.87, below the $25.00 target. \
         Creators published 9 sponsored posts and 2 organic mentions. \
         Of the 4 partnerships with a cost this month, Jess Caldwell did best: ROI 194.1% on $3,500.00 of cost."
    );
    // The renewal due is the first decision, with its days left.
    assert!(oct.contains(
        "<li><a href=\"../../partnerships/jess-caldwell/index.html#advice\">Jess Caldwell</a> <span class=\"badge extend\">Extend</span>"
    ));
    // An older report describes its own month: the decisions due are the
    // report date's, so it lists none.
    let sep_page = page(&fx, "kestrel-coffee", "2026-09");
    let sep = summary(&sep_page);
    assert!(
        sep.starts_with("In September 2026 spend was $14,469.35"),
        "{sep}"
    );
    assert!(!sep_page.contains("class=\"due-list decisions\""));
    let ru = summary(&page(&fx, "polyn", "2026-10"));
    assert!(
        ru.starts_with("В октябре 2026 затраты составили 890 000,00 ₽"),
        "{ru}"
    );
    assert!(
        ru.ends_with("— Вера Соколова: 139,2 % при затратах 350 000,00 ₽."),
        "{ru}"
    );
}

#[test]
fn a_month_not_over_says_so_and_is_compared_with_the_same_days_before() {
    let fx = Fixture::sample();
    let out = fx.out();
    let run = fx.roster(&[
        "build",
        ".",
        "--as-of",
        "2026-05-16",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let may = page(&fx, "kestrel-coffee", "2026-05");
    // May to the 16th against April to the 16th: $1,693.13 of April's cost
    // was booked by then (all of April: $4,681.66).
    assert!(
        summary(&may).starts_with(
            "May 2026 is not over: to 16 May spend was $6,776.54 and revenue $4,230.20; \
             against 1–16 April 2026, spend rose by $5,083.41 (300.2%)"
        ),
        "{}",
        summary(&may)
    );
    assert!(may.contains("vs 1–16 April</span>"), "the cards' change");
    let table = csv(&fx, "kestrel-coffee/reports/2026-05/month.csv", ',');
    assert_eq!(table[0][1..3], ["1–16 May 2026", "1–16 April 2026"]);
    assert_eq!(table[1][1..3], ["6776.54", "1693.13"]);
    let ru = summary(&page(&fx, "polyn", "2026-05"));
    assert!(
        ru.starts_with("Май 2026 ещё не закончился: по 16 мая затраты составили"),
        "{ru}"
    );
    assert!(ru.contains("по сравнению с 1–16 апреля 2026"), "{ru}");
    // A month that is over is compared whole, as before.
    let april = summary(&page(&fx, "kestrel-coffee", "2026-04"));
    assert!(april.contains("against March 2026"), "{april}");
}

#[test]
fn a_summary_never_writes_an_undefined_figure_as_a_number() {
    let fx = Fixture::sample();
    built(&fx);
    // March 2026 of Kestrel: an extra cost and no posts, so no conversions
    // and no CPA; the first month, so nothing to compare with.
    let march = summary(&page(&fx, "kestrel-coffee", "2026-03"));
    assert!(
        march.starts_with("In March 2026, the first month of the report, spend was $220.15"),
        "{march}"
    );
    assert!(
        march.contains("there is no CPA, as there were no conversions"),
        "{march}"
    );
    assert!(march.contains("No posts were published."), "{march}");
    for text in [&march, &summary(&page(&fx, "polyn", "2026-04"))] {
        assert!(!text.contains("n/a") && !text.contains("н/д"), "{text}");
    }
    let april = summary(&page(&fx, "polyn", "2026-04"));
    assert!(
        april.starts_with("В апреле 2026, первом месяце отчёта,"),
        "{april}"
    );
}

#[test]
fn a_client_without_targets_is_told_its_roi_and_cpa_plainly() {
    let fx = Fixture::sample();
    let yaml = "clients/kestrel-coffee/client.yaml";
    let text = std::fs::read_to_string(fx.root.join(yaml)).unwrap();
    let without = text
        .replace("targets:\n", "")
        .replace("  roi: 0.5", "")
        .replace("  cpa: 25", "");
    fx.write(yaml, &without);
    built(&fx);
    let oct = summary(&page(&fx, "kestrel-coffee", "2026-10"));
    assert!(oct.contains(" ROI was 109.0%; CPA was $14.87. "), "{oct}");
    assert!(!oct.contains("target"), "{oct}");
}

#[test]
fn the_month_per_creator_adds_up_to_the_months_totals() {
    let fx = Fixture::sample();
    built(&fx);
    for (client, sep) in [("kestrel-coffee", ','), ("polyn", ';')] {
        let reports = fx.out().join(client).join("reports");
        for entry in std::fs::read_dir(&reports).unwrap() {
            let dir = entry.unwrap().path();
            let rel = dir.strip_prefix(fx.out()).unwrap().to_str().unwrap();
            let rows = csv(&fx, &format!("{rel}/creators.csv"), sep);
            let month = csv(&fx, &format!("{rel}/month.csv"), sep);
            // Cost, revenue and conversions: columns 2, 3 and 4 of the
            // creators; rows 0, 1 and 4 of the month's figures. The last
            // row of the creators is their total: the month's figure.
            let (total_row, rows) = rows.split_last().unwrap();
            for (col, row) in [(2, 0), (3, 1), (4, 4)] {
                let sum: f64 = rows[1..].iter().map(|r| number(&r[col])).sum();
                let total = number(&month[row + 1][1]);
                assert_eq!(number(&total_row[col]), total, "{}", dir.display());
                // Each row is rounded to the cent on its own.
                let slack = 0.005 * (rows.len() - 1) as f64 + 1e-9;
                assert!(
                    (sum - total).abs() <= slack,
                    "{}: {} sums to {sum}, the month has {total}",
                    dir.display(),
                    rows[0][col]
                );
            }
        }
    }
}

/// The top posts of a ranking (`By revenue`, `By engagement rate`) on a
/// monthly report: each (creator, figure, thumbnail src or "").
fn top(html: &str, title: &str) -> Vec<(String, String, String)> {
    let at = html.find(&format!("<h3>{title}</h3>")).expect(title);
    let list = &html[at..at + html[at..].find("</ol>").unwrap()];
    list.split("<li>")
        .skip(1)
        .map(|li| {
            let between = |a: &str, b: &str| {
                li.find(a).map_or(String::new(), |i| {
                    let from = i + a.len();
                    li[from..from + li[from..].find(b).unwrap()].to_string()
                })
            };
            let creator = between("index.html\">", "</a>");
            let figure = between("<span class=\"top-figure\">", "</span>");
            let thumb = between("<img class=\"thumb\" src=\"", "\"");
            (creator, figure.replace('\u{a0}', " "), thumb)
        })
        .collect()
}

#[test]
fn a_monthly_report_lists_its_top_posts_with_the_portfolios_thumbnails() {
    let fx = Fixture::sample();
    // A thumbnail whose name differs from its post id in case only is not
    // that post's; a JPEG is read as well as a PNG.
    let posts = fx.root.join("clients/kestrel-coffee/assets/posts");
    let png = std::fs::read(posts.join("DRCqPotNpTI.png")).unwrap();
    std::fs::write(posts.join("drcqpotnpti.png"), &png).unwrap();
    std::fs::rename(
        posts.join("7951007207630602116.png"),
        posts.join("7951007207630602116.jpg"),
    )
    .unwrap();
    // A broken picture is still linked from the page, and left out of the
    // PDF, which is made all the same.
    std::fs::write(
        posts.join("7888847947461745793.png"),
        b"\x89PNG\r\n\x1a\nbroken",
    )
    .unwrap();
    built(&fx);
    assert!(
        fx.out()
            .join("kestrel-coffee/reports/2026-10/report.pdf")
            .is_file()
    );
    let oct = page(&fx, "kestrel-coffee", "2026-10");
    // By revenue, from the month's posts (hand-checked against its CSV):
    // Jess Caldwell's 21 October TikTok, her 7 October one, then Marina
    // Orlova's 21 October Instagram post.
    let thumb = |id: &str| format!("../../assets/posts/{id}");
    assert_eq!(
        top(&oct, "By revenue"),
        [
            (
                "Jess Caldwell".into(),
                "$4,873.42".into(),
                thumb("7951007207630602116.jpg")
            ),
            (
                "Jess Caldwell".into(),
                "$4,367.20".into(),
                thumb("7888847947461745793.png")
            ),
            (
                "Marina Orlova".into(),
                "$4,231.11".into(),
                thumb("D2TwSAumhVK.png")
            ),
        ]
    );
    // By engagement rate, organic mentions included; the organic post
    // CG58l-aKDZD has no thumbnail, so none is shown.
    let by_rate = top(&oct, "By engagement rate");
    assert_eq!(
        by_rate
            .iter()
            .map(|(c, f, _)| format!("{c} {f}"))
            .collect::<Vec<_>>(),
        [
            "Jess Caldwell 8.9%",
            "Jess Caldwell 8.0%",
            "Marina Orlova 7.9%"
        ]
    );
    assert_eq!(by_rate[2].2, "");
    // Every thumbnail shown is in the site.
    let site = fx.out().join("kestrel-coffee/reports/2026-10");
    for (_, _, src) in top(&oct, "By revenue") {
        assert!(site.join(&src).is_file(), "{src}");
    }
    // The lower-case copy is published as an asset but shown for no post.
    assert!(!oct.contains("drcqpotnpti"));
    // Polyn has no thumbnails: its lists show none.
    let polyn = page(&fx, "polyn", "2026-10");
    assert!(polyn.contains("<h3>По выручке</h3>") && !polyn.contains("class=\"thumb\""));
}

#[test]
fn the_report_date_s_month_shows_the_budget_and_the_decisions_and_an_older_month_neither() {
    let fx = Fixture::sample();
    built(&fx);
    let oct = page(&fx, "polyn", "2026-10");
    assert!(oct.contains(
        "<p class=\"budget-status bad\">Потрачено 81,3\u{a0}% бюджета на 2026; к концу периода — перерасход 379\u{a0}345\u{a0}₽</p>"
    ));
    assert!(oct.contains("<h2 class=\"decisions-head\">Что нужно решить</h2>"));
    // The four figures: spend, revenue, ROI and CPA, ROI and CPA with
    // their targets.
    let cards: Vec<&str> = oct
        .split("<span class=\"card-label\">")
        .skip(1)
        .map(|c| &c[..c.find('<').unwrap()])
        .collect();
    assert_eq!(cards, ["Затраты", "Выручка", "ROI", "CPA"]);
    assert!(oct.contains("к прошлому месяцу · цель 40,0\u{a0}%"));
    let sep = page(&fx, "polyn", "2026-09");
    assert!(!sep.contains("budget-status") && !sep.contains("decisions-head"));
}
