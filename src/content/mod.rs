//! Walks `content/` and turns each Markdown file into an [`Article`] value.
//!
//! No rendering happens here: an article is its checked front matter, its
//! Markdown body, where it came from and where it will be published. Files are
//! read and parsed in parallel; addresses are assigned afterwards in path
//! order, so the result does not depend on thread timing.

pub mod archetypes;
pub mod authors;
pub mod dates;
pub mod formats;
pub mod featured;
pub mod money;
pub mod frontmatter;
pub mod left_out;
pub mod tags;
mod yaml_slips;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use crate::config::{Config, Kind};
use crate::diagnostics::{display_path, Diagnostic, Problem};
use crate::urls::slugify;
pub use frontmatter::FrontMatter;

pub use crate::paths::CONTENT_DIR;

#[derive(Debug, Clone)]
pub struct Article {
    /// Path of the Markdown file relative to the journal root.
    pub source: PathBuf,
    /// A hash of `source`, made when the file is read: what per-article
    /// caches are keyed by.
    pub source_key: u64,
    /// Folder under `content/` the article lives in: `cases/每日一案例`.
    pub folder: String,
    /// First folder under `content/` (empty for articles at the top).
    pub section: String,
    pub kind: Kind,
    pub slug: String,
    /// Site path of the page, without leading `/`: `cases/退貨/`.
    pub path: String,
    pub date: DateTime<FixedOffset>,
    /// Shared with the file cache (copied only when a later stage changes it).
    pub front: std::sync::Arc<FrontMatter>,
    /// The front matter as written (YAML, TOML or JSON); it starts on line 2
    /// of the file.
    /// Shared with the file cache.
    pub front_text: std::sync::Arc<str>,
    /// A hash of `front_text`, made when the file is read.
    pub front_text_key: u64,
    /// Shared with the file cache, so a kept file costs no copy.
    pub body: std::sync::Arc<str>,
    /// A hash of `body`, made when the file is read.
    pub body_key: u64,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
    /// Files beside an `index.md` (absolute source, path relative to the page).
    pub assets: Vec<(PathBuf, String)>,
}

impl Article {
    /// A hash of the article's front matter as written and as later stages
    /// changed it (tags renamed by data/tags.yaml, dates from git), its
    /// place and its kind: what everything made from front matter keys on.
    pub fn front_key(&self) -> u64 {
        let f = &self.front;
        crate::keys::hash_value(&(
            self.source_key,
            self.front_text_key,
            &f.tags,
            &f.updated,
            &self.path,
            &self.section,
            self.date,
            self.kind,
        ))
    }
}

/// Reads a data file (`data/authors.yaml`) as text: `Ok(None)` when it does
/// not exist, which is always allowed. A file over `limit` is an error.
/// A data file reached through a link is not read: its warning comes back
/// as the `Err` (callers go on as if the file did not exist).
pub fn read_data_file(root: &Path, rel: &Path, limit: &crate::limits::Limit) -> Result<Option<String>, Diagnostic> {
    match crate::paths::read(root, rel, limit)? {
        Some(bytes) => frontmatter::decode(&bytes, rel).map(Some),
        None => Ok(None),
    }
}

/// A file under `content/` that is not an article: copied as it is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    pub source: PathBuf,
    pub site_path: String,
}

#[derive(Debug, Default)]
pub struct Content {
    /// Sorted newest first (then by title, then by path).
    pub articles: Vec<Article>,
    pub files: Vec<StaticFile>,
    /// Drafts that were checked but left out.
    pub drafts_left_out: usize,
    /// Markdown files that could not be read as articles (their problems are
    /// reported), by path under `content/`: links to them are not broken.
    pub unreadable: BTreeSet<String>,
    /// Those of them that could be cut into front matter and body, with
    /// what of their front matter could be read: never published, but
    /// their links and customer data are checked in the same build, so
    /// the writer sees every problem of the file at once. In path order.
    pub unpublished: Vec<Article>,
    /// Links under `content/` that were skipped (see [`crate::paths`]), by
    /// path under `content/`: a Markdown link to one (or into a linked
    /// folder) says so instead of "does not exist".
    pub links: std::collections::BTreeMap<String, crate::paths::Link>,
    /// `build --keep-going`: the files left out for their own errors, so
    /// links to them are warnings (empty otherwise).
    pub left_out: left_out::LeftOut,
}

