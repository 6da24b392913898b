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
//! version and program file, this format, the config's key and the theme's
//! templates), the length and a checksum of the rest, then the values in
//! `postcard`. Any mismatch, a short or damaged file, a link, or values
//! that do not decode make the build start from nothing, with one line
//! saying why: never a panic. The values are trusted as the journal is:
//! whoever can write the cache can change the site, as whoever can write
//! `content/` can (CI caches are scoped to the branches that wrote them).
//! The file is written to a new temporary file (never through a link) and
//! renamed into place after the run, and not written when it would be
//! larger than [`MAX_BYTES`].
//!
//! The folder may not be the output folder or inside it (every build
//! replaces that whole, and it is published), nor inside a folder casebook
//! reads or publishes (`content/`, `static/`, `templates/`, …): see
//! [`place`]. The default folder is not used when it is a symbolic link, as
//! a journal's repository could point it anywhere.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::BuildCache;
pub use crate::diagnostics::console::{CachePlace, CacheUnused as Ignored};
use crate::keys::hash_value;
use crate::markdown::Rendered;
use crate::output::{Previous, WrittenFile};
use crate::site_file::{Body, FileId, OutputFile, Source};

/// The folder at the journal's root that holds the cache, unless `--cache-dir` names another.
pub const DEFAULT_DIR: &str = ".casebook-cache";
/// What every cache file starts with.
pub const MAGIC: &[u8; 16] = b"casebook-cache\n\x01";
/// The layout of [`Saved`]: raised when it changes.
const FORMAT: u32 = 2;
/// A cache larger than this is neither written nor read.
pub const MAX_BYTES: u64 = 1 << 30;
/// Magic, key, length, checksum.
const HEADER: usize = 16 + 8 + 8 + 8;
/// The journal's folders that may not hold the cache: casebook reads every
/// file in them, or publishes them.
const JOURNAL_FOLDERS: [&str; 6] = ["content", "static", "templates", "themes", "data", "archetypes"];
/// The `.gitignore` written into a cache folder casebook makes.
pub const GITIGNORE: &str = "# casebook's build cache: never committed (a CI keeps it between runs).\n*\n";
/// A temporary file older than this was left by a run that was stopped.
const STALE_SECONDS: u64 = 3600;

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
    pub privacy: Vec<(u64, Cow<'a, super::Privacy>)>,
    /// Text key → bigram counts (see [`crate::graph::related::SavedCounts`]).
    pub related: Vec<(u64, crate::graph::related::SavedCounts)>,
    /// Page path → the key of what it was made from
    /// ([`RenderCache`](crate::render::RenderCache)).
    pub pages: Vec<(Cow<'a, str>, u64)>,
    /// The output folder `files` are in (`build` only).
    pub output: String,
    /// Every page and search file the last build wrote there: its path,
    /// content hash and identity.
    pub files: Vec<(String, u64, FileId)>,
}

/// What a build is made with besides the journal's files: the key a
/// cache file must carry to be used.
pub struct Inputs<'a> {
    pub root: &'a Path,
    /// `build --base-url`.
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    pub check: bool,
}

/// The key a cache file must carry to be used: casebook's version and the
/// size and time of its program file (another build of the same version
/// may render differently), the file's format, the config as the build
/// will see it (after `--base-url`), `--drafts`, `check`, and every
/// template's name and text.
pub fn journal_key(inputs: &Inputs) -> u64 {
    let root = crate::paths::root(inputs.root);
    let (mut config, _) = crate::config::load(&root);
    if let Some(url) = inputs.base_url {
        config.base_url = if url.ends_with('/') { url.to_string() } else { format!("{url}/") };
    }
    let (theme, _) = crate::render::theme::load(&root, &config.theme);
    let texts: Vec<(&String, &String)> = theme.templates.iter().map(|(n, t)| (n, &t.text)).collect();
    let program = program_file();
    hash_value(&(env!("CARGO_PKG_VERSION"), program, FORMAT, config.key(), inputs.drafts, inputs.check, texts))
}

/// The size and modified time (in nanoseconds) of the running program, if
/// the system says.
fn program_file() -> Option<(u64, u128)> {
    let meta = std::env::current_exe().and_then(std::fs::metadata).ok()?;
    let time = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some((meta.len(), time.as_nanos()))
}

