//! `search/facets-<hash>.json`: what the search page filters by, for every
//! article. Each facet's names are listed once, numbered in order of first
//! use, and each article is a row of numbers:
//!
//! ```json
//! {"docs": [[0, [0], [0], [0], [0], [0], [], [0]], [1, [], [0]]],
//!  "keys": ["tag", "author", "channel", "outcome", "priority", "product", "competencies"],
//!  "names": [["退換貨"], ["陳小姐"], ["電話"], ["已升級"], ["高"], [], ["積極傾聽"]],
//!  "sections": ["案例", "心得"]}
//! ```
//!
//! A row is the article's section, then its names of each key in order;
//! empty lists at the end of a row are left out. Names are the words the
//! pages show (電話, not `phone`), which the search page's filters offer.

use std::collections::HashMap;
use std::sync::Arc;

use super::SearchDoc;
use crate::config::SEARCH_FILTERS;

/// The case fields a search result shows (label and value).
pub const SHOWN: [&str; 2] = ["channel", "outcome"];

/// The facets file of `docs`.
pub fn facets(docs: &[Arc<SearchDoc>]) -> String {
    let keys: Vec<&str> = ["tag", "author"].into_iter().chain(SEARCH_FILTERS).collect();
    let mut sections: Vec<(&str, &str)> = Vec::new();
    let mut names: Vec<Vec<&str>> = vec![Vec::new(); keys.len()];
    // Numbered in order of first use; the maps find a name's number.
    let mut numbers: Vec<HashMap<&str, usize>> = vec![HashMap::new(); keys.len()];
    let mut rows = Vec::with_capacity(docs.len());
    for d in docs {
        let s = match sections.iter().position(|(name, _)| *name == d.section) {
            Some(i) => i,
            None => {
                sections.push((&d.section, &d.section_title));
                sections.len() - 1
            }
        };
        let mut row = vec![serde_json::json!(s)];
        for (k, key) in keys.iter().enumerate() {
            let values: Vec<&str> = match *key {
                "tag" => d.tags.iter().map(String::as_str).collect(),
                "author" => d.authors.iter().map(String::as_str).collect(),
                _ => d.facts.iter().filter(|f| f.key == *key).map(|f| f.value.as_str()).collect(),
            };
            let list = &mut names[k];
            let numbered: Vec<usize> = values
                .into_iter()
                .map(|v| {
                    *numbers[k].entry(v).or_insert_with(|| {
                        list.push(v);
                        list.len() - 1
                    })
                })
                .collect();
            row.push(serde_json::json!(numbered));
        }
        while row.len() > 1 && row.last().is_some_and(|v| v.as_array().is_some_and(Vec::is_empty)) {
            row.pop();
        }
        rows.push(serde_json::Value::Array(row));
    }
    let sections: Vec<&str> = sections.into_iter().map(|(_, title)| title).collect();
    serde_json::json!({"sections": sections, "keys": keys, "names": names, "docs": rows}).to_string()
}

#[cfg(test)]
mod tests {
    use super::super::Fact;
    use super::*;

    fn fact(key: &str, value: &str) -> Fact {
        Fact { key: key.into(), label: key.into(), value: value.into() }
    }

    #[test]
    fn rows_number_each_facet_and_drop_empty_ends() {
        let case = SearchDoc {
            section: "cases".into(),
            section_title: "案例".into(),
            tags: vec!["退換貨".into()],
            facts: vec![fact("channel", "電話"), fact("outcome", "已升級"), fact("competencies", "積極傾聽")],
            ..Default::default()
        };
        let essay = SearchDoc {
            section: "essays".into(),
            section_title: "心得".into(),
            authors: vec!["陳".into()],
            ..Default::default()
        };
        let json: serde_json::Value =
            serde_json::from_str(&facets(&[Arc::new(case), Arc::new(essay)])).unwrap_or_default();
        assert_eq!(json["sections"], serde_json::json!(["案例", "心得"]));
        assert_eq!(json["keys"][2], "channel");
        assert_eq!(json["names"][2], serde_json::json!(["電話"]));
        assert_eq!(json["names"][3], serde_json::json!(["已升級"]));
        assert_eq!(json["docs"], serde_json::json!([[0, [0], [], [0], [0], [], [], [0]], [1, [], [0]]]));
    }
}
