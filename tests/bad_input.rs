//! Bad input: every class of mistake, each one change to the
//! small valid portfolio `tests/fixtures/lumen`, with the exact
//! message, place and help roster must print; every problem in one run,
//! without follow-on errors; a failed build leaves the previous site
//! byte-identical; `roster check` never writes.
//!
//! Each test lists every diagnostic the run prints, so a cascade of extra
//! ones fails it as surely as a missing one.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{Fixture, Run};

pub(crate) const ROSTER: &str = "roster.yaml";
pub(crate) const CLIENT: &str = "clients/lumen/client.yaml";
pub(crate) const ANNA: &str = "clients/lumen/partnerships/anna-petrova.yaml";
pub(crate) const BEN: &str = "clients/lumen/partnerships/ben-carter.yaml";
pub(crate) const POSTS: &str = "clients/lumen/metrics/posts.csv";
pub(crate) const DAILY: &str = "clients/lumen/metrics/daily.csv";
/// The help of a cell that is no date.
pub(crate) const DATE_HELP: &str = "write it as 2026-03-01, 2026-03-01 18:30, 2026-03-01T18:30:00+03:00, 01.03.2026, 3/1/2026 or Mar 1, 2026, with a day that exists and a year from 1900 to 2199";
pub(crate) const ORDERS: &str = "clients/lumen/metrics/orders.csv";

/// Edits of a fixture's files, each asserting that it changed something.
pub(crate) trait Edit {
    fn path(&self, rel: &str) -> PathBuf;

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Replace the one occurrence of `from` in `rel` with `to`.
    fn replace(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "{from:?} once in {rel}");
        fs::write(self.path(rel), text.replacen(from, to, 1)).unwrap();
    }

    fn append(&self, rel: &str, text: &str) {
        let mut all = self.read(rel);
        all.push_str(text);
        fs::write(self.path(rel), all).unwrap();
    }

    fn remove(&self, rel: &str) {
        let p = self.path(rel);
        if p.is_dir() {
            fs::remove_dir_all(p).unwrap();
        } else {
            fs::remove_file(p).unwrap();
        }
    }

    fn rename(&self, from: &str, to: &str) {
        fs::rename(self.path(from), self.path(to)).unwrap();
    }
}

impl Edit for Fixture {
    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }
}

/// A copy of `tests/fixtures/lumen`: one small client (Lumen Skincare, two
/// partnerships) that builds clean, for a test to break in one place.
pub(crate) fn base() -> Fixture {
    Fixture::new("lumen")
}

/// One diagnostic as printed: its first line, its `-->` place and the first
/// line of its help, `""` where there is none.
pub(crate) type Shown = (String, String, String);

/// The diagnostics of a run's stderr and its closing line.
pub(crate) fn shown(run: &Run) -> (Vec<Shown>, String) {
    assert!(
        !run.stderr.contains("panicked"),
        "roster panicked:\n{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains('\x1b'),
        "colour with NO_COLOR set:\n{}",
        run.stderr
    );
    let mut lines: Vec<&str> = run.stderr.lines().collect();
    let summary = lines.pop().unwrap_or_default().to_string();
    let mut out: Vec<Shown> = Vec::new();
    let mut fresh = true;
    for line in lines {
        if fresh && (line.starts_with("error: ") || line.starts_with("warning: ")) {
            out.push((line.to_string(), String::new(), String::new()));
        } else if let Some(last) = out.last_mut() {
            let t = line.trim_start();
            if let Some(at) = t.strip_prefix("--> ") {
                last.1 = at.to_string();
            } else if let Some(help) = t.strip_prefix("= help: ") {
                last.2 = help.to_string();
            }
        }
        fresh = line.is_empty();
    }
    (out, summary)
}

/// Run `roster check` and assert its exit status and every diagnostic it
/// prints, in order: `(first line, place, first line of help)`.
pub(crate) fn check(fx: &Fixture, code: i32, want: &[(&str, &str, &str)]) -> Run {
    let run = fx.roster(&["check", "."]);
    let (got, summary) = shown(&run);
    let want: Vec<Shown> = want
        .iter()
        .map(|(m, at, h)| (m.to_string(), at.to_string(), h.to_string()))
        .collect();
    assert_eq!(got, want, "stderr:\n{}", run.stderr);
    assert_eq!(run.code, code, "stderr:\n{}", run.stderr);
    crate::formats::agree(&fx.root, &run, &got);
    let errors = want.iter().filter(|w| w.0.starts_with("error")).count();
    if errors == 0 {
        assert!(summary.starts_with("checked 1 client as of"), "{summary}");
    } else {
        let e = if errors == 1 { "error" } else { "errors" };
        assert!(
            summary.starts_with(&format!("error: check found {errors} {e}")),
            "{summary}"
        );
    }
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    run
}

