//! Hostile inputs end quickly with a diagnostic or a site, and `check` sees
//! customer data in everything committed under content/ (issue 13, items 3
//! and 4). Large and deep inputs are made here, in a temporary copy of
//! tests/fixtures/limits/base; small committed ones are in
//! tests/fixtures/limits/committed.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::*;

/// A safety net against a hung build, not a speed test.
const HANG: Duration = Duration::from_secs(600);

/// The base journal with `files` written over it.
fn journal(files: &[(&str, &[u8])]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("journal");
    copy_dir(&fixture("limits/base"), &root);
    for (rel, bytes) in files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    (tmp, root)
}

/// Runs casebook, killing it if it hangs.
fn run(args: &[&str]) -> Output {
    let mut child = crate::casebook_command()
        .env("CASEBOOK_LANG", "en")
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes while waiting: a child that prints more than a pipe
    // holds (20,000 warnings) would otherwise wait on us for ever.
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            child.kill().unwrap();
            panic!("casebook {args:?} still ran after {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

fn build_in(root: &Path) -> Output {
    let out = root.parent().unwrap().join("site");
    run(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()])
}

fn check_in(root: &Path) -> Output {
    run(&["check", "--root", root.to_str().unwrap()])
}

/// The lines of stderr at `level` (`error` or `warning`).
fn lines(o: &Output, level: &str) -> Vec<String> {
    let tag = format!(": {level}: ");
    stderr(o).lines().filter(|l| l.contains(&tag)).map(str::to_string).collect()
}

const TOO_DEEP: &str = "this is nested more than 64 levels deep (lists or `key: value` sets inside one another); casebook reads at most 64 levels, so write it with less nesting";

fn brackets(levels: usize) -> String {
    "[".repeat(levels) + &"]".repeat(levels)
}

/// The column of the bracket that goes past 64 levels after `prefix` (the
/// line itself is the first level).
fn past_64(prefix: &str) -> usize {
    prefix.chars().count() + 64
}

#[test]
fn yaml_nested_100000_levels_is_refused_where_it_gets_too_deep() {
    let deep = brackets(100_000);
    let front = format!("---\ntitle: 太深\ndate: 2026-11-02\nx: {deep}\n---\n\n## 背景\n");
    let config = format!("title: 限制測試\ncase_sections: {deep}\n");
    let tags = format!("tags: {deep}\n");
    let featured = format!("2026-11: {deep}\n");
    let (_tmp, root) = journal(&[
        ("content/cases/深.md", front.as_bytes()),
        ("casebook.yaml", config.as_bytes()),
        ("data/tags.yaml", tags.as_bytes()),
        ("data/featured.yaml", featured.as_bytes()),
    ]);
    let o = build_in(&root);
    assert!(!o.status.success());
    assert_eq!(
        lines(&o, "error"),
        [
            format!("casebook.yaml:2:{}: error: {TOO_DEEP}", past_64("case_sections: ")),
            format!("content/cases/深.md:4:{}: error: {TOO_DEEP}", past_64("x: ")),
            format!("data/featured.yaml:1:{}: error: {TOO_DEEP}", past_64("2026-11: ")),
            format!("data/tags.yaml:1:{}: error: {TOO_DEEP}", past_64("tags: ")),
        ]
    );
}

#[test]
fn yaml_nested_in_block_lists_and_indentation_is_refused_too() {
    let list = format!("---\ntitle: 太深\ndate: 2026-11-02\nx:\n  {}a\n---\n", "- ".repeat(100_000));
    let indented: String = (0..600).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
    let (_tmp, root) =
        journal(&[("content/cases/清單.md", list.as_bytes()), ("data/authors.yaml", indented.as_bytes())]);
    let o = build_in(&root);
    assert_eq!(
        lines(&o, "error"),
        [
            format!("content/cases/清單.md:5:{}: error: {TOO_DEEP}", 2 + 2 * 63 + 1),
            format!("data/authors.yaml:65:65: error: {TOO_DEEP}"),
        ]
    );
}

#[test]
fn billion_laughs_is_refused_before_it_is_expanded() {
    // Aliases to aliases of a deeply nested mapping, in front matter...
    let mut deep = format!("a: &a {}1{}\n", "{a: ".repeat(120), "}".repeat(120));
    // ...and of a shallow one in a data file, which passes the depth limit.
    let mut wide = format!("a: &a {}1{}\n", "{a: ".repeat(50), "}".repeat(50));
    for (p, q) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let refs = vec![format!("*{p}"); 10].join(",");
        deep.push_str(&format!("{q}: &{q} [{refs}]\n"));
        wide.push_str(&format!("{q}: &{q} [{refs}]\n"));
    }
    let front = format!("---\ntitle: 笑\ndate: 2026-11-02\n{deep}---\n");
    let (_tmp, root) = journal(&[("content/cases/笑.md", front.as_bytes()), ("data/authors.yaml", wide.as_bytes())]);
    let o = build_in(&root);
    assert_eq!(
        lines(&o, "error"),
        [
            format!("content/cases/笑.md:4:{}: error: {TOO_DEEP}", 7 + 4 * 63),
            "data/authors.yaml:4:11: error: the `*` references in this file would repeat more than 64 KB of text (`&c` marks a value and `*c` repeats it); write the values out instead of repeating them".to_string(),
        ]
    );
}

