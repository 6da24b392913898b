//! `casebook serve`: builds the journal into memory, serves it on
//! 127.0.0.1, watches the journal's files and rebuilds after each save, and
//! tells open pages to reload (a long poll on `/__casebook/events`).
//!
//! Rebuilds reuse the last build ([`BuildCache`]): unchanged files are not
//! parsed again; unchanged articles keep their HTML, view and search
//! document; the link names and the front-matter part of the graph are kept
//! while no link target or front matter changed; related lists are updated
//! through the kept inverted lists; the search index re-encodes only the
//! terms whose lists the change moved; and only pages whose inputs changed
//! are rendered again. A template change renders again the pages made with
//! it or with a template that extends, includes or imports it (base.html:
//! every page); a config change renders every page (the search index is
//! still reused). `CASEBOOK_PROFILE=1` prints where a save's time goes.
//!
//! Only the journal's inputs are watched (content, data, templates, themes,
//! static and the config), and the loader is told which files a save
//! wrote: with no file created, removed or renamed it keeps its list of
//! files and reads only those.
//!
//! Git history is read again only when HEAD moves; in previews
//! (`--drafts`), git is asked after each save about the files it wrote, so
//! the "uncommitted" mark comes and goes between commits.
//!
//! The build is a preview ([`BuildOptions::preview`]): errors in articles
//! do not stop the pages from being made. Broken links are marked on the
//! page (with the problem as their title), customer data is shown masked,
//! and an article that cannot be made into a page (its front matter
//! failed) has a page at its address listing its problems. Over every page,
//! every error is listed, and the warnings and `check`'s problems of the
//! files being edited (saved since the server started, or changed since
//! the last commit). A save that breaks what articles cannot (settings,
//! templates) keeps the last site made, and says so; while no save has
//! made one, every address says that there is none yet and lists the
//! problems.
//!
//! `CASEBOOK_VERIFY=1` is a developer's mode that checks the cache: after
//! each rebuild from it, the journal is also built from nothing with the
//! same options and the two are compared (the same problems, the same
//! files, the same bytes in each; the search shards by the postings they
//! hold, as a rebuild keeps the first build's shard cuts). One line per save
//! on stderr says that the rebuild matched, or which files or problems
//! differ. Every save then takes as long as a full build.

mod http;

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher};

use crate::build::{build_cached, BuildCache, BuildOptions};
use crate::content::Touched;
use crate::diagnostics::{display_path, Diagnostic, Said};
use crate::lang::Lang;
use crate::site_file::OutputFile;

pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub drafts: bool,
    pub open: bool,
    /// Host names answered besides the served address and loopback names.
    pub allow_hosts: Vec<String>,
    /// The language of what is printed and shown over the page (decided
    /// when the server starts).
    pub lang: Lang,
}

/// What the server answers with: the last site made and the current problems.
#[derive(Default)]
pub struct Snapshot {
    /// Sorted by path, as a build gives them (no map to make on each save).
    pub files: Arc<Vec<OutputFile>>,
    /// The problems to show over the page, one per line: every error, and
    /// the warnings and `check`'s problems of the files being edited.
    pub problems: Option<String>,
    /// Bumped after every build, good or bad.
    pub version: u64,
    /// The version of the build that made `files` (0: none has).
    pub site: u64,
    /// What the overlay's heading says.
    pub heading: String,
    /// What the pages of `files` show otherwise ([`crate::build::Preview`]).
    pub marks: Arc<Marks>,
}

/// What the server changes in the pages of a preview as it sends them.
#[derive(Default)]
pub struct Marks {
    /// Customer data as written → masked, in every text file.
    pub masks: Vec<(String, String)>,
    /// Page → the `href="…"` of each broken link on it and the attributes
    /// that mark it.
    pub broken: std::collections::HashMap<String, Vec<(String, String)>>,
    /// Page of an article that could not be made into one → the page
    /// listing its problems.
    pub failed: std::collections::HashMap<String, String>,
}

pub struct State {
    pub snapshot: Mutex<Arc<Snapshot>>,
    /// The current snapshot's version, for long polls to wait on.
    pub changed: tokio::sync::watch::Sender<u64>,
    /// The language of the pages the server makes itself.
    pub lang: Lang,
}

