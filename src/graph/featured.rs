//! Resolves the editors' picks to articles and people, and adds up awards.

use std::collections::BTreeMap;
use std::path::Path;

use crate::content::authors::{Author, Authors};
use crate::content::featured::{Award, RawPick, FEATURED_FILE};
use crate::content::Article;
use crate::diagnostics::Diagnostic;

use super::links::LinkIndex;

#[derive(Debug, Clone)]
pub struct Pick {
    pub period: String,
    /// Index into the article list.
    pub article: usize,
    pub reason: Option<String>,
    pub award: Option<Award>,
    pub editor: Option<Author>,
}

/// Finds each pick's article and editor; a pick naming a missing article or
/// an editor not in data/authors.yaml is an error at its line.
pub fn resolve(raw: &[RawPick], links: &LinkIndex, authors: &Authors) -> (Vec<Pick>, Vec<Diagnostic>) {
    let mut picks = Vec::new();
    let mut diags = Vec::new();
    let rel = Path::new(FEATURED_FILE);
    let mut seen: std::collections::HashMap<(String, usize), usize> = std::collections::HashMap::new();
    for p in raw {
        let article = match links.find(&p.article, "") {
            Ok(i) => i,
            Err(why) => {
                diags.push(Diagnostic::error(
                    rel,
                    p.line,
                    1,
                    format!("the pick for {} names an article that cannot be found: {why}", p.period),
                ));
                continue;
            }
        };
        if let Some(first) = seen.insert((p.period.clone(), article), p.line) {
            diags.push(Diagnostic::error(
                rel,
                p.line,
                1,
                format!(
                    "this article is already picked for {} on line {first}; keep one pick (an award is paid per pick)",
                    p.period
                ),
            ));
            continue;
        }
        let editor = match &p.editor {
            None => {
                diags.push(Diagnostic::error(
                    rel,
                    p.line,
                    1,
                    "this pick has no `editor:`; write the id of the editor who chose it",
                ));
                None
            }
            Some(name) => {
                let a = authors.resolve(name);
                if !a.known {
                    diags.push(Diagnostic::error(
                        rel,
                        p.line,
                        1,
                        format!("the editor `{name}` is not in data/authors.yaml; use an editor's id from that file"),
                    ));
                }
                Some(a)
            }
        };
        picks.push(Pick {
            period: p.period.clone(),
            article,
            reason: p.reason.clone(),
            award: p.award.clone(),
            editor,
        });
    }
    // Newest period first; within a period, in the order written.
    picks.sort_by(|a, b| b.period.cmp(&a.period));
    (picks, diags)
}

/// One line of the award list: a pick, for one of the article's authors.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RewardRow {
    pub period: String,
    pub author: String,
    pub name: String,
    pub team: String,
    pub article: String,
    pub url: String,
    /// The author's share: a money award is divided equally among the
    /// article's authors; a named prize goes to each of them.
    pub award: String,
    pub amount: Option<f64>,
    pub currency: Option<String>,
    pub editor: String,
}

/// The award list: one row per pick and author, oldest period first.
pub fn reward_rows(
    picks: &[Pick],
    articles: &[Article],
    authors: &Authors,
    article_url: impl Fn(usize) -> String,
) -> Vec<RewardRow> {
    let mut rows = Vec::new();
    for p in picks {
        let a = &articles[p.article];
        let people: Vec<Author> = a.front.authors.iter().map(|n| authors.resolve(n)).collect();
        let share = people.len().max(1) as f64;
        for person in &people {
            let (award, amount, currency) = match &p.award {
                Some(Award::Amount { amount, currency }) => {
                    let mine = (amount / share * 100.0).round() / 100.0;
                    (
                        format!("{} {currency}", crate::content::featured::format_amount(mine)),
                        Some(mine),
                        Some(currency.clone()),
                    )
                }
                Some(Award::Prize(name)) => (name.clone(), None, None),
                None => (String::new(), None, None),
            };
            rows.push(RewardRow {
                period: p.period.clone(),
                author: person.id.clone(),
                name: person.name.clone(),
                team: person.team.clone().unwrap_or_default(),
                article: a.front.title.clone(),
                url: article_url(p.article),
                award,
                amount,
                currency,
                editor: p.editor.as_ref().map(|e| e.name.clone()).unwrap_or_default(),
            });
        }
    }
    rows.sort_by(|a, b| {
        a.period.cmp(&b.period).then_with(|| a.author.cmp(&b.author)).then_with(|| a.article.cmp(&b.article))
    });
    rows
}

/// Money awarded per author and currency, and the named prizes.
pub fn totals(rows: &[RewardRow]) -> BTreeMap<String, (BTreeMap<String, f64>, Vec<String>)> {
    let mut out: BTreeMap<String, (BTreeMap<String, f64>, Vec<String>)> = BTreeMap::new();
    for r in rows {
        let entry = out.entry(r.author.clone()).or_default();
        match (&r.amount, &r.currency) {
            (Some(amount), Some(currency)) => *entry.0.entry(currency.clone()).or_default() += amount,
            _ if !r.award.is_empty() => entry.1.push(r.award.clone()),
            _ => {}
        }
    }
    out
}
