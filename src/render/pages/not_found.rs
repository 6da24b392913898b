//! The page served for an address that has none. The server sends the
//! same page for every missing address, so what the page can do with the
//! address it was asked for happens in the browser: its script turns the
//! address into words for the search box and picks the closest titles
//! from the list of every article the page carries.

use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::site_file::OutputFile;

impl Renderer<'_> {
    pub(crate) fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        // Served at any address, so it links from the site's root path.
        let mut ctx = self.context("", self.words().get("not_found"));
        ctx.insert("root", &self.site.config.base_path());
        let articles: Vec<_> = self
            .articles
            .iter()
            .map(|a| serde_json::json!({"title": a.title, "url": a.url, "kind_label": a.kind_label}))
            .collect();
        ctx.insert("articles", &articles);
        self.render("404.html", &ctx, "404.html".into())
    }
}
