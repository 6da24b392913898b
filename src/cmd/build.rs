//! `casebook build`: builds the site and swaps it into the output folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;

use crate::build::{build, build_keep_going, BuildOptions};
use crate::diagnostics::Said;
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
    let (built, skipped) = if args.keep_going { build_keep_going(&opts) } else { (build(&opts), Vec::new()) };
    crate::diagnostics::format::print_human(&built.diagnostics, lang);
    let Some(files) = built.files else {
        say(Said::NothingWritten { output: output.display().to_string() });
        return Ok(ExitCode::FAILURE);
    };
    let removed = lock.write(root, &files, lang)?;
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
    if !skipped.is_empty() {
        say(Said::FilesLeftOut { count: skipped.len() });
        for s in &skipped {
            eprintln!("  {}", s.display());
        }
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
