use std::collections::BTreeSet;
use std::ffi::OsString;

use clap::{Command, CommandFactory};

use super::words::{words, TABLE};
use super::{command_key, early_language, errors, Cli};
use crate::lang::Lang;

/// Every key the built command tree asks the table for: commands,
/// arguments and the values of arguments with a fixed list.
fn keys_of(cmd: &Command, key: &str, into: &mut BTreeSet<String>) {
    into.insert(key.to_string());
    for arg in cmd.get_arguments() {
        let arg_key = super::arg_key(arg, key);
        if arg.get_action().takes_values() {
            for name in arg.get_value_names().unwrap_or_default() {
                into.insert(format!("@name:{name}"));
            }
            for value in arg.get_possible_values() {
                into.insert(format!("{arg_key}={}", value.get_name()));
            }
        }
        into.insert(arg_key);
    }
    if cmd.get_name() == "help" {
        return;
    }
    for sub in cmd.get_subcommands() {
        keys_of(sub, &command_key(key, sub.get_name()), into);
    }
}

#[test]
fn every_command_argument_and_value_has_words_in_each_language() {
    let mut cmd = Cli::command();
    cmd.build();
    let mut keys = BTreeSet::new();
    keys_of(&cmd, "", &mut keys);
    for key in &keys {
        for lang in Lang::ALL {
            let text = words(key, lang).unwrap_or_default();
            assert!(!text.trim().is_empty(), "`{key}` has no words in {}", lang.code());
        }
    }
    // And no row is left over from something that is gone (`@` rows are
    // the frame: headings and the like).
    for (key, _) in TABLE {
        let frame = key.starts_with('@') && !key.starts_with("@name:");
        assert!(keys.contains(*key) || frame, "`{key}` is not in the command line");
    }
    let unique: BTreeSet<&str> = TABLE.iter().map(|(k, _)| *k).collect();
    assert_eq!(unique.len(), TABLE.len(), "a key is written twice");
}

#[test]
fn the_help_is_in_the_language_asked_for() {
    for (lang, about, heading) in
        [(Lang::Hant, "建置", "選項："), (Lang::Hans, "构建", "选项："), (Lang::En, "Build the site", "Options:")]
    {
        let help = super::command(lang).find_subcommand_mut("build").map(|c| c.render_help().to_string());
        let help = help.unwrap_or_default();
        assert!(help.contains(about) && help.contains(heading), "{}: {help}", lang.code());
        assert!(lang == Lang::En || !help.contains("Options") && !help.contains("Print help"), "{help}");
    }
}

#[test]
fn the_lang_option_is_read_before_the_arguments() {
    let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
    assert_eq!(early_language(&args(&["casebook", "--lang", "zh-CN", "build"])), Lang::Hans);
    assert_eq!(early_language(&args(&["casebook", "build", "--lang=en"])), Lang::En);
    // After `--` it is a value, not the option.
    let after = early_language(&args(&["casebook", "--lang", "en", "new", "case", "--", "--lang=zh-Hans"]));
    assert_eq!(after, Lang::En);
}

#[test]
fn an_unknown_command_is_told_with_its_closest_name() {
    for (lang, want) in [
        (Lang::Hant, "錯誤：沒有 `biuld` 這個指令\n\n  提示：是不是要寫 `build`？\n\n用法：casebook [選項] <指令>\n"),
        (Lang::Hans, "错误：没有 `biuld` 这个命令\n\n  提示：是不是要写 `build`？\n\n用法：casebook [选项] <命令>\n"),
        (Lang::En, "error: there is no command `biuld`\n\n  tip: did you mean `build`?\n\nUsage: casebook [OPTIONS] <COMMAND>\n"),
    ] {
        let err = super::command(lang).try_get_matches_from(["casebook", "biuld"]).err();
        let text = err.and_then(|e| errors::written(&e, lang)).unwrap_or_default();
        assert!(text.starts_with(want), "{text}");
    }
}

#[test]
fn missing_and_wrong_values_are_told_in_words() {
    let said = |lang: Lang, args: &[&str]| {
        let err = super::command(lang).try_get_matches_from(args).err();
        err.and_then(|e| errors::written(&e, lang)).unwrap_or_default()
    };
    assert!(said(Lang::Hant, &["casebook", "new", "case"]).starts_with("錯誤：少寫了必填的 `<標題>`\n"));
    assert!(said(Lang::Hans, &["casebook", "check", "--format", "xml"])
        .starts_with("错误：`--format <格式>` 不能是 `xml`；可以写 `human`、`github`、`json`\n"));
    assert!(said(Lang::En, &["casebook", "--lang", "fr", "build"])
        .starts_with("error: `fr` is not a value `--lang <CODE>` takes; it takes `zh-Hant`, `zh-Hans`, `en`\n"));
}
