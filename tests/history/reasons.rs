//! Each reason a figure is restated: a post removed, a rate, a partnership added, gone or renamed, a fee, the minor unit, the denominator.

use super::*;

// ------------------------------------------------------------- reasons

#[test]
fn a_removed_post_restates_its_sums() {
    let fx = archived();
    let sent = kestrel_09(&fx);
    let post = "C4BDo4eNSBn,tyler-brooks,2026-09-11,sponsored,61383,43240,1413,964,38,1245.42,USD,https://www.instagram.com/p/C4BDo4eNSBn/\n";
    fx.replace(POSTS_09, post, "");
    // Its daily rows go with it.
    let daily = format!("clients/{KESTREL}/metrics/daily.csv");
    let text = fx.read(&daily);
    let kept: String = text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("C4BDo4eNSBn,"))
        .collect();
    assert!(kept.len() < text.len());
    fs::write(fx.path(&daily), kept).unwrap();
    let items = restatements(&fx, KESTREL);
    for (figure, by) in [
        ("revenue", dec("1245.42")),
        ("conversions", dec("38")),
        ("reach", dec("43240")),
        ("engagements", dec("1413")),
        ("sponsored_posts", Decimal::ONE),
    ] {
        let row = element(&items, None, figure);
        let total = row_figure(&sent, figure);
        close(&row["sent"], total, figure);
        close(&row["now"], total - by, figure);
        only(&row["because"], &["partnerships"]);
        let tyler = &row["because"]["partnerships"];
        assert_eq!(tyler.as_array().unwrap().len(), 1, "{tyler:#}");
        assert_eq!(tyler[0]["id"], "tyler-brooks");
        let own = partnership_figure(&sent, "tyler-brooks", figure);
        close(&tyler[0]["sent"], own, figure);
        close(&tyler[0]["now"], own - by, figure);
        let mine = element(&items, Some("tyler-brooks"), figure);
        close(&mine["now"], own - by, figure);
    }
    // Tyler's fee is still booked: he is in the month, and the cost stands.
    assert!(!has(&items, None, "cost"));
    assert!(!has(&items, Some("tyler-brooks"), "cost"));
}

