//! One post of the source as the importer reads it, and what every kind of
//! source shares: splitting front matter written as YAML (`---`), TOML
//! (`+++`) or JSON (`{`), reading the dates these tools write, and turning
//! the fields into casebook's front matter.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::{Map, Value};

use super::Report;
use crate::diagnostics::imported::Todo;

/// A post read from the source, before its front matter is rewritten.
#[derive(Debug, Default)]
pub struct Post {
    /// The file in the source (for messages: relative to the source folder).
    pub shown: String,
    pub file: PathBuf,
    /// Where it goes, under the journal's `content/`: `posts/hello.md`.
    pub target: String,
    /// The source's fields, as JSON values (TOML and YAML converted).
    pub front: Map<String, Value>,
    pub body: String,
    /// The line of the source file the body starts on.
    pub body_line: usize,
    /// Old addresses computed from the source's permalink settings.
    pub aliases: Vec<String>,
    /// Set by the source kind (GitBook's SUMMARY.md order).
    pub series: Option<(String, i64)>,
    /// A title the source gives besides the front matter (SUMMARY.md).
    pub fallback_title: Option<String>,
    pub draft: bool,
    /// A page bundle's folder (`index.md` with its files): copied whole.
    pub bundle: Option<PathBuf>,
    /// Whether relative links between pages were read from the page's
    /// address (Hugo, Hexo, Jekyll) rather than from its file (GitBook).
    pub page_relative: bool,
}

/// Splits front matter from the body: `(fields, body, body line, format)`.
/// A file without front matter gives no fields and the whole text.
pub fn split(text: &str) -> Result<(Map<String, Value>, String, usize), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default().trim_end();
    let fence = match first {
        "---" => "---",
        "+++" => "+++",
        _ if crate::content::formats::starts_json(text) => return split_json(text),
        _ => return Ok((Map::new(), text.to_string(), 1)),
    };
    let start = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    let mut offset = start;
    for (i, line) in text[start..].split_inclusive('\n').enumerate() {
        let t = line.trim_end();
        if t == fence || (fence == "---" && t == "...") {
            let raw = &text[start..offset];
            let body = text[offset + line.len()..].to_string();
            let fields = if fence == "+++" { toml_fields(raw)? } else { yaml_fields(raw)? };
            return Ok((fields, body, i + 3));
        }
        offset += line.len();
    }
    Err("the front matter is never closed".to_string())
}

fn split_json(text: &str) -> Result<(Map<String, Value>, String, usize), String> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Map<String, Value>>();
    match stream.next() {
        Some(Ok(map)) => {
            let end = stream.byte_offset();
            let rest = &text[end..];
            let rest = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')).unwrap_or(rest);
            let line = text[..text.len() - rest.len()].matches('\n').count() + 1;
            Ok((map, rest.to_string(), line))
        }
        Some(Err(e)) => Err(format!("the JSON front matter cannot be read: {e}")),
        None => Ok((Map::new(), text.to_string(), 1)),
    }
}

pub fn yaml_fields(raw: &str) -> Result<Map<String, Value>, String> {
    if raw.trim().is_empty() {
        return Ok(Map::new());
    }
    let v: serde_norway::Value = serde_norway::from_str(raw).map_err(|e| format!("the YAML cannot be read: {e}"))?;
    match yaml_to_json(v) {
        Value::Object(m) => Ok(m),
        Value::Null => Ok(Map::new()),
        _ => Err("the front matter is not a set of fields".to_string()),
    }
}

pub fn toml_fields(raw: &str) -> Result<Map<String, Value>, String> {
    let table: toml::Table = toml::from_str(raw).map_err(|e| format!("the TOML cannot be read: {e}"))?;
    match toml_to_json(toml::Value::Table(table)) {
        Value::Object(m) => Ok(m),
        _ => Ok(Map::new()),
    }
}

pub fn yaml_to_json(v: serde_norway::Value) -> Value {
    use serde_norway::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else {
                n.as_f64().map(Value::from).unwrap_or(Value::Null)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s,
                        other => serde_norway::to_string(&other).unwrap_or_default().trim().to_string(),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => yaml_to_json(t.value),
    }
}

pub fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// A field's text, when it has some (blank values count as absent).
pub fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The language a setting names (`zh-CN`, or a list whose first item
/// does, as Hexo allows), when it is one casebook speaks.
pub fn language(v: Option<&Value>) -> Option<crate::lang::Lang> {
    let first = match v? {
        Value::Array(items) => items.first(),
        one => Some(one),
    };
    crate::lang::Lang::from_code(&text(first)?)
}

/// Every string in a field: a list (nested lists flattened, as Hexo writes
/// categories), or one string split at commas.
pub fn strings(v: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => {
                out.extend(s.split([',', '，', '、']).map(str::trim).filter(|t| !t.is_empty()).map(String::from))
            }
            Value::Number(n) => out.push(n.to_string()),
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    if let Some(v) = v {
        walk(v, &mut out);
    }
    out
}

/// `yes`, `no`, `"false"`, `true`: a truth value, when it is one.
pub fn truth(v: Option<&Value>) -> Option<bool> {
    match v? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_lowercase().as_str() {
            "true" | "yes" | "on" | "y" => Some(true),
            "false" | "no" | "off" | "n" | "" => Some(false),
            _ => None,
        },
        Value::Number(n) => Some(n.as_i64() != Some(0)),
        _ => None,
    }
}

