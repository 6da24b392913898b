//! The theme's templates: loading them into Tera, the key of each
//! template's family (what it extends, includes or imports), and Tera's
//! errors turned into diagnostics on a template's file and line.

use std::collections::HashMap;
use std::path::PathBuf;

use tera::Tera;

use super::theme::Theme;
use crate::diagnostics::{Diagnostic, PageOf, Problem};
use crate::markdown;

/// Loads the templates, with the interface's words of `config` (see
/// [`super::words`]); every template that does not parse is reported.
pub fn templates(theme: &Theme, config: &crate::config::Config) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    super::words::register(&mut tera, config);
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(markdown::escape);
    let list: Vec<(&str, &str)> = theme.templates.iter().map(|(n, t)| (n.as_str(), t.text.as_str())).collect();
    match tera.add_raw_templates(list) {
        Ok(()) => Ok(tera),
        Err(e) => Err(vec![template_error(&e, theme, None)]),
    }
}

/// Turns a Tera error into a diagnostic on the template's file and line.
pub(crate) fn template_error(err: &tera::Error, theme: &Theme, rendering: Option<&str>) -> Diagnostic {
    let mut parts = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    let full = parts.join("\n");
    let name = theme
        .templates
        .keys()
        .filter(|n| full.contains(&format!("'{n}'")) || full.contains(&format!("\"{n}\"")))
        .max_by_key(|n| n.len())
        .map(String::as_str)
        .or(rendering);
    let path = name
        .and_then(|n| theme.templates.get(n))
        .map(|t| t.shown_path.clone())
        .unwrap_or_else(|| PathBuf::from("templates"));
    // Tera's parser reports ` --> line:col`.
    let (line, col) = full
        .split(" --> ")
        .nth(1)
        .and_then(|rest| {
            let pos = rest.split_whitespace().next()?;
            let (l, c) = pos.split_once(':')?;
            Some((l.parse().ok()?, c.parse().ok()?))
        })
        .or_else(|| name.and_then(|n| theme.templates.get(n)).and_then(|t| named_position(&full, &t.text)))
        .unwrap_or((0, 0));
    let detail: Vec<&str> = parts
        .iter()
        .skip(1)
        .flat_map(|p| p.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("-->") && !l.starts_with('|') && !l.starts_with(char::is_numeric))
        .collect();
    let detail =
        if detail.is_empty() { parts[0].clone() } else { detail.join("; ").trim_start_matches("= ").to_string() };
    let problem = match rendering {
        Some(_) => Problem::TemplateFailed { detail, page: None, others: 0 },
        None => Problem::TemplateInvalid { detail },
    };
    Diagnostic::error(path, line, col, problem)
}

/// Where in a template the first name a Tera message quotes in backticks
/// (`Variable `article.extra.ticket` not found`, a filter, a function) is
/// written: Tera gives no line for errors while rendering.
fn named_position(message: &str, template: &str) -> Option<(usize, usize)> {
    let quoted = message.split('`').nth(1).filter(|q| !q.trim().is_empty())?;
    let at = template.find(quoted)?;
    Some(crate::diagnostics::line_col(template, at))
}

/// Adds the article whose page a template failed on to the problem, with
/// the front-matter field it lacks when the template reads one.
pub(crate) fn on_page(mut d: Diagnostic, a: &crate::content::Article) -> Diagnostic {
    let source = crate::diagnostics::display_path(&a.source);
    if let Problem::TemplateFailed { detail, page, .. } = &mut *d.problem {
        let field = detail.split("`article.extra.").nth(1).and_then(|rest| rest.split(['`', '.', '[']).next());
        let missing_field = field.filter(|_| detail.contains("not found")).map(str::to_string);
        *page = Some(PageOf { source, missing_field });
    }
    d
}

