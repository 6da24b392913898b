//! Names too long for a file system, and other inputs `build` could not
//! write: `check` refuses them at their file and line, and values of any
//! length get an address that works.

use std::path::Path;

use crate::{build, built, casebook, copy_dir, fixture, read, stderr, tree};

/// 90 Chinese characters (270 bytes), as in tests/fixtures/names.
const PRODUCT: &str = "超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱超長產品名稱";

fn first_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The fixture journal copied into a temporary folder, to change it.
fn journal() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("journal");
    copy_dir(&fixture("names"), &root);
    (tmp, root)
}

fn run_check(root: &Path) -> (bool, String) {
    let o = casebook(&["check", "--root", root.to_str().unwrap()]);
    (o.status.success(), stderr(&o))
}

/// Runs `check` and `build` on `root`; both must fail with `want` among
/// their messages, and the build must write nothing.
fn both_refuse(root: &Path, want: &str) {
    let (ok, err) = run_check(root);
    assert!(!ok, "check passed:\n{err}");
    assert!(err.contains(want), "check:\n{err}\nwanted:\n{want}");
    let out = root.parent().unwrap().join("site");
    let o = build(root, &out, &[]);
    let err = stderr(&o);
    assert!(!o.status.success(), "build passed:\n{err}");
    assert!(err.contains(want), "build:\n{err}\nwanted:\n{want}");
    assert!(!err.contains("os error"), "{err}");
    assert!(!out.exists());
}

/// Every `href` and `src` of every page that stays on the site, resolved
/// from the page: how many there are, and those whose file is missing.
fn dangling_links(out: &Path) -> (usize, Vec<String>) {
    let mut missing = Vec::new();
    let mut seen = 0;
    for (page, bytes) in tree(out) {
        if !page.ends_with(".html") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for attr in ["href=\"", "src=\""] {
            for piece in text.split(attr).skip(1) {
                let link = &piece[..piece.find('"').unwrap()];
                if link.is_empty() || link.starts_with('#') || link.contains("://") || link.starts_with("mailto:") {
                    continue;
                }
                let link = link.split(['#', '?']).next().unwrap();
                let decoded = percent_encoding::percent_decode_str(link).decode_utf8().unwrap().into_owned();
                let mut parts: Vec<&str> = match decoded.strip_prefix("/journal/") {
                    Some(from_root) => from_root.split('/').collect(),
                    None => {
                        let mut p: Vec<&str> = page.split('/').collect();
                        p.pop();
                        p.extend(decoded.split('/'));
                        p
                    }
                };
                let mut resolved: Vec<&str> = Vec::new();
                for part in parts.drain(..) {
                    match part {
                        ".." => {
                            resolved.pop();
                        }
                        "." => {}
                        p => resolved.push(p),
                    }
                }
                let mut target = resolved.join("/");
                if target.is_empty() || target.ends_with('/') {
                    target.push_str("index.html");
                }
                seen += 1;
                if !out.join(&target).is_file() {
                    missing.push(format!("{page}: {link} -> {target}"));
                }
            }
        }
    }
    (seen, missing)
}

