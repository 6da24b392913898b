//! Article history from git.
//!
//! For every file under the journal: when it was first committed and last
//! changed, by whom, the commits that touched it (following renames), the
//! pull requests that brought those commits (GitHub "Merge pull request #123",
//! GitLab "See merge request !45", squash commits ending in "(#123)") and the
//! people in review trailers (`Reviewed-by:`, `Approved-by:`,
//! `Co-authored-by:`).
//!
//! Everything comes from what `git log --topo-order -M --name-status` prints,
//! in one pass over the log, never once per file. Listing the commits is
//! fast, but the file names each one changed are not: git writes out every
//! commit's tree and its parent's to compare them, and in a folder of
//! thousands of articles that is most of a build (about 10 s for 20,000
//! commits on 10,000 files, against 0.25 s for the log without file names).
//! So the same text is made in two cheaper ways:
//!
//! - [`trees`] reads which files each commit changed from git's object files
//!   itself, comparing trees by the chunks their deltas share (about 0.6 s
//!   for those 20,000 commits), and leaves to git the few commits it cannot
//!   answer exactly as git would (renames);
//! - what git printed for each commit is kept in a cache inside the git
//!   directory (`.git/casebook/history`: never in the work tree, never
//!   committed, shared by build, serve and check). A build where HEAD has not
//!   moved runs no `git log` at all; otherwise only the commits the cache has
//!   not seen are read.
//!
//! Either way the log is put together in the walk's order, the same bytes
//! `git log` prints (tests compare them). Shallow clones are read by `git log`
//! alone and not cached: a boundary commit's diff changes once the clone is
//! deepened. The `git` command is used for the rest (no libgit2): it is on
//! every machine that has the repository.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{DateTime, FixedOffset};

pub mod dates;
mod trees;

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
    /// The commit the history was read at (the newest in the log), `None`
    /// before the first commit: `serve` reads the history again when HEAD
    /// moves (render's article views key on each file's own history).
    pub head: Option<String>,
    /// By path relative to the journal root, as it is now.
    pub files: HashMap<String, FileHistory>,
    /// Files with changes not yet committed (or not tracked at all).
    pub uncommitted: HashSet<String>,
    pub shallow: bool,
    /// Reviews for contribution counts: how many commits named each set of
    /// reviewers in their trailers (the names as written, sorted). A set, not
    /// a count per name, so that one person named twice in a commit (by id and
    /// by display name) is one review (`crate::graph::reviewers::count`).
    pub reviews: HashMap<Vec<String>, usize>,
    /// The e-mail address written with each name in the review and
    /// co-author trailers, to tell who is who (`crate::graph::reviewers`).
    pub emails: HashMap<String, String>,
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

/// `git` with `input` on its standard input.
fn git_with_input(root: &Path, args: &[&str], input: &str) -> Option<String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let out = std::thread::scope(|s| {
        // Written from another thread so that neither side waits on a full pipe.
        s.spawn(move || stdin.write_all(input.as_bytes()));
        child.wait_with_output()
    })
    .ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What `git log` prints for each commit: a record separator, the fields
/// `parse_log` reads, then (with `--name-status`) the changed files.
const LOG_FORMAT: &str = "--format=%x1e%H%x1f%P%x1f%an%x1f%aI%x1f%s%x1f%b%x1f";
/// The options that make the log `parse_log` reads, walk order aside.
const LOG_ARGS: [&str; 5] = ["-c", "core.quotepath=off", "log", "-M", "--name-status"];

