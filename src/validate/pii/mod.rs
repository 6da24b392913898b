//! Finds customer data that must not be published in a case.
//!
//! `casebook check` hands every article's Markdown text (front matter and body)
//! to [`find`], which reports each mobile or landline number, e-mail address,
//! resident ID number, bank card number and configured [`CustomPattern`] match
//! with its 1-based line and column (in characters) and a masked value
//! ([`mask()`]), so a writer can see what to remove without the message
//! repeating the data.
//!
//! The texts are full of look-alikes (order numbers like `ORD38201577`, tickets
//! like `TK-20261102-0042`, dates, times, prices, error codes, numbers already
//! masked like `0912-***-678`), so every candidate must pass checks beyond its
//! regular expression:
//!
//! - it must stand alone: no ASCII letter, digit or `_` touching it, no `-`
//!   joining it to another token, no neighbouring group of three or more digits
//!   (the middle of a longer grouped number), no `#`, no mask character (`*`,
//!   `＊`, `●`, `•`) next to it;
//! - it must not be money: no currency sign or code before it (`NT$`, `$`, `¥`,
//!   `RMB`…) and no currency word or `%` after it (`元`, `塊`, `萬`, `USD`…);
//! - it must not be introduced by the name of an order, parcel, tracking or
//!   ticket number (`訂單編號`, `訂單號`, `包裹號碼`, `物流單號`, `工單`…):
//!   such a number is not a phone, card or ID number, whatever it looks like;
//! - resident ID numbers must have a valid checksum (and, on the mainland, a
//!   plausible birth date); bank card numbers a valid Luhn digit, a known issuer
//!   prefix with a length that issuer uses, and no order/serial/IMEI label just
//!   before them;
//! - Hong Kong numbers need the `852` prefix or the `1234 5678` grouping, and
//!   are never a date (`20261102`, even after `+852`), a pair of years
//!   (`2020-2026`) or a pair of round numbers (`3000-5000`);
//! - an e-mail address whose last label is a file extension (`logo@2x.png`) is
//!   an image name, not an address.
//!
//! Full-width digits and letters, `＋`, `－` and the other dashes (`–`, `—`,
//! `−`…) and wide spaces are read as their ASCII forms ([`normalize`]), so
//! `１３８－１２３４－５６７８` is found like `138-1234-5678`; the line,
//! column and mask refer to the text as written. Custom patterns also see the
//! text in ASCII forms.
//!
//! Writers silence a false positive with `<!-- casebook:allow-pii -->` on the
//! line (any line containing `casebook:allow-pii` is skipped), or with a line
//! `<!-- casebook:allow-pii-next-line -->` just above it. A marker written
//! differently (other letter case, spaces, a missing `-` or `casebook:`) does
//! nothing; [`misspelled_markers`] finds those so the writer can be told.
//!
//! Limits, chosen for precision: separators inside a number are a space or a
//! dash; old 15-digit mainland IDs, Taiwan resident certificates (second
//! character 8 or 9), Hong Kong IDs written without the brackets around the
//! check digit, international forms of landlines (`+886 2 …`), toll-free and
//! service numbers (`0800-…`, `400-…`) are not reported; a number never spans
//! two lines, and neither does a custom pattern match (patterns are run line by
//! line); a number after an order label is skipped only when it follows the
//! label directly (`訂單編號：…`, `訂單號是 …`), not as the second of a list.
//!
//! This file owns the findings and the scan of each line (allow markers,
//! ASCII forms, overlapping candidates); `checks.rs` holds the detectors and
//! the checks listed above, with their word lists; `mask.rs` the masks.

mod checks;
mod mask;

use checks::{after_order_label, detectors, is_mask_char};
pub use mask::mask;
use mask::mask_as_written;

/// What kind of data was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PiiKind {
    MobilePhone,
    Landline,
    Email,
    ResidentId,
    BankCard,
    Custom,
}

impl PiiKind {
    /// Which kind wins when two findings cover exactly the same text (lower wins).
    fn rank(self) -> u8 {
        match self {
            PiiKind::ResidentId => 0,
            PiiKind::BankCard => 1,
            PiiKind::MobilePhone => 2,
            PiiKind::Landline => 3,
            PiiKind::Email => 4,
            PiiKind::Custom => 5,
        }
    }
}

