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
//! read as its writer meant ([`forgiving`]).

pub mod forgiving;
pub mod highlight;
pub mod raw_links;
pub mod sanitize;
pub mod svg;

use percent_encoding::percent_decode_str;
use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::config::RawHtml;
use crate::diagnostics::{LinkProblem, Problem};
use crate::fold::is_cjk;
use crate::urls::{encode_fragment, slugify, SlugMode, UniqueNames};

#[derive(Debug, Clone, Serialize, PartialEq, Eq, Hash)]
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
    /// Text without markup, paragraphs separated by newlines (shared with
    /// the search index's document).
    pub text: std::sync::Arc<str>,
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

/// What lists and pages show about an article's text.
#[derive(Debug, Clone, Default)]
pub struct TextFacts {
    /// CJK characters and other words, as [`count_chars_and_words`] counts.
    pub cjk: usize,
    pub words: usize,
    /// Characters only Traditional, or only Simplified, Chinese writes.
    pub traditional: usize,
    pub simplified: usize,
    /// The first sentences, about 120 characters.
    pub excerpt: String,
}

impl TextFacts {
    pub fn of(text: &str) -> TextFacts {
        let table = crate::fold::table();
        let simplified_only = crate::fold::simplified_only();
        let (mut traditional, mut simplified) = (0, 0);
        for c in text.chars() {
            if table.contains_key(&c) {
                traditional += 1;
            } else if simplified_only.contains(&c) {
                simplified += 1;
            }
        }
        let (cjk, words) = count_chars_and_words(text);
        TextFacts { cjk, words, traditional, simplified, excerpt: excerpt(text, 120) }
    }

    /// `en`, `zh-Hans`, `zh-Hant` when the text is clearly written so, else `site`.
    pub fn language(&self, site: &str) -> String {
        if self.words > 50 && self.cjk < self.words {
            "en".to_string()
        } else if self.simplified >= 5 && self.simplified > self.traditional * 3 {
            "zh-Hans".to_string()
        } else if self.traditional >= 5 && self.traditional > self.simplified * 3 && site.starts_with("zh") {
            "zh-Hant".to_string()
        } else {
            site.to_string()
        }
    }
}

/// The text's first `n` characters, cut after a sentence when one ends in
/// the second half, else with an ellipsis.
pub fn excerpt(text: &str, n: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        return flat;
    }
    let cut: String = flat.chars().take(n).collect();
    match cut.rfind(['。', '！', '？', '.']) {
        Some(i) if i > cut.len() / 2 => cut[..i + cut[i..].chars().next().map_or(0, char::len_utf8)].to_string(),
        _ => format!("{cut}…"),
    }
}

/// A place in the body: `dest` is a link's destination or a heading's id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
    let id = taken.claim(base.clone());
    let changed = id != base;
    (id, changed)
}

