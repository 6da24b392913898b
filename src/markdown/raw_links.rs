//! Addresses written in raw HTML inside an article: the `href` of `<a>` and
//! the `src` of `<img>` (`<img src="../images/a.png">`, `<a href="other.md">`),
//! found with their place so they are resolved, rewritten and checked like
//! Markdown links (see [`super::render`]). Other tags and attributes are
//! left as written; cleaning ([`super::sanitize`]) is a separate step.

use std::ops::Range;

/// One address in a piece of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAddress {
    /// Byte range of the value in the piece, without its quotes.
    pub range: Range<usize>,
    /// Byte range of the whole tag, from `<` to `>` (or the end of the piece).
    pub tag: Range<usize>,
    /// The value with `&amp;` (and the other entities an address may hold)
    /// decoded, as a link destination.
    pub dest: String,
    /// An `<img src>`, not an `<a href>`.
    pub image: bool,
}

/// The `<a href>` and `<img src>` values of `html`, in order (the first of
/// each tag, as browsers take it). Comments are skipped; a tag cut off by
/// the end of the piece is read as far as it goes.
pub fn find(html: &str) -> Vec<RawAddress> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<') {
        let open = i + lt;
        i += lt + 1;
        if b[i..].starts_with(b"!--") {
            i = find_from(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let name_end = i + b[i..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        let wanted = match name.as_str() {
            "a" => "href",
            "img" => "src",
            _ => continue,
        };
        let mut value = None;
        i = read_attributes(html, i, |attr, range| {
            if value.is_none() && attr.eq_ignore_ascii_case(wanted) {
                value = Some(range);
            }
        });
        if let Some(range) = value {
            let tag = open..(i + 1).min(b.len());
            out.push(RawAddress { dest: decode(&html[range.clone()]), range, tag, image: name == "img" });
        }
    }
    out
}

/// Reads the attributes of a tag from byte `i` (after its name) to its `>`,
/// calling `found` with each attribute's name and the range of its value;
/// returns where the tag ends.
fn read_attributes(html: &str, mut i: usize, mut found: impl FnMut(&str, Range<usize>)) -> usize {
    let b = html.as_bytes();
    let skip_space = |mut i: usize| {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        i
    };
    loop {
        i = skip_space(i);
        if i >= b.len() || b[i] == b'>' {
            return i;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        if i == start {
            // A stray `=` or quote: step over it.
            i += 1;
            continue;
        }
        let attr = &html[start..i];
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= b.len() || b[j] != b'=' {
            continue;
        }
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let value = match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = b[j + 1..].iter().position(|&c| c == q).map_or(b.len(), |e| j + 1 + e);
                i = (end + 1).min(b.len());
                j + 1..end
            }
            _ => {
                let end = j + b[j..].iter().take_while(|c| !c.is_ascii_whitespace() && **c != b'>').count();
                i = end;
                j..end
            }
        };
        found(attr, value);
    }
}

fn find_from(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

/// An attribute value as an address: the entities an address holds decoded.
fn decode(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// `html` with each range replaced by its text (ranges in order, apart).
pub fn replace(html: &str, with: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (range, text) in with {
        out.push_str(&html[at..range.start]);
        out.push_str(text);
        at = range.end;
    }
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dests(html: &str) -> Vec<(String, bool)> {
        find(html).into_iter().map(|a| (a.dest, a.image)).collect()
    }

    #[test]
    fn finds_hrefs_and_srcs_however_quoted() {
        let html = "<p><IMG alt=\"a > b\" SRC='../images/a.png'> <a class=x href=other.md#背景>x</a>\n<a\n  href=\"q.md?a=1&amp;b=2\" >y</a></p>";
        assert_eq!(
            dests(html),
            [("../images/a.png".into(), true), ("other.md#背景".into(), false), ("q.md?a=1&b=2".into(), false)]
        );
        let first = &find(html)[0];
        assert_eq!(&html[first.range.clone()], "../images/a.png");
        assert_eq!(&html[first.tag.clone()], "<IMG alt=\"a > b\" SRC='../images/a.png'>");
        assert_eq!(dests("<a href=a.md href=b.md>"), [("a.md".to_string(), false)]);
    }

    #[test]
    fn other_tags_attributes_and_comments_are_left_alone() {
        assert!(dests("<link href=a.css><abbr title=x>y</abbr><img alt=src><a name=x>").is_empty());
        assert!(dests("<!-- <a href=\"x.md\"> -->").is_empty());
        assert_eq!(dests("<a href=\"cut"), [("cut".to_string(), false)]);
        assert_eq!(dests("<img src=>"), [(String::new(), true)]);
    }

    #[test]
    fn replaces_ranges() {
        let html = "<img src=\"a.png\"><a href='b.md'>";
        let found = find(html);
        let with: Vec<_> = found.iter().map(|a| (a.range.clone(), a.dest.to_uppercase())).collect();
        assert_eq!(replace(html, &with), "<img src=\"A.PNG\"><a href='B.MD'>");
    }
}
