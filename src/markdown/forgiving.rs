//! Markdown written for other tools, read the way its writer meant it:
//! GitHub's alerts (`> [!NOTE]`) become casebook's admonitions, a code fence
//! that no line closes is found so it can be noted at its line, and math
//! (`$…$`, `$$…$$`) is shown as written, since casebook typesets no formulas.

use pulldown_cmark::BlockQuoteKind;

/// The start of an admonition for a GitHub alert: a `div` with its kind as
/// a class and a title in the site's `language` (Chinese for `zh-*`,
/// English otherwise). [`ADMONITION_END`] closes it.
pub fn admonition_start(kind: BlockQuoteKind, language: &str) -> String {
    let (class, zh, en) = match kind {
        BlockQuoteKind::Note => ("note", "注意", "Note"),
        BlockQuoteKind::Tip => ("tip", "提示", "Tip"),
        BlockQuoteKind::Important => ("important", "重要", "Important"),
        BlockQuoteKind::Warning => ("warning", "警告", "Warning"),
        BlockQuoteKind::Caution => ("caution", "小心", "Caution"),
    };
    let title = if language.starts_with("zh") { zh } else { en };
    format!("<div class=\"admonition {class}\">\n<p class=\"admonition-title\">{title}</p>\n")
}

pub const ADMONITION_END: &str = "</div>\n";

/// For a fenced code block whose source is `block` (from its opening fence
/// to where the parser ended it): the opening fence (```` ``` ````, `~~~`)
/// when no line closes it, so the block took the rest of the article (or
/// of its list or quote).
pub fn unclosed_fence(block: &str) -> Option<String> {
    let opening = block.trim_start();
    let mark = opening.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let fence: String = opening.chars().take_while(|c| *c == mark).collect();
    let trimmed = block.trim_end();
    let closed = trimmed.rsplit_once('\n').is_some_and(|(_, last)| {
        let last = last.trim_start_matches(|c: char| c.is_whitespace() || c == '>');
        last.len() >= fence.len() && last.trim_end().chars().all(|c| c == mark)
    });
    (!closed).then_some(fence)
}

/// Math as the writer wrote it, delimiters included.
pub fn math_as_written(math: &str, display: bool) -> String {
    let dollars = if display { "$$" } else { "$" };
    format!("{dollars}{math}{dollars}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_closed_or_not() {
        assert_eq!(unclosed_fence("```\ncode\n```\n"), None);
        assert_eq!(unclosed_fence("````rust\ncode\n`````"), None);
        assert_eq!(unclosed_fence("~~~\ncode\n  ~~~  \n\n"), None);
        assert_eq!(unclosed_fence("```\ncode\n> ```"), None);
        assert_eq!(unclosed_fence("```\ncode\nmore\n").as_deref(), Some("```"));
        assert_eq!(unclosed_fence("````\ncode\n```\n").as_deref(), Some("````"));
        assert_eq!(unclosed_fence("~~~").as_deref(), Some("~~~"));
        assert_eq!(unclosed_fence("```\ncode\n~~~\n").as_deref(), Some("```"));
    }

    #[test]
    fn admonitions_speak_the_sites_language() {
        assert_eq!(
            admonition_start(BlockQuoteKind::Warning, "zh-Hant"),
            "<div class=\"admonition warning\">\n<p class=\"admonition-title\">警告</p>\n"
        );
        assert!(admonition_start(BlockQuoteKind::Tip, "en").contains(">Tip</p>"));
    }
}
