//! One HTTP request as `serve` reads it: its head (the request line and
//! the headers) read within a size and a time, and whether its `Host` is
//! one `serve` answers to.
//!
//! A head larger than [`HEAD_LIMIT`] is not read further: it gets 431,
//! whatever it declares, so no request can make `serve` hold more than
//! that. The `Host` check keeps web pages out: a page the user visits can
//! point a name it controls at 127.0.0.1 (DNS rebinding) and read what
//! `serve` answers, but its requests carry that name. `serve` answers only
//! the address it listens on (any address of the computer, given as
//! numbers, when it listens on all of them) or `localhost`, with its port.

use std::io::Read as _;
use std::io::{BufRead, BufReader, ErrorKind};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::Instant;

/// The most a request's line and headers may hold, together, in bytes.
pub(super) const HEAD_LIMIT: usize = 64 * 1024;

/// A request's head, as far as `serve` needs it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Head {
    pub method: String,
    /// The path and query (`/polyn/?x`).
    pub target: String,
    /// The `Host` header; `None` without one, or with two.
    pub host: Option<String>,
    /// Whether the connection is to close after the answer: asked for,
    /// HTTP/1.0, or a request with a body, which `serve` does not read.
    pub close: bool,
}

/// What came of reading a request.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Read {
    Head(Head),
    /// The connection ended or went quiet before a whole head came.
    Closed,
    /// The head is larger than [`HEAD_LIMIT`].
    TooLarge,
    /// The head is no HTTP request `serve` reads.
    Bad,
}

/// Read the next request's head from `reader`, until `deadline`.
pub(super) fn read_head(reader: &mut BufReader<&TcpStream>, deadline: Instant) -> Read {
    let mut head = Vec::new();
    loop {
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            return Read::Closed;
        };
        let left = left.max(std::time::Duration::from_millis(1));
        if reader.get_ref().set_read_timeout(Some(left)).is_err() {
            return Read::Closed;
        }
        let buf = match reader.fill_buf() {
            Ok([]) => return Read::Closed,
            Ok(buf) => buf,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(_) => return Read::Closed,
        };
        let (used, done) = take_head(&mut head, buf);
        reader.consume(used);
        if head.len() > HEAD_LIMIT {
            return Read::TooLarge;
        }
        if done {
            return parse(&head).map_or(Read::Bad, Read::Head);
        }
    }
}

/// Move bytes of `buf` into `head` until the head's blank line, or one
/// byte past [`HEAD_LIMIT`]: how many were taken, and whether the head is
/// whole. Blank lines before a request are skipped.
fn take_head(head: &mut Vec<u8>, buf: &[u8]) -> (usize, bool) {
    for (i, &b) in buf.iter().enumerate() {
        if head.is_empty() && (b == b'\r' || b == b'\n') {
            continue;
        }
        head.push(b);
        if b == b'\n' && (head.ends_with(b"\n\n") || head.ends_with(b"\n\r\n")) {
            return (i + 1, true);
        }
        if head.len() > HEAD_LIMIT {
            return (i + 1, false);
        }
    }
    (buf.len(), false)
}

/// The head of a request in origin form (`GET /path HTTP/1.1`).
fn parse(head: &[u8]) -> Option<Head> {
    let text = std::str::from_utf8(head).ok()?;
    let mut lines = text.lines();
    let mut parts = lines.next()?.split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !target.starts_with('/') || !version.starts_with("HTTP/1.") {
        return None;
    }
    let mut hosts = Vec::new();
    let mut close = version == "HTTP/1.0";
    for line in lines.filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':')?;
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "host" => hosts.push(value),
            "connection" => {
                close |= value
                    .split(',')
                    .any(|t| t.trim().eq_ignore_ascii_case("close"));
            }
            "content-length" => close |= value != "0",
            "transfer-encoding" => close = true,
            _ => {}
        }
    }
    Some(Head {
        method: method.to_string(),
        target: target.to_string(),
        host: match hosts[..] {
            [one] => Some(one.to_string()),
            _ => None,
        },
        close,
    })
}

/// Whether `serve`, listening on `at`, answers a request whose `Host` is
/// `host`: its own address or `localhost` with its port (no port is port
/// 80); on every address (`0.0.0.0`, `::`), any address in numbers. A name
/// other than `localhost` may be anyone's.
pub(super) fn host_allowed(host: &str, at: SocketAddr) -> bool {
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((ip, "")) => (ip, None),
            Some((ip, port)) => match port.strip_prefix(':') {
                Some(port) => (ip, Some(port)),
                None => return false,
            },
            None => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let port = match port {
        None => 80,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
            match p.parse::<u16>() {
                Ok(p) => p,
                Err(_) => return false,
            }
        }
        Some(_) => return false,
    };
    if port != at.port() {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let Ok(ip) = name.parse::<IpAddr>() else {
        return false;
    };
    let listening = at.ip().to_canonical();
    // `[::1]` names IPv6 in brackets only; 127.0.0.1 never has them.
    let bracketed = host.starts_with('[');
    if bracketed != ip.is_ipv6() {
        return false;
    }
    listening.is_unspecified() || ip.to_canonical() == listening
}

