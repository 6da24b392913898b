//! Nothing outside the journal is read or published: a copy of
//! tests/fixtures/paths gets links made at run time (to a folder beside it
//! holding a secret, and one inside the journal), then `build`, `check` and
//! `serve` must skip every link and name it. Also: a `casebook.yaml` that is
//! not UTF-8 is reported at its first bad byte.
#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::*;

const SECRET: &str = "TOP-SECRET-f00d";

/// A journal copied from the fixture, with links to `outside/` (a folder
/// beside it holding the secret) at every place casebook reads, and one link
/// inside it. Returns (temp dir, journal, outside folder), all resolved.
fn linked_journal() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().canonicalize().unwrap();
    let root = base.join("j");
    let outside = base.join("outside");
    copy_dir(&fixture("paths"), &root);
    let article = format!("---\ntitle: 偷看\ndate: 2026-11-01\n---\n\n{SECRET}\n");
    for (rel, text) in [
        ("secret.txt", format!("{SECRET}\n")),
        ("說明.txt", format!("{SECRET}\n")),
        ("secret.md", article.clone()),
        ("essays/偷看.md", article),
        ("theme/templates/article.html", format!("{SECRET} {{{{ page.title }}}}\n")),
        ("theme/static/secret.css", format!("{SECRET}\n")),
    ] {
        let path = outside.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::create_dir_all(root.join("themes")).unwrap();
    std::fs::create_dir_all(root.join("data")).unwrap();
    for (target, link) in [
        // A top folder, as `ln -s /etc static` would.
        (outside.clone(), "static"),
        (outside.join("theme"), "themes/default"),
        (outside.join("secret.txt"), "data/authors.yaml"),
        // A content file and a content folder (written relative).
        (outside.join("secret.md"), "content/cases/偷看.md"),
        (PathBuf::from("../../outside/essays"), "content/essays"),
        // An attachment and a folder of attachments the article links to.
        (outside.join("secret.txt"), "content/cases/附件.pdf"),
        (outside.clone(), "content/cases/shared"),
        // A link that stays inside the journal: skipped as well.
        (PathBuf::from("表格.txt"), "content/cases/內部.txt"),
    ] {
        symlink(&target, root.join(link)).unwrap();
    }
    (tmp, root, outside)
}

/// The lines of `stderr` that name a link or a link to one, sorted as printed.
fn link_lines(err: &str) -> Vec<String> {
    err.lines()
        .filter(|l| l.contains("link") && (l.contains(": warning: ") || l.contains(": error: ")))
        .map(str::to_string)
        .collect()
}

/// The messages for the links of [`linked_journal`]; `level` is what the
/// links leading outside are reported as.
fn expected_lines(outside: &Path, level: &str) -> Vec<String> {
    let o = outside.display();
    let why = "nothing is read through it and it is left out of the site; put the files themselves in the journal instead of a link";
    let publishes = "casebook publishes nothing through links, so put the file itself there instead of the link";
    vec![
        format!("content/cases/shared: {level}: this is a link to `{o}`, which is outside the journal: {why}"),
        format!("content/cases/偷看.md: {level}: this is a link to `{o}/secret.md`, which is outside the journal: {why}"),
        "content/cases/內部.txt: warning: this is a link to `表格.txt` (content/cases/表格.txt): casebook follows no links, so it is left out of the site; put the file itself here instead of a link".to_string(),
        format!("content/cases/換貨.md:14:3: error: broken link: `附件.pdf` leads to content/cases/附件.pdf, which is a link to `{o}/secret.txt`, which is outside the journal; {publishes}"),
        format!("content/cases/換貨.md:14:16: error: broken link: `shared/說明.txt` leads to content/cases/shared/說明.txt, and content/cases/shared is a link to `{o}`, which is outside the journal; {publishes}"),
        format!("content/cases/換貨.md:14:41: error: broken link: `內部.txt` leads to content/cases/內部.txt, which is a link to `表格.txt` (content/cases/表格.txt); {publishes}"),
        format!("content/cases/附件.pdf: {level}: this is a link to `{o}/secret.txt`, which is outside the journal: {why}"),
        format!("content/essays: {level}: this is a link to `../../outside/essays` ({o}/essays), which is outside the journal: {why}"),
        format!("data/authors.yaml: {level}: this is a link to `{o}/secret.txt`, which is outside the journal: {why}"),
        format!("static: {level}: this is a link to `{o}`, which is outside the journal: {why}"),
        format!("themes/default: {level}: this is a link to `{o}/theme`, which is outside the journal: {why}"),
    ]
}

/// Lets broken links be warnings, so the site is written and can be searched
/// for the secret.
fn links_warn(root: &Path) {
    let config = root.join("casebook.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}links: warn\n")).unwrap();
}

