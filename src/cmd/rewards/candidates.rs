//! `casebook rewards --candidates`: for each period asked for (else the
//! periods a preview shows, [`periods_to_show`]), the articles no one has
//! picked yet, best first, with the reasons, as a table, CSV or JSON.

use std::io::Write;

use anyhow::Result;

use super::table::{cell, Table};
use super::{joined, spreadsheet_safe, Analysed, Args, Format};
use crate::config::i18n::{fill, Strings};
use crate::content::money::group_thousands;
use crate::diagnostics::rewarded::{RewardSaid, CANDIDATE_COLUMNS};
use crate::graph::candidates::{periods_to_show, rank, Candidate, Sources};
use crate::lang::Lang;
use crate::urls::readable_path;

/// The reasons for a candidate in `lang`: `3 則點評、被引用 2 次、1,800 字`.
pub fn reasons(c: &Candidate, lang: Lang) -> Vec<String> {
    let own = Default::default();
    let words = Strings { lang, own: &own };
    c.signals
        .reasons(|key, n| fill(words.counted(key, n as i64).unwrap_or(key), &[("n", &group_thousands(&n.to_string()))]))
}

pub fn write(journal: &Analysed, args: &Args, base: &str, out: &mut impl Write, lang: Lang) -> Result<()> {
    let lengths: Vec<usize> = journal.rendered.iter().map(|r| r.facts.cjk + r.facts.words).collect();
    let src = Sources {
        articles: &journal.content.articles,
        graph: &journal.graph,
        history: journal.history.as_deref(),
        authors: &journal.authors,
        lengths: &lengths,
        timezone: journal.config.timezone,
    };
    let periods = match &args.period {
        Some(p) => vec![p.clone()],
        None => periods_to_show(&src),
    };
    if periods.is_empty() {
        eprintln!("{}", RewardSaid::NothingToRank.words(lang));
    }
    let ranked: Vec<(String, Vec<Candidate>)> = periods.into_iter().map(|p| (p.clone(), rank(&src, &p))).collect();
    let authors =
        |c: &Candidate| journal.graph.article_authors[c.article].iter().map(|a| a.name.clone()).collect::<Vec<_>>();
    let url = |c: &Candidate| format!("{base}{}", readable_path(&journal.content.articles[c.article].path));
    let title = |c: &Candidate| journal.content.articles[c.article].front.title.clone();
    match args.format {
        Format::Table => {
            for (n, (period, list)) in ranked.iter().enumerate() {
                if n > 0 {
                    writeln!(out)?;
                }
                if list.is_empty() {
                    writeln!(out, "{}", RewardSaid::NoCandidates { period: period.clone() }.words(lang))?;
                    continue;
                }
                writeln!(out, "{}", RewardSaid::CandidatesFor { period: period.clone() }.words(lang))?;
                let mut t = Table::default();
                t.row(CANDIDATE_COLUMNS.iter().map(|&c| RewardSaid::CandidateColumn(c).words(lang)).collect());
                t.rule();
                for (rank, c) in list.iter().enumerate() {
                    let reasons = joined(&reasons(c, lang), lang);
                    let cells =
                        [(rank + 1).to_string(), c.score.to_string(), title(c), joined(&authors(c), lang), reasons];
                    t.row(cells.iter().map(|c| cell(c)).collect());
                }
                out.write_all(t.render().as_bytes())?;
            }
        }
        Format::Csv => {
            out.write_all("\u{feff}".as_bytes())?;
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record([
                "period",
                "rank",
                "score",
                "article",
                "url",
                "authors",
                "critiques",
                "backlinks",
                "approvals",
                "revisions",
                "characters",
                "reasons",
            ])?;
            for (period, list) in &ranked {
                for (rank, c) in list.iter().enumerate() {
                    let s = c.signals;
                    let record = [
                        period.clone(),
                        (rank + 1).to_string(),
                        c.score.to_string(),
                        title(c),
                        url(c),
                        authors(c).join("; "),
                        s.critiques.to_string(),
                        s.backlinks.to_string(),
                        s.approvals.to_string(),
                        s.revisions.to_string(),
                        s.characters.to_string(),
                        joined(&reasons(c, lang), lang),
                    ];
                    w.write_record(record.iter().map(|c| spreadsheet_safe(c)))?;
                }
            }
            w.flush()?;
        }
        Format::Json => {
            let json: Vec<serde_json::Value> = ranked
                .iter()
                .map(|(period, list)| {
                    let list: Vec<serde_json::Value> = list
                        .iter()
                        .enumerate()
                        .map(|(rank, c)| {
                            let s = c.signals;
                            serde_json::json!({
                                "rank": rank + 1,
                                "score": c.score,
                                "article": title(c),
                                "url": url(c),
                                "authors": authors(c),
                                "signals": {"critiques": s.critiques, "backlinks": s.backlinks, "approvals": s.approvals, "revisions": s.revisions, "characters": s.characters},
                                "reasons": reasons(c, lang),
                            })
                        })
                        .collect();
                    serde_json::json!({"period": period, "candidates": list})
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)?;
        }
    }
    Ok(())
}
