//! Splits a Markdown file into front matter and body, and checks every field.
//!
//! Positions in messages are in the coordinates of the whole file: the YAML
//! starts on line 2, after the opening `---` fence. A BOM is skipped and CRLF
//! line endings are read like LF (neither moves a line number).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use serde_norway::{Mapping, Value};

use crate::config::{Config, Kind, COMPETENCIES};
use crate::diagnostics::{closest, line_col, DateError, Diagnostic, Found, Problem};
use crate::fold::fold;
use crate::yaml;

/// Front matter after checking: every value has the type the program uses.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub title: String,
    pub date: Option<DateTime<FixedOffset>>,
    pub updated: Option<DateTime<FixedOffset>>,
    pub kind: Option<Kind>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub draft: bool,
    pub slug: Option<String>,
    pub channel: Option<String>,
    pub product: Option<String>,
    pub priority: Option<String>,
    pub outcome: Option<String>,
    pub satisfaction: Option<u8>,
    pub competencies: Vec<String>,
    pub series: Option<String>,
    pub series_order: Option<i64>,
    /// For a critique: the article it answers (slug, path or title).
    pub responds_to: Option<String>,
    /// The language of the text (`zh-Hans`, `en`), when it differs from the site's.
    pub lang: Option<String>,
    /// Old addresses of the article (`/2017/04/退貨/`, `old/page.html`), as
    /// written: each gets a page sending readers on ([`crate::urls::alias`]).
    pub aliases: Vec<String>,
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Line and column (in the whole file) of each field's value, for
    /// messages from later stages.
    pub positions: BTreeMap<String, (usize, usize)>,
}

/// A file split into its parts.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub front: FrontMatter,
    /// The YAML between the fences, as written (it starts on line 2).
    pub front_text: String,
    pub body: String,
    /// 1-based line of the file where `body` starts.
    pub body_line: usize,
}

/// Decodes the bytes of a file into text: UTF-8, BOM skipped, CRLF as LF.
pub fn decode(bytes: &[u8], rel: &Path) -> Result<String, Diagnostic> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, col) = line_col(good, good.len());
            return Err(Diagnostic::error(rel, line, col, Problem::NotUtf8));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() })
}

