//! Hostile and malformed input: quotes left open, rows of the
//! wrong width, encodings by byte-order mark, YAML that is too deep, too
//! repetitive or too large, and values too long to echo. Each test is named
//! after the bug it pins and asserts every diagnostic of the run, as
//! `bad_input` does.

use std::fs;
use std::time::{Duration, Instant};

use crate::bad_input::{ANNA, CLIENT, Edit, POSTS, ROSTER, base, check, shown};

/// The help for a quote left open.
const QUOTE_HELP: &str =
    "end the value with `\"`; a quote inside a quoted value is written twice, `\"\"`";

#[test]
fn an_unterminated_quote_in_the_last_field_is_an_error_where_it_opens() {
    let fx = base();
    fx.append(
        POSTS,
        "Q1,anna-petrova,2026-03-03,sponsored,1,1,1,1,1,1,USD,\"https://x\nQ2,anna-petrova,2026-03-04,sponsored,1000,1000,1000,1,1,5000,USD,\n",
    );
    check(
        &fx,
        1,
        &[(
            "error: quote is never closed: its field runs to the end of the file",
            "clients/lumen/metrics/posts.csv:6:54",
            QUOTE_HELP,
        )],
    );
}

#[test]
fn a_quote_opened_mid_file_is_reported_where_it_opens_not_as_empty_fields() {
    let fx = base();
    fx.replace(POSTS, "320.50,USD,\n", "320.50,USD,\"https://x\n");
    fx.append(
        POSTS,
        "Z1,ben-carter,2026-03-04,,1,1,1,1,1,1,USD,\"https://y\"\n",
    );
    check(
        &fx,
        1,
        &[(
            "error: quoted field takes in 3 lines that look like rows, from line 3: its closing quote is likely missing",
            "clients/lumen/metrics/posts.csv:2:70",
            QUOTE_HELP,
        )],
    );
}

/// The help of a post's address that is no web address.
const URL_HELP: &str =
    "write the post's address as it shows in the browser, starting with https://";

