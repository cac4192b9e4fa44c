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

pub mod changes;
mod http;
mod workspace;

use std::fmt;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::diagnostics::Diagnostics;
use crate::diagnostics::terminal::{self, Run};
use crate::render::Page;
use changes::Changes;
use http::Shared;
use workspace::{Rebuild, Workspace};

/// How long saved files are collected before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// What `roster serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The portfolio folder.
    pub root: PathBuf,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// `--internal`: serve the agency's own site.
    pub internal: bool,
    /// Whether the terminal takes colours.
    pub color: bool,
}

/// The port asked for is taken by another program.
#[derive(Debug)]
pub struct PortInUse(pub u16);

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
/// taken ([`PortInUse`]), the folder cannot be watched.
pub fn serve(opts: &ServeOptions) -> Result<()> {
    let (server, address) = listen(opts.port)?;
    let root = std::fs::canonicalize(&opts.root)
        .with_context(|| format!("reading the portfolio folder {}", opts.root.display()))?;

    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    })
    .context("setting up Ctrl-C")?;
    // Watch before the first build, so that no save goes unseen.
    let _watching = watch(&root, tx)?;

    let shared = Arc::new(Shared::default());
    let mut workspace = Workspace::new(&opts.root, opts.internal);
    rebuild(&shared, &mut workspace, Changes::everything(), opts);

    let stopping = Arc::new(AtomicBool::new(false));
    let listening = {
        let (server, shared, stopping) = (server.clone(), shared.clone(), stopping.clone());
        std::thread::spawn(move || {
            while !stopping.load(Ordering::SeqCst) {
                if let Ok(request) = server.recv() {
                    http::handle(&shared, request);
                }
            }
        })
    };
    eprintln!("{}", terminal::serving(&opts.root, address));

    while let Ok(message) = rx.recv() {
        let Some(changes) = gather(message, &rx, &root, &workspace) else {
            break;
        };
        if !changes.is_empty() {
            rebuild(&shared, &mut workspace, changes, opts);
        }
    }
    stopping.store(true, Ordering::SeqCst);
    server.unblock();
    let _ = listening.join();
    eprintln!("{}", terminal::STOPPED);
    Ok(())
}

/// The server on 127.0.0.1:`port`, and the address it listens on.
fn listen(port: u16) -> Result<(Arc<tiny_http::Server>, std::net::SocketAddr)> {
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            return Err(PortInUse(port).into());
        }
        Err(e) => return Err(e).with_context(|| format!("listening on 127.0.0.1:{port}")),
    };
    let address = listener
        .local_addr()
        .context("reading the address listened on")?;
    let server =
        Arc::new(tiny_http::Server::from_listener(listener, None).map_err(|e| anyhow!(e))?);
    Ok((server, address))
}

/// Watch the portfolio at `root`, sending the saved files to `tx`, for as
/// long as the result is kept.
fn watch(
    root: &Path,
    tx: mpsc::Sender<Message>,
) -> Result<Debouncer<notify::RecommendedWatcher, RecommendedCache>> {
    let mut debouncer = new_debouncer(DEBOUNCE, Some(DEBOUNCE / 5), move |event| {
        let _ = tx.send(Message::Files(event));
    })
    .context("watching the portfolio")?;
    debouncer
        .watch(root, RecursiveMode::Recursive)
        .with_context(|| format!("watching {}", root.display()))?;
    Ok(debouncer)
}

/// The changes of `first` and of every message already waiting, for one
/// rebuild for all of them; `None` once Ctrl-C was pressed.
fn gather(
    first: Message,
    rx: &mpsc::Receiver<Message>,
    root: &Path,
    workspace: &Workspace,
) -> Option<Changes> {
    let mut changes = Changes::default();
    let mut next = Some(first);
    while let Some(message) = next {
        match message {
            Message::Stop => return None,
            Message::Files(Ok(events)) => {
                let output = workspace.output_dir().unwrap_or_default();
                let written = events.iter().filter(|e| writes(&e.kind));
                for path in written.flat_map(|e| &e.paths) {
                    if let Ok(rel) = path.strip_prefix(root) {
                        changes.add(rel, &output);
                    }
                }
            }
            Message::Files(Err(errors)) => {
                for e in errors {
                    eprintln!("{}", terminal::watch_failed(&e));
                }
            }
        }
        next = rx.try_recv().ok();
    }
    Some(changes)
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

/// Rebuild, put the result in the served site and report it.
fn rebuild(shared: &Shared, workspace: &mut Workspace, changes: Changes, opts: &ServeOptions) {
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
            print(&diagnostics, &opts.root, opts.color);
            let pages: usize = sites
                .iter()
                .flat_map(|(_, files)| files)
                .chain(&top)
                .filter(|(n, _)| n.ends_with(".html"))
                .count();
            let clients = sites.len();
            let names = workspace.clients().into_iter().collect();
            publish(shared, sites, &gone, top, names);
            let line = terminal::rebuilt(first, &asked, clients, pages, started.elapsed());
            eprintln!("{line}");
        }
        Ok(Rebuild::Failed { diagnostics }) => {
            print(&diagnostics, &opts.root, opts.color);
            let line = terminal::failure(&diagnostics, Run::Serve { serving });
            eprintln!("{line}");
            let text = format!(
                "{}{line}\n",
                terminal::render(&diagnostics, &opts.root, false)
            );
            shared.update(|site| site.problems = Some(text));
        }
        Err(e) => {
            let line = terminal::machine_error(&e);
            eprintln!("{line}");
            shared.update(|site| site.problems = Some(line));
        }
    }
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

fn print(diagnostics: &Diagnostics, root: &Path, color: bool) {
    eprint!("{}", terminal::render(diagnostics, root, color));
}
