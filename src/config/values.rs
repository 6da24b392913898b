//! The built-in values of casebook's fields and their labels in the three
//! languages: what a writer may write for `channel`, `outcome`, `priority`,
//! `kind`, `competencies` and the `##` sections of a case, and what a page
//! shows for them.
//!
//! A value is stored by its key: the English word for channels, outcomes,
//! priorities, kinds and taxonomies (`phone`), the Traditional name for
//! competencies and case sections (`積極傾聽`, `背景`), which have always
//! been written in Chinese and name the pages of their terms. A writer may
//! write the key or a label in any of the three languages, in Traditional
//! or Simplified characters, full or half width and in any case
//! ([`canonical`]); [`label`] gives the words shown.

use std::collections::BTreeMap;

use super::Lang;
use crate::fold::fold;

/// Which field a built-in value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Channel,
    Outcome,
    Priority,
    /// `kind:` of an article.
    Kind,
    Competency,
    /// A `##` section every case has (`case_sections:`).
    CaseSection,
    /// The name of a taxonomy or field (`tags`, `channel`).
    Taxonomy,
}

/// One built-in value: its key and its label in each language, and other
/// spellings read as it (an old spelling, an English synonym).
#[derive(Debug, Clone, Copy)]
pub struct Value {
    pub field: Field,
    pub key: &'static str,
    pub hant: &'static str,
    pub hans: &'static str,
    pub en: &'static str,
    pub also: &'static [&'static str],
}

impl Value {
    /// The label shown in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Hant => self.hant,
            Lang::Hans => self.hans,
            Lang::En => self.en,
        }
    }

    /// Every way of writing the value: the key, the three labels and the
    /// other spellings.
    pub fn spellings(&self) -> impl Iterator<Item = &'static str> {
        [self.key, self.hant, self.hans, self.en].into_iter().chain(self.also.iter().copied())
    }
}

const fn v(field: Field, key: &'static str, hant: &'static str, hans: &'static str, en: &'static str) -> Value {
    Value { field, key, hant, hans, en, also: &[] }
}

use Field::*;

/// Every built-in value, field by field.
pub const VALUES: &[Value] = &[
    v(Channel, "phone", "電話", "电话", "Phone"),
    v(Channel, "chat", "線上客服", "在线客服", "Live chat"),
    v(Channel, "email", "電子郵件", "电子邮件", "Email"),
    v(Channel, "social", "社群媒體", "社交媒体", "Social media"),
    v(Channel, "walk-in", "臨櫃", "到店", "Walk-in"),
    v(Outcome, "resolved", "已解決", "已解决", "Resolved"),
    v(Outcome, "escalated", "已升級", "已升级", "Escalated"),
    v(Outcome, "open", "處理中", "处理中", "Open"),
    v(Outcome, "closed", "已結案", "已结案", "Closed"),
    v(Priority, "urgent", "緊急", "紧急", "Urgent"),
    v(Priority, "high", "高", "高", "High"),
    v(Priority, "medium", "中", "中", "Medium"),
    v(Priority, "low", "低", "低", "Low"),
    v(Kind, "case", "案例", "案例", "Case"),
    v(Kind, "essay", "心得", "心得", "Essay"),
    v(Kind, "response", "點評", "点评", "Response"),
    v(Competency, "積極傾聽", "積極傾聽", "积极倾听", "Active listening"),
    v(Competency, "客服知識", "客服知識", "客服知识", "Service knowledge"),
    v(Competency, "客服職業價值傾向", "客服職業價值傾向", "客服职业价值倾向", "Professional values"),
    Value {
        field: Competency,
        key: "衝突處理和問題解決",
        hant: "衝突處理和問題解決",
        hans: "冲突处理和问题解决",
        en: "Conflict and problem solving",
        // The spelling casebook's own templates had until issue 16.
        also: &["沖突處理和問題解決"],
    },
    v(Competency, "服務導向", "服務導向", "服务导向", "Service orientation"),
    v(Competency, "溝通表達", "溝通表達", "沟通表达", "Communication"),
    v(Competency, "心理適應性", "心理適應性", "心理适应性", "Resilience"),
    v(Competency, "耐心", "耐心", "耐心", "Patience"),
    v(CaseSection, "背景", "背景", "背景", "Background"),
    Value {
        field: CaseSection,
        key: "處理過程",
        hant: "處理過程",
        hans: "处理过程",
        en: "What we did",
        also: &["Handling", "Process"],
    },
    Value { field: CaseSection, key: "結果", hant: "結果", hans: "结果", en: "Outcome", also: &["Result"] },
    v(CaseSection, "根本原因", "根本原因", "根本原因", "Root cause"),
    Value {
        field: CaseSection,
        key: "經驗教訓",
        hant: "經驗教訓",
        hans: "经验教训",
        en: "Lessons learned",
        also: &["Lessons"],
    },
    v(Taxonomy, "tags", "標籤", "标签", "Tags"),
    v(Taxonomy, "channel", "渠道", "渠道", "Channel"),
    v(Taxonomy, "competencies", "能力維度", "能力维度", "Competencies"),
    v(Taxonomy, "product", "產品", "产品", "Product"),
    v(Taxonomy, "outcome", "結果", "结果", "Outcome"),
    v(Taxonomy, "priority", "優先級", "优先级", "Priority"),
    v(Taxonomy, "series", "系列", "系列", "Series"),
    v(Taxonomy, "satisfaction", "滿意度", "满意度", "Satisfaction"),
];