#[test]
fn long_values_get_short_stable_addresses_that_links_reach() {
    let (ok, err) = run_check(&fixture("names"));
    assert!(ok, "{err}");
    let (_tmp, out, err) = built("names", &[]);
    assert!(!err.contains("warning"), "{err}");
    // 60 characters (180 bytes) of the value, `-` and 8 hex digits of its hash.
    let product = format!("product/{}-8e7f4859/index.html", first_chars(PRODUCT, 60));
    let page = read(&out, &product);
    assert!(page.contains(PRODUCT), "the page shows the whole value");
    let tag = "客戶反映耳機無法連線".repeat(6);
    let series = "每日一案例長系列名稱".repeat(6);
    let channel = "線上客服即時訊息頻道".repeat(6);
    for expected in [
        // Two tags that differ only after the kept part get different hashes.
        format!("tags/{tag}-66219099/index.html"),
        format!("tags/{tag}-ea73efdc/index.html"),
        format!("tags/{tag}-66219099/atom.xml"),
        format!("series/{series}-a7f1237f/index.html"),
        format!("channel/{channel}-893869ca/index.html"),
        format!("authors/{}-bcd7138d/index.html", "zhang-".repeat(30).trim_end_matches('-')),
        format!("authors/{}-0d9caec8/index.html", "外部顧問".repeat(15)),
        // Values that fit keep their address; a slug of exactly 255 bytes fits.
        "tags/退貨/index.html".to_string(),
        format!("cases/{}滿/index.html", "剛好".repeat(42)),
    ] {
        assert!(out.join(&expected).is_file(), "{expected} is missing");
    }
    for (path, _) in tree(&out) {
        for part in path.split('/') {
            assert!(part.len() <= 255, "{path}");
        }
    }
    // The article links to each of its term pages, and every link on the site leads to a file.
    let article = read(&out, "cases/長名稱/index.html");
    let encoded = percent_encoding::utf8_percent_encode(&first_chars(PRODUCT, 60), percent_encoding::NON_ALPHANUMERIC)
        .to_string();
    assert!(article.contains(&format!("href=\"../../product/{encoded}-8e7f4859/\"")), "{article}");
    let (seen, missing) = dangling_links(&out);
    assert_eq!(missing, Vec::<String>::new());
    assert!(seen > 300, "only {seen} links were found");
    // The same input, the same bytes.
    let (_tmp2, again, _) = built("names", &[]);
    assert!(tree(&out) == tree(&again), "two builds differ");
}

#[test]
fn a_slug_too_long_is_an_error_at_its_line_in_check_and_build() {
    let (_tmp, root) = journal();
    let slug = "太長".repeat(50); // 300 bytes
    std::fs::write(
        root.join("content/cases/長網址.md"),
        format!("---\ntitle: 長網址\ndate: 2026-10-04\nslug: {slug}\n---\n\n## 背景\n\nx\n\n## 處理過程\n\nx\n\n## 結果\n\nx\n\n## 根本原因\n\nx\n\n## 經驗教訓\n\nx\n"),
    )
    .unwrap();
    both_refuse(
        &root,
        "content/cases/長網址.md:4:7: error: `slug` is too long: the address it makes is 300 bytes long (a Chinese character takes 3 bytes), and a name in an address can be at most 255 bytes; shorten it to at most 85 Chinese characters or 255 letters",
    );
}

#[test]
fn a_file_name_that_makes_a_too_long_address_is_an_error() {
    // With `slugify: ascii` a Chinese name becomes pinyin, longer than the name.
    let (_tmp, root) = journal();
    let config = std::fs::read_to_string(root.join("casebook.yaml")).unwrap();
    std::fs::write(root.join("casebook.yaml"), format!("{config}slugify: ascii\n")).unwrap();
    let name = "客戶反映耳機無法連線".repeat(8); // 240 bytes, about 600 in pinyin
    let text = std::fs::read_to_string(root.join("content/cases/剛好.md")).unwrap();
    let text = text.lines().filter(|l| !l.starts_with("slug:")).collect::<Vec<_>>().join("\n");
    std::fs::write(root.join(format!("content/cases/{name}.md")), text).unwrap();
    both_refuse(&root, &format!("content/cases/{name}.md:1:1: error: the file name makes this article's address "));
}

#[test]
fn a_file_where_a_page_needs_a_folder_is_an_error_at_the_file() {
    // Before: build failed on writing ("Not a directory" or "File exists", by thread timing), with no file named.
    let (_tmp, root) = journal();
    std::fs::write(root.join("content/cases/長名稱"), "notes").unwrap();
    both_refuse(
        &root,
        "content/cases/長名稱: error: this is published as the file `cases/長名稱`, but the site needs a folder of that name for `cases/長名稱/index.html` (from content/cases/長名稱.md); rename one of them",
    );
}

