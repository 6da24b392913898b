// The search a reader can trust (issue 17, part 3), in a real browser over
// the search fixture: a searching state on a slow network and an error
// state when a file fails to load (on the search page and in the header's
// drop-down, with a retry), the keyboard of the header's drop-down, the
// case-field filters of the search page and the case facts of results.
//
// A slow network is a route that holds the requests until the test has
// seen the searching state, then lets them through: no fixed sleeps.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { buildFixture, serve, launch, newPage } from "./helpers.js";

let browser, server, base;

before(async () => {
  server = await serve(null, "/journal/");
  base = `http://127.0.0.1:${server.port}/journal/`;
  server.dir = buildFixture("search", base);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.server.close();
});

const SHARDS = /\/journal\/search\/s\//;
const DOCS = /\/journal\/search\/a\//;

/** Holds the requests matching `pattern` until `release()` is called. */
async function hold(page, pattern) {
  const held = [];
  let holding = true;
  await page.route(pattern, (route) => (holding ? held.push(route) : route.continue()));
  return {
    release: async () => {
      holding = false;
      await Promise.all(held.map((r) => r.continue()));
      await page.unroute(pattern);
    },
  };
}

const titles = (page, list) => page.$$eval(`${list} .result-title`, (as) => as.map((a) => a.textContent));
const text = (page, sel) => page.$eval(sel, (e) => e.textContent);
const waitText = (page, sel, want) =>
  page.waitForFunction(([s, w]) => document.querySelector(s)?.textContent.startsWith(w), [sel, want]);

test("on a slow network the search page says it is searching, then shows the results", async () => {
  const page = await newPage(browser);
  await page.goto(base + "search/");
  const slow = await hold(page, SHARDS);
  await page.fill("#search-input", "投訴處理");
  await waitText(page, "#search-status", "搜尋中…");
  assert.equal(await page.getAttribute("#search-results", "aria-busy"), "true");
  await slow.release();
  await waitText(page, "#search-status", "找到 2 篇");
  assert.deepEqual(await titles(page, "#search-results"), ["投訴處理的五個步驟", "门店等候四十分钟"]);
  assert.equal(await page.getAttribute("#search-results", "aria-busy"), null);
  await page.context().close();
});

test("on a slow network the header's drop-down says it is searching, then shows the results", async () => {
  const page = await newPage(browser);
  await page.goto(base + "cases/");
  const slow = await hold(page, DOCS);
  await page.focus(".site-search input");
  await page.keyboard.insertText("投訴處理");
  await waitText(page, ".search-drop-status", "搜尋中…");
  assert.equal(await page.isVisible(".search-drop-status"), true);
  assert.equal(await page.isVisible("#search-drop"), false);
  await slow.release();
  await page.waitForSelector("#search-drop li.result");
  assert.deepEqual(await titles(page, "#search-drop"), ["投訴處理的五個步驟", "门店等候四十分钟"]);
  assert.equal(await text(page, ".search-drop-status"), "");
  await page.context().close();
});

test("a shard or article file that fails to load is an error, old results go, and Try again works", async () => {
  const page = await newPage(browser);
  await page.goto(base + "search/");
  await page.fill("#search-input", "refund");
  await waitText(page, "#search-status", "找到 1 篇");
  // An article file the next query needs does not load: the old result
  // (another query's) must not stay on the page.
  await page.route(DOCS, (route) => route.abort());
  await page.fill("#search-input", "投訴處理");
  await waitText(page, "#search-status", "搜尋資料沒有載入成功（a/");
  assert.deepEqual(await titles(page, "#search-results"), []);
  assert.equal(await page.isVisible("#search-status button.search-retry"), true);
  await page.unroute(DOCS);
  await page.click("#search-status button.search-retry");
  await waitText(page, "#search-status", "找到 2 篇");
  assert.deepEqual(await titles(page, "#search-results"), ["投訴處理的五個步驟", "门店等候四十分钟"]);
  // A shard answered with a server error: its name and status are shown.
  await page.goto(base + "search/");
  await page.route(SHARDS, (route) => route.fulfill({ status: 503, body: "" }));
  await page.fill("#search-input", "晨會");
  await waitText(page, "#search-status", "搜尋資料沒有載入成功（s/");
  assert.match(await text(page, "#search-status"), /s\/\d+\.bin 503）/);
  await page.unroute(SHARDS);
  await page.click("#search-status button.search-retry");
  await page.waitForFunction(() => document.querySelectorAll("#search-results .result-title").length > 0);
  assert.ok((await titles(page, "#search-results")).includes("晨會雜談"));
  await page.context().close();
});

