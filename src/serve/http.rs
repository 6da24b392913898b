//! The HTTP server of `casebook serve` (hyper on a small tokio runtime) and
//! its answers: files from memory, the 404 page for unknown paths, and the
//! live-reload long poll: a page asks `/__casebook/events?v=<its build>` and
//! is answered when a newer build (or a failed one, with its problems)
//! exists.
//!
//! It answers only its own browser: a request whose `Host` is not the
//! address being served, a loopback name with the port (`localhost`,
//! `127.0.0.1`, `[::1]`), or a name given with `--allow-host` is refused
//! (421), so a web page cannot read the journal through DNS rebinding. The
//! limits come from hyper where it has them: the request head must arrive
//! whole within [`Limits::idle`] of the connection falling idle (which also
//! closes idle connections and stops slowloris) and be at most
//! [`Limits::header_bytes`] (431 past that). Added here: a browser that
//! stops reading an answer for [`Limits::idle`] is dropped, and at most
//! [`Limits::connections`] connections are served at once (4,096 where the
//! open-file limit allows; more wait to be accepted). Connections are tasks on two threads, not a thread each.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, HOST, LOCATION};
use hyper::{Method, Request, Response, StatusCode};
use percent_encoding::percent_decode_str;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

use super::{Snapshot, State};
use crate::diagnostics::Said;
use crate::lang::Lang;

pub const EVENTS: &str = "/__casebook/events";

/// How long a long poll waits before answering with no change, so the
/// connection never goes stale.
const LONG_POLL: Duration = Duration::from_secs(25);

/// What one server allows its clients.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest wait for a request head (from the moment the connection is
    /// idle) and longest stall while the browser reads an answer.
    pub idle: Duration,
    /// Largest request head: request line and headers.
    pub header_bytes: usize,
    /// Most connections served at once (more wait to be accepted until one
    /// closes); an idle one costs a few kilobytes and no thread.
    pub connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { idle: Duration::from_secs(20), header_bytes: 32 * 1024, connections: 4096 }
    }
}

impl Limits {
    /// The defaults, with no more connections than open files allowed;
    /// `CASEBOOK_SERVE_IDLE_MS` shortens the idle limit (for tests).
    pub fn from_env() -> Limits {
        let idle = std::env::var("CASEBOOK_SERVE_IDLE_MS").ok().and_then(|v| v.parse().ok()).map(Duration::from_millis);
        let connections = open_files_allowed().map_or(512, |n| n.saturating_sub(256)).clamp(64, 4096);
        Limits { idle: idle.unwrap_or(Limits::default().idle), connections, ..Limits::default() }
    }
}

/// How many files this process may have open, first raising the soft limit
/// (often 1,024) towards the hard one: each connection is an open file, and
/// the journal's files and the watcher need theirs.
#[cfg(target_os = "linux")]
fn open_files_allowed() -> Option<usize> {
    use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};
    let limit = getrlimit(Resource::Nofile);
    let wanted = limit.maximum.map_or(8192, |hard| hard.min(8192));
    if limit.current.is_some_and(|soft| soft < wanted) {
        let _ = setrlimit(Resource::Nofile, Rlimit { current: Some(wanted), maximum: limit.maximum });
    }
    getrlimit(Resource::Nofile).current.map(|n| usize::try_from(n).unwrap_or(usize::MAX))
}

#[cfg(not(target_os = "linux"))]
fn open_files_allowed() -> Option<usize> {
    None
}

/// The `Host` values this server answers: the address it serves (any of
/// this machine's addresses when it listens on all of them), loopback
/// names, and the names given with `--allow-host`, each with the port.
#[derive(Debug, Clone)]
pub struct Hosts {
    pub bound: IpAddr,
    pub port: u16,
    pub names: Vec<String>,
}

