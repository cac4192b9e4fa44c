//! Whether the partnerships compound, end to end: portfolios whose
//! retainers' engagement rises, falls or does neither clearly, each
//! giving its verdict in data.json, on the overview and in Russian; and
//! the money by partnership month adding up to the partnerships' own.

use crate::common::Fixture;

/// Six retainers from 5 January, four monthly posts each, the k-th post's
/// engagements `base × factors[i][k]` of 10,000 reached; and one one-off.
fn portfolio(language: &str, factors: impl Fn(usize, usize) -> f64) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let fx = Fixture::from_path(dir.path());
    fx.write(
        "roster.yaml",
        "title: \"Test agency\"\noutput_dir: public\nas_of: 2026-06-30\n",
    );
    fx.write(
        "clients/acme/client.yaml",
        &format!(
            "name: \"Acme\"\ncurrency: USD\nlanguage: {language}\nmarkets:\n  - id: us\n    name: United States\n"
        ),
    );
    let mut posts = String::from(
        "post_id,partnership,published,kind,impressions,reach,engagements,clicks,conversions,revenue,currency,url\n",
    );
    for i in 0..6 {
        let id = format!("r{i}");
        fx.write(
            &format!("clients/acme/partnerships/{id}.yaml"),
            &format!(
                "creator:\n  name: \"Creator {i}\"\n  platform: instagram\nmarket: us\nmodel: retainer\nstart: 2026-01-05\nfee:\n  amount: 1000\n"
            ),
        );
        for k in 0..4 {
            let engagements = (300.0 + 20.0 * i as f64) * factors(i, k);
            // Revenue grows with the months: 600, 900, 1,200, 1,500.
            let revenue = 600 + 300 * k;
            posts.push_str(&format!(
                "{id}-{k},{id},2026-0{}-10,sponsored,12000,10000,{},100,{},{revenue},USD,\n",
                k + 1,
                engagements.round(),
                10 + 5 * k
            ));
        }
    }
    fx.write(
        "clients/acme/partnerships/o1.yaml",
        "creator:\n  name: \"One Off\"\n  platform: youtube\nmarket: us\nmodel: one_off\nstart: 2026-02-01\nfee:\n  amount: 2000\n",
    );
    posts.push_str("o1-1,o1,2026-02-03,sponsored,12000,10000,400,100,20,2500,USD,\n");
    fx.write("clients/acme/metrics/posts.csv", &posts);
    fx
}

/// A small spread around `level` that differs by partnership, so the
/// interval has a width.
fn around(level: f64, i: usize) -> f64 {
    level + (i as f64 - 2.5) * 0.01
}

fn built(fx: &Fixture) -> (serde_json::Value, String) {
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(fx.out().join("acme/index.html")).unwrap();
    (fx.data("acme"), html)
}

#[test]
fn retainers_whose_engagement_falls_are_not_compounding() {
    let fx = portfolio("en", |i, k| around(1.0 - 0.1 * k as f64, i));
    let (d, html) = built(&fx);
    let c = &d["compounding"];
    assert_eq!(c["engagement"], "falling");
    assert_eq!(c["post_number"], 4);
    assert_eq!(c["n_pairs"], 6);
    assert!(c["lift_high"].as_f64().unwrap() < 0.0, "{c}");
    assert!(
        html.contains("Retainers are not compounding: by post 4"),
        "the overview"
    );
}

#[test]
fn retainers_some_up_some_down_are_unclear_and_never_called_either() {
    let fx = portfolio("en", |i, k| match (k, i % 2) {
        (0, _) => 1.0,
        (_, 0) => 1.3,
        _ => 0.7,
    });
    let (d, html) = built(&fx);
    let c = &d["compounding"];
    assert_eq!(c["engagement"], "unclear");
    let (low, high) = (
        c["lift_low"].as_f64().unwrap(),
        c["lift_high"].as_f64().unwrap(),
    );
    assert!(low <= 0.0 && high >= 0.0, "{c}");
    assert!(html.contains("It is not yet clear whether retainers compound"));
}

#[test]
fn retainers_whose_engagement_rises_are_compounding_in_russian_too() {
    let fx = portfolio("ru", |i, k| around(1.0 + 0.15 * k as f64, i));
    let (d, html) = built(&fx);
    assert_eq!(d["compounding"]["engagement"], "rising");
    assert!(html.contains("Ретейнеры накапливают эффект: к публикации 4"));
    assert!(html.contains("6 партнёрств)"));
    // Retainers' CPA against the one-off's: $1,000 a month for 6 months
    // (less June's days to date) per 50 conversions, against $2,000 / 20.
    assert!(d["compounding"]["cpa_ratio"].as_f64().unwrap() < 1.0);
    assert!(html.contains("ROI по месяцам партнёрства"));
}

#[test]
fn the_months_of_the_retainers_add_up_and_the_running_month_is_left_out() {
    let fx = portfolio("en", |i, k| around(1.0, i + k));
    let (d, _) = built(&fx);
    let tenure = d["tenure"].as_array().unwrap();
    let retainers: Vec<&serde_json::Value> =
        tenure.iter().filter(|t| t["model"] == "retainer").collect();
    // 5 January to 30 June: months 1 to 5 finished, month 6 running.
    assert_eq!(retainers.len(), 6);
    for t in &retainers[..5] {
        assert_eq!(
            (t["n"].as_u64(), t["n_in_progress"].as_u64()),
            (Some(6), Some(0))
        );
    }
    assert_eq!(retainers[5]["n"], 0);
    assert_eq!(retainers[5]["n_in_progress"], 6);
    assert!(retainers[5]["roi"].is_null());
    // Month 1 (5 January to 4 February) holds the January post: $600 x 6.
    assert_eq!(retainers[0]["revenue"].as_f64(), Some(3600.0));
    // Months 1 to 5 hold every post: revenue 4 x ... of each, $4,200 x 6.
    assert_eq!(retainers[4]["cumulative_revenue"].as_f64(), Some(25200.0));
    // The months' cost, in progress included, is the retainers' cost.
    let months: f64 = retainers.iter().map(|t| t["cost"].as_f64().unwrap()).sum();
    let in_progress: f64 = d["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["model"] == "retainer")
        .map(|m| m["cost"].as_f64().unwrap())
        .unwrap();
    // Month 6 is left out of the pooled sums: the cost of 5 June to 30 June.
    let june = 6.0 * 1000.0 * 26.0 / 30.0;
    assert!(
        (months + june - in_progress).abs() < 1e-6,
        "{months} + {june} against {in_progress}"
    );
    // The one-off is month 1 only, complete.
    let one = tenure.iter().find(|t| t["model"] == "one_off").unwrap();
    assert_eq!(
        (one["month"].as_u64(), one["n"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(one["revenue"].as_f64(), Some(2500.0));
}
