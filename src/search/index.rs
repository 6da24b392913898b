//! Builds the search index and splits it for the browser.
//!
//! The articles are indexed as elasticlunr-rs indexes them, through its
//! language [`super::tokenize::CasebookLanguage`], in parallel chunks
//! (counted directly, see [`add_docs`]; a test checks the counts against
//! elasticlunr-rs's own index), into posting lists, which are written as:
//!
//! - `search/manifest.json`: document count, fields and boosts, shard names;
//! - `search/s/<n>.bin`: shard `n` holds a contiguous range of the
//!   sorted terms (`search/t/<k>.bin` list where each starts, 128 a file), every field's list
//!   of each: `{"title": {"退货": [df, doc, w, m, Δdoc, w, m, ...]}}`, where `w`
//!   is elasticlunr's `tf / sqrt(field length)` in thousandths and `m` the
//!   mask of the terms that follow it there ([`super::next`]), and, for a
//!   term cut to its best documents, its other documents (`"*"`,
//!   [`encode_term`]). Shards are cut at
//!   about `shard_bytes` of text, so a common first character spans several shards
//!   and a query fetches only the ones holding its terms;
//! - `search/a/<id>.bin`: one article's title, address, section, date, tags
//!   and the start of its plain text, fetched only for the results shown
//!   (snippets), and `search/a/<id>-r.bin`, the rest of the text ([`packed`]);
//! - `search/fold-<hash>.bin`: the Traditional → Simplified pairs, so the
//!   browser folds queries exactly as the index was folded;
//! - `search/facets-<hash>.bin`: section, tags, authors and case fields
//!   (channel, outcome...) of every article, fetched only when the reader
//!   filters ([`facets`]).
//!
//! All but the manifest are JSON or text compressed with zlib ([`packed`]).
//!
//! The browser scores with elasticlunr's formula (see `search.js`): per
//! field, `Σ w · idf · penalty`, idf = 1 + ln(N / (df + 1)), times the
//! field's boost, summed over fields. A very common term keeps its exact df
//! and weights and follow masks for only its `max_postings` best documents
//! in each field, which bounds shard size; the other documents that have it
//! are listed by number, once for all fields, so that a query's every word
//! still rules documents out.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::site_file::OutputFile;

pub use crate::config::{SearchOptions, SEARCH_FIELDS as FIELDS};

/// One article as search sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDoc {
    /// Site path, percent-encoded: `cases/%E9%80%80/`.
    pub url: String,
    pub title: String,
    pub section: String,
    pub section_title: String,
    pub kind_label: String,
    /// The date as the site shows it (`date_format`).
    pub date: String,
    /// The same date and time in RFC 3339, for other engines ([`super::export`]).
    pub date_iso: String,
    /// The language of the article's text (`zh-Hant`).
    pub lang: String,
    pub series: Option<String>,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    pub summary: String,
    pub headings: Vec<String>,
    /// Shared with the rendered article.
    pub body: std::sync::Arc<str>,
    /// Case fields as shown (channel, product, outcome, competencies...).
    pub fields: Vec<String>,
    /// The same case fields by key (no series or satisfaction), for the
    /// search page's filters and the facts shown in results.
    pub facts: Vec<Fact>,
}

/// One case field of an article as its page shows it: `channel`, 渠道, 電話.
/// A field with several values (competencies) has one fact per value, and
/// a field results do not show may have no label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fact {
    pub key: String,
    pub label: String,
    pub value: String,
}

impl SearchDoc {
    fn field_texts(&self) -> [std::borrow::Cow<'_, str>; 7] {
        [
            self.title.as_str().into(),
            self.tags.join(" ").into(),
            self.summary.as_str().into(),
            self.headings.join("\n").into(),
            (*self.body).into(),
            self.authors.join(" ").into(),
            self.fields.join(" ").into(),
        ]
    }
}

#[derive(Debug, Default, Clone)]
pub struct SearchStats {
    pub documents: usize,
    pub terms: usize,
    pub shards: usize,
    pub bytes: usize,
}

/// Term → postings (doc, tf, mask of the terms after it) of one field.
type TermPostings = HashMap<String, Vec<(u32, f32, u16)>>;
/// One field's postings of a term: (field index, postings).
type FieldPostings<'a> = (usize, &'a [(u32, f32, u16)]);
/// (field index) → term → postings.
type Postings = Vec<TermPostings>;
/// Field lengths (tokens) of a document, in [`FIELDS`] order.
type Lengths = (u32, [u32; 7]);

