//! The walk: archive, a late post, check, build, refuse, force; and the archive file's bytes.

use super::*;

// ------------------------------------------------------------- the issue

#[test]
fn a_late_post_restates_the_month_sent_until_it_is_archived_again() {
    let fx = Fixture::sample();
    let run = archive(&fx, &["2026-09"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in [KESTREL_09, POLYN_09] {
        assert!(fx.root.join(file).is_file(), "{file}");
        assert!(run.stderr.contains(file), "{}", run.stderr);
    }
    let first = fs::read(fx.root.join(KESTREL_09)).unwrap();
    let sent = String::from_utf8(first.clone()).unwrap();

    // Nothing changed yet: a report that was right stays quiet.
    let (run, history) = history_checked(&fx);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(history.is_empty(), "{history:#?}");

    fx.append(POSTS_09, LATE_POST);
    let (run, history) = history_checked(&fx);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(history.len(), 1, "{history:#?}");
    let warning = &history[0];
    assert_eq!(warning.severity, "warning");
    assert_eq!(warning.kind, "history.restated");
    assert_eq!(warning.file.as_deref(), Some(KESTREL_09));
    assert!(
        warning
            .message
            .starts_with("2026-09 is restated since it was archived as of 2026-10-31: "),
        "{}",
        warning.message
    );
    assert!(
        warning
            .help
            .as_deref()
            .is_some_and(|h| h.contains("roster archive 2026-09 --force")),
        "{warning:?}"
    );
    // The first figure of the month's row, the others counted: nine of
    // the row (its engagement rate is the same at 4 decimals) and ten of
    // Denis's.
    assert_eq!(
        warning.message,
        "2026-09 is restated since it was archived as of 2026-10-31: revenue $31,717.24 -> $32,282.24 and 18 more"
    );
    // The terminal says it too, at the file, and GitHub on the file.
    let human = roster(&fx, &["check", "."]);
    assert_eq!(human.code, 0, "{}", human.stderr);
    assert!(
        human.stderr.contains(&format!(
            "warning: {}\n  --> {KESTREL_09}\n",
            warning.message
        )),
        "{}",
        human.stderr
    );
    let github = roster(&fx, &["check", ".", "--format", "github"]);
    assert_eq!(github.code, 0, "{}", github.stderr);
    let annotations: Vec<&str> = github
        .stdout
        .lines()
        .filter(|l| l.contains("history."))
        .collect();
    assert_eq!(annotations.len(), 1, "{}", github.stdout);
    assert!(
        annotations[0].starts_with(&format!(
            "::warning file={KESTREL_09},title=roster%3A history.restated::2026-09 is restated"
        )),
        "{}",
        annotations[0]
    );

    let items = restatements(&fx, KESTREL);
    assert!(restatements_of(&fx, POLYN).is_empty());
    assert!(
        items.iter().all(|r| r["month"] == "2026-09"),
        "only September: {items:#?}"
    );
    let moved = dec("50000") * dec(RUB_USD_09);
    let revenue_sent = row_figure(&sent, "revenue");
    let revenue = element(&items, None, "revenue");
    close(&revenue["sent"], revenue_sent, "revenue sent");
    close(&revenue["now"], revenue_sent + moved, "revenue now");
    only(&revenue["because"], &["partnerships"]);
    let denis = &revenue["because"]["partnerships"];
    assert_eq!(denis.as_array().unwrap().len(), 1, "{denis:#}");
    assert_eq!(denis[0]["id"], "denis-kuznetsov");
    let denis_sent = partnership_figure(&sent, "denis-kuznetsov", "revenue");
    close(&denis[0]["sent"], denis_sent, "denis sent");
    close(&denis[0]["now"], denis_sent + moved, "denis now");
    // Its counts move by the post's; the cost does not move.
    let conversions = element(&items, None, "conversions");
    let conversions_sent = row_figure(&sent, "conversions");
    close(&conversions["sent"], conversions_sent, "conversions sent");
    close(
        &conversions["now"],
        conversions_sent + dec("20"),
        "conversions now",
    );
    let posts = element(&items, None, "sponsored_posts");
    close(
        &posts["now"],
        row_figure(&sent, "sponsored_posts") + Decimal::ONE,
        "posts",
    );
    assert!(!has(&items, None, "cost") && !has(&items, None, "organic_posts"));
    // Denis's own month says the same.
    let own = element(&items, Some("denis-kuznetsov"), "revenue");
    close(&own["sent"], denis_sent, "denis's own revenue sent");
    close(&own["now"], denis_sent + moved, "denis's own revenue now");
    assert!(
        items
            .iter()
            .filter_map(|r| r["partnership"].as_str())
            .all(|p| p == "denis-kuznetsov"),
        "{:?}",
        figures(&items)
    );

    // Archiving again is refused, and changes nothing.
    let before = archives(&fx);
    let run = archive(&fx, &["2026-09"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("already archived"), "{}", run.stderr);
    assert!(run.stderr.contains(KESTREL_09), "{}", run.stderr);
    assert_eq!(archives(&fx), before);

    // --force accepts it: the earlier record kept beside it.
    let run = archive(&fx, &["2026-09", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let kept = fx.root.join(ARCHIVE).join("2026-09.1.json");
    assert_eq!(fs::read(&kept).unwrap(), first, "the first record, kept");
    let second = fs::read(fx.root.join(KESTREL_09)).unwrap();
    assert_ne!(second, first);
    assert_eq!(
        row_figure(&String::from_utf8(second.clone()).unwrap(), "revenue"),
        revenue_sent + moved
    );
    let (run, history) = history_checked(&fx);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(history.is_empty(), "{history:#?}");
    assert!(restatements(&fx, KESTREL).is_empty());

    // A second restatement, accepted again: the next number.
    fx.append(
        POSTS_09,
        "late-post-2,denis-kuznetsov,2026-09-29,sponsored,10000,8000,500,100,20,10000,RUB,\n",
    );
    let run = archive(&fx, &["2026-09", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        fs::read(&kept).unwrap(),
        first,
        "the first record, untouched"
    );
    let kept2 = fx.root.join(ARCHIVE).join("2026-09.2.json");
    assert_eq!(fs::read(&kept2).unwrap(), second, "the second record, kept");
    let (run, history) = history_checked(&fx);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(history.is_empty(), "{history:#?}");
}

#[test]
fn forcing_an_archive_that_has_not_changed_writes_nothing() {
    let fx = archived();
    let before = archives(&fx);
    let run = archive(&fx, &["2026-09", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("already archived as it is"),
        "{}",
        run.stderr
    );
    assert_eq!(
        archives(&fx),
        before,
        "no <MONTH>.<n>.json for the same bytes"
    );
}

// ------------------------------------------------------------- the file

#[test]
fn the_same_portfolio_archives_to_the_same_bytes() {
    let (a, b) = (archived(), archived());
    for file in [KESTREL_09, POLYN_09] {
        let (x, y) = (
            fs::read(a.root.join(file)).unwrap(),
            fs::read(b.root.join(file)).unwrap(),
        );
        assert_eq!(x, y, "{file}");
    }
    let text = kestrel_09(&a);
    assert!(text.starts_with("{\n  \"format\": 1,\n"), "{text}");
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"), "{text}");
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], 1);
    assert_eq!(file["roster"], env!("CARGO_PKG_VERSION"));
    assert_eq!(file["client"], KESTREL);
    assert_eq!(file["month"], "2026-09");
    assert_eq!(file["as_of"], "2026-10-31");
    assert_eq!(file["settings"]["currency"], "USD");
    assert_eq!(file["settings"]["engagement_denominator"], "reach");
    assert_eq!(file["month_row"]["month"], "2026-09");
    // Every partnership with a cost or a post in September, ids ascending.
    let ids: Vec<&str> = (file["partnerships"].as_array().unwrap().iter())
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "alina-zhukova",
            "denis-kuznetsov",
            "jess-caldwell",
            "marina-orlova",
            "tyler-brooks"
        ]
    );
    let denis = &file["partnerships"][1];
    assert_eq!(denis["creator"], "Денис Кузнецов");
    assert_eq!(denis["name_en"], "Denis Kuznetsov");
    // Only RUB was converted, at September's rate, written exactly.
    let fx_text = raw(&text, "fx");
    let rub = raw_where(&fx_text, "from", "RUB");
    assert_eq!(raw(&rub, "to"), "\"USD\"");
    assert_eq!(raw(&rub, "rate"), RUB_USD_09);
    assert_eq!(file["fx"].as_array().unwrap().len(), 1);

    // The money is the month's of data.json.
    build(&a, 0);
    let data = a.data(KESTREL);
    let month = (data["months"].as_array().unwrap().iter())
        .find(|m| m["month"] == "2026-09")
        .unwrap();
    for figure in ["cost", "revenue", "cpa", "cost_per_thousand_reached"] {
        close(&month[figure], row_figure(&text, figure), figure);
    }
    for figure in [
        "conversions",
        "reach",
        "engagements",
        "sponsored_posts",
        "organic_posts",
    ] {
        assert_eq!(month[figure], file["month_row"][figure], "{figure}");
    }
    for figure in ["roi", "roas", "engagement_rate"] {
        let (x, y) = (month[figure].as_f64(), file["month_row"][figure].as_f64());
        assert!(
            x.zip(y).is_some_and(|(x, y)| (x - y).abs() < 1e-9),
            "{figure}: {x:?} {y:?}"
        );
    }
    // The month's revenue is its posts': RUB at September's rate, USD as is.
    let rub: Decimal = [
        "352967.48",
        "828567.56",
        "85001.18",
        "186154.36",
        "378749.03",
    ]
    .iter()
    .map(|d| dec(d))
    .sum();
    let usd: Decimal = ["4691.44", "1245.42", "5085.11"]
        .iter()
        .map(|d| dec(d))
        .sum();
    assert_eq!(row_figure(&text, "revenue"), rub * dec(RUB_USD_09) + usd);
    // The sums of the partnerships are the month's.
    for figure in ["cost", "revenue", "conversions", "reach", "engagements"] {
        let sum: Decimal = ids
            .iter()
            .map(|id| partnership_figure(&text, id, figure))
            .sum();
        assert_eq!(sum, row_figure(&text, figure), "{figure}");
    }
    // A month archived and unchanged restates nothing.
    assert!(restatements_of(&a, KESTREL).is_empty());
    assert!(restatements_of(&a, POLYN).is_empty());
}
