//! Problems found in a journal, reported the way a writer can act on them.
//!
//! Every stage returns `Diagnostic`s instead of stopping at the first problem;
//! the command decides the exit status once everything has been looked at.
//! Paths are relative to the journal root and lines/columns are 1-based in the
//! coordinates of the whole file, so `content/cases/退貨.md:3:8` opens the right
//! spot in any editor.

pub mod catalogue;
pub mod console;
pub mod english;
pub mod format;
pub mod imported;
mod hans;
mod hant;
pub mod problem;
pub mod rewarded;
pub mod values;

use std::path::{Path, PathBuf};

use crate::lang::Lang;

pub use console::Said;
pub use english::{describe, describe_link};
pub use problem::{kind_matches, Problem};
pub use values::{
    CustomerData, DateError, Found, LinkProblem, LinkTarget, MoneyAmbiguity, NotOpened, PageOf, PathProblem,
    SvgContent, Wanted,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based, counted in characters; 0 when unknown.
    pub col: usize,
    pub severity: Severity,
    /// Boxed: a problem is large and rare, a diagnostic is passed around a lot.
    pub problem: Box<Problem>,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, line: usize, col: usize, problem: impl Into<Box<Problem>>) -> Self {
        Diagnostic { path: path.into(), line, col, severity: Severity::Error, problem: problem.into() }
    }

    pub fn warning(path: impl Into<PathBuf>, line: usize, col: usize, problem: impl Into<Box<Problem>>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, line, col, problem) }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stable name of the problem, like `front-matter/missing-title`.
    pub fn kind(&self) -> &'static str {
        self.problem.kind()
    }

    /// What is wrong and what to change, in plain words in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.problem.message_in(lang)
    }

    /// The English words (see [`Problem::message`]).
    pub fn message(&self) -> String {
        self.problem.message()
    }
}

/// Paths are shown with `/` on every platform, as writers see them in git.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A bag of diagnostics collected over a whole run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Whether every error is in a file for which `place` holds.
    pub fn errors_only_in(&self, place: impl Fn(&Path) -> bool) -> bool {
        self.items.iter().filter(|d| d.is_error()).all(|d| place(&d.path))
    }

    /// Sorted by file, then position (then severity and words), so the
    /// report reads top to bottom and is the same on every run; two
    /// problems with the same place and words are reported once. The
    /// English words order them, so the order is the same in every language.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        // Each message is made once, not at every comparison.
        let mut keyed: Vec<(String, Diagnostic)> = self.items.into_iter().map(|d| (d.message(), d)).collect();
        fn key((message, d): &(String, Diagnostic)) -> (&PathBuf, usize, usize, Severity, &String) {
            (&d.path, d.line, d.col, d.severity, message)
        }
        keyed.sort_by(|a, b| key(a).cmp(&key(b)));
        keyed.dedup_by(|b, a| key(a) == key(b));
        keyed.into_iter().map(|(_, d)| d).collect()
    }
}

/// The 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, byte_offset: usize) -> (usize, usize) {
    let before = &text[..byte_offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The closest of `candidates` to `wrong`, if one is close enough to be a
/// plausible typo. Used for "did you mean" hints everywhere.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_l = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_levenshtein(&wrong_l, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.4)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_languages;