/// Reads the history of the git repository `root` is in; `None` outside one.
pub fn read(root: &Path) -> Option<History> {
    let mut lap = std::time::Instant::now();
    let prefix = prefix(root)?;
    let shallow = git(root, &["rev-parse", "--is-shallow-repository"]).is_some_and(|s| s.trim() == "true");
    let log = if shallow { None } else { cached_log(root) };
    let log = log.unwrap_or_else(|| full_log(root).unwrap_or_default());
    crate::profile::lap("   git log", &mut lap);
    let commits = parse_log(&log);
    crate::profile::lap("   parse log", &mut lap);
    // Taken from the log itself, not asked of git again: HEAD may move
    // between two commands, and the key must name the commits read.
    let head = commits.first().map(|c| c.hash.clone());
    let mut history = History { head, shallow, ..Default::default() };
    collect(&commits, &prefix, &mut history);
    crate::profile::lap("   history per file", &mut lap);
    history.uncommitted = uncommitted(root, &prefix, &[Path::new(".")]).unwrap_or_default();
    crate::profile::lap("   git status", &mut lap);
    Some(history)
}

/// Which of `paths` (files or folders, relative to `root` or absolute)
/// changed since the last commit, as paths relative to `root`; `prefix` is
/// `root`'s place in the repository (`git rev-parse --show-prefix`).
pub fn uncommitted(root: &Path, prefix: &str, paths: &[&Path]) -> Option<HashSet<String>> {
    let mut args: Vec<&std::ffi::OsStr> =
        ["-c", "core.quotepath=off", "status", "--porcelain", "--untracked-files=all", "--"]
            .iter()
            .map(std::ffi::OsStr::new)
            .collect();
    args.extend(paths.iter().map(|p| p.as_os_str()));
    let out = std::process::Command::new("git").arg("-C").arg(root).args(args).output().ok()?;
    let status = out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())?;
    Some(
        status
            .lines()
            .map(|line| {
                let path = line.get(3..).unwrap_or_default();
                let path = path.rsplit(" -> ").next().unwrap_or(path).trim_matches('"');
                path.strip_prefix(prefix).unwrap_or(path).to_string()
            })
            .collect(),
    )
}

/// `root`'s place in its repository (`cases/` for a journal in a folder of
/// one), or `None` outside git.
pub fn prefix(root: &Path) -> Option<String> {
    Some(git(root, &["rev-parse", "--show-prefix"])?.trim().to_string())
}

/// The whole log from one `git log`: slow on a large repository (see the
/// module comment), so only for shallow clones and when the cache fails.
fn full_log(root: &Path) -> Option<String> {
    let mut args = LOG_ARGS.to_vec();
    // No pathspec: it would simplify history and drop the merge commits that
    // name pull requests. Paths are filtered in `collect`.
    args.extend(["--topo-order", LOG_FORMAT]);
    git(root, &args)
}

/// The same text as `full_log`, with only the commits the cache has not seen
/// diffed by git; the cache is brought up to date. `None` when git fails
/// (then the full log is read).
fn cached_log(root: &Path) -> Option<String> {
    let head = git(root, &["rev-parse", "--verify", "--quiet", "HEAD"])?.trim().to_string();
    // Relative to the directory git ran in, which is `root`.
    let path = root.join(git(root, &["rev-parse", "--git-path", "casebook/history"])?.trim_end_matches('\n'));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let cache = Cache::parse(&text).unwrap_or_default();
    if cache.tip == head {
        return Some(cache.log.to_string());
    }
    // Each commit's tree and parents, for reading changes from the object files.
    let mut lap = std::time::Instant::now();
    std::thread::scope(|s| {
        // With no cache every message is needed: git prints them meanwhile.
        let all_messages = cache.records.is_empty().then(|| s.spawn(|| trees::messages(root, &[])));
        let order = git(root, &["log", "--topo-order", "--format=%H %T %P"])?;
        crate::profile::lap("    commits", &mut lap);
        let hashes: Vec<&str> = order.lines().map(|l| l.split(' ').next().unwrap_or(l)).collect();
        let missing: Vec<&str> = hashes.iter().copied().filter(|h| !cache.records.contains_key(h)).collect();
        let new = if missing.len() >= MIN_BATCH {
            let given = all_messages.map(|m| move || m.join().ok().flatten());
            trees::records(root, &order, &missing, given).or_else(|| log_records(root, &missing))?
        } else {
            log_records(root, &missing)?
        };
        crate::profile::lap(&format!("    changes of {} commits", missing.len()), &mut lap);
        let mut log = String::with_capacity(cache.log.len() + new.values().map(String::len).sum::<usize>());
        let mut index = Vec::with_capacity(hashes.len());
        for h in hashes {
            let record = cache.records.get(h).copied().or_else(|| new.get(h).map(String::as_str))?;
            log.push_str(record);
            index.push((h, record.len()));
        }
        // Only the commits in this log are kept: rewritten ones drop out.
        Cache::store(&path, &head, &index, &log);
        crate::profile::lap("    log put together and cached", &mut lap);
        Some(log)
    })
}

