//! Exports read as they are, on the small valid portfolio
//! `tests/fixtures/lumen`: a sheet read through an `imports`
//! mapping, posts that take their partnership from their folder, orders
//! with raw e-mails, and `roster import`, each compared with the same data
//! in roster's own format, with the exact messages roster prints.

use std::fs;

use crate::bad_input::{ANNA, BEN, CLIENT, Edit, ORDERS, POSTS, base, check};
use crate::common::Fixture;

const SHEET: &str = "clients/lumen/metrics/sheets/march.csv";

/// The base portfolio's data.json, built in roster's own format.
fn own() -> serde_json::Value {
    let fx = base();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    fx.data("lumen")
}

/// The same, with the promo codes of [`shop`]: they are in data.json.
fn own_coded() -> serde_json::Value {
    let fx = base();
    fx.append(ANNA, "promo_codes: [ANNA15]\n");
    fx.append(BEN, "promo_codes: [BEN-10]\n");
    built(&fx)
}

fn built(fx: &Fixture) -> serde_json::Value {
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    fx.data("lumen")
}

/// base's posts.csv as a Russian-locale sheet with its own names: columns
/// renamed, engagements split in two, partnerships and kinds written as
/// the agency writes them, dates day first, decimal commas.
const RUSSIAN_SHEET: &str = "\
ID;Creator;Date;Type;Views;Reach;Likes;Comments;Clicks;Sales;Revenue;Cur;Link
A1;Anna P.;15/01/2026;Спонсорская;12000;9000;500;40;120;6;320,50;USD;
A2;Anna P.;12/02/2026;;15000;11000;600;10;130;7;21000;RUB;
B1;Ben C.;10/02/2026;Спонсорская;40000;30000;1500;;400;12;900;;
A3;Anna P.;03/03/2026;Органика;8000;6000;;300;40;1;;;
";

