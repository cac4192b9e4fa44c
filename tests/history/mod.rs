//! Sent reports and restatements (docs/history.md), on a copy of
//! sample-data: `roster archive` records a month, every later build and
//! check compares it again and says what changed and why, an archive that
//! cannot be used is an error at its file that does not stop the site, and
//! `roster archive` refuses what it cannot record.

use std::fs;

use rust_decimal::Decimal;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::bad_input::Edit;
use crate::common::{Fixture, Run};
use crate::formats::{Entry, parse};

mod bad;
mod issue;
mod reasons;
mod refusals;

const KESTREL: &str = "kestrel-coffee";
const POLYN: &str = "polyn";
const ROSTER: &str = "roster.yaml";
const POSTS_09: &str = "clients/kestrel-coffee/metrics/posts/2026-09.csv";
const POSTS_10: &str = "clients/kestrel-coffee/metrics/posts/2026-10.csv";
const PARTNERSHIPS: &str = "clients/kestrel-coffee/partnerships";
const ARCHIVE: &str = "clients/kestrel-coffee/archive";
const KESTREL_09: &str = "clients/kestrel-coffee/archive/2026-09.json";
const POLYN_09: &str = "clients/polyn/archive/2026-09.json";
/// A late post of Denis Kuznetsov's: 50 000 RUB of revenue on 28 September.
const LATE_POST: &str =
    "late-post-1,denis-kuznetsov,2026-09-28,sponsored,10000,8000,500,100,20,50000,RUB,\n";
/// September's RUB/USD rate in sample-data's roster.yaml.
const RUB_USD_09: &str = "0.0113";

// ------------------------------------------------------------- helpers

/// `roster ARGS...`, asserting it did not panic.
fn roster(fx: &Fixture, args: &[&str]) -> Run {
    let run = fx.roster(args);
    assert!(
        !run.stderr.contains("panicked"),
        "roster panicked:\n{}",
        run.stderr
    );
    run
}

/// `roster archive ARGS...` in the fixture.
fn archive(fx: &Fixture, args: &[&str]) -> Run {
    let mut all = vec!["archive"];
    all.extend_from_slice(args);
    roster(fx, &all)
}

/// A copy of sample-data with 2026-09 archived for both clients.
fn archived() -> Fixture {
    let fx = Fixture::sample();
    let run = archive(&fx, &["2026-09"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fx.root.join(KESTREL_09).is_file() && fx.root.join(POLYN_09).is_file());
    fx
}

/// Build into the fixture's site folder, asserting the exit status.
fn build(fx: &Fixture, code: i32) -> Run {
    let run = fx.build();
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.code, code, "{}", run.stderr);
    run
}

/// Build and return a client's `restatements`.
fn restatements(fx: &Fixture, client: &str) -> Vec<Value> {
    build(fx, 0);
    restatements_of(fx, client)
}

/// A built client's `restatements`.
fn restatements_of(fx: &Fixture, client: &str) -> Vec<Value> {
    fx.data(client)["restatements"]
        .as_array()
        .unwrap_or_else(|| panic!("{client}: restatements is not a list"))
        .clone()
}

/// The diagnostics of `roster COMMAND . ARGS... --format json`.
fn diagnostics(fx: &Fixture, command: &str, args: &[&str]) -> (Run, Vec<Entry>) {
    let mut all = vec![command, "."];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = roster(fx, &all);
    let entries = parse(&run.stdout);
    (run, entries)
}

/// `check --format json`'s diagnostics of sent reports (`history.*`).
fn history_checked(fx: &Fixture) -> (Run, Vec<Entry>) {
    let (run, entries) = diagnostics(fx, "check", &[]);
    let history = entries
        .into_iter()
        .filter(|e| e.kind.starts_with("history."))
        .collect();
    (run, history)
}

/// The one element of `items` for `partnership` (None: the month row) and
/// `figure`.
fn element<'a>(items: &'a [Value], partnership: Option<&str>, figure: &str) -> &'a Value {
    let want = partnership.map_or(Value::Null, |p| Value::String(p.into()));
    let found: Vec<&Value> = items
        .iter()
        .filter(|r| r["partnership"] == want && r["figure"] == figure)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{partnership:?} {figure} once in {items:#?}"
    );
    found[0]
}

