//! History from git: a journal that is a real git repository, made here with
//! fixed dates and authors, a rename, a merged pull request, trailers, a
//! squash commit, a shallow clone and an uncommitted change.

use std::path::Path;
use std::process::Command;

use crate::*;

fn git_as(dir: &Path, who: &str, date: &str, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", who)
        .env("GIT_AUTHOR_EMAIL", "w@example.com")
        .env("GIT_COMMITTER_NAME", who)
        .env("GIT_COMMITTER_EMAIL", "w@example.com")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

fn case(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2026-01-05\n---\n\n## 背景\n\n{body}\n")
}

/// The repository: 陳美玲 writes a case; 林志偉 renames and edits it on a
/// branch (with a co-author); it is merged as pull request #12, reviewed by
/// 蔡宇涵; 張建國 squash-merges an edit as #15, approved by 李美華.
fn journal(dir: &Path) {
    std::fs::create_dir_all(dir.join("content/cases")).unwrap();
    std::fs::write(dir.join("casebook.yaml"), "title: 歷史\nrepo_url: https://github.com/acme/journal\n").unwrap();
    std::fs::write(dir.join("content/cases/舊名.md"), case("耳機退貨", "第一版。")).unwrap();
    // No `date:`: the first commit gives it.
    std::fs::write(dir.join("content/cases/無日期.md"), "---\ntitle: 沒寫日期的案例\n---\n\n## 背景\n\n內容。\n")
        .unwrap();
    let d = |s: &str| format!("{s}T10:00:00+08:00");
    git_as(dir, "陳美玲", &d("2026-01-05"), &["init", "-q", "-b", "main"]);
    git_as(dir, "陳美玲", &d("2026-01-05"), &["add", "."]);
    git_as(dir, "陳美玲", &d("2026-01-05"), &["commit", "-q", "-m", "新增耳機退貨案例"]);
    git_as(dir, "林志偉", &d("2026-01-10"), &["checkout", "-q", "-b", "lin/rename"]);
    git_as(dir, "林志偉", &d("2026-01-10"), &["mv", "content/cases/舊名.md", "content/cases/新名.md"]);
    git_as(dir, "林志偉", &d("2026-01-10"), &["commit", "-q", "-m", "改檔名"]);
    std::fs::write(dir.join("content/cases/新名.md"), case("耳機退貨", "第二版，補上處理過程。")).unwrap();
    git_as(
        dir,
        "林志偉",
        &d("2026-01-10"),
        &["commit", "-q", "-am", "補充處理過程\n\nCo-authored-by: 王小明 <wang@example.com>"],
    );
    git_as(dir, "蔡宇涵", &d("2026-01-11"), &["checkout", "-q", "main"]);
    git_as(
        dir,
        "蔡宇涵",
        &d("2026-01-11"),
        &[
            "merge",
            "-q",
            "--no-ff",
            "lin/rename",
            "-m",
            "Merge pull request #12 from lin/rename\n\nReviewed-by: 蔡宇涵 <tsai@example.com>",
        ],
    );
    std::fs::write(dir.join("content/cases/新名.md"), case("耳機退貨", "第三版。")).unwrap();
    git_as(
        dir,
        "張建國",
        &d("2026-02-01"),
        &["commit", "-q", "-am", "修正錯字 (#15)\n\nApproved-by: 李美華 <li@example.com>"],
    );
}

#[test]
fn articles_show_dates_authors_revisions_pull_requests_and_reviewers() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    journal(&root);
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "cases/新名/index.html");
    assert!(page.contains("首次提交 2026-01-05（陳美玲）"), "{page}");
    assert!(page.contains("最後修改 2026-02-01（張建國）"));
    let history = &page[page.find("class=\"history\"").unwrap()..];
    assert!(
        page.contains("<a href=\"https://github.com/acme/journal/pull/12\">拉取請求 #12</a>"),
        "{}",
        &history[..history.len().min(1500)]
    );
    assert!(page.contains("<a href=\"https://github.com/acme/journal/pull/15\">拉取請求 #15</a>"));
    assert!(page.contains("審閱：李美華、蔡宇涵"), "{page}");
    assert!(page.contains("共同作者：王小明"));
    // Four commits touched the file (the rename followed); newest first.
    assert!(page.contains("修訂紀錄（4 次）"));
    let (a, b) = (page.find("修正錯字 (#15)").unwrap(), page.find("新增耳機退貨案例").unwrap());
    assert!(a < b);
    assert!(page.contains("https://github.com/acme/journal/commits/main/content/cases/%E6%96%B0%E5%90%8D.md"));
    let undated = read(&out, "cases/無日期/index.html");
    assert!(undated.contains("<time datetime=\"2026-01-05T10:00:00+08:00\">2026-01-05</time>"), "{undated}");
    // Reviews count towards the reviewer's contributions.
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::write(root.join("data/authors.yaml"), "tsai:\n  name: 蔡宇涵\n").unwrap();
    assert!(build(&root, &out, &[]).status.success());
    assert!(read(&out, "authors/tsai/index.html").contains("審閱 1 次"));
}

