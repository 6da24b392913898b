//! The whole pipeline as one function over plain values, one named stage
//! after another in the order of [`crate`]'s chain:
//!
//! 1. [`load`]: `casebook.yaml`, the data files and every article
//!    ([`crate::config`], [`crate::content`]), and the drawings that would
//!    run script ([`attachments`]);
//! 2. [`history`]: git, and the dates it gives articles without `date:`;
//! 3. [`templates`]: the theme, compiled once per change of its texts;
//! 4. [`markdown`]: heading ids, the link index and every article's HTML;
//! 5. [`validate`]: customer data, case sections, committed files, and what
//!    Markdown found (broken links, removed HTML, repeated headings);
//! 6. [`crate::graph`]: tags, backlinks, related articles, series, picks;
//! 7. [`render`]: every page, then the search index ([`crate::search`]) and
//!    the names the files will have on disk, as `Vec<OutputFile>`.
//!
//! Nothing here writes to disk: the `build` command writes the files
//! ([`crate::output`]), the tests look at them in memory. Every stage runs
//! even when an earlier one found problems in some files, so one run
//! reports everything. What a build keeps for the next is in
//! [`crate::incremental`].

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{self, Config};
use crate::content::{self, authors::Authors, tags::TagList, Content};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem};
use crate::graph::{self, links::LinkIndex};
use crate::history::History;
pub use crate::incremental::BuildCache;
use crate::incremental::MarkdownCache;
use crate::keys::hash_value;
use crate::markdown::{self as md, Rendered};
use crate::profile::lap;
use crate::render::{self, theme};
use crate::site_file::OutputFile;

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
    pub history: Option<Arc<History>>,
    /// What the server's file watcher saw change since the last build
    /// (used with a [`BuildCache`]); `None` checks every file.
    pub touched: Option<content::Touched>,
    /// Files changed since the last commit, kept up to date by the server
    /// between commits; `None` takes them from the history.
    pub uncommitted: Option<Arc<std::collections::HashSet<String>>>,
    /// Articles left out, by their path under the journal
    /// (`content/cases/a.md`), with every problem in them
    /// ([`build_keep_going`]).
    pub skip: Option<Arc<std::collections::BTreeSet<PathBuf>>>,
    /// `casebook serve`'s preview: the case sections are checked as in
    /// `check`, the pages are made even when articles have errors (not when
    /// anything else has: settings, templates), and [`Built::preview`] says
    /// what the server marks and masks in them.
    pub preview: bool,
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
    /// `None` when any error was found: nothing should be written. A
    /// preview ([`BuildOptions::preview`]) has them when the errors are
    /// all in articles; it is never written.
    pub files: Option<Vec<OutputFile>>,
    /// Sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    pub articles: usize,
    pub drafts_left_out: usize,
    pub timings: Timings,
    pub search: crate::search::index::SearchStats,
    /// What the search index was made of (none for `check`), and the
    /// settings `casebook build` writes them for other engines with
    /// ([`crate::search::export`]).
    pub search_docs: Vec<Arc<crate::search::index::SearchDoc>>,
    pub search_export: crate::search::export::Settings,
    /// What a preview marks and masks in its pages (empty unless
    /// [`BuildOptions::preview`]).
    pub preview: Preview,
}

/// What `serve` needs beyond the pages to show a preview with problems.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Preview {
    /// Each piece of customer data found in an article, as written and masked.
    pub masks: Vec<(String, String)>,
    /// Each link that leads nowhere: the page it is on
    /// (`cases/a/index.html`), its destination as written, and the problem.
    pub broken: Vec<(String, String, Diagnostic)>,
    /// The articles that could not be made into a page (their front matter
    /// failed): the page they would have (`cases/a/index.html`) and their file.
    pub failed: Vec<(String, PathBuf)>,
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
    let mut laps = Instant::now();
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
    lap("   config, authors, content", &mut laps);
    let (tags, d) = TagList::load(root, &config.limits);
    diags.extend(d);
    let mut content = content;
    diags.extend(tags.apply(&mut content.articles));
    lap("   tags", &mut laps);
    let (picks, d) = crate::content::featured::load(root, &config.limits);
    diags.extend(d);
    lap("   featured", &mut laps);
    (Journal { config, authors, tags, content, picks }, diags)
}

