//! `casebook.yaml` → a validated [`Config`].
//!
//! The file is read into a raw struct that rejects unknown keys (so a typo is
//! reported with its line), then checked and turned into the `Config` the rest
//! of the program uses. No file, or an empty one, gives `Config::default()`.
//! This file owns the `Config` type, reading the file and its parse errors;
//! `raw.rs` is the file's shape and `check.rs` checks each group of settings.
//! [`lang`] names the three languages, and [`i18n`] holds the interface's
//! words in each, with the journal's own (`strings:`, `i18n/<language>.yaml`).

mod check;
pub mod i18n;
pub use crate::lang;
mod raw;
pub mod values;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{closest, Diagnostic, Problem, Wanted};
use crate::urls::SlugMode;
use crate::yaml;
use check::validate;
pub use lang::Lang;
use raw::{RawConfig, KNOWN_KEYS};

pub const CONFIG_FILE: &str = "casebook.yaml";

/// The eight competency dimensions of the training model (DOMAIN.md).
pub const COMPETENCIES: [&str; 8] =
    ["積極傾聽", "客服知識", "客服職業價值傾向", "衝突處理和問題解決", "服務導向", "溝通表達", "心理適應性", "耐心"];

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
    /// The journal's own words for the interface, by key (`strings:` in
    /// casebook.yaml over `i18n/<language>.yaml`); see [`i18n`].
    pub strings: BTreeMap<String, String>,
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
    /// Whether git is read for the articles' dates, revisions, pull
    /// requests and reviewers (`history: git`, the default) or not at all
    /// (`history: off`: the demo journal, whose repository's commits are the
    /// program's own).
    pub git_history: bool,
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

/// The case fields the search page filters by (after section, tags and
/// authors), in the order it shows them.
pub const SEARCH_FILTERS: [&str; 5] = ["channel", "outcome", "priority", "product", "competencies"];

/// Field weights and limits of the search index (`search:`).
#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub weights: BTreeMap<String, f64>,
    pub max_postings: usize,
    /// Aim for shards of about this many bytes.
    pub shard_bytes: usize,
    /// The engines `casebook build` writes the search documents for
    /// (`export: [opensearch, meilisearch]`), in this order, each once;
    /// none by default ([`crate::search::export`]).
    pub export: Vec<ExportFormat>,
    /// The index the OpenSearch bulk file names (`export_index`).
    pub export_index: String,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            weights: default_search_weights(),
            max_postings: 300,
            shard_bytes: 24 * 1024,
            export: Vec::new(),
            export_index: "casebook".to_string(),
        }
    }
}

/// A search engine the search documents can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExportFormat {
    /// OpenSearch's and Elasticsearch's `_bulk` API (the same format).
    OpenSearch,
    Meilisearch,
}

impl ExportFormat {
    /// Every format, in the order files are written.
    pub const ALL: [ExportFormat; 2] = [ExportFormat::OpenSearch, ExportFormat::Meilisearch];

    /// The name in `casebook.yaml` and in the files' names.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::OpenSearch => "opensearch",
            ExportFormat::Meilisearch => "meilisearch",
        }
    }

    /// The format a name in `export:` means (`elasticsearch` is OpenSearch's).
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name.trim().to_lowercase().as_str() {
            "opensearch" | "elasticsearch" => Some(ExportFormat::OpenSearch),
            "meilisearch" => Some(ExportFormat::Meilisearch),
            _ => None,
        }
    }
}

impl SearchOptions {
    /// A key of every option, for what the last build indexed.
    pub fn key(&self) -> u64 {
        // The export is made again by every `casebook build` and kept by no
        // build for the next: it keys nothing.
        let SearchOptions { weights, max_postings, shard_bytes, export: _, export_index: _ } = self;
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
            strings,
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
            git_history,
        } = self;
        let patterns: Vec<(&String, &str)> = privacy_patterns.iter().map(|(n, r)| (n, r.as_str())).collect();
        crate::keys::hash_value(&(
            (title, description, base_url, language, theme, taxonomies, paginate, sections, slugify),
            (channels, outcomes, priorities, labels, strings, chars_per_minute, words_per_minute, broken_links_fail),
            (search.key(), timezone.local_minus_utc(), case_sections, patterns, repo_url, repo_branch, raw_html),
            (limits, git_history),
        ))
    }
}

impl Default for Config {
    fn default() -> Self {
        validate(RawConfig::default(), "", Path::new(CONFIG_FILE), BTreeMap::new()).0
    }
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
    let (config, diags) = parse(&text, rel);
    // The journal's words in `i18n/<language>.yaml`, under those of `strings:`.
    let (own, mut file_diags) = i18n::read_file(root, config.lang(), &config.language);
    if own.is_empty() {
        return (config, diags.into_iter().chain(file_diags).collect());
    }
    let (config, mut diags) = parse_with(&text, rel, own);
    diags.append(&mut file_diags);
    (config, diags)
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
    parse_with(text, rel, BTreeMap::new())
}

