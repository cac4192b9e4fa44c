//! `roster serve`: build the portfolio, serve it on 127.0.0.1, and rebuild
//! what changed whenever a file is saved.
//!
//! The site is held in memory and served from there: `serve` never writes
//! the output folder, so it cannot disturb a site built with `roster build`,
//! and only the served pages carry the reload script ([`http`]). Saved files
//! are collected for a moment ([`DEBOUNCE`]) so that an editor's several
//! writes make one rebuild; each rebuild redoes only the clients whose files
//! changed ([`workspace`]). While a change does not build, the last good site
//! stays up with the diagnostics over it, and in the terminal.
//!
//! `--as-of`, `--client` and `--internal` shape every rebuild as they shape
//! `build`; with `--client`, saving another client's files rebuilds nothing.
//! A mistake on the command line (a `--client` that names no client folder,
//! a folder that is no portfolio, an `--as-of` too far from the data) is
//! found by the first build, and then `serve` stops with status 2, for no
//! saved file could fix it. Only in `serve`, a folder of a client without an
//! `index.html` of its own but with pages below it (`reports/`,
//! `partnerships/`, `markets/`) answers with a list of those pages; the
//! built site is unchanged.
//!
//! `serve` listens on 127.0.0.1 only, unless `--interface` names another
//! address: then, if it is not a loopback one, it warns that the reports are
//! visible to the network. On the address of every interface (`0.0.0.0`,
//! `::`), which no browser opens everywhere, its `serving ... at` line gives
//! the loopback address instead (`http://127.0.0.1:8000/`) and says that
//! every other address of the computer serves too.
//!
//! Whatever the address, only requests addressed to it (or to `localhost`)
//! are answered, so that no web page reaches the reports through a name of
//! its own ([`request`]); connections are answered each in a thread of its
//! own, within bounds of size, time and number ([`server`]); and what is
//! watched is exactly the folders a build reads ([`watch`]).

pub(crate) mod changes;
mod folders;
mod http;
mod request;
mod server;
mod watch;
mod workspace;

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use notify::EventKind;
use notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::DebounceEventResult;

use crate::console::Console;
use crate::diagnostics::kind::{FileProblem, PortfolioProblem, ReportDateFrom};
use crate::diagnostics::terminal::{self, Run};
use crate::diagnostics::{Diagnostic, Diagnostics, Kind, Severity};
use crate::render::Page;
use changes::Changes;
use http::Shared;
use watch::Watch;
use workspace::{Rebuild, Workspace};

/// How long saved files are collected before a rebuild starts.
pub(crate) const DEBOUNCE: Duration = Duration::from_millis(30);

/// What `roster serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The portfolio folder.
    pub root: PathBuf,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// `--interface`: the address to listen on; `None` is 127.0.0.1.
    pub interface: Option<IpAddr>,
    /// `--as-of`, `--client` and `--internal`, as `build` takes them.
    pub overrides: crate::pipeline::Overrides,
}

/// The port asked for is taken by another program.
#[derive(Debug)]
pub(crate) struct PortInUse(pub u16);

impl fmt::Display for PortInUse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "port {} is in use", self.0)
    }
}

impl std::error::Error for PortInUse {}

enum Message {
    Files(DebounceEventResult),
    Stop,
}

