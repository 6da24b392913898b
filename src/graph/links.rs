//! Resolves links between articles: Markdown links to `.md` files (relative
//! or from the content root), wiki links (`[[slug]]`, `[[標題]]`,
//! `[[slug#heading]]`), links to headings, images and attachments.
//!
//! Every link becomes a relative URL from the linking page, so the site works
//! under any sub-path. A link to one of the site's own pages (`/`, `/tags/`,
//! `/tags/退貨/`, `/search/`, a section) is one too ([`own_lists`]). A link
//! that leads nowhere is reported with the closest existing target: an
//! article (by path, slug or title) or a file of the same kind; a missing
//! heading with the few closest headings.

use std::collections::{BTreeSet, HashMap, HashSet};

use percent_encoding::percent_decode_str;
use unicode_normalization::UnicodeNormalization;

use crate::config::{Config, Kind};
use crate::content::Content;
use crate::diagnostics::{closest, display_path, LinkProblem};
use crate::fold::fold;
use crate::markdown::{LinkResolver, ResolvedLink};
use crate::paths::CONTENT_DIR;
use crate::urls::{content_path, encode_fragment, is_own_page, slugify};

/// How many headings a message about a missing one lists at most.
const HEADINGS_LISTED: usize = 5;

/// Everything a link can point to, by every name it can be called.
pub struct LinkIndex<'a> {
    content: &'a Content,
    config: &'a Config,
    maps: std::sync::Arc<LinkMaps>,
}

/// The names of [`LinkIndex`]: made from the articles' sources, slugs,
/// titles, addresses, files and heading ids only, so a build whose link
/// targets are unchanged can use the last build's.
pub struct LinkMaps {
    /// Content-relative source path (`cases/退貨.md`) → article.
    by_source: HashMap<String, usize>,
    by_slug: HashMap<String, Vec<usize>>,
    /// Folded title → articles.
    by_title: HashMap<String, Vec<usize>>,
    /// Site path (`cases/退貨/`) → article.
    by_page: HashMap<String, usize>,
    /// Content-relative file path → its site path.
    files: HashMap<String, String>,
    /// Old address (`aliases:`, as [`crate::urls::alias`] reads it) →
    /// article; the first article to name one has it.
    by_alias: HashMap<String, usize>,
    heading_ids: Vec<HashSet<String>>,
    /// The site paths of the sections, taxonomies and terms ([`own_lists`]).
    lists: BTreeSet<String>,
}

/// The site paths of the lists the site will have: a page per section that
/// has articles, per taxonomy and per term (with the slugs the graph gives
/// them). Made from the articles' places and front matter, so the build
/// counts them in the "world" that link resolution depends on.
pub fn own_lists(content: &Content, config: &Config) -> BTreeSet<String> {
    let mut lists = BTreeSet::new();
    for a in &content.articles {
        if !a.section.is_empty() && a.kind != Kind::Response {
            lists.insert(crate::urls::list(&a.section));
        }
    }
    let mut keys = super::TermKeys::default();
    for tax in &config.taxonomies {
        lists.insert(crate::urls::list(&tax.key));
        let (grouped, _) = super::group_terms(&content.articles, &tax.key, config, &mut keys);
        lists.extend(grouped.terms.iter().map(|t| crate::urls::term(&tax.key, &t.slug)));
    }
    lists
}

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

impl<'a> LinkIndex<'a> {
    pub fn new(content: &'a Content, config: &'a Config, heading_ids: &[std::sync::Arc<Vec<String>>]) -> Self {
        let maps = LinkMaps::new(content, heading_ids, own_lists(content, config));
        LinkIndex { content, config, maps: std::sync::Arc::new(maps) }
    }

    /// An index over `content` with the names of an earlier build whose link
    /// targets were the same.
    pub fn with_maps(content: &'a Content, config: &'a Config, maps: std::sync::Arc<LinkMaps>) -> Self {
        LinkIndex { content, config, maps }
    }

    pub fn maps(&self) -> std::sync::Arc<LinkMaps> {
        std::sync::Arc::clone(&self.maps)
    }
}

