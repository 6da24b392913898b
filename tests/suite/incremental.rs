//! Rebuilds from the cache `serve` keeps between saves, compared with full
//! builds of the same journal: after every kind of edit, the same problems,
//! the same files and the same bytes in each.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use casebook::build::{build, build_cached, BuildCache, BuildOptions};

use crate::serve::demo_copy;

/// Every file of a build, by path; the search shards are compared by their
/// postings (an incremental build keeps the first build's shard cuts, which
/// the manifest and the files of starts list).
fn files_of(built: &casebook::build::Built) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, serde_json::Value>) {
    let mut files = BTreeMap::new();
    let mut postings = BTreeMap::new();
    for f in built.files.as_ref().expect("the journal builds") {
        let bytes = f.bytes().unwrap().to_vec();
        if f.path.starts_with("search/s/") {
            let text = casebook::search::index::packed::inflate(&bytes).unwrap();
            let shard: serde_json::Value = serde_json::from_slice(&text).unwrap();
            for (field, terms) in shard.as_object().unwrap() {
                for (term, list) in terms.as_object().unwrap() {
                    postings.insert(format!("{field} {term}"), list.clone());
                }
            }
        } else if &*f.path != "search/manifest.json" && !f.path.starts_with("search/t/") {
            files.insert(f.path.to_string(), bytes);
        }
    }
    (files, postings)
}

/// A copy of the demo journal in a git repository of its own, and what the
/// steps below edit in it.
struct Demo {
    root: PathBuf,
    cases: PathBuf,
    /// The first case by file name (VIP客戶的換機要求.md): most steps edit it.
    first: PathBuf,
    /// A drawing in a bundle folder.
    drawing: PathBuf,
    /// Where deleted files are kept to be put back, and git's home.
    spare: PathBuf,
}

/// The author an amended commit is given: found on a page once the
/// history is read again.
const AMENDED_AUTHOR: &str = "改過的作者";

impl Demo {
    fn new(dir: &Path) -> Demo {
        let root = demo_copy(dir).canonicalize().unwrap();
        let cases = root.join("content/cases");
        let first = walkdir::WalkDir::new(&cases)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "md"))
            .unwrap()
            .into_path();
        let drawing = walkdir::WalkDir::new(&cases)
            .into_iter()
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "svg"))
            .expect("the demo has a drawing")
            .into_path();
        let spare = dir.join("spare");
        std::fs::create_dir_all(&spare).unwrap();
        let demo = Demo { root, cases, first, drawing, spare };
        demo.git(&["init", "-q"]);
        demo.git(&["config", "user.name", "測試者"]);
        demo.git(&["config", "user.email", "tester@example.com"]);
        demo.git(&["config", "commit.gpgsign", "false"]);
        demo.commit_all("the demo journal");
        demo
    }

    /// Runs git in the journal, with no user or system settings; its output.
    fn git(&self, args: &[&str]) -> String {
        let o = Command::new("git")
            .args(args)
            .current_dir(&self.root)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", &self.spare)
            .output()
            .expect("git runs");
        assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    fn commit_all(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-qm", message]);
    }

    fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    fn edit(&self, path: &Path, from: &str, to: &str) {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{}: {from}", path.display());
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    fn append(&self, path: &Path, more: &str) {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, text + more).unwrap();
    }

    /// Saves a file with the bytes it has: what makes the server rebuild
    /// after a commit (a commit alone writes nothing it watches).
    fn save_unchanged(&self, path: &Path) {
        std::fs::write(path, std::fs::read(path).unwrap()).unwrap();
    }

    fn template(&self, name: &str, text: &str) {
        std::fs::write(self.root.join("templates").join(name), text).unwrap();
    }

    /// Keeps a copy of a file for [`Demo::restore`].
    fn keep(&self, path: &Path) {
        std::fs::copy(path, self.spare.join(path.file_name().unwrap())).unwrap();
    }

    /// Deletes a file, keeping a copy for [`Demo::restore`].
    fn delete(&self, path: &Path) {
        self.keep(path);
        std::fs::remove_file(path).unwrap();
    }

    fn restore(&self, path: &Path) {
        std::fs::copy(self.spare.join(path.file_name().unwrap()), path).unwrap();
    }

    fn rename(&self, from: &str, to: &str) {
        std::fs::rename(self.root.join(from), self.root.join(to)).unwrap();
    }
}

