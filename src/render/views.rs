//! The values templates see: the site's navigation and each article's view
//! (title, address, dates, authors, terms, fields, history, picks), made once
//! per build and shared by every page that shows the article.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Renderer;
use crate::config::Kind;
use crate::markdown;
use crate::urls::{self, encode_path};

#[derive(Serialize, Clone)]
pub(crate) struct SiteView {
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) language: String,
    pub(crate) base_url: String,
    pub(crate) sections: Vec<NavLink>,
    pub(crate) taxonomies: Vec<NavLink>,
    pub(crate) drafts: bool,
    pub(crate) has_series: bool,
}

#[derive(Serialize, Clone)]
pub(crate) struct NavLink {
    pub(crate) name: String,
    pub(crate) title: String,
    /// Site path, percent-encoded, to be prefixed with `root`.
    pub(crate) url: String,
    pub(crate) count: usize,
}

#[derive(Serialize, Clone)]
pub(crate) struct LinkView {
    pub(crate) name: String,
    pub(crate) url: Option<String>,
}

#[derive(Serialize, Clone)]
pub(crate) struct FieldView {
    pub(crate) key: String,
    pub(crate) label: String,
    pub(crate) value: String,
    pub(crate) url: Option<String>,
}

#[derive(Serialize, Clone)]
pub(crate) struct AuthorView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) team: Option<String>,
    pub(crate) url: String,
}

#[derive(Serialize, Clone)]
pub struct ArticleView {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) date: String,
    /// The date in the language's form (`date_format`), for search results.
    pub(crate) day: String,
    pub(crate) date_iso: String,
    pub(crate) updated: Option<String>,
    pub(crate) updated_iso: Option<String>,
    pub(crate) kind: Kind,
    pub(crate) kind_label: String,
    pub(crate) section: String,
    pub(crate) section_title: String,
    pub(crate) section_url: String,
    pub(crate) authors: Vec<AuthorView>,
    pub(crate) tags: Vec<LinkView>,
    pub(crate) competencies: Vec<LinkView>,
    pub(crate) summary: String,
    pub(crate) reading_minutes: u32,
    pub(crate) characters: usize,
    pub(crate) fields: Vec<FieldView>,
    pub(crate) series: Option<String>,
    pub(crate) series_order: Option<i64>,
    pub(crate) series_url: Option<String>,
    pub(crate) response_count: usize,
    /// The language of the article's text: `lang:` or guessed from it.
    pub(crate) lang: String,
    /// Editors' picks of this article: period and award.
    pub(crate) featured: Vec<serde_json::Value>,
    /// From git: revisions, pull requests, reviewers (null outside git).
    pub(crate) history: Option<serde_json::Value>,
    /// Changed since the last commit (shown in preview builds only).
    pub(crate) uncommitted: bool,
    pub(crate) draft: bool,
    pub(crate) extra: BTreeMap<String, serde_json::Value>,
}

/// What the browse page shows of each article: the fields that come from
/// the front matter, not from the text (no summary, reading time or
/// history), so that editing an article's text leaves that page, which
/// lists every article, as it was.
#[derive(Serialize)]
pub(crate) struct BrowseView<'v> {
    pub(crate) title: &'v str,
    pub(crate) url: &'v str,
    pub(crate) date: &'v str,
    pub(crate) date_iso: &'v str,
    pub(crate) updated: &'v Option<String>,
    pub(crate) kind: Kind,
    pub(crate) kind_label: &'v str,
    pub(crate) section: &'v str,
    pub(crate) section_title: &'v str,
    pub(crate) section_url: &'v str,
    pub(crate) authors: &'v [AuthorView],
    pub(crate) tags: &'v [LinkView],
    pub(crate) competencies: &'v [LinkView],
    pub(crate) fields: &'v [FieldView],
    pub(crate) series: &'v Option<String>,
    pub(crate) series_url: &'v Option<String>,
    pub(crate) featured: &'v [serde_json::Value],
    pub(crate) draft: bool,
    pub(crate) extra: &'v BTreeMap<String, serde_json::Value>,
}

