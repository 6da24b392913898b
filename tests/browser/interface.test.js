// The interface in the journal's language in a real browser (issue 16):
// the three interface fixtures (zh-Hant, zh-Hans, en) built and served, the
// search page's status words in each, and every kind of page at a phone's
// width (390 px) and a desktop's (1280 px) with nothing wider than the
// window. With SCREENSHOTS=<folder>, each page is saved there to be looked at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildFixture, serve, launch, newPage, searchSettled } from "./helpers.js";

const LANGS = {
  "zh-hant": { case: "cases/退貨耳機/", author: "authors/chen/", found: "耳機", foundText: /^找到 \d+ 篇$/, none: "沒有找到符合「zzzz」的文章", busy: "搜尋中…", failed: /^搜尋資料沒有載入成功（s\/\d+\.bin 503），請確認網路連線後再試一次。 再試一次$/ },
  "zh-hans": { case: "cases/退货耳机/", author: "authors/chen/", found: "耳机", foundText: /^找到 \d+ 篇$/, none: "没有找到符合“zzzz”的文章", busy: "搜索中…", failed: /^搜索数据没有加载成功（s\/\d+\.bin 503），请检查网络连接后重试。 重试$/ },
  en: { case: "cases/headphones/", author: "authors/chen/", found: "billing", foundText: /^1 article found$/, none: "No articles match “zzzz”", busy: "Searching…", failed: /^Some search data did not load \(s\/\d+\.bin 503\)\. Check the connection and try again\. Try again$/ },
};

let browser;
const sites = {};

before(async () => {
  for (const lang of Object.keys(LANGS)) {
    const server = await serve(null, "/journal/");
    const base = `http://127.0.0.1:${server.port}/journal/`;
    server.dir = buildFixture(`interface-${lang}`, base);
    sites[lang] = { server, base };
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(sites)) s.server.server.close();
});

async function status(page, base, query) {
  await page.goto(base + "search/");
  await page.fill("#search-input", query);
  await searchSettled(page);
  return page.textContent("#search-status");
}

for (const [lang, want] of Object.entries(LANGS)) {
  test(`${lang}: the search page speaks the journal's language`, async () => {
    const page = await newPage(browser);
    const { base } = sites[lang];
    assert.match(await status(page, base, want.found), want.foundText);
    assert.equal(await status(page, base, "zzzz"), want.none);
    await page.context().close();
  });

  test(`${lang}: the search page says it is searching, and when a file fails`, async () => {
    const page = await newPage(browser);
    const { base } = sites[lang];
    await page.goto(base + "search/");
    // The shards are held until the searching state shows, then fail.
    const held = [];
    let failing = false;
    const fail = (route) => route.fulfill({ status: 503, body: "" });
    await page.route(/\/search\/s\//, (route) => (failing ? fail(route) : held.push(route)));
    await page.fill("#search-input", want.found);
    await page.waitForFunction((w) => document.getElementById("search-status").textContent === w, want.busy);
    failing = true;
    await Promise.all(held.map(fail));
    await page.waitForFunction(() => document.querySelector("#search-status button"));
    assert.match(await page.textContent("#search-status"), want.failed);
    await page.context().close();
  });

  test(`${lang}: no page is wider than a phone or a desktop window`, async () => {
    const { base } = sites[lang];
    const shots = process.env.SCREENSHOTS;
    if (shots) mkdirSync(shots, { recursive: true });
    const pages = ["", want.case, "cases/", "tags/", "browse/", want.author, "search/?q=" + encodeURIComponent(want.found), "404.html"];
    for (const width of [390, 1280]) {
      const page = await newPage(browser, { viewport: { width, height: 900 } });
      for (const path of pages) {
        await page.goto(base + path);
        if (path.startsWith("search/")) {
          await searchSettled(page);
        }
        const wide = await page.evaluate(() => {
          const limit = document.documentElement.clientWidth;
          const out = [];
          for (const el of document.querySelectorAll("body *")) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > limit + 1 && getComputedStyle(el).position !== "fixed") {
              const scrolled = el.closest("pre, .table-wrap, .toc, .search-drop");
              if (!scrolled) out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)}`);
            }
          }
          return { page: document.documentElement.scrollWidth, limit, out };
        });
        assert.ok(wide.page <= wide.limit, `${lang} ${path} at ${width}px is ${wide.page}px wide: ${wide.out.join("; ")}`);
        assert.deepEqual(wide.out, [], `${lang} ${path} at ${width}px`);
        if (shots) {
          const name = `${lang}-${width}-${(path || "home").replace(/[^\w一-龥]+/g, "_")}.png`;
          await page.screenshot({ path: join(shots, name), fullPage: true });
        }
      }
      await page.context().close();
    }
  });
}
