//! The words of the interface in the journal's language: a built-in table
//! ([`table`]) in zh-Hant, zh-Hans and en, chosen by `language:`, and the
//! journal's own words over it, from `strings:` in casebook.yaml or the file
//! `i18n/<language>.yaml` (`i18n/en.yaml`), as Hugo and Zola let a site
//! change its theme's words. A key names one string (`reading_time`); a
//! key with `.one` after it is the form for a count of 1.
//!
//! Labels of fields and values (`phone` → 電話 / 电话 / Phone) come from
//! the same table, so `strings:` can change them too; `labels:` still wins.

mod table;

use std::collections::BTreeMap;
use std::path::Path;

use super::values::{self, Field};
use super::Lang;
use crate::diagnostics::{closest, Diagnostic, Problem};
use crate::yaml;

/// The folder of the journal's interface words.
pub const I18N_DIR: &str = "i18n";

/// The interface words of one journal: its language and its own words.
#[derive(Debug, Clone, Copy)]
pub struct Strings<'a> {
    pub lang: Lang,
    pub own: &'a BTreeMap<String, String>,
}

fn column(lang: Lang) -> usize {
    match lang {
        Lang::Hant => 0,
        Lang::Hans => 1,
        Lang::En => 2,
    }
}

/// The built-in word for `key` in `lang`, if the table has the key.
pub fn builtin(key: &str, lang: Lang) -> Option<&'static str> {
    let word = table::WORDS.iter().find(|(k, _)| *k == key).map(|(_, w)| w[column(lang)]);
    word.or_else(|| values::label(key, lang))
}

/// Every key a journal may give its own words for.
pub fn keys() -> impl Iterator<Item = &'static str> {
    table::WORDS.iter().map(|(k, _)| *k).chain(label_keys())
}

/// The keys of the labels a journal may reword: fields, built-in values,
/// kinds and competencies (not case sections, which a journal renames with
/// `case_sections:`).
fn label_keys() -> impl Iterator<Item = &'static str> {
    values::VALUES.iter().filter(|v| v.field != Field::CaseSection).map(|v| v.key)
}

/// The labels of fields, values and competencies in `strings`' language
/// (the journal's own words included), before `labels:`.
pub fn labels(strings: Strings) -> BTreeMap<String, String> {
    label_keys().map(|k| (k.to_string(), strings.get(k).to_string())).collect()
}

impl<'a> Strings<'a> {
    /// The word for `key`: the journal's, else the built-in one, else the
    /// key itself (a theme's typo shows as the key rather than failing).
    pub fn get(&self, key: &'a str) -> &'a str {
        self.find(key).unwrap_or(key)
    }

    /// The word for `key` when there is one.
    pub fn find(&self, key: &str) -> Option<&'a str> {
        self.own.get(key).map(String::as_str).or_else(|| builtin(key, self.lang))
    }

    /// The form of `key` for a count of `n`: `key.one` for 1 when there is
    /// such a key, else `key`.
    pub fn counted(&self, key: &str, n: i64) -> Option<&'a str> {
        let one = (n == 1).then(|| self.find(&format!("{key}.one"))).flatten();
        one.or_else(|| self.find(key))
    }

    /// `key`'s word with each `{name}` replaced by its value.
    pub fn fill(&self, key: &'a str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }
}

/// `text` with each `{name}` of `args` replaced by its value.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A journal's words checked: an unknown key is a warning (with the
/// closest known one) at its line in `text`, and left out.
pub(super) fn checked(
    own: BTreeMap<String, String>,
    text: &str,
    rel: &Path,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let known: Vec<&str> = keys().collect();
    own.into_iter()
        .filter(|(key, _)| {
            let base = key.strip_suffix(".one").unwrap_or(key);
            if known.contains(&base) {
                return true;
            }
            let (line, col) = key_line(text, key);
            let problem = match closest(key, known.iter().copied()) {
                Some(close) => Problem::UnknownSetting {
                    key: key.clone(),
                    suggestion: Some(close.to_string()),
                    known: known.iter().map(|k| k.to_string()).collect(),
                },
                // Listing every key would bury the line: the README says where they are.
                None => Problem::UnknownInterfaceWord { key: key.clone() },
            };
            diags.push(Diagnostic::warning(rel, line, col, problem));
            false
        })
        .collect()
}

/// Where `key:` is written in `text` (at any depth), 1-based.
fn key_line(text: &str, key: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, line)| {
            let at = line.find(key)?;
            let rest = line[at + key.len()..].trim_start_matches(['"', '\'']);
            rest.starts_with(':').then(|| (i + 1, line[..at].chars().count() + 1))
        })
        .unwrap_or((1, 1))
}

