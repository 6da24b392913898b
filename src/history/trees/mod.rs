//! Which files each commit changed, read from git's object files directly.
//!
//! `git log --name-status` spends its time writing out trees: in a folder of
//! 7,500 articles each version of the folder's tree is 270 KB, and 20,000
//! commits mean 4.5 GB of trees, about 10 s. Here no tree is written out.
//! Git stores most trees in its pack files as a delta against another tree:
//! "copy these byte ranges of that tree, then insert these bytes". A tree is
//! kept as a list of chunks of its entries, cut where an entry's id says so
//! (about 32 entries to a chunk), each chunk stored once. A tree made from a
//! delta takes its base's chunks for the ranges it copies and reads entries
//! only where it inserts, so it costs what the delta costs, not what the tree
//! weighs. Because the cuts depend only on the entries, a chunk that did not
//! change is the same chunk in both trees, and comparing a commit's tree with
//! its parent's reads only the chunks that differ.
//!
//! What this does not handle is left to `git log` ([`super::log_records`]):
//! commits that add and delete files (git looks for renames), that change a
//! path's type or a submodule, or that name paths git would quote; and whole
//! repositories it cannot read (other object formats, alternates, a missing
//! object), where [`records`] returns `None`.
//!
//! This file reads which files each commit changed by comparing trees;
//! `store.rs` reads the trees, as chunks, from the object files.

mod store;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use store::{Store, Tree};

type Id = [u8; 20];

/// What git prints for a commit's changes: `M`, `A` or `D`, and the path.
type Change = (u8, Vec<u8>);

/// The records `git log -M --name-status` prints for `missing` (hashes), by
/// hash: their messages from one `git log --no-walk`, their changes from the
/// object files (the commits this cannot answer come whole from git).
/// `commits` gives every commit's tree and parents (`hash tree parents…`,
/// one per line).
/// `messages` may come from elsewhere (a [`messages`] of the whole log,
/// already under way); else they are read here.
pub fn records<'h>(
    root: &Path,
    commits: &str,
    missing: &[&'h str],
    messages: Option<impl FnOnce() -> Option<HashMap<String, String>> + Send>,
) -> Option<HashMap<&'h str, String>> {
    records_counted(root, commits, missing, messages).map(|(records, _)| records)
}

/// [`records`], and how many commits were left to git.
fn records_counted<'h>(
    root: &Path,
    commits: &str,
    missing: &[&'h str],
    messages: Option<impl FnOnce() -> Option<HashMap<String, String>> + Send>,
) -> Option<(HashMap<&'h str, String>, usize)> {
    let objects =
        PathBuf::from(super::git(root, &["rev-parse", "--path-format=absolute", "--git-path", "objects"])?.trim());
    if super::git(root, &["rev-parse", "--show-object-format"])?.trim() != "sha1"
        || objects.join("info/alternates").exists()
    {
        return None;
    }
    let mut trees: Commits = HashMap::with_capacity(missing.len());
    for line in commits.lines() {
        let mut parts = line.split(' ');
        let (Some(hash), Some(tree)) = (parts.next(), parts.next()) else { continue };
        trees.insert(hash, (tree, parts.filter(|p| !p.is_empty()).collect()));
    }
    // Two threads (two cores), each reading its half of the commits with its
    // own store, while git prints the messages. The halves are the newer
    // and the older commits, which share most of their trees' chunks.
    let half = missing.len().div_ceil(2);
    let (messages, changes) = std::thread::scope(|s| {
        let given = messages;
        let messages = s.spawn(|| match given {
            Some(read) => read(),
            None => self::messages(root, missing),
        });
        let trees = &trees;
        let objects = &objects;
        let threads: Vec<_> = missing
            .chunks(half.max(1))
            .map(|part| {
                s.spawn(move || {
                    let mut store = Store::open(objects)?;
                    let changes: Option<Vec<_>> = part.iter().map(|hash| store.commit_changes(trees, hash)).collect();
                    crate::profile::drop_later(store);
                    changes
                })
            })
            .collect();
        let changes: Option<Vec<Vec<Option<Vec<Change>>>>> =
            threads.into_iter().map(|t| t.join().ok().flatten()).collect();
        (messages.join().ok().flatten(), changes.map(|parts| parts.into_iter().flatten().collect::<Vec<_>>()))
    });
    let (messages, changes) = (messages?, changes?);
    let mut out = HashMap::with_capacity(missing.len());
    let mut for_git = Vec::new();
    for (&hash, changes) in missing.iter().zip(changes) {
        let message = messages.get(hash)?;
        match changes.and_then(|c| text(&c)) {
            Some(lines) if lines.is_empty() => {
                out.insert(hash, format!("{message}\n"));
            }
            Some(lines) => {
                out.insert(hash, format!("{message}\n\n{lines}"));
            }
            None => for_git.push(hash),
        }
    }
    out.extend(super::log_records(root, &for_git)?);
    Some((out, for_git.len()))
}

