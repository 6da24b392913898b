//! `casebook build`: builds the site and swaps it into the output folder;
//! with `search.export` in `casebook.yaml` or `--search-export DIR`, also
//! writes the search documents for other engines ([`crate::search::export`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;

use crate::build::{build_cached, build_keep_going, BuildOptions};
use crate::diagnostics::Said;
use crate::incremental::disk;
use crate::lang::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub drafts: bool,
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    #[arg(long)]
    pub keep_going: bool,
    #[arg(long, short)]
    pub quiet: bool,
    /// Also write the search documents for OpenSearch and Meilisearch into
    /// this folder (instead of the site's search/export/).
    #[arg(long, value_name = "DIR")]
    pub search_export: Option<PathBuf>,
    #[command(flatten)]
    pub cache: CacheArgs,
}

/// The build cache on disk ([`crate::incremental::disk`]), for `build` and `check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CacheArgs {
    /// Neither read nor write the build cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Keep the build cache in this folder (default: .casebook-cache in the journal).
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache_dir: Option<PathBuf>,
}

/// Set (to anything but empty or `0`), the environment variable that works
/// as `--no-cache` unless `--cache-dir` is given: for a machine where no
/// run should leave a cache in the journal (casebook's own tests set it).
pub const NO_CACHE_VAR: &str = "CASEBOOK_NO_CACHE";

/// Where [`CacheArgs::load`] said the cache is saved after the run.
pub struct CacheSave {
    dir: PathBuf,
    key: u64,
    kind: disk::Kind,
    /// The output folder (absolute), for `build`.
    output: Option<PathBuf>,
    /// The files of the last build that the output still holds.
    pub previous: crate::output::Previous,
}

impl CacheArgs {
    /// The cache to build with (empty with `--no-cache`, or when the file is
    /// missing or not usable, which is said in one line), and where to save
    /// it after the run. A `--cache-dir` that may not hold the cache is an
    /// error (see [`disk::place`]); the default folder in such a place is
    /// said and left alone.
    pub fn load(
        &self,
        opts: &BuildOptions,
        output: Option<&Path>,
        kind: disk::Kind,
        lang: Lang,
    ) -> Result<(crate::build::BuildCache, Option<CacheSave>)> {
        let off_by_env = std::env::var_os(NO_CACHE_VAR).is_some_and(|v| !v.is_empty() && v != "0");
        if self.no_cache || (off_by_env && self.cache_dir.is_none()) {
            return Ok((Default::default(), None));
        }
        let dir = match disk::place(&opts.root, self.cache_dir.as_deref(), output) {
            Ok(dir) => dir,
            Err(why) => {
                let dir = self.cache_dir.clone().unwrap_or_else(|| opts.root.join(disk::DEFAULT_DIR));
                let dir = dir.display().to_string();
                if self.cache_dir.is_some() {
                    anyhow::bail!(Said::CacheDirRefused { dir, why }.words(lang));
                }
                eprintln!("{}", Said::CacheDirSkipped { dir, why }.words(lang));
                return Ok((Default::default(), None));
            }
        };
        let key = disk::journal_key(&disk::Inputs {
            root: &opts.root,
            base_url: opts.base_url.as_deref(),
            drafts: opts.drafts,
            check: opts.check,
        });
        let output = output.map(crate::output::absolute).transpose()?;
        let (cache, previous, ignored) = disk::load(&dir, kind, key, output.as_deref());
        if let Some(why) = ignored {
            let path = dir.join(kind.file_name()).display().to_string();
            eprintln!("{}", Said::CacheIgnored { path, why }.words(lang));
        }
        Ok((cache, Some(CacheSave { dir, key, kind, output, previous })))
    }
}

/// Saves `cache` where [`CacheArgs::load`] said, with the files this build
/// wrote (`None`: it wrote none, and the last build's are still there); a
/// failure is said, not an error.
pub fn save_cache(
    to: Option<CacheSave>,
    cache: &crate::build::BuildCache,
    written: Option<&[crate::output::WrittenFile]>,
    lang: Lang,
) {
    if let Some(CacheSave { dir, key, kind, output, previous }) = to {
        let kept: Vec<crate::output::WrittenFile>;
        let files = match written {
            Some(files) => files,
            None => {
                kept = previous.into_iter().map(|(path, (hash, id))| (path.into(), hash, id)).collect();
                &kept
            }
        };
        if let Err(e) = disk::save(&dir, kind, key, cache, output.as_deref(), files) {
            let said = Said::CacheNotSaved { dir: dir.display().to_string(), error: e.to_string() };
            eprintln!("{}", said.words(lang));
        }
    }
}

