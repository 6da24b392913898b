//! An article's page: its text, table of contents, backlinks, related
//! articles, series navigation and critiques.

use crate::diagnostics::Diagnostic;
use crate::render::templates::on_page;
use crate::render::Renderer;
use crate::site_file::OutputFile;
use crate::urls::{self, encode_path};

impl Renderer<'_> {
    pub(crate) fn article_page(&self, i: usize) -> Result<OutputFile, Diagnostic> {
        let a = &self.site.content.articles[i];
        let g = self.site.graph;
        let (v, l, h) = (&self.view_keys, &self.list_keys, &self.html_keys);
        // The table of contents is made from the same text as the HTML, and
        // a backlink's sentence from the same text as its article's HTML:
        // the HTML's hash stands for them.
        let key = (
            "article",
            v[i],
            h[i],
            g.backlinks[i].iter().map(|b| (l[b.from], h[b.from])).collect::<Vec<_>>(),
            g.related[i].iter().map(|r| (l[r.id], &r.reasons)).collect::<Vec<_>>(),
            g.series_of[i]
                .map(|(s, pos)| (&g.series[s].name, pos, g.series[s].parts.iter().map(|&p| l[p]).collect::<Vec<_>>())),
            g.responses[i].iter().map(|&j| (l[j], h[j])).collect::<Vec<_>>(),
            g.responds_to[i].map(|t| l[t]),
        );
        self.memo(&format!("{}index.html", a.path), "article.html", key, || self.article_page_now(i))
    }

    pub(crate) fn article_page_now(&self, i: usize) -> Result<OutputFile, Diagnostic> {
        let a = &self.site.content.articles[i];
        let rendered = &self.site.rendered[i];
        let mut ctx = self.context(&a.path, &a.front.title);
        ctx.insert("article", &self.articles[i]);
        ctx.insert("description", &self.articles[i].summary);
        ctx.insert("content", &rendered.html);
        ctx.insert("toc", &rendered.toc);
        let g = self.site.graph;
        let link = |j: usize| {
            let v = &self.articles[j];
            serde_json::json!({"title": v.title, "url": v.url, "date": v.date, "kind_label": v.kind_label, "summary": v.summary})
        };
        let backlinks: Vec<_> = g.backlinks[i]
            .iter()
            .map(|b| {
                let mut v = link(b.from);
                v["context"] = b.context.clone().into();
                v
            })
            .collect();
        ctx.insert("backlinks", &backlinks);
        let related: Vec<_> = g.related[i]
            .iter()
            .map(|r| {
                let mut v = link(r.id);
                v["reasons"] = serde_json::json!(r.reasons);
                v
            })
            .collect();
        ctx.insert("related", &related);
        if let Some((s, pos)) = g.series_of[i] {
            let series = &g.series[s];
            ctx.insert(
                "series",
                &serde_json::json!({
                    "name": series.name,
                    "url": encode_path(&urls::series(&series.slug)),
                    "position": pos + 1,
                    "total": series.parts.len(),
                    "prev": pos.checked_sub(1).map(|p| link(series.parts[p])),
                    "next": series.parts.get(pos + 1).map(|&p| link(p)),
                }),
            );
        }
        let responses: Vec<_> = g.responses[i]
            .iter()
            .map(|&j| serde_json::json!({"article": self.articles[j], "content": self.site.rendered[j].html}))
            .collect();
        ctx.insert("responses", &responses);
        if let Some(t) = g.responds_to[i] {
            ctx.insert("responds_to", &link(t));
        }
        self.render("article.html", &ctx, format!("{}index.html", a.path)).map_err(|d| on_page(d, a))
    }
}
