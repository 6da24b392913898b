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

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Kind;
use crate::content::Article;
use crate::fold::fold;
use crate::markdown::is_cjk;

/// How many bigrams represent an article's text.
const SIGNATURE: usize = 24;
/// A term shared by more articles than this is too common to find candidates by.
const MAX_POSTINGS: usize = 2000;
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
    /// (bigram, weight), sorted by bigram; weights have unit length.
    signature: Vec<(String, f64)>,
    /// The spelling of each signature bigram as written in the article.
    written: Vec<String>,
}

impl Features {
    /// The keys of the inverted lists this article is filed under.
    fn keys(&self) -> impl Iterator<Item = String> + '_ {
        self.tags
            .iter()
            .map(|t| format!("t:{t}"))
            .chain(self.competencies.iter().map(|c| format!("c:{c}")))
            .chain(self.product.iter().map(|p| format!("p:{p}")))
            .chain(self.signature.iter().map(|(b, _)| format!("b:{b}")))
    }
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

/// Character bigrams of CJK runs and whole words of other scripts, folded,
/// each with its spelling as written (for showing to readers).
pub fn bigrams(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut run: Vec<(char, char)> = Vec::new();
    let mut word = (String::new(), String::new());
    let flush_run = |run: &mut Vec<(char, char)>, out: &mut Vec<(String, String)>| {
        for w in run.windows(2) {
            out.push(([w[0].0, w[1].0].iter().collect(), [w[0].1, w[1].1].iter().collect()));
        }
        run.clear();
    };
    for c in text.chars() {
        let f = fold_one(c);
        if is_cjk(f) {
            if !word.0.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            run.push((f, c));
        } else {
            flush_run(&mut run, &mut out);
            if f.is_alphanumeric() {
                word.0.push(f);
                word.1.push(c);
            } else if !word.0.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    flush_run(&mut run, &mut out);
    if !word.0.is_empty() {
        out.push(word);
    }
    out.retain(|(t, _)| t.chars().count() >= 2);
    out
}

/// Computes the related articles of every article. Responses neither get nor
/// appear as related articles.
pub fn related(articles: &[Article], texts: &[&str], labels: &BTreeMap<String, String>) -> Vec<Vec<Related>> {
    let n = articles.len();
    // Per article: folded bigram → (count, spelling first seen).
    let counts: Vec<HashMap<String, (usize, String)>> = texts
        .par_iter()
        .map(|t| {
            let mut m: HashMap<String, (usize, String)> = HashMap::new();
            for (folded, written) in bigrams(t) {
                m.entry(folded).or_insert((0, written)).0 += 1;
            }
            m
        })
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for m in &counts {
        for k in m.keys() {
            *df.entry(k.as_str()).or_default() += 1;
        }
    }
    let features: Vec<Features> = articles
        .par_iter()
        .zip(counts.par_iter())
        .map(|(a, m)| {
            let mut weighted: Vec<(String, f64)> = m
                .iter()
                .map(|(k, (tf, _))| {
                    let idf = ((n as f64 + 1.0) / (df[k.as_str()] as f64 + 1.0)).ln();
                    (k.clone(), (1.0 + (*tf as f64).ln()) * idf)
                })
                .filter(|(_, w)| *w > 0.0)
                .collect();
            weighted.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
            weighted.truncate(SIGNATURE);
            let norm = weighted.iter().map(|(_, w)| w * w).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
            let mut signature: Vec<(String, f64)> = weighted.into_iter().map(|(k, w)| (k, w / norm)).collect();
            signature.sort_by(|x, y| x.0.cmp(&y.0));
            let written = signature.iter().map(|(k, _)| m[k].1.clone()).collect();
            Features {
                tags: a.front.tags.iter().map(|t| fold(t)).collect(),
                tag_names: a.front.tags.clone(),
                competencies: a.front.competencies.clone(),
                product: a.front.product.as_deref().map(fold),
                channel: a.front.channel.clone(),
                signature,
                written,
            }
        })
        .collect();

    // Inverted lists: feature → articles.
    let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        if articles[i].kind == Kind::Response {
            continue;
        }
        for k in f.keys() {
            postings.entry(k).or_default().push(i);
        }
    }

    (0..n)
        .into_par_iter()
        .map(|i| {
            if articles[i].kind == Kind::Response {
                return Vec::new();
            }
            let f = &features[i];
            let mut candidates: HashSet<usize> = HashSet::new();
            for k in f.keys() {
                if let Some(list) = postings.get(&k) {
                    if list.len() <= MAX_POSTINGS {
                        candidates.extend(list.iter().copied());
                    }
                }
            }
            candidates.remove(&i);
            let mut scored: Vec<Related> = candidates
                .into_iter()
                .filter_map(|j| {
                    score(f, &features[j], labels).map(|(score, reasons)| Related { id: j, score, reasons })
                })
                .collect();
            scored.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| articles[b.id].date.cmp(&articles[a.id].date))
                    .then_with(|| articles[a.id].source.cmp(&articles[b.id].source))
            });
            scored.truncate(MAX_RELATED);
            scored
        })
        .collect()
}

/// The score of `b` as related to `a`, with reasons; `None` if too weak.
fn score(a: &Features, b: &Features, labels: &BTreeMap<String, String>) -> Option<(f64, Vec<String>)> {
    let mut total = 0.0;
    let mut reasons = Vec::new();
    let label = |k: &str| labels.get(k).cloned().unwrap_or_else(|| k.to_string());

    let shared_tags: Vec<&str> =
        a.tags.iter().zip(&a.tag_names).filter(|(t, _)| b.tags.contains(t)).map(|(_, name)| name.as_str()).collect();
    if !shared_tags.is_empty() {
        total += 3.0 * shared_tags.len() as f64;
        reasons.push(format!("{}：{}", label("tags"), shared_tags.join("、")));
    }
    if let (Some(pa), Some(pb)) = (&a.product, &b.product) {
        if pa == pb {
            total += 2.0;
            reasons.push(format!("{}相同", label("product")));
        }
    }
    let shared_comp: Vec<&str> =
        a.competencies.iter().filter(|c| b.competencies.contains(c)).map(String::as_str).collect();
    if !shared_comp.is_empty() {
        total += 1.0 * shared_comp.len() as f64;
        reasons.push(format!("{}：{}", label("competencies"), shared_comp.join("、")));
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
                shared_words.push((w, &a.written[x]));
                x += 1;
                y += 1;
            }
        }
    }
    if cos >= 0.05 {
        total += 6.0 * cos;
        shared_words.sort_by(|p, q| q.0.total_cmp(&p.0).then_with(|| p.1.cmp(q.1)));
        let words: Vec<&str> = shared_words.iter().take(3).map(|(_, w)| *w).collect();
        reasons.push(format!("內容相近：{}", words.join("、")));
    }
    if total > 0.0 {
        if let (Some(ca), Some(cb)) = (&a.channel, &b.channel) {
            if ca == cb {
                total += 0.5;
                reasons.push(format!("{}相同", label("channel")));
            }
        }
    }
    (total >= 1.0).then_some((total, reasons))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_fold_and_split() {
        let folded = |t: &str| bigrams(t).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        assert_eq!(folded("退貨流程 ORD38"), vec!["退货", "货流", "流程", "ord38"]);
        assert_eq!(folded("退换货"), folded("退換貨"));
        assert_eq!(bigrams("退貨")[0].1, "退貨");
    }
}
