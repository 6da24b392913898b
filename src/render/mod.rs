//! Renders the site with Tera: plain values in, [`OutputFile`]s out.
//!
//! Every page links to every other with relative URLs (`../../tags/退貨/`), so
//! the site works at any sub-path and when opened from the folder; only the
//! feed, the sitemap and canonical links use `base_url`. Article pages are
//! rendered in parallel; the result is sorted by path, so output is the same
//! on every run.

pub mod names;
pub mod theme;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::cache::hash_of;
use crate::config::{Config, Kind};
use crate::content::Content;
use crate::diagnostics::{Diagnostic, PageOf, Problem};
use crate::graph::Graph;
use crate::markdown::{self, Rendered};
use crate::output::{Body, OutputFile};
use crate::slug::encode_path;
use theme::Theme;

/// Everything the renderer reads.
pub struct Site<'a> {
    pub config: &'a Config,
    pub content: &'a Content,
    pub rendered: &'a [std::sync::Arc<Rendered>],
    pub graph: &'a Graph,
    pub theme: &'a Theme,
    pub authors: &'a crate::content::authors::Authors,
    pub history: Option<&'a crate::history::History>,
    /// Files changed since the last commit (shown in previews).
    pub uncommitted: Option<&'a std::collections::HashSet<String>>,
    pub drafts: bool,
}

/// Loads the templates; every template that does not parse is reported.
pub fn templates(theme: &Theme) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(markdown::escape);
    let list: Vec<(&str, &str)> = theme.templates.iter().map(|(n, t)| (n.as_str(), t.text.as_str())).collect();
    match tera.add_raw_templates(list) {
        Ok(()) => Ok(tera),
        Err(e) => Err(vec![template_error(&e, theme, None)]),
    }
}

/// Turns a Tera error into a diagnostic on the template's file and line.
fn template_error(err: &tera::Error, theme: &Theme, rendering: Option<&str>) -> Diagnostic {
    let mut parts = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    let full = parts.join("\n");
    let name = theme
        .templates
        .keys()
        .filter(|n| full.contains(&format!("'{n}'")) || full.contains(&format!("\"{n}\"")))
        .max_by_key(|n| n.len())
        .map(String::as_str)
        .or(rendering);
    let path = name
        .and_then(|n| theme.templates.get(n))
        .map(|t| t.shown_path.clone())
        .unwrap_or_else(|| PathBuf::from("templates"));
    // Tera's parser reports ` --> line:col`.
    let (line, col) = full
        .split(" --> ")
        .nth(1)
        .and_then(|rest| {
            let pos = rest.split_whitespace().next()?;
            let (l, c) = pos.split_once(':')?;
            Some((l.parse().ok()?, c.parse().ok()?))
        })
        .or_else(|| name.and_then(|n| theme.templates.get(n)).and_then(|t| named_position(&full, &t.text)))
        .unwrap_or((0, 0));
    let detail: Vec<&str> = parts
        .iter()
        .skip(1)
        .flat_map(|p| p.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("-->") && !l.starts_with('|') && !l.starts_with(char::is_numeric))
        .collect();
    let detail =
        if detail.is_empty() { parts[0].clone() } else { detail.join("; ").trim_start_matches("= ").to_string() };
    let problem = match rendering {
        Some(_) => Problem::TemplateFailed { detail, page: None, others: 0 },
        None => Problem::TemplateInvalid { detail },
    };
    Diagnostic::error(path, line, col, problem)
}

/// Where in a template the first name a Tera message quotes in backticks
/// (`Variable `article.extra.ticket` not found`, a filter, a function) is
/// written: Tera gives no line for errors while rendering.
fn named_position(message: &str, template: &str) -> Option<(usize, usize)> {
    let quoted = message.split('`').nth(1).filter(|q| !q.trim().is_empty())?;
    let at = template.find(quoted)?;
    Some(crate::diagnostics::line_col(template, at))
}

/// Adds the article whose page a template failed on to the problem, with
/// the front-matter field it lacks when the template reads one.
fn on_page(mut d: Diagnostic, a: &crate::content::Article) -> Diagnostic {
    let source = crate::diagnostics::display_path(&a.source);
    if let Problem::TemplateFailed { detail, page, .. } = &mut *d.problem {
        let field = detail.split("`article.extra.").nth(1).and_then(|rest| rest.split(['`', '.', '[']).next());
        let missing_field = field.filter(|_| detail.contains("not found")).map(str::to_string);
        *page = Some(PageOf { source, missing_field });
    }
    d
}

/// One diagnostic per template problem however many article pages hit it:
/// the first page is named, the others counted.
fn merge_page_errors(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut merged: Vec<(Diagnostic, usize)> = Vec::new();
    // The same problem whatever page it was on.
    let base = |d: &Diagnostic| match &*d.problem {
        Problem::TemplateFailed { detail, others, .. } => {
            Problem::TemplateFailed { detail: detail.clone(), page: None, others: *others }
        }
        other => other.clone(),
    };
    for d in diags {
        match merged.iter_mut().find(|(m, _)| (&m.path, m.line, m.col, base(m)) == (&d.path, d.line, d.col, base(&d))) {
            Some((_, n)) => *n += 1,
            None => merged.push((d, 0)),
        }
    }
    merged
        .into_iter()
        .map(|(mut d, n)| {
            if let Problem::TemplateFailed { others, .. } = &mut *d.problem {
                *others = n;
            }
            d
        })
        .collect()
}

#[derive(Serialize, Clone)]
struct SiteView {
    title: String,
    description: String,
    language: String,
    base_url: String,
    sections: Vec<NavLink>,
    taxonomies: Vec<NavLink>,
    drafts: bool,
    has_series: bool,
}

#[derive(Serialize, Clone)]
struct NavLink {
    name: String,
    title: String,
    /// Site path, percent-encoded, to be prefixed with `root`.
    url: String,
    count: usize,
}

#[derive(Serialize, Clone)]
struct LinkView {
    name: String,
    url: Option<String>,
}

