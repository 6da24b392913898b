//! Keeps every read inside the journal: the one place that decides which
//! files under the journal root casebook may open.
//!
//! casebook follows no symbolic links. Git stores links, so a pull request
//! can add `static -> /etc` or a linked attachment; a link anywhere on the
//! way to a file (a top folder such as `content/`, `static/`,
//! `themes/default/`, a data file, an archetype, a file deep in a folder) is
//! skipped with a warning that names the link and where it leads, and says
//! whether that is outside the journal. Links that stay inside the journal
//! are skipped too, so the rule is one sentence and a file is published only
//! from where it really is.
//!
//! Readers use [`walk`] to list a folder, [`read`] for a single file by its
//! place, and [`open_checked`] / [`read_checked`] to open a file found that
//! way; the last refuses a file that became a link (or moved behind one)
//! since it was listed, so what is copied into the site is what was checked.
//! Paths are expected under a root made by [`root`] (absolute, resolved).

use std::fs::File;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diagnostics::{display_path, Diagnostic, LinkTarget, NotOpened, Problem};

/// The folder of a journal that holds its articles.
pub const CONTENT_DIR: &str = "content";

/// The journal root as an absolute path with its own links resolved (the
/// root itself may be reached through a link); as given if it cannot be.
pub fn root(given: &Path) -> PathBuf {
    given.canonicalize().unwrap_or_else(|_| given.to_path_buf())
}

/// A link found on the way to a file, and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link, relative to the journal root: `static`, `content/cases/a.png`.
    pub path: PathBuf,
    /// Where it leads, as a writer can find it: relative to the journal root
    /// when inside it, else absolute.
    pub target: String,
    /// The target as written in the link, when that differs from `target`.
    pub written: Option<String>,
    pub outside: bool,
    pub exists: bool,
}

impl Link {
    /// Describes the link `abs` (a path under `root`).
    pub fn new(root: &Path, abs: &Path) -> Link {
        let path = abs.strip_prefix(root).unwrap_or(abs).to_path_buf();
        let written = std::fs::read_link(abs).map(|t| display_path(&t)).unwrap_or_default();
        let (resolved, exists) = match abs.canonicalize() {
            Ok(p) => (p, true),
            Err(_) => {
                let raw = std::fs::read_link(abs).unwrap_or_default();
                (normalize(&abs.parent().unwrap_or(root).join(raw)), false)
            }
        };
        let (target, outside) = match resolved.strip_prefix(root) {
            Ok(rel) if resolved != root => (display_path(rel), false),
            Ok(_) => (".".to_string(), false),
            Err(_) => (display_path(&resolved), true),
        };
        let written = (written != target).then_some(written);
        Link { path, target, written, outside, exists }
    }

    /// Where the link leads, for messages.
    pub fn target_info(&self) -> LinkTarget {
        LinkTarget {
            target: self.target.clone(),
            written: self.written.clone(),
            outside: self.outside,
            exists: self.exists,
        }
    }

    /// "a link to `/etc`, which is outside the journal".
    pub fn describe(&self) -> String {
        crate::diagnostics::describe_link(&self.target_info())
    }

    /// The warning printed for a link that was skipped (`check` makes the
    /// ones leading outside the journal errors: see [`leads_outside`]).
    pub fn warning(&self) -> Diagnostic {
        let link = self.target_info();
        let problem = if self.outside { Problem::SymlinkOutside { link } } else { Problem::SymlinkSkipped { link } };
        Diagnostic::warning(&self.path, 0, 0, problem)
    }
}

/// Whether `d` is the warning for a link leading outside the journal:
/// `check` reports those as errors, so a pull request adding one fails.
pub fn leads_outside(d: &Diagnostic) -> bool {
    matches!(*d.problem, Problem::SymlinkOutside { .. })
}

