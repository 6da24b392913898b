//! The rules an article must follow beyond being readable, run by every
//! build after Markdown: customer data ([`pii`]: warnings in `build`, errors
//! in `check`) and, for a pull request (`casebook check`), the sections a
//! case must have and the committed files that are not published
//! ([`files`]). Also what `check` needs to limit its report to changed
//! files or leave kinds out (the output formats are in
//! [`crate::diagnostics::format`]).

pub mod files;
pub mod pii;

use std::collections::BTreeSet;

use std::path::Path;
use std::process::Command;

use crate::config::{Config, Kind};
use crate::content::Article;
use crate::diagnostics::{display_path, CustomerData, Diagnostic, Problem};
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
            let missing = missing.into_iter().map(str::to_string).collect();
            let all = config.case_sections.clone();
            out.push(Diagnostic::error(&a.source, a.body_line, 1, Problem::MissingSections { missing, all }));
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
    for (text, first_line, in_front_matter) in [(&*a.front_text, 2, true), (&*a.body, a.body_line, false)] {
        for m in pii::misspelled_markers(text) {
            out.push(Diagnostic::warning(
                &a.source,
                m.line + first_line - 1,
                m.col,
                Problem::MisspelledAllowMarker { written: m.written, meant: m.meant.to_string(), in_front_matter },
            ));
        }
        for f in pii::find(text, &custom) {
            let line = f.line + first_line - 1;
            let col = f.col;
            let problem = customer_data(f, true);
            out.push(if as_errors {
                Diagnostic::error(&a.source, line, col, problem)
            } else {
                Diagnostic::warning(&a.source, line, col, problem)
            });
        }
    }
    out
}

/// The problem of customer data found in an article (`markdown`) or
/// another text file.
pub fn customer_data(f: pii::Finding, markdown: bool) -> Problem {
    let data = match f.kind {
        pii::PiiKind::MobilePhone => CustomerData::MobilePhone,
        pii::PiiKind::Landline => CustomerData::Landline,
        pii::PiiKind::Email => CustomerData::Email,
        pii::PiiKind::ResidentId => CustomerData::ResidentId,
        pii::PiiKind::BankCard => CustomerData::BankCard,
        pii::PiiKind::Custom => CustomerData::Custom(f.pattern.unwrap_or_default()),
    };
    Problem::CustomerData { data, masked: f.masked, markdown }
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
/// wherever it is written (see [`Problem::leads_nowhere`]): a renamed or
/// deleted article breaks links in files the pull request did not touch,
/// and since `main` passes `check`, any broken link seen here was caused by
/// the change.
pub fn only_changed(diags: Vec<Diagnostic>, changed: &BTreeSet<String>) -> Vec<Diagnostic> {
    diags.into_iter().filter(|d| changed.contains(&display_path(&d.path)) || d.problem.leads_nowhere()).collect()
}

/// Leaves out the problems whose kind is one of `ignored`: a whole kind
/// (`link/broken`) or a group ending in `/` (`privacy/`).
pub fn without_kinds(diags: Vec<Diagnostic>, ignored: &[String]) -> Vec<Diagnostic> {
    diags.into_iter().filter(|d| !ignored.iter().any(|k| crate::diagnostics::kind_matches(d.kind(), k))).collect()
}