/// The ids every heading of `markdown` gets, without rendering it: used to
/// check links to headings before the linking article is rendered.
pub fn heading_ids(markdown: &str, mode: SlugMode) -> Vec<String> {
    let mut taken = UniqueNames::default();
    let mut out = Vec::new();
    let mut current: Option<(Option<String>, String)> = None;
    for event in Parser::new_ext(markdown, options()) {
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
    let slug_mode = settings.slug_mode;
    let title = crate::fold::fold(settings.title.trim());
    let mut out = Rendered::default();
    let mut text = String::new();
    let lines = LineIndex::new(markdown);
    let clean = settings.raw_html == RawHtml::Clean;
    let events = resolve_links(markdown, &lines, links, clean, &mut out);

    let mut ids = UniqueNames::default();
    let mut html_events: Vec<Event> = Vec::new();
    let mut heading: Option<OpenHeading> = None;
    let mut code: Option<(String, String)> = None;
    // A raw HTML block being read (cleaning only): its text and where it starts.
    let mut html_block: Option<(String, Option<usize>)> = None;
    // An element removed with its content opened by inline HTML (`text
    // <script>…</script>`): what it holds is left out, up to its end tag or
    // the end of its paragraph, where it is closed.
    let mut inline_dropped: Option<String> = None;

    for (event, start) in events {
        if let Some(name) = inline_dropped.as_deref() {
            match &event {
                Event::InlineHtml(t) => {
                    if t.to_ascii_lowercase().contains(&format!("</{name}")) {
                        html_events.push(Event::InlineHtml(format!("</{name}>").into()));
                        inline_dropped = None;
                    }
                    continue;
                }
                Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => continue,
                _ => {
                    html_events.push(Event::InlineHtml(format!("</{name}>").into()));
                    inline_dropped = None;
                }
            }
        }
        if let Some((lang, buf)) = code.as_mut() {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    text.push_str(buf);
                    text.push('\n');
                    html_events.push(Event::Html(highlight::code_block(buf, lang).into()));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        if let Some(h) = heading.as_mut() {
            match event {
                Event::End(TagEnd::Heading(_)) => {
                    let (id, changed) = heading_id(h.explicit.as_deref(), &h.text, slug_mode, &mut ids);
                    if changed {
                        let (line, col) = lines.position(h.start);
                        out.duplicate_headings.push(LinkRef { dest: id.clone(), line, col, ..Default::default() });
                    }
                    let lvl = h.level as u8;
                    let mut inner_html = String::new();
                    html::push_html(&mut inner_html, h.inner.drain(..));
                    let href = encode_fragment(&id);
                    html_events.push(Event::Html(
                        format!(
                            "<h{lvl} id=\"{}\">{inner_html}<a class=\"anchor\" href=\"#{href}\" aria-label=\"連結到此標題\">#</a></h{lvl}>\n",
                            escape(&id)
                        )
                        .into(),
                    ));
                    let listed = match lvl {
                        1 => crate::fold::fold(h.text.trim()) != title,
                        2 | 3 => true,
                        _ => false,
                    };
                    if listed {
                        out.toc.push(TocEntry { level: lvl, id, href, title: h.text.trim().to_string() });
                    }
                    text.push_str(&h.text);
                    text.push('\n');
                    heading = None;
                }
                Event::Text(ref t) | Event::Code(ref t) => {
                    h.text.push_str(t);
                    h.inner.push(event);
                }
                Event::InlineHtml(t) if clean => {
                    h.inner.push(Event::InlineHtml(checked_block(t, start, &lines, &mut out)));
                }
                other => h.inner.push(other),
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
                    start,
                });
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split([' ', ',', '{']).next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                text.push_str(t);
                html_events.push(event);
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) | Event::End(TagEnd::TableCell) => {
                text.push('\n');
                html_events.push(event);
            }
            Event::Start(Tag::HtmlBlock) if clean => {
                html_block = Some((String::new(), None));
                html_events.push(event);
            }
            Event::Html(t) if html_block.is_some() => {
                if let Some((block, at)) = html_block.as_mut() {
                    block.push_str(&t);
                    at.get_or_insert(start);
                }
            }
            Event::End(TagEnd::HtmlBlock) if clean => {
                if let Some((block, at)) = html_block.take() {
                    let at = at.unwrap_or(start);
                    html_events.push(Event::Html(checked_block(block.into(), at, &lines, &mut out)));
                }
                html_events.push(event);
            }
            Event::InlineHtml(t) if clean => {
                let (html, open) = checked_html(t, start, &lines, &mut out);
                html_events.push(Event::InlineHtml(html));
                inline_dropped = open;
            }
            Event::Start(Tag::Table(_)) => {
                html_events.push(Event::Html(CowStr::Borrowed("<div class=\"table-wrap\">")));
                html_events.push(event);
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                html_events.push(Event::Html(forgiving::admonition_start(kind, settings.language).into()));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                html_events.push(Event::Html(CowStr::Borrowed(forgiving::ADMONITION_END)));
            }
            Event::End(TagEnd::Table) => {
                html_events.push(event);
                html_events.push(Event::Html(CowStr::Borrowed("</div>")));
            }
            other => html_events.push(other),
        }
    }
    html::push_html(&mut out.html, html_events.into_iter());
    if clean {
        out.html = sanitize::clean(&out.html);
        out.removed.sort_by_key(|(line, col, _)| (*line, *col));
    }
    out.facts = TextFacts::of(&text);
    out.html_key = crate::keys::hash_value(&out.html);
    out.text_key = crate::keys::hash_value(&text);
    out.text = text.into();
    out
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

/// First pass: rewrites link destinations through `links`, replaces the text
/// of bare wiki links with the target's title, and records every link with
/// its place and the sentence around it. Returns events with byte offsets.
fn resolve_links<'a>(
    markdown: &'a str,
    lines: &LineIndex,
    links: &dyn LinkResolver,
    clean: bool,
    out: &mut Rendered,
) -> Vec<(Event<'a>, usize)> {
    let mut events = Vec::new();
    // Text of the current block, and the links waiting for its end (index, byte offset).
    let mut block = String::new();
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let mut replacing: Option<String> = None;
    let mut in_heading = false;
    let mut in_code = false;
    // A raw HTML block being read: its text and where each piece of it
    // starts (in the text, in the body), to be rewritten as one.
    let mut html_block: Option<(String, Vec<(usize, usize)>)> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if let Event::Text(t) = &event {
            if !in_code {
                note_mistakes(t, range.start, markdown, lines, out);
            }
        }
        match &event {
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code = true;
                let fence = match kind {
                    CodeBlockKind::Fenced(_) => markdown.get(range.clone()).and_then(forgiving::unclosed_fence),
                    CodeBlockKind::Indented => None,
                };
                if let Some(fence) = fence {
                    let (line, col) = lines.position(range.start);
                    out.notes.push((line, col, Problem::UnclosedCodeFence { fence }));
                }
            }
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        match event {
            Event::Start(Tag::Link { link_type: LinkType::Email, .. }) => {
                // `<a@b.com>`: a mail link, written `mailto:` by the HTML writer.
                events.push((event, range.start));
            }
            Event::InlineMath(ref t) | Event::DisplayMath(ref t) => {
                let written = forgiving::math_as_written(t, matches!(event, Event::DisplayMath(_)));
                out.math.get_or_insert_with(|| lines.position(range.start));
                block.push_str(&written);
                events.push((Event::Text(written.into()), range.start));
            }
            Event::Start(Tag::HtmlBlock) => {
                html_block = Some((String::new(), Vec::new()));
                events.push((event, range.start));
            }
            Event::Html(t) if html_block.is_some() => {
                if let Some((text, pieces)) = html_block.as_mut() {
                    pieces.push((text.len(), range.start));
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((text, pieces)) = html_block.take() {
                    let at = pieces.first().map_or(range.start, |p| p.1);
                    let place = |i: usize| {
                        let k = pieces.partition_point(|p| p.0 <= i).saturating_sub(1);
                        pieces.get(k).map_or(at, |p| p.1 + i - p.0)
                    };
                    events.push((Event::Html(raw_addresses(text.into(), place, links, lines, out)), at));
                }
                events.push((event, range.start));
            }
            Event::InlineHtml(t) => {
                let html = raw_addresses(t, |i| range.start + i, links, lines, out);
                events.push((Event::InlineHtml(html), range.start));
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let wiki = matches!(link_type, LinkType::WikiLink { .. });
                let piped = matches!(link_type, LinkType::WikiLink { has_pothole: true });
                let (dest, text) = record_link(links, dest_url, wiki, false, clean, lines.position(range.start), out);
                if !piped && !in_heading {
                    replacing = text;
                }
                pending.push((out.links.len() - 1, block.len()));
                events.push((Event::Start(Tag::Link { link_type, dest_url: dest, title, id }), range.start));
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let (dest, _) = record_link(links, dest_url, false, true, clean, lines.position(range.start), out);
                events.push((Event::Start(Tag::Image { link_type, dest_url: dest, title, id }), range.start));
            }
            Event::Text(ref t) | Event::Code(ref t) if replacing.is_some() => {
                let _ = t;
            }
            Event::End(TagEnd::Link) if replacing.is_some() => {
                let text = replacing.take().unwrap_or_default();
                block.push_str(&text);
                events.push((Event::Text(text.into()), range.start));
                events.push((event, range.start));
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                block.push_str(t);
                events.push((event, range.start));
            }
            Event::SoftBreak | Event::HardBreak => {
                block.push(' ');
                events.push((event, range.start));
            }
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                events.push((event, range.start));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_)) => {
                in_heading = false;
                let ends = sentence_ends(&block, &pending);
                for (i, at) in pending.drain(..) {
                    out.links[i].context = sentence_around(&block, &ends, at);
                }
                block.clear();
                events.push((event, range.start));
            }
            other => events.push((other, range.start)),
        }
    }
    let ends = sentence_ends(&block, &pending);
    for (i, at) in pending.drain(..) {
        out.links[i].context = sentence_around(&block, &ends, at);
    }
    events
}