/// The journal read up to its graph, without pages: what `casebook
/// rewards` lists and ranks.
pub struct Analysed {
    pub config: Config,
    pub authors: Authors,
    pub content: Content,
    pub rendered: Vec<Arc<Rendered>>,
    pub graph: graph::Graph,
    pub history: Option<Arc<History>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Stages 1, 2, 4 and 6 of [`build`]: the journal, its history, its
/// Markdown (for links and lengths) and its graph.
pub fn analyse(opts: &BuildOptions) -> Analysed {
    let root = &crate::paths::root(&opts.root);
    let (Journal { config, authors, tags, mut content, picks }, mut diags) = load_with(root, opts, None);
    let (history, d) = history(root, opts, &config, &mut content);
    diags.extend(d);
    let (links, rendered, world) = markdown(&content, &config, &mut MarkdownCache::default());
    let inputs = graph::Inputs {
        articles: &content.articles,
        rendered: &rendered,
        links: &links,
        authors: &authors,
        tags: &tags,
        config: &config,
        picks: &picks,
    };
    let (graph, d) = graph::build(&inputs, world, &mut Default::default(), &mut Default::default());
    diags.extend(d);
    drop(links);
    Analysed { config, authors, content, rendered, graph, history, diagnostics: diags.into_sorted() }
}

pub fn build(opts: &BuildOptions) -> Built {
    build_cached(opts, &mut BuildCache::default())
}

/// [`build`], reusing and refreshing `cache`.
pub fn build_cached(opts: &BuildOptions, cache: &mut BuildCache) -> Built {
    // Resolved once, so every path read below is checked against it (crate::paths).
    let root = &crate::paths::root(&opts.root);
    let start = Instant::now();
    let mut laps = Instant::now();
    let (Journal { config, authors, tags, mut content, picks }, mut diags) = load_with(root, opts, Some(&cache.files));
    if let Some(skip) = &opts.skip {
        diags = leave_out(root, &mut content, diags, skip);
    }
    diags.extend(attachments(root, &config, &content, opts.touched.as_ref(), &mut cache.svgs));
    diags.extend(render::old_addresses(&content, &config).1);
    lap("load", &mut laps);
    let history_start = Instant::now();
    let (history, d) = history(root, opts, &config, &mut content);
    let history_time = history_start.elapsed();
    diags.extend(d);
    let (theme, tera) = templates(root, &config, &mut cache.templates, &mut diags);
    let load_time = start.elapsed();
    lap("history, dates, theme", &mut laps);

    let start = Instant::now();
    let (links, rendered, world) = markdown(&content, &config, &mut cache.markdown);
    let markdown_time = start.elapsed();
    let (d, masks) = validate(root, opts, &config, &content, &rendered, &mut cache.markdown);
    diags.extend(d);
    lap("privacy, diagnostics", &mut laps);

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
    lap("graph", &mut laps);
    let mut rendering =
        Rendering { files: None, search_time: Duration::default(), search: Default::default(), docs: Vec::new() };
    let renderable = !diags.has_errors() || (opts.preview && diags.errors_only_in(is_content_file));
    if let (Some(tera), true) = (tera, renderable) {
        let site = render::Site {
            config: &config,
            content: &content,
            rendered: &rendered,
            graph: &graph,
            theme: &theme,
            authors: &authors,
            history: history.as_deref(),
            uncommitted: (config.git_history)
                .then(|| opts.uncommitted.as_deref().or(history.as_deref().map(|h| &h.uncommitted)))
                .flatten(),
            drafts: opts.drafts,
        };
        rendering = render(root, opts, &site, &tera, cache, &mut diags);
    }
    let preview = if opts.preview { preview_notes(&content, &rendered, &config, masks) } else { Preview::default() };
    let built = Built {
        preview,
        files: rendering.files,
        diagnostics: finish(diags, opts),
        articles: content.articles.len(),
        drafts_left_out: content.drafts_left_out,
        timings: Timings {
            load: load_time,
            markdown: markdown_time,
            render: start.elapsed(),
            graph: graph_time,
            search: rendering.search_time,
            history: history_time,
        },
        search: rendering.search,
        search_docs: rendering.docs,
        search_export: crate::search::export::Settings {
            formats: config.search.export.clone(),
            index: config.search.export_index.clone(),
            base_url: config.base_url.clone(),
        },
    };
    // Freeing ten thousand articles' values takes a while: not on the way
    // to the reload.
    drop(links);
    crate::profile::drop_later((content, rendered, graph));
    built
}

/// What a preview marks and masks: see [`Preview`].
fn preview_notes(
    content: &Content,
    rendered: &[Arc<Rendered>],
    config: &Config,
    masks: Vec<(String, String)>,
) -> Preview {
    let page = |a: &content::Article| format!("{}index.html", a.path);
    let broken = (content.articles.iter().zip(rendered))
        .flat_map(|(a, r)| {
            r.broken.iter().map(move |(link, why)| (page(a), link.dest.clone(), broken_link(a, link, why, config)))
        })
        .collect();
    let failed = content.unpublished.iter().map(|a| (page(a), a.source.clone())).collect();
    Preview { masks, broken, failed }
}

/// Takes the articles and files in `skip` out of `content` and drops the
/// problems in them. They are recorded in [`Content::left_out`], so a link
/// to one of them (by its file, address, old address, attachment, slug or
/// title) is a warning naming it, and the files linking to it stay.
fn leave_out(
    root: &Path,
    content: &mut Content,
    diags: Diagnostics,
    skip: &std::collections::BTreeSet<PathBuf>,
) -> Diagnostics {
    let skipped = |source: &Path| skip.contains(source.strip_prefix(root).unwrap_or(source));
    let mut left_out = content::left_out::LeftOut::default();
    for f in content.files.iter().filter(|f| skipped(&f.source)) {
        let shown = crate::diagnostics::display_path(f.source.strip_prefix(root).unwrap_or(&f.source));
        left_out.add_path(&f.site_path, &shown);
    }
    content.files.retain(|f| !skipped(&f.source));
    for a in &mut content.articles {
        for (source, rel) in a.assets.iter().filter(|(source, _)| skipped(source)) {
            let dir = crate::urls::content_path(&a.source);
            let dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
            let shown = crate::diagnostics::display_path(source.strip_prefix(root).unwrap_or(source));
            left_out.add_path(&if dir.is_empty() { rel.clone() } else { format!("{dir}/{rel}") }, &shown);
        }
        a.assets.retain(|(source, _)| !skipped(source));
    }
    for a in content.articles.iter().chain(&content.unpublished).filter(|a| skip.contains(&a.source)) {
        left_out.add_article(a);
    }
    content.articles.retain(|a| !skip.contains(&a.source));
    content.unpublished.retain(|a| !skip.contains(&a.source));
    content.left_out = left_out;
    let mut kept = Diagnostics::default();
    kept.extend(diags.into_sorted().into_iter().filter(|d| !skip.contains(&d.path)));
    kept
}

/// `build --keep-going`: when the only errors are in articles (and other
/// files under `content/`), builds again without those files, so the site
/// has every article that is valid. Links to a file left out are warnings
/// ([`leave_out`]); another round is needed only when leaving a file out
/// brings up new errors elsewhere (a series or a list that changed). The diagnostics are those of every round, plus one
/// [`Problem::ArticleSkipped`] per article left out; the result has no
/// files when an error is outside the articles (settings, templates).
pub fn build_keep_going(opts: &BuildOptions, cache: &mut BuildCache) -> (Built, Vec<PathBuf>) {
    let mut built = build_cached(opts, cache);
    let mut all: Vec<Diagnostic> = built.diagnostics.clone();
    let mut skip: std::collections::BTreeMap<PathBuf, usize> = std::collections::BTreeMap::new();
    // Leaving a file out can break links to it, so another round may leave
    // out more; every round leaves out at least one more file, so it ends.
    loop {
        let errors: Vec<&Diagnostic> = built.diagnostics.iter().filter(|d| d.is_error()).collect();
        let known = errors.iter().all(|d| skip.contains_key(&d.path));
        if errors.is_empty() || known || errors.iter().any(|d| !is_content_file(&d.path)) {
            break;
        }
        for d in errors {
            *skip.entry(d.path.clone()).or_default() += 1;
        }
        let names = Arc::new(skip.keys().cloned().collect());
        built = build_cached(&BuildOptions { skip: Some(names), ..opts.clone() }, cache);
        all.extend(built.diagnostics.iter().cloned());
    }
    let mut diags = Diagnostics::default();
    diags.extend(all);
    diags.extend(skip.iter().map(|(path, n)| Diagnostic::error(path, 0, 0, Problem::ArticleSkipped { errors: *n })));
    built.diagnostics = diags.into_sorted();
    (built, skip.into_keys().collect())
}

/// A file under `content/` (as diagnostics name it), not the folder itself.
fn is_content_file(path: &Path) -> bool {
    path.starts_with(content::CONTENT_DIR) && path != Path::new(content::CONTENT_DIR)
}

/// SVG attachments that would run script when opened on their own (see
/// [`md::svg`]): errors, so they are not published, unless the journal
/// publishes raw HTML as written. The last build's findings are kept while
/// no file is created, removed or renamed and no SVG is written.
fn attachments(
    root: &Path,
    config: &Config,
    content: &Content,
    touched: Option<&content::Touched>,
    kept: &mut Option<(config::RawHtml, Vec<Diagnostic>)>,
) -> Vec<Diagnostic> {
    let found = match (touched, kept.take()) {
        (Some(t), Some((raw_html, found)))
            if raw_html == config.raw_html && !t.moved && !t.paths.iter().any(|p| is_svg(p)) =>
        {
            found
        }
        _ => active_svgs(root, config, content),
    };
    *kept = Some((config.raw_html, found.clone()));
    found
}

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
            let (line, col, what) = md::svg::active_content(&String::from_utf8_lossy(&bytes))?;
            Some(Diagnostic::error(rel, line, col, Problem::ActiveSvg { what }))
        })
        .collect()
}

