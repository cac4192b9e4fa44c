//! `roster init`: the example portfolio it writes builds at once, matches
//! the project's sample data, and comes with a .gitignore and a GitHub Pages
//! workflow; a folder that holds anything is refused. The workflow itself is
//! tested in workflows.rs, its install step in install_step.rs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::run;
use crate::workflows::{VERSION, repo};

/// Every file below `dir` (skipping `skip`), by path relative to it.
fn files(dir: &Path, skip: &[&str]) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| !skip.iter().any(|s| e.file_name() == *s))
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn init_then_build_works_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let made = run(tmp.path(), &["init", "x"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert!(made.stderr.contains("roster build x"), "{}", made.stderr);
    let built = run(tmp.path(), &["build", "x"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert!(
        tmp.path()
            .join("x/public/kestrel-coffee/index.html")
            .is_file()
    );
    assert!(tmp.path().join("x/public/polyn/data.json").is_file());
}

#[test]
fn init_writes_the_sample_a_gitignore_and_a_pages_workflow() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    let made = run(tmp.path(), &["init", "empty"]);
    assert_eq!(made.code, 0, "an empty folder is fine: {}", made.stderr);

    let mut written = files(&tmp.path().join("empty"), &[]);
    let mut sample = files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        // The sample's own build, when the README's first command has
        // been run: the site and its lock, which git ignores.
        &["public", ".public.roster-lock"],
    );
    let gitignore = written.remove(Path::new(".gitignore")).unwrap();
    assert!(String::from_utf8(gitignore).unwrap().contains("/public/"));
    let workflow = written
        .remove(Path::new(".github/workflows/pages.yml"))
        .unwrap();
    // Each portfolio draws a `customer_salt` of its own: the sample's
    // settings with another salt in its place.
    let salt = |files: &mut BTreeMap<PathBuf, Vec<u8>>| {
        let yaml = String::from_utf8(files.remove(Path::new("roster.yaml")).unwrap()).unwrap();
        let line = yaml
            .lines()
            .find(|l| l.starts_with("customer_salt: \""))
            .unwrap_or_else(|| panic!("no customer_salt in {yaml}"))
            .to_string();
        (yaml.replacen(&line, "customer_salt: ...", 1), line)
    };
    let (settings, line) = salt(&mut written);
    let (sample_settings, sample_line) = salt(&mut sample);
    assert_eq!(settings, sample_settings);
    assert_ne!(line, sample_line, "not the sample's salt");
    assert!(
        written == sample,
        "the portfolio is the sample, byte for byte"
    );

    let text = String::from_utf8(workflow).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(yaml["env"]["ROSTER_REPO"].as_str(), Some(repo()));
    assert_eq!(yaml["env"]["ROSTER_VERSION"].as_str(), Some(VERSION));
    assert!(yaml["jobs"]["build"]["steps"].as_sequence().is_some());
    assert_eq!(yaml["jobs"]["deploy"]["needs"].as_str(), Some("build"));
    for needed in [
        "cargo install --locked --git \"https://github.com/$ROSTER_REPO\" --tag \"v$ROSTER_VERSION\" roster",
        "roster check . --format github",
        "roster build . --output public --format github",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
        "pages: write",
        "id-token: write",
    ] {
        assert!(text.contains(needed), "the workflow lacks {needed}");
    }
    assert!(!text.contains("@ROSTER_"), "a placeholder is left: {text}");
}

#[test]
fn init_refuses_a_folder_that_holds_anything() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("notes");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("todo.txt"), "mine").unwrap();
    let made = run(tmp.path(), &["init", "notes"]);
    assert_eq!(made.code, 2);
    assert!(made.stderr.contains("is not empty"), "{}", made.stderr);
    assert_eq!(files(&dir, &[]).len(), 1, "nothing is written");
}

#[test]
fn the_gitignore_covers_what_a_build_leaves_beside_the_output() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["init", "x"]).code, 0);
    assert_eq!(run(tmp.path(), &["build", "x"]).code, 0);
    let x = tmp.path().join("x");
    // What a killed build leaves until the next build removes it.
    std::fs::create_dir(x.join(".public.roster-new-a1B2c3")).unwrap();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(&x)
            .output()
    };
    let Ok(made) = git(&["init", "-q"]) else {
        eprintln!("skipped: no git");
        return;
    };
    assert!(made.status.success());
    let names = [".public.roster-lock", ".public.roster-new-a1B2c3", "public"];
    for name in names {
        let ignored = git(&["check-ignore", "-q", name]).unwrap();
        assert!(ignored.status.success(), "{name} is not ignored");
    }
    let kept = git(&["check-ignore", "-q", "roster.yaml"]).unwrap();
    assert!(!kept.status.success());
}
