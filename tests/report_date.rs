//! The report date as a trap: rows dated after it count
//! nowhere, and a report date far past the data charges open retainers
//! for months with no activity; each is one warning, with its count, at
//! the first row.

use crate::bad_input::{Edit, POSTS, ROSTER, base, check};

#[test]
fn rows_dated_after_the_report_date_are_counted_in_one_warning() {
    let fx = base();
    fx.append(POSTS, "A4,anna-petrova,2026-04-02,sponsored,1,1,1,1,1,,,\n");
    fx.append(POSTS, "B2,ben-carter,2026-05-01,sponsored,1,1,1,1,1,,,\n");
    check(
        &fx,
        0,
        &[(
            "warning: 2 posts are dated after the report date 2026-03-31 and count nowhere; the first is here",
            "clients/lumen/metrics/posts.csv:6:1",
            "they belong to a later report; if the report date is meant to include them, move `as_of` in roster.yaml (or --as-of) on",
        )],
    );
}

#[test]
fn a_report_date_months_past_the_data_is_a_warning() {
    let fx = base();
    fx.replace(ROSTER, "as_of: 2026-03-31", "as_of: 2026-06-30");
    check(
        &fx,
        0,
        &[(
            "warning: the report date 2026-06-30 is more than a month after this client's last post (2026-03-03): open retainers are charged for months with no data",
            "clients/lumen/metrics/posts.csv:5:1",
            "add the missing exports, or set the report date to the last month with data (`as_of: 2026-03-03`)",
        )],
    );
    // A month after is fine: a report is often run a few weeks on.
    fx.replace(ROSTER, "as_of: 2026-06-30", "as_of: 2026-04-03");
    check(&fx, 0, &[]);
}
