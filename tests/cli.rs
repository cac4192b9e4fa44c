//! The command line as its users meet it: how much it prints (`-q`, `-v`),
//! colour (`--color`, NO_COLOR, CLICOLOR_FORCE), the closing line of
//! `build`, exit statuses in `--help`, machine-readable diagnostics of a
//! build, `init --bare`, shell completions and the manual page.

use std::path::Path;
use std::process::Command;

use crate::bad_input::{ANNA, Edit, base};
use crate::common::{Fixture, Run, run};

/// Run the binary in `dir` with exactly the colour variables `env` (the
/// others of the test's environment removed).
fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roster"));
    command.args(args).current_dir(dir);
    for name in ["NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "TERM"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let out = command.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A portfolio with one error and one warning.
fn broken() -> Fixture {
    let fx = base();
    fx.replace(ANNA, "market: ru", "market: usa");
    fx.replace(ANNA, "model: retainer", "model: retainer\nmood: great");
    fx
}

#[test]
fn build_says_where_it_wrote_with_plurals() {
    let fx = base();
    let out = fx.out();
    let run = fx.roster(&["build", ".", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let last = run.stderr.lines().last().unwrap();
    let pages = crate::common::tree(&out)
        .keys()
        .filter(|k| k.ends_with(".html"))
        .count();
    let want = format!("built 1 client, {pages} pages into {} in ", out.display());
    assert!(last.starts_with(&want), "{last}\nwanted {want}");
    assert!(last.ends_with(" s"), "{last}");
    let sample = Fixture::sample();
    let run = sample.build();
    let last = run.stderr.lines().last().unwrap();
    assert!(last.starts_with("built 2 clients, "), "{last}");
    assert!(last.contains(" pages into "), "{last}");
}

/// `build`, `check` and `serve` read `--as-of`, `--client` and `--internal`
/// alike: `check --client` checks that client alone, and an unknown one is
/// an error.
#[test]
fn check_takes_the_clients_as_build_does() {
    let sample = Fixture::sample();
    let run = sample.roster(&["check", ".", "--client", "polyn"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let last = run.stderr.lines().last().unwrap();
    assert!(last.starts_with("checked 1 client as of "), "{last}");
    let run = sample.roster(&["check", ".", "--client", "nope"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--client nope: no such client"));
    for command in ["build", "check", "serve"] {
        let help = sample.roster(&[command, "--help"]).stdout;
        for flag in ["--as-of", "--client", "--internal"] {
            assert!(help.contains(flag), "{command} --help lacks {flag}");
        }
    }
}

#[test]
fn quiet_prints_only_the_problems() {
    let fx = base();
    let out = fx.out();
    let run = fx.roster(&["build", ".", "-q", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "", "nothing on a good build");
    assert!(out.join("lumen/index.html").is_file());
    let fx = broken();
    let run = fx.roster(&["check", ".", "--quiet"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: unknown market"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("warning: unknown key `mood`"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("check found"),
        "no closing line: {}",
        run.stderr
    );
    let both = fx.roster(&["check", ".", "-q", "-v"]);
    assert_eq!(both.code, 2, "quiet and verbose conflict: {}", both.stderr);
}

#[test]
fn verbose_tells_each_stage_client_and_export() {
    let fx = Fixture::sample();
    let out = fx.out();
    let run = fx.roster(&["build", ".", "-v", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for stage in ["loading", "computing", "rendering", "writing"] {
        let line = run.stderr.lines().find(|l| l.starts_with(stage));
        let line = line.unwrap_or_else(|| panic!("no {stage} line:\n{}", run.stderr));
        assert!(line.ends_with(" s"), "{line}");
    }
    assert!(run.stderr.contains("wrote polyn/: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("wrote kestrel-coffee/: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("read clients/kestrel-coffee/metrics/marina-orlova/instagram-organic.csv as a meta-posts export"),
        "{}",
        run.stderr
    );
    let plain = fx.roster(&["build", ".", "--output", out.to_str().unwrap()]);
    assert!(!plain.stderr.contains("wrote polyn/"), "{}", plain.stderr);
    assert!(!plain.stderr.contains("loading"), "{}", plain.stderr);
}

#[test]
fn colour_follows_the_flag_then_the_environment() {
    let fx = broken();
    let coloured = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["check", "."];
        all.extend(args);
        let run = run_env(&fx.root, &all, env);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains("unknown market"), "{}", run.stderr);
        run.stderr.contains('\x1b')
    };
    // Not a terminal: no colour unless forced.
    assert!(!coloured(&[], &[]));
    assert!(coloured(&["--color", "always"], &[]));
    assert!(coloured(&["--color=always"], &[("NO_COLOR", "1")]));
    assert!(coloured(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&[], &[("CLICOLOR_FORCE", "0")]));
    assert!(!coloured(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
    assert!(!coloured(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&["--color", "never"], &[]));
    let bad = run_env(&fx.root, &["check", ".", "--color", "sometimes"], &[]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn help_gives_the_exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["--help"][..], &["build", "--help"], &["check", "--help"]] {
        let help = run(dir.path(), args);
        assert_eq!(help.code, 0);
        assert!(
            help.stdout.contains(
                "Exit status:\n  0  success (warnings allowed)\n  1  the data has errors\n  2  "
            ),
            "{args:?}:\n{}",
            help.stdout
        );
    }
    let help = run(dir.path(), &["check", "--help"]);
    assert!(help.stdout.contains("--format <FORMAT>"), "{}", help.stdout);
    assert!(help.stdout.contains("-q, --quiet"), "{}", help.stdout);
}

#[test]
fn build_reports_in_json_and_github_formats() {
    let fx = broken();
    let json = fx.roster(&["build", ".", "--format", "json", "--output", "site"]);
    assert_eq!(json.code, 1, "{}", json.stderr);
    let entries = crate::formats::parse(&json.stdout);
    let kinds: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.severity.as_str(), e.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("error", "yaml.unknown_market"),
            ("warning", "yaml.unknown_key")
        ],
        "{}",
        json.stdout
    );
    assert_eq!(entries[0].file.as_deref(), Some(ANNA));
    assert!(json.stderr.contains("could not build"), "{}", json.stderr);
    assert!(!fx.root.join("site").exists(), "nothing written");

    // Run from the repository's root, with the portfolio in a folder of
    // it: the paths are the repository's.
    let repo = fx.root.parent().unwrap();
    let github = run(repo, &["check", "portfolio", "--format", "github"]);
    assert_eq!(github.code, 1, "{}", github.stderr);
    let lines: Vec<&str> = github.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", github.stdout);
    let want = format!(
        "::error file=portfolio/{ANNA},line=6,col=9,title=roster%3A yaml.unknown_market::unknown market"
    );
    assert!(lines[0].starts_with(&want), "{}\nwanted {want}", lines[0]);
    assert!(
        lines[1].starts_with("::warning file=portfolio/"),
        "{}",
        lines[1]
    );
    // The same folder named by its absolute path, below where the command
    // runs: the same paths.
    let absolute = fx.root.to_str().unwrap();
    let same = run(repo, &["check", absolute, "--format", "github"]);
    assert_eq!(same.stdout, github.stdout);

    // A good build prints an empty list.
    let good = base();
    let out = good.out();
    let run = good.roster(&[
        "build",
        ".",
        "--format=json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "[]\n");
}

#[test]
fn bare_init_is_an_empty_skeleton_that_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let made = run(tmp.path(), &["init", "--bare", "p"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert!(
        made.stderr.contains("created an empty portfolio in p"),
        "{}",
        made.stderr
    );
    let root = tmp.path().join("p");
    let files = crate::common::tree(&root);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            ".github/workflows/pages.yml",
            ".gitignore",
            "clients/my-client/client.yaml",
            "clients/my-client/metrics/.gitkeep",
            "clients/my-client/notes/.gitkeep",
            "clients/my-client/partnerships/.gitkeep",
            "roster.yaml",
        ]
    );
    let settings = String::from_utf8(files["roster.yaml"].clone()).unwrap();
    assert!(
        !settings.lines().any(|l| l.starts_with("as_of")),
        "no report date"
    );
    assert!(!settings.lines().any(|l| l.starts_with("fx")), "no rates");

    let check = run(&root, &["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stderr.contains("warning: nothing to report yet"),
        "{}",
        check.stderr
    );
    assert!(
        check
            .stderr
            .contains("checked 1 client, nothing to report yet: no errors, 1 warning"),
        "{}",
        check.stderr
    );
    let build = run(&root, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(
        build.stderr.contains("built no pages into public in "),
        "{}",
        build.stderr
    );

    assert!(
        build
            .stderr
            .contains(": no client has anything to report yet\n"),
        "{}",
        build.stderr
    );
    for (name, bytes) in &files {
        assert!(bytes.ends_with(b"\n"), "{name} ends without a newline");
    }

    // Filled in as its comments say, it builds the client's site.
    let example =
        std::fs::read_to_string(root.join("clients/my-client/partnerships/.gitkeep")).unwrap();
    let partnership: String = example
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .skip_while(|l| !l.starts_with("creator:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        root.join("clients/my-client/partnerships/anna-petrova.yaml"),
        partnership,
    )
    .unwrap();
    std::fs::write(
        root.join("clients/my-client/metrics/posts.csv"),
        "post_id,partnership,published,kind,impressions,reach,engagements,clicks,conversions,revenue,currency,url\np1,anna-petrova,2026-04-02,sponsored,1500,1000,55,10,1,30.00,USD,\n",
    )
    .unwrap();
    let build = run(&root, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!build.stderr.contains("warning"), "{}", build.stderr);
    assert!(root.join("public/my-client/index.html").is_file());
    assert!(root.join("public/index.html").is_file());
}

#[test]
fn completions_for_each_shell() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, mark) in [
        ("bash", "_roster()"),
        ("zsh", "#compdef roster"),
        ("fish", "complete -c roster"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[roster]"),
    ] {
        let run = run(dir.path(), &["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains(mark), "{shell}:\n{}", run.stdout);
        for word in ["build", "check", "serve", "format", "as-of", "github"] {
            assert!(run.stdout.contains(word), "{shell} lacks {word}");
        }
    }
    // bash reads the script without a syntax error.
    let script = run(dir.path(), &["completions", "bash"]).stdout;
    let file = dir.path().join("roster.bash");
    std::fs::write(&file, script).unwrap();
    let ok = Command::new("bash").arg("-n").arg(&file).status().unwrap();
    assert!(ok.success());
    let bad = run(dir.path(), &["completions", "tcsh"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn the_manual_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = run(dir.path(), &["man"]);
    assert_eq!(page.code, 0, "{}", page.stderr);
    assert!(
        page.stdout.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &page.stdout[..200.min(page.stdout.len())]
    );
    assert!(page.stdout.contains(".TH roster 1"), "{}", page.stdout);
    assert!(page.stdout.contains("Exit status"), "{}", page.stdout);
    let made = run(dir.path(), &["man", "--output", "man1"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    for name in [
        "roster",
        "roster-build",
        "roster-check",
        "roster-serve",
        "roster-init",
        "roster-import",
        "roster-completions",
        "roster-man",
    ] {
        let text = std::fs::read_to_string(dir.path().join("man1").join(format!("{name}.1")))
            .unwrap_or_else(|e| panic!("{name}.1: {e}"));
        assert!(text.contains(&format!(".TH {name} 1")), "{name}:\n{text}");
    }
    let build = std::fs::read_to_string(dir.path().join("man1/roster-build.1")).unwrap();
    assert!(build.contains("\\-\\-format"), "{build}");
    assert!(
        build.contains("\\-\\-quiet"),
        "global options are in each page: {build}"
    );
}

/// Run roster in `dir` with its stdout a pipe whose reader is gone before
/// roster writes a byte, as `roster ... | head -0` leaves it.
fn into_closed_pipe(dir: &Path, args: &[&str]) -> Run {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_roster"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn every_command_that_writes_stdout_ends_quietly_on_a_closed_pipe() {
    // One error and one warning, so that every format has lines to write.
    let fx = broken();
    let root = fx.root.to_str().unwrap();
    let cases: [&[&str]; 6] = [
        &["completions", "bash"],
        &["completions", "zsh"],
        &["man"],
        &["check", root, "--format", "json"],
        &["check", root, "--format", "github"],
        &["build", root, "--format", "json", "--output", "elsewhere"],
    ];
    for args in cases {
        let run = into_closed_pipe(fx.dir.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        for noise in ["panicked", "Broken pipe", "backtrace", "error"] {
            assert!(!run.stderr.contains(noise), "{args:?}: {}", run.stderr);
        }
    }
}