/// `a/./b/../c` → `a/c`, without looking at the disk (for a link whose
/// target does not exist).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The first link on the way from `root` to `path` (a path under `root`),
/// if any; parts that do not exist end the search. A path that is not under
/// `root` is refused as a whole.
pub fn first_link(root: &Path, path: &Path) -> Option<Link> {
    let Ok(rel) = path.strip_prefix(root) else {
        return Some(Link {
            path: path.to_path_buf(),
            target: display_path(path),
            written: None,
            outside: true,
            exists: path.exists(),
        });
    };
    let mut at = root.to_path_buf();
    for part in rel.components() {
        match part {
            Component::Normal(name) => at.push(name),
            // `..` or an absolute part would leave the journal: refused.
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => {
                return Some(Link {
                    path: rel.to_path_buf(),
                    target: display_path(path),
                    written: None,
                    outside: true,
                    exists: path.exists(),
                })
            }
            Component::CurDir => continue,
        }
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return Some(Link::new(root, &at)),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

/// Reads the file at `rel` under `root` (a data file, an archetype, the
/// config): `Ok(None)` when it does not exist; a warning when a link is on
/// the way (the file is then not read); an error when it cannot be read.
/// A file over `limit` is an error at `rel:1:1`, found before it is read.
pub fn read(root: &Path, rel: &Path, limit: &crate::limits::Limit) -> Result<Option<Vec<u8>>, Diagnostic> {
    // Resolved here too, for callers that did not (a few files: cheap).
    let root = self::root(root);
    let path = root.join(rel);
    if let Some(link) = first_link(&root, &path) {
        return Err(link.warning());
    }
    crate::limits::read(&path, rel, limit)
}

/// Opens a file listed by [`walk`] or placed by [`read`], refusing it if it
/// is now a link, not a plain file, or (where the system can tell, on Linux)
/// reached through a link: the file opened is the file that was checked.
pub fn open_checked(path: &Path) -> io::Result<File> {
    let meta = std::fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        return Err(io::Error::other(NotOpened::NowALink));
    }
    if !meta.is_file() {
        return Err(io::Error::other(NotOpened::NotAFile));
    }
    let file = File::open(path)?;
    if let Some(real) = opened_path(&file) {
        let wanted = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir()?.join(path) };
        if real != wanted {
            return Err(io::Error::other(NotOpened::BehindALink { real: real.display().to_string() }));
        }
    }
    Ok(file)
}

/// The problem of a file that [`open_checked`] or a read refused.
pub fn unreadable(e: &io::Error) -> Problem {
    match e.get_ref().and_then(|inner| inner.downcast_ref::<NotOpened>()) {
        Some(why) => Problem::NotOpened { why: why.clone() },
        None => Problem::Unreadable { error: e.to_string() },
    }
}

/// The whole of a file opened with [`open_checked`].
pub fn read_checked(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = open_checked(path)?;
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut file, &mut bytes)?;
    Ok(bytes)
}

/// Where the system says an open file really is (Linux), if it says.
#[cfg(target_os = "linux")]
fn opened_path(file: &File) -> Option<PathBuf> {
    use std::os::fd::AsRawFd;
    std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())).ok()
}

#[cfg(not(target_os = "linux"))]
fn opened_path(_file: &File) -> Option<PathBuf> {
    None
}

/// The plain files under a folder, sorted, and the links met on the way.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    /// Links that were skipped (each also has its warning in `diags`).
    pub links: Vec<Link>,
    pub diags: Vec<Diagnostic>,
}

