//! Groups articles by section, taxonomy term and author.
//!
//! Everything here refers to articles by their index in `Content::articles`
//! (newest first), never by reference, so later stages can render any part
//! independently. Terms written differently only in case or width (`VIP` and
//! `ｖｉｐ`) are one term, shown in the form most articles use.

pub mod candidates;
pub mod featured;
pub mod links;
pub mod related;
pub mod reviewers;

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use crate::config::{Config, Kind};
use crate::content::authors::{Author, Authors};
use crate::content::tags::TagList;
use crate::content::Article;
use crate::diagnostics::{Diagnostic, Problem};
use crate::markdown::Rendered;
use crate::urls::{fit_name, slugify, UniqueNames};
use links::LinkIndex;

#[derive(Debug, Clone)]
pub struct Term {
    pub name: String,
    /// From data/tags.yaml.
    pub description: Option<String>,
    pub slug: String,
    /// Indices into the article list, newest first.
    pub articles: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct TaxonomyIndex {
    pub key: String,
    pub title: String,
    /// Sorted by name.
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone)]
pub struct SectionIndex {
    pub name: String,
    pub title: String,
    pub articles: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct AuthorIndex {
    pub author: Author,
    pub articles: Vec<usize>,
}

/// What the build knows about how articles relate: the part made from
/// front matter and data files ([`FrontGraph`], kept between builds while
/// those are unchanged) and the part made from the articles' text.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    front: std::sync::Arc<FrontGraph>,
    /// For each article, the articles that link to it, newest first.
    pub backlinks: Vec<Vec<Backlink>>,
    pub related: related::Lists,
}

impl std::ops::Deref for Graph {
    type Target = FrontGraph;
    fn deref(&self) -> &FrontGraph {
        &self.front
    }
}

/// Sections, terms, authors, series, critiques and picks: everything made
/// from front matter, data files and link targets, not from the text.
#[derive(Debug, Clone, Default)]
pub struct FrontGraph {
    pub sections: Vec<SectionIndex>,
    pub taxonomies: Vec<TaxonomyIndex>,
    /// Sorted by id.
    pub authors: Vec<AuthorIndex>,
    /// The resolved authors of each article, in the order written.
    pub article_authors: Vec<Vec<Author>>,
    /// For each article and taxonomy key, the slugs of its terms.
    pub term_slugs: Vec<HashMap<String, Vec<(String, String)>>>,
    /// Sorted by name.
    pub series: Vec<Series>,
    /// For each article, its series and its position in it.
    pub series_of: Vec<Option<(usize, usize)>>,
    /// For each article, the critiques that answer it, oldest first.
    pub responses: Vec<Vec<usize>>,
    /// For each critique, the article it answers.
    pub responds_to: Vec<Option<usize>>,
    /// The editors' picks, newest period first.
    pub picks: Vec<featured::Pick>,
    /// For each article, its picks (indices into `picks`).
    pub picks_of: Vec<Vec<usize>>,
    /// For each article, a hash of what its view takes from this graph.
    pub view_keys: Vec<u64>,
    /// For each article, [`Article::front_key`].
    pub front_keys: Vec<u64>,
}

/// The last build's [`FrontGraph`], with a key of what it was made from.
#[derive(Default)]
pub struct FrontCache {
    key: u64,
    front: std::sync::Arc<FrontGraph>,
    diags: Vec<Diagnostic>,
}

#[derive(Debug, Clone)]
pub struct Backlink {
    pub from: usize,
    /// The sentence around the first link from that article.
    pub context: String,
}

#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub slug: String,
    /// In reading order: `series_order`, then date, then title.
    pub parts: Vec<usize>,
}

