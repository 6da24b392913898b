//! The search documents for a search engine built for large journals,
//! written by `casebook build` when `search.export` in `casebook.yaml` names
//! engines (into the site, under `search/export/`) or with
//! `--search-export DIR` (into a folder of their own); client-side search
//! stays the site's search either way. The files:
//!
//! - `opensearch-0001.ndjson`, …: the body of OpenSearch's (and
//!   Elasticsearch's) `_bulk` API: for each article an action line
//!   `{"index":{"_index":"casebook","_id":"…"}}`, then the document;
//! - `meilisearch-0001.ndjson`, …: one document a line, for Meilisearch's
//!   `POST /indexes/casebook/documents?primaryKey=id`;
//! - `opensearch-index.json`, `meilisearch-settings.json`: the settings each
//!   engine needs for Chinese (the README says how to use them);
//! - `fold.tsv`: the Traditional → Simplified pairs, one a line, for folding
//!   queries the way the documents were folded.
//!
//! The documents are the client-side index's ([`super::docs`]): the
//! published articles (drafts only with `--drafts`), in the same order.
//! Each has its display text and, in fields of their own (`title_folded`,
//! `summary_folded`, `tags_folded`, `body_folded`), the same text through
//! [`crate::fold::fold`], so that a query folded the same way finds both
//! scripts. Every line ends with `\n` and holds no other line break (U+2028
//! and U+2029 are written as escapes). A file holds at most
//! [`PART_BYTES`], under the engines' default request limits (100 MB); a
//! larger export has several, numbered in order. The same journal gives the
//! same bytes.

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use super::index::SearchDoc;
use crate::config::ExportFormat;
use crate::site_file::OutputFile;

/// Where the files go inside the site when `casebook.yaml` asks for them.
pub const SITE_FOLDER: &str = "search/export/";

/// The largest NDJSON file: an article never spans two (one longer than
/// this has a file of its own).
pub const PART_BYTES: usize = 10 * 1024 * 1024;

/// What the export needs from the settings.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `search.export` in `casebook.yaml` (none: no export in the site).
    pub formats: Vec<ExportFormat>,
    /// `search.export_index`, named by the OpenSearch action lines.
    pub index: String,
    /// The site's address (`base_url`, or `--base-url`), ending with `/`.
    pub base_url: String,
}

/// The export files of `formats` for `docs`, named under `folder` (`""` or
/// ending with `/`).
pub fn files(docs: &[Arc<SearchDoc>], settings: &Settings, formats: &[ExportFormat], folder: &str) -> Vec<OutputFile> {
    let lines: Vec<(String, String)> = docs.par_iter().map(|d| document(d, &settings.base_url)).collect();
    let mut out = Vec::new();
    for format in formats {
        let name = |n: usize| format!("{folder}{}-{n:04}.ndjson", format.name());
        match format {
            ExportFormat::OpenSearch => {
                let records = lines.iter().map(|(id, doc)| format!("{}\n{doc}\n", action(&settings.index, id)));
                out.extend(parts(records, name));
                out.push(OutputFile::text(format!("{folder}opensearch-index.json"), opensearch_index()));
            }
            ExportFormat::Meilisearch => {
                out.extend(parts(lines.iter().map(|(_, doc)| format!("{doc}\n")), name));
                out.push(OutputFile::text(format!("{folder}meilisearch-settings.json"), meilisearch_settings()));
            }
        }
    }
    if !formats.is_empty() {
        out.push(OutputFile::text(format!("{folder}fold.tsv"), fold_pairs()));
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The records cut into files of at most [`PART_BYTES`], named `name(1)`,
/// `name(2)`, …; no file when there is no record.
fn parts(records: impl Iterator<Item = String>, name: impl Fn(usize) -> String) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let mut part = String::new();
    for record in records {
        if !part.is_empty() && part.len() + record.len() > PART_BYTES {
            files.push(OutputFile::text(name(files.len() + 1), std::mem::take(&mut part)));
        }
        part.push_str(&record);
    }
    if !part.is_empty() {
        files.push(OutputFile::text(name(files.len() + 1), part));
    }
    files
}

/// `{"index":{"_index":"casebook","_id":"…"}}`.
fn action(index: &str, id: &str) -> String {
    #[derive(Serialize)]
    struct Action<'a> {
        index: Target<'a>,
    }
    #[derive(Serialize)]
    struct Target<'a> {
        _index: &'a str,
        _id: &'a str,
    }
    json_line(&Action { index: Target { _index: index, _id: id } })
}

