//! `casebook check`: the pull-request gate. Runs every validation without
//! writing a site and prints the problems for people, GitHub or tools.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::process::ExitCode;

use anyhow::Result;

use crate::build::{build_cached, BuildOptions};
use crate::diagnostics::{closest, display_path, format, Diagnostic, Problem, Said};
use crate::incremental::disk;
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Human,
    Github,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    #[arg(long)]
    pub drafts: bool,
    #[arg(long, value_name = "KIND")]
    pub ignore: Vec<String>,
    #[command(flatten)]
    pub cache: super::build::CacheArgs,
}

pub fn execute(root: &Path, args: Args, lang: Lang) -> Result<ExitCode> {
    if !root.is_dir() {
        anyhow::bail!(Said::NoJournalFolder { dir: root.display().to_string() }.words(lang));
    }
    for kind in &args.ignore {
        if !Problem::is_kind_pattern(kind) {
            let suggestion = closest(kind, Problem::ALL_KINDS.iter().copied()).map(str::to_string);
            anyhow::bail!(Said::UnknownIgnoredKind { kind: kind.clone(), suggestion }.words(lang));
        }
    }
    let changed = match &args.changed_since {
        Some(rev) => Some(changed_files(root, rev, lang)?),
        None => None,
    };
    let opts = BuildOptions { root: root.to_path_buf(), drafts: args.drafts, check: true, ..Default::default() };
    let mut laps = std::time::Instant::now();
    let (mut cache, save_to) = args.cache.load(&opts, None, disk::Kind::Check, lang)?;
    crate::profile::lap("build cache read", &mut laps);
    let built = build_cached(&opts, &mut cache);
    let mut laps = std::time::Instant::now();
    super::build::save_cache(save_to, &cache, Some(&[]), lang);
    crate::profile::lap("build cache written", &mut laps);
    let diags = match &changed {
        Some(files) => only_changed(built.diagnostics, files),
        None => built.diagnostics,
    };
    let diags = without_kinds(diags, &args.ignore);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    match args.format {
        Format::Human => {
            format::print_human(&diags, lang);
            if errors == 0 {
                let said = Said::NoProblems { articles: built.articles, warnings: !diags.is_empty() };
                eprintln!("{}", said.words(lang));
            }
        }
        Format::Github => diags.iter().for_each(|d| println!("{}", format::github_annotation(d, lang))),
        Format::Json => diags.iter().for_each(|d| println!("{}", format::json_line(d, lang))),
    }
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Files changed since `rev` (committed or not, and new files), relative to
/// the journal root.
fn changed_files(root: &Path, rev: &str, lang: Lang) -> anyhow::Result<BTreeSet<String>> {
    let git = |args: &[&str]| -> anyhow::Result<String> {
        let out = Command::new("git").arg("-C").arg(root).args(args).output()?;
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
            anyhow::bail!(Said::GitFailed { args: args.join(" "), stderr }.words(lang));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let prefix = git(&["rev-parse", "--show-prefix"])?.trim().to_string();
    let mut files = BTreeSet::new();
    let diff = git(&["-c", "core.quotepath=off", "diff", "--name-only", "--no-renames", rev, "--", "."])?;
    let untracked =
        git(&["-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard", "--full-name", "--", "."])?;
    for line in diff.lines().chain(untracked.lines()) {
        let rel = line.strip_prefix(&prefix).unwrap_or(line);
        if !rel.is_empty() {
            files.insert(rel.to_string());
        }
    }
    Ok(files)
}

/// Keeps the problems in changed files, and every link that leads nowhere
/// wherever it is written (see [`Problem::leads_nowhere`]): a renamed or
/// deleted article breaks links in files the pull request did not touch,
/// and since `main` passes `check`, any broken link seen here was caused by
/// the change.
fn only_changed(diags: Vec<Diagnostic>, changed: &BTreeSet<String>) -> Vec<Diagnostic> {
    diags.into_iter().filter(|d| changed.contains(&display_path(&d.path)) || d.problem.leads_nowhere()).collect()
}

/// Leaves out the problems whose kind is one of `ignored`: a whole kind
/// (`link/broken`) or a group ending in `/` (`privacy/`).
fn without_kinds(diags: Vec<Diagnostic>, ignored: &[String]) -> Vec<Diagnostic> {
    diags.into_iter().filter(|d| !ignored.iter().any(|k| crate::diagnostics::kind_matches(d.kind(), k))).collect()
}
