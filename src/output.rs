//! Writes the site: every file goes into a fresh folder beside the output,
//! which replaces the old output only when everything was written.
//!
//! The build never deletes anything but its own output folder (recognised by
//! the marker file casebook puts in it) and its own temporary folders.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::render::theme::Source;

/// The marker that says a folder was written by casebook and may be replaced.
pub const MARKER: &str = ".casebook-output";

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

/// Refuses output folders whose replacement would destroy the journal.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<()> {
    let root = absolute(root)?;
    let output = absolute(output)?;
    let content = root.join(crate::content::CONTENT_DIR);
    if output.parent().is_none() {
        bail!("the output folder cannot be `/`; choose a folder such as {}", root.join("public").display());
    }
    if output == root || root.starts_with(&output) {
        bail!(
            "the output folder {} holds the journal itself; choose a folder of its own such as {}",
            output.display(),
            root.join("public").display()
        );
    }
    if output.starts_with(&content) {
        bail!("the output folder {} is inside content/; choose a folder outside it such as public/", output.display());
    }
    for keep in ["data", "templates", "static", "themes", "archetypes", ".git"] {
        if output == root.join(keep) {
            bail!(
                "the output folder {} is the journal's {keep}/ folder; choose another such as public/",
                output.display()
            );
        }
    }
    if output.is_file() {
        bail!("the output {} is a file, not a folder", output.display());
    }
    if output.is_dir() && !output.join(MARKER).exists() && std::fs::read_dir(&output)?.next().is_some() {
        bail!(
            "the folder {} already exists and was not made by casebook, so it will not be replaced; empty it, or choose another --output",
            output.display()
        );
    }
    Ok(())
}

/// Makes `p` absolute and resolves `..` and links in the part that exists.
fn absolute(p: &Path) -> Result<PathBuf> {
    let p = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir()?.join(p) };
    let mut existing = p.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
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

/// Writes `files` into `output`, atomically replacing what was there.
pub fn write_site(root: &Path, output: &Path, files: &[OutputFile]) -> Result<()> {
    check_output_dir(root, output)?;
    let output = absolute(output)?;
    let parent = output.parent().context("the output folder has no parent")?.to_path_buf();
    let name = output.file_name().context("the output folder has no name")?.to_string_lossy().to_string();
    std::fs::create_dir_all(&parent).with_context(|| format!("could not create {}", parent.display()))?;
    let pid = std::process::id();
    let fresh = parent.join(format!(".{name}.casebook-new-{pid}"));
    let old = parent.join(format!(".{name}.casebook-old-{pid}"));
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).with_context(|| format!("could not remove {}", fresh.display()))?;
    }
    if let Err(e) = write_all(&fresh, files) {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e);
    }
    if output.exists() {
        std::fs::rename(&output, &old).with_context(|| format!("could not move the old {} aside", output.display()))?;
    }
    if let Err(e) = std::fs::rename(&fresh, &output) {
        // Put the old site back so the reader still has one.
        let _ = std::fs::rename(&old, &output);
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e).with_context(|| format!("could not move the new site into {}", output.display()));
    }
    if old.exists() {
        std::fs::remove_dir_all(&old).with_context(|| format!("could not remove the old site in {}", old.display()))?;
    }
    Ok(())
}

fn write_all(dir: &Path, files: &[OutputFile]) -> Result<()> {
    use rayon::prelude::*;
    std::fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    std::fs::write(dir.join(MARKER), "This folder is written by casebook build and replaced on every build.\n")
        .with_context(|| format!("could not write in {}", dir.display()))?;
    files.par_iter().try_for_each(|f| -> Result<()> {
        if f.path.split('/').any(|part| part == ".." || part.is_empty() && !f.path.ends_with('/')) {
            bail!("refusing to write outside the site: {}", f.path);
        }
        let target = dir.join(&*f.path);
        if let Some(p) = target.parent() {
            std::fs::create_dir_all(p)
                .with_context(|| format!("could not create the folder {} for {}{}", p.display(), f.path, origin(f)))?;
        }
        match &f.body {
            Body::Static(Source::File(src)) => {
                // Opened as checked (no link on the way), then copied.
                let copied = crate::paths::open_checked(src).and_then(|mut from| {
                    std::io::copy(&mut from, &mut std::fs::File::create(&target)?)?;
                    Ok(())
                });
                copied.with_context(|| format!("could not copy {} to {}", src.display(), target.display()))?;
            }
            _ => std::fs::write(&target, f.bytes()?)
                .with_context(|| format!("could not write {}{}", target.display(), origin(f)))?,
        }
        Ok(())
    })
}

/// " (copied from PATH)" for a file copied from the journal; pages are
/// made by casebook, and their path names the article or list.
fn origin(f: &OutputFile) -> String {
    match &f.body {
        Body::Static(Source::File(src)) => format!(" (copied from {})", src.display()),
        _ => String::new(),
    }
}