fn assert_no_secret(files: &std::collections::BTreeMap<String, Vec<u8>>) {
    for (path, bytes) in files {
        assert!(!String::from_utf8_lossy(bytes).contains(SECRET), "{path} holds the secret");
    }
}

#[test]
fn build_names_every_link_and_refuses_the_links_to_linked_files() {
    let (tmp, root, outside) = linked_journal();
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert_eq!(link_lines(&err), expected_lines(&outside, "warning"), "{err}");
    assert!(!out.exists());
}

#[test]
fn build_publishes_nothing_from_outside_and_no_link() {
    let (tmp, root, outside) = linked_journal();
    links_warn(&root);
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let warned: Vec<String> = expected_lines(&outside, "warning")
        .into_iter()
        .map(|l| l.replace(": error: broken link:", ": warning: broken link:"))
        .collect();
    assert_eq!(link_lines(&err), warned, "{err}");
    let files = tree(&out);
    assert_no_secret(&files);
    for gone in ["secret.txt", "secret.css", "說明.txt", "cases/附件.pdf", "cases/內部.txt", "cases/shared/說明.txt"]
    {
        assert!(!files.contains_key(gone), "{gone} was published");
    }
    assert!(!files.keys().any(|p| p.contains("偷看") || p.starts_with("essays")), "{:?}", files.keys());
    // The real attachment is published; the built-in theme stands in for
    // the linked one.
    assert_eq!(read(&out, "cases/表格.txt"), "換貨申請表：型號、序號、日期\n");
    assert!(files.contains_key("style.css"));
    let page = read(&out, "cases/換貨/index.html");
    assert!(page.contains("<h1>耳機換貨"), "{page}");
}