impl LinkMaps {
    fn new(content: &Content, heading_ids: &[std::sync::Arc<Vec<String>>], lists: BTreeSet<String>) -> Self {
        let mut index = LinkMaps {
            lists,
            by_source: HashMap::new(),
            by_slug: HashMap::new(),
            by_title: HashMap::new(),
            by_page: HashMap::new(),
            files: HashMap::new(),
            by_alias: HashMap::new(),
            heading_ids: heading_ids.iter().map(|ids| ids.iter().cloned().collect()).collect(),
        };
        for (i, a) in content.articles.iter().enumerate() {
            index.by_source.insert(content_path(&a.source), i);
            index.by_slug.entry(a.slug.clone()).or_default().push(i);
            index.by_title.entry(fold(a.front.title.trim())).or_default().push(i);
            index.by_page.insert(nfc(&a.path), i);
            for old in a.front.aliases.iter().filter_map(|w| crate::urls::alias(w)) {
                index.by_alias.entry(old).or_insert(i);
            }
            let dir = content_path(&a.source);
            let dir = dir.rsplit_once('/').map(|(d, _)| d.to_string()).unwrap_or_default();
            for (_, rel) in &a.assets {
                let key = if dir.is_empty() { rel.clone() } else { format!("{dir}/{rel}") };
                index.files.insert(nfc(&key), crate::urls::attachment(&a.path, rel));
            }
        }
        for f in &content.files {
            index.files.insert(nfc(&f.site_path), f.site_path.clone());
        }
        index
    }
}

