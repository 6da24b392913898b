//! Markdown → HTML with pulldown-cmark and syntect.
//!
//! [`render`] takes a body and returns a [`Rendered`] value: the HTML, the
//! table of contents, the plain text (for reading time and search) and the
//! links found. Headings get ids that keep Chinese text; code blocks are
//! highlighted into CSS classes (see [`highlight`]). Unless the journal
//! allows raw HTML, the result is cleaned by [`sanitize`] and what was
//! removed is noted at its line. Addresses in raw HTML (`<a href>`,
//! `<img src>`) are resolved like Markdown links ([`raw_links`]); what
//! other tools' Markdown writes (GitHub alerts, math, an unclosed fence) is
//! read as its writer meant ([`forgiving`]). Bold and italics next to
//! Chinese punctuation (`**拆封不等於不能退。**下次`) follow the CJK-friendly
//! amendment to CommonMark (`cjk.rs`).
//!
//! Rendering is two passes over pulldown-cmark's events: `links.rs` resolves
//! and records links (Markdown and raw HTML) and notes mistakes, then
//! [`render`]'s second pass, in this file, makes the HTML and the text.
//! `text.rs` counts what lists and pages show about the text ([`TextFacts`],
//! reading time).

mod cjk;
pub mod forgiving;
pub mod highlight;
mod html_text;
mod links;
pub mod raw_links;
pub mod sanitize;
pub mod svg;
mod text;

use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::config::RawHtml;
use crate::diagnostics::{LinkProblem, Problem};
use crate::urls::{encode_fragment, slugify, SlugMode, UniqueNames};
pub use text::{count_chars_and_words, excerpt, minutes_for, TextFacts};

#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq, Hash)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    /// Percent-encoded id for an href.
    pub href: String,
    pub title: String,
    /// 1-based line of the heading in the body (for messages, not shown).
    #[serde(skip)]
    pub line: usize,
}

#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Text without markup, paragraphs separated by newlines (shared with
    /// the search index's document).
    pub text: std::sync::Arc<str>,
    /// What search indexes: `text` with the visible words of raw HTML
    /// (table cells, `details`, image `alt`) in their place; the same
    /// string as `text` when there are none.
    pub search_text: std::sync::Arc<str>,
    /// Links and images in order of appearance, with their place in the body.
    pub links: Vec<LinkRef>,
    /// Links the resolver could not resolve, with its reason.
    pub broken: Vec<(LinkRef, LinkProblem)>,
    /// Headings whose id had to be changed because an earlier heading has it.
    pub duplicate_headings: Vec<LinkRef>,
    /// Probable mistakes in the Markdown: (line, column, what to change).
    pub notes: Vec<(usize, usize, Problem)>,
    /// Raw HTML and addresses left out of the page: (line, column, what and why).
    pub removed: Vec<(usize, usize, Problem)>,
    /// Counts over `text`, made once here so pages and lists need not scan it.
    pub facts: TextFacts,
    /// A hash of `html`, for the keys of the pages that show it.
    pub html_key: u64,
    /// A hash of `text`, for what is computed from the text (related articles).
    pub text_key: u64,
    /// Where math (`$…$`, `$$…$$`, shown as written) first appears: (line,
    /// column). The build says so once, at the first article that has it.
    pub math: Option<(usize, usize)>,
}

/// What rendering an article needs besides its body and its links.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    pub slug_mode: SlugMode,
    pub raw_html: RawHtml,
    /// The site's language (`zh-Hant`, `en`): the words of admonition titles.
    pub language: &'a str,
    /// The article's title: a `#` heading that repeats it is not listed in
    /// the table of contents (other `#` headings are).
    pub title: &'a str,
}

impl<'a> Settings<'a> {
    /// The journal's settings for an article titled `title`.
    pub fn new(config: &'a crate::config::Config, title: &'a str) -> Self {
        Settings { slug_mode: config.slugify, raw_html: config.raw_html, language: &config.language, title }
    }

    /// The language of the words the rendered HTML adds (heading links,
    /// admonition titles): the site's.
    pub fn lang(&self) -> crate::config::Lang {
        crate::config::Lang::from_code(self.language).unwrap_or_default()
    }
}