type Commits<'a> = HashMap<&'a str, (&'a str, Vec<&'a str>)>;

impl Store {
    /// A commit's changes against its parent (`Some(None)`: left to git);
    /// `None` when a commit or tree cannot be read.
    fn commit_changes(&mut self, trees: &Commits, hash: &str) -> Option<Option<Vec<Change>>> {
        let (tree, parents) = trees.get(hash)?;
        Some(match parents.as_slice() {
            // Without -m, git prints no changes for a merge.
            [_, _, ..] => Some(Vec::new()),
            [] => self.changes(None, Some(&id(tree)?)),
            [parent] => {
                let (parent_tree, _) = trees.get(parent)?;
                self.changes(Some(&id(parent_tree)?), Some(&id(tree)?))
            }
        })
    }
}

/// Each commit's message part of the record (through the last field
/// separator), by hash, from one `git log` without file names: of the whole
/// history (`hashes` empty), or of `hashes` (`--no-walk`).
pub fn messages(root: &Path, hashes: &[&str]) -> Option<HashMap<String, String>> {
    let log = if hashes.is_empty() {
        super::git(root, &["log", "--topo-order", super::LOG_FORMAT])?
    } else {
        let input: String = hashes.iter().flat_map(|h| [*h, "\n"]).collect();
        super::git_with_input(root, &["log", "--no-walk=unsorted", "--stdin", super::LOG_FORMAT], &input)?
    };
    let mut out = HashMap::with_capacity(hashes.len());
    for record in log.split('\u{1e}').skip(1) {
        let record = record.strip_suffix('\n').unwrap_or(record);
        let (hash, _) = record.split_once('\u{1f}')?;
        out.insert(hash.to_string(), format!("\u{1e}{record}"));
    }
    Some(out)
}

fn id(hex: &str) -> Option<Id> {
    gix_hash::ObjectId::from_hex(hex.as_bytes()).ok()?.as_bytes().try_into().ok()
}

/// The `--name-status` lines, or `None` for a path git would quote.
fn text(changes: &[Change]) -> Option<String> {
    let mut out = String::new();
    for (status, path) in changes {
        let path = std::str::from_utf8(path).ok()?;
        if path.bytes().any(|b| b < 0x20 || b == 0x7f || b == b'"' || b == b'\\') {
            return None;
        }
        out.push(*status as char);
        out.push('\t');
        out.push_str(path);
        out.push('\n');
    }
    Some(out)
}
impl Store {
    /// The files changed from tree `a` to tree `b` (either may be absent),
    /// in git's order; `None` when git's answer would need rename or type
    /// change detection.
    fn changes(&mut self, a: Option<&Id>, b: Option<&Id>) -> Option<Vec<Change>> {
        let mut out = Vec::new();
        self.diff(a, b, &mut Vec::new(), &mut out)?;
        let adds = out.iter().any(|(s, _)| *s == b'A');
        let deletes = out.iter().any(|(s, _)| *s == b'D');
        (!(adds && deletes)).then_some(out)
    }

