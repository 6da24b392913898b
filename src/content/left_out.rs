//! What `build --keep-going` left out of the site for their own errors,
//! by every name a link can give them: their file under `content/`, their
//! address, their old addresses (`aliases:`), their attachments, their
//! slug and title. A link to one of them is a warning that names the file
//! left out, not a broken link, so leaving a file out does not leave out
//! the files that link to it.

use std::collections::HashMap;

use super::Article;
use crate::diagnostics::display_path;
use crate::fold::fold;
use crate::urls::content_path;

#[derive(Debug, Default)]
pub struct LeftOut {
    /// Path under `content/`, site path or old address → the file left out,
    /// as diagnostics show it (`content/cases/a.md`).
    by_path: HashMap<String, String>,
    /// Slug or folded title → the file left out.
    by_name: HashMap<String, String>,
}

impl LeftOut {
    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// A key of every name recorded: links resolve differently when it changes.
    pub fn key(&self) -> u64 {
        let mut paths: Vec<(&String, &String)> = self.by_path.iter().collect();
        paths.sort();
        let mut names: Vec<(&String, &String)> = self.by_name.iter().collect();
        names.sort();
        crate::keys::hash_value(&(paths, names))
    }

    /// Records article `a` (published or not) and its attachments.
    pub fn add_article(&mut self, a: &Article) {
        let shown = display_path(&a.source);
        let source = content_path(&a.source);
        let dir = source.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default();
        self.add_path(&source, &shown);
        if !a.path.is_empty() {
            self.add_path(&a.path, &shown);
        }
        for old in a.front.aliases.iter().filter_map(|w| crate::urls::alias(w)) {
            self.add_path(&old, &shown);
        }
        for (_, rel) in &a.assets {
            let key = if dir.is_empty() { rel.clone() } else { format!("{dir}/{rel}") };
            self.add_path(&key, &shown);
        }
        if !a.slug.is_empty() {
            self.by_name.entry(a.slug.clone()).or_insert_with(|| shown.clone());
        }
        let title = fold(a.front.title.trim());
        if !title.is_empty() {
            self.by_name.entry(title).or_insert(shown);
        }
    }

    /// Records a file under `content/` (`path`, as links name it) shown as `shown`.
    pub fn add_path(&mut self, path: &str, shown: &str) {
        let key: String = unicode_normalization::UnicodeNormalization::nfc(path).collect();
        self.by_path.entry(key).or_insert_with(|| shown.to_string());
    }

    /// The file left out that a link resolved to `path` (under `content/`,
    /// or a site path ending in `/`) leads to.
    pub fn path(&self, path: &str) -> Option<&str> {
        if self.by_path.is_empty() {
            return None;
        }
        let as_page = format!("{}/", path.trim_end_matches('/'));
        (self.by_path.get(path).or_else(|| self.by_path.get(&as_page)))
            .or_else(|| crate::urls::alias(path).and_then(|old| self.by_path.get(&old)))
            .map(String::as_str)
    }

    /// The file left out whose slug is `slug` or whose folded title is `title`.
    pub fn name(&self, title: &str, slug: &str) -> Option<&str> {
        self.by_name.get(title).or_else(|| self.by_name.get(slug)).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_found_by_its_paths() {
        let mut left = LeftOut::default();
        assert!(left.is_empty() && left.path("cases/a.md").is_none());
        left.add_path("cases/a.md", "content/cases/a.md");
        left.add_path("cases/a/", "content/cases/a.md");
        assert_eq!(left.path("cases/a.md"), Some("content/cases/a.md"));
        assert_eq!(left.path("cases/a"), Some("content/cases/a.md"));
        assert_eq!(left.path("cases/b.md"), None);
    }
}
