//! What search indexes of each article: a [`SearchDoc`] made from the
//! article's view (the same title, tags and fields its page shows) and its
//! rendered text, kept between builds while those are unchanged.

use std::sync::Arc;

use super::index::{Fact, SearchDoc};
use crate::content::Article;
use crate::keys::hash_value;
use crate::markdown::Rendered;
use crate::render::views::ArticleView;
use crate::render::Views;

/// The documents of the last build, per article source
/// ([`Article::source_key`]), each with a key of its view, HTML and text.
/// One of the caches of [`crate::incremental`].
#[derive(Default)]
pub struct DocCache {
    docs: rustc_hash::FxHashMap<u64, (u64, Arc<SearchDoc>)>,
}

/// What search indexes of each published article, in article order.
pub fn collect(
    articles: &[Article],
    rendered: &[Arc<Rendered>],
    views: &Views,
    cache: &mut DocCache,
) -> Vec<Arc<SearchDoc>> {
    let kept = std::mem::take(&mut cache.docs);
    let keyed: Vec<(u64, Arc<SearchDoc>)> = (0..views.articles.len())
        .map(|i| {
            let r = &rendered[i];
            let key = hash_value(&(views.keys[i], r.html_key, r.text_key));
            match kept.get(&articles[i].source_key) {
                Some((k, doc)) if *k == key => (key, Arc::clone(doc)),
                _ => (key, Arc::new(document(&views.articles[i], r))),
            }
        })
        .collect();
    let docs = keyed.iter().map(|(_, d)| Arc::clone(d)).collect();
    cache.docs = articles.iter().map(|a| a.source_key).zip(keyed).collect();
    crate::profile::drop_later(kept);
    docs
}

/// What search indexes of one article.
fn document(v: &ArticleView, rendered: &Rendered) -> SearchDoc {
    SearchDoc {
        url: v.url.clone(),
        title: v.title.clone(),
        section: v.section.clone(),
        section_title: v.section_title.clone(),
        kind_label: v.kind_label.clone(),
        date: v.day.clone(),
        date_iso: v.date_iso.clone(),
        lang: v.lang.clone(),
        series: v.series.clone(),
        tags: v.tags.iter().map(|t| t.name.clone()).collect(),
        authors: v.authors.iter().map(|a| a.name.clone()).collect(),
        summary: v.summary.clone(),
        headings: rendered.toc.iter().map(|t| t.title.clone()).collect(),
        body: rendered.search_text.clone(),
        fields: v
            .fields
            .iter()
            .filter(|f| f.key != "satisfaction")
            .map(|f| f.value.clone())
            .chain(v.competencies.iter().map(|c| c.name.clone()))
            .chain(v.series.clone())
            .collect(),
        facts: facts(v),
    }
}

/// The case fields of an article by key: channel, product, priority and
/// outcome as its page shows them, then one fact per competency (without a
/// label: results do not show competencies).
fn facts(v: &ArticleView) -> Vec<Fact> {
    let fields = v.fields.iter().filter(|f| f.key != "satisfaction").map(|f| Fact {
        key: f.key.clone(),
        label: f.label.clone(),
        value: f.value.clone(),
    });
    let competencies =
        v.competencies.iter().map(|c| Fact { key: "competencies".into(), label: String::new(), value: c.name.clone() });
    fields.chain(competencies).collect()
}
