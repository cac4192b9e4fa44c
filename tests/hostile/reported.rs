//! What used to pass in silence: the report dates that would make a report of
//! centuries, folders and files that were passed over in silence, a client
//! named on the command line that does not exist, partnership order, and
//! terminal escapes in values. Each test is named after the defect it
//! guards against.

use std::fs;

use crate::bad_input::{ANNA, BEN, Edit, POSTS, ROSTER, base, check, shown, tree};

#[test]
fn a_partnership_starting_in_1900_is_refused_at_its_line() {
    let fx = base();
    fx.replace(BEN, "start: 2026-02-10", "start: 1900-02-10");
    check(
        &fx,
        1,
        &[(
            "error: this partnership start dated 1900-02-10 is more than 20 years before the report date 2026-03-31",
            "clients/lumen/partnerships/ben-carter.yaml:7:8",
            "a report spans at most 20 years; if the year is a typo, correct it",
        )],
    );
}

#[test]
fn a_report_date_centuries_ahead_is_refused_and_writes_nothing() {
    let fx = base();
    assert_eq!(fx.build().code, 0);
    let before = tree(&fx.out());
    let out = fx.out();
    let run = fx.roster(&[
        "build",
        ".",
        "--output",
        out.to_str().unwrap(),
        "--as-of",
        "2199-12-31",
    ]);
    let (got, summary) = shown(&run);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        got,
        [(
            "error: the report date 2199-12-31 (given by --as-of) is more than 20 years after the data begins on 2026-01-01 (partnership start, at clients/lumen/partnerships/anna-petrova.yaml:8:8)".to_string(),
            String::new(),
            "a report spans at most 20 years: correct the report date, or set `as_of: YYYY-MM-DD` in roster.yaml".to_string(),
        )]
    );
    assert!(summary.contains("nothing was written"), "{summary}");
    assert_eq!(tree(&fx.out()), before);
}

#[test]
fn a_post_typed_as_2099_without_as_of_is_named_as_the_report_date() {
    let fx = base();
    fx.replace(ROSTER, "as_of: 2026-03-31\n", "");
    fx.replace(
        POSTS,
        "A2,anna-petrova,2026-02-12",
        "A2,anna-petrova,2099-02-12",
    );
    let place = "clients/lumen/metrics/posts.csv:3:1";
    check(
        &fx,
        1,
        &[
            (
                "error: the report date 2099-02-12 (set by this row, the latest post or order) is more than 20 years after the data begins on 2026-01-01 (partnership start, at clients/lumen/partnerships/anna-petrova.yaml:8:8)",
                place,
                "a report spans at most 20 years: correct the report date, or set `as_of: YYYY-MM-DD` in roster.yaml",
            ),
            (
                "warning: this post dated 2099-02-12 sets the report date: it is 26644 days after any other post or order (2026-03-03)",
                place,
                "if the date is a typo, correct it; otherwise set `as_of: YYYY-MM-DD` in roster.yaml or pass --as-of",
            ),
        ],
    );
}

#[test]
fn a_report_date_set_by_one_far_row_is_a_warning() {
    let fx = base();
    fx.replace(ROSTER, "as_of: 2026-03-31\n", "");
    fx.replace(
        POSTS,
        "A2,anna-petrova,2026-02-12",
        "A2,anna-petrova,2026-12-02",
    );
    check(
        &fx,
        0,
        &[(
            "warning: this post dated 2026-12-02 sets the report date: it is 274 days after any other post or order (2026-03-03)",
            "clients/lumen/metrics/posts.csv:3:1",
            "if the date is a typo, correct it; otherwise set `as_of: YYYY-MM-DD` in roster.yaml or pass --as-of",
        )],
    );
}

#[test]
fn a_hidden_client_folder_is_an_error_and_the_previous_site_stays() {
    let fx = base();
    assert_eq!(fx.build().code, 0);
    let before = tree(&fx.out());
    fs::create_dir(fx.path("clients/.lumen")).unwrap();
    fs::create_dir(fx.path("clients/..evil")).unwrap();
    let help = "a client's id is its folder name, which matches [a-z0-9][a-z0-9_-]*; to leave a client out of the site, set `publish: false` in its client.yaml";
    check(
        &fx,
        1,
        &[
            (
                "error: client folder name \"..evil\" is not a valid id",
                "clients/..evil",
                help,
            ),
            (
                "error: client folder name \".lumen\" is not a valid id",
                "clients/.lumen",
                help,
            ),
        ],
    );
    assert_eq!(fx.build().code, 1);
    assert_eq!(tree(&fx.out()), before);
}

