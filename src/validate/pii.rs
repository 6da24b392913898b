//! Finds customer data that must not be published in a case.
//!
//! `casebook check` hands every article's Markdown text (front matter and body)
//! to [`find`], which reports each mobile or landline number, e-mail address,
//! resident ID number, bank card number and configured [`CustomPattern`] match
//! with its 1-based line and column (in characters) and a [`mask`]ed value, so a
//! writer can see what to remove without the message repeating the data.
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

use std::sync::OnceLock;

use regex::Regex;

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

/// [`mask`] for a value found in its ASCII form: the characters kept are shown
/// as written (full-width stays full-width).
fn mask_as_written(kind: PiiKind, written: &str, ascii: &str) -> String {
    if written == ascii {
        return mask(kind, ascii);
    }
    if kind == PiiKind::Email {
        // The mask has its own shape: the first character, `***`, and the domain from the `@` on, as written.
        let at = ascii.rfind('@').map_or(0, |at| ascii[..at].chars().count());
        let first: String = written.chars().take(1).collect();
        let domain: String = written.chars().skip(at).collect();
        return format!("{first}***{domain}");
    }
    // Every other mask keeps or hides each character in place.
    let masked = mask(kind, ascii);
    written.chars().zip(ascii.chars()).zip(masked.chars()).map(|((w, a), m)| if m == a { w } else { m }).collect()
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

/// Masks a value: keeps the first 3 and last 4 characters of digits-only values of length >= 9, the first
/// char of an e-mail's local part and the whole domain, and hides the rest with '*'.
///
/// Details: separators (space, `-`, parentheses…) stay in place and only letters and digits are counted
/// and hidden; a country prefix (`+86`, `886`, `(+852)`…) is kept as written; Taiwan mobile numbers keep
/// the first 4 and last 3 digits, the way they are usually masked there (`0912***678`); landlines written
/// with an area code keep the area code and the last 4 digits (`(02)****-6789`); bank cards and
/// 18-character resident IDs keep the first 4 and last 4 (`6222 **** **** 1234`, `1101**********1234`),
/// 10-character Taiwan IDs the first 2 and last 3, Hong Kong IDs the first 2 and the check character
/// (`A1*****(3)`); the local part of an e-mail always becomes `x***`,
/// whatever its length. Values shorter than 9 keep less: 2 and 2 from 6 characters, 1 and 1 from 3.
pub fn mask(kind: PiiKind, value: &str) -> String {
    match kind {
        PiiKind::Email => match value.rsplit_once('@') {
            Some((local, domain)) => {
                let first: String = local.chars().take(1).collect();
                format!("{first}***@{domain}")
            }
            None => keep_ends(value, None),
        },
        PiiKind::MobilePhone | PiiKind::Landline => {
            let (prefix, rest) = split_country_prefix(value);
            if kind == PiiKind::Landline && prefix.is_empty() {
                if let Some(masked) = mask_after_area_code(rest) {
                    return masked;
                }
            }
            let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
            let keep = if kind == PiiKind::MobilePhone && digits.len() == 10 && digits.starts_with("09") {
                Some((4, 3))
            } else if kind == PiiKind::MobilePhone && prefix.contains("886") && digits.len() == 9 {
                Some((3, 3))
            } else {
                None
            };
            format!("{prefix}{}", keep_ends(rest, keep))
        }
        PiiKind::BankCard => keep_ends(value, Some((4, 4))),
        PiiKind::ResidentId => {
            let n = value.chars().filter(|c| c.is_alphanumeric()).count();
            // Mainland (18), Taiwan (10), Hong Kong (8 or 9 with the check character).
            keep_ends(
                value,
                Some(if n >= 18 {
                    (4, 4)
                } else if n == 10 {
                    (2, 3)
                } else {
                    (2, 1)
                }),
            )
        }
        PiiKind::Custom => keep_ends(value, None),
    }
}

/// Hides the letters and digits of `value` except the first `head` and last `tail` (or the generic
/// amounts for its length); other characters are kept.
fn keep_ends(value: &str, keep: Option<(usize, usize)>) -> String {
    let n = value.chars().filter(|c| c.is_alphanumeric()).count();
    let (head, tail) = match keep {
        Some((h, t)) if h + t < n => (h, t),
        _ => generic_keep(n),
    };
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                return c;
            }
            let i = seen;
            seen += 1;
            if i < head || i >= n - tail {
                c
            } else {
                '*'
            }
        })
        .collect()
}