/// `history: off` (the demo's setting): the same repository, and git is not
/// read: no revisions, pull requests or reviewers, and an article without
/// `date:` is asked for one.
#[test]
fn history_off_reads_nothing_from_git() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    journal(&root);
    let config = std::fs::read_to_string(root.join("casebook.yaml")).unwrap();
    std::fs::write(root.join("casebook.yaml"), format!("{config}history: off\n")).unwrap();
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("content/cases/無日期.md:1:1: error: the front matter has no `date`"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(root.join("content/cases/無日期.md")).unwrap();
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "cases/新名/index.html");
    assert!(page.contains("耳機退貨") && page.contains("第三版。"));
    for git_said in ["class=\"history\"", "首次提交", "修訂紀錄", "拉取請求", "審閱：", "陳美玲", "張建國"]
    {
        assert!(!page.contains(git_said), "{git_said}: {page}");
    }
    // `history: git` is the default, written or not.
    std::fs::write(root.join("casebook.yaml"), format!("{config}history: git\n")).unwrap();
    assert!(build(&root, &out, &[]).status.success());
    assert!(read(&out, "cases/新名/index.html").contains("修訂紀錄（4 次）"));
}

/// A merge request on GitLab, a pull request elsewhere, in the journal's
/// language, with its dates in the language's form.
#[test]
fn the_forge_and_the_language_name_the_requests() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    journal(&root);
    let out = tmp.path().join("site");
    let page = |yaml: &str| {
        std::fs::write(root.join("casebook.yaml"), yaml).unwrap();
        let o = build(&root, &out, &["-q"]);
        assert!(o.status.success(), "{}", stderr(&o));
        read(&out, "cases/新名/index.html")
    };
    let gitlab = page("title: 歷史\nrepo_url: https://gitlab.com/acme/journal\nlanguage: zh-Hans\n");
    assert!(
        gitlab.contains("<a href=\"https://gitlab.com/acme/journal/-/merge_requests/12\">合并请求 !12</a>"),
        "{gitlab}"
    );
    assert!(gitlab.contains("首次提交 2026-01-05（陳美玲）") && gitlab.contains("审阅：李美華、蔡宇涵"), "{gitlab}");
    let english = page("title: History\nrepo_url: https://github.com/acme/journal\nlanguage: en\n");
    assert!(english.contains(">Pull request #12</a>"), "{english}");
    assert!(english.contains("First committed 5 Jan 2026 (陳美玲)"), "{english}");
    assert!(english.contains("last changed 1 Feb 2026 (張建國)"), "{english}");
    assert!(english.contains("Reviewed by 李美華, 蔡宇涵") && english.contains("Co-authors: 王小明"), "{english}");
    assert!(english.contains("<summary>4 revisions · <a"), "{english}");
}