fn is_svg(path: &Path) -> bool {
    path.extension().is_some_and(|x| x.eq_ignore_ascii_case("svg"))
}

/// Git history (given by the server, or read here), and the dates it gives
/// articles written without `date:`.
fn history(
    root: &Path,
    opts: &BuildOptions,
    config: &Config,
    content: &mut Content,
) -> (Option<Arc<History>>, Vec<Diagnostic>) {
    // `history: off`: git is not read, and what a caller read is not used.
    let history: Option<Arc<History>> = match config.git_history {
        true => opts.history.clone().or_else(|| crate::history::read(root).map(Arc::new)),
        false => None,
    };
    let mut diags = crate::history::dates::apply(content, history.as_deref(), config.timezone);
    if history.as_ref().is_some_and(|h| h.shallow) {
        diags.push(Diagnostic::warning(".git", 0, 0, Problem::ShallowClone));
    }
    (history, diags)
}

/// The theme and its compiled templates, compiled again only when a
/// template's text changed; `None` when one does not compile.
fn templates(
    root: &Path,
    config: &Config,
    kept: &mut Option<(u64, Arc<tera::Tera>)>,
    diags: &mut Diagnostics,
) -> (theme::Theme, Option<Arc<tera::Tera>>) {
    let (theme, d) = theme::load(root, &config.theme);
    diags.extend(d);
    let texts = theme.templates.iter().map(|(n, t)| (n, &t.text)).collect::<Vec<_>>();
    let key = hash_value(&(texts, render::words::key(config)));
    let tera = match kept {
        Some((k, tera)) if *k == key => Some(Arc::clone(tera)),
        _ => match render::templates(&theme, config) {
            Ok(t) => {
                let t = Arc::new(t);
                *kept = Some((key, Arc::clone(&t)));
                Some(t)
            }
            Err(d) => {
                diags.extend(d);
                None
            }
        },
    };
    (theme, tera)
}

