//! The pages of the last build and every article's view, kept while what
//! they are made of is unchanged: a save re-renders only the pages that show
//! what changed. One of the caches of [`crate::incremental`].

use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use tera::Tera;

use super::templates::{shows_every_field, template_keys};
use super::views::{ArticleView, BrowseView, NavLink, SiteView};
use super::{Renderer, Site};
use crate::diagnostics::Diagnostic;
use crate::keys::{hash_of, hash_value};
use crate::site_file::OutputFile;
use crate::urls::{self, encode_path};

/// The pages of the last build, each with a key of everything it was made
/// from. `serve` keeps one between saves: a page whose key is unchanged is
/// not rendered again, so a save re-renders only the pages that show what
/// changed (the article, the lists and pages that show it, the articles
/// that link to it or list it as related, the feeds).
#[derive(Default)]
pub struct RenderCache {
    pages: rustc_hash::FxHashMap<String, (u64, OutputFile)>,
    /// What every article view depends on besides its own inputs (config,
    /// authors); a change empties `views`.
    views_global: u64,
    /// Per article source: its view and the hashes made with it.
    views: SourceMap<ViewEntry>,
}

impl RenderCache {
    /// Every kept page's path and key (for the build cache on disk).
    pub fn page_keys(&self) -> Vec<(&str, u64)> {
        self.pages.iter().map(|(path, (key, _))| (path.as_str(), *key)).collect()
    }

    /// Puts back a page the build cache on disk kept, as `file`.
    pub fn put_page(&mut self, key: u64, file: OutputFile) {
        self.pages.insert(file.path.to_string(), (key, file));
    }
}

/// An article's view, kept while the key of its inputs is unchanged.
#[derive(Clone)]
struct ViewEntry {
    /// The key of what the view is made of.
    input: u64,
    view: Arc<ArticleView>,
    /// A hash of the view (its own page keys on it).
    key: u64,
    /// A hash of what the browse page shows of it.
    browse: u64,
    /// A hash of the view as lists show it (see `Renderer::list_keys`).
    listed: u64,
    /// Whether a template names `characters` (then `listed` is `key`).
    counted: bool,
}

/// Values kept per article source file, keyed by the hash of its path made
/// when the file was read (`Article::source_key`): no path is hashed or
/// copied again on a save.
pub type SourceMap<T> = rustc_hash::FxHashMap<u64, T>;

impl<'a> Renderer<'a> {
    /// The page at `path` from the last build if its `key` is unchanged, or
    /// else a new one from `make`.
    pub(crate) fn memo(
        &self,
        path: &str,
        template: &str,
        key: impl std::hash::Hash,
        make: impl FnOnce() -> Result<OutputFile, Diagnostic>,
    ) -> Result<OutputFile, Diagnostic> {
        let family = self.template_keys.get(template).copied().unwrap_or(u64::MAX);
        let key = hash_value(&(self.global_key, family, key));
        if let Ok(mut keys) = self.keys.lock() {
            keys.push((path.to_string(), key));
        }
        match self.previous.get(path) {
            Some((k, file)) if *k == key => Ok(file.clone()),
            _ => {
                self.made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                make()
            }
        }
    }

