//! Money ahead end to end, on the small valid portfolio
//! `tests/fixtures/lumen`: budgets as client.yaml writes them, and
//! every class of mistake in them with the exact message, place and help.

use crate::bad_input::{ANNA, CLIENT, Edit, base, check};

#[test]
fn budgets_that_cannot_be_read_are_errors_at_their_key() {
    let fx = base();
    fx.append(
        CLIENT,
        "budgets:\n  2026-Q5: 100\n  2026: -5\n  2026-03: 10\n  2026-03: 20\n",
    );
    let help = "write a period and its amount on each line: `2026: 250000` (a year), `2026-Q4: 70000` (a quarter) or `2026-11: 22000` (a month)";
    check(
        &fx,
        1,
        &[(
            "error: duplicate key `2026-03`",
            "clients/lumen/client.yaml:15:3",
            "`2026-03` is already given on line 14; keep one of the two",
        )],
    );
    // Without the duplicate, each of the others at its key.
    fx.replace(CLIENT, "  2026-03: 20\n", "");
    check(
        &fx,
        1,
        &[
            (
                "error: budget period `2026-Q5` is no year, quarter or month",
                "clients/lumen/client.yaml:12:12",
                help,
            ),
            (
                "error: a budget cannot be negative",
                "clients/lumen/client.yaml:13:9",
                "write the budget as a positive amount",
            ),
        ],
    );
}

#[test]
fn budgets_reach_data_json_in_period_order() {
    let fx = base();
    fx.append(
        CLIENT,
        "budgets:\n  2026-03: 10\n  2026: 9000\n  2026-Q1: 4000.50\n",
    );
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let d = fx.data("lumen");
    let periods: Vec<&str> = d["budgets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["period"].as_str().unwrap())
        .collect();
    // By start, then the longer first.
    assert_eq!(periods, ["2026", "2026-Q1", "2026-03"]);
    assert_eq!(d["budgets"][1]["amount"], 4000.5);
    assert_eq!(d["budgets"][1]["end"], "2026-03-31");
}

#[test]
fn a_promo_code_is_text() {
    let fx = base();
    fx.append(ANNA, "promo_codes: [ANNA15, [1, 2]]\n");
    check(
        &fx,
        1,
        &[(
            "error: a promo code must be text",
            "clients/lumen/partnerships/anna-petrova.yaml:14:23",
            "write each code as text: `promo_codes: [ANNA15, ANNA-RU]`",
        )],
    );
}