/// Notes Markdown that did not do what the writer meant: `##背景` (no space,
/// so not a heading) and `**` left as text because it touches Chinese
/// punctuation on the inside (`**造成的。**一個`).
fn note_mistakes(text: &str, start: usize, markdown: &str, lines: &LineIndex, out: &mut Rendered) {
    let at_line_start = start == 0 || markdown[..start].ends_with('\n');
    if at_line_start {
        let hashes = text.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && text.chars().nth(hashes).is_some_and(|c| !c.is_whitespace() && c != '#') {
            let (line, col) = lines.position(start);
            let fixed = format!("{} {}", &text[..hashes], &text[hashes..]);
            out.notes.push((line, col, Problem::HeadingWithoutSpace { text: text.to_string(), fixed }));
        }
    }
    // An unmatched `**` comes out as two one-character texts: note the first.
    // Masked numbers (0912-***-678) are not bold markers.
    let before = markdown[..start].chars().next_back();
    let after = markdown[start..].chars().nth(2);
    let masked = |c: Option<char>| c.is_some_and(|c| c == '*' || c == '-' || c.is_ascii_digit());
    if text == "*" && markdown[start..].starts_with("**") && !masked(before) && !masked(after) {
        let (line, col) = lines.position(start);
        out.notes.push((line, col, Problem::BoldNotRead));
    }
}