impl Hosts {
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else { return false };
        if port.unwrap_or(80) != self.port {
            return false;
        }
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if let Ok(ip) = name.parse::<IpAddr>() {
            // An address typed as such: a web page cannot point it elsewhere.
            return ip.is_loopback() || ip == self.bound || self.bound.is_unspecified();
        }
        name == "localhost" || self.names.iter().any(|n| n.trim_end_matches('.').eq_ignore_ascii_case(&name))
    }

    fn refusal(&self) -> String {
        let p = self.port;
        format!(
            "casebook serve answers only requests addressed to 127.0.0.1:{p}, localhost:{p} or [::1]:{p} (or the address it serves), so that other web sites cannot read the journal. Open http://127.0.0.1:{p}/, or start serve with --allow-host NAME to answer to another name.\n"
        )
    }
}

/// Splits `name:port`, `[v6]:port`, `name` or `[v6]`; `None` when malformed.
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, rest) = match host.strip_prefix('[') {
        Some(v6) => {
            let (inside, rest) = v6.split_once(']')?;
            inside.parse::<std::net::Ipv6Addr>().ok()?;
            (inside, rest)
        }
        None => match host.split_once(':') {
            Some((name, _)) => (name, &host[name.len()..]),
            None => (host, ""),
        },
    };
    if name.is_empty() || name.contains(['@', '/', ' ']) {
        return None;
    }
    let port = match rest.strip_prefix(':') {
        Some(p) => Some(p.parse().ok()?),
        None if rest.is_empty() => None,
        None => return None,
    };
    Some((name, port))
}

/// Serves connections from `listener` until the process ends.
pub async fn serve(listener: TcpListener, state: Arc<State>, hosts: Arc<Hosts>, limits: Limits) {
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.connections.max(1)));
    loop {
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else { return };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors or the like: let connections close.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let (state, hosts) = (Arc::clone(&state), Arc::clone(&hosts));
        tokio::spawn(async move {
            let io = hyper_util::rt::TokioIo::new(Stalls::new(stream, limits.idle));
            let service =
                hyper::service::service_fn(move |request| answer(request, Arc::clone(&state), Arc::clone(&hosts)));
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(limits.idle)
                .max_header_size(limits.header_bytes)
                .serve_connection(io, service)
                .await;
            drop(slot);
        });
    }
}

type Answer = Response<Full<Bytes>>;

fn text(status: StatusCode, body: String) -> Answer {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    response
}