test("a manifest that fails to load says search is unavailable, and Try again works", async () => {
  const page = await newPage(browser);
  await page.route(/\/search\/manifest\.json/, (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(base + "search/?q=" + encodeURIComponent("投訴處理"));
  await waitText(page, "#search-status", "搜尋暫時無法使用（manifest.json 404）");
  await page.unroute(/\/search\/manifest\.json/);
  await page.click("#search-status button.search-retry");
  await waitText(page, "#search-status", "找到 2 篇");
  await page.context().close();
});

test("the header's drop-down shows an error with Try again", async () => {
  const page = await newPage(browser);
  await page.goto(base + "cases/");
  await page.route(SHARDS, (route) => route.abort());
  await page.focus(".site-search input");
  await page.keyboard.insertText("投訴處理");
  await waitText(page, ".search-drop-status", "搜尋資料沒有載入成功（s/");
  assert.equal(await page.isVisible("#search-drop"), false);
  await page.unroute(SHARDS);
  await page.click(".search-drop-status button.search-retry");
  await page.waitForSelector("#search-drop li.result");
  assert.deepEqual(await titles(page, "#search-drop"), ["投訴處理的五個步驟", "门店等候四十分钟"]);
  await page.context().close();
});

test("the header's drop-down shows a relaxed query's message above its results, not under them", async () => {
  const page = await newPage(browser);
  await page.goto(base + "cases/");
  await page.focus(".site-search input");
  await page.keyboard.insertText("晨會處理");
  await page.waitForSelector("#search-drop li.result");
  assert.ok((await text(page, ".search-drop-status")).startsWith("沒有文章同時有「晨會處理」"));
  const [msg, list] = await Promise.all([".search-drop-status", "#search-drop"].map((s) => page.$eval(s, (e) => e.getBoundingClientRect().toJSON())));
  assert.ok(msg.bottom <= list.top, `message ${JSON.stringify(msg)} list ${JSON.stringify(list)}`);
  await page.context().close();
});

/** The ids of the header's results, and which one the input points at. */
async function selection(page) {
  return page.evaluate(() => {
    const input = document.querySelector(".site-search input");
    const items = Array.from(document.querySelectorAll("#search-drop li.result"));
    return {
      ids: items.map((li) => li.id),
      active: items.filter((li) => li.classList.contains("active")).map((li) => li.id),
      pointed: input.getAttribute("aria-activedescendant"),
      expanded: input.getAttribute("aria-expanded"),
      shown: !document.getElementById("search-drop").hidden,
    };
  });
}

async function typeInHeader(page, query, first) {
  await page.focus(".site-search input");
  await page.keyboard.insertText(query);
  await page.waitForFunction((t) => document.querySelector("#search-drop .result-title")?.textContent === t, first);
}

test("keyboard: the first ↑ selects the last result, ↓ the first", async () => {
  const page = await newPage(browser);
  await page.goto(base + "cases/");
  await typeInHeader(page, "客戶", "訂單號查詢");
  let s = await selection(page);
  assert.ok(s.ids.length >= 3, JSON.stringify(s));
  await page.keyboard.press("ArrowUp");
  s = await selection(page);
  assert.deepEqual(s.active, [s.ids[s.ids.length - 1]]);
  assert.equal(s.pointed, s.ids[s.ids.length - 1]);
  await page.keyboard.press("ArrowDown"); // wraps to the first
  s = await selection(page);
  assert.deepEqual(s.active, [s.ids[0]]);
  // The same on the search page.
  await page.goto(base + "search/?q=" + encodeURIComponent("客戶"));
  await waitText(page, "#search-status", "找到");
  await page.focus("#search-input");
  await page.keyboard.press("ArrowUp");
  const last = await page.$$eval("#search-results li.result", (li) => [li[li.length - 1].id, li.filter((x) => x.classList.contains("active")).map((x) => x.id)]);
  assert.deepEqual(last[1], [last[0]]);
  assert.equal(await page.getAttribute("#search-input", "aria-activedescendant"), last[0]);
  await page.context().close();
});

test("keyboard: after Esc hides the drop-down, Enter opens no hidden result; ↓ opens the list again", async () => {
  const page = await newPage(browser);
  await page.goto(base + "cases/");
  await typeInHeader(page, "投訴處理", "投訴處理的五個步驟");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  let s = await selection(page);
  assert.equal(s.shown, false);
  assert.equal(s.expanded, "false");
  assert.equal(s.pointed, null);
  assert.deepEqual(s.active, []);
  assert.equal(await page.inputValue(".site-search input"), "投訴處理", "the first Esc only closes the list");
  await page.keyboard.press("ArrowDown");
  s = await selection(page);
  assert.equal(s.shown, true);
  assert.equal(s.expanded, "true");
  assert.deepEqual(s.active, [s.ids[0]]);
  await page.keyboard.press("Escape");
  // Enter now sends the query to the search page, not to a hidden result.
  await Promise.all([page.waitForURL(/\/journal\/search\/\?q=/), page.keyboard.press("Enter")]);
  assert.equal(new URL(page.url()).searchParams.get("q"), "投訴處理");
  await page.context().close();
});

test("keyboard: aria-activedescendant does not outlive a re-typed query", async () => {
  const page = await newPage(browser);
  await page.goto(base + "cases/");
  await typeInHeader(page, "客戶", "訂單號查詢");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.ok((await selection(page)).pointed);
  await page.fill(".site-search input", "");
  await typeInHeader(page, "退換貨", "耳機退換貨爭議");
  let s = await selection(page);
  assert.equal(s.pointed, null);
  assert.deepEqual(s.active, []);
  await page.keyboard.press("ArrowDown");
  s = await selection(page);
  assert.equal(s.pointed, s.ids[0]);
  assert.ok(await page.$(`[id="${s.pointed}"]`));
  // Emptying the box leaves nothing pointed at either.
  await page.fill(".site-search input", "");
  await page.waitForFunction(() => document.getElementById("search-drop").hidden);
  assert.equal((await selection(page)).pointed, null);
  await page.context().close();
});

test("results show the case's channel and outcome; essays show none", async () => {
  const page = await newPage(browser);
  await page.goto(base + "search/?q=" + encodeURIComponent("投訴處理"));
  await waitText(page, "#search-status", "找到 2 篇");
  const facts = await page.$$eval("#search-results li.result", (li) => li.map((x) => x.querySelector(".facts")?.textContent ?? null));
  assert.deepEqual(facts, ["渠道：電話 · 結果：已升級", "渠道：臨櫃 · 結果：已升級"]);
  await page.goto(base + "search/?q=" + encodeURIComponent("晨會"));
  await page.waitForFunction(() => document.querySelectorAll("#search-results .result-title").length > 0);
  assert.equal(await page.$$eval("#search-results .facts", (f) => f.length), 0);
  await page.context().close();
});

test("channel, outcome and the other case fields filter the search page, and stay in the address", async () => {
  const page = await newPage(browser);
  let alerted = false;
  page.on("dialog", (d) => { alerted = true; d.dismiss(); });
  await page.goto(base + "search/?q=" + encodeURIComponent("客戶"));
  await waitText(page, "#search-status", "找到 4 篇");
  const shows = async (want) => {
    want = [...want].sort();
    await page.waitForFunction((w) => JSON.stringify(Array.from(document.querySelectorAll("#search-results .result-title"), (a) => a.textContent).sort()) === JSON.stringify(w), want).catch(() => {});
    assert.deepEqual((await titles(page, "#search-results")).sort(), want);
  };
  await page.selectOption("select[data-filter=channel]", "電話");
  await shows(["投訴處理的五個步驟"]);
  assert.equal(new URL(page.url()).searchParams.get("channel"), "電話");
  await page.selectOption("select[data-filter=channel]", "");
  await page.selectOption("select[data-filter=outcome]", "已升級");
  await shows(["投訴處理的五個步驟", "门店等候四十分钟"]);
  await page.selectOption("select[data-filter=priority]", "高");
  await shows(["投訴處理的五個步驟"]);
  await page.selectOption("select[data-filter=outcome]", "");
  await page.selectOption("select[data-filter=priority]", "");
  await page.selectOption("select[data-filter=competencies]", "溝通表達");
  await shows(["耳機退換貨爭議"]);
  await page.selectOption("select[data-filter=competencies]", "");
  await page.selectOption("select[data-filter=product]", "藍牙耳機");
  await shows(["耳機退換貨爭議"]);
  // A shared address keeps its filters.
  await page.goto(base + "search/?q=" + encodeURIComponent("客戶") + "&outcome=" + encodeURIComponent("已升級"));
  await shows(["投訴處理的五個步驟", "门店等候四十分钟"]);
  assert.equal(await page.inputValue("select[data-filter=outcome]"), "已升級");
  // A hostile product name is an option's text, and filters like any other.
  await page.goto(base + "search/?q=" + encodeURIComponent("跨站腳本"));
  await shows(["<img src=x onerror=alert(1)>"]);
  await page.selectOption("select[data-filter=product]", "<script>alert(2)</script>");
  await shows(["<img src=x onerror=alert(1)>"]);
  assert.equal(await page.$$eval("#search-page script, #search-results img", (x) => x.length), 0);
  assert.equal(alerted, false);
  await page.context().close();
});
