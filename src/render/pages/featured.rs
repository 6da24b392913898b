//! The editors' picks, newest period first.

use crate::diagnostics::Diagnostic;
use crate::render::Renderer;
use crate::site_file::OutputFile;

impl Renderer<'_> {
    /// All picks, newest period first.
    pub(crate) fn featured_page(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("featured/", self.words().get("nav_featured"));
        let mut periods: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
        for p in &self.site.graph.picks {
            match periods.last_mut() {
                Some((period, list)) if *period == p.period => list.push(self.pick_view(p)),
                _ => periods.push((p.period.clone(), vec![self.pick_view(p)])),
            }
        }
        let periods: Vec<_> =
            periods.into_iter().map(|(period, picks)| serde_json::json!({"period": period, "picks": picks})).collect();
        ctx.insert("periods", &periods);
        self.render("featured.html", &ctx, "featured/index.html".into())
    }
}