impl<'a> LinkIndex<'a> {
    /// The resolver for links written in article `from`.
    pub fn resolver(&'a self, from: usize) -> ArticleLinks<'a> {
        let path = content_path(&self.content.articles[from].source);
        let from_dir = source_dir(&path).to_string();
        ArticleLinks { index: self, from, from_dir }
    }

    /// Finds an article by slug, site path, content path or title, as
    /// `[[...]]` and `responds_to:` name it.
    pub fn find(&self, name: &str, from_dir: &str) -> Result<usize, LinkProblem> {
        let name = nfc(name.trim());
        if name.ends_with(".md") || name.ends_with(".markdown") {
            let path = join(from_dir, &name).ok_or_else(|| LinkProblem::OutsideContent { name: name.clone() })?;
            return (self.maps.by_source.get(&path).copied())
                .ok_or_else(|| self.left_out(&name, &path).unwrap_or_else(|| self.missing_file(&name, &path)));
        }
        let as_page = format!("{}/", name.trim_matches('/'));
        if name.contains('/') {
            if let Some(&i) = self.maps.by_page.get(&as_page) {
                return Ok(i);
            }
            if let Some(&i) = crate::urls::alias(&name).and_then(|old| self.maps.by_alias.get(&old)) {
                return Ok(i);
            }
            if let Some(problem) = self.left_out(&name, &as_page) {
                return Err(problem);
            }
        }
        let by_title = self.maps.by_title.get(&fold(&name)).map(Vec::as_slice).unwrap_or_default();
        if by_title.len() == 1 {
            return Ok(by_title[0]);
        }
        if by_title.len() > 1 {
            let example = self.content.articles[by_title[0]].path.trim_end_matches('/').to_string();
            return Err(LinkProblem::AmbiguousTitle { name, sources: self.sources(by_title), example });
        }
        let by_slug =
            self.maps.by_slug.get(&slugify(&name, self.config.slugify)).map(Vec::as_slice).unwrap_or_default();
        match by_slug {
            [one] => Ok(*one),
            [] => {
                let slug = slugify(&name, self.config.slugify);
                if let Some(source) = self.content.left_out.name(&fold(&name), &slug) {
                    return Err(LinkProblem::LeftOut { written: name, source: source.to_string() });
                }
                let names = self.content.articles.iter().flat_map(|a| [a.slug.as_str(), a.front.title.as_str()]);
                let suggestion = closest(&name, names).map(str::to_string);
                Err(LinkProblem::NoSuchName { name, suggestion })
            }
            many => {
                let example = self.content.articles[many[0]].path.trim_end_matches('/').to_string();
                Err(LinkProblem::AmbiguousSlug { name, sources: self.sources(many), example })
            }
        }
    }

    fn sources(&self, ids: &[usize]) -> Vec<String> {
        ids.iter().map(|&i| display_path(&self.content.articles[i].source)).collect()
    }

    fn missing_file(&self, written: &str, resolved: &str) -> LinkProblem {
        if let Some(problem) = self.through_link(written, resolved) {
            return problem;
        }
        let suggestion = self.most_alike(resolved).map(|i| content_path(&self.content.articles[i].source));
        LinkProblem::MissingFile { written: written.to_string(), resolved: resolved.to_string(), suggestion }
    }

    /// The problem for a link to a file that is (or is under) a link that
    /// was skipped: not "does not exist", which would send the writer
    /// looking for a typo.
    fn through_link(&self, written: &str, resolved: &str) -> Option<LinkProblem> {
        let link = self.content.link_on_the_way(resolved)?;
        let at = display_path(&link.path);
        Some(LinkProblem::ThroughSymlink {
            written: written.to_string(),
            resolved: resolved.to_string(),
            at: (at != format!("{CONTENT_DIR}/{resolved}")).then_some(at),
            link: Box::new(link.target_info()),
        })
    }

    /// Checks `fragment` against the headings of article `i`; returns the id to use.
    fn heading(&self, i: usize, fragment: &str) -> Result<String, LinkProblem> {
        let wanted = nfc(&percent_decode_str(fragment).decode_utf8_lossy());
        let ids = &self.maps.heading_ids[i];
        if ids.contains(&wanted) {
            return Ok(wanted);
        }
        let slug = slugify(&wanted, self.config.slugify);
        if ids.contains(&slug) {
            return Ok(slug);
        }
        // Written as another tool makes ids (`#最基础的match query` for the
        // heading `最基础的 match query`): the one heading whose letters and
        // digits are the same.
        let skeleton =
            |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
        let wanted_skeleton = skeleton(&wanted);
        let mut same = ids.iter().filter(|id| !wanted_skeleton.is_empty() && skeleton(id) == wanted_skeleton);
        if let (Some(id), None) = (same.next(), same.next()) {
            return Ok(id.clone());
        }
        let source = display_path(&self.content.articles[i].source);
        let mut headings: Vec<String> = ids.iter().cloned().collect();
        headings.sort();
        let suggestion = closest(&wanted, headings.iter().map(String::as_str)).map(str::to_string);
        let more = headings.len().saturating_sub(HEADINGS_LISTED);
        let headings = closest_few(&wanted, headings, HEADINGS_LISTED);
        Err(LinkProblem::NoHeading { source, wanted, suggestion, headings, more })
    }

    fn href(&self, from: usize, site_path: &str, fragment: Option<&str>) -> String {
        crate::urls::href(&self.content.articles[from].path, site_path, fragment)
    }

    fn article_link(
        &self,
        from: usize,
        to: usize,
        fragment: Option<&str>,
        wiki: bool,
    ) -> Result<ResolvedLink, LinkProblem> {
        let id = fragment.filter(|f| !f.is_empty()).map(|f| self.heading(to, f)).transpose()?;
        let target = &self.content.articles[to];
        let text = wiki.then(|| match &id {
            Some(h) => format!("{} › {h}", target.front.title),
            None => target.front.title.clone(),
        });
        Ok(ResolvedLink { href: self.href(from, &target.path, id.as_deref()), text, target: Some(to) })
    }
}

/// The folder of an article's source, relative to `content/`.
fn source_dir(content_path: &str) -> &str {
    content_path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// Joins a link path to the folder it is written in (or to the content root
/// for `/...`), resolving `.` and `..`. `None` if it climbs out of content/.
fn join(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> =
        if path.starts_with('/') { Vec::new() } else { dir.split('/').filter(|p| !p.is_empty()).collect() };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

fn has_scheme(dest: &str) -> bool {
    let Some((scheme, _)) = dest.split_once(':') else {
        return false;
    };
    !scheme.is_empty()
        && scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Resolves the links of one article.
pub struct ArticleLinks<'a> {
    index: &'a LinkIndex<'a>,
    from: usize,
    /// The folder of the article's file, under `content/`.
    from_dir: String,
}

impl LinkResolver for ArticleLinks<'_> {
    fn resolve(&self, dest: &str, wiki: bool) -> Result<Option<ResolvedLink>, LinkProblem> {
        let ix = self.index;
        let from_dir = self.from_dir.as_str();
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        if wiki {
            let to = if path.is_empty() { self.from } else { ix.find(path, from_dir)? };
            return ix.article_link(self.from, to, fragment, true).map(Some);
        }
        if dest.is_empty() || has_scheme(dest) || dest.starts_with("//") {
            return Ok(None);
        }
        if path.is_empty() {
            // `#heading` on this page.
            let id = ix.heading(self.from, fragment.unwrap_or_default())?;
            return Ok(Some(ResolvedLink { href: format!("#{}", encode_fragment(&id)), text: None, target: None }));
        }
        let path = path.split('?').next().unwrap_or(path);
        let decoded = nfc(&percent_decode_str(path).decode_utf8_lossy());
        let Some(joined) = join(from_dir, &decoded) else {
            return Err(LinkProblem::ClimbsOut { path: decoded });
        };
        if let Some(problem) = ix.through_link(&decoded, &joined) {
            return Err(problem);
        }
        if joined.ends_with(".md") || joined.ends_with(".markdown") {
            if let (None, Some(problem)) = (ix.maps.by_source.get(&joined), ix.left_out(&decoded, &joined)) {
                return Err(problem);
            }
            if ix.content.unreadable.contains(&joined) {
                // That file has problems of its own, reported at its lines.
                return Ok(None);
            }
            let to = ix.maps.by_source.get(&joined).copied().ok_or_else(|| ix.missing_file(&decoded, &joined))?;
            return ix.article_link(self.from, to, fragment, false).map(Some);
        }
        if let Some(site) = ix.maps.files.get(&joined) {
            return Ok(Some(ResolvedLink { href: ix.href(self.from, site, None), text: None, target: None }));
        }
        // A link to a page by its address, like /cases/退貨/.
        let as_page = format!("{}/", joined.trim_end_matches('/'));
        if let Some(&to) = ix.maps.by_page.get(&as_page) {
            return ix.article_link(self.from, to, fragment, false).map(Some);
        }
        // An old address (`aliases:`): /cn/2017/04/退貨/, old/page.html.
        let old = ix.maps.by_alias.get(&joined).or_else(|| ix.maps.by_alias.get(&as_page));
        if let Some(&to) = old {
            return ix.article_link(self.from, to, fragment, false).map(Some);
        }
        // One of the site's own pages: `/`, `/tags/`, `/search/`, a section.
        let page = if joined.is_empty() { String::new() } else { as_page };
        if is_own_page(&page, &ix.maps.lists) {
            let query = dest.split_once('#').map_or(dest, |(p, _)| p).split_once('?').map(|(_, q)| q);
            let mut href = ix.href(self.from, &page, None);
            if let Some(q) = query {
                href = format!("{href}?{q}");
            }
            if let Some(f) = fragment {
                href = format!("{href}#{f}");
            }
            return Ok(Some(ResolvedLink { href, text: None, target: None }));
        }
        Err(ix.left_out(&decoded, &joined).unwrap_or_else(|| ix.missing_target(decoded, joined)))
    }
}

impl LinkIndex<'_> {
    /// The warning for a link to `resolved`, a file, address or old address
    /// of a file `build --keep-going` left out.
    fn left_out(&self, written: &str, resolved: &str) -> Option<LinkProblem> {
        let source = self.content.left_out.path(resolved)?;
        Some(LinkProblem::LeftOut { written: written.to_string(), source: source.to_string() })
    }

    /// The problem for a link to `resolved` (not a Markdown file), which
    /// does not exist: the suggestion is a file of the same kind (`.png`
    /// for `.png`) or, for an address without one (`cases/退貨/`), an
    /// article whose slug or title is closest to its last part; never an
    /// unrelated file.
    fn missing_target(&self, written: String, resolved: String) -> LinkProblem {
        let suggestion = match extension(&resolved) {
            Some(ext) => {
                let same_kind = self.maps.files.keys().filter(|f| extension(f).as_deref() == Some(ext.as_str()));
                closest(&resolved, same_kind.map(String::as_str)).map(str::to_string)
            }
            None => self.most_alike(&resolved).map(|i| content_path(&self.content.articles[i].source)),
        };
        LinkProblem::MissingFile { written, resolved, suggestion }
    }

    /// The article most like the one a link to `resolved` (`essays/退換貨規則.md`,
    /// `cases/退貨/`) meant, by its file name, slug and title against the
    /// link's last part: one in the same folder wins a tie. `None` when none
    /// is alike enough ([`ALIKE`]): an unrelated suggestion sends the writer
    /// the wrong way.
    fn most_alike(&self, resolved: &str) -> Option<usize> {
        let trimmed = resolved.trim_end_matches('/');
        let (folder, last) = trimmed.rsplit_once('/').unwrap_or(("", trimmed));
        let wanted = fold(last.strip_suffix(".md").unwrap_or(last));
        if wanted.is_empty() {
            return None;
        }
        let score = |name: &str| strsim::normalized_levenshtein(&wanted, &fold(name));
        (self.content.articles.iter().enumerate())
            .map(|(i, a)| {
                let source = content_path(&a.source);
                let stem = source.strip_suffix("/index.md").or_else(|| source.strip_suffix(".md")).unwrap_or(&source);
                let (dir, file) = stem.rsplit_once('/').unwrap_or(("", stem));
                let best = [file, a.slug.as_str(), a.front.title.as_str()].into_iter().map(score).fold(0.0, f64::max);
                (best, dir == folder, i)
            })
            .filter(|(best, _, _)| *best >= ALIKE)
            .max_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).then(y.2.cmp(&x.2)))
            .map(|(_, _, i)| i)
    }
}

