//! Writes the site: every file goes into a fresh folder beside the output,
//! which replaces the old output only when everything was written.
//!
//! The build never deletes anything but its own output folder (recognised by
//! the marker file casebook puts in it) and its own temporary folders beside
//! it (by name and marker). One build at a time writes into an output: the
//! others wait for its lock ([`OutputLock`]). On Linux the new folder and the
//! old one trade places in one step, so there is an output at every moment.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::diagnostics::Said;
use crate::lang::Lang;

pub use crate::site_file::{Body, FileId, OutputFile, Source};

/// What the last build wrote into an output folder, by site path: each
/// file's content hash and identity, as the build cache on disk keeps them
/// (`crate::incremental::disk`). A file of the new site with the same
/// bytes is linked to the old one rather than written again, so the old
/// site's removal frees nothing it still needs and a copy by size and time
/// (`rsync`) skips it.
pub type Previous = std::collections::HashMap<String, (u64, FileId)>;

/// One file a build wrote or linked: its site path, content hash and identity.
pub type WrittenFile = (std::sync::Arc<str>, u64, FileId);

/// What [`OutputLock::write_linking`] did.
pub struct Written {
    /// The leftovers of stopped builds removed beside the output.
    pub removed: Vec<PathBuf>,
    /// Every page and search file written (not the copied ones).
    pub files: Vec<WrittenFile>,
}

/// The marker that says a folder was written by casebook and may be replaced.
pub const MARKER: &str = ".casebook-output";

/// Refuses output folders whose replacement would destroy the journal,
/// saying why in `lang`.
pub fn check_output_dir(root: &Path, output: &Path, lang: Lang) -> Result<()> {
    match refusal(root, output)? {
        Some(said) => bail!(said.words(lang)),
        None => Ok(()),
    }
}

/// Refuses a folder for `build --search-export` that [`check_output_dir`]
/// refuses, that is the site's `output` folder, inside it or holds it (one
/// would replace the other), or that exists, holds files and was not made
/// by casebook; says why in `lang`. It is then written like an output
/// folder: whole, swapped in, never beside another folder's files.
pub fn check_export_dir(root: &Path, output: &Path, dir: &Path, lang: Lang) -> Result<()> {
    let (dir_abs, output_abs) = (absolute(dir)?, absolute(output)?);
    let said = match refusal(root, dir)? {
        Some(Said::OutputNotOurs { output }) => Some(Said::ExportDirNotOurs { dir: output }),
        Some(other) => Some(other),
        None if dir_abs.starts_with(&output_abs) || output_abs.starts_with(&dir_abs) => Some(Said::ExportDirAndSite {
            dir: dir_abs.display().to_string(),
            output: output_abs.display().to_string(),
        }),
        None => None,
    };
    match said {
        Some(said) => bail!(said.words(lang)),
        None => Ok(()),
    }
}

/// Why `output` may not be replaced by a build of the journal at `root`, if it may not.
fn refusal(root: &Path, output: &Path) -> Result<Option<Said>> {
    let root = absolute(root)?;
    let output = absolute(output)?;
    let content = root.join(crate::content::CONTENT_DIR);
    let shown = output.display().to_string();
    let refused = if output.parent().is_none() {
        Some(Said::OutputIsRoot { suggestion: root.join("public").display().to_string() })
    } else if output == root || root.starts_with(&output) {
        Some(Said::OutputHoldsJournal { output: shown, suggestion: root.join("public").display().to_string() })
    } else if output.starts_with(&content) {
        Some(Said::OutputInContent { output: shown })
    } else if let Some(keep) = INPUTS.iter().find(|keep| output == root.join(keep)) {
        Some(Said::OutputIsInputFolder { output: shown, folder: keep.to_string() })
    } else if output.is_file() {
        Some(Said::OutputIsAFile { output: shown })
    } else if output.is_dir() && !output.join(MARKER).exists() && std::fs::read_dir(&output)?.next().is_some() {
        Some(Said::OutputNotOurs { output: shown })
    } else {
        None
    };
    Ok(refused)
}