fn generic_keep(n: usize) -> (usize, usize) {
    match n {
        9.. => (3, 4),
        6..=8 => (2, 2),
        3..=5 => (1, 1),
        _ => (0, 0),
    }
}

/// Keeps a written area code and the last 4 digits: `(02)****-6789`, `010-****5678`.
fn mask_after_area_code(value: &str) -> Option<String> {
    let split = value.find([')', '）', '-', ' '])?;
    let sep_len = value[split..].chars().next()?.len_utf8();
    let (area, local) = value.split_at(split + sep_len);
    let area_digits = digits_of(area);
    if !(2..=4).contains(&area_digits.len()) || area_digits[0] != 0 || digits_of(local).len() < 7 {
        return None;
    }
    Some(format!("{area}{}", keep_ends(local, Some((0, 4)))))
}

/// Splits a leading country code (`+86 `, `0086 `, `886-`, `(+852) `…) from a phone number.
fn split_country_prefix(value: &str) -> (&str, &str) {
    for code in ["886", "852", "86"] {
        for lead in ["+", "00", "(+", "(00", "(", "（+", "（00", "（", ""] {
            let Some(after_lead) = value.strip_prefix(lead) else { continue };
            let Some(mut rest) = after_lead.strip_prefix(code) else { continue };
            if lead.contains(['(', '（']) {
                match rest.strip_prefix([')', '）']) {
                    Some(r) => rest = r,
                    None => continue,
                }
            }
            let rest = rest.trim_start_matches([' ', '-']);
            if rest.chars().filter(char::is_ascii_digit).count() >= 8 {
                return value.split_at(value.len() - rest.len());
            }
        }
    }
    ("", value)
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

/// Decides whether a regex match at `start..end` of `line` is a finding, and of which kind.
type Validator = fn(&str, usize, usize) -> Option<PiiKind>;

struct Detector {
    regex: Regex,
    validate: Validator,
}

fn detectors() -> &'static [Detector] {
    static DETECTORS: OnceLock<Vec<Detector>> = OnceLock::new();
    DETECTORS.get_or_init(|| {
        let table: [(&str, Validator); 13] = [
            // Mainland mobile: 138 1234 5678, optional +86 / 0086 / 86 / (+86).
            (r"(?:(?:\+|00)?86[ -]?|[(（](?:\+|00)?86[)）][ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}", |l, s, e| {
                context_ok(l, s, e).then_some(PiiKind::MobilePhone)
            }),
            // Taiwan mobile: 0912-345-678; +886 912 345 678, +886-9-1234-5678, 00886…, (+886), +886 (0)912….
            (
                r"(?:(?:(?:\+|00)?886|[(（](?:\+|00)?886[)）])[ -]?(?:[(（]0[)）][ -]?|0)?9(?:\d{2}[ -]?\d{3}[ -]?\d{3}|[ -]?\d{4}[ -]?\d{4}|\d{3}[ -]?\d{5})|09\d{2}[ -]?\d{3}[ -]?\d{3})",
                |l, s, e| context_ok(l, s, e).then_some(PiiKind::MobilePhone),
            ),
            // Hong Kong with country code.
            (r"(?:[(（](?:\+|00)?852[)）]|(?:\+|00)?852)[ -]?[2-9]\d{3}[ -]?\d{4}", validate_hk_prefixed),
            // Hong Kong without country code: only the 4-4 grouping.
            (r"[23569]\d{3}[ -]\d{4}", validate_hk_grouped),
            // Landlines with an area code in parentheses or followed by a dash.
            (r"(?:[(（]0\d{1,3}[)）][ -]?|0\d{1,3}-)\d{3,4}[ -]?\d{4}", validate_landline),
            // E-mail addresses.
            (
                r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}",
                validate_email,
            ),
            // Mainland resident ID.
            (r"\d{17}[\dXx]", |l, s, e| (context_ok(l, s, e) && cn_id_ok(&l[s..e])).then_some(PiiKind::ResidentId)),
            // Taiwan national ID, in either case.
            (r"[A-Za-z][12]\d{8}", |l, s, e| {
                (context_ok(l, s, e) && tw_id_ok(&l[s..e])).then_some(PiiKind::ResidentId)
            }),
            // Hong Kong identity card: A123456(3), AB987654(A), with its check digit in brackets.
            (r"[A-Za-z]{1,2}\d{6} ?[(（][\dAa][)）]", |l, s, e| {
                (context_ok(l, s, e) && hk_id_ok(&l[s..e])).then_some(PiiKind::ResidentId)
            }),
            // Bank cards: 4-4-4-4-3, 4-4-4-4, 4-6-5 / 4-6-4 (AmEx, Diners), or one run of 13 to 19 digits.
            (r"[2-6]\d{3}(?:[ -]\d{4}){3}[ -]\d{3}", validate_card),
            (r"[2-6]\d{3}(?:[ -]\d{4}){3}", validate_card),
            (r"3\d{3}[ -]\d{6}[ -]\d{4,5}", validate_card),
            (r"[2-6]\d{12,18}", validate_card),
        ];
        table
            .into_iter()
            .map(|(pattern, validate)| Detector {
                regex: Regex::new(pattern).expect("built-in customer-data pattern is a valid regex"),
                validate,
            })
            .collect()
    })
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

