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
    // Copied out of this repository, so that its git history is not the journal's.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("editorial"), &root);
    let r = root.to_str().unwrap();
    let o = casebook(&["rewards", "--root", r, "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let base = "https://intranet.example/journal/";
    // Addresses as people read them: Chinese, not percent-encoded.
    let expected = format!(
        "\u{feff}period,author,staff_id,name,team,article,url,reason,pull_requests,reviewers,award,amount,currency,whole_award,editor,self_pick\n\
         2026-10,chen,,陳美玲,電話客服一組,帳單爭議,{base}cases/帳單/,,,,300 TWD,300,TWD,300 TWD,蔡宇涵,\n\
         2026-10,lin,,林志偉,線上客服組,晨會心得,{base}essays/心得/,,,,月度最佳心得,,,月度最佳心得,蔡宇涵,\n\
         2026-11,chen,,陳美玲,電話客服一組,耳機退貨,{base}cases/退貨/,寫得清楚,,,250 TWD,250,TWD,500 TWD,蔡宇涵,\n\
         2026-11,lin,,林志偉,線上客服組,耳機退貨,{base}cases/退貨/,寫得清楚,,,250 TWD,250,TWD,500 TWD,蔡宇涵,\n"
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), expected);

    let o = casebook(&["rewards", "--root", r, "--format", "json", "--period", "2026-11"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), 2);
    assert_eq!(
        json["totals"][0],
        serde_json::json!({"author": "chen", "name": "陳美玲", "staff_id": null, "money": {"TWD": 25_000}, "prizes": []})
    );

    // The table in the journal's language.
    let o = casebook(&["rewards", "--root", r, "--lang", "zh-Hant"]);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(table.starts_with("期別     作者            團隊          文章      獎勵               編輯\n"), "{table}");
    assert!(table.contains("\n         各期合計                                800 TWD、1 項獎品\n"), "{table}");
    assert!(
        table.ends_with("每位作者合計\n陳美玲（chen）  550 TWD\n林志偉（lin）   250 TWD、月度最佳心得\n"),
        "{table}"
    );
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
fn money_is_split_in_the_units_it_is_paid_in_and_adds_up_to_the_award() {
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
    let (three, two) = ("https://intranet.example/journal/cases/三人/", "https://intranet.example/journal/cases/退貨/");
    // lin is named first: what does not divide evenly is lin's; New Taiwan
    // dollars are paid in whole dollars, so they are divided in dollars.
    // tsai, the editor, wrote 三人合寫 too: the pick is marked.
    let expected = format!(
        "\u{feff}period,author,staff_id,name,team,article,url,reason,pull_requests,reviewers,award,amount,currency,whole_award,editor,self_pick\n\
         2026-10,chen,,陳美玲,電話客服一組,三人合寫,{three},,,,33.33 USD,33.33,USD,100 USD,蔡宇涵,yes\n\
         2026-10,chen,,陳美玲,電話客服一組,耳機退貨,{two},,,,0.01 USD,0.01,USD,0.01 USD,蔡宇涵,\n\
         2026-10,lin,,林志偉,線上客服組,三人合寫,{three},,,,33.34 USD,33.34,USD,100 USD,蔡宇涵,yes\n\
         2026-10,lin,,林志偉,線上客服組,耳機退貨,{two},,,,0 USD,0,USD,0.01 USD,蔡宇涵,\n\
         2026-10,tsai,,蔡宇涵,內部刊物編輯部,三人合寫,{three},,,,33.33 USD,33.33,USD,100 USD,蔡宇涵,yes\n\
         2026-11,chen,,陳美玲,電話客服一組,三人合寫,{three},,,,333 TWD,333,TWD,1000 TWD,蔡宇涵,yes\n\
         2026-11,lin,,林志偉,線上客服組,三人合寫,{three},,,,334 TWD,334,TWD,1000 TWD,蔡宇涵,yes\n\
         2026-11,tsai,,蔡宇涵,內部刊物編輯部,三人合寫,{three},,,,333 TWD,333,TWD,1000 TWD,蔡宇涵,yes\n"
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), expected);

    let o = casebook(&["rewards", "--root", r, "--lang", "zh-Hant"]);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(
        table.ends_with(
            "每位作者合計\n陳美玲（chen）  333 TWD、33.34 USD\n林志偉（lin）   334 TWD、33.34 USD\n蔡宇涵（tsai）  333 TWD、33.33 USD\n"
        ),
        "{table}"
    );
    let o = casebook(&["rewards", "--root", r]);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(table.contains("\nTotals per author\n陳美玲 (chen)  333 TWD, 33.34 USD\n"), "{table}");
    let o = casebook(&["rewards", "--root", r, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["totals"][1]["money"], serde_json::json!({"TWD": 33_400, "USD": 3_334}));
    // The author's page shows the same shares.
    let out = tmp.path().join("site");
    assert!(build(&root, &out, &[]).status.success());
    assert!(read(&out, "authors/lin/index.html").contains("累計獎勵：334 TWD、33.34 USD"));
}