#[cfg(unix)]
#[test]
fn an_attachment_whose_name_grows_past_the_limit_is_an_error_at_the_file() {
    // A name that is not UTF-8 is published with U+FFFD (3 bytes) for each bad byte.
    use std::os::unix::ffi::OsStrExt;
    let (_tmp, root) = journal();
    let mut name = vec![0xffu8; 100];
    name.extend_from_slice(b".txt");
    let file = root.join("content/cases").join(std::ffi::OsStr::from_bytes(&name));
    if std::fs::write(&file, "x").is_err() {
        eprintln!("skipped: this file system refuses names that are not UTF-8");
        return;
    }
    both_refuse(&root, "error: the site would have a file at `cases/\u{fffd}");
    let (_, err) = run_check(&root);
    assert!(err.contains("is 304 bytes long (a Chinese character takes 3 bytes), and file systems allow at most 255; give it a shorter name"), "{err}");
}

#[test]
fn an_author_id_that_cannot_be_a_folder_is_an_error_at_its_line() {
    // Before: build stopped with "refusing to write outside the site: authors/../index.html".
    let (_tmp, root) = journal();
    let authors = std::fs::read_to_string(root.join("data/authors.yaml")).unwrap();
    std::fs::write(root.join("data/authors.yaml"), format!("{authors}\"..\":\n  name: 點點\n")).unwrap();
    let text = std::fs::read_to_string(root.join("content/cases/剛好.md")).unwrap();
    std::fs::write(
        root.join("content/cases/剛好.md"),
        text.replacen("authors: zhang-", "authors: [\"..\", zhang-", 1).replacen("zhang-\n", "zhang-]\n", 1),
    )
    .unwrap();
    both_refuse(&root, "data/authors.yaml:4:1: error: the author id `..` names the folder of the author's page");
}

#[test]
fn a_template_error_names_its_line_and_the_article() {
    let (_tmp, root) = journal();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/article.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ title }}</h1>\n<p>{{ article.extra.ticket | upper }}</p>\n{% endblock content %}\n",
    )
    .unwrap();
    both_refuse(
        &root,
        "templates/article.html:4:7: error: the template failed while making a page: Variable `article.extra.ticket` not found in context while rendering 'article.html' (making the page of content/cases/剛好.md, whose front matter has no `ticket`: add `ticket:` to it, or write {% if article.extra.ticket %} around its use in the template) (and 2 other article pages)",
    );
}

#[test]
fn a_taken_address_near_the_limit_gets_a_number_that_fits() {
    let (_tmp, root) = journal();
    let slug = format!("ab{}", "退".repeat(84)); // 254 bytes: with `-2` it would be 256
    let text = std::fs::read_to_string(root.join("content/cases/剛好.md")).unwrap();
    let text = text.replacen(&format!("slug: {}滿", "剛好".repeat(42)), &format!("slug: {slug}"), 1);
    std::fs::write(root.join("content/cases/剛好.md"), &text).unwrap();
    std::fs::write(root.join("content/cases/剛好二.md"), text.replacen("title: 剛好", "title: 剛好二", 1)).unwrap();
    let (ok, err) = run_check(&root);
    assert!(ok, "{err}");
    let out = root.parent().unwrap().join("site");
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let second = format!("ab{}-", "退".repeat(59)); // 179 bytes kept, then the hash
    let published: Vec<String> = tree(&out).into_keys().filter(|p| p.starts_with(&format!("cases/{second}"))).collect();
    assert_eq!(published.len(), 1, "{published:?}");
    assert!(
        stderr(&o).contains(&format!("so this one is published at {}", published[0].trim_end_matches("index.html"))),
        "{}",
        stderr(&o)
    );
    assert!(out.join(format!("cases/{slug}/index.html")).is_file());
}

#[test]
fn a_missing_theme_is_an_error_at_its_line() {
    let (_tmp, root) = journal();
    let config = std::fs::read_to_string(root.join("casebook.yaml")).unwrap();
    std::fs::write(root.join("casebook.yaml"), format!("{config}theme: 不存在\n")).unwrap();
    both_refuse(&root, "casebook.yaml:4:8: error: the theme `不存在` was not found: there is no folder themes/不存在/");
}
