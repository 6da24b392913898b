//! The rules an article must follow beyond being readable, run by every
//! build after Markdown: customer data ([`pii`]: warnings in `build`, errors
//! in `check`) and, for a pull request (`casebook check`), the sections a
//! case must have and the committed files that are not published
//! ([`files`]). Also what `check` needs to limit its report to changed
//! files, and its output for GitHub and tools.

pub mod files;
pub mod pii;

use std::collections::BTreeSet;

use std::path::Path;
use std::process::Command;

use crate::config::{Config, Kind};
use crate::content::Article;
use crate::diagnostics::{display_path, Diagnostic};
use crate::fold::fold;
use crate::markdown::Rendered;

/// Cases missing one of the configured `##` sections.
pub fn case_sections(articles: &[Article], rendered: &[std::sync::Arc<Rendered>], config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (a, r) in articles.iter().zip(rendered) {
        if a.kind != Kind::Case {
            continue;
        }
        // `## 一、背景`, `## 1. 背景`, `### 背景：` and `## 背景（Background）` all count.
        let have: Vec<String> = r.toc.iter().map(|t| fold(t.title.trim())).collect();
        let missing: Vec<&str> = config
            .case_sections
            .iter()
            .filter(|s| !have.iter().any(|h| h.contains(&fold(s))))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            let list = missing.iter().map(|s| format!("`## {s}`")).collect::<Vec<_>>().join(", ");
            out.push(Diagnostic::error(
                &a.source,
                a.body_line,
                1,
                format!(
                    "this case has no {list} {}; a case has the sections {}",
                    if missing.len() == 1 { "section" } else { "sections" },
                    config.case_sections.join("、")
                ),
            ));
        }
    }
    out
}

/// Customer data in an article (front matter and text, as already read):
/// errors for `check`, warnings for `build` (which masks nothing, so the
/// writer sees it). An allow marker written so that it does nothing is a
/// warning at its line in both, with the exact form to write.
pub fn privacy(a: &Article, config: &Config, as_errors: bool) -> Vec<Diagnostic> {
    let custom = custom_patterns(config);
    let mut out = Vec::new();
    // The YAML starts on line 2; the body on `body_line`.
    for (text, first_line, comment) in [(&*a.front_text, 2, ("# ", "")), (&*a.body, a.body_line, ("<!-- ", " -->"))] {
        for m in pii::misspelled_markers(text) {
            let what = if m.meant.ends_with("next-line") { "the next line" } else { "this line" };
            out.push(Diagnostic::warning(
                &a.source,
                m.line + first_line - 1,
                m.col,
                format!(
                    "the allow marker `{}` is not written the way casebook reads it, so {what} is still checked for customer data; write it exactly as {}{}{}",
                    m.written, comment.0, m.meant, comment.1
                ),
            ));
        }
        for f in pii::find(text, &custom) {
            let message = format!(
                "this looks like a customer's {} ({}); remove or mask it, or if it is not customer data add <!-- casebook:allow-pii --> at the end of the line (in the front matter: # casebook:allow-pii)",
                f.label, f.masked
            );
            let line = f.line + first_line - 1;
            out.push(if as_errors {
                Diagnostic::error(&a.source, line, f.col, message)
            } else {
                Diagnostic::warning(&a.source, line, f.col, message)
            });
        }
    }
    out
}

/// The `privacy.patterns` of the config, for [`pii::find`].
pub fn custom_patterns(config: &Config) -> Vec<pii::CustomPattern> {
    config
        .privacy_patterns
        .iter()
        .map(|(name, re)| pii::CustomPattern { name: name.clone(), regex: re.clone() })
        .collect()
}

/// Files changed since `rev` (committed or not, and new files), relative to
/// the journal root.
pub fn changed_files(root: &Path, rev: &str) -> anyhow::Result<BTreeSet<String>> {
    let git = |args: &[&str]| -> anyhow::Result<String> {
        let out = Command::new("git").arg("-C").arg(root).args(args).output()?;
        if !out.status.success() {
            anyhow::bail!(
                "git {} failed: {}; --changed-since needs a git repository and a revision like origin/main",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let prefix = git(&["rev-parse", "--show-prefix"])?.trim().to_string();
    let mut files = BTreeSet::new();
    let diff = git(&["-c", "core.quotepath=off", "diff", "--name-only", "--no-renames", rev, "--", "."])?;
    let untracked =
        git(&["-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard", "--full-name", "--", "."])?;
    for line in diff.lines().chain(untracked.lines()) {
        let rel = line.strip_prefix(&prefix).unwrap_or(line);
        if !rel.is_empty() {
            files.insert(rel.to_string());
        }
    }
    Ok(files)
}

/// Keeps the problems in changed files, and every link that leads nowhere
/// wherever it is written: a renamed or deleted article breaks links in files
/// the pull request did not touch, and since `main` passes `check`, any broken
/// link seen here was caused by the change.
pub fn only_changed(diags: Vec<Diagnostic>, changed: &BTreeSet<String>) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .filter(|d| {
            changed.contains(&display_path(&d.path))
                || d.message.starts_with("broken link")
                || d.message.contains("cannot be found")
        })
        .collect()
}

/// `::error file=...,line=...,col=...::message`, escaped as GitHub wants.
pub fn github_annotation(d: &Diagnostic) -> String {
    let esc = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let prop = |s: &str| esc(s).replace(':', "%3A").replace(',', "%2C");
    let level = if d.is_error() { "error" } else { "warning" };
    let mut props = format!("file={}", prop(&display_path(&d.path)));
    if d.line > 0 {
        props.push_str(&format!(",line={}", d.line));
        if d.col > 0 {
            props.push_str(&format!(",col={}", d.col));
        }
    }
    format!("::{level} {props}::{}", esc(&d.message))
}

/// One JSON object per problem.
pub fn json_line(d: &Diagnostic) -> String {
    serde_json::json!({
        "path": display_path(&d.path),
        "line": d.line,
        "column": d.col,
        "severity": if d.is_error() { "error" } else { "warning" },
        "message": d.message,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_are_escaped() {
        let d = Diagnostic::error("content/cases/a,b.md", 3, 7, "bad: 50%\nsecond line");
        assert_eq!(github_annotation(&d), "::error file=content/cases/a%2Cb.md,line=3,col=7::bad: 50%25%0Asecond line");
        assert_eq!(
            json_line(&d),
            r#"{"column":7,"line":3,"message":"bad: 50%\nsecond line","path":"content/cases/a,b.md","severity":"error"}"#
        );
    }
}
