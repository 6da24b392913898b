//! What of an article's HTML may be published: an allow-list for articles,
//! applied by ammonia (on html5ever), and the words that tell the writer what
//! was removed.
//!
//! [`clean`] runs once over each rendered body, so pages, critiques embedded
//! in cases, the feed and everything else downstream take clean HTML. It
//! keeps what articles need (tables, `details`/`summary`, `kbd`, `sup`/`sub`,
//! `ruby`, images, links, highlighted code, heading ids, footnotes, task
//! lists) and the classes casebook's own output uses; it drops elements that
//! run script, embed other pages or restyle the site, event attributes, and
//! addresses other than relative, http(s), mailto: and (for images)
//! `data:image/...`.
//!
//! Ammonia says nothing about what it removed, so [`check_fragment`] reads
//! each piece of raw HTML with html5ever's tokenizer against the same tables
//! and the same attribute rule ([`attribute_value`]) to say it at the line it
//! was written on; [`check_address`] does the same for Markdown links.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

use crate::diagnostics::Problem;

/// Elements an article may use.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Elements removed together with what they hold: they run script, embed
/// another page or document, restyle the site, or hold raw text that would
/// otherwise show up as code.
pub(super) const DROPPED_WITH_CONTENT: &[&str] = &[
    "applet",
    "embed",
    "frame",
    "frameset",
    "iframe",
    "math",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "plaintext",
    "script",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
];

/// Attributes every allowed element may have.
const GENERIC_ATTRIBUTES: &[&str] = &["class", "id", "title", "lang", "dir", "aria-label"];

/// Attributes of particular elements.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("img", &["src", "alt", "width", "height", "loading"]),
    ("pre", &["data-lang"]),
    ("td", &["style", "colspan", "rowspan", "align"]),
    ("th", &["style", "colspan", "rowspan", "align", "scope"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("details", &["open"]),
    ("time", &["datetime"]),
    ("input", &["type", "checked", "disabled"]),
];

/// Classes casebook's Markdown output uses, and the prefixes of syntect's
/// highlighting classes and of pulldown-cmark's own.
const CLASSES: &[&str] = &[
    "anchor",
    "table-wrap",
    "code",
    "contains-task-list",
    "task-list-item",
    "footnote-reference",
    "footnote-definition",
    "footnote-definition-label",
    "admonition",
    "admonition-title",
    "note",
    "tip",
    "important",
    "warning",
    "caution",
];
const CLASS_PREFIXES: &[&str] = &["hl-", "language-", "markdown-alert-"];

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.tags(TAGS.iter().copied().collect())
            .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
            .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
            .tag_attributes(TAG_ATTRIBUTES.iter().map(|(t, a)| (*t, a.iter().copied().collect())).collect())
            // Ammonia checks the scheme first; `attribute_value` then keeps
            // `data:` only for images.
            .url_schemes(["http", "https", "mailto", "data"].into_iter().collect())
            .url_relative(ammonia::UrlRelative::PassThrough)
            .link_rel(None)
            .strip_comments(true)
            .attribute_filter(|tag, attr, value| attribute_value(tag, attr, value).ok());
        b
    })
}

/// `html` with everything outside the allow-list removed.
pub fn clean(html: &str) -> String {
    sanitizer().clean(html).to_string()
}

/// Why an attribute's value cannot be published, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Address,
    Style,
}

/// The value an allowed attribute is published with: unchanged, with
/// classes casebook does not use taken out, or refused.
pub fn attribute_value<'v>(tag: &str, attr: &str, value: &'v str) -> Result<Cow<'v, str>, Refused> {
    match attr {
        "href" | "src" | "xlink:href" => {
            if address_allowed(tag == "img" && attr == "src", value) {
                Ok(Cow::Borrowed(value))
            } else {
                Err(Refused::Address)
            }
        }
        "style" => {
            // Only the alignment pulldown-cmark writes on table cells.
            let v = value.trim().trim_end_matches(';').to_ascii_lowercase();
            let v: String = v.split_whitespace().collect::<Vec<_>>().join(" ");
            match v.as_str() {
                "text-align: left" | "text-align: center" | "text-align: right" => Ok(Cow::Borrowed(value)),
                _ => Err(Refused::Style),
            }
        }
        "class" => {
            let kept: Vec<&str> = value.split_ascii_whitespace().filter(|c| class_allowed(c)).collect();
            if kept.len() == value.split_ascii_whitespace().count() {
                Ok(Cow::Borrowed(value))
            } else {
                Ok(Cow::Owned(kept.join(" ")))
            }
        }
        _ => Ok(Cow::Borrowed(value)),
    }
}

