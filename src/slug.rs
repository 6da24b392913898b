//! Slugs and URLs that keep Chinese text readable.
//!
//! A slug keeps letters and digits of every script (NFC-normalised, lowercase)
//! and turns everything else into `-`; `slugify: ascii` transliterates instead.
//! Site paths are kept as plain UTF-8 strings (`cases/退貨/`) and
//! percent-encoded only where they become an `href` or an absolute URL.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlugMode {
    #[default]
    Unicode,
    Ascii,
}

/// Turns a title, tag or heading into a slug. Never returns an empty string.
pub fn slugify(text: &str, mode: SlugMode) -> String {
    let normalized: String = match mode {
        SlugMode::Unicode => text.nfc().collect(),
        SlugMode::Ascii => deunicode::deunicode(&text.nfkc().collect::<String>()),
    };
    let mut out = String::with_capacity(normalized.len());
    let mut dash = false;
    for c in normalized.chars() {
        let keep = match mode {
            SlugMode::Unicode => c.is_alphanumeric() || c == '_',
            SlugMode::Ascii => c.is_ascii_alphanumeric() || c == '_',
        };
        if keep {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        "untitled".to_string()
    } else {
        out
    }
}

/// Characters percent-encoded in a URL path: everything but unreserved ASCII
/// and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b'/');

/// Percent-encodes a site path such as `cases/退貨/` for use in an href.
pub fn encode_path(path: &str) -> String {
    utf8_percent_encode(path, PATH).to_string()
}

/// Percent-encodes a fragment (heading id).
pub fn encode_fragment(id: &str) -> String {
    utf8_percent_encode(id, PATH).to_string()
}

/// Names handed out so far, for [`UniqueNames::claim`]: like [`unique`], but
/// each name remembers the next number to try, so 20,000 equal headings take
/// linear time instead of trying `-2`, `-3`, ... from the start each time.
#[derive(Debug, Default)]
pub struct UniqueNames {
    taken: std::collections::HashSet<String>,
    /// For a name already taken, the smallest `n` that may give a free `name-n`.
    next: std::collections::HashMap<String, usize>,
}

impl UniqueNames {
    /// `name` if it is free, else `name-n` for the smallest free `n` from 2
    /// (the names [`unique`] gives); records it.
    ///
    /// Every `n` below the remembered one was taken when it was tried, and
    /// names are never given back, so starting there finds the same name.
    pub fn claim(&mut self, name: String) -> String {
        if !self.taken.contains(&name) {
            self.taken.insert(name.clone());
            return name;
        }
        let mut n = self.next.get(&name).copied().unwrap_or(2);
        let mut candidate = format!("{name}-{n}");
        while self.taken.contains(&candidate) {
            n += 1;
            candidate = format!("{name}-{n}");
        }
        self.taken.insert(candidate.clone());
        self.next.insert(name, n + 1);
        candidate
    }
}

/// Returns a slug not yet in `taken`, appending `-2`, `-3`, ... as needed, and
/// records it.
pub fn unique(slug: String, taken: &mut std::collections::HashSet<String>) -> String {
    if taken.insert(slug.clone()) {
        return slug;
    }
    (2..).map(|n| format!("{slug}-{n}")).find(|s| taken.insert(s.clone())).unwrap_or(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_slugs_keep_chinese() {
        let cases = [
            ("客戶要求退回已拆封耳機", "客戶要求退回已拆封耳機"),
            ("退貨 / 換貨：規則", "退貨-換貨-規則"),
            ("VIP 客戶", "vip-客戶"),
            ("Error E1042!", "error-e1042"),
            ("  ", "untitled"),
            ("「處理過程」", "處理過程"),
        ];
        for (input, want) in cases {
            assert_eq!(slugify(input, SlugMode::Unicode), want, "{input}");
        }
    }

    #[test]
    fn nfc_normalises() {
        // e + combining acute becomes é
        assert_eq!(slugify("Cafe\u{301}", SlugMode::Unicode), "café");
    }

    #[test]
    fn ascii_slugs_transliterate() {
        assert_eq!(slugify("退貨 Policy", SlugMode::Ascii), "tui-huo-policy");
    }

    #[test]
    fn encodes_paths() {
        assert_eq!(encode_path("cases/退貨/"), "cases/%E9%80%80%E8%B2%A8/");
        assert_eq!(encode_path("a b/"), "a%20b/");
    }

    #[test]
    fn unique_appends_numbers() {
        let mut taken = Default::default();
        assert_eq!(unique("a".into(), &mut taken), "a");
        assert_eq!(unique("a".into(), &mut taken), "a-2");
        assert_eq!(unique("a".into(), &mut taken), "a-3");
    }

    #[test]
    fn unique_names_give_what_unique_gives() {
        // Names that collide with numbered ones: `a-2` written before the
        // second `a`, `a-2` asked for after it, and `a-2-2`.
        let wanted = ["a", "a-2", "a", "a", "a-2", "a-3", "a", "b", "a-2-2", "a-2", "a-2"];
        let mut old = Default::default();
        let mut new = UniqueNames::default();
        for w in wanted {
            assert_eq!(new.claim(w.to_string()), unique(w.to_string(), &mut old), "{w}");
        }
    }
}