/// Whether `items` has an element for `partnership` and `figure`.
fn has(items: &[Value], partnership: Option<&str>, figure: &str) -> bool {
    let want = partnership.map_or(Value::Null, |p| Value::String(p.into()));
    items
        .iter()
        .any(|r| r["partnership"] == want && r["figure"] == figure)
}

/// The (partnership, figure) of every element, in order.
fn figures(items: &[Value]) -> Vec<(Option<String>, String)> {
    items
        .iter()
        .map(|r| {
            (
                r["partnership"].as_str().map(str::to_string),
                r["figure"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The raw text of key `key` of the JSON object `text`.
fn raw(text: &str, key: &str) -> String {
    let object: std::collections::BTreeMap<String, Box<RawValue>> =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{key}: {e}"));
    object
        .get(key)
        .unwrap_or_else(|| panic!("no {key} in {text}"))
        .get()
        .to_string()
}

/// The raw text at `path` (object keys) of the JSON `text`.
fn raw_at(text: &str, path: &[&str]) -> String {
    path.iter().fold(text.to_string(), |t, k| raw(&t, k))
}

/// The raw text of the element of the JSON list `text` whose `key` is
/// `value`.
fn raw_where(text: &str, key: &str, value: &str) -> String {
    let list: Vec<Box<RawValue>> = serde_json::from_str(text).unwrap();
    list.iter()
        .map(|r| r.get().to_string())
        .find(|r| raw(r, key) == format!("\"{value}\""))
        .unwrap_or_else(|| panic!("no {key} {value} in {text}"))
}

/// A JSON number's text as the exact decimal it writes.
fn exact(text: &str) -> Decimal {
    let t = text.trim();
    t.parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(t))
        .unwrap_or_else(|e| panic!("{t}: {e}"))
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A decimal as the float data.json gives.
fn float(d: Decimal) -> f64 {
    d.to_string().parse().unwrap()
}

/// Assert a data.json number is `want`, within 1e-6.
fn close(got: &Value, want: Decimal, what: &str) {
    let got = got
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: not a number: {got}"));
    let want = float(want);
    assert!(
        (got - want).abs() <= 1e-6_f64.max(1e-9 * want.abs()),
        "{what}: expected {want}, got {got}"
    );
}

/// Kestrel's September archive as written.
fn kestrel_09(fx: &Fixture) -> String {
    fs::read_to_string(fx.root.join(KESTREL_09)).unwrap()
}

/// An exact figure of an archive's month row.
fn row_figure(archive: &str, figure: &str) -> Decimal {
    exact(&raw_at(archive, &["month_row", figure]))
}

/// An exact figure of a partnership of an archive.
fn partnership_figure(archive: &str, id: &str, figure: &str) -> Decimal {
    let p = raw_where(&raw(archive, "partnerships"), "id", id);
    exact(&raw_at(&p, &["figures", figure]))
}

/// Every element's `because` keys but those named are empty, and
/// `unexplained` is 0.
fn only(because: &Value, keys: &[&str]) {
    for k in [
        "partnerships",
        "appeared",
        "disappeared",
        "renamed",
        "fx",
        "settings",
    ] {
        let list = because[k]
            .as_array()
            .unwrap_or_else(|| panic!("because.{k}: {because}"));
        assert_eq!(
            list.is_empty(),
            !keys.contains(&k),
            "because.{k}: {because:#}"
        );
    }
    assert_eq!(because["unexplained"].as_f64(), Some(0.0), "{because:#}");
}

/// Every file under the fixture's archive folders, with its bytes.
fn archives(fx: &Fixture) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for client in [KESTREL, POLYN] {
        let dir = fx.root.join("clients").join(client).join("archive");
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let e = e.unwrap();
            let name = format!("{client}/{}", e.file_name().to_string_lossy());
            out.push((name, fs::read(e.path()).unwrap()));
        }
    }
    out.sort();
    out
}

/// Whether the site of both clients was written.
fn site_written(fx: &Fixture) {
    for client in [KESTREL, POLYN] {
        let index = fx.out().join(client).join("index.html");
        assert!(index.is_file(), "{} is missing", index.display());
    }
}
