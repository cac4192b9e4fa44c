//! `roster check`: report every problem a build would find; write nothing.

use std::path::Path;

use anyhow::Result;

use super::{Console, Status};
use crate::pipeline::{self, Overrides};

/// Check the portfolio at `dir` with the `--as-of` and `--internal` of
/// `overrides` (the internal build's notes are checked either way).
pub fn run(dir: &Path, overrides: &Overrides, console: &Console) -> Result<Status> {
    Ok(super::report(&pipeline::check(dir, overrides), console)?)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::cmd::{Buffers, Format, Verbosity};

    /// A fixture portfolio of the project's tests.
    fn fixture(path: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(path)
    }

    /// Check `dir` in process, printing as `format` and `verbosity` say:
    /// the status and what was printed.
    fn check(dir: &Path, format: Format, verbosity: Verbosity) -> (Status, Buffers) {
        let (console, printed) = Console::to_buffers(format, verbosity, false);
        let status = run(dir, &Overrides::default(), &console).expect("check runs");
        (status, printed)
    }

    const CLEAN: &str = "checked 1 client as of 2026-03-31: no errors, 0 warnings\n";

    #[test]
    fn a_clean_portfolio_says_so_on_stderr_alone() {
        let (status, printed) = check(&fixture("lumen"), Format::Human, Verbosity::Normal);
        assert_eq!(status, Status::Ok);
        assert_eq!(printed.stdout(), "");
        assert_eq!(printed.stderr(), CLEAN);
    }

    #[test]
    fn json_goes_to_stdout_and_the_closing_line_to_stderr() {
        let (status, printed) = check(&fixture("lumen"), Format::Json, Verbosity::Normal);
        assert_eq!(status, Status::Ok);
        assert_eq!(printed.stdout(), "[]\n");
        assert_eq!(printed.stderr(), CLEAN);
    }

    #[test]
    fn quiet_prints_nothing_when_nothing_is_wrong() {
        let (status, printed) = check(&fixture("lumen"), Format::Human, Verbosity::Quiet);
        assert_eq!(status, Status::Ok);
        assert_eq!(
            (printed.stdout(), printed.stderr()),
            (String::new(), String::new())
        );
    }

    #[test]
    fn a_folder_without_roster_yaml_is_a_failure_said_in_each_format() {
        let dir = fixture("lumen/clients");
        let (status, printed) = check(&dir, Format::Human, Verbosity::Quiet);
        assert_eq!(status, Status::Failed);
        assert_eq!(printed.stdout(), "");
        assert_eq!(
            printed.stderr(),
            format!(
                "error: no roster.yaml in {}\n  = help: run roster in a portfolio folder, pass its path, or start one with `roster init DIR`\n\n",
                dir.display()
            )
        );

        let (status, printed) = check(&dir, Format::Json, Verbosity::Normal);
        assert_eq!(status, Status::Failed);
        assert!(
            printed.stdout().contains(r#""kind":"file.no_portfolio""#),
            "{}",
            printed.stdout()
        );
        assert_eq!(printed.stderr(), "error: check found 1 error\n");
    }
}
