//! The interface's words in templates: the function `t` and the filter
//! `day`, registered on the theme's Tera with the journal's language and
//! own words ([`crate::config::i18n`]).
//!
//! `{{ t(k="reading_time", n=article.reading_minutes) }}` gives
//! `約 4 分鐘讀完`, `约 4 分钟读完` or `About 4 min read`: `n` also picks
//! the form for a count of 1 (`articles.one`), and every other argument
//! fills its `{name}`. The words and the values are escaped here, but for
//! an argument named `html_name`, which the template writes as HTML (a
//! link) and which fills `{name}`.
//! `t(k="change_request", n=12)` is the forge's word: 拉取請求 #12 or
//! 合併請求 !12, from `repo_url`.
//!
//! `{{ article.date | day }}` writes a `2026-11-22` day in the language's
//! form (`date_format`: unchanged in Chinese, `22 Nov 2026` in English).

use std::collections::{BTreeMap, HashMap};

use tera::{Tera, Value};

use crate::config::{i18n, Config, Lang};
use crate::markdown;

/// What the words of a theme depend on, for the key of its compiled templates.
pub fn key(config: &Config) -> u64 {
    crate::keys::hash_value(&(config.lang(), &config.strings, config.change_request_key()))
}

/// Registers `t` and `day` with the journal's words.
pub fn register(tera: &mut Tera, config: &Config) {
    let words = Words { lang: config.lang(), own: config.strings.clone(), change_request: config.change_request_key() };
    let format = words.strings().get("date_format").to_string();
    tera.register_function("t", words);
    tera.register_filter("day", move |value: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(day(value, &format)))
    });
}

struct Words {
    lang: Lang,
    own: BTreeMap<String, String>,
    change_request: &'static str,
}

impl Words {
    fn strings(&self) -> i18n::Strings<'_> {
        i18n::Strings { lang: self.lang, own: &self.own }
    }
}

impl tera::Function for Words {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = match args.get("k") {
            Some(Value::String(k)) => k.as_str(),
            _ => return Err(tera::Error::msg("`t` needs the key of a word: t(k=\"reading_time\")")),
        };
        let key = if key == "change_request" { self.change_request } else { key };
        let n = args.get("n").and_then(Value::as_i64);
        let strings = self.strings();
        let Some(text) = (match n {
            Some(n) => strings.counted(key, n),
            None => strings.find(key),
        }) else {
            return Err(tera::Error::msg(format!("there is no word `{key}` for t(); see the keys in the README")));
        };
        let values: Vec<(String, String)> = args
            .iter()
            .filter(|(name, _)| name.as_str() != "k")
            .map(|(name, v)| {
                let shown = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                match name.strip_prefix("html_") {
                    Some(name) => (name.to_string(), shown),
                    None => (name.clone(), markdown::escape(&shown)),
                }
            })
            .collect();
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        Ok(Value::String(i18n::fill(&markdown::escape(text), &pairs)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// A `2026-11-22` day in `format`; anything else, or a format chrono does
/// not know, as it is.
fn day(value: &Value, format: &str) -> String {
    let text = match value {
        Value::String(s) => s.as_str(),
        _ => return value.to_string(),
    };
    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => day_of(date, format),
        Err(_) => text.to_string(),
    }
}

/// `date` in `format`, or as `2026-11-02` when chrono does not know the format.
pub(crate) fn day_of(date: chrono::NaiveDate, format: &str) -> String {
    let mut out = String::new();
    match std::fmt::Write::write_fmt(&mut out, format_args!("{}", date.format(format))) {
        Ok(()) => out,
        Err(_) => date.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(yaml: &str, template: &str, ctx: &tera::Context) -> String {
        let (config, d) = crate::config::parse(yaml, std::path::Path::new("casebook.yaml"));
        assert!(d.is_empty(), "{d:?}");
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.add_raw_template("t.html", template).unwrap();
        register(&mut tera, &config);
        tera.render("t.html", ctx).unwrap()
    }

    #[test]
    fn words_in_each_language_with_counts_and_escaped_values() {
        let mut ctx = tera::Context::new();
        ctx.insert("q", "<b>退貨</b>");
        let t = r#"{{ t(k="reading_time", n=4) }}|{{ t(k="articles", n=1) }}|{{ t(k="search_none", q=q) }}|{{ "2026-11-02" | day }}"#;
        assert_eq!(render("", t, &ctx), "約 4 分鐘讀完|1 篇|沒有找到符合「&lt;b&gt;退貨&lt;/b&gt;」的文章|2026-11-02");
        assert_eq!(
            render("language: zh-CN", t, &ctx),
            "约 4 分钟读完|1 篇|没有找到符合“&lt;b&gt;退貨&lt;/b&gt;”的文章|2026-11-02"
        );
        assert_eq!(
            render("language: en", t, &ctx),
            "About 4 min read|1 article|No articles match “&lt;b&gt;退貨&lt;/b&gt;”|2 Nov 2026"
        );
        let own = "language: en\nstrings:\n  reading_time: \"{n} minutes\"\n  date_format: \"%B %-d, %Y\"\n";
        assert!(render(own, t, &ctx).starts_with("4 minutes|"));
        assert!(render(own, t, &ctx).ends_with("|November 2, 2026"));
        // A format chrono does not know leaves the day as it is.
        assert!(render("strings: {date_format: \"%Q\"}", t, &ctx).ends_with("|2026-11-02"));
    }

    #[test]
    fn the_forge_names_its_requests() {
        let ctx = tera::Context::new();
        let t = r#"{{ t(k="change_request", n=12) }}"#;
        assert_eq!(render("repo_url: https://github.com/a/b", t, &ctx), "拉取請求 #12");
        assert_eq!(render("repo_url: https://gitlab.com/a/b", t, &ctx), "合併請求 !12");
        assert_eq!(render("repo_url: https://gitlab.com/a/b\nlanguage: zh-Hans", t, &ctx), "合并请求 !12");
        assert_eq!(render("repo_url: https://gitea.example/a/b\nlanguage: en", t, &ctx), "Pull request #12");
    }
}