/// Every file under `dir` with its bytes.
pub(crate) fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = fs::read(&p).unwrap();
                v.push((p.strip_prefix(dir).unwrap().to_path_buf(), bytes));
            }
        }
    }
    v.sort();
    v
}

#[test]
fn the_base_fixture_is_valid() {
    let fx = base();
    check(&fx, 0, &[]);
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// ---------------------------------------------------------------- YAML

#[test]
fn yaml_syntax_error() {
    let fx = base();
    fx.replace(ANNA, "  name: \"Anna Petrova\"", "  name: \"Anna Petrova");
    check(
        &fx,
        1,
        &[(
            "error: invalid YAML: found character that cannot start any token",
            "clients/lumen/partnerships/anna-petrova.yaml:3:12",
            "check the indentation and quoting around this line",
        )],
    );
}

#[test]
fn yaml_bad_indentation() {
    let fx = base();
    fx.replace(ANNA, "  platform: instagram", " platform: instagram");
    check(
        &fx,
        1,
        &[(
            "error: invalid YAML: did not find expected key",
            "clients/lumen/partnerships/anna-petrova.yaml:4:2",
            "check the indentation and quoting around this line",
        )],
    );
}

#[test]
fn yaml_required_field_missing() {
    let fx = base();
    fx.replace(ANNA, "market: ru\n", "");
    check(
        &fx,
        1,
        &[(
            "error: missing required field `market`",
            "clients/lumen/partnerships/anna-petrova.yaml:1:1",
            "add `market:` to the top-level mapping, which starts on line 1",
        )],
    );
}

#[test]
fn yaml_required_field_missing_from_a_nested_mapping() {
    let fx = base();
    fx.replace(BEN, "fee:\n  amount: 2500\n", "fee:\n  currency: USD\n");
    check(
        &fx,
        1,
        &[(
            "error: missing required field `amount` in `fee`",
            "clients/lumen/partnerships/ben-carter.yaml:8:1",
            "add `amount:` to `fee`, on line 8",
        )],
    );
}

#[test]
fn yaml_required_field_misspelt() {
    let fx = base();
    fx.replace(BEN, "start:", "strat:");
    check(
        &fx,
        1,
        &[(
            "error: missing required field `start`",
            "clients/lumen/partnerships/ben-carter.yaml:7:1",
            "`strat` is not a known key: did you mean `start`?",
        )],
    );
}

#[test]
fn yaml_wrong_type() {
    let fx = base();
    fx.replace(ANNA, "amount: 150000", "amount: \"3k\"");
    check(
        &fx,
        1,
        &[(
            "error: `amount` must be a number, found the text \"3k\"",
            "clients/lumen/partnerships/anna-petrova.yaml:10:11",
            "write a plain number such as 3000 or 12.50, without units or thousands separators",
        )],
    );
}

#[test]
fn yaml_value_outside_its_set() {
    let fx = base();
    fx.replace(ANNA, "platform: instagram", "platform: instagramm");
    fx.replace(ANNA, "model: retainer", "model: retainr");
    check(
        &fx,
        1,
        &[
            (
                "error: `platform` cannot be the text \"instagramm\"",
                "clients/lumen/partnerships/anna-petrova.yaml:4:13",
                "did you mean \"instagram\"?",
            ),
            (
                "error: `model` cannot be the text \"retainr\"",
                "clients/lumen/partnerships/anna-petrova.yaml:7:8",
                "did you mean \"retainer\"?",
            ),
        ],
    );
}

#[test]
fn a_posts_file_without_a_figure_is_a_warning_not_silence() {
    let fx = base();
    fx.write(
        "clients/lumen/metrics/more-posts.csv",
        "post_id,partnership,published,url\nX1,anna-petrova,2026-03-02,\nX2,ben-carter,2026-03-09,\n",
    );
    check(
        &fx,
        0,
        &[(
            "warning: this posts file has no figures: no impressions, reach, engagements, clicks, conversions or revenue for any of its 2 posts",
            "clients/lumen/metrics/more-posts.csv",
            "add the posts' lifetime figures in columns named impressions, reach, engagements, clicks, conversions, revenue (any of them, in any order; an empty cell is unknown); without them the reports show these posts and nothing they did",
        )],
    );
    // One figure in one row is enough: an empty cell is only unknown.
    fx.write(
        "clients/lumen/metrics/more-posts.csv",
        "post_id,partnership,published,reach,revenue\nX1,anna-petrova,2026-03-02,,\nX2,ben-carter,2026-03-09,900,\n",
    );
    check(&fx, 0, &[]);
}

#[test]
fn yaml_unknown_key_is_a_warning() {
    let fx = base();
    fx.replace(ROSTER, "output_dir:", "output_dri:");
    check(
        &fx,
        0,
        &[(
            "warning: unknown key `output_dri` is ignored",
            "roster.yaml:2:1",
            "did you mean `output_dir`?",
        )],
    );
}

#[test]
fn yaml_invalid_date() {
    let fx = base();
    fx.replace(ANNA, "start: 2026-01-01", "start: 2026-02-30");
    check(
        &fx,
        1,
        &[(
            "error: `start` must be a real date YYYY-MM-DD, found the text \"2026-02-30\"",
            "clients/lumen/partnerships/anna-petrova.yaml:8:8",
            "write the date as 2026-03-01, with a day that exists in that month and a year from 1900 to 2199",
        )],
    );
}

#[test]
fn yaml_empty_file() {
    let fx = base();
    fs::write(fx.path(BEN), "# to do\n").unwrap();
    check(
        &fx,
        1,
        &[(
            "error: the file is empty",
            "clients/lumen/partnerships/ben-carter.yaml",
            "write its keys, `key: value` one a line; the keys here are creator, market, model, start, end, fee, deliverables, contract, extra_costs, promo_codes",
        )],
    );
}

// ---------------------------------------------------------- references

#[test]
fn reference_unknown_market() {
    let fx = base();
    fx.replace(ANNA, "market: ru", "market: usa");
    check(
        &fx,
        1,
        &[(
            "error: unknown market \"usa\" (markets of this client: ru, us)",
            "clients/lumen/partnerships/anna-petrova.yaml:6:9",
            "did you mean \"us\"? markets are listed in client.yaml",
        )],
    );
}

#[test]
fn reference_unknown_partnership_once_per_file_with_a_count() {
    let fx = base();
    let posts = fx.read(POSTS).replace(",anna-petrova,", ",ana-petrova,");
    fs::write(fx.path(POSTS), posts).unwrap();
    fx.replace(ORDERS, ",anna-petrova,", ",ana-petrova,");
    check(
        &fx,
        1,
        &[
            (
                "error: 1 row names unknown partnership \"ana-petrova\"",
                "clients/lumen/metrics/orders.csv:2:18",
                "did you mean \"anna-petrova\"? partnerships are the files in clients/lumen/partnerships/",
            ),
            (
                "error: 3 rows name unknown partnership \"ana-petrova\"",
                "clients/lumen/metrics/posts.csv:2:4",
                "did you mean \"anna-petrova\"? partnerships are the files in clients/lumen/partnerships/",
            ),
        ],
    );
}

#[test]
fn an_unknown_partnership_beside_tiktok_links_is_quoted_with_its_line() {
    let fx = base();
    // A TikTok link has an `@` and a dot after it, as an e-mail has: the
    // file is still no file of customers, and its line is quoted.
    let link = "https://www.tiktok.com/@anna.brews/video/7049044217305063117";
    let posts = fx
        .read(POSTS)
        .replacen(",anna-petrova,", ",ana-petrova,", 1)
        .replacen(",USD,\n", &format!(",USD,{link}\n"), 1);
    fs::write(fx.path(POSTS), posts).unwrap();
    let run = fx.roster(&["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let quoted = format!(
        "2 | A1,ana-petrova,2026-01-15,sponsored,12000,9000,540,120,6,320.50,USD,{link}\n  |    ^^^^^^^^^^^\n"
    );
    assert!(run.stderr.contains(&quoted), "{}", run.stderr);
}

#[test]
fn reference_unknown_post_once_per_file_with_a_count() {
    let fx = base();
    let daily = fx.read(DAILY).replace("A1,", "A9,");
    fs::write(fx.path(DAILY), daily).unwrap();
    check(
        &fx,
        1,
        &[(
            "error: 2 rows name unknown post \"A9\"",
            "clients/lumen/metrics/daily.csv:2:1",
            "did you mean \"A1\"?",
        )],
    );
}

#[test]
fn reference_note_for_no_month_or_partnership() {
    let fx = base();
    fx.rename(
        "clients/lumen/notes/anna-petrova.md",
        "clients/lumen/notes/ana-petrova.md",
    );
    fx.write("clients/lumen/notes/2026-13.md", "x\n");
    fx.write("clients/lumen/notes/2026-09.md", "x\n");
    fx.write("clients/lumen/notes/2025-06.md", "x\n");
    check(
        &fx,
        0,
        &[
            (
                "warning: note for 2025-06 is before the first month of this client's reports, 2026-01; it is not shown",
                "clients/lumen/notes/2025-06.md",
                "rename it to the month it is about",
            ),
            (
                "warning: note for 2026-09 is after the report date 2026-03-31; it is not shown",
                "clients/lumen/notes/2026-09.md",
                "keep it for a later report, or rename it to the month it is about",
            ),
            (
                "warning: note \"2026-13.md\" names no month and no partnership; it is not shown",
                "clients/lumen/notes/2026-13.md",
                "name month notes YYYY-MM.md and partnership notes <partnership-id>.md",
            ),
            (
                "warning: note \"ana-petrova.md\" names no month and no partnership; it is not shown",
                "clients/lumen/notes/ana-petrova.md",
                "did you mean anna-petrova.md?",
            ),
        ],
    );
}

#[test]
fn reference_logo_that_does_not_exist() {
    let fx = base();
    fx.replace(CLIENT, "logo: assets/logo.svg", "logo: assets/logo.png");
    check(
        &fx,
        1,
        &[(
            "error: logo \"assets/logo.png\" not found in the client folder",
            "clients/lumen/client.yaml:10:9",
            "put the file under the client's assets/ and give its path relative to the client folder",
        )],
    );
}

#[test]
fn reference_logo_outside_the_client_folder() {
    let fx = base();
    fx.replace(CLIENT, "logo: assets/logo.svg", "logo: ../../roster.yaml");
    check(
        &fx,
        1,
        &[(
            "error: logo \"../../roster.yaml\" is outside the client folder",
            "clients/lumen/client.yaml:10:9",
            "put the file under the client's assets/ and give its path relative to the client folder, such as assets/logo.svg",
        )],
    );
}

// ----------------------------------------------------------------- ids

#[test]
fn id_client_folder() {
    let fx = base();
    fx.rename("clients/lumen", "clients/Lumen Skin");
    check(
        &fx,
        1,
        &[(
            "error: client folder name \"Lumen Skin\" is not a valid id",
            "clients/Lumen Skin",
            "rename it to match [a-z0-9][a-z0-9_-]*, e.g. lower-case with dashes",
        )],
    );
}

#[test]
fn id_partnership_file_stem_without_follow_on_errors() {
    let fx = base();
    fx.rename(ANNA, "clients/lumen/partnerships/Anna Petrova.yaml");
    // Rows and notes naming anna-petrova are not reported as well.
    check(
        &fx,
        1,
        &[(
            "error: partnership file name \"Anna Petrova\" is not a valid id",
            "clients/lumen/partnerships/Anna Petrova.yaml",
            "rename the file to match [a-z0-9][a-z0-9_-]*.yaml, such as anna-petrova.yaml",
        )],
    );
}

#[test]
fn id_market() {
    let fx = base();
    fx.replace(CLIENT, "- id: us", "- id: U.S.");
    check(
        &fx,
        1,
        &[(
            "error: market id \"U.S.\" must match [a-z0-9][a-z0-9_-]*",
            "clients/lumen/client.yaml:6:9",
            "use lower-case letters, digits, `-` and `_`",
        )],
    );
}

// ---------------------------------------------------------- duplicates

#[test]
fn duplicate_ids_name_both_places() {
    let fx = base();
    fx.append(POSTS, "A2,ben-carter,2026-03-01,,1,1,1,1,1,,,\n");
    fx.append(ORDERS, "O1,2026-03-02,c9,,5,USD\n");
    fx.append(DAILY, "B1,1,1,1,1,1,1,1\n");
    check(
        &fx,
        1,
        &[
            (
                "error: duplicate daily row for post \"B1\", day 1",
                "clients/lumen/metrics/daily.csv:5:1",
                "first given at clients/lumen/metrics/daily.csv:4:1; each (post_id, day) appears once",
            ),
            (
                "error: duplicate order_id \"O1\"",
                "clients/lumen/metrics/orders.csv:5:1",
                "first defined at clients/lumen/metrics/orders.csv:2:1; order ids are unique within a client",
            ),
            (
                "error: duplicate post_id \"A2\"",
                "clients/lumen/metrics/posts.csv:6:1",
                "first defined at clients/lumen/metrics/posts.csv:3:1; post ids are unique within a client",
            ),
        ],
    );
}

#[test]
fn duplicate_post_id_across_files() {
    let fx = base();
    fx.write(
        "clients/lumen/metrics/more/posts-2.csv",
        "post_id;partnership;published;reach\nB1;ben-carter;2026-03-05;900\n",
    );
    check(
        &fx,
        1,
        &[(
            "error: duplicate post_id \"B1\"",
            "clients/lumen/metrics/posts.csv:4:1",
            "first defined at clients/lumen/metrics/more/posts-2.csv:2:1; post ids are unique within a client",
        )],
    );
}

// ----------------------------------------------------------------- CSV

#[test]
fn csv_header_that_fits_no_kind() {
    let fx = base();
    fx.write(
        "clients/lumen/metrics/stats.csv",
        "id;partner;when;reach\nA1;x;y;1\n",
    );
    check(
        &fx,
        1,
        &[(
            "error: CSV header fits no kind of metrics file",
            "clients/lumen/metrics/stats.csv:1:1",
            "for a posts file add `post_id` and `published`; for a daily file add `post_id` and `day`; for an orders file add `order_id` and `customer`",
        )],
    );
}

#[test]
fn csv_header_that_nearly_fits_a_kind() {
    let fx = base();
    fx.replace(DAILY, "post_id,day,", "post_id,days,");
    check(
        &fx,
        1,
        &[(
            "error: CSV header fits no kind of metrics file",
            "clients/lumen/metrics/daily.csv:1:1",
            "for a daily file add `day` (is `days` meant?); for a posts file add `published`; for an orders file add `order_id` and `customer`",
        )],
    );
}

#[test]
fn csv_required_column_missing() {
    let fx = base();
    fx.replace(POSTS, "post_id,partnership,", "post_id,partnershp,");
    // The posts cannot be read, so daily rows naming them are not reported.
    check(
        &fx,
        1,
        &[(
            "error: missing required column `partnership` for a posts file",
            "clients/lumen/metrics/posts.csv:1:1",
            "rename `partnershp` to `partnership`",
        )],
    );
}

#[test]
fn csv_unknown_column_is_a_warning_at_the_column() {
    let fx = base();
    fx.replace(ORDERS, "revenue,currency\n", "revenue,currency,channel\n");
    check(
        &fx,
        0,
        &[(
            "warning: unknown columns ignored: channel",
            "clients/lumen/metrics/orders.csv:1:53",
            "the columns roster reads here are order_id, date, customer, partnership, revenue, currency",
        )],
    );
}

#[test]
fn csv_values_of_the_wrong_form() {
    let fx = base();
    fx.replace(POSTS, ",12000,", ",12k,");
    fx.replace(POSTS, ",21000,", ",21 00,");
    fx.replace(POSTS, ",2026-02-10,", ",10.02.26,");
    check(
        &fx,
        1,
        &[
            (
                "error: `impressions` must be a whole number, found \"12k\"",
                "clients/lumen/metrics/posts.csv:2:38",
                "write a whole number, such as 12000 or 12,000; leave the cell empty when the value is unknown",
            ),
            (
                "error: `revenue` must be a number, found \"21 00\"",
                "clients/lumen/metrics/posts.csv:3:51",
                "digits are grouped in threes, such as 1,234,567; check for a missing or an extra digit",
            ),
            (
                "error: `published` must be a date, found \"10.02.26\"",
                "clients/lumen/metrics/posts.csv:4:15",
                DATE_HELP,
            ),
        ],
    );
}

#[test]
fn csv_negative_count() {
    let fx = base();
    fx.replace(POSTS, ",8000,6000,", ",8000,-6000,");
    check(
        &fx,
        1,
        &[(
            "error: `reach` cannot be negative, found \"-6000\"",
            "clients/lumen/metrics/posts.csv:5:41",
            "counts are 0 or more; leave the cell empty when the value is unknown",
        )],
    );
}

#[test]
fn csv_kind_other_than_sponsored_or_organic() {
    let fx = base();
    fx.replace(POSTS, ",organic,", ",paid,");
    check(
        &fx,
        1,
        &[(
            "error: `kind` must be sponsored or organic, found \"paid\"",
            "clients/lumen/metrics/posts.csv:5:28",
            "leave it empty for a sponsored post",
        )],
    );
}

#[test]
fn csv_row_with_more_fields_than_the_header() {
    let fx = base();
    fx.replace(
        ORDERS,
        "O3,2026-03-01,c1,,60,USD",
        "O3,2026-03-01,c1,,60,USD,web",
    );
    check(
        &fx,
        1,
        &[(
            "error: row has 7 fields but the header has 6",
            "clients/lumen/metrics/orders.csv:4:26",
            "quote values that contain the delimiter",
        )],
    );
}

#[test]
fn csv_semicolons_decimal_commas_and_windows_1251() {
    let fx = base();
    let mut bytes = b"post_id;partnership;published;revenue;\xef\xf0\xe8\xec\r\n".to_vec();
    bytes.extend_from_slice(
        b"C1;ben-carter;2026-03-04;12,5;x\r\nC2;ben-carter;2026-03-05;1.234,5;\r\nC3;ben-carter;2026-03-06;12,5x;\r\n",
    );
    fs::write(fx.path("clients/lumen/metrics/excel.csv"), bytes).unwrap();
    check(
        &fx,
        1,
        &[
            (
                "warning: file is not UTF-8; read it as Windows-1251",
                "clients/lumen/metrics/excel.csv",
                "save it as \"CSV UTF-8\" to make the encoding explicit",
            ),
            (
                "warning: unknown columns ignored: прим",
                "clients/lumen/metrics/excel.csv:1:39",
                "the columns roster reads here are post_id, partnership, published, kind, impressions, reach, engagements, clicks, conversions, revenue, currency, url",
            ),
            (
                "error: `revenue` must be a number, found \"12,5x\"",
                "clients/lumen/metrics/excel.csv:4:26",
                "write a number such as 1234,50 or 1 234,50, with or without a currency sign",
            ),
        ],
    );
}

#[test]
fn csv_bad_post_row_does_not_make_its_daily_rows_unknown() {
    let fx = base();
    fx.replace(
        POSTS,
        "A1,anna-petrova,2026-01-15,",
        "A1,anna-petrova,2026-01-35,",
    );
    check(
        &fx,
        1,
        &[(
            "error: `published` must be a date, found \"2026-01-35\"",
            "clients/lumen/metrics/posts.csv:2:17",
            DATE_HELP,
        )],
    );
}

#[test]
fn csv_many_bad_rows_of_one_column_are_one_diagnostic() {
    let fx = base();
    let mut rows = String::from("post_id,day,reach\n");
    for i in 0..30 {
        rows.push_str(&format!("B1,{},x\n", i + 2));
    }
    fx.write("clients/lumen/metrics/daily-2.csv", &rows);
    check(
        &fx,
        1,
        &[(
            "error: `reach` must be a whole number, found \"x\", in 30 rows: lines 2, 3, 4 and 27 more",
            "clients/lumen/metrics/daily-2.csv:2:6",
            "write a whole number, such as 12000 or 12,000; leave the cell empty when the value is unknown",
        )],
    );
}

// --------------------------------------------------------------- logic

#[test]
fn logic_retainer_end_before_start() {
    let fx = base();
    fx.append(ANNA, "end: 2025-12-31\n");
    check(
        &fx,
        1,
        &[(
            "error: `end` 2025-12-31 is before `start` 2026-01-01",
            "clients/lumen/partnerships/anna-petrova.yaml:14:6",
            "swap the dates or correct the year",
        )],
    );
}

#[test]
fn logic_negative_fee() {
    let fx = base();
    fx.replace(BEN, "amount: 2500", "amount: -2500");
    check(
        &fx,
        1,
        &[(
            "error: fee cannot be negative, found -2500",
            "clients/lumen/partnerships/ben-carter.yaml:9:11",
            "write the fee as a positive amount",
        )],
    );
}

#[test]
fn logic_currency_without_an_fx_rate() {
    let fx = base();
    fx.replace(ANNA, "currency: RUB", "currency: EUR");
    fx.replace(POSTS, ",21000,RUB,", ",21000,GBP,");
    let run = check(
        &fx,
        1,
        &[
            (
                "error: no fx rate for GBP/USD in 2026-02 or earlier (revenue booked in 2026-02)",
                "clients/lumen/metrics/posts.csv:3:57",
                "add a rate to roster.yaml:",
            ),
            (
                "error: no fx rate for EUR/USD in 2026-01 or earlier (the fee is booked from 2026-01)",
                "clients/lumen/partnerships/anna-petrova.yaml:11:13",
                "add a rate to roster.yaml:",
            ),
        ],
    );
    assert!(
        run.stderr
            .contains("add a rate to roster.yaml:\n         fx:\n           EUR/USD:\n             2026-01: <1 EUR in USD>"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("3 | A2,anna-petrova,2026-02-12,,15000,11000,610,130,7,21000,GBP,\n  |                                                         ^^^\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn logic_followers_missing_for_the_followers_denominator() {
    let fx = base();
    fx.append(ROSTER, "engagement_denominator: followers\n");
    fx.replace(BEN, "  followers: 90000\n", "");
    check(
        &fx,
        1,
        &[(
            "error: missing `followers` in `creator`: roster.yaml has engagement_denominator: followers",
            "clients/lumen/partnerships/ben-carter.yaml:1:1",
            "add `followers: <count>` under `creator:`, or divide engagements by reach or impressions in roster.yaml",
        )],
    );
}

#[test]
fn logic_roster_yaml_missing() {
    let fx = base();
    fx.remove(ROSTER);
    let looked = fs::canonicalize(&fx.root).unwrap();
    check(
        &fx,
        2,
        &[(
            &format!("error: no roster.yaml in {}", looked.display()),
            "",
            "run roster in a portfolio folder, pass its path, or start one with `roster init DIR`",
        )],
    );
}

#[test]
fn logic_empty_portfolio() {
    let fx = base();
    fx.remove("clients/lumen");
    check(
        &fx,
        1,
        &[(
            "error: the portfolio has no clients",
            "clients",
            "add a folder clients/<client-id>/ with a client.yaml",
        )],
    );
}

#[test]
fn logic_no_client_yaml() {
    let fx = base();
    fx.remove(CLIENT);
    check(
        &fx,
        1,
        &[(
            "error: client folder has no client.yaml",
            "clients/lumen",
            "add client.yaml with at least name, currency and markets",
        )],
    );
}

// --------------------------------------------------------------- files

#[test]
fn file_that_cannot_be_read() {
    let fx = base();
    // A link to nowhere cannot be read, even by root.
    fx.remove(BEN);
    std::os::unix::fs::symlink(fx.root.join("nowhere.yaml"), fx.path(BEN)).unwrap();
    std::os::unix::fs::symlink(
        fx.root.join("nowhere.csv"),
        fx.path(DAILY.replace("daily", "lost").as_str()),
    )
    .unwrap();
    // Rows naming ben-carter are not reported as well.
    check(
        &fx,
        2,
        &[
            (
                "error: cannot read file: No such file or directory (os error 2)",
                "clients/lumen/metrics/lost.csv",
                "",
            ),
            (
                "error: cannot read file: No such file or directory (os error 2)",
                "clients/lumen/partnerships/ben-carter.yaml",
                "",
            ),
        ],
    );
}

#[test]
fn file_without_permission() {
    use std::os::unix::fs::PermissionsExt;
    let fx = base();
    fs::set_permissions(fx.path(ORDERS), fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(fx.path(ORDERS)).is_ok() {
        return; // running as root: permissions are not enforced
    }
    check(
        &fx,
        2,
        &[(
            "error: cannot read file: Permission denied (os error 13)",
            "clients/lumen/metrics/orders.csv",
            "",
        )],
    );
}

#[test]
fn file_expected_but_a_directory_found() {
    let fx = base();
    fx.remove(CLIENT);
    fs::create_dir(fx.path(CLIENT)).unwrap();
    fx.remove(ROSTER);
    fs::create_dir(fx.path(ROSTER)).unwrap();
    check(
        &fx,
        2,
        &[
            (
                "error: expected a file, found a directory",
                "clients/lumen/client.yaml",
                "",
            ),
            (
                "error: expected a file, found a directory",
                "roster.yaml",
                "",
            ),
        ],
    );
}

#[test]
fn file_yaml_not_utf8() {
    let fx = base();
    let mut bytes = fs::read(fx.path(BEN)).unwrap();
    // "Ben Carter" with a byte that is "В" in Windows-1251 and "Â" in
    // Windows-1252 for the "B": alone, it reads as the latter.
    let at = bytes.iter().position(|b| *b == b'B').unwrap();
    bytes[at] = 0xC2;
    fs::write(fx.path(BEN), bytes).unwrap();
    let run = check(
        &fx,
        1,
        &[(
            "error: file is not valid UTF-8",
            "clients/lumen/partnerships/ben-carter.yaml:2:10",
            "save the file with the encoding UTF-8 (in Notepad or Excel: Save As, Encoding: UTF-8)",
        )],
    );
    assert!(
        run.stderr.contains("2 |   name: \"Âen Carter\""),
        "{}",
        run.stderr
    );
}

// ------------------------------------------------ all at once, no cascade

#[test]
fn broken_roster_yaml_still_checks_every_client() {
    let fx = base();
    fx.replace(ROSTER, "2026-01: 0.011", "2026-01: -0.011");
    fx.replace(ANNA, "market: ru", "market: usa");
    fx.replace(POSTS, "B1,ben-carter,", "B1,ben-carte,");
    check(
        &fx,
        1,
        &[
            (
                "error: 1 row names unknown partnership \"ben-carte\"",
                "clients/lumen/metrics/posts.csv:4:4",
                "did you mean \"ben-carter\"? partnerships are the files in clients/lumen/partnerships/",
            ),
            (
                "error: unknown market \"usa\" (markets of this client: ru, us)",
                "clients/lumen/partnerships/anna-petrova.yaml:6:9",
                "did you mean \"us\"? markets are listed in client.yaml",
            ),
            (
                "error: an fx rate must be greater than 0",
                "roster.yaml:6:14",
                "",
            ),
        ],
    );
}

#[test]
fn broken_client_yaml_does_not_cascade() {
    let fx = base();
    fx.replace(CLIENT, "currency: USD", "currency: dollars");
    check(
        &fx,
        1,
        &[(
            "error: `currency` must be a three-letter currency code, found \"dollars\"",
            "clients/lumen/client.yaml:2:11",
            "use an ISO 4217 code such as USD, RUB or EUR",
        )],
    );
}

/// The five errors in four files of the closing example.
fn five_errors_in_four_files(fx: &Fixture) {
    fx.replace(ROSTER, "as_of: 2026-03-31", "as_of: 2026-03-32");
    fx.replace(ANNA, "market: ru", "market: usa");
    fx.replace(BEN, "platform: youtube", "platform: youtub");
    fx.replace(POSTS, "A1,anna-petrova,", "A1,ana-petrova,");
    fx.replace(POSTS, ",8000,6000,", ",8k,6000,");
}

#[test]
fn five_errors_in_four_files_in_one_run_and_the_previous_site_stays() {
    let fx = base();
    let ok = fx.build();
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    let before = tree(fx.dir.path());
    five_errors_in_four_files(&fx);
    let edited = tree(fx.dir.path());

    let run = fx.build();
    let (got, summary) = shown(&run);
    let places: Vec<&str> = got.iter().map(|d| d.1.as_str()).collect();
    assert_eq!(
        places,
        [
            "clients/lumen/metrics/posts.csv:2:4",
            "clients/lumen/metrics/posts.csv:5:36",
            "clients/lumen/partnerships/anna-petrova.yaml:6:9",
            "clients/lumen/partnerships/ben-carter.yaml:3:13",
            "roster.yaml:3:8",
        ],
        "{}",
        run.stderr
    );
    assert!(got.iter().all(|d| d.0.starts_with("error: ")));
    assert_eq!(
        summary,
        "error: could not build: 5 errors in 4 files; nothing was written"
    );
    assert_eq!(run.code, 1);
    // Nothing changed anywhere: not the site, not the portfolio, no
    // staging folder left beside them.
    assert_eq!(tree(fx.dir.path()), edited);
    let site_before: Vec<_> = before
        .iter()
        .filter(|(p, _)| p.starts_with("site"))
        .collect();
    let site_after: Vec<_> = edited
        .iter()
        .filter(|(p, _)| p.starts_with("site"))
        .collect();
    assert_eq!(site_before, site_after);
    assert!(!site_after.is_empty());

    // `roster check` prints the same diagnostics.
    let checked = fx.roster(&["check", "."]);
    assert_eq!(shown(&checked).0, got);
    assert_eq!(checked.code, 1);
}

#[test]
fn check_never_writes() {
    for broken in [false, true] {
        let fx = base();
        if broken {
            five_errors_in_four_files(&fx);
        }
        let before = tree(fx.dir.path());
        let run = fx.roster(&["check", "."]);
        assert_eq!(run.code, i32::from(broken), "{}", run.stderr);
        assert_eq!(tree(fx.dir.path()), before);
        assert!(!fx.root.join("public").exists());
    }
}

// ------------------------------------------------------ output refusals

#[test]
fn refuses_the_portfolio_as_output() {
    let fx = base();
    let before = tree(fx.dir.path());
    for out in [".", ".."] {
        let run = fx.roster(&["build", ".", "--output", out]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(
            run.stderr,
            format!(
                "error: the output folder {out} is the portfolio or contains it; choose another with --output or output_dir\n"
            )
        );
    }
    assert_eq!(tree(fx.dir.path()), before);
}

#[test]
fn refuses_an_output_folder_with_files_roster_did_not_write() {
    let fx = base();
    let out = fx.out();
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("thesis.docx"), "mine").unwrap();
    let run = fx.build();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("holds files roster did not write (it has no .roster-manifest)"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read(out.join("thesis.docx")).unwrap(), b"mine");

    // A site roster wrote, with a file added by hand: refused too.
    fs::remove_file(out.join("thesis.docx")).unwrap();
    assert_eq!(fx.build().code, 0);
    fs::write(out.join("lumen/extra.html"), "mine").unwrap();
    let before = tree(&out);
    let run = fx.build();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("(lumen/extra.html)"), "{}", run.stderr);
    assert_eq!(tree(&out), before);
}

#[test]
fn rebuilds_its_own_output_folder() {
    let fx = base();
    assert_eq!(fx.build().code, 0);
    let first = tree(&fx.out());
    assert!(
        first
            .iter()
            .any(|(p, _)| p == Path::new(".roster-manifest"))
    );
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(tree(&fx.out()), first);
}
