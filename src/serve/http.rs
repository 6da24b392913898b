//! Answers one HTTP request from the current snapshot: files from memory,
//! the 404 page for unknown paths, and the live-reload long poll: a page
//! asks `/__casebook/events?v=<its build>` and is answered when a newer build
//! (or a failed one, with its problems) exists.

use std::sync::Arc;
use std::time::Duration;

use percent_encoding::percent_decode_str;
use tiny_http::{Header, Request, Response};

use super::{Snapshot, State};

pub const EVENTS: &str = "/__casebook/events";

pub fn respond(request: Request, state: Arc<State>) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == EVENTS {
        // Long polling: answer as soon as there is a build newer than the
        // page's, or after 25 s so the connection never goes stale.
        let seen: u64 = query.split('&').find_map(|kv| kv.strip_prefix("v=")).and_then(|v| v.parse().ok()).unwrap_or(0);
        let snapshot = wait_for_change(&state, seen, Duration::from_secs(25));
        let body = serde_json::json!({"version": snapshot.version, "problems": snapshot.problems}).to_string();
        let response = Response::from_string(body)
            .with_header(header("Content-Type", "application/json"))
            .with_header(header("Cache-Control", "no-store"));
        let _ = request.respond(response);
        return;
    }
    let snapshot = state.current();
    let (status, key) = match site_path(path) {
        Some(key) if snapshot.get(&key).is_some() => (200, key),
        Some(key) if snapshot.get(&format!("{key}/index.html")).is_some() => {
            // A folder without its slash: send the reader to it.
            let location = format!("{}/", path.trim_end_matches('/'));
            let _ = request.respond(Response::empty(301).with_header(header("Location", &location)));
            return;
        }
        _ => (404, "404.html".to_string()),
    };
    let (body, ctype) = match snapshot.get(&key).map(|f| f.bytes()) {
        Some(Ok(b)) => (b.into_owned(), content_type(&key)),
        // No site yet (the first build failed): a page that shows the problems.
        _ => (NO_PAGE.as_bytes().to_vec(), "text/html; charset=utf-8"),
    };
    let body = if ctype.starts_with("text/html") { with_live_reload(body, &snapshot) } else { body };
    let response = Response::from_data(body).with_status_code(status).with_header(header("Content-Type", ctype));
    let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
}

/// Served when there is no page at all, not even the site's 404 page.
const NO_PAGE: &str = "<!doctype html><html lang=\"zh-Hant\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>找不到這一頁</title><body><p>找不到這一頁；如果網站還沒建好，問題會列在下方。</p></body></html>";

/// A response header; names and values here are ASCII made by this module.
fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
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
    o.textContent = "這次存檔有問題，網站仍顯示上一次成功的版本：\n\n" + text;
  }}
  var version = {version};
  overlay({problems});
  function poll() {{
    fetch("{events}?v=" + version, {{ cache: "no-store" }}).then(function (r) {{ return r.json(); }}).then(function (m) {{
      if (m.problems) {{ overlay(m.problems); version = m.version; poll(); }}
      else if (m.version !== version) {{ if (s) s[key] = window.scrollY; location.reload(); }}
      else {{ poll(); }}
    }}).catch(function () {{ setTimeout(poll, 1000); }});
  }}
  poll();
}})();
</script>"#,
        events = EVENTS,
        version = snapshot.version,
        problems = serde_json::to_string(&snapshot.problems).unwrap_or_else(|_| "null".into()).replace("</", "<\\/")
    );
    let mut html = String::from_utf8_lossy(&body).into_owned();
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, &script),
        None => html.push_str(&script),
    }
    html.into_bytes()
}

/// The snapshot once its version is past `seen` (or has problems to show),
/// or the current one after `timeout`.
fn wait_for_change(state: &State, seen: u64, timeout: Duration) -> Arc<Snapshot> {
    let current = state.current();
    // A page from before a restart has a higher number: answer it at once.
    if current.version != seen {
        return current;
    }
    let Ok(guard) = state.snapshot.lock() else { return current };
    match state.changed.wait_timeout_while(guard, timeout, |s| s.version <= seen) {
        Ok((guard, _)) => Arc::clone(&guard),
        Err(_) => current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
