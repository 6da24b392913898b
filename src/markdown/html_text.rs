//! The words a reader sees in a piece of raw HTML, for search: the text of
//! its elements (table cells, `details`, `figcaption`…) with entities
//! decoded, and the `alt` text of its images. What [`super::sanitize`]
//! removes with its content (`script`, `style`, `svg`…) is left out, and so
//! is what a comment holds. Block elements and table cells end a line, so
//! the words of two cells do not run together.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

use super::sanitize::DROPPED_WITH_CONTENT;

/// Elements after which (and before which) the text breaks.
const BREAKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The visible words of `html`, one line per block or cell; empty when it
/// has none.
pub fn visible_text(html: &str) -> String {
    let tokenizer = Tokenizer::new(Words::default(), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let words = tokenizer.sink.0.into_inner();
    let mut out = String::new();
    for line in words.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[derive(Default)]
struct Words(RefCell<State>);

#[derive(Default)]
struct State {
    text: String,
    /// An element dropped with its content, and how deep in it we are.
    skipping: Option<(String, usize)>,
}

impl TokenSink for Words {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut s = self.0.borrow_mut();
        match token {
            Token::CharacterTokens(t) if s.skipping.is_none() => s.text.push_str(&t),
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                if let Some((skipped, depth)) = s.skipping.as_mut() {
                    if skipped == name && !tag.self_closing {
                        match tag.kind {
                            TagKind::StartTag => *depth += 1,
                            TagKind::EndTag => *depth -= 1,
                        }
                    }
                    if *depth == 0 {
                        s.skipping = None;
                    }
                    return TokenSinkResult::Continue;
                }
                if tag.kind == TagKind::StartTag && DROPPED_WITH_CONTENT.contains(&name) {
                    if tag.self_closing {
                        return TokenSinkResult::Continue;
                    }
                    s.skipping = Some((name.to_string(), 1));
                    return match name {
                        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                            TokenSinkResult::RawData(RawKind::Rawtext)
                        }
                        "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
                        "plaintext" => TokenSinkResult::Plaintext,
                        _ => TokenSinkResult::Continue,
                    };
                }
                if tag.kind == TagKind::StartTag && (name == "img" || name == "area") {
                    if let Some(alt) = tag.attrs.iter().find(|a| &*a.name.local == "alt") {
                        s.text.push('\n');
                        s.text.push_str(&alt.value);
                        s.text.push('\n');
                    }
                } else if BREAKS.contains(&name) {
                    s.text.push('\n');
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_details_and_alt_text_are_read() {
        let html = "<table><tr><th>等級</th><th>經驗</th></tr><tr><td>Boss&amp;魔王</td><td>135</td></tr></table>\n\
                    <details><summary>刪除帳號</summary><p>先解除綁定</p></details><img src=\"a.png\" alt=\"退貨單\">";
        assert_eq!(visible_text(html), "等級\n經驗\nBoss&魔王\n135\n刪除帳號\n先解除綁定\n退貨單\n");
    }

    #[test]
    fn what_is_removed_with_its_content_is_not_read() {
        let html = "<div>前<script>var 秘密 = '<p>x</p>';</script>後<svg><text>圖</text></svg><!-- 註解 -->尾</div>";
        assert_eq!(visible_text(html), "前後尾\n");
        assert_eq!(visible_text("<br><span></span>"), "");
    }
}