/// Heading ids, the link index and every article's HTML, each made again
/// only for what changed (see [`MarkdownCache`]). Also returns the key of
/// everything a link can resolve to (the "world").
fn markdown<'a>(
    content: &'a Content,
    config: &'a Config,
    md: &mut MarkdownCache,
) -> (LinkIndex<'a>, Vec<Arc<Rendered>>, u64) {
    let mut laps = Instant::now();
    let config_key = config.key();
    if md.config != config_key {
        *md = MarkdownCache { config: config_key, ..Default::default() };
    }
    // Heading ids by body, each with a hash of them made once.
    let headings: Vec<(Arc<Vec<String>>, u64)> = content
        .articles
        .par_iter()
        .map(|a| {
            md.headings.get(&a.body_key).cloned().unwrap_or_else(|| {
                let ids = md::heading_ids(&a.body, config.slugify);
                let key = hash_value(&ids);
                (Arc::new(ids), key)
            })
        })
        .collect();
    md.headings = content.articles.iter().map(|a| a.body_key).zip(headings.iter().cloned()).collect();
    let heading_ids: Vec<Arc<Vec<String>>> = headings.iter().map(|(ids, _)| Arc::clone(ids)).collect();
    lap("body keys, headings", &mut laps);
    // What any link can resolve to: while it is unchanged, an article's
    // HTML depends only on its own text and place.
    let world = hash_value(&(
        content
            .articles
            .iter()
            .map(|a| (a.source_key, &a.slug, &a.front.title, &a.path, &a.assets, &a.front.aliases))
            .collect::<Vec<_>>(),
        headings.iter().map(|(_, key)| *key).collect::<Vec<_>>(),
        content.files.iter().map(|f| &f.site_path).collect::<Vec<_>>(),
        &content.unreadable,
        content.links.iter().map(|(k, l)| (k, l.describe())).collect::<Vec<_>>(),
        crate::graph::links::own_lists(content, config),
        // `build --keep-going`: what its rounds left out (a link to one is a warning).
        content.left_out.key(),
    ));
    let links = match &md.links {
        Some(maps) if md.world == world => LinkIndex::with_maps(content, config, Arc::clone(maps)),
        _ => {
            // Kept HTML is for the world it was made in (the cache on disk
            // keeps it without the link index, which is made again here).
            if md.world != world {
                md.rendered.clear();
            }
            md.world = world;
            let links = LinkIndex::new(content, config, &heading_ids);
            md.links = Some(links.maps());
            links
        }
    };
    lap("link index", &mut laps);
    let keys: Vec<u64> =
        content.articles.iter().map(|a| hash_value(&(a.source_key, &a.path, a.body_key, config.raw_html))).collect();
    let rendered: Vec<Arc<Rendered>> = (0..content.articles.len())
        .into_par_iter()
        .map(|i| match md.rendered.get(&keys[i]) {
            Some(r) => Arc::clone(r),
            None => {
                let a = &content.articles[i];
                Arc::new(md::render(&a.body, &md::Settings::new(config, &a.front.title), &links.resolver(i)))
            }
        })
        .collect();
    md.rendered = keys.into_iter().zip(rendered.iter().cloned()).collect();
    lap("markdown", &mut laps);
    (links, rendered, world)
}

