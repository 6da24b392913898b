//! Hexo: `_config.yml` (title, author, `permalink`), posts in
//! `source/_posts/` (drafts in `source/_drafts/`), pages elsewhere under
//! `source/`. `{% asset_img a.png title %}` becomes `![title](a.png)` and
//! `{% post_link slug %}` a wiki link.

use std::path::Path;

use super::post::text;
use super::{date_tokens, markdown_files, permalink, read_post, settings, OwnSection, Report, Source};
use crate::diagnostics::imported::{Conversion, Todo};

pub fn read(root: &Path, report: &mut Report) -> anyhow::Result<Source> {
    let config = settings(&root.join("_config.yml"));
    let mut src = Source {
        title: text(config.get("title")),
        language: super::post::language(config.get("language")),
        authors: text(config.get("author")).into_iter().collect(),
        static_root: root.join("source"),
        ..Default::default()
    };
    let pattern = text(config.get("permalink")).unwrap_or_else(|| ":year/:month/:day/:title/".to_string());
    let zone = text(config.get("timezone")).and_then(|z| zone_offset(&z));
    let offset = zone.unwrap_or(super::permalinks::CHINA);
    if zone.is_none() && (pattern.contains(":hash") || pattern.contains(":timestamp")) {
        report.todo("_config.yml", 1, Todo::ChinaTimeAssumed);
    }
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
                let shown = format!("source/{folder}/{rel}");
                p.aliases.extend(addresses(&pattern, &stem, &date, &p.front, offset, &shown, report));
            }
            src.posts.push(p);
        }
    }
    if !src.posts.is_empty() {
        src.sections.insert("posts".into(), OwnSection::Posts.info(src.language));
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
        src.sections.insert("pages".into(), OwnSection::Pages.info(src.language));
        src.posts.push(p);
    }
    Ok(src)
}

/// The old addresses of the post at `source/_posts/<stem>.md`: the
/// permalink filled in as Hexo fills it, and (for a post moved into a
/// folder of `_posts/`) with its bare name, as links written before the move
/// have it. Tokens: the date's, `:title` (the path under `_posts/`),
/// `:name`, `:post_title`, `:category`, `:hash` (SHA-1 of the title and
/// the date's seconds since 1970, 12 digits), `:id` and any front matter
/// field (`:abbrlink`, `:urlname`).
fn addresses(
    pattern: &str,
    stem: &str,
    date: &str,
    front: &serde_json::Map<String, serde_json::Value>,
    offset: i32,
    shown: &str,
    report: &mut Report,
) -> Vec<String> {
    let name = stem.rsplit('/').next().unwrap_or(stem);
    let category = super::post::strings(front.get("categories")).into_iter().next().unwrap_or_default();
    let mut values = date_tokens(date);
    values.retain(|(k, _)| *k != "timestamp");
    let seconds = super::permalinks::unix_time(date, offset);
    values.extend(seconds.map(|t| ("timestamp", t.to_string())));
    values.extend(seconds.and_then(|t| hash(&format!("{stem}{t}"))).map(|h| ("hash", h)));
    values.extend([("name", name.to_string()), ("post_title", stem.to_string()), ("category", category)]);
    values.extend(text(front.get("id")).map(|id| ("id", id)));
    let mut fields: Vec<(&str, String)> = (front.iter())
        .filter(|(k, _)| !matches!(k.as_str(), "path" | "permalink") && !values.iter().any(|(v, _)| v == k))
        .filter_map(|(k, v)| Some((k.as_str(), text(Some(v))?)))
        .collect();
    if pattern.contains(":id") && !values.iter().any(|(k, _)| *k == "id") {
        report.todo(shown, 1, Todo::HexoIdNotKept { pattern: pattern.to_string() });
    }
    let mut with_title = values.clone();
    with_title.push(("title", stem.to_string()));
    with_title.append(&mut fields.clone());
    let mut out = vec![permalink(pattern, &with_title)];
    // Posts moved into folders of _posts/ change `:title`; links written
    // before the move use the bare name.
    let mut bare = values;
    bare.push(("title", name.to_string()));
    bare.append(&mut fields);
    let moved = permalink(pattern, &bare);
    if !out.contains(&moved) {
        out.push(moved);
    }
    out
}

/// Hexo's `:hash`: the first 12 hex digits of the SHA-1 of `text`.
fn hash(text: &str) -> Option<String> {
    let mut h = gix_hash::hasher(gix_hash::Kind::Sha1);
    h.update(text.as_bytes());
    Some(h.try_finalize().ok()?.to_hex().to_string().chars().take(12).collect())
}

/// Hexo's `timezone:` setting as an offset east of UTC in seconds, for the
/// zones Chinese-speaking sites name (and UTC); `None` for others.
fn zone_offset(zone: &str) -> Option<i32> {
    match zone.trim() {
        "Asia/Shanghai" | "Asia/Chongqing" | "Asia/Harbin" | "Asia/Urumqi" | "PRC" | "Asia/Taipei" | "ROC"
        | "Asia/Hong_Kong" | "Asia/Macau" | "Asia/Singapore" | "Asia/Kuala_Lumpur" => Some(8 * 3600),
        "Asia/Tokyo" | "Asia/Seoul" => Some(9 * 3600),
        "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT" => Some(0),
        _ => None,
    }
}

/// Hexo's tags that have a Markdown equivalent.
fn convert(body: &str, file: &Path, report: &mut Report) -> String {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut out = body.to_string();
    if let Ok(re) = regex::Regex::new(r#"\{%\s*asset_img\s+(\S+)(?:\s+([^%]*?))?\s*%\}"#) {
        out = re
            .replace_all(&out, |c: &regex::Captures| {
                report.converted(Conversion::AssetImg);
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
                report.converted(Conversion::PostLink);
                match c.get(2).map(|m| m.as_str().trim()).filter(|t| !t.is_empty()) {
                    Some(t) => format!("[[{}|{t}]]", &c[1]),
                    None => format!("[[{}]]", &c[1]),
                }
            })
            .into_owned();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hexo_fills_hash_id_and_front_matter_tokens() {
        // Hexo's documentation: hello-world, 2013-07-14 17:01:34 (built in UTC).
        let mut front = serde_json::Map::new();
        front.insert("abbrlink".into(), serde_json::json!(3_512_345));
        let mut r = Report::default();
        let got = addresses(":title-:hash/", "hello-world", "2013-07-14 17:01:34", &front, 0, "x", &mut r);
        assert_eq!(got, ["/hello-world-a2c8ac003b43/"]);
        let got = addresses("posts/:abbrlink.html", "lorem/hello-world", "2013-07-14", &front, 0, "x", &mut r);
        assert_eq!(got, ["/posts/3512345.html"]);
        let got = addresses(":year/:timestamp/:name/", "lorem/a", "2013-07-14T17:01:34+08:00", &front, 0, "x", &mut r);
        assert_eq!(got, ["/2013/1373792494/a/"]);
        assert!(r.todo.is_empty());
        addresses("p/:id/", "a", "2013-07-14", &front, 0, "source/_posts/a.md", &mut r);
        assert_eq!(r.todo.len(), 1, "{:?}", r.todo);
        front.insert("id".into(), serde_json::json!("42"));
        assert_eq!(addresses("p/:id/", "a", "2013-07-14", &front, 0, "x", &mut r), ["/p/42/"]);
        assert_eq!(zone_offset("Asia/Shanghai"), Some(28_800));
        assert_eq!(zone_offset("America/Lima"), None);
    }
}
