//! GitBook: pages without front matter (the title is the first `#`
//! heading), their order in `SUMMARY.md` (kept as one series named after
//! the book), `{% hint style="..." %}` blocks (GitHub alerts, which
//! casebook shows as admonitions) and images under `.gitbook/assets/`
//! (copied beside the pages). Every page goes under `content/book/`; its
//! old addresses (`chapter/page.html`, `chapter/page`) are recorded.

use std::collections::HashMap;
use std::path::Path;

use super::post::text;
use super::{markdown_files, read_post, settings, OwnSection, Report, SectionInfo, Source};
use crate::diagnostics::imported::{Conversion, Todo};

pub fn read(root: &Path, report: &mut Report) -> anyhow::Result<Source> {
    let book = settings(&root.join("book.json"));
    let summary = std::fs::read_to_string(root.join("SUMMARY.md")).unwrap_or_default();
    let order = summary_order(&summary);
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap_or_default();
    let title = text(book.get("title"))
        .or_else(|| crate::content::frontmatter::first_heading(&readme).map(|(_, h)| h))
        .or_else(|| root.file_name().map(|n| n.to_string_lossy().into_owned()));
    let mut src = Source {
        title: title.clone(),
        language: super::post::language(book.get("language")),
        static_root: root.to_path_buf(),
        ..Default::default()
    };
    for file in markdown_files(root, false) {
        let rel = file.strip_prefix(root).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        if matches!(rel.as_str(), "SUMMARY.md" | "GLOSSARY.md" | "LANGS.md") {
            continue;
        }
        let Some(mut p) = read_post(root, &file, format!("book/{rel}"), report) else { continue };
        match order.get(&rel) {
            Some((n, entry)) => {
                p.series = title.clone().map(|t| (t, *n as i64));
                p.fallback_title = Some(entry.clone());
            }
            None if rel != "README.md" => {
                report.todo(&p.shown, 1, Todo::NotInSummary);
            }
            None => {}
        }
        let page = rel.rsplit_once('.').map(|(s, _)| s).unwrap_or(&rel);
        match page.strip_suffix("README") {
            Some("") => {}
            Some(dir) => p.aliases.push(format!("/{dir}")),
            None => p.aliases.extend([format!("/{page}.html"), format!("/{page}")]),
        }
        p.body = hints(&p.body, report);
        src.posts.push(p);
    }
    let own = OwnSection::Book.info(src.language);
    src.sections.insert("book".into(), SectionInfo { title: title.unwrap_or(own.title), description: None });
    Ok(src)
}

/// `SUMMARY.md`'s entries in order: page path → (position from 1, title).
fn summary_order(summary: &str) -> HashMap<String, (usize, String)> {
    let mut out = HashMap::new();
    let Ok(re) = regex::Regex::new(r#"^\s*[*\-+]\s*\[([^\]]*)\]\(\s*<?([^)>\s#]+)"#) else { return out };
    for line in summary.lines() {
        if let Some(c) = re.captures(line) {
            let path = c[2].trim_start_matches("./").to_string();
            let n = out.len() + 1;
            out.entry(path).or_insert((n, c[1].trim().to_string()));
        }
    }
    out
}

/// `{% hint style="info" %}…{% endhint %}` → a `> [!NOTE]` alert.
fn hints(body: &str, report: &mut Report) -> String {
    let Ok(open) = regex::Regex::new(r#"^\s*\{%\s*hint\s+style\s*=\s*["']?(\w+)["']?\s*%\}\s*$"#) else {
        return body.to_string();
    };
    let mut out = String::with_capacity(body.len());
    let mut inside = false;
    for line in body.split_inclusive('\n') {
        let t = line.trim();
        if let Some(c) = open.captures(t) {
            let kind = match &c[1] {
                "success" => "TIP",
                "warning" => "WARNING",
                "danger" => "CAUTION",
                _ => "NOTE",
            };
            out.push_str(&format!("> [!{kind}]\n"));
            inside = true;
            report.converted(Conversion::Hint);
        } else if inside && t.starts_with("{%") && t.contains("endhint") {
            inside = false;
        } else if inside {
            out.push_str(if t.is_empty() { ">\n" } else { "> " });
            if !t.is_empty() {
                out.push_str(line.trim_end_matches('\n'));
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn hints_become_alerts() {
        let mut r = super::Report::default();
        let out = super::hints("a\n{% hint style=\"info\" %}\n注意\n\n第二段\n{% endhint %}\nb\n", &mut r);
        assert_eq!(out, "a\n> [!NOTE]\n> 注意\n>\n> 第二段\nb\n");
    }

    #[test]
    fn summary_gives_the_order() {
        let order = super::summary_order(
            "# Summary\n\n* [簡介](README.md)\n* [第一章](ch1/README.md)\n  * [退貨](ch1/退貨.md)\n",
        );
        assert_eq!(order["ch1/退貨.md"], (3, "退貨".to_string()));
    }
}