/// Resolves one link or image, records it (and whether it is broken) in
/// `out`, and returns the destination to write and, for a wiki link, the text
/// to show. When cleaning, an address that will be removed (`javascript:`)
/// is noted as removed instead of resolved.
fn record_link<'a>(
    links: &dyn LinkResolver,
    dest_url: CowStr<'a>,
    wiki: bool,
    is_image: bool,
    clean: bool,
    (line, col): (usize, usize),
    out: &mut Rendered,
) -> (CowStr<'a>, Option<String>) {
    let mut link = LinkRef { dest: dest_url.to_string(), line, col, is_image, ..Default::default() };
    let mut dest = dest_url;
    let mut text = None;
    let refused = if clean && !wiki { sanitize::check_address(&link.dest, is_image) } else { None };
    if let Some(problem) = refused {
        out.removed.push((line, col, problem));
        out.links.push(link);
        return (dest, text);
    }
    match links.resolve(&link.dest, wiki) {
        Ok(Some(r)) => {
            link.target = r.target;
            dest = r.href.into();
            text = r.text.filter(|_| wiki);
        }
        Ok(None) => {}
        Err(why) => out.broken.push((link.clone(), why)),
    }
    out.links.push(link);
    (dest, text)
}

/// Resolves the addresses of a piece of raw HTML ([`raw_links`]) like
/// Markdown links, `place` turning a byte offset in the piece into one in
/// the body; returns the piece with those that resolve rewritten. A bare
/// `#id` is left alone: raw HTML may give elements ids of its own.
fn raw_addresses<'a>(
    html: CowStr<'a>,
    place: impl Fn(usize) -> usize,
    links: &dyn LinkResolver,
    lines: &LineIndex,
    out: &mut Rendered,
) -> CowStr<'a> {
    let mut rewritten = Vec::new();
    for a in raw_links::find(&html) {
        let attr = if a.image { "src" } else { "href" };
        let written = html.get(a.tag.clone()).and_then(|t| sanitize::attribute_of(t, attr)).unwrap_or(a.dest);
        // An address cleaning removes is noted by cleaning; one written
        // with raw HTML allowed is the writer's.
        if written.is_empty() || written.starts_with('#') || sanitize::check_address(&written, a.image).is_some() {
            continue;
        }
        let at = lines.position(place(a.range.start));
        let (dest, _) = record_link(links, written.clone().into(), false, a.image, false, at, out);
        let decoded = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
        // Kept as written when it only differs in its encoding (`流程.svg`).
        if decoded(&dest) != decoded(&written) {
            rewritten.push((a.range, escape(&dest)));
        }
    }
    if rewritten.is_empty() {
        html
    } else {
        raw_links::replace(&html, &rewritten).into()
    }
}

/// The sentence of `text` that holds the byte offset `at`, trimmed and at
/// most 160 characters; `ends` are the block's [`sentence_ends`].
fn sentence_around(text: &str, ends: &[usize], at: usize) -> String {
    let after = |e: usize| e + text.get(e..).and_then(|t| t.chars().next()).map_or(0, char::len_utf8);
    let k = ends.partition_point(|&e| e < at);
    let start = if k > 0 { after(ends[k - 1]) } else { 0 };
    let end = ends.get(k).map_or(text.len(), |&e| after(e));
    let sentence = text.get(start..end).unwrap_or_default().trim();
    if sentence.chars().nth(160).is_some() {
        let cut: String = sentence.chars().take(159).collect();
        format!("{cut}…")
    } else {
        sentence.to_string()
    }
}

/// Byte offsets of the characters that end a sentence in a block's text,
/// found once per block that has links: a paragraph with many links then
/// costs its length, not its length times its links (62,500 links in one
/// paragraph took 12 s).
fn sentence_ends(text: &str, pending: &[(usize, usize)]) -> Vec<usize> {
    if pending.is_empty() {
        return Vec::new();
    }
    text.char_indices()
        .filter(|&(_, c)| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | '\n'))
        .map(|(i, _)| i)
        .collect()
}

/// Turns byte offsets into 1-based line and character column.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, starts }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self.text.get(start..offset).map_or(1, |t| t.chars().count() + 1);
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
/// Reading time of `cjk` characters and `words` words, at least a minute.
pub fn minutes_for(cjk: usize, words: usize, chars_per_minute: u32, words_per_minute: u32) -> u32 {
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

#[cfg(test)]
mod tests;
