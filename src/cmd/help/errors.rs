//! clap's common parse errors in the three languages: an unknown command
//! or option (with clap's suggestion), a missing argument, a value that
//! is not allowed, no command at all. Read from the error's kind and
//! context; any other error is printed in clap's own words.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::diagnostics::Said;
use crate::lang::Lang;

/// What went wrong, in words of our own.
#[derive(Debug, Clone, PartialEq)]
enum Wrong {
    UnknownCommand { written: String },
    UnknownOption { written: String },
    ExtraWord { written: String },
    Missing { args: Vec<String> },
    BadValue { arg: String, value: String, valid: Vec<String> },
    NoCommand { valid: Vec<String> },
}

/// A line under the error that helps to fix it.
#[derive(Debug, Clone, PartialEq)]
enum Tip {
    DidYouMean(String),
    AsValue(String),
}

/// Prints `err` (help and version as they are, errors in `lang`) and
/// gives the exit code: 0 for help, 2 for a mistake.
pub fn report(err: clap::Error, lang: Lang) -> ExitCode {
    let code = ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
    match written(&err, lang) {
        Some(text) => eprint!("{text}"),
        None => {
            let _ = err.print();
        }
    }
    code
}

/// The whole text for `err` in `lang`, or `None` to print clap's own.
pub(super) fn written(err: &clap::Error, lang: Lang) -> Option<String> {
    let wrong = wrong(err)?;
    let mut text = format!("{}{}\n", Said::ErrorPrefix.words(lang), wrong.words(lang));
    let tips = tips(err);
    if !tips.is_empty() {
        text.push('\n');
        for tip in tips {
            text.push_str(&format!("  {}\n", tip.words(lang)));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
        text.push_str(&format!("\n{}{usage}\n", super::word("@usage", lang)));
    }
    text.push_str(&format!("\n{}\n", more(lang)));
    Some(text)
}

fn string(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(s) => Some(s.join(" ")),
        _ => None,
    }
}

fn strings(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn wrong(err: &clap::Error) -> Option<Wrong> {
    Some(match err.kind() {
        ErrorKind::InvalidSubcommand => Wrong::UnknownCommand { written: string(err, ContextKind::InvalidSubcommand)? },
        ErrorKind::UnknownArgument => {
            let written = string(err, ContextKind::InvalidArg)?;
            if written.starts_with('-') {
                Wrong::UnknownOption { written }
            } else {
                Wrong::ExtraWord { written }
            }
        }
        ErrorKind::MissingRequiredArgument => Wrong::Missing { args: strings(err, ContextKind::InvalidArg) },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = string(err, ContextKind::InvalidArg)?;
            let mut valid = strings(err, ContextKind::ValidValue);
            if valid.is_empty() && arg.starts_with("--lang") {
                valid = crate::lang::Lang::ALL.iter().map(|l| l.code().to_string()).collect();
            }
            Wrong::BadValue { arg, value: string(err, ContextKind::InvalidValue)?, valid }
        }
        ErrorKind::MissingSubcommand => Wrong::NoCommand { valid: strings(err, ContextKind::ValidSubcommand) },
        _ => return None,
    })
}

/// clap's suggestions: a close name, or how to write a word that starts
/// with `-` as a value. Its other tips are left out.
fn tips(err: &clap::Error) -> Vec<Tip> {
    let mut tips = Vec::new();
    for kind in [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue] {
        tips.extend(strings(err, kind).into_iter().map(Tip::DidYouMean));
    }
    if let Some(ContextValue::StyledStrs(said)) = err.get(ContextKind::Suggested) {
        for s in said.iter().map(ToString::to_string) {
            if let Some(both) = s.strip_prefix('\'').and_then(|s| s.strip_suffix("' exists")) {
                tips.push(Tip::DidYouMean(both.to_string()));
            } else if let Some(rest) = s.strip_prefix("to pass '") {
                if let Some((word, _)) = rest.split_once('\'') {
                    tips.push(Tip::AsValue(word.to_string()));
                }
            }
        }
    }
    tips
}

