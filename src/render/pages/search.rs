//! The search page (the search itself runs in the browser, see
//! [`crate::search`]).

use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::site_file::OutputFile;

impl Renderer<'_> {
    pub(crate) fn search_page(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("search/", self.words().get("search"));
        let tags = self.tag_links(usize::MAX);
        ctx.insert("tags", &tags);
        // Filter choices, so the facets file is fetched only when one is used.
        let mut tag_names: Vec<&str> = tags.iter().filter_map(|t| t["name"].as_str()).collect();
        tag_names.sort();
        ctx.insert("tag_names", &tag_names);
        let mut author_names: Vec<&str> = self.site.graph.authors.iter().map(|a| a.author.name.as_str()).collect();
        author_names.sort();
        author_names.dedup();
        ctx.insert("author_names", &author_names);
        self.render("search.html", &ctx, "search/index.html".into())
    }
}
