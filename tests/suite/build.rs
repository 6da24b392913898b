//! The build pipeline: pages, lists, feeds, drafts, bad input, safety.

use std::path::PathBuf;

use crate::*;

#[test]
fn articles_are_published_at_clean_chinese_urls() {
    let (_tmp, out, _) = built_basic(&[]);
    for page in [
        "index.html",
        "cases/index.html",
        "cases/退貨耳機/index.html",
        "cases/帳單爭議/index.html",
        "cases/每日一案例/第一天/index.html",
        "cases/螢幕保固/index.html",
        "cases/螢幕保固/flow.svg",
        "essays/晨會十分鐘/index.html",
        "essays/windows/index.html",
        "tags/index.html",
        "tags/退換貨/index.html",
        "tags/退換貨/atom.xml",
        "channel/phone/index.html",
        "competencies/積極傾聽/index.html",
        "product/airwave-pro/index.html",
        "outcome/escalated/index.html",
        "authors/index.html",
        "authors/chen-meiling/index.html",
        "authors/王小明/index.html",
        "404.html",
        "atom.xml",
        "sitemap.xml",
        "style.css",
        "syntax.css",
        "robots.txt",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    let page = read(&out, "cases/退貨耳機/index.html");
    assert!(page.contains("<html lang=\"zh-Hant\" data-root=\"../../\">"));
    assert!(page.contains("<h1>客戶要求退回已拆封耳機"));
    // Heading ids keep Chinese; the links to them are percent-encoded.
    assert!(page.contains("<h2 id=\"背景\">"));
    assert!(page.contains("<h3 id=\"第一步-傾聽\">"));
    assert!(page.contains("href=\"#%E8%83%8C%E6%99%AF\""));
    // Relative links, percent-encoded: works under a sub-path and from the folder.
    assert!(page.contains("href=\"../../tags/%E9%80%80%E6%8F%9B%E8%B2%A8/\""), "tag link");
    assert!(page.contains("href=\"../../authors/chen-meiling/\""));
    assert!(page.contains("<link rel=\"canonical\" href=\"https://intranet.example/journal/cases/%E9%80%80%E8%B2%A8%E8%80%B3%E6%A9%9F/\">"));
    // The case card, the reading time, highlighted code, the table.
    assert!(page.contains("<dt>渠道</dt><dd><a href=\"../../channel/phone/\">電話</a></dd>"));
    assert!(page.contains("★★★★☆ 4/5"));
    assert!(page.contains("約 1 分鐘讀完"));
    assert!(page.contains("<pre class=\"code hl-code\" data-lang=\"yaml\">"));
    assert!(page.contains("<div class=\"table-wrap\"><table>"));
    assert!(
        page.contains("<a href=\"../../authors/chen-meiling/\">陳美玲</a><span class=\"team\">（電話客服一組）</span>")
    );
    // Nothing is loaded from another server: scripts, images and stylesheets are local.
    for p in [&page, &read(&out, "index.html"), &read(&out, "search/index.html")] {
        for attr in ["src=\"", "<link rel=\"stylesheet\" href=\""] {
            for value in p.split(attr).skip(1) {
                assert!(!value.starts_with("http") && !value.starts_with("//"), "external load: {attr}{value:.60}");
            }
        }
    }
    // A bundle's image sits beside its page.
    assert!(read(&out, "cases/螢幕保固/index.html").contains("<img src=\"flow.svg\" alt=\"流程圖\""));
}

#[test]
fn lists_tags_and_authors_hold_the_right_articles() {
    let (_tmp, out, _) = built_basic(&[]);
    // VIP and ｖｉｐ (full width) are one tag, shown as the first spelling.
    let vip = read(&out, "tags/vip/index.html");
    assert!(vip.contains("客戶要求退回已拆封耳機") && vip.contains("帳單重複扣款"), "{vip}");
    assert!(!out.join("tags/ｖｉｐ").exists());
    let tags = read(&out, "tags/index.html");
    assert!(tags.contains("<a href=\"../tags/vip/\">VIP</a> <span class=\"count\">2 篇</span>"), "{tags}");
    let morning = read(&out, "tags/晨會/index.html");
    assert!(morning.contains("每日一案例：第一天") && morning.contains("晨會上的十分鐘"));
    assert!(!morning.contains("客戶要求退回已拆封耳機"));
    // Authors by id, by display name, and a guest by plain name.
    let chen = read(&out, "authors/chen-meiling/index.html");
    assert!(chen.contains("客戶要求退回已拆封耳機") && chen.contains("帳單重複扣款"));
    assert!(chen.contains("擅長帳單爭議。"));
    assert!(read(&out, "authors/王小明/index.html").contains("晨會上的十分鐘"));
    // paginate: 2 splits the cases (4 of them) into two pages, newest first.
    let cases = read(&out, "cases/index.html");
    assert!(cases.contains("客戶要求退回已拆封耳機") && cases.contains("帳單重複扣款"));
    assert!(!cases.contains("手機螢幕保固爭議"));
    assert!(cases.contains("href=\"../cases/page/2/\""));
    let page2 = read(&out, "cases/page/2/index.html");
    assert!(page2.contains("每日一案例：第一天") && page2.contains("手機螢幕保固爭議"));
    assert!(page2.contains("rel=\"prev\" href=\"../../../cases/\""));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let (_tmp, out, _) = built_basic(&[]);
    assert!(!out.join("essays/未完成").exists());
    assert!(!read(&out, "essays/index.html").contains("還沒寫完的心得"));
    assert!(!read(&out, "atom.xml").contains("還沒寫完的心得"));
    let (_tmp2, out2, _) = built_basic(&["--drafts"]);
    let draft = read(&out2, "essays/未完成/index.html");
    assert!(draft.contains("草稿"));
    assert!(draft.contains("預覽版"));
}

#[test]
fn colliding_slugs_get_distinct_stable_addresses_and_a_warning() {
    let (_tmp, out, err) = built_basic(&[]);
    assert!(read(&out, "essays/同名/index.html").contains("同名甲"));
    assert!(read(&out, "essays/同名-2/index.html").contains("同名乙"));
    assert!(
        err.contains("content/essays/same-b.md:1:1: warning: another article already has the address essays/同名/, so this one is published at essays/同名-2/"),
        "{err}"
    );
}

#[test]
fn bom_and_crlf_files_build() {
    let (_tmp, out, _) = built_basic(&[]);
    let page = read(&out, "essays/windows/index.html");
    assert!(page.contains("<h1>Windows 記事本寫的"));
    assert!(page.contains("<h2 id=\"心得\">"));
}

#[test]
fn feeds_and_sitemap_use_absolute_encoded_urls() {
    let (_tmp, out, _) = built_basic(&[]);
    let feed = read(&out, "atom.xml");
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    assert!(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://intranet.example/journal/cases/%E9%80%80%E8%B2%A8%E8%80%B3%E6%A9%9F/\"/>"));
    assert!(feed.contains("<updated>2026-10-03T00:00:00+08:00</updated>"));
    let tag_feed = read(&out, "tags/退換貨/atom.xml");
    assert!(tag_feed.contains("客戶要求退回已拆封耳機") && !tag_feed.contains("帳單重複扣款"));
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://intranet.example/journal/cases/%E9%80%80%E8%B2%A8%E8%80%B3%E6%A9%9F/</loc>"));
    assert!(sitemap.contains("<lastmod>2026-10-03</lastmod>"));
    // The 404 page is served at any address, so it links from the site's path.
    assert!(read(&out, "404.html").contains("href=\"/journal/style.css\""));
}

#[test]
fn output_is_byte_identical_across_builds() {
    let (_a, out_a, _) = built_basic(&[]);
    let (_b, out_b, _) = built_basic(&[]);
    let (ta, tb) = (tree(&out_a), tree(&out_b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(v == &tb[k], "{k} differs between two builds");
    }
}

#[test]
fn ascii_slugs_when_configured() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    std::fs::write(root.join("casebook.yaml"), "slugify: ascii\n").unwrap();
    let out = tmp.path().join("out");
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("cases/tui-huo-er-ji/index.html").is_file());
    assert!(out.join("tags/tui-huan-huo/index.html").is_file());
    assert!(read(&out, "cases/tui-huo-er-ji/index.html").contains("<h2 id=\"bei-jing\">"));
}

/// Each folder in tests/fixtures/invalid/ is a journal with one kind of bad
/// input; its expected.txt holds the lines the build must print.
#[test]
fn invalid_journals_report_exact_messages_and_write_nothing() {
    let dir = fixture("invalid");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 15);
    for case in cases {
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        // Built from a copy outside any git repository, so that git history
        // (a missing date taken from the first commit) cannot hide a problem.
        let tmp = tempfile::tempdir().unwrap();
        let copy = tmp.path().join("journal");
        copy_dir(&case, &copy);
        let out = tmp.path().join("site");
        let o = build(&copy, &out, &[]);
        let err = stderr(&o);
        assert!(!o.status.success(), "{} should fail:\n{err}", case.display());
        for line in expected.lines() {
            assert!(err.lines().any(|l| l == line), "{}: expected the line\n{line}\nin\n{err}", case.display());
        }
        let errors = err.lines().filter(|l| l.contains(": error: ")).count();
        assert_eq!(errors, expected.lines().filter(|l| l.contains(": error: ")).count(), "{}:\n{err}", case.display());
        assert!(!out.exists(), "{}: a failed build wrote output", case.display());
        assert!(err.contains("Nothing was written"), "{err}");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    let out = tmp.path().join("site");
    assert!(build(&root, &out, &[]).status.success());
    let before = tree(&out);
    std::fs::write(root.join("content/cases/壞.md"), "---\ntitle: 壞\ndate: 昨天\n---\n").unwrap();
    let o = build(&root, &out, &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("content/cases/壞.md:3:7: error: `date` must look like 2026-11-22"));
    assert_eq!(tree(&out), before);
    // No temporary folders are left beside the output either.
    let names: Vec<String> =
        std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn refuses_output_folders_that_would_destroy_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("basic"), &root);
    let before = tree(&root);
    for (out, why) in [
        (root.clone(), "holds the journal itself"),
        (root.join("content"), "is inside content/"),
        (tmp.path().to_path_buf(), "holds the journal itself"),
        (PathBuf::from("/"), "cannot be `/`"),
        (root.join("content/cases"), "is inside content/"),
        (root.join("data"), "is the journal's data/ folder"),
    ] {
        let o = build(&root, &out, &[]);
        assert!(!o.status.success(), "{}", out.display());
        assert!(stderr(&o).contains(why), "{}: {}", out.display(), stderr(&o));
    }
    // A folder casebook did not make is not replaced.
    let other = tmp.path().join("documents");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let o = build(&root, &other, &[]);
    assert!(stderr(&o).contains("was not made by casebook"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(other.join("notes.txt")).unwrap(), "mine");
    assert_eq!(tree(&root), before);
}

#[test]
fn init_then_new_then_build() {
    let tmp = tempfile::tempdir().unwrap();
    let o = casebook(&["init", tmp.path().join("my-journal").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let root = tmp.path().join("my-journal");
    for f in ["casebook.yaml", "data/authors.yaml", "archetypes/case.md", "archetypes/essay.md", ".gitignore"] {
        assert!(root.join(f).is_file(), "{f}");
    }
    // The editorial workflow: checks on pull requests, editors own the picks.
    let workflow = std::fs::read_to_string(root.join(".github/workflows/journal.yml")).unwrap();
    assert!(workflow.contains("casebook check --format github --changed-since"));
    assert!(workflow.contains("casebook build --output public"));
    // What the CI files hold: tests/suite/setup.rs.
    assert!(std::fs::read_to_string(root.join(".gitlab-ci.yml")).unwrap().contains("casebook check --changed-since"));
    assert!(std::fs::read_to_string(root.join("CODEOWNERS")).unwrap().contains("/data/featured.yaml @journal-editors"));
    assert!(std::fs::read_to_string(root.join(".github/pull_request_template.md"))
        .unwrap()
        .contains("沒有客戶的姓名、電話"));
    let o = casebook(&["check", "--root", root.to_str().unwrap()]);
    assert!(o.status.success(), "a new journal passes check: {}", stderr(&o));
    // init refuses to write over a journal.
    let again = casebook(&["init", root.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("already holds a journal"));

    let r = root.to_str().unwrap();
    let o = casebook(&["new", "case", "客戶來電詢問帳單", "--root", r, "--author", "lin-yating"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = root.join("content/cases/客戶來電詢問帳單.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert!(
        text.starts_with(&format!("---\ntitle: 客戶來電詢問帳單\ndate: {today}\nauthors: [lin-yating]\n")),
        "{text}"
    );
    for section in ["## 背景", "## 處理過程", "## 結果", "## 根本原因", "## 經驗教訓"] {
        assert!(text.contains(section), "{section}");
    }
    // new never overwrites.
    std::fs::write(&file, "mine").unwrap();
    let o = casebook(&["new", "case", "客戶來電詢問帳單", "--root", r]);
    assert!(!o.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    std::fs::remove_file(&file).unwrap();

    let o = casebook(&["new", "essay", "Notes: on calm", "--root", r, "--author", "林雅婷"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let essay = std::fs::read_to_string(root.join("content/essays/notes-on-calm.md")).unwrap();
    assert!(essay.contains("title: \"Notes: on calm\"\n"), "{essay}");
    assert!(essay.contains("authors: [lin-yating]"), "{essay}");

    // A critique needs the case it answers.
    let o = casebook(&["new", "response", "點評：耳機退貨", "--root", r, "--author", "lin-yating"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--to"), "{}", stderr(&o));
    let o = casebook(&[
        "new",
        "response",
        "點評：耳機退貨",
        "--root",
        r,
        "--author",
        "lin-yating",
        "--to",
        "客戶要求退回已拆封耳機",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let critique = std::fs::read_to_string(root.join("content/responses/點評-耳機退貨.md")).unwrap();
    assert!(critique.contains("responds_to: 客戶要求退回已拆封耳機\n"), "{critique}");

    let out = tmp.path().join("site");
    let o = build(&root, &out, &["--drafts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("cases/客戶要求退回已拆封耳機/index.html").is_file());
    assert!(read(&out, "cases/客戶要求退回已拆封耳機/index.html").contains("點評（1）"));
    assert!(out.join("essays/notes-on-calm/index.html").is_file());
}

#[test]
fn a_journal_with_no_config_and_no_theme_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    std::fs::create_dir_all(root.join("content/essays")).unwrap();
    std::fs::write(root.join("content/essays/a.md"), "---\ntitle: 只有一篇\ndate: 2026-11-01\n---\n內容\n").unwrap();
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out, "essays/a/index.html").contains("只有一篇"));
    assert!(read(&out, "index.html").contains("<title>案例集</title>"));
}

#[test]
fn help_is_readable() {
    let o = casebook(&["--help"]);
    let help = String::from_utf8_lossy(&o.stdout);
    for cmd in ["build", "init", "new", "--root"] {
        assert!(help.contains(cmd), "{help}");
    }
    let o = casebook(&["new", "--help"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("客戶要求退回已拆封耳機"));
}
