//! The three ways front matter is written at the top of a file: YAML
//! between `---` lines (casebook's own), TOML between `+++` lines (Hugo)
//! and a JSON `{ ... }` block (Hugo). TOML and JSON are turned into the
//! same YAML value, so every field is checked by the same code
//! ([`super::frontmatter`]); positions stay those of the whole file.
//!
//! TOML is read with the `toml` crate: TOML's strings, dates and tables
//! have enough rules (multi-line and literal strings, escapes, dotted
//! keys) that a hand-made reader would misread real files.

use serde_norway::{Mapping, Number, Value};

use crate::diagnostics::{line_col, Problem};

/// How the front matter is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    Json,
}

/// A file cut at the end of its front matter.
pub struct Split<'a> {
    pub format: Format,
    /// The front matter from line 2 of the file on (for JSON, without the
    /// first line, so line numbers stay those of the file).
    pub front: &'a str,
    /// What a JSON parser reads: the whole `{ ... }` block.
    pub json: &'a str,
    pub body: &'a str,
    /// 1-based line of the file where `body` starts.
    pub body_line: usize,
}

/// Why a file cannot be cut into front matter and body.
pub enum NoSplit {
    /// It does not start with `---`, `+++` or `{`.
    Missing,
    /// The fence is never closed: (line, column, problem).
    Unclosed(usize, usize, Box<Problem>),
}

/// Cuts `text` after its front matter.
pub fn split(text: &str) -> Result<Split<'_>, NoSplit> {
    let first = text.split_inclusive('\n').next().unwrap_or_default();
    match first.trim_end() {
        "---" => fenced(text, first, Format::Yaml, &["---", "..."]),
        "+++" => fenced(text, first, Format::Toml, &["+++"]),
        t if t.starts_with('{') && starts_json(text) => json_block(text, first),
        _ => Err(NoSplit::Missing),
    }
}

/// Whether `text` starts with JSON front matter: `{"title": ...` or `{`
/// then `"title"`; a page starting with `{% hint %}` (GitBook) or `{%
/// include %}` (Jekyll) does not. (`casebook import` reads by this rule too.)
pub fn starts_json(text: &str) -> bool {
    text.strip_prefix('{').is_some_and(|rest| rest.trim_start().starts_with(['"', '}']))
}

fn fenced<'a>(text: &'a str, first: &str, format: Format, closers: &[&str]) -> Result<Split<'a>, NoSplit> {
    let mut offset = first.len();
    for (i, line) in text[first.len()..].split_inclusive('\n').enumerate() {
        if closers.contains(&line.trim_end()) {
            let front = &text[first.len()..offset];
            return Ok(Split { format, front, json: "", body: &text[offset + line.len()..], body_line: i + 3 });
        }
        offset += line.len();
    }
    let problem = match format {
        Format::Toml => Problem::FrontMatterUnclosedToml,
        _ => Problem::FrontMatterUnclosed,
    };
    Err(NoSplit::Unclosed(1, 1, Box::new(problem)))
}

/// The JSON value at the top ends where the parser stops; the body starts
/// on the next line.
fn json_block<'a>(text: &'a str, first: &str) -> Result<Split<'a>, NoSplit> {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    match values.next() {
        Some(Ok(_)) => {}
        Some(Err(e)) => {
            let parser = e.to_string().split(" at line ").next().unwrap_or_default().to_string();
            return Err(NoSplit::Unclosed(
                e.line().max(1),
                e.column().max(1),
                Box::new(Problem::JsonUnreadable { parser }),
            ));
        }
        None => return Err(NoSplit::Missing),
    }
    let end = values.byte_offset();
    let body_start = text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
    let (body_line, _) = line_col(text, body_start);
    let front = &text[first.len().min(end)..end];
    Ok(Split { format: Format::Json, front, json: &text[..end], body: &text[body_start..], body_line })
}

/// TOML front matter as a YAML value, or where and why it cannot be read
/// (1-based line in `front`, column, problem).
pub fn toml_value(front: &str) -> Result<Value, (usize, usize, Box<Problem>)> {
    match front.parse::<toml::Table>() {
        Ok(table) => Ok(Value::Mapping(table.into_iter().map(|(k, v)| (Value::String(k), from_toml(v))).collect())),
        Err(e) => {
            let (line, col) = e.span().map_or((1, 1), |s| line_col(front, s.start));
            let parser = e.message().trim().to_string();
            Err((line, col, Box::new(Problem::TomlUnreadable { parser })))
        }
    }
}

