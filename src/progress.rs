//! The progress bar of a build: a spinner or a count of clients on stderr,
//! kept apart from the stages so that they only say how far they have got
//! and never decide whether anyone sees it.

use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::console::{Console, Stderr};

/// A progress bar on stderr for builds long enough to want one: it appears
/// only after about a second, and never when stderr is not a terminal, so
/// quick builds, pipes and tests see nothing but the closing line.
pub struct Progress {
    bar: ProgressBar,
    /// Set when the build is over; the bar is then never shown again.
    done: Arc<Mutex<bool>>,
    /// Dropped at the end, which wakes the thread waiting to show the bar.
    timer: Mutex<Option<mpsc::Sender<()>>>,
    /// Where [`Progress::note`] prints, when it does: a message such as
    /// "waiting for another build" matters in a pipe or a CI log too.
    notes: Option<Stderr>,
    /// With `-v`: the stage under way and when it started, printed with its
    /// time when the next one starts; and [`Progress::detail`] prints.
    verbose: Option<Mutex<Option<(&'static str, Instant)>>>,
}

impl Progress {
    /// No bar at all: for libraries, tests and `serve`'s rebuilds.
    pub fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            done: Arc::new(Mutex::new(false)),
            timer: Mutex::new(None),
            notes: None,
            verbose: None,
        }
    }

    /// A bar on the console's stderr, drawn once the build has taken a
    /// second when that is a terminal; the notes printed through the
    /// console; and with `-v`, also each stage's time and the details of
    /// the build.
    pub fn on(console: &Console) -> Progress {
        let mut progress = Progress::hidden();
        progress.notes = Some(console.stderr());
        progress.verbose = console.verbose().then(|| Mutex::new(None));
        if !console.terminal() {
            return progress;
        }
        let (tx, rx) = mpsc::channel::<()>();
        let (bar, done) = (progress.bar.clone(), progress.done.clone());
        std::thread::spawn(move || {
            if rx.recv_timeout(Duration::from_secs(1)) == Err(mpsc::RecvTimeoutError::Timeout) {
                let done = done.lock().unwrap_or_else(|e| e.into_inner());
                if !*done {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(100));
                }
            }
        });
        *progress.timer.lock().unwrap_or_else(|e| e.into_inner()) = Some(tx);
        progress
    }

    /// Start a stage: a spinner, or a bar when the steps are counted.
    pub fn stage(&self, name: &'static str, steps: Option<u64>) {
        self.stage_done(Some(name));
        let template = match steps {
            Some(_) => "{spinner} {msg} [{bar:30}] {pos}/{len} clients",
            None => "{spinner} {msg}",
        };
        let style = ProgressStyle::with_template(template)
            .expect("the progress template is valid")
            .progress_chars("=> ");
        self.bar.set_message(name);
        self.bar.set_length(steps.unwrap_or(0));
        self.bar.set_position(0);
        self.bar.set_style(style);
    }

    /// Tell the user why the build is not moving on, above the bar.
    pub fn note(&self, message: &str) {
        self.say(message);
    }

    /// With `-v`, a line about the build, above the bar; `message` is made
    /// only then.
    pub fn detail(&self, message: impl FnOnce() -> String) {
        if self.verbose.is_some() {
            self.say(&message());
        }
    }

    /// With `-v`, print the stage under way with its time, and start `next`.
    fn stage_done(&self, next: Option<&'static str>) {
        let Some(verbose) = &self.verbose else {
            return;
        };
        let mut current = verbose.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((name, started)) = current.take() {
            let took = started.elapsed().as_secs_f64();
            self.say(&format!("{name:<10} {took:.2} s"));
        }
        *current = next.map(|n| (n, Instant::now()));
    }

    /// Print `line` above the bar. A line that cannot be written is left
    /// out: the build goes on, and its end says whether stderr still works.
    fn say(&self, line: &str) {
        if let Some(stderr) = &self.notes {
            let _ = self.bar.suspend(|| stderr.line(line));
        }
    }

    /// One counted step of the stage is done.
    pub fn advance(&self) {
        self.bar.inc(1);
    }

    /// Clear the bar for good, before the closing line prints.
    pub fn finish(&self) {
        self.stage_done(None);
        *self.done.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.timer.lock().unwrap_or_else(|e| e.into_inner()).take();
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