/// One piece of customer data found in a text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub kind: PiiKind,
    /// 1-based line and column (column counted in characters, not bytes) in the text given.
    pub line: usize,
    pub col: usize,
    /// The value with its middle hidden: 138****5678, 0912***678, a***@example.com, 1101**********1234,
    /// 6222 **** **** 1234 style (first and last few characters kept, separators kept in place).
    pub masked: String,
    /// The name of the custom pattern that found it (for [`PiiKind::Custom`]).
    pub pattern: Option<String>,
    /// The value as written, for the preview to show masked
    /// ([`crate::serve`]); never printed.
    #[serde(skip)]
    pub written: String,
}

/// A configured extra pattern (e.g. order numbers the company treats as private).
pub struct CustomPattern {
    pub name: String,
    pub regex: regex::Regex,
}

/// A line containing this is not checked.
const ALLOW: &str = "casebook:allow-pii";
/// The line after a line containing this is not checked.
const ALLOW_NEXT: &str = "casebook:allow-pii-next-line";

/// Finds customer data in `text`. Lines containing the marker `casebook:allow-pii` (typically in an HTML
/// comment `<!-- casebook:allow-pii -->` at the end of the line) are skipped entirely; a line
/// `<!-- casebook:allow-pii-next-line -->` skips the next line. Findings are sorted by line then column.
///
/// When candidates overlap, the longest wins (an e-mail address over the phone number in its local
/// part, a landline `(02)2345-6789` over the `2345-6789` inside it); for the same text, a resident ID
/// wins over a card number, and built-in kinds over custom patterns.
pub fn find(text: &str, custom: &[CustomPattern]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut skip_next = false;
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let skip = skip_next || line.contains(ALLOW);
        skip_next = line.contains(ALLOW_NEXT);
        if skip {
            continue;
        }
        let (ascii, written_at) = normalize(line);
        for cand in resolve(scan_line(&ascii, custom)) {
            let (start, end) = (written_at(cand.start), written_at(cand.end));
            findings.push(Finding {
                kind: cand.kind,
                line: index + 1,
                // One character for one: columns are the same in both forms.
                col: ascii[..cand.start].chars().count() + 1,
                masked: mask_as_written(cand.kind, &line[start..end], &ascii[cand.start..cand.end]),
                pattern: cand.pattern.map(str::to_string),
                written: line[start..end].to_string(),
            });
        }
    }
    findings.sort_by_key(|f| (f.line, f.col));
    findings
}

/// The ASCII form of a full-width digit, letter, `＋`, `＠` or `．`, of a dash
/// and of a wide space; `None` for every other character.
fn ascii_form(c: char) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＋' | '－' | '＠' | '．' => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => Some('-'),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => Some(' '),
        _ => None,
    }
}

/// `line` with full-width digits and letters, `＋`, `＠`, `．`, dashes and wide
/// spaces replaced by their ASCII forms, one character for one (NFKC-like,
/// for these only), and a map from a byte offset in the result to the same
/// place in `line`.
///
/// Other full-width punctuation (`，`, `：`, `（`…) is kept: it separates a
/// number from what follows in Chinese text, where its ASCII form would join
/// them (`0912345678，3 次` is not `0912345678,3`).
pub fn normalize(line: &str) -> (std::borrow::Cow<'_, str>, impl Fn(usize) -> usize + '_) {
    let mut ascii = String::new();
    // (offset in the result, offset in `line`) where a replaced character ends.
    let mut shifts: Vec<(usize, usize)> = Vec::new();
    if line.chars().any(|c| ascii_form(c).is_some()) {
        ascii.reserve(line.len());
        for (at, c) in line.char_indices() {
            match ascii_form(c) {
                Some(a) => {
                    ascii.push(a);
                    shifts.push((ascii.len(), at + c.len_utf8()));
                }
                None => ascii.push(c),
            }
        }
    }
    let text = if shifts.is_empty() { std::borrow::Cow::Borrowed(line) } else { std::borrow::Cow::Owned(ascii) };
    let written_at = move |offset: usize| {
        // After the last replaced character that ends at or before `offset`, both texts advance alike.
        match shifts.partition_point(|&(end, _)| end <= offset) {
            0 => offset,
            n => shifts[n - 1].1 + (offset - shifts[n - 1].0),
        }
    };
    (text, written_at)
}
/// An allow marker written so that it is not recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MisspelledMarker {
    /// 1-based line and column (in characters) where the marker starts.
    pub line: usize,
    pub col: usize,
    /// The marker as written: the whole `<!-- … -->` comment where there is one.
    pub written: String,
    /// What the writer meant: `casebook:allow-pii` or `casebook:allow-pii-next-line`.
    pub meant: &'static str,
}