pub fn execute(root: &Path, args: Args, lang: Lang) -> Result<ExitCode> {
    let started = Instant::now();
    let say = |said: Said| eprintln!("{}", said.words(lang));
    if !root.is_dir() {
        anyhow::bail!(Said::NoJournalFolder { dir: root.display().to_string() }.words(lang));
    }
    let output = args.output.clone().unwrap_or_else(|| root.join("public"));
    // Refuse a dangerous output folder before doing any work.
    crate::output::check_output_dir(root, &output, lang)?;
    if let Some(dir) = &args.search_export {
        crate::output::check_export_dir(root, &output, dir, lang)?;
    }
    // One build at a time per output: a second one waits, then builds what
    // the journal holds by then.
    let lock = crate::output::OutputLock::acquire(&output, |lock| {
        say(Said::WaitingForBuild { output: output.display().to_string(), lock: lock.display().to_string() });
    })?;
    if !args.quiet {
        say(Said::Building { root: root.display().to_string() });
    }
    let opts = BuildOptions {
        root: root.to_path_buf(),
        drafts: args.drafts,
        base_url: args.base_url.clone(),
        check: false,
        history: None,
        touched: None,
        uncommitted: None,
        skip: None,
        preview: false,
    };
    let mut laps = Instant::now();
    let (mut cache, save_to) = args.cache.load(&opts, Some(&output), disk::Kind::Build, lang)?;
    crate::profile::lap("build cache read", &mut laps);
    let (mut built, skipped) = if args.keep_going {
        build_keep_going(&opts, &mut cache)
    } else {
        (build_cached(&opts, &mut cache), Vec::new())
    };
    crate::diagnostics::format::print_human(&built.diagnostics, lang);
    let Some(mut files) = built.files.take() else {
        say(Said::NothingWritten { output: output.display().to_string() });
        save_cache(save_to, &cache, None, lang);
        return Ok(ExitCode::FAILURE);
    };
    let settings = &built.search_export;
    let in_site = args.search_export.is_none() && !settings.formats.is_empty();
    if in_site {
        use crate::search::export;
        files.extend(export::files(&built.search_docs, settings, &settings.formats, export::SITE_FOLDER));
        files.sort_by(|a, b| a.path.cmp(&b.path));
    }
    let mut laps = Instant::now();
    let previous = save_to.as_ref().map(|s| &s.previous);
    let written = lock.write_linking(root, &files, lang, previous.unwrap_or(&Default::default()))?;
    let removed = written.removed;
    crate::profile::lap("site written", &mut laps);
    save_cache(save_to, &cache, Some(&written.files), lang);
    crate::profile::lap("build cache written", &mut laps);
    // Released before the export's folder is locked: a build holds one lock at a time.
    drop(lock);
    if !args.quiet && !removed.is_empty() {
        let names: Vec<String> = removed.iter().map(|p| p.display().to_string()).collect();
        say(Said::RemovedLeftovers { names: names.join(", ") });
    }
    if !args.quiet && built.drafts_left_out > 0 {
        say(Said::DraftsLeftOut { count: built.drafts_left_out });
    }
    if !args.quiet {
        let t = &built.timings;
        say(Said::Built {
            articles: built.articles,
            files: files.len(),
            output: output.display().to_string(),
            seconds: [started.elapsed(), t.load, t.history, t.markdown, t.render, t.graph, t.search]
                .map(|d| d.as_secs_f64()),
            terms: built.search.terms,
            shards: built.search.shards,
        });
    }
    if in_site && !args.quiet {
        let dir = output.join(crate::search::export::SITE_FOLDER).display().to_string();
        let count = files.iter().filter(|f| f.path.starts_with(crate::search::export::SITE_FOLDER)).count();
        say(Said::SearchExported { documents: built.search_docs.len(), files: count, dir });
    }
    if let Some(dir) = &args.search_export {
        export_into(root, dir, &built, &args, lang)?;
    }
    if !skipped.is_empty() {
        say(Said::FilesLeftOut { count: skipped.len() });
        for s in &skipped {
            eprintln!("  {}", s.display());
        }
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// `--search-export DIR`: the formats `casebook.yaml` names (both when it
/// names none), written into `dir` as a build writes its output: a fresh
/// folder swapped in whole, under the folder's own lock.
fn export_into(root: &Path, dir: &Path, built: &crate::build::Built, args: &Args, lang: Lang) -> Result<()> {
    use crate::search::export;
    let settings = &built.search_export;
    let formats =
        if settings.formats.is_empty() { crate::config::ExportFormat::ALL.to_vec() } else { settings.formats.clone() };
    let files = export::files(&built.search_docs, settings, &formats, "");
    let say = |said: Said| eprintln!("{}", said.words(lang));
    let lock = crate::output::OutputLock::acquire(dir, |lock| {
        say(Said::WaitingForBuild { output: dir.display().to_string(), lock: lock.display().to_string() });
    })?;
    let removed = lock.write(root, &files, lang)?;
    if !args.quiet {
        if !removed.is_empty() {
            let names: Vec<String> = removed.iter().map(|p| p.display().to_string()).collect();
            say(Said::RemovedLeftovers { names: names.join(", ") });
        }
        say(Said::SearchExported {
            documents: built.search_docs.len(),
            files: files.len(),
            dir: dir.display().to_string(),
        });
    }
    Ok(())
}