/// Where the cache of the journal at `root` goes: `given` (`--cache-dir`,
/// relative to the current folder), else [`DEFAULT_DIR`] in the journal.
/// `Err` says why that folder may not hold it: it is the `output` folder or
/// inside it, or inside one of the journal's [`JOURNAL_FOLDERS`] (checked
/// where links lead), or it is the default folder and a link.
pub fn place(root: &Path, given: Option<&Path>, output: Option<&Path>) -> Result<PathBuf, CachePlace> {
    let dir = given.map(Path::to_path_buf).unwrap_or_else(|| root.join(DEFAULT_DIR));
    if given.is_none() && std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(CachePlace::Link);
    }
    let resolved = resolve(&dir);
    if let Some(output) = output {
        let output = resolve(output);
        if resolved.starts_with(&output) {
            return Err(CachePlace::InOutput { output: output.display().to_string() });
        }
    }
    let root = resolve(root);
    if let Some(folder) = JOURNAL_FOLDERS.iter().find(|f| resolved.starts_with(root.join(f))) {
        return Err(CachePlace::InJournalFolder { folder: folder.to_string() });
    }
    Ok(dir)
}

/// `p` made absolute, with links and `..` resolved ([`crate::output::absolute`]).
fn resolve(p: &Path) -> PathBuf {
    crate::output::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The cache for `key` in `dir`, as a [`BuildCache`] to build with, and
/// the files of the last build still in `output` as it wrote them; empty
/// ones, and why, when there is no usable file (none at all is no reason
/// to say anything).
pub fn load(dir: &Path, kind: Kind, key: u64, output: Option<&Path>) -> (BuildCache, Previous, Option<Ignored>) {
    let path = dir.join(kind.file_name());
    match read(&path, key) {
        Ok(Some(saved)) => {
            let (cache, previous) = restore(saved, kind, output);
            (cache, previous, None)
        }
        Ok(None) => (BuildCache::default(), Previous::new(), None),
        Err(why) => (BuildCache::default(), Previous::new(), Some(why)),
    }
}

fn read(path: &Path, key: u64) -> Result<Option<Saved<'static>>, Ignored> {
    // Not followed: a link (or a folder, a device) is not a cache file.
    let meta = match std::fs::symlink_metadata(path) {
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

/// Writes what `cache` holds into `dir` for the next run: to a new
/// temporary file beside it (created, never opened through a link), then
/// renamed over the old one, so a reader finds the old file or the new one
/// whole. A cache over [`MAX_BYTES`] is not written (and the old one
/// removed). Temporary files that stopped runs left are removed.
pub fn save(
    dir: &Path,
    kind: Kind,
    key: u64,
    cache: &BuildCache,
    output: Option<&Path>,
    files: &[WrittenFile],
) -> std::io::Result<()> {
    let path = dir.join(kind.file_name());
    let Some(bytes) = encode(&saved(cache, output, files), key) else { return Ok(()) };
    if bytes.len() as u64 > MAX_BYTES {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    if std::fs::symlink_metadata(dir).is_err() {
        std::fs::create_dir_all(dir)?;
        // As pytest's and ruff's caches do: a folder git leaves out by
        // itself, whatever the journal's .gitignore says.
        std::fs::write(dir.join(".gitignore"), GITIGNORE)?;
    }
    let prefix = format!(".{}.tmp-", kind.file_name());
    let tmp = dir.join(format!("{prefix}{}", std::process::id()));
    let create = || std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp);
    // One left by a stopped run with the same process id is in the way.
    let file = match create() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(&tmp)?;
            create()
        }
        other => other,
    };
    let written = file.and_then(|mut f| f.write_all(&bytes));
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, &path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    remove_stale(dir, &prefix);
    Ok(())
}

/// Removes the temporary files named `prefix…` in `dir` that are older than
/// [`STALE_SECONDS`] (a run still writing one is younger).
fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        if !entry.file_name().to_str().is_some_and(|n| n.starts_with(prefix)) {
            continue;
        }
        let old = entry.metadata().ok().and_then(|m| m.modified().ok()).and_then(|t| t.elapsed().ok());
        if old.is_some_and(|age| age.as_secs() > STALE_SECONDS) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The values of `cache` worth keeping on disk, and the files written into `output`.
fn saved<'a>(cache: &'a BuildCache, output: Option<&Path>, files: &[WrittenFile]) -> Saved<'a> {
    let md = &cache.markdown;
    Saved {
        config: md.config,
        world: md.world,
        headings: md.headings.iter().map(|(k, (ids, h))| (*k, ids.to_vec(), *h)).collect(),
        rendered: md.rendered.iter().map(|(k, r)| (*k, Cow::Borrowed(&**r))).collect(),
        privacy: md.privacy.iter().map(|(k, p)| (*k, Cow::Borrowed(p))).collect(),
        related: cache.related.saved_counts(),
        pages: cache.render.page_keys().into_iter().map(|(p, k)| (Cow::Borrowed(p), k)).collect(),
        output: output.map(|o| o.display().to_string()).unwrap_or_default(),
        files: files.iter().map(|(p, h, id)| (p.to_string(), *h, *id)).collect(),
    }
}