/// What the last build indexed, kept by `serve` between saves so that the
/// next build re-indexes only the articles that changed and rewrites only
/// the shards holding their terms. Shards keep the cut points of the first
/// build (a shard that grows is not split), so the files can differ from a
/// fresh build's while every term's postings are the same.
#[derive(Default)]
pub struct SearchCache {
    state: Option<State>,
}

struct State {
    options: u64,
    /// Shared with the renderer, which keeps an unchanged article's
    /// document: comparing two of those is comparing pointers.
    docs: Vec<Arc<SearchDoc>>,
    postings: Postings,
    lengths: Vec<[u32; 7]>,
    /// Term → every field's encoded list of it, fields in order.
    encoded: BTreeMap<String, Vec<(usize, String)>>,
    /// How many lists `encoded` holds (for the stats).
    lists: usize,
    starts: Vec<String>,
    shards: Vec<Shard>,
    article_hashes: Vec<String>,
    /// `search/a/<id>.bin` (and `-r.bin`) of each article ([`packed`]).
    articles: Vec<Vec<OutputFile>>,
    facets: Shard,
}

/// Shards whose starts one file of starts holds (see [`Manifest`]).
const STARTS_PAGE: usize = 128;

/// A compressed file of the index with the hash of its text, made when it
/// changes.
struct Shard {
    file: OutputFile,
    hash: String,
    /// Compressed.
    bytes: usize,
}

impl Shard {
    /// `name` has `{}` where the hash goes.
    fn new(name: &str, text: String) -> Shard {
        let hash = short_hash(text.as_bytes());
        let file = packed::file(name.replace("{}", &hash), &text);
        let bytes = file.bytes().map_or(0, |b| b.len());
        Shard { file, bytes, hash }
    }
}

/// At most this many changed articles are re-indexed one by one; more
/// (or any added, removed or moved article) re-index everything.
const INCREMENTAL_LIMIT: usize = 64;

/// Builds every search file, reusing `cache` when only a few articles changed.
pub fn build(docs: &[Arc<SearchDoc>], opts: &SearchOptions, cache: &mut SearchCache) -> (Vec<OutputFile>, SearchStats) {
    let options = opts.key();
    let mut lap = std::time::Instant::now();
    let state = match cache.state.take() {
        Some(mut state) if state.options == options && state.docs.len() == docs.len() => {
            let changed: Vec<usize> = (0..docs.len()).filter(|&i| state.docs[i] != docs[i]).collect();
            let moved = changed.iter().any(|&i| state.docs[i].url != docs[i].url);
            crate::profile::lap("    compare", &mut lap);
            if changed.len() <= INCREMENTAL_LIMIT && !moved {
                update(&mut state, docs, &changed, opts);
                crate::profile::lap("    update", &mut lap);
                state
            } else {
                full(docs, opts, options)
            }
        }
        _ => full(docs, opts, options),
    };
    let out = files(&state, opts);
    crate::profile::lap("    files", &mut lap);
    cache.state = Some(state);
    out
}

fn full(docs: &[Arc<SearchDoc>], opts: &SearchOptions, options: u64) -> State {
    let mut lap = std::time::Instant::now();
    let (postings, lengths) = index_with_elasticlunr(docs);
    crate::profile::lap("    elasticlunr", &mut lap);
    // Encode each term's list once; then group the encoded lists into shards.
    let mut by_term: BTreeMap<&String, Vec<FieldPostings>> = BTreeMap::new();
    for (f, terms) in postings.iter().enumerate() {
        for (term, list) in terms {
            by_term.entry(term).or_default().push((f, list));
        }
    }
    let encoded: BTreeMap<String, Vec<(usize, String)>> = by_term
        .into_par_iter()
        .map(|(term, lists)| (term.clone(), encode_term(&lists, &lengths, opts.max_postings)))
        .collect();
    crate::profile::lap("    encode", &mut lap);
    // Terms in code-point order, cut into shards of about `shard_bytes`. A
    // shard holds a contiguous range of terms, so a term is always in
    // exactly one shard and a prefix's terms are in neighbouring ones.
    // A shard's start is the shortest beginning of its first term that
    // comes after the last term before it.
    let mut starts: Vec<String> = Vec::new();
    let (mut size, mut last) = (0, "");
    for (term, lists) in &encoded {
        let bytes: usize = lists.iter().map(|(f, l)| term.len() + packed_size(*f, l) + 6).sum();
        if starts.is_empty() || (size > 0 && size + bytes > opts.shard_bytes) {
            starts.push(separator(last, term));
            size = 0;
        }
        size += bytes;
        last = term;
    }
    if starts.is_empty() {
        starts.push(String::new());
    }
    let mut state = State {
        options,
        docs: docs.to_vec(),
        postings,
        lengths,
        lists: encoded.values().map(Vec::len).sum(),
        encoded,
        starts,
        shards: Vec::new(),
        article_hashes: Vec::new(),
        articles: Vec::new(),
        facets: Shard::new("search/facets-{}.bin", facets::facets(docs)),
    };
    let articles: Vec<(Vec<OutputFile>, String)> =
        docs.par_iter().enumerate().map(|(i, d)| packed::article_files(i, d)).collect();
    (state.articles, state.article_hashes) =
        articles.into_iter().map(|(files, text)| (files, short_hash(text.as_bytes()))).unzip();
    crate::profile::lap("    articles, facets", &mut lap);
    state.shards = (0..state.starts.len()).into_par_iter().map(|n| shard_file(&state, n)).collect();
    crate::profile::lap("    shards", &mut lap);
    state
}

