//! `data/tags.yaml`: descriptions and aliases for tags, and optionally the
//! list of allowed tags.
//!
//! ```yaml
//! strict: true            # only the tags below may be used
//! tags:
//!   退換貨:
//!     description: 退貨、換貨與鑑賞期
//!     aliases: [退貨, 換貨]
//!   帳單爭議:
//! ```
//!
//! Tags are compared folded (case, full/half width, Traditional/Simplified),
//! so `退换货` is `退換貨` without being listed as an alias.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::content::Article;
use crate::diagnostics::{closest, Diagnostic, Problem};
use crate::fold::fold;
use crate::yaml;

pub const TAGS_FILE: &str = "data/tags.yaml";

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    tags: BTreeMap<String, Option<RawTag>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTag {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Default, Clone, Hash)]
pub struct TagList {
    pub strict: bool,
    /// Folded spelling (name or alias) → the tag's name.
    canonical: BTreeMap<String, String>,
    /// Folded name → description.
    descriptions: BTreeMap<String, String>,
    names: Vec<String>,
}

impl TagList {
    pub fn load(root: &Path, limits: &crate::limits::Limits) -> (TagList, Vec<Diagnostic>) {
        let rel = Path::new(TAGS_FILE);
        let text = match crate::content::read_data_file(root, rel, &limits.data) {
            Ok(Some(t)) => t,
            Ok(None) => return (TagList::default(), Vec::new()),
            Err(d) => return (TagList::default(), vec![d]),
        };
        Self::parse(&text, rel)
    }

    pub fn parse(text: &str, rel: &Path) -> (TagList, Vec<Diagnostic>) {
        if text.trim().is_empty() {
            return (TagList::default(), Vec::new());
        }
        if let Err(r) = yaml::guard(text) {
            return (TagList::default(), vec![Diagnostic::error(rel, r.line, r.col, r.problem)]);
        }
        let raw: RawFile = match serde_norway::from_str(text) {
            Ok(r) => r,
            Err(err) => {
                let (line, col, problem) = yaml::explain_error(&err, text);
                let problem = if err.to_string().contains("unknown field") {
                    Problem::TagsBadField { parser: yaml::parser_text(&err) }
                } else {
                    problem
                };
                return (TagList::default(), vec![Diagnostic::error(rel, line, col, problem)]);
            }
        };
        let mut list = TagList { strict: raw.strict, ..Default::default() };
        let mut diags = Vec::new();
        for (name, tag) in raw.tags {
            let tag = tag.unwrap_or_default();
            list.names.push(name.clone());
            if let Some(d) = tag.description {
                list.descriptions.insert(fold(&name), d);
            }
            for spelling in std::iter::once(&name).chain(&tag.aliases) {
                if let Some(other) = list.canonical.insert(fold(spelling), name.clone()) {
                    if other != name {
                        let line = text.lines().position(|l| l.contains(spelling.as_str())).map_or(0, |i| i + 1);
                        let problem = Problem::TagInTwoPlaces { spelling: spelling.clone(), other, name: name.clone() };
                        diags.push(Diagnostic::error(rel, line, 1, problem));
                    }
                }
            }
        }
        (list, diags)
    }

    pub fn description(&self, name: &str) -> Option<&str> {
        self.descriptions.get(&fold(name)).map(String::as_str)
    }

    /// Rewrites each article's tags to their listed names (aliases become the
    /// tag they stand for) and, when the list is strict, reports tags that
    /// are not on it.
    pub fn apply(&self, articles: &mut [Article]) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        // Journals repeat a few hundred tags over thousands of articles: fold each once.
        let mut listed: rustc_hash::FxHashMap<String, Option<&String>> = Default::default();
        for a in articles {
            let mut renamed: Vec<(usize, &String)> = Vec::new();
            for (n, tag) in a.front.tags.iter().enumerate() {
                let canonical = match listed.get(tag) {
                    Some(c) => *c,
                    None => {
                        let c = self.canonical.get(&fold(tag));
                        listed.insert(tag.clone(), c);
                        c
                    }
                };
                match canonical {
                    Some(name) if name != tag => renamed.push((n, name)),
                    Some(_) => {}
                    None if self.strict => {
                        let (line, col) = a.front.positions.get("tags").copied().unwrap_or((1, 1));
                        let suggestion = closest(tag, self.names.iter().map(String::as_str)).map(str::to_string);
                        diags.push(Diagnostic::error(
                            &a.source,
                            line,
                            col,
                            Problem::TagNotListed { tag: tag.clone(), suggestion, file: TAGS_FILE.to_string() },
                        ));
                    }
                    None => {}
                }
            }
            // Front matter is shared with the file cache: copied only when renamed.
            if !renamed.is_empty() {
                let front = std::sync::Arc::make_mut(&mut a.front);
                for (n, name) in renamed {
                    front.tags[n] = name.clone();
                }
            }
        }
        diags
    }
}
