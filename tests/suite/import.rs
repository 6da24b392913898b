//! Bringing a journal in from elsewhere: old addresses (`aliases:`) that
//! get a page sending readers on and resolve in links, `casebook import`
//! from Hexo, Hugo, Jekyll and GitBook sources built end to end, and
//! `build --keep-going`.

use crate::{build, fixture, read, stderr};

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