/// A [`BuildCache`] holding the values read from disk, and the files of
/// the last build that `output` still holds as it wrote them (each one's
/// identity checked). A page is kept for `build` when its file is one of
/// those (it is then linked, not made again), and for `check` always (it
/// writes no page: only whether the page can be made counts).
fn restore(saved: Saved<'static>, kind: Kind, output: Option<&Path>) -> (BuildCache, Previous) {
    use rayon::prelude::*;
    let mut cache = BuildCache::default();
    let md = &mut cache.markdown;
    md.config = saved.config;
    md.world = saved.world;
    md.headings = saved.headings.into_iter().map(|(k, ids, h)| (k, (Arc::new(ids), h))).collect();
    md.rendered = saved.rendered.into_iter().map(|(k, r)| (k, Arc::new(r.into_owned()))).collect();
    md.privacy = saved.privacy.into_iter().map(|(k, d)| (k, d.into_owned())).collect();
    cache.related.restore_counts(saved.related);
    let previous: Previous = match output {
        Some(out) if kind == Kind::Build && saved.output == out.display().to_string() => saved
            .files
            .into_par_iter()
            .filter(|(path, _, id)| site_path(path) && FileId::at(&out.join(path)) == Some(*id))
            .map(|(path, hash, id)| (path, (hash, id)))
            .collect(),
        _ => Previous::new(),
    };
    for (path, key) in saved.pages {
        let body = match (kind, output) {
            (Kind::Check, _) => Body::Bytes(Arc::from(&[][..])),
            (Kind::Build, Some(out)) => match previous.get(&*path) {
                Some(&(hash, id)) => Body::Static(Source::Built { path: out.join(&*path), id, hash }),
                None => continue,
            },
            (Kind::Build, None) => continue,
        };
        cache.render.put_page(key, OutputFile { path: path.into_owned().into(), body });
    }
    (cache, previous)
}

/// Whether `path` is a path inside the site as casebook writes them: no
/// `..`, `.` or empty part, not absolute (a cache file is not trusted to
/// name a file elsewhere).
fn site_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> BuildCache {
        let mut cache = BuildCache::default();
        let md = &mut cache.markdown;
        md.config = 7;
        md.world = 9;
        md.headings.insert(1, (Arc::new(vec!["背景".to_string()]), 2));
        let rendered = Rendered { html: "<h2 id=\"背景\">背景</h2>".to_string(), ..Default::default() };
        md.rendered.insert(3, Arc::new(rendered));
        md.privacy.insert(4, (Vec::new(), vec![("0912-345-678".to_string(), "0912-***-***".to_string())]));
        cache
    }

    #[test]
    fn a_saved_cache_reads_back_as_it_was() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("c");
        save(&dir, Kind::Build, 42, &sample(), None, &[]).unwrap();
        assert_eq!(std::fs::read_to_string(dir.join(".gitignore")).unwrap(), GITIGNORE);
        let (cache, _, ignored) = load(&dir, Kind::Build, 42, None);
        assert_eq!(ignored, None);
        let md = &cache.markdown;
        assert_eq!((md.config, md.world), (7, 9));
        assert_eq!(md.headings[&1].0.as_slice(), ["背景"]);
        assert_eq!(md.rendered[&3].html, "<h2 id=\"背景\">背景</h2>");
        assert!(md.privacy[&4].0.is_empty() && md.privacy[&4].1.len() == 1);
        // Another key, or the other command's file: nothing.
        assert_eq!(load(&dir, Kind::Build, 43, None).2, Some(Ignored::OtherKey));
        let (check, _, ignored) = load(&dir, Kind::Check, 42, None);
        assert!(ignored.is_none() && check.markdown.rendered.is_empty());
        // Only the cache file and the .gitignore: no temporary file is left.
        let names: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn every_cut_and_every_changed_byte_is_found() {
        let bytes = encode(&saved(&sample(), None, &[]), 42).unwrap();
        assert!(decode(&bytes, 42).is_ok());
        for len in 0..bytes.len() {
            assert!(decode(&bytes[..len], 42).is_err(), "cut at {len}");
        }
        for at in 0..bytes.len() {
            let mut spoilt = bytes.clone();
            spoilt[at] ^= 0x20;
            assert!(decode(&spoilt, 42).is_err(), "byte {at} changed");
        }
    }

    #[test]
    fn a_temporary_file_in_the_way_is_replaced_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("c");
        std::fs::create_dir_all(&dir).unwrap();
        let target = tmp.path().join("target");
        std::fs::write(&target, "kept").unwrap();
        let name = dir.join(format!(".build.bin.tmp-{}", std::process::id()));
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, &name).unwrap();
        save(&dir, Kind::Build, 1, &sample(), None, &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept");
        assert!(load(&dir, Kind::Build, 1, None).2.is_none());
        assert!(std::fs::symlink_metadata(&name).is_err());
    }
}