#[derive(Serialize, Clone)]
struct FieldView {
    key: String,
    label: String,
    value: String,
    url: Option<String>,
}

#[derive(Serialize, Clone)]
struct AuthorView {
    id: String,
    name: String,
    team: Option<String>,
    url: String,
}

#[derive(Serialize, Clone)]
struct ArticleView {
    title: String,
    url: String,
    date: String,
    date_iso: String,
    updated: Option<String>,
    updated_iso: Option<String>,
    kind: Kind,
    kind_label: String,
    section: String,
    section_title: String,
    section_url: String,
    authors: Vec<AuthorView>,
    tags: Vec<LinkView>,
    competencies: Vec<LinkView>,
    summary: String,
    reading_minutes: u32,
    characters: usize,
    fields: Vec<FieldView>,
    series: Option<String>,
    series_order: Option<i64>,
    series_url: Option<String>,
    response_count: usize,
    /// The language of the article's text: `lang:` or guessed from it.
    lang: String,
    /// Editors' picks of this article: period and award.
    featured: Vec<serde_json::Value>,
    /// From git: revisions, pull requests, reviewers (null outside git).
    history: Option<serde_json::Value>,
    /// Changed since the last commit (shown in preview builds only).
    uncommitted: bool,
    draft: bool,
    extra: BTreeMap<String, serde_json::Value>,
}

/// What the browse page shows of each article: the fields that come from
/// the front matter, not from the text (no summary, reading time or
/// history), so that editing an article's text leaves that page, which
/// lists every article, as it was.
#[derive(Serialize)]
struct BrowseView<'v> {
    title: &'v str,
    url: &'v str,
    date: &'v str,
    date_iso: &'v str,
    updated: &'v Option<String>,
    kind: Kind,
    kind_label: &'v str,
    section: &'v str,
    section_title: &'v str,
    section_url: &'v str,
    authors: &'v [AuthorView],
    tags: &'v [LinkView],
    competencies: &'v [LinkView],
    fields: &'v [FieldView],
    series: &'v Option<String>,
    series_url: &'v Option<String>,
    featured: &'v [serde_json::Value],
    draft: bool,
    extra: &'v BTreeMap<String, serde_json::Value>,
}

impl<'v> BrowseView<'v> {
    fn of(v: &'v ArticleView) -> Self {
        BrowseView {
            title: &v.title,
            url: &v.url,
            date: &v.date,
            date_iso: &v.date_iso,
            updated: &v.updated,
            kind: v.kind,
            kind_label: &v.kind_label,
            section: &v.section,
            section_title: &v.section_title,
            section_url: &v.section_url,
            authors: &v.authors,
            tags: &v.tags,
            competencies: &v.competencies,
            fields: &v.fields,
            series: &v.series,
            series_url: &v.series_url,
            featured: &v.featured,
            draft: v.draft,
            extra: &v.extra,
        }
    }
}

#[derive(Serialize)]
struct Paginator {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
}