impl Snapshot {
    pub fn get(&self, path: &str) -> Option<&OutputFile> {
        self.files.binary_search_by(|f| f.path.as_ref().cmp(path)).ok().map(|at| &self.files[at])
    }
}

impl State {
    pub fn current(&self) -> Arc<Snapshot> {
        self.snapshot.lock().map(|s| Arc::clone(&s)).unwrap_or_default()
    }
}

pub fn run(opts: ServeOptions) -> Result<()> {
    let lang = opts.lang;
    // Two threads serve every connection; reading static files from disk
    // (blocking) has eight at most.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(8)
        .thread_name("casebook-http")
        .enable_all()
        .build()
        .context(Said::CouldNotStartServer.words(lang))?;
    let listener = std::net::TcpListener::bind((opts.bind, opts.port)).map_err(|e| {
        let said = Said::CouldNotListen { address: format!("{}:{}", opts.bind, opts.port), error: e.to_string() };
        anyhow::anyhow!(said.words(lang))
    })?;
    listener.set_nonblocking(true).context(Said::CouldNotSetUpSocket.words(lang))?;
    let listener = {
        let _inside = runtime.enter();
        tokio::net::TcpListener::from_std(listener).context(Said::CouldNotSetUpSocket.words(lang))?
    };
    let mut addr = listener.local_addr().context(Said::NoServerAddress.words(lang))?;
    let hosts = Arc::new(http::Hosts { bound: addr.ip(), port: addr.port(), names: opts.allow_hosts.clone() });
    // Listening on every address (`--bind 0.0.0.0`): pages link to this machine.
    let everywhere = addr.ip().is_unspecified();
    if everywhere {
        addr.set_ip(IpAddr::from([127, 0, 0, 1]));
    }
    let base_url = format!("http://{addr}/");
    let (changed, _) = tokio::sync::watch::channel(0);
    let state = Arc::new(State { snapshot: Mutex::new(Arc::new(Snapshot::default())), changed, lang });
    // Watching from before the first build: a save during it is seen.
    let watch = FileWatch::new(&opts.root, lang)?;
    rebuild(&opts, &base_url, &state, None);

    // Announced only now: a save from here on is seen.
    println!("{}", Said::Serving { url: base_url.clone() }.words(lang));
    if !opts.bind.is_loopback() {
        eprintln!("{}", exposure_warning(opts.bind, addr.port(), opts.drafts).words(lang));
    }
    if opts.open {
        open_browser(&base_url, lang);
    }
    let watch_state = Arc::clone(&state);
    let watch_opts = ServeOptions { root: opts.root.clone(), allow_hosts: Vec::new(), ..opts };
    let watch_base = base_url.clone();
    std::thread::spawn(move || {
        while let Some(touched) = watch.next(None) {
            if std::env::var_os("CASEBOOK_PROFILE").is_some() {
                eprintln!("  changed: {} path(s), files moved: {}", touched.paths.len(), touched.moved);
            }
            rebuild(&watch_opts, &watch_base, &watch_state, Some(touched));
        }
    });

    runtime.block_on(http::serve(listener, state, hosts, http::Limits::from_env()));
    Ok(())
}

/// What a `--bind` other than a loopback address exposes, and to whom.
fn exposure_warning(bind: IpAddr, port: u16, drafts: bool) -> Said {
    let reach = (!bind.is_unspecified()).then(|| std::net::SocketAddr::new(bind, port).to_string());
    Said::Exposed { bind: bind.to_string(), port, drafts, reach }
}

/// The journal's inputs, watched (with notify): each change comes as the
/// files it touched.
pub struct FileWatch {
    root: PathBuf,
    events: std::sync::mpsc::Receiver<notify::Event>,
    watcher: Mutex<notify::RecommendedWatcher>,
}

/// The folders a journal is made from, watched with all they hold. Nothing
/// else under the root is (the output, git's files, a Hugo build beside it):
/// watching a folder of thousands of folders floods the kernel's queue of
/// events, and then every change is lost.
const INPUTS: [&str; 6] = ["content", "data", "templates", "themes", "static", "i18n"];

