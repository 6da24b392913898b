//! The home page: the latest articles, this period's picks and the most
//! used tags.

use crate::config::Kind;
use crate::diagnostics::Diagnostic;
use crate::render::views::NavLink;
use crate::render::Renderer;
use crate::site_file::OutputFile;
use crate::urls::{self, encode_path};

impl Renderer<'_> {
    pub(crate) fn home(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("", &self.site.config.title);
        let latest: Vec<usize> = self.listed().into_iter().take(10).collect();
        ctx.insert("latest", &self.views(&latest));
        let g = self.site.graph;
        let current = g.picks.first().map(|p| p.period.clone());
        let picks: Vec<serde_json::Value> =
            g.picks.iter().filter(|p| Some(&p.period) == current.as_ref()).map(|p| self.pick_view(p)).collect();
        ctx.insert("featured", &picks);
        ctx.insert("featured_period", &current);
        let tags = self.tag_links(20);
        ctx.insert("top_tags", &tags);
        ctx.insert("article_count", &self.articles.len());
        ctx.insert("counts", &self.count_parts());
        self.render("index.html", &ctx, "index.html".into())
    }

    /// The parts of the home page's count, which add up to the number of
    /// articles: each section (with its address), then the critiques, then
    /// any article in no section (at the top of `content/`).
    pub(crate) fn count_parts(&self) -> Vec<NavLink> {
        let mut parts = self.site_view.sections.clone();
        let responses = self.articles.iter().filter(|a| a.kind == Kind::Response).count();
        let words = self.words();
        let mut part = |key: &str, count: usize| {
            if count > 0 {
                parts.push(NavLink {
                    name: String::new(),
                    title: words.get(key).to_string(),
                    url: String::new(),
                    count,
                });
            }
        };
        let in_sections: usize = self.site_view.sections.iter().map(|s| s.count).sum();
        part("home_responses", responses);
        part("home_other", self.articles.len().saturating_sub(in_sections + responses));
        parts
    }

    /// The `limit` most used tags, most used first: name, url and count.
    pub(crate) fn tag_links(&self, limit: usize) -> Vec<serde_json::Value> {
        let mut tags: Vec<&crate::graph::Term> =
            self.site.graph.taxonomies.iter().filter(|t| t.key == "tags").flat_map(|t| &t.terms).collect();
        tags.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then_with(|| a.name.cmp(&b.name)));
        tags.into_iter()
            .take(limit)
            .map(|t| serde_json::json!({"name": t.name, "url": encode_path(&urls::term("tags", &t.slug)), "count": t.articles.len()}))
            .collect()
    }
}
