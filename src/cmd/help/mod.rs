//! `--help` and clap's own errors in the chosen language. The command line
//! is built from [`Cli`]'s derive, then every about, argument help and
//! heading is replaced from [`words`]'s table; [`errors`] writes the
//! common parse errors itself. The language has to be known before the
//! arguments are parsed, so [`early_language`] reads `--lang` and `--root`
//! from the raw arguments by hand.

mod errors;
mod words;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Arg, Command, CommandFactory};

pub use errors::report;

use super::Cli;
use crate::lang::Lang;

/// The language of help and argument errors: `--lang` as written in `args`
/// (when it names a language), else what [`Cli::language`] chooses for the
/// `--root` written there (or the current folder).
pub fn early_language(args: &[OsString]) -> Lang {
    let value = |name: &str| {
        let mut found = None;
        let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
        while let Some(word) = words.next() {
            if word == "--" {
                break;
            }
            if word == name {
                found = words.next().map(|w| w.into_owned());
            } else if let Some(v) = word.strip_prefix(name).and_then(|rest| rest.strip_prefix('=')) {
                found = Some(v.to_string());
            }
        }
        found
    };
    if let Some(lang) = value("--lang").as_deref().and_then(Lang::from_code) {
        return lang;
    }
    let root = PathBuf::from(value("--root").unwrap_or_else(|| ".".to_string()));
    super::language(None, &root).0
}

/// The command line with its words in `lang`.
pub fn command(lang: Lang) -> Command {
    // The texts go in before clap builds the tree, since it decides then
    // whether `--help` shows more than `-h` (and copies `--root` and
    // `--lang`, words included, into every command); building adds
    // `--help`, `--version` and `help`, whose words go in after.
    let mut cmd = texts(Cli::command(), "", lang);
    cmd.build();
    frame(cmd, "", lang)
}

fn word(key: &str, lang: Lang) -> &'static str {
    words::words(key, lang).unwrap_or_default()
}

/// Where the command `name` under the one at `parent` is in the table.
fn command_key(parent: &str, name: &str) -> String {
    match (parent, name) {
        (_, "help") => "@help-command".to_string(),
        ("", _) => name.to_string(),
        _ => format!("{parent}.{name}"),
    }
}

/// The about and argument helps of `cmd` (at `key` in the table) and the
/// commands under it, in `lang`.
fn texts(mut cmd: Command, key: &str, lang: Lang) -> Command {
    if let Some(text) = words::words(key, lang) {
        let (short, long) = paragraphs(text);
        cmd = cmd.about(short);
        if let Some(long) = long {
            cmd = cmd.long_about(long);
        }
    }
    cmd = cmd.mut_args(|arg| localized_arg(arg, key, lang));
    cmd.mut_subcommands(|sub| {
        let sub_key = command_key(key, sub.get_name());
        texts(sub, &sub_key, lang)
    })
}

/// The words of the built `cmd` that clap added (`--help`, `--version`,
/// the `help` command), its usage line and headings, and the same for the
/// commands under it.
fn frame(mut cmd: Command, key: &str, lang: Lang) -> Command {
    let added = cmd.get_name() == "help";
    if added {
        cmd = texts(cmd, key, lang);
    }
    cmd = cmd.mut_args(|arg| match arg.get_id().as_str() {
        // One text for `-h` and `--help`, which clap would have differ.
        "help" => localized_arg(arg, key, lang).long_help(word("help", lang)),
        "version" => localized_arg(arg, key, lang),
        _ => arg,
    });
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).trim_end();
    let usage = usage
        .replace("[OPTIONS]", word("@OPTIONS", lang))
        .replace("<COMMAND>", word("@COMMAND", lang))
        .replace("[COMMAND]", word("@COMMAND?", lang));
    let template = template(&cmd, !added, lang);
    cmd = cmd.override_usage(usage).help_template(template);
    if added {
        // Its commands are copies made for shell completion, never shown.
        return cmd;
    }
    cmd.mut_subcommands(|sub| {
        let sub_key = command_key(key, sub.get_name());
        frame(sub, &sub_key, lang)
    })
}

/// Where `arg` of the command at `command` is in the table.
fn arg_key(arg: &Arg, command: &str) -> String {
    let id = arg.get_id().as_str();
    if arg.is_global_set() || matches!(id, "help" | "version") || command.is_empty() {
        id.to_string()
    } else {
        format!("{command}.{id}")
    }
}

/// `arg` of the command at `command` with its words in `lang`: its help,
/// the values it takes and its default (in place of clap's `[default: ..]`
/// and `[possible values: ..]`), and the names in `<DIR>`. Unchanged when
/// the table has no row for it.
fn localized_arg(arg: Arg, command: &str, lang: Lang) -> Arg {
    let key = arg_key(&arg, command);
    let Some(text) = words::words(&key, lang) else {
        return arg;
    };
    let takes_values = arg.get_action().takes_values();
    let (mut short, long) = paragraphs(text);
    let mut long = long.unwrap_or_else(|| short.clone());
    let values: Vec<PossibleValue> =
        if arg.is_hide_possible_values_set() || !takes_values { Vec::new() } else { arg.get_possible_values() };
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short = format!("{short}{}", word("@values", lang).replace("{}", &names.join(word("@and", lang))));
        long.push_str("\n\n");
        long.push_str(word("@values-long", lang));
        for value in &values {
            let name = value.get_name();
            match words::words(&format!("{key}={name}"), lang) {
                Some(help) => long.push_str(&format!("\n- {name}{}{help}", word("@colon", lang))),
                None => long.push_str(&format!("\n- {name}")),
            }
        }
    }
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() && takes_values {
        let default = word("@default", lang).replace("{}", &defaults.join(" "));
        short = format!("{short}{default}");
        long = format!("{long}\n\n{}", default.trim_start());
    }
    let arg = if long != short { arg.long_help(long) } else { arg };
    let arg = arg.help(short);
    let names: Vec<&str> = arg.get_value_names().unwrap_or_default().iter().map(|n| n.as_str()).collect();
    let arg = match names.iter().map(|n| words::words(&format!("@name:{n}"), lang)).collect::<Option<Vec<_>>>() {
        Some(names) if !names.is_empty() => arg.value_names(names),
        _ => arg,
    };
    if takes_values {
        arg.hide_possible_values(true).hide_default_value(true)
    } else {
        arg
    }
}

/// The first paragraph of `text`, and the whole when it has more.
fn paragraphs(text: &str) -> (String, Option<String>) {
    match text.split_once("\n\n") {
        Some((first, _)) => (first.to_string(), Some(text.to_string())),
        None => (text.to_string(), None),
    }
}

/// clap's help page with the headings in `lang`, and only the sections
/// `cmd` has (its commands only if `commands`).
fn template(cmd: &Command, commands: bool, lang: Lang) -> String {
    let styles = cmd.get_styles();
    let (usage, header) = (styles.get_usage(), styles.get_header());
    let heading = |key: &str| format!("\n\n{header}{}{header:#}\n", word(key, lang));
    let mut t = format!("{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#}{{usage}}", word("@usage", lang));
    if commands && cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        t.push_str(&heading("@commands"));
        t.push_str("{subcommands}");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        t.push_str(&heading("@arguments"));
        t.push_str("{positionals}");
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()) {
        t.push_str(&heading("@options"));
        t.push_str("{options}");
    }
    t.push_str("{after-help}");
    t
}

#[cfg(test)]
mod tests;