/// One article as the engines index it.
#[derive(Serialize)]
struct Document<'a> {
    id: &'a str,
    /// The address the site links it at (`base_url` and its path).
    url: String,
    /// Its path in the site, percent-encoded: `cases/%E9%80%80/`.
    path: &'a str,
    title: &'a str,
    title_folded: String,
    section: &'a str,
    section_title: &'a str,
    kind: &'a str,
    /// RFC 3339, with the journal's offset.
    date: &'a str,
    /// The same moment in seconds since 1970 (for sorting and ranges).
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp: Option<i64>,
    lang: &'a str,
    tags: &'a [String],
    tags_folded: Vec<String>,
    authors: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    priority: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    product: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    competencies: Vec<&'a str>,
    summary: &'a str,
    summary_folded: String,
    body: &'a str,
    body_folded: String,
}

/// The id of an article and its document as one line of JSON.
fn document(d: &SearchDoc, base_url: &str) -> (String, String) {
    let id = id_of(&d.url);
    let fact = |key: &str| d.facts.iter().find(|f| f.key == key).map(|f| f.value.as_str());
    let doc = Document {
        id: &id,
        url: format!("{base_url}{}", d.url),
        path: &d.url,
        title: &d.title,
        title_folded: crate::fold::fold(&d.title),
        section: &d.section,
        section_title: &d.section_title,
        kind: &d.kind_label,
        date: &d.date_iso,
        timestamp: chrono::DateTime::parse_from_rfc3339(&d.date_iso).ok().map(|t| t.timestamp()),
        lang: &d.lang,
        tags: &d.tags,
        tags_folded: d.tags.iter().map(|t| crate::fold::fold(t)).collect(),
        authors: &d.authors,
        series: d.series.as_deref(),
        channel: fact("channel"),
        outcome: fact("outcome"),
        priority: fact("priority"),
        product: fact("product"),
        competencies: d.facts.iter().filter(|f| f.key == "competencies").map(|f| f.value.as_str()).collect(),
        summary: &d.summary,
        summary_folded: crate::fold::fold(&d.summary),
        body: &d.body,
        body_folded: crate::fold::fold(&d.body),
    };
    let line = json_line(&doc);
    (id, line)
}

/// An article's id in both engines: the 40 hex digits of the SHA-1 of its
/// path in the site. Meilisearch takes only `a-z A-Z 0-9 - _` (at most
/// 511 bytes) as an id, which a Chinese path is not; a hash of it is
/// valid, as long whatever the path, the same on every build and machine,
/// and independent of `base_url`. SHA-1 (already used for git) makes two
/// paths with one id practically impossible; its collision detector
/// refuses the only paths made to share one, which then get an id from
/// two FNV-1a hashes instead, marked by a leading `f`.
pub fn id_of(path: &str) -> String {
    let mut h = gix_hash::hasher(gix_hash::Kind::Sha1);
    h.update(path.as_bytes());
    match h.try_finalize() {
        Ok(oid) => oid.to_hex().to_string(),
        Err(_) => format!("f{:016x}{:016x}", fnv(path.as_bytes(), 0xcbf2_9ce4_8422_2325), fnv(path.as_bytes(), 1)),
    }
}