/// A place in the body: `dest` is a link's destination or a heading's id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
pub struct LinkRef {
    pub dest: String,
    /// 1-based line within the body.
    pub line: usize,
    /// 1-based column in characters.
    pub col: usize,
    pub is_image: bool,
    /// The article the link points to, when the resolver knows it.
    pub target: Option<usize>,
    /// The sentence the link stands in, as plain text.
    pub context: String,
}

/// What a link's destination becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedLink {
    pub href: String,
    /// Text to show for a wiki link written without `|text`.
    pub text: Option<String>,
    pub target: Option<usize>,
}

/// Resolves link destinations while rendering. `Ok(None)` leaves a link as
/// written (external links); `Err` reports it as broken, and why.
pub trait LinkResolver: Sync {
    fn resolve(&self, dest: &str, wiki: bool) -> Result<Option<ResolvedLink>, LinkProblem>;
}

/// Leaves every link as written.
pub struct NoLinks;

impl LinkResolver for NoLinks {
    fn resolve(&self, _: &str, _: bool) -> Result<Option<ResolvedLink>, LinkProblem> {
        Ok(None)
    }
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
        | Options::ENABLE_WIKILINKS
        | Options::ENABLE_GFM
        | Options::ENABLE_MATH
}

/// The id of a heading: its `{#id}` if written, else its slug, made unique
/// among `taken`. Shared by [`render`] and [`heading_ids`].
fn heading_id(explicit: Option<&str>, text: &str, mode: SlugMode, taken: &mut UniqueNames) -> (String, bool) {
    let base = explicit.map(str::to_string).unwrap_or_else(|| slugify(text, mode));
    let id = taken.claim_heading(base.clone());
    let changed = id != base;
    (id, changed)
}

/// The ids every heading of `markdown` gets, without rendering it: used to
/// check links to headings before the linking article is rendered.
pub fn heading_ids(markdown: &str, mode: SlugMode) -> Vec<String> {
    let mut taken = UniqueNames::default();
    let mut out = Vec::new();
    let mut current: Option<(Option<String>, String)> = None;
    let stand_ins = cjk::prepare(markdown);
    let parsed = stand_ins.as_ref().map_or(markdown, |s| s.text.as_str());
    for event in Parser::new_ext(parsed, options()) {
        let event = match &stand_ins {
            Some(s) => s.restore(event),
            None => event,
        };
        match event {
            Event::Start(Tag::Heading { id, .. }) => current = Some((id.map(|i| i.to_string()), String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::InlineMath(ref t) | Event::DisplayMath(ref t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&forgiving::math_as_written(t, matches!(event, Event::DisplayMath(_))));
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((explicit, text)) = current.take() {
                    out.push(heading_id(explicit.as_deref(), &text, mode, &mut taken).0);
                }
            }
            _ => {}
        }
    }
    out
}

/// Renders one article body, resolving its links with `links`; with
/// [`RawHtml::Clean`] the HTML is cleaned by [`sanitize::clean`].
pub fn render(markdown: &str, settings: &Settings, links: &dyn LinkResolver) -> Rendered {
    let mut out = Rendered::default();
    let lines = LineIndex::new(markdown);
    let clean = settings.raw_html == RawHtml::Clean;
    // Bold next to Chinese punctuation (`**…。**下次`): see `cjk`.
    let stand_ins = cjk::prepare(markdown);
    let events = links::resolve_links(markdown, stand_ins.as_ref(), &lines, links, clean, &mut out);
    let events = limit_nesting(events, &lines, &mut out);
    let mut pass = HtmlPass::new(out, &lines, settings, clean);
    for (event, start) in events {
        pass.event(event, start);
    }
    pass.finish()
}

/// How deep quotes and lists may nest. A writer needs a handful; 50,000
/// `> ` in one line would make the HTML cleaner's work grow with the square
/// of the depth (minutes for one article).
pub const MAX_NESTING: usize = 100;

/// Leaves out the starts and ends of quotes and lists nested deeper than
/// [`MAX_NESTING`] (with their items; what they hold stays, at that depth),
/// with a note at the first place it happens.
fn limit_nesting<'a>(
    events: Vec<(Event<'a>, usize)>,
    lines: &LineIndex,
    out: &mut Rendered,
) -> Vec<(Event<'a>, usize)> {
    // For each open quote, list and item: whether it is left out.
    let mut open: Vec<bool> = Vec::new();
    let mut depth = 0usize;
    let mut noted = false;
    let mut kept = Vec::with_capacity(events.len());
    for (event, start) in events {
        let keep = match &event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => {
                depth += 1;
                let drop = depth > MAX_NESTING;
                if drop && !noted {
                    noted = true;
                    let (line, col) = lines.position(start);
                    out.notes.push((line, col, Problem::NestedTooDeep { limit: MAX_NESTING }));
                }
                open.push(drop);
                !drop
            }
            Event::Start(Tag::Item) => {
                let drop = open.last().copied().unwrap_or(false);
                open.push(drop);
                !drop
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                !open.pop().unwrap_or(false)
            }
            Event::End(TagEnd::Item) => !open.pop().unwrap_or(false),
            _ => true,
        };
        if keep {
            kept.push((event, start));
        }
    }
    kept
}