    pub(crate) fn new(site: &'a Site<'a>, tera: &'a Tera, cache: &mut RenderCache) -> Self {
        let config = site.config;
        let site_view = SiteView {
            title: config.title.clone(),
            description: config.description.clone(),
            language: config.language.clone(),
            base_url: config.base_url.clone(),
            sections: site
                .graph
                .sections
                .iter()
                .map(|s| NavLink {
                    name: s.name.clone(),
                    title: s.title.clone(),
                    url: encode_path(&urls::list(&s.name)),
                    count: s.articles.len(),
                })
                .collect(),
            taxonomies: site
                .graph
                .taxonomies
                .iter()
                .map(|t| NavLink {
                    name: t.key.clone(),
                    title: t.title.clone(),
                    url: encode_path(&urls::list(&t.key)),
                    count: t.terms.len(),
                })
                .collect(),
            drafts: site.drafts,
            has_series: !site.graph.series.is_empty(),
        };
        let global_key = hash_value(&(hash_of(&site_view), config.key(), site.authors));
        let template_keys = template_keys(site.theme);
        let mut r = Renderer {
            site,
            tera,
            site_view,
            articles: Vec::new(),
            view_keys: Vec::new(),
            list_keys: Vec::new(),
            html_keys: Vec::new(),
            browse_keys: Vec::new(),
            global_key,
            template_keys,
            previous: std::mem::take(&mut cache.pages),
            keys: Mutex::new(Vec::new()),
            made: Default::default(),
        };
        // Views are kept per article while what they are made of is unchanged.
        let views_global = hash_value(&(config.key(), site.authors, site.drafts));
        if cache.views_global != views_global {
            cache.views.clear();
            cache.views_global = views_global;
        }
        // The exact count of characters changes with nearly every save, and
        // the built-in templates do not show it (the reading time they show
        // changes by the minute): unless a template names it, the pages
        // that list an article key on its view without it.
        let counted = site.theme.templates.values().any(|t| shows_every_field(&t.text));
        let kept = std::mem::take(&mut cache.views);
        let views: Vec<ViewEntry> = (0..site.content.articles.len())
            .into_par_iter()
            .map(|i| {
                let input = r.view_input_key(i);
                match kept.get(&site.content.articles[i].source_key) {
                    Some(entry) if entry.input == input && entry.counted == counted => entry.clone(),
                    _ => {
                        let mut view = r.article_view(i);
                        let key = hash_of(&view);
                        let mut terms: Vec<_> = site.graph.term_slugs[i].iter().collect();
                        terms.sort();
                        let browse = hash_of(&(BrowseView::of(&view), terms));
                        let listed = if counted {
                            key
                        } else {
                            let characters = std::mem::take(&mut view.characters);
                            let listed = hash_of(&view);
                            view.characters = characters;
                            listed
                        };
                        ViewEntry { input, view: Arc::new(view), key, browse, listed, counted }
                    }
                }
            })
            .collect();
        r.view_keys = views.iter().map(|v| v.key).collect();
        r.browse_keys = views.iter().map(|v| v.browse).collect();
        r.list_keys = views.iter().map(|v| v.listed).collect();
        r.articles = views.iter().map(|v| Arc::clone(&v.view)).collect();
        cache.views = site.content.articles.iter().map(|a| a.source_key).zip(views).collect();
        r.html_keys = site.rendered.iter().map(|x| x.html_key).collect();
        r
    }

    /// A key of everything article `i`'s view is made of, besides the config
    /// and the authors file: equal keys give equal views.
    fn view_input_key(&self, i: usize) -> u64 {
        hash_value(&(
            self.uncommitted(i),
            self.site.graph.front_keys[i],
            self.site.rendered[i].text_key,
            self.site.graph.view_keys[i],
            self.history_key(i),
        ))
    }

    /// A key of what article `i`'s view shows of git history
    /// ([`Renderer::history_view`]): its file's commits, pull requests,
    /// reviewers and co-authors, and the e-mail addresses that tell those
    /// people apart. A commit that leaves its file alone changes nothing on
    /// its page (a build in CI is after a new commit every time); the dates
    /// git gives are in the front matter's key.
    fn history_key(&self, i: usize) -> Option<u64> {
        let history = self.site.history?;
        let path = crate::diagnostics::display_path(&self.site.content.articles[i].source);
        let file = history.files.get(&path).map(|f| {
            let commits: Vec<_> = f.commits.iter().map(|c| (&c.hash, c.date, &c.author, &c.subject)).collect();
            let people = f.reviewers.iter().chain(&f.co_authors);
            let emails: Vec<Option<&String>> = people.map(|name| history.emails.get(name)).collect();
            (commits, &f.pull_requests, &f.reviewers, &f.co_authors, emails)
        });
        Some(hash_value(&(path, file, history.shallow)))
    }

    /// Keeps this build's pages for the next: the last build's, with the
    /// pages made this time put in and the ones gone taken out.
    pub(crate) fn keep(&mut self, files: &[OutputFile], cache: &mut RenderCache) {
        let keys: Vec<(String, u64)> = self.keys.lock().map(|mut k| std::mem::take(&mut *k)).unwrap_or_default();
        let mut pages = std::mem::take(&mut self.previous);
        for (path, key) in &keys {
            if pages.get(path).is_some_and(|(k, _)| k == key) {
                continue;
            }
            match files.binary_search_by(|f| f.path.as_ref().cmp(path.as_str())) {
                Ok(at) => {
                    pages.insert(path.clone(), (*key, files[at].clone()));
                }
                // The page failed (its problem is reported).
                Err(_) => {
                    pages.remove(path);
                }
            }
        }
        if pages.len() != keys.len() {
            let wanted: std::collections::HashSet<&str> = keys.iter().map(|(p, _)| p.as_str()).collect();
            pages.retain(|p, _| wanted.contains(p.as_str()));
        }
        cache.pages = pages;
    }
}