#[test]
fn a_shallow_clone_builds_and_says_history_may_be_incomplete() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    journal(&root);
    let clone = tmp.path().join("shallow");
    let url = format!("file://{}", root.display());
    let o = Command::new("git").args(["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = tmp.path().join("site");
    let o = build(&clone, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: this is a shallow clone"), "{}", stderr(&o));
    assert!(read(&out, "cases/新名/index.html").contains("首次提交 2026-02-01（張建國）"));
    // Not cached: the boundary commit's changes are different once deepened.
    assert!(!clone.join(".git/casebook").exists());
}

#[test]
fn outside_git_the_front_matter_is_enough_and_uncommitted_files_are_marked_in_previews() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    journal(&root);
    std::fs::write(root.join("content/cases/新名.md"), case("耳機退貨", "還沒提交的第四版。")).unwrap();
    let out = tmp.path().join("site");
    assert!(build(&root, &out, &["--drafts"]).status.success());
    assert!(read(&out, "cases/新名/index.html").contains("<span class=\"badge draft\">未提交</span>"));
    assert!(build(&root, &out, &[]).status.success());
    assert!(!read(&out, "cases/新名/index.html").contains("未提交"), "only in previews");

    let plain = tmp.path().join("plain");
    copy_dir(&root, &plain);
    std::fs::remove_dir_all(plain.join(".git")).unwrap();
    let out2 = tmp.path().join("site2");
    // Outside git, an article without `date:` has nowhere to take it from.
    let o = build(&plain, &out2, &[]);
    assert!(
        stderr(&o).contains("content/cases/無日期.md:1:1: error: the front matter has no `date`"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(plain.join("content/cases/無日期.md")).unwrap();
    let o = build(&plain, &out2, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!read(&out2, "cases/新名/index.html").contains("class=\"history\""));
}

#[test]
fn a_reviewer_or_co_author_named_by_id_by_name_or_by_address_is_one_person() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("j");
    std::fs::create_dir_all(dir.join("content/cases")).unwrap();
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(dir.join("casebook.yaml"), "title: 審閱\n").unwrap();
    std::fs::write(
        dir.join("data/authors.yaml"),
        "lin:\n  name: 林怡君\ntsai:\n  name: 蔡宇涵\n  email: yuhan.tsai@example.com\n",
    )
    .unwrap();
    let file = dir.join("content/cases/退貨.md");
    std::fs::write(&file, case("耳機退貨", "第一版。")).unwrap();
    let d = "2026-01-05T10:00:00+08:00";
    git_as(&dir, "陳美玲", d, &["init", "-q", "-b", "main"]);
    git_as(&dir, "陳美玲", d, &["add", "."]);
    git_as(&dir, "陳美玲", d, &["commit", "-q", "-m", "新增案例"]);
    for (n, trailers) in [
        "Reviewed-by: lin <lin@example.com>",
        "Reviewed-by: 林怡君 <lin@example.com>\nApproved-by: Yuhan <YUHAN.TSAI@example.com>",
        "Reviewed-by: Wang <wang@example.com>",
        "Reviewed-by: 王小明 <wang@example.com>",
        // One review, by one person named twice; a co-author known by address.
        "Reviewed-by: lin <lin@example.com>\nApproved-by: 林怡君\nCo-authored-by: Yuhan <yuhan.tsai@example.com>",
    ]
    .iter()
    .enumerate()
    {
        std::fs::write(&file, case("耳機退貨", &format!("第 {} 版。", n + 2))).unwrap();
        git_as(&dir, "陳美玲", d, &["commit", "-q", "-am", &format!("修改 {n}\n\n{trailers}")]);
    }
    let out = tmp.path().join("site");
    let o = build(&dir, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "cases/退貨/index.html");
    // Newest first; each person once, under the name in data/authors.yaml.
    assert!(page.contains("審閱：林怡君、王小明、蔡宇涵"), "{page}");
    assert!(page.contains("共同作者：蔡宇涵\n"), "{page}");
    assert!(read(&out, "authors/lin/index.html").contains("審閱 3 次"));
    assert!(read(&out, "authors/tsai/index.html").contains("審閱 1 次"));
}

/// Builds `root` into a fresh folder under `tmp` and returns the site.
fn site(root: &Path, tmp: &Path, name: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = tmp.join(name);
    let o = build(root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    tree(&out)
}

/// The renamed case's page in a built site.
fn case_page(site: &std::collections::BTreeMap<String, Vec<u8>>) -> String {
    String::from_utf8_lossy(&site["cases/新名/index.html"]).into_owned()
}

/// The same site as a build without the history cache.
fn same_as_without_cache(root: &Path, tmp: &Path, with: &std::collections::BTreeMap<String, Vec<u8>>) {
    let cache = root.join(".git/casebook/history");
    let kept = tmp.join("kept-cache");
    std::fs::rename(&cache, &kept).unwrap();
    let without = site(root, tmp, "without-cache");
    assert!(with == &without, "the site differs from one built without the history cache");
    std::fs::rename(&kept, &cache).unwrap();
}

#[test]
fn a_second_build_takes_history_from_the_cache_and_builds_the_same_site() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    journal(&root);
    let first = site(&root, tmp.path(), "first");
    let cache = root.join(".git/casebook/history");
    assert!(cache.is_file(), "the first build writes the cache inside the git directory");
    let second = site(&root, tmp.path(), "second");
    assert!(first == second, "the second build differs from the first");
    same_as_without_cache(&root, tmp.path(), &second);

    // HEAD has not moved, so the cached records are used as they are: a
    // subject changed there (same length, so the file stays whole) shows.
    let text = std::fs::read_to_string(&cache).unwrap();
    assert!(text.contains("修正錯字 (#15)"));
    std::fs::write(&cache, text.replace("修正錯字 (#15)", "修正錯誤 (#15)")).unwrap();
    let out = tmp.path().join("from-cache");
    assert!(build(&root, &out, &[]).status.success());
    assert!(read(&out, "cases/新名/index.html").contains("修正錯誤 (#15)"));
}

#[test]
fn commits_after_a_cached_build_are_added_and_rewritten_ones_dropped() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    journal(&root);
    site(&root, tmp.path(), "cached");
    let d = "2026-03-01T09:00:00+08:00";
    std::fs::write(root.join("content/cases/新名.md"), case("耳機退貨", "第四版。")).unwrap();
    git_as(&root, "王小明", d, &["commit", "-q", "-am", "補上第四版"]);
    let added = site(&root, tmp.path(), "added");
    let page = case_page(&added);
    assert!(page.contains("補上第四版") && page.contains("修訂紀錄（5 次）"), "{page}");
    assert!(page.contains("最後修改 2026-03-01（王小明）"));
    same_as_without_cache(&root, tmp.path(), &added);

    // The commit is amended, then history goes back before #15: neither the
    // amended-away commit nor the ones reset away stay.
    git_as(&root, "王小明", d, &["commit", "-q", "--amend", "-m", "第四版（改寫）"]);
    let amended = site(&root, tmp.path(), "amended");
    let page = case_page(&amended);
    assert!(page.contains("第四版（改寫）") && !page.contains("補上第四版"), "{page}");
    same_as_without_cache(&root, tmp.path(), &amended);
    git_as(&root, "王小明", d, &["reset", "-q", "--hard", "HEAD~2"]);
    let reset = site(&root, tmp.path(), "reset");
    let page = case_page(&reset);
    assert!(!page.contains("第四版") && !page.contains("修正錯字") && page.contains("修訂紀錄（3 次）"), "{page}");
    same_as_without_cache(&root, tmp.path(), &reset);
}

#[test]
fn a_damaged_history_cache_is_ignored_and_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    journal(&root);
    let good = site(&root, tmp.path(), "good");
    let cache = root.join(".git/casebook/history");
    for (i, garbage) in ["garbage\n\u{1e}\u{1f}", ""].into_iter().enumerate() {
        std::fs::write(&cache, garbage).unwrap();
        assert!(site(&root, tmp.path(), &format!("after-{i}")) == good);
        assert!(std::fs::read_to_string(&cache).unwrap().starts_with("casebook history cache"));
    }
    // A cache cut short is damaged too.
    let text = std::fs::read(&cache).unwrap();
    std::fs::write(&cache, &text[..text.len() - 10]).unwrap();
    assert!(site(&root, tmp.path(), "cut") == good);
    assert_eq!(std::fs::read(&cache).unwrap(), text);
    // A cache that cannot be written (here its folder is a file) is done without.
    std::fs::remove_dir_all(root.join(".git/casebook")).unwrap();
    std::fs::write(root.join(".git/casebook"), "").unwrap();
    assert!(site(&root, tmp.path(), "unwritable") == good);
}
