//! Help for editors choosing the picks of a period: the period's articles
//! no one has picked yet, ranked by what the journal already knows of them,
//! each with its reasons (`3 則點評、被引用 2 次、2 位審閱者核准、修訂 4 次、1,800 字`).
//!
//! The signals, and what each is worth in the score:
//!
//! | signal | from | points |
//! |---|---|---|
//! | critiques (點評) answering it | `responds_to:` of other articles | 3 each |
//! | articles linking to it | links in their text (its critiques not counted again) | 2 each |
//! | reviewers who approved it | `Reviewed-by:`/`Approved-by:` trailers, its authors left out | 2 each |
//! | revisions | the commits that changed its file | 1 for each after the first, at most 5 |
//! | length | characters (Chinese) and words (other scripts) | 1 per 600, at most 4 |
//!
//! Critiques weigh most: they are colleagues who read the case and
//! answered it. Revisions and length are capped so that a long or much
//! edited article does not win on that alone. Ties go to the longer
//! article, then to the path, so the order is the same on every run.
//!
//! Candidates are the published cases and essays dated in the period
//! (`2026-11` or `2026-Q4`, in the journal's time zone) that are not picked
//! in any period; drafts and critiques are not candidates.

use crate::config::Kind;
use crate::content::authors::Authors;
use crate::content::Article;
use crate::history::History;

use super::Graph;

/// What the journal knows of an article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signals {
    pub critiques: usize,
    pub backlinks: usize,
    pub approvals: usize,
    pub revisions: usize,
    pub characters: usize,
}

impl Signals {
    /// The score of the table in the module's comment.
    pub fn score(&self) -> usize {
        3 * self.critiques
            + 2 * self.backlinks
            + 2 * self.approvals
            + self.revisions.saturating_sub(1).min(5)
            + (self.characters / 600).min(4)
    }

    /// The reasons, each a word of the interface (`candidate_critiques`…)
    /// given its count by `word`; signals of 0 (and a single commit) are
    /// left out, the length never.
    pub fn reasons(&self, word: impl Fn(&str, usize) -> String) -> Vec<String> {
        let mut out = Vec::new();
        // One commit is the article written, not revised.
        let revisions = if self.revisions > 1 { self.revisions } else { 0 };
        for (key, n) in [
            ("candidate_critiques", self.critiques),
            ("candidate_backlinks", self.backlinks),
            ("candidate_approvals", self.approvals),
            ("candidate_revisions", revisions),
        ] {
            if n > 0 {
                out.push(word(key, n));
            }
        }
        out.push(word("candidate_characters", self.characters));
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Index into the article list.
    pub article: usize,
    pub score: usize,
    pub signals: Signals,
}

/// What the ranking reads.
pub struct Sources<'a> {
    pub articles: &'a [Article],
    pub graph: &'a Graph,
    pub history: Option<&'a History>,
    pub authors: &'a Authors,
    /// Per article: its length in characters and words.
    pub lengths: &'a [usize],
    pub timezone: chrono::FixedOffset,
}

/// The period (`2026-11`, or `2026-Q4` when `quarters`) an article's date is in.
pub fn period_of(a: &Article, timezone: chrono::FixedOffset, quarters: bool) -> String {
    use chrono::Datelike;
    let d = a.date.with_timezone(&timezone);
    if quarters {
        format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
    } else {
        format!("{}-{:02}", d.year(), d.month())
    }
}

fn is_quarter(period: &str) -> bool {
    period.as_bytes().get(5) == Some(&b'Q')
}

/// Whether article `i` could be picked: published, a case or essay, never picked.
fn eligible(src: &Sources, i: usize) -> bool {
    let a = &src.articles[i];
    !a.front.draft && a.kind != Kind::Response && src.graph.picks_of[i].is_empty()
}

/// What the journal knows of article `i`.
pub fn signals(src: &Sources, i: usize) -> Signals {
    let g = src.graph;
    let critiques = g.responses[i].len();
    let backlinks = g.backlinks.get(i).map_or(0, |links| {
        let mut from: Vec<usize> =
            links.iter().map(|b| b.from).filter(|&f| f != i && g.responds_to[f] != Some(i)).collect();
        from.sort_unstable();
        from.dedup();
        from.len()
    });
    let file = src.history.and_then(|h| h.files.get(&crate::diagnostics::display_path(&src.articles[i].source)));
    let approvals = match (src.history, file) {
        (Some(h), Some(f)) => {
            let own: Vec<&str> = g.article_authors[i].iter().map(|a| a.name.as_str()).collect();
            super::reviewers::names(h, &f.reviewers, src.authors).iter().filter(|n| !own.contains(&n.as_str())).count()
        }
        _ => 0,
    };
    Signals {
        critiques,
        backlinks,
        approvals,
        revisions: file.map_or(0, |f| f.commits.len()),
        characters: src.lengths.get(i).copied().unwrap_or(0),
    }
}

/// The unpicked articles of `period`, best first.
pub fn rank(src: &Sources, period: &str) -> Vec<Candidate> {
    let quarters = is_quarter(period);
    let mut out: Vec<Candidate> = (0..src.articles.len())
        .filter(|&i| eligible(src, i) && period_of(&src.articles[i], src.timezone, quarters) == period)
        .map(|i| {
            let signals = signals(src, i);
            Candidate { article: i, score: signals.score(), signals }
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| b.signals.characters.cmp(&a.signals.characters))
            .then_with(|| src.articles[a.article].path.cmp(&src.articles[b.article].path))
    });
    out
}

/// The periods a preview shows candidates for, newest first: those of the
/// articles that could be picked, not older than the newest period already
/// picked (whose picks may not be finished), at most 3; with no picks yet,
/// the newest period only. Months, or quarters when the newest picks are
/// by quarter.
pub fn periods_to_show(src: &Sources) -> Vec<String> {
    let newest_pick = src.graph.picks.iter().map(|p| p.period.as_str()).max();
    let quarters = newest_pick.is_some_and(is_quarter);
    let mut periods: Vec<String> = (0..src.articles.len())
        .filter(|&i| eligible(src, i))
        .map(|i| period_of(&src.articles[i], src.timezone, quarters))
        .collect();
    periods.sort_unstable_by(|a, b| b.cmp(a));
    periods.dedup();
    match newest_pick {
        Some(picked) => periods.into_iter().filter(|p| p.as_str() >= picked).take(3).collect(),
        None => periods.into_iter().take(1).collect(),
    }
}