/// The rules beyond parsing ([`crate::validate`]), and the problems
/// Markdown found in each article, at their lines in the file.
fn validate(
    root: &Path,
    opts: &BuildOptions,
    config: &Config,
    content: &Content,
    rendered: &[Arc<Rendered>],
    md: &mut MarkdownCache,
) -> (Vec<Diagnostic>, Vec<(String, String)>) {
    let mut diags = Vec::new();
    if opts.check {
        // Drafts and other files are not published, but a pull request commits them.
        diags.extend(crate::validate::files::scan(root, config, &content.articles));
    }
    // Customer data and the archetypes' example text left in, per article:
    // a kept article's findings are kept too (scanning every line of ten
    // thousand articles took 300 ms of each save in `serve`).
    // So are a case's missing sections (`check`, and `serve`'s preview).
    let examples = crate::validate::placeholder_examples(root);
    let sections = opts.check || opts.preview;
    let settings_key = hash_value(&(&examples, sections, &config.case_sections));
    let scans: Vec<(u64, crate::incremental::Privacy)> = content
        .articles
        .par_iter()
        .zip(rendered.par_iter())
        .map(|(a, r)| {
            let key = hash_value(&(a.source_key, a.front_text_key, a.body_key, a.body_line, opts.check, settings_key));
            let found = md.privacy.get(&key).cloned().unwrap_or_else(|| {
                let (mut found, masks) = crate::validate::privacy_and_masks(a, config, opts.check);
                found.extend(crate::validate::placeholders_in(a, &examples, opts.check));
                if sections {
                    found.extend(crate::validate::missing_sections(a, &r.toc, &config.case_sections));
                }
                (found, masks)
            });
            (key, found)
        })
        .collect();
    let mut masks = Vec::new();
    for (_, (found, masked)) in &scans {
        diags.extend(found.iter().cloned());
        masks.extend(masked.iter().cloned());
    }
    md.privacy = scans.into_iter().collect();
    for (a, r) in content.articles.iter().zip(rendered) {
        diags.extend(markdown_problems(a, r, config));
    }
    // Math is shown as written: said once, at the first article that has it.
    if let Some((a, (line, col))) = content.articles.iter().zip(rendered).find_map(|(a, r)| r.math.map(|m| (a, m))) {
        diags.push(Diagnostic::warning(&a.source, a.body_line + line - 1, col, Problem::MathShownAsWritten));
    }
    diags.extend(unpublished(opts, config, content));
    (diags, masks)
}

