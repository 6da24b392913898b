//! A cross-linked journal: links, wiki links, anchors, backlinks, related
//! articles, series, critiques and merged tags (tests/fixtures/links).

use crate::*;

/// The hrefs of the links in the article body, with their text.
fn body_links(page: &str) -> Vec<(String, String)> {
    let body = &page[page.find("<div class=\"prose\">").unwrap()..];
    let body = &body[..body.find("</div>").unwrap()];
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find("<a href=\"") {
        rest = &rest[i + 9..];
        let href = rest[..rest.find('"').unwrap()].to_string();
        let text_start = rest.find('>').unwrap() + 1;
        let text = rest[text_start..text_start + rest[text_start..].find("</a>").unwrap()].to_string();
        if !href.starts_with('#') || !text.is_empty() && text != "#" {
            out.push((href, text));
        }
    }
    out
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s).decode_utf8().unwrap().into_owned()
}

#[test]
fn markdown_and_wiki_links_become_relative_urls() {
    let (_tmp, out, _) = built("links", &[]);
    let nested = read(&out, "cases/2026/深層/巢狀/index.html");
    let links: Vec<(String, String)> = body_links(&nested).into_iter().map(|(h, t)| (decode(&h), t)).collect();
    assert_eq!(
        links,
        [
            ("../../../../cases/耳機-換貨/".to_string(), "耳機換貨".to_string()),
            ("../../../../essays/退換貨規則/#例外".to_string(), "退換貨規則 › 例外".to_string()),
            ("../../../../cases/退貨-耳機/".to_string(), "那個案例".to_string()),
            ("../../../../cases/螢幕保固/申請表.txt".to_string(), "申請表".to_string()),
        ]
    );
    let rules = read(&out, "essays/退換貨規則/index.html");
    let links: Vec<(String, String)> = body_links(&rules).into_iter().map(|(h, t)| (decode(&h), t)).collect();
    assert!(links.contains(&("../../cases/退貨-耳機/".into(), "見此案".into())), "{links:?}");
    assert!(links.contains(&("../../cases/退貨-耳機/#背景".into(), "背景".into())), "root link: {links:?}");
    assert!(links.contains(&("#一般規則".into(), "一般規則".into())), "same page: {links:?}");
    // An anchor written as another tool makes ids: the heading with the same letters.
    assert!(links.contains(&("#退貨-faq".into(), "常見問題".into())), "loose anchor: {links:?}");
    // A bare wiki link shows the target's title.
    let swap = read(&out, "cases/耳機-換貨/index.html");
    assert!(swap.contains(">客戶要求退回已拆封耳機</a>很像"), "{swap}");
    // Wiki link by section path, image and attachment in an article folder.
    let bundle = read(&out, "cases/螢幕保固/index.html");
    assert!(bundle.contains("<img src=\"flow.svg\" alt=\"流程圖\""), "{bundle}");
    assert!(bundle.contains("<a href=\"%E7%94%B3%E8%AB%8B%E8%A1%A8.txt\">申請表</a>"), "{bundle}");
    assert!(bundle.contains(">巢狀資料夾裡的案例</a>"));
    assert!(out.join("cases/螢幕保固/申請表.txt").is_file());
}