/// Read and drop what the client still sends, for a while and up to a
/// bound, so that closing the connection does not reset it before the
/// client has read its answer.
pub(super) fn drain(stream: &TcpStream) {
    const MOST: u64 = 1024 * 1024;
    let until = Instant::now() + std::time::Duration::from_secs(1);
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_millis(200)));
    let mut rest = stream.take(MOST);
    let mut scratch = [0u8; 8192];
    while Instant::now() < until {
        match rest.read(&mut scratch) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    #[test]
    fn answers_its_own_address_and_localhost_with_the_port() {
        let here = at("127.0.0.1:8000");
        for host in [
            "127.0.0.1:8000",
            "localhost:8000",
            "LocalHost:8000",
            "127.0.0.1:08000",
        ] {
            assert!(host_allowed(host, here), "{host}");
        }
        for host in [
            "evil.example:8000",
            "evil.example",
            "localhost",
            "localhost:8001",
            "127.0.0.1",
            "127.0.0.2:8000",
            "127.0.0.1.evil.example:8000",
            "localhost.evil.example:8000",
            "[::1]:8000",
            "127.0.0.1:8000:8000",
            "127.0.0.1:",
            "127.0.0.1:+8000",
            "",
            "[127.0.0.1]:8000",
        ] {
            assert!(!host_allowed(host, here), "{host}");
        }
        assert!(host_allowed("localhost", at("127.0.0.1:80")));
        assert!(host_allowed("127.0.0.1", at("127.0.0.1:80")));
    }

    #[test]
    fn on_every_address_any_address_in_numbers() {
        let all = at("0.0.0.0:8000");
        assert!(host_allowed("192.168.1.20:8000", all));
        assert!(host_allowed("127.0.0.1:8000", all));
        assert!(host_allowed("localhost:8000", all));
        assert!(!host_allowed("laptop.local:8000", all));
        assert!(!host_allowed("192.168.1.20:8001", all));
        let v6 = at("[::]:8000");
        assert!(host_allowed("[::1]:8000", v6));
        assert!(host_allowed("[fe80::1]:8000", v6));
        assert!(!host_allowed("::1:8000", v6));
        assert!(host_allowed("[::1]:8000", at("[::1]:8000")));
        assert!(!host_allowed("127.0.0.1:8000", at("[::1]:8000")));
    }

    #[test]
    fn a_head_is_parsed_as_serve_needs_it() {
        let head = parse(b"GET /a?b HTTP/1.1\r\nHost: x:1\r\nConnection: keep-alive\r\n\r\n");
        assert_eq!(
            head,
            Some(Head {
                method: "GET".into(),
                target: "/a?b".into(),
                host: Some("x:1".into()),
                close: false,
            })
        );
        let close = |raw: &[u8]| parse(raw).unwrap().close;
        assert!(close(b"GET / HTTP/1.0\r\n\r\n"));
        assert!(close(b"GET / HTTP/1.1\r\nConnection: Close\r\n\r\n"));
        assert!(close(b"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n"));
        assert!(close(
            b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        ));
        let two = parse(b"GET / HTTP/1.1\r\nHost: a:1\r\nHost: b:1\r\n\r\n").unwrap();
        assert_eq!(two.host, None, "two hosts are none");
        for bad in [
            &b"GET http://x/ HTTP/1.1\r\n\r\n"[..],
            b"GET / HTTP/2\r\n\r\n",
            b"GET  / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
            b"GET /\xff HTTP/1.1\r\n\r\n",
        ] {
            assert_eq!(parse(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn a_head_is_taken_to_its_blank_line_and_no_further_than_the_limit() {
        let mut head = Vec::new();
        let raw = b"\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\nGET /next";
        let (used, done) = take_head(&mut head, raw);
        assert!(done);
        assert_eq!(&raw[used..], b"GET /next");
        assert_eq!(head, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n");

        let mut head = Vec::new();
        let big = vec![b'x'; HEAD_LIMIT * 2];
        let (used, done) = take_head(&mut head, &big);
        assert!(!done);
        assert_eq!(used, HEAD_LIMIT + 1);
        assert_eq!(head.len(), HEAD_LIMIT + 1);
    }
}
