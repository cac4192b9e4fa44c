//! Shops' exports as their vendors really write them (imports.md, issue
//! 29): Shopify joins several codes with ` + `, WooCommerce with `, `; a
//! guest checkout still dates the report; a WooCommerce refund that keeps
//! `Status` completed is left out; `roster import` merges next month's
//! export of the same name, writes a platform export into its
//! partnership's folder, and warns of the raw export only once its copy
//! is written; a raw export beside its import copy is one problem, not one
//! per order. On the small portfolio `tests/fixtures/lumen` (report
//! date 2026-03-31 unless a test removes it), with exports written here
//! with their vendors' real headers and made-up people.

use crate::bad_input::{ANNA, BEN, Edit, ROSTER, base, check};
use crate::common::Fixture;

const SHOPIFY: &str = "clients/lumen/metrics/orders_export_1.csv";
const WOO: &str = "clients/lumen/metrics/orders-report.csv";

const SHOPIFY_HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Cancelled at,Billing Phone";

/// A Shopify order's first row: (name, e-mail, codes, created at).
fn shopify_row((name, email, codes, created): (&str, &str, &str, &str)) -> String {
    let codes = if codes.contains(',') {
        format!("\"{codes}\"")
    } else {
        codes.to_string()
    };
    format!(
        "{name},{email},paid,{created},fulfilled,{created},no,USD,40.00,0.00,0.00,40.00,{codes},4.00,Standard,{created},1,Serum,40.00,,'+1 555 0100"
    )
}

fn shopify(rows: &[(&str, &str, &str, &str)]) -> String {
    let mut text = format!("{SHOPIFY_HEADER}\n");
    for r in rows {
        text.push_str(&shopify_row(*r));
        text.push('\n');
    }
    text
}

/// Assert that `text` holds `want`, showing `text` when it does not.
fn says(text: &str, want: &str) {
    assert!(text.contains(want), "wanted {want:?} in:\n{text}");
}

fn codes(fx: &Fixture) {
    fx.append(ANNA, "promo_codes: [ANNA15]\n");
    fx.append(BEN, "promo_codes: [BEN10]\n");
}

