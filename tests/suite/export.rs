//! `casebook build` writes the search documents for OpenSearch and
//! Meilisearch (issue 17): into the site when `search.export` asks, or into
//! the folder `--search-export` names. No engine runs here: the files are
//! read back line by line as the engines' bulk APIs read them.

use std::path::Path;

use serde_json::Value;

use crate::*;

/// Every line of an NDJSON file as JSON; each line ends with `\n` and
/// none is empty.
fn ndjson(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(text.ends_with('\n'), "{} ends without a line break", path.display());
    assert!(!text.contains(['\u{2028}', '\u{2029}', '\r']), "a line break other than \\n");
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: not JSON: {e}\n{l}", path.display())))
        .collect()
}

/// The OpenSearch documents, each checked against its action line.
fn bulk_documents(dir: &Path, index: &str) -> Vec<Value> {
    let lines = ndjson(&dir.join("opensearch-0001.ndjson"));
    assert_eq!(lines.len() % 2, 0, "an action line, then its document");
    lines
        .chunks(2)
        .map(|pair| {
            let action = pair[0]["index"].as_object().expect("an index action");
            assert_eq!(action.len(), 2, "{action:?}");
            assert_eq!(action["_index"], index);
            assert_eq!(action["_id"], pair[1]["id"]);
            pair[1].clone()
        })
        .collect()
}

fn titles(docs: &[Value]) -> Vec<&str> {
    docs.iter().map(|d| d["title"].as_str().unwrap()).collect()
}

