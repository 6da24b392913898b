//! The interface in the journal's language (issue 16): the fixture
//! journals `interface-zh-hant`, `interface-zh-hans` and `interface-en`
//! built end to end, every kind of page checked for its words, the
//! journal's own words (`strings:`, `i18n/en.yaml`), and the forge's word
//! for a pull request.

use std::path::{Path, PathBuf};

use crate::*;

fn built(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&fixture(name), &out, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "{name} builds without a problem");
    (tmp, out)
}

/// Asserts that each of `words` is in the page at `rel`.
fn has(out: &Path, rel: &str, words: &[&str]) {
    let page = read(out, rel);
    for w in words {
        assert!(page.contains(w), "{rel} lacks {w:?}:\n{page}");
    }
}

/// Asserts that none of `words` is in any page.
fn nowhere(out: &Path, words: &[&str]) {
    for (path, bytes) in tree(out) {
        if !path.ends_with(".html") {
            continue;
        }
        let page = String::from_utf8_lossy(&bytes);
        for w in words {
            assert!(!page.contains(w), "{path} has {w:?}");
        }
    }
}

#[test]
fn traditional_interface() {
    let (_tmp, out) = built("interface-zh-hant");
    has(
        &out,
        "index.html",
        &[
            "<html lang=\"zh-TW\"",
            "跳到內容",
            "aria-label=\"主選單\"",
            "placeholder=\"搜尋案例…\"",
            "共 4 篇：<a href=\"./cases/\">案例 2 篇</a>、<a href=\"./essays/\">心得 1 篇</a>、點評 1 篇</p>",
            ">最新文章<",
            "· <span class=\"nw\">約 1 分鐘</span>",
            "1 則點評",
            "瀏覽：",
            "data-none=\"沒有找到符合「{q}」的文章\"",
        ],
    );
    has(
        &out,
        "cases/退貨耳機/index.html",
        &[
            "<time datetime=\"2026-10-03T00:00:00+08:00\">2026-10-03</time>",
            "· <span class=\"nw\">更新於 <time",
            "· <span class=\"nw\">約 1 分鐘讀完</span>",
            "<span class=\"team\">（電話客服一組）</span>",
            "（1 / 2）",
            "aria-label=\"案例資料\"",
            "<dt>渠道</dt><dd><a href=\"../../channel/phone/\">電話</a></dd>",
            "<dt>優先級</dt><dd>高</dd>",
            "<dt>能力維度</dt>",
            ">積極傾聽</a>、",
            "<summary>目錄</summary>",
            "aria-label=\"連結到此標題\"",
            "點評（1）",
            ">相關案例<",
            "<p class=\"why\">標籤：退換貨 · 渠道相同</p>",
            "<span>下一篇 →</span>",
        ],
    );
    has(
        &out,
        "responses/點評耳機/index.html",
        &["點評：回應 <a href=\"../../cases/%E9%80%80%E8%B2%A8%E8%80%B3%E6%A9%9F/\">"],
    );
    has(&out, "tags/index.html", &["<h1>標籤</h1>", "共 2 項", "2 篇"]);
    has(&out, "tags/退換貨/index.html", &["<title>標籤：退換貨 · 介面測試</title>", "共 2 篇", "與其他條件組合篩選 →"]);
    has(&out, "series/每日一案例/index.html", &["共 2 篇，依順序排列"]);
    has(&out, "authors/chen/index.html", &["4 篇：案例 2、心得 1、點評 1"]);
    has(
        &out,
        "browse/index.html",
        &[
            "<h1>篩選文章</h1>",
            "<option value=\"\">全部</option>",
            "<span id=\"facet-count\">3</span> 篇",
            ">清除條件<",
        ],
    );
    has(&out, "search/index.html", &["<title>搜尋 · 介面測試</title>", "<h1>搜尋</h1>", "（2 篇）", ">顯示更多結果<"]);
    has(&out, "featured/index.html", &["還沒有精選。"]);
    has(&out, "404.html", &["<h1>找不到這一頁</h1>", ">回到首頁<"]);
    // Not one Simplified or English interface word.
    nowhere(&out, &["搜索", "标签", "分钟", "About ", "Skip to content"]);
}

