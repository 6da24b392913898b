//! Related articles: up to five per article, ranked by what they share.
//!
//! Shared tags weigh most, then product, competencies and the wording of the
//! text; a shared channel only adds to something else shared. Text is
//! compared by character bigrams of the folded text (Traditional and
//! Simplified alike, no dictionary needed): each article keeps its most
//! distinctive bigrams (tf-idf), and two articles are as close as the cosine
//! of those. Candidates come from inverted lists, so the work grows with the
//! articles that share something, not with the square of the journal.
//!
//! Every score comes with the reasons, so templates can say why.

use std::collections::HashMap;
use std::hash::BuildHasher;

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{Config, Kind};
use crate::content::Article;
use crate::fold::fold;
use crate::fold::is_cjk;

/// How many bigrams represent an article's text.
const SIGNATURE: usize = 24;
/// Each feature finds candidates among at most this many articles (its
/// strongest); a very common tag or bigram says little anyway.
const MAX_POSTINGS: usize = 400;
pub const MAX_RELATED: usize = 5;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Related {
    pub id: usize,
    pub score: f64,
    /// Plain-words reasons: `標籤：退換貨、耳機`.
    pub reasons: Vec<String>,
}

struct Features {
    tags: Vec<String>,
    tag_names: Vec<String>,
    competencies: Vec<String>,
    product: Option<String>,
    channel: Option<String>,
    /// (bigram key, weight), sorted by key; weights have unit length.
    signature: Vec<(u64, f64)>,
    /// The spelling of each signature bigram as written in the article.
    written: Vec<String>,
}

/// Folds one character the way [`fold`] does a string (full-width forms,
/// lowercase, Traditional → Simplified), for per-character work.
fn fold_one(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    };
    let c = c.to_lowercase().next().unwrap_or(c);
    crate::fold::fold_char(c)
}

/// What [`related`] keeps between builds (`serve`).
pub struct RelatedCache {
    /// [`EXACT_LIMIT`]; tests lower it to reach the incremental path.
    pub exact_limit: usize,
    /// Hash of a text → its bigram counts.
    counts: HashMap<u64, std::sync::Arc<GramCounts>>,
    previous: Option<Previous>,
}

/// One text's bigram counts as the cache on disk keeps them: [`Gram`]s as
/// (key, count, at, len).
pub type SavedCounts = Vec<(u64, u32, u32, u32)>;

impl RelatedCache {
    /// The bigram counts by text key, for the cache on disk.
    pub fn saved_counts(&self) -> Vec<(u64, SavedCounts)> {
        self.counts.iter().map(|(k, c)| (*k, c.iter().map(|g| (g.key, g.count, g.at, g.len)).collect())).collect()
    }

    /// Puts back counts read from disk. Counts not in key order (not
    /// written by [`gram_counts`]) are left out; a spelling outside its
    /// text reads as nothing.
    pub fn restore_counts(&mut self, saved: Vec<(u64, SavedCounts)>) {
        for (key, grams) in saved {
            let grams: GramCounts =
                grams.into_iter().map(|(key, count, at, len)| Gram { key, count, at, len }).collect();
            if grams.windows(2).all(|w| w[0].key < w[1].key) {
                self.counts.insert(key, std::sync::Arc::new(grams));
            }
        }
    }
}

impl Default for RelatedCache {
    fn default() -> Self {
        RelatedCache { exact_limit: EXACT_LIMIT, counts: HashMap::new(), previous: None }
    }
}

struct Previous {
    /// Per article: a hash of its source, a hash of everything its
    /// features use, and whether it is a response.
    keys: Vec<(u64, u64, bool)>,
    df: FxHashMap<u64, u32>,
    counts: Vec<std::sync::Arc<GramCounts>>,
    features: Vec<std::sync::Arc<Features>>,
    index: Index,
    lists: Lists,
}

/// Every article's list, each shared between the build and the cache.
pub type Lists = Vec<std::sync::Arc<Vec<Related>>>;

/// Below this many articles every build computes everything exactly; above
/// it, a save of a few articles recomputes their features and the lists
/// they can enter or leave, and keeps every other article's bigram
/// signature as it was (its weights drift slightly from a full build's
/// until the next full build).
pub const EXACT_LIMIT: usize = 2000;

