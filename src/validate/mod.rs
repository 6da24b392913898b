//! The rules an article must follow beyond being readable, run by every
//! build after Markdown: customer data ([`pii`]: warnings in `build`, errors
//! in `check`) and, for a pull request (`casebook check`), the sections a
//! case must have and the committed files that are not published
//! ([`files`]). Limiting `check`'s report to changed files or leaving
//! kinds out is the command's ([`crate::cmd::check`]).

pub mod files;
pub mod pii;

use crate::config::{Config, Kind};
use crate::content::Article;
use crate::diagnostics::{CustomerData, Diagnostic, Problem};
use crate::fold::fold;
use crate::markdown::Rendered;

/// Cases missing one of the configured `##` sections.
pub fn case_sections(articles: &[Article], rendered: &[std::sync::Arc<Rendered>], config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (a, r) in articles.iter().zip(rendered) {
        if a.kind != Kind::Case {
            continue;
        }
        // `## 一、背景`, `## 1. 背景`, `### 背景：` and `## 背景（Background）` all count,
        // and a built-in section in any of the three languages (`## 经验教训`, `## Lessons learned`).
        let have: Vec<String> = r.toc.iter().map(|t| fold(t.title.trim())).collect();
        let missing: Vec<&str> = config
            .case_sections
            .iter()
            .filter(|s| {
                let names = crate::config::values::section_names(s);
                !have.iter().any(|h| names.iter().any(|n| h.contains(n.as_str())))
            })
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