/// How many git processes diff the missing commits at once, at most: with no
/// cache, one per core of a two-core machine (CI runners, laptops).
const BATCHES: usize = 2;
/// Fewer missing commits than this are diffed in one process.
const MIN_BATCH: usize = 200;

/// What `git log --no-walk` prints for each of `hashes`, by hash.
fn log_records<'h>(root: &Path, hashes: &[&'h str]) -> Option<HashMap<&'h str, String>> {
    let mut records = HashMap::with_capacity(hashes.len());
    if hashes.is_empty() {
        return Some(records);
    }
    // Every other commit to each process, not halves of the list: in a
    // journal that grew over the years, newer commits have larger trees to
    // diff, so the halves would not take equally long.
    let batches = (hashes.len() / MIN_BATCH).clamp(1, BATCHES);
    let chunks: Vec<Vec<&str>> =
        (0..batches).map(|b| hashes.iter().skip(b).step_by(batches).copied().collect()).collect();
    let outputs = std::thread::scope(|s| {
        let running: Vec<_> = chunks.iter().map(|chunk| s.spawn(move || log_batch(root, chunk))).collect();
        running.into_iter().map(|t| t.join().ok().flatten()).collect::<Option<Vec<_>>>()
    })?;
    for (chunk, out) in chunks.iter().zip(&outputs) {
        // The records come in the order asked for, each starting with the
        // record separator and the hash.
        let mut starts = Vec::with_capacity(chunk.len() + 1);
        for h in chunk.iter() {
            let from = starts.last().map_or(0, |&at| at + 1);
            let at = from + out.get(from..)?.find(&format!("\u{1e}{h}\u{1f}"))?;
            if starts.is_empty() && at != 0 {
                return None;
            }
            starts.push(at);
        }
        starts.push(out.len());
        for (i, h) in chunk.iter().enumerate() {
            records.insert(*h, out[starts[i]..starts[i + 1]].to_string());
        }
    }
    Some(records)
}

/// `git log --no-walk` for `hashes`: each commit printed exactly as the full
/// walk prints it.
fn log_batch(root: &Path, hashes: &[&str]) -> Option<String> {
    let mut args = LOG_ARGS.to_vec();
    args.extend(["--no-walk=unsorted", "--stdin", LOG_FORMAT]);
    let input: String = hashes.iter().flat_map(|h| [*h, "\n"]).collect();
    git_with_input(root, &args, &input)
}

/// The history cache: what `git log` printed for each commit reachable from
/// `tip`, in the log's order. The file is a header line naming the format,
/// the tip, the number of commits, one `hash length` line per commit, then
/// the records one after another, as git printed them.
#[derive(Default)]
struct Cache<'a> {
    tip: &'a str,
    log: &'a str,
    records: HashMap<&'a str, &'a str>,
}

impl<'a> Cache<'a> {
    fn header() -> String {
        format!("casebook history cache 1: git {} --topo-order {LOG_FORMAT}", LOG_ARGS.join(" "))
    }

