//! YAML front matter read into a value, with the slips writers make named
//! where the parser's own words would not help: a full-width colon, no
//! space after a colon, a value starting with a character YAML gives a
//! meaning to, a backslash inside double quotes. Lines are 1-based inside
//! the YAML (which starts on line 2 of the file).

use serde_norway::{Mapping, Value};

use super::frontmatter::{misspelled_field, KNOWN_FIELDS};
use crate::diagnostics::Problem;
use crate::yaml;

/// YAML front matter as a value, or (1-based line in `yaml`, column, problem).
pub fn yaml_value(yaml_text: &str) -> Result<Value, (usize, usize, Box<Problem>)> {
    if let Some((line, col, problem)) = precheck(yaml_text) {
        return Err((line, col, Box::new(problem)));
    }
    if let Err(r) = yaml::guard(yaml_text) {
        return Err((r.line, r.col, r.problem));
    }
    if yaml_text.trim().is_empty() {
        return Ok(Value::Mapping(Mapping::new()));
    }
    serde_norway::from_str(yaml_text).map_err(|err| {
        let (line, col, problem) = yaml::explain_error(&err, yaml_text);
        let (line, col, problem) = match problem {
            // An unknown escape is reported as an unclosed quote.
            Problem::YamlUnclosedQuote => backslash_in_quotes(yaml_text, line).unwrap_or((line, col, problem)),
            _ => special_first_character(yaml_text, line).unwrap_or((line, col, problem)),
        };
        (line, col, Box::new(problem))
    })
}

/// `title: "C:\Users\me"`: YAML reads `\U` as the start of an escape and
/// fails; the message says so instead of "never closed". `line` is the
/// 1-based line where the quote opened.
fn backslash_in_quotes(yaml_text: &str, line: usize) -> Option<(usize, usize, Problem)> {
    let text = yaml_text.lines().nth(line.checked_sub(1)?)?;
    let (key, value) = text.split_once(':')?;
    let value = value.trim();
    let inner = value.strip_prefix('"')?;
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    if !inner.contains('\\') {
        return None;
    }
    let col = text.chars().count() - text[key.len() + 1..].trim_start().chars().count() + 1;
    let problem = Problem::BackslashInQuotes { key: key.trim().to_string(), value: inner.replace('\'', "''") };
    Some((line, col, problem))
}

/// Mistakes that make YAML misread a whole line, found before parsing so the
/// message can name them: a full-width colon, or no space after the colon.
/// Returns (1-based line in `yaml_text`, column, problem).
fn precheck(yaml_text: &str) -> Option<(usize, usize, Problem)> {
    for (i, line) in yaml_text.lines().enumerate() {
        let key: String = line.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if key.is_empty() {
            continue;
        }
        let rest = &line[key.len()..];
        let col = key.chars().count() + 1;
        if rest.starts_with('：') {
            return Some((i + 1, col, Problem::FullWidthColon { key }));
        }
        if let Some(after) = rest.strip_prefix(':') {
            if !after.is_empty()
                && !after.starts_with([' ', '\t'])
                && (KNOWN_FIELDS.contains(&key.as_str()) || misspelled_field(&key).is_some())
            {
                let problem = Problem::NoSpaceAfterColon { key, value: after.to_string() };
                return Some((i + 1, col + 1, problem));
            }
        }
    }
    None
}

/// When YAML fails on a line whose value starts with a character YAML gives
/// a meaning to (`[`, `*`, `'`, `#`...), says so: that is the usual cause.
/// Looks at the failing line and the one before; returns (line, column, problem).
fn special_first_character(yaml_text: &str, failing_line: usize) -> Option<(usize, usize, Problem)> {
    let lines: Vec<&str> = yaml_text.lines().collect();
    let candidates = [failing_line.checked_sub(1), failing_line.checked_sub(2)];
    for idx in candidates.into_iter().flatten() {
        let line = lines.get(idx)?;
        let (key, value) = line.split_once(':')?;
        let value = value.trim_start();
        if key.starts_with([' ', '-']) || !matches!(key.trim(), "title" | "summary" | "product" | "series" | "slug") {
            continue;
        }
        if let Some(first) = value.chars().next().filter(|c| "[]{}*&!|>'\"%@`#".contains(*c)) {
            let col = line[..line.len() - value.len()].chars().count() + 1;
            let problem =
                Problem::SpecialFirstCharacter { key: key.trim().to_string(), first, value: value.to_string() };
            return Some((idx + 1, col, problem));
        }
    }
    None
}