#[test]
fn backlinks_show_the_sentence_around_the_link() {
    let (_tmp, out, _) = built("links", &[]);
    let page = read(&out, "cases/退貨-耳機/index.html");
    let section = &page[page.find("<section class=\"backlinks\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    // Newest linking article first.
    let order: Vec<usize> =
        ["耳機左耳沒有聲音", "退換貨規則", "巢狀資料夾裡的案例"].iter().map(|t| section.find(t).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{section}");
    assert!(
        section.contains("<blockquote>處理方式和客戶要求退回已拆封耳機很像，先檢測再換貨。</blockquote>"),
        "{section}"
    );
    assert!(
        section.contains("<blockquote>從巢狀資料夾連到耳機換貨，再看退換貨規則 › 例外，還有那個案例。</blockquote>"),
        "{section}"
    );
}

#[test]
fn related_articles_are_ranked_and_explained() {
    let (_tmp, out, _) = built("links", &[]);
    let page = read(&out, "cases/退貨-耳機/index.html");
    let section = &page[page.find("<section class=\"related\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    let titles: Vec<&str> = section
        .split("<li><a href=")
        .skip(1)
        .map(|li| &li[li.find('>').unwrap() + 1..li.find("</a>").unwrap()])
        .collect();
    assert_eq!(titles, ["耳機左耳沒有聲音", "退換貨規則"]);
    assert!(section.contains("標籤：退換貨、耳機 · 產品相同 · 能力維度：耐心"), "{section}");
    assert!(!section.contains("客戶要求退回已拆封耳機"), "never the article itself");
}

#[test]
fn a_series_is_listed_in_order_with_previous_and_next() {
    let (_tmp, out, _) = built("links", &[]);
    let series = read(&out, "series/每日一案例/index.html");
    let pos: Vec<usize> = ["每日一案例：第一天", "每日一案例：第二天", "每日一案例：第三天"]
        .iter()
        .map(|t| series.find(t).unwrap())
        .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "series_order, not date, decides");
    let second = read(&out, "cases/每日一案例/第二天/index.html");
    assert!(second.contains("rel=\"prev\" href=\"../../../cases/%E6%AF%8F%E6%97%A5%E4%B8%80%E6%A1%88%E4%BE%8B/%E7%AC%AC%E4%B8%80%E5%A4%A9/\""));
    assert!(second.contains("<span>下一篇 →</span>每日一案例：第三天"));
    assert!(second.contains("（2 / 3）"));
    let first = read(&out, "cases/每日一案例/第一天/index.html");
    assert!(!first.contains("rel=\"prev\""));
    assert!(read(&out, "series/index.html").contains("每日一案例</a> <span class=\"count\">3 篇</span>"));
}

#[test]
fn critiques_appear_under_the_case_oldest_first() {
    let (_tmp, out, _) = built("links", &[]);
    let page = read(&out, "cases/退貨-耳機/index.html");
    let section = &page[page.find("<section class=\"responses\"").unwrap()..];
    assert!(section.contains("點評（2）"));
    let (a, b) = (section.find("先聽完再說明規則").unwrap(), section.find("可以更早提出檢測的選項").unwrap());
    assert!(a < b, "oldest first");
    assert!(section.contains(">王小明</a> · <time datetime=\"2026-10-05T00:00:00+08:00\">2026-10-05</time>"));
    // The list entry of the case counts its critiques; critiques are not listed themselves.
    let cases = read(&out, "cases/index.html");
    assert!(cases.contains(">2 則點評</a>"), "{cases}");
    assert!(!read(&out, "index.html").contains("第二則點評"));
    let response = read(&out, "responses/點評二/index.html");
    assert!(response.contains(
        "點評：回應 <a href=\"../../cases/%E9%80%80%E8%B2%A8-%E8%80%B3%E6%A9%9F/\">客戶要求退回已拆封耳機</a>"
    ));
}

#[test]
fn tags_merge_across_scripts_width_and_aliases() {
    let (_tmp, out, _) = built("links", &[]);
    // 退貨 (alias), 換貨 (alias) and 退换货 (Simplified) are all 退換貨.
    let tag = read(&out, "tags/退換貨/index.html");
    for title in ["客戶要求退回已拆封耳機", "耳機左耳沒有聲音", "退換貨規則"] {
        assert!(tag.contains(title), "{title}");
    }
    assert!(tag.contains("<p class=\"description\">退貨、換貨與七天鑑賞期的案例</p>"));
    // 耳机 (Simplified) is 耳機, shown as the listed name.
    assert!(read(&out, "tags/耳機/index.html").contains("耳機左耳沒有聲音"));
    for gone in ["tags/退换货", "tags/退貨", "tags/耳机"] {
        assert!(!out.join(gone).exists(), "{gone}");
    }
    assert!(read(&out, "tags/index.html").contains(">退換貨</a> <span class=\"count\">3 篇</span>"));
}

#[test]
fn the_facet_page_combines_taxonomies() {
    let (_tmp, out, _) = built("links", &[]);
    let page = read(&out, "browse/index.html");
    assert!(page.contains("<option value=\"phone\">電話（1）</option>"));
    let item = &page[page.find("data-channel=\"|phone|\"").unwrap()..];
    assert!(item[..item.find("</li>").unwrap()].contains("客戶要求退回已拆封耳機"));
    assert!(page.contains("data-tags=\"|退換貨|耳機|\""));
    assert!(!page.contains("對耳機退貨的點評"), "critiques are not listed");
    assert!(read(&out, "channel/phone/index.html").contains("href=\"../../browse/?channel=phone\""));
}

#[test]
fn links_warn_lets_the_build_finish_and_still_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("invalid/broken_link"), &root);
    std::fs::write(root.join("casebook.yaml"), "links: warn\n").unwrap();
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("content/essays/壞連結.md:8:2: warning: broken link: `../cases/目樑.md`"),
        "{}",
        stderr(&o)
    );
    assert!(out.join("essays/壞連結/index.html").is_file());
}