const RUSSIAN_MAPPING: &str = "\
imports:
  - files: \"metrics/sheets/*.csv\"
    kind: posts
    columns:
      post_id: ID
      partnership: Creator
      published: Date
      kind: Type
      impressions: Views
      reach: Reach
      engagements: [Likes, Comments]
      clicks: Clicks
      conversions: Sales
      revenue: Revenue
      currency: Cur
      url: Link
    values:
      partnership: {\"Anna P.\": anna-petrova, \"Ben C.\": ben-carter}
      kind: {\"Спонсорская\": sponsored, \"Органика\": organic}
    date_order: dmy
    decimal: \",\"
";

#[test]
fn a_sheet_with_its_own_names_gives_the_figures_of_roster_format() {
    let fx = base();
    fx.remove(POSTS);
    fx.write(SHEET, RUSSIAN_SHEET);
    fx.append(CLIENT, RUSSIAN_MAPPING);
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "read clients/lumen/metrics/sheets/march.csv through the `imports` entry on line 12 of client.yaml"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(built(&fx), own());
}

#[test]
fn a_summed_column_is_unknown_only_when_all_its_parts_are() {
    let fx = base();
    fx.remove(POSTS);
    // A3 has neither likes nor comments: its engagements are unknown, so
    // the same as a posts file with the cell empty.
    fx.write(SHEET, &RUSSIAN_SHEET.replace(";;300;40;1;;;", ";;;40;1;;;"));
    fx.append(CLIENT, RUSSIAN_MAPPING);
    let own = base();
    own.replace(POSTS, "organic,8000,6000,300,", "organic,8000,6000,,");
    assert_eq!(built(&fx), built(&own));
}

#[test]
fn a_mapped_column_the_file_lacks_is_an_error_at_the_mapping() {
    let fx = base();
    fx.remove(POSTS);
    fx.write(SHEET, "ID,Date,Likes\nA1,2026-01-15,5\n");
    fx.append(
        CLIENT,
        "imports:\n  - files: \"metrics/sheets/*.csv\"\n    kind: posts\n    partnership: anna-petrova\n    columns:\n      post_id: ID\n      published: Date\n      engagements: [Likes, Shares]\n",
    );
    check(
        &fx,
        1,
        &[(
            "error: clients/lumen/metrics/sheets/march.csv has no column \"Shares\"",
            "clients/lumen/client.yaml:18:20",
            "its columns are: ID, Date, Likes",
        )],
    );
}

#[test]
fn a_required_column_left_unmapped_is_an_error_at_the_mapping() {
    let fx = base();
    fx.write(SHEET, "ID,Date\nA9,2026-01-15\n");
    fx.append(
        CLIENT,
        "imports:\n  - files: \"metrics/sheets/[*.csv\"\n    kind: posts\n    columns:\n      post_id: ID\n",
    );
    check(
        &fx,
        1,
        &[
            (
                "error: `files` \"metrics/sheets/[*.csv\" is not a pattern: unclosed character class; missing ']'",
                "clients/lumen/client.yaml:12:12",
                "write a path relative to the client folder, with `*` for any name within a folder and `**` across folders, such as \"metrics/sheets/*.csv\"",
            ),
            (
                "error: this mapping of posts files does not map `published`",
                "clients/lumen/client.yaml:15:7",
                "add `published: \"<the file's column>\"` under `columns:`",
            ),
            (
                "error: CSV header fits no kind of metrics file",
                "clients/lumen/metrics/sheets/march.csv:1:1",
                "for a daily file add `post_id` and `day` (is `date` meant?); for a posts file add `post_id` and `published`; for an orders file add `order_id` and `customer`",
            ),
        ],
    );
}

#[test]
fn posts_in_a_partnership_folder_belong_to_it() {
    let fx = base();
    let text = fx.read(POSTS);
    let (anna, ben): (Vec<&str>, Vec<&str>) = text
        .lines()
        .skip(1)
        .partition(|l| l.contains(",anna-petrova,"));
    let header = "post_id,partnership,published,kind,impressions,reach,engagements,clicks,conversions,revenue,currency,url";
    // Anna's posts without a partnership column, in her folder.
    let anna: Vec<String> = anna
        .iter()
        .map(|l| l.replacen(",anna-petrova", "", 1))
        .collect();
    fx.write(
        "clients/lumen/metrics/anna-petrova/posts.csv",
        &format!(
            "{}\n{}\n",
            header.replacen(",partnership", "", 1),
            anna.join("\n")
        ),
    );
    fx.write(POSTS, &format!("{header}\n{}\n", ben.join("\n")));
    assert_eq!(built(&fx), own());
}

#[test]
fn customers_written_as_e_mails_are_hashed_and_never_quoted() {
    let fx = base();
    fx.replace(
        ORDERS,
        "O1,2026-01-16,c1,",
        "O1,2026-01-16,Ann@Example.com ,",
    );
    fx.replace(
        ORDERS,
        "O3,2026-03-01,c1,",
        "O3,2026-03-01,ann@example.com,",
    );
    let run = check(
        &fx,
        0,
        &[
            (
                "warning: this file holds customers' e-mail addresses",
                "clients/lumen/metrics/orders.csv:2:15",
                "roster hashes them as it reads; to keep them out of the portfolio and its history, run `roster import <file> --client <id>` and delete the export",
            ),
            // The fixture has no customer_salt.
            (
                "warning: customers are hashed without a `customer_salt`: anyone with a list of e-mail addresses can tell whose ids these are",
                "roster.yaml",
                "add `customer_salt: \"<a long random text>\"` to roster.yaml (such as the output of `openssl rand -hex 16`; `roster init` writes one) and keep it: changing it changes every customer's id",
            ),
        ],
    );
    assert!(!run.stderr.to_lowercase().contains("ann@example.com"));
    assert_eq!(built(&fx), own());
    let site = crate::common::all_text(&fx.out());
    assert!(!site.to_lowercase().contains("example.com"));
}

#[test]
fn a_promo_code_of_two_partnerships_is_an_error() {
    let fx = base();
    fx.append(ANNA, "promo_codes: [ANNA15, SPRING]\n");
    fx.append(BEN, "promo_codes: [spring]\n");
    check(
        &fx,
        1,
        &[(
            "error: promo code \"spring\" is also a code of anna-petrova",
            "clients/lumen/partnerships/ben-carter.yaml:10:15",
            "give each code to one partnership",
        )],
    );
}

/// base's orders as a Shopify export: O1 with two line items, O2 bought
/// with Ben's code in lower case after an unknown one, O3 with no code,
/// and three orders left out (refunded, voided, cancelled).
const SHOPIFY: &str = "\
Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Discount Code,Created at,Lineitem quantity,Lineitem name,Billing Name,Cancelled at
#1001,Ann@Example.com,paid,,USD,100,120.00,ANNA15,2026-01-16 10:00:00 -0700,1,Serum,Ann Example,
#1001,Ann@Example.com,,,,,,,2026-01-16 10:00:00 -0700,1,Cream,,
#1002,bo@example.com,paid,,USD,80,80.00,WELCOME + ben-10,2026-02-11 09:00:00 +0300,1,Serum,Bo Example,
#1003,ann@example.com,partially_refunded,,USD,60,60.00,,2026-03-01 12:00:00 +0000,1,Mask,Ann Example,
#1004,cy@example.com,refunded,,USD,10,10.00,ANNA15,2026-03-02 12:00:00 +0000,1,Mask,Cy Example,
#1005,cy@example.com,voided,,USD,10,10.00,,2026-03-03 12:00:00 +0000,1,Mask,Cy Example,
#1006,di@example.com,paid,,USD,10,10.00,,2026-03-04 12:00:00 +0000,1,Mask,Di Example,2026-03-05 10:00:00 +0000
";

const IMPORTED: &str = "\
order_id,date,customer,partnership,revenue,currency
#1001,2026-01-16T10:00:00-07:00,71d4f55f72fa128d,anna-petrova,120.00,USD
#1002,2026-02-11T09:00:00+03:00,c828d6b93b6a39e9,ben-carter,80.00,USD
#1003,2026-03-01T12:00:00Z,71d4f55f72fa128d,,60.00,USD
";

const SUMMARY: &str = "\
read ../orders_export_1.csv as a shopify-orders export: 7 rows
  3 orders written to clients/lumen/metrics/imported/orders_export_1.csv
  left out: 1 line-item row folded into its order; 3 orders refunded, voided, cancelled or failed
  orders by partnership: anna-petrova 1, ben-carter 1, unattributed 1
  unknown codes: WELCOME (1 order)
";

fn shop() -> Fixture {
    let fx = base();
    fx.append(ANNA, "promo_codes: [ANNA15]\n");
    fx.append(BEN, "promo_codes: [BEN-10]\n");
    fx.remove(ORDERS);
    fs::write(fx.dir.path().join("orders_export_1.csv"), SHOPIFY).unwrap();
    fx
}

#[test]
fn roster_import_writes_the_orders_without_personal_data() {
    let fx = shop();
    let import = ["import", "../orders_export_1.csv", "--client", "lumen"];
    let run = fx.roster(&import);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, SUMMARY);
    let written = "clients/lumen/metrics/imported/orders_export_1.csv";
    assert_eq!(fx.read(written), IMPORTED);
    assert!(
        !run.stderr.to_lowercase().contains("example.com"),
        "{}",
        run.stderr
    );
    // The same figures as the same orders in roster's format, and no
    // personal data anywhere in the site.
    assert_eq!(built(&fx), own_coded());
    let site = crate::common::all_text(&fx.out()).to_lowercase();
    for personal in ["example.com", "ann example", "bo example"] {
        assert!(!site.contains(personal), "{personal} in the site");
    }
    // Again: the same bytes, said to be there already.
    let again = fx.roster(&import);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stdout
            .contains("3 orders already in clients/lumen/metrics/imported/orders_export_1.csv")
    );
    assert_eq!(fx.read(written), IMPORTED);
    // An earlier import's orders there: merged by order id, X kept.
    fx.write(written, "order_id,date,customer\nX,2026-01-01,c9\n");
    let merged = fx.roster(&import);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    assert!(
        merged.stdout.contains("1 kept, 0 replaced"),
        "{}",
        merged.stdout
    );
    let (header, rows) = IMPORTED.split_once('\n').unwrap();
    assert_eq!(
        fx.read(written),
        format!("{header}\nX,2026-01-01,c9,,,\n{rows}")
    );
    // A file roster's import did not write (another kind) is refused,
    // then replaced with --force.
    let posts = "post_id,partnership,published\nP1,anna-petrova,2026-01-01\n";
    fx.write(written, posts);
    let refused = fx.roster(&import);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains(
        "error: clients/lumen/metrics/imported/orders_export_1.csv exists with other rows: not overwritten"
    ));
    assert_eq!(fx.read(written), posts);
    let forced = fx.roster(&[&import[..], &["--force"]].concat());
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(fx.read(written), IMPORTED);
}