/// What the graph is built from: the loaded articles and what the earlier
/// stages made of them.
pub struct Inputs<'a> {
    pub articles: &'a [Article],
    pub rendered: &'a [std::sync::Arc<Rendered>],
    pub links: &'a LinkIndex<'a>,
    pub authors: &'a Authors,
    pub tags: &'a TagList,
    pub config: &'a Config,
    pub picks: &'a [crate::content::featured::RawPick],
}

/// The values an article has for a taxonomy: known fields, else `extra`.
pub fn field_values(a: &Article, key: &str) -> Vec<String> {
    let f = &a.front;
    let one = |v: &Option<String>| v.iter().cloned().collect::<Vec<_>>();
    match key {
        "tags" => f.tags.clone(),
        "competencies" => f.competencies.clone(),
        "channel" => one(&f.channel),
        "product" => one(&f.product),
        "outcome" => one(&f.outcome),
        "priority" => one(&f.priority),
        "series" => one(&f.series),
        "section" => vec![a.section.clone()],
        _ => match f.extra.get(key) {
            Some(serde_json::Value::String(s)) => vec![s.clone()],
            Some(serde_json::Value::Array(items)) => {
                items.iter().filter_map(|v| v.as_str().map(String::from)).collect()
            }
            Some(serde_json::Value::Number(n)) => vec![n.to_string()],
            _ => Vec::new(),
        },
    }
}

/// The key two spellings of one term share: NFKC (full-width → half-width),
/// lowercase, Traditional → Simplified.
pub fn term_key(name: &str) -> String {
    crate::fold::fold(name.trim())
}

/// [`term_key`] remembered for one build: journals repeat the same few
/// hundred terms across thousands of articles.
#[derive(Default)]
struct TermKeys(rustc_hash::FxHashMap<String, String>);

impl TermKeys {
    fn of(&mut self, name: &str) -> String {
        if let Some(k) = self.0.get(name) {
            return k.clone();
        }
        let k = term_key(name);
        self.0.insert(name.to_string(), k.clone());
        k
    }
}

/// Builds the graph, reusing what the last build made: the front-matter part
/// while `world` (every link target) and every article's front matter and
/// place are unchanged, and what `related` kept.
pub fn build(
    inputs: &Inputs,
    world: u64,
    cache: &mut FrontCache,
    related: &mut related::RelatedCache,
) -> (Graph, Vec<Diagnostic>) {
    let mut lap = std::time::Instant::now();
    let a = inputs.articles;
    let front_keys: Vec<u64> = a.par_iter().map(Article::front_key).collect();
    let key =
        crate::keys::hash_value(&(world, &front_keys, inputs.config.key(), inputs.authors, inputs.tags, inputs.picks));
    if cache.key != key || cache.front.article_authors.len() != a.len() {
        let (mut front, diags) = front_graph(inputs);
        front.front_keys = front_keys;
        *cache = FrontCache { key, front: std::sync::Arc::new(front), diags };
    }
    let diags = cache.diags.clone();
    crate::profile::lap("  front matter graph", &mut lap);
    let backlinks = backlinks(inputs);
    crate::profile::lap("  backlinks", &mut lap);
    let texts: Vec<(&str, u64)> = inputs.rendered.iter().map(|r| (&*r.text, r.text_key)).collect();
    let related = related::related(inputs.articles, &texts, inputs.config, related);
    crate::profile::lap("  related", &mut lap);
    let graph = Graph { front: std::sync::Arc::clone(&cache.front), backlinks, related };
    (graph, diags)
}

