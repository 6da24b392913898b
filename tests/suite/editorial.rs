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

    let o = casebook(&["rewards", "--root", r]);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(table.contains("合計\n陳美玲（chen）  550 TWD\n林志偉（lin）  250 TWD、月度最佳心得\n"), "{table}");
}

#[test]
fn rewards_refuses_picks_that_name_nothing() {
    let o = casebook(&["rewards", "--root", fixture("invalid/featured_missing").to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("data/featured.yaml:4:1: error: the pick for 2026-11 names an article that cannot be found"),
        "{err}"
    );
    assert!(err.contains("data/featured.yaml:7:1: error: the editor `nobody` is not in data/authors.yaml"), "{err}");
}
