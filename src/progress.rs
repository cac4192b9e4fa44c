//! The progress bar of a build: a spinner or a count of clients on stderr,
//! kept apart from the stages so that they only say how far they have got
//! and never decide whether anyone sees it.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar on stderr for builds long enough to want one: it appears
/// only after about a second, and never when stderr is not a terminal, so
/// quick builds, pipes and tests see nothing but the closing line.
pub struct Progress {
    bar: ProgressBar,
    /// Set when the build is over; the bar is then never shown again.
    done: Arc<Mutex<bool>>,
    /// Dropped at the end, which wakes the thread waiting to show the bar.
    timer: Mutex<Option<mpsc::Sender<()>>>,
    /// Whether [`Progress::note`] prints: a message such as "waiting for
    /// another build" matters in a pipe or a CI log too.
    notes: bool,
}

impl Progress {
    /// No bar at all: for libraries, tests and `serve`'s rebuilds.
    pub fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            done: Arc::new(Mutex::new(false)),
            timer: Mutex::new(None),
            notes: false,
        }
    }

    /// A bar on stderr, drawn once the build has taken a second.
    pub fn stderr() -> Progress {
        let mut progress = Progress::hidden();
        progress.notes = true;
        if !std::io::stderr().is_terminal() {
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
        if self.notes {
            self.bar.suspend(|| eprintln!("{message}"));
        }
    }

    /// One counted step of the stage is done.
    pub fn advance(&self) {
        self.bar.inc(1);
    }

    /// Clear the bar for good, before the closing line prints.
    pub fn finish(&self) {
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
