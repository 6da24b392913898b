//! The build cache on disk: what `casebook build` and `check` keep for the
//! next run, so that a CI job after one changed article redoes only that
//! article's work. It lives in `.casebook-cache/` at the journal's root
//! (`--cache-dir` names another folder, `--no-cache` neither reads nor
//! writes it), one file per command: `build.bin`, `check.bin`.
//!
//! Only the per-article values of [`BuildCache`] are kept, each under the
//! key of its own inputs (see the table in [`crate::incremental`]): the
//! heading ids, the rendered HTML with the "world" it was made for, the
//! customer data found, and the bigram counts of related articles. What
//! depends on the whole journal (the link index, related lists, the search
//! index, the pages) is made again every run, exactly as a clean build
//! makes it, so the output is the same bytes. Nothing here depends on git:
//! history is read afresh (or from the history cache) every run.
//!
//! The file is: [`MAGIC`], then the key ([`journal_key`]: casebook's
//! version, this format, the config's key and the theme's templates), the
//! length and a checksum of the rest, then the values in `postcard`. Any
//! mismatch, a short or damaged file, or values that do not decode make the
//! build start from nothing, with one line saying why: never a panic. The
//! values are trusted as the journal is: whoever can write the cache can
//! change the site, as whoever can write `content/` can (CI caches are
//! scoped to the branches that wrote them). The file is written to a
//! temporary name and renamed into place after the run, and not written
//! when it would be larger than [`MAX_BYTES`].

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::BuildCache;
use crate::build::BuildOptions;
use crate::diagnostics::Diagnostic;
use crate::keys::hash_value;
use crate::markdown::Rendered;

/// The folder at the journal's root that holds the cache, unless `--cache-dir` names another.
pub const DEFAULT_DIR: &str = ".casebook-cache";
/// What every cache file starts with.
pub const MAGIC: &[u8; 16] = b"casebook-cache\n\x01";
/// The layout of [`Saved`]: raised when it changes.
const FORMAT: u32 = 1;
/// A cache larger than this is neither written nor read.
pub const MAX_BYTES: u64 = 1 << 30;
/// Magic, key, length, checksum.
const HEADER: usize = 16 + 8 + 8 + 8;

/// Which command's file: `build` and `check` keep different values
/// (`check` looks for more customer data and renders no site).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Build,
    Check,
}

impl Kind {
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Build => "build.bin",
            Kind::Check => "check.bin",
        }
    }
}

/// Why a cache file was not used (said in one line by the command).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ignored {
    /// Made by another version of casebook, or for other settings or templates.
    OtherKey,
    /// Cut short, changed or not a cache file.
    Damaged,
    TooLarge,
    /// Could not be read (the system's words).
    Unreadable(String),
}

/// The values kept on disk (see the module's text).
#[derive(Serialize, Deserialize, Default)]
pub struct Saved<'a> {
    /// [`Config::key`](crate::config::Config::key) when the values were made.
    pub config: u64,
    /// The "world" the rendered HTML was made for.
    pub world: u64,
    /// Body key → heading ids and their hash.
    pub headings: Vec<(u64, Vec<String>, u64)>,
    /// Article key → its HTML, text and what Markdown found.
    pub rendered: Vec<(u64, Cow<'a, Rendered>)>,
    /// Article key → customer data found in it.
    pub privacy: Vec<(u64, Cow<'a, [Diagnostic]>)>,
    /// Text key → bigram counts (see [`crate::graph::related::SavedCounts`]).
    pub related: Vec<(u64, crate::graph::related::SavedCounts)>,
}

/// The key a cache file must carry to be used: casebook's version, the
/// file's format, the config as the build will see it (after
/// `--base-url`), `--drafts`, and every template's name and text.
pub fn journal_key(opts: &BuildOptions) -> u64 {
    let root = crate::paths::root(&opts.root);
    let (mut config, _) = crate::config::load(&root);
    if let Some(url) = &opts.base_url {
        config.base_url = if url.ends_with('/') { url.clone() } else { format!("{url}/") };
    }
    let (theme, _) = crate::render::theme::load(&root, &config.theme);
    let texts: Vec<(&String, &String)> = theme.templates.iter().map(|(n, t)| (n, &t.text)).collect();
    hash_value(&(env!("CARGO_PKG_VERSION"), FORMAT, config.key(), opts.drafts, opts.check, texts))
}

/// Where the cache of the journal at `root` is: `dir` when given (relative to the current folder), else [`DEFAULT_DIR`] in the journal.
pub fn folder(root: &Path, dir: Option<&Path>) -> PathBuf {
    dir.map(Path::to_path_buf).unwrap_or_else(|| root.join(DEFAULT_DIR))
}

/// The cache for `key` in `dir`, as a [`BuildCache`] to build with; an
/// empty one, and why, when there is no usable file (none at all is no
/// reason to say anything).
pub fn load(dir: &Path, kind: Kind, key: u64) -> (BuildCache, Option<Ignored>) {
    let path = dir.join(kind.file_name());
    match read(&path, key) {
        Ok(Some(saved)) => (restore(saved), None),
        Ok(None) => (BuildCache::default(), None),
        Err(why) => (BuildCache::default(), Some(why)),
    }
}

fn read(path: &Path, key: u64) -> Result<Option<Saved<'static>>, Ignored> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Ignored::Unreadable(e.to_string())),
    };
    if !meta.is_file() {
        return Err(Ignored::Damaged);
    }
    if meta.len() > MAX_BYTES {
        return Err(Ignored::TooLarge);
    }
    let bytes = std::fs::read(path).map_err(|e| Ignored::Unreadable(e.to_string()))?;
    decode(&bytes, key).map(Some)
}

