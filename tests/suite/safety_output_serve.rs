//! Safety of the output and of `serve`: what killed builds left is cleaned
//! up and two builds into one output take turns; the server answers only
//! requests addressed to it, refuses oversized heads, closes idle
//! connections, and warns what a non-loopback `--bind` exposes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::*;

#[test]
fn leftovers_of_killed_builds_are_removed_by_the_next_build() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert!(build(&fixture("basic"), &out, &[]).status.success());
    // As a build killed while writing, and one killed before removing the old site, leave them.
    for left in [".site.casebook-new-4000001", ".site.casebook-old-4000002"] {
        copy_dir(&out, &tmp.path().join(left));
    }
    // Not casebook's: kept.
    std::fs::create_dir(tmp.path().join(".site.casebook-new-4000003")).unwrap();
    std::fs::write(tmp.path().join(".site.casebook-new-4000003/notes.txt"), "mine").unwrap();
    let before = tree(&out);

    let o = build(&fixture("basic"), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("Removed what stopped builds had left beside the output:"), "{}", stderr(&o));
    let mut names: Vec<String> =
        std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, [".site.casebook-new-4000003", "site"]);
    assert_eq!(tree(&out), before, "the same site");
}

#[test]
fn a_second_build_into_the_same_output_waits_for_the_first() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    // A build in progress holds the lock beside the output.
    let lock = std::fs::File::create(tmp.path().join(".site.casebook-lock")).unwrap();
    lock.lock().unwrap();
    let mut child = crate::casebook_command()
        .env("CASEBOOK_LANG", "en")
        .args(["build", "--root", fixture("basic").to_str().unwrap(), "--output", out.to_str().unwrap()])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(
        first.starts_with(&format!(
            "Another casebook build is writing into {}; waiting for it to finish (it holds ",
            out.display()
        )),
        "{first}"
    );
    std::thread::sleep(Duration::from_millis(200));
    assert!(child.try_wait().unwrap().is_none() && !out.exists(), "still waiting");
    drop(lock);
    let rest: Vec<String> = lines.map(Result::unwrap).collect();
    assert!(child.wait().unwrap().success(), "{rest:?}");
    assert!(out.join("index.html").is_file());
}