/// Serve the portfolio until Ctrl-C. Errors are the machine's: the port is
/// taken ([`PortInUse`]), the folder cannot be watched; or the command
/// line's, which the first build finds ([`command_line`]) after printing
/// them.
pub(crate) fn serve(opts: &ServeOptions, console: &Console) -> Result<()> {
    let ip = opts.interface.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let (listener, address) = listen(ip, opts.port)?;
    let root = std::fs::canonicalize(&opts.root)
        .with_context(|| format!("reading the portfolio folder {}", opts.root.display()))?;

    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    })
    .context("setting up Ctrl-C")?;
    // Watch before the first build, so that no save goes unseen.
    let mut watching = Watch::start(&root, move |event| {
        let _ = tx.send(Message::Files(event));
    })?;

    let shared = Arc::new(Shared::default());
    let mut workspace = Workspace::new(&opts.root, opts.overrides.clone());
    rebuild(
        &shared,
        &mut workspace,
        Changes::everything(),
        opts,
        console,
    )?;

    let running = server::start(listener, address, shared.clone(), server::spawn)
        .context("starting the server")?;
    // A warning, so it prints even with -q.
    if reaches_network(address.ip()) {
        let warning = terminal::serving_to_network(address.ip(), opts.overrides.internal);
        console.line(&warning)?;
    }
    if console.chatty() {
        console.line(&terminal::serving(&opts.root, address))?;
    }

    while let Ok(message) = rx.recv() {
        let Some((changes, files)) = gather(message, &rx, &root, &workspace, console) else {
            break;
        };
        if !changes.is_empty() {
            if console.verbose() {
                console.line(&terminal::changed(&files))?;
            }
            // Before the rebuild reads them: a folder made since is watched.
            watching.sync(&root);
            // Only the first build stops serve: the command line is the
            // same for every rebuild.
            let _ = rebuild(&shared, &mut workspace, changes, opts, console);
        }
    }
    running.stop();
    if console.chatty() {
        console.line(terminal::STOPPED)?;
    }
    Ok(())
}

/// Whether other computers can reach a server listening on `ip`: on any
/// address but a loopback one (127.0.0.0/8, ::1), they may.
fn reaches_network(ip: IpAddr) -> bool {
    !ip.to_canonical().is_loopback()
}

/// A listener on `ip`:`port`, and the address it listens on.
fn listen(ip: IpAddr, port: u16) -> Result<(TcpListener, SocketAddr)> {
    let at = SocketAddr::new(ip, port);
    let listener = match TcpListener::bind(at) {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            return Err(PortInUse(port).into());
        }
        Err(e) if e.kind() == std::io::ErrorKind::AddrNotAvailable => {
            return Err(e).with_context(|| {
                format!("listening on {at}: {ip} is not an address of this computer")
            });
        }
        Err(e) => return Err(e).with_context(|| format!("listening on {at}")),
    };
    let address = listener
        .local_addr()
        .context("reading the address listened on")?;
    Ok((listener, address))
}

/// The changes of `first` and of every message already waiting, for one
/// rebuild for all of them, with the files (relative to the portfolio)
/// that make them; `None` once Ctrl-C was pressed. A file of a client not
/// served (`--client`) makes no change.
fn gather(
    first: Message,
    rx: &mpsc::Receiver<Message>,
    root: &Path,
    workspace: &Workspace,
    console: &Console,
) -> Option<(Changes, Vec<PathBuf>)> {
    let mut changes = Changes::default();
    let mut files = Vec::new();
    let mut next = Some(first);
    while let Some(message) = next {
        match message {
            Message::Stop => return None,
            Message::Files(Ok(events)) => {
                let output = workspace.output_dir().unwrap_or_default();
                let written = events.iter().filter(|e| writes(&e.kind));
                for path in written.flat_map(|e| &e.paths) {
                    let Ok(rel) = path.strip_prefix(root) else {
                        continue;
                    };
                    let mut one = Changes::default();
                    one.add(rel, &output);
                    let one = workspace.scope(one);
                    if !one.is_empty() {
                        changes.merge(one);
                        if !files.iter().any(|f| f == rel) {
                            files.push(rel.to_path_buf());
                        }
                    }
                }
            }
            Message::Files(Err(errors)) => {
                for e in errors {
                    // Serving goes on: the next save may be seen.
                    let _ = console.line(&terminal::watch_failed(&e));
                }
            }
        }
        next = rx.try_recv().ok();
    }
    Some((changes, files))
}