/// The journal's folders besides content/ that an output must not replace.
const INPUTS: [&str; 6] = ["data", "templates", "static", "themes", "archetypes", ".git"];

/// Makes `p` absolute and resolves `..` and links in the part that exists.
pub fn absolute(p: &Path) -> Result<PathBuf> {
    let p = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir()?.join(p) };
    let mut existing = p.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        // The last part, `..` included (which `file_name` does not give).
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last.as_os_str().to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing.canonicalize().unwrap_or_else(|_| existing.to_path_buf());
    for name in rest.into_iter().rev() {
        if name == ".." {
            out.pop();
        } else if name != "." {
            out.push(name);
        }
    }
    Ok(out)
}

/// Writes `files` into `output`, atomically replacing what was there;
/// waits (silently) while another build writes into the same output.
/// Refusals are in English (`casebook build` says them in the journal's
/// language through [`OutputLock::write`]).
pub fn write_site(root: &Path, output: &Path, files: &[OutputFile]) -> Result<()> {
    OutputLock::acquire(output, |_| {})?.write(root, files, Lang::En).map(|_| ())
}

/// Held by the one build that may write into an output folder: a lock on the
/// file `.NAME.casebook-lock` beside it, released when the process ends (even
/// when it is killed). On Unix the holder removes the file when it is done, so
/// nothing stays beside the output; a build that was waiting and then finds
/// its locked file gone (or replaced) from that path opens it again.
pub struct OutputLock {
    file: std::fs::File,
    path: PathBuf,
    output: PathBuf,
    parent: PathBuf,
    name: String,
}

impl OutputLock {
    /// Locks `output`, waiting for another build that holds it; `waiting`
    /// is told (with the lock file) before the wait starts.
    pub fn acquire(output: &Path, waiting: impl FnOnce(&Path)) -> Result<OutputLock> {
        let output = absolute(output)?;
        let parent = output.parent().context("the output folder has no parent")?.to_path_buf();
        let name = output.file_name().context("the output folder has no name")?.to_string_lossy().to_string();
        std::fs::create_dir_all(&parent).with_context(|| format!("could not create {}", parent.display()))?;
        let path = parent.join(format!(".{name}.casebook-lock"));
        let mut waiting = Some(waiting);
        loop {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .with_context(|| format!("could not open the lock file {}", path.display()))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    if let Some(tell) = waiting.take() {
                        tell(&path);
                    }
                    file.lock().with_context(|| format!("could not lock {}", path.display()))?;
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| format!("could not lock {}", path.display()));
                }
            }
            if is_at(&file, &path) {
                return Ok(OutputLock { file, path, output, parent, name });
            }
        }
    }
    /// Writes `files` into a fresh folder and swaps it in for the output.
    /// First removes what builds that were stopped left beside the output,
    /// and says which folders those were.
    pub fn write(&self, root: &Path, files: &[OutputFile], lang: Lang) -> Result<Vec<PathBuf>> {
        Ok(self.write_linking(root, files, lang, &Previous::new())?.removed)
    }

    /// [`OutputLock::write`], linking to the old output's file every file
    /// whose bytes `previous` says it already holds (checked again first),
    /// and every [`Source::Built`] file.
    pub fn write_linking(&self, root: &Path, files: &[OutputFile], lang: Lang, previous: &Previous) -> Result<Written> {
        // Checked again: the folder may have changed while this build waited.
        check_output_dir(root, &self.output, lang)?;
        let removed = remove_leftovers(&self.parent, &self.name);
        let pid = std::process::id();
        let fresh = self.parent.join(format!(".{}.casebook-new-{pid}", self.name));
        let old = self.parent.join(format!(".{}.casebook-old-{pid}", self.name));
        if std::fs::symlink_metadata(&fresh).is_ok() {
            bail!(Said::InTheWay { path: fresh.display().to_string() }.words(lang));
        }
        let mut laps = std::time::Instant::now();
        let written = match write_all(&fresh, files, &self.output, previous) {
            Ok(written) => written,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&fresh);
                return Err(e);
            }
        };
        crate::profile::lap("  files written", &mut laps);
        if let Some(previous) = swap_in(&fresh, &self.output, &old)? {
            std::fs::remove_dir_all(&previous)
                .with_context(|| format!("could not remove the old site in {}", previous.display()))?;
        }
        crate::profile::lap("  swapped in, old site removed", &mut laps);
        Ok(Written { removed, files: written })
    }
}