/// The problems Markdown found in one article, at their lines in the file.
fn markdown_problems(a: &content::Article, r: &Rendered, config: &Config) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (line, col, note) in &r.notes {
        diags.push(Diagnostic::warning(&a.source, a.body_line + line - 1, *col, note.clone()));
    }
    for (line, col, what) in &r.removed {
        diags.push(Diagnostic::warning(&a.source, a.body_line + line - 1, *col, what.clone()));
    }
    for (link, why) in &r.broken {
        diags.push(broken_link(a, link, why, config));
    }
    for h in &r.duplicate_headings {
        diags.push(Diagnostic::warning(
            &a.source,
            a.body_line + h.line - 1,
            h.col,
            Problem::DuplicateHeading { id: h.dest.clone() },
        ));
    }
    diags
}

/// The problem of a link of `a` that leads nowhere: an error when the
/// journal says so (`links: fail`), unless its target was left out.
fn broken_link(
    a: &content::Article,
    link: &md::LinkRef,
    why: &crate::diagnostics::LinkProblem,
    config: &Config,
) -> Diagnostic {
    let line = a.body_line + link.line - 1;
    let problem = Problem::BrokenLink { why: why.clone() };
    if config.broken_links_fail && !why.is_left_out() {
        Diagnostic::error(&a.source, line, link.col, problem)
    } else {
        Diagnostic::warning(&a.source, line, link.col, problem)
    }
}

