//! Hugo: the site's settings (`hugo.toml`, `config.toml`, or YAML/JSON),
//! its `[permalinks]` and each page's `aliases`, `content/` with TOML, YAML
//! or JSON front matter, page bundles (`index.md` with its files) and
//! `_index.md` section pages (their title and description go to the
//! section). `{{< figure >}}` and `{{< ref >}}` / `{{< relref >}}` become
//! Markdown.

use std::path::Path;

use serde_json::Value;

use super::post::{date, text};
use super::{date_tokens, files_named, permalink, read_post, settings, Report, SectionInfo, Source};
use crate::diagnostics::imported::{Conversion, LeftOut, Todo};

const CONFIGS: [&str; 7] =
    ["hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"];

pub fn read(root: &Path, report: &mut Report) -> anyhow::Result<Source> {
    let config = CONFIGS.iter().map(|n| root.join(n)).find(|p| p.is_file()).map(|p| settings(&p)).unwrap_or_default();
    let params = config.get("params").cloned().unwrap_or(Value::Null);
    let author = config.get("author").or_else(|| params.get("author"));
    let author = author.and_then(|a| if a.is_object() { a.get("name") } else { Some(a) });
    let mut src = Source {
        title: text(config.get("title")),
        language: language(root, &config),
        authors: text(author).into_iter().collect(),
        static_root: root.join("static"),
        ..Default::default()
    };
    let permalinks = config.get("permalinks").and_then(Value::as_object).cloned().unwrap_or_default();
    let content = root.join("content");
    for file in content_files(root, &content, report) {
        let rel = file.strip_prefix(&content).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        let (section, in_section) = match rel.split_once('/') {
            Some((s, rest)) => (s.to_string(), rest.to_string()),
            None => (String::new(), rel.clone()),
        };
        let base = file.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if base == "_index" {
            section_page(root, &file, &section, &mut src, report);
            continue;
        }
        let folder = if section.is_empty() { "pages".to_string() } else { section.clone() };
        let Some(mut p) = read_post(root, &file, format!("{folder}/{in_section}"), report) else { continue };
        p.page_relative = true;
        let bundle = base == "index";
        if bundle {
            p.bundle = file.parent().map(Path::to_path_buf);
        }
        let stem = if bundle {
            file.parent().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        } else {
            file.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        };
        let title = text(p.front.get("title")).unwrap_or_else(|| stem.clone());
        // The folders under content/ (a bundle's own folder not counted).
        let page_dir = if bundle { Path::new(&rel).parent().and_then(Path::parent) } else { Path::new(&rel).parent() };
        let dir = page_dir.map(|d| d.to_string_lossy().replace('\\', "/")).unwrap_or_default();
        // Hugo's `:slug` is the title when there is no `slug`; its default
        // address uses the file's name.
        let slug = text(p.front.get("slug")).unwrap_or_else(|| urlize(&title));
        let name = text(p.front.get("slug")).unwrap_or_else(|| urlize(&stem));
        let mut values = vec![
            ("slug", slug.clone()),
            ("title", urlize(&title)),
            ("filename", stem.clone()),
            ("contentbasename", stem.clone()),
            ("slugorfilename", text(p.front.get("slug")).unwrap_or_else(|| stem.clone())),
            ("slugorcontentbasename", text(p.front.get("slug")).unwrap_or_else(|| stem.clone())),
            ("section", section.clone()),
            ("sections", dir.clone()),
        ];
        if let Some(d) = ["date", "publishDate"].iter().find_map(|k| text(p.front.get(*k))).and_then(|d| date(&d)) {
            values.extend(date_tokens(&d));
        }
        match permalinks.get(&section).and_then(Value::as_str) {
            Some(pattern) => p.aliases.push(permalink(pattern, &values)),
            // Hugo's default: the file's folders, then its name.
            None if !dir.is_empty() => p.aliases.push(format!("/{dir}/{name}/")),
            None => p.aliases.push(format!("/{name}/")),
        }
        src.sections.entry(folder.clone()).or_insert_with(|| SectionInfo { title: folder.clone(), description: None });
        src.posts.push(p);
    }
    let targets: Vec<(String, String)> = src
        .posts
        .iter()
        .map(|p| {
            (p.file.strip_prefix(&content).unwrap_or(&p.file).to_string_lossy().replace('\\', "/"), p.target.clone())
        })
        .collect();
    for p in &mut src.posts {
        p.body = convert(&p.body, &targets, report);
    }
    Ok(src)
}

/// The site's language: `languageCode`, else `defaultContentLanguage`, in
/// the settings file or in `config/_default/` (Hugo's folder of settings).
fn language(root: &Path, config: &serde_json::Map<String, Value>) -> Option<crate::lang::Lang> {
    let named = |c: &serde_json::Map<String, Value>| {
        ["languageCode", "defaultContentLanguage"].iter().find_map(|k| super::post::language(c.get(*k)))
    };
    named(config).or_else(|| {
        let folder = root.join("config/_default");
        CONFIGS.iter().map(|n| folder.join(n)).filter(|p| p.is_file()).find_map(|p| named(&settings(&p)))
    })
}