fn class_allowed(class: &str) -> bool {
    CLASSES.contains(&class) || CLASS_PREFIXES.iter().any(|p| class.starts_with(p))
}

/// Relative, http(s) and mailto: addresses; `data:image/...` where an image
/// is loaded. Parsed as browsers parse them, so `JaVaScRiPt:`, `java\tscript:`
/// and leading spaces are all `javascript:`.
fn address_allowed(image: bool, value: &str) -> bool {
    match url::Url::parse(value) {
        Ok(u) => match u.scheme() {
            "http" | "https" | "mailto" => true,
            "data" => image && u.path().to_ascii_lowercase().starts_with("image/"),
            _ => false,
        },
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    }
}

/// What a Markdown link or image to `dest` loses, if anything: its address.
pub fn check_address(dest: &str, image: bool) -> Option<Problem> {
    if address_allowed(image, dest) {
        return None;
    }
    Some(Problem::UnsafeLinkAddress { address: shorten(dest), image })
}

/// Something [`clean`] removes from a piece of raw HTML: the line within the
/// piece (0-based) and the column (1-based, in characters) of its tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub line: usize,
    pub col: usize,
    pub problem: Problem,
}

/// What [`check_fragment`] found in a piece of raw HTML.
#[derive(Debug, Default)]
pub struct FragmentReport {
    pub removals: Vec<Removal>,
    /// An element removed with its content (`<iframe>`, `<script>`, `<svg>`)
    /// that the piece leaves open: the caller closes it where the writer's
    /// block or paragraph ends, so it does not take the rest of the article.
    pub open: Option<String>,
    /// The piece opens `<plaintext>`, which nothing closes: it is left out.
    pub swallows_rest: bool,
}

/// Reads one piece of raw HTML as [`clean`] will and says what it removes.
pub fn check_fragment(fragment: &str) -> FragmentReport {
    let sink = Finder::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(fragment));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let found = tokenizer.sink.found.into_inner();
    let lines: Vec<&str> = fragment.split('\n').collect();
    let mut report = FragmentReport::default();
    for (tag, line, problem) in found.removed {
        let (line, col) = place_of_tag(&lines, &tag, line);
        report.removals.push(Removal { line, col, problem });
    }
    match (found.raw_open, found.skipping) {
        (Some(open), _) if open == "plaintext" => report.swallows_rest = true,
        (Some(open), _) | (None, Some((open, _))) => report.open = Some(open),
        (None, None) => {}
    }
    report
}

/// The value of the attribute `attr` of the first start tag in `tag` (the
/// source of one tag), as browsers and [`clean`] read it: entities decoded.
pub fn attribute_of(tag: &str, attr: &str) -> Option<String> {
    let tokenizer = Tokenizer::new(FirstTag::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(tag));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let found = tokenizer.sink.0.into_inner()?;
    found.attrs.iter().find(|a| (*a.name.local).eq_ignore_ascii_case(attr)).map(|a| a.value.to_string())
}

/// Keeps the first start tag it is given.
#[derive(Default)]
struct FirstTag(RefCell<Option<Tag>>);

impl TokenSink for FirstTag {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token {
            let mut first = self.0.borrow_mut();
            if first.is_none() && tag.kind == TagKind::StartTag {
                *first = Some(tag);
            }
        }
        TokenSinkResult::Continue
    }
}

/// The 0-based line and 1-based column of `<tag` at or before the line the
/// tokenizer reported (it reports where a tag ends).
fn place_of_tag(lines: &[&str], tag: &str, reported: usize) -> (usize, usize) {
    let needle = format!("<{tag}");
    let last = reported.saturating_sub(1).min(lines.len().saturating_sub(1));
    for l in (0..=last).rev() {
        let lower = lines[l].to_ascii_lowercase();
        if let Some(at) = lower.find(&needle) {
            return (l, lines[l][..at].chars().count() + 1);
        }
    }
    (last, 1)
}