/// Lists the plain files under `dir` (a folder under `root`, which comes
/// from [`root`], so that the files can be opened with [`open_checked`]), sorted by
/// name, entering only folders and files that `keep` accepts. Links, the
/// folder itself included, are skipped and reported, never followed. A
/// missing folder has no files.
pub fn walk(root: &Path, dir: &Path, mut keep: impl FnMut(&walkdir::DirEntry) -> bool) -> Walked {
    let mut out = Walked::default();
    if let Some(link) = first_link(root, dir) {
        out.diags.push(link.warning());
        out.links.push(link);
        return out;
    }
    if !dir.is_dir() {
        return out;
    }
    let walker = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| keep(e));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => out.files.push(e.into_path()),
            Ok(e) if e.path_is_symlink() => {
                let link = Link::new(root, e.path());
                out.diags.push(link.warning());
                out.links.push(link);
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir);
                let shown = path.strip_prefix(root).unwrap_or(path).to_path_buf();
                out.diags.push(Diagnostic::error(shown, 0, 0, Problem::Unreadable { error: e.to_string() }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn journal() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let base = root(tmp.path());
        let j = base.join("j");
        let outside = base.join("outside");
        std::fs::create_dir_all(j.join("content/cases")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret.txt"), "secret").unwrap();
        std::fs::write(j.join("content/cases/a.md"), "a").unwrap();
        (tmp, j, outside)
    }

    #[cfg(unix)]
    #[test]
    fn links_are_described_by_where_they_lead() {
        use std::os::unix::fs::symlink;
        let (_tmp, j, outside) = journal();
        symlink(&outside, j.join("static")).unwrap();
        symlink("a.md", j.join("content/cases/b.md")).unwrap();
        symlink("../../../outside/secret.txt", j.join("content/cases/c.txt")).unwrap();
        symlink("gone.md", j.join("content/cases/d.md")).unwrap();
        let o = display_path(&outside);
        let cases: [(&str, String); 4] = [
            ("static", format!("a link to `{o}`, which is outside the journal")),
            ("content/cases/b.md", "a link to `a.md` (content/cases/a.md)".to_string()),
            (
                "content/cases/c.txt",
                format!("a link to `../../../outside/secret.txt` ({o}/secret.txt), which is outside the journal"),
            ),
            ("content/cases/d.md", "a link to `gone.md` (content/cases/gone.md), which does not exist".to_string()),
        ];
        for (rel, want) in cases {
            let link = first_link(&j, &j.join(rel).join("x")).unwrap();
            assert_eq!(link.path, Path::new(rel));
            assert_eq!(link.describe(), want, "{rel}");
        }
        let outside = |rel: &str| leads_outside(&first_link(&j, &j.join(rel)).unwrap().warning());
        assert_eq!(["static", "content/cases/b.md", "content/cases/c.txt"].map(outside), [true, false, true]);
        assert_eq!(first_link(&j, &j.join("content/cases/a.md")), None);
        assert_eq!(first_link(&j, &j.join("content/nothing/here.md")), None);
        assert!(first_link(&j, &j.join("content/../../outside")).is_some_and(|l| l.outside));
    }

    #[cfg(unix)]
    #[test]
    fn walk_skips_and_reports_links_and_read_refuses_them() {
        use std::os::unix::fs::symlink;
        let (_tmp, j, outside) = journal();
        symlink(&outside, j.join("content/shared")).unwrap();
        symlink(outside.join("secret.txt"), j.join("data")).unwrap();
        let w = walk(&j, &j.join("content"), |_| true);
        assert_eq!(w.files, vec![j.join("content/cases/a.md")]);
        assert_eq!(w.links.iter().map(|l| l.path.clone()).collect::<Vec<_>>(), vec![PathBuf::from("content/shared")]);
        assert_eq!(w.diags.len(), 1);
        assert!(read(&j, Path::new("data/authors.yaml"), &crate::limits::CONFIG).is_err_and(|d| !d.is_error()));
        assert_eq!(read(&j, Path::new("content/cases/none.md"), &crate::limits::CONFIG), Ok(None));
        assert_eq!(read(&j, Path::new("content/cases/a.md"), &crate::limits::CONFIG), Ok(Some(b"a".to_vec())));
        // The root itself may be reached through a link.
        let alias = j.with_file_name("alias");
        symlink(&j, &alias).unwrap();
        assert_eq!(read(&alias, Path::new("content/cases/a.md"), &crate::limits::CONFIG), Ok(Some(b"a".to_vec())));
        // A linked top folder is not entered at all.
        let w = walk(&j, &j.join("content/shared"), |_| true);
        assert!(w.files.is_empty() && w.links.len() == 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_checked_file_that_became_a_link_is_refused() {
        use std::os::unix::fs::symlink;
        let (_tmp, j, outside) = journal();
        let a = j.join("content/cases/a.md");
        assert_eq!(read_checked(&a).unwrap(), b"a");
        std::fs::remove_file(&a).unwrap();
        symlink(outside.join("secret.txt"), &a).unwrap();
        assert!(read_checked(&a).is_err());
        // A folder on the way replaced by a link: the file opened is elsewhere.
        std::fs::remove_file(&a).unwrap();
        std::fs::rename(j.join("content/cases"), j.join("content/moved")).unwrap();
        std::fs::write(outside.join("a.md"), "secret").unwrap();
        symlink(&outside, j.join("content/cases")).unwrap();
        let refused = read_checked(&a);
        if cfg!(target_os = "linux") {
            assert!(refused.is_err(), "{refused:?}");
        }
    }
}
