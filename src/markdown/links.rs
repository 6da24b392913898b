//! The first pass of [`super::render`]: every link and image, in Markdown
//! or in raw HTML (`<a href>`, `<img src>`), is resolved and recorded with
//! its place and the sentence around it; bare wiki links get their target's
//! title as text; math becomes text as written; and Markdown that did not do
//! what the writer meant (`##背景`, an unclosed `**`, an unclosed fence) is
//! noted. What it returns, events with their byte offsets, is what the
//! second pass turns into HTML.

use std::ops::Range;

use percent_encoding::percent_decode_str;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use super::cjk::StandIns;
use super::{escape, forgiving, options, raw_links, sanitize, LineIndex, LinkRef, LinkResolver, Rendered};
use crate::diagnostics::Problem;

/// First pass: rewrites link destinations through `links`, replaces the text
/// of bare wiki links with the target's title, and records every link with
/// its place and the sentence around it. Returns events with byte offsets.
pub(super) fn resolve_links<'a>(
    markdown: &'a str,
    stand_ins: Option<&'a StandIns>,
    lines: &LineIndex,
    links: &dyn LinkResolver,
    clean: bool,
    out: &mut Rendered,
) -> Vec<(Event<'a>, usize)> {
    let mut pass = LinkPass {
        markdown,
        lines,
        links,
        clean,
        out,
        events: Vec::new(),
        block: String::new(),
        pending: Vec::new(),
        replacing: None,
        in_heading: false,
        in_code: false,
        html_block: None,
    };
    // With stand-ins (`cjk`), the parser reads the body with them, of the
    // same byte lengths, and each event gets the written characters back.
    let parsed = stand_ins.map_or(markdown, |s| s.text.as_str());
    // The end of a wiki link read as text (`geyser[[1]]`), whose events are skipped.
    let mut as_text_until = 0;
    for (event, range) in Parser::new_ext(parsed, options()).into_offset_iter() {
        if range.start < as_text_until {
            continue;
        }
        if is_indexing(&event, markdown, &range) {
            as_text_until = range.end;
            let written = &markdown[range.clone()];
            pass.block.push_str(written);
            pass.events.push((Event::Text(written.into()), range.start));
            continue;
        }
        let event = match stand_ins {
            Some(s) => s.restore(event),
            None => event,
        };
        pass.note(&event, &range);
        pass.event(event, range.start);
    }
    pass.give_contexts();
    pass.events
}

/// Whether `event` is a wiki link written right after a letter, digit, `_`
/// or bracket (`geyser[[1]]`, `ARRAY[['c','3']]`): code indexing a list, not
/// a link, so it is shown as written.
fn is_indexing(event: &Event, markdown: &str, range: &Range<usize>) -> bool {
    let wiki = matches!(event, Event::Start(Tag::Link { link_type: LinkType::WikiLink { .. }, .. }));
    let before = markdown.get(..range.start).and_then(|s| s.chars().next_back());
    wiki && markdown.get(range.clone()).is_some()
        && before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ')' | ']'))
}

