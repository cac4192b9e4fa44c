//! The output module's tests: a whole site written, refused, interrupted
//! and replaced, through the same calls a build makes.

use std::fs;

use super::File as Page;
use super::guard::guard_output;
use super::*;

/// Write the clients' files into a staging folder, then swap it in; with
/// `--client` (`only`), the previous site's other clients are kept.
fn write_site(output: &Path, sites: &[(String, Vec<Page>)], only: &[String]) -> Result<()> {
    let staging = Staging::begin(output, false)?;
    let mut written = Vec::new();
    for (id, pages) in sites {
        written.extend(staging.write_client(id, pages)?);
    }
    let ids: Vec<&str> = sites.iter().map(|(id, _)| id.as_str()).collect();
    let previous = Previous {
        rebuilt: &ids,
        published: &["a", "b", "c"],
        new_top: false,
    };
    written.extend(staging.keep_previous(&previous, only)?);
    staging.commit(written)
}

fn page(rel: &str, text: &str) -> Page {
    (rel.to_string(), text.as_bytes().to_vec())
}

/// Every file under `dir` with its bytes, and every name beside it.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn siblings(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn a_write_that_fails_halfway_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let first = vec![("c".to_string(), vec![page("index.html", "one")])];
    write_site(&out, &first, &[]).unwrap();
    let before = snapshot(&out);
    assert_eq!(siblings(&out), ["site"]);
    // `a` is a file, so `a/b` cannot be written: the staging fails midway.
    let broken = vec![(
        "c".to_string(),
        vec![page("index.html", "two"), page("a", "x"), page("a/b", "y")],
    )];
    assert!(write_site(&out, &broken, &[]).is_err());
    assert_eq!(snapshot(&out), before);
    assert_eq!(siblings(&out), ["site"], "the staging folder is removed");
}

#[test]
fn writes_nothing_outside_the_output_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    for (id, rel) in [
        ("c", "../../escape.html"),
        ("..", "x.html"),
        ("c", "/abs.html"),
    ] {
        let sites = vec![(id.to_string(), vec![page(rel, "x")])];
        assert!(write_site(&out, &sites, &[]).is_err(), "{id}/{rel}");
    }
    assert!(!tmp.path().join("escape.html").exists());
    assert_eq!(siblings(&out), Vec::<String>::new());
    // A manifest edited to point outside is not followed either.
    write_site(&out, &[("c".to_string(), vec![page("i.html", "1")])], &[]).unwrap();
    let edited = "# roster site: client-facing\n../secret\nc/i.html\n";
    fs::write(out.join(MANIFEST), edited).unwrap();
    fs::write(tmp.path().join("secret"), "s").unwrap();
    let only = ["c".to_string()];
    assert!(write_site(&out, &[("c".to_string(), vec![])], &only).is_err());
}

#[test]
fn refuses_output_folders_it_does_not_own() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("portfolio");
    fs::create_dir_all(root.join("clients/c")).unwrap();
    let refused = |out: &Path| guard_output(&root, out).unwrap_err().to_string();
    assert!(refused(&root).contains("is the portfolio or contains it"));
    assert!(refused(tmp.path()).contains("is the portfolio or contains it"));
    assert!(refused(&root.join("clients/site")).contains("inside the portfolio's clients"));
    assert!(refused(&root.join("templates")).contains("inside the portfolio's templates"));
    assert!(refused(&root.join("themes/x")).contains("inside the portfolio's themes"));
    let foreign = tmp.path().join("docs");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "mine").unwrap();
    assert!(refused(&foreign).contains("holds files roster did not write"));
    // A site roster wrote, with one file added by hand.
    let out = tmp.path().join("site");
    write_site(
        &out,
        &[("c".to_string(), vec![page("index.html", "1")])],
        &[],
    )
    .unwrap();
    guard_output(&root, &out).unwrap();
    fs::write(out.join("CNAME"), "example.com").unwrap();
    assert!(refused(&out).contains("(CNAME)"), "{}", refused(&out));
    fs::write(tmp.path().join("file"), "x").unwrap();
    assert!(refused(&tmp.path().join("file")).contains("is a file"));
    guard_output(&root, &tmp.path().join("new")).unwrap();
}

