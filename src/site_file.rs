//! One file of the built site as a value: made by [`crate::render`] and
//! [`crate::search`], written by [`crate::output`], served from memory by
//! [`crate::serve`].

use std::path::PathBuf;

use anyhow::{Context, Result};

/// Where a copied file's bytes come from: the binary (the built-in theme),
/// a file of the journal, or the last build's output.
#[derive(Debug, Clone)]
pub enum Source {
    Embedded(&'static [u8]),
    File(PathBuf),
    /// A file the last `casebook build` wrote into the output folder, still
    /// as it wrote it (its [`FileId`] was checked) and still what this
    /// build would write there: linked into the new output, not written
    /// again (the build cache on disk, `crate::incremental::disk`).
    Built {
        path: PathBuf,
        id: FileId,
        hash: u64,
    },
}

/// What tells a file written by a build from one changed since: its size,
/// modified time and (on Unix) inode, as `stat` gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct FileId {
    pub len: u64,
    /// Nanoseconds since 1970.
    pub modified: u64,
    pub inode: u64,
}

impl FileId {
    pub fn of(meta: &std::fs::Metadata) -> FileId {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        FileId { len: meta.len(), modified, inode }
    }

    /// The identity of the file at `path` if it is a file (a link is not followed).
    pub fn at(path: &std::path::Path) -> Option<FileId> {
        std::fs::symlink_metadata(path).ok().filter(|m| m.is_file()).map(|m| FileId::of(&m))
    }
}

/// The hash of a written file's bytes that [`Source::Built`] and the build
/// cache compare.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

#[derive(Debug, Clone)]
pub enum Body {
    /// Shared, so keeping a page between builds (`serve`) costs no copy.
    Bytes(std::sync::Arc<[u8]>),
    Static(Source),
}

/// One file of the site, by its path relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Shared, so copying the list of files (every save) copies no text.
    pub path: std::sync::Arc<str>,
    pub body: Body,
}

impl OutputFile {
    pub fn text(path: impl Into<std::sync::Arc<str>>, text: String) -> Self {
        OutputFile { path: path.into(), body: Body::Bytes(text.into_bytes().into()) }
    }

    pub fn bytes(&self) -> Result<std::borrow::Cow<'_, [u8]>> {
        Ok(match &self.body {
            Body::Bytes(b) => std::borrow::Cow::Borrowed(&b[..]),
            Body::Static(Source::Embedded(b)) => (*b).into(),
            Body::Static(Source::File(p) | Source::Built { path: p, .. }) => {
                crate::paths::read_checked(p).with_context(|| format!("could not read {}", p.display()))?.into()
            }
        })
    }
}