/// Re-indexes the `changed` articles in place and rewrites the shards whose
/// text changes: those holding a term whose encoded list an article's new
/// text changes (a term it gained or lost, or whose weight for it moved).
fn update(state: &mut State, docs: &[Arc<SearchDoc>], changed: &[usize], opts: &SearchOptions) {
    let mut lap = std::time::Instant::now();
    let mut touched: BTreeSet<String> = BTreeSet::new();
    // The facets file lists every article's section, tags, authors and case fields.
    let facet_fields = |d: &SearchDoc| {
        (d.section.clone(), d.section_title.clone(), d.tags.clone(), d.authors.clone(), d.facts.clone())
    };
    let facets_changed = changed.iter().any(|&i| facet_fields(&state.docs[i]) != facet_fields(&docs[i]));
    for &i in changed {
        let doc = i as u32;
        let (old, _) = index_with_elasticlunr(std::slice::from_ref(&state.docs[i]));
        let (new, lengths) = index_with_elasticlunr(std::slice::from_ref(&docs[i]));
        let tf_of = |terms: &TermPostings, term: &str| terms.get(term).and_then(|l| l.first()).map(|p| (p.1, p.2));
        for f in 0..FIELDS.len() {
            let (old_len, new_len) = (state.lengths[i][f], lengths[0][f]);
            let terms: BTreeSet<&String> = old[f].keys().chain(new[f].keys()).collect();
            for term in terms {
                let (before, after) = (tf_of(&old[f], term), tf_of(&new[f], term));
                if before == after && old_len == new_len {
                    continue;
                }
                if before.map(|(tf, m)| (weight(tf, old_len), m)) != after.map(|(tf, m)| (weight(tf, new_len), m)) {
                    touched.insert(term.clone());
                }
                if before == after {
                    continue;
                }
                let postings = state.postings[f].entry(term.clone()).or_default();
                let at = postings.partition_point(|p| p.0 < doc);
                match after {
                    Some((tf, m)) if postings.get(at).is_some_and(|p| p.0 == doc) => postings[at] = (doc, tf, m),
                    Some((tf, m)) => postings.insert(at, (doc, tf, m)),
                    None => {
                        if postings.get(at).is_some_and(|p| p.0 == doc) {
                            postings.remove(at);
                        }
                    }
                }
                if postings.is_empty() {
                    state.postings[f].remove(term);
                }
            }
        }
        state.lengths[i] = lengths[0];
        state.docs[i] = docs[i].clone();
        let (files, text) = packed::article_files(i, &docs[i]);
        state.article_hashes[i] = short_hash(text.as_bytes());
        state.articles[i] = files;
    }
    crate::profile::lap("      reindex", &mut lap);
    if facets_changed {
        state.facets = Shard::new("search/facets-{}.bin", facets::facets(docs));
    }
    crate::profile::lap("      facets", &mut lap);
    let encoded: Vec<(&String, Vec<(usize, String)>)> = touched
        .par_iter()
        .map(|term| {
            let lists: Vec<FieldPostings> =
                (0..FIELDS.len()).filter_map(|f| Some((f, state.postings[f].get(term)?.as_slice()))).collect();
            (term, encode_term(&lists, &state.lengths, opts.max_postings))
        })
        .collect();
    let mut shards = Vec::new();
    for (term, lists) in encoded {
        if state.encoded.get(term) == Some(&lists) || (lists.is_empty() && !state.encoded.contains_key(term)) {
            continue;
        }
        state.lists += lists.len();
        let old = if lists.is_empty() { state.encoded.remove(term) } else { state.encoded.insert(term.clone(), lists) };
        state.lists -= old.map_or(0, |l| l.len());
        shards.push(shard_of(term, &state.starts));
    }
    shards.dedup();
    crate::profile::lap(&format!("      encode {} terms", touched.len()), &mut lap);
    let files: Vec<(usize, Shard)> = shards.into_par_iter().map(|n| (n, shard_file(state, n))).collect();
    crate::profile::lap(&format!("      {} shards", files.len()), &mut lap);
    for (n, shard) in files {
        state.shards[n] = shard;
    }
}

