//! Customer data in everything committed under `content/` that is not a
//! published article: drafts, Markdown files the loader skips (`_`- or
//! `.`-prefixed, or unreadable as articles) and text attachments (csv, tsv,
//! txt, json, yaml, xml, html, log, svg). Each is scanned as a whole file with the
//! same detectors and masking as articles, so findings are at the file's own
//! line and column. Office, PDF and archive files are named with a warning:
//! casebook cannot look inside them.
//!
//! Only `check` runs this: a pull request adds a file to git history whether
//! or not the site publishes it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::{Article, CONTENT_DIR};
use crate::diagnostics::{Diagnostic, Problem};
use crate::validate::pii;

/// Extensions read as text and checked.
const TEXT: [&str; 13] =
    ["md", "markdown", "csv", "tsv", "txt", "json", "yaml", "yml", "xml", "html", "htm", "log", "svg"];

/// Extensions of files that can hold customer data casebook cannot read.
const OPAQUE: [&str; 20] = [
    "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt", "pptx", "pdf", "odt", "ods", "odp", "rtf", "pages", "numbers",
    "key", "zip", "7z", "rar", "msg",
];

/// What to do with a file, by its extension.
#[derive(Debug, PartialEq, Eq)]
enum Treat {
    Text,
    Opaque,
    Skip,
}

fn treat(path: &Path) -> Treat {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if TEXT.contains(&ext.as_str()) {
        Treat::Text
    } else if OPAQUE.contains(&ext.as_str()) {
        Treat::Opaque
    } else {
        Treat::Skip
    }
}

/// Problems in the files under `root/content` that are not among
/// `articles` (which were checked as articles), in path order.
pub fn scan(root: &Path, config: &Config, articles: &[Article]) -> Vec<Diagnostic> {
    let checked: HashSet<&Path> = articles.iter().map(|a| a.source.as_path()).collect();
    let custom = super::custom_patterns(config);
    let mut out = Vec::new();
    // Walked as the loader walks: no link is followed, `content` itself
    // included. Unreadable folders and links are reported by the loader.
    let root = crate::paths::root(root);
    let walked = crate::paths::walk(&root, &root.join(CONTENT_DIR), |_| true);
    for abs in &walked.files {
        let abs = abs.as_path();
        let rel: PathBuf = abs.strip_prefix(&root).unwrap_or(abs).to_path_buf();
        if checked.contains(rel.as_path()) {
            continue;
        }
        match treat(abs) {
            Treat::Text => out.extend(scan_text(abs, &rel, config, &custom)),
            Treat::Opaque => out.push(Diagnostic::warning(&rel, 1, 1, Problem::UncheckedFileType)),
            Treat::Skip => {}
        }
    }
    out
}

fn scan_text(abs: &Path, rel: &Path, config: &Config, custom: &[pii::CustomPattern]) -> Vec<Diagnostic> {
    let markdown = matches!(abs.extension().and_then(|e| e.to_str()), Some("md" | "markdown"));
    let limit = if markdown { config.limits.article } else { config.limits.data };
    let bytes = match crate::limits::read(abs, rel, &limit) {
        Ok(Some(b)) => b,
        Ok(None) => return Vec::new(),
        // An article over its limit is already an error; any other file
        // is published as it is, so this is a warning.
        Err(d) if markdown => return vec![d],
        Err(d) if d.line == 0 => return vec![d],
        Err(_) => {
            let kb = std::fs::metadata(abs).map(|m| m.len().div_ceil(1024)).unwrap_or(0);
            return vec![Diagnostic::warning(rel, 1, 1, Problem::TooLargeToCheck { kb, limit_kb: limit.bytes / 1024 })];
        }
    };
    // Text in another encoding (Big5, GBK) still shows its digits and
    // e-mail addresses when read as UTF-8 with the rest replaced.
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() };
    // In a table or a list of values a comma separates fields: read it as
    // a tab (one character, so columns stay), else `0912345678,A123456789`
    // looks like one number written with thousands separators.
    let ext = abs.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if matches!(ext.as_str(), "csv" | "json") {
        text = text.replace(',', "\t");
    }
    pii::find(&text, custom)
        .into_iter()
        .map(|f| Diagnostic::error(rel, f.line, f.col, super::customer_data(f, markdown)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_treated_by_extension() {
        let cases = [
            ("content/cases/a.csv", Treat::Text),
            ("content/cases/A.TXT", Treat::Text),
            ("content/cases/_草稿.md", Treat::Text),
            ("content/cases/x.docx", Treat::Opaque),
            ("content/cases/x.PDF", Treat::Opaque),
            ("content/cases/x.png", Treat::Skip),
            ("content/cases/README", Treat::Skip),
        ];
        for (path, want) in cases {
            assert_eq!(treat(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn text_files_are_reported_at_their_own_lines() {
        let dir = tempfile::tempdir().unwrap();
        let abs = dir.path().join("a.csv");
        std::fs::write(&abs, "name,phone,id\r\n王先生,0912345678,A123456789\r\nok,0912345678 casebook:allow-pii\r\n")
            .unwrap();
        let d: Vec<String> = scan_text(&abs, Path::new("content/a.csv"), &Config::default(), &[])
            .iter()
            .map(|d| d.to_string().split(';').next().unwrap_or_default().to_string())
            .collect();
        assert_eq!(
            d,
            [
                "content/a.csv:2:5: error: this looks like a customer's mobile phone number (0912***678)",
                "content/a.csv:2:16: error: this looks like a customer's resident ID number (A1*****789)"
            ]
        );
    }
}