// ---------------------------------------------------------------------------
// Context checks

fn is_mask_char(c: char) -> bool {
    matches!(c, '*' | '＊' | '●' | '•' | '○' | '◯')
}

/// Currency signs and codes that make the number after them an amount.
const MONEY_BEFORE: &[&str] = &["$", "¥", "￥", "€", "£", "＄", "NT", "NTD", "TWD", "RMB", "CNY", "HKD", "USD", "元"];
/// Currency words (and `%`) that make the number before them an amount.
const MONEY_AFTER: &[&str] = &[
    "元",
    "圓",
    "圆",
    "块",
    "塊",
    "円",
    "萬",
    "万",
    "億",
    "亿",
    "%",
    "％",
    "NTD",
    "TWD",
    "RMB",
    "CNY",
    "HKD",
    "USD",
    "dollar",
    "美元",
    "美金",
    "港元",
    "港幣",
    "港币",
    "台幣",
    "台币",
    "人民幣",
];
/// Labels after which a long number is an order, ticket, serial or device number, not a card.
const NOT_CARD_LABELS: &[&str] = &[
    "訂單", "订单", "單號", "单号", "編號", "编号", "序號", "序号", "串號", "串号", "運單", "运单", "工單", "工单",
    "order", "ticket", "tracking", "no.", "imei", "s/n", "sn",
];

/// Names of what an order, parcel, tracking or ticket number belongs to: a number written right after one of
/// them, with or without a word for "number" ([`NUMBER_WORDS`]), is that number, not customer data.
const ORDER_WORDS: &[&str] = &[
    "訂單",
    "订单",
    "包裹",
    "物流",
    "物流單",
    "物流单",
    "運單",
    "运单",
    "貨運",
    "货运",
    "託運",
    "托运",
    "快遞",
    "快递",
    "追蹤",
    "追踪",
    "工單",
    "工单",
    "order",
    "parcel",
    "tracking",
    "ticket",
];
/// Words for "number" after an [`ORDER_WORDS`] name: 訂單編號, 包裹號碼, 物流單號, order no.
const NUMBER_WORDS: &[&str] =
    &["編號", "编号", "號碼", "号码", "單號", "单号", "號", "号", "碼", "码", "no.", "no", "number", "id"];

/// Whether the number at `start` follows an order, parcel, tracking or ticket label (`訂單編號：`, `訂單號是`,
/// `包裹號碼`, `物流單號`, `工單 #`, `Order No.`).
fn after_order_label(line: &str, start: usize) -> bool {
    let label = line[..start].trim_end_matches(|c: char| {
        // `+`: a number may be tried again without its country code's `+`.
        c.is_whitespace()
            || matches!(c, ':' | '：' | '#' | '＃' | '(' | '（' | '「' | '=' | '＝' | '+' | '是' | '為' | '为')
    });
    let names = NUMBER_WORDS
        .iter()
        .filter(|w| ends_with_word(label, w))
        .map(|w| label[..label.len() - w.len()].trim_end())
        .chain([label]);
    names.into_iter().any(|name| ORDER_WORDS.iter().any(|w| ends_with_word(name, w)))
}

/// Whether `before` ends with `word` (ASCII case-insensitive), not as the tail of a longer ASCII word.
fn ends_with_word(before: &str, word: &str) -> bool {
    let Some(cut) = before.len().checked_sub(word.len()) else { return false };
    let Some(tail) = before.get(cut..) else { return false };
    if !tail.eq_ignore_ascii_case(word) {
        return false;
    }
    let word_is_alpha = word.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    !(word_is_alpha && before[..cut].chars().next_back().is_some_and(|c| c.is_ascii_alphabetic()))
}