/// The state of the first pass between two events.
struct LinkPass<'a, 'p> {
    markdown: &'a str,
    lines: &'p LineIndex<'p>,
    links: &'p dyn LinkResolver,
    clean: bool,
    out: &'p mut Rendered,
    /// The events so far, with the byte offset each starts at.
    events: Vec<(Event<'a>, usize)>,
    /// Text of the current block, and the links waiting for its end (index, byte offset).
    block: String,
    pending: Vec<(usize, usize)>,
    /// The text a bare wiki link shows instead of what is written in it.
    replacing: Option<String>,
    in_heading: bool,
    in_code: bool,
    /// A raw HTML block being read: its text and where each piece of it
    /// starts (in the text, in the body), to be rewritten as one.
    html_block: Option<(String, Vec<(usize, usize)>)>,
}

impl<'a> LinkPass<'a, '_> {
    /// Notes a probable mistake at `event` (outside code blocks) and a code
    /// fence left open, and keeps track of being in a code block.
    fn note(&mut self, event: &Event<'a>, range: &Range<usize>) {
        if let Event::Text(t) = event {
            if !self.in_code {
                note_mistakes(t, range.start, self.markdown, self.lines, self.out);
            }
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                self.in_code = true;
                let fence = match kind {
                    CodeBlockKind::Fenced(_) => self.markdown.get(range.clone()).and_then(forgiving::unclosed_fence),
                    CodeBlockKind::Indented => None,
                };
                if let Some(fence) = fence {
                    let (line, col) = self.lines.position(range.start);
                    self.out.notes.push((line, col, Problem::UnclosedCodeFence { fence }));
                }
            }
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            _ => {}
        }
    }

    /// One event starting at byte `start`: passed on, rewritten or (the
    /// text of a bare wiki link) left out.
    fn event(&mut self, event: Event<'a>, start: usize) {
        match event {
            Event::Start(Tag::Link { link_type: LinkType::Email, .. }) => {
                // `<a@b.com>`: a mail link, written `mailto:` by the HTML writer.
                self.events.push((event, start));
            }
            Event::InlineMath(ref t) | Event::DisplayMath(ref t) => {
                let written = forgiving::math_as_written(t, matches!(event, Event::DisplayMath(_)));
                self.out.math.get_or_insert_with(|| self.lines.position(start));
                self.block.push_str(&written);
                self.events.push((Event::Text(written.into()), start));
            }
            Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::End(TagEnd::HtmlBlock) | Event::InlineHtml(_) => {
                self.raw_html(event, start)
            }
            Event::Start(Tag::Link { .. }) | Event::Start(Tag::Image { .. }) => self.link(event, start),
            Event::Text(_) | Event::Code(_) if self.replacing.is_some() => {}
            Event::End(TagEnd::Link) if self.replacing.is_some() => {
                let text = self.replacing.take().unwrap_or_default();
                self.block.push_str(&text);
                self.events.push((Event::Text(text.into()), start));
                self.events.push((event, start));
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                self.block.push_str(t);
                self.events.push((event, start));
            }
            Event::SoftBreak | Event::HardBreak => {
                self.block.push(' ');
                self.events.push((event, start));
            }
            Event::Start(Tag::Heading { .. }) => {
                self.in_heading = true;
                self.events.push((event, start));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_)) => {
                self.in_heading = false;
                self.give_contexts();
                self.block.clear();
                self.events.push((event, start));
            }
            other => self.events.push((other, start)),
        }
    }

    /// The start of a link or an image (not a mail link): its destination
    /// resolved and recorded; a bare wiki link outside headings will show
    /// its target's title.
    fn link(&mut self, event: Event<'a>, start: usize) {
        let at = self.lines.position(start);
        match event {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let wiki = matches!(link_type, LinkType::WikiLink { .. });
                let piped = matches!(link_type, LinkType::WikiLink { has_pothole: true });
                let (dest, text) = record_link(self.links, dest_url, wiki, false, self.clean, at, self.out);
                if !piped && !self.in_heading {
                    self.replacing = text;
                }
                self.pending.push((self.out.links.len() - 1, self.block.len()));
                self.events.push((Event::Start(Tag::Link { link_type, dest_url: dest, title, id }), start));
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let (dest, _) = record_link(self.links, dest_url, false, true, self.clean, at, self.out);
                self.events.push((Event::Start(Tag::Image { link_type, dest_url: dest, title, id }), start));
            }
            other => self.events.push((other, start)),
        }
    }

    /// Raw HTML: its addresses resolved like links. A block comes in pieces
    /// (one a line) and is rewritten as one, at its end.
    fn raw_html(&mut self, event: Event<'a>, start: usize) {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                self.html_block = Some((String::new(), Vec::new()));
                self.events.push((event, start));
            }
            Event::Html(t) if self.html_block.is_some() => {
                if let Some((text, pieces)) = self.html_block.as_mut() {
                    pieces.push((text.len(), start));
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((text, pieces)) = self.html_block.take() {
                    let at = pieces.first().map_or(start, |p| p.1);
                    let place = |i: usize| {
                        let k = pieces.partition_point(|p| p.0 <= i).saturating_sub(1);
                        pieces.get(k).map_or(at, |p| p.1 + i - p.0)
                    };
                    let html = raw_addresses(text.into(), place, self.links, self.lines, self.out);
                    self.events.push((Event::Html(html), at));
                }
                self.events.push((event, start));
            }
            Event::InlineHtml(t) => {
                let html = raw_addresses(t, |i| start + i, self.links, self.lines, self.out);
                self.events.push((Event::InlineHtml(html), start));
            }
            other => self.events.push((other, start)),
        }
    }

    /// Gives the links waiting for the end of the block the sentence of the
    /// block they stand in.
    fn give_contexts(&mut self) {
        let ends = sentence_ends(&self.block, &self.pending);
        for (i, at) in self.pending.drain(..) {
            self.out.links[i].context = sentence_around(&self.block, &ends, at);
        }
    }
}

/// Notes Markdown that did not do what the writer meant: `##背景` (no space,
/// so not a heading) and `**` left as text (`這是**沒有收尾`); bold next to
/// Chinese punctuation (`**造成的。**一個`) is read (see `cjk`).
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