/// Allow markers that are not written the way [`find`] reads them
/// (`<!--casebook: allow pii -->`, `<!-- allowpii -->`, `Casebook:Allow-PII`,
/// `casebook:allow-pii-nextline`…), so they do nothing.
///
/// A line is taken to hold a marker when, ignoring letter case and everything
/// but letters and digits, it has `casebookallow` or `casebookpii`, or has
/// `allowpii` inside an HTML comment or after a YAML `#` (so that prose like
/// "we never allow PII" is not one).
pub fn misspelled_markers(text: &str) -> Vec<MisspelledMarker> {
    let mut out = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        // Letters and digits only, lower case, each with its byte offset in `line`.
        let (squeezed, offsets): (String, Vec<usize>) = line
            .char_indices()
            .filter(|(_, c)| c.is_ascii_alphanumeric())
            .map(|(i, c)| (c.to_ascii_lowercase(), i))
            .unzip();
        let meant = if squeezed.contains("allowpiinext") { ALLOW_NEXT } else { ALLOW };
        if line.contains(meant) {
            continue;
        }
        let in_comment = |at: usize| line[..at].contains("<!--") || line[..at].contains('#');
        let Some(at) = ["casebookallow", "casebookpii", "allowpii"]
            .iter()
            .filter_map(|word| squeezed.find(word).map(|i| (word, offsets[i])))
            .filter(|&(word, at)| word.starts_with("casebook") || in_comment(at))
            .map(|(_, at)| at)
            .min()
        else {
            continue;
        };
        let (start, end) = marker_span(line, at);
        out.push(MisspelledMarker {
            line: index + 1,
            col: line[..start].chars().count() + 1,
            written: line[start..end].to_string(),
            meant,
        });
    }
    out
}

/// Where the marker that has a word at `at` starts and ends: its `<!-- … -->`
/// comment, or from a YAML `#` to the end of the line, or its word.
fn marker_span(line: &str, at: usize) -> (usize, usize) {
    if let Some(open) = line[..at].rfind("<!--") {
        let end = line[at..].find("-->").map_or(line.len(), |e| at + e + 3);
        return (open, end);
    }
    if let Some(hash) = line[..at].rfind('#') {
        return (hash, line.trim_end().len());
    }
    let end = line[at..].find(char::is_whitespace).map_or(line.len(), |e| at + e);
    (at, end)
}
// ---------------------------------------------------------------------------
// Scanning

/// A possible finding in one line: byte range and what it is.
#[derive(Debug, Clone, Copy)]
struct Candidate<'a> {
    start: usize,
    end: usize,
    kind: PiiKind,
    /// The custom pattern's name.
    pattern: Option<&'a str>,
}

/// All candidates in one line, overlapping ones included.
fn scan_line<'a>(line: &str, custom: &'a [CustomPattern]) -> Vec<Candidate<'a>> {
    let mut cands = Vec::new();
    // Numbers after an order, parcel, tracking or ticket label.
    let mut labelled: Vec<(usize, usize)> = Vec::new();
    for det in detectors() {
        let mut pos = 0;
        while pos < line.len() {
            let Some(m) = det.regex.find_at(line, pos) else { break };
            if m.is_empty() {
                break;
            }
            match (det.validate)(line, m.start(), m.end()) {
                // An order, parcel or ticket number: nothing inside it is customer data either.
                Some(kind) if kind != PiiKind::Email && after_order_label(line, m.start()) => {
                    labelled.push((m.start(), m.end()));
                    pos = m.end();
                }
                Some(kind) => {
                    cands.push(Candidate { start: m.start(), end: m.end(), kind, pattern: None });
                    pos = m.end();
                }
                // A rejected number may hide a valid one starting inside it: try again one character on.
                // A rejected e-mail address would only be found again with a shorter local part.
                None if m.as_str().contains('@') => pos = m.end(),
                None => pos = m.start() + line[m.start()..].chars().next().map_or(1, char::len_utf8),
            }
        }
    }
    cands.retain(|c| c.kind == PiiKind::Email || labelled.iter().all(|&(s, e)| c.end <= s || c.start >= e));
    for pattern in custom {
        for m in pattern.regex.find_iter(line) {
            if m.is_empty() || m.as_str().contains(is_mask_char) {
                continue;
            }
            let before = line[..m.start()].chars().next_back();
            let after = line[m.end()..].chars().next();
            if before.is_some_and(is_mask_char) || after.is_some_and(is_mask_char) {
                continue;
            }
            let name = Some(pattern.name.as_str());
            cands.push(Candidate { start: m.start(), end: m.end(), kind: PiiKind::Custom, pattern: name });
        }
    }
    cands
}