#[test]
fn a_changed_rate_restates_money_and_no_count() {
    let fx = archived();
    let sent = kestrel_09(&fx);
    fx.replace(ROSTER, "2026-09: 0.0113", "2026-09: 0.0120");
    let items = restatements(&fx, KESTREL);
    let rate = |r: &Value| {
        let fx = r["because"]["fx"].as_array().unwrap();
        assert_eq!(fx.len(), 1, "{r:#}");
        assert_eq!(fx[0]["from"], "RUB");
        assert_eq!(fx[0]["to"], "USD");
        close(&fx[0]["sent"], dec(RUB_USD_09), "rate sent");
        close(&fx[0]["now"], dec("0.0120"), "rate now");
    };
    let scale = dec("0.0120") / dec(RUB_USD_09);
    for figure in ["cost", "revenue"] {
        let row = element(&items, None, figure);
        rate(row);
        only(&row["because"], &["partnerships", "fx"]);
        // Each partnership paid or earning in RUB moved by the rate; the
        // USD ones did not.
        let moved: Vec<&str> = (row["because"]["partnerships"].as_array().unwrap().iter())
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        let rub: &[&str] = match figure {
            "cost" => &["alina-zhukova", "denis-kuznetsov", "marina-orlova"],
            _ => &["denis-kuznetsov", "marina-orlova"],
        };
        assert_eq!(moved, rub, "{figure}");
        let mut now = row_figure(&sent, figure);
        for id in rub {
            let own = partnership_figure(&sent, id, figure);
            now += own * scale - own;
        }
        close(&row["now"], now, figure);
    }
    for figure in ["roi", "roas", "cpa", "cost_per_thousand_reached"] {
        rate(element(&items, None, figure));
    }
    for figure in [
        "conversions",
        "reach",
        "engagements",
        "engagement_rate",
        "sponsored_posts",
        "organic_posts",
    ] {
        assert!(
            !items.iter().any(|r| r["figure"] == figure),
            "{figure}: {:?}",
            figures(&items)
        );
    }
    // The partnerships' own money too, with the rate as their reason.
    let own = element(&items, Some("marina-orlova"), "revenue");
    rate(own);
    assert!(!has(&items, Some("jess-caldwell"), "revenue"));
    // Polyn reports in RUB and converts September's USD seeding cost at
    // the inverse of the rate.
    let polyn = restatements_of(&fx, POLYN);
    let cost = element(&polyn, None, "cost");
    let seeding = dec("95");
    let (then, now) = (Decimal::ONE / dec(RUB_USD_09), Decimal::ONE / dec("0.0120"));
    let polyn_sent = fs::read_to_string(fx.root.join(POLYN_09)).unwrap();
    let total = row_figure(&polyn_sent, "cost");
    close(&cost["sent"], total, "polyn cost sent");
    close(
        &cost["now"],
        total - seeding * then + seeding * now,
        "polyn cost now",
    );
    only(&cost["because"], &["partnerships", "fx"]);
    let rates = &cost["because"]["fx"];
    assert_eq!(rates.as_array().unwrap().len(), 1, "{rates:#}");
    assert_eq!(
        (&rates[0]["from"], &rates[0]["to"]),
        (&"USD".into(), &"RUB".into())
    );
    close(&rates[0]["sent"], then, "USD/RUB sent");
    close(&rates[0]["now"], now, "USD/RUB now");
    assert_eq!(
        exact(&raw(
            &raw_where(&raw(&polyn_sent, "fx"), "from", "USD"),
            "rate"
        )),
        then,
        "the inverse, written with every digit"
    );
    let moved = &cost["because"]["partnerships"];
    assert_eq!(moved.as_array().unwrap().len(), 1, "{moved:#}");
    assert_eq!(moved[0]["id"], "aigerim-sarsenova");
    assert!(!has(&polyn, None, "revenue") && !has(&polyn, None, "reach"));
}

#[test]
fn a_partnership_added_in_the_month_appears() {
    let fx = archived();
    let sent = kestrel_09(&fx);
    fx.write(
        &format!("{PARTNERSHIPS}/rowan-hale.yaml"),
        "creator:\n  name: \"Rowan Hale\"\n  handle: \"@rowanhale\"\n  platform: instagram\n  followers: 52000\nmarket: us\nmodel: one_off\nstart: 2026-09-15\nfee:\n  amount: 1500\n  currency: USD\ncontract:\n  type: individual\n  ref: \"BP-IC-2026-19\"\n",
    );
    let items = restatements(&fx, KESTREL);
    let cost = element(&items, None, "cost");
    let total = row_figure(&sent, "cost");
    close(&cost["sent"], total, "cost sent");
    close(&cost["now"], total + dec("1500"), "cost now");
    only(&cost["because"], &["appeared"]);
    assert_eq!(
        cost["because"]["appeared"],
        serde_json::json!(["rowan-hale"])
    );
    // ROI and CPA move with it; the revenue and counts do not; a
    // partnership new to the month has no own figure to restate.
    let roi = element(&items, None, "roi");
    assert_eq!(
        roi["because"]["appeared"],
        serde_json::json!(["rowan-hale"])
    );
    for figure in ["revenue", "conversions", "reach", "sponsored_posts"] {
        assert!(
            !has(&items, None, figure),
            "{figure}: {:?}",
            figures(&items)
        );
    }
    assert!(
        items.iter().all(|r| r["partnership"].is_null()),
        "{:?}",
        figures(&items)
    );
}