async fn answer(request: Request<Incoming>, state: Arc<State>, hosts: Arc<Hosts>) -> Result<Answer, Infallible> {
    let host = request
        .headers()
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    if !host.is_some_and(|h| hosts.allows(h)) {
        return Ok(text(StatusCode::MISDIRECTED_REQUEST, hosts.refusal()));
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = text(StatusCode::METHOD_NOT_ALLOWED, "casebook serve only shows pages (GET).\n".into());
        response.headers_mut().insert(hyper::header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return Ok(response);
    }
    let path = request.uri().path().to_string();
    let query = request.uri().query().unwrap_or("").to_string();
    let mut response = if path == EVENTS {
        // Long polling: answer as soon as there is a build newer than the
        // page's, or after a while so the connection never goes stale.
        let seen: u64 = query.split('&').find_map(|kv| kv.strip_prefix("v=")).and_then(|v| v.parse().ok()).unwrap_or(0);
        let snapshot = wait_for_change(&state, seen, LONG_POLL).await;
        let body = serde_json::json!({
            "version": snapshot.version,
            "site": snapshot.site,
            "heading": snapshot.heading,
            "problems": snapshot.problems,
        })
        .to_string();
        let mut response = Response::new(Full::new(Bytes::from(body)));
        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        response
    } else {
        // Reading a static file from disk blocks: on the small blocking pool.
        match tokio::task::spawn_blocking(move || page(&path, &state)).await {
            Ok(response) => response,
            Err(_) => text(StatusCode::INTERNAL_SERVER_ERROR, "casebook serve could not make this page.\n".into()),
        }
    };
    response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The answer for a site path: the file, a redirect to a folder, the page
/// of an article that could not be made, or 404.
fn page(path: &str, state: &State) -> Answer {
    let snapshot = state.current();
    let (status, key) = match site_path(path) {
        Some(key) if snapshot.get(&key).is_some() || snapshot.marks.failed.contains_key(&key) => (StatusCode::OK, key),
        Some(key)
            if snapshot.get(&format!("{key}/index.html")).is_some()
                || snapshot.marks.failed.contains_key(&format!("{key}/index.html")) =>
        {
            // A folder without its slash: send the reader to it.
            let location = format!("{}/", path.trim_end_matches('/'));
            if let Ok(location) = HeaderValue::from_str(&location) {
                let mut response = Response::new(Full::new(Bytes::new()));
                *response.status_mut() = StatusCode::MOVED_PERMANENTLY;
                response.headers_mut().insert(LOCATION, location);
                return response;
            }
            (StatusCode::NOT_FOUND, "404.html".to_string())
        }
        _ => (StatusCode::NOT_FOUND, "404.html".to_string()),
    };
    let (body, ctype) = match (snapshot.get(&key).map(|f| f.bytes()), snapshot.marks.failed.get(&key)) {
        (Some(Ok(b)), _) => (b.into_owned(), content_type(&key)),
        (_, Some(failed)) => (failed.clone().into_bytes(), "text/html; charset=utf-8"),
        // No site yet (no build has made one): a page that says so and shows the problems.
        _ => (no_page(&snapshot, state.lang).into_bytes(), "text/html; charset=utf-8"),
    };
    let body = marked(body, ctype, &key, &snapshot.marks);
    let body = if ctype.starts_with("text/html") { with_live_reload(body, &snapshot) } else { body };
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(ctype));
    response
}

/// A text file of the preview with its customer data masked and, on a
/// page, its broken links marked ([`super::Marks`]).
fn marked(body: Vec<u8>, ctype: &str, key: &str, marks: &super::Marks) -> Vec<u8> {
    let text = ["text/", "application/json", "application/xml", "image/svg"].iter().any(|t| ctype.starts_with(t));
    let broken = marks.broken.get(key).filter(|_| ctype.starts_with("text/html"));
    if !text || (marks.masks.is_empty() && broken.is_none()) {
        return body;
    }
    let Ok(mut page) = String::from_utf8(body) else { return Vec::new() };
    for (written, masked) in &marks.masks {
        if page.contains(written.as_str()) {
            page = page.replace(written.as_str(), masked);
        }
    }
    for (href, attributes) in broken.into_iter().flatten() {
        let needle = format!("<a href=\"{href}\"");
        page = page.replace(&needle, &format!("<a {attributes} href=\"{href}\""));
    }
    page.into_bytes()
}

/// A link's destination as the page writes it in `href="…"` (as Markdown's
/// HTML writer escapes it).
pub fn href_as_written(dest: &str) -> String {
    use pulldown_cmark::{Event, LinkType, Tag};
    let link = Tag::Link { link_type: LinkType::Inline, dest_url: dest.into(), title: "".into(), id: "".into() };
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, [Event::Start(link)].into_iter());
    html.strip_prefix("<a href=\"").and_then(|h| h.strip_suffix("\">")).unwrap_or(dest).to_string()
}

/// `text` safe inside a double-quoted HTML attribute or an element.
pub fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A plain page in `lang` with the style of the server's own pages:
/// `title`, a line under it, and `problems` one per line.
fn own_page(lang: Lang, title: &str, said: &str, problems: &[String]) -> String {
    let items: String = problems.iter().map(|p| format!("<li>{}</li>", escape_attribute(p))).collect();
    format!(
        "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{OWN_STYLE}</style><body><main><h1>{}</h1><p>{}</p><ul class=\"casebook-own-problems\">{items}</ul></main></body></html>",
        lang.code(),
        escape_attribute(title),
        escape_attribute(title),
        escape_attribute(said),
    )
}

/// The style of the server's own pages, light and dark.
const OWN_STYLE: &str = "body{margin:0;font:16px/1.6 system-ui,sans-serif;color:#1d1d1f;background:#fafafa}main{max-width:46rem;margin:3rem auto;padding:0 1rem}h1{font-size:1.5rem}ul{padding-left:1.2rem}li{font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;margin:.4rem 0}@media (prefers-color-scheme:dark){body{color:#eee;background:#161618}}";