/// [`parse`] with the words of the journal's `i18n/` file.
fn parse_with(text: &str, rel: &Path, file_strings: BTreeMap<String, String>) -> (Config, Vec<Diagnostic>) {
    if text.trim().is_empty() {
        return validate(RawConfig::default(), text, rel, file_strings);
    }
    if let Err(r) = yaml::guard(text) {
        return (Config::default(), vec![Diagnostic::error(rel, r.line, r.col, r.problem)]);
    }
    match serde_norway::from_str::<RawConfig>(text) {
        Ok(raw) => {
            let (config, mut diags) = validate(raw, text, rel, file_strings);
            diags.extend(unknown_language(&config, text, rel));
            (config, diags)
        }
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

/// A warning for a `language:` that names none of the three languages
/// (the journal is then in Traditional Chinese).
fn unknown_language(config: &Config, text: &str, rel: &Path) -> Option<Diagnostic> {
    if Lang::from_code(&config.language).is_some() {
        return None;
    }
    let (line, col) = yaml::key_position(text, "language").map(|(l, c)| (l + 1, c)).unwrap_or((1, 1));
    Some(Diagnostic::warning(rel, line, col, Problem::UnknownLanguage { found: config.language.clone() }))
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
impl Config {
    /// The language of the journal's interface and messages, from
    /// `language:` (Traditional Chinese when it names none of the three).
    pub fn lang(&self) -> Lang {
        Lang::from_code(&self.language).unwrap_or_default()
    }

    /// The section an article in `folder` (first folder under `content/`)
    /// belongs to; folders not listed in the config become essay sections
    /// titled by their folder name.
    pub fn section(&self, folder: &str) -> Section {
        let words = self.strings();
        self.sections.get(folder).cloned().unwrap_or_else(|| match folder {
            "cases" => Section { title: words.get("case").into(), kind: Kind::Case },
            "essays" => Section { title: words.get("essay").into(), kind: Kind::Essay },
            "responses" => Section { title: words.get("response").into(), kind: Kind::Response },
            _ => Section { title: folder.to_string(), kind: Kind::Essay },
        })
    }

    /// The interface's words in the journal's language and its own wording.
    pub fn strings(&self) -> i18n::Strings<'_> {
        i18n::Strings { lang: self.lang(), own: &self.strings }
    }

    /// What the forge of `repo_url` calls a request to merge a branch: a
    /// merge request on GitLab, a pull request elsewhere (GitHub, Gitea,
    /// Forgejo, and when there is no `repo_url`, as the numbers history
    /// finds are written `#12`). The key of its words in [`i18n`].
    pub fn change_request_key(&self) -> &'static str {
        match &self.repo_url {
            Some(url) if url.contains("gitlab") => "merge_request",
            _ => "pull_request",
        }
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
    fn search_export_names_engines_and_an_index() {
        let (c, d) = parse_str("");
        assert!(d.is_empty() && c.search.export.is_empty());
        assert_eq!(c.search.export_index, "casebook");
        let (c, d) =
            parse_str("search:\n  export: [meilisearch, Elasticsearch, opensearch]\n  export_index: cases-2026\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.search.export, [ExportFormat::OpenSearch, ExportFormat::Meilisearch]);
        assert_eq!(c.search.export_index, "cases-2026");
        let (c, d) = parse_str("search:\n  export: [solr, meilisearch]\n  export_index: Cases/2026\n");
        assert_eq!(
            d,
            [
                "casebook.yaml:2:3: error: `search.export` has no engine `solr`; write one or more of: opensearch, meilisearch (elasticsearch is the same as opensearch)",
                "casebook.yaml:3:3: error: `search.export_index` must be a name of lowercase letters a-z, digits, `-` and `_`, starting with a letter or digit (at most 100), such as `casebook`; found `Cases/2026`",
            ]
        );
        assert_eq!(c.search.export, [ExportFormat::Meilisearch]);
        assert_eq!(c.search.export_index, "casebook");
        // Written on one line, the problem is at `search`.
        let (_, d) = parse_str("title: x\nsearch: {export: [solr]}\n");
        assert!(d[0].starts_with("casebook.yaml:2:") && d[0].contains("no engine `solr`"), "{d:?}");
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
    fn history_git_or_off() {
        for (text, on) in [("", true), ("history: git\n", true), ("history: off\n", false), ("history: false\n", false)]
        {
            let (c, d) = parse_str(text);
            assert!(d.is_empty(), "{text}: {d:?}");
            assert_eq!(c.git_history, on, "{text}");
        }
        let (c, d) = parse_str("title: x\nhistory: maybe\n");
        assert!(c.git_history);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].starts_with("casebook.yaml:2:10: error: `history` must be `git`"), "{d:?}");
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
    fn every_bad_setting_is_reported_in_order() {
        let text = r#"base_url: intranet
slugify: pinyin
links: maybe
markdown:
  raw_html: yes
search:
  weights: {titel: 2}
timezone: Mars
privacy:
  patterns:
    - {name: order, regex: 'ORD-(\d+'}
paginate: 0
limits: {article_kb: 0, data_kb: 0}
sections:
  faq: {kind: memo}
taxonomies: [tags, authors]
"#;
        let (c, d) = parse_str(text);
        let at: Vec<&str> = d.iter().map(|d| d.split(": error").next().unwrap_or_default()).collect();
        // One per setting, in the order they are checked.
        let want = ["1:11", "2:10", "3:8", "5:3", "6:8", "8:11", "11:1", "12:11", "13:9", "13:9", "14:10", "16:13"];
        let want: Vec<String> = want.iter().map(|p| format!("casebook.yaml:{p}")).collect();
        assert_eq!(at, want, "{d:#?}");
        assert!(d[8].contains("article_kb") && d[9].contains("data_kb"), "{d:#?}");
        assert_eq!(c.taxonomies.len(), 1);
    }

    #[test]
    fn base_path_from_url() {
        let (c, _) = parse_str("base_url: https://intranet/journal\n");
        assert_eq!(c.base_url, "https://intranet/journal/");
        assert_eq!(c.base_path(), "/journal/");
    }
}
