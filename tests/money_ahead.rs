//! Money ahead on the pages, on the worked example: it has budgets over and
//! under, an umbrella agreement, renewals at 0 and 90 days and partnerships
//! signed to start later, in both languages. The commitments page's
//! headline, budgets, renewal calendar and committed table, their CSV
//! files, each partnership's payback and the overview's brief.

use crate::common::Fixture;

fn built_worked() -> Fixture {
    let fx = Fixture::new("worked");
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    fx
}

fn read(fx: &Fixture, rel: &str) -> String {
    std::fs::read_to_string(fx.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_commitments_page_answers_what_the_annual_investment_is() {
    let fx = built_worked();
    let en = read(&fx, "rowan-kids/commitments/index.html");
    for (label, figure) in [
        ("Trailing 12 months", "$76,752.79"),
        ("Annual run-rate", "$222,452.40"),
        ("Committed", "$46,891.99"),
        ("Open-ended", "$2,000.00"),
    ] {
        let card = format!(
            "<span class=\"card-label\">{label}</span> <span class=\"card-value\">{figure}</span>"
        );
        assert!(en.contains(&card), "{card}");
    }
    assert!(en.contains("12 × $18,537.70 per month") && en.contains("until November 2027"));
    // A bar per budget, the time elapsed marked on each; the year's is over.
    assert_eq!(en.matches("<div class=\"pace\" role=\"img\"").count(), 3);
    assert_eq!(
        en.matches("<span class=\"pace-elapsed\" style=\"left: ")
            .count(),
        3
    );
    assert!(en.contains("over by $6,503.87") && en.contains("$774.83 left"));
    // The renewal calendar: the umbrella agreement's three creators together.
    assert!(
        en.contains("<span>Umbrella agreement UA-2026-01 · 3 creators · $12,285.50 a month</span>")
    );
    assert!(en.contains("<span>Individual contract IC-2026-04 · 1 creator"));
    assert!(
        en.contains("Review: anything else."),
        "the rule behind the advice"
    );
    assert!(en.contains("<span class=\"mark\">signed, starts 8\u{a0}Nov\u{a0}2026</span>"));
    let renewals = fx.csv("rowan-kids/commitments/renewals.csv");
    assert_eq!(
        renewals.lines().count(),
        5,
        "a header and four renewals: {renewals}"
    );
    assert!(
        renewals.contains("Zoe Parker,umbrella · UA-2026-01,20\u{a0}Jan\u{a0}2027,90,3750.00,")
    );
    let budgets = fx.csv("rowan-kids/commitments/budgets.csv");
    assert!(budgets.contains("2026,96400.00,76752.79,21570.43,102903.87,-6503.87,80.82%,79.62%"));
    let committed = fx.csv("rowan-kids/commitments/committed.csv");
    assert!(
        committed.contains("Полина Попова (signed, starts 8\u{a0}Nov\u{a0}2026)\",Russia,Retainer")
    );
    let ru = read(&fx, "iris-cosmetics/commitments/index.html");
    for want in [
        "Годовые вложения",
        "19\u{a0}647\u{a0}184,99\u{a0}₽",
        "перерасход 72\u{a0}288,54\u{a0}₽",
        "<span>Рамочный договор UA-2026-01 · авторов: 2",
        "4-й квартал 2026",
        "до мая 2027",
    ] {
        assert!(ru.contains(want), "{want}");
    }
    assert!(!ru.contains("over by") && !ru.contains("Committed"));
}

#[test]
fn partnership_pages_show_payback_and_the_overview_the_money_ahead() {
    let fx = built_worked();
    let card = |rel: &str, label: &str| {
        let html = read(&fx, rel);
        let at = html
            .find(&format!("<span class=\"card-label\">{label}</span>"))
            .unwrap_or_else(|| panic!("{rel}: no {label}"));
        let rest = &html[at..];
        rest[..rest.find("</li>").unwrap()].to_string()
    };
    let paid = card(
        "rowan-kids/partnerships/darya-zaytseva/index.html",
        "Payback",
    );
    assert!(paid.contains(">day 45<") && paid.contains("month 2 · 16\u{a0}Jul\u{a0}2026"));
    let behind = card(
        "rowan-kids/partnerships/sergey-novikov/index.html",
        "Payback",
    );
    assert!(behind.contains(">not yet<") && behind.contains("$4,668.31 to go"));
    let committed = card("rowan-kids/partnerships/zoe-parker/index.html", "Committed");
    assert!(committed.contains("$11,871.46") && committed.contains("until 20 January 2027"));
    let open = card(
        "rowan-kids/partnerships/artyom-smirnov/index.html",
        "Committed",
    );
    assert!(open.contains("$0.00") && open.contains("open-ended: in the run-rate"));
    let page = read(&fx, "rowan-kids/partnerships/yulia-petrova/index.html");
    assert!(page.contains("<dt>Promo codes</dt><dd>YULIA25, YULIA-RU</dd>"));
    assert!(page.contains("<dt>Contract</dt><dd>umbrella · UA-2026-01</dd>"));
    let ru = card(
        "iris-cosmetics/partnerships/ekaterina-volkova/index.html",
        "Окупаемость",
    );
    assert!(ru.contains(">день 17<") && ru.contains("1-й месяц"));
    let overview = read(&fx, "rowan-kids/index.html");
    assert!(overview.contains("<td class=\"num\">n/a</td><td class=\"num\">3 / 5</td>"));
    assert!(overview.contains("$222,452.40"));
    // Due within 30 days: ending on the report date and in 3 days, not in 31.
    let due = overview.split("<ul class=\"due-list\">").nth(1).unwrap();
    let due = due.split("</ul>").next().unwrap();
    assert_eq!(due.matches("<li>").count(), 2, "{due}");
    assert!(due.contains("Сергей Новиков") && !due.contains("Юлия Петрова"));
}

/// The rows of the forward chart's data table, each as its cells' text.
fn cost_by_month_rows(html: &str) -> Vec<Vec<String>> {
    let at = html
        .find("id=\"cost-by-month\"")
        .expect("the forward chart");
    let table = &html[at..];
    let table = &table[table.find("<table").expect("its data")..];
    let table = &table[..table.find("</table>").expect("closed")];
    table.split("<tr").skip(1).map(cells).collect()
}

/// The text of each `<th>`/`<td>` of one row.
fn cells(row: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = row;
    while let Some(open) = rest.find("<t") {
        let after = &rest[open + 2..];
        if !(after.starts_with('d') || after.starts_with('h')) {
            rest = after;
            continue;
        }
        let body = &after[after.find('>').map_or(0, |i| i + 1)..];
        let end = body.find("</t").unwrap_or(body.len());
        let mut text = String::new();
        let mut in_tag = false;
        for c in body[..end].chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        out.push(text);
        rest = &body[end..];
    }
    out
}

#[test]
fn the_forward_chart_goes_on_with_the_open_ended_retainers_for_twelve_months() {
    let fx = built_worked();
    let en = read(&fx, "rowan-kids/commitments/index.html");
    let rows = cost_by_month_rows(&en);
    let head = &rows[0];
    let col = |name: &str| head.iter().position(|h| h == name).expect(name);
    let (month, continuing, total) = (col("Month"), col("Continuing"), col("Total"));
    // The report date is in October 2026; each of the twelve months after
    // it goes on at the open-ended retainers' $2,000.00 a month, and none
    // falls below it, though the committed retainers end in January.
    let ahead: Vec<&Vec<String>> = (rows.iter())
        .skip_while(|r| r[month] != "November 2026")
        .take(12)
        .collect();
    assert_eq!(ahead.len(), 12, "{rows:?}");
    assert_eq!(ahead[11][month], "October 2027");
    for r in &ahead {
        assert_eq!(r[continuing], "$2,000.00", "{r:?}");
        let money = |s: &str| s.replace(['$', ','], "").parse::<f64>().unwrap();
        assert!(money(&r[total]) >= 2000.0, "{r:?}");
    }
    assert!(en.contains("Continuing, not committed (faint)"));
    assert!(en.contains("open-ended retainers go on at $2,000.00 a month, not committed"));
    let ru = read(&fx, "iris-cosmetics/commitments/index.html");
    assert!(ru.contains("Продолжается") && !ru.contains("Continuing"));
}