/// The page shown at the address of an article that could not be made into
/// one (`file`), listing its problems, in `lang`.
pub fn problem_page(file: &str, problems: &[String], lang: Lang) -> String {
    own_page(lang, file, &Said::ArticleNotShown { file: file.to_string() }.words(lang), problems)
}

/// A connection that fails when the browser stops reading what is sent to
/// it for longer than the limit (hyper limits only the reading of requests).
struct Stalls {
    stream: TcpStream,
    limit: Duration,
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl Stalls {
    fn new(stream: TcpStream, limit: Duration) -> Stalls {
        Stalls { stream, limit, stalled: None }
    }

    /// Passes on a write's result, timing how long writes have been pending.
    fn watch<T>(&mut self, cx: &mut Context<'_>, result: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if result.is_ready() {
            self.stalled = None;
            return result;
        }
        let limit = self.limit;
        let timer = self.stalled.get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "the browser stopped reading"))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for Stalls {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Stalls {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_write(cx, buf);
        this.watch(cx, result)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        this.watch(cx, result)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_flush(cx);
        this.watch(cx, result)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_shutdown(cx);
        this.watch(cx, result)
    }
}

/// The page served where the site has none: no build has made a site yet
/// (its problems are listed), or there is no 404 page.
fn no_page(snapshot: &Snapshot, lang: Lang) -> String {
    if snapshot.site == 0 {
        let problems: Vec<String> = snapshot.problems.iter().flat_map(|p| p.lines().map(str::to_string)).collect();
        return own_page(lang, &Said::NoSuchPage.words(lang), &Said::OverlayNoSiteYet.words(lang), &problems);
    }
    own_page(lang, &Said::NoSuchPage.words(lang), &Said::NoSuchPageYet.words(lang), &[])
}

/// The site path for a URL path, or `None` for one that tries to leave the
/// site (`..`, backslashes, NUL).
pub fn site_path(url_path: &str) -> Option<String> {
    let decoded = percent_decode_str(url_path).decode_utf8().ok()?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p => parts.push(p),
        }
    }
    let mut key = parts.join("/");
    if key.is_empty() || decoded.ends_with('/') {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("").to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Adds the live-reload script (and the problems overlay) to a page.
fn with_live_reload(body: Vec<u8>, snapshot: &Snapshot) -> Vec<u8> {
    let script = format!(
        r#"<script>
(function () {{
  var key = "casebook-scroll:" + location.pathname, s = window.sessionStorage;
  if (s && s[key]) {{ window.scrollTo(0, +s[key]); s.removeItem(key); }}
  function overlay(text) {{
    var o = document.getElementById("casebook-problems");
    if (!text) {{ if (o) o.remove(); return; }}
    if (!o) {{ o = document.createElement("pre"); o.id = "casebook-problems"; document.body.appendChild(o);
      o.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#3b0d0c;color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;z-index:99999"; }}
    o.textContent = heading + "\n\n" + text;
  }}
  var version = {version}, site = {site}, heading = {heading};
  overlay({problems});
  function poll() {{
    fetch("{events}?v=" + version, {{ cache: "no-store" }}).then(function (r) {{ return r.json(); }}).then(function (m) {{
      if (m.site !== site) {{ if (s) s[key] = window.scrollY; location.reload(); }}
      else {{ heading = m.heading; overlay(m.problems); version = m.version; poll(); }}
    }}).catch(function () {{ setTimeout(poll, 1000); }});
  }}
  poll();
}})();
</script>"#,
        events = EVENTS,
        version = snapshot.version,
        site = snapshot.site,
        problems = script_json(&snapshot.problems),
        heading = script_json(&snapshot.heading),
    );
    let script = format!("<style>{BROKEN_STYLE}</style>{script}");
    let mut html = String::from_utf8_lossy(&body).into_owned();
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, &script),
        None => html.push_str(&script),
    }
    html.into_bytes()
}

/// How a broken link looks in a preview: underlined in red, with a mark.
const BROKEN_STYLE: &str = "a.casebook-broken{text-decoration:underline wavy #d03030;cursor:help}a.casebook-broken::after{content:\"\\26A0\";margin-left:.15em;font-size:.85em}";

/// `value` as JSON that is safe inside a `<script>` element: every `<` is
/// written `\u003c`, so neither `</script>` nor `<!--` in a message (a
/// writer's text is quoted in them) can end or change the script.
fn script_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into()).replace('<', "\\u003c")
}

