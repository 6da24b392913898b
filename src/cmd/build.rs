//! `casebook build`: builds the site and swaps it into the output folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;

use crate::build::{build, build_keep_going, BuildOptions};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the site (default: public/ inside the journal).
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Include articles marked `draft: true` (for previews).
    #[arg(long)]
    pub drafts: bool,
    /// Use this address instead of base_url from casebook.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Write the site from every article that is valid, leaving out the
    /// articles and files with errors (listed); still exits with failure. For the first build
    /// of a journal brought in from elsewhere.
    #[arg(long)]
    pub keep_going: bool,
    /// Print nothing but problems.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn execute(root: &Path, args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    if !root.is_dir() {
        anyhow::bail!("the journal folder {} does not exist; give the right one with --root", root.display());
    }
    let output = args.output.clone().unwrap_or_else(|| root.join("public"));
    // Refuse a dangerous output folder before doing any work.
    crate::output::check_output_dir(root, &output)?;
    // One build at a time per output: a second one waits, then builds what
    // the journal holds by then.
    let lock = crate::output::OutputLock::acquire(&output, |lock| {
        eprintln!(
            "Another casebook build is writing into {}; waiting for it to finish (it holds {}) …",
            output.display(),
            lock.display()
        );
    })?;
    if !args.quiet {
        eprintln!("Building the journal in {} …", root.display());
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
    };
    let (built, skipped) = if args.keep_going { build_keep_going(&opts) } else { (build(&opts), Vec::new()) };
    crate::diagnostics::format::print_human(&built.diagnostics);
    let Some(files) = built.files else {
        eprintln!("Nothing was written; {} is unchanged.", output.display());
        return Ok(ExitCode::FAILURE);
    };
    let removed = lock.write(root, &files)?;
    if !args.quiet && !removed.is_empty() {
        let names: Vec<String> = removed.iter().map(|p| p.display().to_string()).collect();
        eprintln!("Removed what stopped builds had left beside the output: {}", names.join(", "));
    }
    if !args.quiet && built.drafts_left_out > 0 {
        eprintln!("{} draft(s) left out; build with --drafts to include them.", built.drafts_left_out);
    }
    if !args.quiet {
        let t = &built.timings;
        eprintln!(
            "Built {} articles into {} files in {} in {:.2} s (reading {:.2} s, git history {:.2} s, Markdown {:.2} s, pages {:.2} s, of which links and related {:.2} s and search index {:.2} s: {} terms in {} shards).",
            built.articles,
            files.len(),
            output.display(),
            started.elapsed().as_secs_f64(),
            t.load.as_secs_f64(),
            t.history.as_secs_f64(),
            t.markdown.as_secs_f64(),
            t.render.as_secs_f64(),
            t.graph.as_secs_f64(),
            t.search.as_secs_f64(),
            built.search.terms,
            built.search.shards
        );
    }
    if !skipped.is_empty() {
        eprintln!("{} file(s) with errors were left out of the site:", skipped.len());
        for s in &skipped {
            eprintln!("  {}", s.display());
        }
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