/// `WELCOME10 + ANNA15` is two codes, the second anna-petrova's; an app's
/// free-text discount with a comma is one code. Before, the whole cell was
/// taken as one unknown code (and, in WooCommerce, a comma split the app's
/// text in two).
#[test]
fn shopify_codes_joined_with_plus_are_each_matched() {
    let fx = base();
    codes(&fx);
    fx.write(
        SHOPIFY,
        &shopify(&[
            (
                "#1001",
                "ada@example.com",
                "WELCOME10 + ANNA15",
                "2026-02-01 10:00:00 -0700",
            ),
            (
                "#1002",
                "bo@example.com",
                "Max Retail, Order Fees",
                "2026-02-02 10:00:00 -0700",
            ),
        ]),
    );
    let run = fx.roster(&[
        "import",
        "clients/lumen/metrics/orders_export_1.csv",
        "--client",
        "lumen",
        ".",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(
        &run.stdout,
        "orders by partnership: anna-petrova 1, unattributed 1",
    );
    says(
        &run.stdout,
        "unknown codes: Max Retail, Order Fees (1 order), WELCOME10 (1 order)",
    );
    let copy = fx.read("clients/lumen/metrics/imported/orders_export_1.csv");
    assert!(copy.contains("#1001,2026-02-01T10:00:00-07:00,"), "{copy}");
    assert!(
        copy.lines()
            .any(|l| l.starts_with("#1001,") && l.contains(",anna-petrova,")),
        "{copy}"
    );
}

/// WooCommerce separates codes with `, `.
#[test]
fn woocommerce_codes_are_separated_by_comma() {
    let fx = base();
    codes(&fx);
    fx.write(WOO, &woo(&["\"2026-02-03 06:04:52\",W100,$40.00,completed,\"Ada Lovelace\",new,\"1× Serum\",1,\"welcome, ben10\",40,Direct"]));
    let run = fx.roster(&["import", WOO, "--client", "lumen", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(&run.stdout, "orders by partnership: ben-carter 1");
}

/// A code given twice to one partnership, in another case, is an error at
/// the second: codes are matched whatever their case.
#[test]
fn a_promo_code_twice_is_an_error_at_the_second() {
    let fx = base();
    fx.append(ANNA, "promo_codes: [ANNA15, anna15]\n");
    check(
        &fx,
        1,
        &[(
            "error: promo code \"anna15\" is given twice to this partnership",
            "clients/lumen/partnerships/anna-petrova.yaml:14:23",
            "codes are matched whatever their letter case: keep one of the two",
        )],
    );
}

/// Without `as_of`, the report date is the latest order's date, a guest
/// checkout's too. Before, the guest order was dropped and the report was
/// dated by the order before it.
#[test]
fn a_guest_order_last_dates_the_report() {
    let fx = base();
    fx.replace(ROSTER, "as_of: 2026-03-31\n", "");
    fx.write(
        SHOPIFY,
        &shopify(&[
            ("#1001", "ada@example.com", "", "2026-04-02 10:00:00 +0000"),
            ("#1002", "", "", "2026-04-09 10:00:00 +0000"),
        ]),
    );
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(&run.stderr, "checked 1 client as of 2026-04-09");
    says(
        &run.stderr,
        "warning: 1 order without a customer (a guest checkout): counted for the report date, out of repeat purchase",
    );
    // Its import keeps it, without a customer, and reads back the same.
    let run = fx.roster(&["import", SHOPIFY, "--client", "lumen", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(
        &run.stdout,
        "kept without a customer (a guest checkout): 1 order",
    );
    let copy = fx.read("clients/lumen/metrics/imported/orders_export_1.csv");
    assert!(copy.contains("\n#1002,2026-04-09T10:00:00Z,,"), "{copy}");
    fx.remove(SHOPIFY);
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(&run.stderr, "checked 1 client as of 2026-04-09");
}

const WOO_HEADER: &str = "Date,\"Order #\",\"N. Revenue (formatted)\",Status,Customer,\"Customer type\",Product(s),\"Items sold\",Coupon(s),\"Net Sales\",Attribution";

fn woo(rows: &[&str]) -> String {
    format!("\u{feff}{WOO_HEADER}\n{}\n", rows.join("\n"))
}

/// A refunded order that keeps `Status` completed (no item sold, `Net
/// Sales` below 0, both amounts in the formatted revenue) is left out,
/// counted in the warning. Before, the file was refused with an error
/// naming roster's `revenue` and no help.
#[test]
fn a_woocommerce_refund_kept_completed_is_left_out() {
    let fx = base();
    fx.write(
        WOO,
        &woo(&[
            "\"2026-02-03 06:04:52\",W100,$40.00,completed,\"Ada Lovelace\",new,\"1× Serum\",1,,40,Direct",
            "\"2026-02-20 06:19:09\",W101,\"$25.50 $0.00\",completed,\"Bo Diddley\",returning,\"1× Serum\",0,,-25.5,Unknown",
            "\"2026-02-21 08:00:00\",W102,$10.00,completed,\"Cy Twombly\",new,\"1× Mask\",0,,10,Unknown",
        ]),
    );
    check(
        &fx,
        0,
        &[
            (
                "warning: 2 orders left out: refunded (by its status, or with Net Sales below 0 or no item sold), cancelled or failed",
                "clients/lumen/metrics/orders-report.csv",
                "",
            ),
            (
                "warning: customers in this export are names, not e-mails: repeat purchases are only as exact as that",
                "clients/lumen/metrics/orders-report.csv",
                "two customers of the same name count as one; a shop export with e-mails (Shopify's) is more exact",
            ),
            (
                "warning: this file holds customers' names",
                "clients/lumen/metrics/orders-report.csv:2:45",
                "roster hashes them as it reads; to keep them out of the portfolio and its history, run `roster import <file> --client <id>` and delete the export",
            ),
            (
                "warning: customers are hashed without a `customer_salt`: anyone with a list of e-mail addresses can tell whose ids these are",
                "roster.yaml",
                "add `customer_salt: \"<a long random text>\"` to roster.yaml (such as the output of `openssl rand -hex 16`; `roster init` writes one) and keep it: changing it changes every customer's id",
            ),
        ],
    );
}

/// Next month's `orders_export_1.csv` (Shopify's name for every export)
/// imported again: merged by order id with what the earlier import wrote,
/// never dropping last month's orders; the same export again changes
/// nothing; `--force` replaces the file instead.
#[test]
fn importing_next_months_export_merges_by_order_id() {
    let fx = base();
    let downloads = fx.root.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let export = downloads.join("orders_export_1.csv");
    let export = export.to_str().unwrap();
    let import = |force: bool| {
        let mut args = vec!["import", export, "--client", "lumen", "."];
        if force {
            args.push("--force");
        }
        fx.roster(&args)
    };
    let may = shopify(&[
        ("#1001", "ada@example.com", "", "2026-02-01 10:00:00 +0000"),
        ("#1002", "bo@example.com", "", "2026-02-02 10:00:00 +0000"),
    ]);
    std::fs::write(export, may).unwrap();
    let run = import(false);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // June's export repeats #1002 (now with another total) and adds #1003.
    let june = shopify(&[
        ("#1002", "bo@example.com", "", "2026-02-02 10:00:00 +0000"),
        ("#1003", "cy@example.com", "", "2026-03-02 10:00:00 +0000"),
    ])
    .replace("#1002,bo@example.com,paid,2026-02-02 10:00:00 +0000,fulfilled,2026-02-02 10:00:00 +0000,no,USD,40.00,0.00,0.00,40.00", "#1002,bo@example.com,paid,2026-02-02 10:00:00 +0000,fulfilled,2026-02-02 10:00:00 +0000,no,USD,40.00,0.00,0.00,35.00");
    std::fs::write(export, june).unwrap();
    let run = import(false);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(
        &run.stdout,
        "3 orders written to clients/lumen/metrics/imported/orders_export_1.csv",
    );
    says(
        &run.stdout,
        "merged by order id with the orders an earlier import wrote there: 1 kept, 1 replaced by this export's",
    );
    let target = "clients/lumen/metrics/imported/orders_export_1.csv";
    let merged = fx.read(target);
    let ids: Vec<&str> = merged
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["#1001", "#1002", "#1003"], "{merged}");
    assert!(merged.contains(",35.00,USD"), "{merged}");
    assert!(!merged.contains("example.com"), "{merged}");
    // The same export again: the file is as it was.
    let run = import(false);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(&run.stdout, "already in");
    assert_eq!(fx.read(target), merged);
    // --force replaces it with this export's orders alone.
    let run = import(true);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let replaced = fx.read(target);
    assert!(!replaced.contains("#1001"), "{replaced}");
    assert!(replaced.contains("#1003"), "{replaced}");
    // A build reads the merged file without a duplicate.
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// An export imported from inside `metrics/`: the warning that it is still
/// there comes after the copy is written, never after an import that
/// failed; a build then finds the export and its copy sharing every order,
/// and says so once, naming the export, not once per order.
#[test]
fn an_export_beside_its_import_is_one_problem() {
    let fx = base();
    let rows: Vec<(String, String)> = (0..40)
        .map(|i| {
            (
                format!("#{}", 2000 + i),
                format!("2026-02-{:02} 10:00:00 +0000", 1 + i % 28),
            )
        })
        .collect();
    let rows: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|(n, d)| (n.as_str(), "ada@example.com", "", d.as_str()))
        .collect();
    fx.write(SHOPIFY, &shopify(&rows));
    // An import that fails writes nothing and says nothing of the export.
    let run = fx.roster(&[
        "import",
        SHOPIFY,
        "--client",
        "lumen",
        "--as",
        "woocommerce-orders",
        ".",
    ]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("still"), "{}", run.stderr);
    let run = fx.roster(&["import", SHOPIFY, "--client", "lumen", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(&run.stderr, "warning: ");
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert_eq!(
        errors,
        [
            "error: 40 order ids of this file are given in clients/lumen/metrics/imported/orders_export_1.csv too",
            "error: check found 1 error in 1 file"
        ],
        "{}",
        run.stderr
    );
    says(
        &run.stderr,
        "clients/lumen/metrics/orders_export_1.csv looks like the export that `roster import` copied into metrics/imported/: delete it from the portfolio",
    );
}

/// A platform export is imported into its partnership's folder, so that two
/// creators' `Content.csv` never meet.
#[test]
fn a_platform_export_is_imported_into_its_partnerships_folder() {
    let fx = base();
    let export = fx.root.join("Table data.csv");
    std::fs::write(
        &export,
        "Content,Video title,Video publish time,Views,Impressions,Likes,Shares,Comments added\n\
         Total,,,21000,250000,800,90,140\n\
         yT2duringBB,Lumen serum review,\"Feb 15, 2026\",21000,250000,800,90,140\n",
    )
    .unwrap();
    let run = fx.roster(&[
        "import",
        export.to_str().unwrap(),
        "--client",
        "lumen",
        "--partnership",
        "ben-carter",
        ".",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let copy = fx.read("clients/lumen/metrics/imported/ben-carter/table-data.csv");
    assert!(copy.contains("yT2duringBB,ben-carter,"), "{copy}");
}

/// A platform export in a folder named like a partnership but for its
/// letter case: the error says which partnership is meant.
#[test]
fn a_folder_named_nearly_as_a_partnership_is_suggested() {
    let fx = base();
    fx.write(
        "clients/lumen/metrics/Ben-Carter/Table data.csv",
        "Content,Video title,Video publish time,Views,Impressions,Likes,Shares,Comments added\n\
         yT2duringBB,Lumen serum review,\"Feb 15, 2026\",21000,250000,800,90,140\n",
    );
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    says(
        &run.stderr,
        "its folder is named nearly as partnership `ben-carter`, but a folder is matched exactly, letter case included: is `ben-carter` meant? Rename the folder `ben-carter`",
    );
}
