//! The lines a run prints besides its diagnostics: the closing line of
//! `build`, `check` and `init`, what `serve` says as it starts, rebuilds and
//! stops, and the error that stops a command. All of them here, so that every run
//! counts and words its outcome the same way.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;

use crate::diagnostics::Diagnostics;

use super::visible;

/// What a run was asked to do, for its closing line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Run {
    /// `roster build`: a failed build writes nothing.
    Build,
    /// `roster check`: never writes.
    Check,
    /// A rebuild of `roster serve`, while it still serves the last good site
    /// or has none yet.
    Serve {
        /// Whether a good site is being served.
        serving: bool,
    },
    /// `roster import`: a failed import writes nothing.
    Import,
    /// `roster archive`: a refused archive writes nothing.
    Archive,
}

/// The closing line of a run with errors: `error: could not build: 5 errors
/// in 4 files; nothing was written`, or `error: check found 5 errors in 4
/// files`.
pub(crate) fn summary(diags: &Diagnostics, run: Run) -> Option<String> {
    (diags.error_count() > 0).then(|| failure(diags, run))
}

/// The closing line of a run that failed, [`summary`]'s wording, also for
/// a rebuild of `serve`: `error: could not build: 2 errors in 1 file; still
/// serving the last good site`.
pub(crate) fn failure(diags: &Diagnostics, run: Run) -> String {
    let mut counted = plural(diags.error_count(), "error");
    let files = diags.files_with_errors();
    if files > 0 {
        counted.push_str(&format!(" in {}", plural(files, "file")));
    }
    match run {
        Run::Build => format!("error: could not build: {counted}; nothing was written"),
        Run::Check => format!("error: check found {counted}"),
        Run::Import => format!("error: could not import: {counted}; nothing was written"),
        Run::Archive => format!("error: could not archive: {counted}; nothing was written"),
        Run::Serve { serving: true } => {
            format!("error: could not build: {counted}; still serving the last good site")
        }
        Run::Serve { serving: false } => {
            format!("error: could not build: {counted}; waiting for a fix")
        }
    }
}

/// The closing line of a check without errors: `checked 2 clients as of
/// 2026-05-31: no errors, 1 warning`; without a report date (no client has
/// anything to report yet), `checked 1 client, nothing to report yet: no
/// errors, 1 warning`.
pub(crate) fn checked(clients: usize, as_of: Option<NaiveDate>, warnings: usize) -> String {
    let as_of = as_of.map_or_else(
        || String::from(", nothing to report yet"),
        |d| format!(" as of {d}"),
    );
    format!(
        "checked {}{as_of}: no errors, {}",
        plural(clients, "client"),
        plural(warnings, "warning")
    )
}

/// What a build that made no client's pages says after its count.
const NO_CLIENT_PAGES: &str = "no client has anything to report yet";

/// How `check` says an export was read: `read clients/c/metrics/orders.csv
/// as a shopify-orders export`, or through an `imports` entry.
pub(crate) fn read_through(file: &Path, sheet: Option<&str>, way: &str) -> String {
    let sheet = sheet.map_or_else(String::new, |s| format!(", sheet \"{s}\","));
    let file = file.display();
    if way.starts_with("the ") || way.starts_with("an ") {
        format!("read {file}{sheet} through {way}")
    } else {
        format!("read {file}{sheet} as a {way} export")
    }
}

/// The closing line of a build that wrote the site: `built 2 clients, 31
/// pages into sample-data/public in 0.42 s`.
pub(crate) fn built(clients: usize, pages: usize, output: &Path, took: Duration) -> String {
    // `./public` as `public`: the folder, as a user would name it.
    let output: std::path::PathBuf = output
        .components()
        .filter(|c| *c != std::path::Component::CurDir)
        .collect();
    let output = visible(&output.display().to_string()).into_owned();
    let took = took.as_secs_f64();
    match clients {
        0 => format!("built no pages into {output} in {took:.2} s: {NO_CLIENT_PAGES}"),
        _ => format!(
            "built {}, {} into {output} in {took:.2} s",
            plural(clients, "client"),
            plural(pages, "page"),
        ),
    }
}

