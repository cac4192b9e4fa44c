//! Publishing: absolute addresses only with `base_url`, and then a sitemap
//! and canonical links; a site that works under any sub-path. The output
//! folder: built through a link, locked against a second build, cleaned of
//! interrupted builds' leftovers, never inside the portfolio's input.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::Fixture;

fn pages(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "xml"))
        .collect()
}

#[test]
fn with_base_url_each_client_gets_a_sitemap_and_canonical_links() {
    // The worked example sets base_url: "https://reports.example.com/".
    let fx = Fixture::new("worked");
    assert_eq!(fx.build().code, 0);
    let sitemap = std::fs::read_to_string(fx.out().join("rowan-kids/sitemap.xml")).unwrap();
    assert!(
        sitemap.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<loc>https://reports.example.com/rowan-kids/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap
            .contains("<loc>https://reports.example.com/rowan-kids/partnerships/zoe-parker/</loc>")
    );
    assert!(sitemap.contains("<loc>https://reports.example.com/rowan-kids/reports/2026-10/</loc>"));
    let pages_in_folder = pages(&fx.out().join("rowan-kids"))
        .iter()
        .filter(|p| p.extension().unwrap() == "html")
        .count();
    assert_eq!(sitemap.matches("<loc>").count(), pages_in_folder);
    let month =
        std::fs::read_to_string(fx.out().join("rowan-kids/reports/2026-10/index.html")).unwrap();
    assert!(
        month.contains("<link rel=\"canonical\" href=\"https://reports.example.com/rowan-kids/reports/2026-10/\">"),
        "no canonical link"
    );
    let index = std::fs::read_to_string(fx.out().join("index.html")).unwrap();
    assert!(index.contains("<link rel=\"canonical\" href=\"https://reports.example.com/\">"));
}

#[test]
fn without_base_url_nothing_absolute_is_written() {
    let fx = Fixture::new("worked");
    let roster = fx.root.join("roster.yaml");
    let text = std::fs::read_to_string(&roster)
        .unwrap()
        .replace("base_url: \"https://reports.example.com/\"\n", "");
    std::fs::write(&roster, text).unwrap();
    assert_eq!(fx.build().code, 0);
    assert!(!fx.out().join("rowan-kids/sitemap.xml").exists());
    for page in pages(&fx.out()) {
        let html = std::fs::read_to_string(&page).unwrap();
        for attr in ["href=\"", "src=\""] {
            for value in html.split(attr).skip(1) {
                let url = value.split('"').next().unwrap_or_default();
                // output.md: the only absolute links are external http(s)
                // links of notes and posts, opened as such.
                let external = attr == "href=\""
                    && url.starts_with("https://")
                    && value[url.len()..].starts_with("\" rel=\"noopener noreferrer\"");
                assert!(
                    external || (!url.contains("://") && !url.starts_with('/')),
                    "{}: {attr}{url}",
                    page.display()
                );
            }
        }
    }
}

// ------------------------------------------------------ the output folder

/// Every path under `dir` with its bytes, or with where it points for a
/// link (never followed).
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = if e.path_is_symlink() {
                let to = fs::read_link(e.path()).unwrap();
                format!("-> {}", to.display()).into_bytes()
            } else if e.file_type().is_file() {
                fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.path().strip_prefix(dir).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn build_into(fx: &Fixture, out: &Path) -> crate::common::Run {
    fx.roster(&["build", ".", "--output", out.to_str().unwrap()])
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_folder_is_built_into_its_target() {
    use std::os::unix::fs::symlink;
    let fx = Fixture::new("worked");
    let www = fx.dir.path().join("www");
    let real = www.join("site");
    assert_eq!(build_into(&fx, &real).code, 0);
    let built = tree(&real);
    let link = fx.dir.path().join("link");
    symlink(&real, &link).unwrap();
    // Through --output, and as the default output_dir (public/ -> the web root).
    symlink(&real, fx.root.join("public")).unwrap();
    for run in [build_into(&fx, &link), fx.roster(&["build", "."])] {
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(fs::read_link(&link).unwrap(), real);
        assert_eq!(fs::read_link(fx.root.join("public")).unwrap(), real);
        assert_eq!(tree(&real), built);
        assert_eq!(names(&www), [".site.roster-lock", "site"]);
        assert_eq!(names(fx.dir.path()), ["link", "portfolio", "www"]);
    }
}

#[cfg(unix)]
#[test]
fn a_dangling_link_as_the_output_is_refused_and_nothing_is_created() {
    let fx = Fixture::new("worked");
    let link = fx.dir.path().join("link");
    std::os::unix::fs::symlink(fx.dir.path().join("gone"), &link).unwrap();
    let before = tree(fx.dir.path());
    for out in [link.clone(), link.join("site")] {
        let run = build_into(&fx, &out);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "leads through a link to a folder that does not exist ({} -> {}); create that folder or choose another with --output or output_dir",
                link.display(),
                fx.dir.path().join("gone").display()
            )),
            "{}",
            run.stderr
        );
        assert_eq!(tree(fx.dir.path()), before);
    }
}

