//! Markdown → HTML with pulldown-cmark and syntect.
//!
//! [`render`] takes a body and returns a [`Rendered`] value: the HTML, the
//! table of contents, the plain text (for reading time and search) and the
//! links found. Headings get ids that keep Chinese text; code blocks are
//! highlighted into CSS classes (see [`highlight`]).

pub mod highlight;

use std::collections::HashSet;

use pulldown_cmark::{
    html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use serde::Serialize;

use crate::slug::{encode_fragment, slugify, unique, SlugMode};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    /// Percent-encoded id for an href.
    pub href: String,
    pub title: String,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Text without markup, paragraphs separated by newlines.
    pub text: String,
    /// Links and images in order of appearance, with their place in the body.
    pub links: Vec<LinkRef>,
    /// Headings whose id had to be changed because an earlier heading has it.
    pub duplicate_headings: Vec<LinkRef>,
}

/// A place in the body: `dest` is a link's destination or a heading's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub dest: String,
    /// 1-based line within the body.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
    pub is_image: bool,
}

/// A heading being read: its events are held until its end, when its id is known.
struct OpenHeading<'a> {
    level: HeadingLevel,
    explicit: Option<String>,
    inner: Vec<Event<'a>>,
    text: String,
    start: usize,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders one article body.
pub fn render(markdown: &str, slug_mode: SlugMode) -> Rendered {
    let mut out = Rendered::default();
    let mut ids: HashSet<String> = HashSet::new();
    let mut events: Vec<Event> = Vec::new();

    let mut heading: Option<OpenHeading> = None;
    let lines = LineIndex::new(markdown);
    let mut code: Option<(String, String)> = None;

    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if let Some((lang, buf)) = code.as_mut() {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    out.text.push_str(buf);
                    out.text.push('\n');
                    let html = highlight::code_block(buf, lang);
                    events.push(Event::Html(html.into()));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        if let Some(OpenHeading {
            level,
            explicit,
            inner,
            text,
            start,
        }) = heading.as_mut()
        {
            match event {
                Event::End(TagEnd::Heading(_)) => {
                    let base = explicit.clone().unwrap_or_else(|| slugify(text, slug_mode));
                    let id = unique(base.clone(), &mut ids);
                    if id != base {
                        let (line, col) = lines.position(*start);
                        out.duplicate_headings.push(LinkRef {
                            dest: id.clone(),
                            line,
                            col,
                            is_image: false,
                        });
                    }
                    let lvl = *level as u8;
                    let mut inner_html = String::new();
                    html::push_html(&mut inner_html, inner.drain(..));
                    let href = encode_fragment(&id);
                    events.push(Event::Html(
                        format!(
                            "<h{lvl} id=\"{}\">{inner_html}<a class=\"anchor\" href=\"#{href}\" aria-label=\"連結到此標題\">#</a></h{lvl}>\n",
                            escape(&id)
                        )
                        .into(),
                    ));
                    if lvl == 2 || lvl == 3 {
                        out.toc.push(TocEntry {
                            level: lvl,
                            id,
                            href,
                            title: text.trim().to_string(),
                        });
                    }
                    out.text.push_str(text);
                    out.text.push('\n');
                    heading = None;
                }
                Event::Text(ref t) | Event::Code(ref t) => {
                    text.push_str(t);
                    inner.push(event);
                }
                other => inner.push(other),
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some(OpenHeading {
                    level,
                    explicit: id.map(|i| i.to_string()),
                    inner: Vec::new(),
                    text: String::new(),
                    start: range.start,
                });
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Link { ref dest_url, .. })
            | Event::Start(Tag::Image { ref dest_url, .. }) => {
                let (line, col) = lines.position(range.start);
                let is_image = matches!(event, Event::Start(Tag::Image { .. }));
                out.links.push(LinkRef {
                    dest: dest_url.to_string(),
                    line,
                    col,
                    is_image,
                });
                events.push(event);
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                out.text.push_str(t);
                events.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                events.push(event);
            }
            Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Item)
            | Event::End(TagEnd::TableCell) => {
                out.text.push('\n');
                events.push(event);
            }
            Event::Start(Tag::Table(_)) => {
                events.push(Event::Html(CowStr::Borrowed("<div class=\"table-wrap\">")));
                events.push(event);
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html(CowStr::Borrowed("</div>")));
            }
            other => events.push(other),
        }
    }
    html::push_html(&mut out.html, events.into_iter());
    out
}

/// Turns byte offsets into 1-based line and character column.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |t| t.chars().count() + 1);
        (line, col)
    }
}

/// Escapes text for an HTML attribute or element.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Reading time in minutes: Chinese (and other CJK) characters at
/// `chars_per_minute`, words of other scripts at `words_per_minute`; at least 1.
pub fn reading_minutes(text: &str, chars_per_minute: u32, words_per_minute: u32) -> u32 {
    let (cjk, words) = count_chars_and_words(text);
    let minutes = cjk as f64 / chars_per_minute as f64 + words as f64 / words_per_minute as f64;
    (minutes.round() as u32).max(1)
}

/// (CJK characters, words of other scripts) in `text`.
pub fn count_chars_and_words(text: &str) -> (usize, usize) {
    let mut cjk = 0;
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    (cjk, words)
}

pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' | '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_chinese_ids_and_toc() {
        let r = render(
            "## 背景\n\ntext\n\n## 背景\n\n### Root Cause!\n",
            SlugMode::Unicode,
        );
        assert!(
            r.html
                .contains("<h2 id=\"背景\">背景<a class=\"anchor\" href=\"#%E8%83%8C%E6%99%AF\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"背景-2\">"));
        let ids: Vec<_> = r.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["背景", "背景-2", "root-cause"]);
        assert_eq!(
            r.duplicate_headings,
            vec![LinkRef {
                dest: "背景-2".into(),
                line: 5,
                col: 1,
                is_image: false
            }]
        );
    }

    #[test]
    fn links_are_found_with_their_place() {
        let r = render(
            "# T\n\n見 [退貨](../cases/退貨.md#例外) 與 ![圖](a.png)\n",
            SlugMode::Unicode,
        );
        let found: Vec<_> = r
            .links
            .iter()
            .map(|l| (l.dest.as_str(), l.line, l.col, l.is_image))
            .collect();
        assert_eq!(
            found,
            [
                ("../cases/退貨.md#例外", 3, 3, false),
                ("a.png", 3, 29, true)
            ]
        );
    }

    #[test]
    fn tables_footnotes_tasks() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\nNote[^1].\n\n[^1]: 註解\n",
            SlugMode::Unicode,
        );
        assert!(r.html.contains("<div class=\"table-wrap\"><table>"));
        assert!(r.html.contains("type=\"checkbox\""));
        assert!(r.html.contains("footnote-definition"));
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = render("```yaml\nkey: value\n```\n", SlugMode::Unicode);
        assert!(
            r.html
                .contains("<pre class=\"code hl-code\" data-lang=\"yaml\"><code>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("class=\"hl-"));
        assert!(r.text.contains("key: value"));
    }

    #[test]
    fn reading_time_follows_the_house_convention() {
        // 1,280 characters are announced as about 4 minutes.
        let text: String = "字".repeat(1280);
        assert_eq!(reading_minutes(&text, 325, 220), 4);
        assert_eq!(reading_minutes("short", 325, 220), 1);
        assert_eq!(count_chars_and_words("退貨 policy for ORD38 訂單"), (4, 3));
    }
}