/// Splits and checks a decoded file. All problems found are returned; the
/// parse fails only if the file cannot be used at all.
pub fn parse(text: &str, rel: &Path, config: &Config) -> (Option<Parsed>, Vec<Diagnostic>) {
    if text.trim().is_empty() {
        return (None, vec![Diagnostic::error(rel, 1, 1, Problem::EmptyFile)]);
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        return (None, vec![Diagnostic::error(rel, 1, 1, Problem::NoFrontMatter)]);
    }
    let mut offset = first.len();
    let mut closing = None;
    for (i, line) in lines.enumerate() {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            closing = Some((i + 2, offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((close_line, yaml_end, body_start)) = closing else {
        return (None, vec![Diagnostic::error(rel, 1, 1, Problem::FrontMatterUnclosed)]);
    };
    let yaml_text = &text[first.len()..yaml_end];
    let body = text[body_start..].to_string();
    let body_line = close_line + 1;

    if let Some(d) = precheck(yaml_text, rel) {
        return (None, vec![d]);
    }
    if let Err(r) = yaml::guard(yaml_text) {
        return (None, vec![Diagnostic::error(rel, r.line + 1, r.col, r.problem)]);
    }
    let value: Value = if yaml_text.trim().is_empty() {
        Value::Mapping(Mapping::new())
    } else {
        match serde_norway::from_str(yaml_text) {
            Ok(v) => v,
            Err(err) => {
                let (line, col, problem) = yaml::explain_error(&err, yaml_text);
                // An unclosed quote already has the clearest message.
                let (line, col, problem) = match problem {
                    Problem::YamlUnclosedQuote => (line, col, problem),
                    _ => special_first_character(yaml_text, line).unwrap_or((line, col, problem)),
                };
                let d = Diagnostic::error(rel, line + 1, col, problem);
                return (None, vec![d]);
            }
        }
    };
    let Value::Mapping(map) = value else {
        return (None, vec![Diagnostic::error(rel, 2, 1, Problem::FrontMatterNotFields)]);
    };
    let mut checker = Checker { rel, yaml: yaml_text, diags: Vec::new(), config };
    let front = checker.front_matter(map);
    (Some(Parsed { front, front_text: yaml_text.to_string(), body, body_line }), checker.diags)
}

struct Checker<'a> {
    rel: &'a Path,
    yaml: &'a str,
    diags: Vec<Diagnostic>,
    config: &'a Config,
}

impl Checker<'_> {
    /// Line and column of `key`'s value in the whole file.
    fn at(&self, key: &str) -> (usize, usize) {
        yaml::key_position(self.yaml, key).map(|(l, c)| (l + 2, c)).unwrap_or((1, 1))
    }

    fn error(&mut self, key: &str, problem: Problem) {
        let (line, col) = self.at(key);
        self.diags.push(Diagnostic::error(self.rel, line, col, problem));
    }

    fn front_matter(&mut self, map: Mapping) -> FrontMatter {
        let mut f = FrontMatter::default();
        let mut has_title = false;
        for (k, v) in map {
            let key = match &k {
                Value::String(s) => s.clone(),
                other => yaml::key_name(other),
            };
            f.positions.insert(key.clone(), self.at(&key));
            match key.as_str() {
                "title" => {
                    has_title = true;
                    f.title = self.string(&key, &v).unwrap_or_default();
                    let commented = yaml::key_position(self.yaml, "title")
                        .and_then(|(i, _)| self.yaml.lines().nth(i))
                        .is_some_and(|l| l.split_once(':').is_some_and(|(_, v)| v.trim_start().starts_with('#')));
                    if f.title.trim().is_empty() && !commented && !matches!(v, Value::Sequence(_) | Value::Mapping(_)) {
                        self.error(&key, Problem::EmptyTitle);
                    }
                }
                "date" => f.date = self.date(&key, &v),
                "updated" => f.updated = self.date(&key, &v),
                "kind" => {
                    if let Some(s) = self.string(&key, &v) {
                        f.kind = Kind::parse(&s);
                        if f.kind.is_none() {
                            self.error(&key, Problem::BadKind { found: s });
                        }
                    }
                }
                "authors" | "author" => f.authors = self.list(&key, &v),
                "tags" => f.tags = self.list(&key, &v),
                "summary" => f.summary = self.string(&key, &v),
                "draft" => match v {
                    Value::Bool(b) => f.draft = b,
                    other => self.error(&key, Problem::BadDraft { found: yaml::describe(&other) }),
                },
                "slug" => f.slug = self.string(&key, &v),
                "channel" => f.channel = self.one_of(&key, &v, &self.config.channels.clone()),
                "outcome" => f.outcome = self.one_of(&key, &v, &self.config.outcomes.clone()),
                "priority" => f.priority = self.one_of(&key, &v, &self.config.priorities.clone()),
                "product" => f.product = self.string(&key, &v),
                "series" => f.series = self.string(&key, &v),
                "lang" => f.lang = self.string(&key, &v),
                "responds_to" => {
                    f.responds_to = self.string(&key, &v);
                    if f.responds_to.as_deref().is_none_or(str::is_empty) {
                        self.error(&key, Problem::EmptyRespondsTo);
                    }
                }
                "series_order" => f.series_order = self.integer(&key, &v),
                "aliases" => f.aliases = self.list(&key, &v),
                "satisfaction" => {
                    let n = self.integer(&key, &v);
                    match n {
                        Some(n @ 1..=5) => f.satisfaction = Some(n as u8),
                        Some(n) => self.error(&key, Problem::BadSatisfaction { found: n }),
                        None => {}
                    }
                }
                "competencies" => {
                    let items = self.list(&key, &v);
                    for c in items {
                        // 衝突 and 沖突 (and Simplified forms) are one word.
                        if let Some(known) = COMPETENCIES.iter().find(|k| fold(k) == fold(&c)) {
                            f.competencies.push(known.to_string());
                        } else {
                            let suggestion = closest(&c, COMPETENCIES).map(str::to_string);
                            let all = COMPETENCIES.iter().map(|c| c.to_string()).collect();
                            self.error(&key, Problem::UnknownCompetency { name: c, suggestion, all });
                        }
                    }
                }
                _ => {
                    if let Some(known) = misspelled_field(&key) {
                        let (line, col) = self.at(&key);
                        self.diags.push(Diagnostic::warning(
                            self.rel,
                            line,
                            col.saturating_sub(key.chars().count() + 2).max(1),
                            Problem::MisspelledField { key: key.clone(), known: known.to_string() },
                        ));
                    }
                    let json = serde_json::to_value(&v).unwrap_or(serde_json::Value::Null);
                    f.extra.insert(key, json);
                }
            }
        }
        self.check_comments(&["title", "summary"]);
        if !has_title {
            self.diags.push(Diagnostic::error(self.rel, 1, 1, Problem::MissingTitle));
        }
        // A missing `date` may come from git (the first commit of the file):
        // the build decides, once it has read the history.
        f
    }

    /// YAML reads ` #` and a leading `#` as the start of a comment, which
    /// silently cuts a title like `耳機退貨 #3`.
    fn check_comments(&mut self, keys: &[&str]) {
        for key in keys {
            let Some((i, _)) = yaml::key_position(self.yaml, key) else { continue };
            let Some(line) = self.yaml.lines().nth(i) else { continue };
            let raw = line.split_once(':').map(|(_, v)| v.trim()).unwrap_or_default();
            if raw.starts_with(['"', '\'']) {
                continue;
            }
            let cut = if raw.starts_with('#') { Some(0) } else { raw.find(" #") };
            if let Some(at) = cut {
                let kept = (at > 0).then(|| raw[..at].to_string());
                let problem = Problem::CommentInValue { key: key.to_string(), raw: raw.to_string(), kept };
                let (l, c) = self.at(key);
                self.diags.push(if at == 0 {
                    Diagnostic::error(self.rel, l, c, problem)
                } else {
                    Diagnostic::warning(self.rel, l, c, problem)
                });
            }
        }
    }

    /// A single line of text (what it should hold is said by `key`).
    fn string(&mut self, key: &str, v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Null => None,
            other => {
                self.error(key, Problem::NotText { key: key.to_string(), found: yaml::describe(other) });
                None
            }
        }
    }

    /// A list, or a single string (split at commas, including `，` and `、`).
    fn list(&mut self, key: &str, v: &Value) -> Vec<String> {
        let split = |s: &str| -> Vec<String> {
            s.split([',', '，', '、']).map(str::trim).filter(|t| !t.is_empty()).map(String::from).collect()
        };
        match v {
            Value::Null => Vec::new(),
            Value::String(s) => split(s),
            Value::Number(n) => vec![n.to_string()],
            Value::Sequence(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => out.extend(split(s)),
                        Value::Number(n) => out.push(n.to_string()),
                        Value::Null => {}
                        Value::String(_) => {}
                        other => {
                            self.error(key, Problem::BadListItem { key: key.to_string(), found: yaml::describe(other) })
                        }
                    }
                }
                out
            }
            other => {
                self.error(key, Problem::NotAList { key: key.to_string(), found: yaml::describe(other) });
                Vec::new()
            }
        }
    }

    fn one_of(&mut self, key: &str, v: &Value, allowed: &[String]) -> Option<String> {
        let s = self.string(key, v)?;
        if allowed.iter().any(|a| a == &s) {
            return Some(s);
        }
        let suggestion = closest(&s, allowed.iter().map(String::as_str)).map(str::to_string);
        self.error(key, Problem::NotAllowed { key: key.to_string(), value: s, suggestion, allowed: allowed.to_vec() });
        None
    }

    /// A whole number (which one is said by `key`).
    fn integer(&mut self, key: &str, v: &Value) -> Option<i64> {
        match v {
            Value::Number(n) if n.is_i64() => n.as_i64(),
            Value::String(s) if s.trim().parse::<i64>().is_ok() => s.trim().parse().ok(),
            Value::Null => None,
            other => {
                self.error(key, Problem::NotANumber { key: key.to_string(), found: yaml::describe(other) });
                None
            }
        }
    }

    fn date(&mut self, key: &str, v: &Value) -> Option<DateTime<FixedOffset>> {
        let (found, scalar) = match v {
            Value::String(s) => (Found::Value(s.trim().to_string()), true),
            Value::Number(n) => (Found::Value(n.to_string()), true),
            Value::Null => {
                self.error(key, Problem::EmptyDate { key: key.to_string() });
                return None;
            }
            // A list, a set of fields, true or false, a tagged value: not a date.
            other => (yaml::describe(other), false),
        };
        let problem = match found {
            Found::Value(written) => {
                if let Some(d) = parse_date(&written, self.config.timezone).filter(|_| scalar) {
                    return Some(d);
                }
                let shown = written.trim_matches('`').to_string();
                match impossible_date(&shown) {
                    Some(why) => Problem::ImpossibleDate { key: key.to_string(), written: shown, why },
                    None => Problem::BadDate { key: key.to_string(), found: Found::Value(shown) },
                }
            }
            found => Problem::BadDate { key: key.to_string(), found },
        };
        self.error(key, problem);
        None
    }
}