/// The second pass of [`render`]: the events of the first, with their byte
/// offsets, become HTML events and plain text. Headings, code blocks and
/// raw HTML blocks are held until their end, when what they become is known.
struct HtmlPass<'a, 'l> {
    out: Rendered,
    lines: &'l LineIndex<'l>,
    settings: &'l Settings<'l>,
    /// The article's title, folded: a `#` heading equal to it is not listed.
    title: String,
    clean: bool,
    /// The plain text so far.
    text: String,
    ids: UniqueNames,
    html_events: Vec<Event<'a>>,
    heading: Option<OpenHeading<'a>>,
    /// A code block being read: its language and text.
    code: Option<(String, String)>,
    /// A raw HTML block being read (cleaning only): its text and where it starts.
    html_block: Option<(String, Option<usize>)>,
    /// An element removed with its content opened by inline HTML (`text
    /// <script>…</script>`): what it holds is left out, up to its end tag or
    /// the end of its paragraph, where it is closed.
    inline_dropped: Option<String>,
    /// The raw HTML block being read (raw HTML allowed).
    raw_block: String,
    /// The visible words of raw HTML, with where in `text` they go.
    html_words: Vec<(usize, String)>,
}

impl<'a, 'l> HtmlPass<'a, 'l> {
    fn new(out: Rendered, lines: &'l LineIndex<'l>, settings: &'l Settings<'l>, clean: bool) -> Self {
        HtmlPass {
            out,
            lines,
            settings,
            title: crate::fold::fold(settings.title.trim()),
            clean,
            text: String::new(),
            ids: UniqueNames::default(),
            html_events: Vec::new(),
            heading: None,
            code: None,
            html_block: None,
            inline_dropped: None,
            raw_block: String::new(),
            html_words: Vec::new(),
        }
    }

    /// One event starting at byte `start`.
    fn event(&mut self, event: Event<'a>, start: usize) {
        if self.dropped(&event) {
            return;
        }
        if self.code.is_some() {
            self.in_code(event);
        } else if self.heading.is_some() {
            self.in_heading(event, start);
        } else {
            self.outside(event, start);
        }
    }

    /// Whether `event` is inside an element removed with its content, and
    /// so left out; the element is closed at its end tag or at the first
    /// event that is not inline text.
    fn dropped(&mut self, event: &Event<'a>) -> bool {
        let Some(name) = self.inline_dropped.as_deref() else {
            return false;
        };
        let close = Event::InlineHtml(format!("</{name}>").into());
        match event {
            Event::InlineHtml(t) => {
                if t.to_ascii_lowercase().contains(&format!("</{name}")) {
                    self.html_events.push(close);
                    self.inline_dropped = None;
                }
                true
            }
            Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => true,
            _ => {
                self.html_events.push(close);
                self.inline_dropped = None;
                false
            }
        }
    }

    /// An event inside a code block: its text is kept, and the block is
    /// highlighted at its end.
    fn in_code(&mut self, event: Event<'a>) {
        let Some((lang, buf)) = self.code.as_mut() else {
            return;
        };
        match event {
            Event::Text(t) => buf.push_str(&t),
            Event::End(TagEnd::CodeBlock) => {
                self.text.push_str(buf);
                self.text.push('\n');
                self.html_events.push(Event::Html(highlight::code_block(buf, lang).into()));
                self.code = None;
            }
            _ => {}
        }
    }

