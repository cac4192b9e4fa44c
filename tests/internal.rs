//! The agency's own build (`--internal`): the notes of `notes/internal/`
//! shown beside the client's and every page marked, with nothing else
//! different; and the footnotes that explain a cent lost to rounding.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{Fixture, tree};

/// Every file under `dir`, relative, with its text (or a lossy one).
fn files(dir: &Path) -> BTreeMap<String, String> {
    tree(dir)
        .into_iter()
        .map(|(rel, bytes)| (rel, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

/// The sample built into `out`, with `--internal` when `internal`.
fn build(fx: &Fixture, out: &Path, internal: bool) -> String {
    let mut args = vec!["build", ".", "--output", out.to_str().unwrap()];
    if internal {
        args.push("--internal");
    }
    let run = fx.roster(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stderr
}

/// An internal page with its marks and internal notes taken out: what the
/// client-facing page should be. The manifest's first line says which kind
/// of site it lists.
fn without_internal(html: &str) -> String {
    let mut out = html.replace(
        "# roster site: internal\n",
        "# roster site: client-facing\n",
    );
    for mark in ["Internal", "Для внутреннего пользования"] {
        out = out.replace(&format!("<title>{mark} · "), "<title>");
        // The printed pages' running header.
        out = out.replace(&format!("content: \"{mark} · "), "content: \"");
        out = out.replace(
            &format!("\n<strong class=\"internal-mark\">{mark}</strong>"),
            "",
        );
    }
    while let Some(start) = out.find("\n<section class=\"panel note internal\"") {
        let end = start + out[start..].find("</section>").unwrap() + "</section>".len();
        out.replace_range(start..end, "");
    }
    out
}

#[test]
fn an_internal_build_differs_from_the_client_one_only_by_its_marks_and_notes() {
    let fx = Fixture::sample();
    let (client, internal) = (fx.out(), fx.out().with_file_name("internal"));
    build(&fx, &client, false);
    build(&fx, &internal, true);
    let (client, internal) = (files(&client), files(&internal));
    assert_eq!(
        client.keys().collect::<Vec<_>>(),
        internal.keys().collect::<Vec<_>>()
    );
    // The sample's internal notes: a rate being negotiated.
    let secret = ["Our ceiling is", "can go to $3,750", "Internal commentary"];
    for (name, text) in &client {
        for s in secret {
            assert!(!text.contains(s), "{name} shows {s:?}");
        }
        assert!(!text.contains("internal-mark\">"), "{name}");
    }
    let mut panels = 0;
    for (name, text) in &internal {
        if name.ends_with(".html") {
            assert!(text.contains("<strong class=\"internal-mark\">"), "{name}");
            panels += text.matches("class=\"panel note internal\"").count();
        }
        // A PDF's running header carries the mark, inside compressed
        // streams, so the file differs as a whole.
        if name.ends_with(".pdf") {
            continue;
        }
        // data.json, the CSV files, the stylesheets: the same bytes.
        assert_eq!(without_internal(text), client[name], "{name}");
    }
    assert_eq!(panels, 2, "the month note and Jess Caldwell's");
    let month = &internal["kestrel-coffee/reports/2026-10/index.html"];
    let (note, own) = (
        month.find("id=\"note\"").unwrap(),
        month.find("Our ceiling is").unwrap(),
    );
    assert!(note < own, "the internal note comes after the client's");
}

#[test]
fn notes_internal_is_read_not_warned_about_as_a_folder_of_notes() {
    let fx = Fixture::sample();
    for internal in [false, true] {
        let stderr = build(&fx, &fx.out(), internal);
        assert!(!stderr.contains("is not read: internal"), "{stderr}");
    }
    let check = fx.roster(&["check", "."]);
    assert!(!check.stderr.contains("notes/internal"), "{}", check.stderr);
}

#[test]
fn an_internal_note_naming_nothing_is_warned_about_in_every_run() {
    let fx = Fixture::sample();
    let note = "clients/kestrel-coffee/notes/internal/jess-caldwel.md";
    fx.write(note, "Rate talk.\n\n[the old deck](../../../../deck.pdf)\n");
    fx.write("clients/kestrel-coffee/notes/internal/draft.txt", "x");
    for args in [&["check", "."][..], &["check", ".", "--internal"][..]] {
        let run = fx.roster(args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stderr.contains(
                "warning: note \"jess-caldwel.md\" names no month and no partnership; it is not shown"
            ),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains(note), "{}", run.stderr);
        assert!(
            run.stderr.contains("did you mean jess-caldwell.md?"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("a file in notes/internal/ is not read: draft.txt"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_link_leaving_the_client_in_an_internal_note_is_caught_and_dropped() {
    let fx = Fixture::sample();
    let note = "clients/kestrel-coffee/notes/internal/2026-09.md";
    fx.write(note, "See [the rate card](../../../polyn/index.html).\n");
    let check = fx.roster(&["check", "."]);
    assert!(
        check.stderr.contains(
            "warning: link \"../../../polyn/index.html\" leaves the client's folder; it is dropped, its text stays"
        ),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains(&format!("{note}:1:5")),
        "{}",
        check.stderr
    );
    build(&fx, &fx.out(), true);
    let page = std::fs::read_to_string(fx.out().join("kestrel-coffee/reports/2026-09/index.html"))
        .unwrap();
    assert!(page.contains("the rate card"));
    assert!(!page.contains("polyn/index.html"));
}

#[test]
fn the_months_a_cent_off_the_headline_cost_say_why() {
    // The sample's months cost $97,095.94 as shown, one by one; the cost to
    // date is $97,095.93 (each month rounded on its own), and so is the
    // cost ahead's spent column against its total.
    let fx = Fixture::sample();
    build(&fx, &fx.out(), false);
    let read = |rel: &str| std::fs::read_to_string(fx.out().join(rel)).unwrap();
    let overview = read("kestrel-coffee/index.html");
    assert!(overview.contains("$97,095.93"));
    assert!(overview.contains(
        "cost and revenue are rounded to the cent on their own, so the months may not add up"
    ));
    assert!(
        read("polyn/index.html")
            .contains("<p class=\"table-note\">Затраты и выручка каждого месяца")
    );
    let ahead = read("kestrel-coffee/commitments/index.html");
    assert!(ahead.contains(
        "<p class=\"table-note\">Each amount is rounded to the cent on its own, so the rows may not add up to the total"
    ));
    // A table whose rows add up says nothing.
    let jess = read("kestrel-coffee/partnerships/jess-caldwell/index.html");
    assert!(!jess.contains("table-note"));
}