/// About what field `f`'s encoded list adds to a compressed shard, in
/// bytes of text: the numbers of the other documents (`[1,1,2,...]`,
/// mostly one digit apart) compress about four times better than a
/// field's list, and a bitmap's characters are about as random as its bits.
fn packed_size(f: usize, list: &str) -> usize {
    match (f < FIELDS.len(), list.starts_with('"')) {
        (true, _) => list.len(),
        (false, true) => list.len() * 3 / 4,
        (false, false) => list.len() / 4,
    }
}

/// The shortest beginning of `term` that comes after `before` (code-point
/// order, as Rust compares strings and `search.js` compares terms).
fn separator(before: &str, term: &str) -> String {
    let mut ends = term.char_indices().map(|(i, c)| i + c.len_utf8());
    ends.find(|&end| &term[..end] > before).map_or_else(|| term.to_string(), |end| term[..end].to_string())
}

/// What a term's list stores for a document: its term frequency over the
/// square root of the field's length, in thousandths (at least 1).
fn weight(tf: f32, len: u32) -> u32 {
    let norm = if len == 0 { 1.0 } else { 1.0 / (len as f64).sqrt() };
    ((tf as f64 * norm * 1000.0).round() as u32).max(1)
}

fn shard_file(state: &State, n: usize) -> Shard {
    Shard::new(&format!("search/s/{n}.bin"), shard_json(state, n))
}

/// Shard `n` as JSON: `{"field": {"term": [list], ...}, ...}`.
fn shard_json(state: &State, n: usize) -> String {
    use std::ops::Bound;
    let from = Bound::Included(state.starts[n].clone());
    let to = state.starts.get(n + 1).map_or(Bound::Unbounded, |s| Bound::Excluded(s.clone()));
    let mut fields: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for (term, lists) in state.encoded.range((from, to)) {
        for (f, list) in lists {
            fields.entry(field_name(*f)).or_default().push((term, list));
        }
    }
    let mut json = String::from("{");
    for (i, (field, terms)) in fields.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&format!("{}:{{", json_string(field)));
        for (j, (term, list)) in terms.iter().enumerate() {
            if j > 0 {
                json.push(',');
            }
            json.push_str(&json_string(term));
            json.push(':');
            json.push_str(list);
        }
        json.push('}');
    }
    json.push('}');
    json
}

fn files(state: &State, opts: &SearchOptions) -> (Vec<OutputFile>, SearchStats) {
    let docs = &state.docs;
    let mut files = Vec::new();
    let mut stats =
        SearchStats { documents: docs.len(), terms: state.lists, shards: state.shards.len(), ..Default::default() };
    let mut shard_names = String::new();
    for shard in &state.shards {
        shard_names.push_str(&shard.hash);
        stats.bytes += shard.bytes;
        files.push(shard.file.clone());
    }
    // Where each shard starts, a page of STARTS_PAGE shards a file: a query
    // fetches the pages of its terms, whatever the journal's size.
    let mut page_names = String::new();
    for (k, page) in state.starts.chunks(STARTS_PAGE).enumerate() {
        let page = Shard::new(&format!("search/t/{k}.bin"), serde_json::to_string(page).unwrap_or_default());
        page_names.push_str(&page.hash);
        files.push(page.file);
    }

    let fold = Shard::new("search/fold-{}.bin", fold_pairs(&state.encoded));
    files.push(fold.file);

    let facets_name = format!("facets-{}.bin", state.facets.hash);
    files.push(state.facets.file.clone());

    let mut build_hash_input = shard_names.clone();
    for (i, article) in state.articles.iter().enumerate() {
        build_hash_input.push_str(&state.article_hashes[i]);
        files.extend(article.iter().cloned());
    }

    let manifest = Manifest {
        version: 4,
        next_bits: super::next::BITS,
        docs: docs.len(),
        fields: FIELDS.iter().map(|f| (f.to_string(), opts.weights.get(*f).copied().unwrap_or(1.0))).collect(),
        shards: state.shards.len(),
        page_size: STARTS_PAGE,
        pages: state.starts.iter().step_by(STARTS_PAGE).cloned().collect(),
        pages_hash: short_hash(page_names.as_bytes()),
        shards_hash: short_hash(shard_names.as_bytes()),
        fold: format!("fold-{}.bin", fold.hash),
        facets: facets_name,
        build: short_hash(build_hash_input.as_bytes()),
    };
    files.push(OutputFile::text("search/manifest.json", serde_json::to_string(&manifest).unwrap_or_default()));
    (files, stats)
}

