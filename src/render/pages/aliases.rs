//! Old addresses: for every entry of an article's `aliases:` (see
//! [`crate::urls::alias`]), a small page at the old address that sends the
//! reader on to the article, so links and bookmarks into a site the journal
//! came from keep working. The page is fixed text, not a theme template: it
//! only redirects (a `<meta http-equiv="refresh">`, a canonical link and a
//! plain link for browsers that do not follow the refresh), with relative
//! addresses like every other page.
//!
//! [`old_addresses`] decides which aliases get a page: one that is not an
//! address, or is the address of another page, is reported at its line.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::Content;
use crate::diagnostics::{display_path, Diagnostic, Problem};
use crate::render::Renderer;
use crate::site_file::OutputFile;
use crate::urls;

/// Addresses casebook makes pages at by itself, besides sections and
/// taxonomies: an alias may not take them or a place under them.
const SITE_PAGES: [&str; 6] = ["browse", "featured", "404.html", "atom.xml", "sitemap.xml", "index.html"];

/// Every usable alias, as a site path, with the article it leads to, and
/// the problems of the others (at their line in the article's file).
pub fn old_addresses(content: &Content, config: &Config) -> (BTreeMap<String, usize>, Vec<Diagnostic>) {
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    for a in &content.articles {
        taken.insert(a.path.clone(), display_path(&a.source));
    }
    for f in &content.files {
        taken.insert(f.site_path.clone(), display_path(&f.source));
    }
    let made = "a page casebook makes".to_string();
    let reserved: Vec<String> = urls::RESERVED
        .iter()
        .map(|r| r.trim_end_matches('/').to_string())
        .chain(SITE_PAGES.iter().map(|s| s.to_string()))
        .chain(config.taxonomies.iter().map(|t| t.key.clone()))
        .collect();
    let sections: std::collections::HashSet<&str> = content.articles.iter().map(|a| a.section.as_str()).collect();
    let mut found = BTreeMap::new();
    let mut diags = Vec::new();
    for (i, a) in content.articles.iter().enumerate() {
        for written in &a.front.aliases {
            let (line, col) = alias_line(a, written);
            let Some(path) = urls::alias(written) else {
                diags.push(Diagnostic::error(&a.source, line, col, Problem::BadAlias { alias: written.clone() }));
                continue;
            };
            let first = path.split('/').next().unwrap_or_default();
            let section = path.strip_suffix('/').is_some_and(|p| sections.contains(p));
            let by = if reserved.iter().any(|r| r == first) || section {
                Some(made.clone())
            } else {
                taken.get(&path).cloned()
            };
            match by {
                Some(by) if by != display_path(&a.source) => {
                    let problem = Problem::AliasTaken { alias: written.clone(), by };
                    diags.push(Diagnostic::error(&a.source, line, col, problem));
                }
                // The article's own address, or a repeat in its own list: nothing to make.
                Some(_) => {}
                None => {
                    taken.insert(path.clone(), display_path(&a.source));
                    found.insert(path, i);
                }
            }
        }
    }
    (found, diags)
}

/// The line and column of one entry of `aliases:`: the line below the key
/// that holds it, else the key's own.
fn alias_line(a: &crate::content::Article, written: &str) -> (usize, usize) {
    let (line, col) = a.front.positions.get("aliases").copied().unwrap_or((1, 1));
    let below = a.front_text.lines().enumerate().skip(line.saturating_sub(2));
    for (i, text) in below {
        if i + 2 > line && !text.starts_with([' ', '-', '\t']) {
            break;
        }
        if let Some(at) = text.find(written) {
            return (i + 2, text[..at].chars().count() + 1);
        }
    }
    (line, col)
}

impl Renderer<'_> {
    /// A page at every old address.
    pub(crate) fn alias_pages(&self) -> Vec<OutputFile> {
        let (found, _) = old_addresses(self.site.content, self.site.config);
        found
            .into_iter()
            .map(|(path, i)| {
                let a = &self.site.content.articles[i];
                let href = urls::href(&path, &a.path, None);
                let canonical = if self.site.config.base_url.starts_with("http") {
                    format!("{}{}", self.site.config.base_url, urls::encode_path(&a.path))
                } else {
                    href.clone()
                };
                OutputFile::text(urls::page_file(&path), redirect(&a.front.title, &href, &canonical, self.words()))
            })
            .collect()
    }
}

/// The text of a page that sends the reader to `href`, escaped as the
/// theme's templates escape (`markdown::escape`).
fn redirect(title: &str, href: &str, canonical: &str, words: crate::config::i18n::Strings) -> String {
    use crate::markdown::escape;
    let title = escape(title);
    let href = escape(href);
    let canonical = escape(canonical);
    let link = format!("<a href=\"{href}\">{title}</a>");
    let moved = words.fill("moved_to", &[]).split("{link}").map(escape).collect::<Vec<_>>().join(&link);
    format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
<link rel=\"canonical\" href=\"{canonical}\">\n<meta name=\"robots\" content=\"noindex\">\n\
<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n\
<body>\n<p>{moved}</p>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_redirect_page_escapes_and_links_relatively() {
        let own = std::collections::BTreeMap::new();
        let words = crate::config::i18n::Strings { lang: crate::config::Lang::Hant, own: &own };
        let page = super::redirect("A & <B> \"C\" 'D'", "../../cases/a/", "../../cases/a/", words);
        assert!(
            page.contains(
                "<p>這一頁已搬到 <a href=\"../../cases/a/\">A &amp; &lt;B&gt; &quot;C&quot; &#39;D&#39;</a>。</p>"
            ),
            "{page}"
        );
        assert!(page.contains("<title>A &amp; &lt;B&gt; &quot;C&quot; &#39;D&#39;</title>"), "{page}");
        assert!(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../cases/a/\">"), "{page}");
    }
}
