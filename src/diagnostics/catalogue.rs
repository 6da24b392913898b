//! One catalogue of messages in three languages: [`Problem::message`] picks
//! the words of a kind in [`Lang`] from [`super::english`], [`super::hant`]
//! or [`super::hans`], and this file holds the few words the formats share
//! (`error`/`warning`, the count at the end).
//!
//! Why plain Rust and not Fluent (fluent-bundle): each language is one
//! `match` over every [`Problem`] with no catch-all, so a kind without words
//! in a language does not compile; the arguments are the variant's typed
//! fields, and the values that need words of their own (why a link leads
//! nowhere, what YAML found, a list joined with 、) are made by code in each
//! language anyway. Fluent would check completeness only at run time (a
//! missing message is found when it is shown), pass every argument as a
//! string or number, wrap them in Unicode isolation marks unless told not
//! to, and add a dependency whose plural rules only English needs here.
//! The completeness test in `tests.rs` still runs every kind in every
//! language and fails when a Chinese message is left in English or written
//! in the other script.

use super::problem::Problem;
use super::{Diagnostic, Severity};
use crate::lang::Lang;

impl Problem {
    /// What is wrong and what to change, in plain words in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match lang {
            Lang::Hant => self.hant(),
            Lang::Hans => self.hans(),
            Lang::En => self.english(),
        }
    }

    /// The English words: what tests compare and what orders diagnostics
    /// (the same order in every language). What a person reads is
    /// [`Problem::message_in`] their language.
    pub fn message(&self) -> String {
        self.english()
    }
}

/// `error` or `warning` in a person's line.
pub fn level(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::Hant) => "錯誤",
        (Severity::Warning, Lang::Hant) => "警告",
        (Severity::Error, Lang::Hans) => "错误",
        (Severity::Warning, Lang::Hans) => "警告",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    }
}

/// "2 errors and 1 warning found; ...", when there are errors.
pub fn count_line(diags: &[Diagnostic], lang: Lang) -> Option<String> {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    (errors > 0).then(|| match lang {
        Lang::Hant if warnings == 0 => format!("發現 {errors} 個錯誤；請修正上面各行後重新建置。"),
        Lang::Hant => format!("發現 {errors} 個錯誤、{warnings} 個警告；請修正上面各行後重新建置。"),
        Lang::Hans if warnings == 0 => format!("发现 {errors} 个错误；请修改上面各行后重新构建。"),
        Lang::Hans => format!("发现 {errors} 个错误、{warnings} 个警告；请修改上面各行后重新构建。"),
        Lang::En => format!(
            "{errors} error{} and {warnings} warning{} found; fix the lines above and build again.",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ),
    })
}
