//! Front matter written by other tools builds as a writer would expect
//! (issue 15): TOML and JSON, blank values, loose booleans, every date
//! form, other tools' fields, a title from the first heading, a skipped
//! `_posts/` folder named; and a file whose front matter fails has its
//! other problems reported in the same run (tests/fixtures/forgiving).

use crate::*;

/// The warnings every build of the fixture gives, in order.
const WARNINGS: [&str; 5] = [
    "content/_posts: warning: the folder `content/_posts` holds 1 Markdown file, but folders whose name starts with `_` or `.` are not published; to publish them, rename the folder to `posts`",
    "content/cases/hexo.md:11:8: warning: `draft: no` is read as `draft: false`; write `draft: false` (casebook reads only `true` and `false`, without quotes)",
    "content/cases/hugo-json.md:4:12: warning: `draft: \"false\"` is read as `draft: false`; write `draft: false` (casebook reads only `true` and `false`, without quotes)",
    "content/cases/slashes.md:5:8: warning: `draft: off` is read as `draft: false`; write `draft: false` (casebook reads only `true` and `false`, without quotes)",
    "content/essays/gitbook.md:5:1: warning: the front matter has no `title`, so the first heading `# 從標題來的題目` is used; add a line `title: 從標題來的題目` to the front matter",
];

/// The lines of the report that name a file.
fn located(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("content/")).collect()
}

#[test]
fn every_problem_of_a_failed_file_comes_in_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&fixture("forgiving"), &out, &[]);
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    let mut want: Vec<&str> = WARNINGS.to_vec();
    want.extend([
        "content/cases/one-run.md:3:7: error: `date` must look like 2026-11-22 (year-month-day), found `上週三`",
        "content/cases/one-run.md:7:3: error: broken link: `不存在.md` leads to content/cases/不存在.md, which does not exist",
        "content/cases/one-run.md:9:7: warning: this looks like a customer's mobile phone number (0912-***-678); remove or mask it, or if it is not customer data add <!-- casebook:allow-pii --> at the end of the line (in the front matter: # casebook:allow-pii)",
        "content/essays/windows.md:2:8: error: a backslash `\\` inside double quotes starts an escape (like `\\n` for a new line), so `title` cannot be read; put the value in single quotes, title: 'C:\\Users\\me', or write each backslash twice: `\\\\`",
    ]);
    want.sort();
    let mut got = located(&err);
    got.sort();
    assert_eq!(got, want, "{err}");
    assert!(!out.exists());

    // `check` gives the same problems (and a case's missing sections,
    // left out here), each with its kind.
    let root = fixture("forgiving");
    let o = casebook(&["check", "--root", root.to_str().unwrap(), "--format", "json"]);
    let mut kinds: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["kind"] != "case/missing-sections")
        .map(|v| format!("{}:{}:{}", v["path"].as_str().unwrap(), v["line"], v["kind"].as_str().unwrap()))
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "content/_posts:0:content/skipped-folder",
            "content/cases/hexo.md:11:front-matter/loose-boolean",
            "content/cases/hugo-json.md:4:front-matter/loose-boolean",
            "content/cases/one-run.md:3:front-matter/bad-date",
            "content/cases/one-run.md:7:link/broken",
            "content/cases/one-run.md:9:privacy/mobile-phone",
            "content/cases/slashes.md:5:front-matter/loose-boolean",
            "content/essays/gitbook.md:5:front-matter/title-from-heading",
            "content/essays/windows.md:2:yaml/backslash-in-quotes",
        ]
    );
}

#[test]
fn front_matter_from_other_tools_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let journal = tmp.path().join("journal");
    copy_dir(&fixture("forgiving"), &journal);
    std::fs::remove_file(journal.join("content/cases/one-run.md")).unwrap();
    std::fs::remove_file(journal.join("content/essays/windows.md")).unwrap();
    let out = tmp.path().join("site");
    let o = build(&journal, &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(located(&err), WARNINGS, "{err}");

    let dates = |page: &str| -> Vec<String> {
        let html = read(&out, page);
        html.split("datetime=\"").skip(1).map(|s| s[..s.find('"').unwrap()].to_string()).collect()
    };
    // Date and updated (blank `updated:` is absent), in every form.
    let table: [(&str, &[&str]); 6] = [
        ("cases/hexo/index.html", &["2016-05-01T12:00:00+08:00"]),
        ("cases/toml-case/index.html", &["2016-05-02T12:00:00+08:00", "2016-05-03T00:00:00+08:00"]),
        ("cases/hugo-json/index.html", &["2016-05-04T12:00:00+00:00"]),
        ("cases/jekyll/index.html", &["2016-05-05T12:00:00+08:00", "2016-05-06T08:00:00+08:00"]),
        ("cases/slashes/index.html", &["2016-05-07T00:00:00+08:00", "2016-05-08T00:00:00+08:00"]),
        ("cases/month/index.html", &["2016-04-01T00:00:00+08:00", "2016-05-09T09:30:00+08:00"]),
    ];
    for (page, want) in table {
        assert_eq!(dates(page), want, "{page}");
    }
    // description and excerpt are the summary.
    assert!(read(&out, "cases/hexo/index.html").contains("從 Hexo 來的摘要"));
    assert!(read(&out, "cases/hugo-json/index.html").contains("JSON 的摘要"));
    // A tag written as one string, and categories (nested too) as tags.
    for tag in ["退貨", "售後", "耳機", "換貨"] {
        assert!(out.join(format!("tags/{tag}/index.html")).is_file(), "{tag}");
    }
    assert!(read(&out, "tags/售後/index.html").contains("退貨流程"));
    // The title from the first heading; `_posts/` is not published.
    assert!(read(&out, "essays/gitbook/index.html").contains("<title>從標題來的題目"));
    assert!(!tree(&out).keys().any(|k| k.contains("posts")));
}
