//! Folds text so that spellings a reader considers the same compare equal:
//! Unicode NFKC (full-width → half-width), lowercase, and Traditional →
//! Simplified characters (OpenCC's table plus a few search pairs).
//!
//! Used for tag matching and, with the same table shipped to the browser,
//! for search. `fold(fold(s)) == fold(s)`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// Whether `c` is a Chinese, Japanese or Korean character: counted one by
/// one for reading time, and indexed and searched by pairs of characters.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}' | '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}')
}

/// OpenCC's Traditional → Simplified character table (Apache-2.0).
pub const OPENCC_TABLE: &str = include_str!("TSCharacters.txt");
/// Pairs search needs that the table lacks (帳 → 账, 覆 → 复).
pub const EXTRA_TABLE: &str = include_str!("extra.txt");

/// The folding map, with chains resolved so one lookup is enough.
pub fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::default();
        for text in [OPENCC_TABLE, EXTRA_TABLE] {
            for line in text.lines() {
                let mut parts = line.split(['\t', ' ']);
                let (Some(from), Some(to)) = (parts.next(), parts.next()) else {
                    continue;
                };
                let (mut f, mut t) = (from.chars(), to.chars());
                if let (Some(fc), None, Some(tc), None) = (f.next(), f.next(), t.next(), t.next()) {
                    if fc != tc {
                        map.insert(fc, tc);
                    } else {
                        map.remove(&fc);
                    }
                }
            }
        }
        // Resolve chains (a → b, b → c) so folding is idempotent.
        let resolved: HashMap<char, char> = map
            .keys()
            .map(|&k| {
                let mut v = map[&k];
                for _ in 0..8 {
                    match map.get(&v) {
                        Some(&next) if next != v => v = next,
                        _ => break,
                    }
                }
                (k, v)
            })
            .filter(|(k, v)| k != v)
            .collect();
        resolved
    })
}

/// Characters that only Simplified Chinese uses (targets of the table that
/// are not themselves Traditional forms), for guessing an article's script.
pub fn simplified_only() -> &'static std::collections::HashSet<char> {
    static SET: OnceLock<std::collections::HashSet<char>> = OnceLock::new();
    SET.get_or_init(|| {
        let t = table();
        t.values().copied().filter(|c| !t.contains_key(c)).collect()
    })
}

/// Folds one character (already NFKC and lowercase).
pub fn fold_char(c: char) -> char {
    table().get(&c).copied().unwrap_or(c)
}

/// NFKC, lowercase, Traditional → Simplified.
pub fn fold(text: &str) -> String {
    let t = table();
    text.nfkc().flat_map(char::to_lowercase).map(|c| t.get(&c).copied().unwrap_or(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_simplified_width_and_case() {
        let table = [
            ("退貨", "退货"),
            ("退换货", "退换货"),
            ("退換貨", "退换货"),
            ("投訴處理", "投诉处理"),
            ("所有權", "所有权"),
            ("帳單", "账单"),
            ("账单", "账单"),
            ("帐单", "账单"),
            ("覆核", "复核"),
            ("ＶＩＰ客戶", "vip客户"),
            ("ORD38", "ord38"),
        ];
        for (input, want) in table {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn folding_is_idempotent() {
        for (&k, &v) in table() {
            assert_eq!(fold_char(v), v, "{k} → {v} folds again");
        }
    }
}