impl Content {
    /// The skipped link at `path` (under `content/`) or on the way to it.
    pub fn link_on_the_way(&self, path: &str) -> Option<&crate::paths::Link> {
        let mut at = path;
        loop {
            if let Some(l) = self.links.get(at) {
                return Some(l);
            }
            at = at.rsplit_once('/')?.0;
        }
    }
}

/// Everything the loader needs to know besides the config.
pub struct LoadOptions<'a> {
    pub drafts: bool,
    /// Files read by an earlier build (`serve`): one whose size and
    /// modification time are unchanged is not read again.
    pub cache: Option<&'a FileCache>,
    /// What changed since that build, as the file watcher saw it.
    pub touched: Option<&'a Touched>,
}

/// The files the watcher saw written since the last build (paths as the
/// journal root joined with their place under it), and whether any file or
/// folder was created, removed or renamed. With no file moved, the loader
/// keeps the last list of files and looks only at the written ones; else it
/// walks the folder and checks every file's size and time again.
#[derive(Debug, Clone, Default)]
pub struct Touched {
    pub paths: HashSet<PathBuf>,
    pub moved: bool,
}

/// Parsed Markdown files by path, with the size and time they had, and the
/// last walk of the content folder.
#[derive(Default)]
pub struct FileCache {
    config: std::sync::Mutex<u64>,
    /// Keyed by the path's bytes (hashing a `Path` walks its components).
    files: std::sync::Mutex<rustc_hash::FxHashMap<std::ffi::OsString, Parsed>>,
    walked: std::sync::Mutex<Option<std::sync::Arc<Walk>>>,
    /// The last build's articles, newest first, as indices into its list of
    /// files (whose source keys come first): while the files are the same,
    /// it is checked, not sorted again.
    order: std::sync::Mutex<Option<Order>>,
}

/// Source keys of the files in path order, and the articles' order as
/// indices into them.
type Order = (Vec<u64>, Vec<usize>);

/// The content folder's files, sorted: Markdown files and the others, and
/// the links that were skipped.
struct Walk {
    markdown: Vec<PathBuf>,
    others: Vec<PathBuf>,
    links: Vec<crate::paths::Link>,
    /// Read errors and the warnings for the links.
    errors: Vec<Diagnostic>,
}

type Parsed = ((u64, Option<std::time::SystemTime>), Option<std::sync::Arc<Loaded>>, Vec<Diagnostic>);

/// A Markdown file's article (`None` if it has errors) and its problems.
type FileResult = (Option<std::sync::Arc<Loaded>>, Vec<Diagnostic>);

impl FileCache {
    fn load(&self, root: &Path, content_dir: &Path, file: &Path, config: &Config) -> FileResult {
        let stamp = std::fs::metadata(file).map(|m| (m.len(), m.modified().ok())).ok();
        if let (Some(stamp), Ok(files)) = (stamp, self.files.lock()) {
            if let Some((s, loaded, diags)) = files.get(file.as_os_str()) {
                if *s == stamp {
                    return (loaded.clone(), diags.clone());
                }
            }
        }
        let (loaded, diags) = load_file(root, content_dir, file, config);
        let loaded = loaded.map(std::sync::Arc::new);
        if let (Some(stamp), Ok(mut files)) = (stamp, self.files.lock()) {
            files.insert(file.as_os_str().to_owned(), (stamp, loaded.clone(), diags.clone()));
        }
        (loaded, diags)
    }
}

