//! How fast `casebook serve` shows a save, end to end: the release binary
//! serves a journal; the benchmark saves a file and times until the page's
//! reload message arrives (the long poll `/__casebook/events` returns).
//!
//!     cargo bench --bench build -- --articles 10000 --keep /tmp/j10k
//!     cargo bench --bench serve -- --root /tmp/j10k
//!
//! It edits files in that journal (appending a sentence to one article, one
//! character longer each save; overriding 404.html and then base.html in
//! `templates/`) and puts them back afterwards. Prints the time to the first
//! page, each save's time to reload, and the server's memory.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("the server answers");
    s.set_read_timeout(Some(Duration::from_secs(600))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

fn version(addr: &str) -> u64 {
    let body = get(addr, "/__casebook/events?v=0");
    let at = body.find("\"version\":").expect("a version") + 10;
    body[at..].chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap()
}

/// Saves with `save`, returns the time until the reload message.
fn time_save(addr: &str, save: impl FnOnce()) -> Duration {
    let v = version(addr);
    let addr2 = addr.to_string();
    let poll = std::thread::spawn(move || {
        get(&addr2, &format!("/__casebook/events?v={v}"));
        Instant::now()
    });
    std::thread::sleep(Duration::from_millis(300)); // the poll is waiting
    let start = Instant::now();
    save();
    let mut end = poll.join().unwrap();
    // A long poll also returns on its own timeout: poll again until the version moves.
    while version(addr) == v {
        end = Instant::now();
        std::thread::sleep(Duration::from_millis(5));
    }
    end - start
}

fn memory_mib(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kib = |key: &str| {
        status.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
    };
    (kib("VmRSS:").unwrap_or(f64::NAN) / 1024.0, kib("VmHWM:").unwrap_or(f64::NAN) / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let root = PathBuf::from(
        value("--root").expect("--root DIR: a journal, e.g. from `cargo bench --bench build -- --keep DIR`"),
    );
    let saves: usize = value("--saves").and_then(|v| v.parse().ok()).unwrap_or(5);

    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("casebook serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).and_then(|r| r.split('/').next()).expect("the address").to_string();
    println!("first build and serving: {:.2} s", start.elapsed().as_secs_f64());

    let article = walk_first_md(&root.join("content")).expect("an article");
    let original = std::fs::read_to_string(&article).unwrap();
    let mut times = Vec::new();
    for n in 0..saves {
        let t = time_save(&addr, || {
            // One character longer each time: the article's length changes
            // with every save, as it does while someone writes.
            let text = format!("{original}\n補充說明：客戶回電確認退款已入帳{}。\n", "好".repeat(n + 1));
            std::fs::write(&article, text).unwrap();
        });
        times.push(t);
    }
    // Put it back, and wait for that rebuild before timing the next save.
    time_save(&addr, || std::fs::write(&article, &original).unwrap());
    times.sort();
    println!(
        "save one article ({}), {saves} saves: median {} ms, min {} ms, max {} ms",
        article.strip_prefix(&root).unwrap_or(&article).display(),
        times[times.len() / 2].as_millis(),
        times[0].as_millis(),
        times[times.len() - 1].as_millis()
    );

    let templates = root.join("templates");
    let made_templates = !templates.exists();
    // The folder first, and its (quick) rebuild, so only the file's save is timed.
    if made_templates {
        time_save(&addr, || std::fs::create_dir_all(&templates).unwrap());
    }
    // A template one page uses, then the one every page extends.
    let base = include_str!("../themes/default/templates/base.html");
    let saves: [(&str, &str, String); 2] = [
        ("404.html", "a template one page uses (404.html)", "<p>找不到這一頁（bench）</p>".to_string()),
        ("base.html", "the template every page extends (base.html)", format!("<!-- bench -->\n{base}")),
    ];
    for (name, what, text) in saves {
        let template = templates.join(name);
        let t = time_save(&addr, || std::fs::write(&template, &text).unwrap());
        println!("save {what}: {} ms", t.as_millis());
        time_save(&addr, || std::fs::remove_file(&template).unwrap());
    }
    if made_templates {
        time_save(&addr, || std::fs::remove_dir(&templates).unwrap());
    }
    let (rss, peak) = memory_mib(child.id());
    println!("server memory: {rss:.0} MiB now, {peak:.0} MiB at most");
    let _ = child.kill();
    let _ = child.wait();
}

fn walk_first_md(dir: &Path) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).ok()?.filter_map(|e| Some(e.ok()?.path())).collect();
    entries.sort();
    for e in &entries {
        if e.extension().is_some_and(|x| x == "md") {
            return Some(e.clone());
        }
    }
    entries.iter().filter(|e| e.is_dir()).find_map(|d| walk_first_md(d))
}
