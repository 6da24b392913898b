//! The raw settings of `casebook.yaml` checked, group by group, into the
//! values of a [`Config`]. Each group has a small function that takes its
//! part of the raw file, reports what is wrong and returns the value to use
//! (the default when the setting is wrong); [`validate`] calls them in a
//! fixed order, which is the order of the diagnostics.

use std::collections::BTreeMap;
use std::path::Path;

use super::raw::{RawConfig, RawLimits, RawMarkdown, RawPrivacy, RawSearch, RawSection, RawSwitch};
use super::{strings, Config, ExportFormat, Kind, RawHtml, SearchOptions, Section, Taxonomy, SEARCH_FIELDS};
use crate::diagnostics::{Diagnostic, Problem};
use crate::urls::SlugMode;
use crate::yaml;

/// The problems found so far, and where in the file a setting is.
struct Report<'a> {
    text: &'a str,
    rel: &'a Path,
    diags: Vec<Diagnostic>,
}

impl Report<'_> {
    /// An error at the top-level setting `key` (the file's start when the
    /// key is not found).
    fn error(&mut self, key: &str, problem: Problem) {
        let (line, col) = yaml::key_position(self.text, key).map(|(l, c)| (l + 1, c)).unwrap_or((1, 1));
        self.error_at(line, col, problem);
    }

    /// An error at `key`, written indented under the top-level `parent`
    /// (its first such line), else at `parent` (written on one line).
    fn error_nested(&mut self, key: &str, parent: &str, problem: Problem) {
        let written = format!("{key}:");
        let found = self.text.lines().enumerate().find_map(|(i, line)| {
            let rest = line.trim_start();
            let indent = line.len() - rest.len();
            (indent > 0 && rest.starts_with(&written)).then_some((i + 1, indent + 1))
        });
        match found {
            Some((line, col)) => self.error_at(line, col, problem),
            None => self.error(parent, problem),
        }
    }

    fn error_at(&mut self, line: usize, col: usize, problem: Problem) {
        self.diags.push(Diagnostic::error(self.rel, line, col, problem));
    }
}

/// The `Config` of a raw file and the problems of its settings; `text` is
/// the file, for the positions of the settings, `rel` the path shown.
/// `file_strings` are the words of the journal's `i18n/` file, under those
/// of `strings:`.
pub(super) fn validate(
    raw: RawConfig,
    text: &str,
    rel: &Path,
    file_strings: BTreeMap<String, String>,
) -> (Config, Vec<Diagnostic>) {
    let mut report = Report { text, rel, diags: Vec::new() };
    let r = &mut report;
    let base_url = base_url(raw.base_url, r);
    let slugify = slugify(raw.slugify.as_deref(), r);
    let broken_links_fail = broken_links_fail(raw.links.as_deref(), r);
    let raw_html = raw_html(raw.markdown, r);
    let search = search(raw.search, r);
    let timezone = timezone(raw.timezone.as_deref(), r);
    let privacy_patterns = privacy_patterns(raw.privacy, r);
    let paginate = paginate(raw.paginate, r);
    let limits = limits(&raw.limits, r);
    let git_history = git_history(raw.history, r);
    let language = raw.language.unwrap_or_else(|| "zh-Hant".to_string());
    let lang = super::Lang::from_code(&language).unwrap_or_default();
    let mut own_words = file_strings;
    own_words.extend(super::i18n::checked(raw.strings, text, rel, &mut r.diags));
    let words = super::i18n::Strings { lang, own: &own_words };
    let mut labels = super::i18n::labels(words);
    labels.extend(raw.labels);
    let sections = sections(raw.sections, words, r);
    let taxonomies = taxonomies(raw.taxonomies, &labels, r);

    let config = Config {
        title: raw.title.unwrap_or_else(|| words.get("journal_title").to_string()),
        description: raw.description.unwrap_or_default(),
        base_url,
        language,
        theme: raw.theme.unwrap_or_else(|| "default".to_string()),
        taxonomies,
        paginate,
        sections,
        slugify,
        channels: raw.channels.unwrap_or_else(|| strings(&["phone", "chat", "email", "social", "walk-in"])),
        outcomes: raw.outcomes.unwrap_or_else(|| strings(&["resolved", "escalated", "open", "closed"])),
        priorities: raw.priorities.unwrap_or_else(|| strings(&["urgent", "high", "medium", "low"])),
        labels,
        strings: own_words.clone(),
        chars_per_minute: raw.chars_per_minute.unwrap_or(325).max(1),
        words_per_minute: raw.words_per_minute.unwrap_or(220).max(1),
        broken_links_fail,
        search,
        timezone,
        // Named in the journal's language; any language's name counts (`values::section_names`).
        case_sections: raw.case_sections.unwrap_or_else(|| {
            super::values::of(super::values::Field::CaseSection).map(|v| v.label(lang).to_string()).collect()
        }),
        privacy_patterns,
        repo_url: raw.repo_url.map(|u| u.trim_end_matches('/').to_string()),
        repo_branch: raw.repo_branch.unwrap_or_else(|| "main".to_string()),
        raw_html,
        limits,
        git_history,
    };
    (config, report.diags)
}

