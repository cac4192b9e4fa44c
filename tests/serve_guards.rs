//! `roster serve` among hostile clients: only its own address and
//! `localhost` are answered; waiting pages, the threads they take and a
//! request's head are bounded; a client that never reads holds up no one;
//! and it watches the folders a build reads, none outside the portfolio.
//! Every request goes to 127.0.0.x, bounded in count and time.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::Fixture;
use crate::serve::{PATIENCE, POSTS, Server, wait_for};

/// A GET of `path` with `host` as its Host (none with `None`): the status.
fn status_for_host(server: &Server, path: &str, host: Option<&str>) -> (u16, String) {
    let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
    let (status, _, body) = server.send(&format!(
        "GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"
    ));
    (status, body)
}

#[test]
fn answers_only_its_own_address_and_localhost() {
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0", "--internal"]);
    let port = server.address.port();
    let data = "/kestrel-coffee/data.json";
    for host in [server.address.to_string(), format!("localhost:{port}")] {
        let (status, body) = status_for_host(&server, data, Some(&host));
        assert_eq!(status, 200, "{host}: {body}");
    }
    // A name a web page controls, rebound to 127.0.0.1; another port; none.
    let rebound = format!("rebound.example.com:{port}");
    let other_port = format!("127.0.0.1:{}", port.wrapping_add(1));
    let suffixed = format!("localhost.rebound.example.com:{port}");
    for host in [
        Some(rebound.as_str()),
        Some("rebound.example.com"),
        Some(other_port.as_str()),
        Some(suffixed.as_str()),
        None,
    ] {
        for path in [data, "/", "/__roster/wait?v=0", "/kestrel-coffee/"] {
            let (status, body) = status_for_host(&server, path, host);
            assert_eq!(status, 403, "{host:?} {path}: {body}");
            assert!(!body.contains("revenue"), "{body}");
            assert!(body.contains("answers only at"), "{body}");
        }
    }
    let line = format!(
        "warning: refused a request for {rebound}: serve answers only at http://{}/ and http://localhost:{port}/",
        server.address
    );
    let log = wait_for(|| server.stderr().contains(&line).then(|| server.stderr()))
        .unwrap_or_else(|| panic!("no {line:?} in\n{}", server.stderr()));
    assert_eq!(log.matches(&line).count(), 1, "once per host:\n{log}");
    assert!(log.contains("refused a request without a Host"), "{log}");
}

