//! Dates from git for articles written without `date:`: the day of their
//! first commit.

use crate::content::Content;
use crate::diagnostics::{display_path, Diagnostic, Problem};

use super::History;

/// Gives articles without `date:` the date of their first commit; reports
/// those that have neither. Keeps the list newest first.
pub fn apply(content: &mut Content, history: Option<&History>, zone: chrono::FixedOffset) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut missing = Vec::new();
    for (i, a) in content.articles.iter_mut().enumerate() {
        if a.front.date.is_some() {
            continue;
        }
        let first = history.and_then(|h| h.files.get(&display_path(&a.source))).and_then(|h| h.created());
        match first {
            Some(c) => {
                a.date = c.date.with_timezone(&zone);
                std::sync::Arc::make_mut(&mut a.front).date = Some(a.date);
            }
            None => missing.push(i),
        }
    }
    for &i in missing.iter().rev() {
        let a = content.articles.remove(i);
        content.unreadable.insert(crate::urls::content_path(&a.source));
        diags.push(Diagnostic::error(&a.source, 1, 1, Problem::MissingDate));
    }
    crate::content::sort_newest_first(&mut content.articles);
    diags
}
