//! Bringing a journal in from elsewhere: old addresses (`aliases:`) that
//! get a page sending readers on and resolve in links, `casebook import`
//! from Hexo, Hugo, Jekyll and GitBook sources built end to end, and
//! `build --keep-going`.

use crate::{build, casebook, fixture, read, stderr};

#[test]
fn old_addresses_get_pages_and_resolve_in_links() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&fixture("aliases"), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "cn/2017/04/tui-huo/index.html");
    let target = "../../../../cases/%E9%80%80%E8%B2%A8%E8%80%B3%E6%A9%9F/";
    assert!(page.contains(&format!("<meta http-equiv=\"refresh\" content=\"0; url={target}\">")), "{page}");
    assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{target}\">")), "{page}");
    assert!(read(&out, "old/page.html").contains("url=../cases/%E9%80%80%E8%B2%A8%E8%80%B3%E6%A9%9F/"));
    assert!(out.join("2016/05/meeting/index.html").is_file());
    let essay = read(&out, "essays/晨會/index.html");
    assert_eq!(essay.matches("href=\"../../cases/%E9%80%80%E8%B2%A8%E8%80%B3%E6%A9%9F/\"").count(), 3, "{essay}");
}

#[test]
fn an_alias_that_is_taken_is_an_error_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let o = build(&fixture("aliases-taken"), &tmp.path().join("site"), &[]);
    assert!(!o.status.success());
    let err = stderr(&o);
    for want in [
        "content/cases/a.md:5:5: error: `/cases/b/` in `aliases` is already the address of content/cases/b.md",
        "content/cases/a.md:6:5: error: `/tags/` in `aliases` is already the address of a page casebook makes",
        "content/cases/a.md:7:5: error: `/../x/` in `aliases` cannot be an old address of this article",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
}