#[derive(Serialize)]
struct Manifest {
    version: u32,
    /// The bits of each posting's mask of following terms.
    next_bits: u32,
    docs: usize,
    fields: Vec<(String, f64)>,
    shards: usize,
    /// Shards a page of starts holds (`search/t/<k>.bin`, the starts of
    /// shards `k * page_size` on, in order): a term is in the last shard
    /// whose start is not after it (code-point order).
    page_size: usize,
    /// The first start of each page: a term's shard is in the last page
    /// whose first start is not after it.
    pages: Vec<String>,
    /// Changes whenever any page changes; added to their URLs.
    pages_hash: String,
    /// Changes whenever any shard changes; added to their URLs
    /// (`s/<n>.bin?<shards_hash>`).
    shards_hash: String,
    fold: String,
    facets: String,
    /// Changes whenever any article file changes; added to their URLs.
    build: String,
}

/// The shard holding `term`, given each shard's first term; `search.js`
/// looks terms up the same way.
pub fn shard_of(term: &str, starts: &[String]) -> usize {
    starts.partition_point(|s| s.as_str() <= term).saturating_sub(1)
}

/// The name, in a shard, of the lists of [`encode_term`]'s other documents.
const OTHERS: &str = "*";

/// A field's name in a shard: [`FIELDS`], then [`OTHERS`].
fn field_name(f: usize) -> &'static str {
    FIELDS.get(f).copied().unwrap_or(OTHERS)
}

/// A term's lists, by field (`lists`, in field order): each field's
/// `[df, doc, w, m, Δdoc, w, m, ...]` of its `max` best documents. When a
/// field has more, the term also gets, as field `FIELDS.len()` ([`OTHERS`]),
/// the documents that have it in such a field and are in no field's best,
/// once for all fields: so that every document that has the term is known,
/// if not its weight or what follows the term there. They are a list of
/// document numbers (`[doc, Δdoc, ...]`), or a bitmap ([`bitmap`]) where
/// that is shorter.
fn encode_term(lists: &[FieldPostings], lengths: &[[u32; 7]], max: usize) -> Vec<(usize, String)> {
    use std::fmt::Write;
    let mut out = Vec::with_capacity(lists.len() + 1);
    let (mut best, mut past) = (Vec::new(), Vec::new());
    for &(field, list) in lists {
        let mut weighted: Vec<(u32, u32, u16)> =
            list.iter().map(|&(doc, tf, m)| (doc, weight(tf, lengths[doc as usize][field]), m)).collect();
        if weighted.len() > max {
            weighted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            past.extend(weighted[max..].iter().map(|p| p.0));
            weighted.truncate(max);
        }
        weighted.sort_by_key(|&(doc, _, _)| doc);
        best.extend(weighted.iter().map(|p| p.0));
        let mut text = String::with_capacity(weighted.len() * 8 + 8);
        let _ = write!(text, "[{}", list.len());
        let mut prev = 0;
        for (doc, w, m) in weighted {
            let _ = write!(text, ",{},{w},{m}", doc - prev);
            prev = doc;
        }
        text.push(']');
        out.push((field, text));
    }
    if lists.iter().any(|(_, list)| list.len() > max) {
        best.sort_unstable();
        past.sort_unstable();
        past.dedup();
        past.retain(|d| best.binary_search(d).is_err());
        out.push((FIELDS.len(), documents(&past)));
    }
    out
}