impl FileWatch {
    /// Watches `root`'s inputs; `root` is absolute (as the watcher's paths are).
    pub fn new(root: &Path, lang: Lang) -> Result<FileWatch> {
        let (tx, events) = std::sync::mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(event) = res {
                let _ = tx.send(event);
            }
        })
        .context(Said::CouldNotWatch { path: None }.words(lang))?;
        // The root itself for the config and for input folders made later.
        watcher
            .watch(root, RecursiveMode::NonRecursive)
            .with_context(|| Said::CouldNotWatch { path: Some(root.display().to_string()) }.words(lang))?;
        // A linked input folder is not read (crate::paths), so not watched.
        for dir in
            INPUTS.map(|d| root.join(d)).iter().filter(|d| d.is_dir() && crate::paths::first_link(root, d).is_none())
        {
            watcher
                .watch(dir, RecursiveMode::Recursive)
                .with_context(|| Said::CouldNotWatch { path: Some(dir.display().to_string()) }.words(lang))?;
        }
        Ok(FileWatch { root: root.to_path_buf(), events, watcher: Mutex::new(watcher) })
    }

    /// Waits for the next change that can change the site, takes in the
    /// events that follow it until 15 ms pass without one (editors save in
    /// bursts: write, rename, touch, all within a few milliseconds; a
    /// stream of events is cut at 200 ms), and says what they touched.
    /// `None` when the watcher stops, or when `timeout` passes first.
    pub fn next(&self, timeout: Option<Duration>) -> Option<Touched> {
        const QUIET: Duration = Duration::from_millis(15);
        const LONGEST: Duration = Duration::from_millis(200);
        let until = timeout.map(|t| Instant::now() + t);
        loop {
            let first = match until {
                Some(until) => self.events.recv_timeout(until.saturating_duration_since(Instant::now())).ok()?,
                None => self.events.recv().ok()?,
            };
            let mut touched = Touched::default();
            let mut relevant = self.take(&first, &mut touched);
            let cut = Instant::now() + LONGEST;
            while let Some(left) = cut.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()) {
                let Ok(e) = self.events.recv_timeout(QUIET.min(left)) else { break };
                relevant |= self.take(&e, &mut touched);
            }
            if relevant {
                return Some(touched);
            }
        }
    }

    /// Adds what `event` touched; false when it cannot change the site.
    fn take(&self, event: &notify::Event, touched: &mut Touched) -> bool {
        use notify::event::{EventKind, ModifyKind};
        // Events were lost (the kernel's queue overflowed): look at everything.
        if event.need_rescan() {
            touched.moved = true;
            return true;
        }
        if event.kind.is_access() {
            return false;
        }
        let mut relevant = false;
        for p in event.paths.iter().filter(|p| is_relevant(&self.root, p)) {
            relevant = true;
            if !p.starts_with(&self.root) {
                touched.moved = true; // not a path the loader knows: look at everything
            }
            // An input folder made after the start is watched from now on.
            if p.parent() == Some(self.root.as_path()) && std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()) {
                if let Ok(mut watcher) = self.watcher.lock() {
                    let _ = watcher.watch(p, RecursiveMode::Recursive);
                }
            }
            touched.paths.insert(p.clone());
        }
        // Only writes and attribute changes keep the set of files as it was.
        let written = matches!(event.kind, EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Metadata(_)));
        if relevant && !written {
            touched.moved = true;
        }
        relevant
    }
}

/// Whether a path can change the site: the config, or anything in an input
/// folder but editors' temporary files.
fn is_relevant(root: &Path, p: &Path) -> bool {
    let Ok(rel) = p.strip_prefix(root) else { return true };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy().to_string());
    let first = parts.next().unwrap_or_default();
    let nested = parts.next().is_some();
    let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let input = INPUTS.contains(&first.as_str()) || (!nested && first == crate::config::CONFIG_FILE);
    input && !name.ends_with('~') && !name.ends_with(".swp") && !name.starts_with(".#")
}

/// Git history, kept between saves and read again only when HEAD moves:
/// reading it is the slowest part of a build on a long history.
#[derive(Default)]
struct HistoryCache {
    head: Option<String>,
    history: Option<Arc<crate::history::History>>,
    /// Previews: files changed since the last commit, brought up to date
    /// after each save for the files it wrote (between commits, HEAD stays).
    uncommitted: Option<Arc<std::collections::HashSet<String>>>,
    prefix: String,
}