/// `base_url`, always ending with `/`; reported unless it is a full
/// address or starts with `/`.
fn base_url(raw: Option<String>, r: &mut Report) -> String {
    let mut base_url = raw.unwrap_or_else(|| "/".to_string());
    if !(base_url.starts_with("http://") || base_url.starts_with("https://") || base_url.starts_with('/')) {
        r.error("base_url", Problem::BadBaseUrl { found: base_url.clone() });
    }
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    base_url
}

/// `slugify: unicode | ascii`.
fn slugify(raw: Option<&str>, r: &mut Report) -> SlugMode {
    match raw {
        None | Some("unicode") => SlugMode::Unicode,
        Some("ascii") => SlugMode::Ascii,
        Some(other) => {
            r.error("slugify", Problem::BadSlugify { found: other.to_string() });
            SlugMode::Unicode
        }
    }
}

/// `links: error | warn`: whether a broken link fails the build.
fn broken_links_fail(raw: Option<&str>, r: &mut Report) -> bool {
    match raw {
        None | Some("error") => true,
        Some("warn") => false,
        Some(other) => {
            r.error("links", Problem::BadLinksSetting { found: other.to_string() });
            true
        }
    }
}

/// `history: git | off` (also `true` / `false`): whether pages show what
/// git says about each article.
fn git_history(raw: Option<RawSwitch>, r: &mut Report) -> bool {
    match raw {
        None | Some(RawSwitch::Bool(true)) => true,
        Some(RawSwitch::Bool(false)) => false,
        Some(RawSwitch::Word(w)) => match w.as_str() {
            "git" | "on" => true,
            "off" => false,
            _ => {
                r.error("history", Problem::BadHistorySetting { found: w });
                true
            }
        },
    }
}

/// `markdown: { raw_html: clean | allow }`.
fn raw_html(raw: Option<RawMarkdown>, r: &mut Report) -> RawHtml {
    match raw.and_then(|m| m.raw_html).as_deref() {
        None | Some("clean") => RawHtml::Clean,
        Some("allow") => RawHtml::Allow,
        Some(other) => {
            // Nested under `markdown:`, so not found by `key_position`.
            let (l, c) = r
                .text
                .lines()
                .enumerate()
                .find_map(|(i, line)| line.find("raw_html").map(|b| (i + 1, line[..b].chars().count() + 1)))
                .unwrap_or((1, 1));
            r.error_at(l, c, Problem::BadRawHtml { found: other.to_string() });
            RawHtml::Clean
        }
    }
}

