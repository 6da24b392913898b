//! The candidates for the editors' next picks (`candidates/`), only in
//! previews (`--drafts`): never in the published site. What is ranked and
//! why is [`crate::graph::candidates`].

use crate::config::i18n::fill;
use crate::content::money::group_thousands;
use crate::diagnostics::Diagnostic;
use crate::graph::candidates::{periods_to_show, rank, Sources};
use crate::render::Renderer;
use crate::site_file::OutputFile;

impl Renderer<'_> {
    pub(crate) fn candidates_page(&self) -> Result<OutputFile, Diagnostic> {
        let words = self.words();
        let mut ctx = self.context("candidates/", words.get("candidates_title"));
        let lengths: Vec<usize> = self.articles.iter().map(|a| a.characters).collect();
        let src = Sources {
            articles: &self.site.content.articles,
            graph: self.site.graph,
            history: self.site.history,
            authors: self.site.authors,
            lengths: &lengths,
            timezone: self.site.config.timezone,
        };
        let periods: Vec<serde_json::Value> = periods_to_show(&src)
            .into_iter()
            .map(|period| {
                let list: Vec<serde_json::Value> = rank(&src, &period)
                    .iter()
                    .map(|c| {
                        let reasons = c.signals.reasons(|key, n| {
                            let text = words.counted(key, n as i64).unwrap_or(key);
                            fill(text, &[("n", &group_thousands(&n.to_string()))])
                        });
                        serde_json::json!({"article": self.articles[c.article], "score": c.score, "reasons": reasons})
                    })
                    .collect();
                serde_json::json!({"period": period, "candidates": list})
            })
            .collect();
        ctx.insert("periods", &periods);
        self.render("candidates.html", &ctx, "candidates/index.html".into())
    }
}
