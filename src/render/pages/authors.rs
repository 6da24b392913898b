//! The authors list and each author's page, with their picks, awards and
//! reviews.

use crate::config::Kind;
use crate::diagnostics::Diagnostic;
use crate::keys::hash_of;
use crate::render::Renderer;
use crate::site_file::OutputFile;
use crate::urls::{self, encode_path};

impl Renderer<'_> {
    pub(crate) fn authors(&self) -> Result<OutputFile, Diagnostic> {
        let mut ctx = self.context("authors/", self.words().get("nav_authors"));
        let list: Vec<_> = self
            .site
            .graph
            .authors
            .iter()
            .map(|a| serde_json::json!({"id": a.author.id, "name": a.author.name, "team": a.author.team, "url": encode_path(&urls::author(&a.author.id)), "count": a.articles.len()}))
            .collect();
        ctx.insert("authors", &list);
        self.render("authors.html", &ctx, "authors/index.html".into())
    }

    pub(crate) fn author(&self, a: &crate::graph::AuthorIndex) -> Result<OutputFile, Diagnostic> {
        let picks: Vec<serde_json::Value> = self
            .site
            .graph
            .picks
            .iter()
            .filter(|p| a.articles.contains(&p.article))
            .map(|p| self.pick_view(p))
            .collect();
        let reviews = self.site.history.map_or(0, |h| crate::graph::reviewers::count(h, self.site.authors, &a.author));
        let key =
            ("author", &a.author, a.articles.iter().map(|&i| self.list_keys[i]).collect::<Vec<_>>(), picks, reviews);
        self.memo(&format!("{}index.html", urls::author(&a.author.id)), "author.html", hash_of(&key), || {
            self.author_now(a)
        })
    }

    pub(crate) fn author_now(&self, a: &crate::graph::AuthorIndex) -> Result<OutputFile, Diagnostic> {
        let path = urls::author(&a.author.id);
        let mut ctx = self.context(&path, &a.author.name);
        ctx.insert("author", &a.author);
        ctx.insert("articles", &self.views(&a.articles));
        let count = |k: Kind| a.articles.iter().filter(|&&i| self.articles[i].kind == k).count();
        ctx.insert(
            "counts",
            &serde_json::json!({"articles": a.articles.len(), "cases": count(Kind::Case), "essays": count(Kind::Essay), "responses": count(Kind::Response)}),
        );
        let g = self.site.graph;
        let picks: Vec<crate::graph::featured::Pick> =
            g.picks.iter().filter(|p| a.articles.contains(&p.article)).cloned().collect();
        ctx.insert("picks", &picks.iter().map(|p| self.pick_view(p)).collect::<Vec<_>>());
        let from = crate::graph::featured::RowSources {
            articles: &self.site.content.articles,
            authors: self.site.authors,
            history: None,
        };
        let rows = crate::graph::featured::reward_rows(&picks, &from, |i| self.articles[i].url.clone());
        let mine = crate::graph::featured::totals_by(&rows, |r| &r.author).remove(&a.author.id).unwrap_or_default();
        let money: Vec<String> = mine.amounts().iter().map(ToString::to_string).collect();
        let prizes = mine.prizes;
        ctx.insert("awards", &serde_json::json!({"money": money, "prizes": prizes}));
        // Reviews from git trailers, under any name or address of the author's.
        let reviews = self.site.history.map_or(0, |h| crate::graph::reviewers::count(h, self.site.authors, &a.author));
        ctx.insert("reviews", &reviews);
        self.render("author.html", &ctx, format!("{path}index.html"))
    }
}
