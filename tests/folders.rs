//! How roster walks a portfolio's folders: links to folders (followed when
//! they stay inside the portfolio, a warning when they leave it), folders it
//! cannot read (one error at the folder, nothing after it), entries that
//! are not files (never opened), two files for one partnership, names no
//! folder on Windows can have, and paths in client.yaml that lead where
//! nothing is published or matched.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::bad_input::{ANNA, CLIENT, Edit, POSTS, base, check, shown};
use crate::common::{Fixture, Run};

/// `roster ARGS` in `dir`, failing the test if it has not finished within
/// a minute (a read that blocks for ever would otherwise hang the suite).
fn run_in_time(dir: &Path, program: &[&str], args: &[&str]) -> Run {
    let (first, rest) = program.split_first().expect("a program");
    let mut child = Command::new(first)
        .args(rest)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("roster {args:?} did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const ROSTER: &str = env!("CARGO_BIN_EXE_roster");

#[cfg(unix)]
#[test]
fn a_folder_link_inside_the_portfolio_is_followed_and_one_leaving_it_is_named() {
    use std::os::unix::fs::symlink;
    let fx = base();
    assert_eq!(fx.build().code, 0);
    let figures = fx.data("lumen")["portfolio"].clone();
    // The posts live in a folder the client's metrics/ links to.
    let shared = fx.root.join("shared/lumen-posts");
    fs::create_dir_all(&shared).unwrap();
    fs::rename(fx.path(POSTS), shared.join("posts.csv")).unwrap();
    symlink(
        "../../../shared/lumen-posts",
        fx.path("clients/lumen/metrics/linked"),
    )
    .unwrap();
    // A link back up is no loop: each real folder is read once.
    symlink(".", fx.path("clients/lumen/metrics/linked-up")).unwrap();
    check(&fx, 0, &[]);
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let posts = &fx.data("lumen")["portfolio"];
    assert_eq!(posts, &figures, "the posts behind the link are read");
    assert_ne!(posts["sponsored_posts"], 0);

    // A folder elsewhere on the machine is not read, and said so.
    let elsewhere = fx.dir.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(elsewhere.join("secret.csv"), "post_id,partnership\nX,x\n").unwrap();
    symlink(&elsewhere, fx.path("clients/lumen/metrics/outside")).unwrap();
    check(
        &fx,
        0,
        &[(
            "warning: clients/lumen/metrics/outside is a link to a folder outside the portfolio; it is not read",
            "clients/lumen/metrics/outside",
            "copy the folder into the portfolio in place of the link",
        )],
    );
}

/// Permissions make a folder unreadable only to a user who is not root:
/// as root, roster is run as `nobody` through setpriv. `None` (said on
/// stderr) where neither can be done.
#[cfg(unix)]
fn run_unprivileged(fx: &Fixture, args: &[&str]) -> Option<Run> {
    use std::os::unix::fs::PermissionsExt;
    let probe = fx.dir.path().join("probe");
    fs::create_dir(&probe).unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let enforced = fs::read_dir(&probe).is_err();
    fs::remove_dir(&probe).unwrap();
    if enforced {
        return Some(run_in_time(&fx.root, &[ROSTER], args));
    }
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| Path::new(p).exists());
    let Some(setpriv) = setpriv else {
        eprintln!("skipped: running as root, where permissions are not enforced, without setpriv");
        return None;
    };
    // `nobody` must reach the portfolio to be refused only what is meant.
    fs::set_permissions(fx.dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let program = [
        setpriv,
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        ROSTER,
    ];
    Some(run_in_time(&fx.root, &program, args))
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_one_error_at_the_folder() {
    use std::os::unix::fs::PermissionsExt;
    let fx = base();
    let archive = fx.path("clients/lumen/metrics/2026");
    fs::create_dir_all(&archive).unwrap();
    fs::rename(fx.path(POSTS), archive.join("posts.csv")).unwrap();
    for folder in ["metrics/2026", "partnerships"] {
        let path = fx.path(&format!("clients/lumen/{folder}"));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    }
    let Some(run) = run_unprivileged(&fx, &["check", "."]) else {
        return;
    };
    let (got, _) = shown(&run);
    // The notes naming a partnership are not said to name nothing: it may
    // be in the folder that could not be read.
    let at = |folder: &str| {
        (
            "error: cannot read the folder: Permission denied (os error 13)".to_string(),
            format!("clients/lumen/{folder}"),
            "give the user running roster permission to read the folder (and to open it), or move it out of the portfolio".to_string(),
        )
    };
    assert_eq!(
        got,
        [at("metrics/2026"), at("partnerships")],
        "{}",
        run.stderr
    );
    // notes/ unreadable: one error, none for notes/internal/ within it.
    let notes = fx.path("clients/lumen/notes");
    fs::set_permissions(&notes, fs::Permissions::from_mode(0o000)).unwrap();
    let Some(run) = run_unprivileged(&fx, &["check", "."]) else {
        return;
    };
    let (got, _) = shown(&run);
    let at = |folder: &str| {
        (
            "error: cannot read the folder: Permission denied (os error 13)".to_string(),
            format!("clients/lumen/{folder}"),
            "give the user running roster permission to read the folder (and to open it), or move it out of the portfolio".to_string(),
        )
    };
    // No row is said to name an unknown post or partnership: their files
    // may be in the folders that could not be read.
    let want = vec![at("metrics/2026"), at("notes"), at("partnerships")];
    assert_eq!(got, want, "{}", run.stderr);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // So that the temporary folder can be removed by a user who is not root.
    for folder in ["metrics/2026", "partnerships", "notes"] {
        let path = fx.path(&format!("clients/lumen/{folder}"));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_reported_and_never_opened() {
    let fx = base();
    let pipes = [
        "clients/lumen/assets/chart.svg",
        "clients/lumen/metrics/more.csv",
        "clients/lumen/notes/2026-03.md",
    ];
    for pipe in pipes {
        let made = Command::new("mkfifo").arg(fx.path(pipe)).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo could not make a named pipe");
            return;
        }
    }
    // Opening a pipe with no writer waits for one: a hang, not a failure.
    let run = run_in_time(&fx.root, &[ROSTER], &["check", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let help = "put the file itself here: roster reads only regular files (or links to them), and never opens anything else";
    check(
        &fx,
        1,
        &[
            (
                "error: this is a named pipe, not a regular file; it is not read",
                "clients/lumen/assets/chart.svg",
                help,
            ),
            (
                "error: this is a named pipe, not a regular file; it is not read",
                "clients/lumen/metrics/more.csv",
                help,
            ),
            (
                "error: this is a named pipe, not a regular file; it is not read",
                "clients/lumen/notes/2026-03.md",
                help,
            ),
        ],
    );
}

#[test]
fn a_partnership_in_two_files_is_an_error_naming_both() {
    let fx = base();
    fs::copy(
        fx.path(ANNA),
        fx.path("clients/lumen/partnerships/anna-petrova.yml"),
    )
    .unwrap();
    check(
        &fx,
        1,
        &[(
            "error: partnership \"anna-petrova\" has two files: anna-petrova.yaml and anna-petrova.yml",
            "clients/lumen/partnerships/anna-petrova.yml",
            "keep one of anna-petrova.yaml and anna-petrova.yml: a partnership is one file, and neither is read while both are there",
        )],
    );
}

#[test]
fn names_windows_keeps_for_devices_are_refused_as_ids_with_the_reason() {
    let fx = base();
    fs::create_dir_all(fx.path("clients/aux")).unwrap();
    fx.write("clients/aux/client.yaml", "name: Aux\n");
    fs::copy(
        fx.path(ANNA),
        fx.path("clients/lumen/partnerships/com1.yaml"),
    )
    .unwrap();
    fx.replace(
        CLIENT,
        "  - id: us\n",
        "  - id: con\n    name: x\n  - id: us\n",
    );
    let why = |name: &str| {
        format!(
            "\"{name}\" is a name Windows keeps for a device (con, prn, aux, nul, com0-com9, lpt0-lpt9), and ids become folder and file names of the site; choose another, such as {name}-1"
        )
    };
    check(
        &fx,
        1,
        &[
            (
                "error: client folder name \"aux\" is not a valid id",
                "clients/aux",
                &why("aux"),
            ),
            (
                "error: market id \"con\" is a name Windows keeps for a device",
                "clients/lumen/client.yaml:6:9",
                &why("con"),
            ),
            (
                "error: partnership file name \"com1\" is not a valid id",
                "clients/lumen/partnerships/com1.yaml",
                &why("com1"),
            ),
        ],
    );
}

#[test]
fn a_logo_outside_assets_and_a_glob_leaving_the_client_are_errors_at_their_line() {
    let fx = base();
    fx.replace(CLIENT, "logo: assets/logo.svg", "logo: client.yaml");
    fx.append(
        CLIENT,
        "imports:\n  - files: \"../other-client/metrics/*.csv\"\n    kind: posts\n    columns: {post_id: ID, published: Date}\n",
    );
    check(
        &fx,
        1,
        &[
            (
                "error: logo \"client.yaml\" is not under assets/",
                "clients/lumen/client.yaml:10:9",
                "only the client's assets/ is published with its site: move the file there and write `logo: assets/client.yaml`",
            ),
            (
                "error: `files` \"../other-client/metrics/*.csv\" leads out of the client folder, so it matches no file",
                "clients/lumen/client.yaml:12:12",
                "`files` names files of the client's metrics/ relative to the client folder, such as \"metrics/sheets/*.csv\"; a file elsewhere is read once it is copied there (roster import does that)",
            ),
        ],
    );
}
