//! elasticlunr-rs's own index, read back from its JSON: what
//! [`super::add_docs`] must match.

use elasticlunr::IndexBuilder;

use crate::search::tokenize::CasebookLanguage;
use serde_json::Value;

use super::*;

#[test]
fn counts_match_elasticlunr() {
    let texts = [
        ("退換貨流程", "客戶要求退貨，七天鑑賞期內可以退换货。退貨退貨！ORD-38291 已處理。"),
        ("Refund FAQ", "The refund was sent on 2026-11-02; 客服 replied in English and 中文."),
        ("", ""),
        ("重複 重複 重複", "簡體的退款流程和繁體的退款流程應該一樣。"),
    ];
    let docs: Vec<Arc<SearchDoc>> = texts
        .iter()
        .map(|(t, b)| SearchDoc {
            title: t.to_string(),
            body: (*b).into(),
            tags: vec!["退換貨".into(), "VIP".into()],
            ..Default::default()
        })
        .map(Arc::new)
        .collect();
    let mut index =
        IndexBuilder::with_language(Box::new(CasebookLanguage)).save_docs(false).add_fields(&FIELDS).build();
    for (i, d) in docs.iter().enumerate() {
        index.add_doc(&(i + 5).to_string(), d.field_texts());
    }
    let (mut theirs, mut their_lengths) = read_elasticlunr_json(&index.to_json());
    let (mut ours, mut our_lengths) = add_docs(&docs, 5);
    // elasticlunr has no masks of following terms ([`super::super::next`]).
    for p in theirs.iter_mut().chain(ours.iter_mut()) {
        for list in p.values_mut() {
            list.sort_by_key(|x| x.0);
            list.iter_mut().for_each(|x| x.2 = 0);
        }
    }
    their_lengths.sort_by_key(|x| x.0);
    our_lengths.sort_by_key(|x| x.0);
    assert_eq!(ours, theirs);
    assert_eq!(our_lengths, their_lengths);
    assert!(ours[FIELDS.iter().position(|f| *f == "body").unwrap()].len() > 20);
}

/// Reads elasticlunr's JSON: `index.<field>.root` is a trie of one
/// character per level with `docs` at the end of each term, and
/// `documentStore.docInfo` has the field lengths.
fn read_elasticlunr_json(json: &str) -> (Postings, Vec<Lengths>) {
    fn walk(node: &Value, prefix: &str, out: &mut TermPostings) {
        for (key, value) in node.as_object().into_iter().flatten() {
            match key.as_str() {
                "df" => {}
                "docs" => {
                    for (doc, tf) in value.as_object().into_iter().flatten() {
                        let tf = tf["tf"].as_f64().unwrap_or_default() as f32;
                        out.entry(prefix.to_string()).or_default().push((doc.parse().unwrap_or(0), tf, 0));
                    }
                }
                child => walk(value, &format!("{prefix}{child}"), out),
            }
        }
    }
    let index: Value = serde_json::from_str(json).expect("elasticlunr-rs writes JSON");
    let mut postings: Postings = vec![Default::default(); FIELDS.len()];
    for (f, field) in FIELDS.iter().enumerate() {
        walk(&index["index"][*field]["root"], "", &mut postings[f]);
    }
    let lengths = index["documentStore"]["docInfo"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(doc, lens)| {
            let mut l = [0u32; 7];
            for (i, f) in FIELDS.iter().enumerate() {
                l[i] = lens[*f].as_u64().unwrap_or(0) as u32;
            }
            (doc.parse().unwrap_or(0), l)
        })
        .collect();
    (postings, lengths)
}