#[test]
fn check_fails_on_links_leading_outside() {
    let (_tmp, root, outside) = linked_journal();
    let o = casebook(&["check", "--root", root.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert_eq!(link_lines(&err), expected_lines(&outside, "error"), "{err}");
    assert!(!err.contains("No problems found"), "{err}");

    // Only `static -> outside`: still an error for check, a warning for build.
    let (tmp, root, outside) = linked_journal();
    for link in ["themes/default", "data/authors.yaml", "content/cases/偷看.md", "content/essays"] {
        std::fs::remove_file(root.join(link)).unwrap();
    }
    for link in ["content/cases/附件.pdf", "content/cases/shared", "content/cases/內部.txt"] {
        std::fs::remove_file(root.join(link)).unwrap();
    }
    let article = root.join("content/cases/換貨.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replace("看過[附件](附件.pdf)和[共用說明](shared/說明.txt)，再對照[內部表格](內部.txt)與", "對照"),
    )
    .unwrap();
    let line = format!(
        "static: error: this is a link to `{}`, which is outside the journal: nothing is read through it and it is left out of the site; put the files themselves in the journal instead of a link",
        outside.display()
    );
    let o = casebook(&["check", "--root", root.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert!(err.lines().any(|l| l == line), "{err}");
    assert!(!err.contains("No problems found"), "{err}");
    let o = build(&root, &tmp.path().join("site"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let warned = line.replace(": error:", ": warning:");
    assert!(stderr(&o).lines().any(|l| l == warned), "{}", stderr(&o));
    assert_no_secret(&tree(&tmp.path().join("site")));
}

#[test]
fn a_link_in_a_theme_folder_or_a_climbing_theme_name_is_not_followed() {
    let (tmp, root, outside) = linked_journal();
    links_warn(&root);
    // A copy of the built-in theme holding a linked template, static file
    // and static folder.
    std::fs::remove_file(root.join("themes/default")).unwrap();
    let theme = root.join("themes/default");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"), &theme);
    symlink(outside.join("theme/templates/article.html"), theme.join("templates/extra.html")).unwrap();
    symlink(outside.join("theme/static/secret.css"), theme.join("static/secret.css")).unwrap();
    symlink(outside.join("theme/static"), theme.join("static/more")).unwrap();
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let o_ = outside.display();
    let why = "which is outside the journal: nothing is read through it and it is left out of the site; put the files themselves in the journal instead of a link";
    for (link, target) in [
        ("static/more", "theme/static"),
        ("static/secret.css", "theme/static/secret.css"),
        ("templates/extra.html", "theme/templates/article.html"),
    ] {
        let line = format!("themes/default/{link}: warning: this is a link to `{o_}/{target}`, {why}");
        assert!(err.lines().any(|l| l == line), "{line}\n{err}");
    }
    assert_no_secret(&tree(&out));

    // `theme: ../../outside/theme` does not climb out of themes/.
    let config = root.join("casebook.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}theme: ../../outside/theme\n")).unwrap();
    let o = build(&root, &out, &[]);
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(err.contains("casebook.yaml: error: `theme: ../../outside/theme` must be the name of a folder in themes/, like `theme: default`"), "{err}");
    assert_no_secret(&tree(&out));
}

/// (status, body) of a GET, from the serve tests' client.
fn get(server: &crate::serve::Server, path: &str) -> (u16, String) {
    let (status, _, body) = crate::serve::get(server, path);
    (status, body)
}

fn encoded(path: &str) -> String {
    percent_encoding::utf8_percent_encode(path, percent_encoding::NON_ALPHANUMERIC).to_string().replace("%2F", "/")
}

#[test]
fn serve_serves_nothing_from_outside_even_when_a_file_turns_into_a_link() {
    let (_tmp, root, outside) = linked_journal();
    links_warn(&root);
    let server = crate::serve::start(&root);
    let (status, page) = get(&server, &encoded("/cases/換貨/"));
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<h1>耳機換貨") && !page.contains(SECRET), "{page}");
    for path in
        ["/secret.txt", "/secret.css", "/cases/附件.pdf", "/cases/shared/說明.txt", "/cases/內部.txt", "/cases/偷看/"]
    {
        let (status, body) = get(&server, &encoded(path));
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains(SECRET), "{path}");
    }
    // A published attachment replaced by a link to the secret: never served,
    // neither before the rebuild (the file is opened as checked) nor after.
    let table = encoded("/cases/表格.txt");
    assert_eq!(get(&server, &table), (200, "換貨申請表：型號、序號、日期\n".to_string()));
    let file = root.join("content/cases/表格.txt");
    std::fs::remove_file(&file).unwrap();
    symlink(outside.join("secret.txt"), &file).unwrap();
    let start = Instant::now();
    loop {
        let (status, body) = get(&server, &table);
        assert!(!body.contains(SECRET), "served the secret");
        if status == 404 {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "still served: {body}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_config_that_is_not_utf8_is_reported_at_its_first_bad_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("paths"), &root);
    // "title: 路徑測試" then a Big5 line: 客服 is A8 C8 AA 41 in Big5.
    let mut bytes = "title: 路徑測試\nbase_url: https://intranet.example/\nlanguage: ".as_bytes().to_vec();
    bytes.extend([0xA8, 0xC8, 0xAA, 0x41, b'\n']);
    std::fs::write(root.join("casebook.yaml"), bytes).unwrap();
    let message = "casebook.yaml:3:11: error: this file is not UTF-8 text (perhaps Big5 or GBK) from here on; open it in your editor and save it with the encoding \"UTF-8\"";
    let o = build(&root, &tmp.path().join("site"), &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).lines().any(|l| l == message), "{}", stderr(&o));
    let o = casebook(&["check", "--root", root.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).lines().any(|l| l == message), "{}", stderr(&o));
}

#[test]
fn a_linked_config_or_archetype_is_not_read() {
    let (_tmp, root, outside) = linked_journal();
    std::fs::remove_file(root.join("casebook.yaml")).unwrap();
    symlink(outside.join("secret.txt"), root.join("casebook.yaml")).unwrap();
    let o = casebook(&["check", "--root", root.to_str().unwrap()]);
    let line = format!(
        "casebook.yaml: error: this is a link to `{}/secret.txt`, which is outside the journal",
        outside.display()
    );
    assert!(stderr(&o).lines().any(|l| l.starts_with(&line)), "{}", stderr(&o));

    std::fs::create_dir_all(root.join("archetypes")).unwrap();
    symlink(outside.join("secret.md"), root.join("archetypes/case.md")).unwrap();
    let o = casebook(&["new", "case", "新的案例", "--root", root.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(
        err.contains(&format!("archetypes/case.md: warning: this is a link to `{}/secret.md`", outside.display())),
        "{err}"
    );
    assert!(!root.join("content/cases/新的案例.md").exists());
}

/// `check`'s privacy scan of committed files walks `content/` as the loader
/// does: a linked `content` folder is not entered, so files outside the
/// journal are never opened (the scan once walked through the top link and
/// reported each file there as unreadable, with no line).
#[test]
fn the_privacy_scan_does_not_read_through_a_linked_content_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("客戶.txt"), "王先生 0912345678\n").unwrap();
    let root = tmp.path().join("j");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("casebook.yaml"), "title: 連結\n").unwrap();
    symlink(&outside, root.join("content")).unwrap();
    let o = casebook(&["check", "--root", root.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(!err.contains("客戶.txt") && !err.contains("5678"), "{err}");
    assert!(err.contains("content: error: this is a link to"), "the link is named: {err}");
}