#[test]
fn a_50_mb_article_and_a_2_mb_data_file_are_refused_from_their_size() {
    let (_tmp, root) = journal(&[("content/cases/大.md", b"---\ntitle: x\ndate: 2026-11-02\n---\n")]);
    // Sparse files: refused from their size, never read.
    let big = std::fs::OpenOptions::new().append(true).open(root.join("content/cases/大.md")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::File::create(root.join("data/tags.yaml")).unwrap().set_len(2 * 1024 * 1024).unwrap();
    let o = build_in(&root);
    assert_eq!(
        lines(&o, "error"),
        [
            "content/cases/大.md:1:1: error: this file is 51200 KB, more than the 1024 KB casebook reads for an article; split it into smaller articles, or raise the limit in casebook.yaml with `limits: {article_kb: 51200}`",
            "data/tags.yaml:1:1: error: this file is 2048 KB, more than the 1024 KB casebook reads for a data file; make it smaller, or raise the limit in casebook.yaml with `limits: {data_kb: 2048}`",
        ]
    );
    // A raised limit lets the data file be read (and then its YAML is checked).
    let config = "title: 限制測試\ncase_sections: [背景]\nlimits: {article_kb: 100, data_kb: 4096}\n";
    std::fs::write(root.join("casebook.yaml"), config).unwrap();
    let o = build_in(&root);
    let errors = lines(&o, "error");
    assert!(errors[0].contains("more than the 100 KB casebook reads for an article"), "{errors:?}");
    assert!(!errors.iter().any(|e| e.contains("more than the 4096 KB")), "{errors:?}");
}

#[test]
fn an_article_under_the_limit_with_many_links_builds() {
    // About 900 KB: one paragraph of 8,000 links, then many paragraphs.
    let mut body = "## 背景\n\n".to_string();
    body.push_str(&"見 [正常](正常.md) 的說明 ".repeat(8_000));
    body.push_str("\n\n");
    body.push_str(&"客戶來電詢問退貨流程，我們說明了七天鑑賞期的規定與例外。\n\n".repeat(9_000));
    let text = format!("---\ntitle: 很長\ndate: 2026-11-02\n---\n\n{body}");
    assert!(text.len() < 1024 * 1024);
    let (_tmp, root) = journal(&[("content/cases/長.md", text.as_bytes())]);
    let o = build_in(&root);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = std::fs::read_to_string(root.parent().unwrap().join("site/cases/正常/index.html")).unwrap();
    assert!(page.contains("很長"), "the long article is listed among the links to 正常");
}

// Heading ids were made unique by trying `-2`, `-3`, ... from the start for
// each heading (quadratic: 50 s for these); now each name keeps its next number.
#[test]
fn twenty_thousand_identical_headings_build() {
    let text = format!("---\ntitle: 標題\ndate: 2026-11-02\n---\n\n{}", "## 背景\n\n".repeat(20_000));
    let (_tmp, root) = journal(&[("content/cases/標題.md", text.as_bytes())]);
    let o = build_in(&root);
    assert!(o.status.success(), "{}", stderr(&o));
    let warnings = lines(&o, "warning");
    assert_eq!(warnings.len(), 19_999);
    assert!(warnings[0].starts_with(
        "content/cases/標題.md:8:1: warning: an earlier heading has the same text, so this one's link is #背景-1;"
    ));
}

#[test]
fn check_finds_customer_data_in_drafts_and_text_files() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("journal");
    copy_dir(&fixture("limits/committed"), &root);
    std::fs::write(root.join("content/cases/合約.docx"), b"PK\x03\x04 not really a document").unwrap();
    std::fs::write(root.join("content/cases/報告.pdf"), b"%PDF-1.4\n").unwrap();
    let o = check_in(&root);
    assert!(!o.status.success());
    let hint_md = "add <!-- casebook:allow-pii --> at the end of the line (in the front matter: # casebook:allow-pii)";
    let hint = "add casebook:allow-pii on the same line (in a comment, where the format has one)";
    let found = |at: &str, what: &str, hint: &str| {
        format!(
            "{at}: error: this looks like a customer's {what}; remove or mask it, or if it is not customer data {hint}"
        )
    };
    assert_eq!(
        lines(&o, "error"),
        [
            found("content/cases/匯出.json:3:13", "mobile phone number (0912-***-678)", hint),
            found("content/cases/筆記.txt:3:8", "landline number ((02)****-6789)", hint),
            found("content/cases/筆記.txt:3:25", "e-mail address (c***@example.com)", hint),
            found("content/cases/草稿.md:9:10", "mobile phone number (0912-***-678)", hint_md),
            found("content/cases/通話紀錄.csv:2:16", "mobile phone number (0912***678)", hint),
            found("content/cases/通話紀錄.csv:2:27", "resident ID number (A1*****789)", hint),
            found("content/cases/通話紀錄.csv:4:16", "mobile phone number (138****5678)", hint),
            found("content/cases/通話紀錄.csv:4:28", "resident ID number (1101**********002X)", hint),
            found("content/essays/_備忘.md:3:6", "resident ID number (A1*****(3))", hint_md),
        ]
    );
    let opaque = "casebook cannot look inside this kind of file (Word, Excel, PowerPoint, PDF or an archive), so it was not checked for customer data; open it and make sure it holds no customer's phone number, ID number, e-mail address or card number, or put its text in a .txt or .csv file, which is checked";
    assert_eq!(
        lines(&o, "warning"),
        [
            format!("content/cases/合約.docx:1:1: warning: {opaque}"),
            format!("content/cases/報告.pdf:1:1: warning: {opaque}")
        ]
    );

    // `build` still leaves the draft out, and publishes the attachments as today.
    let o = build_in(&root);
    assert!(o.status.success(), "{}", stderr(&o));
    let site = root.parent().unwrap().join("site");
    assert!(stderr(&o).contains("1 draft left out"), "{}", stderr(&o));
    assert!(!site.join("cases/草稿").exists());
    assert!(!tree(&site).values().any(|bytes| String::from_utf8_lossy(bytes).contains("還沒寫完的案例")));
    assert!(site.join("cases/通話紀錄.csv").is_file());
}