/// Loads every article under `root/content`. Drafts are checked but left out
/// unless `opts.drafts`.
pub fn load(root: &Path, config: &Config, opts: &LoadOptions) -> (Content, Vec<Diagnostic>) {
    let content_dir = root.join(CONTENT_DIR);
    let mut diags = Vec::new();
    if let Some(link) = crate::paths::first_link(root, &content_dir) {
        diags.push(link.warning());
        return (Content::default(), diags);
    }
    if !content_dir.is_dir() {
        diags.push(Diagnostic::warning(CONTENT_DIR, 0, 0, Problem::NoContentFolder));
        return (Content::default(), diags);
    }
    let mut lap = std::time::Instant::now();
    let kept =
        opts.cache.filter(|_| opts.touched.is_some_and(|t| !t.moved)).and_then(|c| c.walked.lock().ok()?.clone());
    let same_files = kept.is_some();
    let walked = kept.unwrap_or_else(|| std::sync::Arc::new(walk(root, &content_dir)));
    if let Some(cache) = opts.cache {
        if let Ok(mut w) = cache.walked.lock() {
            *w = Some(std::sync::Arc::clone(&walked));
        }
    }
    let Walk { markdown, others, links, errors } = &*walked;
    crate::profile::lap("    walk", &mut lap);
    diags.extend(errors.iter().cloned());
    let links = links
        .iter()
        .map(|l| {
            let rel = l.path.strip_prefix(CONTENT_DIR).unwrap_or(&l.path);
            (crate::urls::content_path(rel), l.clone())
        })
        .collect();
    let bundles: BTreeSet<PathBuf> = markdown
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "index.md"))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();

    let parsed = parse_all(root, &content_dir, markdown, config, opts, same_files);

    crate::profile::lap("    parse or stat", &mut lap);
    let mut loaded = Vec::new();
    let mut drafts_left_out = 0;
    let mut unreadable = BTreeSet::new();
    let mut unpublished = Vec::new();
    for ((l, d), file) in parsed.into_iter().zip(markdown) {
        diags.extend(d);
        if l.as_ref().is_none_or(|l| l.invalid) {
            let rel = file.strip_prefix(&content_dir).unwrap_or(file);
            unreadable.insert(display_path(rel));
        }
        if let Some(l) = l.as_ref().filter(|l| l.invalid) {
            let section = l.folder.split('/').next().unwrap_or("");
            let kind = l.front.kind.unwrap_or_else(|| config.section(section).kind);
            unpublished.push(to_article(l, kind, Vec::new()));
            continue;
        }
        if let Some(l) = l {
            if opts.drafts || !l.front.draft {
                loaded.push(l);
            } else {
                drafts_left_out += 1;
            }
        }
    }

    let (files, bundle_assets) = statics(others, &bundles, &content_dir);

    crate::profile::lap("    diagnostics, statics", &mut lap);
    let articles = assign_paths(loaded, &bundle_assets, config, &mut diags, opts.cache.map(|c| &c.order));
    crate::profile::lap("    paths", &mut lap);
    (Content { articles, files, drafts_left_out, unreadable, unpublished, links, left_out: Default::default() }, diags)
}

/// Every Markdown file parsed, or taken from the cache when the watcher
/// did not see it written (with the same files as the last build).
fn parse_all(
    root: &Path,
    content_dir: &Path,
    markdown: &[PathBuf],
    config: &Config,
    opts: &LoadOptions,
    same_files: bool,
) -> Vec<FileResult> {
    if let Some(cache) = opts.cache {
        // Parsing depends on the config (allowed values, slugs): a new one empties the cache.
        let config_key = config.key();
        if let (Ok(mut key), Ok(mut files)) = (cache.config.lock(), cache.files.lock()) {
            if *key != config_key {
                *key = config_key;
                files.clear();
            }
            if !same_files {
                let present: HashSet<&std::ffi::OsStr> = markdown.iter().map(|p| p.as_os_str()).collect();
                files.retain(|p, _| present.contains(p.as_os_str()));
            }
        }
    }
    // With the same files, the ones the watcher did not see written are
    // taken from the cache as they are, under one lock.
    let mut kept: Vec<Option<FileResult>> = vec![None; markdown.len()];
    if let (Some(cache), Some(written), true) =
        (opts.cache, opts.touched.and_then(|t| written(markdown, t)), same_files)
    {
        if let Ok(files) = cache.files.lock() {
            for (i, file) in markdown.iter().enumerate() {
                if !written.contains(&i) {
                    kept[i] = files.get(file.as_os_str()).map(|(_, l, d)| (l.clone(), d.clone()));
                }
            }
        }
    }
    markdown
        .par_iter()
        .zip(kept)
        .map(|(file, kept)| match (kept, opts.cache) {
            (Some(kept), _) => kept,
            (None, Some(cache)) => cache.load(root, content_dir, file, config),
            (None, None) => {
                let (loaded, diags) = load_file(root, content_dir, file, config);
                (loaded.map(std::sync::Arc::new), diags)
            }
        })
        .collect()
}

/// The files under content/ that are not articles: those in an article's
/// folder (its attachments, by folder) and the others, published as they are.
fn statics(
    others: &[PathBuf],
    bundles: &BTreeSet<PathBuf>,
    content_dir: &Path,
) -> (Vec<StaticFile>, Vec<(PathBuf, PathBuf)>) {
    let mut files = Vec::new();
    let mut bundle_assets: Vec<(PathBuf, PathBuf)> = Vec::new();
    for file in others {
        match bundles.iter().find(|b| file.starts_with(b)) {
            Some(b) => bundle_assets.push((b.clone(), file.clone())),
            None => {
                let rel = file.strip_prefix(content_dir).unwrap_or(file);
                files.push(StaticFile { source: file.clone(), site_path: crate::urls::content_file(rel) });
            }
        }
    }
    (files, bundle_assets)
}

