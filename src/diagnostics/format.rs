//! The three ways diagnostics are printed: for people (`path:line:col:
//! error: message`, then a count), as GitHub Actions annotations, and as
//! one JSON object per line for tools.

use std::fmt;

use super::{display_path, Diagnostic, Severity};

/// The human form: `content/cases/退貨.md:3:8: error: message`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", display_path(&self.path))?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.col > 0 {
                write!(f, ":{}", self.col)?;
            }
        }
        write!(f, ": {}: {}", level(self.severity), self.message())
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Prints diagnostics to stderr, warnings included, and a count at the end
/// when there are errors.
pub fn print_human(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
    if let Some(count) = count_line(diags) {
        eprintln!("{count}");
    }
}

/// "2 errors and 1 warning found; ...", when there are errors.
pub fn count_line(diags: &[Diagnostic]) -> Option<String> {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    (errors > 0).then(|| {
        format!(
            "{errors} error{} and {warnings} warning{} found; fix the lines above and build again.",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        )
    })
}

/// `::error file=...,line=...,col=...,title=KIND::message`, escaped as GitHub wants.
pub fn github_annotation(d: &Diagnostic) -> String {
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
    format!("::{} {props}::{}", level(d.severity), esc(&d.message()))
}

/// One JSON object per problem, with its kind.
pub fn json_line(d: &Diagnostic) -> String {
    serde_json::json!({
        "path": display_path(&d.path),
        "line": d.line,
        "column": d.col,
        "severity": level(d.severity),
        "kind": d.kind(),
        "message": d.message(),
    })
    .to_string()
}
