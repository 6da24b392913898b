//! The series list and each series' page.

use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::site_file::OutputFile;
use crate::urls::{self, encode_path};

impl Renderer<'_> {
    pub(crate) fn series_pages(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let g = self.site.graph;
        if g.series.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut ctx = self.context("series/", self.words().get("nav_series"));
        let list: Vec<_> = g
            .series
            .iter()
            .map(|s| serde_json::json!({"name": s.name, "url": encode_path(&urls::series(&s.slug)), "count": s.parts.len(), "latest": self.articles[s.parts[s.parts.len() - 1]].date}))
            .collect();
        ctx.insert("series_list", &list);
        out.push(self.render("series_index.html", &ctx, "series/index.html".into()));
        for s in &g.series {
            let path = urls::series(&s.slug);
            let mut ctx = self.context(&path, &s.name);
            ctx.insert("series", &serde_json::json!({"name": s.name, "count": s.parts.len()}));
            ctx.insert("articles", &self.views(&s.parts));
            out.push(self.render("series.html", &ctx, format!("{path}index.html")));
        }
        out
    }
}
