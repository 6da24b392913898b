//! The three ways diagnostics are printed: for people (`path:line:col:
//! error: message`, then a count), as GitHub Actions annotations, and as
//! one JSON object per line for tools. The words are in the language asked
//! for; the shape, the `kind` and the JSON/annotation fields are not: a tool
//! reads them the same in every language.

pub use super::catalogue::count_line;
use super::catalogue::level;
use super::{display_path, Diagnostic, Severity};
use crate::lang::Lang;

impl Diagnostic {
    /// The human form: `content/cases/退貨.md:3:8: error: message`, or
    /// `content/cases/退貨.md:3:8: 錯誤：message` in Chinese.
    pub fn human(&self, lang: Lang) -> String {
        let mut line = display_path(&self.path);
        if self.line > 0 {
            line.push_str(&format!(":{}", self.line));
            if self.col > 0 {
                line.push_str(&format!(":{}", self.col));
            }
        }
        let colon = if lang == Lang::En { ": " } else { "：" };
        format!("{line}: {}{colon}{}", level(self.severity, lang), self.message_in(lang))
    }
}

/// The English human form, for tests and logs; commands print
/// [`Diagnostic::human`] in the reader's language.
impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.human(Lang::En))
    }
}

/// The word a tool reads: `error` or `warning` in every language.
fn severity_name(severity: Severity) -> &'static str {
    level(severity, Lang::En)
}

/// Prints diagnostics to stderr, warnings included, and a count at the end
/// when there are errors.
pub fn print_human(diags: &[Diagnostic], lang: Lang) {
    for d in diags {
        eprintln!("{}", d.human(lang));
    }
    if let Some(count) = count_line(diags, lang) {
        eprintln!("{count}");
    }
}

/// `::error file=...,line=...,col=...,title=KIND::message`, escaped as GitHub wants.
pub fn github_annotation(d: &Diagnostic, lang: Lang) -> String {
    let esc = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let prop = |s: &str| esc(s).replace(':', "%3A").replace(',', "%2C");
    let mut props = format!("file={}", prop(&display_path(&d.path)));
    if d.line > 0 {
        props.push_str(&format!(",line={}", d.line));
        if d.col > 0 {
            props.push_str(&format!(",col={}", d.col));
        }
    }
    props.push_str(&format!(",title={}", prop(d.kind())));
    format!("::{} {props}::{}", severity_name(d.severity), esc(&d.message_in(lang)))
}

/// One JSON object per problem, with its kind; `severity` is `error` or
/// `warning` whatever the language of `message`.
pub fn json_line(d: &Diagnostic, lang: Lang) -> String {
    serde_json::json!({
        "path": display_path(&d.path),
        "line": d.line,
        "column": d.col,
        "severity": severity_name(d.severity),
        "kind": d.kind(),
        "message": d.message_in(lang),
    })
    .to_string()
}
