//! `casebook.yaml` → a validated [`Config`].
//!
//! The file is read into a raw struct that rejects unknown keys (so a typo is
//! reported with its line), then checked and turned into the `Config` the rest
//! of the program uses. No file, or an empty one, gives `Config::default()`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{closest, Diagnostic, Problem, Wanted};
use crate::urls::SlugMode;
use crate::yaml;

pub const CONFIG_FILE: &str = "casebook.yaml";

/// The eight competency dimensions of the training model (DOMAIN.md).
pub const COMPETENCIES: [&str; 8] =
    ["積極傾聽", "客服知識", "客服職業價值傾向", "沖突處理和問題解決", "服務導向", "溝通表達", "心理適應性", "耐心"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Case,
    Essay,
    /// A critique (點評) of another article, named by `responds_to`.
    Response,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "case" => Some(Kind::Case),
            "essay" => Some(Kind::Essay),
            "response" => Some(Kind::Response),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Hash)]
pub struct Section {
    pub title: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, Hash)]
pub struct Taxonomy {
    /// The front-matter field it groups by, also its URL folder: `tags`.
    pub key: String,
    /// Shown as the page title: `標籤`.
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub language: String,
    pub theme: String,
    pub taxonomies: Vec<Taxonomy>,
    pub paginate: usize,
    /// Keyed by the folder name under `content/`.
    pub sections: BTreeMap<String, Section>,
    pub slugify: SlugMode,
    pub channels: Vec<String>,
    pub outcomes: Vec<String>,
    pub priorities: Vec<String>,
    /// Display labels for field values and taxonomy names (`phone` → `電話`).
    pub labels: BTreeMap<String, String>,
    /// Characters (Chinese) and words (other scripts) read per minute.
    pub chars_per_minute: u32,
    pub words_per_minute: u32,
    /// Whether a broken link fails the build (`links: error`, the default)
    /// or is only reported (`links: warn`).
    pub broken_links_fail: bool,
    /// Field weights and limits of the search index.
    pub search: SearchOptions,
    /// The offset of dates and times written without one (`+08:00`).
    pub timezone: chrono::FixedOffset,
    /// The `##` sections every case must have (checked by `casebook check`).
    pub case_sections: Vec<String>,
    /// Extra patterns of private data, such as the company's order numbers.
    pub privacy_patterns: Vec<(String, regex::Regex)>,
    /// The repository's web address (GitHub, GitLab or Gitea), for links to
    /// commits, file history and pull requests.
    pub repo_url: Option<String>,
    pub repo_branch: String,
    /// Whether raw HTML and addresses in Markdown are cleaned (the default)
    /// or published as written (`markdown: { raw_html: allow }`).
    pub raw_html: RawHtml,
    /// The largest article and data file casebook reads (`limits:`).
    pub limits: crate::limits::Limits,
}

/// What happens to raw HTML in articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RawHtml {
    /// Cleaned to an allow-list for articles; no script runs.
    #[default]
    Clean,
    /// Published as written: any writer's HTML, script included, runs on
    /// the site. Only for journals where every writer is trusted.
    Allow,
}

/// The indexed fields of the search index, in elasticlunr order.
pub const SEARCH_FIELDS: [&str; 7] = ["title", "tags", "summary", "headings", "body", "authors", "fields"];

/// Field weights and limits of the search index (`search:`).
#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub weights: BTreeMap<String, f64>,
    pub max_postings: usize,
    /// Aim for shards of about this many bytes.
    pub shard_bytes: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { weights: default_search_weights(), max_postings: 300, shard_bytes: 24 * 1024 }
    }
}

impl SearchOptions {
    /// A key of every option, for what the last build indexed.
    pub fn key(&self) -> u64 {
        let SearchOptions { weights, max_postings, shard_bytes } = self;
        let weights: Vec<(&String, u64)> = weights.iter().map(|(k, v)| (k, v.to_bits())).collect();
        crate::keys::hash_value(&(weights, max_postings, shard_bytes))
    }
}

