//! Which old addresses an imported article may keep: one that a page of the
//! new site will have (another article, a section, a page casebook makes)
//! or that an earlier article already keeps would stop the build, so it is
//! left out and reported instead.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::{Report, Source};
use crate::diagnostics::imported::{AddressTaken, Todo};
use crate::urls::{self, slugify, SlugMode};

/// The addresses of the site the import makes, and those handed out.
pub struct Addresses {
    /// Each article's own address, by its index in [`Source::posts`].
    pages: HashMap<String, usize>,
    /// Section lists (`posts/`).
    sections: HashSet<String>,
    claimed: HashSet<String>,
}

/// The first part of the addresses casebook's own pages have (with the
/// default taxonomies).
const SITE: [&str; 15] = [
    "authors",
    "search",
    "series",
    "static",
    "page",
    "browse",
    "featured",
    "tags",
    "channel",
    "competencies",
    "product",
    "outcome",
    "404.html",
    "atom.xml",
    "sitemap.xml",
];

impl Addresses {
    pub fn new(src: &Source) -> Self {
        let mut pages = HashMap::new();
        for (i, p) in src.posts.iter().enumerate() {
            pages.insert(address(&p.target, super::post::text(p.front.get("slug")).as_deref()), i);
        }
        let sections = src.sections.keys().map(|s| format!("{s}/")).collect();
        Addresses { pages, sections, claimed: HashSet::new() }
    }

    /// The aliases of post `i` that can have a page, reporting the others.
    pub fn keep(&mut self, i: usize, aliases: Vec<String>, shown: &str, report: &mut Report) -> Vec<String> {
        let mut kept = Vec::new();
        for a in aliases {
            let Some(path) = urls::alias(&a) else { continue };
            let first = path.split('/').next().unwrap_or_default();
            let why = if self.pages.get(&path).is_some_and(|&j| j != i) {
                Some(AddressTaken::ByAnotherArticle)
            } else if self.pages.get(&path) == Some(&i) {
                // The article's own address: nothing to keep.
                continue;
            } else if SITE.contains(&first) || self.sections.contains(&path) || path == "index.html" {
                Some(AddressTaken::ByCasebook)
            } else if !self.claimed.insert(path) {
                Some(AddressTaken::ByAnEarlierArticle)
            } else {
                None
            };
            match why {
                Some(why) => report.todo(shown, 1, Todo::OldAddressLeftOut { address: a, why }),
                None => kept.push(a),
            }
        }
        kept
    }
}

/// The address casebook gives the article written at `target` (under
/// `content/`): its folder and its `slug:` or file name.
fn address(target: &str, slug: Option<&str>) -> String {
    let path = Path::new(target);
    let is_bundle = path.file_name().is_some_and(|n| n == "index.md");
    let (folder, name) = if is_bundle {
        let dir = path.parent().unwrap_or(Path::new(""));
        (dir.parent().unwrap_or(Path::new("")), dir.file_name())
    } else {
        (path.parent().unwrap_or(Path::new("")), path.file_stem())
    };
    let name = name.map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = folder.to_string_lossy().replace('\\', "/");
    urls::article(&folder, &slugify(slug.unwrap_or(&name), SlugMode::Unicode))
}

#[cfg(test)]
mod tests {
    #[test]
    fn addresses_as_casebook_gives_them() {
        assert_eq!(super::address("posts/Hello World.md", None), "posts/hello-world/");
        assert_eq!(super::address("posts/x/index.md", None), "posts/x/");
        assert_eq!(super::address("posts/x.md", Some("y")), "posts/y/");
    }
}
