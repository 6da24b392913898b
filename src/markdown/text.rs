//! What lists and pages show about an article's text, counted once from
//! the plain text [`super::render`] makes: CJK characters and words (for
//! reading time), Traditional and Simplified characters (for the page's
//! language) and the excerpt. Re-exported by [`super`], so these are
//! `markdown::TextFacts`, `markdown::minutes_for` and so on.

use crate::fold::is_cjk;

/// What lists and pages show about an article's text.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct TextFacts {
    /// CJK characters and other words, as [`count_chars_and_words`] counts.
    pub cjk: usize,
    pub words: usize,
    /// Characters only Traditional, or only Simplified, Chinese writes.
    pub traditional: usize,
    pub simplified: usize,
    /// The first sentences, about 120 characters.
    pub excerpt: String,
}

impl TextFacts {
    pub fn of(text: &str) -> TextFacts {
        let table = crate::fold::table();
        let simplified_only = crate::fold::simplified_only();
        let (mut traditional, mut simplified) = (0, 0);
        for c in text.chars() {
            if table.contains_key(&c) {
                traditional += 1;
            } else if simplified_only.contains(&c) {
                simplified += 1;
            }
        }
        let (cjk, words) = count_chars_and_words(text);
        TextFacts { cjk, words, traditional, simplified, excerpt: excerpt(text, 120) }
    }

    /// `en`, `zh-Hans`, `zh-Hant` when the text is clearly written so, else `site`.
    pub fn language(&self, site: &str) -> String {
        if self.words > 50 && self.cjk < self.words {
            "en".to_string()
        } else if self.simplified >= 5 && self.simplified > self.traditional * 3 {
            "zh-Hans".to_string()
        } else if self.traditional >= 5 && self.traditional > self.simplified * 3 && site.starts_with("zh") {
            "zh-Hant".to_string()
        } else {
            site.to_string()
        }
    }
}

/// The text's first `n` characters, cut after a sentence when one ends in
/// the second half, else with an ellipsis.
pub fn excerpt(text: &str, n: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        return flat;
    }
    let cut: String = flat.chars().take(n).collect();
    match cut.rfind(['。', '！', '？', '.']) {
        Some(i) if i > cut.len() / 2 => cut[..i + cut[i..].chars().next().map_or(0, char::len_utf8)].to_string(),
        _ => format!("{cut}…"),
    }
}

/// Reading time in minutes: Chinese (and other CJK) characters at
/// `chars_per_minute`, words of other scripts at `words_per_minute`; at least 1.
/// Reading time of `cjk` characters and `words` words, at least a minute.
pub fn minutes_for(cjk: usize, words: usize, chars_per_minute: u32, words_per_minute: u32) -> u32 {
    let minutes = cjk as f64 / chars_per_minute as f64 + words as f64 / words_per_minute as f64;
    (minutes.round() as u32).max(1)
}

/// (CJK characters, words of other scripts) in `text`.
pub fn count_chars_and_words(text: &str) -> (usize, usize) {
    let mut cjk = 0;
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    (cjk, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_follows_the_house_convention() {
        // 1,280 characters are announced as about 4 minutes.
        let text: String = "字".repeat(1280);
        assert_eq!(minutes_for(count_chars_and_words(&text).0, count_chars_and_words(&text).1, 325, 220), 4);
        assert_eq!(minutes_for(0, 1, 325, 220), 1);
        assert_eq!(count_chars_and_words("退貨 policy for ORD38 訂單"), (4, 3));
    }
}