/// Whether `after` starts with `word` (ASCII case-insensitive), not as the head of a longer ASCII word.
fn starts_with_word(after: &str, word: &str) -> bool {
    let Some(head) = after.get(..word.len()) else { return false };
    if !head.eq_ignore_ascii_case(word) {
        return false;
    }
    let word_is_alpha = word.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    // "dollar" may be followed by "s".
    let rest = after[word.len()..].trim_start_matches('s');
    !(word_is_alpha && rest.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
}

/// Length of the run of ASCII digits at the start of `chars`.
fn digit_run(chars: impl Iterator<Item = char>) -> usize {
    chars.take_while(char::is_ascii_digit).count()
}

/// Checks that `line[start..end]` stands alone as a number and is not an amount of money.
fn context_ok(line: &str, start: usize, end: usize) -> bool {
    let before = &line[..start];
    let after = &line[end..];
    let mut back = before.chars().rev();
    let mut ahead = after.chars();
    let (p1, p2) = (back.next(), back.next());
    let (n1, n2) = (ahead.next(), ahead.next());

    for (near, far, rest_len) in
        [(p1, p2, digit_run(before.chars().rev().skip(1))), (n1, n2, digit_run(after.chars().skip(1)))]
    {
        let Some(near) = near else { continue };
        if near.is_ascii_alphanumeric() || near == '_' || near == '#' || near == '＃' || is_mask_char(near) {
            return false;
        }
        if near == '%' || near == '％' {
            return false;
        }
        // Joined to a token: TK-20261102-0042, 2026/11/02, 14:30, 3.14, 1,280.
        let far_alnum = far.is_some_and(|c| c.is_ascii_alphanumeric());
        let far_digit = far.is_some_and(|c| c.is_ascii_digit());
        if (near == '-' && far_alnum) || (matches!(near, '.' | '/' | ':' | ',') && far_digit) {
            return false;
        }
        if far.is_some_and(is_mask_char) && matches!(near, '-' | ' ') {
            return false;
        }
        // Part of a longer grouped number: 6222 0212 [3456 7890] 123.
        if near == ' ' && rest_len >= 3 {
            return false;
        }
    }

    let before_trim = before.trim_end();
    if MONEY_BEFORE.iter().any(|w| ends_with_word(before_trim, w)) {
        return false;
    }
    let after_trim = after.trim_start();
    !MONEY_AFTER.iter().any(|w| starts_with_word(after_trim, w))
}

/// The ASCII digits of `s`, as numbers.
fn digits_of(s: &str) -> Vec<u8> {
    s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
}

fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |acc, &d| acc * 10 + u32::from(d))
}

/// Whether 8 digits read as YYYYMMDD are a real date with a year 1900..=2099.
fn is_date(d: &[u8]) -> bool {
    if d.len() != 8 {
        return false;
    }
    let (y, m, day) = (number(&d[..4]), number(&d[4..6]), number(&d[6..]));
    if !(1900..=2099).contains(&y) || !(1..=12).contains(&m) || day == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= days
}

fn validate_hk_prefixed(line: &str, start: usize, end: usize) -> Option<PiiKind> {
    let digits = digits_of(&line[start..end]);
    let national = digits.get(digits.len().checked_sub(8)?..)?;
    if !context_ok(line, start, end) || is_date(national) {
        return None;
    }
    Some(if national[0] <= 3 { PiiKind::Landline } else { PiiKind::MobilePhone })
}

fn validate_hk_grouped(line: &str, start: usize, end: usize) -> Option<PiiKind> {
    let digits = digits_of(&line[start..end]);
    if digits.len() != 8 || !context_ok(line, start, end) || is_date(&digits) {
        return None;
    }
    let (first, second) = (number(&digits[..4]), number(&digits[4..]));
    let is_year = |n: u32| (1900..=2099).contains(&n);
    let is_month_day = |n: u32| (1..=12).contains(&(n / 100)) && (1..=31).contains(&(n % 100));
    // 2020-2026, 2026 1102: years and dates; 3000-5000: a range of round numbers.
    if is_year(first) && (is_year(second) || is_month_day(second)) {
        return None;
    }
    if first % 100 == 0 && second % 100 == 0 {
        return None;
    }
    Some(if digits[0] <= 3 { PiiKind::Landline } else { PiiKind::MobilePhone })
}

