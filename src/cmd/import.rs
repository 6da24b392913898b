//! `casebook import`: writes a journal from a Hexo, Hugo, Jekyll or GitBook
//! site or a folder of Markdown notes (the work is in [`crate::import`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::diagnostics::Said;
use crate::import::{self, From};
use crate::lang::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub source: PathBuf,
    pub journal: PathBuf,
    #[arg(long, value_enum)]
    pub from: Option<From>,
    #[arg(long)]
    pub force: bool,
}

/// Runs the import. Refusals before the source is read are in `lang`;
/// from then on messages are in `chosen` (`--lang`, `CASEBOOK_LANG`) if
/// given, else in the source's own language when its settings name one of
/// the three (the language the journal is written with), else in `lang`.
pub fn execute(_root: &Path, args: Args, lang: Lang, chosen: Option<Lang>) -> Result<ExitCode> {
    if !args.source.is_dir() {
        anyhow::bail!(Said::NoSourceFolder { dir: args.source.display().to_string() }.words(lang));
    }
    import::check_folders(&args.source, &args.journal).map_err(|said| anyhow::anyhow!(said.words(lang)))?;
    let from = args.from.unwrap_or_else(|| import::detect(&args.source));
    let (plan, report) = import::plan(&args.source, from)?;
    let lang = chosen.or(report.language).unwrap_or(lang);
    let conflicts = import::conflicts(&plan, &args.journal);
    if !conflicts.is_empty() && !args.force {
        eprintln!("{}", Said::WouldOverwrite { journal: args.journal.display().to_string() }.words(lang));
        for c in &conflicts {
            eprintln!("  {}", c.display());
        }
        eprintln!("{}", Said::NothingImported.words(lang));
        return Ok(ExitCode::FAILURE);
    }
    import::write(&plan, &args.journal, lang)?;
    print!("{}", report.text(from, &args.journal, lang));
    println!("{}", Said::BuildItWith { journal: args.journal.display().to_string() }.words(lang));
    Ok(ExitCode::SUCCESS)
}