/// Per template, a hash of its text and of the texts of every template it
/// reaches through `extends`, `include` and `import` (names are string
/// literals in Tera, so they can be read from the text).
fn template_keys(theme: &Theme) -> HashMap<String, u64> {
    static TAG: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let tag = TAG.get_or_init(|| {
        regex::Regex::new(r#"\{%-?\s*(?:extends|include|import)\s+([^%]*)-?%\}"#).expect("a valid pattern")
    });
    static NAME: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let name = NAME.get_or_init(|| regex::Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("a valid pattern"));
    let uses: HashMap<&str, Vec<String>> = theme
        .templates
        .iter()
        .map(|(n, t)| {
            let used = tag
                .captures_iter(&t.text)
                .flat_map(|c| {
                    name.captures_iter(c.get(1).map_or("", |m| m.as_str()))
                        .filter_map(|q| q.get(1).or(q.get(2)).map(|m| m.as_str().to_string()))
                        .collect::<Vec<_>>()
                })
                .collect();
            (n.as_str(), used)
        })
        .collect();
    theme
        .templates
        .keys()
        .map(|start| {
            let mut seen: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
            let mut todo = vec![start.as_str()];
            while let Some(n) = todo.pop() {
                if seen.insert(n) {
                    todo.extend(uses.get(n).into_iter().flatten().map(String::as_str));
                }
            }
            // A name without a template is part of the key too (an error now, maybe not later).
            let texts: Vec<(&str, Option<&String>)> =
                seen.iter().map(|n| (*n, theme.templates.get(*n).map(|t| &t.text))).collect();
            (start.clone(), crate::cache::hash_value(&texts))
        })
        .collect()
}

/// `../../` for `cases/x/`, `./` at the top.
pub fn root_for(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

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
    /// Per article source: a key of its view, HTML and text, and its search document.
    docs: SourceMap<(u64, Arc<crate::search::index::SearchDoc>)>,
}

/// Whether a template can show an article's exact character count: it
/// names `characters`, or prints values whole (`json_encode`, the whole
/// context, a loop over a value's keys; the browse page's loop over its
/// items' `data` is over facet values only).
fn shows_every_field(text: &str) -> bool {
    static LOOP: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let pairs = LOOP.get_or_init(|| {
        regex::Regex::new(r"\{%-?\s*for\s+\w+\s*,\s*\w+\s+in\s+([^%]*?)\s*-?%\}").expect("a valid pattern")
    });
    ["characters", "json_encode", "__tera_context"].iter().any(|w| text.contains(w))
        || pairs.captures_iter(text).any(|c| !c[1].ends_with(".data"))
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
type SourceMap<T> = rustc_hash::FxHashMap<u64, T>;

/// One list of articles to render as pages (a section or a taxonomy term).
struct ListJob<'a> {
    base: String,
    template: &'static str,
    title: String,
    ids: &'a [usize],
    extra: Vec<(&'static str, serde_json::Value)>,
    feed: bool,
}

struct Renderer<'a> {
    site: &'a Site<'a>,
    tera: &'a Tera,
    site_view: SiteView,
    articles: Vec<Arc<ArticleView>>,
    /// Per article: hashes of its view and of its HTML, for page keys.
    view_keys: Vec<u64>,
    /// Per article: the hash of its view for pages that list it or link to
    /// it (without the count of characters when no template shows it).
    list_keys: Vec<u64>,
    html_keys: Vec<u64>,
    /// Per article: hash of its [`BrowseView`] and its terms.
    browse_keys: Vec<u64>,
    /// What every page depends on: config, templates, site navigation.
    global_key: u64,
    /// Per template: a hash of its text and of every template it extends,
    /// includes or imports, so a page is made again when one of those changes.
    template_keys: HashMap<String, u64>,
    previous: rustc_hash::FxHashMap<String, (u64, OutputFile)>,
    keys: Mutex<Vec<(String, u64)>>,
    /// Pages rendered (not kept from the last build), for the profile.
    made: std::sync::atomic::AtomicUsize,
}

/// Renders every page, feed and static file of the site, and returns what
/// search indexes of each article (from the same article views).
pub fn render(
    site: &Site,
    tera: &Tera,
    cache: &mut RenderCache,
) -> (Vec<OutputFile>, Vec<Diagnostic>, Vec<Arc<crate::search::index::SearchDoc>>) {
    let mut lap = std::time::Instant::now();
    let mut r = Renderer::new(site, tera, cache);
    crate::cache::lap("  views", &mut lap);
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let mut push = |res: Result<OutputFile, Diagnostic>| match res {
        Ok(f) => files.push(f),
        Err(d) => diags.push(d),
    };

    let pages: Vec<Result<OutputFile, Diagnostic>> =
        (0..site.content.articles.len()).into_par_iter().map(|i| r.article_page(i)).collect();
    let (pages, failed): (Vec<_>, Vec<_>) = pages.into_iter().partition(Result::is_ok);
    pages.into_iter().for_each(&mut push);
    merge_page_errors(failed.into_iter().filter_map(Result::err).collect()).into_iter().for_each(|d| push(Err(d)));
    crate::cache::lap("  article pages", &mut lap);
    push(r.home());
    // Every list (section or taxonomy term) with its pages, rendered in parallel.
    let mut lists: Vec<ListJob> = site
        .graph
        .sections
        .iter()
        .map(|s| ListJob {
            base: format!("{}/", s.name),
            template: "section.html",
            title: s.title.clone(),
            ids: &s.articles,
            extra: vec![("section", serde_json::json!({"name": s.name, "title": s.title}))],
            feed: false,
        })
        .collect();
    for tax in &site.graph.taxonomies {
        push(r.taxonomy(tax));
        for term in &tax.terms {
            let taxonomy =
                serde_json::json!({"key": tax.key, "title": tax.title, "url": encode_path(&format!("{}/", tax.key))});
            let term_view = serde_json::json!({
                "name": r.label(&term.name),
                "count": term.articles.len(),
                "description": term.description,
                "url": encode_path(&format!("{}/{}/", tax.key, term.slug)),
            });
            lists.push(ListJob {
                base: format!("{}/{}/", tax.key, term.slug),
                template: "term.html",
                title: format!("{}：{}", tax.title, r.label(&term.name)),
                ids: &term.articles,
                extra: vec![("taxonomy", taxonomy), ("term", term_view)],
                feed: tax.key == "tags",
            });
        }
    }
    let list_pages: Vec<Result<OutputFile, Diagnostic>> = lists
        .par_iter()
        .flat_map_iter(|job| {
            let mut pages = r.paginated(&job.base, job.template, &job.title, job.ids, &job.extra);
            if job.feed {
                pages.push(r.feed(&format!("{}atom.xml", job.base), &job.title, job.ids));
            }
            pages
        })
        .collect();
    list_pages.into_iter().for_each(&mut push);
    crate::cache::lap(
        &format!("  lists ({} pages made so far)", r.made.load(std::sync::atomic::Ordering::Relaxed)),
        &mut lap,
    );
    r.series_pages().into_iter().for_each(&mut push);
    push(r.browse());
    crate::cache::lap("  browse", &mut lap);
    push(r.search_page());
    push(r.featured_page());
    push(r.authors());
    for a in &site.graph.authors {
        push(r.author(a));
    }
    push(r.not_found());
    let all: Vec<usize> = r.listed();
    push(r.feed("atom.xml", &site.config.title, &all));
    push(r.sitemap());
    crate::cache::lap("  other pages", &mut lap);

    for (name, source) in &site.theme.statics {
        files.push(OutputFile { path: name.as_str().into(), body: Body::Static(source.clone()) });
    }
    if !site.theme.statics.contains_key("syntax.css") {
        files.push(OutputFile::text("syntax.css", markdown::highlight::stylesheet()));
    }
    for f in &site.content.files {
        files.push(OutputFile {
            path: f.site_path.as_str().into(),
            body: Body::Static(theme::Source::File(f.source.clone())),
        });
    }
    for a in &site.content.articles {
        for (src, rel) in &a.assets {
            files.push(OutputFile {
                path: format!("{}{rel}", a.path).into(),
                body: Body::Static(theme::Source::File(src.clone())),
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|later, earlier| later.path == earlier.path);
    crate::cache::lap("  statics, sort", &mut lap);
    let docs = r.search_docs(cache);
    crate::cache::lap("  search documents", &mut lap);
    // The pages kept for the next build: the last build's, with the pages
    // made this time put in and the ones gone taken out.
    let keys: Vec<(String, u64)> = r.keys.lock().map(|mut k| std::mem::take(&mut *k)).unwrap_or_default();
    let mut pages = std::mem::take(&mut r.previous);
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
    crate::cache::lap("  keys kept", &mut lap);
    (files, diags, docs)
}

impl<'a> Renderer<'a> {
    /// What search indexes of each published article, in article order.
    /// Kept per article while its view, HTML and text are unchanged.
    fn search_docs(&self, cache: &mut RenderCache) -> Vec<Arc<crate::search::index::SearchDoc>> {
        let kept = std::mem::take(&mut cache.docs);
        let keyed: Vec<(u64, Arc<crate::search::index::SearchDoc>)> = (0..self.articles.len())
            .map(|i| {
                let r = &self.site.rendered[i];
                let key = crate::cache::hash_value(&(self.view_keys[i], r.html_key, r.text_key));
                match kept.get(&self.site.content.articles[i].source_key) {
                    Some((k, doc)) if *k == key => (key, Arc::clone(doc)),
                    _ => (key, Arc::new(self.search_doc(i))),
                }
            })
            .collect();
        let docs = keyed.iter().map(|(_, d)| Arc::clone(d)).collect();
        cache.docs = self.site.content.articles.iter().map(|a| a.source_key).zip(keyed).collect();
        crate::cache::drop_later(kept);
        docs
    }

    /// What search indexes of article `i`.
    fn search_doc(&self, i: usize) -> crate::search::index::SearchDoc {
        let v = &self.articles[i];
        let rendered = &self.site.rendered[i];
        crate::search::index::SearchDoc {
            url: v.url.clone(),
            title: v.title.clone(),
            section: v.section.clone(),
            section_title: v.section_title.clone(),
            kind_label: v.kind_label.clone(),
            date: v.date.clone(),
            tags: v.tags.iter().map(|t| t.name.clone()).collect(),
            authors: v.authors.iter().map(|a| a.name.clone()).collect(),
            summary: v.summary.clone(),
            headings: rendered.toc.iter().map(|t| t.title.clone()).collect(),
            body: rendered.text.clone(),
            fields: v
                .fields
                .iter()
                .filter(|f| f.key != "satisfaction")
                .map(|f| f.value.clone())
                .chain(v.competencies.iter().map(|c| c.name.clone()))
                .chain(v.series.clone())
                .collect(),
        }
    }

    /// The page at `path` from the last build if its `key` is unchanged, or
    /// else a new one from `make`.
    fn memo(
        &self,
        path: &str,
        template: &str,
        key: impl std::hash::Hash,
        make: impl FnOnce() -> Result<OutputFile, Diagnostic>,
    ) -> Result<OutputFile, Diagnostic> {
        let family = self.template_keys.get(template).copied().unwrap_or(u64::MAX);
        let key = crate::cache::hash_value(&(self.global_key, family, key));
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

    fn new(site: &'a Site<'a>, tera: &'a Tera, cache: &mut RenderCache) -> Self {
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
                    url: encode_path(&format!("{}/", s.name)),
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
                    url: encode_path(&format!("{}/", t.key)),
                    count: t.terms.len(),
                })
                .collect(),
            drafts: site.drafts,
            has_series: !site.graph.series.is_empty(),
        };
        let global_key = hash_of(&(&site_view, format!("{config:?}{:?}", site.authors)));
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
        let views_global = crate::cache::hash_value(&format!("{config:?}{:?}{}", site.authors, site.drafts));
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
    /// Whether article `i` changed since the last commit (previews only).
    fn uncommitted(&self, i: usize) -> bool {
        let source = &self.site.content.articles[i].source;
        self.site.drafts && self.site.uncommitted.is_some_and(|u| u.contains(&crate::diagnostics::display_path(source)))
    }

    fn view_input_key(&self, i: usize) -> u64 {
        crate::cache::hash_value(&(
            self.uncommitted(i),
            self.site.graph.front_keys[i],
            self.site.rendered[i].text_key,
            self.site.graph.view_keys[i],
            // History is read again only when HEAD moves: a new one is a new value.
            self.site.history.map(|h| h as *const crate::history::History as usize),
        ))
    }

    fn label(&self, value: &str) -> String {
        self.site.config.labels.get(value).cloned().unwrap_or_else(|| value.to_string())
    }

    fn term_url(&self, i: usize, key: &str, name: &str) -> Option<String> {
        let slugs = self.site.graph.term_slugs[i].get(key)?;
        let key_of = crate::graph::term_key(name);
        slugs
            .iter()
            .find(|(n, _)| crate::graph::term_key(n) == key_of)
            .map(|(_, s)| encode_path(&format!("{key}/{s}/")))
    }

    fn article_view(&self, i: usize) -> ArticleView {
        let a = &self.site.content.articles[i];
        let f = &a.front;
        let config = self.site.config;
        let rendered = &self.site.rendered[i];
        let links = |key: &str, values: &[String]| -> Vec<LinkView> {
            values.iter().map(|v| LinkView { name: self.label(v), url: self.term_url(i, key, v) }).collect()
        };
        let mut fields = Vec::new();
        let mut field = |key: &str, value: &Option<String>| {
            if let Some(v) = value {
                fields.push(FieldView {
                    key: key.to_string(),
                    label: self.label(key),
                    value: self.label(v),
                    url: self.term_url(i, key, v),
                });
            }
        };
        field("channel", &f.channel);
        field("product", &f.product);
        field("priority", &f.priority);
        field("outcome", &f.outcome);
        if let Some(s) = f.satisfaction {
            let stars = format!("{}{} {s}/5", "★".repeat(s as usize), "☆".repeat(5 - s as usize));
            fields.push(FieldView {
                key: "satisfaction".into(),
                label: self.label("satisfaction"),
                value: stars,
                url: None,
            });
        }
        let summary = f.summary.clone().unwrap_or_else(|| rendered.facts.excerpt.clone());
        let (chars, words) = (rendered.facts.cjk, rendered.facts.words);
        ArticleView {
            title: f.title.clone(),
            url: encode_path(&a.path),
            date: a.date.format("%Y-%m-%d").to_string(),
            date_iso: a.date.to_rfc3339(),
            updated: f.updated.map(|d| d.format("%Y-%m-%d").to_string()),
            updated_iso: f.updated.map(|d| d.to_rfc3339()),
            kind: a.kind,
            kind_label: self.label(match a.kind {
                Kind::Case => "case",
                Kind::Essay => "essay",
                Kind::Response => "response",
            }),
            section: a.section.clone(),
            section_title: config.section(&a.section).title,
            section_url: encode_path(&format!("{}/", a.section)),
            authors: self.site.graph.article_authors[i]
                .iter()
                .map(|au| AuthorView {
                    id: au.id.clone(),
                    name: au.name.clone(),
                    team: au.team.clone(),
                    url: author_url(&au.id),
                })
                .collect(),
            tags: links("tags", &f.tags),
            competencies: links("competencies", &f.competencies),
            summary,
            reading_minutes: markdown::minutes_for(chars, words, config.chars_per_minute, config.words_per_minute),
            characters: chars + words,
            fields,
            series: self.site.graph.series_of[i].map(|(s, _)| self.site.graph.series[s].name.clone()),
            series_order: f.series_order,
            series_url: self.site.graph.series_of[i].map(|(s, _)| series_url(&self.site.graph.series[s].slug)),
            response_count: self.site.graph.responses[i].len(),
            lang: f.lang.clone().unwrap_or_else(|| rendered.facts.language(&config.language)),
            history: self.history_view(i),
            uncommitted: self.uncommitted(i),
            featured: self.site.graph.picks_of[i]
                .iter()
                .map(|&n| {
                    let p = &self.site.graph.picks[n];
                    serde_json::json!({"period": p.period, "award": p.award.as_ref().map(|a| a.describe()), "reason": p.reason})
                })
                .collect(),
            draft: f.draft,
            extra: f.extra.clone(),
        }
    }

    fn context(&self, path: &str, title: &str) -> Context {
        let mut ctx = Context::new();
        ctx.insert("site", &self.site_view);
        ctx.insert("root", &root_for(path));
        ctx.insert("page_path", &encode_path(path));
        ctx.insert("canonical", &format!("{}{}", self.site.config.base_url, encode_path(path)));
        ctx.insert("title", title);
        ctx
    }

    fn render(&self, template: &str, ctx: &Context, path: String) -> Result<OutputFile, Diagnostic> {
        self.tera
            .render(template, ctx)
            .map(|html| OutputFile::text(path, html))
            .map_err(|e| template_error(&e, self.site.theme, Some(template)))
    }

    /// Articles shown in lists and feeds: all but critiques, newest first.
    fn listed(&self) -> Vec<usize> {
        (0..self.articles.len()).filter(|&i| self.articles[i].kind != Kind::Response).collect()
    }

    fn views(&self, ids: &[usize]) -> Vec<&ArticleView> {
        ids.iter().map(|&i| &*self.articles[i]).collect()
    }

    fn article_page(&self, i: usize) -> Result<OutputFile, Diagnostic> {
        let a = &self.site.content.articles[i];
        let g = self.site.graph;
        let (v, l, h) = (&self.view_keys, &self.list_keys, &self.html_keys);
        // The table of contents is made from the same text as the HTML, and
        // a backlink's sentence from the same text as its article's HTML:
        // the HTML's hash stands for them.
        let key = (
            "article",
            v[i],
            h[i],
            g.backlinks[i].iter().map(|b| (l[b.from], h[b.from])).collect::<Vec<_>>(),
            g.related[i].iter().map(|r| (l[r.id], &r.reasons)).collect::<Vec<_>>(),
            g.series_of[i]
                .map(|(s, pos)| (&g.series[s].name, pos, g.series[s].parts.iter().map(|&p| l[p]).collect::<Vec<_>>())),
            g.responses[i].iter().map(|&j| (l[j], h[j])).collect::<Vec<_>>(),
            g.responds_to[i].map(|t| l[t]),
        );
        self.memo(&format!("{}index.html", a.path), "article.html", key, || self.article_page_now(i))
    }

    fn article_page_now(&self, i: usize) -> Result<OutputFile, Diagnostic> {
        let a = &self.site.content.articles[i];
        let rendered = &self.site.rendered[i];
        let mut ctx = self.context(&a.path, &a.front.title);
        ctx.insert("article", &self.articles[i]);
        ctx.insert("description", &self.articles[i].summary);
        ctx.insert("content", &rendered.html);
        ctx.insert("toc", &rendered.toc);
        let g = self.site.graph;
        let link = |j: usize| {
            let v = &self.articles[j];
            serde_json::json!({"title": v.title, "url": v.url, "date": v.date, "kind_label": v.kind_label, "summary": v.summary})
        };
        let backlinks: Vec<_> = g.backlinks[i]
            .iter()
            .map(|b| {
                let mut v = link(b.from);
                v["context"] = b.context.clone().into();
                v
            })
            .collect();
        ctx.insert("backlinks", &backlinks);
        let related: Vec<_> = g.related[i]
            .iter()
            .map(|r| {
                let mut v = link(r.id);
                v["reasons"] = serde_json::json!(r.reasons);
                v
            })
            .collect();
        ctx.insert("related", &related);
        if let Some((s, pos)) = g.series_of[i] {
            let series = &g.series[s];
            ctx.insert(
                "series",
                &serde_json::json!({
                    "name": series.name,
                    "url": series_url(&series.slug),
                    "position": pos + 1,
                    "total": series.parts.len(),
                    "prev": pos.checked_sub(1).map(|p| link(series.parts[p])),
                    "next": series.parts.get(pos + 1).map(|&p| link(p)),
                }),
            );
        }
        let responses: Vec<_> = g.responses[i]
            .iter()
            .map(|&j| serde_json::json!({"article": self.articles[j], "content": self.site.rendered[j].html}))
            .collect();
        ctx.insert("responses", &responses);
        if let Some(t) = g.responds_to[i] {
            ctx.insert("responds_to", &link(t));
        }
        self.render("article.html", &ctx, format!("{}index.html", a.path)).map_err(|d| on_page(d, a))
    }

    /// The `limit` most used tags, most used first: name, url and count.
    fn tag_links(&self, limit: usize) -> Vec<serde_json::Value> {
        let mut tags: Vec<&crate::graph::Term> =
            self.site.graph.taxonomies.iter().filter(|t| t.key == "tags").flat_map(|t| &t.terms).collect();
        tags.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then_with(|| a.name.cmp(&b.name)));
        tags.into_iter()
            .take(limit)
            .map(|t| serde_json::json!({"name": t.name, "url": encode_path(&format!("tags/{}/", t.slug)), "count": t.articles.len()}))
            .collect()
    }

    /// Git history of article `i`, for templates.
    fn history_view(&self, i: usize) -> Option<serde_json::Value> {
        let a = &self.site.content.articles[i];
        let path = crate::diagnostics::display_path(&a.source);
        let h = self.site.history?.files.get(&path)?;
        let config = self.site.config;
        let links = |hash: &str, pr: u32| config.repo_links(hash, &path, pr);
        // Shown as the day it was where the journal is (`timezone`).
        let day = |d: &chrono::DateTime<chrono::FixedOffset>| {
            d.with_timezone(&config.timezone).format("%Y-%m-%d").to_string()
        };
        let revisions: Vec<_> = h
            .commits
            .iter()
            .map(|c| {
                serde_json::json!({
                    "hash": &c.hash[..c.hash.len().min(8)],
                    "date": day(&c.date),
                    "author": c.author,
                    "subject": c.subject,
                    "url": links(&c.hash, 0).map(|l| l.0),
                })
            })
            .collect();
        let prs: Vec<_> = h
            .pull_requests
            .iter()
            .map(|&n| serde_json::json!({"number": n, "url": links("", n).map(|l| l.2)}))
            .collect();
        Some(serde_json::json!({
            "created": h.created().map(|c| serde_json::json!({"date": day(&c.date), "author": c.author})),
            "updated": h.updated().map(|c| serde_json::json!({"date": day(&c.date), "author": c.author})),
            "revisions": revisions,
            "pull_requests": prs,
            "reviewers": crate::graph::reviewers::names(self.site.history?, &h.reviewers, self.site.authors),
            "co_authors": crate::graph::reviewers::names(self.site.history?, &h.co_authors, self.site.authors),
            "file_history_url": links("", 0).map(|l| l.1),
        }))
    }

    fn pick_view(&self, p: &crate::graph::featured::Pick) -> serde_json::Value {
        serde_json::json!({
            "period": p.period,
            "article": self.articles[p.article],
            "reason": p.reason,
            "award": p.award.as_ref().map(|a| a.describe()),
            "editor": p.editor.as_ref().map(|e| serde_json::json!({"name": e.name, "url": author_url(&e.id)})),
        })
    }

    /// All picks, newest period first.
    fn featured_page(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("featured/", "精選");
        let mut periods: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
        for p in &self.site.graph.picks {
            match periods.last_mut() {
                Some((period, list)) if *period == p.period => list.push(self.pick_view(p)),
                _ => periods.push((p.period.clone(), vec![self.pick_view(p)])),
            }
        }
        let periods: Vec<_> =
            periods.into_iter().map(|(period, picks)| serde_json::json!({"period": period, "picks": picks})).collect();
        ctx.insert("periods", &periods);
        self.render("featured.html", &ctx, "featured/index.html".into())
    }

    fn search_page(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("search/", "搜尋");
        let tags = self.tag_links(usize::MAX);
        ctx.insert("tags", &tags);
        // Filter choices, so the facets file is fetched only when one is used.
        let mut tag_names: Vec<&str> = tags.iter().filter_map(|t| t["name"].as_str()).collect();
        tag_names.sort();
        ctx.insert("tag_names", &tag_names);
        let mut author_names: Vec<&str> = self.site.graph.authors.iter().map(|a| a.author.name.as_str()).collect();
        author_names.sort();
        author_names.dedup();
        ctx.insert("author_names", &author_names);
        self.render("search.html", &ctx, "search/index.html".into())
    }

    /// One page to combine filters (all escalated phone cases): every listed
    /// article with its terms as data attributes, filtered in the browser.
    fn browse(&self) -> Result<OutputFile, Diagnostic> {
        let g = self.site.graph;
        let ctx = self.context("browse/", "篩選");
        let mut facets = vec![serde_json::json!({
            "key": "section",
            "title": "分類",
            "terms": g.sections.iter().map(|s| serde_json::json!({"slug": s.name, "name": s.title, "count": s.articles.len()})).collect::<Vec<_>>(),
        })];
        for t in &g.taxonomies {
            let terms: Vec<_> = t.terms.iter().map(|term| serde_json::json!({"slug": term.slug, "name": self.label(&term.name), "count": term.articles.len()})).collect();
            facets.push(serde_json::json!({"key": t.key, "title": t.title, "terms": terms}));
        }
        let listed = self.listed();
        let key = hash_of(&("browse", &facets, listed.iter().map(|&i| self.browse_keys[i]).collect::<Vec<_>>()));
        self.memo("browse/index.html", "browse.html", key, || self.browse_now(ctx, facets, listed))
    }

    fn browse_now(
        &self,
        mut ctx: Context,
        facets: Vec<serde_json::Value>,
        listed: Vec<usize>,
    ) -> Result<OutputFile, Diagnostic> {
        let g = self.site.graph;
        let items: Vec<_> = listed
            .into_iter()
            .map(|i| {
                let mut data: BTreeMap<String, String> = BTreeMap::new();
                data.insert("section".into(), format!("|{}|", self.site.content.articles[i].section));
                for t in &g.taxonomies {
                    let slugs: Vec<&str> = g.term_slugs[i]
                        .get(&t.key)
                        .map(|v| v.iter().map(|(_, s)| s.as_str()).collect())
                        .unwrap_or_default();
                    data.insert(t.key.clone(), format!("|{}|", slugs.join("|")));
                }
                serde_json::json!({"article": BrowseView::of(&self.articles[i]), "data": data})
            })
            .collect();
        ctx.insert("facets", &facets);
        ctx.insert("items", &items);
        self.render("browse.html", &ctx, "browse/index.html".into())
    }

    fn series_pages(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let g = self.site.graph;
        if g.series.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut ctx = self.context("series/", "系列");
        let list: Vec<_> = g
            .series
            .iter()
            .map(|s| serde_json::json!({"name": s.name, "url": series_url(&s.slug), "count": s.parts.len(), "latest": self.articles[s.parts[s.parts.len() - 1]].date}))
            .collect();
        ctx.insert("series_list", &list);
        out.push(self.render("series_index.html", &ctx, "series/index.html".into()));
        for s in &g.series {
            let path = format!("series/{}/", s.slug);
            let mut ctx = self.context(&path, &s.name);
            ctx.insert("series", &serde_json::json!({"name": s.name, "count": s.parts.len()}));
            ctx.insert("articles", &self.views(&s.parts));
            out.push(self.render("series.html", &ctx, format!("{path}index.html")));
        }
        out
    }

    fn home(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("", &self.site.config.title);
        let latest: Vec<usize> = self.listed().into_iter().take(10).collect();
        ctx.insert("latest", &self.views(&latest));
        let g = self.site.graph;
        let current = g.picks.first().map(|p| p.period.clone());
        let picks: Vec<serde_json::Value> =
            g.picks.iter().filter(|p| Some(&p.period) == current.as_ref()).map(|p| self.pick_view(p)).collect();
        ctx.insert("featured", &picks);
        ctx.insert("featured_period", &current);
        let tags = self.tag_links(20);
        ctx.insert("top_tags", &tags);
        ctx.insert("article_count", &self.articles.len());
        self.render("index.html", &ctx, "index.html".into())
    }

    /// A list split into pages: `base`, `base/page/2/`, ...
    fn paginated(
        &self,
        base: &str,
        template: &str,
        title: &str,
        ids: &[usize],
        extra: &[(&str, serde_json::Value)],
    ) -> Vec<Result<OutputFile, Diagnostic>> {
        let per = self.site.config.paginate;
        let total = ids.len().div_ceil(per).max(1);
        let page_path = |n: usize| {
            if n == 1 {
                base.to_string()
            } else {
                format!("{base}page/{n}/")
            }
        };
        (1..=total)
            .map(|n| {
                let path = page_path(n);
                let chunk = ids.iter().skip((n - 1) * per).take(per).copied().collect::<Vec<_>>();
                let key = (
                    "list",
                    template,
                    title,
                    n,
                    total,
                    ids.len(),
                    extra,
                    chunk.iter().map(|&i| self.list_keys[i]).collect::<Vec<_>>(),
                );
                self.memo(&format!("{path}index.html"), template, hash_of(&key), || {
                    let root = root_for(&path);
                    let link = |m: usize| format!("{root}{}", encode_path(&page_path(m)));
                    let paginator = Paginator {
                        current: n,
                        total,
                        prev: (n > 1).then(|| link(n - 1)),
                        next: (n < total).then(|| link(n + 1)),
                        pages: (1..=total).map(|m| PageLink { number: m, url: link(m), current: m == n }).collect(),
                    };
                    let shown_title = if n == 1 { title.to_string() } else { format!("{title}（第 {n} 頁）") };
                    let mut ctx = self.context(&path, &shown_title);
                    ctx.insert("list_title", title);
                    ctx.insert("articles", &self.views(&chunk));
                    ctx.insert("total_count", &ids.len());
                    ctx.insert("paginator", &paginator);
                    for (k, v) in extra {
                        ctx.insert(*k, v);
                    }
                    self.render(template, &ctx, format!("{path}index.html"))
                })
            })
            .collect()
    }

    fn taxonomy(&self, tax: &crate::graph::TaxonomyIndex) -> Result<OutputFile, Diagnostic> {
        let path = format!("{}/", tax.key);
        let mut ctx = self.context(&path, &tax.title);
        let terms: Vec<_> = tax
            .terms
            .iter()
            .map(|t| serde_json::json!({"name": self.label(&t.name), "url": encode_path(&format!("{}/{}/", tax.key, t.slug)), "count": t.articles.len(), "description": t.description}))
            .collect();
        ctx.insert("taxonomy", &serde_json::json!({"key": tax.key, "title": tax.title}));
        ctx.insert("terms", &terms);
        self.render("taxonomy.html", &ctx, format!("{path}index.html"))
    }

    fn authors(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("authors/", "作者");
        let list: Vec<_> = self
            .site
            .graph
            .authors
            .iter()
            .map(|a| serde_json::json!({"id": a.author.id, "name": a.author.name, "team": a.author.team, "url": author_url(&a.author.id), "count": a.articles.len()}))
            .collect();
        ctx.insert("authors", &list);
        self.render("authors.html", &ctx, "authors/index.html".into())
    }

    fn author(&self, a: &crate::graph::AuthorIndex) -> Result<OutputFile, Diagnostic> {
        let picks: Vec<serde_json::Value> = self
            .site
            .graph
            .picks
            .iter()
            .filter(|p| a.articles.contains(&p.article))
            .map(|p| self.pick_view(p))
            .collect();
        let reviews = self.site.history.map_or(0, |h| crate::graph::reviewers::count(h, self.site.authors, &a.author));
        let key =
            ("author", &a.author, a.articles.iter().map(|&i| self.list_keys[i]).collect::<Vec<_>>(), picks, reviews);
        self.memo(&format!("{}index.html", author_path(&a.author.id)), "author.html", hash_of(&key), || {
            self.author_now(a)
        })
    }

    fn author_now(&self, a: &crate::graph::AuthorIndex) -> Result<OutputFile, Diagnostic> {
        let path = author_path(&a.author.id);
        let mut ctx = self.context(&path, &a.author.name);
        ctx.insert("author", &a.author);
        ctx.insert("articles", &self.views(&a.articles));
        let count = |k: Kind| a.articles.iter().filter(|&&i| self.articles[i].kind == k).count();
        ctx.insert(
            "counts",
            &serde_json::json!({"articles": a.articles.len(), "cases": count(Kind::Case), "essays": count(Kind::Essay), "responses": count(Kind::Response)}),
        );
        let g = self.site.graph;
        let picks: Vec<crate::graph::featured::Pick> =
            g.picks.iter().filter(|p| a.articles.contains(&p.article)).cloned().collect();
        ctx.insert("picks", &picks.iter().map(|p| self.pick_view(p)).collect::<Vec<_>>());
        let rows = crate::graph::featured::reward_rows(&picks, &self.site.content.articles, self.site.authors, |i| {
            self.articles[i].url.clone()
        });
        let mine = crate::graph::featured::totals(&rows).remove(&a.author.id);
        let money: Vec<String> = mine
            .as_ref()
            .map(|(m, _)| {
                m.iter().map(|(c, v)| format!("{} {c}", crate::content::featured::format_amount(*v))).collect()
            })
            .unwrap_or_default();
        let prizes: Vec<String> = mine.map(|(_, p)| p).unwrap_or_default();
        ctx.insert("awards", &serde_json::json!({"money": money, "prizes": prizes}));
        // Reviews from git trailers, under any name or address of the author's.
        let reviews = self.site.history.map_or(0, |h| crate::graph::reviewers::count(h, self.site.authors, &a.author));
        ctx.insert("reviews", &reviews);
        self.render("author.html", &ctx, format!("{path}index.html"))
    }

    fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        // Served at any address, so it links from the site's root path.
        let mut ctx = self.context("", "找不到這一頁");
        ctx.insert("root", &self.site.config.base_path());
        self.render("404.html", &ctx, "404.html".into())
    }

    fn feed(&self, path: &str, title: &str, ids: &[usize]) -> Result<OutputFile, Diagnostic> {
        let ids: Vec<usize> = ids.iter().take(20).copied().collect();
        let key = ("feed", title, ids.iter().map(|&i| (self.list_keys[i], self.html_keys[i])).collect::<Vec<_>>());
        self.memo(path, "atom.xml", key, || self.feed_now(path, title, &ids))
    }

    fn feed_now(&self, path: &str, title: &str, ids: &[usize]) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context(path, title);
        let base = &self.site.config.base_url;
        let entries: Vec<_> = ids
            .iter()
            .map(|&i| {
                let v = &self.articles[i];
                serde_json::json!({
                    "article": v,
                    "link": format!("{base}{}", v.url),
                    "updated": v.updated_iso.clone().unwrap_or_else(|| v.date_iso.clone()),
                    "content": self.site.rendered[i].html,
                })
            })
            .collect();
        let updated = ids
            .iter()
            .map(|&i| {
                let a = &self.site.content.articles[i];
                a.front.updated.unwrap_or(a.date)
            })
            .max()
            .map(|d| d.to_rfc3339())
            .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".to_string());
        ctx.insert("feed_url", &format!("{base}{}", encode_path(path)));
        ctx.insert("updated", &updated);
        ctx.insert("entries", &entries);
        self.render("atom.xml", &ctx, path.to_string())
    }

    fn sitemap(&self) -> Result<OutputFile, Diagnostic> {
        // Every address and date in it is in the articles' browse views
        // (made from front matter) and in the site's navigation.
        let g = self.site.graph;
        let key = (
            "sitemap",
            &self.browse_keys,
            g.taxonomies
                .iter()
                .map(|t| (&t.key, t.terms.iter().map(|t| &t.slug).collect::<Vec<_>>()))
                .collect::<Vec<_>>(),
            g.authors.iter().map(|a| &a.author.id).collect::<Vec<_>>(),
        );
        self.memo("sitemap.xml", "sitemap.xml", key, || self.sitemap_now())
    }

    fn sitemap_now(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("sitemap.xml", "sitemap");
        let base = &self.site.config.base_url;
        let mut urls: Vec<serde_json::Value> = vec![serde_json::json!({"loc": base})];
        for v in &self.articles {
            urls.push(serde_json::json!({"loc": format!("{base}{}", v.url), "lastmod": v.updated.clone().unwrap_or_else(|| v.date.clone())}));
        }
        for s in &self.site_view.sections {
            urls.push(serde_json::json!({"loc": format!("{base}{}", s.url)}));
        }
        for t in &self.site.graph.taxonomies {
            urls.push(serde_json::json!({"loc": format!("{base}{}", encode_path(&format!("{}/", t.key)))}));
            for term in &t.terms {
                urls.push(
                    serde_json::json!({"loc": format!("{base}{}", encode_path(&format!("{}/{}/", t.key, term.slug)))}),
                );
            }
        }
        for a in &self.site.graph.authors {
            urls.push(serde_json::json!({"loc": format!("{base}{}", author_url(&a.author.id))}));
        }
        ctx.insert("urls", &urls);
        self.render("sitemap.xml", &ctx, "sitemap.xml".into())
    }
}

fn series_url(slug: &str) -> String {
    encode_path(&format!("series/{slug}/"))
}

fn author_url(id: &str) -> String {
    encode_path(&author_path(id))
}

/// The site path of an author's page: an id too long for a folder name
/// gets a shortened one (see [`crate::slug::fit_name`]).
fn author_path(id: &str) -> String {
    format!("authors/{}/", crate::slug::fit_name(id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_shows_the_character_count_when_it_names_it_or_prints_values_whole() {
        let theme = theme::load(std::path::Path::new("/nonexistent"), "default").0;
        for (name, t) in &theme.templates {
            assert!(!shows_every_field(&t.text), "the built-in {name} does not show the count");
        }
        for shown in [
            "{{ a.characters }} 字",
            "{{ articles | json_encode() }}",
            "{{ __tera_context }}",
            "{% for k, v in article %}{{ v }}{% endfor %}",
            "{%- for key,value in a -%}{{ value }}{%- endfor -%}",
        ] {
            assert!(shows_every_field(shown), "{shown}");
        }
        assert!(!shows_every_field("{% for k, v in it.data %}{{ k }}{% endfor %}{{ a.reading_minutes }}"));
    }
}