fn from_toml(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(n) => Value::Number(Number::from(n)),
        toml::Value::Float(f) => Value::Number(Number::from(f)),
        toml::Value::Boolean(b) => Value::Bool(b),
        // A date is read by the same code as YAML's: as its text.
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Sequence(items.into_iter().map(from_toml).collect()),
        toml::Value::Table(t) => Value::Mapping(t.into_iter().map(|(k, v)| (Value::String(k), from_toml(v))).collect()),
    }
}

/// JSON front matter (already known to parse) as a YAML value.
pub fn json_value(json: &str) -> Value {
    serde_json::from_str::<serde_json::Value>(json).map(from_json).unwrap_or(Value::Mapping(Mapping::new()))
}

fn from_json(v: serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Value::Number(Number::from(i)),
            (_, Some(u), _) => Value::Number(Number::from(u)),
            (_, _, Some(f)) => Value::Number(Number::from(f)),
            _ => Value::String(n.to_string()),
        },
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(items) => Value::Sequence(items.into_iter().map(from_json).collect()),
        serde_json::Value::Object(o) => {
            Value::Mapping(o.into_iter().map(|(k, v)| (Value::String(k), from_json(v))).collect())
        }
    }
}

/// The 0-based line in `front` and 1-based column of the value of
/// top-level `key`: `key: v` (YAML), `key = v` (TOML), `"key": v` (JSON).
pub fn key_position(format: Format, front: &str, key: &str) -> Option<(usize, usize)> {
    let (written, sep) = match format {
        Format::Yaml => return crate::yaml::key_position(front, key),
        Format::Toml => (key.to_string(), '='),
        Format::Json => (format!("\"{key}\""), ':'),
    };
    front.lines().enumerate().find_map(|(i, line)| {
        let trimmed = line.trim_start();
        let rest = trimmed.strip_prefix(&written)?;
        let value = rest.trim_start().strip_prefix(sep)?;
        let value = value.trim_start();
        let col = line.chars().count() - value.chars().count() + 1;
        Some((i, col))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_each_format() {
        let toml = "+++\ntitle = \"退貨\"\n+++\n正文\n";
        let s = split(toml).ok().unwrap();
        assert_eq!((s.format, s.front, s.body, s.body_line), (Format::Toml, "title = \"退貨\"\n", "正文\n", 4));
        let json = "{\n  \"title\": \"退貨\",\n  \"tags\": [\"a\"]\n}\n\n正文\n";
        let s = split(json).ok().unwrap();
        assert_eq!((s.format, s.body, s.body_line), (Format::Json, "\n正文\n", 5));
        assert_eq!(key_position(Format::Json, s.front, "tags"), Some((1, 11)));
        assert_eq!(key_position(Format::Toml, "a = 1\ntitle = \"x\"\n", "title"), Some((1, 9)));
        assert!(
            matches!(split("+++\ntitle = 1\n"), Err(NoSplit::Unclosed(1, 1, p)) if *p == Problem::FrontMatterUnclosedToml)
        );
        assert!(
            matches!(split("{\n\"title\": \"x\"\n"), Err(NoSplit::Unclosed(_, _, p)) if matches!(*p, Problem::JsonUnreadable { .. }))
        );
        assert!(matches!(split("# 標題\n"), Err(NoSplit::Missing)));
        assert!(matches!(split("{% hint style=\"info\" %}\n提示\n{% endhint %}\n"), Err(NoSplit::Missing)));
    }

    #[test]
    fn toml_values_become_yaml_values() {
        let v = toml_value("title = \"x\"\ndate = 2016-05-01T12:00:00+08:00\ndraft = false\ntags = [\"a\"]\n")
            .ok()
            .unwrap();
        let m = v.as_mapping().unwrap();
        assert_eq!(m["date"], Value::String("2016-05-01T12:00:00+08:00".into()));
        assert_eq!(m["draft"], Value::Bool(false));
        let Err((line, _, p)) = toml_value("title = \"x\"\ndate = 退貨\n") else { panic!() };
        assert!(matches!(*p, Problem::TomlUnreadable { .. }));
        assert_eq!(line, 2);
    }
}
