//! The install step of the Pages workflow `roster init` writes, run with
//! bash as a runner runs it against a local `file://` release packaged by
//! release.yml's own Package step: it installs the release's binary only once
//! its checksum matches, refuses a wrong or missing checksum, compiles roster
//! (once) only where the release has no binary for the runner, and asks for
//! exactly the binaries the release builds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::workflows::{
    VERSION, log, release_yml, repo, run_step, step_script, text, tools_or_skip, utf8,
    written_workflow,
};

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
