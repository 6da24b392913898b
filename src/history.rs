//! Article history from git, read in one pass over `git log`.
//!
//! For every file under the journal: when it was first committed and last
//! changed, by whom, the commits that touched it (following renames), the
//! pull requests that brought those commits (GitHub "Merge pull request #123",
//! GitLab "See merge request !45", squash commits ending in "(#123)") and the
//! people in review trailers (`Reviewed-by:`, `Approved-by:`,
//! `Co-authored-by:`). The `git` command is used (no libgit2): it is on every
//! machine that has the repository, and one `git log` is fast.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

use chrono::{DateTime, FixedOffset};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitRef {
    pub hash: String,
    pub date: DateTime<FixedOffset>,
    pub author: String,
    pub subject: String,
}

#[derive(Debug, Clone, Default)]
pub struct FileHistory {
    /// Newest first.
    pub commits: Vec<CommitRef>,
    pub pull_requests: Vec<u32>,
    pub reviewers: Vec<String>,
    pub co_authors: Vec<String>,
}

impl FileHistory {
    pub fn created(&self) -> Option<&CommitRef> {
        self.commits.last()
    }
    pub fn updated(&self) -> Option<&CommitRef> {
        self.commits.first()
    }
}

#[derive(Debug, Default)]
pub struct History {
    /// By path relative to the journal root, as it is now.
    pub files: HashMap<String, FileHistory>,
    /// Files with changes not yet committed (or not tracked at all).
    pub uncommitted: HashSet<String>,
    pub shallow: bool,
    /// Reviews per person (from trailers), for contribution counts.
    pub reviews: HashMap<String, usize>,
    /// The e-mail address written with each reviewer's name in the trailers,
    /// to tell who is who (`crate::graph::reviewers`).
    pub reviewer_emails: HashMap<String, String>,
}