#[test]
fn puts_back_a_site_left_aside_by_an_interrupted_build() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("portfolio");
    fs::create_dir_all(&root).unwrap();
    let out = tmp.path().join("site");
    write_site(
        &out,
        &[("c".to_string(), vec![page("index.html", "1")])],
        &[],
    )
    .unwrap();
    let before = snapshot(&out);
    // Interrupted between moving the old site aside and the new one in.
    fs::rename(&out, aside(&out)).unwrap();
    claim(&root, &out, || {}).unwrap();
    assert_eq!(snapshot(&out), before);
    assert_eq!(siblings(&out), [".site.roster-lock", "portfolio", "site"]);
}

#[cfg(unix)]
#[test]
fn a_link_in_the_output_is_refused_even_under_a_name_roster_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("portfolio");
    fs::create_dir_all(&root).unwrap();
    let out = tmp.path().join("site");
    let site = [("c".to_string(), vec![page("index.html", "1")])];
    write_site(&out, &site, &[]).unwrap();
    // --client d would otherwise copy the secret into the new site.
    fs::write(tmp.path().join("secret"), "s").unwrap();
    fs::remove_file(out.join("c/index.html")).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("secret"), out.join("c/index.html")).unwrap();
    let err = guard_output(&root, &out).unwrap_err().to_string();
    assert!(err.contains("did not write (c/index.html)"), "{err}");
}

#[cfg(unix)]
#[test]
fn deleting_the_previous_site_never_follows_a_link_inside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let kept = tmp.path().join("kept");
    fs::create_dir_all(&kept).unwrap();
    fs::write(kept.join("f"), "mine").unwrap();
    let site = [("c".to_string(), vec![page("index.html", "1")])];
    write_site(&out, &site, &[]).unwrap();
    std::os::unix::fs::symlink(&kept, out.join("root-link")).unwrap();
    std::os::unix::fs::symlink(&kept, out.join("c/link")).unwrap();
    write_site(&out, &site, &[]).unwrap();
    assert_eq!(fs::read(kept.join("f")).unwrap(), b"mine");
    assert!(!out.join("root-link").exists() && !out.join("c/link").exists());
}

/// A site of clients `ids` (a page each), `internal` or not: with
/// `--client` (`only`) them alone, else them and the index; `published`
/// the clients still published.
fn build_of(out: &Path, internal: bool, ids: &[&str], only: bool, published: &[&str]) {
    let staging = Staging::begin(out, internal).unwrap();
    let mut written = Vec::new();
    for id in ids {
        written.extend(staging.write_client(id, &[page("index.html", id)]).unwrap());
    }
    let top = match only {
        true => Vec::new(),
        false => vec![page("index.html", "every client")],
    };
    let previous = Previous {
        rebuilt: ids,
        published,
        new_top: !top.is_empty(),
    };
    let only: Vec<String> = ids.iter().filter(|_| only).map(|s| s.to_string()).collect();
    written.extend(staging.keep_previous(&previous, &only).unwrap());
    written.extend(staging.write_top(&top).unwrap());
    staging.commit(written).unwrap();
}

#[test]
fn a_client_build_keeps_only_published_clients_of_a_site_of_its_kind() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let names = |out: &Path| -> Vec<String> {
        let files = snapshot(out).into_iter().map(|(rel, _)| rel);
        files.filter(|rel| rel != MANIFEST).collect()
    };
    build_of(&out, false, &["a", "b"], false, &["a", "b"]);
    build_of(&out, false, &["a"], true, &["a", "b"]);
    assert_eq!(names(&out), ["a/index.html", "b/index.html", "index.html"]);
    // b unpublished since: gone, with the index that names it.
    build_of(&out, false, &["a"], true, &["a"]);
    assert_eq!(names(&out), ["a/index.html"]);
    // An internal site, then a client-facing build of a: nothing internal
    // stays, and the other way round.
    for internal in [true, false] {
        build_of(&out, internal, &["a", "b"], false, &["a", "b"]);
        build_of(&out, !internal, &["a"], true, &["a", "b"]);
        assert_eq!(names(&out), ["a/index.html"], "internal: {internal}");
    }
    // A manifest that does not say its kind keeps nothing.
    build_of(&out, false, &["a", "b"], false, &["a", "b"]);
    let text = fs::read_to_string(out.join(MANIFEST)).unwrap();
    let (kind, rest) = text.split_once('\n').unwrap();
    assert_eq!(kind, "# roster site: client-facing");
    fs::write(out.join(MANIFEST), rest).unwrap();
    build_of(&out, false, &["a"], true, &["a", "b"]);
    assert_eq!(names(&out), ["a/index.html"]);
}