#[test]
fn roster_import_writes_nothing_on_bad_input() {
    let fx = shop();
    let bad = SHOPIFY.replace("2026-02-11 09:00:00 +0300", "11th of February");
    fs::write(fx.dir.path().join("orders_export_1.csv"), bad).unwrap();
    let run = fx.roster(&["import", "../orders_export_1.csv", "--client", "lumen"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: `date` must be a date"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--> ../orders_export_1.csv:4:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("error: could not import: 1 error in 1 file; nothing was written\n")
    );
    assert!(run.stdout.is_empty());
    assert!(!fx.root.join("clients/lumen/metrics/imported").exists());
    // A file that is not the export named by --as.
    let wrong = fx.roster(&[
        "import",
        "clients/lumen/metrics/posts.csv",
        "--client",
        "lumen",
        "--as",
        "shopify-orders",
    ]);
    assert_eq!(wrong.code, 1, "{}", wrong.stderr);
    assert!(
        wrong
            .stderr
            .contains("error: this file is no shopify-orders export: it has no column \"name\""),
        "{}",
        wrong.stderr
    );
    assert!(!fx.root.join("clients/lumen/metrics/imported").exists());
}

#[test]
fn a_shopify_export_in_the_portfolio_is_read_as_it_is() {
    let fx = shop();
    fx.write("clients/lumen/metrics/shop/orders_export_1.csv", SHOPIFY);
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains(
        "read clients/lumen/metrics/shop/orders_export_1.csv as a shopify-orders export"
    ));
    assert!(
        run.stderr
            .contains("warning: 3 orders left out: refunded, voided or cancelled")
    );
    assert!(
        run.stderr.contains(
            "warning: discount code \"WELCOME\" (1 order) is no partnership's promo code"
        )
    );
    assert!(
        !run.stderr.to_lowercase().contains("example.com"),
        "{}",
        run.stderr
    );
    assert_eq!(built(&fx), own_coded());
}