/// What `build -v` says as a client's folder is written: `wrote polyn/: 14
/// pages, 19 files`.
pub(crate) fn client_built(id: &str, pages: usize, files: usize) -> String {
    format!(
        "wrote {id}/: {}, {}",
        plural(pages, "page"),
        plural(files, "file")
    )
}

/// What `build` says while another build holds the output folder's lock.
pub(crate) fn waiting_for_build(output: &Path) -> String {
    format!(
        "waiting for another build of {} to finish",
        output.display()
    )
}

/// What `serve` says once it listens: `serving sample-data at
/// http://127.0.0.1:8000/ (Ctrl-C to stop)`. On every address of the
/// computer (`0.0.0.0`, `::`), which is no address to open, it gives the
/// computer's own (127.0.0.1, ::1), the one a browser here opens.
pub(crate) fn serving(root: &Path, address: SocketAddr) -> String {
    let root = root.display();
    let here = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => Ipv4Addr::LOCALHOST.into(),
        IpAddr::V6(ip) if ip.is_unspecified() => Ipv6Addr::LOCALHOST.into(),
        _ => return format!("serving {root} at http://{address}/ (Ctrl-C to stop)"),
    };
    let here = SocketAddr::new(here, address.port());
    format!(
        "serving {root} at http://{here}/ and on every other address of this computer (Ctrl-C to stop)"
    )
}

/// The warning of `serve` listening on `ip`, not a loopback address: `warning:
/// serving on 0.0.0.0: the reports are visible to anyone on the network who
/// can reach this computer`; with `internal`, the internal notes too.
pub(crate) fn serving_to_network(ip: IpAddr, internal: bool) -> String {
    let what = match internal {
        true => "the reports, internal notes and all, are",
        false => "the reports are",
    };
    format!(
        "warning: serving on {ip}: {what} visible to anyone on the network who can reach this computer"
    )
}

/// What `serve -v` says before a rebuild: the files saved, three at most
/// by name: `changed clients/polyn/client.yaml`, `changed a, b, c and 2
/// more files`.
pub(crate) fn changed(files: &[std::path::PathBuf]) -> String {
    const NAMED: usize = 3;
    let mut names: Vec<String> = files
        .iter()
        .take(NAMED)
        .map(|f| visible(&f.display().to_string().replace('\\', "/")).into_owned())
        .collect();
    match files.len().saturating_sub(NAMED) {
        0 => {}
        1 => names.push("1 more file".to_string()),
        n => names.push(format!("{n} more files")),
    }
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("changed {} and {last}", rest.join(", "))
        }
        Some((last, _)) => format!("changed {last}"),
        None => "changed nothing".to_string(),
    }
}

/// Why `serve` stops after its first build: errors of the command line,
/// which no saved file can fix (printed after `error: `, as an error that
/// stopped the command): `could not serve: 1 error on the command line`.
pub(crate) fn not_served(errors: usize) -> String {
    format!(
        "could not serve: {} on the command line",
        plural(errors, "error")
    )
}

/// What `serve` says after Ctrl-C.
pub(crate) const STOPPED: &str = "stopped";

/// The line of a good build of `serve`: the first build or a rebuild, of
/// the clients `asked` for by name when those are all that were rebuilt,
/// else counted: `rebuilt polyn, 14 pages in 85 ms`.
pub(crate) fn rebuilt(
    first: bool,
    asked: &[String],
    clients: usize,
    pages: usize,
    took: Duration,
) -> String {
    let time = if took < Duration::from_secs(1) {
        format!("{} ms", took.as_millis())
    } else {
        format!("{:.2} s", took.as_secs_f64())
    };
    let verb = if first { "built" } else { "rebuilt" };
    if clients == 0 && asked.is_empty() {
        return format!("{verb} no pages in {time}: {NO_CLIENT_PAGES}");
    }
    let whom = if clients > 0 && clients == asked.len() {
        asked.join(", ")
    } else {
        plural(clients, "client")
    };
    format!("{verb} {whom}, {} in {time}", plural(pages, "page"))
}

/// The warning of `serve` when watching the portfolio reports an error.
pub(crate) fn watch_failed(e: &dyn std::fmt::Display) -> String {
    format!("warning: watching the portfolio: {e}")
}