    fn diff(&mut self, a: Option<&Id>, b: Option<&Id>, prefix: &mut Vec<u8>, out: &mut Vec<Change>) -> Option<()> {
        if a == b {
            return Some(());
        }
        let empty = Arc::new(Tree::default());
        let ta = match a {
            Some(id) => self.tree(id)?,
            None => Arc::clone(&empty),
        };
        let tb = match b {
            Some(id) => self.tree(id)?,
            None => empty,
        };
        let (ca, cb) = (&ta.chunks, &tb.chunks);
        let same_start = ca.iter().zip(cb.iter()).take_while(|(x, y)| x == y).count();
        let same_end =
            ca[same_start..].iter().rev().zip(cb[same_start..].iter().rev()).take_while(|(x, y)| x == y).count();
        let held = |cs: &[u32]| cs.iter().map(|&c| Arc::clone(&self.chunks[c as usize].bytes)).collect::<Vec<_>>();
        let (held_a, held_b) = (held(&ca[same_start..ca.len() - same_end]), held(&cb[same_start..cb.len() - same_end]));
        let left = entries(&held_a)?;
        let right = entries(&held_b)?;
        let (mut i, mut j) = (0, 0);
        while i < left.len() || j < right.len() {
            let order = match (left.get(i), right.get(j)) {
                (Some(x), Some(y)) => git_order(x, y),
                (Some(_), None) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            let (x, y) = match order {
                std::cmp::Ordering::Less => (left.get(i), None),
                std::cmp::Ordering::Greater => (None, right.get(j)),
                std::cmp::Ordering::Equal => (left.get(i), right.get(j)),
            };
            let entry = x.or(y)?;
            let len = prefix.len();
            prefix.extend_from_slice(entry.name);
            match (x, y) {
                (Some(x), Some(y)) => {
                    if x.kind() != y.kind() {
                        return None;
                    }
                    if x.kind() == Kind::Tree {
                        prefix.push(b'/');
                        self.diff(Some(x.id), Some(y.id), prefix, out)?;
                    } else if x.id != y.id || x.mode != y.mode {
                        out.push((b'M', prefix.clone()));
                    }
                }
                (Some(x), None) => self.one_side(x, b'D', prefix, out)?,
                (None, Some(y)) => self.one_side(y, b'A', prefix, out)?,
                (None, None) => return None,
            }
            prefix.truncate(len);
            if x.is_some() {
                i += 1;
            }
            if y.is_some() {
                j += 1;
            }
        }
        Some(())
    }

    /// An entry only one side has: a file added or deleted, or every file under a folder.
    fn one_side(&mut self, e: &Entry, status: u8, prefix: &mut Vec<u8>, out: &mut Vec<Change>) -> Option<()> {
        match e.kind() {
            Kind::Tree => {
                prefix.push(b'/');
                let (a, b) = if status == b'A' { (None, Some(e.id)) } else { (Some(e.id), None) };
                self.diff(a, b, prefix, out)
            }
            Kind::Submodule => None,
            Kind::File | Kind::Link => {
                out.push((status, prefix.clone()));
                Some(())
            }
        }
    }
}

/// The entries of a run of chunks.
fn entries(chunks: &[Arc<[u8]>]) -> Option<Vec<Entry<'_>>> {
    let mut out = Vec::new();
    for chunk in chunks {
        let mut rest: &[u8] = chunk;
        while !rest.is_empty() {
            let space = rest.iter().position(|&b| b == b' ')?;
            let nul = space + rest[space..].iter().position(|&b| b == 0)?;
            let id: &Id = rest.get(nul + 1..nul + 21)?.try_into().ok()?;
            out.push(Entry { mode: &rest[..space], name: &rest[space + 1..nul], id });
            rest = &rest[nul + 21..];
        }
    }
    Some(out)
}

struct Entry<'a> {
    mode: &'a [u8],
    name: &'a [u8],
    id: &'a Id,
}

#[derive(PartialEq, Eq)]
enum Kind {
    Tree,
    Submodule,
    Link,
    File,
}

impl Entry<'_> {
    fn kind(&self) -> Kind {
        match self.mode {
            b"40000" | b"040000" => Kind::Tree,
            b"160000" => Kind::Submodule,
            b"120000" => Kind::Link,
            _ => Kind::File,
        }
    }
}