type Step<'a> = (&'a str, Box<dyn Fn() + 'a>);

fn text_and_data_edits(d: &Demo) -> Vec<Step<'_>> {
    let (first, cases, root) = (&d.first, &d.cases, &d.root);
    vec![
        ("append a paragraph", Box::new(|| d.append(first, "\n補充：客戶後來又來電確認退款已入帳。\n"))),
        (
            "reword the sentence around a link, keeping its length (the linked article shows that sentence)",
            Box::new(|| d.edit(&cases.join("咖啡機漏水換貨.md"), "是同一個順序", "是同樣的順序")),
        ),
        ("change a title", Box::new(|| d.edit(first, "title:", "title: 改名"))),
        ("add a tag", Box::new(|| d.edit(first, "tags: [", "tags: [系統故障, "))),
        ("move the date", Box::new(|| d.edit(first, "date: 20", "date: 19"))),
        ("write a tag by its alias", Box::new(|| d.edit(first, "tags: [", "tags: [退費, "))),
        (
            "the alias moves to another tag in data/tags.yaml",
            Box::new(|| {
                let tags = root.join("data/tags.yaml");
                d.edit(&tags, "aliases: [退費]", "aliases: []");
                d.edit(
                    &tags,
                    "description: 重複扣款、發票與帳單金額有爭議的案例。",
                    "description: 重複扣款。\n    aliases: [退費]",
                );
            }),
        ),
        (
            "rename an author in data/authors.yaml",
            Box::new(|| d.edit(&root.join("data/authors.yaml"), "name: 陳美玲", "name: 陳美鈴")),
        ),
        (
            "change a pick's reason",
            Box::new(|| d.edit(&root.join("data/featured.yaml"), "reason: 用產品序號", "reason: 新理由：用產品序號")),
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
    ]
}

fn template_and_drawing_edits(d: &Demo) -> Vec<Step<'_>> {
    let (first, drawing, root) = (&d.first, &d.drawing, &d.root);
    vec![
        (
            "override a template",
            Box::new(move || {
                std::fs::create_dir_all(root.join("templates")).unwrap();
                std::fs::write(root.join("templates/404.html"), "<p>找不到這一頁</p>").unwrap();
            }),
        ),
        (
            "override the list template",
            Box::new(move || {
                d.template(
                    "term.html",
                    "{% extends \"base.html\" %}{% block content %}<h1>{{ list_title }}</h1>{% endblock content %}",
                )
            }),
        ),
        (
            "a section template that shows each article's exact character count",
            Box::new(move || {
                d.template(
                    "section.html",
                    "{% extends \"base.html\" %}{% block content %}{% for a in articles %}<p>{{ a.title }}：{{ a.characters }} 字</p>{% endfor %}{% endblock content %}",
                )
            }),
        ),
        (
            "append to an article again (its count in the section list changes)",
            Box::new(move || d.append(first, "\n再補充：客戶又寄來照片。\n")),
        ),
        (
            "override the base template every page extends",
            Box::new(move || {
                let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
                let base = std::fs::read_to_string(theme).unwrap();
                std::fs::write(root.join("templates/base.html"), format!("<!-- 改過 -->\n{base}")).unwrap();
            }),
        ),
        (
            "error: a drawing gains an event attribute (it is not published)",
            Box::new(move || {
                let text = std::fs::read_to_string(drawing).unwrap();
                std::fs::write(drawing, text.replacen("<svg ", "<svg onload=\"alert(1)\" ", 1)).unwrap();
            }),
        ),
        (
            "error: append while the drawing still has it (its problem is kept, not looked for again)",
            Box::new(move || d.append(first, "\n三補充。\n")),
        ),
        ("the drawing is plain again", Box::new(move || d.edit(drawing, "<svg onload=\"alert(1)\" ", "<svg "))),
    ]
}