fn validate_landline(line: &str, start: usize, end: usize) -> Option<PiiKind> {
    let value = &line[start..end];
    if !context_ok(line, start, end) {
        return None;
    }
    // Area code: the digits before ')' or the first '-'.
    let split = value.find([')', '）', '-'])?;
    let area = digits_of(&value[..split]);
    let local = digits_of(&value[split..]);
    let area_ok = (2..=4).contains(&area.len()) && area.get(1).is_some_and(|&d| d != 0);
    let local_ok = (7..=8).contains(&local.len()) && local.first().is_some_and(|&d| d != 0);
    (area_ok && local_ok && (9..=12).contains(&(area.len() + local.len()))).then_some(PiiKind::Landline)
}

fn validate_email(line: &str, start: usize, end: usize) -> Option<PiiKind> {
    let value = &line[start..end];
    // A local part does not start with a dot.
    let start = start + (value.len() - value.trim_start_matches('.').len());
    let value = &line[start..end];
    let before = line[..start].chars().next_back();
    let after = line[end..].chars().next();
    if before.is_some_and(is_mask_char)
        || after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '@' || is_mask_char(c))
    {
        return None;
    }
    // Image names like logo@2x.png are not addresses.
    let tld = value.rsplit('.').next()?.to_ascii_lowercase();
    let files = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "css", "js", "pdf"];
    (!files.contains(&tld.as_str())).then_some(PiiKind::Email)
}

/// Mainland resident ID: region, birth date YYYYMMDD at positions 7-14, ISO 7064 MOD 11-2 check character.
fn cn_id_ok(value: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let b = value.as_bytes();
    if b.len() != 18 || b[0] == b'0' || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = b[..17].iter().zip(WEIGHTS).map(|(&c, w)| u32::from(c - b'0') * w).sum();
    let birth: Vec<u8> = b[6..14].iter().map(|c| c - b'0').collect();
    b[17].to_ascii_uppercase() == CHECK[(sum % 11) as usize] && is_date(&birth)
}

