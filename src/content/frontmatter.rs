//! Splits a Markdown file into front matter and body, and checks every field.
//!
//! The front matter is YAML between `---` lines, TOML between `+++` lines
//! or a JSON block (see [`super::formats`]); every field is checked by the
//! same code, and fields other tools write (`lastmod`, `publishDate`,
//! `description`, `excerpt`, `categories`, `weight`) are read too.
//! Positions in messages are in the coordinates of the whole file: the
//! front matter starts on line 2, after the opening fence. A BOM is skipped and CRLF
//! line endings are read like LF (neither moves a line number).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde_norway::{Mapping, Value};

use crate::config::values::{self, Field};
use crate::config::{Config, Kind, COMPETENCIES};
use crate::diagnostics::{closest, line_col, Diagnostic, Found, Problem};
use crate::yaml;

use super::dates::{impossible_date, parse_date};
use super::formats::{self, Format, NoSplit};
use super::yaml_slips;

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
    /// The front matter as written, from line 2 of the file (empty when
    /// the file has none).
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

/// Splits and checks a decoded file. All problems found are returned. The
/// parse gives no `Parsed` only when the file cannot be cut into front
/// matter and body; when the front matter has errors, the body is still
/// given (with what could be read of the front matter), so its links and
/// customer data are checked in the same run.
pub fn parse(text: &str, rel: &Path, config: &Config) -> (Option<Parsed>, Vec<Diagnostic>) {
    if text.trim().is_empty() {
        return (None, vec![Diagnostic::error(rel, 1, 1, Problem::EmptyFile)]);
    }
    let split = match formats::split(text) {
        Ok(s) => s,
        Err(NoSplit::Missing) => {
            // The whole file is the body: its links are still checked.
            let front = FrontMatter::default();
            let parsed = Parsed { front, front_text: String::new(), body: text.to_string(), body_line: 1 };
            return (Some(parsed), vec![Diagnostic::error(rel, 1, 1, Problem::NoFrontMatter)]);
        }
        Err(NoSplit::Unclosed(line, col, problem)) => return (None, vec![Diagnostic::error(rel, line, col, problem)]),
    };
    let mut parsed = Parsed {
        front: FrontMatter::default(),
        front_text: split.front.to_string(),
        body: split.body.to_string(),
        body_line: split.body_line,
    };
    let map = match read_fields(&split, rel) {
        Ok(map) => map,
        Err(d) => return (Some(parsed), vec![d]),
    };
    let mut checker = Checker { rel, front: split.front, format: split.format, diags: Vec::new(), config };
    parsed.front = checker.front_matter(map, split.body, split.body_line);
    (Some(parsed), checker.diags)
}

/// The front matter's fields, or the one error that stops them being read.
fn read_fields(split: &formats::Split, rel: &Path) -> Result<Mapping, Diagnostic> {
    // Lines of the front matter start on line 2 of the file.
    let at = |(line, col, problem): (usize, usize, Box<Problem>)| Diagnostic::error(rel, line + 1, col, problem);
    let value = match split.format {
        Format::Yaml => yaml_slips::yaml_value(split.front).map_err(at)?,
        Format::Toml => formats::toml_value(split.front).map_err(at)?,
        Format::Json => formats::json_value(split.json),
    };
    match value {
        Value::Mapping(map) => Ok(map),
        _ => Err(Diagnostic::error(rel, 2, 1, Problem::FrontMatterNotFields)),
    }
}

struct Checker<'a> {
    rel: &'a Path,
    /// The front matter as written, from line 2 of the file.
    front: &'a str,
    format: Format,
    diags: Vec<Diagnostic>,
    config: &'a Config,
}

