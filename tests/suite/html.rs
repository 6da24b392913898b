//! Raw HTML and link addresses (tests/fixtures/html): what runs script is
//! removed from every output file and named at its line; article markup
//! stays; `markdown: { raw_html: allow }` publishes HTML as written.

use std::path::Path;

use crate::*;

/// The warnings of the fixture, in the order `build` and `check` print them.
const REMOVED: [&str; 14] = [
    "content/cases/引用.md:9:24: warning: the `onmouseover` attribute of `<b>` was removed: raw HTML that runs script is not published",
    "content/cases/攻擊/index.md:11:1: warning: `<script>` was removed with its content: raw HTML that runs script, embeds another page or restyles the site is not published; to show such code, put it in a code block (```html)",
    "content/cases/攻擊/index.md:13:4: warning: the `onerror` attribute of `<img>` was removed: raw HTML that runs script is not published",
    "content/cases/攻擊/index.md:13:47: warning: `<svg>` was removed with its content: raw HTML that runs script, embeds another page or restyles the site is not published; to show such code, put it in a code block (```html)",
    "content/cases/攻擊/index.md:15:1: warning: `<iframe>` was removed with its content: raw HTML that runs script, embeds another page or restyles the site is not published; to show such code, put it in a code block (```html)",
    "content/cases/攻擊/index.md:17:1: warning: the address `javascript:alert('XSS-MD')` was removed from this link: only relative, http(s) and mailto: addresses (and data:image/... for images) are published",
    "content/cases/攻擊/index.md:17:36: warning: the address `javascript:alert('XSS-A')` of `<a href>` was removed: only relative, http(s) and mailto: addresses (and data:image/... for images) are published",
    "content/cases/攻擊/index.md:19:1: warning: the address `JaVaScRiPt:alert('XSS-CASE')` of `<a href>` was removed: only relative, http(s) and mailto: addresses (and data:image/... for images) are published",
    "content/cases/攻擊/index.md:19:55: warning: the address ` jav ascript:alert('XSS-TAB')` of `<a href>` was removed: only relative, http(s) and mailto: addresses (and data:image/... for images) are published",
    "content/cases/攻擊/index.md:19:110: warning: the address `javascript:alert('XSS-HEX')` was removed from this link: only relative, http(s) and mailto: addresses (and data:image/... for images) are published",
    "content/cases/攻擊/index.md:21:1: warning: the address `data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTLURBVEEnKTwvc…` was removed from this link: only relative, http(s) and mailto: addresses (and data:image/... for images) are published",
    "content/cases/攻擊/index.md:21:80: warning: the address `vbscript:msgbox('XSS-VB')` of `<a href>` was removed: only relative, http(s) and mailto: addresses (and data:image/... for images) are published",
    "content/responses/點評.md:10:1: warning: `<script>` was removed with its content: raw HTML that runs script, embeds another page or restyles the site is not published; to show such code, put it in a code block (```html)",
    "content/responses/點評.md:12:1: warning: the `onerror` attribute of `<img>` was removed: raw HTML that runs script is not published",
];

fn removed_lines(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.contains(" was removed")).collect()
}

fn built(root: &Path) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, out, stderr(&o))
}

/// The start tags of `html` (text between `<` and `>`; escaped text has none).
fn start_tags(html: &str) -> Vec<String> {
    html.split('<').skip(1).filter_map(|t| t.split('>').next()).map(|t| t.to_ascii_lowercase()).collect()
}

/// A tag's text with its quoted attribute values left out.
fn without_quoted(tag: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    for c in tag.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None => out.push(c),
        }
    }
    out
}