impl<'v> BrowseView<'v> {
    pub(crate) fn of(v: &'v ArticleView) -> Self {
        BrowseView {
            title: &v.title,
            url: &v.url,
            date: &v.date,
            date_iso: &v.date_iso,
            updated: &v.updated,
            kind: v.kind,
            kind_label: &v.kind_label,
            section: &v.section,
            section_title: &v.section_title,
            section_url: &v.section_url,
            authors: &v.authors,
            tags: &v.tags,
            competencies: &v.competencies,
            fields: &v.fields,
            series: &v.series,
            series_url: &v.series_url,
            featured: &v.featured,
            draft: v.draft,
            extra: &v.extra,
        }
    }
}

#[derive(Serialize)]
pub(crate) struct Paginator {
    pub(crate) current: usize,
    pub(crate) total: usize,
    pub(crate) prev: Option<String>,
    pub(crate) next: Option<String>,
    pub(crate) pages: Vec<PageLink>,
}

#[derive(Serialize)]
pub(crate) struct PageLink {
    pub(crate) number: usize,
    pub(crate) url: String,
    pub(crate) current: bool,
}

impl Renderer<'_> {
    /// Whether article `i` changed since the last commit (previews only).
    pub(crate) fn uncommitted(&self, i: usize) -> bool {
        let source = &self.site.content.articles[i].source;
        self.site.drafts && self.site.uncommitted.is_some_and(|u| u.contains(&crate::diagnostics::display_path(source)))
    }

    pub(crate) fn label(&self, value: &str) -> String {
        self.site.config.labels.get(value).cloned().unwrap_or_else(|| value.to_string())
    }

    pub(crate) fn term_url(&self, i: usize, key: &str, name: &str) -> Option<String> {
        let slugs = self.site.graph.term_slugs[i].get(key)?;
        let key_of = crate::graph::term_key(name);
        slugs.iter().find(|(n, _)| crate::graph::term_key(n) == key_of).map(|(_, s)| encode_path(&urls::term(key, s)))
    }

    pub(crate) fn article_view(&self, i: usize) -> ArticleView {
        let a = &self.site.content.articles[i];
        let f = &a.front;
        let config = self.site.config;
        let rendered = &self.site.rendered[i];
        let links = |key: &str, values: &[String]| -> Vec<LinkView> {
            values.iter().map(|v| LinkView { name: self.label(v), url: self.term_url(i, key, v) }).collect()
        };
        let mut fields = Vec::new();
        let mut field = |key: &str, value: &Option<String>| {
            if let Some(v) = value {
                fields.push(FieldView {
                    key: key.to_string(),
                    label: self.label(key),
                    value: self.label(v),
                    url: self.term_url(i, key, v),
                });
            }
        };
        field("channel", &f.channel);
        field("product", &f.product);
        field("priority", &f.priority);
        field("outcome", &f.outcome);
        if let Some(s) = f.satisfaction {
            let stars = format!("{}{} {s}/5", "★".repeat(s as usize), "☆".repeat(5 - s as usize));
            fields.push(FieldView {
                key: "satisfaction".into(),
                label: self.label("satisfaction"),
                value: stars,
                url: None,
            });
        }
        let summary = f.summary.clone().unwrap_or_else(|| rendered.facts.excerpt.clone());
        let (chars, words) = (rendered.facts.cjk, rendered.facts.words);
        ArticleView {
            title: f.title.clone(),
            url: encode_path(&a.path),
            date: a.date.format("%Y-%m-%d").to_string(),
            day: super::words::day_of(a.date.date_naive(), config.strings().get("date_format")),
            date_iso: a.date.to_rfc3339(),
            updated: f.updated.map(|d| d.format("%Y-%m-%d").to_string()),
            updated_iso: f.updated.map(|d| d.to_rfc3339()),
            kind: a.kind,
            kind_label: self.label(match a.kind {
                Kind::Case => "case",
                Kind::Essay => "essay",
                Kind::Response => "response",
            }),
            section: a.section.clone(),
            section_title: config.section(&a.section).title,
            section_url: encode_path(&urls::list(&a.section)),
            authors: self.site.graph.article_authors[i]
                .iter()
                .map(|au| AuthorView {
                    id: au.id.clone(),
                    name: au.name.clone(),
                    team: au.team.clone(),
                    url: encode_path(&urls::author(&au.id)),
                })
                .collect(),
            tags: links("tags", &f.tags),
            competencies: links("competencies", &f.competencies),
            summary,
            reading_minutes: markdown::minutes_for(chars, words, config.chars_per_minute, config.words_per_minute),
            characters: chars + words,
            fields,
            series: self.site.graph.series_of[i].map(|(s, _)| self.site.graph.series[s].name.clone()),
            series_order: f.series_order,
            series_url: self.site.graph.series_of[i].map(|(s, _)| encode_path(&urls::series(&self.site.graph.series[s].slug))),
            response_count: self.site.graph.responses[i].len(),
            lang: f.lang.clone().unwrap_or_else(|| rendered.facts.language(&config.language)),
            history: self.history_view(i),
            uncommitted: self.uncommitted(i),
            featured: self.site.graph.picks_of[i]
                .iter()
                .map(|&n| {
                    let p = &self.site.graph.picks[n];
                    serde_json::json!({"period": p.period, "award": p.award.as_ref().map(|a| a.describe()), "reason": p.reason})
                })
                .collect(),
            draft: f.draft,
            extra: f.extra.clone(),
        }
    }

    /// Git history of article `i`, for templates.
    pub(crate) fn history_view(&self, i: usize) -> Option<serde_json::Value> {
        let a = &self.site.content.articles[i];
        let path = crate::diagnostics::display_path(&a.source);
        let h = self.site.history?.files.get(&path)?;
        let config = self.site.config;
        let links = |hash: &str, pr: u32| config.repo_links(hash, &path, pr);
        // Shown as the day it was where the journal is (`timezone`).
        let day = |d: &chrono::DateTime<chrono::FixedOffset>| {
            d.with_timezone(&config.timezone).format("%Y-%m-%d").to_string()
        };
        let revisions: Vec<_> = h
            .commits
            .iter()
            .map(|c| {
                serde_json::json!({
                    "hash": &c.hash[..c.hash.len().min(8)],
                    "date": day(&c.date),
                    "author": c.author,
                    "subject": c.subject,
                    "url": links(&c.hash, 0).map(|l| l.0),
                })
            })
            .collect();
        let prs: Vec<_> = h
            .pull_requests
            .iter()
            .map(|&n| serde_json::json!({"number": n, "url": links("", n).map(|l| l.2)}))
            .collect();
        Some(serde_json::json!({
            "created": h.created().map(|c| serde_json::json!({"date": day(&c.date), "author": c.author})),
            "updated": h.updated().map(|c| serde_json::json!({"date": day(&c.date), "author": c.author})),
            "revisions": revisions,
            "pull_requests": prs,
            "reviewers": crate::graph::reviewers::names(self.site.history?, &h.reviewers, self.site.authors),
            "co_authors": crate::graph::reviewers::names(self.site.history?, &h.co_authors, self.site.authors),
            "file_history_url": links("", 0).map(|l| l.1),
        }))
    }

    pub(crate) fn pick_view(&self, p: &crate::graph::featured::Pick) -> serde_json::Value {
        serde_json::json!({
            "period": p.period,
            "article": self.articles[p.article],
            "reason": p.reason,
            "award": p.award.as_ref().map(|a| a.describe()),
            "shares": self.shares_text(p),
            "editor": p.editor.as_ref().map(|e| serde_json::json!({"name": e.name, "url": encode_path(&urls::author(&e.id))})),
        })
    }

    /// Who gets what of a money award shared by several authors:
    /// `陳美玲 250 TWD、林志偉 250 TWD` (`None` for one author or a prize).
    fn shares_text(&self, p: &crate::graph::featured::Pick) -> Option<String> {
        let Some(crate::content::featured::Award::Amount(money)) = &p.award else { return None };
        let people = &self.site.graph.article_authors[p.article];
        if people.len() < 2 {
            return None;
        }
        let words = self.site.config.strings();
        let shares = crate::graph::featured::shares(money, people.len());
        let each: Vec<String> = people
            .iter()
            .zip(shares)
            .map(|(a, m)| {
                crate::config::i18n::fill(words.get("award_share"), &[("name", &a.name), ("amount", &m.to_string())])
            })
            .collect();
        Some(each.join(words.get("list_sep")))
    }
}
