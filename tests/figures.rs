//! data.json end to end: the worked example against its expected figures,
//! the sample portfolio as a snapshot, and the command-line overrides.

use crate::common::{Fixture, assert_json_close, fixtures};

#[test]
fn worked_example_matches_the_expected_data_json() {
    let fx = Fixture::new("worked");
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    for client in ["iris-cosmetics", "rowan-kids"] {
        let text = std::fs::read_to_string(
            fixtures()
                .join("worked-expected")
                .join(client)
                .join("data.json"),
        )
        .unwrap();
        let want: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(fx.data(client)["schema"], 3);
        assert_json_close(&want, &fx.data(client), client);
    }
}

#[test]
fn sample_data_json_snapshot() {
    let fx = Fixture::sample();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    for client in ["kestrel-coffee", "polyn"] {
        let text = std::fs::read_to_string(fx.out().join(client).join("data.json")).unwrap();
        insta::assert_snapshot!(format!("sample_{client}_data_json"), text);
    }
}

#[test]
fn every_required_key_is_present() {
    let fx = Fixture::sample();
    assert_eq!(fx.build().code, 0);
    let d = fx.data("kestrel-coffee");
    let top = [
        "schema",
        "client",
        "as_of",
        "portfolio",
        "markets",
        "models",
        "engagement_by_post_number",
        "engagement_decay",
        "conversion_window",
        "partnerships",
        "months",
        "tenure",
        "compounding",
    ];
    for k in top {
        assert!(d.get(k).is_some(), "missing {k}");
    }
    assert_eq!(d["schema"], 3);
    let tenure = [
        "model",
        "month",
        "n",
        "n_in_progress",
        "cost",
        "revenue",
        "conversions",
        "roi",
        "cpa",
        "cumulative_cost",
        "cumulative_revenue",
        "cumulative_roi",
    ];
    for k in tenure {
        assert!(d["tenure"][0].get(k).is_some(), "tenure.{k}");
    }
    let compounding = [
        "engagement",
        "post_number",
        "n_pairs",
        "paired_lift",
        "lift_low",
        "lift_high",
        "cpa_ratio",
        "repeat_ratio",
    ];
    for k in compounding {
        assert!(d["compounding"].get(k).is_some(), "compounding.{k}");
    }
    let figures = [
        "cost",
        "revenue",
        "roi",
        "roas",
        "conversions",
        "cpa",
        "reach",
        "engagements",
        "engagement_rate",
        "cost_per_thousand_reached",
    ];
    for k in figures.iter().chain(&[
        "creator_roi",
        "sponsored_posts",
        "organic_posts",
        "repeat_purchase_rate",
    ]) {
        assert!(d["portfolio"].get(k).is_some(), "portfolio.{k}");
    }
    for k in figures
        .iter()
        .chain(&["id", "name", "creator_roi", "repeat_purchase_rate"])
    {
        assert!(d["markets"][0].get(k).is_some(), "markets.{k}");
    }
    let partnership = [
        "id",
        "creator",
        "platform",
        "market",
        "model",
        "start",
        "end",
        "sponsored_posts",
        "organic_posts",
        "contracted_posts",
        "fulfilment",
        "month",
        "phase",
        "engagement_trend",
        "repeat_purchase_rate",
        "recommendation",
    ];
    for k in figures.iter().chain(&partnership) {
        assert!(d["partnerships"][0].get(k).is_some(), "partnerships.{k}");
    }
    for k in figures
        .iter()
        .chain(&["month", "sponsored_posts", "organic_posts"])
    {
        assert!(d["months"][0].get(k).is_some(), "months.{k}");
    }
    for k in ["n", "min", "q1", "median", "q3", "max", "best", "worst"] {
        assert!(
            d["portfolio"]["creator_roi"].get(k).is_some(),
            "creator_roi.{k}"
        );
    }
}

#[test]
fn the_same_input_gives_byte_identical_data() {
    let fx = Fixture::new("worked");
    assert_eq!(fx.build().code, 0);
    let first = std::fs::read(fx.out().join("rowan-kids/data.json")).unwrap();
    assert_eq!(fx.build().code, 0);
    assert_eq!(
        first,
        std::fs::read(fx.out().join("rowan-kids/data.json")).unwrap()
    );
}

#[test]
fn as_of_on_the_command_line_overrides_the_default() {
    let fx = Fixture::new("worked");
    let out = fx.out();
    let run = fx.roster(&[
        "build",
        ".",
        "--output",
        out.to_str().unwrap(),
        "--as-of",
        "2026-08-20",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let d = fx.data("rowan-kids");
    assert_eq!(d["as_of"], "2026-08-20");
    // Months run through the month of as_of; artyom-smirnov (start 08-27) is
    // left out of every list (signed, it is in the commitments only).
    assert_eq!(
        d["months"].as_array().unwrap().last().unwrap()["month"],
        "2026-08"
    );
    assert!(
        d["partnerships"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["id"] != "artyom-smirnov")
    );
    assert!(d["portfolio"]["committed"].as_f64().unwrap() > 0.0);
}

#[test]
fn client_option_builds_only_that_client_and_keeps_the_others() {
    let fx = Fixture::new("worked");
    assert_eq!(fx.build().code, 0);
    let out = fx.out();
    let run = fx.roster(&[
        "build",
        ".",
        "--output",
        out.to_str().unwrap(),
        "--client",
        "rowan-kids",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.join("rowan-kids/data.json").is_file());
    assert!(
        out.join("iris-cosmetics/data.json").is_file(),
        "the other client's pages are kept"
    );
    let bad = fx.roster(&[
        "build",
        ".",
        "--output",
        out.to_str().unwrap(),
        "--client",
        "rowan-kid",
    ]);
    assert_eq!(bad.code, 2, "a command-line mistake");
    assert!(
        bad.stderr.contains("did you mean `--client rowan-kids`?"),
        "{}",
        bad.stderr
    );
}

#[test]
fn unpublished_clients_are_skipped() {
    let fx = Fixture::new("worked");
    let path = fx.root.join("clients/rowan-kids/client.yaml");
    let text = std::fs::read_to_string(&path).unwrap() + "publish: false\n";
    std::fs::write(&path, text).unwrap();
    assert_eq!(fx.build().code, 0);
    assert!(!fx.out().join("rowan-kids").exists());
    assert!(fx.out().join("iris-cosmetics/data.json").is_file());
}

#[test]
fn check_writes_nothing() {
    let fx = Fixture::new("worked");
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("no errors"), "{}", run.stderr);
    assert!(!fx.root.join("public").exists());
}

#[test]
fn version_and_help() {
    let fx = Fixture::new("worked");
    let v = fx.roster(&["--version"]);
    assert!(v.stdout.starts_with("roster "), "{}", v.stdout);
    let h = fx.roster(&["build", "--help"]);
    assert!(
        h.stdout.contains("--as-of") && h.stdout.contains("Examples"),
        "{}",
        h.stdout
    );
    assert_eq!(fx.roster(&["build", "--as-of", "2026-13-01"]).code, 2);
}