/// The fields casebook reads from front matter.
pub const KNOWN_FIELDS: [&str; 22] = [
    "title",
    "date",
    "updated",
    "kind",
    "authors",
    "author",
    "tags",
    "summary",
    "draft",
    "slug",
    "channel",
    "product",
    "priority",
    "outcome",
    "satisfaction",
    "competencies",
    "series",
    "series_order",
    "responds_to",
    "lang",
    "featured",
    "aliases",
];

/// A known field that `key` is probably a typo of (`chanel`, `Title`, `tag`).
fn misspelled_field(key: &str) -> Option<&'static str> {
    if KNOWN_FIELDS.contains(&key) {
        return None;
    }
    let lower = key.to_lowercase();
    KNOWN_FIELDS
        .iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(&lower, k), *k))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// Mistakes that make YAML misread a whole line, found before parsing so the
/// message can name them: a full-width colon, or no space after the colon.
fn precheck(yaml_text: &str, rel: &Path) -> Option<Diagnostic> {
    for (i, line) in yaml_text.lines().enumerate() {
        let key: String = line.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if key.is_empty() {
            continue;
        }
        let rest = &line[key.len()..];
        let col = key.chars().count() + 1;
        if rest.starts_with('：') {
            return Some(Diagnostic::error(rel, i + 2, col, Problem::FullWidthColon { key }));
        }
        if let Some(after) = rest.strip_prefix(':') {
            if !after.is_empty()
                && !after.starts_with([' ', '\t'])
                && (KNOWN_FIELDS.contains(&key.as_str()) || misspelled_field(&key).is_some())
            {
                let problem = Problem::NoSpaceAfterColon { key, value: after.to_string() };
                return Some(Diagnostic::error(rel, i + 2, col + 1, problem));
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

/// Why a date written in the right shape cannot exist (`2026-02-30`).
fn impossible_date(text: &str) -> Option<DateError> {
    let day = text.get(..10)?;
    let b = day.as_bytes();
    let shaped = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && day.chars().filter(char::is_ascii_digit).count() == 8;
    if !shaped {
        return None;
    }
    let month: u32 = day[5..7].parse().ok()?;
    if !(1..=12).contains(&month) {
        return Some(DateError::NoMonth(month));
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err().then(|| DateError::NoDay { month, day: day[8..10].to_string() })
}

/// Accepts `2026-11-22`, `2026-11-22 09:30`, `2026-11-22T09:30:00` and RFC 3339.
/// Dates and times without an offset are in `zone` (the config's `timezone`).
pub fn parse_date(text: &str, zone: FixedOffset) -> Option<DateTime<FixedOffset>> {
    let utc = zone;
    if let Ok(d) = DateTime::parse_from_rfc3339(text) {
        return Some(d);
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, fmt) {
            return utc.from_local_datetime(&dt).single();
        }
    }
    let d = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    // chrono accepts one-digit months; we ask for the written form 2026-01-05.
    if text.len() != 10 {
        return None;
    }
    utc.from_local_datetime(&d.and_hms_opt(0, 0, 0)?).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Option<Parsed>, Vec<String>) {
        let (p, d) = parse(text, Path::new("a.md"), &Config::default());
        (p, d.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn parses_a_case() {
        let (p, d) = run("---\ntitle: 退貨\ndate: 2026-11-22\ntags: 退貨，耳機\nchannel: phone\nsatisfaction: 4\nfoo: bar\n---\n正文\n");
        assert!(d.is_empty(), "{d:?}");
        let p = p.unwrap();
        assert_eq!(p.front.title, "退貨");
        assert_eq!(p.front.tags, vec!["退貨", "耳機"]);
        assert_eq!(p.front.satisfaction, Some(4));
        assert_eq!(p.front.extra["foo"], serde_json::json!("bar"));
        assert_eq!(p.body, "正文\n");
        assert_eq!(p.body_line, 9);
    }

    #[test]
    fn errors_point_into_the_whole_file() {
        let table = [
            (
                "---\ntitle: x\ndate: 22/11/2026\n---\n",
                "a.md:3:7: error: `date` must look like 2026-11-22 (year-month-day), found `22/11/2026`",
            ),
            (
                "---\ntitle: x\ndate: 2026-11-22\nchannel: fone\n---\n",
                "a.md:4:10: error: `channel` cannot be `fone`; did you mean `phone`?",
            ),
            (
                "---\ntitle: x\ndate: 2026-11-22\nsatisfaction: 9\n---\n",
                "a.md:4:15: error: `satisfaction` must be a whole number from 1 to 5, found `9`",
            ),
            (
                "---\ndate: 2026-11-22\n---\n",
                "a.md:1:1: error: the front matter has no `title`; add a line like `title: 客戶要求退回已拆封耳機`",
            ),
            (
                "---\ntitle: [a\ndate: 2026-11-22\n---\n",
                "a.md:2:8: error: the value of `title` starts with `[`, which has a special meaning in YAML; put the whole value in double quotes: title: \"[a\"",
            ),
        ];
        for (text, want) in table {
            let (_, d) = run(text);
            assert_eq!(d, vec![want.to_string()], "{text}");
        }
    }

    #[test]
    fn common_slips_are_named() {
        let table = [
            ("title：退貨", "a.md:2:6: error: `title` is followed by a full-width colon `：`; type a normal colon and a space: `title: ...`"),
            ("title: x\nchannel:phone", "a.md:3:9: error: put a space after the colon: `channel: phone`"),
            ("title: [急件] 耳機退貨", "a.md:2:8: error: the value of `title` starts with `[`, which has a special meaning in YAML; put the whole value in double quotes: title: \"[急件] 耳機退貨\""),
            ("title: #3 耳機", "a.md:2:8: error: YAML reads `#` here as the start of a comment, so `title` is empty; put the whole value in double quotes: title: \"#3 耳機\""),
            ("title: 耳機 #3", "a.md:2:8: warning: YAML reads `#` here as the start of a comment, so `title` stops at `耳機`; put the whole value in double quotes: title: \"耳機 #3\""),
            ("title: x\nchanel: phone", "a.md:3:1: warning: `chanel` is not a field casebook knows; did you mean `channel`? (unknown fields are only passed to templates)"),
        ];
        for (fm, want) in table {
            let (_, d) = run(&format!("---\n{fm}\ndate: 2026-11-01\n---\n"));
            assert_eq!(d, vec![want.to_string()], "{fm}");
        }
        let (p, d) = run("---\ntitle: x\ndate: 2026-11-01\ntags: [退換貨，情緒安撫、退款]\ncompetencies: [衝突處理和問題解決]\n---\n");
        assert!(d.is_empty(), "{d:?}");
        let front = p.unwrap().front;
        assert_eq!(front.tags, ["退換貨", "情緒安撫", "退款"]);
        assert_eq!(front.competencies, ["沖突處理和問題解決"]);
    }

    #[test]
    fn dates() {
        let tz = FixedOffset::east_opt(8 * 3600).unwrap();
        assert_eq!(parse_date("2026-11-22", tz).unwrap().to_rfc3339(), "2026-11-22T00:00:00+08:00");
        assert_eq!(parse_date("2026-11-22 23:30", tz).unwrap().to_rfc3339(), "2026-11-22T23:30:00+08:00");
        assert_eq!(parse_date("2026-11-22T09:30:00+00:00", tz).unwrap().to_rfc3339(), "2026-11-22T09:30:00+00:00");
        assert!(parse_date("2026-1-5", tz).is_none());
        assert!(parse_date("22/11/2026", tz).is_none());
        assert_eq!(impossible_date("2026-02-30"), Some(DateError::NoDay { month: 2, day: "30".into() }));
        assert_eq!(impossible_date("2026-13-03"), Some(DateError::NoMonth(13)));
        assert_eq!(impossible_date("22/11/2026"), None);
    }
}