/// The journal's file of words for `lang` (`i18n/zh-Hant.yaml`; the code as
/// written in `language:` too, `i18n/zh-TW.yaml`), read and checked; empty
/// when there is none.
pub(super) fn read_file(root: &Path, lang: Lang, written: &str) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    for code in [lang.code(), written.trim()] {
        if code.is_empty() || code.contains(['/', '\\', '.']) {
            continue;
        }
        let rel = Path::new(I18N_DIR).join(format!("{code}.yaml"));
        let text = match crate::paths::read(root, &rel, &crate::limits::CONFIG) {
            Ok(Some(bytes)) => String::from_utf8_lossy(&bytes).trim_start_matches('\u{feff}').replace("\r\n", "\n"),
            Ok(None) => continue,
            Err(d) => return (BTreeMap::new(), vec![d]),
        };
        if text.trim().is_empty() {
            return (BTreeMap::new(), diags);
        }
        if let Err(r) = yaml::guard(&text) {
            return (BTreeMap::new(), vec![Diagnostic::error(&rel, r.line, r.col, r.problem)]);
        }
        return match serde_norway::from_str::<BTreeMap<String, String>>(&text) {
            Ok(own) => {
                let own = checked(own, &text, &rel, &mut diags);
                (own, diags)
            }
            Err(err) => {
                let (line, col, problem) = yaml::explain_error(&err, &text);
                (BTreeMap::new(), vec![Diagnostic::error(&rel, line, col, problem)])
            }
        };
    }
    (BTreeMap::new(), diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_its_three_languages_and_no_key_is_twice() {
        let mut seen = std::collections::BTreeSet::new();
        for (key, words) in table::WORDS.iter() {
            assert!(seen.insert(*key), "`{key}` is in the table twice");
            for (lang, w) in Lang::ALL.iter().zip(words) {
                assert!(!w.trim().is_empty(), "`{key}` has no {} word", lang.code());
            }
            // The same placeholders in each language.
            let names = |w: &str| {
                let mut n: Vec<String> =
                    w.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|p| p.0.to_string()).collect();
                n.sort();
                n
            };
            assert_eq!(names(words[0]), names(words[2]), "`{key}`");
            assert_eq!(names(words[0]), names(words[1]), "`{key}`");
        }
    }

    #[test]
    fn simplified_words_are_mainland_words() {
        let own = BTreeMap::new();
        let s = Strings { lang: Lang::Hans, own: &own };
        assert_eq!(s.get("search"), "搜索");
        assert_eq!(s.get("search_placeholder"), "搜索案例…");
        assert_eq!(s.fill("reading_time", &[("n", "4")]), "约 4 分钟读完");
        // No Traditional-only character in the Simplified column.
        for (key, words) in table::WORDS.iter() {
            for c in ["搜尋", "資訊", "帳戶", "標籤", "篩選", "點評", "頁", "篇文"] {
                assert!(!words[1].contains(c) || key == &"search_label", "`{key}` zh-Hans has {c}: {}", words[1]);
            }
        }
    }

    #[test]
    fn counts_take_the_form_for_one_and_journal_words_win() {
        let mut own = BTreeMap::new();
        let en = Strings { lang: Lang::En, own: &own };
        assert_eq!(fill(en.counted("articles", 1).unwrap(), &[("n", "1")]), "1 article");
        assert_eq!(fill(en.counted("articles", 2).unwrap(), &[("n", "2")]), "2 articles");
        assert_eq!(fill(en.counted("articles", 0).unwrap(), &[("n", "0")]), "0 articles");
        assert_eq!(en.fill("reading_time", &[("n", "4")]), "About 4 min read");
        own.insert("reading_time".to_string(), "{n}′".to_string());
        let en = Strings { lang: Lang::En, own: &own };
        assert_eq!(en.fill("reading_time", &[("n", "4")]), "4′");
        assert_eq!(en.get("no such key"), "no such key");
    }

    #[test]
    fn the_file_of_the_language_as_written_or_by_its_code() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join(I18N_DIR)).unwrap();
        std::fs::write(tmp.path().join("i18n/zh-TW.yaml"), "latest: 最新\n").unwrap();
        let (own, d) = read_file(tmp.path(), Lang::Hant, "zh-TW");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(own.get("latest").map(String::as_str), Some("最新"));
        // The canonical code's file comes first; another language's is not read.
        std::fs::write(tmp.path().join("i18n/zh-Hant.yaml"), "latest: 新文章\n").unwrap();
        assert_eq!(read_file(tmp.path(), Lang::Hant, "zh-TW").0.get("latest").map(String::as_str), Some("新文章"));
        assert!(read_file(tmp.path(), Lang::En, "en").0.is_empty());
        // A file that is not a map of words is an error at its line.
        std::fs::write(tmp.path().join("i18n/en.yaml"), "latest:\n  other: x\n").unwrap();
        let (own, d) = read_file(tmp.path(), Lang::En, "en");
        assert!(own.is_empty());
        assert_eq!(d.len(), 1);
        assert!(d[0].to_string().starts_with("i18n/en.yaml:"), "{d:?}");
    }

    #[test]
    fn unknown_keys_are_reported_where_they_are_written() {
        let text = "reading_tim: x\narticles.one: y\n";
        let own: BTreeMap<String, String> = serde_norway::from_str(text).unwrap();
        let mut diags = Vec::new();
        let kept = checked(own, text, Path::new("i18n/en.yaml"), &mut diags);
        assert_eq!(kept.keys().collect::<Vec<_>>(), ["articles.one"]);
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].to_string(),
            "i18n/en.yaml:1:1: warning: unknown setting `reading_tim`; did you mean `reading_time`?"
        );
    }

    #[test]
    fn a_key_close_to_none_points_to_the_readme_instead_of_every_key() {
        let text = "latest: x
zzzzzzzz: y
";
        let own: BTreeMap<String, String> = serde_norway::from_str(text).unwrap();
        let mut diags = Vec::new();
        checked(own, text, Path::new("casebook.yaml"), &mut diags);
        assert_eq!(diags.len(), 1);
        let problem = &diags[0].problem;
        assert_eq!(problem.kind(), "config/unknown-key");
        for (lang, want) in [
            (Lang::Hant, "沒有 `zzzzzzzz` 這個介面文字；可以用的名稱請看 README 裡「The interface's language」那一節"),
            (Lang::Hans, "没有 `zzzzzzzz` 这个界面文字；可以用的名称请看 README 里「The interface's language」那一节"),
            (Lang::En, "`zzzzzzzz` is not one of the interface's words; their names are in the README, under \"The interface's language\""),
        ] {
            assert_eq!(problem.message_in(lang), want);
        }
    }
}
