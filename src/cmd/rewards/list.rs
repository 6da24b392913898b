//! The award list in its three forms. Money is shown as the currency is
//! paid (`334 TWD`, `33.34 USD`: see [`crate::content::money`]); JSON
//! carries it as whole ISO minor units (`33400` with `minor_unit: 2`).

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{Context, Result};

use super::table::{cell, Table};
use super::{joined, spreadsheet_safe, Analysed};
use crate::content::money::{Currency, Money};
use crate::diagnostics::rewarded::{RewardSaid, AWARD_COLUMNS};
use crate::diagnostics::Said;
use crate::graph::featured::{reward_rows, total, totals_by, RewardRow, RowSources, Sums};
use crate::lang::Lang;
use crate::urls::readable_path;

/// The rows of `period` (every period when `None`), with addresses under `base`.
pub fn rows(journal: &Analysed, period: Option<&str>, base: &str) -> Vec<RewardRow> {
    let picks: Vec<_> =
        journal.graph.picks.iter().filter(|p| period.is_none_or(|want| p.period == want)).cloned().collect();
    let from = RowSources {
        articles: &journal.content.articles,
        authors: &journal.authors,
        history: journal.history.as_deref(),
    };
    reward_rows(&picks, &from, |i| format!("{base}{}", readable_path(&journal.content.articles[i].path)))
}

pub const CSV_COLUMNS: [&str; 16] = [
    "period",
    "author",
    "staff_id",
    "name",
    "team",
    "article",
    "url",
    "reason",
    "pull_requests",
    "reviewers",
    "award",
    "amount",
    "currency",
    "whole_award",
    "editor",
    "self_pick",
];

pub fn write_csv(rows: &[RewardRow], out: &mut impl Write, lang: Lang) -> Result<()> {
    // A byte-order mark, so that Excel opens the Chinese text as UTF-8.
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    for r in rows {
        let prs: Vec<String> = r.pull_requests.iter().map(|n| format!("#{n}")).collect();
        let record = [
            r.period.clone(),
            r.author.clone(),
            r.staff_id.clone().unwrap_or_default(),
            r.name.clone(),
            r.team.clone(),
            r.article.clone(),
            r.url.clone(),
            r.reason.clone(),
            prs.join(" "),
            r.reviewers.join("; "),
            r.award(),
            r.share.as_ref().map(Money::amount).unwrap_or_default(),
            r.share.as_ref().map(|m| m.currency.clone()).unwrap_or_default(),
            r.whole_award.clone(),
            r.editor.clone(),
            if r.self_pick { "yes".to_string() } else { String::new() },
        ];
        w.write_record(record.iter().map(|c| spreadsheet_safe(c)))?;
    }
    w.flush().context(Said::CouldNotWriteList.words(lang))?;
    Ok(())
}

/// Money by currency, in minor units.
fn money_json(sums: &Sums) -> serde_json::Value {
    serde_json::json!(sums.money)
}

pub fn write_json(rows: &[RewardRow], out: &mut impl Write) -> Result<()> {
    let mut currencies = BTreeMap::new();
    let list: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            if let Some(c) = r.share.as_ref().and_then(|m| Currency::of(&m.currency)) {
                currencies.insert(
                    c.code.clone(),
                    serde_json::json!({"minor_unit": c.minor_digits, "paid_digits": c.paid_digits}),
                );
            }
            serde_json::json!({
                "period": r.period,
                "author": r.author,
                "staff_id": r.staff_id,
                "name": r.name,
                "team": r.team,
                "article": r.article,
                "url": r.url,
                "reason": r.reason,
                "pull_requests": r.pull_requests,
                "reviewers": r.reviewers,
                "award": r.award(),
                "amount_minor": r.share.as_ref().map(|m| m.minor),
                "currency": r.share.as_ref().map(|m| &m.currency),
                "prize": r.prize,
                "whole_award": r.whole_award,
                "editor": r.editor,
                "editor_id": r.editor_id,
                "self_pick": r.self_pick,
            })
        })
        .collect();
    let periods: Vec<serde_json::Value> = totals_by(rows, |r| &r.period)
        .iter()
        .map(|(period, s)| serde_json::json!({"period": period, "money": money_json(s), "prizes": s.prizes}))
        .collect();
    let authors: Vec<serde_json::Value> = totals_by(rows, |r| &r.author)
        .iter()
        .map(|(author, s)| {
            let row = rows.iter().find(|r| &r.author == author);
            serde_json::json!({
                "author": author,
                "staff_id": row.and_then(|r| r.staff_id.clone()),
                "name": row.map(|r| r.name.clone()),
                "money": money_json(s),
                "prizes": s.prizes,
            })
        })
        .collect();
    let all = total(rows);
    let json = serde_json::json!({
        "currencies": currencies,
        "rows": list,
        "periods": periods,
        "totals": authors,
        "total": {"money": money_json(&all), "prizes": all.prizes},
    });
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)?;
    Ok(())
}

/// Money and prizes in a total: `1,300 TWD、1 項獎品`; the prizes by name when `named`.
fn sums_text(s: &Sums, named: bool, lang: Lang) -> String {
    let mut parts: Vec<String> = s.amounts().iter().map(|m| format!("{} {}", m.amount_grouped(), m.currency)).collect();
    if named {
        parts.extend(s.prizes.iter().map(|p| cell(p)));
    } else if !s.prizes.is_empty() {
        parts.push(RewardSaid::Prizes { count: s.prizes.len() }.words(lang));
    }
    joined(&parts, lang)
}

pub fn write_table(rows: &[RewardRow], out: &mut impl Write, lang: Lang) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut t = Table::default();
    t.row(AWARD_COLUMNS.iter().map(|&c| RewardSaid::Column(c).words(lang)).collect());
    t.rule();
    let periods = totals_by(rows, |r| &r.period);
    for (period, sums) in &periods {
        for r in rows.iter().filter(|r| &r.period == period) {
            let who = Said::RewardAuthor { name: r.name.clone(), author: r.author.clone(), team: None };
            let award = match &r.share {
                Some(m) => format!("{} {}", m.amount_grouped(), m.currency),
                None => r.award(),
            };
            let cells = [r.period.clone(), who.words(lang), r.team.clone(), r.article.clone(), award, r.editor.clone()];
            t.row(cells.iter().map(|c| cell(c)).collect());
        }
        let label = RewardSaid::PeriodTotal { period: period.clone() }.words(lang);
        t.row(vec![String::new(), label, String::new(), String::new(), sums_text(sums, false, lang)]);
    }
    if periods.len() > 1 {
        t.rule();
        let label = RewardSaid::GrandTotal.words(lang);
        t.row(vec![String::new(), label, String::new(), String::new(), sums_text(&total(rows), false, lang)]);
    }
    out.write_all(t.render().as_bytes())?;
    writeln!(out, "\n{}", RewardSaid::PerAuthor.words(lang))?;
    let mut people = Table::default();
    for (author, sums) in totals_by(rows, |r| &r.author) {
        let name = rows.iter().find(|r| r.author == author).map(|r| r.name.clone()).unwrap_or_default();
        let who = Said::RewardAuthor { name, author, team: None };
        people.row(vec![cell(&who.words(lang)), sums_text(&sums, true, lang)]);
    }
    out.write_all(people.render().as_bytes())?;
    Ok(())
}