/// The values of a cache file's bytes, if they are whole and made for `key`.
pub fn decode(bytes: &[u8], key: u64) -> Result<Saved<'static>, Ignored> {
    if bytes.len() < HEADER || &bytes[..16] != MAGIC {
        return Err(Ignored::Damaged);
    }
    let word = |at: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(b)
    };
    if word(16) != key {
        return Err(Ignored::OtherKey);
    }
    let body = &bytes[HEADER..];
    if word(24) != body.len() as u64 || word(32) != checksum(body) {
        return Err(Ignored::Damaged);
    }
    postcard::from_bytes(body).map_err(|_| Ignored::Damaged)
}

/// The bytes of a cache file holding `saved` for `key`.
pub fn encode(saved: &Saved, key: u64) -> Option<Vec<u8>> {
    let body = postcard::to_stdvec(saved).ok()?;
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

/// Finds a cut-short or changed file (not a forged one: see the module's text).
fn checksum(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// Writes what `cache` holds into `dir` for the next run: to a temporary
/// file beside it, then renamed over the old one. A cache over
/// [`MAX_BYTES`] is not written (and the old one removed).
pub fn save(dir: &Path, kind: Kind, key: u64, cache: &BuildCache) -> std::io::Result<()> {
    let path = dir.join(kind.file_name());
    let Some(bytes) = encode(&saved(cache), key) else { return Ok(()) };
    if bytes.len() as u64 > MAX_BYTES {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{}.tmp-{}", kind.file_name(), std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(&bytes));
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, &path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// The values of `cache` worth keeping on disk.
fn saved(cache: &BuildCache) -> Saved<'_> {
    let md = &cache.markdown;
    Saved {
        config: md.config,
        world: md.world,
        headings: md.headings.iter().map(|(k, (ids, h))| (*k, ids.to_vec(), *h)).collect(),
        rendered: md.rendered.iter().map(|(k, r)| (*k, Cow::Borrowed(&**r))).collect(),
        privacy: md.privacy.iter().map(|(k, d)| (*k, Cow::Borrowed(&d[..]))).collect(),
        related: cache.related.saved_counts(),
    }
}

/// A [`BuildCache`] holding the values read from disk.
fn restore(saved: Saved<'static>) -> BuildCache {
    let mut cache = BuildCache::default();
    let md = &mut cache.markdown;
    md.config = saved.config;
    md.world = saved.world;
    md.headings = saved.headings.into_iter().map(|(k, ids, h)| (k, (Arc::new(ids), h))).collect();
    md.rendered = saved.rendered.into_iter().map(|(k, r)| (k, Arc::new(r.into_owned()))).collect();
    md.privacy = saved.privacy.into_iter().map(|(k, d)| (k, d.into_owned())).collect();
    cache.related.restore_counts(saved.related);
    cache
}