impl HistoryCache {
    /// Asks git about the files a save touched, and marks or unmarks them.
    fn recheck(&mut self, root: &Path, touched: &Touched) {
        let Some(set) = &self.uncommitted else { return };
        let paths: Vec<&Path> = touched.paths.iter().filter(|p| p.starts_with(root)).map(PathBuf::as_path).collect();
        if touched.moved || paths.is_empty() {
            // Anything may have moved: ask about the whole journal.
            if let Some(all) = crate::history::uncommitted(root, &self.prefix, &[Path::new(".")]) {
                self.uncommitted = Some(Arc::new(all));
            }
            return;
        }
        let Some(now) = crate::history::uncommitted(root, &self.prefix, &paths) else { return };
        let rel: Vec<String> =
            paths.iter().map(|p| crate::diagnostics::display_path(p.strip_prefix(root).unwrap_or(p))).collect();
        if rel.iter().all(|r| set.contains(r) == now.contains(r)) {
            return;
        }
        let mut set = (**set).clone();
        for r in rel {
            if now.contains(&r) {
                set.insert(r);
            } else {
                set.remove(&r);
            }
        }
        self.uncommitted = Some(Arc::new(set));
    }
}

fn git_head(root: &Path) -> Option<String> {
    let out = std::process::Command::new("git").arg("-C").arg(root).args(["rev-parse", "HEAD"]).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn rebuild(opts: &ServeOptions, base_url: &str, state: &State, touched: Option<Touched>) {
    static CACHE: Mutex<Option<HistoryCache>> = Mutex::new(None);
    static BUILD: Mutex<Option<BuildCache>> = Mutex::new(None);
    let started = Instant::now();
    let mut lap = Instant::now();
    let (history, uncommitted) = CACHE
        .lock()
        .ok()
        .and_then(|mut cache| {
            let cache = cache.get_or_insert_with(HistoryCache::default);
            let head = Some(git_head(&opts.root)?);
            if cache.head != head || cache.history.is_none() {
                cache.history = crate::history::read(&opts.root).map(Arc::new);
                cache.head = head;
                cache.prefix = crate::history::prefix(&opts.root).unwrap_or_default();
                cache.uncommitted = cache.history.as_ref().map(|h| Arc::new(h.uncommitted.clone()));
            } else if let (true, Some(touched)) = (opts.drafts, &touched) {
                cache.recheck(&opts.root, touched);
            }
            Some((cache.history.clone(), cache.uncommitted.clone()))
        })
        .unwrap_or_default();
    crate::profile::lap("HEAD and history", &mut lap);
    let options = BuildOptions {
        root: opts.root.clone(),
        drafts: opts.drafts,
        base_url: Some(base_url.to_string()),
        check: false,
        history,
        touched,
        uncommitted,
        skip: None,
        preview: true,
    };
    let built = match BUILD.lock() {
        Ok(mut cache) => build_cached(&options, cache.get_or_insert_with(BuildCache::default)),
        Err(_) => crate::build::build(&options),
    };
    let verifying = options.touched.is_some() && verify_mode();
    crate::profile::lap("build", &mut lap);
    let lang = opts.lang;
    let edited = edited_files(&opts.root, options.touched.as_ref(), options.uncommitted.as_deref());
    let shown: Vec<Diagnostic> = built
        .diagnostics
        .iter()
        .filter(|d| d.kind() != "case/missing-sections" || edited.contains(&display_path(&d.path)))
        .cloned()
        .collect();
    crate::diagnostics::format::print_human(&shown, lang);
    crate::profile::lap(&format!("print {} diagnostics", shown.len()), &mut lap);
    let overlaid: Vec<&Diagnostic> =
        shown.iter().filter(|d| d.is_error() || edited.contains(&display_path(&d.path))).collect();
    let problems =
        (!overlaid.is_empty()).then(|| overlaid.iter().map(|d| d.human(lang)).collect::<Vec<_>>().join("\n"));
    let Ok(mut current) = state.snapshot.lock() else { return };
    let version = current.version + 1;
    let made_site = built.files.is_some();
    let has_errors = built.has_errors();
    let next = match built.files {
        Some(files) => {
            let t = &built.timings;
            let millis = [started.elapsed(), t.load, t.markdown, t.graph, t.render - t.graph - t.search, t.search]
                .map(|d| d.as_millis());
            eprintln!("{}", Said::ServeBuilt { articles: built.articles, millis }.words(lang));
            if built.drafts_left_out > 0 && !opts.drafts {
                eprintln!("{}", Said::DraftsNotShown { count: built.drafts_left_out }.words(lang));
            }
            if has_errors {
                eprintln!("{}", Said::PreviewAroundErrors.words(lang));
            }
            let errors = overlaid.iter().filter(|d| d.is_error()).count();
            let heading = Said::OverlayUpdated { errors, warnings: overlaid.len() - errors }.words(lang);
            let marks = Arc::new(marks(&built.preview, &built.diagnostics, lang));
            Snapshot { files: Arc::new(files), problems, version, site: version, heading, marks }
        }
        None => {
            eprintln!("{}", Said::LastGoodSite.words(lang));
            let heading = if current.site == 0 { Said::OverlayNoSiteYet } else { Said::OverlayHeading }.words(lang);
            Snapshot {
                files: Arc::clone(&current.files),
                problems,
                version,
                site: current.site,
                heading,
                marks: Arc::clone(&current.marks),
            }
        }
    };
    let site = Arc::clone(&next.files);
    // The last snapshot is freed on another thread once no request holds it.
    crate::profile::drop_later(std::mem::replace(&mut *current, Arc::new(next)));
    drop(current);
    state.changed.send_replace(version);
    crate::profile::lap("snapshot", &mut lap);
    // After the reload: the full build only delays the next save.
    if verifying {
        eprintln!("{}", verify(&options, &built.diagnostics, made_site.then_some(&site[..])));
    }
}

/// The files being edited, as diagnostics name them: those saved since the
/// server started (`touched`, added up) and those git has as changed since
/// the last commit (`uncommitted`).
fn edited_files(
    root: &Path,
    touched: Option<&Touched>,
    uncommitted: Option<&std::collections::HashSet<String>>,
) -> std::collections::BTreeSet<String> {
    static SAVED: Mutex<std::collections::BTreeSet<String>> = Mutex::new(std::collections::BTreeSet::new());
    let Ok(mut saved) = SAVED.lock() else { return Default::default() };
    for p in touched.into_iter().flat_map(|t| &t.paths) {
        if let Ok(rel) = p.strip_prefix(root) {
            saved.insert(display_path(rel));
        }
    }
    let mut edited = saved.clone();
    edited.extend(uncommitted.into_iter().flatten().cloned());
    edited
}

/// What the pages of a preview show besides what the build made: the
/// broken links marked (a class, and the problem as the title, in `lang`),
/// customer data masked, and a page for each article that could not be made.
fn marks(preview: &crate::build::Preview, diagnostics: &[Diagnostic], lang: Lang) -> Marks {
    let mut broken: std::collections::HashMap<String, Vec<(String, String)>> = Default::default();
    for (page, dest, d) in &preview.broken {
        let href = http::href_as_written(dest);
        let title = http::escape_attribute(&d.human(lang));
        broken.entry(page.clone()).or_default().push((href, format!("class=\"casebook-broken\" title=\"{title}\"")));
    }
    let failed = preview
        .failed
        .iter()
        .map(|(page, source)| {
            let problems: Vec<String> =
                diagnostics.iter().filter(|d| &d.path == source).map(|d| d.human(lang)).collect();
            (page.clone(), http::problem_page(&display_path(source), &problems, lang))
        })
        .collect();
    let mut masks = preview.masks.clone();
    // The longest first, so a value inside another is masked with it.
    masks.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
    masks.dedup();
    masks.retain(|(written, _)| !written.is_empty());
    Marks { masks, broken, failed }
}

/// Whether `CASEBOOK_VERIFY` asks for each rebuild to be checked.
fn verify_mode() -> bool {
    std::env::var_os("CASEBOOK_VERIFY").is_some_and(|v| !v.is_empty() && v != "0")
}

/// A full build with `options` but no cache, compared with a rebuild's
/// problems and files (`None` when it made no site): one line saying
/// whether they match.
fn verify(options: &BuildOptions, diagnostics: &[Diagnostic], files: Option<&[OutputFile]>) -> String {
    let full = crate::build::build(&BuildOptions { touched: None, ..options.clone() });
    let line = compare_builds(diagnostics, files, &full.diagnostics, full.files.as_deref());
    crate::profile::drop_later(full.files);
    line
}

/// How many differing files or problems a verify line names.
const NAMED: usize = 10;

/// The verify line for a rebuild (`diagnostics`, `files`) against a full build.
fn compare_builds(
    diagnostics: &[Diagnostic],
    files: Option<&[OutputFile]>,
    full_diagnostics: &[Diagnostic],
    full_files: Option<&[OutputFile]>,
) -> String {
    if diagnostics != full_diagnostics {
        let missing = |a: &[Diagnostic], b: &[Diagnostic]| -> Vec<String> {
            a.iter().filter(|d| !b.contains(d)).map(ToString::to_string).collect()
        };
        let (ours, theirs) = (missing(diagnostics, full_diagnostics), missing(full_diagnostics, diagnostics));
        if ours.is_empty() && theirs.is_empty() {
            return format!(
                "Verify: the rebuild's problems are a full build's in another order or number ({} against {}).",
                diagnostics.len(),
                full_diagnostics.len()
            );
        }
        return format!(
            "Verify: the rebuild's problems differ from a full build's ({} against {}); only in the rebuild: {}; only in the full build: {}",
            diagnostics.len(),
            full_diagnostics.len(),
            named(&ours),
            named(&theirs),
        );
    }
    let (files, full_files) = match (files, full_files) {
        (None, None) => {
            return format!(
                "Verify: the rebuild matched a full build (no site: the same {} problem(s)).",
                diagnostics.len()
            )
        }
        (Some(a), Some(b)) => (a, b),
        (a, _) => {
            let (made, not) =
                if a.is_some() { ("the rebuild", "the full build") } else { ("the full build", "the rebuild") };
            return format!("Verify: {made} made a site and {not} did not, with the same problems.");
        }
    };
    let (ours, theirs) = (Comparable::of(files), Comparable::of(full_files));
    let mut differing: Vec<String> = ours
        .files
        .iter()
        .filter(|(path, bytes)| theirs.files.get(*path) != Some(bytes))
        .map(|(path, _)| path.to_string())
        .chain(theirs.files.keys().filter(|path| !ours.files.contains_key(*path)).map(|path| path.to_string()))
        .collect();
    differing.sort();
    if ours.postings != theirs.postings {
        differing.push("search/s/ (the postings the shards hold)".to_string());
    }
    if differing.is_empty() {
        return format!("Verify: the rebuild matched a full build ({} files).", files.len());
    }
    format!(
        "Verify: the rebuild differs from a full build ({} files) in {}: {}",
        full_files.len(),
        if differing.len() == 1 { "1 file".to_string() } else { format!("{} files", differing.len()) },
        named(&differing)
    )
}

/// The first [`NAMED`] of `items`, and how many more there are.
fn named(items: &[String]) -> String {
    if items.is_empty() {
        return "none".to_string();
    }
    let mut text = items.iter().take(NAMED).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > NAMED {
        text.push_str(&format!(" and {} more", items.len() - NAMED));
    }
    text
}

/// A build's files as two builds that should agree can be compared: a
/// rebuild keeps the first build's search shard cuts, so the shards are
/// compared by the postings they hold, and the manifest without the cuts
/// (nor the files of where each shard starts).
struct Comparable<'a> {
    /// Bytes by path; `None` for a file that could not be read.
    files: std::collections::BTreeMap<&'a str, Option<std::borrow::Cow<'a, [u8]>>>,
    /// `field term` → its posting list, from every shard.
    postings: std::collections::BTreeMap<String, serde_json::Value>,
}