/// Computes the related articles of every article. Responses neither get nor
/// appear as related articles.
/// Reuses and refreshes `cache`.
pub fn related(articles: &[Article], texts: &[(&str, u64)], config: &Config, cache: &mut RelatedCache) -> Lists {
    let n = articles.len();
    let exact_limit = cache.exact_limit;
    let mut lap = std::time::Instant::now();
    let keys: Vec<(u64, u64, bool)> = articles
        .par_iter()
        .zip(texts.par_iter())
        .map(|(a, (_, text_key))| {
            let f = &a.front;
            let response = a.kind == Kind::Response;
            let key = crate::keys::hash_value(&(
                text_key,
                &f.tags,
                &f.competencies,
                &f.product,
                &f.channel,
                response,
                a.date,
            ));
            (a.source_key, key, response)
        })
        .collect();
    let counts: Vec<std::sync::Arc<GramCounts>> = texts
        .par_iter()
        .map(|(t, k)| cache.counts.get(k).cloned().unwrap_or_else(|| std::sync::Arc::new(gram_counts(t))))
        .collect();
    cache.counts = texts.iter().map(|(_, k)| *k).zip(counts.iter().cloned()).collect();
    crate::profile::lap("    keys, counts", &mut lap);

    let previous = cache.previous.take();
    let same_articles =
        previous.as_ref().is_some_and(|p| p.keys.len() == n && p.keys.iter().zip(&keys).all(|(a, b)| a.0 == b.0));
    let changed: Vec<usize> = match &previous {
        Some(p) if same_articles => (0..n).filter(|&i| p.keys[i].1 != keys[i].1).collect(),
        _ => (0..n).collect(),
    };
    let result = match previous {
        Some(mut p) if n > exact_limit && same_articles && changed.len() <= 32 => {
            for &i in &changed {
                for g in p.counts[i].iter() {
                    if let Some(d) = p.df.get_mut(&g.key) {
                        *d -= 1;
                    }
                }
                for g in counts[i].iter() {
                    *p.df.entry(g.key).or_default() += 1;
                }
            }
            let mut features = p.features;
            for &i in &changed {
                features[i] = std::sync::Arc::new(features_of(&articles[i], texts[i].0, &counts[i], &p.df, n));
            }
            crate::profile::lap("    features", &mut lap);
            let was_response: Vec<bool> = (0..n).map(|i| p.keys[i].2).collect();
            let mut index = p.index;
            let lists = update_lists(articles, &features, &mut index, &was_response, p.lists, &changed, config);
            crate::profile::lap("    lists", &mut lap);
            Previous { keys, df: p.df, counts, features, index, lists }
        }
        _ => {
            let mut df: FxHashMap<u64, u32> = FxHashMap::default();
            for c in &counts {
                for g in c.iter() {
                    *df.entry(g.key).or_default() += 1;
                }
            }
            let features: Vec<std::sync::Arc<Features>> = articles
                .par_iter()
                .zip(counts.par_iter().zip(texts.par_iter()))
                .map(|(a, (c, (t, _)))| std::sync::Arc::new(features_of(a, t, c, &df, n)))
                .collect();
            let index = Index::new(articles, &features);
            let empty = std::sync::Arc::new(Vec::new());
            let mut lists: Lists = (0..n).map(|_| std::sync::Arc::clone(&empty)).collect();
            for (i, list) in lists_of((0..n).collect(), &index, articles, &features, config) {
                lists[i] = std::sync::Arc::new(list);
            }
            Previous { keys, df, counts, features, index, lists }
        }
    };
    let lists = result.lists.clone();
    cache.previous = Some(result);
    lists
}

/// Orders scored candidates: best first, then newest, then by path.
fn rank(scored: &mut Vec<Related>, articles: &[Article]) {
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| articles[b.id].date.cmp(&articles[a.id].date))
            .then_with(|| articles[a.id].source.cmp(&articles[b.id].source))
    });
    scored.truncate(MAX_RELATED);
}

/// Inverted lists over every feature (tag, competency, product, bigram),
/// kept between builds so a save updates only the changed articles' entries.
#[derive(Default)]
struct Index {
    /// Feature → its number.
    ids: HashMap<String, u32>,
    /// Per feature number: what sharing it is worth.
    kind_weight: Vec<f32>,
    /// Per article: (feature, weight of the feature in this article), by feature.
    article_keys: Vec<Vec<(u32, f32)>>,
    /// Per feature: the articles that have it (responses left out), strongest
    /// first, then by index; candidates come from the first [`MAX_POSTINGS`].
    postings: Vec<Vec<(u32, f32)>>,
}