/// The built-in value with `key`, of any field (keys are unique).
pub fn value(key: &str) -> Option<&'static Value> {
    VALUES.iter().find(|v| v.key == key)
}

/// The label of the built-in value `key` in `lang`; `None` for a value the
/// journal added (its label, if any, is in `labels:` of casebook.yaml).
pub fn label(key: &str, lang: Lang) -> Option<&'static str> {
    value(key).map(|v| v.label(lang))
}

/// The built-in values of `field`.
pub fn of(field: Field) -> impl Iterator<Item = &'static Value> {
    VALUES.iter().filter(move |v| v.field == field)
}

/// `text` folded as tags are (width, case, Traditional/Simplified), with
/// spaces, `-` and `_` left out: `Walk-in`, `walk in` and `WALK_IN` are one.
pub fn loose(text: &str) -> String {
    fold(text.trim()).chars().filter(|c| !c.is_whitespace() && *c != '-' && *c != '_').collect()
}

/// The key among `allowed` (the keys of `field` the journal accepts) that
/// `written` stands for: the key itself, a built-in label in any language
/// or another spelling of it, or the journal's own label (`labels`), each
/// compared [`loose`]ly. `None` when it stands for none.
pub fn canonical<'k, S: AsRef<str>>(
    field: Field,
    written: &str,
    allowed: &'k [S],
    labels: &BTreeMap<String, String>,
) -> Option<&'k str> {
    let allowed = || allowed.iter().map(AsRef::as_ref);
    if let Some(exact) = allowed().find(|k| *k == written) {
        return Some(exact);
    }
    let want = loose(written);
    if want.is_empty() {
        return None;
    }
    allowed().find(|&key| {
        loose(key) == want
            || of(field).any(|v| v.key == key && v.spellings().any(|s| loose(s) == want))
            || labels.get(key).is_some_and(|l| loose(l) == want)
    })
}

/// Every way of writing the keys `allowed` of `field`: each key, its
/// built-in labels and other spellings, and the journal's own label; for
/// the suggestion of a message when a value is none of them.
pub fn spellings<'a, S: AsRef<str>>(
    field: Field,
    allowed: &'a [S],
    labels: &'a BTreeMap<String, String>,
) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for key in allowed.iter().map(AsRef::as_ref) {
        let mut names = vec![key];
        for v in of(field).filter(|v| v.key == key) {
            names.extend([v.hant, v.hans, v.en]);
            names.extend(v.also.iter().copied());
        }
        names.extend(labels.get(key).map(String::as_str));
        // One of each (`Phone` is `phone`), the key first.
        let mut seen = Vec::new();
        for name in names {
            let l = loose(name);
            if !seen.contains(&l) {
                seen.push(l);
                out.push(name);
            }
        }
    }
    out
}