/// The positions in `markdown` (sorted, as walked) of the files the watcher
/// saw written; `None` when files were created, removed or renamed, or
/// when a written Markdown file is not in the list (then every file is
/// checked).
fn written(markdown: &[PathBuf], touched: &Touched) -> Option<rustc_hash::FxHashSet<usize>> {
    if touched.moved {
        return None;
    }
    let mut at = rustc_hash::FxHashSet::default();
    for p in &touched.paths {
        // A folder walked with its entries sorted by name lists paths in
        // the order paths compare in.
        match markdown.binary_search_by(|f| f.as_path().cmp(p)) {
            Ok(i) => {
                at.insert(i);
            }
            Err(_) if p.extension().is_some_and(|x| x == "md" || x == "markdown") => return None,
            Err(_) => {}
        }
    }
    Some(at)
}

/// An article before its address is known.
#[derive(Clone)]
struct Loaded {
    source: PathBuf,
    source_key: u64,
    abs_dir: Option<PathBuf>,
    folder: String,
    /// The address it asks for: `slug:` or the file's name, slugified.
    wanted_slug: String,
    front: std::sync::Arc<FrontMatter>,
    front_text: std::sync::Arc<str>,
    front_text_key: u64,
    body: std::sync::Arc<str>,
    body_key: u64,
    body_line: usize,
    /// Its front matter has errors: checked, never published.
    invalid: bool,
}

/// Lists Markdown files and other files, sorted, skipping hidden ones and
/// `_`-prefixed ones (reserved for section settings), and links (reported).
/// A skipped folder with Markdown in it is a warning: Hexo's `_posts/`
/// copied as it is would otherwise build no article without a word.
fn walk(root: &Path, dir: &Path) -> Walk {
    let mut skipped = Vec::new();
    let walked = crate::paths::walk(root, dir, |e| {
        let keep = e.depth() == 0 || !e.file_name().to_string_lossy().starts_with(['.', '_']);
        if !keep && e.file_type().is_dir() {
            skipped.push(e.path().to_path_buf());
        }
        keep
    });
    let (markdown, others) = walked.files.into_iter().partition(|p| is_markdown(p));
    let mut errors = walked.diags;
    errors.extend(skipped.iter().filter_map(|folder| skipped_folder(root, folder)));
    Walk { markdown, others, links: walked.links, errors }
}

fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "md" || x == "markdown")
}

/// A warning for a skipped folder that holds Markdown files (links are not
/// followed), naming the folder and the name to give it to publish them.
fn skipped_folder(root: &Path, folder: &Path) -> Option<Diagnostic> {
    let markdown = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && is_markdown(e.path()))
        .count();
    if markdown == 0 {
        return None;
    }
    let name = folder.file_name()?.to_string_lossy().to_string();
    let publish_as = match name.trim_start_matches(['.', '_']) {
        "" => "articles".to_string(),
        rest => rest.to_string(),
    };
    let shown = display_path(folder.strip_prefix(root).unwrap_or(folder));
    Some(Diagnostic::warning(&shown, 0, 0, Problem::SkippedFolder { folder: shown.clone(), markdown, publish_as }))
}