/// The addresses `serve`, listening on `at`, answers to, as links:
/// `http://127.0.0.1:8000/ and http://localhost:8000/`.
fn answered_at(at: SocketAddr) -> String {
    let port = at.port();
    let own = match at.ip() {
        ip if ip.is_unspecified() => format!("http://<an address of this computer>:{port}/"),
        _ => format!("http://{at}/"),
    };
    format!("{own} and http://localhost:{port}/")
}

/// The warning of `serve` when it refuses a request for another host
/// (`None`: a request without a Host), a web page's most likely: `warning:
/// refused a request for evil.example:8000: serve answers only at
/// http://127.0.0.1:8000/ and http://localhost:8000/`. The host is the
/// request's, so it is made visible and cut short.
pub(crate) fn host_refused(host: Option<&str>, at: SocketAddr) -> String {
    const SHOWN: usize = 100;
    let what = match host {
        Some(host) => {
            let mut shown: String = host.chars().take(SHOWN).collect();
            if host.chars().count() > SHOWN {
                shown.push_str("...");
            }
            format!("a request for {}", visible(&shown))
        }
        None => "a request without a Host".to_string(),
    };
    format!(
        "warning: refused {what}: serve answers only at {} (a web page may have sent it through a name of its own)",
        answered_at(at)
    )
}

/// The body of `serve`'s answer to a request for another host.
pub(crate) fn host_refused_answer(at: SocketAddr) -> String {
    format!("roster serve answers only at {}\n", answered_at(at))
}

/// The warning of `serve` when the system refuses a thread for a
/// connection; that connection is closed, and serving goes on.
pub(crate) fn no_thread(e: &std::io::Error) -> String {
    format!("warning: closed a connection: the system refused a thread for it ({e})")
}

/// The line of an error that stopped a command or a rebuild, the machine's
/// and not the data's. A path in it may hold what a terminal would
/// execute, so it is made visible.
pub(crate) fn machine_error(e: &anyhow::Error) -> String {
    format!("error: {}", visible(&format!("{e:#}")))
}

/// The fix for a port that is taken.
pub(crate) fn port_in_use_help(port: u16) -> String {
    format!(
        "help: pass --port N to use another port, such as --port {}",
        port.wrapping_add(1).max(1024)
    )
}

