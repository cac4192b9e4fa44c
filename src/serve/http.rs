//! Answer HTTP requests from the site held in memory.
//!
//! Only here does roster put JavaScript in a page: every HTML response gets
//! a small script that waits on `/__roster/wait` and reloads the page when
//! the site changes, and, while the last change does not build, a banner
//! with the diagnostics. The files themselves, and so `roster build`'s
//! output, never carry either. Paths are looked up in a map, never on disk,
//! so no request can reach a file outside the site.
//!
//! A folder of a client with no `index.html` but with pages below it (a
//! client's `reports/`, `partnerships/` and `markets/`) answers with a list
//! of them ([`super::folders`]), which only `serve` makes: the built site has
//! no such page, and a static host answers 404 there as before.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use super::folders::{encode, folder_index, holds_pages};
use crate::html::escape;

/// How long `/__roster/wait` holds a request when nothing changes.
const WAIT: Duration = Duration::from_secs(25);

/// The site being served.
#[derive(Debug, Default)]
pub(super) struct Site {
    /// Bumped at every change, so open pages know to reload.
    pub version: u64,
    /// Files by client id, then by path inside the client's folder.
    pub clients: BTreeMap<String, BTreeMap<String, Arc<[u8]>>>,
    /// Files at the top of the site, beside the client folders.
    pub top: BTreeMap<String, Arc<[u8]>>,
    /// Client names by id, for the list at `/`.
    pub names: BTreeMap<String, String>,
    /// The diagnostics of a change that did not build, as plain text.
    pub problems: Option<String>,
    /// Whether a build ever succeeded.
    pub built: bool,
}

/// The site, shared between the rebuilds and the request handlers.
#[derive(Default)]
pub(super) struct Shared {
    site: Mutex<Site>,
    changed: Condvar,
}

impl Shared {
    /// Look at the site.
    pub(super) fn lock(&self) -> MutexGuard<'_, Site> {
        self.site.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Change the site and wake the pages waiting for a change.
    pub(super) fn update(&self, change: impl FnOnce(&mut Site)) {
        let mut site = self.lock();
        change(&mut site);
        site.version += 1;
        drop(site);
        self.changed.notify_all();
    }

    /// Block until the version differs from `seen`, a while has passed or
    /// `closing` is set (then [`Shared::wake`] is called): the version.
    pub(super) fn wait(&self, seen: u64, closing: &AtomicBool) -> u64 {
        let site = self.lock();
        let (site, _) = self
            .changed
            .wait_timeout_while(site, WAIT, |s| {
                s.version == seen && !closing.load(Ordering::SeqCst)
            })
            .unwrap_or_else(|e| e.into_inner());
        site.version
    }

    /// Wake every [`Shared::wait`], to look at its `closing` again.
    pub(super) fn wake(&self) {
        // Taken, so that no waiter is between its look and its sleep.
        drop(self.lock());
        self.changed.notify_all();
    }
}

/// What a request gets: an answer now, or, for `/__roster/wait`, the
/// version of the site it was served, to wait on until the site changes
/// ([`Shared::wait`], then [`version`]).
pub(super) enum Reply {
    Now(Answer),
    Wait(u64),
}