/// A date in any form these tools write, as casebook reads it:
/// `2016-05-01`, `2016-05-01 12:00:00`, or RFC 3339 with the offset
/// (`2016-05-01T12:00:00+08:00`). `2016/05/01`, `2016-5-1`, `2016-05`
/// (the first of the month), `+0800` and `Z` are understood.
pub fn date(written: &str) -> Option<String> {
    // Read with the build's own rules (content::dates), written back in
    // casebook's form, keeping an offset only when the source wrote one.
    use crate::content::dates::{parse_day, parse_time};
    let s = written.trim().trim_matches(['"', '\'']);
    let (day, rest) = match s.find([' ', 'T']) {
        Some(at) => (&s[..at], s[at + 1..].trim()),
        None => (s, ""),
    };
    let day = parse_day(day)?.format("%Y-%m-%d").to_string();
    if rest.is_empty() {
        return Some(day);
    }
    let (time, zone) = parse_time(rest)?;
    let time = time.format("%H:%M:%S");
    Some(match zone {
        None => format!("{day} {time}"),
        Some(z) => format!("{day}T{time}{z}"),
    })
}

/// `body` without line `n` (0-based) and the blank lines right after it.
pub fn without_line(body: &str, n: usize) -> String {
    let mut out = String::with_capacity(body.len());
    let mut skipping = false;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        if i == n {
            skipping = true;
            continue;
        }
        if skipping && line.trim().is_empty() {
            continue;
        }
        skipping = false;
        out.push_str(line);
    }
    out
}

/// A string as YAML (a JSON string is a valid YAML double-quoted scalar).
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// The fields of the written front matter, in a fixed order.
#[derive(Debug, Default)]
pub struct Written {
    pub title: String,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub draft: bool,
    pub summary: Option<String>,
    pub slug: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub series: Option<(String, i64)>,
    pub aliases: Vec<String>,
    pub lang: Option<String>,
}

impl Written {
    pub fn yaml(&self) -> String {
        let mut y = format!("---\ntitle: {}\n", quoted(&self.title));
        if let Some(d) = &self.date {
            y += &format!("date: {d}\n");
        }
        if let Some(d) = &self.updated {
            y += &format!("updated: {d}\n");
        }
        if self.draft {
            y += "draft: true\n";
        }
        let mut one = |key: &str, v: &Option<String>| {
            if let Some(v) = v {
                y += &format!("{key}: {}\n", quoted(v));
            }
        };
        one("summary", &self.summary);
        one("slug", &self.slug);
        one("lang", &self.lang);
        let list = |key: &str, items: &[String]| -> String {
            if items.is_empty() {
                return String::new();
            }
            let items: Vec<String> = items.iter().map(|i| quoted(i)).collect();
            format!("{key}: [{}]\n", items.join(", "))
        };
        y += &list("authors", &self.authors);
        y += &list("tags", &self.tags);
        if let Some((name, order)) = &self.series {
            y += &format!("series: {}\nseries_order: {order}\n", quoted(name));
        }
        if !self.aliases.is_empty() {
            y += "aliases:\n";
            for a in &self.aliases {
                y += &format!("  - {}\n", quoted(a));
            }
        }
        y + "---\n"
    }
}

