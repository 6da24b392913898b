//! Size limits on the files casebook reads: a file larger than its limit is
//! refused from its size on disk, before any of it is read or parsed, with an
//! error at `path:1:1` that says the size, the limit and how to change it.
//!
//! The limits for articles and data files come from `limits:` in
//! casebook.yaml (`article_kb`, `data_kb`); casebook.yaml itself has a fixed
//! one, since it cannot raise its own.

use std::io::Read;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Problem};

/// Default for `limits.article_kb` and `limits.data_kb`: 1 MB is about
/// 350,000 Chinese characters, far more than any article or data file, and
/// small enough that every later stage stays quick.
pub const DEFAULT_KB: u64 = 1024;

/// The fixed limit for casebook.yaml.
pub const CONFIG: Limit = Limit { bytes: DEFAULT_KB * 1024, kind: Kind::Config };

/// The size limits set in casebook.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    pub article: Limit,
    pub data: Limit,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            article: Limit { bytes: DEFAULT_KB * 1024, kind: Kind::Article },
            data: Limit { bytes: DEFAULT_KB * 1024, kind: Kind::Data },
        }
    }
}

/// The largest file of one kind, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limit {
    pub bytes: u64,
    pub kind: Kind,
}

/// What a limit is for: it decides the kind of problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Article,
    Data,
    Config,
}

impl Limit {
    /// The problem of a file of `size` bytes over this limit.
    pub fn problem(&self, size: u64) -> Problem {
        let kb = size.div_ceil(1024);
        let limit_kb = self.bytes / 1024;
        match self.kind {
            Kind::Article => Problem::ArticleTooLarge { kb, limit_kb },
            Kind::Data => Problem::DataTooLarge { kb, limit_kb },
            Kind::Config => Problem::ConfigTooLarge { kb, limit_kb },
        }
    }
}

/// The bytes of `path` (shown as `rel`), if it is no larger than `limit`:
/// `Ok(None)` when it does not exist. The size is taken from the open file
/// before reading, and the read stops one byte past the limit, so a file
/// that grows meanwhile is refused too.
pub fn read(path: &Path, rel: &Path, limit: &Limit) -> Result<Option<Vec<u8>>, Diagnostic> {
    let unreadable = |e: std::io::Error| Diagnostic::error(rel, 0, 0, crate::paths::unreadable(&e));
    // Opened as `paths` allows: never through a link.
    let file = match crate::paths::open_checked(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    let size = file.metadata().map_err(unreadable)?.len();
    if size > limit.bytes {
        return Err(Diagnostic::error(rel, 1, 1, limit.problem(size)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.bytes + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(Diagnostic::error(rel, 1, 1, limit.problem(bytes.len() as u64)));
    }
    Ok(Some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_file_over_its_limit_before_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, vec![b'x'; 3 * 1024 + 1]).unwrap();
        let limit = Limit { bytes: 3 * 1024, kind: Kind::Article };
        let d = read(&path, Path::new("content/a.md"), &limit).unwrap_err();
        assert_eq!(
            d.to_string(),
            "content/a.md:1:1: error: this file is 4 KB, more than the 3 KB casebook reads for an article; split it into smaller articles, or raise the limit in casebook.yaml with `limits: {article_kb: 4}`"
        );
        let limit = Limit { bytes: 4 * 1024, kind: Kind::Data };
        assert_eq!(read(&path, Path::new("a"), &limit).unwrap().map(|b| b.len()), Some(3 * 1024 + 1));
        assert_eq!(read(&dir.path().join("none"), Path::new("none"), &limit).unwrap(), None);
    }
}
