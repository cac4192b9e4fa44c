//! `roster serve`: the served site, rebuilds after a save, errors shown over
//! the last good site, the port, the address, `--as-of` and `--client`, the
//! pages of folders, and stopping. Each test starts the binary on a free port
//! of a loopback address and kills it when done; every wait is bounded. No
//! request goes anywhere but 127.0.0.x.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::Fixture;

/// The longest any wait in these tests lasts.
pub(crate) const PATIENCE: Duration = Duration::from_secs(10);

pub(crate) const POSTS: &str = "clients/kestrel-coffee/metrics/posts/2026-10.csv";

/// A running `roster serve`, killed when dropped.
pub(crate) struct Server {
    pub(crate) child: Child,
    stderr: Arc<Mutex<String>>,
    /// Where it listens, from its "serving ... at http://ADDRESS/" line.
    pub(crate) address: SocketAddr,
}

impl Server {
    /// Start `roster serve ARGS...` in `dir` and wait until it listens.
    pub(crate) fn start(dir: &Path, args: &[&str]) -> Server {
        let mut server = Server::spawn(dir, args);
        let found = wait_for(|| {
            let text = server.stderr();
            let line = text.lines().find(|l| l.starts_with("serving "))?;
            let at = line.find(" at http://")? + " at http://".len();
            line[at..].split('/').next()?.parse().ok()
        });
        server.address =
            found.unwrap_or_else(|| panic!("serve did not start:\n{}", server.stderr()));
        server
    }

    fn spawn(dir: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_roster"))
            .arg("serve")
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let pipe = child.stderr.take().unwrap();
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        Server {
            child,
            stderr,
            address: SocketAddr::from(([127, 0, 0, 1], 0)),
        }
    }

    pub(crate) fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// GET `path`: (status, body).
    pub(crate) fn get(&self, path: &str) -> (u16, String) {
        let (status, _, body) = self.request(path);
        (status, body)
    }

