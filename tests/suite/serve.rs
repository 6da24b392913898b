//! `casebook serve` against a copy of a fixture journal: pages, changes,
//! broken saves, deletions, paths that try to leave the site.

use std::collections::BTreeMap;
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
    let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
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
fn a_journal_broken_from_the_start_shows_its_problems() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    let file = root.join("content/cases/退貨耳機.md");
    let original = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, original.replace("date: 2026-10-03", "date: 昨天")).unwrap();
    let server = start(&root);
    let (status, ctype, page) = get(&server, "/");
    assert_eq!(status, 404);
    assert!(ctype.starts_with("text/html"), "{ctype}");
    assert!(page.contains("找不到這一頁") && page.contains("content/cases/退貨耳機.md:3:7"), "{page}");
    std::fs::write(&file, &original).unwrap();
    eventually(&server, "/", |b| b.contains("客戶要求退回已拆封耳機"));
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

    // A broken save: the old page is still served and the problems are reported.
    std::fs::write(&file, original.replace("date: 2026-10-03", "date: 昨天")).unwrap();
    let poll =
        eventually(&server, "/__casebook/events?v=0", |b| b.contains("problems\":\"content/cases/退貨耳機.md:3:7"));
    assert!(poll.contains("`date` must look like 2026-11-22"));
    let (status, _, page) = get(&server, CASE);
    assert_eq!(status, 200);
    assert!(
        page.contains("客戶要求退回已拆封耳機") && page.contains("content/cases/退貨耳機.md:3:7"),
        "page with the overlay"
    );

    // Fixed: the problems are gone.
    std::fs::write(&file, &original).unwrap();
    eventually(&server, "/__casebook/events?v=0", |b| b.contains("\"problems\":null"));

    // Deleted: the page and its list entry disappear.
    std::fs::remove_file(&file).unwrap();
    eventually(&server, "/cases/", |b| !b.contains("客戶要求退回已拆封耳機"));
    assert_eq!(get(&server, CASE).0, 404);
}

/// Every file of a build, by path; the search shards are compared by their
/// postings (an incremental build keeps the first build's shard cuts).
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

fn files_of(built: &casebook::build::Built) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, serde_json::Value>) {
    let mut files = BTreeMap::new();
    let mut postings = BTreeMap::new();
    for f in built.files.as_ref().expect("the journal builds") {
        let bytes = f.bytes().unwrap().to_vec();
        if f.path.starts_with("search/s/") {
            let shard: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            for (field, terms) in shard.as_object().unwrap() {
                for (term, list) in terms.as_object().unwrap() {
                    postings.insert(format!("{field} {term}"), list.clone());
                }
            }
        } else if &*f.path != "search/manifest.json" {
            files.insert(f.path.to_string(), bytes);
        }
    }
    (files, postings)
}

/// A copy of the demo journal (without git) in `dir`.
fn demo_copy(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("journal");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["content", "data"] {
        copy_dir(&demo.join(part), &root.join(part));
    }
    std::fs::copy(demo.join("casebook.yaml"), root.join("casebook.yaml")).unwrap();
    root
}

