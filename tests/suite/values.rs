//! Values written in the journal's words (issue 16): `channel: 電話`,
//! `outcome: 已解决`, `priority: High`, competencies in the old spelling or
//! in Simplified Chinese, and bold next to Chinese punctuation.

use crate::*;

fn journal(case: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    std::fs::create_dir_all(root.join("content/cases")).unwrap();
    std::fs::write(root.join("casebook.yaml"), "title: 值\n").unwrap();
    std::fs::write(root.join("content/cases/退貨.md"), case).unwrap();
    tmp
}

#[test]
fn values_written_as_labels_are_kept_as_keys() {
    let tmp = journal(
        "---\ntitle: 退貨\ndate: 2026-11-01\nchannel: 电话\noutcome: 已解決\npriority: High\ncompetencies: [沖突處理和問題解決, 积极倾听]\n---\n\n**拆封不等於不能退。**下次先問，**「引號」**後面，前面**『書名』**。\n",
    );
    let root = tmp.path().join("j");
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.contains("warning") && !err.contains("error"), "{err}");
    assert!(out.join("channel/phone/index.html").is_file());
    assert!(out.join("outcome/resolved/index.html").is_file());
    assert!(out.join("competencies/衝突處理和問題解決/index.html").is_file());
    assert!(out.join("competencies/積極傾聽/index.html").is_file());
    let page = read(&out, "cases/退貨/index.html");
    assert!(page.contains("衝突處理和問題解決") && !page.contains("沖突"), "{page}");
    for bold in
        ["<strong>拆封不等於不能退。</strong>下次", "<strong>「引號」</strong>後面", "前面<strong>『書名』</strong>。"]
    {
        assert!(page.contains(bold), "{bold}: {page}");
    }
}