/// An HTTP answer: its status, headers and body.
#[derive(Debug)]
pub(super) struct Answer {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    fn new(body: impl Into<Vec<u8>>) -> Answer {
        Answer {
            status: 200,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    fn with_status_code(mut self, status: u16) -> Answer {
        self.status = status;
        self
    }

    fn with_header(mut self, name: &'static str, value: &str) -> Answer {
        self.headers.push((name, value.to_string()));
        self
    }

    /// A plain-text answer with `status`, for what the server itself refuses.
    pub(super) fn plain(status: u16, body: &str) -> Answer {
        text(body.to_string(), "text/plain; charset=utf-8").with_status_code(status)
    }
}

/// Answer a request of `method` for `target` (the path and query).
pub(super) fn handle(shared: &Shared, method: &str, target: &str) -> Reply {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if !matches!(method, "GET" | "HEAD") {
        return Reply::Now(Answer::plain(405, "method not allowed"));
    }
    match path {
        "/__roster/version" => Reply::Now(version(shared.lock().version)),
        "/__roster/wait" => {
            let seen = query
                .split('&')
                .find_map(|kv| kv.strip_prefix("v="))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            Reply::Wait(seen)
        }
        _ => Reply::Now(page(&shared.lock(), &decode(path))),
    }
}

/// The answer to `/__roster/version`, and to `/__roster/wait` once done:
/// the site's version.
pub(super) fn version(version: u64) -> Answer {
    text(version.to_string(), "text/plain; charset=utf-8")
}

fn text(body: String, content_type: &str) -> Answer {
    Answer::new(body)
        .with_header("Content-Type", content_type)
        .with_header("Cache-Control", "no-store")
}

/// The answer to a GET of `path` (percent-decoded, with its leading `/`).
fn page(site: &Site, path: &str) -> Answer {
    if !site.built {
        let body = document("roster serve: the site does not build", "");
        return html(body, site).with_status_code(500);
    }
    let rel = path.trim_start_matches('/');
    let (client, inside) = rel.split_once('/').unwrap_or((rel, ""));
    let (files, key) = match site.clients.get(client) {
        Some(files) => {
            if inside.is_empty() && !path.ends_with('/') {
                return moved(path);
            }
            (files, inside)
        }
        None => (&site.top, rel),
    };
    let folder = key.is_empty() || key.ends_with('/');
    let key = if folder {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    if let Some(bytes) = files.get(&key) {
        return file(&key, bytes, site);
    }
    if files.contains_key(&format!("{key}/index.html")) {
        return moved(path);
    }
    if rel.is_empty() {
        return html(client_list(site), site);
    }
    if site.clients.contains_key(client) {
        if folder {
            let name = site.names.get(client).map_or(client, String::as_str);
            if let Some((title, body)) = folder_index(files, name, inside) {
                let body = document(&title, &body);
                return html(body, site);
            }
        } else if holds_pages(files, &format!("{inside}/")) {
            return moved(path);
        }
    }
    not_found(site, path)
}

/// Relative links in a folder's page need the trailing slash.
fn moved(path: &str) -> Answer {
    Answer::new("")
        .with_status_code(301)
        .with_header("Location", &format!("{}/", encode(path)))
}

fn file(key: &str, bytes: &[u8], site: &Site) -> Answer {
    let kind = content_type(key);
    if kind.starts_with("text/html") {
        return html(String::from_utf8_lossy(bytes).into_owned(), site);
    }
    Answer::new(bytes.to_vec())
        .with_header("Content-Type", kind)
        .with_header("Cache-Control", "no-store")
}

fn not_found(site: &Site, path: &str) -> Answer {
    let body = document(
        "Not found",
        &format!("<p>Nothing is at <code>{}</code>.</p>", escape(path)),
    );
    html(body, site).with_status_code(404)
}

/// A page listing the clients, when the site has no index of its own
/// (`index: false` in roster.yaml, or no client with pages yet).
fn client_list(site: &Site) -> String {
    if site.names.is_empty() {
        return document("Clients", NO_CLIENT_PAGES);
    }
    let items: String = site
        .names
        .iter()
        .map(|(id, name)| format!("<li><a href=\"{}/\">{}</a></li>", escape(id), escape(name)))
        .collect();
    document("Clients", &format!("<ul>{items}</ul>"))
}

/// Why a site has no client to list.
const NO_CLIENT_PAGES: &str = "<p>No client has anything to report yet, so there are no pages. \
A client gets its pages once its folder has a partnership \
(<code>partnerships/&lt;id&gt;.yaml</code>) and its exports (<code>metrics/</code>); \
the terminal running <code>roster serve</code> says what each client lacks.</p>";

fn document(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\
         <body style=\"font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem\">\
         <h1>{t}</h1>{body}</body></html>\n",
        t = escape(title)
    )
}

/// An HTML answer with the reload script and, while a change does not
/// build, the problems.
fn html(mut body: String, site: &Site) -> Answer {
    let mut extra = String::new();
    if let Some(problems) = &site.problems {
        extra.push_str(&banner(problems, site.built));
    }
    extra.push_str(&reload_script(site.version));
    let at = body.rfind("</body>").unwrap_or(body.len());
    body.insert_str(at, &extra);
    text(body, "text/html; charset=utf-8")
}

/// The diagnostics over the page, escaped.
fn banner(problems: &str, built: bool) -> String {
    let note = if built {
        "This change does not build; the site shown is the last one that did."
    } else {
        "The portfolio does not build yet."
    };
    format!(
        "<div id=\"roster-problems\" role=\"alert\" style=\"position:fixed;left:0;right:0;bottom:0;\
         max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;\
         background:#1d1d1f;color:#f5f5f7;border-top:4px solid #d1242f;\
         font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace\">\
         <strong>roster serve: {note}</strong>\
         <pre style=\"white-space:pre-wrap;margin:.75rem 0 0\">{}</pre></div>",
        escape(problems)
    )
}

/// Wait for the next version, then reload; retry quietly while the server
/// is away.
fn reload_script(version: u64) -> String {
    format!(
        "<script>/* roster serve: reload on change */(function(){{\
         function wait(){{fetch('/__roster/wait?v={version}',{{cache:'no-store'}})\
         .then(function(r){{return r.text()}})\
         .then(function(v){{if(v!=='{version}'){{location.reload()}}else{{wait()}}}})\
         .catch(function(){{setTimeout(wait,1000)}})}}wait()}})();</script>"
    )
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "md" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Percent-decode a URL path; bytes that do not decode are kept as written.
fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(decode("/a%20b/%D0%B0"), "/a b/а");
        assert_eq!(decode("/100%"), "/100%");
        assert_eq!(decode("/%zz"), "/%zz");
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let site = Site {
            version: 7,
            ..Site::default()
        };
        let body = "<html><body><p>x</p></body></html>".to_string();
        let out = String::from_utf8(html(body, &site).body).unwrap();
        let at = out.find("<script>").unwrap();
        assert!(at < out.find("</body>").unwrap());
        assert!(out.contains("/__roster/wait?v=7"));
    }