/// The history is read again after each of these (HEAD moves), while the
/// texts of the articles it changes are as the last good build saw them:
/// only a key on the history itself renders their revision lists again.
fn failed_builds_and_head_moves(d: &Demo) -> Vec<Step<'_>> {
    let (first, cases) = (&d.first, &d.cases);
    let broken = cases.join("退款遲遲未入帳.md");
    let other = cases.join("帳單重複扣款爭議.md");
    vec![
        (
            "error: a front matter made invalid (an unclosed `[` in a title)",
            Box::new(move || d.edit(&cases.join("退款遲遲未入帳.md"), "title: ", "title: [")),
        ),
        (
            "error: while the build is broken, the saved edits are committed (HEAD moves; the revision lists change, the texts do not)",
            Box::new(move || {
                d.git(&["add", "-A"]);
                d.git(&["reset", "-q", "--", broken.to_str().unwrap()]);
                d.git(&["commit", "-qm", "the edits so far"]);
                d.save_unchanged(first);
            }),
        ),
        (
            "the front matter is repaired (the first good build since HEAD moved)",
            Box::new(|| d.edit(&cases.join("退款遲遲未入帳.md"), "title: [", "title: ")),
        ),
        (
            "the last commit is amended with another author (HEAD moves; no text changes)",
            Box::new(|| {
                d.git(&["commit", "-q", "--amend", "--no-edit", "--author", &format!("{AMENDED_AUTHOR} <a@example.com>")]);
                d.save_unchanged(first);
            }),
        ),
        (
            "a second commit: an edit to another article, committed",
            Box::new(move || {
                d.append(&other, "\n補記：客戶隔月又確認一次帳單。\n");
                d.commit_all("補記");
            }),
        ),
        (
            "a commit that only renames its message (amend; the saved texts stay)",
            Box::new(|| {
                d.git(&["commit", "-q", "--amend", "-m", "補記（改寫訊息）"]);
                d.save_unchanged(first);
            }),
        ),
    ]
}

fn config_edits(d: &Demo) -> Vec<Step<'_>> {
    let config = d.root.join("casebook.yaml");
    let c = config.clone();
    vec![
        (
            "change the site's title in casebook.yaml",
            Box::new(move || {
                d.keep(&c);
                d.edit(&c, "title: 客服案例集", "title: 客服案例集（新版）");
            }),
        ),
        (
            "a label for the `phone` channel in casebook.yaml (the field shows it)",
            Box::new({
                let c = config.clone();
                move || d.append(&c, "labels:\n  phone: 市話專線\n")
            }),
        ),
        (
            "ASCII slugs in casebook.yaml (the addresses of articles, terms and headings change)",
            Box::new({
                let c = config.clone();
                move || d.append(&c, "slugify: ascii\n")
            }),
        ),
        (
            "raw HTML published as written (markdown.raw_html: allow in casebook.yaml)",
            Box::new({
                let c = config.clone();
                move || d.append(&c, "markdown:\n  raw_html: allow\n")
            }),
        ),
        ("casebook.yaml as it was", Box::new(move || d.restore(&config))),
    ]
}