/// The pages under `content/`: Markdown, and R Markdown (`.Rmd`,
/// `.Rmarkdown`, blogdown's sources) imported as Markdown: their code
/// chunks are shown as code, not run. An R Markdown file beside a Markdown
/// file of the same name (blogdown renders `.Rmarkdown` to `.markdown`) is
/// left to it; `.html` pages (blogdown renders `.Rmd` to `.html`) are not
/// imported: one rendered from an `.Rmd` is that `.Rmd`'s output, another
/// with front matter is listed for a person to convert to Markdown.
fn content_files(root: &Path, content: &Path, report: &mut Report) -> Vec<std::path::PathBuf> {
    let all = files_named(content, true, &["md", "markdown", "Rmd", "Rmarkdown", "html"]);
    let has = |stem: &Path, exts: &[&str]| exts.iter().any(|x| all.contains(&stem.with_extension(x)));
    let shown = |f: &Path| f.strip_prefix(root).unwrap_or(f).to_string_lossy().replace('\\', "/");
    let mut pages = Vec::new();
    for file in &all {
        match file.extension().and_then(|x| x.to_str()).unwrap_or_default() {
            "Rmd" | "Rmarkdown" if has(file, &["md", "markdown"]) => {
                report.skipped(LeftOut::RMarkdownBesideRendered);
            }
            "Rmd" | "Rmarkdown" => {
                report.converted(Conversion::RMarkdown);
                pages.push(file.clone());
            }
            "html" if has(file, &["Rmd", "Rmarkdown"]) => {
                report.skipped(LeftOut::RenderedHtml);
            }
            "html" => {
                let starts = std::fs::File::open(file).ok().and_then(|f| {
                    let mut first = String::new();
                    std::io::BufRead::read_line(&mut std::io::BufReader::new(f), &mut first).ok()?;
                    Some(matches!(first.trim_end(), "---" | "+++") || first.starts_with('{'))
                });
                if starts == Some(true) {
                    report.todo(&shown(file), 1, Todo::HtmlPage);
                }
            }
            _ => pages.push(file.clone()),
        }
    }
    pages
}

/// `_index.md`: the title and description of its section.
fn section_page(root: &Path, file: &Path, section: &str, src: &mut Source, report: &mut Report) {
    let Some(p) = read_post(root, file, String::new(), report) else { return };
    let title = text(p.front.get("title"));
    if section.is_empty() {
        // The home page: its title is the site's when the settings give none.
        src.title = src.title.take().or(title);
        return;
    }
    let name = section.to_string();
    let title = title.unwrap_or_else(|| name.clone());
    let body = p.body.trim();
    let description = text(p.front.get("description")).or_else(|| (!body.is_empty()).then(|| body.to_string()));
    report.converted(Conversion::IndexAsSection);
    src.sections.insert(name, SectionInfo { title, description });
}

/// Hugo's `urlize`: lower case, spaces as `-`.
fn urlize(s: &str) -> String {
    s.trim().to_lowercase().split_whitespace().collect::<Vec<_>>().join("-")
}

/// Shortcodes with a Markdown equivalent.
fn convert(body: &str, targets: &[(String, String)], report: &mut Report) -> String {
    let mut out = body.to_string();
    let attr = regex::Regex::new(r#"(\w+)\s*=\s*"([^"]*)""#).ok();
    if let (Ok(re), Some(attr)) = (regex::Regex::new(r#"\{\{[<%]\s*figure\s+(.*?)\s*[>%]\}\}"#), &attr) {
        out = re
            .replace_all(&out, |c: &regex::Captures| {
                report.converted(Conversion::Figure);
                let attrs: std::collections::HashMap<String, String> =
                    attr.captures_iter(&c[1]).map(|a| (a[1].to_string(), a[2].to_string())).collect();
                let alt = ["caption", "title", "alt"].iter().find_map(|k| attrs.get(*k)).cloned().unwrap_or_default();
                let src = attrs.get("src").cloned().unwrap_or_default();
                format!("![{alt}]({})", src.replace(' ', "%20"))
            })
            .into_owned();
    }
    if let Ok(re) = regex::Regex::new(r#"\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s]+?)"?\s*[>%]\}\}"#) {
        out = re
            .replace_all(&out, |c: &regex::Captures| {
                let name = c[1].trim_start_matches('/');
                let (name, frag) = match name.split_once('#') {
                    Some((n, f)) => (n, format!("#{f}")),
                    None => (name, String::new()),
                };
                let found = targets.iter().find(|(rel, _)| {
                    [name.to_string(), format!("{name}.md"), format!("{name}/index.md")]
                        .iter()
                        .any(|n| rel == n || rel.ends_with(&format!("/{n}")))
                });
                match found {
                    Some((_, target)) => {
                        report.converted(Conversion::Ref);
                        format!("/{target}{frag}")
                    }
                    None => c[0].to_string(),
                }
            })
            .into_owned();
    }
    out
}