fn more(lang: Lang) -> &'static str {
    match lang {
        Lang::Hant => "想看說明，請在指令後面加上 --help。",
        Lang::Hans => "想看帮助，请在命令后面加上 --help。",
        Lang::En => "For more information, add --help.",
    }
}

fn list(items: &[String], lang: Lang) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    quoted.join(super::word("@and", lang))
}

impl Wrong {
    fn words(&self, lang: Lang) -> String {
        match lang {
            Lang::Hant => self.hant(),
            Lang::Hans => self.hans(),
            Lang::En => self.english(),
        }
    }

    fn hant(&self) -> String {
        let l = |items: &[String]| list(items, Lang::Hant);
        match self {
            Wrong::UnknownCommand { written } => format!("沒有 `{written}` 這個指令"),
            Wrong::UnknownOption { written } => format!("這個指令沒有 `{written}` 這個選項"),
            Wrong::ExtraWord { written } => format!("多寫了 `{written}`：這個指令用不到它"),
            Wrong::Missing { args } => format!("少寫了必填的 {}", l(args)),
            Wrong::BadValue { arg, value, valid } if valid.is_empty() => format!("`{arg}` 不能是 `{value}`"),
            Wrong::BadValue { arg, value, valid } => format!("`{arg}` 不能是 `{value}`；可以寫 {}", l(valid)),
            Wrong::NoCommand { valid } => format!("請寫出要做的事，也就是一個指令：{}", l(valid)),
        }
    }

    fn hans(&self) -> String {
        let l = |items: &[String]| list(items, Lang::Hans);
        match self {
            Wrong::UnknownCommand { written } => format!("没有 `{written}` 这个命令"),
            Wrong::UnknownOption { written } => format!("这个命令没有 `{written}` 这个选项"),
            Wrong::ExtraWord { written } => format!("多写了 `{written}`：这个命令用不到它"),
            Wrong::Missing { args } => format!("少写了必填的 {}", l(args)),
            Wrong::BadValue { arg, value, valid } if valid.is_empty() => format!("`{arg}` 不能是 `{value}`"),
            Wrong::BadValue { arg, value, valid } => format!("`{arg}` 不能是 `{value}`；可以写 {}", l(valid)),
            Wrong::NoCommand { valid } => format!("请写出要做的事，也就是一个命令：{}", l(valid)),
        }
    }

    fn english(&self) -> String {
        let l = |items: &[String]| list(items, Lang::En);
        match self {
            Wrong::UnknownCommand { written } => format!("there is no command `{written}`"),
            Wrong::UnknownOption { written } => format!("this command has no option `{written}`"),
            Wrong::ExtraWord { written } => format!("`{written}` is one word too many: this command does not take it"),
            Wrong::Missing { args } => format!("{} must be given", l(args)),
            Wrong::BadValue { arg, value, valid } if valid.is_empty() => {
                format!("`{value}` is not a value `{arg}` takes")
            }
            Wrong::BadValue { arg, value, valid } => {
                format!("`{value}` is not a value `{arg}` takes; it takes {}", l(valid))
            }
            Wrong::NoCommand { valid } => format!("say what to do with a command: {}", l(valid)),
        }
    }
}

impl Tip {
    fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Tip::DidYouMean(s), Lang::Hant) => format!("提示：是不是要寫 `{s}`？"),
            (Tip::DidYouMean(s), Lang::Hans) => format!("提示：是不是要写 `{s}`？"),
            (Tip::DidYouMean(s), Lang::En) => format!("tip: did you mean `{s}`?"),
            (Tip::AsValue(s), Lang::Hant) => format!("提示：如果 `{s}` 是要填的內容，不是選項，請寫成 `-- {s}`"),
            (Tip::AsValue(s), Lang::Hans) => format!("提示：如果 `{s}` 是要填的内容，不是选项，请写成 `-- {s}`"),
            (Tip::AsValue(s), Lang::En) => format!("tip: if `{s}` is a value, not an option, write `-- {s}`"),
        }
    }
}
