//! `data/authors.yaml`: who writes in the journal.
//!
//! Articles name their authors by id (`chen-meiling`) or by plain name
//! (`陳美玲`, or a guest not in the file); [`Authors::resolve`] turns either
//! into one [`Author`] with a stable id for the author's page.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::slug::{slugify, SlugMode};
use crate::yaml;

pub const AUTHORS_FILE: &str = "data/authors.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAuthor {
    name: String,
    #[serde(default)]
    team: Option<String>,
    #[serde(default)]
    bio: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Author {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
    pub bio: Option<String>,
    /// False for a guest named in front matter but not in the authors file.
    pub known: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Authors {
    by_id: BTreeMap<String, Author>,
}

impl Authors {
    /// Reads the authors file in `root`; a missing file means no known authors.
    pub fn load(root: &Path) -> (Authors, Vec<Diagnostic>) {
        let rel = Path::new(AUTHORS_FILE);
        let text = match crate::content::read_data_file(root, rel) {
            Ok(Some(t)) => t,
            Ok(None) => return (Authors::default(), Vec::new()),
            Err(d) => return (Authors::default(), vec![d]),
        };
        Self::parse(&text, rel)
    }

    pub fn parse(text: &str, rel: &Path) -> (Authors, Vec<Diagnostic>) {
        if text.trim().is_empty() {
            return (Authors::default(), Vec::new());
        }
        match serde_norway::from_str::<BTreeMap<String, RawAuthor>>(text) {
            Ok(raw) => {
                let by_id = raw
                    .into_iter()
                    .map(|(id, r)| {
                        let a = Author { id: id.clone(), name: r.name, team: r.team, bio: r.bio, known: true };
                        (id, a)
                    })
                    .collect();
                (Authors { by_id }, Vec::new())
            }
            Err(err) => {
                let (mut line, mut col) = yaml::error_position(&err);
                let raw = err.to_string();
                let msg = raw.split(" at line ").next().unwrap_or(&raw).to_string();
                let message = if msg.contains("unknown field") || msg.contains("missing field") {
                    format!("{msg}; each author is written as\nchen-meiling:\n  name: 陳美玲\n  team: 電話客服一組\n  bio: 一句介紹")
                } else {
                    let (l, c, m) = yaml::explain_error(&err, text);
                    (line, col) = (l, c);
                    m
                };
                (Authors::default(), vec![Diagnostic::error(rel, line, col, message)])
            }
        }
    }

    /// The author an article names: by id, then by display name, else a guest.
    pub fn resolve(&self, named: &str) -> Author {
        if let Some(a) = self.by_id.get(named) {
            return a.clone();
        }
        if let Some(a) = self.by_id.values().find(|a| a.name == named) {
            return a.clone();
        }
        Author { id: slugify(named, SlugMode::Unicode), name: named.to_string(), team: None, bio: None, known: false }
    }

    pub fn all(&self) -> impl Iterator<Item = &Author> {
        self.by_id.values()
    }
}