/// How alike (0 to 1, by edit distance) a link's last part and an article's
/// name must be for the article to be suggested: half the characters.
const ALIKE: f64 = 0.5;

/// The extension of a path's last part, in lowercase (`png`), if it has one.
fn extension(path: &str) -> Option<String> {
    let last = path.rsplit('/').next().unwrap_or(path);
    let (stem, ext) = last.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_lowercase())
}

/// The `n` of `names` closest to `wanted` (most alike first, then in
/// order), or all of them when there are no more than `n`.
fn closest_few(wanted: &str, names: Vec<String>, n: usize) -> Vec<String> {
    if names.len() <= n {
        return names;
    }
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, String)> =
        names.into_iter().map(|h| (strsim::normalized_levenshtein(&wanted, &h.to_lowercase()), h)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.into_iter().take(n).map(|(_, h)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_paths() {
        assert_eq!(join("cases/2026", "../essays/a.md").as_deref(), Some("cases/essays/a.md"));
        assert_eq!(join("cases", "/essays/a.md").as_deref(), Some("essays/a.md"));
        assert_eq!(join("cases", "./img/a.png").as_deref(), Some("cases/img/a.png"));
        assert_eq!(join("", "../a.md"), None);
    }

    #[test]
    fn extensions_name_the_kind_of_file() {
        assert_eq!(extension("cases/a.PNG").as_deref(), Some("png"));
        assert_eq!(extension("cases/a/"), None);
        assert_eq!(extension("cases/.hidden"), None);
        assert_eq!(extension("v1.2/a"), None);
    }

    #[test]
    fn the_closest_few_headings() {
        let names: Vec<String> = (1..=40).map(|n| format!("步驟-{n}")).collect();
        let few = closest_few("步驟-4", names, 5);
        assert_eq!(few.len(), 5);
        assert_eq!(few[0], "步驟-4");
        let all = closest_few("x", vec!["b".into(), "a".into()], 5);
        assert_eq!(all, ["b", "a"]);
    }

    #[test]
    fn schemes() {
        assert!(has_scheme("https://x"));
        assert!(has_scheme("mailto:a@b"));
        assert!(!has_scheme("退貨.md"));
        assert!(!has_scheme("../a.md"));
    }
}