#[test]
fn staging_folders_left_by_a_killed_build_are_removed_by_the_next_one() {
    let fx = Fixture::new("worked");
    assert_eq!(fx.build().code, 0);
    let built = tree(&fx.out());
    let beside = fx.dir.path();
    for leftover in [
        ".site.roster-new-a1B2c3/c/index.html",
        ".site.roster-old/c/x",
    ] {
        let path = beside.join(leftover);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, "left").unwrap();
    }
    // Not roster's leftovers, or not this output's: kept.
    fs::write(beside.join(".site.roster-notes"), "mine").unwrap();
    fs::create_dir_all(beside.join(".other.roster-new-x")).unwrap();
    #[cfg(unix)]
    {
        let kept = beside.join("kept");
        fs::create_dir_all(&kept).unwrap();
        fs::write(kept.join("f"), "mine").unwrap();
        std::os::unix::fs::symlink(&kept, beside.join(".site.roster-new-link")).unwrap();
    }
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(tree(&fx.out()), built);
    let mut expected = vec![
        ".other.roster-new-x",
        ".site.roster-lock",
        ".site.roster-notes",
        "portfolio",
        "site",
    ];
    if cfg!(unix) {
        assert_eq!(fs::read(beside.join("kept/f")).unwrap(), b"mine");
        expected.insert(3, "kept");
    }
    assert_eq!(names(beside), expected);
}

#[test]
fn concurrent_builds_into_one_output_all_succeed() {
    let fx = Fixture::new("worked");
    assert_eq!(fx.build().code, 0);
    let built = tree(&fx.out());
    let out = fx.out();
    for _ in 0..3 {
        let runs: Vec<_> = (0..3)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_roster"))
                    .args(["build", ".", "--output", out.to_str().unwrap()])
                    .current_dir(&fx.root)
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for run in runs {
            let done = run.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&done.stderr);
            assert!(done.status.success(), "{stderr}");
        }
        assert_eq!(tree(&out), built);
        assert_eq!(
            names(fx.dir.path()),
            [".site.roster-lock", "portfolio", "site"]
        );
    }
}

#[test]
fn a_build_waits_for_another_build_of_the_same_output_and_says_so() {
    let fx = Fixture::new("worked");
    assert_eq!(fx.build().code, 0);
    let built = tree(&fx.out());
    let lock = fs::File::open(fx.dir.path().join(".site.roster-lock")).unwrap();
    lock.lock().unwrap();
    let out = fx.out();
    let mut waiting = Command::new(env!("CARGO_BIN_EXE_roster"))
        .args(["build", ".", "--output", out.to_str().unwrap()])
        .current_dir(&fx.root)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(waiting.try_wait().unwrap().is_none(), "it did not wait");
    drop(lock);
    let done = waiting.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(done.status.success(), "{stderr}");
    let said = format!("waiting for another build of {} to finish\n", out.display());
    assert!(stderr.contains(&said), "{stderr}");
    assert_eq!(tree(&out), built);
}

#[test]
fn an_output_inside_an_input_folder_is_refused() {
    let fx = Fixture::new("worked");
    fs::create_dir_all(fx.root.join("templates")).unwrap();
    let before = tree(fx.dir.path());
    for (out, folder) in [
        ("templates", "templates"),
        ("templates/site", "templates"),
        ("themes/mine", "themes"),
        ("clients/rowan-kids/assets", "clients"),
    ] {
        let run = fx.roster(&["build", ".", "--output", out]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.ends_with(&format!(
                "error: the output folder {out} is inside the portfolio's {folder} folder, which roster reads as input; choose another with --output or output_dir\n"
            )),
            "{}",
            run.stderr
        );
        assert_eq!(tree(fx.dir.path()), before, "{out}");
    }
    // Named by output_dir in roster.yaml, the same.
    let roster = fx.root.join("roster.yaml");
    let text = fs::read_to_string(&roster).unwrap();
    let text = text.replace("output_dir: public", "output_dir: templates");
    fs::write(&roster, text).unwrap();
    let run = fx.roster(&["build", "."]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("inside the portfolio's templates folder")
    );
}

#[test]
fn every_refused_build_leaves_the_previous_site_byte_identical() {
    let fx = Fixture::new("worked");
    assert_eq!(fx.build().code, 0);
    let before = tree(fx.dir.path());
    let templates = fx.root.join("templates");
    let refused = [
        build_into(&fx, &templates),
        build_into(&fx, &fx.root.join("themes/x")),
        build_into(&fx, &fx.out().join("rowan-kids")),
    ];
    for run in refused {
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(tree(fx.dir.path()), before);
    }
    #[cfg(unix)]
    {
        let secret = fx.dir.path().join("secret");
        fs::write(&secret, "s").unwrap();
        let page = fx.out().join("rowan-kids/index.html");
        fs::remove_file(&page).unwrap();
        std::os::unix::fs::symlink(&secret, &page).unwrap();
        let before = tree(fx.dir.path());
        let run = fx.roster(&[
            "build",
            ".",
            "--output",
            fx.out().to_str().unwrap(),
            "--client",
            "iris-cosmetics",
        ]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("(rowan-kids/index.html)"),
            "{}",
            run.stderr
        );
        assert_eq!(tree(fx.dir.path()), before);
    }
}

#[test]
fn the_top_index_names_the_clients_and_shows_none_of_their_figures() {
    // The sample sets `index: true`; every client of the deployment can go
    // up one level to it.
    let fx = Fixture::sample();
    assert_eq!(fx.build().code, 0);
    let index = fs::read_to_string(fx.out().join("index.html")).unwrap();
    for name in ["Kestrel Coffee Co.", "Полынь — натуральная косметика"]
    {
        assert!(index.contains(name), "{name} missing:\n{index}");
    }
    for figure in ["$", "₽", "%", "Cost", "ROI", "Revenue"] {
        assert!(
            !index.contains(figure),
            "{figure} on the top index:\n{index}"
        );
    }
}
