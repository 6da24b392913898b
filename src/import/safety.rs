//! What keeps an import inside its two folders whatever the source holds:
//! the journal is not the source, inside it, or a folder of something
//! else; every file written is under the journal, never through a
//! symbolic link; files the source links to are copied only from inside
//! it (a link, or a `..` address, that leads out is reported); names a
//! file system or a reader would trip on are made plain; files larger than
//! an article may be are not read.

use std::path::{Component, Path, PathBuf};

use super::{Plan, Report};
use crate::diagnostics::imported::Todo;
use crate::diagnostics::Said;

/// Refuses a journal that is the source, inside it, holds the source in
/// its `content/`, or is an existing folder with files (other than
/// hidden ones, like `.git`) that is not a journal (no casebook.yaml).
/// The refusal is a [`Said`], printed in the language of the messages.
pub fn check_folders(source: &Path, journal: &Path) -> Result<(), Said> {
    let shown = |p: &Path| p.display().to_string();
    let source = std::fs::canonicalize(source)
        .map_err(|e| Said::SourceUnreadable { dir: shown(source), error: e.to_string() })?;
    let journal_abs = resolved(journal);
    if journal_abs.starts_with(&source) {
        return Err(Said::JournalInsideSource { journal: shown(journal), source: shown(&source) });
    }
    if source.starts_with(journal_abs.join(crate::paths::CONTENT_DIR)) {
        return Err(Said::SourceInsideJournal { source: shown(&source) });
    }
    let meta = std::fs::symlink_metadata(journal);
    if meta.as_ref().is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Said::JournalIsLink { journal: shown(journal) });
    }
    if meta.as_ref().is_ok_and(|m| !m.is_dir()) {
        return Err(Said::JournalIsFile { journal: shown(journal) });
    }
    // `.git` and the like do not count: `git init` first is fine.
    let has_files = std::fs::read_dir(journal)
        .is_ok_and(|d| d.filter_map(Result::ok).any(|e| !e.file_name().to_string_lossy().starts_with('.')));
    if has_files && !journal.join("casebook.yaml").is_file() {
        return Err(Said::NotAJournalFolder { journal: shown(journal) });
    }
    Ok(())
}

/// `path` made absolute with its existing part resolved (the rest may not
/// exist yet).
fn resolved(path: &Path) -> PathBuf {
    let abs =
        if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(path) };
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            return rest.iter().rev().fold(real, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return abs,
        }
    }
}

/// Refuses a plan that would write outside `journal`: a path that is not
/// plainly relative, or one reached through a symbolic link (a folder or
/// the file itself) already in the journal. Checked before anything is
/// written.
pub fn check_plan(plan: &Plan, journal: &Path) -> Result<(), Said> {
    for rel in plan.keys() {
        if rel.as_os_str().is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(Said::NotInsideJournal { path: rel.display().to_string() });
        }
        let mut at = journal.to_path_buf();
        for part in rel.components() {
            at.push(part);
            if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(Said::WriteThroughLink { path: rel.display().to_string(), link: at.display().to_string() });
            }
        }
    }
    Ok(())
}

/// Whether `file` (resolved, links followed) is inside the folder `root`
/// (resolved): what the source's pages link to is copied only then.
pub fn inside(root: &Path, file: &Path) -> bool {
    std::fs::canonicalize(file).is_ok_and(|f| f.starts_with(root))
}

/// A path under the journal (`posts/名字.md`) with each part made plain:
/// control characters become `-`, and a part too long for a file system
/// is shortened (keeping its extension and a hash of the whole, so two
/// long names stay apart).
pub fn plain_path(path: &str) -> String {
    path.split('/').map(plain_name).collect::<Vec<_>>().join("/")
}

/// One part of [`plain_path`].
pub fn plain_name(name: &str) -> String {
    let clean: String = name.chars().map(|c| if c.is_control() { '-' } else { c }).collect();
    // Room for `2-` before a copy's name and for what the build adds.
    const MAX: usize = crate::urls::MAX_NAME_BYTES - 16;
    if clean.len() <= MAX {
        return clean;
    }
    let (stem, ext) = match clean.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && e.len() <= 10 => (s.to_string(), format!(".{e}")),
        _ => (clean.clone(), String::new()),
    };
    let mut cut = MAX - ext.len() - 9;
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}-{:08x}{ext}", stem[..cut].trim_end_matches('-'), fnv(name.as_bytes()))
}

/// 32-bit FNV-1a, for names shortened by [`plain_name`].
fn fnv(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193))
}

/// The text of a source file, if it is a plain file (not a link) no
/// larger than casebook reads for an article; otherwise reported.
pub fn read_text(file: &Path, shown: &str, report: &mut Report) -> Option<String> {
    let limit = crate::limits::Limits::default().article;
    match crate::limits::read(file, Path::new(shown), &limit) {
        Ok(Some(bytes)) => Some(String::from_utf8_lossy(&bytes).replace("\r\n", "\n")),
        Ok(None) => None,
        Err(d) if matches!(*d.problem, crate::diagnostics::Problem::ArticleTooLarge { .. }) => {
            let kb = std::fs::metadata(file).map(|m| m.len().div_ceil(1024)).unwrap_or_default();
            report.todo(shown, 1, Todo::TooLarge { kb, limit_kb: limit.bytes / 1024 });
            None
        }
        Err(d) => {
            report.todo(shown, 1, Todo::NotRead { problem: d.problem });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_plain() {
        assert_eq!(plain_name("退貨.md"), "退貨.md");
        assert_eq!(plain_name("a\u{7}b\nc.md"), "a-b-c.md");
        let long = format!("{}.md", "退".repeat(100));
        let short = plain_name(&long);
        assert!(short.len() <= crate::urls::MAX_NAME_BYTES - 16 && short.ends_with(".md"), "{short}");
        assert_ne!(short, plain_name(&format!("{}.md", "退".repeat(101))));
        assert_eq!(plain_path("posts/a\tb/c.md"), "posts/a-b/c.md");
    }
}