    /// `None` for a file from another version, or damaged.
    fn parse(text: &'a str) -> Option<Cache<'a>> {
        let mut rest = text.strip_prefix(&Self::header())?.strip_prefix('\n')?;
        let mut line = || {
            let (line, after) = rest.split_once('\n')?;
            rest = after;
            Some(line)
        };
        let tip = line()?;
        let count: usize = line()?.parse().ok()?;
        let mut index = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let (hash, len) = line()?.split_once(' ')?;
            index.push((hash, len.parse::<usize>().ok()?));
        }
        let log = rest;
        let mut records = HashMap::with_capacity(index.len());
        let mut at = 0usize;
        for (hash, len) in index {
            let record = log.get(at..at.checked_add(len)?)?;
            record.strip_prefix('\u{1e}')?.strip_prefix(hash)?.strip_prefix('\u{1f}')?;
            records.insert(hash, record);
            at += len;
        }
        (at == log.len()).then_some(Cache { tip, log, records })
    }

    /// Writes the cache whole under another name and renames it into place,
    /// so a reader never sees half of it; a cache that cannot be written
    /// (a read-only repository) is done without.
    fn store(path: &Path, tip: &str, index: &[(&str, usize)], log: &str) {
        use std::fmt::Write as _;
        use std::sync::atomic::{AtomicUsize, Ordering};
        static WRITES: AtomicUsize = AtomicUsize::new(0);
        let mut text = String::with_capacity(log.len() + index.len() * 50 + 200);
        let _ = write!(text, "{}\n{tip}\n{}\n", Self::header(), index.len());
        for (hash, len) in index {
            let _ = writeln!(text, "{hash} {len}");
        }
        text.push_str(log);
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return };
        let mut tmp_name = name.to_os_string();
        tmp_name.push(format!(".{}-{}.tmp", std::process::id(), WRITES.fetch_add(1, Ordering::Relaxed)));
        let tmp: PathBuf = dir.join(tmp_name);
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&tmp, text))
            .and_then(|()| std::fs::rename(&tmp, path));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
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