/// The sorted document numbers `docs` as JSON: a list of gaps
/// (`[doc, Δdoc, ...]`), or a [`bitmap`] where that is shorter.
fn documents(docs: &[u32]) -> String {
    use std::fmt::Write;
    let mut gaps = String::from("[");
    let mut prev = 0;
    for (i, &doc) in docs.iter().enumerate() {
        let _ = write!(gaps, "{}{}", if i > 0 { "," } else { "" }, doc - prev);
        prev = doc;
    }
    gaps.push(']');
    let bits = bitmap(docs);
    if bits.len() + 2 < gaps.len() {
        format!("\"{bits}\"")
    } else {
        gaps
    }
}

/// Base64 digits, in order: a bitmap's character is the digit of its six bits.
const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The sorted document numbers `docs` as a bitmap, six documents a
/// character: character `k` is the base64 digit whose bit `b` (value
/// `1 << b`) says whether document `6k + b` is listed.
fn bitmap(docs: &[u32]) -> String {
    let len = docs.last().map_or(0, |&d| d as usize / 6 + 1);
    let mut digits = vec![0u8; len];
    for &d in docs {
        digits[d as usize / 6] |= 1 << (d % 6);
    }
    digits.into_iter().map(|v| BASE64[v as usize] as char).collect()
}

/// Indexes the documents as elasticlunr-rs's `Index::add_doc` does, in
/// parallel chunks: postings and field lengths.
fn index_with_elasticlunr(docs: &[Arc<SearchDoc>]) -> (Postings, Vec<[u32; 7]>) {
    let chunk = 256;
    let parts: Vec<(Postings, Vec<Lengths>)> =
        docs.par_chunks(chunk).enumerate().map(|(c, part)| add_docs(part, c * chunk)).collect();
    let mut lengths = vec![[0u32; 7]; docs.len()];
    let mut per_field: Vec<Vec<TermPostings>> = vec![Vec::new(); FIELDS.len()];
    for (p, l) in parts {
        for (f, terms) in p.into_iter().enumerate() {
            per_field[f].push(terms);
        }
        for (doc, len) in l {
            lengths[doc as usize] = len;
        }
    }
    // Chunks hold consecutive documents, in order: appending keeps lists sorted.
    let postings: Postings = per_field
        .into_par_iter()
        .map(|chunks| {
            let mut merged: TermPostings = HashMap::default();
            for terms in chunks {
                for (term, mut list) in terms {
                    list.sort_by_key(|p| p.0);
                    merged.entry(term).or_default().extend(list);
                }
            }
            merged
        })
        .collect();
    (postings, lengths)
}

/// What elasticlunr-rs's `Index::add_doc` records for documents numbered
/// from `first`: per field, each token of the language's tokenizer and
/// pipeline with `sqrt(count)`, and the field's token count. Its own index
/// keeps these in a tree of maps per character and writes them as JSON,
/// which took 28 of the 51 seconds of a 10,000-article build; the test
/// `counts_match_elasticlunr` checks that both give the same postings.
fn add_docs(docs: &[Arc<SearchDoc>], first: usize) -> (Postings, Vec<Lengths>) {
    let mut postings: Postings = vec![HashMap::default(); FIELDS.len()];
    let mut lengths = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let doc = (first + i) as u32;
        let mut l = [0u32; 7];
        for (f, text) in d.field_texts().iter().enumerate() {
            // As CasebookLanguage tokenizes (its pipeline does nothing), as slices.
            let folded = crate::fold::fold(text);
            let tokens = super::tokenize::tokens_of(&folded);
            l[f] = tokens.len() as u32;
            let next = super::next::masks(&tokens);
            let mut counts: HashMap<&str, u64> = HashMap::default();
            for token in &tokens {
                *counts.entry(token).or_default() += 1;
            }
            for (token, count) in counts {
                if !token.is_empty() {
                    let mask = next.get(token).copied().unwrap_or(0);
                    let posting = (doc, (count as f64).sqrt() as f32, mask);
                    // A term seen before costs no new string.
                    match postings[f].get_mut(token) {
                        Some(list) => list.push(posting),
                        None => {
                            postings[f].insert(token.to_string(), vec![posting]);
                        }
                    }
                }
            }
        }
        lengths.push((doc, l));
    }
    (postings, lengths)
}

mod facets;
pub mod packed;
#[cfg(test)]
mod reference;

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// FNV-1a (64-bit), as 8 hex digits: a cache-busting name, not a security hash.
pub fn short_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:08x}", (h >> 32) as u32 ^ h as u32)
}

