//! Editors' picks and rewards (tests/fixtures/editorial).

use crate::*;

#[test]
fn picks_are_shown_on_the_site() {
    let (_tmp, out, _) = built("editorial", &[]);
    let home = read(&out, "index.html");
    assert!(home.contains("本期精選 <span class=\"meta\">2026-11</span>"), "{home}");
    assert!(home.contains(">耳機退貨</a>") && home.contains("· 500 TWD"));
    assert!(
        !home[home.find("本期精選").unwrap()..home.find("最新文章").unwrap()].contains("帳單爭議"),
        "only the current period"
    );
    assert!(read(&out, "cases/退貨/index.html")
        .contains("<span class=\"badge featured\">精選</span> 2026-11 · 500 TWD · 寫得清楚"));
    assert!(read(&out, "cases/index.html").contains("<span class=\"badge featured\">精選</span>"));
    let page = read(&out, "featured/index.html");
    let (nov, oct) = (page.find("<h2 id=\"p-2026-11\">").unwrap(), page.find("<h2 id=\"p-2026-10\">").unwrap());
    assert!(nov < oct, "newest period first");
    assert!(page.contains("月度最佳心得") && page.contains("編輯 蔡宇涵"));
    // An author's page: picks and totals; a shared money award is split.
    let chen = read(&out, "authors/chen/index.html");
    assert!(chen.contains("累計獎勵：550 TWD"), "{chen}");
    let lin = read(&out, "authors/lin/index.html");
    assert!(lin.contains("累計獎勵：250 TWD、月度最佳心得"), "{lin}");
}

#[test]
fn rewards_lists_awards_per_author_with_totals() {
    let root = fixture("editorial");
    let r = root.to_str().unwrap();
    let o = casebook(&["rewards", "--root", r, "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let base = "https://intranet.example/journal/";
    let expected = format!(
        "\u{feff}period,author,name,team,article,url,award,amount,currency,editor\n\
         2026-10,chen,陳美玲,電話客服一組,帳單爭議,{base}cases/%E5%B8%B3%E5%96%AE/,300 TWD,300,TWD,蔡宇涵\n\
         2026-10,lin,林志偉,線上客服組,晨會心得,{base}essays/%E5%BF%83%E5%BE%97/,月度最佳心得,,,蔡宇涵\n\
         2026-11,chen,陳美玲,電話客服一組,耳機退貨,{base}cases/%E9%80%80%E8%B2%A8/,250 TWD,250,TWD,蔡宇涵\n\
         2026-11,lin,林志偉,線上客服組,耳機退貨,{base}cases/%E9%80%80%E8%B2%A8/,250 TWD,250,TWD,蔡宇涵\n"
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), expected);

    let o = casebook(&["rewards", "--root", r, "--format", "json", "--period", "2026-11"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), 2);
    assert_eq!(json["totals"][0], serde_json::json!({"author": "chen", "money": {"TWD": 250.0}, "prizes": []}));

    // The table in the journal's language.
    let o = casebook(&["rewards", "--root", r, "--lang", "zh-Hant"]);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(table.contains("合計\n陳美玲（chen）  550 TWD\n林志偉（lin）  250 TWD、月度最佳心得\n"), "{table}");
}

#[test]
fn rewards_refuses_picks_that_name_nothing() {
    let o = casebook(&["rewards", "--root", fixture("invalid/featured_missing").to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("data/featured.yaml:4:14: error: the pick for 2026-11 names an article that cannot be found"),
        "{err}"
    );
    assert!(err.contains("data/featured.yaml:8:13: error: the editor `nobody` is not in data/authors.yaml"), "{err}");
}

#[test]
fn money_is_split_in_cents_and_adds_up_to_the_award() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("editorial"), &root);
    std::fs::write(
        root.join("content/cases/三人.md"),
        "---\ntitle: 三人合寫\ndate: 2026-11-04\nauthors: [lin, chen, tsai]\n---\n\n## 背景\n\n內容。\n",
    )
    .unwrap();
    std::fs::write(
        root.join("data/featured.yaml"),
        "2026-11:\n  - article: 三人合寫\n    award: {amount: 1000, currency: TWD}\n    editor: tsai\n\
         2026-10:\n  - article: 三人合寫\n    award: {amount: 100, currency: usd}\n    editor: tsai\n  - article: 耳機退貨\n    award: {amount: 0.01, currency: USD}\n    editor: tsai\n",
    )
    .unwrap();
    let r = root.to_str().unwrap();
    let o = casebook(&["rewards", "--root", r, "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (three, two) = (
        "https://intranet.example/journal/cases/%E4%B8%89%E4%BA%BA/",
        "https://intranet.example/journal/cases/%E9%80%80%E8%B2%A8/",
    );
    // lin is named first: the cent that does not divide evenly is lin's.
    let expected = format!(
        "\u{feff}period,author,name,team,article,url,award,amount,currency,editor\n\
         2026-10,chen,陳美玲,電話客服一組,三人合寫,{three},33.33 USD,33.33,USD,蔡宇涵\n\
         2026-10,chen,陳美玲,電話客服一組,耳機退貨,{two},0.01 USD,0.01,USD,蔡宇涵\n\
         2026-10,lin,林志偉,線上客服組,三人合寫,{three},33.34 USD,33.34,USD,蔡宇涵\n\
         2026-10,lin,林志偉,線上客服組,耳機退貨,{two},0 USD,0,USD,蔡宇涵\n\
         2026-10,tsai,蔡宇涵,內部刊物編輯部,三人合寫,{three},33.33 USD,33.33,USD,蔡宇涵\n\
         2026-11,chen,陳美玲,電話客服一組,三人合寫,{three},333.33 TWD,333.33,TWD,蔡宇涵\n\
         2026-11,lin,林志偉,線上客服組,三人合寫,{three},333.34 TWD,333.34,TWD,蔡宇涵\n\
         2026-11,tsai,蔡宇涵,內部刊物編輯部,三人合寫,{three},333.33 TWD,333.33,TWD,蔡宇涵\n"
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), expected);

    let o = casebook(&["rewards", "--root", r, "--lang", "zh-Hant"]);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(
        table.ends_with(
            "合計\n陳美玲（chen）  333.33 TWD、33.34 USD\n林志偉（lin）  333.34 TWD、33.34 USD\n蔡宇涵（tsai）  333.33 TWD、33.33 USD\n"
        ),
        "{table}"
    );
    let o = casebook(&["rewards", "--root", r]);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(table.contains("\nTotals\n陳美玲 (chen)  333.33 TWD, 33.34 USD\n"), "{table}");
    let o = casebook(&["rewards", "--root", r, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["totals"][1],
        serde_json::json!({"author": "lin", "money": {"TWD": 333.34, "USD": 33.34}, "prizes": []})
    );
    // The author's page shows the same shares.
    let out = tmp.path().join("site");
    assert!(build(&root, &out, &[]).status.success());
    assert!(read(&out, "authors/lin/index.html").contains("累計獎勵：333.34 TWD、33.34 USD"));
}
