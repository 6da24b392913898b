//! The command line's own words (issue 16): `--help` and a mistyped
//! command in each language, chosen by `--lang`, `CASEBOOK_LANG` or the
//! journal's `language:` before the arguments are read.

use std::path::Path;
use std::process::Output;

use super::{fixture, stderr};

fn run(args: &[&str], env_lang: Option<&str>, dir: &Path) -> Output {
    let mut cmd = crate::casebook_command();
    cmd.args(args).current_dir(dir).env("GIT_CONFIG_NOSYSTEM", "1").env_remove("CASEBOOK_LANG");
    if let Some(lang) = env_lang {
        cmd.env("CASEBOOK_LANG", lang);
    }
    cmd.output().expect("the casebook binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn help_speaks_each_language() {
    let tmp = tempfile::tempdir().unwrap();
    for (lang, about, headings, not) in [
        ("zh-Hant", "把網站建置到 public/", ["用法：casebook build [選項]", "選項：", "  -h, --help"], "Print help"),
        ("zh-Hans", "把网站构建到 public/", ["用法：casebook build [选项]", "选项：", "  -h, --help"], "Print help"),
        ("en", "Build the site into public/", ["Usage: casebook build [OPTIONS]", "Options:", "  -h, --help"], "選項"),
    ] {
        for args in [&["build", "--help"][..], &["build", "-h"], &["help", "build"]] {
            let o = run(args, Some(lang), tmp.path());
            assert!(o.status.success(), "{lang} {args:?}: {}", stderr(&o));
            let out = stdout(&o);
            assert!(out.starts_with(about), "{lang} {args:?}: {out}");
            for h in headings {
                assert!(out.contains(h), "{lang} {args:?}: no {h} in {out}");
            }
            assert!(!out.contains(not), "{lang} {args:?}: {out}");
        }
    }
    // The top level names its commands under its own heading.
    let o = run(&["--help"], Some("zh-Hans"), tmp.path());
    assert!(stdout(&o).contains("命令：\n  build    把网站构建到 public/"), "{}", stdout(&o));
    let o = run(&["--lang", "zh-TW", "new", "--help"], Some("en"), tmp.path());
    assert!(stdout(&o).contains("引數：\n  <種類>\n          要寫哪一種。"), "{}", stdout(&o));
}

#[test]
fn help_follows_the_journals_language_and_lang_overrides_it() {
    let journal = fixture("messages").join("zh-Hans");
    let root = journal.to_str().unwrap();
    // No CASEBOOK_LANG: the journal given with --root decides.
    let o = run(&["check", "--root", root, "-h"], None, Path::new("."));
    assert!(stdout(&o).starts_with("检查每篇文章"), "{}", stdout(&o));
    // ... or the journal in the current folder.
    let o = run(&["check", "-h"], None, &journal);
    assert!(stdout(&o).starts_with("检查每篇文章"), "{}", stdout(&o));
    let o = run(&["check", "--root", root, "--lang=en", "-h"], None, Path::new("."));
    assert!(stdout(&o).starts_with("Check every article"), "{}", stdout(&o));
}

#[test]
fn an_unknown_command_is_told_in_each_language() {
    let tmp = tempfile::tempdir().unwrap();
    for (lang, want) in [
        (
            "zh-Hant",
            "錯誤：沒有 `biuld` 這個指令\n\n  提示：是不是要寫 `build`？\n\n用法：casebook [選項] <指令>\n\n想看說明，請在指令後面加上 --help。\n",
        ),
        (
            "zh-Hans",
            "错误：没有 `biuld` 这个命令\n\n  提示：是不是要写 `build`？\n\n用法：casebook [选项] <命令>\n\n想看帮助，请在命令后面加上 --help。\n",
        ),
        (
            "en",
            "error: there is no command `biuld`\n\n  tip: did you mean `build`?\n\nUsage: casebook [OPTIONS] <COMMAND>\n\nFor more information, add --help.\n",
        ),
    ] {
        let o = run(&["biuld"], Some(lang), tmp.path());
        assert_eq!(o.status.code(), Some(2), "{lang}");
        assert_eq!(stderr(&o), want, "{lang}");
    }
    // An unknown option, with the close one.
    let o = run(&["build", "--draft"], Some("zh-Hant"), tmp.path());
    assert!(
        stderr(&o).starts_with("錯誤：這個指令沒有 `--draft` 這個選項\n\n  提示：是不是要寫 `--drafts`？\n"),
        "{}",
        stderr(&o)
    );
}