/// The folding pairs as one string: `臺台後后…` (two characters a pair).
/// Only the pairs whose Simplified character is in some term of `terms`:
/// a query's other characters match nothing, folded or not (every CJK
/// character of a text begins a term, or is the term at the end of a run).
fn fold_pairs<V>(terms: &BTreeMap<String, V>) -> String {
    let indexed = |c: char| {
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        let from = (std::ops::Bound::Included(s), std::ops::Bound::Unbounded);
        !crate::fold::is_cjk(c) || terms.range::<str, _>(from).next().is_some_and(|(t, _)| t.starts_with(s))
    };
    let mut pairs: Vec<(char, char)> =
        crate::fold::table().iter().filter(|(_, &b)| indexed(b)).map(|(&a, &b)| (a, b)).collect();
    pairs.sort();
    pairs.into_iter().flat_map(|(a, b)| [a, b]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, body: &str) -> Arc<SearchDoc> {
        Arc::new(SearchDoc { title: title.into(), body: body.into(), url: "x/".into(), ..Default::default() })
    }

    #[test]
    fn elasticlunr_postings_are_read_back() {
        let docs = [doc("退貨", "退貨退貨 耳機"), doc("帳單", "耳機")];
        let (postings, lengths) = index_with_elasticlunr(&docs);
        let title = &postings[0];
        use crate::search::next::bit;
        assert_eq!(title["退货"], vec![(0, 1.0, 0)]);
        assert_eq!(title["账单"], vec![(1, 1.0, 0)]);
        let body = &postings[4];
        // tf is elasticlunr's sqrt(count): 退货 twice in doc 0 (退货退货),
        // followed by 货退 and then by 耳机 (the run's end 货 follows nothing).
        assert_eq!(body["退货"], vec![(0, 2f32.sqrt(), bit("货退") | bit("耳机"))]);
        assert_eq!(body["耳机"], vec![(0, 1.0, 0), (1, 1.0, 0)]);
        // 退货 货 退货 货 耳机 机 = 6 tokens in doc 0's body.
        assert_eq!(lengths[0][4], 6);
    }

    #[test]
    fn postings_keep_df_and_the_best_documents() {
        let list: Vec<(u32, f32, u16)> = (0..5).map(|d| (d, 1.0 + d as f32, d as u16)).collect();
        let lengths = vec![[1u32; 7]; 5];
        let encode = |lists: &[FieldPostings], max| encode_term(lists, &lengths, max);
        assert_eq!(encode(&[(0, &list)], 10), [(0, "[5,0,1000,0,1,2000,1,1,3000,2,1,4000,3,1,5000,4]".to_string())]);
        // The others are listed by number only, once for all fields: as a
        // bitmap (documents 0, 1 and 2 are bits 1 + 2 + 4, base64 H) or as
        // numbers when that is shorter.
        assert_eq!(
            encode(&[(0, &list)], 2),
            [(0, "[5,3,4000,3,1,5000,4]".to_string()), (FIELDS.len(), r#""H""#.to_string())]
        );
        // Document 2 is among the best of field 4: not an other.
        let body = [(2, 9.0, 0)];
        assert_eq!(encode(&[(0, &list), (4, &body)], 2)[2], (FIELDS.len(), r#""D""#.to_string()));
        // No field cut: no others.
        assert_eq!(encode(&[(0, &list[..2]), (4, &body)], 2).len(), 2);
        let sparse: Vec<(u32, f32, u16)> = [0, 400, 900].iter().map(|&d| (d, 1.0 + d as f32, 0)).collect();
        let lengths = vec![[1u32; 7]; 901];
        assert_eq!(encode_term(&[(0, &sparse)], &lengths, 1)[1].1, "[0,400]");
        assert_eq!(bitmap(&[0, 5, 6, 13]), "hBC");
    }

    #[test]
    fn shards_and_manifest_agree() {
        let docs: Vec<Arc<SearchDoc>> =
            (0..50).map(|i| doc(&format!("案例{i}"), &format!("客戶{i}要求退貨 ORD38{i}"))).collect();
        let opts = SearchOptions { shard_bytes: 512, ..Default::default() };
        let (files, stats) = build(&docs, &opts, &mut SearchCache::default());
        let manifest: serde_json::Value = files
            .iter()
            .find(|f| &*f.path == "search/manifest.json")
            .map(|f| serde_json::from_slice(&f.bytes().unwrap()).unwrap())
            .unwrap();
        assert_eq!(manifest["docs"], 50);
        let shards = manifest["shards"].as_u64().unwrap() as usize;
        assert_eq!(shards, stats.shards);
        assert!(shards > 1);
        let file = |name: &str| files.iter().find(|f| *f.path == *name).expect("the file exists");
        let pages = manifest["pages"].as_array().unwrap();
        let mut starts: Vec<String> = Vec::new();
        for (k, first) in pages.iter().enumerate() {
            let page: Vec<String> = serde_json::from_value(read(file(&format!("search/t/{k}.bin")))).unwrap();
            assert_eq!(
                Some(&page[0]),
                first.as_str().map(String::from).as_ref(),
                "a page's first start is in the manifest"
            );
            starts.extend(page);
        }
        assert_eq!(starts.len(), shards);
        // A start is as short as it can be: 客, not 客户.
        assert!(starts.iter().any(|s| s == "客"), "{starts:?}");
        // Every term of every shard is found in that shard by the lookup.
        for n in 0..shards {
            let name = format!("search/s/{n}.bin");
            let shard = files.iter().find(|f| *f.path == *name).expect("the shard file exists");
            let shard = read(shard);
            for terms in shard.as_object().unwrap().values() {
                for t in terms.as_object().unwrap().keys() {
                    assert_eq!(shard_of(t, &starts), n, "{t}");
                }
            }
        }
        let n = shard_of("退货", &starts);
        let shard = read(file(&format!("search/s/{n}.bin")));
        assert_eq!(shard["body"]["退货"][0], 50, "df");
        assert_eq!(files.iter().filter(|f| f.path.starts_with("search/a/")).count(), 50);
        // Only the folding pairs of characters in the index: 戶 → 户, not 龍 → 龙.
        let fold = file(&format!("search/{}", manifest["fold"].as_str().unwrap())).bytes().unwrap();
        let fold = String::from_utf8(packed::inflate(&fold).unwrap()).unwrap();
        assert!(fold.contains("戶户") && !fold.contains("龍龙"), "{fold}");
    }

    #[test]
    fn a_start_is_the_shortest_beginning_after_the_term_before() {
        assert_eq!(separator("", "客户"), "客");
        assert_eq!(separator("客户", "客服"), "客服");
        assert_eq!(separator("ord381", "ord38200"), "ord382");
        assert_eq!(separator("ab", "ab"), "ab");
    }

    /// A compressed file's JSON.
    fn read(file: &OutputFile) -> serde_json::Value {
        serde_json::from_slice(&packed::inflate(&file.bytes().unwrap()).unwrap()).unwrap()
    }

    /// Every shard's `field → term → list`, whatever the cut points.
    fn all_postings(files: &[OutputFile]) -> BTreeMap<String, BTreeMap<String, serde_json::Value>> {
        let mut out: BTreeMap<String, BTreeMap<String, serde_json::Value>> = BTreeMap::new();
        for f in files.iter().filter(|f| f.path.starts_with("search/s/")) {
            let shard = read(f);
            for (field, terms) in shard.as_object().unwrap() {
                for (term, list) in terms.as_object().unwrap() {
                    out.entry(field.clone()).or_default().insert(term.clone(), list.clone());
                }
            }
        }
        out
    }

    #[test]
    fn an_incremental_update_gives_the_postings_of_a_full_build() {
        let mut docs: Vec<Arc<SearchDoc>> =
            (0..50).map(|i| doc(&format!("案例{i}"), &format!("客戶{i}要求退貨 ORD38{i}"))).collect();
        let opts = SearchOptions { shard_bytes: 512, ..Default::default() };
        let mut cache = SearchCache::default();
        build(&docs, &opts, &mut cache);
        docs[7] = doc("耳機沒有聲音", "客戶說藍牙耳機沒有聲音，重新配對後好了");
        let body = format!("{} 退貨退貨 新詞彙", docs[20].body);
        Arc::make_mut(&mut docs[20]).body = body.into();
        docs[49] = doc("案例49", "");
        let (incremental, stats) = build(&docs, &opts, &mut cache);
        let (full, full_stats) = build(&docs, &opts, &mut SearchCache::default());
        assert_eq!(all_postings(&incremental), all_postings(&full));
        assert_eq!(stats.terms, full_stats.terms);
        let article = |files: &[OutputFile]| {
            files.iter().find(|f| &*f.path == "search/a/7.bin").unwrap().bytes().unwrap().to_vec()
        };
        assert_eq!(article(&incremental), article(&full));
        // Nothing changed: the same files again.
        let (again, _) = build(&docs, &opts, &mut cache);
        let paths = |files: &[OutputFile]| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&again), paths(&incremental));
    }
}