#[test]
fn files_roster_does_not_read_are_named() {
    let fx = base();
    fx.rename(BEN, "clients/lumen/partnerships/ben-carter.YAML");
    fx.write("clients/lumen/partnerships/carla", "creator: {}\n");
    fx.write("clients/lumen/notes/2026-03.txt", "March\n");
    fx.write("clients/lumen/metrics/extra.tsv", "post_id\n");
    fx.write("clients/README.txt", "our clients\n");
    fx.write("clients/lumen/partnership/dana.yaml", "creator: {}\n");
    // Hidden files and what operating systems leave are passed over quietly.
    fx.write("clients/lumen/partnerships/.gitkeep", "");
    fx.write("clients/lumen/metrics/Thumbs.db", "");
    let ignored = |what: &str, name: &str| format!("warning: {what} is not read: {name}");
    let unknown = "error: 1 row names unknown partnership \"ben-carter\"";
    let add = "add clients/lumen/partnerships/ben-carter.yaml or correct the id";
    let run = check(
        &fx,
        1,
        &[
            (
                &ignored("a file in clients/", "README.txt"),
                "clients/README.txt",
                "clients/ holds one folder per client; move the file into a client's folder or out of clients/",
            ),
            (
                &ignored("a file in metrics/", "extra.tsv"),
                "clients/lumen/metrics/extra.tsv",
                "metrics/ reads only files ending in .csv; if this is one, rename it to extra.csv",
            ),
            (unknown, "clients/lumen/metrics/orders.csv:3:18", add),
            (unknown, "clients/lumen/metrics/posts.csv:4:4", add),
            (
                &ignored("a file in notes/", "2026-03.txt"),
                "clients/lumen/notes/2026-03.txt",
                "notes/ reads only files ending in .md; if this is one, rename it to 2026-03.md",
            ),
            (
                &ignored("an entry of the client folder", "partnership"),
                "clients/lumen/partnership",
                "did you mean `partnerships`?",
            ),
            (
                &ignored("a file in partnerships/", "ben-carter.YAML"),
                "clients/lumen/partnerships/ben-carter.YAML",
                "partnerships/ reads only files ending in .yaml; if this is one, rename it to ben-carter.yaml",
            ),
            (
                &ignored("a file in partnerships/", "carla"),
                "clients/lumen/partnerships/carla",
                "partnerships/ reads only files ending in .yaml; if this is one, rename it to carla.yaml",
            ),
        ],
    );
    assert!(
        !run.stderr.contains("gitkeep") && !run.stderr.contains("Thumbs"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_client_on_the_command_line_exits_2_with_a_suggestion() {
    let fx = base();
    let run = fx.roster(&["build", ".", "--client", "lum"]);
    let (got, _) = shown(&run);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        got,
        [(
            "error: --client lum: no such client".to_string(),
            String::new(),
            "did you mean `--client lumen`?".to_string()
        )]
    );
    let run = fx.roster(&["build", ".", "--client", "zzz"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("= help: the clients of this portfolio: lumen"),
        "{}",
        run.stderr
    );
}

#[test]
fn partnerships_are_in_id_order_when_one_id_prefixes_another() {
    let fx = base();
    let ben = fx.read(BEN);
    fx.write("clients/lumen/partnerships/ben-carter-2.yaml", &ben);
    fx.write("clients/lumen/partnerships/ben.yaml", &ben);
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data = fx.data("lumen");
    let ids: Vec<&str> = data["partnerships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["anna-petrova", "ben", "ben-carter", "ben-carter-2"]);
}

#[test]
fn terminal_escapes_in_a_value_are_quoted_not_printed() {
    let fx = base();
    // YAML writes them as escapes; CSV holds them raw.
    fx.replace(ANNA, "market: ru", r#"market: "\e]0;PWNED\a\e[2J""#);
    fx.replace(POSTS, "A2,anna-petrova,", "A2,\u{1b}]0;PWNED\u{7},");
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        !run.stderr.contains(['\u{1b}', '\u{7}']),
        "{:?}",
        run.stderr
    );
    let quoted = r#"\u{1b}]0;PWNED\u{7}"#;
    assert!(
        run.stderr
            .contains(&format!(r#"unknown market "{quoted}\u{{1b}}[2J""#)),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!(r#"unknown partnership "{quoted}""#)),
        "{}",
        run.stderr
    );
    // The quoted source line keeps its columns: one picture per character.
    assert!(
        run.stderr.contains("A2,\u{241b}]0;PWNED\u{2407},"),
        "{}",
        run.stderr
    );
}