/// The number of threads of the process `pid`, from /proc.
fn threads(pid: u32) -> Option<usize> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("Threads:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Whether the server closed `stream` without an answer, within
/// [`PATIENCE`] (it reads that long at most).
fn closed_unanswered(stream: &mut TcpStream) -> Result<(), String> {
    let mut got = Vec::new();
    match stream.read_to_end(&mut got) {
        Ok(_) if got.is_empty() => Ok(()),
        Ok(_) => Err(format!("answered: {}", String::from_utf8_lossy(&got))),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Ok(()),
        Err(e) => Err(format!("still open: {e}")),
    }
}

#[test]
fn waiting_pages_are_bounded_and_the_oldest_closed() {
    // As many waiting pages as serve keeps, and more.
    const KEPT: usize = 32;
    const OPENED: usize = 100;
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0"]);
    let (_, version) = server.get("/__roster/version");
    let pid = server.child.id();
    let before = threads(pid);
    let wait = format!(
        "GET /__roster/wait?v={version} HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    );
    let mut waiting: Vec<TcpStream> = (0..OPENED)
        .map(|_| {
            let mut stream = server.connect();
            stream.write_all(wait.as_bytes()).unwrap();
            stream
        })
        .collect();
    // Long before a wait ends by itself, the oldest are closed.
    let started = Instant::now();
    for (i, stream) in waiting[..OPENED - KEPT].iter_mut().enumerate() {
        if let Err(e) = closed_unanswered(stream) {
            panic!("waiting page {i} of {OPENED}: {e}");
        }
    }
    assert!(started.elapsed() < PATIENCE, "{:?}", started.elapsed());
    assert_eq!(server.get("/").0, 200, "serve still answers");
    match before {
        Some(before) => {
            let bounded = wait_for(|| {
                let now = threads(pid)?;
                (now <= before + KEPT + 4).then_some(now)
            });
            assert!(
                bounded.is_some(),
                "{OPENED} waiting pages took {:?} threads, {before} before",
                threads(pid)
            );
        }
        None => eprintln!("skipped counting threads: no /proc/{pid}/status here"),
    }
    // Those kept are answered when the site changes.
    let csv = std::fs::read_to_string(fx.root.join(POSTS)).unwrap();
    fx.write(POSTS, &csv.replacen(",1263.93,", ",11263.93,", 1));
    let last = waiting.last_mut().unwrap();
    let mut got = [0u8; 64];
    let n = last.read(&mut got).unwrap();
    let answer = String::from_utf8_lossy(&got[..n]);
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
}

#[test]
fn a_client_that_never_reads_holds_up_no_one() {
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0"]);
    let (status, page) = server.get("/kestrel-coffee/");
    assert_eq!(status, 200);
    assert!(
        page.len() > 10_000,
        "a page worth asking for: {}",
        page.len()
    );
    // 400 requests on one connection, whose answers are never read.
    let mut hog = server.connect();
    let one = format!(
        "GET /kestrel-coffee/ HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    );
    hog.write_all(one.repeat(400).as_bytes()).unwrap();
    for i in 0..20 {
        let started = Instant::now();
        let (status, _) = server.get("/polyn/");
        assert_eq!(status, 200);
        let took = started.elapsed();
        assert!(
            took < Duration::from_secs(3),
            "request {i} took {took:?} behind a client that does not read"
        );
    }
    drop(hog);
}

#[test]
fn a_request_head_over_64_kib_gets_431() {
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0"]);
    let at = server.address;
    let big = "x".repeat(100 * 1024);
    let (status, _, body) = server.send(&format!(
        "GET / HTTP/1.1\r\nHost: {at}\r\nX-Big: {big}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(status, 431, "{body}");
    let many: String = (0..8000).map(|i| format!("X-{i}: y\r\n")).collect();
    let (status, _, _) = server.send(&format!(
        "GET / HTTP/1.1\r\nHost: {at}\r\n{many}Connection: close\r\n\r\n"
    ));
    assert_eq!(status, 431, "many small headers count together");
    let (status, _, _) = server.send(&format!(
        "GET /{big} HTTP/1.1\r\nHost: {at}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(status, 431, "the request line counts too");
    // A large cookie, within the limit, is fine.
    let cookie = "c".repeat(48 * 1024);
    let (status, _, _) = server.send(&format!(
        "GET / HTTP/1.1\r\nHost: {at}\r\nCookie: a={cookie}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(status, 200);
}

/// The resident memory of the process `pid` in KiB, from /proc.
fn resident_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_head_of_32_mib_costs_serve_no_memory() {
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0"]);
    let pid = server.child.id();
    assert_eq!(server.get("/").0, 200);
    let Some(before) = resident_kib(pid) else {
        eprintln!("skipped: no /proc/{pid}/status to read memory from");
        return;
    };
    let mut stream = server.connect();
    let mut sending = stream.try_clone().unwrap();
    let start = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Big: ", server.address);
    // Sent from a thread: serve stops reading long before the end.
    let sender = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1024 * 1024];
        let _ = sending.write_all(start.as_bytes());
        for _ in 0..32 {
            if sending.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 431 "),
        "{}",
        &answer[..answer.len().min(200)]
    );
    drop(stream);
    sender.join().unwrap();
    let after = resident_kib(pid).unwrap();
    assert!(
        after < before + 8 * 1024,
        "serve grew from {before} KiB to {after} KiB"
    );
}

/// The inodes of the folders the process `pid` watches with inotify, from
/// /proc; `None` where there is no /proc.
fn watched_inodes(pid: u32) -> Option<BTreeSet<u64>> {
    let mut inodes = BTreeSet::new();
    for fd in std::fs::read_dir(format!("/proc/{pid}/fd")).ok()? {
        let fd = fd.ok()?;
        let target = std::fs::read_link(fd.path()).unwrap_or_default();
        if target.to_string_lossy() != "anon_inode:inotify" {
            continue;
        }
        let info = std::fs::read_to_string(format!(
            "/proc/{pid}/fdinfo/{}",
            fd.file_name().to_string_lossy()
        ))
        .ok()?;
        // `inotify wd:1 ino:a2c sdev:800001 mask:...`, a line a watch.
        let watches = info.lines().filter(|l| l.starts_with("inotify "));
        for word in watches.flat_map(str::split_whitespace) {
            if let Some(hex) = word.strip_prefix("ino:") {
                inodes.insert(u64::from_str_radix(hex, 16).ok()?);
            }
        }
    }
    Some(inodes)
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

#[cfg(unix)]
#[test]
fn watches_what_a_build_reads_and_nothing_outside() {
    use std::os::unix::fs::symlink;
    let fx = Fixture::sample();
    let outside = tempfile::tempdir().unwrap();
    let mut elsewhere = Vec::new();
    for i in 0..30 {
        let dir = outside
            .path()
            .join(format!("d{}", i % 5))
            .join(format!("e{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        elsewhere.push(dir);
    }
    let client = fx.root.join("clients/kestrel-coffee");
    symlink(outside.path(), client.join("metrics/elsewhere")).unwrap();
    symlink(outside.path(), client.join("assets/elsewhere")).unwrap();
    // The whole file system, which a build does not read either.
    symlink("/", client.join("metrics/sys")).unwrap();
    let mut server = Server::start(&fx.root, &[".", "--port", "0"]);
    assert_eq!(server.get("/kestrel-coffee/").0, 200);
    let Some(watched) = watched_inodes(server.child.id()) else {
        eprintln!("skipped: no /proc here to read the watches from");
        return;
    };
    let posts = inode(&client.join("metrics/posts"));
    assert!(watched.contains(&posts), "the posts' folder is watched");
    assert!(watched.contains(&inode(&fx.root)), "roster.yaml's folder");
    for dir in elsewhere.iter().chain([&outside.path().to_path_buf()]) {
        assert!(
            !watched.contains(&inode(dir)),
            "{} is outside the portfolio, and watched",
            dir.display()
        );
    }
    let inside: BTreeSet<u64> = walkdir::WalkDir::new(&fx.root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .map(|e| inode(e.path()))
        .collect();
    let stray: Vec<&u64> = watched.difference(&inside).collect();
    assert!(stray.is_empty(), "watched outside the portfolio: {stray:?}");
    assert_eq!(server.child.try_wait().unwrap(), None, "serve stopped");
}

#[test]
fn a_folder_made_while_serving_is_watched() {
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0"]);
    let rebuilt = |server: &Server| server.stderr().matches("rebuilt kestrel-coffee,").count();
    let later = fx.root.join("clients/kestrel-coffee/metrics/later");
    std::fs::create_dir(&later).unwrap();
    wait_for(|| (rebuilt(&server) >= 1).then_some(()))
        .unwrap_or_else(|| panic!("no rebuild for the new folder:\n{}", server.stderr()));
    std::fs::write(later.join("stray.txt"), "not a table\n").unwrap();
    wait_for(|| server.stderr().contains("later/stray.txt").then_some(()))
        .unwrap_or_else(|| panic!("a file in the new folder unseen:\n{}", server.stderr()));
}

#[test]
fn a_folder_replaced_while_serving_is_watched() {
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0"]);
    let before = server.revenue("kestrel-coffee").unwrap();
    // Removed and made again at once, as a copy over it does.
    let posts = fx.root.join("clients/kestrel-coffee/metrics/posts");
    let kept = fx.dir.path().join("posts");
    std::fs::rename(&posts, &kept).unwrap();
    let copy = fx.dir.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(&kept).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    std::fs::rename(&copy, &posts).unwrap();
    wait_for(|| {
        server
            .stderr()
            .contains("rebuilt kestrel-coffee,")
            .then_some(())
    })
    .unwrap_or_else(|| panic!("no rebuild for the new folder:\n{}", server.stderr()));
    let csv = std::fs::read_to_string(fx.root.join(POSTS)).unwrap();
    fx.write(POSTS, &csv.replacen(",1263.93,", ",11263.93,", 1));
    let after = wait_for(|| {
        server
            .revenue("kestrel-coffee")
            .filter(|r| (r - before).abs() > 1.0)
    });
    assert!(
        after.is_some(),
        "a save in the new folder unseen:\n{}",
        server.stderr()
    );
}