#[test]
fn builds_started_together_into_one_output_both_succeed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let start = || {
        crate::casebook_command()
            .env("CASEBOOK_LANG", "en")
            .args(["build", "--root", fixture("basic").to_str().unwrap(), "--output", out.to_str().unwrap()])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let started = Instant::now();
    let builds: Vec<_> = (0..3).map(|_| start()).collect();
    for b in builds {
        let o = b.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert!(started.elapsed() < Duration::from_secs(120), "safety net");
    let expected = tree(&built("basic", &[]).1);
    assert_eq!(tree(&out), expected, "one whole site");
    let leftovers: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("casebook-new") || n.contains("casebook-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

struct Server {
    child: Child,
    addr: String,
    /// The lines printed on stderr up to the first build's report.
    stderr: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `casebook serve` of the basic fixture on a free port with an idle limit of `idle_ms`.
fn serve(extra: &[&str], idle_ms: u64) -> Server {
    serve_root(&fixture("basic"), extra, idle_ms)
}

fn serve_root(root: &std::path::Path, extra: &[&str], idle_ms: u64) -> Server {
    let mut child = crate::casebook_command()
        .env("CASEBOOK_LANG", "en")
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .args(extra)
        .env("CASEBOOK_SERVE_IDLE_MS", idle_ms.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("casebook serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr =
        line.split("http://").nth(1).and_then(|r| r.split('/').next()).expect("the address is printed").to_string();
    // The warning comes right after the address; read until the serve loop is reached.
    let mut stderr = Vec::new();
    let err = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for l in BufReader::new(err).lines().map_while(Result::ok) {
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    while let Ok(l) = rx.recv_timeout(Duration::from_millis(500)) {
        stderr.push(l);
    }
    Server { child, addr, stderr }
}

/// The raw answer to `request` (read until the server closes).
fn ask(addr: &str, request: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    String::from_utf8_lossy(&raw).into_owned()
}

fn status(answer: &str) -> u16 {
    answer.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0)
}

fn get_with_host(addr: &str, host: &str) -> String {
    ask(addr, &format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"))
}

#[test]
fn serve_answers_only_requests_addressed_to_it() {
    let server = serve(&[], 20_000);
    let port = server.addr.rsplit(':').next().unwrap();
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")] {
        let answer = get_with_host(&server.addr, &host);
        assert_eq!(status(&answer), 200, "{host}: {answer}");
        assert!(answer.contains("</html>"), "{host}");
    }
    for host in ["evil.example".to_string(), format!("evil.example:{port}"), format!("localhost:{}", 1)] {
        let answer = get_with_host(&server.addr, &host);
        assert_eq!(status(&answer), 421, "{host}: {answer}");
        assert!(
            answer.contains(&format!(
                "casebook serve answers only requests addressed to 127.0.0.1:{port}, localhost:{port} or [::1]:{port}"
            )),
            "{answer}"
        );
        assert!(!answer.contains("</html>"), "{host}: no page");
    }
    // The live-reload poll too, and a request with no Host at all.
    let answer =
        ask(&server.addr, "GET /__casebook/events?v=0 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assert_eq!(status(&answer), 421, "{answer}");
    assert_eq!(status(&ask(&server.addr, "GET / HTTP/1.0\r\n\r\n")), 421);
}

#[test]
fn serve_refuses_a_request_head_over_the_limit() {
    let server = serve(&[], 20_000);
    let big = "a".repeat(40 * 1024);
    let answer = ask(
        &server.addr,
        &format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Big: {big}\r\nConnection: close\r\n\r\n", server.addr),
    );
    assert_eq!(status(&answer), 431, "{answer}");
    // Just under it is fine.
    let fits = "a".repeat(16 * 1024);
    let answer = ask(
        &server.addr,
        &format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Fits: {fits}\r\nConnection: close\r\n\r\n", server.addr),
    );
    assert_eq!(status(&answer), 200);
}

#[test]
fn idle_connections_do_not_block_a_request_and_are_closed() {
    let server = serve(&[], 1_500);
    // Idle connections, half-sent heads (slowloris) and a keep-alive connection after one answer.
    let mut idle: Vec<TcpStream> = (0..300).map(|_| TcpStream::connect(&server.addr).unwrap()).collect();
    for s in idle.iter_mut().take(50) {
        s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ").unwrap();
    }
    let mut kept = TcpStream::connect(&server.addr).unwrap();
    write!(kept, "GET /style.css HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr).unwrap();
    let mut first = [0u8; 12];
    kept.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    idle.push(kept);

    let answer = get_with_host(&server.addr, &server.addr);
    assert_eq!(status(&answer), 200, "a normal request is answered beside 300 idle connections");
    #[cfg(target_os = "linux")]
    {
        let threads: usize = std::fs::read_to_string(format!("/proc/{}/status", server.child.id()))
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("Threads:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap();
        assert!(threads < 60, "{threads} threads for 300 idle connections");
    }
    // Each is closed by the server after the idle limit (the timeout is only a safety net).
    for mut s in idle {
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut rest = Vec::new();
        match s.read_to_end(&mut rest) {
            Ok(_) => {}
            Err(e) => assert!(
                e.kind() == std::io::ErrorKind::ConnectionReset,
                "the server did not close an idle connection: {e}"
            ),
        }
    }
}

#[test]
fn serve_warns_what_a_bind_to_every_address_exposes() {
    let server = serve(&["--bind", "0.0.0.0", "--drafts"], 20_000);
    let port = server.addr.rsplit(':').next().unwrap();
    let warning = format!(
        "Warning: --bind 0.0.0.0 serves the whole site, drafts included (--drafts) to anyone who can reach this computer on port {port}, at any of its addresses, with no password."
    );
    assert!(server.stderr.iter().any(|l| l.starts_with(&warning)), "{:?}", server.stderr);
    let quiet = serve(&[], 20_000);
    assert!(!quiet.stderr.iter().any(|l| l.contains("Warning: --bind")), "{:?}", quiet.stderr);
}

#[test]
fn a_browser_that_stops_reading_an_answer_is_dropped() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    // Far more than the socket buffers hold, so the server has to wait for the reader.
    let size = 64 << 20;
    std::fs::write(root.join("static/big.bin"), vec![7u8; size]).unwrap();
    let server = serve_root(&root, &[], 1_000);
    let mut s = TcpStream::connect(&server.addr).unwrap();
    write!(s, "GET /big.bin HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", server.addr).unwrap();
    // Not reading (for well over the 1 s limit): the server's writes stall and it gives up.
    std::thread::sleep(Duration::from_secs(5));
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut got = Vec::new();
    let _ = s.read_to_end(&mut got);
    assert!(got.len() < size, "the whole answer arrived: {} bytes", got.len());
    assert!(got.starts_with(b"HTTP/1.1 200"));
}
