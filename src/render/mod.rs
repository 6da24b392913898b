//! Renders the site with Tera: plain values in, [`OutputFile`]s out.
//!
//! Every page links to every other with relative URLs (`../../tags/退貨/`,
//! see [`crate::urls`]), so the site works at any sub-path and when opened
//! from the folder; only the feed, the sitemap and canonical links use
//! `base_url`. Article pages are rendered in parallel; the result is sorted
//! by path, so output is the same on every run.
//!
//! - [`templates`]: loading the theme's templates and turning Tera's errors
//!   into diagnostics on a template's line;
//! - [`views`]: the values templates see (an article's view, the site's);
//! - [`words`]: the interface's words in the journal's language (`t`, `day`);
//! - [`memo`]: the pages of the last build, kept while what they show is
//!   unchanged (see [`crate::incremental`]);
//! - `pages/`: one file per kind of page (article, lists, home, browse,
//!   series, authors, featured, search, feeds and sitemap, 404, and the
//!   pages at old addresses that send readers on).

pub mod memo;
pub mod names;
mod pages;
pub mod templates;
pub mod theme;
pub mod views;
pub mod words;

use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::config::{Config, Kind};
use crate::content::Content;
use crate::diagnostics::Diagnostic;
use crate::graph::Graph;
use crate::markdown::{self, Rendered};
use crate::site_file::{Body, OutputFile, Source};
use crate::urls::{encode_path, root_for};
pub use memo::RenderCache;
pub use pages::aliases::old_addresses;
pub use templates::templates;
use templates::{merge_page_errors, template_error};
use theme::Theme;
use views::{ArticleView, SiteView};

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

/// What rendering gives besides the files: every article's view and a key
/// of it, in article order, for the search documents.
pub struct Views {
    pub articles: Vec<Arc<ArticleView>>,
    pub keys: Vec<u64>,
}

/// The renderer of one build: the site, its templates and every article's
/// view with the keys pages are kept by ([`memo`]).
pub(crate) struct Renderer<'a> {
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
    /// Per article: hash of its [`views::BrowseView`] and its terms.
    browse_keys: Vec<u64>,
    /// What every page depends on: config, templates, site navigation.
    global_key: u64,
    /// Per template: a hash of its text and of every template it extends,
    /// includes or imports, so a page is made again when one of those changes.
    template_keys: std::collections::HashMap<String, u64>,
    previous: rustc_hash::FxHashMap<String, (u64, OutputFile)>,
    keys: Mutex<Vec<(String, u64)>>,
    /// Pages rendered (not kept from the last build), for the profile.
    made: std::sync::atomic::AtomicUsize,
}

/// Renders every page, feed and static file of the site, and returns every
/// article's view for the search documents.
pub fn render(site: &Site, tera: &Tera, cache: &mut RenderCache) -> (Vec<OutputFile>, Vec<Diagnostic>, Views) {
    let mut lap = std::time::Instant::now();
    let mut r = Renderer::new(site, tera, cache);
    crate::profile::lap("  views", &mut lap);
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
    crate::profile::lap("  article pages", &mut lap);
    push(r.home());
    r.lists().into_iter().for_each(&mut push);
    crate::profile::lap(
        &format!("  lists ({} pages made so far)", r.made.load(std::sync::atomic::Ordering::Relaxed)),
        &mut lap,
    );
    r.series_pages().into_iter().for_each(&mut push);
    push(r.browse());
    crate::profile::lap("  browse", &mut lap);
    push(r.search_page());
    push(r.featured_page());
    if site.drafts {
        push(r.candidates_page());
    }
    push(r.authors());
    for a in &site.graph.authors {
        push(r.author(a));
    }
    push(r.not_found());
    r.alias_pages().into_iter().map(Ok).for_each(&mut push);
    let all: Vec<usize> = r.listed();
    push(r.feed("atom.xml", &site.config.title, &all));
    push(r.sitemap());
    crate::profile::lap("  other pages", &mut lap);

    files.extend(statics(site));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|later, earlier| later.path == earlier.path);
    crate::profile::lap("  statics, sort", &mut lap);
    r.keep(&files, cache);
    crate::profile::lap("  keys kept", &mut lap);
    let views = Views { articles: std::mem::take(&mut r.articles), keys: std::mem::take(&mut r.view_keys) };
    (files, diags, views)
}

/// The files copied as they are: the theme's, the syntax stylesheet, the
/// journal's files and every article folder's attachments.
fn statics(site: &Site) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for (name, source) in &site.theme.statics {
        files.push(OutputFile { path: name.as_str().into(), body: Body::Static(source.clone()) });
    }
    if !site.theme.statics.contains_key("syntax.css") {
        files.push(OutputFile::text("syntax.css", markdown::highlight::stylesheet()));
    }
    for f in &site.content.files {
        files
            .push(OutputFile { path: f.site_path.as_str().into(), body: Body::Static(Source::File(f.source.clone())) });
    }
    for a in &site.content.articles {
        for (src, rel) in &a.assets {
            files.push(OutputFile {
                path: crate::urls::attachment(&a.path, rel).into(),
                body: Body::Static(Source::File(src.clone())),
            });
        }
    }
    files
}

impl Renderer<'_> {
    pub(crate) fn context(&self, path: &str, title: &str) -> Context {
        let mut ctx = Context::new();
        ctx.insert("site", &self.site_view);
        ctx.insert("root", &root_for(path));
        ctx.insert("page_path", &encode_path(path));
        ctx.insert("canonical", &format!("{}{}", self.site.config.base_url, encode_path(path)));
        ctx.insert("title", title);
        ctx
    }

    pub(crate) fn render(&self, template: &str, ctx: &Context, path: String) -> Result<OutputFile, Diagnostic> {
        self.tera
            .render(template, ctx)
            .map(|html| OutputFile::text(path, html))
            .map_err(|e| template_error(&e, self.site.theme, Some(template)))
    }

    /// Articles shown in lists and feeds: all but critiques, newest first.
    pub(crate) fn listed(&self) -> Vec<usize> {
        (0..self.articles.len()).filter(|&i| self.articles[i].kind != Kind::Response).collect()
    }

    /// The interface's words in the journal's language.
    pub(crate) fn words(&self) -> crate::config::i18n::Strings<'_> {
        self.site.config.strings()
    }

    pub(crate) fn views(&self, ids: &[usize]) -> Vec<&ArticleView> {
        ids.iter().map(|&i| &*self.articles[i]).collect()
    }
}