impl Drop for OutputLock {
    /// Removes the lock file while still holding it (see [`OutputLock`]).
    fn drop(&mut self) {
        #[cfg(unix)]
        if is_at(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Whether the open `file` is still the one at `path` (not removed or replaced).
#[cfg(unix)]
fn is_at(file: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Elsewhere the lock file is never removed, so the one opened is the one.
#[cfg(not(unix))]
fn is_at(_file: &std::fs::File, _path: &Path) -> bool {
    true
}

/// Removes the `.NAME.casebook-new-PID` and `-old-PID` folders beside the
/// output that builds left when they were stopped. Called with the output's
/// lock held, so no build that is still running owns one (a PID check would
/// keep a dead build's folder whenever the PID is reused). Only folders that
/// carry casebook's marker are removed with what they hold; one without it
/// is removed only when empty (a build stopped before writing the marker).
/// Links are never followed. Returns the folders removed.
fn remove_leftovers(parent: &Path, name: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(parent) else { return Vec::new() };
    let prefix = format!(".{name}.casebook-");
    let mut removed = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else { continue };
        let Some(pid) = rest.strip_prefix("new-").or_else(|| rest.strip_prefix("old-")) else { continue };
        if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let dir = entry.path();
        if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        let marked = std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file());
        let gone = if marked { std::fs::remove_dir_all(&dir) } else { std::fs::remove_dir(&dir) };
        if gone.is_ok() {
            removed.push(dir);
        }
    }
    removed.sort();
    removed
}

/// Puts the folder `fresh` at `output`, and returns where the old output
/// now is (for the caller to remove), if there was one.
///
/// On Linux the two folders trade places in one step (`renameat2` with
/// `RENAME_EXCHANGE`), so `output` exists at every moment and the old site
/// ends up at `fresh`. Elsewhere, or on a file system that cannot exchange,
/// the old output is moved to `old` and `fresh` into its place (put back if
/// that fails); a build killed between the two leaves no output until the
/// next build.
fn swap_in(fresh: &Path, output: &Path, old: &Path) -> Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(output).is_err() {
        std::fs::rename(fresh, output)
            .with_context(|| format!("could not move the new site into {}", output.display()))?;
        return Ok(None);
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        use rustix::io::Errno;
        match renameat_with(CWD, fresh, CWD, output, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(Some(fresh.to_path_buf())),
            // The kernel or the file system cannot exchange: rename twice.
            Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => {}
            Err(e) => {
                return Err(std::io::Error::from(e))
                    .with_context(|| format!("could not swap the new site into {}", output.display()));
            }
        }
    }
    rename_twice(fresh, output, old)
}

/// The swap where one step is not possible: the old output to `old`, then
/// `fresh` into its place (the old one is put back if that fails).
fn rename_twice(fresh: &Path, output: &Path, old: &Path) -> Result<Option<PathBuf>> {
    std::fs::rename(output, old).with_context(|| format!("could not move the old {} aside", output.display()))?;
    if let Err(e) = std::fs::rename(fresh, output) {
        // Put the old site back so the reader still has one.
        let _ = std::fs::rename(old, output);
        return Err(e).with_context(|| format!("could not move the new site into {}", output.display()));
    }
    Ok(Some(old.to_path_buf()))
}

/// Writes `files` into `dir`; a file `previous` says the old output
/// (`old`) holds with the same bytes, or a [`Source::Built`] one, is linked
/// to the old output's file instead (written when it cannot be). Returns
/// the pages and search files with their hashes and identities.
fn write_all(dir: &Path, files: &[OutputFile], old: &Path, previous: &Previous) -> Result<Vec<WrittenFile>> {
    use rayon::prelude::*;
    std::fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    std::fs::write(dir.join(MARKER), "This folder is written by casebook build and replaced on every build.\n")
        .with_context(|| format!("could not write in {}", dir.display()))?;
    let written: Vec<Option<WrittenFile>> = files
        .par_iter()
        .map(|f| -> Result<Option<WrittenFile>> {
            if f.path.split('/').any(|part| part == ".." || part.is_empty() && !f.path.ends_with('/')) {
                bail!("refusing to write outside the site: {}", f.path);
            }
            let target = dir.join(&*f.path);
            if let Some(p) = target.parent() {
                std::fs::create_dir_all(p).with_context(|| {
                    format!("could not create the folder {} for {}{}", p.display(), f.path, origin(f))
                })?;
            }
            let write = |bytes: &[u8]| -> Result<FileId> {
                let mut file = std::fs::File::create(&target)
                    .with_context(|| format!("could not write {}{}", target.display(), origin(f)))?;
                std::io::Write::write_all(&mut file, bytes)
                    .with_context(|| format!("could not write {}{}", target.display(), origin(f)))?;
                Ok(FileId::of(&file.metadata()?))
            };
            match &f.body {
                Body::Static(Source::File(src)) => {
                    // Opened as checked (no link on the way), then copied.
                    let copied = crate::paths::open_checked(src).and_then(|mut from| {
                        std::io::copy(&mut from, &mut std::fs::File::create(&target)?)?;
                        Ok(())
                    });
                    copied.with_context(|| format!("could not copy {} to {}", src.display(), target.display()))?;
                    Ok(None)
                }
                Body::Static(Source::Built { path, id, hash }) => {
                    if link_unchanged(path, *id, &target) {
                        return Ok(Some((f.path.clone(), *hash, *id)));
                    }
                    let bytes = f.bytes()?;
                    Ok(Some((f.path.clone(), *hash, write(&bytes)?)))
                }
                Body::Static(Source::Embedded(bytes)) => {
                    write(bytes)?;
                    Ok(None)
                }
                Body::Bytes(bytes) => {
                    let hash = crate::site_file::content_hash(bytes);
                    if let Some((_, id)) = previous.get(&*f.path).filter(|(h, _)| *h == hash) {
                        if link_unchanged(&old.join(&*f.path), *id, &target) {
                            return Ok(Some((f.path.clone(), hash, *id)));
                        }
                    }
                    Ok(Some((f.path.clone(), hash, write(bytes)?)))
                }
            }
        })
        .collect::<Result<_>>()?;
    Ok(written.into_iter().flatten().collect())
}

/// Links `target` to the old output's file `old` if it is still the file
/// the last build wrote (`id`); false when it is not, or cannot be linked.
fn link_unchanged(old: &Path, id: FileId, target: &Path) -> bool {
    FileId::at(old) == Some(id) && std::fs::hard_link(old, target).is_ok()
}

/// " (copied from PATH)" for a file copied from the journal; pages are
/// made by casebook, and their path names the article or list.
fn origin(f: &OutputFile) -> String {
    match &f.body {
        Body::Static(Source::File(src)) => format!(" (copied from {})", src.display()),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path, text: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(MARKER), "").unwrap();
        std::fs::write(dir.join("index.html"), text).unwrap();
    }

