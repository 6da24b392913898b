//! Resolves the editors' picks to articles and people, and adds up awards.

use std::collections::BTreeMap;
use std::path::Path;

use crate::content::authors::{Author, Authors};
use crate::content::featured::{cents, format_amount, Award, RawPick, FEATURED_FILE};
use crate::content::Article;
use crate::diagnostics::{Diagnostic, Problem};

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
/// an editor not in data/authors.yaml is an error at that name.
pub fn resolve(raw: &[RawPick], links: &LinkIndex, authors: &Authors) -> (Vec<Pick>, Vec<Diagnostic>) {
    let mut picks = Vec::new();
    let mut diags = Vec::new();
    let rel = Path::new(FEATURED_FILE);
    let mut seen: std::collections::HashMap<(String, usize), usize> = std::collections::HashMap::new();
    for p in raw {
        let article = match links.find(&p.article, "") {
            Ok(i) => i,
            Err(why) => {
                let (line, col) = p.article_at;
                // A pick of an article `build --keep-going` left out: a warning.
                let left_out = why.is_left_out();
                let problem = Problem::PickArticleNotFound { period: p.period.clone(), why };
                diags.push(if left_out {
                    Diagnostic::warning(rel, line, col, problem)
                } else {
                    Diagnostic::error(rel, line, col, problem)
                });
                continue;
            }
        };
        if let Some(first) = seen.insert((p.period.clone(), article), p.line) {
            let (line, col) = p.article_at;
            diags.push(Diagnostic::error(
                rel,
                line,
                col,
                Problem::PickRepeated { period: p.period.clone(), first_line: first },
            ));
            continue;
        }
        let editor = match &p.editor {
            None => {
                diags.push(Diagnostic::error(rel, p.line, 1, Problem::PickNoEditor));
                None
            }
            Some(name) => {
                let a = authors.resolve(name);
                if !a.known {
                    let (line, col) = p.editor_at;
                    diags.push(Diagnostic::error(rel, line, col, Problem::UnknownEditor { name: name.clone() }));
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
    /// article's authors, in cents ([`split`]); a named prize goes to each of them.
    pub award: String,
    pub amount: Option<f64>,
    pub currency: Option<String>,
    pub editor: String,
    /// `amount` in cents, for exact totals.
    #[serde(skip)]
    pub cents: Option<i64>,
}

/// Divides `total` cents among `people` in whole cents: everyone gets the
/// same, and the cents left over go to the first (in the order the article
/// names its authors), so the shares add up to the award exactly. 1000.00
/// among 3: 333.34, 333.33, 333.33.
pub fn split(total: i64, people: usize) -> Vec<i64> {
    let n = people.max(1) as i64;
    let (each, left) = (total / n, total % n);
    (0..people).map(|i| if i == 0 { each + left } else { each }).collect()
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
        let shares = match &p.award {
            Some(Award::Amount { amount, .. }) => split(cents(*amount), people.len()),
            _ => Vec::new(),
        };
        for (n, person) in people.iter().enumerate() {
            let (award, amount, currency, share) = match (&p.award, shares.get(n)) {
                (Some(Award::Amount { currency, .. }), Some(&share)) => {
                    let mine = share as f64 / 100.0;
                    (format!("{} {currency}", format_amount(mine)), Some(mine), Some(currency.clone()), Some(share))
                }
                (Some(Award::Prize(name)), _) => (name.clone(), None, None, None),
                _ => (String::new(), None, None, None),
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
                cents: share,
            });
        }
    }
    rows.sort_by(|a, b| {
        a.period.cmp(&b.period).then_with(|| a.author.cmp(&b.author)).then_with(|| a.article.cmp(&b.article))
    });
    rows
}

/// Money awarded per author and currency (added up in cents), and the named prizes.
pub fn totals(rows: &[RewardRow]) -> BTreeMap<String, (BTreeMap<String, f64>, Vec<String>)> {
    let mut sums: BTreeMap<String, (BTreeMap<String, i64>, Vec<String>)> = BTreeMap::new();
    for r in rows {
        let entry = sums.entry(r.author.clone()).or_default();
        match (r.cents, &r.currency) {
            (Some(cents), Some(currency)) => *entry.0.entry(currency.clone()).or_default() += cents,
            _ if !r.award.is_empty() => entry.1.push(r.award.clone()),
            _ => {}
        }
    }
    let in_units = |money: BTreeMap<String, i64>| money.into_iter().map(|(c, v)| (c, v as f64 / 100.0)).collect();
    sums.into_iter().map(|(author, (money, prizes))| (author, (in_units(money), prizes))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_split_in_cents_adding_up_to_the_award() {
        // 1000 TWD and 100 USD among 3: the cent left over goes to the first author.
        assert_eq!(split(100_000, 3), [33_334, 33_333, 33_333]);
        assert_eq!(split(10_000, 3), [3_334, 3_333, 3_333]);
        assert_eq!(split(50_000, 2), [25_000, 25_000]);
        assert_eq!(split(100, 7), [16, 14, 14, 14, 14, 14, 14]);
        assert_eq!(split(2, 3), [2, 0, 0]);
        assert_eq!(split(500, 1), [500]);
        assert_eq!(split(500, 0), Vec::<i64>::new());
        for (total, n) in [(100_000, 3), (99_999, 7), (1, 2), (123_456_789, 11)] {
            assert_eq!(split(total, n).iter().sum::<i64>(), total);
        }
    }
}