struct Commit {
    hash: String,
    parents: Vec<String>,
    author: String,
    date: DateTime<FixedOffset>,
    subject: String,
    body: String,
    /// (status, paths): `M a`, `A a`, `D a`, `R100 old new`.
    changes: Vec<(char, Vec<String>)>,
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(root).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Reads the history of the git repository `root` is in; `None` outside one.
pub fn read(root: &Path) -> Option<History> {
    let prefix = git(root, &["rev-parse", "--show-prefix"])?.trim().to_string();
    let shallow = git(root, &["rev-parse", "--is-shallow-repository"]).is_some_and(|s| s.trim() == "true");
    let log = git(
        root,
        &[
            "-c",
            "core.quotepath=off",
            "log",
            "--topo-order",
            "-M",
            "--name-status",
            "--format=%x1e%H%x1f%P%x1f%an%x1f%aI%x1f%s%x1f%b%x1f",
            // No pathspec: it would simplify history and drop the merge
            // commits that name pull requests. Paths are filtered below.
        ],
    )
    .unwrap_or_default();
    let commits = parse_log(&log);
    let mut history = History { shallow, ..Default::default() };
    collect(&commits, &prefix, &mut history);
    if let Some(status) =
        git(root, &["-c", "core.quotepath=off", "status", "--porcelain", "--untracked-files=all", "--", "."])
    {
        for line in status.lines() {
            let path = line.get(3..).unwrap_or_default();
            let path = path.rsplit(" -> ").next().unwrap_or(path).trim_matches('"');
            history.uncommitted.insert(path.strip_prefix(&prefix).unwrap_or(path).to_string());
        }
    }
    Some(history)
}

fn parse_log(log: &str) -> Vec<Commit> {
    let mut out = Vec::new();
    for record in log.split('\u{1e}').skip(1) {
        let fields: Vec<&str> = record.splitn(7, '\u{1f}').collect();
        if fields.len() < 7 {
            continue;
        }
        let Ok(date) = DateTime::parse_from_rfc3339(fields[3]) else { continue };
        let changes = fields[6]
            .lines()
            .filter_map(|l| {
                let mut parts = l.split('\t');
                let status = parts.next()?.chars().next()?;
                let paths: Vec<String> = parts.map(str::to_string).collect();
                (!paths.is_empty()).then_some((status, paths))
            })
            .collect();
        out.push(Commit {
            hash: fields[0].to_string(),
            parents: fields[1].split_whitespace().map(str::to_string).collect(),
            author: fields[2].to_string(),
            date,
            subject: fields[4].to_string(),
            body: fields[5].to_string(),
            changes,
        });
    }
    out
}

/// The pull request a commit message names, if any.
pub fn pull_request(subject: &str, body: &str) -> Option<u32> {
    let number = |s: &str| s.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok();
    if let Some(rest) = subject.strip_prefix("Merge pull request #") {
        return number(rest);
    }
    if let Some(i) = body.find("See merge request ") {
        let rest = &body[i + "See merge request ".len()..];
        let rest = rest.rsplit_once('!').map(|(_, n)| n).unwrap_or(rest);
        return number(rest);
    }
    let trimmed = subject.trim_end();
    if trimmed.ends_with(')') {
        if let Some(i) = trimmed.rfind("(#") {
            return number(&trimmed[i + 2..]);
        }
    }
    None
}

/// `Reviewed-by:`/`Approved-by:` and `Co-authored-by:` names in a message.
pub fn trailers(body: &str) -> (Vec<String>, Vec<String>) {
    let mut reviewers = Vec::new();
    let mut co = Vec::new();
    for line in body.lines() {
        let line = line.trim();
        let name = |v: &str| v.split('<').next().unwrap_or(v).trim().to_string();
        for (key, is_review) in [("Reviewed-by:", true), ("Approved-by:", true), ("Co-authored-by:", false)] {
            if let Some(v) = line.strip_prefix(key) {
                let list = if is_review { &mut reviewers } else { &mut co };
                let n = name(v);
                if !n.is_empty() && !list.contains(&n) {
                    list.push(n);
                }
            }
        }
    }
    (reviewers, co)
}

/// The `(name, e-mail address)` of each `Reviewed-by:`/`Approved-by:` trailer that has an address.
pub fn reviewer_emails(body: &str) -> Vec<(String, String)> {
    let address = |line: &str| {
        let value = ["Reviewed-by:", "Approved-by:"].iter().find_map(|k| line.trim().strip_prefix(k))?;
        let (name, rest) = value.split_once('<')?;
        let (name, email) = (name.trim(), rest.split('>').next()?.trim());
        (!name.is_empty() && !email.is_empty()).then(|| (name.to_string(), email.to_string()))
    };
    body.lines().filter_map(address).collect()
}

fn collect(commits: &[Commit], prefix: &str, history: &mut History) {
    let by_hash: HashMap<&str, usize> = commits.iter().enumerate().map(|(i, c)| (c.hash.as_str(), i)).collect();
    // Which merge (or squash) brought each commit: walk each merge's second
    // parent back to the first-parent line.
    let mainline: HashSet<&str> = {
        let mut set = HashSet::new();
        let mut cur = commits.first().map(|c| c.hash.as_str());
        while let Some(h) = cur {
            set.insert(h);
            cur = by_hash.get(h).and_then(|&i| commits[i].parents.first()).map(String::as_str);
        }
        set
    };
    let mut brought_by: HashMap<&str, usize> = HashMap::new();
    for (m, c) in commits.iter().enumerate() {
        let own = pull_request(&c.subject, &c.body).is_some() || !trailers(&c.body).0.is_empty();
        if own {
            brought_by.entry(c.hash.as_str()).or_insert(m);
        }
        if c.parents.len() < 2 || !own {
            continue;
        }
        let mut stack: Vec<&str> = c.parents[1..].iter().map(String::as_str).collect();
        while let Some(h) = stack.pop() {
            if mainline.contains(h) || brought_by.contains_key(h) {
                continue;
            }
            brought_by.insert(h, m);
            if let Some(&i) = by_hash.get(h) {
                stack.extend(commits[i].parents.iter().map(String::as_str));
            }
        }
    }
    for c in commits {
        let (reviewers, _) = trailers(&c.body);
        for r in reviewers {
            *history.reviews.entry(r).or_default() += 1;
        }
        for (name, email) in reviewer_emails(&c.body) {
            history.reviewer_emails.entry(name).or_insert(email);
        }
    }

    // Newest first: `alias` maps a path as it was to the path it has now.
    let mut alias: HashMap<String, String> = HashMap::new();
    let mut deleted: HashSet<String> = HashSet::new();
    for c in commits {
        let reference =
            CommitRef { hash: c.hash.clone(), date: c.date, author: c.author.clone(), subject: c.subject.clone() };
        let merge = brought_by.get(c.hash.as_str()).map(|&m| &commits[m]);
        for (status, paths) in &c.changes {
            let Some(last) = paths.last() else { continue };
            let Some(rel) = last.strip_prefix(prefix) else { continue };
            let current = alias.get(rel).cloned().unwrap_or_else(|| rel.to_string());
            if *status == 'D' {
                deleted.insert(current);
                continue;
            }
            if deleted.contains(&current) {
                continue;
            }
            let h = history.files.entry(current.clone()).or_default();
            h.commits.push(reference.clone());
            for source in [Some(c), merge].into_iter().flatten() {
                if let Some(n) = pull_request(&source.subject, &source.body) {
                    if !h.pull_requests.contains(&n) {
                        h.pull_requests.push(n);
                    }
                }
                let (reviewers, co) = trailers(&source.body);
                for r in reviewers {
                    if !h.reviewers.contains(&r) {
                        h.reviewers.push(r);
                    }
                }
                for a in co {
                    if !h.co_authors.contains(&a) {
                        h.co_authors.push(a);
                    }
                }
            }
            if *status == 'R' && paths.len() == 2 {
                if let Some(old) = paths[0].strip_prefix(prefix) {
                    alias.insert(old.to_string(), current);
                }
            }
        }
    }
    for h in history.files.values_mut() {
        h.pull_requests.sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pull_request_numbers() {
        assert_eq!(pull_request("Merge pull request #123 from lin/case", ""), Some(123));
        assert_eq!(
            pull_request("Merge branch 'case' into 'main'", "Add case\n\nSee merge request journal/cases!45"),
            Some(45)
        );
        assert_eq!(pull_request("Add the headphones case (#77)", ""), Some(77));
        assert_eq!(pull_request("Fix typo (see notes)", ""), None);
    }

    #[test]
    fn review_trailers() {
        let (r, c) = trailers(
            "Body\n\nReviewed-by: 蔡宇涵 <tsai@example.com>\nApproved-by: Lin\nCo-authored-by: Wang <w@example.com>\n",
        );
        assert_eq!(r, ["蔡宇涵", "Lin"]);
        assert_eq!(c, ["Wang"]);
        let emails = reviewer_emails("Reviewed-by: 蔡宇涵 <tsai@example.com>\nApproved-by: Lin\n");
        assert_eq!(emails, [("蔡宇涵".to_string(), "tsai@example.com".to_string())]);
    }
}