/// Whether an event can change a file: reading one (as a rebuild does)
/// cannot, and must not start another rebuild.
fn writes(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Rebuild, put the result in the served site and report it through the
/// console. An `Err` only from the first build, when the command line is
/// wrong: its diagnostics are printed, and serving stops; or when stderr
/// cannot be written.
fn rebuild(
    shared: &Shared,
    workspace: &mut Workspace,
    changes: Changes,
    opts: &ServeOptions,
    console: &Console,
) -> Result<()> {
    let started = Instant::now();
    let (first, serving) = {
        let site = shared.lock();
        (site.version == 0, site.built)
    };
    let asked: Vec<String> = match changes.everything {
        true => Vec::new(),
        false => changes.clients.iter().cloned().collect(),
    };
    match workspace.rebuild(changes) {
        Ok(Rebuild::Built {
            sites,
            gone,
            top,
            diagnostics,
        }) => {
            print(&diagnostics, &opts.root, console)?;
            // Counted as `build` counts: a client's pages as `build -v`
            // says them, and the top page only in a build of the whole site.
            let top_pages = match asked.is_empty() {
                true => top.as_slice(),
                false => &[],
            };
            let pages: usize = sites
                .iter()
                .flat_map(|(_, files)| files)
                .chain(top_pages)
                .filter(|(n, _)| n.ends_with(".html"))
                .count();
            let clients = sites.len();
            let names = workspace.clients().into_iter().collect();
            publish(shared, sites, &gone, top, names);
            if console.chatty() {
                let line = terminal::rebuilt(first, &asked, clients, pages, started.elapsed());
                console.line(&line)?;
            }
        }
        Ok(Rebuild::Failed { diagnostics }) => {
            print(&diagnostics, &opts.root, console)?;
            let wrong = command_line(&diagnostics);
            if first && wrong > 0 {
                return Err(anyhow!(terminal::not_served(wrong)));
            }
            let line = terminal::failure(&diagnostics, Run::Serve { serving });
            console.line(&line)?;
            let text = format!(
                "{}{line}\n",
                terminal::render(
                    &diagnostics,
                    &crate::load::quotes(&opts.root, &diagnostics),
                    false
                )
            );
            shared.update(|site| site.problems = Some(text));
        }
        Err(e) => {
            let line = terminal::machine_error(&e);
            shared.update(|site| site.problems = Some(line.clone()));
            console.line(&line)?;
        }
    }
    Ok(())
}

/// How many of `diagnostics` are errors of the command line, which no saved
/// file can fix: a `--client` naming no client folder, a folder that is no
/// portfolio, an `--as-of` too far from the data.
fn command_line(diagnostics: &Diagnostics) -> usize {
    let wrong = |d: &&Diagnostic| {
        d.severity == Severity::Error
            && matches!(
                &d.kind,
                Kind::Portfolio(PortfolioProblem::NoSuchClient { .. })
                    | Kind::Portfolio(PortfolioProblem::ReportDateTooLate {
                        from: ReportDateFrom::CommandLine,
                        ..
                    })
                    | Kind::File(FileProblem::NoPortfolio { .. })
            )
    };
    diagnostics.iter().filter(wrong).count()
}

/// Put a good rebuild in the served site: the clients rebuilt replace what
/// they had, the `gone` ones leave, the top-level files are all new.
fn publish(
    shared: &Shared,
    sites: Vec<(String, Vec<Page>)>,
    gone: &[String],
    top: Vec<Page>,
    names: std::collections::BTreeMap<String, String>,
) {
    shared.update(|site| {
        for id in gone {
            site.clients.remove(id);
        }
        for (id, files) in sites {
            let files = files
                .into_iter()
                .map(|(rel, bytes)| (rel, bytes.into()))
                .collect();
            site.clients.insert(id, files);
        }
        site.top = top
            .into_iter()
            .map(|(rel, bytes)| (rel, bytes.into()))
            .collect();
        site.names = names;
        site.problems = None;
        site.built = true;
    });
}

/// Print `diagnostics` for people, quoting the files under `root`.
fn print(diagnostics: &Diagnostics, root: &Path, console: &Console) -> std::io::Result<()> {
    let quotes = crate::load::quotes(root, diagnostics);
    console.err(&terminal::render(diagnostics, &quotes, console.color))
}