impl Index {
    fn new(articles: &[Article], features: &[std::sync::Arc<Features>]) -> Index {
        let mut index = Index::default();
        index.article_keys = features.iter().map(|f| index.keys_of(f)).collect();
        for (i, keys) in index.article_keys.iter().enumerate() {
            if articles[i].kind != Kind::Response {
                for &(k, w) in keys {
                    index.postings[k as usize].push((i as u32, w));
                }
            }
        }
        index.postings.par_iter_mut().for_each(|list| list.sort_by(by_strength));
        index
    }

    /// The numbered features of one article, numbering new ones.
    fn keys_of(&mut self, f: &Features) -> Vec<(u32, f32)> {
        let mut keys = Vec::new();
        let mut add = |key: String, weight: f32, share: f32| {
            let next = self.ids.len() as u32;
            let id = *self.ids.entry(key).or_insert_with(|| {
                self.kind_weight.push(share);
                self.postings.push(Vec::new());
                next
            });
            keys.push((id, weight));
        };
        for t in &f.tags {
            add(format!("t:{t}"), 1.0, TAG);
        }
        for c in &f.competencies {
            add(format!("c:{c}"), 1.0, COMPETENCY);
        }
        if let Some(p) = &f.product {
            add(format!("p:{p}"), 1.0, PRODUCT);
        }
        for (b, w) in &f.signature {
            add(format!("b:{b:x}"), *w as f32, TEXT);
        }
        keys.sort_by_key(|k| k.0);
        keys.dedup_by_key(|k| k.0);
        keys
    }

    /// Replaces article `i`'s entries with those of its new features.
    fn replace(&mut self, i: usize, was_listed: bool, listed: bool, f: &Features) {
        let id = i as u32;
        if was_listed {
            for &(k, w) in &self.article_keys[i] {
                let list = &mut self.postings[k as usize];
                let at = list.partition_point(|p| by_strength(p, &(id, w)).is_lt());
                if list.get(at).is_some_and(|p| p.0 == id) {
                    list.remove(at);
                }
            }
        }
        self.article_keys[i] = self.keys_of(f);
        if listed {
            for &(k, w) in &self.article_keys[i] {
                let list = &mut self.postings[k as usize];
                let at = list.partition_point(|p| by_strength(p, &(id, w)).is_lt());
                list.insert(at, (id, w));
            }
        }
    }

    /// Article `i`'s list: candidates by a rough score over the inverted
    /// lists, ranked by the exact scorer.
    fn list_for(
        &self,
        i: usize,
        articles: &[Article],
        features: &[std::sync::Arc<Features>],
        config: &Config,
        (acc, touched): &mut (Vec<f32>, Vec<u32>),
    ) -> Vec<Related> {
        if articles[i].kind == Kind::Response {
            return Vec::new();
        }
        for &(k, w) in &self.article_keys[i] {
            let share = self.kind_weight[k as usize];
            let list = &self.postings[k as usize];
            for &(j, wj) in &list[..list.len().min(MAX_POSTINGS)] {
                if acc[j as usize] == 0.0 {
                    touched.push(j);
                }
                acc[j as usize] += share * w * wj;
            }
        }
        let mut rough: Vec<(u32, f32)> =
            touched.iter().map(|&j| (j, acc[j as usize])).filter(|&(j, _)| j as usize != i).collect();
        for &j in touched.iter() {
            acc[j as usize] = 0.0;
        }
        touched.clear();
        rough.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rough.truncate(MAX_RELATED * 4);
        let mut scored: Vec<Related> = rough
            .into_iter()
            .filter_map(|(j, _)| {
                let j = j as usize;
                score(&features[i], &features[j], config).map(|(score, reasons)| Related { id: j, score, reasons })
            })
            .collect();
        rank(&mut scored, articles);
        scored
    }
}

/// Strongest first, then by article index.
fn by_strength(a: &(u32, f32), b: &(u32, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0))
}

/// Computes the lists of `which` articles from `index`.
fn lists_of(
    which: Vec<usize>,
    index: &Index,
    articles: &[Article],
    features: &[std::sync::Arc<Features>],
    config: &Config,
) -> Vec<(usize, Vec<Related>)> {
    let n = articles.len();
    which
        .into_par_iter()
        .map_init(
            || (vec![0f32; n], Vec::<u32>::new()),
            |scratch, i| (i, index.list_for(i, articles, features, config, scratch)),
        )
        .collect()
}

