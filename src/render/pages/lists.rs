//! List pages: a section, a taxonomy's term list and each term, split into
//! pages of `paginate` articles; the tags' terms have a feed each.

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::keys::hash_of;
use crate::render::views::{PageLink, Paginator};
use crate::render::Renderer;
use crate::site_file::OutputFile;
use crate::urls::{self, encode_path, root_for};

/// One list of articles to render as pages (a section or a taxonomy term).
struct ListJob<'a> {
    base: String,
    template: &'static str,
    title: String,
    ids: &'a [usize],
    extra: Vec<(&'static str, serde_json::Value)>,
    feed: bool,
}

impl Renderer<'_> {
    /// Every section and taxonomy with its terms, each list with its pages,
    /// rendered in parallel.
    pub(crate) fn lists(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let graph = self.site.graph;
        let mut out = Vec::new();
        let mut lists: Vec<ListJob> = graph
            .sections
            .iter()
            .map(|s| ListJob {
                base: urls::list(&s.name),
                template: "section.html",
                title: s.title.clone(),
                ids: &s.articles,
                extra: vec![("section", serde_json::json!({"name": s.name, "title": s.title}))],
                feed: false,
            })
            .collect();
        for tax in &graph.taxonomies {
            out.push(self.taxonomy(tax));
            for term in &tax.terms {
                let taxonomy =
                    serde_json::json!({"key": tax.key, "title": tax.title, "url": encode_path(&urls::list(&tax.key))});
                let term_view = serde_json::json!({
                    "name": self.label(&term.name),
                    "count": term.articles.len(),
                    "description": term.description,
                    "url": encode_path(&urls::term(&tax.key, &term.slug)),
                });
                lists.push(ListJob {
                    base: urls::term(&tax.key, &term.slug),
                    template: "term.html",
                    title: self
                        .words()
                        .fill("term_title", &[("taxonomy", &tax.title), ("term", &self.label(&term.name))]),
                    ids: &term.articles,
                    extra: vec![("taxonomy", taxonomy), ("term", term_view)],
                    feed: tax.key == "tags",
                });
            }
        }
        let pages: Vec<Result<OutputFile, Diagnostic>> = lists
            .par_iter()
            .flat_map_iter(|job| {
                let mut pages = self.paginated(&job.base, job.template, &job.title, job.ids, &job.extra);
                if job.feed {
                    pages.push(self.feed(&format!("{}atom.xml", job.base), &job.title, job.ids));
                }
                pages
            })
            .collect();
        out.extend(pages);
        out
    }

    /// A list split into pages: `base`, `base/page/2/`, ...
    fn paginated(
        &self,
        base: &str,
        template: &str,
        title: &str,
        ids: &[usize],
        extra: &[(&str, serde_json::Value)],
    ) -> Vec<Result<OutputFile, Diagnostic>> {
        let per = self.site.config.paginate;
        let total = ids.len().div_ceil(per).max(1);
        let page_path = |n: usize| urls::list_page(base, n);
        (1..=total)
            .map(|n| {
                let path = page_path(n);
                let chunk = ids.iter().skip((n - 1) * per).take(per).copied().collect::<Vec<_>>();
                let key = (
                    "list",
                    template,
                    title,
                    n,
                    total,
                    ids.len(),
                    extra,
                    chunk.iter().map(|&i| self.list_keys[i]).collect::<Vec<_>>(),
                );
                self.memo(&format!("{path}index.html"), template, hash_of(&key), || {
                    let root = root_for(&path);
                    let link = |m: usize| format!("{root}{}", encode_path(&page_path(m)));
                    let paginator = Paginator {
                        current: n,
                        total,
                        prev: (n > 1).then(|| link(n - 1)),
                        next: (n < total).then(|| link(n + 1)),
                        pages: (1..=total).map(|m| PageLink { number: m, url: link(m), current: m == n }).collect(),
                    };
                    let shown_title = if n == 1 {
                        title.to_string()
                    } else {
                        self.words().fill("title_page", &[("title", title), ("n", &n.to_string())])
                    };
                    let mut ctx = self.context(&path, &shown_title);
                    ctx.insert("list_title", title);
                    ctx.insert("articles", &self.views(&chunk));
                    ctx.insert("total_count", &ids.len());
                    ctx.insert("paginator", &paginator);
                    for (k, v) in extra {
                        ctx.insert(*k, v);
                    }
                    self.render(template, &ctx, format!("{path}index.html"))
                })
            })
            .collect()
    }

    fn taxonomy(&self, tax: &crate::graph::TaxonomyIndex) -> Result<OutputFile, Diagnostic> {
        let path = urls::list(&tax.key);
        let mut ctx = self.context(&path, &tax.title);
        let terms: Vec<_> = tax
            .terms
            .iter()
            .map(|t| serde_json::json!({"name": self.label(&t.name), "url": encode_path(&urls::term(&tax.key, &t.slug)), "count": t.articles.len(), "description": t.description}))
            .collect();
        ctx.insert("taxonomy", &serde_json::json!({"key": tax.key, "title": tax.title}));
        ctx.insert("terms", &terms);
        self.render("taxonomy.html", &ctx, format!("{path}index.html"))
    }
}
