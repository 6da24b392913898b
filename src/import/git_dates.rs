//! When each file of a source in git was first committed, for posts that
//! give no date: read in one pass over the history (`git log -C -C
//! --name-status`), following renames and copies back as `git log
//! --follow` does, instead of one `git log` per file (a manual of a
//! thousand pages took a minute and a half that way, eight seconds this
//! way). The one difference: a file moved away and another made later
//! under its old name is a new file here, where `--follow` runs on into
//! the history of the one moved away (4 pages of that manual).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// First-commit dates by file (resolved absolute path).
#[derive(Debug, Default)]
pub struct FirstCommits {
    dates: HashMap<PathBuf, String>,
}

impl FirstCommits {
    /// Reads the history of the repository `source` is in; empty when it
    /// is in none.
    pub fn read(source: &Path) -> Self {
        let git = |args: &[&str]| {
            let out = Command::new("git").arg("-C").arg(source).args(args).output().ok()?;
            out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
        };
        let Some(top) = git(&["rev-parse", "--show-toplevel"]) else { return Self::default() };
        let Ok(top) = std::fs::canonicalize(top.trim()) else { return Self::default() };
        let args = ["-c", "core.quotePath=false", "log", "-C", "-C", "--name-status", "--format=\u{1}%aI", "--"];
        let Some(log) = Command::new("git")
            .arg("-C")
            .arg(&top)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        else {
            return Self::default();
        };
        let dates = oldest(&log).into_iter().map(|(path, date)| (top.join(path), date)).collect();
        FirstCommits { dates }
    }

    /// The date `file` was first committed (casebook's form), if known.
    pub fn get(&self, file: &Path) -> Option<String> {
        let file = std::fs::canonicalize(file).ok()?;
        self.dates.get(&file).and_then(|d| super::post::date(d))
    }
}

/// For each path as it is named at the newest commit, the date of the
/// oldest commit that touched it under any of its names, or those of the
/// file it was copied from. `log` is `git log -C -C --name-status
/// --format=\x01%aI` (newest first): copies found as `--follow` finds
/// them. Paths git had to quote (with tabs, newlines or quotes in them) are
/// left out.
fn oldest(log: &str) -> HashMap<String, String> {
    // A name in the commits read so far → the names at the newest commit
    // of the files it became; empty once it was renamed away or copied
    // into (an older file of that name is another file).
    let mut later: HashMap<String, Vec<String>> = HashMap::new();
    let mut dates: HashMap<String, String> = HashMap::new();
    let mut date = "";
    let current = |later: &HashMap<String, Vec<String>>, name: &str| {
        later.get(name).cloned().unwrap_or_else(|| vec![name.to_string()])
    };
    for line in log.lines() {
        if let Some(d) = line.strip_prefix('\u{1}') {
            date = d.trim();
            continue;
        }
        let parts: Vec<&str> = line.split('\t').collect();
        if parts.len() < 2 || parts.iter().any(|p| p.starts_with('"')) {
            continue;
        }
        let (status, path) = (parts[0], parts[parts.len() - 1]);
        if status.starts_with('D') {
            continue;
        }
        let now = current(&later, path);
        for n in &now {
            dates.insert(n.clone(), date.to_string());
        }
        match (status.chars().next(), parts.get(1)) {
            (Some('R'), Some(&from)) if parts.len() == 3 => {
                later.insert(from.to_string(), now);
                later.insert(path.to_string(), Vec::new());
            }
            (Some('C'), Some(&from)) if parts.len() == 3 => {
                let mut both = current(&later, from);
                both.extend(now);
                later.insert(from.to_string(), both);
                later.insert(path.to_string(), Vec::new());
            }
            _ => {}
        }
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_commit_under_every_name() {
        let log = "\u{1}2024-03-01T10:00:00+08:00\n\nM\tbook/b.md\nR087\tbook/old.md\tbook/b.md\n\
\u{1}2023-06-01T10:00:00+08:00\n\nC090\tbook/a.md\tbook/c.md\n\
\u{1}2023-02-01T10:00:00+08:00\n\nM\tbook/old.md\nA\tbook/a.md\n\
\u{1}2022-01-01T10:00:00+08:00\n\nA\tbook/old.md\nA\tbook/b.md\nA\t\"book/tab\\there.md\"\n";
        let dates = oldest(log);
        assert_eq!(dates.get("book/b.md").map(String::as_str), Some("2022-01-01T10:00:00+08:00"));
        assert_eq!(dates.get("book/a.md").map(String::as_str), Some("2023-02-01T10:00:00+08:00"));
        // A copy has the history of the file it was copied from.
        assert_eq!(dates.get("book/c.md").map(String::as_str), Some("2023-02-01T10:00:00+08:00"));
        // The older book/b.md (renamed over) is another file; its date does not count.
        assert_eq!(dates.len(), 3, "{dates:?}");
    }
}