fn shorten(s: &str) -> String {
    let flat: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if flat.chars().count() > 60 {
        format!("{}…", flat.chars().take(59).collect::<String>())
    } else {
        flat
    }
}

#[derive(Default)]
struct Found {
    /// (tag, tokenizer line, what)
    removed: Vec<(String, usize, Problem)>,
    /// A raw-text element (`<script>`, `<iframe>`) opened and not yet closed.
    raw_open: Option<String>,
    /// An element removed with its content (`<svg>`): its name and depth;
    /// what it holds goes with it and is not reported again.
    skipping: Option<(String, usize)>,
}

#[derive(Default)]
struct Finder {
    found: RefCell<Found>,
}

fn tag_attributes() -> &'static HashMap<&'static str, HashSet<&'static str>> {
    static MAP: OnceLock<HashMap<&'static str, HashSet<&'static str>>> = OnceLock::new();
    MAP.get_or_init(|| TAG_ATTRIBUTES.iter().map(|(t, a)| (*t, a.iter().copied().collect())).collect())
}

fn attribute_allowed(tag: &str, attr: &str) -> bool {
    GENERIC_ATTRIBUTES.contains(&attr) || tag_attributes().get(tag).is_some_and(|a| a.contains(attr))
}

impl Finder {
    fn start_tag(&self, tag: &Tag, line: usize, found: &mut Found) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if let Some((skipped, depth)) = found.skipping.as_mut() {
            if skipped == name && !tag.self_closing {
                *depth += 1;
            }
            return TokenSinkResult::Continue;
        }
        if DROPPED_WITH_CONTENT.contains(&name) {
            found.removed.push((name.to_string(), line, Problem::HtmlRemovedWithContent { tag: name.to_string() }));
            let raw = match name {
                "script" => Some(TokenSinkResult::RawData(RawKind::ScriptData)),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                    Some(TokenSinkResult::RawData(RawKind::Rawtext))
                }
                "textarea" | "title" => Some(TokenSinkResult::RawData(RawKind::Rcdata)),
                "plaintext" => Some(TokenSinkResult::Plaintext),
                _ => None,
            };
            return match raw {
                Some(r) => {
                    found.raw_open = Some(name.to_string());
                    r
                }
                None => {
                    if !tag.self_closing && !matches!(name, "embed" | "frame") {
                        found.skipping = Some((name.to_string(), 1));
                    }
                    TokenSinkResult::Continue
                }
            };
        }
        if !TAGS.contains(&name) {
            found.removed.push((name.to_string(), line, Problem::HtmlTagRemoved { tag: name.to_string() }));
            return TokenSinkResult::Continue;
        }
        for attr in &tag.attrs {
            let attr_name: &str = &attr.name.local;
            let (tag, attr_name) = (name.to_string(), attr_name.to_string());
            let problem = if attr_name.starts_with("on") {
                Some(Problem::HtmlEventAttribute { tag, attr: attr_name })
            } else if !attribute_allowed(name, &attr_name) {
                Some(Problem::HtmlAttributeRemoved { tag, attr: attr_name })
            } else {
                match attribute_value(name, &attr_name, &attr.value) {
                    Err(Refused::Address) => {
                        Some(Problem::HtmlAddressRemoved { tag, attr: attr_name, address: shorten(&attr.value) })
                    }
                    Err(Refused::Style) => Some(Problem::HtmlStyleRemoved { tag }),
                    Ok(Cow::Owned(_)) => Some(Problem::HtmlClassRemoved { tag, value: shorten(&attr.value) }),
                    Ok(Cow::Borrowed(_)) => None,
                }
            };
            if let Some(problem) = problem {
                found.removed.push((name.to_string(), line, problem));
            }
        }
        TokenSinkResult::Continue
    }
}

