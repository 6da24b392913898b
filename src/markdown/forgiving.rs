//! Markdown written for other tools, read the way its writer meant it:
//! GitHub's alerts (`> [!NOTE]`) become casebook's admonitions, a code fence
//! that no line closes is found so it can be noted at its line, and math
//! (`$…$`, `$$…$$`) is shown as written, since casebook typesets no formulas.

use pulldown_cmark::BlockQuoteKind;

/// The start of an admonition for a GitHub alert: a `div` with its kind as
/// a class and a title in the site's language (the words of
/// [`crate::config::i18n`]). [`ADMONITION_END`] closes it.
pub fn admonition_start(kind: BlockQuoteKind, lang: crate::config::Lang) -> String {
    let class = match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    };
    let title = crate::config::i18n::builtin(&format!("alert_{class}"), lang).unwrap_or(class);
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
    use crate::config::RawHtml;
    use crate::diagnostics::{LinkProblem, Problem};
    use crate::markdown::{render, LinkResolver, NoLinks, Rendered, ResolvedLink, Settings};
    use crate::urls::SlugMode;

    const SETTINGS: Settings<'static> =
        Settings { slug_mode: SlugMode::Unicode, raw_html: RawHtml::Clean, language: "zh-Hant", title: "退貨流程" };

    fn plain(md: &str) -> Rendered {
        render(md, &SETTINGS, &NoLinks)
    }

    fn notes(r: &Rendered) -> Vec<(usize, usize, &'static str)> {
        r.notes.iter().map(|(l, c, p)| (*l, *c, p.kind())).collect()
    }

    #[test]
    fn alerts_become_admonitions_and_quotes_stay_quotes() {
        let r = plain("> [!WARNING]\n> 先確認訂單。\n\n> 一般引用\n");
        assert!(
            r.html.contains("<div class=\"admonition warning\">\n<p class=\"admonition-title\">警告</p>\n<p>先確認訂單。</p>\n</div>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<blockquote>\n<p>一般引用</p>\n</blockquote>"), "{}", r.html);
        let allowed = render("> [!TIP]\n> x\n", &Settings { raw_html: RawHtml::Allow, ..SETTINGS }, &NoLinks);
        assert_eq!(allowed.html, plain("> [!TIP]\n> x\n").html, "cleaning keeps the admonition");
    }

    #[test]
    fn hash_headings_are_listed_unless_they_repeat_the_title() {
        let r = plain("# 退貨流程\n\n## 背景\n\n# 附錄\n\n#### 細節\n");
        let toc: Vec<(u8, &str)> = r.toc.iter().map(|t| (t.level, t.title.as_str())).collect();
        assert_eq!(toc, [(2, "背景"), (1, "附錄")]);
    }

    #[test]
    fn quotes_and_lists_nest_at_most_a_hundred_deep() {
        let deep = format!("前言\n\n{}深處\n\n後面\n", "> ".repeat(5000));
        let r = plain(&deep);
        assert_eq!(r.html.matches("<blockquote>").count(), 100);
        assert_eq!(r.html.matches("</blockquote>").count(), 100);
        assert!(r.html.contains("<p>深處</p>") && r.html.contains("<p>後面</p>"), "{}", r.html);
        assert_eq!(notes(&r), [(3, 201, "markdown/nested-too-deep")]);
        let list: String = (0..300).map(|i| format!("{}- x{i}\n", "  ".repeat(i))).collect();
        let r = plain(&list);
        assert_eq!(r.html.matches("<ul>").count(), 100);
        assert!(r.html.contains("x299"), "the deepest item is still shown");
        assert!(plain(&"> ".repeat(100)).notes.is_empty(), "a hundred is allowed");
    }

    #[test]
    fn an_unclosed_fence_is_noted_at_its_line() {
        let r = plain("前言\n\n```yaml\nkey: 1\n\n## 之後\n");
        assert_eq!(notes(&r), [(3, 1, "markdown/unclosed-code-fence")]);
        assert_eq!(r.notes[0].2, Problem::UnclosedCodeFence { fence: "```".into() });
        assert!(plain("```\nx\n```\n\n~~~~\ny\n~~~~\n").notes.is_empty());
        let in_list = plain("- 步驟\n\n  ```\n  x\n\n後面\n");
        assert_eq!(notes(&in_list), [(3, 3, "markdown/unclosed-code-fence")]);
    }

    #[test]
    fn math_is_shown_as_written_and_its_first_place_kept() {
        let r = plain("價格 NT$ 2,680，另付 NT$ 500。\n\n面積是 $a_1 * b_2$，另見\n\n$$\nx^2\n$$\n");
        assert_eq!(r.math, Some((3, 5)));
        assert!(r.html.contains("<p>面積是 $a_1 * b_2$，另見</p>"), "{}", r.html);
        assert!(r.html.contains("$$\nx^2\n$$"), "{}", r.html);
        assert!(r.text.contains("$a_1 * b_2$"));
        assert_eq!(plain("價格 NT$ 2,680，另付 NT$ 500。\n").math, None);
    }

    #[test]
    fn mail_autolinks_are_mail_links() {
        struct Strict;
        impl LinkResolver for Strict {
            fn resolve(&self, dest: &str, _: bool) -> Result<Option<ResolvedLink>, LinkProblem> {
                Err(LinkProblem::NoSuchName { name: dest.into(), suggestion: None })
            }
        }
        let r = render("寫信到 <service@example.com>。\n", &SETTINGS, &Strict);
        assert!(r.broken.is_empty(), "{:?}", r.broken);
        assert!(r.html.contains("<a href=\"mailto:service@example.com\">service@example.com</a>"), "{}", r.html);
    }

    /// Resolves `a.png` and `b.md`; everything else but addresses with a
    /// scheme is broken.
    struct Files;
    impl LinkResolver for Files {
        fn resolve(&self, dest: &str, _: bool) -> Result<Option<ResolvedLink>, LinkProblem> {
            let href = match dest {
                "../images/a.png" => "../../images/a.png",
                "b.md" => "../../cases/b/",
                "流程.svg" => "%E6%B5%81%E7%A8%8B.svg",
                d if d.contains(':') => return Ok(None),
                d => return Err(LinkProblem::NoSuchName { name: d.into(), suggestion: None }),
            };
            Ok(Some(ResolvedLink { href: href.into(), text: None, target: Some(1) }))
        }
    }

    #[test]
    fn raw_html_addresses_are_resolved_like_links() {
        let md = "看 <a href=\"b.md\">這篇</a>。\n\n<div>\n<img alt=\"圖\"\n  src=\"../images/a.png\">\n<img src='gone.png'>\n</div>\n\n> <img src=\"流程.svg\"> <a href=\"#top\">上</a> <a href=\"javascript:x\">x</a>\n";
        let r = render(md, &SETTINGS, &Files);
        assert!(r.html.contains("<a href=\"../../cases/b/\">這篇</a>"), "{}", r.html);
        assert!(r.html.contains("<img alt=\"圖\" src=\"../../images/a.png\">"), "{}", r.html);
        assert!(r.html.contains("<img src=\"流程.svg\">"), "kept as written: {}", r.html);
        let broken: Vec<(&str, usize, usize)> =
            r.broken.iter().map(|(l, _)| (l.dest.as_str(), l.line, l.col)).collect();
        assert_eq!(broken, [("gone.png", 6, 11)]);
        let found: Vec<(&str, usize, bool)> = r.links.iter().map(|l| (l.dest.as_str(), l.line, l.is_image)).collect();
        assert_eq!(
            found,
            [("b.md", 1, false), ("../images/a.png", 5, true), ("gone.png", 6, true), ("流程.svg", 9, true)]
        );
        assert_eq!(r.links[0].target, Some(1));
    }

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
            admonition_start(BlockQuoteKind::Warning, crate::config::Lang::Hant),
            "<div class=\"admonition warning\">\n<p class=\"admonition-title\">警告</p>\n"
        );
        assert!(admonition_start(BlockQuoteKind::Tip, crate::config::Lang::En).contains(">Tip</p>"));
    }
}
