//! The layout of pages (issue 18, part 3), on the three interface
//! fixtures: a case page leads with what teaches (its critiques and the
//! articles linking to it, with counts, near the title) and keeps its git
//! history for the end; the table of contents is folded until a script
//! opens it on a wide screen; the home page's counts add up; lists show a
//! case's channel and outcome; the browse page's filters can fold away;
//! the 404 page carries a search box and the list it finds the closest
//! articles in. How these look and behave in a browser is in
//! tests/browser/layout.test.js.

use std::path::PathBuf;

use crate::*;

fn built(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&fixture(name), &out, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, out)
}

/// The three fixtures with the address of their case that has a critique
/// and a backlink, and the words each shows.
struct Lang {
    fixture: &'static str,
    case: &'static str,
    responses: &'static str,
    backlinks: &'static str,
    counts: &'static str,
    channel: &'static str,
}

const LANGS: [Lang; 3] = [
    Lang {
        fixture: "interface-zh-hant",
        case: "cases/退貨耳機/index.html",
        responses: "<a class=\"jump\" href=\"#responses-title\">1 則點評</a>：<a href=\"#response-1\">陳美玲</a>",
        backlinks: "<a class=\"jump\" href=\"#backlinks-title\">被 1 篇引用</a>",
        counts: "共 4 篇：<a href=\"./cases/\">案例 2 篇</a>、<a href=\"./essays/\">心得 1 篇</a>、點評 1 篇",
        channel: "<span class=\"fact fact-channel\" title=\"渠道\">電話</span>",
    },
    Lang {
        fixture: "interface-zh-hans",
        case: "cases/退货耳机/index.html",
        responses: "<a class=\"jump\" href=\"#responses-title\">1 条点评</a>：<a href=\"#response-1\">陈美玲</a>",
        backlinks: "<a class=\"jump\" href=\"#backlinks-title\">被 1 篇引用</a>",
        counts: "共 4 篇：<a href=\"./cases/\">案例 2 篇</a>、<a href=\"./essays/\">心得 1 篇</a>、点评 1 篇",
        channel: "<span class=\"fact fact-channel\" title=\"渠道\">电话</span>",
    },
    Lang {
        fixture: "interface-en",
        case: "cases/headphones/index.html",
        responses:
            "<a class=\"jump\" href=\"#responses-title\">1 response</a>: <a href=\"#response-1\">Mei-ling Chen</a>",
        backlinks: "<a class=\"jump\" href=\"#backlinks-title\">Linked from 1 article</a>",
        counts: "4 articles: <a href=\"./cases/\">Cases (2)</a>, <a href=\"./essays/\">Essays (1)</a>, Responses (1)",
        channel: "<span class=\"fact fact-channel\" title=\"Channel\">Phone</span>",
    },
];

/// Where `needle` is in `page`, which must have it.
fn at(page: &str, needle: &str, what: &str) -> usize {
    page.find(needle).unwrap_or_else(|| panic!("{what}: no {needle:?} in\n{page}"))
}

#[test]
fn a_case_page_leads_with_its_critiques_and_backlinks_and_ends_with_its_history() {
    for l in &LANGS {
        let (_tmp, out) = built(l.fixture);
        let page = read(&out, l.case);
        let what = format!("{} {}", l.fixture, l.case);
        // Near the title: after the h1, inside the article's header, before the text.
        let h1 = at(&page, "<h1>", &what);
        let jumps = at(&page, "<nav class=\"jumps\"", &what);
        let header_end = h1 + at(&page[h1..], "</header>", &what);
        assert!(
            h1 < jumps && jumps < header_end,
            "{what}: the links to critiques and backlinks are in the title's header"
        );
        assert!(at(&page, l.responses, &what) < header_end, "{what}");
        assert!(at(&page, l.backlinks, &what) < header_end, "{what}");
        // The order of what follows the text.
        let order = [
            "<div class=\"prose\">",
            "<section class=\"responses\"",
            "<section class=\"backlinks\"",
            "<section class=\"related\"",
            "<footer class=\"history\"",
        ];
        let places: Vec<usize> = order.iter().map(|s| at(&page, s, &what)).collect();
        assert!(places.windows(2).all(|w| w[0] < w[1]), "{what}: {order:?} are in this order: {places:?}");
        // The anchors the links go to exist.
        assert!(page.contains("id=\"responses-title\"") && page.contains("id=\"backlinks-title\""), "{what}");
        assert!(page.contains("<article class=\"response\" id=\"response-1\">"), "{what}");
    }
}

