//! The browse page: every listed article with its terms, to combine
//! filters in the browser.

use crate::diagnostics::Diagnostic;
use crate::keys::hash_of;
use crate::render::views::BrowseView;
use crate::render::Renderer;
use crate::site_file::OutputFile;
use std::collections::BTreeMap;
use tera::Context;

impl Renderer<'_> {
    /// One page to combine filters (all escalated phone cases): every listed
    /// article with its terms as data attributes, filtered in the browser.
    pub(crate) fn browse(&self) -> Result<OutputFile, Diagnostic> {
        let g = self.site.graph;
        let ctx = self.context("browse/", self.words().get("nav_browse"));
        let mut facets = vec![serde_json::json!({
            "key": "section",
            "title": self.words().get("section_filter"),
            "terms": g.sections.iter().map(|s| serde_json::json!({"slug": s.name, "name": s.title, "count": s.articles.len()})).collect::<Vec<_>>(),
        })];
        for t in &g.taxonomies {
            let terms: Vec<_> = t.terms.iter().map(|term| serde_json::json!({"slug": term.slug, "name": self.label(&term.name), "count": term.articles.len()})).collect();
            facets.push(serde_json::json!({"key": t.key, "title": t.title, "terms": terms}));
        }
        let listed = self.listed();
        let key = hash_of(&("browse", &facets, listed.iter().map(|&i| self.browse_keys[i]).collect::<Vec<_>>()));
        self.memo("browse/index.html", "browse.html", key, || self.browse_now(ctx, facets, listed))
    }

    pub(crate) fn browse_now(
        &self,
        mut ctx: Context,
        facets: Vec<serde_json::Value>,
        listed: Vec<usize>,
    ) -> Result<OutputFile, Diagnostic> {
        let g = self.site.graph;
        let items: Vec<_> = listed
            .into_iter()
            .map(|i| {
                let mut data: BTreeMap<String, String> = BTreeMap::new();
                data.insert("section".into(), format!("|{}|", self.site.content.articles[i].section));
                for t in &g.taxonomies {
                    let slugs: Vec<&str> = g.term_slugs[i]
                        .get(&t.key)
                        .map(|v| v.iter().map(|(_, s)| s.as_str()).collect())
                        .unwrap_or_default();
                    data.insert(t.key.clone(), format!("|{}|", slugs.join("|")));
                }
                serde_json::json!({"article": BrowseView::of(&self.articles[i]), "data": data})
            })
            .collect();
        ctx.insert("facets", &facets);
        ctx.insert("items", &items);
        self.render("browse.html", &ctx, "browse/index.html".into())
    }
}