/// Default boosts: titles and tags weigh more than body text.
pub fn default_search_weights() -> BTreeMap<String, f64> {
    [
        ("title", 5.0),
        ("tags", 4.0),
        ("summary", 2.0),
        ("headings", 2.0),
        ("body", 1.0),
        ("authors", 2.0),
        ("fields", 2.0),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

impl Config {
    /// A key of every setting: what a build keeps for the next is made
    /// again when it changes. Every field is named, so a new setting that
    /// is not keyed does not compile.
    pub fn key(&self) -> u64 {
        let Config {
            title,
            description,
            base_url,
            language,
            theme,
            taxonomies,
            paginate,
            sections,
            slugify,
            channels,
            outcomes,
            priorities,
            labels,
            chars_per_minute,
            words_per_minute,
            broken_links_fail,
            search,
            timezone,
            case_sections,
            privacy_patterns,
            repo_url,
            repo_branch,
            raw_html,
            limits,
        } = self;
        let patterns: Vec<(&String, &str)> = privacy_patterns.iter().map(|(n, r)| (n, r.as_str())).collect();
        crate::keys::hash_value(&(
            (title, description, base_url, language, theme, taxonomies, paginate, sections, slugify),
            (channels, outcomes, priorities, labels, chars_per_minute, words_per_minute, broken_links_fail),
            (search.key(), timezone.local_minus_utc(), case_sections, patterns, repo_url, repo_branch, raw_html),
            limits,
        ))
    }
}

impl Default for Config {
    fn default() -> Self {
        validate(RawConfig::default(), "", Path::new(CONFIG_FILE)).0
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    language: Option<String>,
    theme: Option<String>,
    taxonomies: Option<Vec<String>>,
    paginate: Option<usize>,
    sections: Option<BTreeMap<String, RawSection>>,
    slugify: Option<String>,
    channels: Option<Vec<String>>,
    outcomes: Option<Vec<String>>,
    priorities: Option<Vec<String>>,
    labels: BTreeMap<String, String>,
    chars_per_minute: Option<u32>,
    words_per_minute: Option<u32>,
    links: Option<String>,
    search: Option<RawSearch>,
    timezone: Option<String>,
    case_sections: Option<Vec<String>>,
    privacy: Option<RawPrivacy>,
    repo_url: Option<String>,
    repo_branch: Option<String>,
    markdown: Option<RawMarkdown>,
    limits: RawLimits,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawMarkdown {
    raw_html: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawLimits {
    article_kb: Option<u64>,
    data_kb: Option<u64>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawPrivacy {
    patterns: Vec<RawPattern>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    name: String,
    regex: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawSearch {
    weights: BTreeMap<String, f64>,
    max_postings: Option<usize>,
    shard_bytes: Option<usize>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawSection {
    title: Option<String>,
    kind: Option<String>,
}

const KNOWN_KEYS: [&str; 24] = [
    "markdown",
    "limits",
    "repo_url",
    "repo_branch",
    "case_sections",
    "privacy",
    "timezone",
    "search",
    "links",
    "title",
    "description",
    "base_url",
    "language",
    "theme",
    "taxonomies",
    "paginate",
    "sections",
    "slugify",
    "channels",
    "outcomes",
    "priorities",
    "labels",
    "chars_per_minute",
    "words_per_minute",
];

fn default_labels() -> BTreeMap<String, String> {
    [
        ("tags", "標籤"),
        ("channel", "渠道"),
        ("competencies", "能力維度"),
        ("product", "產品"),
        ("outcome", "結果"),
        ("priority", "優先級"),
        ("series", "系列"),
        ("satisfaction", "滿意度"),
        ("phone", "電話"),
        ("chat", "線上客服"),
        ("email", "電子郵件"),
        ("social", "社群媒體"),
        ("walk-in", "臨櫃"),
        ("resolved", "已解決"),
        ("escalated", "已升級"),
        ("open", "處理中"),
        ("closed", "已結案"),
        ("urgent", "緊急"),
        ("high", "高"),
        ("medium", "中"),
        ("low", "低"),
        ("case", "案例"),
        ("essay", "心得"),
        ("response", "點評"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Reads `casebook.yaml` in `root`. A missing file is the default config.
pub fn load(root: &Path) -> (Config, Vec<Diagnostic>) {
    let rel = Path::new(CONFIG_FILE);
    let text = match crate::paths::read(root, rel, &crate::limits::CONFIG) {
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Ok(t) => t.trim_start_matches('\u{feff}').replace("\r\n", "\n"),
            Err(e) => return (Config::default(), vec![not_utf8(e.as_bytes(), e.utf8_error(), rel)]),
        },
        Ok(None) => String::new(),
        // A linked casebook.yaml is not read (its warning says so).
        Err(d) => return (Config::default(), vec![d]),
    };
    parse(&text, rel)
}

/// The error for a config that is not UTF-8, at the line and column of the
/// first byte that is not.
fn not_utf8(bytes: &[u8], e: std::str::Utf8Error, rel: &Path) -> Diagnostic {
    let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
    // A byte-order mark is not shown by editors, so it is not counted.
    let good = good.strip_prefix('\u{feff}').unwrap_or(good);
    let (line, col) = crate::diagnostics::line_col(good, good.len());
    Diagnostic::error(rel, line, col, Problem::ConfigNotUtf8)
}

/// Parses config text; `rel` is the path shown in messages.
pub fn parse(text: &str, rel: &Path) -> (Config, Vec<Diagnostic>) {
    if text.trim().is_empty() {
        return validate(RawConfig::default(), text, rel);
    }
    if let Err(r) = yaml::guard(text) {
        return (Config::default(), vec![Diagnostic::error(rel, r.line, r.col, r.problem)]);
    }
    match serde_norway::from_str::<RawConfig>(text) {
        Ok(raw) => validate(raw, text, rel),
        Err(err) => {
            let (mut line, mut col) = yaml::error_position(&err);
            let msg = err.to_string();
            let problem = if let Some((_, rest)) = msg.split_once("unknown field `") {
                let key = rest.split('`').next().unwrap_or_default();
                let known = if msg.contains("expected one of `title`") {
                    &KNOWN_KEYS[..]
                } else if msg.contains("expected `article_kb`") {
                    &["article_kb", "data_kb"][..]
                } else {
                    &["title", "kind"][..]
                };
                Problem::UnknownSetting {
                    key: key.to_string(),
                    suggestion: closest(key, known.iter().copied()).map(str::to_string),
                    known: strings(known),
                }
            } else if msg.contains("invalid type") || msg.contains("invalid value") {
                wrong_type(&msg, text, line)
            } else {
                let (l, c, p) = yaml::explain_error(&err, text);
                (line, col) = (l, c);
                p
            };
            (Config::default(), vec![Diagnostic::error(rel, line, col, problem)])
        }
    }
}

/// "paginate: invalid type: string \"ten\", expected usize" as a problem:
/// "`paginate` must be a whole number, found `ten`".
fn wrong_type(msg: &str, text: &str, line: usize) -> Problem {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    let key = match msg.split_once(": invalid") {
        Some((path, _)) => path.to_string(),
        None => text
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|l| l.split(':').next())
            .unwrap_or("this setting")
            .trim()
            .to_string(),
    };
    let expected = msg.rsplit("expected ").next().unwrap_or("");
    let wanted = match expected {
        e if e.starts_with("usize") || e.starts_with("u32") || e.starts_with("u64") => Wanted::WholeNumber,
        e if e.starts_with("f64") || e.starts_with("f32") => Wanted::Number,
        e if e.contains("sequence") => Wanted::List,
        e if e.contains("map") || e.contains("struct") => Wanted::Fields,
        e if e.contains("bool") => Wanted::TrueOrFalse,
        _ => Wanted::Text,
    };
    let found = msg.split("invalid type: ").nth(1).and_then(|r| r.split(", expected").next()).unwrap_or("");
    let found = found.trim_start_matches("string ").trim_start_matches("integer ").trim_matches('"');
    Problem::SettingWrongType { key, wanted, found: found.to_string() }
}

fn validate(raw: RawConfig, text: &str, rel: &Path) -> (Config, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let at = |key: &str| yaml::key_position(text, key).map(|(l, c)| (l + 1, c)).unwrap_or((1, 1));

    let mut base_url = raw.base_url.unwrap_or_else(|| "/".to_string());
    if !(base_url.starts_with("http://") || base_url.starts_with("https://") || base_url.starts_with('/')) {
        let (l, c) = at("base_url");
        diags.push(Diagnostic::error(rel, l, c, Problem::BadBaseUrl { found: base_url.clone() }));
    }
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    let slugify = match raw.slugify.as_deref() {
        None | Some("unicode") => SlugMode::Unicode,
        Some("ascii") => SlugMode::Ascii,
        Some(other) => {
            let (l, c) = at("slugify");
            diags.push(Diagnostic::error(rel, l, c, Problem::BadSlugify { found: other.to_string() }));
            SlugMode::Unicode
        }
    };
    let broken_links_fail = match raw.links.as_deref() {
        None | Some("error") => true,
        Some("warn") => false,
        Some(other) => {
            let (l, c) = at("links");
            diags.push(Diagnostic::error(rel, l, c, Problem::BadLinksSetting { found: other.to_string() }));
            true
        }
    };
    let raw_html = match raw.markdown.and_then(|m| m.raw_html).as_deref() {
        None | Some("clean") => RawHtml::Clean,
        Some("allow") => RawHtml::Allow,
        Some(other) => {
            // Nested under `markdown:`, so not found by `at`.
            let (l, c) = text
                .lines()
                .enumerate()
                .find_map(|(i, line)| line.find("raw_html").map(|b| (i + 1, line[..b].chars().count() + 1)))
                .unwrap_or((1, 1));
            diags.push(Diagnostic::error(rel, l, c, Problem::BadRawHtml { found: other.to_string() }));
            RawHtml::Clean
        }
    };
    let mut search = SearchOptions::default();
    if let Some(raw_search) = raw.search {
        for (field, weight) in raw_search.weights {
            if !SEARCH_FIELDS.contains(&field.as_str()) {
                let (l, c) = at("search");
                let fields = strings(&SEARCH_FIELDS);
                diags.push(Diagnostic::error(rel, l, c, Problem::UnknownSearchField { field, fields }));
            } else {
                search.weights.insert(field, weight.max(0.0));
            }
        }
        if let Some(n) = raw_search.max_postings {
            search.max_postings = n.max(10);
        }
        if let Some(n) = raw_search.shard_bytes {
            search.shard_bytes = n.max(256);
        }
    }
    // Taipei, Hong Kong and Beijing: where the journal's writers are.
    let default_zone = chrono::FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset");
    let timezone = match raw.timezone.as_deref() {
        None => default_zone,
        Some(tz) => match chrono::DateTime::parse_from_rfc3339(&format!("2000-01-01T00:00:00{tz}")) {
            Ok(d) => *d.offset(),
            Err(_) => {
                let (l, c) = at("timezone");
                diags.push(Diagnostic::error(rel, l, c, Problem::BadTimezone { found: tz.to_string() }));
                default_zone
            }
        },
    };
    let mut privacy_patterns = Vec::new();
    for p in raw.privacy.map(|p| p.patterns).unwrap_or_default() {
        match regex::Regex::new(&p.regex) {
            Ok(re) => privacy_patterns.push((p.name, re)),
            Err(e) => {
                let line = text.lines().position(|l| l.contains(&p.regex)).map_or(1, |i| i + 1);
                let why = e.to_string().lines().last().unwrap_or_default().trim().to_string();
                diags.push(Diagnostic::error(rel, line, 1, Problem::BadPrivacyPattern { name: p.name, error: why }));
            }
        }
    }
    let paginate = match raw.paginate {
        Some(0) => {
            let (l, c) = at("paginate");
            diags.push(Diagnostic::error(rel, l, c, Problem::BadPaginate));
            20
        }
        Some(n) => n,
        None => 20,
    };

    let mut limits = crate::limits::Limits::default();
    for (key, kb, limit) in
        [("article_kb", raw.limits.article_kb, &mut limits.article), ("data_kb", raw.limits.data_kb, &mut limits.data)]
    {
        match kb {
            Some(0) => {
                let (l, c) = at("limits");
                diags.push(Diagnostic::error(rel, l, c, Problem::BadLimit { key: key.to_string() }));
            }
            Some(kb) => limit.bytes = kb.saturating_mul(1024),
            None => {}
        }
    }

    let mut labels = default_labels();
    labels.extend(raw.labels);

    let mut sections = BTreeMap::new();
    sections.insert("cases".to_string(), Section { title: "案例".into(), kind: Kind::Case });
    sections.insert("essays".to_string(), Section { title: "心得".into(), kind: Kind::Essay });
    sections.insert("responses".to_string(), Section { title: "點評".into(), kind: Kind::Response });
    if let Some(raw_sections) = raw.sections {
        sections.clear();
        for (name, s) in raw_sections {
            let kind = match s.kind.as_deref() {
                None => Kind::Essay,
                Some(k) => Kind::parse(k).unwrap_or_else(|| {
                    let (l, c) = at("sections");
                    let problem = Problem::BadSectionKind { section: name.clone(), found: k.to_string() };
                    diags.push(Diagnostic::error(rel, l, c, problem));
                    Kind::Essay
                }),
            };
            let title = s.title.unwrap_or_else(|| name.clone());
            sections.insert(name, Section { title, kind });
        }
    }

    let taxonomy_keys =
        raw.taxonomies.unwrap_or_else(|| strings(&["tags", "channel", "competencies", "product", "outcome"]));
    let mut taxonomies = Vec::new();
    for key in taxonomy_keys {
        if key.is_empty()
            || key.len() > crate::urls::MAX_NAME_BYTES
            || key.contains(['/', '\\', '.'])
            || key == "authors"
            || key == "search"
            || key == "page"
        {
            let (l, c) = at("taxonomies");
            diags.push(Diagnostic::error(rel, l, c, Problem::BadTaxonomy { key }));
            continue;
        }
        let title = labels.get(&key).cloned().unwrap_or_else(|| key.clone());
        taxonomies.push(Taxonomy { key, title });
    }

    let config = Config {
        title: raw.title.unwrap_or_else(|| "案例集".to_string()),
        description: raw.description.unwrap_or_default(),
        base_url,
        language: raw.language.unwrap_or_else(|| "zh-Hant".to_string()),
        theme: raw.theme.unwrap_or_else(|| "default".to_string()),
        taxonomies,
        paginate,
        sections,
        slugify,
        channels: raw.channels.unwrap_or_else(|| strings(&["phone", "chat", "email", "social", "walk-in"])),
        outcomes: raw.outcomes.unwrap_or_else(|| strings(&["resolved", "escalated", "open", "closed"])),
        priorities: raw.priorities.unwrap_or_else(|| strings(&["urgent", "high", "medium", "low"])),
        labels,
        chars_per_minute: raw.chars_per_minute.unwrap_or(325).max(1),
        words_per_minute: raw.words_per_minute.unwrap_or(220).max(1),
        broken_links_fail,
        search,
        timezone,
        case_sections: raw
            .case_sections
            .unwrap_or_else(|| strings(&["背景", "處理過程", "結果", "根本原因", "經驗教訓"])),
        privacy_patterns,
        repo_url: raw.repo_url.map(|u| u.trim_end_matches('/').to_string()),
        repo_branch: raw.repo_branch.unwrap_or_else(|| "main".to_string()),
        raw_html,
        limits,
    };
    (config, diags)
}

impl Config {
    /// The section an article in `folder` (first folder under `content/`)
    /// belongs to; folders not listed in the config become essay sections
    /// titled by their folder name.
    pub fn section(&self, folder: &str) -> Section {
        self.sections.get(folder).cloned().unwrap_or_else(|| match folder {
            "cases" => Section { title: "案例".into(), kind: Kind::Case },
            "essays" => Section { title: "心得".into(), kind: Kind::Essay },
            "responses" => Section { title: "點評".into(), kind: Kind::Response },
            _ => Section { title: folder.to_string(), kind: Kind::Essay },
        })
    }

    /// Links into the repository's web view: (commit, file history, pull request).
    pub fn repo_links(&self, hash: &str, path: &str, pr: u32) -> Option<(String, String, String)> {
        let repo = self.repo_url.as_deref()?;
        let branch = &self.repo_branch;
        let path = crate::urls::encode_path(path);
        Some(if repo.contains("gitlab") {
            (
                format!("{repo}/-/commit/{hash}"),
                format!("{repo}/-/commits/{branch}/{path}"),
                format!("{repo}/-/merge_requests/{pr}"),
            )
        } else if repo.contains("gitea") || repo.contains("forgejo") {
            (
                format!("{repo}/commit/{hash}"),
                format!("{repo}/commits/branch/{branch}/{path}"),
                format!("{repo}/pulls/{pr}"),
            )
        } else {
            (format!("{repo}/commit/{hash}"), format!("{repo}/commits/{branch}/{path}"), format!("{repo}/pull/{pr}"))
        })
    }

    /// The path part of `base_url`: `/journal/` for `https://intranet/journal/`.
    pub fn base_path(&self) -> String {
        let after_scheme = self.base_url.split_once("://").map(|(_, r)| r).unwrap_or(&self.base_url);
        let path = if self.base_url.contains("://") {
            after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/")
        } else {
            after_scheme
        };
        let mut p = path.to_string();
        if !p.starts_with('/') {
            p.insert(0, '/');
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_utf8_is_reported_at_the_first_bad_byte() {
        let at = |bytes: &[u8]| {
            let e = std::str::from_utf8(bytes).unwrap_err();
            let d = not_utf8(bytes, e, Path::new("casebook.yaml"));
            (d.line, d.col)
        };
        // 客 in Big5 is A8 C8; a byte-order mark is not counted.
        assert_eq!(at(b"\xA8\xC8"), (1, 1));
        assert_eq!(
            at("title: 路徑\nx: ".as_bytes().iter().chain(b"\xA8").copied().collect::<Vec<_>>().as_slice()),
            (2, 4)
        );
        assert_eq!(at("\u{feff}a: ".as_bytes().iter().chain(b"\xFF").copied().collect::<Vec<_>>().as_slice()), (1, 4));
    }

    fn parse_str(t: &str) -> (Config, Vec<String>) {
        let (c, d) = parse(t, Path::new("casebook.yaml"));
        (c, d.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn empty_file_is_default() {
        let (c, d) = parse_str("");
        assert!(d.is_empty());
        assert_eq!(c.language, "zh-Hant");
        assert_eq!(c.taxonomies.len(), 5);
        assert_eq!(c.paginate, 20);
    }

    #[test]
    fn unknown_key_names_line_and_suggests() {
        let (_, d) = parse_str("title: 案例集\ntitel: x\n");
        assert_eq!(d, vec!["casebook.yaml:2:1: error: unknown setting `titel`; did you mean `title`?"]);
    }

    #[test]
    fn size_limits_in_kb() {
        let (c, d) = parse_str("limits:\n  article_kb: 2048\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!((c.limits.article.bytes, c.limits.data.bytes), (2048 * 1024, 1024 * 1024));
        let (_, d) = parse_str("limits: {data_kb: 0}\n");
        assert_eq!(d, vec!["casebook.yaml:1:9: error: `limits.data_kb` must be 1 or more (a size in KB)"]);
        let (_, d) = parse_str("limits:\n  article_k: 5\n");
        assert_eq!(d, vec!["casebook.yaml:2:3: error: unknown setting `article_k`; did you mean `article_kb`?"]);
    }

    #[test]
    fn bad_slugify_value() {
        let (_, d) = parse_str("slugify: pinyin\n");
        assert_eq!(
            d,
            vec!["casebook.yaml:1:10: error: `slugify` must be `unicode` (keep Chinese in addresses) or `ascii`, found `pinyin`"]
        );
    }

    #[test]
    fn wrong_types_in_plain_words() {
        let (_, d) = parse_str("title: x\npaginate: ten\n");
        assert_eq!(d, vec!["casebook.yaml:2:11: error: `paginate` must be a whole number, like 20, found `ten`"]);
        let (_, d) = parse_str("base_url: intranet/journal\n");
        assert_eq!(d.len(), 1);
        assert!(d[0].contains("`base_url` must be a full address"), "{d:?}");
    }

    #[test]
    fn raw_html_is_cleaned_unless_allowed() {
        assert_eq!(parse_str("").0.raw_html, RawHtml::Clean);
        assert_eq!(parse_str("markdown:\n  raw_html: allow\n").0.raw_html, RawHtml::Allow);
        assert_eq!(parse_str("markdown: { raw_html: clean }\n").0.raw_html, RawHtml::Clean);
        let (_, d) = parse_str("markdown:\n  raw_html: yes please\n");
        assert_eq!(d.len(), 1);
        assert!(d[0].starts_with("casebook.yaml:2:"), "{d:?}");
        assert!(d[0].contains("`raw_html` must be `clean`"), "{d:?}");
        let (_, d) = parse_str("markdown:\n  raw_htm: allow\n");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn base_path_from_url() {
        let (c, _) = parse_str("base_url: https://intranet/journal\n");
        assert_eq!(c.base_url, "https://intranet/journal/");
        assert_eq!(c.base_path(), "/journal/");
    }
}
