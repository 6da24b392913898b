//! Hexo: `_config.yml` (title, author, `permalink`), posts in
//! `source/_posts/` (drafts in `source/_drafts/`), pages elsewhere under
//! `source/`. `{% asset_img a.png title %}` becomes `![title](a.png)` and
//! `{% post_link slug %}` a wiki link.

use std::path::Path;

use super::post::text;
use super::{date_tokens, markdown_files, permalink, read_post, settings, Report, SectionInfo, Source};

pub fn read(root: &Path, report: &mut Report) -> anyhow::Result<Source> {
    let config = settings(&root.join("_config.yml"));
    let mut src = Source {
        title: text(config.get("title")),
        authors: text(config.get("author")).into_iter().collect(),
        static_root: root.join("source"),
        ..Default::default()
    };
    let pattern = text(config.get("permalink")).unwrap_or_else(|| ":year/:month/:day/:title/".to_string());
    let source = root.join("source");
    for (folder, draft) in [("_posts", false), ("_drafts", true)] {
        let dir = source.join(folder);
        for file in markdown_files(&dir, false) {
            let rel = file.strip_prefix(&dir).unwrap_or(&file).to_string_lossy().replace('\\', "/");
            let Some(mut p) = read_post(root, &file, format!("posts/{rel}"), report) else { continue };
            p.page_relative = true;
            p.draft = draft;
            p.body = convert(&p.body, &file, report);
            let stem = rel.rsplit_once('.').map(|(s, _)| s).unwrap_or(&rel).to_string();
            if let Some(date) = text(p.front.get("date")).and_then(|d| super::post::date(&d)) {
                let mut values = date_tokens(&date);
                let name = stem.rsplit('/').next().unwrap_or(&stem).to_string();
                let category = super::post::strings(p.front.get("categories")).into_iter().next().unwrap_or_default();
                values.extend([
                    ("title", stem.clone()),
                    ("name", name),
                    ("post_title", stem.clone()),
                    ("category", category),
                ]);
                p.aliases.push(permalink(&pattern, &values));
                // Posts moved into folders of _posts/ change `:title`; links
                // written before the move use the bare name.
                let mut bare = values.clone();
                bare.retain(|(k, _)| *k != "title" && *k != "post_title");
                bare.push(("title", stem.rsplit('/').next().unwrap_or(&stem).to_string()));
                let moved = permalink(&pattern, &bare);
                if !p.aliases.contains(&moved) {
                    p.aliases.push(moved);
                }
            }
            src.posts.push(p);
        }
    }
    if !src.posts.is_empty() {
        src.sections.insert("posts".into(), SectionInfo { title: "文章".into(), description: None });
    }
    for file in markdown_files(&source, false) {
        let rel = file.strip_prefix(&source).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        let Some(mut p) = read_post(root, &file, format!("pages/{rel}"), report) else { continue };
        p.page_relative = true;
        p.body = convert(&p.body, &file, report);
        let page = rel.rsplit_once('.').map(|(s, _)| s).unwrap_or(&rel);
        p.aliases.push(match page.strip_suffix("index") {
            Some(dir) => format!("/{dir}"),
            None => format!("/{page}.html"),
        });
        src.sections.insert("pages".into(), SectionInfo { title: "頁面".into(), description: None });
        src.posts.push(p);
    }
    Ok(src)
}

/// Hexo's tags that have a Markdown equivalent.
fn convert(body: &str, file: &Path, report: &mut Report) -> String {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut out = body.to_string();
    if let Ok(re) = regex::Regex::new(r#"\{%\s*asset_img\s+(\S+)(?:\s+([^%]*?))?\s*%\}"#) {
        out = re
            .replace_all(&out, |c: &regex::Captures| {
                report.converted("{% asset_img %}");
                let title = c.get(2).map(|m| m.as_str().trim_matches(['"', '\''])).unwrap_or_default();
                let name = &c[1];
                // A post's assets are in the folder named like the post.
                let path = if file.with_file_name(&stem).join(name).is_file() {
                    format!("{stem}/{name}")
                } else {
                    name.to_string()
                };
                format!("![{title}]({})", path.replace(' ', "%20"))
            })
            .into_owned();
    }
    if let Ok(re) = regex::Regex::new(r#"\{%\s*post_link\s+(\S+)(?:\s+([^%]*?))?\s*%\}"#) {
        out = re
            .replace_all(&out, |c: &regex::Captures| {
                report.converted("{% post_link %}");
                match c.get(2).map(|m| m.as_str().trim()).filter(|t| !t.is_empty()) {
                    Some(t) => format!("[[{}|{t}]]", &c[1]),
                    None => format!("[[{}]]", &c[1]),
                }
            })
            .into_owned();
    }
    out
}
