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

/// Cases missing one of the configured `##` sections: one problem for each,
/// at the heading that looks like it (`## 處理經過` for `處理過程`), else at
/// the last heading before where it belongs (the sections come in the
/// configured order), naming the headings around that place.
pub fn case_sections(articles: &[Article], rendered: &[std::sync::Arc<Rendered>], config: &Config) -> Vec<Diagnostic> {
    articles.iter().zip(rendered).flat_map(|(a, r)| missing_sections(a, &r.toc, &config.case_sections)).collect()
}

/// The problems of one case whose headings are `toc` (none for an article
/// of another kind).
pub fn missing_sections(a: &Article, toc: &[crate::markdown::TocEntry], sections: &[String]) -> Vec<Diagnostic> {
    if a.kind != Kind::Case {
        return Vec::new();
    }
    // `## 一、背景`, `## 1. 背景`, `### 背景：` and `## 背景（Background）` all count,
    // and a built-in section in any of the three languages (`## 经验教训`, `## Lessons learned`).
    let have: Vec<String> = toc.iter().map(|t| fold(t.title.trim())).collect();
    let names: Vec<Vec<String>> = sections.iter().map(|s| crate::config::values::section_names(s)).collect();
    let found: Vec<Option<usize>> =
        names.iter().map(|names| have.iter().position(|h| names.iter().any(|n| h.contains(n.as_str())))).collect();
    let mut out = Vec::new();
    for (i, section) in sections.iter().enumerate().filter(|(i, _)| found[*i].is_none()) {
        let line_of = |t: &crate::markdown::TocEntry| a.body_line + t.line - 1;
        let problem = |like, after, before| Problem::MissingSections {
            missing: section.clone(),
            like,
            after,
            before,
            all: sections.to_vec(),
        };
        // A heading that is no section and looks like this one: the likely slip.
        let like = (0..toc.len())
            .filter(|t| !found.contains(&Some(*t)))
            .map(|t| (similarity(&have[t], &names[i]), t))
            .filter(|(score, _)| *score >= SIMILAR)
            .max_by(|x, y| x.0.total_cmp(&y.0).then_with(|| y.1.cmp(&x.1)));
        if let Some((_, t)) = like {
            out.push(Diagnostic::error(&a.source, line_of(&toc[t]), 1, problem(Some(as_written(&toc[t])), None, None)));
            continue;
        }
        // It belongs before the next section that is there, else at the end.
        let next = found[i + 1..].iter().flatten().next().copied();
        let last_before = next.unwrap_or(toc.len()).checked_sub(1).map(|t| &toc[t]);
        let before = next.map(|t| as_written(&toc[t]));
        let (line, after) = match last_before {
            Some(t) => (line_of(t), Some(as_written(t))),
            None => (a.body_line, None),
        };
        out.push(Diagnostic::error(&a.source, line, 1, problem(None, after, before)));
    }
    out
}

/// A heading as Markdown writes it: `## 處理過程`.
fn as_written(t: &crate::markdown::TocEntry) -> String {
    format!("{} {}", "#".repeat(usize::from(t.level)), t.title)
}

/// How alike a heading must be to a section's name to be named as the slip.
const SIMILAR: f64 = 0.5;

/// How alike a folded heading is to the closest of a section's names (0 to
/// 1), its numbering (`一、`, `2.`) and closing colon left out.
fn similarity(heading: &str, names: &[String]) -> f64 {
    let bare = heading
        .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十、.．)）(（ ".contains(c))
        .trim_end_matches([':', '：', ' ']);
    names.iter().map(|n| strsim::normalized_levenshtein(bare, n)).fold(0.0, f64::max)
}

/// The example text of each kind's archetype (one that cannot be read is
/// reported by `casebook new`), for [`placeholders_in`].
pub fn placeholder_examples(root: &std::path::Path) -> Vec<(Kind, crate::content::archetypes::Examples)> {
    use crate::content::archetypes::{read, Examples};
    let kinds = [Kind::Case, Kind::Essay, Kind::Response];
    kinds.iter().filter_map(|&k| read(root, k).ok().map(|text| (k, Examples::of(&text)))).collect()
}

/// Example text of the archetypes (`casebook new`) left as it was in one
/// article: errors for `check`, warnings for `build` (the pull request is
/// the gate, as for customer data; a journal whose older articles kept an
/// example summary still builds). Each at its line, quoting the text to
/// replace. Given the archetypes' `examples`.
pub fn placeholders_in(
    a: &Article,
    examples: &[(Kind, crate::content::archetypes::Examples)],
    as_errors: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some((_, examples)) = examples.iter().find(|(k, _)| *k == a.kind) else { return out };
    let mut found = |line: usize, col: usize, text: &str, field: Option<&str>| {
        let problem = Problem::Placeholder { text: cut(text, 24), field: field.map(str::to_string) };
        out.push(if as_errors {
            Diagnostic::error(&a.source, line, col, problem)
        } else {
            Diagnostic::warning(&a.source, line, col, problem)
        });
    };
    if let (Some(example), Some(summary)) = (&examples.summary, &a.front.summary) {
        if summary.trim() == example {
            // The YAML starts on line 2.
            let at = a.front_text.lines().position(|l| l.starts_with("summary:")).map_or(1, |i| i + 2);
            found(at, 1, example, Some("summary"));
        }
    }
    for (i, line) in a.body.lines().enumerate() {
        let trimmed = line.trim();
        if !trimmed.is_empty() && examples.lines.iter().any(|l| l == trimmed) {
            let col = line.chars().take_while(|c| c.is_whitespace()).count() + 1;
            found(a.body_line + i, col, trimmed, None);
        }
    }
    out
}

/// The first `n` characters of `text`, and `…` when there were more.
fn cut(text: &str, n: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(n).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Customer data in an article (front matter and text, as already read):
/// errors for `check`, warnings for `build` (which masks nothing, so the
/// writer sees it). An allow marker written so that it does nothing is a
/// warning at its line in both, with the exact form to write.
pub fn privacy(a: &Article, config: &Config, as_errors: bool) -> Vec<Diagnostic> {
    privacy_and_masks(a, config, as_errors).0
}

/// [`privacy`], and each value found as written with its mask (for the
/// preview of `casebook serve`, which shows pages with the values masked).
pub fn privacy_and_masks(a: &Article, config: &Config, as_errors: bool) -> (Vec<Diagnostic>, Vec<(String, String)>) {
    let custom = custom_patterns(config);
    let mut out = Vec::new();
    let mut masks = Vec::new();
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
        for mut f in pii::find(text, &custom) {
            let line = f.line + first_line - 1;
            let col = f.col;
            masks.push((std::mem::take(&mut f.written), f.masked.clone()));
            let problem = customer_data(f, true);
            out.push(if as_errors {
                Diagnostic::error(&a.source, line, col, problem)
            } else {
                Diagnostic::warning(&a.source, line, col, problem)
            });
        }
    }
    (out, masks)
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