/// Every name the `##` section `name` (of `case_sections:`) may be written
/// with, folded: the name, and when it is a built-in section, its labels in
/// the three languages and their other spellings.
pub fn section_names(name: &str) -> Vec<String> {
    let mut names = vec![fold(name.trim())];
    let want = loose(name);
    if let Some(v) = of(CaseSection).find(|v| v.spellings().any(|s| loose(s) == want)) {
        for s in v.spellings() {
            let s = fold(s);
            if !names.contains(&s) {
                names.push(s);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(field: Field) -> Vec<&'static str> {
        of(field).map(|v| v.key).collect()
    }

    #[test]
    fn keys_are_unique_and_labels_are_written() {
        for (i, a) in VALUES.iter().enumerate() {
            assert!(VALUES[i + 1..].iter().all(|b| b.key != a.key), "{} twice", a.key);
            for lang in Lang::ALL {
                assert!(!a.label(lang).is_empty(), "{} in {lang:?}", a.key);
            }
        }
        assert_eq!(label("phone", Lang::Hans), Some("电话"));
        assert_eq!(label("衝突處理和問題解決", Lang::En), Some("Conflict and problem solving"));
        assert_eq!(label("line", Lang::Hant), None);
    }

    #[test]
    fn values_are_read_in_any_of_the_journals_words() {
        let none = BTreeMap::new();
        let table: [(Field, &str, Option<&str>); 20] = [
            (Channel, "phone", Some("phone")),
            (Channel, "電話", Some("phone")),
            (Channel, "电话", Some("phone")),
            (Channel, "Phone", Some("phone")),
            (Channel, "ＰＨＯＮＥ", Some("phone")),
            (Channel, "線上客服", Some("chat")),
            (Channel, "live chat", Some("chat")),
            (Channel, "Walk in", Some("walk-in")),
            (Channel, "临柜", Some("walk-in")),
            (Channel, "傳真", None),
            (Outcome, "已解決", Some("resolved")),
            (Outcome, "已解决", Some("resolved")),
            (Outcome, "處理中", Some("open")),
            (Priority, "高", Some("high")),
            (Priority, "中", Some("medium")),
            (Priority, "Urgent", Some("urgent")),
            (Priority, "電話", None),
            (Kind, "點評", Some("response")),
            (Kind, "案例", Some("case")),
            (Outcome, "", None),
        ];
        for (field, written, want) in table {
            assert_eq!(canonical(field, written, &keys(field), &none), want, "{written}");
        }
    }

    #[test]
    fn competencies_have_one_spelling_and_accept_the_old_one() {
        let none = BTreeMap::new();
        let all = keys(Competency);
        assert_eq!(all, crate::config::COMPETENCIES);
        for written in
            ["衝突處理和問題解決", "沖突處理和問題解決", "冲突处理和问题解决", "conflict and problem solving"]
        {
            assert_eq!(canonical(Competency, written, &all, &none), Some("衝突處理和問題解決"), "{written}");
        }
        assert_eq!(canonical(Competency, "积极倾听", &all, &none), Some("積極傾聽"));
        assert_eq!(canonical(Competency, "Active listening", &all, &none), Some("積極傾聽"));
        assert_eq!(canonical(Competency, "溝通", &all, &none), None);
    }

    #[test]
    fn a_journals_own_values_and_labels_are_read() {
        let labels: BTreeMap<String, String> = [("line".to_string(), "LINE 官方帳號".to_string())].into();
        let allowed = ["phone".to_string(), "line".to_string()];
        assert_eq!(canonical(Channel, "LINE 官方账号", &allowed, &labels), Some("line"));
        assert_eq!(canonical(Channel, "電話", &allowed, &labels), Some("phone"));
        // A built-in value the journal left out is not accepted.
        assert_eq!(canonical(Channel, "電子郵件", &allowed, &labels), None);
    }

    #[test]
    fn a_value_that_is_none_is_told_the_nearest_spelling() {
        let none = BTreeMap::new();
        let allowed = keys(Channel);
        let all = spellings(Channel, &allowed, &none);
        assert_eq!(crate::diagnostics::closest("電活", all.iter().copied()), Some("電話"));
        assert_eq!(crate::diagnostics::closest("phon", all.iter().copied()), Some("phone"));
    }

    #[test]
    fn a_journals_case_sections_are_named_in_its_language() {
        let sections = |text: &str| crate::config::parse(text, std::path::Path::new("casebook.yaml")).0.case_sections;
        assert_eq!(sections(""), ["背景", "處理過程", "結果", "根本原因", "經驗教訓"]);
        assert_eq!(sections("language: zh-CN\n"), ["背景", "处理过程", "结果", "根本原因", "经验教训"]);
        assert_eq!(sections("language: en\n")[4], "Lessons learned");
        assert_eq!(sections("language: en\ncase_sections: [背景]\n"), ["背景"]);
    }

    #[test]
    fn case_sections_are_named_in_three_languages() {
        let names = section_names("經驗教訓");
        for name in ["經驗教訓", "经验教训", "lessons learned", "lessons"] {
            assert!(names.contains(&fold(name)), "{name}: {names:?}");
        }
        assert_eq!(section_names("顧客回饋"), [fold("顧客回饋")]);
        assert!(section_names("处理过程").contains(&fold("What we did")));
    }
}