/// Keeps the longest of overlapping candidates; the result is in line order.
fn resolve(mut cands: Vec<Candidate<'_>>) -> Vec<Candidate<'_>> {
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.kind.rank(), c.start));
    let mut kept: Vec<Candidate<'_>> = Vec::new();
    for c in cands {
        if kept.iter().all(|k| c.end <= k.start || c.start >= k.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "---\ntitle: 退貨案例\n---\n客戶手機是 0912-345-678。\n\r\n郵件 a@b.co，電話 (02)2345-6789\r\n";
        let found = find(text, &[]);
        let at: Vec<_> = found.iter().map(|f| (f.kind, f.line, f.col)).collect();
        assert_eq!(at, vec![(PiiKind::MobilePhone, 4, 7), (PiiKind::Email, 6, 4), (PiiKind::Landline, 6, 14),]);
    }

    #[test]
    fn allow_markers_skip_lines() {
        let text = "0912345678 <!-- casebook:allow-pii -->\n\
                    <!-- casebook:allow-pii-next-line -->\n\
                    alice@example.com\n\
                    13812345678\n";
        let found = find(text, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].col, found[0].kind), (4, 1, PiiKind::MobilePhone));
    }

    #[test]
    fn full_width_numbers_are_reported_where_written() {
        let text = "客戶手機：０９１２－３４５－６７８，回撥 ＋８６　１３８１２３４５６７８\n信箱 a@b.co";
        let found: Vec<_> = find(text, &[]).into_iter().map(|f| (f.line, f.col, f.masked)).collect();
        assert_eq!(
            found,
            vec![
                (1, 6, "０９１２－***－６７８".to_string()),
                (1, 22, "＋８６\u{3000}１３８****５６７８".to_string()),
                (2, 4, "a***@b.co".to_string()),
            ]
        );
        let (ascii, written_at) = normalize("ａ１－b");
        assert_eq!(ascii, "a1-b");
        assert_eq!((0..=4).map(&written_at).collect::<Vec<_>>(), [0, 3, 6, 9, 10]);
    }

    #[test]
    fn misspelled_allow_markers_are_found() {
        let text = "0912345678 <!--casebook: allow pii -->\n\
                    a <!-- allowpii -->\n\
                    b <!-- Casebook:Allow-PII -->\n\
                    <!-- casebook:allow-pii-nextline -->\n\
                    phone: x # casebook allow pii\n\
                    c casebook:allowpii d\n\
                    ok <!-- casebook:allow-pii -->\n\
                    ok <!-- casebook:allow-pii-->\n\
                    <!-- casebook:allow-pii-next-line -->\n\
                    we never allow PII in a case\n";
        let found: Vec<_> = misspelled_markers(text).into_iter().map(|m| (m.line, m.col, m.written, m.meant)).collect();
        let s = String::from;
        assert_eq!(
            found,
            vec![
                (1, 12, s("<!--casebook: allow pii -->"), ALLOW),
                (2, 3, s("<!-- allowpii -->"), ALLOW),
                (3, 3, s("<!-- Casebook:Allow-PII -->"), ALLOW),
                (4, 1, s("<!-- casebook:allow-pii-nextline -->"), ALLOW_NEXT),
                (5, 10, s("# casebook allow pii"), ALLOW),
                (6, 3, s("casebook:allowpii"), ALLOW),
            ]
        );
        // A marker that is not understood does not silence the line.
        assert_eq!(find("0912345678 <!--casebook: allow pii -->", &[]).len(), 1);
    }

    #[test]
    fn custom_patterns() {
        let custom =
            [CustomPattern { name: "member number".to_string(), regex: Regex::new(r"M\d{8}").expect("test regex") }];
        let found = find("會員 M12345678，已遮 M1234****", &custom);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, PiiKind::Custom);
        assert_eq!(found[0].pattern.as_deref(), Some("member number"));
        assert_eq!(found[0].masked, "M12**5678");
        assert_eq!(found[0].col, 4);
    }

    #[test]
    fn several_findings_sorted() {
        let text = "A123456789 與 0912345678\nbob@example.org";
        let found: Vec<_> = find(text, &[]).into_iter().map(|f| (f.line, f.col, f.kind)).collect();
        assert_eq!(found, vec![(1, 1, PiiKind::ResidentId), (1, 14, PiiKind::MobilePhone), (2, 1, PiiKind::Email)]);
    }

    #[test]
    fn serializes_kind_in_kebab_case() {
        let json = serde_json::to_string(&PiiKind::ResidentId).unwrap_or_default();
        assert_eq!(json, "\"resident-id\"");
    }
}
