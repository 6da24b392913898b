//! `data/authors.yaml`: who writes in the journal.
//!
//! Articles name their authors by id (`chen-meiling`) or by plain name
//! (`陳美玲`, or a guest not in the file); [`Authors::resolve`] turns either
//! into one [`Author`] with a stable id for the author's page.
//!
//! An author may have a `staff_id:` (the number payroll knows them by,
//! printed by `casebook rewards`, never on the site).
//!
//! An author may have an `email:`, the address they use in git, so that the
//! people named in review trailers (`Reviewed-by: 林怡君 <lin@example.com>`)
//! are found by address first ([`Authors::find_person`]).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Problem};
use crate::urls::{slugify, SlugMode};
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
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    staff_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, Hash)]
pub struct Author {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
    pub bio: Option<String>,
    /// The address the author uses in git (not shown on the site).
    #[serde(skip)]
    pub email: Option<String>,
    /// The number payroll knows the author by (`staff_id:`), for
    /// `casebook rewards` (not shown on the site).
    #[serde(skip)]
    pub staff_id: Option<String>,
    /// False for a guest named in front matter but not in the authors file.
    pub known: bool,
}

#[derive(Debug, Clone, Default, Hash)]
pub struct Authors {
    by_id: BTreeMap<String, Author>,
}

impl Authors {
    /// Reads the authors file in `root`; a missing file means no known authors.
    pub fn load(root: &Path, limits: &crate::limits::Limits) -> (Authors, Vec<Diagnostic>) {
        let rel = Path::new(AUTHORS_FILE);
        let text = match crate::content::read_data_file(root, rel, &limits.data) {
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
        if let Err(r) = yaml::guard(text) {
            return (Authors::default(), vec![Diagnostic::error(rel, r.line, r.col, r.problem)]);
        }
        match serde_norway::from_str::<BTreeMap<String, RawAuthor>>(text) {
            Ok(raw) => {
                let diags = raw.keys().filter(|id| !is_page_name(id)).map(|id| bad_id(text, rel, id)).collect();
                let by_id = raw
                    .into_iter()
                    .map(|(id, r)| {
                        let email = r.email.map(|e| e.trim().to_string()).filter(|e| !e.is_empty());
                        let staff_id = r.staff_id.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
                        let a = Author {
                            id: id.clone(),
                            name: r.name,
                            team: r.team,
                            bio: r.bio,
                            email,
                            staff_id,
                            known: true,
                        };
                        (id, a)
                    })
                    .collect();
                (Authors { by_id }, diags)
            }
            Err(err) => {
                let (mut line, mut col) = yaml::error_position(&err);
                let raw = err.to_string();
                let msg = raw.split(" at line ").next().unwrap_or(&raw).to_string();
                let problem = if msg.contains("unknown field") || msg.contains("missing field") {
                    Problem::AuthorBadField { parser: msg }
                } else {
                    let (l, c, p) = yaml::explain_error(&err, text);
                    (line, col) = (l, c);
                    p
                };
                (Authors::default(), vec![Diagnostic::error(rel, line, col, problem)])
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
        Author {
            id: slugify(named, SlugMode::Unicode),
            name: named.to_string(),
            team: None,
            bio: None,
            email: None,
            staff_id: None,
            known: false,
        }
    }

    /// The author a person named in git is (a trailer's `name <email>`): by
    /// e-mail address, else by id, else by display name, ignoring letter case
    /// in each; `None` for someone not in the file.
    pub fn find_person(&self, name: &str, email: Option<&str>) -> Option<&Author> {
        let name = name.trim();
        let by_email = email.and_then(|e| {
            self.by_id.values().find(|a| a.email.as_deref().is_some_and(|mine| mine.eq_ignore_ascii_case(e.trim())))
        });
        by_email
            .or_else(|| self.by_id.get(name))
            .or_else(|| self.by_id.values().find(|a| a.id.eq_ignore_ascii_case(name)))
            .or_else(|| self.by_id.values().find(|a| a.name.to_lowercase() == name.to_lowercase()))
    }

    pub fn all(&self) -> impl Iterator<Item = &Author> {
        self.by_id.values()
    }
}

/// Whether an id can name the folder of the author's page (`authors/ID/`):
/// one name, not `.` or `..`. A long one is shortened there.
fn is_page_name(id: &str) -> bool {
    !id.trim().is_empty() && id != "." && id != ".." && !id.contains(['/', '\\'])
}

/// The error for an id that cannot be a folder name, at its line.
fn bad_id(text: &str, rel: &Path, id: &str) -> Diagnostic {
    let line = yaml::key_position(text, id).map_or(0, |(i, _)| i + 1);
    Diagnostic::error(rel, line, usize::from(line > 0), Problem::AuthorBadId { id: id.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_in_git_are_found_by_email_then_id_then_name() {
        let text =
            "lin:\n  name: 林怡君\ntsai:\n  name: 蔡宇涵\n  email: Yuhan.Tsai@example.com\nwang:\n  name: Wang Da\n";
        let (authors, diags) = Authors::parse(text, Path::new(AUTHORS_FILE));
        assert!(diags.is_empty(), "{diags:?}");
        let id = |name: &str, email: Option<&str>| authors.find_person(name, email).map(|a| a.id.as_str());
        assert_eq!(id("lin", Some("lin@example.com")), Some("lin"));
        assert_eq!(id("LIN", None), Some("lin"));
        assert_eq!(id("林怡君", Some("lin@example.com")), Some("lin"));
        assert_eq!(id("yuhan", Some("yuhan.tsai@EXAMPLE.com")), Some("tsai"));
        assert_eq!(id("wang da", None), Some("wang"));
        assert_eq!(id("Someone", Some("someone@example.com")), None);
        // The address wins over a name that belongs to someone else.
        assert_eq!(id("lin", Some("yuhan.tsai@example.com")), Some("tsai"));
    }

    #[test]
    fn ids_that_cannot_name_a_folder_are_errors_at_their_line() {
        let long = "很長的名字".repeat(20);
        let text = format!("ok:\n  name: A\n\"..\":\n  name: B\nteam/x:\n  name: C\n{long}:\n  name: D\n");
        let (authors, diags) = Authors::parse(&text, Path::new(AUTHORS_FILE));
        let got: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("data/authors.yaml:3:1: error: the author id `..` names the folder"), "{got:?}");
        assert!(got[1].starts_with("data/authors.yaml:5:1: error: the author id `team/x` names the folder"), "{got:?}");
        // A long id is fine: its page gets a shortened folder name.
        assert_eq!(authors.resolve(&long).name, "D");
    }
}