    /// An event inside a heading: held until the heading's end.
    fn in_heading(&mut self, event: Event<'a>, start: usize) {
        let Some(h) = self.heading.as_mut() else {
            return;
        };
        match event {
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = self.heading.take() {
                    self.close_heading(h);
                }
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                h.text.push_str(t);
                h.inner.push(event);
            }
            Event::InlineHtml(t) if self.clean => {
                h.inner.push(Event::InlineHtml(checked_block(t, start, self.lines, &mut self.out)));
            }
            other => h.inner.push(other),
        }
    }

    /// A heading at its end: its id (noted when an earlier heading had it),
    /// its HTML with an anchor, its entry in the table of contents (levels
    /// 2 and 3, and 1 unless it repeats the title) and its text.
    fn close_heading(&mut self, mut h: OpenHeading<'a>) {
        let (id, changed) = heading_id(h.explicit.as_deref(), &h.text, self.settings.slug_mode, &mut self.ids);
        if changed {
            let (line, col) = self.lines.position(h.start);
            self.out.duplicate_headings.push(LinkRef { dest: id.clone(), line, col, ..Default::default() });
        }
        let lvl = h.level as u8;
        let mut inner_html = String::new();
        html::push_html(&mut inner_html, h.inner.drain(..));
        let href = encode_fragment(&id);
        let label = crate::config::i18n::builtin("heading_link", self.settings.lang()).unwrap_or_default();
        self.html_events.push(Event::Html(
            format!(
                "<h{lvl} id=\"{}\">{inner_html}<a class=\"anchor\" href=\"#{href}\" aria-label=\"{label}\">#</a></h{lvl}>\n",
                escape(&id)
            )
            .into(),
        ));
        let listed = match lvl {
            1 => crate::fold::fold(h.text.trim()) != self.title,
            2 | 3 => true,
            _ => false,
        };
        if listed {
            let line = self.lines.position(h.start).0;
            self.out.toc.push(TocEntry { level: lvl, id, href, title: h.text.trim().to_string(), line });
        }
        self.text.push_str(&h.text);
        self.text.push('\n');
    }

    /// An event outside headings and code blocks.
    fn outside(&mut self, event: Event<'a>, start: usize) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some(OpenHeading {
                    level,
                    explicit: id.map(|i| i.to_string()),
                    inner: Vec::new(),
                    text: String::new(),
                    start,
                });
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split([' ', ',', '{']).next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                self.text.push_str(t);
                self.html_events.push(event);
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) | Event::End(TagEnd::TableCell) => {
                self.text.push('\n');
                self.html_events.push(event);
            }
            Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::End(TagEnd::HtmlBlock) | Event::InlineHtml(_) => {
                self.raw_html(event, start)
            }
            Event::Start(Tag::Table(_)) => {
                self.html_events.push(Event::Html(CowStr::Borrowed("<div class=\"table-wrap\">")));
                self.html_events.push(event);
            }
            Event::End(TagEnd::Table) => {
                self.html_events.push(event);
                self.html_events.push(Event::Html(CowStr::Borrowed("</div>")));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let opening = forgiving::admonition_start(kind, self.settings.lang());
                self.html_events.push(Event::Html(opening.into()));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                self.html_events.push(Event::Html(CowStr::Borrowed(forgiving::ADMONITION_END)));
            }
            other => self.html_events.push(other),
        }
    }

    /// Raw HTML outside headings: when cleaning, what will be removed is
    /// noted, a block is checked as a whole at its end, and an inline
    /// element removed with its content starts being dropped.
    fn raw_html(&mut self, event: Event<'a>, start: usize) {
        match event {
            Event::Start(Tag::HtmlBlock) if self.clean => {
                self.html_block = Some((String::new(), None));
                self.html_events.push(event);
            }
            Event::Html(t) if self.html_block.is_some() => {
                if let Some((block, at)) = self.html_block.as_mut() {
                    block.push_str(&t);
                    at.get_or_insert(start);
                }
            }
            Event::End(TagEnd::HtmlBlock) if self.clean => {
                if let Some((block, at)) = self.html_block.take() {
                    let at = at.unwrap_or(start);
                    let html = checked_block(block.into(), at, self.lines, &mut self.out);
                    self.note_words(&html);
                    self.html_events.push(Event::Html(html));
                }
                self.html_events.push(event);
            }
            Event::InlineHtml(t) if self.clean => {
                let (html, open) = checked_html(t, start, self.lines, &mut self.out);
                self.note_words(&html);
                self.html_events.push(Event::InlineHtml(html));
                self.inline_dropped = open;
            }
            Event::Html(t) => {
                self.raw_block.push_str(&t);
                self.html_events.push(Event::Html(t));
            }
            Event::End(TagEnd::HtmlBlock) => {
                let block = std::mem::take(&mut self.raw_block);
                self.note_words(&block);
                self.html_events.push(event);
            }
            Event::InlineHtml(t) => {
                self.note_words(&t);
                self.html_events.push(Event::InlineHtml(t));
            }
            other => self.html_events.push(other),
        }
    }

    /// Notes the visible words of a piece of raw HTML where the text is now.
    fn note_words(&mut self, html: &str) {
        let words = html_text::visible_text(html);
        if !words.is_empty() {
            self.html_words.push((self.text.len(), words));
        }
    }

    /// The HTML (cleaned unless raw HTML is allowed), the text and their facts.
    fn finish(self) -> Rendered {
        let HtmlPass { mut out, text, html_events, clean, html_words, .. } = self;
        html::push_html(&mut out.html, html_events.into_iter());
        if clean {
            out.html = sanitize::clean(&out.html);
            out.removed.sort_by_key(|(line, col, _)| (*line, *col));
        }
        out.facts = TextFacts::of(&text);
        out.html_key = crate::keys::hash_value(&out.html);
        out.text_key = crate::keys::hash_value(&text);
        out.text = text.into();
        out.search_text = if html_words.is_empty() { out.text.clone() } else { with_words(&out.text, html_words) };
        out
    }
}