/// One diagnostic per template problem however many article pages hit it:
/// the first page is named, the others counted.
pub(crate) fn merge_page_errors(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut merged: Vec<(Diagnostic, usize)> = Vec::new();
    // The same problem whatever page it was on.
    let base = |d: &Diagnostic| match &*d.problem {
        Problem::TemplateFailed { detail, others, .. } => {
            Problem::TemplateFailed { detail: detail.clone(), page: None, others: *others }
        }
        other => other.clone(),
    };
    for d in diags {
        match merged.iter_mut().find(|(m, _)| (&m.path, m.line, m.col, base(m)) == (&d.path, d.line, d.col, base(&d))) {
            Some((_, n)) => *n += 1,
            None => merged.push((d, 0)),
        }
    }
    merged
        .into_iter()
        .map(|(mut d, n)| {
            if let Problem::TemplateFailed { others, .. } = &mut *d.problem {
                *others = n;
            }
            d
        })
        .collect()
}

/// Per template, a hash of its text and of the texts of every template it
/// reaches through `extends`, `include` and `import` (names are string
/// literals in Tera, so they can be read from the text).
pub(crate) fn template_keys(theme: &Theme) -> HashMap<String, u64> {
    static TAG: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let tag = TAG.get_or_init(|| {
        regex::Regex::new(r#"\{%-?\s*(?:extends|include|import)\s+([^%]*)-?%\}"#).expect("a valid pattern")
    });
    static NAME: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let name = NAME.get_or_init(|| regex::Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("a valid pattern"));
    let uses: HashMap<&str, Vec<String>> = theme
        .templates
        .iter()
        .map(|(n, t)| {
            let used = tag
                .captures_iter(&t.text)
                .flat_map(|c| {
                    name.captures_iter(c.get(1).map_or("", |m| m.as_str()))
                        .filter_map(|q| q.get(1).or(q.get(2)).map(|m| m.as_str().to_string()))
                        .collect::<Vec<_>>()
                })
                .collect();
            (n.as_str(), used)
        })
        .collect();
    theme
        .templates
        .keys()
        .map(|start| {
            let mut seen: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
            let mut todo = vec![start.as_str()];
            while let Some(n) = todo.pop() {
                if seen.insert(n) {
                    todo.extend(uses.get(n).into_iter().flatten().map(String::as_str));
                }
            }
            // A name without a template is part of the key too (an error now, maybe not later).
            let texts: Vec<(&str, Option<&String>)> =
                seen.iter().map(|n| (*n, theme.templates.get(*n).map(|t| &t.text))).collect();
            (start.clone(), crate::keys::hash_value(&texts))
        })
        .collect()
}

/// Whether a template can show an article's exact character count: it
/// names `characters`, or prints values whole (`json_encode`, the whole
/// context, a loop over a value's keys; the browse page's loop over its
/// items' `data` is over facet values only).
pub(crate) fn shows_every_field(text: &str) -> bool {
    static LOOP: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let pairs = LOOP.get_or_init(|| {
        regex::Regex::new(r"\{%-?\s*for\s+\w+\s*,\s*\w+\s+in\s+([^%]*?)\s*-?%\}").expect("a valid pattern")
    });
    ["characters", "json_encode", "__tera_context"].iter().any(|w| text.contains(w))
        || pairs.captures_iter(text).any(|c| !c[1].ends_with(".data"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_shows_the_character_count_when_it_names_it_or_prints_values_whole() {
        let theme = super::super::theme::load(std::path::Path::new("/nonexistent"), "default").0;
        for (name, t) in &theme.templates {
            assert!(!shows_every_field(&t.text), "the built-in {name} does not show the count");
        }
        for shown in [
            "{{ a.characters }} 字",
            "{{ articles | json_encode() }}",
            "{{ __tera_context }}",
            "{% for k, v in article %}{{ v }}{% endfor %}",
            "{%- for key,value in a -%}{{ value }}{%- endfor -%}",
        ] {
            assert!(shows_every_field(shown), "{shown}");
        }
        assert!(!shows_every_field("{% for k, v in it.data %}{{ k }}{% endfor %}{{ a.reading_minutes }}"));
    }
}
