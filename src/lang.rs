//! The three languages casebook speaks: the interface of the default theme
//! and the messages about a journal's files are in one of them, chosen by
//! `language:` in casebook.yaml (and, for messages, `CASEBOOK_LANG` or
//! `--lang`). Shared by every stage (messages are made in all of them);
//! `config::Lang` names the same type.

/// Traditional Chinese, Simplified Chinese or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// Traditional Chinese (Taiwan, Hong Kong): the default.
    #[default]
    Hant,
    /// Simplified Chinese (mainland, Singapore).
    Hans,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Hant, Lang::Hans, Lang::En];

    /// The language a code names: `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` and
    /// `zh` are Traditional; `zh-Hans`, `zh-CN`, `zh-SG` Simplified; `en` and
    /// `en-*` English. Case and `_` for `-` do not matter. `None` for any
    /// other language.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = code.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                if rest.iter().any(|p| matches!(*p, "hans" | "cn" | "sg" | "my")) {
                    Some(Lang::Hans)
                } else if rest.is_empty() || rest.iter().any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo")) {
                    Some(Lang::Hant)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The code written in pages' `lang` attribute and in casebook.yaml.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Hant => "zh-Hant",
            Lang::Hans => "zh-Hans",
            Lang::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes_name_the_three_languages() {
        for (code, lang) in [
            ("zh-Hant", Lang::Hant),
            ("zh-TW", Lang::Hant),
            ("zh_hk", Lang::Hant),
            ("zh", Lang::Hant),
            ("zh-Hant-TW", Lang::Hant),
            ("zh-Hans", Lang::Hans),
            ("zh-CN", Lang::Hans),
            ("zh-Hans-SG", Lang::Hans),
            ("en", Lang::En),
            ("en-GB", Lang::En),
        ] {
            assert_eq!(Lang::from_code(code), Some(lang), "{code}");
        }
        for code in ["fr", "ja", "", "zh-xx"] {
            assert_eq!(Lang::from_code(code), None, "{code}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }
}
