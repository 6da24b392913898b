//! The Atom feeds (the whole journal's and each tag's) and the sitemap,
//! the pages with absolute addresses (`base_url`).

use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::site_file::OutputFile;
use crate::urls::{self, encode_path};

impl Renderer<'_> {
    pub(crate) fn feed(&self, path: &str, title: &str, ids: &[usize]) -> Result<OutputFile, Diagnostic> {
        let ids: Vec<usize> = ids.iter().take(20).copied().collect();
        let key = ("feed", title, ids.iter().map(|&i| (self.list_keys[i], self.html_keys[i])).collect::<Vec<_>>());
        self.memo(path, "atom.xml", key, || self.feed_now(path, title, &ids))
    }

    pub(crate) fn feed_now(&self, path: &str, title: &str, ids: &[usize]) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context(path, title);
        let base = &self.site.config.base_url;
        let entries: Vec<_> = ids
            .iter()
            .map(|&i| {
                let v = &self.articles[i];
                serde_json::json!({
                    "article": v,
                    "link": format!("{base}{}", v.url),
                    "updated": v.updated_iso.clone().unwrap_or_else(|| v.date_iso.clone()),
                    "content": self.site.rendered[i].html,
                })
            })
            .collect();
        let updated = ids
            .iter()
            .map(|&i| {
                let a = &self.site.content.articles[i];
                a.front.updated.unwrap_or(a.date)
            })
            .max()
            .map(|d| d.to_rfc3339())
            .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".to_string());
        ctx.insert("feed_url", &format!("{base}{}", encode_path(path)));
        ctx.insert("updated", &updated);
        ctx.insert("entries", &entries);
        self.render("atom.xml", &ctx, path.to_string())
    }

    pub(crate) fn sitemap(&self) -> Result<OutputFile, Diagnostic> {
        // Every address and date in it is in the articles' browse views
        // (made from front matter) and in the site's navigation.
        let g = self.site.graph;
        let key = (
            "sitemap",
            &self.browse_keys,
            g.taxonomies
                .iter()
                .map(|t| (&t.key, t.terms.iter().map(|t| &t.slug).collect::<Vec<_>>()))
                .collect::<Vec<_>>(),
            g.authors.iter().map(|a| &a.author.id).collect::<Vec<_>>(),
        );
        self.memo("sitemap.xml", "sitemap.xml", key, || self.sitemap_now())
    }

    pub(crate) fn sitemap_now(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("sitemap.xml", "sitemap");
        let base = &self.site.config.base_url;
        let mut urls: Vec<serde_json::Value> = vec![serde_json::json!({"loc": base})];
        for v in &self.articles {
            urls.push(serde_json::json!({"loc": format!("{base}{}", v.url), "lastmod": v.updated.clone().unwrap_or_else(|| v.date.clone())}));
        }
        for s in &self.site_view.sections {
            urls.push(serde_json::json!({"loc": format!("{base}{}", s.url)}));
        }
        for t in &self.site.graph.taxonomies {
            urls.push(serde_json::json!({"loc": format!("{base}{}", encode_path(&urls::list(&t.key)))}));
            for term in &t.terms {
                urls.push(
                    serde_json::json!({"loc": format!("{base}{}", encode_path(&urls::term(&t.key, &term.slug)))}),
                );
            }
        }
        for a in &self.site.graph.authors {
            urls.push(serde_json::json!({"loc": format!("{base}{}", encode_path(&urls::author(&a.author.id)))}));
        }
        ctx.insert("urls", &urls);
        self.render("sitemap.xml", &ctx, "sitemap.xml".into())
    }
}