/// `text` with each piece of `words` put in at its byte offset, on a line
/// of its own.
fn with_words(text: &str, words: Vec<(usize, String)>) -> std::sync::Arc<str> {
    let mut out = String::with_capacity(text.len() + words.iter().map(|(_, w)| w.len() + 1).sum::<usize>());
    let mut from = 0;
    for (at, w) in words {
        out.push_str(text.get(from..at).unwrap_or_default());
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&w);
        from = at;
    }
    out.push_str(text.get(from..).unwrap_or_default());
    out.into()
}

/// Notes what cleaning will remove from a piece of raw HTML starting at byte
/// `at`; returns the piece to render and the element removed with its
/// content (`<script>`) that it leaves open, if any.
fn checked_html<'a>(
    html: CowStr<'a>,
    at: usize,
    lines: &LineIndex,
    out: &mut Rendered,
) -> (CowStr<'a>, Option<String>) {
    let report = sanitize::check_fragment(&html);
    let (line, col) = lines.position(at);
    for r in report.removals {
        let col = if r.line == 0 { col + r.col - 1 } else { r.col };
        out.removed.push((line + r.line, col, r.problem));
    }
    if report.swallows_rest {
        (CowStr::Borrowed(""), None)
    } else {
        (html, report.open)
    }
}

/// [`checked_html`] for a piece that stands alone (a block): an element it
/// leaves open is closed right after it, so it takes only itself.
fn checked_block<'a>(html: CowStr<'a>, at: usize, lines: &LineIndex, out: &mut Rendered) -> CowStr<'a> {
    match checked_html(html, at, lines, out) {
        (html, Some(open)) => format!("{html}</{open}>").into(),
        (html, None) => html,
    }
}

/// Turns byte offsets into 1-based line and character column.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last place asked for (byte offset, column): events come in order,
    /// so the next column is counted on from there, not from the line's
    /// start (a 1 MB line of 300,000 `<b>` would otherwise take seconds).
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, starts, last: std::cell::Cell::new((0, 1)) }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let (last, last_col) = self.last.get();
        let (from, col) = if last >= start && last <= offset { (last, last_col) } else { (start, 1) };
        match self.text.get(from..offset) {
            Some(t) => {
                let col = col + t.chars().count();
                self.last.set((offset, col));
                (line, col)
            }
            None => (line, 1),
        }
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

#[cfg(test)]
mod tests;