    /// GET `path`: (status, head, body).
    fn request(&self, path: &str) -> (u16, String, String) {
        self.send(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        ))
    }

    /// A connection to the server, which reads for at most [`PATIENCE`].
    /// Only ever to a loopback address.
    pub(crate) fn connect(&self) -> TcpStream {
        let ip = self.address.ip();
        assert!(
            matches!(ip, IpAddr::V4(v4) if v4.is_loopback()),
            "tests only talk to 127.0.0.x, not {ip}"
        );
        let stream = TcpStream::connect_timeout(&self.address, PATIENCE).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        stream
    }

    /// Send `raw`, a request as it goes on the wire, and read the answer
    /// to its end: (status, head, body).
    pub(crate) fn send(&self, raw: &str) -> (u16, String, String) {
        let mut stream = self.connect();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap();
        (status, head.to_string(), body.to_string())
    }

    /// A figure of a client's data.json as served.
    pub(crate) fn revenue(&self, client: &str) -> Option<f64> {
        let (status, body) = self.get(&format!("/{client}/data.json"));
        if status != 200 {
            return None;
        }
        let json: serde_json::Value = serde_json::from_str(&body).ok()?;
        json["portfolio"]["revenue"].as_f64()
    }

    /// Wait for the process to end: its exit code.
    fn wait_exit(&mut self) -> Option<i32> {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last lines.
                std::thread::sleep(Duration::from_millis(100));
                return Some(status.code().unwrap_or(-1));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Try `f` until it gives a value, for at most [`PATIENCE`].
pub(crate) fn wait_for<T>(mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if start.elapsed() > PATIENCE {
            return None;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn serves_the_site_and_shows_an_edited_csv() {
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0"]);
    let before = server
        .revenue("kestrel-coffee")
        .expect("data.json is served");
    let (status, page) = server.get("/kestrel-coffee/");
    assert_eq!(status, 200);
    assert!(
        page.contains("/__roster/wait?v="),
        "the reload script is in served pages"
    );
    assert_eq!(
        server.get("/kestrel-coffee").0,
        301,
        "a client folder needs its slash"
    );
    assert_eq!(server.get("/").0, 200);
    assert_eq!(server.get("/no-such-client/").0, 404);

    // 1263.93 -> 11263.93: 10,000 USD more revenue.
    let csv = std::fs::read_to_string(fx.root.join(POSTS)).unwrap();
    fx.write(POSTS, &csv.replacen(",1263.93,", ",11263.93,", 1));
    let after = wait_for(|| {
        server
            .revenue("kestrel-coffee")
            .filter(|r| (r - before).abs() > 1.0)
    })
    .unwrap_or_else(|| panic!("the new figure never showed:\n{}", server.stderr()));
    assert!(
        (after - before - 10_000.0).abs() < 0.01,
        "{before} -> {after}"
    );
    let log = server.stderr();
    assert!(
        log.contains("rebuilt kestrel-coffee,"),
        "only the edited client is rebuilt:\n{log}"
    );
    assert!(
        !fx.root.join("public").exists(),
        "serve writes no output folder"
    );
    // Pages counted as a build counts them: the whole site as its closing
    // line, one client as `build -v` says it wrote that client.
    let build = fx.roster(&["build", ".", "-v", "--output", "elsewhere"]);
    let count = |prefix: &str| -> String {
        let line = build.stderr.lines().find_map(|l| l.strip_prefix(prefix));
        let line = line.unwrap_or_else(|| panic!("no {prefix}:\n{}", build.stderr));
        line.split(" pages").next().unwrap().to_string()
    };
    let (client, site) = (count("wrote kestrel-coffee/: "), count("built 2 clients, "));
    assert!(
        log.contains(&format!("rebuilt kestrel-coffee, {client} pages in ")),
        "{client} pages:\n{log}"
    );
    assert!(
        log.contains(&format!("built 2 clients, {site} pages in ")),
        "{site} pages:\n{log}"
    );
}

#[test]
fn keeps_the_last_good_site_and_shows_the_errors() {
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0"]);
    let good = server.revenue("kestrel-coffee").unwrap();
    let csv = std::fs::read_to_string(fx.root.join(POSTS)).unwrap();
    let broken =
        format!("{csv}X1,<nobody>,2026-10-03,sponsored,1,1,1,1,1,1.00,USD,https://x.test/1\n");
    fx.write(POSTS, &broken);

    let page = wait_for(|| {
        let (_, body) = server.get("/kestrel-coffee/");
        body.contains("roster-problems").then_some(body)
    })
    .unwrap_or_else(|| panic!("no errors on the page:\n{}", server.stderr()));
    assert!(page.contains("unknown partnership"), "{page}");
    assert!(
        page.contains("&lt;nobody&gt;"),
        "the diagnostics are escaped"
    );
    assert!(!page.contains("<nobody>"));
    assert_eq!(
        server.revenue("kestrel-coffee"),
        Some(good),
        "the last good site stays"
    );
    // The terminal gets the same diagnostics; its lines may land a moment
    // after the page changed, so wait for them too.
    let log = wait_for(|| {
        let log = server.stderr();
        log.contains("still serving the last good site")
            .then_some(log)
    })
    .unwrap_or_else(|| panic!("no errors in the terminal:\n{}", server.stderr()));
    assert!(log.contains("unknown partnership"), "{log}");

    fx.write(POSTS, &csv);
    let fixed = wait_for(|| {
        let (_, body) = server.get("/kestrel-coffee/");
        (!body.contains("roster-problems")).then_some(())
    });
    assert!(
        fixed.is_some(),
        "the errors stay after the fix:\n{}",
        server.stderr()
    );
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let fx = Fixture::sample();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut server = Server::spawn(&fx.root, &[".", "--port", &port]);
    assert_eq!(server.wait_exit(), Some(2), "{}", server.stderr());
    let err = server.stderr();
    assert!(
        err.contains(&format!("error: port {port} is in use")),
        "{err}"
    );
    assert!(err.contains("help: pass --port N"), "{err}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_it_cleanly() {
    let fx = Fixture::sample();
    let mut server = Server::start(&fx.root, &[".", "--port", "0"]);
    let pid = server.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    assert_eq!(server.wait_exit(), Some(0), "{}", server.stderr());
    assert!(server.stderr().contains("stopped"));
}

#[test]
fn build_output_has_no_reload_script() {
    let fx = Fixture::sample();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    for entry in walkdir::WalkDir::new(fx.out()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(!text.contains("__roster"), "{}", entry.path().display());
            assert!(!text.contains("<script"), "{}", entry.path().display());
        }
    }
}

#[test]
fn a_report_date_moved_by_one_client_rebuilds_them_all() {
    let fx = Fixture::sample();
    // Without as_of, the report date is the latest post or order of any client.
    let settings = std::fs::read_to_string(fx.root.join("roster.yaml")).unwrap();
    let settings: String = settings
        .lines()
        .filter(|l| !l.starts_with("as_of:"))
        .map(|l| format!("{l}\n"))
        .collect();
    fx.write("roster.yaml", &settings);
    let server = Server::start(&fx.root, &[".", "--port", "0"]);
    let as_of = |client: &str| {
        let (_, body) = server.get(&format!("/{client}/data.json"));
        let json: serde_json::Value = serde_json::from_str(&body).ok()?;
        json["as_of"].as_str().map(str::to_string)
    };
    assert_ne!(as_of("kestrel-coffee").as_deref(), Some("2026-11-05"));

    let posts = "clients/polyn/metrics/posts/telegram.csv";
    let csv = std::fs::read_to_string(fx.root.join(posts)).unwrap();
    fx.write(
        posts,
        &format!(
            "{csv}tg-late-1,ilya-grachev,2026-11-05,sponsored,,1000,10,1,0,0,RUB,https://t.me/x/1\n"
        ),
    );
    let moved =
        wait_for(|| (as_of("kestrel-coffee").as_deref() == Some("2026-11-05")).then_some(()));
    assert!(
        moved.is_some(),
        "the other client keeps the old date:\n{}",
        server.stderr()
    );
    assert_eq!(as_of("polyn").as_deref(), Some("2026-11-05"));
}

#[test]
fn a_template_that_extends_itself_is_shown_and_serve_keeps_running() {
    let fx = Fixture::sample();
    let mut server = Server::start(&fx.root, &[".", "--port", "0"]);
    let good = server.revenue("kestrel-coffee").unwrap();
    fx.write("templates/base.html", "{% extends \"base.html\" %}\n");

    let page = wait_for(|| {
        let (_, body) = server.get("/kestrel-coffee/");
        body.contains("roster-problems").then_some(body)
    })
    .unwrap_or_else(|| panic!("no errors on the page:\n{}", server.stderr()));
    assert!(
        page.contains(
            "templates extend or include each other in a loop: base.html -&gt; base.html"
        ),
        "{page}"
    );
    assert!(page.contains("templates/base.html:1:1"), "{page}");
    assert_eq!(server.child.try_wait().unwrap(), None, "serve died");
    assert_eq!(server.revenue("kestrel-coffee"), Some(good));

    std::fs::remove_file(fx.root.join("templates/base.html")).unwrap();
    let fixed = wait_for(|| {
        let (_, body) = server.get("/kestrel-coffee/");
        (!body.contains("roster-problems")).then_some(())
    });
    assert!(fixed.is_some(), "still failing:\n{}", server.stderr());
    assert_eq!(server.child.try_wait().unwrap(), None, "serve stopped");
}

/// The links of the list of a folder's page, in order.
fn listed(page: &str) -> Vec<String> {
    page.split("<li><a href=\"")
        .skip(1)
        .filter_map(|part| part.split_once('"').map(|(href, _)| href.to_string()))
        .collect()
}

/// The folders under `dir`, by name.
fn folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_client_folder_without_an_index_lists_its_pages() {
    let fx = Fixture::sample();
    let run = fx.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let built = fx.out().join("kestrel-coffee");
    assert!(
        !built.join("reports/index.html").exists(),
        "the built site has no such page: serve alone makes it"
    );
    let mut months = folders(&built.join("reports"));
    months.reverse();
    assert!(months.len() > 2, "{months:?}");
    let server = Server::start(&fx.root, &[".", "--port", "0"]);

    let (status, page) = server.get("/kestrel-coffee/reports/");
    assert_eq!(status, 200, "{page}");
    let want: Vec<String> = months.iter().map(|m| format!("{m}/")).collect();
    assert_eq!(listed(&page), want, "every month, newest first");
    assert!(
        page.contains(">Monthly report · October 2026 · Kestrel Coffee Co.</a>"),
        "a link reads as its page's title:\n{page}"
    );
    assert!(
        page.contains("<a href=\"../\">"),
        "a link up to the overview"
    );
    assert!(page.contains("/__roster/wait?v="), "it reloads as the rest");
    for link in listed(&page) {
        let (status, _) = server.get(&format!("/kestrel-coffee/reports/{link}"));
        assert_eq!(status, 200, "{link}");
    }

    let (status, page) = server.get("/kestrel-coffee/partnerships/");
    assert_eq!(status, 200, "{page}");
    let want: Vec<String> = folders(&built.join("partnerships"))
        .iter()
        .map(|p| format!("{p}/"))
        .collect();
    assert_eq!(listed(&page), want, "partnerships by name");
    assert_eq!(server.get("/polyn/markets/").0, 200);

    let (status, head, _) = server.request("/kestrel-coffee/reports");
    assert_eq!(status, 301, "{head}");
    assert!(
        head.contains("Location: /kestrel-coffee/reports/\r\n"),
        "{head}"
    );
    assert_eq!(
        server.get("/kestrel-coffee/assets/").0,
        404,
        "a folder without pages"
    );
    assert_eq!(server.get("/kestrel-coffee/nothing/").0, 404);
    assert_eq!(server.get("/kestrel-coffee/nothing").0, 404);
    assert_eq!(server.get("/kestrel-coffee/reports/1999-01/").0, 404);
}

#[test]
fn client_serves_only_those_clients_and_their_saves() {
    let fx = Fixture::sample();
    // A file of the other client that a build of it warns about.
    let shop = "clients/kestrel-coffee/metrics/shop/orders.csv";
    fx.write(
        shop,
        "order_id,date,customer,revenue\nS1,2026-10-02,ann@example.com,12.00\n",
    );
    let whole = fx.roster(&["check", "."]);
    assert!(whole.stderr.contains(shop), "{}", whole.stderr);
    let server = Server::start(&fx.root, &["-v", ".", "--port", "0", "--client", "polyn"]);
    assert_eq!(server.get("/polyn/").0, 200);
    assert!(server.revenue("polyn").is_some());
    assert_eq!(server.get("/kestrel-coffee/").0, 404);
    assert_eq!(server.get("/kestrel-coffee/reports/").0, 404);
    let (_, index) = server.get("/");
    assert!(index.contains("polyn/"), "{index}");
    assert!(!index.contains("kestrel-coffee/"), "{index}");

    // A save of another client's file rebuilds nothing; one of polyn's,
    // after it, rebuilds polyn alone. serve takes the saves in the order
    // they were made, one at a time: once polyn's is rebuilt, the other
    // save has been taken, so a rebuild it caused would show already.
    let csv = std::fs::read_to_string(fx.root.join(POSTS)).unwrap();
    fx.write(POSTS, &csv.replacen(",1263.93,", ",11263.93,", 1));
    let posts = "clients/polyn/metrics/posts/telegram.csv";
    let text = std::fs::read_to_string(fx.root.join(posts)).unwrap();
    fx.write(posts, &text);
    wait_for(|| server.stderr().contains("rebuilt polyn,").then_some(()))
        .unwrap_or_else(|| panic!("polyn was not rebuilt:\n{}", server.stderr()));
    let log = server.stderr();
    assert_eq!(
        log.lines().filter(|l| l.starts_with("rebuilt ")).count(),
        1,
        "{log}"
    );
    assert!(
        log.contains(&format!("changed {posts}")),
        "-v names the file:\n{log}"
    );
    assert!(!log.contains("changed clients/kestrel-coffee"), "{log}");
    assert!(
        !log.contains("kestrel-coffee/metrics/shop"),
        "only polyn's warnings:\n{log}"
    );
    assert_eq!(server.get("/kestrel-coffee/").0, 404);
}

#[test]
fn as_of_sets_the_report_date_of_every_rebuild() {
    let fx = Fixture::sample();
    let server = Server::start(&fx.root, &[".", "--port", "0", "--as-of", "2026-08-31"]);
    let as_of = |client: &str| {
        let (_, body) = server.get(&format!("/{client}/data.json"));
        let json: serde_json::Value = serde_json::from_str(&body).ok()?;
        json["as_of"].as_str().map(str::to_string)
    };
    let august = |server: &Server| {
        let (status, page) = server.get("/kestrel-coffee/");
        assert_eq!(status, 200);
        assert!(
            page.contains(
                "<a class=\"button\" href=\"reports/2026-08/index.html\">Open the report"
            ),
            "August is the latest report:\n{page}"
        );
        assert!(!page.contains("reports/2026-09/"), "{page}");
        assert!(!page.contains("reports/2026-10/"), "{page}");
    };
    assert_eq!(as_of("kestrel-coffee").as_deref(), Some("2026-08-31"));
    assert_eq!(as_of("polyn").as_deref(), Some("2026-08-31"));
    august(&server);
    assert_eq!(server.get("/kestrel-coffee/reports/2026-10/").0, 404);
    let (_, reports) = server.get("/kestrel-coffee/reports/");
    assert_eq!(
        listed(&reports).first().map(String::as_str),
        Some("2026-08/")
    );

    // A client-only rebuild keeps the date.
    let before = server.revenue("kestrel-coffee").unwrap();
    let csv = std::fs::read_to_string(fx.root.join(POSTS)).unwrap();
    let changed = csv.replacen(",1263.93,", ",11263.93,", 1);
    assert_ne!(changed, csv);
    fx.write(POSTS, &changed);
    wait_for(|| {
        server
            .stderr()
            .contains("rebuilt kestrel-coffee,")
            .then_some(())
    })
    .unwrap_or_else(|| panic!("no rebuild:\n{}", server.stderr()));
    assert_eq!(as_of("kestrel-coffee").as_deref(), Some("2026-08-31"));
    august(&server);
    // October's posts count nowhere before the report date: no change.
    assert_eq!(server.revenue("kestrel-coffee"), Some(before));
}

#[test]
fn a_wrong_command_line_stops_serve_with_status_2() {
    let fx = Fixture::sample();
    let cases: [(&[&str], &[&str]); 3] = [
        (
            &["--client", "nope"],
            &[
                "error: --client nope: no such client",
                "help: the clients of this portfolio: kestrel-coffee, polyn",
            ],
        ),
        (
            &["--client", "polyn", "--client", "kestrel-cofee"],
            &[
                "error: --client kestrel-cofee: no such client",
                "help: did you mean `--client kestrel-coffee`?",
            ],
        ),
        (
            &["--as-of", "2076-10-31"],
            &["error: the report date 2076-10-31 (given by --as-of)"],
        ),
    ];
    for (args, want) in cases {
        let mut all = vec![".", "--port", "0"];
        all.extend(args);
        let mut server = Server::spawn(&fx.root, &all);
        assert_eq!(
            server.wait_exit(),
            Some(2),
            "{args:?} kept running:\n{}",
            server.stderr()
        );
        let err = server.stderr();
        for line in want {
            assert!(err.contains(line), "{args:?}: no {line:?} in\n{err}");
        }
        assert!(
            err.contains("error: could not serve: 1 error on the command line"),
            "{err}"
        );
        assert!(!err.lines().any(|l| l.starts_with("serving ")), "{err}");
    }
}

#[test]
fn interface_binds_there_and_warns_off_loopback() {
    let fx = Fixture::sample();
    // Another loopback address, which Linux answers on; no warning.
    let server = Server::start(&fx.root, &[".", "--port", "0", "--interface", "127.0.0.2"]);
    assert_eq!(server.address.ip(), IpAddr::from([127, 0, 0, 2]));
    assert_eq!(server.get("/kestrel-coffee/").0, 200);
    let log = server.stderr();
    assert!(!log.contains("visible to anyone"), "{log}");
    let elsewhere = SocketAddr::from(([127, 0, 0, 1], server.address.port()));
    assert!(
        TcpStream::connect_timeout(&elsewhere, PATIENCE).is_err(),
        "it listens on 127.0.0.2 alone"
    );
    drop(server);

    // Every address: the warning, then the address to open here.
    let server = Server::start(&fx.root, &[".", "--port", "0", "--interface", "0.0.0.0"]);
    let log = server.stderr();
    let warning = "warning: serving on 0.0.0.0: the reports are visible to anyone on the network who can reach this computer";
    let warned = log
        .find(warning)
        .unwrap_or_else(|| panic!("no warning:\n{log}"));
    assert!(warned < log.find("serving .").unwrap(), "{log}");
    assert_eq!(server.address.ip(), IpAddr::from([127, 0, 0, 1]));
    assert!(
        log.contains(" and on every other address of this computer"),
        "{log}"
    );
    assert_eq!(server.get("/kestrel-coffee/").0, 200);
}

#[cfg(unix)]
#[test]
fn quiet_prints_the_warning_and_no_news() {
    let fx = Fixture::sample();
    let mut server = Server::spawn(
        &fx.root,
        &["-q", ".", "--port", "0", "--interface", "0.0.0.0"],
    );
    let warned = wait_for(|| server.stderr().contains("visible to anyone").then_some(()));
    assert!(warned.is_some(), "no warning:\n{}", server.stderr());
    // Stopped with Ctrl-C, serve has printed all it will: what it printed
    // is whole.
    let pid = server.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    assert_eq!(server.wait_exit(), Some(0), "{}", server.stderr());
    let log = server.stderr();
    let news = ["serving ", "built ", "rebuilt "];
    assert!(
        !log.lines().any(|l| news.iter().any(|n| l.starts_with(n))),
        "{log}"
    );
}

#[test]
fn a_portfolio_with_nothing_to_report_says_why_it_has_no_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let made = crate::common::run(tmp.path(), &["init", "--bare", "p"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let server = Server::start(&tmp.path().join("p"), &[".", "--port", "0"]);
    let (status, page) = server.get("/");
    assert_eq!(status, 200);
    assert!(
        page.contains("No client has anything to report yet, so there are no pages."),
        "{page}"
    );
    let log = server.stderr();
    assert!(log.contains("warning: nothing to report yet"), "{log}");
    assert!(
        log.contains("built no pages in ")
            && log.contains(": no client has anything to report yet"),
        "{log}"
    );
}