impl Checker<'_> {
    /// Line and column of `key`'s value in the whole file.
    fn at(&self, key: &str) -> (usize, usize) {
        formats::key_position(self.format, self.front, key).map(|(l, c)| (l + 2, c)).unwrap_or((1, 1))
    }

    fn error(&mut self, key: &str, problem: Problem) {
        let (line, col) = self.at(key);
        self.diags.push(Diagnostic::error(self.rel, line, col, problem));
    }

    fn front_matter(&mut self, map: Mapping, body: &str, body_line: usize) -> FrontMatter {
        let mut f = FrontMatter::default();
        let mut has_title = false;
        let mut borrowed = Borrowed::default();
        for (k, v) in map {
            let key = match &k {
                Value::String(s) => s.clone(),
                other => yaml::key_name(other),
            };
            f.positions.insert(key.clone(), self.at(&key));
            match key.as_str() {
                "title" => {
                    has_title = true;
                    f.title = self.title(&key, &v);
                }
                "date" => f.date = self.date(&key, &v),
                "updated" => f.updated = self.date(&key, &v),
                "kind" => {
                    if let Some(s) = self.string(&key, &v) {
                        let kinds = ["case", "essay", "response"];
                        f.kind = values::canonical(Field::Kind, &s, &kinds, &self.config.labels).and_then(Kind::parse);
                        if f.kind.is_none() {
                            self.error(&key, Problem::BadKind { found: s });
                        }
                    }
                }
                "authors" | "author" => f.authors = self.list(&key, &v),
                "tags" => f.tags = self.list(&key, &v),
                "summary" => f.summary = self.string(&key, &v),
                "draft" => f.draft = self.boolean(&key, &v).unwrap_or_default(),
                "lastmod" | "publishDate" | "description" | "excerpt" | "categories" | "weight" => {
                    self.borrowed(&key, &v, &mut borrowed)
                }
                "slug" => f.slug = self.string(&key, &v),
                "channel" => f.channel = self.one_of(&key, &v, Field::Channel),
                "outcome" => f.outcome = self.one_of(&key, &v, Field::Outcome),
                "priority" => f.priority = self.one_of(&key, &v, Field::Priority),
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
                        // In any of the three languages; 沖突, the old spelling, is 衝突.
                        if let Some(known) =
                            values::canonical(Field::Competency, &c, &COMPETENCIES, &self.config.labels)
                        {
                            f.competencies.push(known.to_string());
                        } else {
                            let spellings = values::spellings(Field::Competency, &COMPETENCIES, &self.config.labels);
                            let suggestion = closest(&c, spellings).map(str::to_string);
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
        if self.format == Format::Yaml {
            self.check_comments(&["title", "summary"]);
        }
        borrowed.apply(&mut f);
        if !has_title {
            f.title = self.title_from_heading(body, body_line);
        }
        // A missing `date` may come from git (the first commit of the file):
        // the build decides, once it has read the history.
        f
    }

    /// `title:`; empty is an error (unless YAML read it as a comment, which
    /// has its own message).
    fn title(&mut self, key: &str, v: &Value) -> String {
        let title = self.string(key, v).unwrap_or_default();
        let commented = self.format == Format::Yaml
            && yaml::key_position(self.front, "title")
                .and_then(|(i, _)| self.front.lines().nth(i))
                .is_some_and(|l| l.split_once(':').is_some_and(|(_, v)| v.trim_start().starts_with('#')));
        if title.trim().is_empty() && !commented && !matches!(v, Value::Sequence(_) | Value::Mapping(_)) {
            self.error(key, Problem::EmptyTitle);
        }
        title
    }

    /// With no `title:`, the first `# heading` (a warning), else an error.
    fn title_from_heading(&mut self, body: &str, body_line: usize) -> String {
        match first_heading(body) {
            Some((line, title)) => {
                let problem = Problem::TitleFromHeading { title: title.clone() };
                self.diags.push(Diagnostic::warning(self.rel, body_line + line, 1, problem));
                title
            }
            None => {
                self.diags.push(Diagnostic::error(self.rel, 1, 1, Problem::MissingTitle));
                String::new()
            }
        }
    }

    /// YAML reads ` #` and a leading `#` as the start of a comment, which
    /// silently cuts a title like `耳機退貨 #3`.
    fn check_comments(&mut self, keys: &[&str]) {
        for key in keys {
            let Some((i, _)) = yaml::key_position(self.front, key) else { continue };
            let Some(line) = self.front.lines().nth(i) else { continue };
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

    /// A value of `field` among those the journal accepts, written as its
    /// key or a label in any language ([`values::canonical`]); its key.
    fn one_of(&mut self, key: &str, v: &Value, field: Field) -> Option<String> {
        let s = self.string(key, v)?;
        let config = self.config;
        let allowed = match field {
            Field::Outcome => &config.outcomes,
            Field::Priority => &config.priorities,
            _ => &config.channels,
        };
        if let Some(known) = values::canonical(field, &s, allowed, &config.labels) {
            return Some(known.to_string());
        }
        let suggestion = closest(&s, values::spellings(field, allowed, &config.labels)).map(str::to_string);
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

    /// `true` or `false`; `yes`/`no`/`on`/`off` and quoted `"true"` are
    /// read with a warning saying what to write.
    fn boolean(&mut self, key: &str, v: &Value) -> Option<bool> {
        let written = match v {
            Value::Bool(b) => return Some(*b),
            Value::Null => return None,
            Value::String(s) => s.trim(),
            other => {
                self.error(key, Problem::BadDraft { found: yaml::describe(other) });
                return None;
            }
        };
        let meant = match written.to_lowercase().as_str() {
            "true" | "yes" | "on" => true,
            "false" | "no" | "off" => false,
            _ => {
                self.error(key, Problem::BadDraft { found: yaml::describe(v) });
                return None;
            }
        };
        let (line, col) = self.at(key);
        let shown = if self.front.lines().any(|l| l.contains(&format!("\"{written}\""))) {
            format!("\"{written}\"")
        } else {
            written.to_string()
        };
        let problem = Problem::LooseBoolean { key: key.to_string(), written: shown, meant };
        self.diags.push(Diagnostic::warning(self.rel, line, col, problem));
        Some(meant)
    }

    /// The fields other tools write for casebook's own: read into
    /// `borrowed`, applied once all fields are read (casebook's own win).
    fn borrowed(&mut self, key: &str, v: &Value, borrowed: &mut Borrowed) {
        let at = self.at(key);
        match key {
            "lastmod" => borrowed.lastmod = self.date(key, v).map(|d| (d, at)),
            "publishDate" => borrowed.publish_date = self.date(key, v).map(|d| (d, at)),
            "description" | "excerpt" => {
                if let Some(s) = self.string(key, v).filter(|s| !s.is_empty()) {
                    borrowed.summary.get_or_insert(s);
                }
            }
            "categories" => borrowed.categories = self.nested_list(key, v),
            // Accepted so a Hugo file reads; the order of lists is by date.
            _ => {
                self.integer(key, v);
            }
        }
    }

    /// A list whose items may be lists (Hexo's nested categories), flattened.
    fn nested_list(&mut self, key: &str, v: &Value) -> Vec<String> {
        match v {
            Value::Sequence(items) => items.iter().flat_map(|item| self.nested_list(key, item)).collect(),
            other => self.list(key, other),
        }
    }

    fn date(&mut self, key: &str, v: &Value) -> Option<DateTime<FixedOffset>> {
        let (found, scalar) = match v {
            Value::String(s) => (Found::Value(s.trim().to_string()), true),
            Value::Number(n) => (Found::Value(n.to_string()), true),
            // Left blank (Hexo's scaffold writes `updated:`): absent.
            Value::Null => return None,
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

/// What other tools' fields say, applied after casebook's own fields.
#[derive(Default)]
struct Borrowed {
    lastmod: Option<(DateTime<FixedOffset>, (usize, usize))>,
    publish_date: Option<(DateTime<FixedOffset>, (usize, usize))>,
    summary: Option<String>,
    categories: Vec<String>,
}

impl Borrowed {
    /// `lastmod` is `updated` and `publishDate` is `date` when those are
    /// absent; `description`/`excerpt` is `summary`; categories are tags.
    fn apply(self, f: &mut FrontMatter) {
        if let (None, Some((d, at))) = (f.updated, self.lastmod) {
            f.updated = Some(d);
            f.positions.insert("updated".into(), at);
        }
        if let (None, Some((d, at))) = (f.date, self.publish_date) {
            f.date = Some(d);
            f.positions.insert("date".into(), at);
        }
        if f.summary.as_deref().is_none_or(str::is_empty) {
            f.summary = self.summary.or(f.summary.take());
        }
        for c in self.categories {
            if !f.tags.contains(&c) {
                f.tags.push(c);
            }
        }
    }
}

/// The first `# heading` of `body` (0-based line, text), outside code
/// blocks: GitBook and plain notes give the title this way.
pub fn first_heading(body: &str) -> Option<(usize, String)> {
    let mut fence: Option<&str> = None;
    for (i, line) in body.lines().enumerate() {
        let t = line.trim_start();
        if let Some(open) = fence {
            if t.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            continue;
        }
        if let Some(rest) = line.strip_prefix("# ") {
            let title = rest.trim().trim_end_matches('#').trim();
            if !title.is_empty() {
                return Some((i, title.to_string()));
            }
        }
    }
    None
}

/// The fields casebook reads from front matter, and those other tools
/// write that it reads too (`lastmod`, `publishDate`, `description`,
/// `excerpt`, `categories`, `weight`).
pub const KNOWN_FIELDS: [&str; 28] = [
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
    "lastmod",
    "publishDate",
    "description",
    "excerpt",
    "categories",
    "weight",
    "aliases",
];

/// A known field that `key` is probably a typo of (`chanel`, `Title`, `tag`).
pub(super) fn misspelled_field(key: &str) -> Option<&'static str> {
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
        assert_eq!(front.competencies, ["衝突處理和問題解決"]);
    }

    #[test]
    fn values_are_read_in_the_words_a_page_shows() {
        let (p, d) = run("---\ntitle: x\ndate: 2026-11-01\nkind: 點評\nchannel: 電話\noutcome: 已解决\npriority: 高\ncompetencies: [沖突處理和問題解決, 积极倾听, Patience]\n---\n");
        assert!(d.is_empty(), "{d:?}");
        let f = p.unwrap().front;
        assert_eq!(f.kind, Some(Kind::Response));
        assert_eq!(
            (f.channel.as_deref(), f.outcome.as_deref(), f.priority.as_deref()),
            (Some("phone"), Some("resolved"), Some("high"))
        );
        assert_eq!(f.competencies, ["衝突處理和問題解決", "積極傾聽", "耐心"]);
        let (_, d) = run("---\ntitle: x\ndate: 2026-11-01\nchannel: 傳真\n---\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].contains("傳真"), "{d:?}");
    }

    #[test]
    fn forgiving_fields() {
        let (p, d) = run("---\ntitle: x\ndate: 2016-05-01 12:00:00 +0800\nupdated:\nsummary:\ntags:\ndraft: no\n---\n");
        assert_eq!(d, ["a.md:7:8: warning: `draft: no` is read as `draft: false`; write `draft: false` (casebook reads only `true` and `false`, without quotes)"]);
        let f = p.unwrap().front;
        assert_eq!((f.updated, f.summary, f.tags.len(), f.draft), (None, None, 0, false));
        assert_eq!(f.date.unwrap().to_rfc3339(), "2016-05-01T12:00:00+08:00");

        let (p, d) = run("---\ntitle: x\npublishDate: 2016/5/1\nlastmod: 2016-05\ndescription: 摘要\ntags: 退貨\ncategories: [[售後, 退貨], 耳機]\nweight: 3\ndraft: \"true\"\n---\n");
        assert_eq!(d, ["a.md:9:8: warning: `draft: \"true\"` is read as `draft: true`; write `draft: true` (casebook reads only `true` and `false`, without quotes)"]);
        let f = p.unwrap().front;
        assert_eq!(f.date.unwrap().to_rfc3339(), "2016-05-01T00:00:00+08:00");
        assert_eq!(f.updated.unwrap().to_rfc3339(), "2016-05-01T00:00:00+08:00");
        assert_eq!(f.positions["date"], (3, 14));
        assert_eq!(f.summary.as_deref(), Some("摘要"));
        assert_eq!(f.tags, ["退貨", "售後", "耳機"]);
        assert!(f.draft);

        let (p, d) = run("---\ndate: 2026-11-01\n---\n\n```\n# not this\n```\n# 耳機退貨 #\n");
        assert_eq!(d, ["a.md:8:1: warning: the front matter has no `title`, so the first heading `# 耳機退貨` is used; add a line `title: 耳機退貨` to the front matter"]);
        assert_eq!(p.unwrap().front.title, "耳機退貨");

        let (_, d) = run("---\ntitle: \"C:\\Users\\me\"\n---\n");
        assert_eq!(d, ["a.md:2:8: error: a backslash `\\` inside double quotes starts an escape (like `\\n` for a new line), so `title` cannot be read; put the value in single quotes, title: 'C:\\Users\\me', or write each backslash twice: `\\\\`"]);
        let (_, d) = run("---\ntitle: x\ndraft: maybe\n---\n");
        assert_eq!(d, ["a.md:3:8: error: `draft` must be `true` or `false` (without quotes), found `maybe`"]);
    }

    #[test]
    fn toml_and_json_are_read_like_yaml() {
        let (p, d) = run(
            "+++\ntitle = \"退貨\"\ndate = 2016-05-01T12:00:00+08:00\ntags = [\"a\"]\nchannel = \"fone\"\n+++\n正文\n",
        );
        assert_eq!(d, ["a.md:5:11: error: `channel` cannot be `fone`; did you mean `phone`?"]);
        let p = p.unwrap();
        assert_eq!((p.front.title.as_str(), p.body.as_str(), p.body_line), ("退貨", "正文\n", 7));
        let (p, d) = run("{\n  \"title\": \"退貨\",\n  \"date\": \"2016-05-01\",\n  \"draft\": \"yes\"\n}\n正文\n");
        assert_eq!(d, ["a.md:4:12: warning: `draft: \"yes\"` is read as `draft: true`; write `draft: true` (casebook reads only `true` and `false`, without quotes)"]);
        assert_eq!(p.unwrap().body_line, 6);
        let (_, d) = run("+++\ntitle = 退貨\n+++\n");
        assert_eq!(d.len(), 1);
        assert!(d[0].starts_with("a.md:2:9: error: the TOML front matter could not be read: "), "{d:?}");
    }

    #[test]
    fn a_failed_front_matter_still_gives_the_body() {
        let (p, d) = run("---\ntitle: [a\n---\n正文\n");
        assert_eq!(d.len(), 1);
        assert_eq!(p.unwrap().body, "正文\n");
        let (p, _) = run("# 沒有前言\n正文\n");
        assert_eq!(p.unwrap().body_line, 1);
    }
}