/// `search:` field weights (only of indexed fields) and limits, each kept
/// above a floor.
fn search(raw: Option<RawSearch>, r: &mut Report) -> SearchOptions {
    let mut search = SearchOptions::default();
    if let Some(raw_search) = raw {
        for (field, weight) in raw_search.weights {
            if !SEARCH_FIELDS.contains(&field.as_str()) {
                let fields = strings(&SEARCH_FIELDS);
                r.error("search", Problem::UnknownSearchField { field, fields });
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
        search.export = export_formats(raw_search.export.unwrap_or_default(), r);
        if let Some(index) = raw_search.export_index {
            if is_index_name(&index) {
                search.export_index = index;
            } else {
                r.error_nested("export_index", "search", Problem::BadExportIndex { found: index });
            }
        }
    }
    search
}

/// `search.export:` the engines named, each once, in [`ExportFormat::ALL`]'s
/// order; an unknown name is reported and left out.
fn export_formats(names: Vec<String>, r: &mut Report) -> Vec<ExportFormat> {
    let mut formats = Vec::new();
    for name in names {
        match ExportFormat::parse(&name) {
            Some(f) => formats.push(f),
            None => {
                let known = ExportFormat::ALL.iter().map(|f| f.name().to_string()).collect();
                r.error_nested("export", "search", Problem::UnknownExportFormat { found: name, formats: known });
            }
        }
    }
    formats.sort();
    formats.dedup();
    formats
}

/// An index name both OpenSearch and Meilisearch take as written: ASCII
/// lowercase letters, digits, `-` and `_`, starting with a letter or digit.
fn is_index_name(name: &str) -> bool {
    name.len() <= 100
        && name.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// `timezone: +08:00`, the offset of dates written without one.
fn timezone(raw: Option<&str>, r: &mut Report) -> chrono::FixedOffset {
    // Taipei, Hong Kong and Beijing: where the journal's writers are.
    let default_zone = chrono::FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset");
    match raw {
        None => default_zone,
        Some(tz) => match chrono::DateTime::parse_from_rfc3339(&format!("2000-01-01T00:00:00{tz}")) {
            Ok(d) => *d.offset(),
            Err(_) => {
                r.error("timezone", Problem::BadTimezone { found: tz.to_string() });
                default_zone
            }
        },
    }
}

/// `privacy: { patterns: [{name, regex}] }`; a pattern that does not
/// compile is reported at the line of its regex and left out.
fn privacy_patterns(raw: Option<RawPrivacy>, r: &mut Report) -> Vec<(String, regex::Regex)> {
    let mut privacy_patterns = Vec::new();
    for p in raw.map(|p| p.patterns).unwrap_or_default() {
        match regex::Regex::new(&p.regex) {
            Ok(re) => privacy_patterns.push((p.name, re)),
            Err(e) => {
                let line = r.text.lines().position(|l| l.contains(&p.regex)).map_or(1, |i| i + 1);
                let why = e.to_string().lines().last().unwrap_or_default().trim().to_string();
                r.error_at(line, 1, Problem::BadPrivacyPattern { name: p.name, error: why });
            }
        }
    }
    privacy_patterns
}

/// `paginate:`, 20 when missing or 0.
fn paginate(raw: Option<usize>, r: &mut Report) -> usize {
    match raw {
        Some(0) => {
            r.error("paginate", Problem::BadPaginate);
            20
        }
        Some(n) => n,
        None => 20,
    }
}

/// `limits: { article_kb, data_kb }`; 0 is reported and the default kept.
fn limits(raw: &RawLimits, r: &mut Report) -> crate::limits::Limits {
    let mut limits = crate::limits::Limits::default();
    for (key, kb, limit) in
        [("article_kb", raw.article_kb, &mut limits.article), ("data_kb", raw.data_kb, &mut limits.data)]
    {
        match kb {
            Some(0) => r.error("limits", Problem::BadLimit { key: key.to_string() }),
            Some(kb) => limit.bytes = kb.saturating_mul(1024),
            None => {}
        }
    }
    limits
}

/// `sections:` by folder name; when given, they replace the three default
/// sections. A section without `kind` is an essay section.
fn sections(
    raw: Option<BTreeMap<String, RawSection>>,
    words: super::i18n::Strings,
    r: &mut Report,
) -> BTreeMap<String, Section> {
    let mut sections = BTreeMap::new();
    for (folder, kind, label) in
        [("cases", Kind::Case, "case"), ("essays", Kind::Essay, "essay"), ("responses", Kind::Response, "response")]
    {
        sections.insert(folder.to_string(), Section { title: words.get(label).to_string(), kind });
    }
    if let Some(raw_sections) = raw {
        sections.clear();
        for (name, s) in raw_sections {
            let kind = match s.kind.as_deref() {
                None => Kind::Essay,
                Some(k) => super::values::canonical(
                    super::values::Field::Kind,
                    k,
                    &["case", "essay", "response"],
                    &BTreeMap::new(),
                )
                .and_then(Kind::parse)
                .unwrap_or_else(|| {
                    r.error("sections", Problem::BadSectionKind { section: name.clone(), found: k.to_string() });
                    Kind::Essay
                }),
            };
            let title = s.title.unwrap_or_else(|| name.clone());
            sections.insert(name, Section { title, kind });
        }
    }
    sections
}

/// `taxonomies:`, titled by their labels; a key that cannot be a folder
/// name, or that names a page of its own, is reported and left out.
fn taxonomies(raw: Option<Vec<String>>, labels: &BTreeMap<String, String>, r: &mut Report) -> Vec<Taxonomy> {
    let taxonomy_keys = raw.unwrap_or_else(|| strings(&["tags", "channel", "competencies", "product", "outcome"]));
    let mut taxonomies = Vec::new();
    for key in taxonomy_keys {
        if key.is_empty()
            || key.len() > crate::urls::MAX_NAME_BYTES
            || key.contains(['/', '\\', '.'])
            || key == "authors"
            || key == "search"
            || key == "page"
        {
            r.error("taxonomies", Problem::BadTaxonomy { key });
            continue;
        }
        let title = labels.get(&key).cloned().unwrap_or_else(|| key.clone());
        taxonomies.push(Taxonomy { key, title });
    }
    taxonomies
}
