//! The archetypes `casebook new` makes an article from: the journal's
//! `archetypes/<kind>.md`, or the built-in ones (which `casebook init`
//! writes there), and the example text they hold, which a writer is meant
//! to replace (found left unchanged by [`crate::validate::placeholders_in`]).

use std::path::{Path, PathBuf};

use crate::config::Kind;
use crate::diagnostics::Diagnostic;

pub const CASE: &str = include_str!("../cmd/skeleton/case.md");
pub const ESSAY: &str = include_str!("../cmd/skeleton/essay.md");
pub const RESPONSE: &str = include_str!("../cmd/skeleton/response.md");

/// The built-in archetype for `kind`.
pub fn builtin(kind: Kind) -> &'static str {
    match kind {
        Kind::Case => CASE,
        Kind::Essay => ESSAY,
        Kind::Response => RESPONSE,
    }
}

/// Where the journal keeps its archetype for `kind`, under its root.
pub fn path(kind: Kind) -> PathBuf {
    let name = match kind {
        Kind::Case => "case.md",
        Kind::Essay => "essay.md",
        Kind::Response => "response.md",
    };
    Path::new("archetypes").join(name)
}

/// The journal's archetype for `kind`, or the built-in one when it has none.
pub fn read(root: &Path, kind: Kind) -> Result<String, Diagnostic> {
    let rel = path(kind);
    match crate::paths::read(root, &rel, &crate::limits::Limits::default().article)? {
        Some(bytes) => super::frontmatter::decode(&bytes, &rel),
        None => Ok(builtin(kind).to_string()),
    }
}

/// The example text of an archetype: what `summary:` says (unless it is a
/// `{{…}}` to fill in), and each line of its text that is not blank, a
/// heading, a list's check box or a comment.
#[derive(Debug, Default, Clone, PartialEq, Eq, Hash)]
pub struct Examples {
    pub summary: Option<String>,
    pub lines: Vec<String>,
}

impl Examples {
    pub fn of(archetype: &str) -> Examples {
        let text = archetype.replace("\r\n", "\n");
        let (front, body) = match text.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n")) {
            Some((front, body)) => (front, body),
            None => ("", text.as_str()),
        };
        let summary = front
            .lines()
            .find_map(|l| l.strip_prefix("summary:"))
            .map(|v| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty() && !v.contains("{{"));
        let lines = body
            .lines()
            .map(str::trim)
            .filter(|l| l.chars().count() >= 4 && !l.contains("{{"))
            .filter(|l| !l.starts_with(['#', '<', '-', '*', '|', '>']))
            .map(str::to_string)
            .collect();
        Examples { summary, lines }
    }

    pub fn is_empty(&self) -> bool {
        self.summary.is_none() && self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_examples() {
        let case = Examples::of(CASE);
        assert_eq!(case.summary.as_deref(), Some("一兩句話說明這個案例。"));
        assert_eq!(case.lines.len(), 5, "{:?}", case.lines);
        assert!(case.lines[1].starts_with("你說了什麼"));
        let response = Examples::of(RESPONSE);
        assert_eq!(response.summary, None);
        assert_eq!(response.lines, ["說說你對這個案例的看法：哪裡處理得好，哪裡可以做得更好，換作是你會怎麼做。"]);
        assert_eq!(Examples::of(ESSAY).lines, ["寫下你的工作心得。"]);
    }
}