/// Sections, terms, authors, critiques, series and picks.
fn front_graph(inputs: &Inputs) -> (FrontGraph, Vec<Diagnostic>) {
    let Inputs { articles, authors, config, .. } = *inputs;
    let mut diags = Vec::new();
    let mut graph = FrontGraph { sections: section_indexes(articles, config), ..Default::default() };
    add_taxonomies(inputs, &mut graph, &mut diags);
    (graph.authors, graph.article_authors) = author_indexes(articles, authors);
    connect_responses(inputs, &mut graph, &mut diags);
    graph.series_of = vec![None; articles.len()];
    graph.series = series(articles, config);
    for (s, series) in graph.series.iter().enumerate() {
        for (pos, &i) in series.parts.iter().enumerate() {
            graph.series_of[i] = Some((s, pos));
        }
    }
    let (picks, d) = featured::resolve(inputs.picks, inputs.links, authors, articles);
    diags.extend(d);
    graph.picks_of = vec![Vec::new(); articles.len()];
    for (n, p) in picks.iter().enumerate() {
        graph.picks_of[p.article].push(n);
    }
    graph.picks = picks;
    graph.view_keys = (0..articles.len()).into_par_iter().map(|i| graph.view_key(i)).collect();
    (graph, diags)
}

/// The sections that have articles (critiques are listed with what they
/// answer): configured sections first, in the config's order, then the others.
fn section_indexes(articles: &[Article], config: &Config) -> Vec<SectionIndex> {
    let mut sections: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        if !a.section.is_empty() && a.kind != Kind::Response {
            sections.entry(a.section.clone()).or_default().push(i);
        }
    }
    let mut names: Vec<String> = config.sections.keys().filter(|s| sections.contains_key(*s)).cloned().collect();
    names.extend(sections.keys().filter(|s| !config.sections.contains_key(*s)).cloned());
    names
        .into_iter()
        .map(|name| SectionIndex {
            title: config.section(&name).title,
            articles: sections.remove(&name).unwrap_or_default(),
            name,
        })
        .collect()
}

/// Each configured taxonomy's terms into `graph.taxonomies`, and each
/// article's terms into `graph.term_slugs`; two terms that would share an
/// address are warned about.
fn add_taxonomies(inputs: &Inputs, graph: &mut FrontGraph, diags: &mut Vec<Diagnostic>) {
    let Inputs { articles, config, .. } = *inputs;
    graph.term_slugs = vec![HashMap::new(); articles.len()];
    let mut keys = TermKeys::default();
    for tax in &config.taxonomies {
        let (index, dups) = group_terms(articles, &tax.key, config, &mut keys);
        for (i, terms) in index.terms.iter().enumerate() {
            for &a in &terms.articles {
                graph.term_slugs[a]
                    .entry(tax.key.clone())
                    .or_default()
                    .push((index.terms[i].name.clone(), terms.slug.clone()));
            }
        }
        for (name, other, slug) in dups {
            diags.push(same_term_address(articles, tax, config, name, other, slug));
        }
        let mut terms = index.terms;
        if tax.key == "tags" {
            for t in &mut terms {
                t.description = inputs.tags.description(&t.name).map(str::to_string);
            }
        }
        graph.taxonomies.push(TaxonomyIndex { key: tax.key.clone(), title: tax.title.clone(), terms });
    }
    order_terms_as_written(articles, &mut graph.term_slugs, &mut keys);
}

/// The warning for the term `other`, whose address is taken by `name`
/// (`other` is published at `slug`), at the first article that writes
/// `other`.
fn same_term_address(
    articles: &[Article],
    tax: &crate::config::Taxonomy,
    config: &Config,
    name: String,
    other: String,
    slug: String,
) -> Diagnostic {
    let first = articles.iter().find(|a| field_values(a, &tax.key).iter().any(|v| term_key(v) == term_key(&other)));
    let (path, (line, col)) = match first {
        Some(a) => (a.source.clone(), a.front.positions.get(&tax.key).copied().unwrap_or((1, 1))),
        None => (std::path::PathBuf::from(crate::config::CONFIG_FILE), (0, 0)),
    };
    Diagnostic::warning(
        path,
        line,
        col,
        Problem::SameTermAddress {
            slug: fit_name(slugify(&name, config.slugify)),
            other,
            name,
            taxonomy: tax.key.clone(),
            published: slug,
            title: tax.title.clone(),
        },
    )
}

