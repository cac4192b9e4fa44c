//! How a command talks to its user: the format of its diagnostics, how
//! much else it prints, whether in colour, and the two writers it prints
//! to. Made once from the command line and the environment, then handed to
//! every command, which prints through it and never to the process's
//! stdout or stderr itself (as cargo's `Shell`): so a command can run in
//! process, in a test, with what it says caught in buffers
//! ([`Console::to_buffers`]).

use std::fmt;
use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};

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

/// One of a console's writers, shared with what prints from other threads
/// (the progress bar's lines).
type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

/// Everything about how a command prints, and where to.
pub struct Console {
    /// The diagnostics' format.
    pub format: Format,
    /// How much else.
    pub verbosity: Verbosity,
    /// Whether stderr takes colours.
    pub color: bool,
    /// Whether stderr is a terminal, where a progress bar may be drawn.
    terminal: bool,
    /// Where programs' output goes: the diagnostics as JSON or GitHub
    /// commands, completions, the manual, what `import` wrote.
    out: Writer,
    /// Where people's output goes: everything else.
    err: Writer,
}

impl fmt::Debug for Console {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Console")
            .field("format", &self.format)
            .field("verbosity", &self.verbosity)
            .field("color", &self.color)
            .finish_non_exhaustive()
    }
}

impl Console {
    /// The console of a command line, on the process's stdout and stderr:
    /// `--color` settled against the environment and whether stderr is a
    /// terminal.
    pub fn new(format: Format, quiet: bool, verbose: bool, color: ColorChoice) -> Console {
        let verbosity = match (quiet, verbose) {
            (true, _) => Verbosity::Quiet,
            (false, true) => Verbosity::Verbose,
            (false, false) => Verbosity::Normal,
        };
        let env = |name: &str| std::env::var(name).ok();
        let terminal = std::io::stderr().is_terminal();
        Console {
            format,
            verbosity,
            color: colours(color, &env, terminal),
            terminal,
            out: Arc::new(Mutex::new(Box::new(std::io::stdout()))),
            err: Arc::new(Mutex::new(Box::new(std::io::stderr()))),
        }
    }

    /// A console that prints into two buffers, which [`Buffers`] reads:
    /// for running a command in process. It is no terminal, so no progress
    /// bar is drawn.
    pub fn to_buffers(format: Format, verbosity: Verbosity, color: bool) -> (Console, Buffers) {
        let buffers = Buffers::default();
        let console = Console {
            format,
            verbosity,
            color,
            terminal: false,
            out: Arc::new(Mutex::new(Box::new(Shared(buffers.out.clone())))),
            err: Arc::new(Mutex::new(Box::new(Shared(buffers.err.clone())))),
        };
        (console, buffers)
    }

    /// This console with the diagnostics in `format`, printing to the
    /// same writers.
    pub fn with_format(&self, format: Format) -> Console {
        Console {
            format,
            verbosity: self.verbosity,
            color: self.color,
            terminal: self.terminal,
            out: self.out.clone(),
            err: self.err.clone(),
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

    /// Whether stderr is a terminal, where a progress bar may be drawn.
    pub fn terminal(&self) -> bool {
        self.terminal
    }

    /// Write `bytes` to stdout and flush them. Unlike `print!`, which
    /// panics, this hands back the error of a stdout whose reader has gone
    /// (`roster completions bash | head -2`), for `main` to end quietly on.
    pub fn out(&self, bytes: &[u8]) -> std::io::Result<()> {
        write_to(&self.out, bytes)
    }

    /// Write `text` to stderr as it is, and flush it.
    pub fn err(&self, text: &str) -> std::io::Result<()> {
        write_to(&self.err, text.as_bytes())
    }

    /// Write `line` and a newline to stderr.
    pub fn line(&self, line: &str) -> std::io::Result<()> {
        self.err(&format!("{line}\n"))
    }

    /// The stderr of this console, for what prints from another thread.
    pub fn stderr(&self) -> Stderr {
        Stderr(self.err.clone())
    }
}

/// A console's stderr, handed to what prints while a command runs on other
/// threads (the progress bar's notes and times).
#[derive(Clone)]
pub struct Stderr(Writer);

impl fmt::Debug for Stderr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Stderr")
    }
}

impl Stderr {
    /// Write `line` and a newline.
    pub fn line(&self, line: &str) -> std::io::Result<()> {
        write_to(&self.0, format!("{line}\n").as_bytes())
    }
}

/// Write all of `bytes` to `writer` and flush it, in one hold of its lock,
/// so that lines from two threads never interleave.
fn write_to(writer: &Writer, bytes: &[u8]) -> std::io::Result<()> {
    let mut w = writer.lock().unwrap_or_else(|e| e.into_inner());
    w.write_all(bytes)?;
    w.flush()
}

/// What a console made by [`Console::to_buffers`] printed.
#[derive(Debug, Clone, Default)]
pub struct Buffers {
    out: Arc<Mutex<Vec<u8>>>,
    err: Arc<Mutex<Vec<u8>>>,
}

impl Buffers {
    /// Everything printed to stdout so far.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }

    /// Everything printed to stderr so far.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.err.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

/// A buffer that a [`Buffers`] reads while a console writes it.
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut buffer = self.0.lock().unwrap_or_else(|e| e.into_inner());
        buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
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
        let (c, _) = Console::to_buffers(Format::Human, Verbosity::default(), false);
        assert!(c.chatty() && !c.verbose());
    }

    #[test]
    fn the_buffers_catch_each_writer_apart() -> std::io::Result<()> {
        let (c, caught) = Console::to_buffers(Format::Json, Verbosity::Normal, false);
        c.out(b"[]\n")?;
        c.line("done")?;
        c.with_format(Format::Human).err("more ")?;
        c.stderr().line("from elsewhere")?;
        assert_eq!(caught.stdout(), "[]\n");
        assert_eq!(caught.stderr(), "done\nmore from elsewhere\n");
        assert!(!c.terminal());
        Ok(())
    }
}
