//! What a finding shows of the value it found: [`mask`] hides the middle of
//! a phone number, e-mail address, ID or card number and keeps its ends (and
//! a country prefix or area code) so a writer can tell which value to
//! remove without the message repeating it; [`mask_as_written`] shows the
//! kept characters as written (full-width stays full-width).

use super::checks::digits_of;
use super::PiiKind;

/// [`mask`] for a value found in its ASCII form: the characters kept are shown
/// as written (full-width stays full-width).
pub(super) fn mask_as_written(kind: PiiKind, written: &str, ascii: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