/// Imports `tests/fixtures/import/<kind>` into a new journal and builds it:
/// (temporary folder, journal, site, import's report).
fn imported(kind: &str) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let journal = tmp.path().join("journal");
    let source = fixture("import").join(kind);
    let o = casebook(&["import", source.to_str().unwrap(), journal.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = String::from_utf8_lossy(&o.stdout).into_owned();
    let site = tmp.path().join("site");
    let o = build(&journal, &site, &[]);
    assert!(o.status.success(), "{report}\n{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    (tmp, journal, site, report)
}

#[test]
fn hexo_imports_and_builds() {
    let (_tmp, journal, site, report) = imported("hexo");
    assert!(report.contains("Imported 3 articles from a Hexo source"), "{report}");
    assert!(report.contains("source/_posts/帳單爭議.md:10: `{% youtube abc123 %}`"), "{report}");
    let post = read(&journal, "content/posts/耳機退貨.md");
    assert!(post.starts_with("---\ntitle: \"耳機退貨\"\ndate: 2016-05-01 12:00:00\nauthors: [\"zhang-san\"]\ntags: [\"退貨\", \"售後\", \"耳機\"]\naliases:\n  - \"/2016/05/01/耳機退貨/\"\n---\n"), "{post}");
    assert!(post.contains("![處理流程](flow.png)"), "{post}");
    assert_eq!(read(&journal, "data/authors.yaml"), "zhang-san:\n  name: \"張三\"\n");
    assert!(site.join("posts/flow.png").is_file());
    assert!(read(&site, "2016/05/01/耳機退貨/index.html")
        .contains("url=../../../../posts/%E8%80%B3%E6%A9%9F%E9%80%80%E8%B2%A8/"));
    let bill = read(&site, "posts/帳單爭議/index.html");
    assert!(bill.contains("<a href=\"../../posts/%E8%80%B3%E6%A9%9F%E9%80%80%E8%B2%A8/\">耳機退貨</a>"), "{bill}");
    assert!(site.join("pages/about/index.html").is_file() && site.join("about/index.html").is_file());
}

#[test]
fn hugo_imports_and_builds() {
    let (_tmp, journal, site, report) = imported("hugo");
    assert!(report.contains("content/posts/billing.md:10: `{{< youtube abc123 >}}`"), "{report}");
    let config = read(&journal, "casebook.yaml");
    assert!(
        config.contains("title: \"客服知識庫\"")
            && config.contains("title: \"案例文章\"\n    kind: essay\n    # 售後與帳務的案例"),
        "{config}"
    );
    let refund = read(&journal, "content/posts/refund.md");
    assert!(
        refund.starts_with("---\ntitle: \"退款流程\"\ndate: 2017-04-03T10:00:00+08:00\nupdated: 2017-04-05\n"),
        "{refund}"
    );
    assert!(refund.contains("aliases:\n  - \"/old/refund.html\"\n  - \"/cn/2017/04/refund/\"\n"), "{refund}");
    assert!(refund.contains("![退款流程](flow.png)"), "{refund}");
    assert!(read(&journal, "content/posts/billing.md").contains("summary: \"客戶看不懂帳單\""));
    let billing = read(&site, "posts/billing/index.html");
    assert_eq!(billing.matches("href=\"../../posts/refund/\"").count(), 4, "{billing}");
    assert!(read(&journal, "content/posts/billing.md").contains("[舊連結](/cn/2017/04/refund/)"));
    assert!(read(&site, "old/refund.html").contains("url=../posts/refund/"));
    assert!(site.join("cn/2017/04/refund/index.html").is_file());
    assert!(site.join("posts/flow.png").is_file());
}

#[test]
fn jekyll_imports_and_builds() {
    let (_tmp, journal, site, _) = imported("jekyll");
    let welcome = read(&journal, "content/posts/welcome.md");
    assert!(welcome.starts_with("---\ntitle: \"第一週\"\ndate: 2016-05-01T12:00:00+08:00\nauthors: [\"wang-wu\"]\ntags: [\"退貨\", \"耳機\", \"售後\"]\naliases:\n  - \"/售後/2016/05/01/welcome/\"\n"), "{welcome}");
    let second = read(&site, "posts/second/index.html");
    assert_eq!(second.matches("href=\"../../posts/welcome/\"").count(), 2, "{second}");
    assert!(site.join("售後/2016/05/01/welcome/index.html").is_file());
    assert!(site.join("about.html").is_file());
}

#[test]
fn gitbook_imports_and_builds() {
    let (_tmp, journal, site, report) = imported("gitbook");
    assert!(report.contains("raw <img> 1, {% hint %} 1"), "{report}");
    let page = read(&journal, "content/book/chapter1/退貨.md");
    assert!(page.starts_with("---\ntitle: \"退貨\"\ndate: "), "{page}");
    assert!(page.contains("series: \"客服手冊\"\nseries_order: 3\n"), "{page}");
    assert!(
        page.ends_with("---\n> [!NOTE]\n> 七天內可退。\n\n![流程](x.png)\n\n回到[第一章](README.md)。\n"),
        "{page}"
    );
    assert!(read(&site, "book/chapter1/退貨/index.html").contains("src=\"../../../book/chapter1/x.png\""));
    assert!(site.join("book/chapter1/x.png").is_file());
    assert!(site.join("chapter1/退貨.html").is_file());
}

#[test]
fn importing_again_is_safe() {
    let (tmp, journal, _, _) = imported("jekyll");
    let source = fixture("import/jekyll");
    let again = |extra: &[&str]| {
        let mut args = vec!["import", source.to_str().unwrap(), journal.to_str().unwrap()];
        args.extend_from_slice(extra);
        casebook(&args)
    };
    assert!(again(&[]).status.success(), "the same files again are no change");
    std::fs::write(journal.join("content/posts/welcome.md"), "edited by hand\n").unwrap();
    let o = again(&[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("content/posts/welcome.md"), "{}", stderr(&o));
    assert_eq!(read(&journal, "content/posts/welcome.md"), "edited by hand\n");
    assert!(again(&["--force", "--from", "jekyll"]).status.success());
    assert!(read(&journal, "content/posts/welcome.md").contains("第一週的案例"));
    drop(tmp);
}

#[test]
fn keep_going_writes_the_valid_articles_and_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let strict = build(&fixture("keep-going"), &site, &[]);
    assert!(!strict.status.success() && !site.exists(), "the default stays strict");
    let o = build(&fixture("keep-going"), &site, &["--keep-going"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    for want in [
        "content/cases/壞日期.md:3:7: error: `date` must look like 2026-11-22",
        "content/cases/壞連結.md:5:2: error: broken link",
        "content/cases/壞連結.md: error: this file was left out of the site (build --keep-going) because of its 1 error",
        "2 files with errors were left out of the site:\n  content/cases/壞日期.md\n  content/cases/壞連結.md\n",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    assert!(site.join("cases/好的/index.html").is_file());
    assert!(!site.join("cases/壞連結").exists() && !site.join("cases/壞日期").exists());
}

#[test]
fn keep_going_leaves_out_only_the_files_with_their_own_errors() {
    // 甲 has an error; 乙 links to it every way a link can (file, address,
    // old address, heading, attachment, wiki link); 丙 links to 乙.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let o = build(&fixture("keep-going-cascade"), &site, &["--keep-going"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("1 file with errors was left out of the site:\n  content/cases/甲/index.md\n"), "{err}");
    let left_out = "leads to content/cases/甲/index.md, which was left out of this build because of its own errors";
    for (col, written) in [(2, "甲/index.md"), (18, "/cases/甲/"), (35, "/old/jia/"), (51, "甲/index.md"), (71, "甲")]
    {
        let want = format!("content/cases/乙.md:5:{col}: warning: link left out: `{written}` {left_out}");
        assert!(err.contains(&want), "{want}\n{err}");
    }
    // The drawing is left out with the article it belongs to.
    let image = format!("content/cases/乙.md:7:1: warning: link left out: `甲/圖.png` {left_out}");
    assert!(err.contains(&image), "{err}");
    assert_eq!(err.matches(": error: ").count(), 2, "{err}");
    assert!(site.join("cases/乙/index.html").is_file() && site.join("cases/丙/index.html").is_file());
    assert!(!site.join("cases/甲").exists() && !site.join("old/jia").exists());
}

#[test]
fn keep_going_still_stops_on_settings_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let journal = tmp.path().join("journal");
    crate::copy_dir(&fixture("keep-going"), &journal);
    std::fs::write(journal.join("casebook.yaml"), "paginate: many\n").unwrap();
    let o = build(&journal, &tmp.path().join("site"), &["--keep-going"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("Nothing was written"), "{}", stderr(&o));
}

#[test]
fn a_repeated_heading_is_numbered_as_other_tools_number_it() {
    // GitHub, Hugo, Zola and Hexo give the second `## 步驟` the id 步驟-1.
    let tmp = tempfile::tempdir().unwrap();
    let journal = tmp.path().join("journal");
    let files = [
        ("casebook.yaml", "title: 標題\n"),
        ("content/cases/a.md", "---\ntitle: 甲\ndate: 2026-11-01\n---\n## 步驟\n\n一\n\n## 步驟\n\n二\n\n## 步驟\n"),
        (
            "content/cases/b.md",
            "---\ntitle: 乙\ndate: 2026-11-02\n---\n見[第二個](a.md#步驟-1)與[第三個](a.md#步驟-2)。\n",
        ),
    ];
    for (rel, text) in files {
        std::fs::create_dir_all(journal.join(rel).parent().unwrap()).unwrap();
        std::fs::write(journal.join(rel), text).unwrap();
    }
    let site = tmp.path().join("site");
    let o = build(&journal, &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let a = read(&site, "cases/a/index.html");
    assert!(a.contains("<h2 id=\"步驟-1\">") && a.contains("<h2 id=\"步驟-2\">"), "{a}");
    let b = read(&site, "cases/b/index.html");
    assert!(
        b.contains("../../cases/a/#%E6%AD%A5%E9%A9%9F-1") && b.contains("../../cases/a/#%E6%AD%A5%E9%A9%9F-2"),
        "{b}"
    );
}

#[test]
fn blogdown_r_markdown_json_front_matter_and_bundles_import_and_build() {
    let (_tmp, journal, site, report) = imported("blogdown");
    assert!(report.contains("Imported 4 articles from a Hugo source"), "{report}");
    assert!(report.contains("R Markdown imported as Markdown (code chunks are shown, not run) 1"), "{report}");
    assert!(report.contains("Files left out: HTML rendered from R Markdown (its source was imported) 1, R Markdown beside the Markdown rendered from it (that was imported) 1"), "{report}");
    assert!(report.contains("content/about.html:1: a page written in HTML, not imported"), "{report}");
    // R Markdown: the body as written, the address with Hugo's :monthname.
    let ani = read(&journal, "content/post/2017-04-04-ani.md");
    assert!(
        ani.contains("aliases:\n  - \"/2017/april/ani/\"\n---\n\n動畫的選項。\n\n```{r demo, eval=FALSE}\n"),
        "{ani}"
    );
    // The rendered .markdown, not its .Rmarkdown, with the figure it made.
    assert!(read(&journal, "content/post/plots.md").contains("```r\nplot(1:10)\n```"));
    assert!(site.join("post/unnamed-chunk-1-1.png").is_file());
    // JSON front matter.
    let json = read(&journal, "content/post/json.md");
    assert!(
        json.starts_with("---\ntitle: \"JSON 寫的文章\"\ndate: 2017-06-01\nsummary: \"前置資料是 JSON\"\n"),
        "{json}"
    );
    let page = read(&site, "post/json/index.html");
    assert!(page.contains("href=\"../../post/ani/\""), "{page}");
    // A page bundle keeps its files beside it; its links to old addresses resolve.
    assert!(site.join("post/bundle/chart.png").is_file());
    let bundle = read(&site, "post/bundle/index.html");
    assert!(bundle.contains("href=\"../../post/plots/\"") && bundle.contains("href=\"../../post/json/\""), "{bundle}");
}

#[test]
fn a_folder_of_notes_imports_and_builds() {
    let (_tmp, journal, site, report) = imported("markdown");
    assert!(report.contains("Imported 2 articles from a Markdown source"), "{report}");
    // No front matter: the heading is the title (and leaves the body).
    let note = read(&journal, "content/notes/退貨/耳機.md");
    assert!(note.starts_with("---\ntitle: \"耳機退貨\"\ndate: "), "{note}");
    assert!(note.ends_with("---\n客戶要求退回已拆封的耳機。\n\n見[帳單說明](../帳務/帳單.md#付款方式)。\n"), "{note}");
    assert!(read(&journal, "content/notes/帳務/帳單.md").contains("tags: [\"帳務\", \"帳單\"]"));
    assert!(site.join("notes/帳務/樣本.png").is_file());
    let page = read(&site, "notes/退貨/耳機/index.html");
    let link = "href=\"../../../notes/%E5%B8%B3%E5%8B%99/%E5%B8%B3%E5%96%AE/#%E4%BB%98%E6%AC%BE%E6%96%B9%E5%BC%8F\"";
    assert!(page.contains(link), "{page}");
    // Folders starting with `.` or `_` are left out.
    assert!(!journal.join("content/notes/_草稿").exists() && !journal.join("content/notes/.obsidian").exists());
}

#[test]
fn dates_from_git_follow_renames_for_many_pages() {
    // More than 20 pages without a date: the history is read in one pass.
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("notes");
    std::fs::create_dir_all(&source).unwrap();
    let git = |args: &[&str], date: &str| {
        let o = std::process::Command::new("git")
            .arg("-C")
            .arg(&source)
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "a")
            .env("GIT_AUTHOR_EMAIL", "a@example.org")
            .env("GIT_COMMITTER_NAME", "a")
            .env("GIT_COMMITTER_EMAIL", "a@example.org")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    git(&["init", "-q"], "2020-01-01T10:00:00+08:00");
    for n in 0..25 {
        std::fs::write(source.join(format!("第{n}篇.md")), format!("# 第 {n} 篇\n\n內容 {n} 很長的一段文字。\n"))
            .unwrap();
    }
    git(&["add", "."], "2020-01-01T10:00:00+08:00");
    git(&["commit", "-q", "-m", "one"], "2020-01-02T10:00:00+08:00");
    git(&["mv", "第0篇.md", "第99篇.md"], "2021-05-05T10:00:00+08:00");
    git(&["commit", "-q", "-m", "two"], "2021-05-05T10:00:00+08:00");
    std::fs::write(source.join("新的.md"), "# 新的\n").unwrap();
    git(&["add", "."], "2022-03-03T10:00:00+08:00");
    git(&["commit", "-q", "-m", "three"], "2022-03-03T10:00:00+08:00");
    let journal = tmp.path().join("journal");
    let o = casebook(&["import", source.to_str().unwrap(), journal.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Nothing needs a person."));
    for (file, date) in [("第24篇.md", "2020-01-02"), ("第99篇.md", "2020-01-02"), ("新的.md", "2022-03-03")] {
        let text = read(&journal, &format!("content/notes/{file}"));
        assert!(text.contains(&format!("date: {date}T10:00:00+08:00\n")), "{file}: {text}");
    }
}

/// `casebook import SOURCE JOURNAL extra…` with no `CASEBOOK_LANG`, so the
/// report speaks the source's language unless `--lang` says otherwise.
fn import_unset(source: &std::path::Path, journal: &std::path::Path, extra: &[&str]) -> std::process::Output {
    crate::casebook_command()
        .env_remove("CASEBOOK_LANG")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .arg("import")
        .arg(source)
        .arg(journal)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn a_hexo_blog_in_simplified_chinese_becomes_a_simplified_journal() {
    // The fixture's _config.yml says `language: zh-CN`.
    let tmp = tempfile::tempdir().unwrap();
    let (source, journal) = (fixture("import/hexo"), tmp.path().join("journal"));
    let o = import_unset(&source, &journal, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(report.contains("已从 Hexo 源导入 3 篇文章到") && report.contains("构建网站："), "{report}");
    assert!(report.contains("已转成 Markdown："), "{report}");
    let config = read(&journal, "casebook.yaml");
    assert!(config.contains("title: \"客服部落格\"\nlanguage: zh-Hans\n"), "{config}");
    // The sections the import names itself are named in Simplified too.
    assert!(config.contains("title: \"页面\"") && !config.contains("頁面"), "{config}");
    let site = tmp.path().join("site");
    let b = build(&journal, &site, &[]);
    assert!(b.status.success(), "{}", stderr(&b));
    let page = read(&site, "index.html");
    assert!(page.contains("lang=\"zh-Hans\"") && page.contains("搜索") && !page.contains("搜尋"), "{page}");
    // --lang (or CASEBOOK_LANG) still chooses the report's language.
    let o = import_unset(&source, &tmp.path().join("again"), &["--lang", "zh-Hant"]);
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(report.contains("已從 Hexo 來源匯入 3 篇文章到"), "{report}");
    assert!(read(&tmp.path().join("again"), "casebook.yaml").contains("language: zh-Hans\n"));
}

/// Files of a source: (path, text).
type Files<'a> = &'a [(&'a str, &'a str)];

#[test]
fn each_kind_of_source_names_the_journals_language() {
    let tmp = tempfile::tempdir().unwrap();
    let post = "---\ntitle: 甲\ndate: 2016-05-01\n---\n內容\n";
    // (--from, the source's files, the language casebook.yaml gets)
    let sources: [(&str, Files, Option<&str>); 7] = [
        ("hexo", &[("_config.yml", "language:\n  - zh-TW\n  - en\n"), ("source/_posts/a.md", post)], Some("zh-Hant")),
        ("hugo", &[("config.toml", "defaultContentLanguage = \"en\"\n"), ("content/posts/a.md", post)], Some("en")),
        (
            "hugo",
            &[
                ("config.toml", "title = \"甲\"\n"),
                ("config/_default/hugo.toml", "languageCode = \"zh-cn\"\n"),
                ("content/posts/a.md", post),
            ],
            Some("zh-Hans"),
        ),
        ("jekyll", &[("_config.yml", "locale: zh_CN\n"), ("_posts/2016-05-01-a.md", post)], Some("zh-Hans")),
        ("jekyll", &[("_config.yml", "lang: fr\n"), ("_posts/2016-05-01-a.md", post)], None),
        (
            "gitbook",
            &[("book.json", "{\"language\": \"en\"}"), ("SUMMARY.md", "* [甲](a.md)\n"), ("a.md", "# 甲\n")],
            Some("en"),
        ),
        ("gitbook", &[("SUMMARY.md", "* [甲](a.md)\n"), ("a.md", "# 甲\n")], None),
    ];
    for (n, (from, files, want)) in sources.iter().enumerate() {
        let source = tmp.path().join(format!("source{n}"));
        for (rel, text) in *files {
            std::fs::create_dir_all(source.join(rel).parent().unwrap()).unwrap();
            std::fs::write(source.join(rel), text).unwrap();
        }
        let journal = tmp.path().join(format!("journal{n}"));
        let o = casebook(&["import", "--from", from, source.to_str().unwrap(), journal.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let config = read(&journal, "casebook.yaml");
        match want {
            Some(code) => assert!(config.contains(&format!("\nlanguage: {code}\n")), "{n} {from}: {config}"),
            None => assert!(!config.contains("language:"), "{n} {from}: {config}"),
        }
    }
}

#[test]
fn the_reports_labels_and_the_refusals_speak_every_language() {
    let tmp = tempfile::tempdir().unwrap();
    let source = fixture("import/blogdown");
    for (lang, converted, left_out) in [
        (
            "zh-Hant",
            "已轉成 Markdown：R Markdown 當成 Markdown 匯入（程式碼區塊只顯示、不執行） 1",
            "略過的檔案：由 R Markdown 產生的 HTML（已匯入它的原始檔） 1, 旁邊有它產生的 Markdown 的 R Markdown（匯入的是那個 Markdown） 1",
        ),
        (
            "zh-Hans",
            "已转成 Markdown：R Markdown 当成 Markdown 导入（代码块只显示、不运行） 1",
            "跳过的文件：由 R Markdown 生成的 HTML（已导入它的源文件） 1, 旁边有它生成的 Markdown 的 R Markdown（导入的是那个 Markdown） 1",
        ),
    ] {
        let o = import_unset(&source, &tmp.path().join(lang), &["--lang", lang]);
        let report = String::from_utf8_lossy(&o.stdout);
        assert!(report.contains(converted) && report.contains(left_out), "{report}");
    }
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    for (lang, want) in
        [("zh-Hant", "是檔案，不是資料夾"), ("zh-Hans", "是文件，不是文件夹"), ("en", "is a file, not a folder")]
    {
        let o = import_unset(&source, &file, &["--lang", lang]);
        assert!(!o.status.success() && stderr(&o).contains(want), "{}", stderr(&o));
    }
}