#[test]
fn the_table_of_contents_is_folded_until_a_wide_screen_opens_it() {
    let (_tmp, out) = built("interface-zh-hant");
    let page = read(&out, "cases/退貨耳機/index.html");
    // Closed in the HTML (a phone without JavaScript sees the text first),
    // in a rail that a wide screen places beside the text.
    assert!(
        page.contains("<div class=\"toc-rail\">\n  <details class=\"toc\" id=\"toc\">\n    <summary>目錄</summary>"),
        "{page}"
    );
    assert!(!page.contains("class=\"toc\" id=\"toc\" open"), "{page}");
    assert!(page.contains("matchMedia(\"(min-width: 48rem)\")"), "{page}");
}

#[test]
fn the_home_page_counts_add_up_in_every_language() {
    for l in &LANGS {
        let (_tmp, out) = built(l.fixture);
        let home = read(&out, "index.html");
        assert!(home.contains(&format!("<p class=\"counts\">{}</p>", l.counts)), "{}: {home}", l.fixture);
        assert_adds_up(&home, l.fixture);
    }
    // An article in no section (at the top of content/) is counted too.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    copy_dir(&fixture("interface-en"), &root);
    std::fs::write(root.join("content/note.md"), "---\ntitle: A note\ndate: 2026-10-08\n---\n\nA note.\n").unwrap();
    let site = tmp.path().join("site");
    let o = build(&root, &site, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let home = read(&site, "index.html");
    assert!(home.contains(", Responses (1), Other (1)</p>"), "{home}");
    assert_adds_up(&home, "interface-en with a note");
}

/// The first number of the home page's count is the sum of the others.
fn assert_adds_up(home: &str, what: &str) {
    let start = at(home, "<p class=\"counts\">", what);
    let line = &home[start..start + at(&home[start..], "</p>", what)];
    let mut text = String::new();
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let numbers: Vec<usize> =
        text.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
    assert!(numbers.len() > 2, "{what}: {text}");
    assert_eq!(numbers[0], numbers[1..].iter().sum::<usize>(), "{what}: {text}");
}

#[test]
fn lists_show_a_case_channel_and_outcome() {
    for l in &LANGS {
        let (_tmp, out) = built(l.fixture);
        for list in ["index.html", "cases/index.html", "browse/index.html", "authors/chen/index.html"] {
            let page = read(&out, list);
            assert!(page.contains(l.channel), "{} {list} lacks {:?}:\n{page}", l.fixture, l.channel);
            assert!(page.contains("<span class=\"fact fact-outcome\""), "{} {list}", l.fixture);
        }
    }
}

#[test]
fn the_browse_page_filters_fold_and_the_404_page_can_search() {
    let (_tmp, out) = built("interface-zh-hant");
    let browse = read(&out, "browse/index.html");
    assert!(browse.contains("<details class=\"facet-box\" id=\"facet-box\" hidden>\n<summary>篩選條件 "), "{browse}");
    assert!(browse.contains("data-words=\"已選 {n} 項\""), "{browse}");
    let nf = read(&out, "404.html");
    for want in [
        "<form class=\"nf-search\" role=\"search\" action=\"/search/\" method=\"get\">",
        "<label class=\"search-label\" for=\"nf-q\">用網址裡的字搜尋</label>",
        "<h2 id=\"nf-closest-title\">可能是這幾篇</h2>",
        // Every article, critiques too, for the script to find the closest in.
        "<ul id=\"nf-index\" hidden>",
        "<a href=\"/cases/%E9%80%80%E8%B2%A8%E8%80%B3%E6%A9%9F/\">客戶要求退回已拆封耳機</a>",
        "<a href=\"/responses/%E9%BB%9E%E8%A9%95%E8%80%B3%E6%A9%9F/\">",
        // The address is only ever a value and compared, never written as HTML.
        "document.getElementById(\"nf-q\").value = words.join(\" \");",
    ] {
        assert!(nf.contains(want), "404.html lacks {want:?}:\n{nf}");
    }
    assert!(!nf.contains("innerHTML") && !nf.contains("insertAdjacentHTML"), "{nf}");
}
