//! `casebook serve` against a copy of a fixture journal: pages, changes,
//! broken saves, deletions, paths that try to leave the site, the verify
//! mode (`CASEBOOK_VERIFY=1`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::*;

/// A running `casebook serve`, stopped when dropped (other test modules use it too).
pub struct Server {
    child: Child,
    pub addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(root: &Path) -> Server {
    start_with(root, &[])
}

fn start_with(root: &Path, extra: &[&str]) -> Server {
    launch(root, extra, &[], Stdio::null())
}

/// `casebook serve` with `env` set, its messages going to `stderr`.
fn launch(root: &Path, extra: &[&str], env: &[(&str, &str)], stderr: Stdio) -> Server {
    let mut child = crate::casebook_command()
        .env("CASEBOOK_LANG", "en")
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .args(extra)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("casebook serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr =
        line.split("http://").nth(1).and_then(|r| r.split('/').next()).expect("the address is printed").to_string();
    Server { child, addr }
}

/// (status, content type, body) of a GET.
pub fn get(server: &Server, path: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(&server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", server.addr).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let ctype = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-type:").map(|v| v.trim().to_string()))
        .unwrap_or_default();
    (status, ctype, body.to_string())
}

/// Polls `path` until `f` holds for its body (a rebuild takes a moment).
fn eventually(server: &Server, path: &str, f: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (_, _, body) = get(server, path);
        if f(&body) {
            return body;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "timed out waiting on {path}:\n{body}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

const CASE: &str = "/cases/%E9%80%80%E8%B2%A8%E8%80%B3%E6%A9%9F/";

#[test]
fn serves_pages_with_types_and_refuses_to_leave_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    std::fs::write(tmp.path().join("secret.txt"), "outside").unwrap();
    let server = start(&root);
    let (status, ctype, body) = get(&server, CASE);
    assert_eq!((status, ctype.as_str()), (200, "text/html; charset=utf-8"));
    assert!(body.contains("客戶要求退回已拆封耳機") && body.contains("/__casebook/events"));
    assert_eq!(get(&server, "/style.css").1, "text/css; charset=utf-8");
    assert_eq!(get(&server, "/search.js").1, "text/javascript; charset=utf-8");
    assert_eq!(get(&server, "/atom.xml").1, "application/xml; charset=utf-8");
    assert_eq!(get(&server, "/cases/%E8%9E%A2%E5%B9%95%E4%BF%9D%E5%9B%BA/flow.svg").1, "image/svg+xml");
    let (status, _, body) = get(&server, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("找不到這一頁"));
    for bad in ["/../secret.txt", "/%2e%2e/secret.txt", "/cases/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt"] {
        let (status, _, body) = get(&server, bad);
        assert_eq!(status, 404, "{bad}");
        assert!(!body.contains("outside"), "{bad}");
    }
}

#[test]
fn a_journal_broken_from_the_start_shows_its_pages_and_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    let file = root.join("content/cases/退貨耳機.md");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, original.replace("date: 2026-10-03", "date: 昨天")).unwrap();
    // In the journal's language (zh-Hant), the page and the problem.
    let server = launch(&root, &[], &[("CASEBOOK_LANG", "zh-Hant")], Stdio::null());
    // The rest of the site is there, with the problem over it, in words true to the state.
    let (status, ctype, home) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(ctype.starts_with("text/html"), "{ctype}");
    assert!(home.contains("content/cases/退貨耳機.md:3:7: 錯誤：`date` 必須寫成 2026-11-22"), "{home}");
    assert!(home.contains("頁面已更新，還有 1 個錯誤"), "{home}");
    assert!(!home.contains("上一次成功"), "{home}");
    // The article that cannot be shown: a page with its problems, at its address.
    let (status, _, page) = get(&server, CASE);
    assert_eq!(status, 200);
    assert!(
        page.contains("<html lang=\"zh-Hant\">") && page.contains("content/cases/退貨耳機.md 要先修正下列問題才能顯示"),
        "{page}"
    );
    assert!(page.contains("<li>content/cases/退貨耳機.md:3:7: 錯誤：`date` 必須寫成 2026-11-22"), "{page}");
    std::fs::write(&file, &original).unwrap();
    eventually(&server, CASE, |b| b.contains("<h1>客戶要求退回已拆封耳機"));
}

