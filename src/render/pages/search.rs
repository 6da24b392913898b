//! The search page (the search itself runs in the browser, see
//! [`crate::search`]).

use std::collections::BTreeSet;

use crate::config::values::{Field, VALUES};
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
        let mut author_names: Vec<&str> = self.site.graph.authors.iter().map(|a| a.author.name.as_str()).collect();
        author_names.sort();
        author_names.dedup();
        // Still given by name, for themes written before `filters`.
        ctx.insert("tag_names", &tag_names);
        ctx.insert("author_names", &author_names);
        let mut filters = vec![
            serde_json::json!({"key": "tag", "title": self.words().get("filter_tag"), "names": tag_names}),
            serde_json::json!({"key": "author", "title": self.words().get("filter_author"), "names": author_names}),
        ];
        for key in crate::config::SEARCH_FILTERS {
            filters.push(serde_json::json!({"key": key, "title": self.label(key), "names": self.fact_names(key)}));
        }
        ctx.insert("filters", &filters);
        self.render("search.html", &ctx, "search/index.html".into())
    }

    /// The values of case field `key` that articles have, as pages show
    /// them: built-in values in their own order (urgent before low), then
    /// the others by name.
    fn fact_names(&self, key: &str) -> Vec<String> {
        let used: BTreeSet<&str> = self
            .articles
            .iter()
            .flat_map(|v| match key {
                "competencies" => v.competencies.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
                _ => v.fields.iter().filter(|f| f.key == key).map(|f| f.value.as_str()).collect(),
            })
            .collect();
        let field = match key {
            "channel" => Some(Field::Channel),
            "outcome" => Some(Field::Outcome),
            "priority" => Some(Field::Priority),
            "competencies" => Some(Field::Competency),
            _ => None,
        };
        let builtin: Vec<String> = VALUES
            .iter()
            .filter(|v| Some(v.field) == field)
            .map(|v| self.label(v.key))
            .filter(|label| used.contains(label.as_str()))
            .collect();
        let others: Vec<String> =
            used.into_iter().filter(|n| !builtin.iter().any(|b| b == n)).map(str::to_string).collect();
        let mut names = builtin;
        names.extend(others);
        names.dedup();
        names
    }
}
