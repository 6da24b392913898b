//! Messages in the journal's language (issue 16): a fixture journal per
//! language (tests/fixtures/messages/<language>) with a missing title, a
//! broken link and a customer's phone number, checked with no
//! `CASEBOOK_LANG`; then `CASEBOOK_LANG` and `--lang` overriding it, and
//! the tools' formats keeping their shape.

use std::process::Output;

use super::{fixture, stderr};

/// `casebook` as a writer runs it: no `CASEBOOK_LANG` unless given.
fn run(args: &[&str], lang: Option<&str>) -> Output {
    let mut cmd = crate::casebook_command();
    cmd.args(args).env("GIT_CONFIG_NOSYSTEM", "1").env_remove("CASEBOOK_LANG");
    if let Some(lang) = lang {
        cmd.env("CASEBOOK_LANG", lang);
    }
    cmd.output().expect("the casebook binary runs")
}

fn check(language: &str, extra: &[&str], lang: Option<&str>) -> Output {
    let root = fixture("messages").join(language);
    let mut args = vec!["check", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args, lang)
}

const HANT: &str = "\
content/essays/沒有標題.md:1:1: 錯誤：開頭設定區沒有 `title`；請加一行，例如 `title: 客戶要求退回已拆封耳機`
content/essays/連結和個資.md:6:4: 錯誤：連結失效：沒有文章的標題或 slug 是 `不存在的文章`
content/essays/連結和個資.md:8:7: 錯誤：這看起來像客戶的手機號碼（0912-***-678）；請刪除或遮蔽，如果不是客戶資料，請在這一行最後加上 <!-- casebook:allow-pii -->（在開頭設定區裡則加 # casebook:allow-pii）
發現 3 個錯誤；請修正上面各行後重新建置。
";

const HANS: &str = "\
content/essays/没有标题.md:1:1: 错误：开头设置区没有 `title`；请加一行，例如 `title: 客户要求退回已拆封耳机`
content/essays/链接和个人信息.md:6:4: 错误：链接失效：没有文章的标题或 slug 是 `不存在的文章`
content/essays/链接和个人信息.md:8:7: 错误：这看起来像客户的手机号码（138 **** 5678）；请删除或打码，如果不是客户数据，请在这一行最后加上 <!-- casebook:allow-pii -->（在开头设置区里则加 # casebook:allow-pii）
发现 3 个错误；请修改上面各行后重新构建。
";

const EN: &str = "\
content/essays/links-and-data.md:6:5: error: broken link: no article has the title or slug `no-such-article`
content/essays/links-and-data.md:8:26: error: this looks like a customer's mobile phone number (0912-***-678); remove or mask it, or if it is not customer data add <!-- casebook:allow-pii --> at the end of the line (in the front matter: # casebook:allow-pii)
content/essays/no-title.md:1:1: error: the front matter has no `title`; add a line like `title: 客戶要求退回已拆封耳機`
3 errors and 0 warnings found; fix the lines above and build again.
";

#[test]
fn each_journal_is_told_its_problems_in_its_language() {
    for (language, want) in [("zh-Hant", HANT), ("zh-Hans", HANS), ("en", EN)] {
        let o = check(language, &[], None);
        assert!(!o.status.success(), "{language}");
        assert_eq!(stderr(&o), want, "{language}");
    }
}

#[test]
fn casebook_lang_and_the_lang_option_override_the_journal() {
    // One person reads a Traditional journal's messages in Simplified.
    let o = check("zh-Hant", &[], Some("zh-CN"));
    let err = stderr(&o);
    assert!(err.starts_with("content/essays/沒有標題.md:1:1: 错误：开头设置区没有 `title`；"), "{err}");
    assert!(err.ends_with("发现 3 个错误；请修改上面各行后重新构建。\n"), "{err}");
    // --lang wins over CASEBOOK_LANG.
    let o = check("zh-Hans", &["--lang", "en"], Some("zh-Hant"));
    assert!(stderr(&o).contains("没有标题.md:1:1: error: the front matter has no `title`"), "{}", stderr(&o));
    // A language casebook does not speak: said once, then the journal's.
    let o = check("zh-Hant", &[], Some("fr"));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "CASEBOOK_LANG=fr 不是 casebook 支援的語言（zh-Hant、zh-Hans 或 en）；改用 zh-Hant\ncontent/essays/沒有標題.md:1:1: 錯誤："
        ),
        "{err}"
    );
    let o = check("en", &["--lang", "fr"], None);
    assert!(
        !o.status.success()
            && stderr(&o)
                .starts_with("error: `fr` is not a value `--lang <CODE>` takes; it takes `zh-Hant`, `zh-Hans`, `en`\n"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn tools_read_the_same_kinds_and_fields_in_every_language() {
    let o = check("zh-Hans", &["--format", "json"], None);
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kinds: Vec<(&str, &str)> =
        lines.iter().map(|l| (l["kind"].as_str().unwrap(), l["severity"].as_str().unwrap())).collect();
    assert_eq!(
        kinds,
        [("front-matter/missing-title", "error"), ("link/broken", "error"), ("privacy/mobile-phone", "error")]
    );
    assert_eq!(lines[1]["message"], "链接失效：没有文章的标题或 slug 是 `不存在的文章`");
    let o = check("zh-Hant", &["--format", "github"], None);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        out.contains("::error file=content/essays/連結和個資.md,line=6,col=4,title=link/broken::連結失效：沒有文章的標題或 slug 是 `不存在的文章`\n"),
        "{out}"
    );
}

#[test]
fn the_command_line_speaks_the_journals_language() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let root = fixture("messages").join("zh-Hans");
    let o = run(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()], None);
    let err = stderr(&o);
    assert!(err.starts_with("正在构建 "), "{err}");
    assert!(err.contains("\n发现 2 个错误、1 个警告；请修改上面各行后重新构建。\n"), "{err}");
    assert!(err.ends_with(&format!("没有写入任何文件；{} 保持不变。\n", out.display())), "{err}");
    let o = run(&["build", "--root", tmp.path().join("nowhere").to_str().unwrap()], Some("zh-Hant"));
    assert!(stderr(&o).starts_with("錯誤：日誌資料夾 "), "{}", stderr(&o));
}

#[test]
fn a_language_casebook_does_not_speak_is_a_warning_and_the_journal_stays_traditional() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    super::copy_dir(&fixture("messages").join("zh-Hant"), &root);
    std::fs::write(root.join("casebook.yaml"), "title: 訊息測試\nlanguage: chinese\n").unwrap();
    let o = run(&["check", "--root", root.to_str().unwrap()], None);
    let err = stderr(&o);
    assert!(
        err.starts_with("casebook.yaml:2:11: 警告：`language` 必須是 zh-Hant（繁體中文）、zh-Hans（簡體中文）或 en（英文），這裡寫的是 `chinese`；"),
        "{err}"
    );
    assert!(err.contains("content/essays/沒有標題.md:1:1: 錯誤：開頭設定區沒有 `title`"), "{err}");
}
