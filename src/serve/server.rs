//! The HTTP server under `roster serve`, on `std::net`: each connection is
//! read and written by a thread of its own, so a client that sends and
//! never reads holds up no one else; its writes give up after
//! [`WRITE_TIME`], and a request's head must come whole within
//! [`HEAD_TIME`] and [`request::HEAD_LIMIT`].
//!
//! Connections are bounded ([`MAX_OPEN`]), and so are threads: a new one
//! past the bound closes the oldest. Those waiting on `/__roster/wait`
//! have a smaller bound of their own ([`MAX_WAITING`]), past which the
//! oldest waiting is closed; its page retries a moment later, as when
//! `serve` is away. When the system refuses a thread, that connection
//! is closed and the server goes on: nothing here panics on a request.

use std::collections::{BTreeSet, VecDeque};
use std::io::{BufReader, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::http::{self, Answer, Reply, Shared};
use super::request::{self, Read};
use crate::diagnostics::terminal;

/// The most connections open at once.
pub(super) const MAX_OPEN: usize = 128;
/// The most connections waiting on `/__roster/wait` at once.
pub(super) const MAX_WAITING: usize = 32;
/// How long a request's head may take to come, and a connection may stay
/// idle between requests.
pub(super) const HEAD_TIME: Duration = Duration::from_secs(10);
/// How long a write may wait on a client that does not read.
pub(super) const WRITE_TIME: Duration = Duration::from_secs(10);
/// The stack of a connection's thread: it looks pages up and copies them.
const STACK: usize = 256 * 1024;
/// The most `Host`s whose refusal is printed: past them, refusals are
/// answered without a word.
const MAX_REFUSALS_SHOWN: usize = 64;

/// Starts a thread for a connection; `Err` when the system refuses one.
pub(super) type Spawn = fn(Box<dyn FnOnce() + Send>) -> std::io::Result<()>;

/// A thread of its own, with a small stack.
pub(super) fn spawn(job: Box<dyn FnOnce() + Send>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("serve connection".into())
        .stack_size(STACK)
        .spawn(job)
        .map(drop)
}

/// A server answering from `shared`, until [`Running::stop`].
pub(super) struct Running {
    stopping: Arc<AtomicBool>,
    address: SocketAddr,
    accepting: JoinHandle<()>,
}

/// What every connection's thread shares.
struct Context {
    shared: Arc<Shared>,
    address: SocketAddr,
    open: Open,
    refused: Mutex<BTreeSet<String>>,
}

/// Answer connections to `listener` (listening on `address`) from `shared`,
/// each in a thread started by `spawn`.
pub(super) fn start(
    listener: TcpListener,
    address: SocketAddr,
    shared: Arc<Shared>,
    spawn: Spawn,
) -> std::io::Result<Running> {
    let stopping = Arc::new(AtomicBool::new(false));
    let context = Arc::new(Context {
        open: Open::new(shared.clone()),
        shared,
        address,
        refused: Mutex::new(BTreeSet::new()),
    });
    let stop = stopping.clone();
    let accepting = std::thread::Builder::new()
        .name("serve".into())
        .spawn(move || accept(&listener, &context, &stop, spawn))?;
    Ok(Running {
        stopping,
        address,
        accepting,
    })
}

impl Running {
    /// Stop accepting connections.
    pub(super) fn stop(self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wake the accepting thread with a connection of its own.
        let here = match self.address.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        let at = SocketAddr::new(here, self.address.port());
        if TcpStream::connect_timeout(&at, Duration::from_secs(1)).is_ok() {
            let _ = self.accepting.join();
        }
    }
}

fn accept(listener: &TcpListener, context: &Arc<Context>, stopping: &AtomicBool, spawn: Spawn) {
    let mut refused_thread = false;
    loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file handles, most likely: let connections close.
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let Some((id, closing)) = context.open.add(&stream) else {
            continue;
        };
        let ctx = context.clone();
        let job = Box::new(move || {
            connection(&ctx, &stream, &closing, id);
            ctx.open.remove(id);
        });
        match spawn(job) {
            Ok(()) => refused_thread = false,
            Err(e) => {
                // The job, and the connection with it, is dropped: closed.
                context.open.remove(id);
                if !refused_thread {
                    eprintln!("{}", terminal::no_thread(&e));
                }
                refused_thread = true;
            }
        }
    }
}

/// Answer the requests of one connection until it closes, goes quiet, or
/// is closed to make room (`closing`).
fn connection(context: &Context, stream: &TcpStream, closing: &AtomicBool, id: u64) {
    if stream.set_write_timeout(Some(WRITE_TIME)).is_err() {
        return;
    }
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(stream);
    while !closing.load(Ordering::SeqCst) {
        let head = match request::read_head(&mut reader, Instant::now() + HEAD_TIME) {
            Read::Head(head) => head,
            Read::Closed => return,
            Read::TooLarge => {
                let answer = Answer::plain(431, "the request's line and headers are too large");
                if write(stream, &answer, false, true) {
                    let _ = stream.shutdown(Shutdown::Write);
                    request::drain(stream);
                }
                return;
            }
            Read::Bad => {
                let _ = write(stream, &Answer::plain(400, "bad request"), false, true);
                return;
            }
        };
        if !head
            .host
            .as_deref()
            .is_some_and(|h| request::host_allowed(h, context.address))
        {
            context.refuse(head.host.as_deref());
            let body = terminal::host_refused_answer(context.address);
            let _ = write(stream, &Answer::plain(403, &body), false, true);
            return;
        }
        let answer = match http::handle(&context.shared, &head.method, &head.target) {
            Reply::Now(answer) => answer,
            Reply::Wait(seen) => {
                context.open.waiting(id, true);
                let version = context.shared.wait(seen, closing);
                context.open.waiting(id, false);
                if closing.load(Ordering::SeqCst) {
                    return;
                }
                http::version(version)
            }
        };
        if !write(stream, &answer, head.method == "HEAD", head.close) || head.close {
            return;
        }
    }
}

