//! `casebook rewards`: the award list the people who pay the fees need
//! ([`list`]: a table with totals per period, currency and author, or CSV
//! and JSON with everything payroll asks for), and, with `--candidates`,
//! the period's articles no one has picked yet, ranked for the editors
//! ([`candidates`], [`crate::graph::candidates`]).

mod candidates;
mod list;
mod table;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::build::{analyse, Analysed, BuildOptions};
use crate::diagnostics::rewarded::RewardSaid;
use crate::diagnostics::Said;
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    #[arg(long)]
    pub candidates: bool,
}

pub fn execute(root: &Path, args: Args, lang: Lang) -> Result<ExitCode> {
    if let Some(p) = &args.period {
        if !crate::content::featured::valid_period(p) {
            anyhow::bail!(crate::diagnostics::Problem::BadPeriod { period: p.clone() }.message_in(lang));
        }
    }
    if let Some(url) = &args.base_url {
        if !(url.starts_with("http://") || url.starts_with("https://")) || url.contains(char::is_whitespace) {
            anyhow::bail!(RewardSaid::BadBaseUrl { given: url.clone() }.words(lang));
        }
    }
    let journal = analyse(&BuildOptions { root: root.to_path_buf(), ..Default::default() });
    // The picks' problems (and only theirs: the list does not need the
    // articles to be right); warnings, like an editor's own article, too.
    let problems: Vec<_> =
        journal.diagnostics.iter().filter(|d| d.path.to_string_lossy().contains("featured")).cloned().collect();
    if !problems.is_empty() {
        crate::diagnostics::format::print_human(&problems, lang);
    }
    if problems.iter().any(|d| d.is_error()) {
        return Ok(ExitCode::FAILURE);
    }
    let base = base_url(&journal, &args, lang);
    let mut out = std::io::stdout().lock();
    if args.candidates {
        candidates::write(&journal, &args, &base, &mut out, lang)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = list::rows(&journal, args.period.as_deref(), &base);
    match args.format {
        Format::Csv => list::write_csv(&rows, &mut out, lang)?,
        Format::Json => list::write_json(&rows, &mut out)?,
        Format::Table => list::write_table(&rows, &mut out, lang)?,
    }
    if rows.is_empty() {
        eprintln!("{}", Said::NoPicks { period: args.period }.words(lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// The address the list's links start with: `--base-url`, else `base_url`;
/// when that is only a path (`/`), the links are paths, and CSV and JSON
/// say so on the error stream.
fn base_url(journal: &Analysed, args: &Args, lang: Lang) -> String {
    if let Some(url) = &args.base_url {
        return if url.ends_with('/') { url.clone() } else { format!("{url}/") };
    }
    let base = journal.config.base_url.clone();
    if !base.contains("://") && args.format != Format::Table {
        eprintln!("{}", RewardSaid::BaseUrlIsAPath { base_url: base.clone() }.words(lang));
    }
    base
}

/// `cell` made safe for a spreadsheet: text starting with `=`, `+`, `-`,
/// `@` (or a tab or carriage return) would be read as a formula, so it gets
/// a `'` in front, the sign spreadsheets take for "text as written".
fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Items joined the way `lang` lists them.
fn joined(items: &[String], lang: Lang) -> String {
    items.join(if lang == Lang::En { ", " } else { "、" })
}