/// The HTML carried as text inside the feed's `<content type="html">`.
fn feed_contents(xml: &str) -> Vec<String> {
    xml.split("<content type=\"html\">")
        .skip(1)
        .filter_map(|c| c.split("</content>").next())
        .map(|c| {
            c.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

/// Every way the fixture's attacks could still run: a script element that
/// calls `alert` (the theme's own scripts do not), an event attribute, a
/// frame, a script address.
fn dangers(html: &str) -> Vec<String> {
    let mut found: Vec<String> = start_tags(html)
        .into_iter()
        .filter(|t| {
            let event = without_quoted(t).split_whitespace().skip(1).any(|a| a.starts_with("on") && a.contains('='));
            let embed = ["iframe", "svg", "object", "embed"].iter().any(|e| t.starts_with(e));
            let address = ["javascript:", "vbscript:", "data:text", "srcdoc"].iter().any(|a| t.contains(a));
            event || embed || address
        })
        .collect();
    for script in html.split("<script").skip(1) {
        let body = script.split("</script>").next().unwrap_or_default();
        if body.contains("alert(") {
            found.push(format!("<script{body}"));
        }
    }
    found
}

#[test]
fn no_attack_reaches_any_output_file() {
    let (_tmp, out, _) = built(&fixture("html"));
    let files = tree(&out);
    assert!(files.len() > 20, "{:?}", files.keys());
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        // The body's attacks are removed whole: not even their text is left,
        // in pages, the feed or the search files.
        assert!(!text.contains("XSS-"), "{path} holds an attack:\n{text}");
        let lower = text.to_ascii_lowercase();
        for address in ["javascript:", "vbscript:", "data:text/html", "srcdoc"] {
            assert!(!lower.contains(address), "{path} holds {address}");
        }
        if path.ends_with(".html") {
            assert_eq!(dangers(&text), Vec::<String>::new(), "{path}");
        }
        if path.ends_with(".xml") {
            for content in feed_contents(&text) {
                assert_eq!(dangers(&content), Vec::<String>::new(), "{path}");
            }
        }
    }
    let feed = read(&out, "atom.xml");
    assert!(feed_contents(&feed).iter().any(|c| c.contains("<p><a>點我</a> 和 <a>這裡</a>。</p>")), "{feed}");
    // The critique is shown in the case it answers, without its script.
    let case = read(&out, "cases/攻擊/index.html");
    assert!(case.contains("<div class=\"prose\"><p>做得不錯。</p>"), "{case}");
    // Same input, same bytes.
    let (_tmp2, again, _) = built(&fixture("html"));
    assert!(tree(&again) == files, "two builds differ");
}

#[test]
fn article_markup_survives_cleaning() {
    let (_tmp, out, _) = built(&fixture("html"));
    let page = read(&out, "cases/攻擊/index.html");
    for kept in [
        "<h2 id=\"處理過程\">處理過程<a class=\"anchor\" href=\"#%E8%99%95%E7%90%86%E9%81%8E%E7%A8%8B\"",
        "<div class=\"table-wrap\"><table><thead><tr><th style=\"text-align: left\">步驟</th>",
        "<td style=\"text-align: right\">按 <kbd>Ctrl</kbd>+<kbd>C</kbd></td>",
        "第 2<sup>nd</sup> 次，H<sub>2</sub>O",
        "<details>\n<summary>展開細節</summary>\n<p>客戶的訂單細節。</p>\n</details>",
        "<p><img src=\"%E6%B5%81%E7%A8%8B.svg\" alt=\"流程\"></p>",
        "<img src=\"流程.svg\" alt=\"流程圖\">",
        "<pre class=\"code hl-code\" data-lang=\"yaml\"><code><span class=\"hl-source hl-yaml\">",
        "<li class=\"toc-h2\"><a href=\"#%E6%A0%B9%E6%9C%AC%E5%8E%9F%E5%9B%A0\">根本原因</a></li>",
        // Link texts stay; only the addresses went.
        "<p><a>點我</a> 和 <a>這裡</a>。</p>",
    ] {
        assert!(page.contains(kept), "missing {kept}\n{page}");
    }
    let svg = "content/cases/攻擊/流程.svg";
    assert_eq!(
        std::fs::read(out.join("cases/攻擊/流程.svg")).unwrap(),
        std::fs::read(fixture("html").join(svg)).unwrap()
    );
}

#[test]
fn titles_and_summaries_are_text() {
    let (_tmp, out, _) = built(&fixture("html"));
    let page = read(&out, "cases/攻擊/index.html");
    assert!(page.contains("<h1>惡意內容 &lt;script&gt;alert(&#39;TITLE-XSS&#39;)&lt;/script&gt;"), "{page}");
    let feed = read(&out, "atom.xml");
    assert!(feed.contains("<summary>摘要 &lt;img src=x onerror=alert(&#39;SUMMARY-XSS&#39;)&gt;</summary>"), "{feed}");
    for (path, bytes) in tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        if path.ends_with(".html") || path.ends_with(".xml") {
            assert!(!text.contains("<script>alert"), "{path}");
            assert!(!text.contains("<img src=x onerror"), "{path}");
        }
    }
    // The search files carry titles as data, which search.js shows as text.
    let search_js = read(&out, "search.js");
    for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"] {
        assert!(!search_js.contains(sink), "search.js uses {sink}");
    }
}