/// After the `changed` articles got new features: updates the index and
/// recomputes the lists of the changed articles, of those that listed one,
/// and of those one of them can now enter (it shares a feature and scores
/// at least their last entry).
fn update_lists(
    articles: &[Article],
    features: &[std::sync::Arc<Features>],
    index: &mut Index,
    was_response: &[bool],
    mut lists: Lists,
    changed: &[usize],
    config: &Config,
) -> Lists {
    for &c in changed {
        index.replace(c, !was_response[c], articles[c].kind != Kind::Response, &features[c]);
    }
    let is_changed = |j: usize| changed.contains(&j);
    let mut affected: Vec<usize> = (0..articles.len())
        .into_par_iter()
        .filter(|&b| is_changed(b) || lists[b].iter().any(|r| is_changed(r.id)))
        .collect();
    let mut sharing: Vec<usize> = changed
        .iter()
        .filter(|&&c| articles[c].kind != Kind::Response)
        .flat_map(|&c| index.article_keys[c].iter().flat_map(|&(k, _)| index.postings[k as usize].iter()))
        .map(|&(b, _)| b as usize)
        .collect();
    sharing.sort_unstable();
    sharing.dedup();
    let entering: Vec<usize> = sharing
        .into_par_iter()
        .filter(|&b| {
            let floor = if lists[b].len() < MAX_RELATED { 0.0 } else { lists[b][MAX_RELATED - 1].score };
            changed.iter().any(|&c| {
                c != b
                    && articles[c].kind != Kind::Response
                    && score_only(&features[b], &features[c]).is_some_and(|s| s >= floor)
            })
        })
        .collect();
    affected.extend(entering);
    affected.sort_unstable();
    affected.dedup();
    for (b, list) in lists_of(affected, index, articles, features, config) {
        lists[b] = std::sync::Arc::new(list);
    }
    lists
}

/// What each kind of shared feature is worth (the text's worth is scaled by
/// both articles' bigram weights, i.e. the cosine).
const TAG: f32 = 3.0;
const COMPETENCY: f32 = 1.0;
const PRODUCT: f32 = 2.0;
const TEXT: f32 = 6.0;

/// One bigram of a text: its key, how often the text has it, and where
/// (bytes `at..at + len`) it is first written.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Gram {
    key: u64,
    count: u32,
    at: u32,
    len: u32,
}

/// A text's bigrams, by key: 24 bytes each (a map with their spellings
/// took about three times that, 700 MB at 10,000 articles).
type GramCounts = Vec<Gram>;

/// The bigrams of a text with their counts and first spellings.
fn gram_counts(text: &str) -> GramCounts {
    let mut m: FxHashMap<u64, Gram> = FxHashMap::default();
    for_each_gram(text, |key, at| {
        m.entry(key).or_insert(Gram { key, count: 0, at: at.start as u32, len: at.len() as u32 }).count += 1;
    });
    let mut grams: GramCounts = m.into_values().collect();
    grams.sort_unstable_by_key(|g| g.key);
    grams
}

/// Tags, competencies, product, channel and a tf-idf bigram signature of an
/// article, given how many of the `n` articles have each bigram (`df`).
fn features_of(a: &Article, text: &str, grams: &GramCounts, df: &FxHashMap<u64, u32>, n: usize) -> Features {
    let mut weighted: Vec<(u64, f64)> = grams
        .iter()
        .map(|g| {
            let idf = ((n as f64 + 1.0) / (df.get(&g.key).copied().unwrap_or(1) as f64 + 1.0)).ln();
            (g.key, (1.0 + (g.count as f64).ln()) * idf)
        })
        .filter(|(_, w)| *w > 0.0)
        .collect();
    let by_weight = |x: &(u64, f64), y: &(u64, f64)| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0));
    if weighted.len() > SIGNATURE {
        weighted.select_nth_unstable_by(SIGNATURE, by_weight);
        weighted.truncate(SIGNATURE);
    }
    // Summed in the order of the keys, not of the map: the same weights
    // whatever order the counts were put in (the cache on disk refills them).
    weighted.sort_by_key(|x| x.0);
    let norm = weighted.iter().map(|(_, w)| w * w).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
    let signature: Vec<(u64, f64)> = weighted.into_iter().map(|(k, w)| (k, w / norm)).collect();
    let spelling = |k: &u64| {
        let g = grams.binary_search_by_key(k, |g| g.key).map(|i| grams[i]).ok()?;
        text.get(g.at as usize..(g.at + g.len) as usize)
    };
    let written = signature.iter().map(|(k, _)| spelling(k).unwrap_or_default().to_string()).collect();
    Features {
        tags: a.front.tags.iter().map(|t| fold(t)).collect(),
        tag_names: a.front.tags.clone(),
        competencies: a.front.competencies.clone(),
        product: a.front.product.as_deref().map(fold),
        channel: a.front.channel.clone(),
        signature,
        written,
    }
}

