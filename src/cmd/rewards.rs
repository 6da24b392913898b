//! `casebook rewards`: the award list the people who pay the fees need.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::build::{load, BuildOptions};
use crate::diagnostics::Said;
use crate::graph::featured::{resolve, reward_rows, totals, RewardRow};
use crate::graph::links::LinkIndex;
use crate::lang::Lang;
use crate::urls::encode_path;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
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
}

pub fn execute(root: &Path, args: Args, lang: Lang) -> Result<ExitCode> {
    if let Some(p) = &args.period {
        if !crate::content::featured::valid_period(p) {
            anyhow::bail!(crate::diagnostics::Problem::BadPeriod { period: p.clone() }.message_in(lang));
        }
    }
    let (journal, diags) = load(root, &BuildOptions { root: root.to_path_buf(), ..Default::default() });
    // Picks name articles, not headings: no heading ids are needed.
    let none = std::sync::Arc::new(Vec::new());
    let heading_ids: Vec<_> = journal.content.articles.iter().map(|_| std::sync::Arc::clone(&none)).collect();
    let links = LinkIndex::new(&journal.content, &journal.config, &heading_ids);
    let (picks, pick_diags) = resolve(&journal.picks, &links, &journal.authors);
    let problems: Vec<_> = diags
        .into_sorted()
        .into_iter()
        .chain(pick_diags)
        .filter(|d| d.is_error() && d.path.to_string_lossy().contains("featured"))
        .collect();
    if !problems.is_empty() {
        crate::diagnostics::format::print_human(&problems, lang);
        return Ok(ExitCode::FAILURE);
    }
    let picks: Vec<_> =
        picks.into_iter().filter(|p| args.period.as_ref().is_none_or(|want| &p.period == want)).collect();
    let base = &journal.config.base_url;
    let rows = reward_rows(&picks, &journal.content.articles, &journal.authors, |i| {
        format!("{base}{}", encode_path(&journal.content.articles[i].path))
    });
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Csv => write_csv(&rows, &mut out, lang)?,
        Format::Json => {
            let totals: Vec<_> = totals(&rows)
                .into_iter()
                .map(
                    |(author, (money, prizes))| serde_json::json!({"author": author, "money": money, "prizes": prizes}),
                )
                .collect();
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({"rows": rows, "totals": totals}))?;
            writeln!(out)?;
        }
        Format::Table => write_table(&rows, &mut out, lang)?,
    }
    if rows.is_empty() {
        eprintln!("{}", Said::NoPicks { period: args.period }.words(lang));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_csv(rows: &[RewardRow], out: &mut impl Write, lang: Lang) -> Result<()> {
    // A byte-order mark, so that Excel opens the Chinese text as UTF-8.
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["period", "author", "name", "team", "article", "url", "award", "amount", "currency", "editor"])?;
    for r in rows {
        let amount = r.amount.map(crate::content::featured::format_amount).unwrap_or_default();
        w.write_record([
            &r.period,
            &r.author,
            &r.name,
            &r.team,
            &r.article,
            &r.url,
            &r.award,
            &amount,
            r.currency.as_deref().unwrap_or(""),
            &r.editor,
        ])?;
    }
    w.flush().context(Said::CouldNotWriteList.words(lang))?;
    Ok(())
}

fn write_table(rows: &[RewardRow], out: &mut impl Write, lang: Lang) -> Result<()> {
    for r in rows {
        let who = Said::RewardAuthor { name: r.name.clone(), author: r.author.clone(), team: Some(r.team.clone()) };
        let editor = Said::RewardEditor { editor: r.editor.clone() };
        writeln!(out, "{}  {}  {}  {}  {}", r.period, who.words(lang), r.article, r.award, editor.words(lang))?;
    }
    let totals = totals(rows);
    if !totals.is_empty() {
        writeln!(out, "\n{}", Said::RewardTotals.words(lang))?;
    }
    for (author, (money, prizes)) in totals {
        let name = rows.iter().find(|r| r.author == author).map(|r| r.name.clone()).unwrap_or_default();
        let mut parts: Vec<String> =
            money.iter().map(|(c, v)| format!("{} {c}", crate::content::featured::format_amount(*v))).collect();
        parts.extend(prizes);
        let who = Said::RewardAuthor { name, author, team: None };
        let list = if lang == Lang::En { parts.join(", ") } else { parts.join("、") };
        writeln!(out, "{}  {list}", who.words(lang))?;
    }
    Ok(())
}
