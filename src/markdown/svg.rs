//! SVG attachments that could run script.
//!
//! An SVG shown through `<img>` never runs script, but the same file opened
//! on its own (a reader clicks it, or a link points at it) is a document of
//! the site: its `<script>`, event attributes and `javascript:` addresses run
//! with the site's origin. Unless the journal allows raw HTML, such a file is
//! not published; [`active_content`] finds the first thing that makes it so,
//! at its line and column, so the writer knows what to remove (or to export
//! the drawing again as a plain image).

use crate::diagnostics::SvgContent;

/// What makes an SVG active, as (1-based line, 1-based column, what), or
/// `None` for a drawing that only draws. Conservative: anything that can
/// start script or load another document counts.
pub fn active_content(text: &str) -> Option<(usize, usize, SvgContent)> {
    let lower = text.to_ascii_lowercase();
    let mut found: Option<(usize, SvgContent)> = None;
    let mut note = |at: usize, what: SvgContent| {
        if found.as_ref().is_none_or(|(first, _)| at < *first) {
            found = Some((at, what));
        }
    };
    for element in ["script", "foreignobject", "iframe", "embed", "object", "handler", "!entity"] {
        if let Some(at) = find_tag(&lower, element) {
            note(at, SvgContent::Element(element.to_string()));
        }
    }
    for scheme in ["javascript:", "vbscript:", "data:text/html", "data:image/svg"] {
        if let Some(at) = lower.find(scheme) {
            note(at, SvgContent::Address(scheme.to_string()));
        }
    }
    if let Some((at, name)) = event_attribute(&lower) {
        note(at, SvgContent::EventAttribute(name));
    }
    // An address written with character references (`&#106;avascript:`)
    // hides its scheme: refuse references inside href values.
    for attr in ["href=\"", "href='"] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(attr) {
            let start = from + i + attr.len();
            let quote = &attr[attr.len() - 1..];
            let end = lower[start..].find(quote).map_or(lower.len(), |e| start + e);
            if lower[start..end].contains('&') {
                note(start, SvgContent::CharacterReferences);
            }
            from = end;
        }
    }
    let (at, what) = found?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, col, what))
}

/// The byte offset of the first `<name` followed by a space, `>` or `/`.
fn find_tag(lower: &str, name: &str) -> Option<usize> {
    let needle = format!("<{name}");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&needle) {
        let at = from + i;
        let next = lower[at + needle.len()..].chars().next();
        if next.is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/') {
            return Some(at);
        }
        from = at + needle.len();
    }
    None
}

/// The first `on…=` attribute: `on` after white space, then letters, then
/// optional white space and `=`.
fn event_attribute(lower: &str) -> Option<(usize, String)> {
    let bytes = lower.as_bytes();
    let mut i = 1;
    while i + 2 < bytes.len() {
        if bytes[i] == b'o' && bytes[i + 1] == b'n' && bytes[i - 1].is_ascii_whitespace() {
            let name_end = (i + 2..bytes.len()).find(|&j| !bytes[j].is_ascii_alphabetic()).unwrap_or(bytes.len());
            let after = lower[name_end..].trim_start();
            if name_end > i + 2 && after.starts_with('=') {
                return Some((i, lower[i..name_end].to_string()));
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::active_content;
    use crate::diagnostics::SvgContent::{self, *};

    type Case = (&'static str, Option<(usize, usize, SvgContent)>);

    #[test]
    fn drawings_pass_and_active_content_is_found_where_it_is() {
        let table: &[Case] = &[
            ("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\"/><text>onward = 1</text></svg>", None),
            ("<svg><a href=\"#part\"><circle r=\"1\"/></a></svg>", None),
            ("<svg>\n  <script>alert(1)</script>\n</svg>", Some((2, 3, Element("script".into())))),
            ("<svg>\n<circle r=\"1\"\n  onload=\"alert(1)\"/></svg>", Some((3, 3, EventAttribute("onload".into())))),
            ("<svg><a xlink:href=\"JavaScript:alert(1)\">x</a></svg>", Some((1, 21, Address("javascript:".into())))),
            ("<svg><a href=\"&#106;avascript:alert(1)\">x</a></svg>", Some((1, 15, CharacterReferences))),
            ("<svg><foreignObject><iframe/></foreignObject></svg>", Some((1, 6, Element("foreignobject".into())))),
            ("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>", Some((1, 16, Element("!entity".into())))),
            ("<svg><scripts/></svg>", None),
        ];
        for (svg, want) in table {
            assert_eq!(active_content(svg), *want, "{svg}");
        }
    }
}