/// Calls `f` with the key of every bigram of [`bigrams`] and where in
/// `text` it is written, without allocating for each: two folded
/// characters are packed into one number; a word is hashed.
fn for_each_gram(text: &str, mut f: impl FnMut(u64, std::ops::Range<usize>)) {
    // The previous CJK character, folded, and where it starts.
    let mut prev: Option<(char, usize)> = None;
    // The current word, folded, and where it starts.
    let mut word = (String::new(), 0);
    let flush_word = |word: &mut (String, usize), end: usize, f: &mut dyn FnMut(u64, std::ops::Range<usize>)| {
        if word.0.chars().nth(1).is_some() {
            let key = (1u64 << 63) | (rustc_hash::FxBuildHasher.hash_one(&word.0) >> 1);
            f(key, word.1..end);
        }
        word.0.clear();
    };
    for (at, c) in text.char_indices() {
        let folded = fold_one(c);
        if is_cjk(folded) {
            flush_word(&mut word, at, &mut f);
            if let Some((pf, start)) = prev {
                let key = ((pf as u64) << 21) | folded as u64;
                f(key, start..at + c.len_utf8());
            }
            prev = Some((folded, at));
        } else {
            prev = None;
            if folded.is_alphanumeric() {
                if word.0.is_empty() {
                    word.1 = at;
                }
                word.0.push(folded);
            } else {
                flush_word(&mut word, at, &mut f);
            }
        }
    }
    flush_word(&mut word, text.len(), &mut f);
}

/// The score of `b` as related to `a`, with reasons; `None` if too weak.
fn score(a: &Features, b: &Features, config: &Config) -> Option<(f64, Vec<String>)> {
    let mut reasons = Vec::new();
    let total = weigh(a, b, Some((config, &mut reasons)));
    (total >= 1.0).then_some((total, reasons))
}

/// The score alone (`None` if too weak): no reasons are written.
fn score_only(a: &Features, b: &Features) -> Option<f64> {
    let total = weigh(a, b, None);
    (total >= 1.0).then_some(total)
}

