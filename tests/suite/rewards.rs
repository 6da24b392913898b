//! `casebook rewards` for the people who pay and the editors who pick
//! (tests/fixtures/rewards): the table, CSV and JSON, money written as
//! text, self-picks, the candidates and their preview page. The journal is
//! copied out of this repository and, where history matters, made a git
//! repository here with a merged pull request and review trailers.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::*;

fn git_as(dir: &Path, who: &str, day: &str, args: &[&str]) {
    let date = format!("{day}T10:00:00+08:00");
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", who)
        .env("GIT_AUTHOR_EMAIL", "w@example.com")
        .env("GIT_COMMITTER_NAME", who)
        .env("GIT_COMMITTER_EMAIL", "w@example.com")
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_DATE", &date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

fn append(path: &Path, text: &str) {
    let old = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, format!("{old}{text}\n")).unwrap();
}

/// The fixture in a folder of its own (outside this repository's git).
fn journal(tmp: &Path) -> PathBuf {
    let root = tmp.join("j");
    copy_dir(&fixture("rewards"), &root);
    root
}

/// The fixture as a git repository: 林志偉 revises 保固送修 twice on a
/// branch, merged as pull request #21 with three people in its trailers (he
/// is one, as its author); 王小明 squash-merges an edit of 耳機退貨 as #22.
fn journal_with_history(tmp: &Path) -> PathBuf {
    let root = journal(tmp);
    let g = |who: &str, day: &str, args: &[&str]| git_as(&root, who, day, args);
    g("陳美玲", "2026-11-01", &["init", "-q", "-b", "main"]);
    g("陳美玲", "2026-11-01", &["add", "."]);
    g("陳美玲", "2026-11-01", &["commit", "-q", "-m", "新增案例"]);
    g("林志偉", "2026-11-12", &["checkout", "-q", "-b", "lin/warranty"]);
    append(&root.join("content/cases/保固.md"), "補充一。");
    g("林志偉", "2026-11-12", &["commit", "-q", "-am", "補充保固"]);
    append(&root.join("content/cases/保固.md"), "補充二。");
    g("林志偉", "2026-11-13", &["commit", "-q", "-am", "再補充"]);
    g("蔡宇涵", "2026-11-14", &["checkout", "-q", "main"]);
    let merge = "Merge pull request #21 from lin/warranty\n\nReviewed-by: 蔡宇涵 <tsai@example.com>\n\
                 Approved-by: chen <chen@example.com>\nApproved-by: 林志偉 <lin@example.com>";
    g("蔡宇涵", "2026-11-14", &["merge", "-q", "--no-ff", "lin/warranty", "-m", merge]);
    append(&root.join("content/cases/退貨.md"), "處理過程。");
    g("王小明", "2026-11-15", &["commit", "-q", "-am", "補上處理過程 (#22)\n\nReviewed-by: 王小明 <wang@example.com>"]);
    root
}

