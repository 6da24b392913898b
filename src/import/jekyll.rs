//! Jekyll: `_config.yml` (title, author, `permalink`), posts in `_posts/`
//! named `2016-05-01-title.md` (the date from the name when the front
//! matter has none), drafts in `_drafts/`, pages elsewhere.
//! `{% post_url %}` becomes a link to the article and `{{ site.baseurl }}`
//! is dropped from addresses.

use std::path::Path;

use serde_json::Value;

use super::post::{date, strings, text};
use super::{date_tokens, markdown_files, permalink, read_post, settings, OwnSection, Report, Source};
use crate::diagnostics::imported::Conversion;

pub fn read(root: &Path, report: &mut Report) -> anyhow::Result<Source> {
    let config = settings(&root.join("_config.yml"));
    let author = config.get("author").and_then(|a| if a.is_object() { a.get("name") } else { Some(a) });
    let mut src = Source {
        title: text(config.get("title")),
        language: ["lang", "locale"].iter().find_map(|k| super::post::language(config.get(*k))),
        authors: text(author).into_iter().collect(),
        static_root: root.to_path_buf(),
        ..Default::default()
    };
    let pattern = match text(config.get("permalink")).as_deref() {
        None | Some("date") => "/:categories/:year/:month/:day/:title:output_ext".to_string(),
        Some("pretty") => "/:categories/:year/:month/:day/:title/".to_string(),
        Some("ordinal") => "/:categories/:year/:y_day/:title:output_ext".to_string(),
        Some("none") => "/:categories/:title:output_ext".to_string(),
        Some(p) => p.to_string(),
    };
    for (folder, draft) in [("_posts", false), ("_drafts", true)] {
        let dir = root.join(folder);
        for file in markdown_files(&dir, false) {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let (file_date, title) = dated_name(&name);
            let Some(mut p) = read_post(root, &file, format!("posts/{title}"), report) else { continue };
            p.page_relative = true;
            p.draft = draft;
            space_separated(&mut p.front);
            if text(p.front.get("date")).is_none() {
                if let Some(d) = &file_date {
                    p.front.insert("date".into(), Value::String(d.clone()));
                }
            }
            let slug = title.rsplit_once('.').map(|(s, _)| s).unwrap_or(&title).to_string();
            if let Some(d) = text(p.front.get("date")).and_then(|d| date(&d)) {
                let mut values = date_tokens(&d);
                let categories: Vec<String> =
                    strings(p.front.get("categories")).iter().map(|c| c.to_lowercase()).collect();
                values.extend([
                    ("title", text(p.front.get("slug")).unwrap_or_else(|| slug.clone())),
                    ("slug", text(p.front.get("slug")).unwrap_or_else(|| slug.clone())),
                    ("categories", categories.join("/")),
                    (
                        "slugified_categories",
                        categories.iter().map(|c| slugify_jekyll(c)).collect::<Vec<_>>().join("/"),
                    ),
                    ("output_ext", ".html".to_string()),
                ]);
                p.aliases.push(permalink(&pattern, &values));
            }
            p.body = convert(&p.body, report);
            src.posts.push(p);
        }
    }
    if !src.posts.is_empty() {
        src.sections.insert("posts".into(), OwnSection::Posts.info(src.language));
    }
    for file in markdown_files(root, false) {
        let rel = file.strip_prefix(root).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        if matches!(rel.to_lowercase().as_str(), "index.md" | "readme.md" | "index.markdown") {
            continue;
        }
        let Some(mut p) = read_post(root, &file, format!("pages/{rel}"), report) else { continue };
        p.page_relative = true;
        space_separated(&mut p.front);
        let page = rel.rsplit_once('.').map(|(s, _)| s).unwrap_or(&rel);
        p.aliases.push(format!("/{page}.html"));
        p.body = convert(&p.body, report);
        src.sections.insert("pages".into(), OwnSection::Pages.info(src.language));
        src.posts.push(p);
    }
    Ok(src)
}

/// Jekyll reads `tags: a b` and `categories: a b` as lists split at spaces.
fn space_separated(front: &mut serde_json::Map<String, Value>) {
    for key in ["tags", "categories"] {
        if let Some(Value::String(s)) = front.get(key) {
            let items: Vec<Value> = s.split_whitespace().map(|t| Value::String(t.to_string())).collect();
            front.insert(key.to_string(), Value::Array(items));
        }
    }
}

/// `2016-05-01-hello.md` → (`2016-05-01`, `hello.md`).
fn dated_name(name: &str) -> (Option<String>, String) {
    let b = name.as_bytes();
    if b.len() > 11 && b[4] == b'-' && b[7] == b'-' && b[10] == b'-' {
        if let Some(d) = date(&name[..10]) {
            return (Some(d), name[11..].to_string());
        }
    }
    (None, name.to_string())
}

fn convert(body: &str, report: &mut Report) -> String {
    let mut out = body.to_string();
    if let Ok(re) = regex::Regex::new(r#"\{\{\s*site\.baseurl\s*\}\}"#) {
        out = re.replace_all(&out, "").into_owned();
    }
    if let Ok(re) = regex::Regex::new(r#"\{%\s*post_url\s+(?:[^%\s]*/)?(\S+?)\s*%\}"#) {
        out = re
            .replace_all(&out, |c: &regex::Captures| {
                report.converted(Conversion::PostUrl);
                format!("/posts/{}.md", dated_name(&format!("{}.md", &c[1])).1.trim_end_matches(".md"))
            })
            .into_owned();
    }
    out
}

/// Jekyll's `slugify` (its default mode): lowercase, every run of
/// characters other than letters and digits becomes one `-`.
fn slugify_jekyll(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn jekyll_slugifies_categories() {
        assert_eq!(super::slugify_jekyll("Customer Service / 售後"), "customer-service-售後");
        let mut v = super::date_tokens("2016-05-01");
        v.push(("slugified_categories", super::slugify_jekyll("A B")));
        v.push(("title", "x".into()));
        // Jekyll's `permalink: ordinal`.
        assert_eq!(super::permalink("/:slugified_categories/:year/:y_day/:title/", &v), "/a-b/2016/122/x/");
    }
}