fn fnv(bytes: &[u8], seed: u64) -> u64 {
    bytes.iter().fold(seed, |h, b| (h ^ *b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

/// `value` as JSON on one line: serde_json escapes every control
/// character, and U+2028 and U+2029, which some readers take for line
/// breaks, are escaped here.
fn json_line(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    if json.contains(['\u{2028}', '\u{2029}']) {
        json.replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029")
    } else {
        json
    }
}

/// The folding pairs sorted, as `繁\t简` lines.
fn fold_pairs() -> String {
    let mut pairs: Vec<(char, char)> = crate::fold::table().iter().map(|(&a, &b)| (a, b)).collect();
    pairs.sort();
    pairs.into_iter().map(|(a, b)| format!("{a}\t{b}\n")).collect()
}

/// The text fields: searched in their folded form, shown as written.
const TEXT_FIELDS: [&str; 8] =
    ["title", "title_folded", "summary", "summary_folded", "tags_folded", "body", "body_folded", "section_title"];
/// The fields compared as a whole (filters, facets).
const KEYWORD_FIELDS: [&str; 14] = [
    "id",
    "url",
    "path",
    "section",
    "kind",
    "lang",
    "tags",
    "authors",
    "series",
    "channel",
    "outcome",
    "priority",
    "product",
    "competencies",
];

/// OpenSearch's (and Elasticsearch's) settings and mappings, for
/// `PUT /casebook`: every text field analysed by `casebook_cjk`, built
/// from parts that come with the engine (no plugin): the fold pairs as a
/// `mapping` character filter (so a query in either script is folded by
/// the engine itself), the standard tokenizer, `cjk_width`, `lowercase`,
/// and `cjk_bigram` keeping single characters (a one-character query finds
/// them).
fn opensearch_index() -> String {
    let mut pairs: Vec<(char, char)> = crate::fold::table().iter().map(|(&a, &b)| (a, b)).collect();
    pairs.sort();
    let mappings: Vec<String> = pairs.iter().map(|(a, b)| format!("{a} => {b}")).collect();
    let mut properties = serde_json::Map::new();
    for f in TEXT_FIELDS {
        properties.insert(f.into(), serde_json::json!({ "type": "text", "analyzer": "casebook_cjk" }));
    }
    for f in KEYWORD_FIELDS {
        properties.insert(f.into(), serde_json::json!({ "type": "keyword" }));
    }
    properties.insert("date".into(), serde_json::json!({ "type": "date" }));
    properties.insert("timestamp".into(), serde_json::json!({ "type": "long" }));
    let index = serde_json::json!({
        "settings": {
            "analysis": {
                "char_filter": { "casebook_fold": { "type": "mapping", "mappings": mappings } },
                "filter": { "casebook_bigram": { "type": "cjk_bigram", "output_unigrams": true } },
                "analyzer": {
                    "casebook_cjk": {
                        "type": "custom",
                        "char_filter": ["casebook_fold"],
                        "tokenizer": "standard",
                        "filter": ["cjk_width", "lowercase", "casebook_bigram"]
                    }
                }
            }
        },
        "mappings": { "properties": properties }
    });
    serde_json::to_string_pretty(&index).unwrap_or_default() + "\n"
}

/// Meilisearch's settings, for `PATCH /indexes/casebook/settings`: the
/// folded fields are searched (as Chinese: `localizedAttributes`, from
/// Meilisearch 1.10), the others shown and filtered.
fn meilisearch_settings() -> String {
    let settings = serde_json::json!({
        "searchableAttributes": ["title_folded", "tags_folded", "summary_folded", "body_folded", "authors", "product", "competencies"],
        "displayedAttributes": [
            "id", "url", "path", "title", "section", "section_title", "kind", "date", "lang", "tags", "authors",
            "series", "channel", "outcome", "priority", "product", "competencies", "timestamp", "summary", "body"
        ],
        "filterableAttributes": [
            "section", "kind", "lang", "tags", "authors", "series", "channel", "outcome", "priority", "product",
            "competencies", "timestamp"
        ],
        "sortableAttributes": ["timestamp"],
        "localizedAttributes": [{ "attributePatterns": ["*_folded"], "locales": ["cmn"] }]
    });
    serde_json::to_string_pretty(&settings).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::Fact;

    fn doc(url: &str, title: &str, body: &str) -> Arc<SearchDoc> {
        Arc::new(SearchDoc {
            url: url.into(),
            title: title.into(),
            body: body.into(),
            date_iso: "2026-10-20T00:00:00+08:00".into(),
            facts: vec![
                Fact { key: "channel".into(), label: "渠道".into(), value: "電話".into() },
                Fact { key: "competencies".into(), label: String::new(), value: "耐心".into() },
                Fact { key: "competencies".into(), label: String::new(), value: "溝通表達".into() },
            ],
            ..Default::default()
        })
    }

    fn settings() -> Settings {
        Settings { formats: ExportFormat::ALL.to_vec(), index: "casebook".into(), base_url: "/j/".into() }
    }

    #[test]
    fn ids_are_valid_for_meilisearch_and_stable() {
        for path in ["cases/%E9%80%80%E8%B2%A8/", "essays/windows/", "", "a/\"b\"/"] {
            let id = id_of(path);
            assert_eq!(id.len(), 40, "{id}");
            assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
            assert_eq!(id, id_of(path));
        }
        assert_ne!(id_of("cases/a/"), id_of("cases/b/"));
        // SHA-1 of the empty text, as git and everyone else have it.
        assert_eq!(id_of(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }

    #[test]
    fn documents_pair_with_actions_and_carry_folded_text() {
        let docs = [doc("cases/a/", "退貨處理", "客戶要求退貨"), doc("cases/b/", "耳机", "")];
        let files = files(&docs, &settings(), &ExportFormat::ALL, "x/");
        let names: Vec<&str> = files.iter().map(|f| &*f.path).collect();
        assert_eq!(
            names,
            [
                "x/fold.tsv",
                "x/meilisearch-0001.ndjson",
                "x/meilisearch-settings.json",
                "x/opensearch-0001.ndjson",
                "x/opensearch-index.json"
            ]
        );
        let text = |name: &str| {
            String::from_utf8(files.iter().find(|f| &*f.path == name).unwrap().bytes().unwrap().to_vec()).unwrap()
        };
        let bulk = text("x/opensearch-0001.ndjson");
        let lines: Vec<serde_json::Value> = bulk.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 4);
        assert!(bulk.ends_with('\n'));
        assert_eq!(lines[0]["index"]["_index"], "casebook");
        assert_eq!(lines[0]["index"]["_id"], lines[1]["id"]);
        assert_eq!(lines[1]["title_folded"], "退货处理");
        assert_eq!(lines[1]["body_folded"], "客户要求退货");
        assert_eq!(lines[1]["url"], "/j/cases/a/");
        assert_eq!(lines[1]["channel"], "電話");
        assert_eq!(lines[1]["competencies"], serde_json::json!(["耐心", "溝通表達"]));
        assert_eq!(lines[1]["timestamp"], 1_792_425_600);
        assert!(lines[1].get("outcome").is_none());
        let meili = text("x/meilisearch-0001.ndjson");
        let meili: Vec<&str> = meili.lines().collect();
        assert_eq!(meili, [bulk.lines().nth(1).unwrap(), bulk.lines().nth(3).unwrap()]);
        for settings in ["x/opensearch-index.json", "x/meilisearch-settings.json"] {
            serde_json::from_str::<serde_json::Value>(&text(settings)).unwrap();
        }
        assert!(text("x/fold.tsv").contains("貨\t货\n"));
        assert!(super::files(&docs, &settings(), &[], "x/").is_empty());
    }

    #[test]
    fn line_breaks_in_any_form_stay_inside_their_line() {
        let docs = [doc("a/", "引號\"與\n換行\u{2028}和\u{2029}</script>", "\r\n\t\u{0}")];
        let files = files(&docs, &settings(), &[ExportFormat::Meilisearch], "");
        let ndjson = String::from_utf8(files[1].bytes().unwrap().to_vec()).unwrap();
        assert_eq!(ndjson.matches('\n').count(), 1);
        assert!(!ndjson.contains(['\u{2028}', '\u{2029}', '\r']));
        let back: serde_json::Value = serde_json::from_str(ndjson.trim_end()).unwrap();
        assert_eq!(back["title"], "引號\"與\n換行\u{2028}和\u{2029}</script>");
        assert_eq!(back["body"], "\r\n\t\u{0}");
    }

    #[test]
    fn large_exports_are_cut_between_articles() {
        let body = "退".repeat(PART_BYTES / 3 / 3);
        let docs: Vec<Arc<SearchDoc>> = (0..4).map(|i| doc(&format!("a{i}/"), "t", &body)).collect();
        let files = files(&docs, &settings(), &[ExportFormat::OpenSearch], "");
        let parts: Vec<&OutputFile> = files.iter().filter(|f| f.path.ends_with(".ndjson")).collect();
        assert!(parts.len() > 1, "{}", parts.len());
        let mut ids = Vec::new();
        for part in parts {
            let bytes = part.bytes().unwrap();
            assert!(bytes.len() <= PART_BYTES);
            let text = std::str::from_utf8(&bytes).unwrap();
            let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
            assert_eq!(lines.len() % 2, 0, "an action and its document stay together");
            for pair in lines.chunks(2) {
                assert_eq!(pair[0]["index"]["_id"], pair[1]["id"]);
                ids.push(pair[1]["path"].as_str().unwrap().to_string());
            }
        }
        assert_eq!(ids, ["a0/", "a1/", "a2/", "a3/"]);
    }
}