impl<'a> Comparable<'a> {
    fn of(files: &'a [OutputFile]) -> Self {
        let mut out = Comparable { files: Default::default(), postings: Default::default() };
        for f in files {
            let bytes = f.bytes().ok();
            // Search files are compressed (the manifest is not).
            let json = || {
                let b = bytes.as_deref()?;
                let inflated = crate::search::index::packed::inflate(b);
                serde_json::from_slice::<serde_json::Value>(inflated.as_deref().unwrap_or(b)).ok()
            };
            if f.path.starts_with("search/t/") {
                continue;
            } else if f.path.starts_with("search/s/") {
                if let Some(serde_json::Value::Object(fields)) = json() {
                    for (field, terms) in fields {
                        for (term, list) in terms.as_object().into_iter().flatten() {
                            out.postings.insert(format!("{field} {term}"), list.clone());
                        }
                    }
                    continue;
                }
            } else if &*f.path == "search/manifest.json" {
                if let Some(serde_json::Value::Object(mut manifest)) = json() {
                    for cut in ["shards", "pages", "pages_hash", "shards_hash", "build"] {
                        manifest.remove(cut);
                    }
                    let text = serde_json::Value::Object(manifest).to_string().into_bytes();
                    out.files.insert(&f.path, Some(text.into()));
                    continue;
                }
            }
            out.files.insert(&f.path, bytes);
        }
        out
    }
}