impl Context {
    /// Say on the terminal that a request for `host` was refused, once per
    /// host.
    fn refuse(&self, host: Option<&str>) {
        let mut refused = lock(&self.refused);
        let key = host.unwrap_or_default().to_string();
        if refused.len() < MAX_REFUSALS_SHOWN && refused.insert(key) {
            eprintln!("{}", terminal::host_refused(host, self.address));
        }
    }
}

/// Write `answer` (its head alone with `head_only`); whether all of it
/// went before [`WRITE_TIME`] ran out.
fn write(mut stream: &TcpStream, answer: &Answer, head_only: bool, close: bool) -> bool {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Length: {}\r\n",
        answer.status,
        reason(answer.status),
        answer.body.len()
    );
    for (name, value) in &answer.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    let body: &[u8] = if head_only { &[] } else { &answer.body };
    stream.write_all(head.as_bytes()).is_ok()
        && stream.write_all(body).is_ok()
        && stream.flush().is_ok()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "",
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The connections open, oldest first.
struct Open {
    shared: Arc<Shared>,
    list: Mutex<(u64, VecDeque<Connection>)>,
}

struct Connection {
    id: u64,
    /// The same socket, to close it from here.
    stream: TcpStream,
    waiting: bool,
    closing: Arc<AtomicBool>,
}

impl Connection {
    fn close(&self) {
        self.closing.store(true, Ordering::SeqCst);
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

impl Open {
    fn new(shared: Arc<Shared>) -> Open {
        Open {
            shared,
            list: Mutex::new((0, VecDeque::new())),
        }
    }

    /// Count `stream` in, closing the oldest connection when there are
    /// [`MAX_OPEN`]: its id, and the flag that says to close it.
    fn add(&self, stream: &TcpStream) -> Option<(u64, Arc<AtomicBool>)> {
        let copy = stream.try_clone().ok()?;
        let closing = Arc::new(AtomicBool::new(false));
        let mut list = lock(&self.list);
        let (next, open) = &mut *list;
        let id = *next;
        *next += 1;
        let oldest = (open.len() >= MAX_OPEN).then(|| open.pop_front()).flatten();
        open.push_back(Connection {
            id,
            stream: copy,
            waiting: false,
            closing: closing.clone(),
        });
        drop(list);
        if let Some(oldest) = oldest {
            oldest.close();
            self.shared.wake();
        }
        Some((id, closing))
    }

    fn remove(&self, id: u64) {
        lock(&self.list).1.retain(|c| c.id != id);
    }

    /// Mark the connection `id` as waiting or not; past [`MAX_WAITING`]
    /// waiting, the oldest waiting is closed.
    fn waiting(&self, id: u64, waiting: bool) {
        let mut list = lock(&self.list);
        let open = &mut list.1;
        if let Some(c) = open.iter_mut().find(|c| c.id == id) {
            c.waiting = waiting;
        }
        let mut oldest = None;
        if open.iter().filter(|c| c.waiting).count() > MAX_WAITING
            && let Some(at) = open.iter().position(|c| c.waiting)
        {
            oldest = open.remove(at);
        }
        drop(list);
        if let Some(oldest) = oldest {
            oldest.close();
            self.shared.wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;
    use std::sync::atomic::AtomicUsize;

    fn site() -> Arc<Shared> {
        let shared = Arc::new(Shared::default());
        shared.update(|site| {
            site.top
                .insert("index.html".into(), b"<body></body>".to_vec().into());
            site.built = true;
        });
        shared
    }

    fn get(at: SocketAddr) -> std::io::Result<String> {
        let mut stream = TcpStream::connect_timeout(&at, Duration::from_secs(5))?;
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        write!(
            stream,
            "GET / HTTP/1.1\r\nHost: {at}\r\nConnection: close\r\n\r\n"
        )?;
        let mut text = String::new();
        stream.read_to_string(&mut text)?;
        Ok(text)
    }

    static REFUSALS: AtomicUsize = AtomicUsize::new(0);

    /// Refuses the first three threads, as a system out of them would.
    fn refusing(job: Box<dyn FnOnce() + Send>) -> std::io::Result<()> {
        if REFUSALS.fetch_add(1, Ordering::SeqCst) < 3 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::WouldBlock,
                "Resource temporarily unavailable",
            ));
        }
        spawn(job)
    }

    #[test]
    fn a_refused_thread_closes_its_connection_and_the_server_goes_on() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let at = listener.local_addr().unwrap();
        let running = start(listener, at, site(), refusing).unwrap();
        for _ in 0..3 {
            let answer = get(at);
            assert!(
                answer.as_ref().map_or(true, String::is_empty),
                "no thread, no answer: {answer:?}"
            );
        }
        let answer = get(at).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
        running.stop();
    }
}