/// `1 error`, `2 errors`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostics::kind::RowProblem;
    use crate::diagnostics::{Diagnostic, Location};

    fn unknown_post(id: &str) -> Diagnostic {
        Diagnostic::error(RowProblem::UnknownPost {
            id: id.into(),
            rows: 1,
            suggestion: None,
        })
    }

    #[test]
    fn a_refused_host_is_shown_as_text_and_cut_short() {
        let at: SocketAddr = "127.0.0.1:8000".parse().unwrap();
        let line = host_refused(Some("evil\u{1b}]0;x\u{7}.example:8000"), at);
        assert_eq!(
            line,
            "warning: refused a request for evil\\u{1b}]0;x\\u{7}.example:8000: serve answers only at http://127.0.0.1:8000/ and http://localhost:8000/ (a web page may have sent it through a name of its own)"
        );
        let long = "a".repeat(5000);
        assert!(host_refused(Some(&long), at).len() < 300);
        let all: SocketAddr = "0.0.0.0:8000".parse().unwrap();
        assert!(
            host_refused(None, all).starts_with(
                "warning: refused a request without a Host: serve answers only at http://<an address of this computer>:8000/ and http://localhost:8000/"
            )
        );
    }

    #[test]
    fn sums_up() {
        let mut d = Diagnostics::new();
        assert_eq!(summary(&d, Run::Build), None);
        d.push(unknown_post("a").at(Location::at("a.yaml", 1, 1)));
        d.push(unknown_post("b").at(Location::at("a.yaml", 2, 1)));
        d.push(unknown_post("c").in_file(Path::new("b.csv")));
        d.push(
            Diagnostic::warning(RowProblem::UnknownPost {
                id: "w".into(),
                rows: 1,
                suggestion: None,
            })
            .in_file(Path::new("c.csv")),
        );
        assert_eq!(
            summary(&d, Run::Build).unwrap(),
            "error: could not build: 3 errors in 2 files; nothing was written"
        );
        assert_eq!(
            summary(&d, Run::Check).unwrap(),
            "error: check found 3 errors in 2 files"
        );
        assert_eq!(
            failure(&d, Run::Serve { serving: true }),
            "error: could not build: 3 errors in 2 files; still serving the last good site"
        );
        d = Diagnostics::new();
        d.push(unknown_post("x"));
        assert_eq!(
            failure(&d, Run::Serve { serving: false }),
            "error: could not build: 1 error; waiting for a fix"
        );
    }

    #[test]
    fn words_good_runs() {
        let as_of = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap();
        assert_eq!(
            checked(1, Some(as_of), 2),
            "checked 1 client as of 2026-05-31: no errors, 2 warnings"
        );
        assert_eq!(
            checked(1, None, 1),
            "checked 1 client, nothing to report yet: no errors, 1 warning"
        );
        assert_eq!(
            built(0, 0, Path::new("public"), Duration::from_millis(20)),
            "built no pages into public in 0.02 s: no client has anything to report yet"
        );
        assert_eq!(
            rebuilt(true, &[], 0, 0, Duration::from_millis(5)),
            "built no pages in 5 ms: no client has anything to report yet"
        );
        assert_eq!(
            built(1, 14, Path::new("x/public"), Duration::from_millis(420)),
            "built 1 client, 14 pages into x/public in 0.42 s"
        );
        assert_eq!(
            built(2, 1, Path::new("./site"), Duration::from_millis(1500)),
            "built 2 clients, 1 page into site in 1.50 s"
        );
        assert_eq!(client_built("polyn", 1, 2), "wrote polyn/: 1 page, 2 files");
        let asked = ["polyn".to_string()];
        assert_eq!(
            rebuilt(false, &asked, 1, 14, Duration::from_millis(85)),
            "rebuilt polyn, 14 pages in 85 ms"
        );
        assert_eq!(
            rebuilt(true, &[], 2, 1, Duration::from_millis(1500)),
            "built 2 clients, 1 page in 1.50 s"
        );
    }

    #[test]
    fn words_what_serve_says() {
        let root = Path::new("sample-data");
        assert_eq!(
            serving(root, "127.0.0.2:8000".parse().unwrap()),
            "serving sample-data at http://127.0.0.2:8000/ (Ctrl-C to stop)"
        );
        assert_eq!(
            serving(root, "0.0.0.0:8000".parse().unwrap()),
            "serving sample-data at http://127.0.0.1:8000/ and on every other address of this computer (Ctrl-C to stop)"
        );
        assert_eq!(
            serving(root, "[::]:8080".parse().unwrap()),
            "serving sample-data at http://[::1]:8080/ and on every other address of this computer (Ctrl-C to stop)"
        );
        assert_eq!(
            serving(root, "[fe80::1]:8000".parse().unwrap()),
            "serving sample-data at http://[fe80::1]:8000/ (Ctrl-C to stop)"
        );
        assert_eq!(
            serving_to_network("0.0.0.0".parse().unwrap(), false),
            "warning: serving on 0.0.0.0: the reports are visible to anyone on the network who can reach this computer"
        );
        assert_eq!(
            serving_to_network("192.168.1.20".parse().unwrap(), true),
            "warning: serving on 192.168.1.20: the reports, internal notes and all, are visible to anyone on the network who can reach this computer"
        );
        assert_eq!(
            not_served(1),
            "could not serve: 1 error on the command line"
        );
        assert_eq!(
            not_served(2),
            "could not serve: 2 errors on the command line"
        );
        let files = |names: &[&str]| -> Vec<std::path::PathBuf> {
            names.iter().map(std::path::PathBuf::from).collect()
        };
        assert_eq!(changed(&files(&["a.csv"])), "changed a.csv");
        assert_eq!(changed(&files(&["a", "b"])), "changed a and b");
        assert_eq!(
            changed(&files(&["a", "b", "c", "d"])),
            "changed a, b, c and 1 more file"
        );
        assert_eq!(
            changed(&files(&["a", "b", "c", "d", "e"])),
            "changed a, b, c and 2 more files"
        );
        assert_eq!(
            changed(&files(&["clients/x\u{1b}[2J.csv"])),
            "changed clients/x\\u{1b}[2J.csv",
            "no escape reaches the terminal"
        );
    }
}
