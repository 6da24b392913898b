//! Markdown and links written for other tools, read as their writer meant
//! (tests/fixtures/markdown_forgiving): mail autolinks, links to the site's
//! own pages, raw HTML addresses, `#` headings in the table of contents,
//! GitHub alerts, math shown as written, unclosed code fences, and what a
//! broken link suggests.

use crate::*;

/// Every diagnostic of the fixture, in the order `build` prints them.
const DIAGNOSTICS: [&str; 6] = [
    "content/cases/換貨.md:23:5: warning: math between $ signs is shown as written: casebook does not typeset formulas (said once per build, at the first place math appears); to show it as code, put it between backticks",
    "content/essays/壞連結.md:6:2: warning: broken link: content/cases/換貨.md has no heading `#refund`; the closest of its headings are: 例外, 步驟一, 步驟三, 步驟二, 步驟五 (and 3 more)",
    "content/essays/壞連結.md:8:11: warning: broken link: `../images/圖表.png` leads to content/images/圖表.png, which does not exist; did you mean content/images/a.png?",
    "content/essays/壞連結.md:10:10: warning: broken link: `../cases/不存在.md` leads to content/cases/不存在.md, which does not exist",
    "content/essays/壞連結.md:10:37: warning: broken link: `/cases/退貨流成/` leads to content/cases/退貨流成/, which does not exist; did you mean content/cases/退貨流程.md?",
    "content/essays/壞連結.md:14:1: warning: this code block opened with ``` is never closed, so everything after it shows as code; put a line with ``` where the code ends",
];

fn diagnostics(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.contains(": warning: ") || l.contains(": error: ")).collect()
}

#[test]
fn diagnostics_are_exact_and_math_is_said_once() {
    let (_tmp, _out, err) = built("markdown_forgiving", &[]);
    assert_eq!(diagnostics(&err), DIAGNOSTICS, "{err}");
}

#[test]
fn kinds_of_the_new_diagnostics() {
    let root = fixture("markdown_forgiving");
    let o = casebook(&["check", "--root", root.to_str().unwrap(), "--format", "json"]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned() + &stderr(&o);
    let kinds: Vec<(String, u64)> = out
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["kind"].as_str().is_some_and(|k| k.starts_with("markdown/") || k.starts_with("link/")))
        .map(|v| (v["kind"].as_str().unwrap_or_default().to_string(), v["line"].as_u64().unwrap_or_default()))
        .collect();
    let want = [
        ("markdown/math-as-written", 23),
        ("link/broken-anchor", 6),
        ("link/broken", 8),
        ("link/broken", 10),
        ("link/broken", 10),
        ("markdown/unclosed-code-fence", 14),
    ];
    let want: Vec<(String, u64)> = want.iter().map(|(k, l)| (k.to_string(), *l)).collect();
    assert_eq!(kinds, want, "{out}");
}

#[test]
fn links_to_mail_and_to_the_sites_own_pages_are_relative_links() {
    let (_tmp, out, _) = built("markdown_forgiving", &[]);
    let page = read(&out, "cases/退貨流程/index.html");
    for want in [
        "<a href=\"mailto:a@b.com\">a@b.com</a>",
        "<a href=\"../../\">首頁</a>",
        "<a href=\"../../tags/\">所有標籤</a>",
        "<a href=\"../../tags/%E9%80%80%E8%B2%A8/\">退貨標籤</a>",
        "<a href=\"../../search/?q=%E9%80%80%E8%B2%A8\">搜尋</a>",
        "<a href=\"../../browse/\">篩選</a>",
        "<a href=\"../../series/\">系列</a>",
        "<a href=\"../../authors/\">作者</a>",
        "<a href=\"../../featured/\">精選</a>",
        "<a href=\"../../cases/\">案例</a>",
    ] {
        assert!(page.contains(want), "missing {want}\n{page}");
    }
    for target in ["tags/index.html", "tags/退貨/index.html", "search/index.html", "cases/index.html"] {
        assert!(out.join(target).is_file(), "{target}");
    }
}

#[test]
fn raw_html_addresses_are_rewritten_like_links() {
    let (_tmp, out, _) = built("markdown_forgiving", &[]);
    let page = read(&out, "cases/退貨流程/index.html");
    assert!(page.contains("<img src=\"../../images/%E6%B5%81%E7%A8%8B.png\" alt=\"流程圖\">"), "{page}");
    assert!(
        page.contains("<a href=\"../../cases/%E6%8F%9B%E8%B2%A8/#%E6%AD%A5%E9%A9%9F%E4%B8%89\">換貨</a>"),
        "{page}"
    );
    assert!(out.join("images/流程.png").is_file());
    // The raw link counts as a link: 換貨 lists 退貨流程 among its backlinks.
    let target = read(&out, "cases/換貨/index.html");
    let backlinks = &target[target.find("class=\"backlinks\"").expect("a backlinks section")..];
    assert!(backlinks.contains("%E9%80%80%E8%B2%A8%E6%B5%81%E7%A8%8B/\">退貨流程</a></li>"), "{target}");
}

#[test]
fn hash_headings_are_in_the_toc_unless_they_repeat_the_title() {
    let (_tmp, out, _) = built("markdown_forgiving", &[]);
    let page = read(&out, "cases/退貨流程/index.html");
    assert!(
        page.contains("<ul><li class=\"toc-h2\"><a href=\"#%E8%83%8C%E6%99%AF\">背景</a></li><li class=\"toc-h1\"><a href=\"#%E9%99%84%E9%8C%84\">附錄</a></li></ul>"),
        "{page}"
    );
}

#[test]
fn alerts_are_admonitions_and_math_stays_as_written() {
    let (_tmp, out, _) = built("markdown_forgiving", &[]);
    let page = read(&out, "cases/退貨流程/index.html");
    for want in [
        "<div class=\"admonition note\">\n<p class=\"admonition-title\">注意</p>\n<p>先確認訂單編號。</p>\n</div>",
        "<div class=\"admonition warning\">\n<p class=\"admonition-title\">警告</p>\n<p>拆封的耳機不能退。</p>\n</div>",
        "<blockquote>\n<p>這是一般的引用。</p>\n</blockquote>",
    ] {
        assert!(page.contains(want), "missing {want}\n{page}");
    }
    assert!(read(&out, "style.css").contains(".admonition.warning"));
    let math = read(&out, "cases/換貨/index.html");
    assert!(math.contains("<p>面積是 $a_1 * b_2$，不是 NT$ 2,680。</p>"), "{math}");
    assert!(math.contains("$$\nx^2 + y^2\n$$"), "{math}");
}