/// Taiwan national ID: letter (as its two-digit code, either case), 1 or 2, 8 digits, weighted sum divisible
/// by 10.
fn tw_id_ok(value: &str) -> bool {
    // Letters in the order of their codes 10, 11, … 35.
    const LETTERS: &[u8; 26] = b"ABCDEFGHJKLMNPQRSTUVXYWZIO";
    const WEIGHTS: [u32; 11] = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
    let b = value.as_bytes();
    if b.len() != 10 || !matches!(b[1], b'1' | b'2') || !b[1..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let Some(index) = LETTERS.iter().position(|&l| l == b[0].to_ascii_uppercase()) else { return false };
    let code = index as u32 + 10;
    let digits = [code / 10, code % 10].into_iter().chain(b[1..].iter().map(|&c| u32::from(c - b'0')));
    digits.zip(WEIGHTS).map(|(d, w)| d * w).sum::<u32>() % 10 == 0
}

/// Hong Kong identity card: one or two letters, 6 digits and a check character (a digit or A) in brackets.
/// With a space (value 36) before a single letter, letters A-Z as 10-35 and digits as themselves, weighted
/// 9 down to 2, the check character (A for 10) brings the sum to a multiple of 11.
fn hk_id_ok(value: &str) -> bool {
    let chars: Vec<char> = value.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    let Some((&check, body)) = chars.split_last() else { return false };
    let letters = body.len().saturating_sub(6);
    if !(1..=2).contains(&letters) || !body[letters..].iter().all(char::is_ascii_digit) {
        return false;
    }
    let value_of = |c: char| if c.is_ascii_digit() { c as u32 - '0' as u32 } else { c as u32 - 'A' as u32 + 10 };
    let padded = std::iter::repeat_n(36, 2 - letters).chain(body.iter().map(|&c| value_of(c)));
    let sum: u32 = padded.zip((2..=9).rev()).map(|(v, w)| v * w).sum();
    let expected = match 11 - sum % 11 {
        11 => '0',
        10 => 'A',
        d => char::from_digit(d, 10).unwrap_or('?'),
    };
    check == expected
}

fn luhn_ok(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            match (i % 2 == 1, d * 2) {
                (true, x) if x > 9 => x - 9,
                (true, x) => x,
                (false, _) => d,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Whether the issuer prefix fits the length: Visa, Mastercard, AmEx, Diners, JCB, Discover, UnionPay.
fn card_prefix_ok(d: &[u8]) -> bool {
    let len = d.len();
    let p2 = number(&d[..2]);
    let p3 = number(&d[..3]);
    let p4 = number(&d[..4]);
    match d[0] {
        2 => (2221..=2720).contains(&p4) && len == 16,
        3 => {
            ((p2 == 34 || p2 == 37) && len == 15)
                || ((p2 == 36 || p2 == 38 || p2 == 39 || (300..=305).contains(&p3)) && (14..=19).contains(&len))
                || ((3528..=3589).contains(&p4) && (16..=19).contains(&len))
        }
        4 => matches!(len, 13 | 16 | 19),
        5 | 6 => (16..=19).contains(&len),
        _ => false,
    }
}

fn validate_card(line: &str, start: usize, end: usize) -> Option<PiiKind> {
    let value = &line[start..end];
    let mut separators = value.chars().filter(|c| !c.is_ascii_digit());
    if let Some(first) = separators.next() {
        if separators.any(|c| c != first) {
            return None;
        }
    }
    let digits = digits_of(value);
    if !(13..=19).contains(&digits.len()) || !card_prefix_ok(&digits) || !luhn_ok(&digits) {
        return None;
    }
    if !context_ok(line, start, end) {
        return None;
    }
    let label_zone =
        line[..start].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '#' | '＃'));
    if NOT_CARD_LABELS.iter().any(|w| ends_with_word(label_zone, w)) {
        return None;
    }
    Some(PiiKind::BankCard)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Appends the ISO 7064 MOD 11-2 check character to 17 digits.
    fn cn_id(first17: &str) -> String {
        const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        let sum: u32 = first17.bytes().zip(WEIGHTS).map(|(c, w)| u32::from(c - b'0') * w).sum();
        let check = b"10X98765432"[(sum % 11) as usize] as char;
        format!("{first17}{check}")
    }

    /// Appends the Luhn check digit.
    fn luhn(prefix: &str) -> String {
        (0..10u8).map(|d| format!("{prefix}{d}")).find(|s| luhn_ok(&digits_of(s))).unwrap_or_default()
    }

    fn kinds(text: &str) -> Vec<(PiiKind, String)> {
        find(text, &[]).into_iter().map(|f| (f.kind, f.masked)).collect()
    }

    #[test]
    fn helpers_agree_with_known_samples() {
        assert_eq!(cn_id("11010519491231002"), "11010519491231002X");
        assert!(cn_id_ok("11010519491231002X"));
        assert!(tw_id_ok("A123456789"));
        assert!(tw_id_ok("a123456789"));
        assert!(!tw_id_ok("A123456788"));
        assert!(hk_id_ok("A123456(3)"));
        assert!(hk_id_ok("C668668(9)"));
        assert!(hk_id_ok("AB987654(3)"));
        assert!(!hk_id_ok("A123456(4)"));
        assert_eq!(luhn("622202123456789"), "6222021234567894");
        assert!(luhn_ok(&digits_of("4111111111111111")));
    }

    #[test]
    fn finds_each_kind() {
        use PiiKind::*;
        let id = cn_id("44030419900101123");
        let card = luhn("622202123456789");
        let card19 = luhn("622202123456789012");
        let cases: Vec<(String, PiiKind, &str)> = vec![
            // Mainland mobile.
            ("客戶電話 13812345678".into(), MobilePhone, "138****5678"),
            ("手機：138 1234 5678。".into(), MobilePhone, "138 **** 5678"),
            ("138-1234-5678".into(), MobilePhone, "138-****-5678"),
            ("+86 138 1234 5678".into(), MobilePhone, "+86 138 **** 5678"),
            ("8613812345678".into(), MobilePhone, "86138****5678"),
            ("(+86)19912345678 回電".into(), MobilePhone, "(+86)199****5678"),
            ("0086 138 1234 5678".into(), MobilePhone, "0086 138 **** 5678"),
            ("0086-13812345678".into(), MobilePhone, "0086-138****5678"),
            ("(0086)13812345678".into(), MobilePhone, "(0086)138****5678"),
            ("+86 13812345678".into(), MobilePhone, "+86 138****5678"),
            // Taiwan mobile.
            ("0912345678".into(), MobilePhone, "0912***678"),
            ("請撥 0912-345-678 聯絡".into(), MobilePhone, "0912-***-678"),
            ("0912 345 678".into(), MobilePhone, "0912 *** 678"),
            ("+886 912 345 678".into(), MobilePhone, "+886 912 *** 678"),
            ("+886-912-345-678".into(), MobilePhone, "+886-912-***-678"),
            ("+886 9 1234 5678".into(), MobilePhone, "+886 9 12** *678"),
            ("+886-0912-345-678".into(), MobilePhone, "+886-0912-***-678"),
            ("+886 (0)912-345-678".into(), MobilePhone, "+886 (0)912-***-678"),
            ("(+886) 912-345-678".into(), MobilePhone, "(+886) 912-***-678"),
            ("00886 912 345 678".into(), MobilePhone, "00886 912 *** 678"),
            ("Tel:0912345678".into(), MobilePhone, "0912***678"),
            ("| 王先生 | 0912-345-678 |".into(), MobilePhone, "0912-***-678"),
            ("電話 0912345678 3 次未接".into(), MobilePhone, "0912***678"),
            ("0912345678@example.com".into(), Email, "0***@example.com"),
            // Hong Kong.
            ("+852 9123 4567".into(), MobilePhone, "+852 91** **67"),
            ("852-61234567".into(), MobilePhone, "852-61****67"),
            ("香港手機 9123 4567".into(), MobilePhone, "91** **67"),
            ("(852) 2345 6789".into(), Landline, "(852) 23** **89"),
            // Landlines.
            ("(02)2345-6789".into(), Landline, "(02)****-6789"),
            ("（02）2345-6789".into(), Landline, "（02）****-6789"),
            ("02-2345-6789".into(), Landline, "02-****-6789"),
            ("04-234-5678".into(), Landline, "04-***-5678"),
            ("010-12345678".into(), Landline, "010-****5678"),
            ("0755-1234567".into(), Landline, "0755-***4567"),
            // E-mail.
            ("請寄到alice.chen@example.com謝謝".into(), Email, "a***@example.com"),
            ("<mailto:wang_01@mail.corp.com.tw>".into(), Email, "w***@mail.corp.com.tw"),
            // Resident IDs.
            ("身分證 11010519491231002X".into(), ResidentId, "1101**********002X"),
            (id, ResidentId, "4403**********1233"),
            ("A123456789".into(), ResidentId, "A1*****789"),
            ("身分證字號 a123456789".into(), ResidentId, "a1*****789"),
            ("香港身份證 A123456(3)".into(), ResidentId, "A1*****(3)"),
            ("c668668（9）".into(), ResidentId, "c6*****（9）"),
            ("AB987654(3)".into(), ResidentId, "AB******(3)"),
            ("A123456 (3)".into(), ResidentId, "A1***** (3)"),
            // Full-width digits, letters, dashes and spaces, masked as written.
            ("１３８－１２３４－５６７８".into(), MobilePhone, "１３８－****－５６７８"),
            ("電話：０９１２\u{3000}３４５\u{3000}６７８。".into(), MobilePhone, "０９１２\u{3000}***\u{3000}６７８"),
            ("＋８８６－９１２－３４５－６７８".into(), MobilePhone, "＋８８６－９１２－***－６７８"),
            ("0912—345—678".into(), MobilePhone, "0912—***—678"),
            ("Ａ１２３４５６７８９".into(), ResidentId, "Ａ１*****７８９"),
            ("ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ".into(), Email, "ａ***＠ｅｘａｍｐｌｅ．ｃｏｍ"),
            // Bank cards.
            (format!("卡號 {card}"), BankCard, "6222********7894"),
            ("4111 1111 1111 1111".into(), BankCard, "4111 **** **** 1111"),
            ("4111-1111-1111-1111".into(), BankCard, "4111-****-****-1111"),
            (
                format!("{} {} {} {} {}", &card19[..4], &card19[4..8], &card19[8..12], &card19[12..16], &card19[16..]),
                BankCard,
                "6222 **** **** ***0 128",
            ),
            ("3782 822463 10005".into(), BankCard, "3782 ****** *0005"),
        ];
        for (text, kind, masked) in cases {
            assert_eq!(kinds(&text), vec![(kind, masked.to_string())], "in {text:?}");
        }
    }

    #[test]
    fn ignores_look_alikes() {
        let wrong_id = "110105194912310021";
        assert!(!cn_id_ok(wrong_id));
        let cases = [
            "訂單 1234567890123",
            "1234567890123",
            "ORD38201577",
            "ORD382015771234567",
            "TK-20261102-0042",
            "2026-11-02",
            "20261102",
            "2026 1102",
            "2020-2026",
            "3000-5000 人",
            "NT$ 4,990",
            "NT$4990",
            "0912-***-678",
            "138****5678",
            "091●●●●678",
            "6222 **** **** 1234",
            "1101**********1234",
            "a***@example.com",
            wrong_id,
            "A123456788",
            "錯誤碼 E1042",
            "型號 C5",
            "1,280 元",
            "14:30",
            "2026-11-02 14:30:00",
            "$4111111111111111",
            "4111111111111111 元",
            "訂單編號：4111111111111111",
            "IMEI 356938035643809",
            "#13812345678",
            "x13812345678",
            "13812345678901",
            "logo@2x.png",
            "v1.0912345678",
            "服務專線 0800-123-456",
            "ISBN 978-986-123-456-7",
            "SO-0912345678",
            "+852 2026 1102",
            "3.0912345678",
            "¥13812345678",
            "13812345678 元",
            "漲了 13812345678%",
            "A123456(4)",
            "AB987654(A)",
            "型號 XA123456(3)",
            "１３８＊＊＊＊５６７８",
            "２０２６－１１－０２",
            "NT$１３８１２３４５６７８",
            "客戶 0912345678，3 次未接 <!-- casebook:allow-pii-->",
        ];
        for text in cases {
            assert_eq!(find(text, &[]), vec![], "in {text:?}");
        }
    }

    #[test]
    fn numbers_after_order_labels_are_not_customer_data() {
        let id = cn_id("44030419900101123");
        let cases: Vec<String> = vec![
            "訂單編號：0912345678".into(),
            "訂單編號 0912-345-678".into(),
            "訂單號 13812345678".into(),
            "订单号：13812345678".into(),
            "訂單號碼是 +886 912 345 678".into(),
            "包裹號碼 4111111111111111".into(),
            "包裹號碼：(02)2345-6789".into(),
            "物流單號: 02-2345-6789".into(),
            "物流单号 13812345678".into(),
            "運單號 0912345678".into(),
            "工單 A123456789".into(),
            "工單 #0912345678".into(),
            format!("訂單編號為 {id}"),
            "訂單（0912345678）".into(),
            "Order No. 0912345678".into(),
            "tracking number: 13812345678".into(),
            "訂單編號：０９１２３４５６７８".into(),
        ];
        for text in &cases {
            assert_eq!(find(text, &[]), vec![], "in {text:?}");
        }
        // Only the number the label names: a phone number later on the line is still found.
        let found = kinds("訂單編號 0912345678，客戶電話 0912345679");
        assert_eq!(found, vec![(PiiKind::MobilePhone, "0912***679".to_string())]);
        // Labels that do not name an order, parcel or ticket number change nothing.
        for text in
            ["物流公司電話 0912345678", "會員編號 0912345678", "Line ID 0912345678", "客戶訂單聯絡人 0912345678"]
        {
            assert_eq!(kinds(text).len(), 1, "in {text:?}");
        }
    }

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
    fn mask_rules() {
        let cases = [
            (PiiKind::MobilePhone, "13812345678", "138****5678"),
            (PiiKind::MobilePhone, "0912345678", "0912***678"),
            (PiiKind::Landline, "0223456789", "022***6789"),
            (PiiKind::Email, "alice@example.com", "a***@example.com"),
            (PiiKind::Email, "x@example.com", "x***@example.com"),
            (PiiKind::ResidentId, "110105194912311234", "1101**********1234"),
            (PiiKind::ResidentId, "A123456789", "A1*****789"),
            (PiiKind::ResidentId, "A123456(3)", "A1*****(3)"),
            (PiiKind::MobilePhone, "0086 13812345678", "0086 138****5678"),
            (PiiKind::BankCard, "6222 0212 3456 1234", "6222 **** **** 1234"),
            (PiiKind::Custom, "ORD38201577", "ORD****1577"),
            (PiiKind::Custom, "123456789", "123**6789"),
            (PiiKind::Custom, "ab", "**"),
        ];
        for (kind, value, masked) in cases {
            assert_eq!(mask(kind, value), masked, "{kind:?} {value}");
        }
    }

    #[test]
    fn serializes_kind_in_kebab_case() {
        let json = serde_json::to_string(&PiiKind::ResidentId).unwrap_or_default();
        assert_eq!(json, "\"resident-id\"");
    }
}