fn load_file(root: &Path, content_dir: &Path, file: &Path, config: &Config) -> (Option<Loaded>, Vec<Diagnostic>) {
    let rel = file.strip_prefix(root).unwrap_or(file).to_path_buf();
    let bytes = match crate::limits::read(file, &rel, &config.limits.article) {
        Ok(Some(b)) => b,
        Ok(None) => return (None, vec![Diagnostic::error(rel, 0, 0, Problem::Removed)]),
        Err(d) => return (None, vec![d]),
    };
    let text = match frontmatter::decode(&bytes, &rel) {
        Ok(t) => t,
        Err(d) => return (None, vec![d]),
    };
    let (parsed, mut diags) = frontmatter::parse(&text, &rel, config);
    let Some(parsed) = parsed else {
        return (None, diags);
    };
    let mut invalid = diags.iter().any(Diagnostic::is_error);
    let in_content = file.strip_prefix(content_dir).unwrap_or(file);
    let is_bundle = file.file_name().is_some_and(|n| n == "index.md");
    let (folder_path, default_slug) = if is_bundle {
        let dir = in_content.parent().unwrap_or(Path::new(""));
        let name = dir.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        (dir.parent().unwrap_or(Path::new("")).to_path_buf(), name)
    } else {
        let stem = in_content.file_stem().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        (in_content.parent().unwrap_or(Path::new("")).to_path_buf(), stem)
    };
    let wanted_slug = slugify(parsed.front.slug.as_deref().unwrap_or(&default_slug), config.slugify);
    if let Some(d) = slug_too_long(&rel, &wanted_slug, &parsed.front, is_bundle) {
        diags.push(d);
        invalid = true;
    }
    let loaded = Loaded {
        source_key: crate::keys::hash_value(&rel.as_os_str().as_encoded_bytes()),
        source: rel,
        abs_dir: is_bundle.then(|| file.parent().unwrap_or(Path::new("")).to_path_buf()),
        folder: display_path(&folder_path),
        wanted_slug,
        front: std::sync::Arc::new(parsed.front),
        front_text_key: crate::keys::hash_value(&parsed.front_text),
        front_text: parsed.front_text.into(),
        body_key: crate::keys::hash_value(&parsed.body),
        body: parsed.body.into(),
        body_line: parsed.body_line,
        invalid,
    };
    (Some(loaded), diags)
}

/// An error when the article's name in its address (`slug`, made from
/// `slug:` or the file's or folder's name) is longer than a file system
/// takes: at the `slug:` line when one is written, else at the top of the
/// file, naming the file or folder to rename.
fn slug_too_long(rel: &Path, slug: &str, front: &FrontMatter, is_bundle: bool) -> Option<Diagnostic> {
    let max = crate::urls::MAX_NAME_BYTES;
    if slug.len() <= max {
        return None;
    }
    let bytes = slug.len();
    Some(match (&front.slug, front.positions.get("slug")) {
        (Some(_), Some(&(line, col))) => Diagnostic::error(rel, line, col, Problem::SlugTooLong { bytes, max }),
        _ => Diagnostic::error(rel, 1, 1, Problem::NameTooLong { bytes, max, folder: is_bundle }),
    })
}

/// Addresses the site itself uses, at the top level and in each section:
/// an article does not take them.
fn site_addresses(config: &Config, sections: &BTreeSet<&str>) -> rustc_hash::FxHashSet<String> {
    let mut taken: rustc_hash::FxHashSet<String> = Default::default();
    for t in &config.taxonomies {
        taken.insert(crate::urls::list(&t.key));
    }
    for reserved in crate::urls::RESERVED {
        taken.insert(reserved.to_string());
    }
    for s in sections {
        if !s.is_empty() {
            taken.insert(format!("{}page/", crate::urls::list(s)));
        }
    }
    taken
}

