//! How a command talks to its user: the format of its diagnostics, how
//! much else it prints, and whether in colour. Made once from the command
//! line and the environment, then handed to every command.

use std::io::IsTerminal;

/// How diagnostics are printed (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// rustc's form on stderr, with the source line and a caret.
    #[default]
    Human,
    /// A JSON list on stdout, one object per diagnostic.
    Json,
    /// GitHub Actions workflow commands on stdout (`::error file=...`), so
    /// that a pull request shows each problem on its line.
    Github,
}

/// When to colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless the environment says otherwise.
    #[default]
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

/// How much a command prints besides its diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Verbosity {
    /// `-q`: the diagnostics and nothing else.
    Quiet,
    /// The diagnostics, a progress bar on a terminal, the closing line.
    #[default]
    Normal,
    /// `-v`: also each stage's time, each export read and each client built.
    Verbose,
}

/// Everything about how a command prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Console {
    /// The diagnostics' format.
    pub format: Format,
    /// How much else.
    pub verbosity: Verbosity,
    /// Whether stderr takes colours.
    pub color: bool,
}

impl Console {
    /// The console of a command line: `--color` settled against the
    /// environment and whether stderr is a terminal.
    pub fn new(format: Format, quiet: bool, verbose: bool, color: ColorChoice) -> Console {
        let verbosity = match (quiet, verbose) {
            (true, _) => Verbosity::Quiet,
            (false, true) => Verbosity::Verbose,
            (false, false) => Verbosity::Normal,
        };
        let env = |name: &str| std::env::var(name).ok();
        Console {
            format,
            verbosity,
            color: colours(color, &env, std::io::stderr().is_terminal()),
        }
    }

    /// Whether the closing line and other news print (not with `-q`).
    pub fn chatty(&self) -> bool {
        self.verbosity >= Verbosity::Normal
    }

    /// Whether the details of `-v` print.
    pub fn verbose(&self) -> bool {
        self.verbosity == Verbosity::Verbose
    }
}

/// Whether to colour, from `--color`, the environment (`env` looks a
/// variable up) and whether the output is a terminal. `--color always` or
/// `never` wins; under `auto`, a non-empty `NO_COLOR` (no-color.org) turns
/// colour off, then `CLICOLOR_FORCE` other than `0` turns it on
/// (bixense.com/clicolors), then `CLICOLOR=0` or `TERM=dumb` turn it off,
/// and otherwise a terminal gets colour. The order is that of the Rust
/// ecosystem's own terminal crates (anstream), so roster agrees with cargo.
pub fn colours(choice: ColorChoice, env: &dyn Fn(&str) -> Option<String>, terminal: bool) -> bool {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto if set("CLICOLOR").is_some_and(|v| v == "0") => false,
        ColorChoice::Auto if set("TERM").is_some_and(|v| v == "dumb") => false,
        ColorChoice::Auto => terminal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn the_flag_wins_over_the_environment() {
        let env = with(&[("NO_COLOR", "1")]);
        assert!(colours(ColorChoice::Always, &env, false));
        let env = with(&[("CLICOLOR_FORCE", "1")]);
        assert!(!colours(ColorChoice::Never, &env, true));
    }

    #[test]
    fn auto_reads_the_environment_then_the_terminal() {
        let auto =
            |vars: &[(&str, &str)], terminal| colours(ColorChoice::Auto, &with(vars), terminal);
        assert!(auto(&[], true));
        assert!(!auto(&[], false));
        assert!(!auto(&[("NO_COLOR", "1")], true));
        assert!(
            auto(&[("NO_COLOR", "")], true),
            "an empty NO_COLOR is unset"
        );
        assert!(auto(&[("CLICOLOR_FORCE", "1")], false));
        assert!(!auto(&[("CLICOLOR_FORCE", "0")], false));
        assert!(
            !auto(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], true),
            "NO_COLOR wins, as in cargo"
        );
        assert!(!auto(&[("CLICOLOR", "0")], true));
        assert!(!auto(&[("TERM", "dumb")], true));
    }

    #[test]
    fn quiet_and_verbose() {
        let c = Console::new(Format::Human, true, false, ColorChoice::Never);
        assert!(!c.chatty() && !c.verbose());
        let c = Console::new(Format::Json, false, true, ColorChoice::Never);
        assert!(c.chatty() && c.verbose());
        assert!(Console::default().chatty());
    }
}