#[test]
fn a_quoted_note_over_two_lines_is_still_one_cell() {
    let fx = base();
    fx.replace(
        POSTS,
        "320.50,USD,\n",
        "320.50,USD,\"first line,\nsecond line\"\n",
    );
    // The one cell, both its lines, is the post's address, which is no web
    // address: a warning quoting it whole.
    let run = check(
        &fx,
        0,
        &[(
            "warning: `url` must be an http or https address, found \"first line,",
            "clients/lumen/metrics/posts.csv:2:70",
            URL_HELP,
        )],
    );
    assert!(
        run.stderr
            .contains("found \"first line,\nsecond line\"; the post is shown"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_row_with_fewer_fields_than_the_header_says_so() {
    let fx = base();
    fx.append(
        POSTS,
        "Q2,anna-petrova,2026-03-04,sponsored,1000,1000,1000,1,1\n",
    );
    check(
        &fx,
        1,
        &[(
            "error: row has 9 fields but the header has 12",
            "clients/lumen/metrics/posts.csv:6:56",
            "write every column of the header in every row: an empty cell still needs its `,`",
        )],
    );
}

#[test]
fn a_utf16_csv_is_read_by_its_byte_order_mark_without_a_windows_1251_warning() {
    for (bom, big_endian) in [(&b"\xff\xfe"[..], false), (&b"\xfe\xff"[..], true)] {
        let fx = base();
        let text = fx.read(POSTS).replace("320.50,USD,\n", "320.50,USD,Зима\n");
        let mut bytes = bom.to_vec();
        for unit in text.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&b);
        }
        fs::write(fx.path(POSTS), bytes).unwrap();
        // Read as written: the cell is quoted back, and is no web address.
        check(
            &fx,
            0,
            &[(
                "warning: `url` must be an http or https address, found \"Зима\"; the post is shown without its link",
                "clients/lumen/metrics/posts.csv:2:70",
                URL_HELP,
            )],
        );
    }
}

#[test]
fn a_csv_header_with_100k_columns_is_read_in_linear_time_and_listed_briefly() {
    let fx = base();
    let mut header = fx.read(POSTS).lines().next().unwrap().to_string();
    for i in 0..100_000 {
        header.push_str(&format!(",c{i}"));
    }
    fx.write("clients/lumen/metrics/wide.csv", &format!("{header}\n"));
    let started = Instant::now();
    check(
        &fx,
        0,
        &[(
            "warning: unknown columns ignored: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 99990 more",
            "clients/lumen/metrics/wide.csv:1:106",
            "the columns roster reads here are post_id, partnership, published, kind, impressions, reach, engagements, clicks, conversions, revenue, currency, url",
        )],
    );
    // Quadratic, this took minutes; linear, well under a second.
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn yaml_nested_100k_brackets_deep_is_refused_at_once() {
    let fx = base();
    fx.write(
        "clients/lumen/partnerships/nested.yaml",
        &"[".repeat(100_000),
    );
    let started = Instant::now();
    check(
        &fx,
        1,
        &[(
            "error: invalid YAML: lists or mappings in brackets nested more than 64 deep",
            "clients/lumen/partnerships/nested.yaml:1:65",
            "roster's files nest a few levels at most; check for a `[` or `{` that is never closed",
        )],
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_duplicate_yaml_key_points_at_the_duplicate() {
    let fx = base();
    fx.append(ANNA, "market: us\n");
    check(
        &fx,
        1,
        &[(
            "error: duplicate key `market`",
            "clients/lumen/partnerships/anna-petrova.yaml:14:1",
            "`market` is already given on line 6; keep one of the two",
        )],
    );
}

#[test]
fn an_alias_bomb_says_so_at_the_first_alias() {
    let fx = base();
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in [
        ("b", "a"),
        ("c", "b"),
        ("d", "c"),
        ("e", "d"),
        ("f", "e"),
        ("g", "f"),
    ] {
        let items = vec![format!("*{prev}"); 9].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    fx.append(ROSTER, &bomb);
    check(
        &fx,
        1,
        &[(
            "error: invalid YAML: its aliases repeat their anchored values too many times to read",
            "roster.yaml:8:8",
            "roster's files need no anchors (`&name`) or aliases (`*name`): write the values out",
        )],
    );
}

#[test]
fn an_integer_above_64_bits_is_too_large_at_its_value() {
    let fx = base();
    fx.append(ROSTER, "ramp_up_days: 99999999999999999999999\n");
    check(
        &fx,
        1,
        &[(
            "error: `ramp_up_days` is too large: 99999999999999999999999",
            "roster.yaml:7:15",
            "roster reads numbers up to 1000000000000; check for extra digits",
        )],
    );
}

#[test]
fn a_negative_repeat_window_is_quoted_as_written() {
    let fx = base();
    fx.append(ROSTER, "repeat_window_days: -1\n");
    check(
        &fx,
        1,
        &[(
            "error: `repeat_window_days` must be a whole number >= 0, found the number -1",
            "roster.yaml:7:21",
            "write digits only, such as 42000, at most 1000000000000",
        )],
    );
}

#[test]
fn a_ten_megabyte_value_is_quoted_by_its_start_and_length() {
    let fx = base();
    let huge = "x".repeat(10_000_000);
    fx.replace(ANNA, "platform: instagram", &format!("platform: {huge}"));
    fx.replace(POSTS, ",12000,", &format!(",{huge},"));
    let start = "x".repeat(60);
    check(
        &fx,
        1,
        &[
            (
                &format!(
                    "error: `impressions` must be a whole number, found \"{start}… (10000000 characters)\""
                ),
                "clients/lumen/metrics/posts.csv:2:38",
                "write a whole number, such as 12000 or 12,000; leave the cell empty when the value is unknown",
            ),
            (
                &format!("error: `platform` cannot be the text \"{start}… (10000000 characters)\""),
                "clients/lumen/partnerships/anna-petrova.yaml:4:13",
                "expected one of: instagram, tiktok, youtube, telegram, vk, twitch, other",
            ),
        ],
    );
}

#[test]
fn a_revenue_currency_that_is_not_a_code_has_no_rate() {
    let fx = base();
    fx.replace(POSTS, ",21000,RUB,", ",21000,rubles,");
    check(
        &fx,
        1,
        &[(
            "error: no fx rate for RUBLES/USD in 2026-02 or earlier (revenue booked in 2026-02)",
            "clients/lumen/metrics/posts.csv:3:57",
            "add a rate to roster.yaml:",
        )],
    );
}

#[test]
fn currency_codes_in_lower_case_are_the_same_codes() {
    let fx = base();
    fx.replace(ROSTER, "RUB/USD:", "rub/usd:");
    fx.replace(ANNA, "currency: RUB", "currency: rub");
    fx.replace(POSTS, ",21000,RUB,", ",21000,rub,");
    fx.replace(CLIENT, "currency: USD", "currency: usd");
    check(&fx, 0, &[]);
}

#[test]
fn an_fx_pair_of_no_currency_still_has_its_months_checked() {
    let fx = base();
    fx.append(ROSTER, "  RUBLES/USD:\n    2026-13: 0.1\n");
    check(
        &fx,
        1,
        &[(
            "error: `2026-13` is not a month YYYY-MM",
            "roster.yaml:8:14",
            "",
        )],
    );
}

#[test]
fn an_invalid_client_currency_does_not_hide_unknown_markets() {
    let fx = base();
    fx.replace(CLIENT, "currency: USD", "currency: dollars");
    fx.replace(ANNA, "market: ru", "market: usa");
    check(
        &fx,
        1,
        &[
            (
                "error: `currency` must be a three-letter currency code, found \"dollars\"",
                "clients/lumen/client.yaml:2:11",
                "use an ISO 4217 code such as USD, RUB or EUR",
            ),
            (
                "error: unknown market \"usa\" (markets of this client: ru, us)",
                "clients/lumen/partnerships/anna-petrova.yaml:6:9",
                "did you mean \"us\"? markets are listed in client.yaml",
            ),
        ],
    );
    let run = fx.roster(&["check", "."]);
    assert!(
        shown(&run)
            .1
            .starts_with("error: check found 2 errors in 2 files")
    );
}