fn open_browser(url: &str, lang: Lang) {
    let tries: &[(&str, &[&str])] = &[("xdg-open", &[]), ("open", &[]), ("cmd", &["/C", "start"])];
    for (cmd, args) in tries {
        if std::process::Command::new(cmd).args(*args).arg(url).spawn().is_ok() {
            return;
        }
    }
    eprintln!("{}", Said::OpenInBrowser { url: url.to_string() }.words(lang));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::text(path, text.to_string())
    }

    /// A page and a search index of two terms in one shard, or cut in two.
    fn site(page: &str, cut: bool, weight: u32) -> Vec<OutputFile> {
        let mut files = vec![file("a/index.html", page)];
        if cut {
            files.push(file(
                "search/manifest.json",
                r#"{"docs":1,"shards":2,"page_size":128,"pages":[""],"pages_hash":"00","shards_hash":"0000aaaa","build":"b1"}"#,
            ));
            files.push(file("search/t/0.bin", r#"["","乙"]"#));
            files.push(file("search/s/0.bin", r#"{"body":{"甲":[1,0,5]}}"#));
            files.push(file("search/s/1.bin", &format!(r#"{{"body":{{"乙":[1,0,{weight}]}}}}"#)));
        } else {
            files.push(file(
                "search/manifest.json",
                r#"{"docs":1,"shards":1,"page_size":128,"pages":[""],"pages_hash":"11","shards_hash":"1111","build":"b2"}"#,
            ));
            files.push(file("search/t/0.bin", r#"[""]"#));
            files.push(file("search/s/0.bin", &format!(r#"{{"body":{{"甲":[1,0,5],"乙":[1,0,{weight}]}}}}"#)));
        }
        files
    }

    #[test]
    fn verify_lines() {
        let full = site("<p>同</p>", false, 5);
        let line = |diagnostics: &[Diagnostic], files: Option<&[OutputFile]>| {
            compare_builds(diagnostics, files, &[], Some(&full[..]))
        };
        // Shards cut elsewhere, holding the same postings: a match.
        assert_eq!(line(&[], Some(&site("<p>同</p>", true, 5))), "Verify: the rebuild matched a full build (5 files).");
        let mut more = site("<p>異</p>", false, 7);
        more.push(file("b/index.html", ""));
        assert_eq!(
            line(&[], Some(&more)),
            "Verify: the rebuild differs from a full build (4 files) in 3 files: a/index.html, b/index.html, search/s/ (the postings the shards hold)"
        );
        let problem = Diagnostic::error("content/a.md", 2, 8, crate::diagnostics::Problem::MissingTitle);
        assert_eq!(
            line(std::slice::from_ref(&problem), None),
            format!("Verify: the rebuild's problems differ from a full build's (1 against 0); only in the rebuild: {problem}; only in the full build: none")
        );
        assert_eq!(
            compare_builds(std::slice::from_ref(&problem), None, std::slice::from_ref(&problem), None),
            "Verify: the rebuild matched a full build (no site: the same 1 problem(s))."
        );
        let many: Vec<String> = (0..12).map(|n| n.to_string()).collect();
        assert_eq!(named(&many), "0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 2 more");
    }
}