/// The `(name, e-mail address)` of each `Reviewed-by:`/`Approved-by:`/`Co-authored-by:` trailer that has an address.
pub fn trailer_emails(body: &str) -> Vec<(String, String)> {
    let address = |line: &str| {
        let value =
            ["Reviewed-by:", "Approved-by:", "Co-authored-by:"].iter().find_map(|k| line.trim().strip_prefix(k))?;
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
        let (mut reviewers, _) = trailers(&c.body);
        if !reviewers.is_empty() {
            reviewers.sort();
            *history.reviews.entry(reviewers).or_default() += 1;
        }
        for (name, email) in trailer_emails(&c.body) {
            history.emails.entry(name).or_insert(email);
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

    /// A repository made with `git fast-import`: `commits` commits on `main`
    /// editing ten files, a rename, and a branch merged back without a diff.
    fn repository(dir: &Path, commits: usize) {
        let mut stream = String::new();
        for i in 1..=commits {
            let file = if i > commits / 2 { format!("content/{}.md", i % 10) } else { format!("old/{}.md", i % 10) };
            stream += &format!(
                "commit refs/heads/main\nmark :{i}\ncommitter W <w@example.com> {} +0800\ndata <<END\nEdit {i}\n\nReviewed-by: R{}\nEND\n",
                1_700_000_000 + i * 60,
                i % 3
            );
            if i == commits / 2 + 1 {
                stream += "D old/3.md\n";
                stream +=
                    &(0..10).filter(|&n| n != 3).map(|n| format!("R old/{n}.md content/{n}.md\n")).collect::<String>();
            }
            stream += &format!("M 644 inline {file}\ndata <<END\nversion {i}\nEND\n");
        }
        stream += &format!(
            "commit refs/heads/side\nmark :{0}\ncommitter W <w@example.com> 1800000000 +0800\ndata 5\nside\nfrom :{1}\nM 644 inline content/side.md\ndata 2\ns\n\n",
            commits + 1,
            commits - 5
        );
        stream += &format!(
            "commit refs/heads/main\ncommitter W <w@example.com> 1800000060 +0800\ndata 22\nMerge pull request #9\nfrom :{commits}\nmerge :{}\n\n",
            commits + 1
        );
        let run = |args: &[&str], input: Option<&str>| {
            let mut child = Command::new("git")
                .arg("-C")
                .arg(dir)
                .args(args)
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .stdin(Stdio::piped())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(input.unwrap_or_default().as_bytes()).unwrap();
            assert!(child.wait().unwrap().success(), "git {args:?}");
        };
        run(&["init", "-q", "-b", "main"], None);
        run(&["fast-import", "--quiet"], Some(&stream));
        run(&["reset", "-q", "--hard", "main"], None);
    }

    #[test]
    fn the_cached_log_is_the_full_log() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        repository(dir, 2 * MIN_BATCH + 50);
        let full = full_log(dir).unwrap();
        assert!(full.contains("R100\told/1.md\tcontent/1.md") && full.contains("Merge pull request #9"));
        // Cold: every commit diffed, in two processes.
        assert_eq!(cached_log(dir).unwrap(), full);
        let cache = dir.join(".git/casebook/history");
        let text = std::fs::read_to_string(&cache).unwrap();
        assert_eq!(Cache::parse(&text).unwrap().log, full);
        // Warm, then after a commit, then with history rewritten.
        assert_eq!(cached_log(dir).unwrap(), full);
        let git = |args: &[&str]| {
            let o = Command::new("git").arg("-C").arg(dir).args(args).output().unwrap();
            assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
        };
        std::fs::write(dir.join("content/1.md"), "new").unwrap();
        git(&["-c", "user.name=W", "-c", "user.email=w@example.com", "commit", "-qam", "One more"]);
        let full = full_log(dir).unwrap();
        assert!(full.contains("One more"));
        assert_eq!(cached_log(dir).unwrap(), full);
        git(&["reset", "-q", "--hard", "HEAD~3"]);
        let full = full_log(dir).unwrap();
        assert!(!full.contains("One more"));
        assert_eq!(cached_log(dir).unwrap(), full);
        assert_eq!(Cache::parse(&std::fs::read_to_string(&cache).unwrap()).unwrap().log, full);
    }

    #[test]
    fn the_history_names_the_head_it_was_read_at() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let git = |args: &[&str]| {
            let o = Command::new("git").arg("-C").arg(dir).args(args).env("GIT_CONFIG_NOSYSTEM", "1").output().unwrap();
            assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
            String::from_utf8_lossy(&o.stdout).trim().to_string()
        };
        git(&["init", "-q", "-b", "main"]);
        assert_eq!(read(dir).unwrap().head, None, "no commit yet");
        repository(dir, 20);
        let first = read(dir).unwrap().head;
        assert_eq!(first.as_deref(), Some(git(&["rev-parse", "HEAD"]).as_str()));
        std::fs::write(dir.join("content/1.md"), "new").unwrap();
        git(&["-c", "user.name=W", "-c", "user.email=w@example.com", "commit", "-qam", "One more"]);
        let second = read(dir).unwrap().head;
        assert_ne!(second, first);
        assert_eq!(second.as_deref(), Some(git(&["rev-parse", "HEAD"]).as_str()));
    }

    #[test]
    fn review_trailers() {
        let (r, c) = trailers(
            "Body\n\nReviewed-by: 蔡宇涵 <tsai@example.com>\nApproved-by: Lin\nCo-authored-by: Wang <w@example.com>\n",
        );
        assert_eq!(r, ["蔡宇涵", "Lin"]);
        assert_eq!(c, ["Wang"]);
        let emails = trailer_emails(
            "Reviewed-by: 蔡宇涵 <tsai@example.com>\nApproved-by: Lin\nCo-authored-by: Wang <w@example.com>\n",
        );
        let pair = |n: &str, e: &str| (n.to_string(), e.to_string());
        assert_eq!(emails, [pair("蔡宇涵", "tsai@example.com"), pair("Wang", "w@example.com")]);
    }
}