/// The fields casebook understands, from the source's, counting what was
/// mapped and dropped in `report`. Author names are returned as written.
pub fn fields(post: &Post, report: &mut Report) -> Written {
    let f = &post.front;
    let mut w = Written { draft: post.draft, series: post.series.clone(), ..Default::default() };
    let mut used: Vec<&str> = Vec::new();
    let mut take = |keys: &[&'static str], report: &mut Report| -> Option<Value> {
        for k in keys {
            if let Some(v) = f.get(*k) {
                used.push(k);
                report.mapped(k);
                return Some(v.clone());
            }
        }
        None
    };
    w.title = text(take(&["title"], report).as_ref()).unwrap_or_default();
    let date_of = |v: Option<Value>, report: &mut Report, key: &str| -> Option<String> {
        let t = text(v.as_ref())?;
        let d = date(&t);
        if d.is_none() {
            report.todo(&post.shown, 1, Todo::DateNotUnderstood { key: key.to_string(), written: t.clone() });
        }
        d
    };
    w.date = date_of(take(&["date", "publishDate", "pubDate"], report), report, "date");
    w.updated = date_of(take(&["updated", "lastmod", "last_modified_at", "modified"], report), report, "updated");
    if let Some(d) = truth(take(&["draft"], report).as_ref()) {
        w.draft |= d;
    }
    if let Some(p) = truth(take(&["published"], report).as_ref()) {
        w.draft |= !p;
    }
    w.summary = text(take(&["summary", "description", "excerpt"], report).as_ref());
    w.slug = text(take(&["slug"], report).as_ref());
    w.lang = text(take(&["lang", "language"], report).as_ref());
    w.authors = strings(take(&["authors", "author"], report).as_ref());
    let mut tags = strings(take(&["tags"], report).as_ref());
    tags.extend(strings(take(&["categories", "category"], report).as_ref()));
    let mut seen = std::collections::HashSet::new();
    tags.retain(|t| seen.insert(t.clone()));
    w.tags = tags;
    let mut aliases = strings(take(&["aliases"], report).as_ref());
    if let Some(url) = text(take(&["url", "permalink"], report).as_ref()) {
        aliases.push(url);
    }
    aliases.extend(post.aliases.iter().cloned());
    let mut seen = std::collections::HashSet::new();
    w.aliases = aliases.into_iter().filter(|a| crate::urls::alias(a).is_some_and(|p| seen.insert(p))).collect();
    for key in f.keys().filter(|k| !used.contains(&k.as_str())) {
        report.dropped(key);
    }
    w
}

/// Files a post names by relative address (images, attachments), with where
/// each is written: `(line in the body, address as written)`.
pub fn local_addresses(body: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let patterns = [
        r#"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)"#,
        r#"<(?:img|a)\s[^>]*?(?:src|href)\s*=\s*["']([^"']+)["']"#,
    ];
    for p in patterns {
        let Ok(re) = regex::Regex::new(p) else { continue };
        for (i, line) in body.lines().enumerate() {
            for c in re.captures_iter(line) {
                if let Some(m) = c.get(1) {
                    out.push((i, m.as_str().to_string()));
                }
            }
        }
    }
    out
}

/// Whether an address names a file of the source to copy (not a page, a web
/// address or a heading).
pub fn is_local_file(address: &str) -> bool {
    let path = address.split(['#', '?']).next().unwrap_or_default();
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
    !path.is_empty()
        && !path.contains("://")
        && !path.starts_with("mailto:")
        && !path.starts_with("//")
        && !ext.is_empty()
        && !matches!(ext.as_str(), "md" | "markdown" | "html" | "htm")
        && !ext.contains('/')
}

/// Counted names, printed as `title 5, date 4`.
pub fn counts(map: &BTreeMap<String, usize>) -> String {
    map.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        let table = [
            ("2016-05-01 12:00:00 +0800", Some("2016-05-01T12:00:00+08:00")),
            ("2016-05-01T12:00:00Z", Some("2016-05-01T12:00:00+00:00")),
            ("2016-05-01T12:00:00+08:00", Some("2016-05-01T12:00:00+08:00")),
            ("2016-05-01 12:00", Some("2016-05-01 12:00:00")),
            ("2016/05/01", Some("2016-05-01")),
            ("2016-5-1", Some("2016-05-01")),
            ("2016-05", Some("2016-05-01")),
            ("2016-02-30", None),
            ("", None),
            ("yesterday", None),
        ];
        for (written, want) in table {
            assert_eq!(date(written).as_deref(), want, "{written}");
        }
    }

    #[test]
    fn front_matter_in_three_languages() {
        let (f, body, line) = split("+++\ntitle = \"A\"\ndate = 2016-05-01T12:00:00+08:00\n+++\nbody\n").unwrap();
        assert_eq!(f["title"], "A");
        assert_eq!(f["date"], "2016-05-01T12:00:00+08:00");
        assert_eq!((body.as_str(), line), ("body\n", 5));
        let (f, body, line) = split("---\ntitle: B\nupdated:\n---\nx\n").unwrap();
        assert_eq!(f["title"], "B");
        assert!(f["updated"].is_null());
        assert_eq!((body.as_str(), line), ("x\n", 5));
        let (f, body, _) = split("{\"title\": \"C\"}\nbody\n").unwrap();
        assert_eq!((f["title"].as_str(), body.as_str()), (Some("C"), "body\n"));
        // Template code at the top is the body, as the build reads it.
        let (f, body, _) = split("{% include_relative SUMMARY.md %}\n").unwrap();
        assert!(f.is_empty() && body.starts_with("{%"));
        let (f, body, line) = split("# Only\n").unwrap();
        assert!(f.is_empty());
        assert_eq!((body.as_str(), line), ("# Only\n", 1));
    }

    #[test]
    fn truth_values() {
        for (v, want) in
            [(Value::from("yes"), Some(true)), (Value::from("false"), Some(false)), (Value::Bool(true), Some(true))]
        {
            assert_eq!(truth(Some(&v)), want);
        }
    }
}