/// Gives each article a unique site path. Ties are broken by source path, so
/// the same files always get the same addresses; every tie is reported.
fn assign_paths(
    loaded: Vec<std::sync::Arc<Loaded>>,
    bundle_assets: &[(PathBuf, PathBuf)],
    config: &Config,
    diags: &mut Vec<Diagnostic>,
    kept_order: Option<&std::sync::Mutex<Option<Order>>>,
) -> Vec<Article> {
    let sections: BTreeSet<&str> = loaded.iter().map(|l| l.folder.split('/').next().unwrap_or("")).collect();
    let mut taken = site_addresses(config, &sections);

    let kinds: rustc_hash::FxHashMap<&str, Kind> = sections.iter().map(|&s| (s, config.section(s).kind)).collect();
    // Newest first: the last build's order if the files are the same (it
    // is checked below).
    let keys: Vec<u64> = loaded.iter().map(|l| l.source_key).collect();
    let last = kept_order.and_then(|m| m.lock().ok()?.take()).filter(|(k, _)| *k == keys);
    // (Without it, path order; `sort_newest_first` below sorts them.)
    let order: Vec<usize> = last.map_or_else(|| (0..loaded.len()).collect(), |(_, order)| order);
    // Each article as it asks to be published, made in parallel in that order...
    let mut articles: Vec<Article> = order
        .par_iter()
        .map(|&i| &loaded[i])
        .map(|l| {
            let section = l.folder.split('/').next().unwrap_or("");
            let kind = match (l.front.kind, &l.front.responds_to) {
                (Some(k), _) => k,
                (None, Some(_)) => Kind::Response,
                (None, None) => kinds.get(section).copied().unwrap_or_else(|| config.section(section).kind),
            };
            let assets = match &l.abs_dir {
                Some(dir) => bundle_assets
                    .iter()
                    .filter(|(b, _)| b == dir)
                    .map(|(_, f)| (f.clone(), display_path(f.strip_prefix(dir).unwrap_or(f))))
                    .collect(),
                None => Vec::new(),
            };
            to_article(l, kind, assets)
        })
        .collect();
    // ...then, in path order, an address already taken gets `-2`, `-3`, ...
    let mut renamed: Vec<(usize, String, String)> = Vec::new();
    {
        let mut used: rustc_hash::FxHashSet<&str> = Default::default();
        used.reserve(articles.len());
        let mut at = vec![0; order.len()];
        for (k, &i) in order.iter().enumerate() {
            at[i] = k;
        }
        for i in at {
            let a = &articles[i];
            if !taken.contains(&a.path) && used.insert(&a.path) {
                continue;
            }
            let prefix = &a.path[..a.path.len() - a.slug.len() - 1];
            let free = |path: &String| !taken.contains(path) && !used.contains(path.as_str());
            let (slug, path) = (2..)
                .map(|n| {
                    // A name near the limit would not fit with its number.
                    let slug = crate::urls::fit_name(format!("{}-{n}", a.slug));
                    let path = crate::urls::article(&a.folder, &slug);
                    (slug, path)
                })
                .find(|(_, path)| free(path))
                .unwrap_or_default();
            diags.push(Diagnostic::warning(
                &a.source,
                1,
                1,
                Problem::AddressTaken { prefix: prefix.to_string(), wanted: a.slug.clone(), given: slug.clone() },
            ));
            taken.insert(path.clone());
            renamed.push((i, slug, path));
        }
    }
    for (i, slug, path) in renamed {
        articles[i].slug = slug;
        articles[i].path = path;
    }
    // The loaded values are shared with the file cache: freed there.
    crate::profile::drop_later(loaded);
    let order = if sort_newest_first(&mut articles) {
        let index: rustc_hash::FxHashMap<u64, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        articles.iter().filter_map(|a| index.get(&a.source_key).copied()).collect()
    } else {
        order
    };
    if let Some(Ok(mut kept)) = kept_order.map(|m| m.lock()) {
        *kept = Some((keys, order));
    }
    articles
}

/// The article `l` asks to be, at the address it asks for.
fn to_article(l: &Loaded, kind: Kind, assets: Vec<(PathBuf, String)>) -> Article {
    Article {
        path: crate::urls::article(&l.folder, &l.wanted_slug),
        source: l.source.clone(),
        source_key: l.source_key,
        folder: l.folder.clone(),
        section: l.folder.split('/').next().unwrap_or("").to_string(),
        kind,
        slug: l.wanted_slug.clone(),
        date: l.front.date.unwrap_or_default(),
        front: std::sync::Arc::clone(&l.front),
        front_text: std::sync::Arc::clone(&l.front_text),
        front_text_key: l.front_text_key,
        body: std::sync::Arc::clone(&l.body),
        body_key: l.body_key,
        body_line: l.body_line,
        assets,
    }
}

/// Newest first, then by title, then by path: the order of every list.
/// False when they already were in that order.
pub fn sort_newest_first(articles: &mut Vec<Article>) -> bool {
    let order = |a: &Article, b: &Article| {
        b.date.cmp(&a.date).then_with(|| a.front.title.cmp(&b.front.title)).then_with(|| a.source.cmp(&b.source))
    };
    if articles.is_sorted_by(|a, b| order(a, b).is_le()) {
        return false;
    }
    // Sorted as small keys (the date, newest first, as numbers), then
    // moved once: an article is a large value far from its neighbours.
    let mut at: Vec<(std::cmp::Reverse<(i64, u32)>, usize)> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (std::cmp::Reverse((a.date.timestamp(), a.date.timestamp_subsec_nanos())), i))
        .collect();
    at.sort_unstable_by(|x, y| x.0.cmp(&y.0).then_with(|| order(&articles[x.1], &articles[y.1])));
    let at = at.into_iter().map(|(_, i)| i);
    let mut slots: Vec<Option<Article>> = std::mem::take(articles).into_iter().map(Some).collect();
    *articles = at.filter_map(|i| slots[i].take()).collect();
    true
}