/// What `a` and `b` share, weighed; with `explain`, also said in words.
/// The reasons are in the journal's language (`related_shared`, ...).
fn weigh(a: &Features, b: &Features, mut explain: Option<(&Config, &mut Vec<String>)>) -> f64 {
    let mut total = 0.0;
    let explaining = explain.is_some();
    // `items` are the shared terms or words, joined as a list.
    let mut say = |key: &str, reason: &str, items: &dyn Fn() -> Vec<String>| {
        if let Some((config, reasons)) = explain.as_mut() {
            let words = config.strings();
            let label = config.labels.get(key).map_or(key, String::as_str);
            // "Same channel", not "Same Channel", in English.
            let label = match config.lang() {
                crate::config::Lang::En if reason == "related_same" => label.to_lowercase(),
                _ => label.to_string(),
            };
            // Competencies are shown by their labels (積極傾聽 → Active listening).
            let shown = |i: String| if key == "competencies" { config.labels.get(&i).cloned().unwrap_or(i) } else { i };
            let items = items().into_iter().map(shown).collect::<Vec<_>>().join(words.get("list_sep"));
            reasons.push(words.fill(reason, &[("label", &label), ("items", &items)]));
        }
    };

    let shared_tags = || a.tags.iter().zip(&a.tag_names).filter(|(t, _)| b.tags.contains(t)).map(|(_, n)| n.as_str());
    let tags = shared_tags().count();
    if tags > 0 {
        total += 3.0 * tags as f64;
        say("tags", "related_shared", &|| shared_tags().map(str::to_string).collect());
    }
    if let (Some(pa), Some(pb)) = (&a.product, &b.product) {
        if pa == pb {
            total += 2.0;
            say("product", "related_same", &Vec::new);
        }
    }
    let shared_comp = || a.competencies.iter().filter(|c| b.competencies.contains(c)).map(String::as_str);
    let comps = shared_comp().count();
    if comps > 0 {
        total += 1.0 * comps as f64;
        say("competencies", "related_shared", &|| shared_comp().map(str::to_string).collect());
    }
    // Cosine of the two signatures (both sorted by bigram).
    let (mut x, mut y, mut cos) = (0, 0, 0.0);
    let mut shared_words: Vec<(f64, &str)> = Vec::new();
    while x < a.signature.len() && y < b.signature.len() {
        match a.signature[x].0.cmp(&b.signature[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                let w = a.signature[x].1 * b.signature[y].1;
                cos += w;
                if explaining {
                    shared_words.push((w, &a.written[x]));
                }
                x += 1;
                y += 1;
            }
        }
    }
    if cos >= 0.05 {
        total += 6.0 * cos;
        shared_words.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| p.1.cmp(q.1)));
        let words: Vec<&str> = shared_words.iter().take(3).map(|(_, w)| *w).collect();
        say("", "related_words", &|| words.iter().map(|w| w.to_string()).collect());
    }
    if total > 0.0 {
        if let (Some(ca), Some(cb)) = (&a.channel, &b.channel) {
            if ca == cb {
                total += 0.5;
                say("channel", "related_same", &Vec::new);
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_fold_and_keep_spelling() {
        let grams = |t: &str| {
            let mut out = Vec::new();
            for_each_gram(t, |key, at| out.push((key, t[at].to_string())));
            out
        };
        let keys = |t: &str| grams(t).into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert_eq!(keys("退換貨"), keys("退换货"), "Traditional and Simplified are one");
        assert_eq!(keys("退貨流程 ORD38").len(), 4, "退货 货流 流程 ord38");
        assert_eq!(grams("退貨")[0].1, "退貨", "spelling as written");
        assert_eq!(keys("ORD38"), keys("ord38"));
    }

    #[test]
    fn a_saved_text_updates_the_lists_a_full_pass_would_give() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (journal, _) = crate::build::load(root, &crate::build::BuildOptions::default());
        let articles = &journal.content.articles;
        let config = &journal.config;
        let mut texts: Vec<String> = articles.iter().map(|a| a.body.to_string()).collect();
        let keyed = |texts: &[String]| -> Vec<(String, u64)> {
            texts.iter().map(|t| (t.clone(), crate::keys::hash_value(t))).collect()
        };
        let mut cache = RelatedCache { exact_limit: 0, ..Default::default() };
        let run = |texts: &[(String, u64)], cache: &mut RelatedCache| {
            let refs: Vec<(&str, u64)> = texts.iter().map(|(t, k)| (t.as_str(), *k)).collect();
            related(articles, &refs, config, cache)
        };
        run(&keyed(&texts), &mut cache);
        // One case now reads as another, and a third loses its text.
        let cases: Vec<usize> = (0..articles.len()).filter(|&i| articles[i].kind != Kind::Response).collect();
        let (a, b, c) = (cases[0], cases[cases.len() - 1], cases[cases.len() / 2]);
        texts[a] = texts[b].clone();
        texts[c] = String::new();
        let lists = run(&keyed(&texts), &mut cache);
        let p = cache.previous.as_ref().unwrap();
        let mut full: Lists = articles.iter().map(|_| std::sync::Arc::new(Vec::new())).collect();
        for (i, list) in lists_of((0..articles.len()).collect(), &p.index, articles, &p.features, config) {
            full[i] = std::sync::Arc::new(list);
        }
        assert_eq!(lists, full, "the updated lists are those of a pass over every article");
        assert!(lists[a].iter().any(|r| r.id == b), "the same text is related: {:?}", lists[a]);
        assert!(lists[b].iter().any(|r| r.id == a), "and the other way, an unchanged article's list: {:?}", lists[b]);
        assert!(lists
            .iter()
            .all(|l| l.iter().all(|r| r.id != c || !r.reasons.iter().any(|x| x.starts_with("內容相近")))));
    }
}