    /// A reader looking at the output all along never finds it missing.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_swap_leaves_an_output_at_every_moment() {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::Arc;
        let tmp = tempfile::tempdir().unwrap();
        let output = tmp.path().join("site");
        site(&output, "0");
        let done = Arc::new(AtomicBool::new(false));
        let watcher = {
            let (output, done) = (output.clone(), Arc::clone(&done));
            std::thread::spawn(move || {
                let mut looks = 0u64;
                while !done.load(Ordering::Relaxed) {
                    assert!(std::fs::symlink_metadata(&output).is_ok_and(|m| m.is_dir()), "no output folder");
                    looks += 1;
                }
                looks
            })
        };
        for i in 1..=300 {
            let fresh = tmp.path().join(".site.casebook-new-1");
            site(&fresh, &i.to_string());
            let previous = swap_in(&fresh, &output, &tmp.path().join(".site.casebook-old-1")).unwrap();
            assert_eq!(previous.as_deref(), Some(fresh.as_path()), "exchanged in one step");
            assert_eq!(std::fs::read_to_string(fresh.join("index.html")).unwrap(), (i - 1).to_string());
            std::fs::remove_dir_all(&fresh).unwrap();
            assert_eq!(std::fs::read_to_string(output.join("index.html")).unwrap(), i.to_string());
        }
        done.store(true, Ordering::Relaxed);
        assert!(watcher.join().unwrap() > 0);
    }

    #[test]
    fn a_folder_that_does_not_exist_yet_is_resolved_through_its_dots() {
        let tmp = tempfile::tempdir().unwrap();
        let real = tmp.path().canonicalize().unwrap();
        std::fs::create_dir(real.join("content")).unwrap();
        for (written, want) in [
            ("content/x/../../data", "data"),
            ("content/x/y/../..", "content"),
            ("content/./x/..", "content"),
            ("new/../content/a", "content/a"),
        ] {
            assert_eq!(absolute(&tmp.path().join(written)).unwrap(), real.join(want), "{written}");
        }
    }

    #[test]
    fn a_first_swap_moves_the_folder_into_place() {
        let tmp = tempfile::tempdir().unwrap();
        let fresh = tmp.path().join(".site.casebook-new-7");
        site(&fresh, "new");
        let output = tmp.path().join("site");
        assert_eq!(swap_in(&fresh, &output, &tmp.path().join(".site.casebook-old-7")).unwrap(), None);
        assert_eq!(std::fs::read_to_string(output.join("index.html")).unwrap(), "new");
        assert!(!fresh.exists());
    }

    #[test]
    fn the_two_rename_swap_keeps_the_old_site_when_the_new_one_cannot_move_in() {
        let tmp = tempfile::tempdir().unwrap();
        let (fresh, output, old) =
            (tmp.path().join(".site.casebook-new-7"), tmp.path().join("site"), tmp.path().join(".site.casebook-old-7"));
        site(&output, "old");
        site(&fresh, "new");
        assert_eq!(rename_twice(&fresh, &output, &old).unwrap(), Some(old.clone()));
        assert_eq!(std::fs::read_to_string(output.join("index.html")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(old.join("index.html")).unwrap(), "old");
        // A fresh folder that is gone: the old site is put back.
        std::fs::remove_dir_all(&old).unwrap();
        assert!(rename_twice(&tmp.path().join("missing"), &output, &old).is_err());
        assert_eq!(std::fs::read_to_string(output.join("index.html")).unwrap(), "new");
        assert!(!old.exists());
    }

    #[test]
    fn only_casebook_leftovers_of_this_output_are_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path();
        site(&p.join(".site.casebook-new-99999999"), "killed while writing");
        site(&p.join(".site.casebook-old-12"), "killed before removing the old site");
        std::fs::create_dir(p.join(".site.casebook-new-13")).unwrap(); // killed before the marker
                                                                       // Not ours: no marker and not empty, another output's, not a PID, a file, a link.
        std::fs::create_dir(p.join(".site.casebook-new-14")).unwrap();
        std::fs::write(p.join(".site.casebook-new-14/keep.txt"), "mine").unwrap();
        site(&p.join(".other.casebook-new-15"), "another output");
        site(&p.join(".site.casebook-new-x1"), "not a PID");
        std::fs::write(p.join(".site.casebook-old-16"), "a file").unwrap();
        site(&p.join("elsewhere"), "linked");
        #[cfg(unix)]
        std::os::unix::fs::symlink(p.join("elsewhere"), p.join(".site.casebook-old-17")).unwrap();
        let removed = remove_leftovers(p, "site");
        let names: Vec<String> =
            removed.iter().map(|r| r.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, [".site.casebook-new-13", ".site.casebook-new-99999999", ".site.casebook-old-12"]);
        for kept in [
            ".site.casebook-new-14/keep.txt",
            ".other.casebook-new-15/index.html",
            ".site.casebook-new-x1/index.html",
            ".site.casebook-old-16",
            "elsewhere/index.html",
        ] {
            assert!(p.join(kept).exists(), "{kept}");
        }
    }
}