/// Git's order of tree entries: by name, a folder's name as if it ended in `/`.
fn git_order(x: &Entry, y: &Entry) -> std::cmp::Ordering {
    let tail = |e: &Entry| -> &'static [u8] {
        if e.kind() == Kind::Tree {
            b"/"
        } else {
            b""
        }
    };
    let n = x.name.len().min(y.name.len());
    // After the common length, the next character of each (or its `/`, or the end) decides.
    x.name[..n].cmp(&y.name[..n]).then_with(|| {
        let next = |e: &Entry| e.name.get(n).or(tail(e).first()).copied();
        next(x).cmp(&next(y))
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    use super::*;

    fn git(dir: &Path, args: &[&str], input: Option<&str>) -> String {
        let mut child = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_DATE", "1800000000 +0800")
            .env("GIT_COMMITTER_DATE", "1800000000 +0800")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.unwrap_or_default().as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "git {args:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// A history with what a journal's has (a flat folder of hundreds of
    /// files edited one or a few at a time, additions, deletions) and what
    /// is left to git (renames, a file becoming a link, a quoted name),
    /// packed with deltas, then a few commits as loose objects.
    fn repository(dir: &Path) {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut files: Vec<String> = (0..300).map(|n| format!("content/cases/{n:04}.md")).collect();
        let mut stream = String::new();
        for c in 1..=400u64 {
            let _ = write!(
                stream,
                "commit refs/heads/main\nmark :{c}\ncommitter W <w@example.com> {} +0800\ndata 8\nEdit {c:03}\n",
                1_700_000_000 + c * 60
            );
            if c == 1 {
                for f in &files {
                    let _ = write!(stream, "M 100644 inline {f}\ndata 2\n0\n");
                }
            } else {
                let _ = writeln!(stream, "from :{}", c - 1);
            }
            if c == 2 {
                // Beside the folder content/cases, in git's order before it.
                let _ = write!(stream, "M 100644 inline content/cases.md\ndata 2\nc\n");
            }
            match c % 50 {
                10 => {
                    let gone = files.remove(next(files.len() as u64) as usize);
                    let _ = writeln!(stream, "D {gone}");
                }
                20 => {
                    let new = format!("content/cases/新{c}.md");
                    let _ = write!(stream, "M 100644 inline {new}\ndata 2\nn\n");
                    files.push(new);
                }
                30 => {
                    let from = files.remove(next(files.len() as u64) as usize);
                    let to = format!("content/cases/改名{c}.md");
                    let _ = writeln!(stream, "R {from} {to}");
                    files.push(to);
                }
                40 => {
                    let _ = write!(stream, "M 100755 inline {}\ndata 2\nx\n", files[0]);
                }
                45 => {
                    let _ = write!(stream, "M 100644 inline content/essays/{c}/index.md\ndata 2\ne\n");
                }
                _ => {}
            }
            for _ in 0..=next(3) {
                let f = &files[next(files.len() as u64) as usize];
                let _ = write!(stream, "M 100644 inline {f}\ndata <<END\nversion {c} {}\nEND\n", next(1000));
            }
            stream.push('\n');
        }
        let _ = write!(
            stream,
            "commit refs/heads/main\ncommitter W <w@example.com> 1700100000 +0800\ndata 5\nlink\nfrom :400\n\
             M 120000 inline content/link.md\ndata 7\n0001.md\nM 100644 inline \"content/a\\\"b.md\"\ndata 1\nq\n\n"
        );
        git(dir, &["init", "-q", "-b", "main"], None);
        git(dir, &["fast-import", "--quiet"], Some(&stream));
        git(dir, &["reset", "-q", "--hard", "main"], None);
        git(dir, &["repack", "-adq", "--depth=50", "--window=10"], None);
        // Loose objects: commits made after the pack, one turning a file into a link, a merge, an empty commit.
        std::fs::write(dir.join("content/cases/0005.md"), "after the pack\n").unwrap();
        git(dir, &["-c", "user.name=W", "-c", "user.email=w@example.com", "commit", "-qam", "loose"], None);
        git(dir, &["checkout", "-qb", "side", "HEAD~1"], None);
        std::fs::write(dir.join("content/side.md"), "side\n").unwrap();
        git(dir, &["add", "."], None);
        git(dir, &["-c", "user.name=W", "-c", "user.email=w@example.com", "commit", "-qm", "side"], None);
        git(dir, &["checkout", "-q", "main"], None);
        let merge =
            ["-c", "user.name=W", "-c", "user.email=w@example.com", "merge", "-q", "--no-ff", "-m", "Merge", "side"];
        git(dir, &merge, None);
        std::fs::remove_file(dir.join("content/cases/0006.md")).unwrap();
        std::os::unix::fs::symlink("0007.md", dir.join("content/cases/0006.md")).unwrap();
        git(dir, &["-c", "user.name=W", "-c", "user.email=w@example.com", "commit", "-qam", "type"], None);
        git(
            dir,
            &["-c", "user.name=W", "-c", "user.email=w@example.com", "commit", "-q", "--allow-empty", "-m", "e"],
            None,
        );
    }

    #[test]
    fn changes_read_from_the_object_files_are_what_git_log_prints() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        repository(dir);
        let commits = git(dir, &["log", "--topo-order", "--format=%H %T %P"], None);
        let hashes: Vec<&str> = commits.lines().map(|l| l.split(' ').next().unwrap()).collect();
        assert_eq!(hashes.len(), 406);
        let none: Option<fn() -> _> = None;
        let (ours, left_to_git) = records_counted(dir, &commits, &hashes, none).expect("the object files can be read");
        // With the messages of the whole log given, the same.
        let given = Some(|| messages(dir, &[]));
        assert_eq!(records_counted(dir, &commits, &hashes, given).unwrap().0, ours);
        let git_log = super::super::log_records(dir, &hashes).unwrap();
        for h in &hashes {
            assert_eq!(ours[h], git_log[h], "commit {h}");
        }
        // The 8 renames, the quoted name, the file that became a link; not the rest.
        assert_eq!(left_to_git, 10, "commits left to git");
    }
}