#[test]
fn build_and_check_name_what_was_removed_at_its_line() {
    let root = fixture("html");
    let (_tmp, _out, err) = built(&root);
    assert_eq!(removed_lines(&err), REMOVED, "{err}");
    let o = casebook(&["check", "--root", root.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(o.status.success(), "warnings do not fail the check: {err}");
    assert_eq!(removed_lines(&err), REMOVED, "{err}");
}

#[test]
fn raw_html_allow_publishes_html_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("journal");
    copy_dir(&fixture("html"), &root);
    let config = std::fs::read_to_string(root.join("casebook.yaml")).unwrap();
    std::fs::write(root.join("casebook.yaml"), format!("{config}markdown:\n  raw_html: allow\n")).unwrap();
    let (_out_tmp, out, err) = built(&root);
    assert_eq!(removed_lines(&err), Vec::<&str>::new(), "{err}");
    let page = read(&out, "cases/攻擊/index.html");
    for raw in [
        "<script>alert('XSS-SCRIPT')</script>",
        "<img src=\"x\" onerror=\"alert('XSS-IMG')\">",
        "<a href=\"javascript:alert('XSS-A')\">",
        "<p>做得不錯。</p>\n<script>alert('XSS-CRITIQUE')</script>",
    ] {
        assert!(page.contains(raw), "missing {raw}\n{page}");
    }
    // A wrong value is an error at its line.
    std::fs::write(root.join("casebook.yaml"), format!("{config}markdown:\n  raw_html: always\n")).unwrap();
    let o = casebook(&["check", "--root", root.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("casebook.yaml:4:3: error: `raw_html` must be `clean` (raw HTML is cleaned, no script runs) or `allow` (published as written, script included), found `always`"),
        "{}",
        stderr(&o)
    );
}

/// An SVG opened on its own is a page of the site: one with script is an
/// error at its line (nothing is published), unless raw HTML is allowed.
#[test]
fn an_svg_attachment_with_script_is_not_published() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("journal");
    copy_dir(&fixture("html"), &root);
    std::fs::write(
        root.join("content/cases/攻擊/陷阱.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <circle r=\"5\"\n    onload=\"alert('XSS-SVG')\"/>\n</svg>\n",
    )
    .unwrap();
    std::fs::write(root.join("content/附件.svg"), "<svg>\n<script>alert(1)</script></svg>\n").unwrap();
    let out = tmp.path().join("site");
    for command in ["build", "check"] {
        let mut args = vec![command, "--root", root.to_str().unwrap()];
        if command == "build" {
            args.extend(["--output", out.to_str().unwrap()]);
        }
        let o = casebook(&args);
        assert!(!o.status.success(), "{command}");
        let err = stderr(&o);
        for line in [
            "content/cases/攻擊/陷阱.svg:3:5: error: this drawing contains an event attribute `onload`, which would run as script when the file is opened on its own, so it is not published; remove it, or export the drawing again as a plain SVG or PNG",
            "content/附件.svg:2:1: error: this drawing contains a `<script>` element, which would run as script when the file is opened on its own, so it is not published; remove it, or export the drawing again as a plain SVG or PNG",
        ] {
            assert!(err.contains(line), "{command}: missing {line}\n{err}");
        }
        if command == "check" {
            break;
        }
        assert!(!out.exists(), "nothing is written");
    }
    let config = std::fs::read_to_string(root.join("casebook.yaml")).unwrap();
    std::fs::write(root.join("casebook.yaml"), format!("{config}markdown:\n  raw_html: allow\n")).unwrap();
    let (_out_tmp, out, _) = built(&root);
    assert!(read(&out, "cases/攻擊/陷阱.svg").contains("XSS-SVG"));
}
