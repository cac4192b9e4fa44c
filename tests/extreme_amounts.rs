//! Amounts and rates at the edges of what a decimal holds, in every field
//! that feeds a sum, a product or a quotient: fees, extra costs, post,
//! daily and order revenue, exchange rates, targets and budgets. Whatever
//! they are, the run never panics: a value roster does not read is an
//! error at its line, and a figure past exact arithmetic is undefined.

use proptest::prelude::*;
use roster::internals::resolve::Overrides;

use crate::bad_input::{ANNA, CLIENT, DAILY, Edit, ORDERS, POSTS, ROSTER, base, check};
use crate::common::Fixture;

/// Decimals that break arithmetic: the smallest a decimal holds, the
/// largest, negatives, and the limits roster reads at.
const EXTREMES: &[&str] = &[
    "0.0000000000000000000000000001",
    "0.00000000000000000000000001",
    "-0.0000000000000000000000000001",
    "0.0000000001",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "999999999999",
    "1000000000000",
    "-999999999999",
    "10000000000",
    "7.9228162514264337593543950335",
    "0",
    "1",
];

/// Amounts roster reads in every money field, from the smallest a decimal
/// holds to the largest roster reads.
const READ: &[&str] = &[
    "0.0000000000000000000000000001",
    "0.00000000000000000000000001",
    "0.0000000001",
    "999999999999",
    "1000000000000",
    "7.9228162514264337593543950335",
    "0",
];

/// Mostly an amount roster reads (so that the run goes on to the figures
/// and pages), now and then one it refuses.
fn amount() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(READ).prop_map(str::to_string),
        4 => (0..=1_000_000_000_000_i64, 0u32..=28)
            .prop_map(|(m, scale)| rust_decimal::Decimal::new(m, scale).to_string()),
        1 => prop::sample::select(EXTREMES).prop_map(str::to_string),
    ]
}

/// A rate: at either end of the range roster reads, or anywhere in it.
fn rate() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(&["0.0000000001", "10000000000", "0.011", "1"][..])
            .prop_map(str::to_string),
        (1u64..=10_000_000_000, 0u32..=10)
            .prop_map(|(m, scale)| rust_decimal::Decimal::new(m as i64, scale).to_string()),
    ]
}

/// The base portfolio with `v[i]` in each money field.
fn portfolio(v: &[String; 9]) -> Fixture {
    let fx = base();
    fx.replace(ANNA, "amount: 150000", &format!("amount: {}", v[0]));
    fx.append(
        ANNA,
        &format!("extra_costs:\n  - date: 2026-03-02\n    amount: {}\n", v[1]),
    );
    fx.replace(POSTS, ",320.50,USD,", &format!(",{},USD,", v[2]));
    fx.replace(
        DAILY,
        "A1,1,8000,6000,400,90,4,200",
        &format!("A1,1,8000,6000,400,90,4,{}", v[3]),
    );
    fx.replace(
        ORDERS,
        "anna-petrova,120,USD",
        &format!("anna-petrova,{},USD", v[4]),
    );
    fx.replace(ROSTER, "2026-01: 0.011", &format!("2026-01: {}", v[5]));
    fx.append(
        CLIENT,
        &format!(
            "targets:\n  roi: {}\n  cpa: {}\nbudgets:\n  2026-03: {}\n",
            v[6], v[7], v[8]
        ),
    );
    fx
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Checked as `roster check` does, pages and PDF rendered in memory:
    /// a panic fails the case.
    #[test]
    fn extreme_amounts_in_every_money_field_never_panic(
        mut v in prop::array::uniform9(amount()),
        r in rate(),
    ) {
        v[5] = r;
        let fx = portfolio(&v);
        let outcome = roster::check(&fx.root, &Overrides::default());
        // Only what roster does not read is an error: the figures of every
        // amount it reads are made, and its pages rendered.
        let errors = outcome.diagnostics.has_errors();
        let refused = v
            .iter()
            .any(|a| a.starts_with('-') || (EXTREMES.contains(&a.as_str()) && !READ.contains(&a.as_str())));
        prop_assert!(!errors || refused, "{v:?}");
    }
}

/// Each extreme alone in each field, through the real binary: no panic
/// (exit 101) and no "report a bug".
#[test]
fn each_extreme_in_each_field_ends_without_a_panic() {
    for (field, value) in (0..9).flat_map(|f| EXTREMES.iter().map(move |v| (f, *v))) {
        let mut v: [String; 9] = [
            "150000", "100", "320.50", "200", "120", "0.011", "0.5", "25", "1000",
        ]
        .map(str::to_string);
        v[field] = value.to_string();
        let fx = portfolio(&v);
        let run = fx.roster(&["check", "."]);
        assert!(
            run.code == 0 || run.code == 1,
            "field {field} = {value}: exit {}\n{}",
            run.code,
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn a_fee_of_ten_to_the_minus_26_leaves_the_return_undefined() {
    let fx = base();
    fx.replace(
        ANNA,
        "amount: 150000",
        "amount: 0.00000000000000000000000001",
    );
    check(&fx, 0, &[]);
}

#[test]
fn a_target_times_a_cost_past_exact_arithmetic_is_compared_without_overflow() {
    // A fee of 999999999999 RUB at 264094 USD a rouble is a cost of about
    // 2.6 x 10^17; times an ROI target of 999999999999 it is past 7.9 x 10^28.
    let fx = base();
    fx.replace(ANNA, "amount: 150000", "amount: 999999999999");
    fx.replace(ROSTER, "2026-01: 0.011", "2026-01: 264094");
    fx.append(
        CLIENT,
        "targets:\n  roi: 999999999999\n  cpa: 999999999999\n",
    );
    check(&fx, 0, &[]);
}

#[test]
fn a_rate_of_ten_to_the_minus_28_is_an_error_at_its_line() {
    let fx = base();
    fx.replace(
        ROSTER,
        "2026-01: 0.011",
        "2026-01: 0.0000000000000000000000000001",
    );
    check(
        &fx,
        1,
        &[(
            "error: fx rate 0.0000000000000000000000000001 is out of range",
            "roster.yaml:6:14",
            "roster reads rates from 0.0000000001 to 10000000000; check the digits, or whether the pair is written the wrong way round",
        )],
    );
}
