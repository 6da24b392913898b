//! Checks the built site's file names before anything is written, so that
//! `check` refuses what writing would fail on, at the file it comes from.
//!
//! Addresses made from values (terms, series, authors) are shortened to fit
//! when they are made ([`crate::urls::fit_name`]) and an article's own name
//! is checked when it is read; this is the last look over every output path:
//! a name over [`MAX_NAME_BYTES`], a path over [`MAX_PATH_BYTES`], a `..` or
//! empty part, or a file where another file needs a folder of the same name
//! (a file `content/cases/退貨` beside `content/cases/退貨.md`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::content::{Article, Content};
use crate::diagnostics::{display_path, Diagnostic, PathProblem, Problem};
use crate::site_file::{Body, OutputFile, Source};
use crate::urls::{MAX_NAME_BYTES, MAX_PATH_BYTES};

/// Problems with the paths of `files` (sorted by path), each at the journal
/// file the output file is made from. `root` is the journal folder the
/// sources' paths start with.
pub fn check(root: &Path, content: &Content, files: &[OutputFile]) -> Vec<Diagnostic> {
    let sources = Sources::new(root, content);
    let mut diags = Vec::new();
    for f in files {
        if let Some(why) = name_problem(&f.path) {
            let (source, line, col) = sources.of(f);
            diags.push(Diagnostic::error(source, line, col, Problem::UnwritablePath { path: f.path.to_string(), why }));
        }
        if let Some(inside) = first_inside(files, &f.path) {
            diags.push(folder_taken(&sources, f, inside));
        }
    }
    diags
}

/// What is wrong with a site path as a path on disk, if anything.
fn name_problem(path: &str) -> Option<PathProblem> {
    if path.len() > MAX_PATH_BYTES {
        return Some(PathProblem::TooLong { bytes: path.len(), max: MAX_PATH_BYTES });
    }
    for part in path.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return Some(PathProblem::BadFolderName { part: part.to_string() });
        }
        if part.len() > MAX_NAME_BYTES {
            return Some(PathProblem::NameTooLong { part: part.to_string(), bytes: part.len(), max: MAX_NAME_BYTES });
        }
    }
    None
}

/// The first file whose path is inside `path` taken as a folder.
fn first_inside<'f>(files: &'f [OutputFile], path: &str) -> Option<&'f OutputFile> {
    let folder = format!("{path}/");
    let at = files.partition_point(|f| *f.path < *folder);
    files.get(at).filter(|f| f.path.starts_with(&folder))
}

/// A file at `file.path` while `inside` needs a folder there: reported at
/// the journal file that makes the file, else at the one that makes `inside`.
fn folder_taken(sources: &Sources, file: &OutputFile, inside: &OutputFile) -> Diagnostic {
    let (a, a_line, a_col) = sources.of(file);
    let (b, b_line, b_col) = sources.of(inside);
    if sources.source(file).is_some() || sources.source(inside).is_none() {
        Diagnostic::error(
            a,
            a_line,
            a_col,
            Problem::FileWhereFolderNeeded {
                file: file.path.to_string(),
                inside: inside.path.to_string(),
                from: sources.shown_source(inside),
            },
        )
    } else {
        Diagnostic::error(
            b,
            b_line,
            b_col,
            Problem::InsideAFile {
                inside: inside.path.to_string(),
                file: file.path.to_string(),
                from: sources.shown_source(file),
            },
        )
    }
}

/// Which journal file each output file comes from.
struct Sources<'a> {
    root: &'a Path,
    /// Article page folder (`cases/退貨/`) → the article.
    pages: HashMap<&'a str, &'a Article>,
}

impl<'a> Sources<'a> {
    fn new(root: &'a Path, content: &'a Content) -> Self {
        let pages = content.articles.iter().map(|a| (a.path.as_str(), a)).collect();
        Sources { root, pages }
    }

    /// The source of a copied file, or the article whose folder the file is
    /// in, with the line and column of its `slug:` if it has one.
    fn source(&self, f: &OutputFile) -> Option<(PathBuf, usize, usize)> {
        if let Body::Static(Source::File(src)) = &f.body {
            return Some((src.strip_prefix(self.root).unwrap_or(src).to_path_buf(), 0, 0));
        }
        let path: &str = &f.path;
        let a = path.char_indices().filter(|&(_, c)| c == '/').rev().find_map(|(i, _)| self.pages.get(&path[..=i]))?;
        let (line, col) = match (&a.front.slug, a.front.positions.get("slug")) {
            (Some(_), Some(&at)) => at,
            _ => (0, 0),
        };
        Some((a.source.clone(), line, col))
    }

    /// Where to report a problem with `f`: its source, else the config
    /// (every other page is made from the settings and the articles' values).
    fn of(&self, f: &OutputFile) -> (PathBuf, usize, usize) {
        self.source(f).unwrap_or_else(|| (PathBuf::from(crate::config::CONFIG_FILE), 0, 0))
    }

    /// The journal file `f` is made from, as shown; `None` for a page
    /// casebook makes from the settings and articles.
    fn shown_source(&self, f: &OutputFile) -> Option<String> {
        self.source(f).map(|(p, _, _)| display_path(&p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str) -> OutputFile {
        OutputFile::text(path, String::new())
    }

    fn copied(path: &str, src: &str) -> OutputFile {
        OutputFile { path: path.into(), body: Body::Static(Source::File(PathBuf::from("/j").join(src))) }
    }

    fn messages(files: &mut [OutputFile]) -> Vec<String> {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        check(Path::new("/j"), &Content::default(), files).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn names_that_fit_pass() {
        let long = "退".repeat(85);
        let mut files = vec![page("index.html"), page(&format!("tags/{long}/index.html")), page("tags/a-b/x")];
        assert_eq!(messages(&mut files), Vec::<String>::new());
    }

    #[test]
    fn long_names_and_paths_are_reported_at_their_source() {
        let long = "退".repeat(86);
        let deep = "a/".repeat(1600);
        let mut files = vec![
            copied(&format!("docs/{long}.pdf"), &format!("content/docs/{long}.pdf")),
            copied(&format!("{deep}x"), "static/x"),
            page("a/../b"),
        ];
        let got = messages(&mut files);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.contains(&format!("content/docs/{long}.pdf: error: the site would have a file at `docs/{long}.pdf`, which cannot be written: the name `{long}.pdf` is 262 bytes long (a Chinese character takes 3 bytes), and file systems allow at most 255; give it a shorter name")), "{got:?}");
        assert!(
            got.iter()
                .any(|m| m.starts_with("static/x: error:") && m.contains("is 3201 bytes long and can be at most 3072")),
            "{got:?}"
        );
        assert!(
            got.iter().any(|m| m.starts_with("casebook.yaml: error:") && m.contains("`..` cannot be a folder name")),
            "{got:?}"
        );
    }

    #[test]
    fn a_file_where_a_folder_is_needed_is_reported() {
        let mut files = vec![
            copied("cases/退貨", "content/cases/退貨"),
            page("cases/退貨-2/index.html"),
            page("cases/退貨/index.html"),
        ];
        assert_eq!(
            messages(&mut files),
            vec!["content/cases/退貨: error: this is published as the file `cases/退貨`, but the site needs a folder of that name for `cases/退貨/index.html` (a page casebook makes); rename one of them"]
        );
    }
}
