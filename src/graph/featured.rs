//! Resolves the editors' picks to articles and people, and adds up awards.

use std::collections::BTreeMap;
use std::path::Path;

use crate::content::authors::{Author, Authors};
use crate::content::featured::{Award, RawPick, FEATURED_FILE};
use crate::content::money::Money;
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
/// an editor not in data/authors.yaml is an error at that name, and an
/// editor picking an article they wrote is a warning at the editor.
pub fn resolve(
    raw: &[RawPick],
    links: &LinkIndex,
    authors: &Authors,
    articles: &[Article],
) -> (Vec<Pick>, Vec<Diagnostic>) {
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
        if let Some(e) = editor.as_ref().filter(|e| e.known) {
            let a = &articles[article];
            if a.front.authors.iter().any(|n| authors.resolve(n).id == e.id) {
                let (line, col) = p.editor_at;
                let award = p.award.as_ref().map(Award::describe);
                let problem = Problem::SelfPick { editor: e.name.clone(), article: a.front.title.clone(), award };
                diags.push(Diagnostic::warning(rel, line, col, problem));
            }
        }
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
#[derive(Debug, Clone)]
pub struct RewardRow {
    pub period: String,
    pub author: String,
    /// `staff_id:` in data/authors.yaml, for payroll.
    pub staff_id: Option<String>,
    pub name: String,
    pub team: String,
    pub article: String,
    pub url: String,
    pub reason: String,
    /// The pull requests that brought the article (from git).
    pub pull_requests: Vec<u32>,
    /// Who approved those pull requests (review trailers), each once.
    pub reviewers: Vec<String>,
    /// The author's share of a money award ([`shares`]); `None` for a prize or no award.
    pub share: Option<Money>,
    /// A named prize, which goes to each author.
    pub prize: Option<String>,
    /// The pick's whole award, before it is shared.
    pub whole_award: String,
    pub editor: String,
    pub editor_id: String,
    /// The pick's editor is one of the article's authors (every row of the pick says so).
    pub self_pick: bool,
}

impl RewardRow {
    /// The author's share or prize, as shown: `250 TWD`, `月度最佳心得`.
    pub fn award(&self) -> String {
        match (&self.share, &self.prize) {
            (Some(m), _) => m.to_string(),
            (None, Some(p)) => p.clone(),
            (None, None) => String::new(),
        }
    }
}

/// Divides `total` units among `people` in whole units: everyone gets the
/// same, and the units left over go to the first (in the order the article
/// names its authors), so the shares add up to the award exactly. 1000.00
/// among 3: 333.34, 333.33, 333.33.
pub fn split(total: i64, people: usize) -> Vec<i64> {
    let n = people.max(1) as i64;
    let (each, left) = (total / n, total % n);
    (0..people).map(|i| if i == 0 { each + left } else { each }).collect()
}

/// A money award's shares among `people`, in the units the currency is
/// paid in (cents, or whole New Taiwan dollars: see [`crate::content::money`]).
pub fn shares(award: &Money, people: usize) -> Vec<Money> {
    let step = award.currency_info().paid_step();
    split(award.minor / step, people)
        .into_iter()
        .map(|units| Money { currency: award.currency.clone(), minor: units * step })
        .collect()
}

/// Where an award list's rows come from besides the picks.
pub struct RowSources<'a> {
    pub articles: &'a [Article],
    pub authors: &'a Authors,
    pub history: Option<&'a crate::history::History>,
}

/// The award list: one row per pick and author, oldest period first.
pub fn reward_rows(picks: &[Pick], from: &RowSources, article_url: impl Fn(usize) -> String) -> Vec<RewardRow> {
    let mut rows = Vec::new();
    for p in picks {
        let a = &from.articles[p.article];
        let people: Vec<Author> = a.front.authors.iter().map(|n| from.authors.resolve(n)).collect();
        let split = match &p.award {
            Some(Award::Amount(money)) => shares(money, people.len()),
            _ => Vec::new(),
        };
        let file = from.history.and_then(|h| h.files.get(&crate::diagnostics::display_path(&a.source)));
        let pull_requests = file.map(|f| f.pull_requests.clone()).unwrap_or_default();
        let reviewers = match (from.history, file) {
            (Some(h), Some(f)) => super::reviewers::names(h, &f.reviewers, from.authors),
            _ => Vec::new(),
        };
        let editor_id = p.editor.as_ref().map(|e| e.id.clone()).unwrap_or_default();
        let self_pick = people.iter().any(|a| !editor_id.is_empty() && a.id == editor_id);
        for (n, person) in people.iter().enumerate() {
            let prize = match &p.award {
                Some(Award::Prize(name)) => Some(name.clone()),
                _ => None,
            };
            rows.push(RewardRow {
                period: p.period.clone(),
                author: person.id.clone(),
                staff_id: person.staff_id.clone(),
                name: person.name.clone(),
                team: person.team.clone().unwrap_or_default(),
                article: a.front.title.clone(),
                url: article_url(p.article),
                reason: p.reason.clone().unwrap_or_default(),
                pull_requests: pull_requests.clone(),
                reviewers: reviewers.clone(),
                share: split.get(n).cloned(),
                prize,
                whole_award: p.award.as_ref().map(Award::describe).unwrap_or_default(),
                editor: p.editor.as_ref().map(|e| e.name.clone()).unwrap_or_default(),
                editor_id: editor_id.clone(),
                self_pick,
            });
        }
    }
    rows.sort_by(|a, b| {
        a.period.cmp(&b.period).then_with(|| a.author.cmp(&b.author)).then_with(|| a.article.cmp(&b.article))
    });
    rows
}

/// Money (in minor units, by currency) and named prizes added up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sums {
    pub money: BTreeMap<String, i64>,
    pub prizes: Vec<String>,
}

impl Sums {
    fn add(&mut self, r: &RewardRow) {
        if let Some(m) = &r.share {
            *self.money.entry(m.currency.clone()).or_default() += m.minor;
        }
        if let Some(p) = &r.prize {
            self.prizes.push(p.clone());
        }
    }

    /// The money, one amount per currency, in the order of their codes.
    pub fn amounts(&self) -> Vec<Money> {
        self.money.iter().map(|(c, &minor)| Money { currency: c.clone(), minor }).collect()
    }
}

/// The rows added up by `key` (the author, the period), in the order of the keys.
pub fn totals_by(rows: &[RewardRow], key: impl Fn(&RewardRow) -> &str) -> BTreeMap<String, Sums> {
    let mut sums: BTreeMap<String, Sums> = BTreeMap::new();
    for r in rows {
        sums.entry(key(r).to_string()).or_default().add(r);
    }
    sums
}

/// Everything in `rows` added up.
pub fn total(rows: &[RewardRow]) -> Sums {
    let mut sums = Sums::default();
    rows.iter().for_each(|r| sums.add(r));
    sums
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

    #[test]
    fn new_taiwan_dollars_are_shared_in_whole_dollars() {
        let m = |currency: &str, minor| Money { currency: currency.into(), minor };
        assert_eq!(shares(&m("TWD", 100_000), 3), [m("TWD", 33_400), m("TWD", 33_300), m("TWD", 33_300)]);
        assert_eq!(shares(&m("USD", 10_000), 3), [m("USD", 3_334), m("USD", 3_333), m("USD", 3_333)]);
        assert_eq!(shares(&m("JPY", 1_000), 3), [m("JPY", 334), m("JPY", 333), m("JPY", 333)]);
        assert_eq!(shares(&m("TWD", 100), 2), [m("TWD", 100), m("TWD", 0)]);
    }
}
