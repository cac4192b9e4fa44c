//! What an output folder holds after a build: exactly what that build means
//! to publish. A build with `--client` keeps the other clients of the
//! previous site only when that site is of the same kind (`--internal` or
//! not) and they are still published; litter an operating system leaves in
//! the output (`.DS_Store`) goes with the rest of what roster replaces.

use std::fs;
use std::path::Path;

use crate::common::{Fixture, Run, all_text, tree};

fn build(fx: &Fixture, extra: &[&str]) -> Run {
    let out = fx.out();
    let mut args = vec!["build", ".", "--output", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = fx.roster(&args);
    assert_eq!(run.code, 0, "{extra:?}: {}", run.stderr);
    run
}

/// The client folders of the site at `out`.
fn clients(out: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_client_facing_build_of_one_client_keeps_no_internal_page() {
    let fx = Fixture::sample();
    build(&fx, &["--internal"]);
    assert!(all_text(&fx.out()).contains("internal-mark\">"));
    build(&fx, &["--client", "polyn"]);
    assert_eq!(clients(&fx.out()), ["polyn"]);
    assert!(!all_text(&fx.out()).contains("internal-mark\">"));
    assert!(!fx.out().join("index.html").exists(), "the internal index");

    // And the other way round: an internal build keeps no client-facing page.
    build(&fx, &[]);
    build(&fx, &["--internal", "--client", "polyn"]);
    assert_eq!(clients(&fx.out()), ["polyn"]);
}

#[test]
fn a_build_of_one_client_keeps_the_others_of_the_same_kind_still_published() {
    let fx = Fixture::sample();
    build(&fx, &[]);
    let before = tree(&fx.out());
    build(&fx, &["--client", "polyn"]);
    let after = tree(&fx.out());
    let kept = |t: &std::collections::BTreeMap<String, Vec<u8>>| {
        t.iter()
            .filter(|(rel, _)| !rel.starts_with("polyn/") && !rel.starts_with('.'))
            .map(|(rel, bytes)| (rel.clone(), bytes.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(kept(&after), kept(&before), "kestrel-coffee and the index");
    assert!(after.contains_key("index.html"));

    // Unpublished since: removed, and the index that named it with it.
    let client = fx.root.join("clients/kestrel-coffee/client.yaml");
    let mut text = fs::read_to_string(&client).unwrap();
    text.push_str("publish: false\n");
    fs::write(&client, text).unwrap();
    build(&fx, &["--client", "polyn"]);
    assert_eq!(clients(&fx.out()), ["polyn"]);
    assert!(!fx.out().join("index.html").exists());
}

#[test]
fn litter_an_operating_system_leaves_in_the_output_is_replaced_with_it() {
    let fx = Fixture::sample();
    // An output folder opened in Finder before the first build.
    fs::create_dir_all(fx.out()).unwrap();
    fs::write(fx.out().join(".DS_Store"), "finder").unwrap();
    build(&fx, &[]);
    let clean = tree(&fx.out());
    assert!(!clean.contains_key(".DS_Store"));
    let litter = [".DS_Store", "polyn/Thumbs.db", "kestrel-coffee/desktop.ini"];
    for extra in [&[][..], &["--client", "polyn"][..]] {
        for rel in litter {
            fs::write(fx.out().join(rel), "left by the system").unwrap();
        }
        build(&fx, extra);
        assert_eq!(tree(&fx.out()), clean, "{extra:?}");
    }
    // A file of the user's is still refused, and kept.
    fs::write(fx.out().join("notes.txt"), "mine").unwrap();
    let run = fx.roster(&["build", ".", "--output", fx.out().to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("(notes.txt)"), "{}", run.stderr);
}
