//! What one build keeps for the next, so that a save in `casebook serve`
//! redoes only the work the change needs. `serve` holds one [`BuildCache`]
//! between saves; `casebook build` and `check` start from the part of one
//! that [`disk`] keeps between runs (`.casebook-cache/`), or from an empty
//! one with `--no-cache`. Every kept value must give the bytes a full build
//! gives (the equivalence tests in `tests/suite/incremental.rs` and, across
//! processes, `tests/suite/build_cache.rs`, and the `CASEBOOK_VERIFY=1`
//! mode of `serve` compare them).
//!
//! Every key is made from explicit fields ([`crate::keys`], and
//! [`Config::key`](crate::config::Config::key), which names every setting),
//! never from `Debug` text or a value's address.
//!
//! | cache | kept per | key | made again when |
//! |---|---|---|---|
//! | [`content::FileCache`](crate::content::FileCache) | Markdown file | the file's size and modified time | the file is written; every file when the config's key changes |
//! | — the walk of `content/` | journal | — | the watcher saw a file created, removed or renamed (`Touched::moved`), or no watcher |
//! | — the articles' order | journal | every file's source key | any file is added, removed or re-dated |
//! | [`BuildCache::svgs`] | journal | `markdown.raw_html` | a file is created, removed or renamed, or an `.svg` is written |
//! | [`BuildCache::templates`] | theme | every template's name and text | a template is written |
//! | [`MarkdownCache::headings`] | article body | the body's hash | the body changes; all when the config's key changes |
//! | [`MarkdownCache::links`] | journal | the "world": every article's source, slug, title, address, attachments and heading ids, the files, the skipped links, the sections, taxonomies and terms | any of those changes |
//! | [`MarkdownCache::rendered`] | article | source, address, body, `raw_html` | those change; all when the world changes |
//! | [`MarkdownCache::privacy`] | article | source, front matter text, body, body line, `check` | those change |
//! | [`graph::FrontCache`](crate::graph::FrontCache) | journal | the world, every article's front matter key, the config's key, authors, tags, picks | any of those changes |
//! | [`graph::related::RelatedCache`](crate::graph::related::RelatedCache) | article | a hash of its text; each article's features | a few articles change: their lists are updated; else all are made again |
//! | [`render::RenderCache`](crate::render::RenderCache) views | article | front matter, text, graph, uncommitted, its file's history (commits, pull requests, reviewers) | those change; all when the config, authors or drafts change |
//! | [`render::RenderCache`](crate::render::RenderCache) pages | page | what the page shows (its articles' view keys), the template and every template it reaches, the site's navigation and the config | any of those changes |
//! | [`search::docs::DocCache`](crate::search::docs::DocCache) | article | its view, HTML and text keys | those change |
//! | [`search::index::SearchCache`](crate::search::index::SearchCache) | journal | the search options' key, the documents | up to 64 changed documents are re-indexed; more, or a moved address, index everything |
//! | `serve`'s history ([`crate::serve`]) | repository | HEAD's commit id | HEAD moves; the uncommitted files are asked of git after each save |

pub mod disk;

use std::collections::HashMap;
use std::sync::Arc;

use crate::config::RawHtml;
use crate::diagnostics::Diagnostic;
use crate::graph::links::LinkMaps;
use crate::markdown::Rendered;

/// Everything one build keeps for the next (see the table above).
#[derive(Default)]
pub struct BuildCache {
    pub files: crate::content::FileCache,
    /// The SVG problems of the last build and the `raw_html` they were
    /// found with.
    pub svgs: Option<(RawHtml, Vec<Diagnostic>)>,
    /// The compiled templates and a hash of their names and texts.
    pub templates: Option<(u64, Arc<tera::Tera>)>,
    pub markdown: MarkdownCache,
    pub graph: crate::graph::FrontCache,
    pub related: crate::graph::related::RelatedCache,
    pub render: crate::render::RenderCache,
    pub docs: crate::search::docs::DocCache,
    pub search: crate::search::index::SearchCache,
}

/// Markdown work kept between builds.
#[derive(Default)]
pub struct MarkdownCache {
    /// The config's key ([`Config::key`](crate::config::Config::key)); a new
    /// config empties the cache.
    pub config: u64,
    /// Hash of an article's body → its heading ids and a hash of them.
    pub headings: HashMap<u64, (Arc<Vec<String>>, u64)>,
    /// Hash of every link target (the "world", see `build::markdown`).
    pub world: u64,
    /// The link names made for `world`.
    pub links: Option<Arc<LinkMaps>>,
    /// Hash of (source, site path, body, `raw_html`) → the article's HTML and text.
    pub rendered: HashMap<u64, Arc<Rendered>>,
    /// Hash of an article's text and place → customer data found in it,
    /// and each value as written with its mask.
    pub privacy: HashMap<u64, Privacy>,
}

/// The customer data found in one article: its problems, and each value as
/// written with its mask (for the preview of `casebook serve`).
pub type Privacy = (Vec<Diagnostic>, Vec<(String, String)>);
