//! The whole pipeline as one function over plain values:
//! config → content → markdown → graph → pages → `Vec<OutputFile>`.
//!
//! Nothing here writes to disk: the `build` command writes the files, the
//! tests look at them in memory. Every stage runs even when an earlier one
//! found problems in some files, so one run reports everything.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::cache::hash_value;
use crate::config::{self, Config};
use crate::content::{self, authors::Authors, tags::TagList, Content};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem};
use crate::graph::{self, links::LinkIndex};
use crate::markdown::{self, Rendered};
use crate::output::OutputFile;
use crate::render::{self, theme};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub drafts: bool,
    /// Replaces `base_url` from the config (for previews).
    pub base_url: Option<String>,
    /// `casebook check`: also require the case sections, and make customer
    /// data an error rather than a warning.
    pub check: bool,
    /// History already read from git (the server keeps it between saves);
    /// `None` reads it.
    pub history: Option<std::sync::Arc<crate::history::History>>,
    /// What the server's file watcher saw change since the last build
    /// (used with a [`BuildCache`]); `None` checks every file.
    pub touched: Option<content::Touched>,
    /// Files changed since the last commit, kept up to date by the server
    /// between commits; `None` takes them from the history.
    pub uncommitted: Option<Arc<std::collections::HashSet<String>>>,
}

#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub load: Duration,
    pub markdown: Duration,
    pub render: Duration,
    /// Part of `render`: links, related articles, series.
    pub graph: Duration,
    /// Part of `render`: the search index.
    pub search: Duration,
    /// Part of `load`: reading git history.
    pub history: Duration,
}

#[derive(Debug)]
pub struct Built {
    /// `None` when any error was found: nothing should be written.
    pub files: Option<Vec<OutputFile>>,
    /// Sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    pub articles: usize,
    pub drafts_left_out: usize,
    pub timings: Timings,
    pub search: crate::search::index::SearchStats,
}