#[test]
fn a_journal_that_never_built_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    let config = root.join("casebook.yaml");
    let original = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{original}oops: [\n")).unwrap();
    let server = launch(&root, &[], &[("CASEBOOK_LANG", "zh-Hant")], Stdio::null());
    let (status, _, page) = get(&server, "/");
    assert_eq!(status, 404);
    assert!(page.contains("<style>") && page.contains("尚未有成功的版本"), "{page}");
    assert!(page.contains("<li>casebook.yaml"), "{page}");
    assert!(!page.contains("上一次成功"), "{page}");
    std::fs::write(&config, &original).unwrap();
    eventually(&server, "/", |b| b.contains("客戶要求退回已拆封耳機"));
    // Broken again: now there is a last version, and the overlay says so.
    std::fs::write(&config, format!("{original}oops: [\n")).unwrap();
    let poll = eventually(&server, "/__casebook/events?v=1", |b| b.contains("casebook.yaml"));
    assert!(poll.contains("網站仍顯示上一次成功的版本"), "{poll}");
    assert!(get(&server, "/").2.contains("客戶要求退回已拆封耳機"));
}

#[test]
fn previews_mark_broken_links_mask_customer_data_and_show_checks_of_edited_files() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    let server = launch(&root, &[], &[("CASEBOOK_LANG", "zh-Hant")], Stdio::null());
    let file = root.join("content/cases/退貨耳機.md");
    let original = std::fs::read_to_string(&file).unwrap();
    let edited = original
        .replace("客戶來電，訂單 ORD38201577。", "客戶來電，手機 0912345678。見[退換貨規則](../essays/退換貨規則.md)。")
        .replace("## 處理過程", "## 處理經過");
    std::fs::write(&file, edited).unwrap();
    let page = eventually(&server, CASE, |b| b.contains("class=\"casebook-broken\""));
    assert!(!page.contains("0912345678") && page.contains("0912***678"), "{page}");
    assert!(
        page.contains("<a class=\"casebook-broken\" title=\"content/cases/退貨耳機.md:17:"),
        "the broken link is marked with its problem: {page}"
    );
    assert!(page.contains("頁面已更新"), "{page}");
    // The overlay: the warning, and check's problems of the file being edited.
    let poll = get(&server, "/__casebook/events?v=0").2;
    assert!(poll.contains("手機號碼（0912***678）"), "{poll}");
    assert!(poll.contains("`## 處理經過` 不是案例的段落名稱；是不是要寫成 `## 處理過程`？"), "{poll}");
    assert!(poll.contains("這個案例缺少 `## 結果` 段落"), "{poll}");
    // Other files' check problems are not listed (帳單爭議.md was not edited).
    assert!(!poll.contains("帳單爭議.md"), "{poll}");
    // The search files are masked too.
    let (_, _, search) = get(&server, "/search/manifest.json");
    assert!(!search.contains("0912345678"));
}

#[test]
fn edits_broken_saves_and_deletions_show_up() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    let server = start(&root);
    let file = root.join("content/cases/退貨耳機.md");
    let original = std::fs::read_to_string(&file).unwrap();

    // An edit: the page and its list entry change.
    std::fs::write(&file, original.replace("title: 客戶要求退回已拆封耳機", "title: 已拆封耳機的退貨")).unwrap();
    eventually(&server, CASE, |b| b.contains("<h1>已拆封耳機的退貨"));
    assert!(get(&server, "/cases/").2.contains("已拆封耳機的退貨"));

    // A renamed tag: the tag pages change.
    std::fs::write(&file, original.replace("tags: [退換貨, VIP]", "tags: [退換貨流程, VIP]")).unwrap();
    eventually(&server, "/tags/%E9%80%80%E6%8F%9B%E8%B2%A8%E6%B5%81%E7%A8%8B/", |b| {
        b.contains("客戶要求退回已拆封耳機")
    });

    // A broken save: the article's address shows its problems, the rest of the site stays.
    std::fs::write(&file, original.replace("date: 2026-10-03", "date: 昨天")).unwrap();
    let poll = eventually(&server, "/__casebook/events?v=0", |b| b.contains("content/cases/退貨耳機.md:3:7"));
    assert!(poll.contains("`date` must look like 2026-11-22"));
    let (status, _, page) = get(&server, CASE);
    assert_eq!(status, 200);
    assert!(page.contains("<li>content/cases/退貨耳機.md:3:7: error:"), "the article's problems: {page}");
    assert!(get(&server, "/").2.contains("content/cases/退貨耳機.md:3:7"), "the overlay on other pages");

    // Fixed: the problem is gone (check's problems of the edited file stay listed).
    std::fs::write(&file, &original).unwrap();
    eventually(&server, "/__casebook/events?v=0", |b| !b.contains(":3:7"));
    assert!(get(&server, CASE).2.contains("<h1>客戶要求退回已拆封耳機"));

    // Deleted: the page and its list entry disappear.
    std::fs::remove_file(&file).unwrap();
    eventually(&server, "/cases/", |b| !b.contains("客戶要求退回已拆封耳機"));
    assert_eq!(get(&server, CASE).0, 404);
}