/// The rest of the problems of the files whose front matter failed
/// ([`Content::unpublished`]): their Markdown, links, customer data and,
/// for `check`, sections, so a writer sees them all in one run. They are
/// read against an index that holds them after the published articles;
/// nothing made here is published or cached. (`check` already scans their
/// whole file for customer data, see [`crate::validate::files`].)
fn unpublished(opts: &BuildOptions, config: &Config, content: &Content) -> Vec<Diagnostic> {
    if content.unpublished.is_empty() {
        return Vec::new();
    }
    let all = Content {
        articles: content.articles.iter().chain(&content.unpublished).cloned().collect(),
        files: content.files.clone(),
        unreadable: content.unreadable.clone(),
        links: content.links.clone(),
        ..Content::default()
    };
    let ids: Vec<Arc<Vec<String>>> =
        all.articles.iter().map(|a| Arc::new(md::heading_ids(&a.body, config.slugify))).collect();
    let links = LinkIndex::new(&all, config, &ids);
    let first = content.articles.len();
    let rendered: Vec<Rendered> = (first..all.articles.len())
        .map(|i| {
            let a = &all.articles[i];
            md::render(&a.body, &md::Settings::new(config, &a.front.title), &links.resolver(i))
        })
        .collect();
    let mut diags = Vec::new();
    if opts.check || opts.preview {
        let rendered: Vec<Arc<Rendered>> = rendered.iter().cloned().map(Arc::new).collect();
        diags.extend(crate::validate::case_sections(&content.unpublished, &rendered, config));
    }
    for (a, r) in content.unpublished.iter().zip(&rendered) {
        diags.extend(markdown_problems(a, r, config));
        if !opts.check {
            diags.extend(crate::validate::privacy(a, config, false));
        }
    }
    diags
}

/// What [`render`] gives the build.
struct Rendering {
    /// `None` when any error was found.
    files: Option<Vec<OutputFile>>,
    search_time: Duration,
    search: crate::search::index::SearchStats,
    docs: Vec<Arc<crate::search::index::SearchDoc>>,
}

/// Every page, then the search index (`check` writes no site, so it needs
/// none), then what writing would fail on, found here so `check` reports
/// it too.
fn render(
    root: &Path,
    opts: &BuildOptions,
    site: &render::Site,
    tera: &tera::Tera,
    cache: &mut BuildCache,
    diags: &mut Diagnostics,
) -> Rendering {
    let mut laps = Instant::now();
    let (mut out, d, views) = render::render(site, tera, &mut cache.render);
    diags.extend(d);
    lap("render", &mut laps);
    let mut search_time = Duration::default();
    let mut search = Default::default();
    let mut search_docs = Vec::new();
    if !opts.check {
        let search_start = Instant::now();
        let docs = crate::search::docs::collect(&site.content.articles, site.rendered, &views, &mut cache.docs);
        lap("  search documents", &mut laps);
        let (search_files, stats) = crate::search::index::build(&docs, &site.config.search, &mut cache.search);
        out.extend(search_files);
        out.sort_by(|a, b| a.path.cmp(&b.path));
        search_time = search_start.elapsed();
        search = stats;
        search_docs = docs;
        lap("search", &mut laps);
    }
    crate::profile::drop_later(views);
    diags.extend(render::names::check(root, site.content, &out));
    lap("names", &mut laps);
    let made = !diags.has_errors() || (opts.preview && diags.errors_only_in(is_content_file));
    Rendering { files: made.then_some(out), search_time, search, docs: search_docs }
}

/// The problems sorted by file and line; in `check`, a link out of the
/// journal is an error (`build` skips it, but a pull request that adds one
/// should not pass).
fn finish(diags: Diagnostics, opts: &BuildOptions) -> Vec<Diagnostic> {
    let mut diagnostics = diags.into_sorted();
    if opts.check {
        for d in diagnostics.iter_mut().filter(|d| crate::paths::leads_outside(d)) {
            d.severity = crate::diagnostics::Severity::Error;
        }
    }
    diagnostics
}