#[test]
fn rebuilds_from_the_cache_match_full_builds() {
    use casebook::build::{build, build_cached, BuildCache, BuildOptions};
    let tmp = tempfile::tempdir().unwrap();
    let root = demo_copy(tmp.path()).canonicalize().unwrap();
    // As the server does: each rebuild is told what the file watcher saw.
    let watch = casebook::serve::FileWatch::new(&root).unwrap();
    let mut opts = BuildOptions { root: root.clone(), ..Default::default() };
    let mut cache = BuildCache::default();
    build_cached(&opts, &mut cache);

    let cases = root.join("content/cases");
    let first = walkdir::WalkDir::new(&cases)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .unwrap()
        .into_path();
    let edit = |path: &Path, from: &str, to: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{}: {from}", path.display());
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    };
    let append = |path: &Path, more: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, text + more).unwrap();
    };
    let drawing = walkdir::WalkDir::new(&cases)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "svg"))
        .expect("the demo has a drawing")
        .into_path();
    let template = |name: &str, text: &str| std::fs::write(root.join("templates").join(name), text).unwrap();
    type Step<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        ("append a paragraph", Box::new(|| append(&first, "\n補充：客戶後來又來電確認退款已入帳。\n"))),
        (
            "reword the sentence around a link, keeping its length (the linked article shows that sentence)",
            Box::new(|| edit(&cases.join("咖啡機漏水換貨.md"), "是同一個順序", "是同樣的順序")),
        ),
        ("change a title", Box::new(|| edit(&first, "title:", "title: 改名"))),
        ("add a tag", Box::new(|| edit(&first, "tags: [", "tags: [系統故障, "))),
        ("move the date", Box::new(|| edit(&first, "date: 20", "date: 19"))),
        ("write a tag by its alias", Box::new(|| edit(&first, "tags: [", "tags: [退費, "))),
        (
            "the alias moves to another tag in data/tags.yaml",
            Box::new(|| {
                let tags = root.join("data/tags.yaml");
                edit(&tags, "aliases: [退費]", "aliases: []");
                edit(
                    &tags,
                    "description: 重複扣款、發票與帳單金額有爭議的案例。",
                    "description: 重複扣款。\n    aliases: [退費]",
                );
            }),
        ),
        (
            "rename an author in data/authors.yaml",
            Box::new(|| edit(&root.join("data/authors.yaml"), "name: 陳美玲", "name: 陳美鈴")),
        ),
        (
            "change a pick's reason",
            Box::new(|| edit(&root.join("data/featured.yaml"), "reason: 用產品序號", "reason: 新理由：用產品序號")),
        ),
        (
            "add an article",
            Box::new(|| {
                std::fs::write(
                cases.join("新案例.md"),
                "---\ntitle: 新的案例\ndate: 2026-11-20\nauthors: [lin-zhiwei]\ntags: [退換貨]\n---\n\n## 背景\n\n客戶要求退貨。\n",
            )
            .unwrap();
            }),
        ),
        ("delete an article", Box::new(|| std::fs::remove_file(cases.join("新案例.md")).unwrap())),
        (
            "override a template",
            Box::new(|| {
                std::fs::create_dir_all(root.join("templates")).unwrap();
                std::fs::write(root.join("templates/404.html"), "<p>找不到這一頁</p>").unwrap();
            }),
        ),
        (
            "override the list template",
            Box::new(|| {
                template(
                    "term.html",
                    "{% extends \"base.html\" %}{% block content %}<h1>{{ list_title }}</h1>{% endblock content %}",
                )
            }),
        ),
        (
            "a section template that shows each article's exact character count",
            Box::new(|| {
                template(
                    "section.html",
                    "{% extends \"base.html\" %}{% block content %}{% for a in articles %}<p>{{ a.title }}：{{ a.characters }} 字</p>{% endfor %}{% endblock content %}",
                )
            }),
        ),
        (
            "append to an article again (its count in the section list changes)",
            Box::new(|| append(&first, "\n再補充：客戶又寄來照片。\n")),
        ),
        (
            "override the base template every page extends",
            Box::new(|| {
                let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
                let base = std::fs::read_to_string(theme).unwrap();
                std::fs::write(root.join("templates/base.html"), format!("<!-- 改過 -->\n{base}")).unwrap();
            }),
        ),
        (
            "error: a drawing gains an event attribute (it is not published)",
            Box::new(|| {
                let text = std::fs::read_to_string(&drawing).unwrap();
                std::fs::write(&drawing, text.replacen("<svg ", "<svg onload=\"alert(1)\" ", 1)).unwrap();
            }),
        ),
        (
            "error: append while the drawing still has it (its problem is kept, not looked for again)",
            Box::new(|| append(&first, "\n三補充。\n")),
        ),
        ("the drawing is plain again", Box::new(|| edit(&drawing, "<svg onload=\"alert(1)\" ", "<svg "))),
    ];
    for (what, step) in steps {
        step();
        opts.touched = Some(watch.next(Some(std::time::Duration::from_secs(10))).expect("the watcher saw the change"));
        let incremental = build_cached(&opts, &mut cache);
        let full = build(&opts);
        assert_eq!(incremental.diagnostics, full.diagnostics, "{what}: the same problems as a full build");
        if what.starts_with("error: ") {
            assert!(incremental.has_errors(), "{what}");
            continue;
        }
        assert!(!incremental.has_errors(), "{what}: {:?}", incremental.diagnostics);
        let (a, pa) = files_of(&incremental);
        let (b, pb) = files_of(&full);
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "{what}: the same files");
        for (path, bytes) in &a {
            assert!(bytes == &b[path], "{what}: {path} differs from a full build");
        }
        assert!(pa == pb, "{what}: the search postings differ from a full build");
    }
}

#[test]
fn large_journal_rebuilds_keep_related_lists_right() {
    use casebook::build::{build, build_cached, BuildCache, BuildOptions};
    let tmp = tempfile::tempdir().unwrap();
    let root = demo_copy(tmp.path());
    let opts = BuildOptions { root: root.clone(), ..Default::default() };
    // As in a journal of thousands of articles: related lists are updated, not recomputed.
    let mut cache = BuildCache::default();
    cache.related.exact_limit = 0;
    build_cached(&opts, &mut cache);
    let article = root.join("content/cases/咖啡機漏水換貨.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, text.replacen("tags: [", "tags: [系統故障, ", 1)).unwrap();
    let incremental = build_cached(&opts, &mut cache);
    let full = build(&opts);
    let (a, _) = files_of(&incremental);
    let (b, _) = files_of(&full);
    let differing: Vec<&String> = a.keys().filter(|p| a[*p] != b[*p]).collect();
    assert!(differing.is_empty(), "a tag edit changes no bigram weights, so lists match a full build: {differing:?}");
}