#[test]
fn simplified_interface_in_mainland_words() {
    let (_tmp, out) = built("interface-zh-hans");
    has(
        &out,
        "index.html",
        &[
            "<html lang=\"zh-CN\"",
            "跳到内容",
            "aria-label=\"主菜单\"",
            "placeholder=\"搜索案例…\"",
            "aria-label=\"搜索\"",
            "<a href=\"./tags/\">标签</a>",
            ">精选<",
            ">筛选<",
            "共 4 篇：<a href=\"./cases/\">案例 2 篇</a>、<a href=\"./essays/\">心得 1 篇</a>、点评 1 篇</p>",
            "· <span class=\"nw\">约 1 分钟</span>",
            "1 条点评",
            "浏览：",
            "订阅 Atom",
            "data-none=\"没有找到符合“{q}”的文章\"",
        ],
    );
    has(
        &out,
        "cases/退货耳机/index.html",
        &[
            "· <span class=\"nw\">更新于 <time",
            "· <span class=\"nw\">约 1 分钟读完</span>",
            "aria-label=\"案例资料\"",
            "<dt>渠道</dt><dd><a href=\"../../channel/phone/\">电话</a></dd>",
            "<dt>优先级</dt><dd>高</dd>",
            "<dt>结果</dt><dd><a href=\"../../outcome/resolved/\">已解决</a></dd>",
            "<dt>能力维度</dt>",
            ">积极倾听</a>、",
            "<summary>目录</summary>",
            "aria-label=\"链接到此标题\"",
            "aria-label=\"系列导航\"",
            "点评（1）",
            ">相关案例<",
            "<p class=\"why\">标签：退换货 · 渠道相同</p>",
        ],
    );
    has(&out, "tags/index.html", &["<h1>标签</h1>", "共 2 项"]);
    has(&out, "series/每日一案例/index.html", &["共 2 篇，按顺序排列"]);
    has(&out, "browse/index.html", &["<h1>筛选文章</h1>", "“渠道：电话”", ">清除条件<"]);
    has(&out, "search/index.html", &["<h1>搜索</h1>", "输入关键词", ">显示更多结果<", ">全部标签<"]);
    has(&out, "featured/index.html", &["还没有精选。"]);
    has(&out, "404.html", &["<h1>找不到这个页面</h1>", ">返回首页<"]);
    // No Traditional interface word is left, and none converted character by character.
    nowhere(&out, &["搜尋", "瀏覽", "標籤", "分鐘", "點評", "搜寻", "浏览：标", "帐户"]);
}

