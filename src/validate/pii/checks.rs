//! The checks a candidate must pass beyond its regular expression (see the
//! list in [`super`]'s documentation): the table of [`detectors`], each a
//! pattern with its validator; the context a number must stand in (alone,
//! not money, not after an order or ticket label), with the word lists
//! those checks read; and the checksums of resident IDs (mainland, Taiwan,
//! Hong Kong) and bank cards (Luhn, issuer prefixes). The tests here go
//! through [`super::find`], one kind and one look-alike at a time.

use std::sync::OnceLock;

use regex::Regex;

use super::PiiKind;

/// Decides whether a regex match at `start..end` of `line` is a finding, and of which kind.
type Validator = fn(&str, usize, usize) -> Option<PiiKind>;

pub(super) struct Detector {
    pub(super) regex: Regex,
    pub(super) validate: Validator,
}

pub(super) fn detectors() -> &'static [Detector] {
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

pub(super) fn is_mask_char(c: char) -> bool {
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
pub(super) fn after_order_label(line: &str, start: usize) -> bool {
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
pub(super) fn digits_of(s: &str) -> Vec<u8> {
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
    use super::super::find;
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
}