/// Keeps each article's terms in the order its front matter lists them.
fn order_terms_as_written(
    articles: &[Article],
    term_slugs: &mut [HashMap<String, Vec<(String, String)>>],
    keys: &mut TermKeys,
) {
    for (i, a) in articles.iter().enumerate() {
        for (key, list) in term_slugs[i].iter_mut() {
            if list.len() < 2 {
                continue;
            }
            let order: Vec<String> = field_values(a, key).iter().map(|v| keys.of(v)).collect();
            let mut ranked: Vec<(usize, (String, String))> = std::mem::take(list)
                .into_iter()
                .map(|e| (order.iter().position(|k| *k == keys.of(&e.0)).unwrap_or(usize::MAX), e))
                .collect();
            ranked.sort_by_key(|r| r.0);
            *list = ranked.into_iter().map(|r| r.1).collect();
        }
    }
}

/// Every author with their articles, sorted by id (known authors without
/// articles too, so they still get a page), and each article's resolved
/// authors in the order written.
fn author_indexes(articles: &[Article], authors: &Authors) -> (Vec<AuthorIndex>, Vec<Vec<Author>>) {
    let mut article_authors = Vec::with_capacity(articles.len());
    let mut by_author: BTreeMap<String, AuthorIndex> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        let mut resolved = Vec::new();
        for named in &a.front.authors {
            let author = authors.resolve(named);
            let entry = by_author
                .entry(author.id.clone())
                .or_insert_with(|| AuthorIndex { author: author.clone(), articles: Vec::new() });
            if !entry.articles.contains(&i) {
                entry.articles.push(i);
            }
            resolved.push(author);
        }
        article_authors.push(resolved);
    }
    for a in authors.all() {
        by_author.entry(a.id.clone()).or_insert_with(|| AuthorIndex { author: a.clone(), articles: Vec::new() });
    }
    (by_author.into_values().collect(), article_authors)
}

impl FrontGraph {
    /// A hash of what article `i`'s view takes from the graph: its authors,
    /// terms, series, number of critiques and picks.
    fn view_key(&self, i: usize) -> u64 {
        let mut terms: Vec<(&String, &Vec<(String, String)>)> = self.term_slugs[i].iter().collect();
        terms.sort();
        crate::keys::hash_value(&(
            &self.article_authors[i],
            terms,
            self.series_of[i].map(|(s, _)| (&self.series[s].name, &self.series[s].slug)),
            self.responses[i].len(),
            self.picks_of[i]
                .iter()
                .map(|&n| {
                    let p = &self.picks[n];
                    (&p.period, p.award.as_ref().map(|a| a.describe()), &p.reason)
                })
                .collect::<Vec<_>>(),
        ))
    }
}

/// Finds the article each critique answers; a critique of a missing article
/// is an error like a broken link.
fn connect_responses(inputs: &Inputs, graph: &mut FrontGraph, diags: &mut Vec<Diagnostic>) {
    let articles = inputs.articles;
    graph.responses = vec![Vec::new(); articles.len()];
    graph.responds_to = vec![None; articles.len()];
    for (i, a) in articles.iter().enumerate() {
        let Some(target) = &a.front.responds_to else {
            continue;
        };
        let from = crate::urls::content_path(&a.source);
        let dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        let (line, col) = a.front.positions.get("responds_to").copied().unwrap_or((1, 1));
        match inputs.links.find(target, dir) {
            Ok(t) if t == i => {
                diags.push(Diagnostic::error(&a.source, line, col, Problem::RespondsToItself));
            }
            Ok(t) => {
                graph.responds_to[i] = Some(t);
                graph.responses[t].push(i);
            }
            Err(why) => {
                let fails = inputs.config.broken_links_fail && !why.is_left_out();
                let problem = Problem::RespondsToNotFound { why };
                diags.push(if fails {
                    Diagnostic::error(&a.source, line, col, problem)
                } else {
                    Diagnostic::warning(&a.source, line, col, problem)
                });
            }
        }
    }
    // Oldest first: a discussion reads top to bottom.
    for list in &mut graph.responses {
        list.sort_by(|&x, &y| {
            articles[x].date.cmp(&articles[y].date).then_with(|| articles[x].source.cmp(&articles[y].source))
        });
    }
}

