//! The page served for an address that has none.

use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::site_file::OutputFile;

impl Renderer<'_> {
    pub(crate) fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        // Served at any address, so it links from the site's root path.
        let mut ctx = self.context("", self.words().get("not_found"));
        ctx.insert("root", &self.site.config.base_path());
        self.render("404.html", &ctx, "404.html".into())
    }
}