#[test]
fn previews_mark_a_saved_article_uncommitted_until_it_matches_the_commit_again() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(args)
            .current_dir(&root)
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", tmp.path())
            .output()
            .expect("git runs");
        assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "journal"]);
    let server = start_with(&root, &["--drafts"]);
    let badge = "未提交";
    let (_, _, page) = get(&server, CASE);
    assert!(page.contains("客戶要求退回已拆封耳機") && !page.contains(badge), "{page}");

    // Saved, not committed: marked, though HEAD did not move.
    let file = root.join("content/cases/退貨耳機.md");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{original}\n補充：還沒提交的一段。\n")).unwrap();
    eventually(&server, CASE, |b| b.contains("還沒提交的一段") && b.contains(badge));
    // Put back as committed: the mark goes.
    std::fs::write(&file, &original).unwrap();
    eventually(&server, CASE, |b| !b.contains("還沒提交的一段") && !b.contains(badge));
    // Committed after a save: HEAD moves, the mark goes.
    std::fs::write(&file, format!("{original}\n補充：這段會提交。\n")).unwrap();
    eventually(&server, CASE, |b| b.contains("這段會提交") && b.contains(badge));
    git(&["commit", "-qam", "補充"]);
    std::fs::write(root.join("content/cases/退貨耳機.md"), format!("{original}\n補充：這段會提交。\n")).unwrap();
    eventually(&server, CASE, |b| b.contains("這段會提交") && !b.contains(badge));
}

#[test]
fn verify_mode_reports_that_each_rebuild_matched_a_full_build() {
    let tmp = tempfile::tempdir().unwrap();
    let root = demo_copy(tmp.path());
    let log = tmp.path().join("stderr.txt");
    let server = launch(&root, &[], &[("CASEBOOK_VERIFY", "1")], std::fs::File::create(&log).unwrap().into());
    let verdicts = || -> Vec<String> {
        let text = std::fs::read_to_string(&log).unwrap();
        text.lines().filter(|l| l.starts_with("Verify: ")).map(str::to_string).collect()
    };
    let page = "/cases/%E5%92%96%E5%95%A1%E6%A9%9F%E6%BC%8F%E6%B0%B4%E6%8F%9B%E8%B2%A8/"; // 咖啡機漏水換貨
    let file = root.join("content/cases/咖啡機漏水換貨.md");
    let original = std::fs::read_to_string(&file).unwrap();
    assert!(get(&server, page).2.contains("咖啡機"));
    let saves = [
        original.replacen("title: ", "title: 改題：", 1),
        original.replacen("title: ", "title: 改題：", 1) + "\n補充：客戶後來又寄來照片。\n",
    ];
    for (n, text) in saves.iter().enumerate() {
        let before = verdicts().len();
        std::fs::write(&file, text).unwrap();
        eventually(&server, page, |b| b.contains("改題：") && (n == 0 || b.contains("又寄來照片")));
        // Printed after the new page is served: waited for.
        let start = Instant::now();
        while verdicts().len() <= before {
            assert!(start.elapsed() < Duration::from_secs(60), "no verify line after save {n}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    let verdicts = verdicts();
    assert!(
        verdicts.iter().all(|l| l.starts_with("Verify: the rebuild matched a full build (") && l.ends_with(" files).")),
        "{verdicts:#?}"
    );
}

/// A copy of the demo journal (without git) in `dir`.
pub fn demo_copy(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("journal");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["content", "data"] {
        copy_dir(&demo.join(part), &root.join(part));
    }
    // The demo turns git history off (its repository is casebook's own);
    // a copy is a journal of its own, read from its own git when it has one.
    let config = std::fs::read_to_string(demo.join("casebook.yaml")).unwrap();
    assert!(config.contains("\nhistory: off\n"), "the demo's casebook.yaml turns history off");
    std::fs::write(root.join("casebook.yaml"), config.replace("\nhistory: off\n", "\n")).unwrap();
    root
}
