//! One file of the built site as a value: made by [`crate::render`] and
//! [`crate::search`], written by [`crate::output`], served from memory by
//! [`crate::serve`].

use std::path::PathBuf;

use anyhow::{Context, Result};

/// Where a copied file's bytes come from: the binary (the built-in theme)
/// or a file of the journal.
#[derive(Debug, Clone)]
pub enum Source {
    Embedded(&'static [u8]),
    File(PathBuf),
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
            Body::Static(Source::File(p)) => {
                crate::paths::read_checked(p).with_context(|| format!("could not read {}", p.display()))?.into()
            }
        })
    }
}