    /// A built site of one client, `k&co`, without pages in `assets/`.
    fn site() -> Site {
        let page = |title: &str| -> Arc<[u8]> {
            format!("<!doctype html><html><head><title>{title}</title></head><body></body></html>")
                .into_bytes()
                .into()
        };
        let files: BTreeMap<String, Arc<[u8]>> = [
            ("index.html", page("Overview")),
            (
                "reports/2026-09/index.html",
                page("September &amp; &lt;b&gt;"),
            ),
            (
                "reports/2026-10/index.html",
                page("October <script>x</script>"),
            ),
            ("reports/2026-10/report.pdf", b"%PDF".to_vec().into()),
            ("reports/2026-08/index.html", page("  ")),
            ("partnerships/zoe/index.html", page("Zoe")),
            ("partnerships/al \"x\"/index.html", page("Al")),
            ("assets/logo.svg", b"<svg/>".to_vec().into()),
            ("deep/a/b/index.html", page("Deep")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        Site {
            clients: [("k&co".to_string(), files)].into_iter().collect(),
            names: [("k&co".to_string(), "K & <Co>".to_string())]
                .into_iter()
                .collect(),
            built: true,
            ..Site::default()
        }
    }

    /// (status, Location, body) of a GET of `path`.
    fn get(site: &Site, path: &str) -> (u16, Option<String>, String) {
        let answer = page(site, path);
        let status = answer.status;
        let location = answer
            .headers
            .iter()
            .find(|(name, _)| *name == "Location")
            .map(|(_, value)| value.clone());
        let body = String::from_utf8(answer.body).unwrap();
        (status, location, body)
    }

    fn links(body: &str) -> Vec<&str> {
        body.split("<li><a href=\"")
            .skip(1)
            .filter_map(|p| p.split_once('"').map(|(href, _)| href))
            .collect()
    }

    #[test]
    fn a_folder_without_an_index_lists_its_pages() {
        let site = site();
        let (status, _, body) = get(&site, "/k&co/reports/");
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            links(&body),
            ["2026-10/", "2026-09/", "2026-08/"],
            "newest first"
        );
        assert!(
            body.contains(">October &lt;script&gt;x&lt;/script&gt;</a>"),
            "{body}"
        );
        assert!(!body.contains("<script>x"), "{body}");
        assert!(
            body.contains(">September &amp; &lt;b&gt;</a>"),
            "a title's references read once, escaped once: {body}"
        );
        assert!(body.contains(">2026-08</a>"), "no title: the name: {body}");
        assert!(
            body.contains("<a href=\"../\">"),
            "up to the overview: {body}"
        );
        assert!(body.contains("K &amp; &lt;Co&gt;"), "{body}");
        assert!(!body.contains("<Co>"), "{body}");
        assert!(body.contains("/__roster/wait?v="), "{body}");

        let (status, _, body) = get(&site, "/k&co/partnerships/");
        assert_eq!(status, 200, "{body}");
        assert_eq!(links(&body), ["al%20%22x%22/", "zoe/"], "by name, encoded");
        assert!(body.contains(">Al</a>"), "{body}");

        let (status, _, body) = get(&site, "/k&co/deep/");
        assert_eq!(status, 200, "a folder of folders: {body}");
        assert_eq!(links(&body), ["a/"]);
        let (status, _, body) = get(&site, "/k&co/deep/a/");
        assert_eq!(status, 200, "{body}");
        assert_eq!(links(&body), ["b/"]);
        assert!(body.contains("<a href=\"../../\">"), "{body}");
    }

    #[test]
    fn a_folder_without_pages_is_not_found() {
        let site = site();
        for path in [
            "/k&co/assets/",
            "/k&co/nothing/",
            "/k&co/nothing",
            "/k&co/reports/2026-07/",
            "/k&co/report/",
            "/k&co/reports/2026-10/report.pdf/",
            "/nobody/reports/",
        ] {
            assert_eq!(get(&site, path).0, 404, "{path}");
        }
        assert_eq!(get(&site, "/k&co/reports/2026-10/report.pdf").0, 200);
    }

    #[test]
    fn a_folder_needs_its_slash() {
        let site = site();
        let (status, location, _) = get(&site, "/k&co/reports");
        assert_eq!(status, 301);
        assert_eq!(location.as_deref(), Some("/k%26co/reports/"));
        let (status, location, _) = get(&site, "/k&co/reports/2026-10");
        assert_eq!(status, 301);
        assert_eq!(location.as_deref(), Some("/k%26co/reports/2026-10/"));
        let (status, location, _) = get(&site, "/k&co/partnerships/al \"x\"");
        assert_eq!(status, 301);
        assert_eq!(
            location.as_deref(),
            Some("/k%26co/partnerships/al%20%22x%22/")
        );
        assert_eq!(get(&site, "/k&co").0, 301);
        assert_eq!(get(&site, "/k&co/").0, 200);
    }

    #[test]
    fn problems_are_escaped() {
        let b = banner("error: <script>alert(1)</script> & more", true);
        assert!(b.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        assert!(!b.contains("<script>"));
    }
}