/// The snapshot once its version is past `seen` (or has problems to show),
/// or the current one after `timeout`.
async fn wait_for_change(state: &State, seen: u64, timeout: Duration) -> Arc<Snapshot> {
    let mut versions = state.changed.subscribe();
    let current = state.current();
    // A page from before a restart has a higher number: answer it at once.
    if current.version != seen {
        return current;
    }
    let _ = tokio::time::timeout(timeout, versions.wait_for(|v| *v > seen)).await;
    state.current()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A problem quoting a writer's `<!--` and `<script>` must not end or
    /// change the live-reload script it is embedded in.
    #[test]
    fn problems_in_the_page_script_cannot_close_or_comment_it() {
        let json = script_json(&vec!["<!-- casebook:allow-pii --> `<script>` was removed </script>"]);
        assert!(!json.contains('<'), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ["<!-- casebook:allow-pii --> `<script>` was removed </script>"]);
    }

    #[test]
    fn only_this_servers_hosts_are_answered() {
        let local = Hosts { bound: "127.0.0.1".parse().unwrap(), port: 1111, names: vec!["Casebook-PC".into()] };
        let everywhere = Hosts { bound: "0.0.0.0".parse().unwrap(), ..local.clone() };
        let lan = Hosts { bound: "10.1.2.3".parse().unwrap(), ..local.clone() };
        let table: &[(&str, bool, bool, bool)] = &[
            // host, allowed on 127.0.0.1, on 0.0.0.0, on 10.1.2.3
            ("127.0.0.1:1111", true, true, true),
            ("localhost:1111", true, true, true),
            ("LocalHost.:1111", true, true, true),
            ("[::1]:1111", true, true, true),
            ("casebook-pc:1111", true, true, true),
            ("10.1.2.3:1111", false, true, true),
            ("10.9.9.9:1111", false, true, false),
            ("localhost", false, false, false),
            ("localhost:2222", false, false, false),
            ("evil.example:1111", false, false, false),
            ("evil.example", false, false, false),
            ("localhost.evil.example:1111", false, false, false),
            ("127.0.0.1.nip.io:1111", false, false, false),
            ("user@localhost:1111", false, false, false),
            ("::1:1111", false, false, false),
            ("[::1]1111", false, false, false),
            ("localhost:1111:1111", false, false, false),
            ("", false, false, false),
        ];
        for &(host, a, b, c) in table {
            assert_eq!(local.allows(host), a, "{host} on 127.0.0.1");
            assert_eq!(everywhere.allows(host), b, "{host} on 0.0.0.0");
            assert_eq!(lan.allows(host), c, "{host} on 10.1.2.3");
        }
        let port80 = Hosts { port: 80, ..local };
        assert!(port80.allows("localhost") && port80.allows("127.0.0.1:80") && !port80.allows("evil.example"));
    }

    #[test]
    fn content_types_ignore_case() {
        assert_eq!(content_type("cases/x/IMG_0001.JPG"), "image/jpeg");
        assert_eq!(content_type("a/錄音.mp3"), "audio/mpeg");
        assert_eq!(content_type("a/表.csv"), "text/csv; charset=utf-8");
    }

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/cases/%E9%80%80%E8%B2%A8/").as_deref(), Some("cases/退貨/index.html"));
        assert_eq!(site_path("/style.css").as_deref(), Some("style.css"));
        assert_eq!(site_path("/cases/x"), Some("cases/x".into()));
        for bad in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/a/../../b", "/a%5c..%5cb", "/a%00"] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }
}