#[test]
fn the_site_holds_the_documents_of_the_published_articles_for_both_engines() {
    let (_tmp, out, err) = built("export", &[]);
    let dir = out.join("search/export");
    assert!(err.contains("Wrote the search documents of 3 articles for other search engines: 5 files in"), "{err}");
    let docs = bulk_documents(&dir, "cases-2026");
    // The client-side index's articles, in its order; the draft is left out.
    assert_eq!(titles(&docs), ["引號\"與換行\n之後\u{2028}分隔 </script>", "客户投诉账单重复扣款", "客戶要求退貨處理"]);
    assert_eq!(ndjson(&dir.join("meilisearch-0001.ndjson")), docs, "the same documents, one a line");
    for d in &docs {
        let id = d["id"].as_str().unwrap();
        assert!(id.len() <= 511 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{id}");
        assert!(d["url"].as_str().unwrap().starts_with("https://intranet.example/journal/"), "{d}");
    }
    let case = &docs[2];
    assert_eq!(case["title_folded"], "客户要求退货处理", "Traditional folds to Simplified");
    assert!(case["body"].as_str().unwrap().contains("藍牙耳機"));
    assert!(case["body_folded"].as_str().unwrap().contains("蓝牙耳机"));
    assert_eq!(case["tags_folded"], serde_json::json!(["退换货", "vip"]));
    assert_eq!(case["path"], "cases/%E9%80%80%E8%B2%A8%E8%99%95%E7%90%86/");
    assert_eq!(case["url"], "https://intranet.example/journal/cases/%E9%80%80%E8%B2%A8%E8%99%95%E7%90%86/");
    assert_eq!(case["section"], "cases");
    assert_eq!(case["date"], "2026-10-20T00:00:00+08:00");
    assert_eq!(case["timestamp"], 1_792_425_600);
    for (key, value) in [("channel", "電話"), ("outcome", "已解決"), ("priority", "高"), ("product", "藍牙耳機")]
    {
        assert_eq!(case[key], value, "{key}");
    }
    assert_eq!(case["competencies"], serde_json::json!(["耐心", "積極傾聽"]));
    // A Simplified article and a Traditional query folded as the site folds it meet.
    let query = casebook::fold::fold("投訴帳單");
    assert!(docs[1]["title_folded"].as_str().unwrap().contains(&query), "{query}");
    // Quotes, line breaks, U+2028 and </script> come back as written.
    assert!(docs[0]["body"].as_str().unwrap().contains("</script><script>alert(1)</script> 和行分隔\u{2028}符號"));
    assert!(docs[0].get("channel").is_none(), "an essay has no case fields");
    // The settings each engine needs for Chinese.
    let opensearch: Value = serde_json::from_str(&read(&dir, "opensearch-index.json")).unwrap();
    for field in ["title_folded", "body_folded", "title", "body"] {
        assert_eq!(opensearch["mappings"]["properties"][field]["analyzer"], "casebook_cjk", "{field}");
    }
    let fold = &opensearch["settings"]["analysis"]["char_filter"]["casebook_fold"]["mappings"];
    assert!(fold.as_array().unwrap().contains(&Value::from("貨 => 货")));
    let meilisearch: Value = serde_json::from_str(&read(&dir, "meilisearch-settings.json")).unwrap();
    assert_eq!(meilisearch["searchableAttributes"][0], "title_folded");
    assert!(meilisearch["filterableAttributes"].as_array().unwrap().contains(&Value::from("channel")));
    assert!(read(&dir, "fold.tsv").contains("處\t处\n"));
}

#[test]
fn drafts_are_exported_only_with_drafts() {
    let (_tmp, out, _) = built("export", &["--drafts"]);
    let docs = bulk_documents(&out.join("search/export"), "cases-2026");
    assert!(titles(&docs).contains(&"還沒寫完的草稿心得"), "{:?}", titles(&docs));
}

#[test]
fn the_same_journal_gives_the_same_bytes_and_a_folder_of_its_own_holds_them() {
    let tmp = tempfile::tempdir().unwrap();
    let export = |site: &str, dir: Option<&str>| {
        let mut extra = Vec::new();
        let dir = dir.map(|d| tmp.path().join(d).to_string_lossy().into_owned());
        if let Some(d) = &dir {
            extra.extend(["--search-export", d.as_str()]);
        }
        let o = build(&fixture("export"), &tmp.path().join(site), &extra);
        assert!(o.status.success(), "{}", stderr(&o));
        stderr(&o)
    };
    export("a", None);
    export("b", None);
    let (a, b) = (tree(&tmp.path().join("a/search/export")), tree(&tmp.path().join("b/search/export")));
    assert_eq!(a.len(), 5);
    assert!(a == b, "two builds differ");
    // With --search-export the files go there, and not into the site.
    let err = export("c", Some("engines"));
    assert!(err.contains("5 files in"), "{err}");
    assert!(!tmp.path().join("c/search/export").exists());
    let mut theirs = tree(&tmp.path().join("engines"));
    assert!(theirs.remove(".casebook-output").is_some(), "the folder is marked as casebook's");
    assert!(theirs == a, "the folder holds what the site would");
    // The folder is replaced whole: a part left from a larger export goes.
    std::fs::write(tmp.path().join("engines/opensearch-0002.ndjson"), "old\n").unwrap();
    export("c", Some("engines"));
    let mut again = tree(&tmp.path().join("engines"));
    again.remove(".casebook-output");
    assert!(again == a, "{:?}", again.keys().collect::<Vec<_>>());
}

#[test]
fn an_export_folder_that_would_harm_the_journal_or_the_site_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("journal");
    copy_dir(&fixture("export"), &root);
    let out = tmp.path().join("site");
    let foreign = tmp.path().join("mine");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "keep me").unwrap();
    let refused = [
        (out.join("engines"), "is the site's output folder"),
        (tmp.path().join("site/../site"), "is the site's output folder"),
        (tmp.path().to_path_buf(), "holds the journal itself"),
        (root.join("content"), "is inside content/"),
        (root.join("content/x/../../data"), "is the journal's data/ folder"),
        (root.join("content/.."), "holds the journal itself"),
        (foreign.clone(), "choose another --search-export folder"),
        (Path::new("/").to_path_buf(), "cannot be `/`"),
    ];
    for (dir, said) in refused {
        let o = build(&root, &out, &["--search-export", dir.to_str().unwrap()]);
        let err = stderr(&o);
        assert!(!o.status.success(), "{}: {err}", dir.display());
        assert!(err.contains(said), "{}: {err}", dir.display());
        assert!(!out.exists(), "{}: refused before anything is written", dir.display());
    }
    assert_eq!(std::fs::read_to_string(foreign.join("notes.txt")).unwrap(), "keep me");
    assert_eq!(std::fs::read_dir(&foreign).unwrap().count(), 1);
    assert!(tree(&root) == tree(&fixture("export")), "the journal is as it was");
}