#[test]
fn english_interface_with_counts_plurals_and_dates() {
    let (_tmp, out) = built("interface-en");
    has(&out, "index.html", &[
        "<html lang=\"en-GB\"",
        "Skip to content",
        "aria-label=\"Main menu\"",
        "placeholder=\"Search cases…\"",
        "<p class=\"counts\">4 articles: <a href=\"./cases/\">Cases (2)</a>, <a href=\"./essays/\">Essays (1)</a>, Responses (1)</p>",
        "<time datetime=\"2026-10-07T00:00:00+08:00\">7 Oct 2026</time>",
        "· <span class=\"nw\">1 min read</span>",
        ">1 response</a>",
        "Browse: ",
        "Subscribe (Atom)",
        "data-found=\"{n} articles found\" data-found-one=\"1 article found\"",
    ]);
    has(
        &out,
        "cases/headphones/index.html",
        &[
            "· <span class=\"nw\">updated <time datetime=\"2026-11-02T00:00:00+08:00\">2 Nov 2026</time>",
            "· <span class=\"nw\">About 1 min read</span>",
            "<span class=\"team\"> (Phone team 1)</span>",
            "Series <a href=\"../../series/case-of-the-day/\">Case of the day</a> (1 of 2)",
            "aria-label=\"Case details\"",
            "<dt>Channel</dt><dd><a href=\"../../channel/phone/\">Phone</a></dd>",
            "<dt>Priority</dt><dd>High</dd>",
            "<dt>Outcome</dt><dd><a href=\"../../outcome/resolved/\">Resolved</a></dd>",
            "<dt>Competencies</dt>",
            ">Active listening</a>, <a",
            ">Patience</a>",
            "<summary>Contents</summary>",
            "aria-label=\"Link to this heading\"",
            "Responses (1)",
            ">Related cases<",
            "<p class=\"why\">Tags: returns · Same channel</p>",
        ],
    );
    has(&out, "responses/on-headphones/index.html", &["Response to <a href=\"../../cases/headphones/\">"]);
    has(&out, "tags/index.html", &["<h1>Tags</h1>", "2 entries", ">2 articles<", ">1 article<"]);
    has(
        &out,
        "tags/billing/index.html",
        &["<title>Tags: billing · Interface test</title>", "<p class=\"meta\">1 article</p>"],
    );
    has(&out, "series/case-of-the-day/index.html", &["2 articles, in order"]);
    has(&out, "authors/chen/index.html", &["4 articles: 2 cases, 1 essay, 1 response"]);
    has(
        &out,
        "browse/index.html",
        &["<h1>Filter articles</h1>", "<option value=\"\">All</option>", "Shown: <span id=\"facet-count\">3</span>"],
    );
    has(
        &out,
        "search/index.html",
        &["<title>Search · Interface test</title>", "Cases</a> (2 articles)</li>", ">Show more results<"],
    );
    has(&out, "featured/index.html", &["No picks yet."]);
    has(&out, "404.html", &["<h1>Page not found</h1>", ">Back to the home page<"]);
    nowhere(&out, &["篇", "搜尋", "分鐘", "瀏覽", "、<a"]);
}

#[test]
fn a_journal_words_its_interface_its_own_way() {
    let (_tmp, out) = built("interface-en");
    // casebook.yaml's `strings:` wins over i18n/en.yaml, which wins over the built-in words.
    has(&out, "index.html", &[">Newest first<", ">Tags people use most<"]);
    nowhere(&out, &["Never shown", ">Latest articles<", ">Popular tags<"]);
    // An unknown key is a warning that names the closest one.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("interface-en"), &root);
    std::fs::write(root.join("i18n/en.yaml"), "popular_tag: Most used\n").unwrap();
    let o = build(&root, &tmp.path().join("site"), &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("i18n/en.yaml:1:1: warning: unknown setting `popular_tag`; did you mean `popular_tags`?"),
        "{}",
        stderr(&o)
    );
    // Labels follow `strings:` too; `labels:` wins.
    let yaml = std::fs::read_to_string(root.join("casebook.yaml")).unwrap();
    std::fs::write(root.join("casebook.yaml"), format!("{yaml}  phone: Telephone\nlabels:\n  resolved: Solved\n"))
        .unwrap();
    let site = tmp.path().join("site2");
    let o = build(&root, &site, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    has(&site, "cases/headphones/index.html", &[">Telephone</a>", ">Solved</a>"]);
}

#[test]
fn a_theme_asking_for_a_word_that_does_not_exist_is_told_where() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("interface-en"), &root);
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/404.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ t(k=\"not_found\") }}</p>\n<p>{{ t(k=\"no_such_word\") }}</p>\n{% endblock content %}\n",
    )
    .unwrap();
    let o = build(&root, &tmp.path().join("site"), &["-q"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).starts_with("templates/404.html:4:12: error: the template failed while making a page: Function call 't' failed; there is no word `no_such_word` for t()"),
        "{}",
        stderr(&o)
    );
}