impl Built {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The journal as read from disk.
pub struct Journal {
    pub config: Config,
    pub authors: Authors,
    pub tags: TagList,
    pub content: Content,
    pub picks: Vec<crate::content::featured::RawPick>,
}

/// Loads config, data files and articles, reporting problems in all of them.
pub fn load(root: &Path, opts: &BuildOptions) -> (Journal, Diagnostics) {
    load_with(&crate::paths::root(root), opts, None)
}

fn load_with(root: &Path, opts: &BuildOptions, files: Option<&content::FileCache>) -> (Journal, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut lap = Instant::now();
    let (mut config, d) = config::load(root);
    diags.extend(d);
    if let Some(url) = &opts.base_url {
        config.base_url = if url.ends_with('/') { url.clone() } else { format!("{url}/") };
    }
    let (authors, d) = Authors::load(root, &config.limits);
    diags.extend(d);
    let (content, d) = content::load(
        root,
        &config,
        &content::LoadOptions { drafts: opts.drafts, cache: files, touched: opts.touched.as_ref() },
    );
    diags.extend(d);
    crate::cache::lap("   config, authors, content", &mut lap);
    let (tags, d) = TagList::load(root, &config.limits);
    diags.extend(d);
    let mut content = content;
    diags.extend(tags.apply(&mut content.articles));
    crate::cache::lap("   tags", &mut lap);
    let (picks, d) = crate::content::featured::load(root, &config.limits);
    diags.extend(d);
    crate::cache::lap("   featured", &mut lap);
    (Journal { config, authors, tags, content, picks }, diags)
}

/// SVG attachments that would run script when opened on their own (see
/// [`markdown::svg`]): errors, so they are not published, unless the journal
/// publishes raw HTML as written.
fn active_svgs(root: &Path, config: &Config, content: &Content) -> Vec<Diagnostic> {
    if config.raw_html == config::RawHtml::Allow {
        return Vec::new();
    }
    let files = content.files.iter().map(|f| &f.source);
    let assets = content.articles.iter().flat_map(|a| a.assets.iter().map(|(source, _)| source));
    let svgs: Vec<&PathBuf> = files.chain(assets).filter(|p| is_svg(p)).collect();
    svgs.into_par_iter()
        .filter_map(|source| {
            let rel = source.strip_prefix(root).unwrap_or(source).to_path_buf();
            let bytes = crate::paths::read_checked(source).ok()?;
            let (line, col, what) = markdown::svg::active_content(&String::from_utf8_lossy(&bytes))?;
            Some(Diagnostic::error(rel, line, col, Problem::ActiveSvg { what }))
        })
        .collect()
}

fn is_svg(path: &Path) -> bool {
    path.extension().is_some_and(|x| x.eq_ignore_ascii_case("svg"))
}

/// What one build keeps for the next: `serve` holds one across saves so a
/// save redoes only the work the change needs.
#[derive(Default)]
pub struct BuildCache {
    pub search: crate::search::index::SearchCache,
    pub render: render::RenderCache,
    pub files: content::FileCache,
    pub markdown: MarkdownCache,
    pub related: graph::related::RelatedCache,
    pub graph: graph::FrontCache,
    /// The compiled templates and a hash of their texts.
    pub templates: Option<(u64, Arc<tera::Tera>)>,
    /// The SVG problems of the last build and the `raw_html` they were found
    /// with; kept while no file is created, removed or renamed and no SVG is
    /// written (see [`active_svgs`]).
    pub svgs: Option<(config::RawHtml, Vec<Diagnostic>)>,
}

/// Markdown work kept between builds.
#[derive(Default)]
pub struct MarkdownCache {
    /// The config it was made with; a new config empties the cache.
    config: String,
    /// Hash of an article's body → its heading ids and a hash of them.
    headings: HashMap<u64, (Arc<Vec<String>>, u64)>,
    /// Hash of every link target (see `build_cached`).
    world: u64,
    /// The link names made for `world`.
    links: Option<Arc<crate::graph::links::LinkMaps>>,
    /// Hash of (source, site path, body) → the article's HTML and text.
    rendered: HashMap<u64, Arc<Rendered>>,
    /// Hash of an article's text and place → customer data found in it.
    privacy: HashMap<u64, Vec<Diagnostic>>,
}

pub fn build(opts: &BuildOptions) -> Built {
    build_cached(opts, &mut BuildCache::default())
}

/// [`build`], reusing and refreshing `cache`.
pub fn build_cached(opts: &BuildOptions, cache: &mut BuildCache) -> Built {
    // Resolved once, so every path read below is checked against it (crate::paths).
    let root = &crate::paths::root(&opts.root);
    let start = Instant::now();
    let mut lap = Instant::now();
    let (Journal { config, authors, tags, mut content, picks }, mut diags) = load_with(root, opts, Some(&cache.files));
    let svgs = match (&opts.touched, cache.svgs.take()) {
        (Some(t), Some((raw_html, found)))
            if raw_html == config.raw_html && !t.moved && !t.paths.iter().any(|p| is_svg(p)) =>
        {
            found
        }
        _ => active_svgs(root, &config, &content),
    };
    diags.extend(svgs.iter().cloned());
    cache.svgs = Some((config.raw_html, svgs));
    crate::cache::lap("load", &mut lap);
    let history_start = Instant::now();
    let history: Option<std::sync::Arc<crate::history::History>> =
        opts.history.clone().or_else(|| crate::history::read(root).map(std::sync::Arc::new));
    let history_time = history_start.elapsed();
    diags.extend(content::dates_from_history(&mut content, history.as_deref(), config.timezone));
    if history.as_ref().is_some_and(|h| h.shallow) {
        diags.push(Diagnostic::warning(".git", 0, 0, Problem::ShallowClone));
    }
    let (theme, d) = theme::load(root, &config.theme);
    diags.extend(d);
    // Compiled again only when a template's text changed.
    let templates_key = hash_value(&theme.templates.iter().map(|(n, t)| (n, &t.text)).collect::<Vec<_>>());
    let tera = match &cache.templates {
        Some((key, tera)) if *key == templates_key => Some(Arc::clone(tera)),
        _ => match render::templates(&theme) {
            Ok(t) => {
                let t = Arc::new(t);
                cache.templates = Some((templates_key, Arc::clone(&t)));
                Some(t)
            }
            Err(d) => {
                diags.extend(d);
                None
            }
        },
    };
    let load_time = start.elapsed();
    crate::cache::lap("history, dates, theme", &mut lap);

    let start = Instant::now();
    let md = &mut cache.markdown;
    let config_key = format!("{config:?}");
    if md.config != config_key {
        *md = MarkdownCache { config: config_key, ..Default::default() };
    }
    // Heading ids by body, each with a hash of them made once.
    let headings: Vec<(Arc<Vec<String>>, u64)> = content
        .articles
        .par_iter()
        .map(|a| {
            md.headings.get(&a.body_key).cloned().unwrap_or_else(|| {
                let ids = markdown::heading_ids(&a.body, config.slugify);
                let key = hash_value(&ids);
                (Arc::new(ids), key)
            })
        })
        .collect();
    md.headings = content.articles.iter().map(|a| a.body_key).zip(headings.iter().cloned()).collect();
    let heading_ids: Vec<Arc<Vec<String>>> = headings.iter().map(|(ids, _)| Arc::clone(ids)).collect();
    crate::cache::lap("body keys, headings", &mut lap);
    // What any link can resolve to: while it is unchanged, an article's
    // HTML depends only on its own text and place.
    let world = hash_value(&(
        content
            .articles
            .iter()
            .map(|a| (a.source_key, &a.slug, &a.front.title, &a.path, &a.assets))
            .collect::<Vec<_>>(),
        headings.iter().map(|(_, key)| *key).collect::<Vec<_>>(),
        content.files.iter().map(|f| &f.site_path).collect::<Vec<_>>(),
        &content.unreadable,
        content.links.iter().map(|(k, l)| (k, l.describe())).collect::<Vec<_>>(),
    ));
    let links = match &md.links {
        Some(maps) if md.world == world => LinkIndex::with_maps(&content, &config, Arc::clone(maps)),
        _ => {
            md.rendered.clear();
            md.world = world;
            let links = LinkIndex::new(&content, &config, &heading_ids);
            md.links = Some(links.maps());
            links
        }
    };
    crate::cache::lap("link index", &mut lap);
    let keys: Vec<u64> =
        content.articles.iter().map(|a| hash_value(&(a.source_key, &a.path, a.body_key, config.raw_html))).collect();
    let rendered: Vec<Arc<Rendered>> = (0..content.articles.len())
        .into_par_iter()
        .map(|i| match md.rendered.get(&keys[i]) {
            Some(r) => Arc::clone(r),
            None => Arc::new(markdown::render(
                &content.articles[i].body,
                config.slugify,
                config.raw_html,
                &links.resolver(i),
            )),
        })
        .collect();
    md.rendered = keys.into_iter().zip(rendered.iter().cloned()).collect();
    let markdown_time = start.elapsed();
    crate::cache::lap("markdown", &mut lap);
    if opts.check {
        diags.extend(crate::check::case_sections(&content.articles, &rendered, &config));
        // Drafts and other files are not published, but a pull request commits them.
        diags.extend(crate::check::files::scan(root, &config, &content.articles));
    }
    // Customer data, per article: a kept article's findings are kept too.
    let scans: Vec<(u64, Vec<Diagnostic>)> = content
        .articles
        .par_iter()
        .map(|a| {
            let key = hash_value(&(a.source_key, a.front_text_key, a.body_key, a.body_line, opts.check));
            let found = cache
                .markdown
                .privacy
                .get(&key)
                .cloned()
                .unwrap_or_else(|| crate::check::privacy(a, &config, opts.check));
            (key, found)
        })
        .collect();
    for (_, found) in &scans {
        diags.extend(found.iter().cloned());
    }
    cache.markdown.privacy = scans.into_iter().collect();
    for (a, r) in content.articles.iter().zip(&rendered) {
        for (line, col, note) in &r.notes {
            diags.push(Diagnostic::warning(&a.source, a.body_line + line - 1, *col, note.clone()));
        }
        for (line, col, what) in &r.removed {
            diags.push(Diagnostic::warning(&a.source, a.body_line + line - 1, *col, what.clone()));
        }
        for (link, why) in &r.broken {
            let line = a.body_line + link.line - 1;
            let problem = Problem::BrokenLink { why: why.clone() };
            diags.push(if config.broken_links_fail {
                Diagnostic::error(&a.source, line, link.col, problem)
            } else {
                Diagnostic::warning(&a.source, line, link.col, problem)
            });
        }
        for h in &r.duplicate_headings {
            diags.push(Diagnostic::warning(
                &a.source,
                a.body_line + h.line - 1,
                h.col,
                Problem::DuplicateHeading { id: h.dest.clone() },
            ));
        }
    }

    crate::cache::lap("privacy, diagnostics", &mut lap);
    let start = Instant::now();
    let inputs = graph::Inputs {
        articles: &content.articles,
        rendered: &rendered,
        links: &links,
        authors: &authors,
        tags: &tags,
        config: &config,
        picks: &picks,
    };
    let graph_start = Instant::now();
    let (graph, d) = graph::build(&inputs, world, &mut cache.graph, &mut cache.related);
    let graph_time = graph_start.elapsed();
    diags.extend(d);
    crate::cache::lap("graph", &mut lap);
    let mut files = None;
    let mut search_time = Duration::default();
    let mut search_stats = crate::search::index::SearchStats::default();
    if let (Some(tera), false) = (tera, diags.has_errors()) {
        let site = render::Site {
            config: &config,
            content: &content,
            rendered: &rendered,
            graph: &graph,
            theme: &theme,
            authors: &authors,
            history: history.as_deref(),
            uncommitted: opts.uncommitted.as_deref().or(history.as_deref().map(|h| &h.uncommitted)),
            drafts: opts.drafts,
        };
        let (mut out, d, docs) = render::render(&site, &tera, &mut cache.render);
        diags.extend(d);
        crate::cache::lap("render", &mut lap);
        // `check` writes no site, so it needs no search index.
        if !opts.check {
            let search_start = Instant::now();
            let (search_files, stats) = crate::search::index::build(&docs, &config.search, &mut cache.search);
            out.extend(search_files);
            out.sort_by(|a, b| a.path.cmp(&b.path));
            search_time = search_start.elapsed();
            search_stats = stats;
            crate::cache::lap("search", &mut lap);
        }
        // What writing would fail on, found here so `check` reports it too.
        diags.extend(render::names::check(root, &content, &out));
        crate::cache::lap("names", &mut lap);
        if !diags.has_errors() {
            files = Some(out);
        }
    }
    let mut diagnostics = diags.into_sorted();
    if opts.check {
        // A link out of the journal is skipped by `build`, but a pull request
        // that adds one should not pass.
        for d in diagnostics.iter_mut().filter(|d| crate::paths::leads_outside(d)) {
            d.severity = crate::diagnostics::Severity::Error;
        }
    }
    let built = Built {
        files,
        diagnostics,
        articles: content.articles.len(),
        drafts_left_out: content.drafts_left_out,
        timings: Timings {
            load: load_time,
            markdown: markdown_time,
            render: start.elapsed(),
            graph: graph_time,
            search: search_time,
            history: history_time,
        },
        search: search_stats,
    };
    // Freeing ten thousand articles' values takes a while: not on the way
    // to the reload.
    drop(links);
    crate::cache::drop_later((content, rendered, graph));
    built
}