#[test]
fn a_changed_fee_restates_the_cost_of_the_month_and_of_the_partnership() {
    let fx = archived();
    let sent = kestrel_09(&fx);
    let tyler = format!("{PARTNERSHIPS}/tyler-brooks.yaml");
    fx.replace(&tyler, "  amount: 2500\n", "  amount: 2600\n");
    let items = restatements(&fx, KESTREL);
    // A whole month of the retainer: its fee, 100 more.
    let own_sent = partnership_figure(&sent, "tyler-brooks", "cost");
    assert_eq!(own_sent, dec("2500"));
    let own_now = dec("2600");
    let cost = element(&items, None, "cost");
    let total = row_figure(&sent, "cost");
    close(&cost["sent"], total, "cost sent");
    close(&cost["now"], total + own_now - own_sent, "cost now");
    only(&cost["because"], &["partnerships"]);
    let moved = &cost["because"]["partnerships"];
    assert_eq!(moved.as_array().unwrap().len(), 1, "{moved:#}");
    assert_eq!(moved[0]["id"], "tyler-brooks");
    close(&moved[0]["sent"], own_sent, "tyler sent");
    close(&moved[0]["now"], own_now, "tyler now");
    let own = element(&items, Some("tyler-brooks"), "cost");
    close(&own["sent"], own_sent, "tyler's own cost sent");
    close(&own["now"], own_now, "tyler's own cost now");
    only(&own["because"], &["partnerships"]);
    // A ratio names the partnership without amounts.
    let roi = element(&items, None, "roi");
    assert_eq!(roi["because"]["partnerships"][0]["id"], "tyler-brooks");
    assert!(roi["because"]["partnerships"][0]["sent"].is_null());
    assert!(!has(&items, None, "revenue"));
    // Ordered by month, partnership (the row first), then figure.
    let order = figures(&items);
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[test]
fn a_renamed_partnership_alone_restates_nothing() {
    let fx = archived();
    let (from, to) = ("alina-zhukova", "alina-zhukova-tg");
    fx.rename(
        &format!("{PARTNERSHIPS}/{from}.yaml"),
        &format!("{PARTNERSHIPS}/{to}.yaml"),
    );
    fx.rename(
        &format!("clients/{KESTREL}/notes/{from}.md"),
        &format!("clients/{KESTREL}/notes/{to}.md"),
    );
    for file in [
        POSTS_10.to_string(),
        format!("clients/{KESTREL}/metrics/imported/orders_export_1.csv"),
    ] {
        let text = fx.read(&file);
        assert!(text.contains(&format!(",{from},")));
        fs::write(
            fx.path(&file),
            text.replace(&format!(",{from},"), &format!(",{to},")),
        )
        .unwrap();
    }
    // September has only her seeding (a cost): it is the same under her new id.
    let sent = kestrel_09(&fx);
    assert!(partnership_figure(&sent, from, "cost") > Decimal::ZERO);
    let (run, history) = history_checked(&fx);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(history.is_empty(), "{history:#?}");
    assert!(restatements(&fx, KESTREL).is_empty());
}

#[test]
fn a_renamed_partnership_is_named_as_such_when_a_figure_moves() {
    let fx = archived();
    let sent = kestrel_09(&fx);
    let (from, to) = ("alina-zhukova", "alina-zhukova-tg");
    fx.rename(
        &format!("{PARTNERSHIPS}/{from}.yaml"),
        &format!("{PARTNERSHIPS}/{to}.yaml"),
    );
    fx.rename(
        &format!("clients/{KESTREL}/notes/{from}.md"),
        &format!("clients/{KESTREL}/notes/{to}.md"),
    );
    for file in [
        POSTS_10.to_string(),
        format!("clients/{KESTREL}/metrics/imported/orders_export_1.csv"),
    ] {
        let text = fx.read(&file);
        fs::write(
            fx.path(&file),
            text.replace(&format!(",{from},"), &format!(",{to},")),
        )
        .unwrap();
    }
    // And a fee changed: the cost moves, the rename is said with it.
    fx.replace(
        &format!("{PARTNERSHIPS}/tyler-brooks.yaml"),
        "  amount: 2500\n",
        "  amount: 2600\n",
    );
    let items = restatements(&fx, KESTREL);
    let cost = element(&items, None, "cost");
    close(
        &cost["now"],
        row_figure(&sent, "cost") + dec("100"),
        "cost now",
    );
    only(&cost["because"], &["partnerships", "renamed"]);
    assert_eq!(
        cost["because"]["renamed"],
        serde_json::json!([{"from": from, "to": to}])
    );
    assert!(!has(&items, Some(from), "cost") && !has(&items, Some(to), "cost"));
}

#[test]
fn a_change_below_the_minor_unit_restates_nothing() {
    let fx = archived();
    let sent = kestrel_09(&fx);
    // A tenth of a cent more on one of Jess's posts: the same to the cent
    // in the month and in her own figures.
    let (was, tenth) = (",4691.44,USD,", ",4691.441,USD,");
    fx.replace(POSTS_09, was, tenth);
    assert!(restatements(&fx, KESTREL).is_empty());
    let (run, history) = history_checked(&fx);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(history.is_empty(), "{history:#?}");
    // A cent more is restated, in the month and in hers.
    fx.replace(POSTS_09, tenth, ",4691.45,USD,");
    let items = restatements(&fx, KESTREL);
    assert_eq!(
        figures(&items),
        [
            (None, "revenue".to_string()),
            (Some("jess-caldwell".to_string()), "revenue".to_string())
        ],
        "ROI and ROAS are the same at 4 decimals"
    );
    let revenue = element(&items, None, "revenue");
    close(
        &revenue["now"],
        row_figure(&sent, "revenue") + dec("0.01"),
        "revenue now",
    );
    only(&revenue["because"], &["partnerships"]);
}

#[test]
fn a_partnership_gone_from_the_month_disappears() {
    let fx = archived();
    let sent = kestrel_09(&fx);
    // Alina's only September amount is her seeding, booked before her start.
    let alina = format!("{PARTNERSHIPS}/alina-zhukova.yaml");
    fx.replace(
        &alina,
        "extra_costs:\n  - date: 2026-09-26\n    amount: 9500\n    currency: RUB\n    label: \"Product seeding\"\n",
        "",
    );
    let items = restatements(&fx, KESTREL);
    let cost = element(&items, None, "cost");
    let seeding = dec("9500") * dec(RUB_USD_09);
    assert_eq!(partnership_figure(&sent, "alina-zhukova", "cost"), seeding);
    close(
        &cost["now"],
        row_figure(&sent, "cost") - seeding,
        "cost now",
    );
    only(&cost["because"], &["disappeared"]);
    assert_eq!(
        cost["because"]["disappeared"],
        serde_json::json!(["alina-zhukova"])
    );
    // Her figures were only a cost: the revenue and counts stand.
    for figure in ["revenue", "conversions", "reach", "sponsored_posts"] {
        assert!(
            !has(&items, None, figure),
            "{figure}: {:?}",
            figures(&items)
        );
    }
    // A partnership on one side only has no own figure to compare.
    assert!(items.iter().all(|r| r["partnership"].is_null()));
}

#[test]
fn a_changed_engagement_denominator_restates_the_engagement_rates() {
    let fx = archived();
    fx.replace(
        ROSTER,
        "engagement_denominator: reach",
        "engagement_denominator: impressions",
    );
    let items = restatements(&fx, KESTREL);
    assert!(!items.is_empty());
    assert!(
        items.iter().all(|r| r["figure"] == "engagement_rate"),
        "{:?}",
        figures(&items)
    );
    let rate = element(&items, None, "engagement_rate");
    assert_eq!(
        rate["because"]["settings"],
        serde_json::json!([{"setting": "engagement_denominator", "sent": "reach", "now": "impressions"}])
    );
    assert!(rate["because"]["fx"].as_array().unwrap().is_empty());
    assert_eq!(rate["because"]["unexplained"].as_f64(), Some(0.0));
    // Over impressions, September's rate: every post has them.
    let engagements = 151_748.0;
    let impressions = [
        126_937.0, 256_454.0, 638_028.0, 85_973.0, 61_383.0, 444_337.0, 192_336.0, 678_951.0,
        134_858.0,
    ];
    let now = rate["now"].as_f64().unwrap();
    assert!(
        (now - engagements / impressions.iter().sum::<f64>()).abs() < 1e-12,
        "{now}"
    );
}