/// Who links to each article, with the sentence around the first link.
fn backlinks(inputs: &Inputs) -> Vec<Vec<Backlink>> {
    let mut out: Vec<Vec<Backlink>> = vec![Vec::new(); inputs.articles.len()];
    // Articles are sorted newest first, so pushing in order keeps that order.
    for (from, r) in inputs.rendered.iter().enumerate() {
        let mut seen = HashSet::new();
        for link in &r.links {
            if let Some(to) = link.target {
                if to != from && seen.insert(to) {
                    out[to].push(Backlink { from, context: link.context.clone() });
                }
            }
        }
    }
    out
}

/// Groups articles by `series` (spellings folded like tags).
fn series(articles: &[Article], config: &Config) -> Vec<Series> {
    let mut groups: BTreeMap<String, (BTreeMap<String, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        if let Some(name) = &a.front.series {
            let g = groups.entry(term_key(name)).or_default();
            *g.0.entry(name.trim().to_string()).or_default() += 1;
            g.1.push(i);
        }
    }
    let mut taken = UniqueNames::default();
    let mut out: Vec<Series> = groups
        .into_values()
        .map(|(spellings, mut parts)| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            parts.sort_by(|&x, &y| {
                let (a, b) = (&articles[x], &articles[y]);
                let order = |o: Option<i64>| o.unwrap_or(i64::MAX);
                order(a.front.series_order)
                    .cmp(&order(b.front.series_order))
                    .then_with(|| a.date.cmp(&b.date))
                    .then_with(|| a.front.title.cmp(&b.front.title))
            });
            let slug = taken.claim_file_name(slugify(&name, config.slugify));
            Series { name, slug, parts }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

struct Grouped {
    terms: Vec<Term>,
}

/// Groups the articles by the terms of one taxonomy. Returns the terms and the
/// slug collisions between different terms (name, other name, its slug).
fn group_terms(
    articles: &[Article],
    key: &str,
    config: &Config,
    keys: &mut TermKeys,
) -> (Grouped, Vec<(String, String, String)>) {
    // key -> (spelling -> count, articles)
    let mut groups: BTreeMap<String, (BTreeMap<String, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        if a.kind == Kind::Response {
            continue;
        }
        let mut seen = HashSet::new();
        for v in field_values(a, key) {
            let k = keys.of(&v);
            if k.is_empty() || !seen.insert(k.clone()) {
                continue;
            }
            let g = groups.entry(k).or_default();
            *g.0.entry(v.trim().to_string()).or_default() += 1;
            g.1.push(i);
        }
    }
    let mut taken = UniqueNames::default();
    let mut first_of_slug: HashMap<String, String> = HashMap::new();
    let mut dups = Vec::new();
    let mut terms = Vec::new();
    for (_, (spellings, arts)) in groups {
        // Most used spelling; ties go to the first in sort order.
        let name = spellings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(s, _)| s.clone())
            .unwrap_or_default();
        // A name too long for a folder gets a shortened one (see `fit_name`).
        let wanted = fit_name(slugify(&name, config.slugify));
        let slug = taken.claim_file_name(wanted.clone());
        if slug != wanted {
            dups.push((first_of_slug.get(&wanted).cloned().unwrap_or_default(), name.clone(), slug.clone()));
        } else {
            first_of_slug.insert(wanted, name.clone());
        }
        terms.push(Term { name, slug, articles: arts, description: None });
    }
    terms.sort_by(|a, b| a.name.cmp(&b.name));
    (Grouped { terms }, dups)
}
