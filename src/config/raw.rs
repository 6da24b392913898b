//! The shape of `casebook.yaml` as read: every setting optional, unknown
//! keys refused (so a typo is reported with its line), and the list of the
//! top-level keys that messages suggest from. [`super::check`] turns these
//! raw values into a [`super::Config`].

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) base_url: Option<String>,
    pub(super) language: Option<String>,
    pub(super) theme: Option<String>,
    pub(super) taxonomies: Option<Vec<String>>,
    pub(super) paginate: Option<usize>,
    pub(super) sections: Option<BTreeMap<String, RawSection>>,
    pub(super) slugify: Option<String>,
    pub(super) channels: Option<Vec<String>>,
    pub(super) outcomes: Option<Vec<String>>,
    pub(super) priorities: Option<Vec<String>>,
    pub(super) labels: BTreeMap<String, String>,
    /// The interface's words in the journal's own wording (see `i18n`).
    pub(super) strings: BTreeMap<String, String>,
    pub(super) chars_per_minute: Option<u32>,
    pub(super) words_per_minute: Option<u32>,
    pub(super) links: Option<String>,
    pub(super) search: Option<RawSearch>,
    pub(super) timezone: Option<String>,
    pub(super) case_sections: Option<Vec<String>>,
    pub(super) privacy: Option<RawPrivacy>,
    pub(super) repo_url: Option<String>,
    pub(super) repo_branch: Option<String>,
    pub(super) markdown: Option<RawMarkdown>,
    pub(super) limits: RawLimits,
    pub(super) history: Option<RawSwitch>,
}

/// A setting written as a word or as `true` / `false` (`history: off`,
/// `history: false`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum RawSwitch {
    Bool(bool),
    Word(String),
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawMarkdown {
    pub(super) raw_html: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawLimits {
    pub(super) article_kb: Option<u64>,
    pub(super) data_kb: Option<u64>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawPrivacy {
    pub(super) patterns: Vec<RawPattern>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPattern {
    pub(super) name: String,
    pub(super) regex: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawSearch {
    pub(super) weights: BTreeMap<String, f64>,
    pub(super) max_postings: Option<usize>,
    pub(super) shard_bytes: Option<usize>,
    /// Search documents for another engine: `[opensearch, meilisearch]`.
    pub(super) export: Option<Vec<String>>,
    pub(super) export_index: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawSection {
    pub(super) title: Option<String>,
    pub(super) kind: Option<String>,
}

pub(super) const KNOWN_KEYS: [&str; 26] = [
    "history",
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
    "strings",
    "chars_per_minute",
    "words_per_minute",
];