fn renames_and_deletes(d: &Demo) -> Vec<Step<'_>> {
    let (cases, root) = (&d.cases, &d.root);
    let linked = cases.join("咖啡機漏水換貨.md");
    let linked2 = linked.clone();
    let drawing = cases.join("手機螢幕的保固爭議").join(d.drawing.file_name().unwrap());
    let drawing2 = drawing.clone();
    vec![
        (
            "rename an article's file (its address, and the link to it by title, change)",
            Box::new(|| d.rename("content/cases/阿嬤打來問路由器燈號.md", "content/cases/路由器燈號的阿嬤.md")),
        ),
        (
            "rename a bundle's folder (its page and its drawing move)",
            Box::new(|| d.rename("content/cases/手機螢幕保固爭議", "content/cases/手機螢幕的保固爭議")),
        ),
        (
            "rename the folder of a series (every part's address changes)",
            Box::new(|| d.rename("content/cases/每日一案例", "content/cases/每日一則案例")),
        ),
        ("error: delete the drawing a bundle shows (a broken image)", Box::new(move || d.delete(&drawing))),
        ("the drawing is back", Box::new(move || d.restore(&drawing2))),
        (
            "delete a pick from data/featured.yaml",
            Box::new(|| {
                d.edit(
                    &root.join("data/featured.yaml"),
                    "  - article: 每日一案例（四）：取消訂單後仍出貨\n    reason: 把「取消申請」和「取消成功」的差別說透，適合新人晨會討論。\n    award: {amount: 300, currency: TWD}\n    editor: tsai-yuhan\n",
                    "",
                )
            }),
        ),
        (
            "delete an author from data/authors.yaml (their articles name a guest)",
            Box::new(|| {
                d.edit(
                    &root.join("data/authors.yaml"),
                    "zheng-jiahao:\n  name: 鄭家豪\n  team: 電話客服一組\n  bio: 入行第三年的電話客服，夜班常客，對長輩來電特別有耐心。\n",
                    "",
                )
            }),
        ),
        ("error: delete an article two others link to (broken links)", Box::new(move || d.delete(&linked))),
        ("the deleted article is back (its links resolve again)", Box::new(move || d.restore(&linked2))),
    ]
}

#[test]
fn rebuilds_from_the_cache_match_full_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let d = Demo::new(tmp.path());
    // As the server does: each rebuild is told what the file watcher saw,
    // and is given the history, read again only when HEAD moves.
    let watch = casebook::serve::FileWatch::new(&d.root, casebook::lang::Lang::En).unwrap();
    let history = casebook::history::read(&d.root).map(Arc::new);
    assert!(history.as_ref().is_some_and(|h| h.head.as_deref() == Some(d.head().as_str())));
    let mut opts = BuildOptions { root: d.root.clone(), history, ..Default::default() };
    let mut head = d.head();
    let mut cache = BuildCache::default();
    build_cached(&opts, &mut cache);

    let steps = [
        text_and_data_edits(&d),
        template_and_drawing_edits(&d),
        failed_builds_and_head_moves(&d),
        config_edits(&d),
        renames_and_deletes(&d),
    ];
    let mut last = BTreeMap::new();
    for (what, step) in steps.into_iter().flatten() {
        step();
        opts.touched = Some(watch.next(Some(std::time::Duration::from_secs(10))).expect("the watcher saw the change"));
        if d.head() != head {
            head = d.head();
            let fresh = casebook::history::read(&d.root).expect("a git repository");
            // Put where the old one was: the allocator may do that to a new
            // history (in the server, once a failed build came between two
            // moves of HEAD), so nothing may be keyed on its address.
            match opts.history.as_mut().and_then(Arc::get_mut) {
                Some(old) => *old = fresh,
                None => panic!("{what}: the old history is still held elsewhere"),
            }
        }
        let incremental = build_cached(&opts, &mut cache);
        let full = build(&BuildOptions { touched: None, ..opts.clone() });
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
        last = a;
    }
    // The steps that move HEAD did reach the pages.
    assert!(
        last.values().any(|page| String::from_utf8_lossy(page).contains(AMENDED_AUTHOR)),
        "the amended author is shown in a revision list"
    );
}

#[test]
fn large_journal_rebuilds_keep_related_lists_right() {
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