fn rewards(root: &Path, args: &[&str]) -> (String, String) {
    let mut all = vec!["rewards", "--root", root.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = casebook(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    (String::from_utf8_lossy(&o.stdout).into_owned(), stderr(&o))
}

#[test]
fn the_table_has_a_header_columns_aligned_by_display_width_and_totals() {
    let tmp = tempfile::tempdir().unwrap();
    let root = journal(tmp.path());
    let (table, _) = rewards(&root, &["--lang", "zh-Hant"]);
    let expected = "\
期別     作者            團隊            文章           獎勵                編輯
-------  --------------  --------------  -------------  ------------------  ------
2026-11  陳美玲（chen）  電話客服一組    三人合寫       166.66 CNY          蔡宇涵
2026-11  陳美玲（chen）  電話客服一組    耳機退貨       400 TWD             蔡宇涵
2026-11  林志偉（lin）   線上客服組      三人合寫       166.68 CNY          蔡宇涵
2026-11  林志偉（lin）   線上客服組      耳機退貨       400 TWD             蔡宇涵
2026-11  蔡宇涵（tsai）  內部刊物編輯部  =1+1 帳單爭議  1,000 TWD           蔡宇涵
2026-11  王小明（wang）  電話客服二組    三人合寫       166.66 CNY          蔡宇涵
         2026-11 小計                                   500 CNY、1,800 TWD

每位作者合計
陳美玲（chen）  166.66 CNY、400 TWD
林志偉（lin）   166.68 CNY、400 TWD
蔡宇涵（tsai）  1,000 TWD
王小明（wang）  166.66 CNY
";
    assert_eq!(table, expected);
    // Every line's columns start at the same display column.
    let award_at = |line: &str| line.rfind("  蔡宇涵").map(|i| unicode_width(&line[..i]));
    let starts: Vec<_> = table.lines().skip(2).take(6).map(award_at).collect();
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{starts:?}");

    // With two periods: a total per period and one for all, per currency.
    let featured = std::fs::read_to_string(root.join("data/featured.yaml")).unwrap();
    std::fs::write(
        root.join("data/featured.yaml"),
        format!("{featured}2026-12:\n  - article: 十二月的案例\n    award: 月度最佳心得\n    editor: chen\n  - article: 短案例\n    award: US$20\n    editor: lin\n"),
    )
    .unwrap();
    let (table, _) = rewards(&root, &["--lang", "en"]);
    assert!(
        table.starts_with(
            "Period   Author         Team            Article        Award                                Editor\n"
        ),
        "{table}"
    );
    assert!(table.contains("\n         2026-12 total                                 20 USD, 1 prize\n"), "{table}");
    assert!(
        table
            .contains("\n         All periods                                   500 CNY, 1,800 TWD, 20 USD, 1 prize\n"),
        "{table}"
    );
    assert!(table.contains("\nTotals per author\n陳美玲 (chen)  166.66 CNY, 400 TWD, 20 USD\n林志偉 (lin)   166.68 CNY, 400 TWD, 月度最佳心得\n"), "{table}");
    let (table, _) = rewards(&root, &["--lang", "zh-Hans", "--period", "2026-12"]);
    assert!(table.starts_with("期号     作者            团队"), "{table}");
    assert!(
        table.contains("2026-12 小计") && table.contains("20 USD、1 项奖品") && table.contains("每位作者合计"),
        "{table}"
    );
}

/// Columns a terminal gives `s` (two for a Chinese character).
fn unicode_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[test]
fn the_csv_has_reasons_pull_requests_reviewers_staff_ids_readable_addresses_and_safe_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let root = journal_with_history(tmp.path());
    let (csv, err) = rewards(&root, &["--format", "csv", "--base-url", "https://intranet.example/journal"]);
    let base = "https://intranet.example/journal";
    let expected = format!(
        "\u{feff}period,author,staff_id,name,team,article,url,reason,pull_requests,reviewers,award,amount,currency,whole_award,editor,self_pick\n\
         2026-11,chen,E1001,陳美玲,電話客服一組,三人合寫,{base}/cases/三人/,\"'@所有人 值得一讀, 附上\"\"引號\"\"\",,,166.66 CNY,166.66,CNY,500 CNY,蔡宇涵,\n\
         2026-11,chen,E1001,陳美玲,電話客服一組,耳機退貨,{base}/cases/退貨/,寫得清楚,#22,王小明,400 TWD,400,TWD,800 TWD,蔡宇涵,\n\
         2026-11,lin,E1002,林志偉,線上客服組,三人合寫,{base}/cases/三人/,\"'@所有人 值得一讀, 附上\"\"引號\"\"\",,,166.68 CNY,166.68,CNY,500 CNY,蔡宇涵,\n\
         2026-11,lin,E1002,林志偉,線上客服組,耳機退貨,{base}/cases/退貨/,寫得清楚,#22,王小明,400 TWD,400,TWD,800 TWD,蔡宇涵,\n\
         2026-11,tsai,E2001,蔡宇涵,內部刊物編輯部,'=1+1 帳單爭議,{base}/cases/帳單/,'-先道歉再查帳,,,1000 TWD,1000,TWD,1000 TWD,蔡宇涵,yes\n\
         2026-11,wang,,王小明,電話客服二組,三人合寫,{base}/cases/三人/,\"'@所有人 值得一讀, 附上\"\"引號\"\"\",,,166.66 CNY,166.66,CNY,500 CNY,蔡宇涵,\n"
    );
    assert_eq!(csv, expected);
    assert!(!err.contains("--base-url"), "{err}");
    // The csv crate reads it back into the same cells.
    let mut reader = ::csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let third: Vec<String> = reader.records().next().unwrap().unwrap().iter().map(String::from).collect();
    assert_eq!(third[7], "'@所有人 值得一讀, 附上\"引號\"");

    // base_url is `/`: without --base-url the addresses are paths, and it says so.
    let (csv, err) = rewards(&root, &["--format", "csv", "--lang", "zh-Hant"]);
    assert!(csv.contains(",/cases/退貨/,"), "{csv}");
    assert!(err.contains("casebook.yaml 的 base_url 是 `/`，只是路徑"), "{err}");
    let o = casebook(&["rewards", "--root", root.to_str().unwrap(), "--base-url", "intranet/journal"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("--base-url must be the site's full address, starting with http:// or https://"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn json_money_is_in_integer_minor_units() {
    let tmp = tempfile::tempdir().unwrap();
    let root = journal_with_history(tmp.path());
    let (out, _) = rewards(&root, &["--format", "json", "--base-url", "https://intranet.example/"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["currencies"]["TWD"], serde_json::json!({"minor_unit": 2, "paid_digits": 0}));
    assert_eq!(json["currencies"]["CNY"], serde_json::json!({"minor_unit": 2, "paid_digits": 2}));
    let lin = &json["rows"][2];
    assert_eq!(lin["author"], "lin");
    assert_eq!(lin["amount_minor"], serde_json::json!(16_668));
    assert!(lin["amount_minor"].is_i64());
    assert_eq!(lin["currency"], "CNY");
    assert_eq!(lin["staff_id"], "E1002");
    assert_eq!(lin["url"], "https://intranet.example/cases/三人/");
    let chen = &json["rows"][1];
    assert_eq!(
        (chen["amount_minor"].clone(), chen["pull_requests"].clone()),
        (serde_json::json!(40_000), serde_json::json!([22]))
    );
    assert_eq!(chen["reviewers"], serde_json::json!(["王小明"]));
    assert_eq!(json["rows"][4]["self_pick"], true);
    assert_eq!(
        json["totals"][1],
        serde_json::json!({"author": "lin", "name": "林志偉", "staff_id": "E1002", "money": {"CNY": 16_668, "TWD": 40_000}, "prizes": []})
    );
    assert_eq!(json["periods"][0]["money"], serde_json::json!({"CNY": 50_000, "TWD": 180_000}));
    assert_eq!(json["total"]["money"], serde_json::json!({"CNY": 50_000, "TWD": 180_000}));
    // Shares add up to the award in every currency.
    let sum: i64 = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["currency"] == "CNY")
        .map(|r| r["amount_minor"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, 50_000);
}

#[test]
fn an_editor_picking_their_own_article_is_warned_in_every_language() {
    let tmp = tempfile::tempdir().unwrap();
    let root = journal(tmp.path());
    let (_, err) = rewards(&root, &[]);
    assert!(err.contains("data/featured.yaml:13:13: warning: 蔡宇涵 picks “=1+1 帳單爭議”, which they wrote, and awards it 1000 TWD; another editor should make this pick"), "{err}");
    let (_, err) = rewards(&root, &["--lang", "zh-Hant"]);
    assert!(
        err.contains("data/featured.yaml:13:13: 警告：蔡宇涵 選了自己寫的〈=1+1 帳單爭議〉，並給予 1000 TWD 獎勵"),
        "{err}"
    );
    let (_, err) = rewards(&root, &["--lang", "zh-Hans"]);
    assert!(
        err.contains("data/featured.yaml:13:13: 警告：蔡宇涵 选了自己写的《=1+1 帳單爭議》，并给予 1000 TWD 奖励"),
        "{err}"
    );
    // The build says it too.
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    assert!(
        o.status.success() && stderr(&o).contains("data/featured.yaml:13:13: warning: 蔡宇涵 picks"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn money_written_as_text_is_read_and_ambiguous_money_is_refused_at_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let root = journal(tmp.path());
    std::fs::write(
        root.join("data/featured.yaml"),
        [
            "2026-11:",
            "  - article: 耳機退貨\n    award: $20\n    editor: chen",
            "  - article: 三人合寫\n    award: 500元\n    editor: chen",
            "  - article: 保固送修\n    award: 500\n    editor: chen",
            "  - article: 晨會心得\n    award: 312.5 TWD\n    editor: chen",
            "  - article: 甲案例\n    award: {amount: 5, currency: 元元}\n    editor: chen\n",
        ]
        .join("\n"),
    )
    .unwrap();
    let o = casebook(&["rewards", "--root", root.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    for line in [
        "data/featured.yaml:3:12: error: `$20` could be New Taiwan, US or Hong Kong dollars; write NT$20, US$20 or HK$20 (or 20 TWD, 20 USD)",
        "data/featured.yaml:6:12: error: `500元` could be New Taiwan dollars or renminbi; write 500 TWD or 500 CNY",
        "data/featured.yaml:9:12: error: the award `500` has no currency; write 500 TWD, 500 CNY or {amount: 500, currency: TWD}",
        "data/featured.yaml:12:12: error: the award `312.5 TWD` has decimals, but TWD is paid in whole units; write a whole amount, like 312 TWD",
        "data/featured.yaml:15:12: error: `元元` is not a currency; write a three-letter code such as TWD, CNY, USD or HKD",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    let o = casebook(&["rewards", "--root", root.to_str().unwrap(), "--lang", "zh-Hant"]);
    assert!(
        stderr(&o).contains("data/featured.yaml:6:12: 錯誤：`500元` 可能是新臺幣或人民幣；請寫 500 TWD 或 500 CNY"),
        "{}",
        stderr(&o)
    );
    let o = casebook(&["rewards", "--root", root.to_str().unwrap(), "--lang", "zh-Hans"]);
    assert!(stderr(&o).contains("data/featured.yaml:3:12: 错误：`$20` 可能是新台币、美元或港币"), "{}", stderr(&o));

    std::fs::write(
        root.join("data/featured.yaml"),
        "2026-11:\n  - article: 耳機退貨\n    award: CNY 500\n    editor: tsai\n  - article: 保固送修\n    award: ¥99.5\n    editor: tsai\n  - article: 晨會心得\n    award: 800 新台幣\n    editor: tsai\n  - article: 甲案例\n    award: 2026 年度最佳案例\n    editor: tsai\n",
    )
    .unwrap();
    let (csv, _) = rewards(&root, &["--format", "csv"]);
    for cells in [
        ",250 CNY,250,CNY,500 CNY,",
        ",99.50 CNY,99.50,CNY,99.50 CNY,",
        ",800 TWD,800,TWD,800 TWD,",
        ",2026 年度最佳案例,,,2026 年度最佳案例,",
    ] {
        assert!(csv.contains(cells), "{cells}\n{csv}");
    }
}

#[test]
fn the_featured_page_shows_each_co_authors_share() {
    let tmp = tempfile::tempdir().unwrap();
    let root = journal(tmp.path());
    let out = tmp.path().join("site");
    assert!(build(&root, &out, &[]).status.success());
    let page = read(&out, "featured/index.html");
    assert!(
        page.contains(
            "· 500 CNY<span class=\"shares\">（林志偉 166.68 CNY、陳美玲 166.66 CNY、王小明 166.66 CNY）</span>"
        ),
        "{page}"
    );
    assert!(page.contains("· 800 TWD<span class=\"shares\">（陳美玲 400 TWD、林志偉 400 TWD）</span>"), "{page}");
    // One author: the award is theirs, no shares shown.
    assert!(page.contains("· 1000 TWD · "), "{page}");
    assert!(!out.join("candidates").exists(), "the candidates are never published");
}

#[test]
fn candidates_are_ranked_by_the_journals_signals_with_their_reasons() {
    let tmp = tempfile::tempdir().unwrap();
    let root = journal_with_history(tmp.path());
    let (table, _) = rewards(&root, &["--candidates", "--period", "2026-11", "--lang", "zh-Hant"]);
    let expected = "\
2026-11 的精選候選（還沒被選的文章，依分數排序）
名次  分數  文章      作者    理由
----  ----  --------  ------  --------------------------------------------------------
1     15    保固送修  林志偉  2 則點評、被引用 1 次、2 位審閱者核准、修訂 3 次、683 字
2     7     晨會心得  王小明  1 則點評、被引用 1 次、1,215 字
3     0     甲案例    陳美玲  7 字
4     0     短案例    陳美玲  7 字
";
    assert_eq!(table, expected);
    // Without --period: the periods not older than the newest picks, newest first.
    let (table, _) = rewards(&root, &["--candidates", "--lang", "en"]);
    assert!(table.starts_with("Candidates for 2026-12 (articles not picked yet, best first)\n"), "{table}");
    assert!(table.contains("\nCandidates for 2026-11"), "{table}");
    assert!(
        table.contains("2 critiques, linked from 1 article, approved by 2 reviewers, 3 revisions, 683 characters"),
        "{table}"
    );
    let (json, _) = rewards(&root, &["--candidates", "--period", "2026-11", "--format", "json", "--lang", "zh-Hans"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &json[0]["candidates"][0];
    assert_eq!(
        first["signals"],
        serde_json::json!({"critiques": 2, "backlinks": 1, "approvals": 2, "revisions": 3, "characters": 683})
    );
    assert_eq!(first["reasons"][2], "2 位审阅者批准");
    let order: Vec<&str> =
        json[0]["candidates"].as_array().unwrap().iter().map(|c| c["article"].as_str().unwrap()).collect();
    assert_eq!(order, ["保固送修", "晨會心得", "甲案例", "短案例"], "ties go to the longer, then by path");
    let (none, _) = rewards(&root, &["--candidates", "--period", "2026-09", "--lang", "zh-Hant"]);
    assert_eq!(none, "2026-09 沒有還沒被選的文章。\n");
}

#[test]
fn the_candidates_page_is_only_in_previews() {
    let tmp = tempfile::tempdir().unwrap();
    let root = journal_with_history(tmp.path());
    let out = tmp.path().join("site");
    assert!(build(&root, &out, &[]).status.success());
    assert!(!out.join("candidates").exists());
    let o = build(&root, &out, &["--drafts"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&out, "candidates/index.html");
    assert!(page.contains("<h1>精選候選</h1>"), "{page}");
    let (dec, nov) = (page.find("2026-12 的候選").unwrap(), page.find("2026-11 的候選").unwrap());
    assert!(dec < nov, "newest period first");
    let (a, b) = (page.find(">保固送修</a>").unwrap(), page.find(">晨會心得</a>").unwrap());
    assert!(a < b, "best first");
    assert!(page.contains("2 則點評、被引用 1 次、2 位審閱者核准、修訂 3 次、683 字"), "{page}");
    assert!(page.contains("15 分"), "{page}");
    assert!(!page.contains("草稿案例") && !page.contains("點評保固一"), "drafts and critiques are not candidates");
    assert!(!page.contains(">耳機退貨</a>"), "picked articles are not candidates");
    assert!(!read(&out, "sitemap.xml").contains("candidates"));
}
