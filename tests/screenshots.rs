//! The screenshots in docs/ are of today's pages: docs/screenshots.sh takes
//! each of them from the sample portfolio and records the files they show
//! (docs/screenshots.sha256); a build of the sample that writes any of those
//! files differently means a screenshot has gone stale.

use sha2::{Digest, Sha256};

use crate::common::Fixture;

fn docs() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
}

#[test]
fn every_screenshot_in_docs_is_taken_by_the_script() {
    let script = std::fs::read_to_string(docs().join("screenshots.sh")).unwrap();
    let mut pictures = 0;
    for entry in std::fs::read_dir(docs()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".png") {
            pictures += 1;
            let stem = name.trim_end_matches(".png");
            assert!(
                script.contains(&format!(" {name}")) || script.contains(&format!("docs/{stem}\n")),
                "docs/{name} is not taken by docs/screenshots.sh"
            );
        }
    }
    assert!(pictures >= 4, "{pictures} screenshots");
    let readme = std::fs::read_to_string(docs().join("../README.md")).unwrap();
    assert!(readme.contains("](docs/screenshot-overview.png)"));
}

#[test]
fn the_screenshots_show_the_pages_the_sample_builds_today() {
    let fx = Fixture::sample();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let recorded = std::fs::read_to_string(docs().join("screenshots.sha256")).unwrap();
    let mut checked = 0;
    for line in recorded.lines() {
        let (hash, file) = line.split_once("  ").expect("sha256sum's lines");
        let bytes = std::fs::read(fx.out().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let now: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            now, hash,
            "{file} has changed since docs/screenshots.sh took its screenshot: run it again"
        );
        checked += 1;
    }
    assert_eq!(checked, 4);
}