impl TokenSink for Finder {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let mut found = self.found.borrow_mut();
        let line = usize::try_from(line).unwrap_or(usize::MAX);
        match tag.kind {
            TagKind::StartTag => self.start_tag(&tag, line, &mut found),
            TagKind::EndTag => {
                let name: &str = &tag.name;
                if found.raw_open.as_deref() == Some(name) {
                    found.raw_open = None;
                }
                if let Some((skipped, depth)) = found.skipping.as_mut() {
                    if skipped == name {
                        *depth -= 1;
                        if *depth == 0 {
                            found.skipping = None;
                        }
                    }
                }
                TokenSinkResult::Continue
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_event_attributes_are_removed() {
        let cases = [
            ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
            ("<img src=x onerror=alert(1)>", "<img src=\"x\">"),
            ("<svg onload=alert(1)><circle r=1></circle></svg>after", "after"),
            ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", ""),
            ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
            ("<a href=\"JaVaScRiPt&colon;alert(1)\">x</a>", "<a>x</a>"),
            ("<a href=\" java\tscript:alert(1)\">x</a>", "<a>x</a>"),
            ("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>"),
            ("<a href=\"vbscript:msgbox(1)\">x</a>", "<a>x</a>"),
            ("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "<a>x</a>"),
            ("<img src=\"data:text/html,x\">", "<img>"),
            ("<img src=\"data:image/png;base64,AAAA\">", "<img src=\"data:image/png;base64,AAAA\">"),
            ("<p style=\"color:red\" class=\"x hl-keyword\">t</p>", "<p class=\"hl-keyword\">t</p>"),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want, "{input}");
        }
    }

    #[test]
    fn article_markup_is_kept() {
        let kept = [
            "<details open=\"\"><summary>看</summary><p>內容</p></details>",
            "<p><kbd>Ctrl</kbd> x<sup>2</sup> H<sub>2</sub>O <ruby>漢<rt>hàn</rt></ruby></p>",
            "<a href=\"../cases/a/#%E8%83%8C\">a</a><a href=\"https://example.com/\">b</a><a href=\"mailto:a@b.c\">c</a>",
            "<img src=\"圖.png\" alt=\"圖\">",
            "<h2 id=\"背景\">背景<a class=\"anchor\" href=\"#%E8%83%8C%E6%99%AF\" aria-label=\"連結到此標題\">#</a></h2>",
            "<table><thead><tr><th style=\"text-align: center\">a</th></tr></thead></table>",
            "<pre class=\"code hl-code\" data-lang=\"yaml\"><code><span class=\"hl-source hl-yaml\">k</span></code></pre>",
        ];
        for html in kept {
            assert_eq!(clean(html), html);
        }
    }

    #[test]
    fn removals_are_named_at_their_line() {
        let r = check_fragment("<div>\n  <img src=x\n   onerror=alert(1)>\n<script>\n<b onclick=x>\n</script>\n</div>");
        let found: Vec<(usize, usize, String)> =
            r.removals.iter().map(|r| (r.line, r.col, r.problem.message())).collect();
        let found: Vec<(usize, usize, &str)> =
            found.iter().map(|(l, c, m)| (*l, *c, m.split(':').next().unwrap_or(""))).collect();
        assert_eq!(
            found,
            [
                (1, 3, "the `onerror` attribute of `<img>` was removed"),
                (3, 1, "`<script>` was removed with its content")
            ]
        );
        assert_eq!(r.open, None);
        assert_eq!(check_fragment("<iframe srcdoc=x>").open.as_deref(), Some("iframe"));
        assert_eq!(check_fragment("<svg><g>").open.as_deref(), Some("svg"));
        assert_eq!(check_fragment("<svg><a href=javascript:x>").removals.len(), 1);
        assert!(check_fragment("<plaintext>").swallows_rest);
        assert!(check_fragment("<details><summary>a</summary>").removals.is_empty());
    }

    #[test]
    fn attributes_are_read_as_browsers_read_them() {
        assert_eq!(attribute_of("<a href=\"JaVaScRiPt&colon;x\">", "href").as_deref(), Some("JaVaScRiPt:x"));
        assert_eq!(attribute_of("<IMG SRC='a&amp;b.png'>", "src").as_deref(), Some("a&b.png"));
        assert_eq!(attribute_of("<a name=x>", "href"), None);
    }

    #[test]
    fn addresses_of_markdown_links() {
        assert_eq!(check_address("../a.md", false), None);
        assert_eq!(check_address("https://example.com", false), None);
        assert_eq!(check_address("data:image/png;base64,AA", true), None);
        assert!(check_address("data:image/png;base64,AA", false).is_some());
        assert_eq!(
            check_address("javascript:alert(1)", false).map(|p| p.message()).as_deref(),
            Some("the address `javascript:alert(1)` was removed from this link: only relative, http(s) and mailto: addresses (and data:image/... for images) are published")
        );
    }
}
