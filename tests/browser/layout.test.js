// The layout of pages in a real browser (issue 18, part 3), on the demo
// journal (its real lengths: long titles, tables of contents, many filters)
// and the zh-Hant interface fixture, served under /journal/:
// - a case page's table of contents is folded on a phone (390 px) and, at
//   1280 px, open in a column beside the text that stays in view;
// - the browse page's filters are folded on a phone, so that the first
//   result shows in the first screen, and open on a wide screen; the search
//   page's filters too;
// - the 404 page, served at a hostile address, puts the address's words in
//   its search box as text and lists the closest articles, and nothing of
//   the address becomes HTML;
// - no page is wider than a phone, with the folds open or closed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repo, casebookBin, scratch, buildFixture, serve, launch, newPage } from "./helpers.js";

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };
const CASE = "cases/客戶要求退回已拆封耳機/";

let browser, demo, fixture;

/** Builds the demo journal (the repository's own content/) for `base`. */
function buildDemo(base) {
  const out = join(scratch("casebook-demo-"), "site");
  execFileSync(casebookBin(), ["build", "-q", "--root", repo, "--output", out, "--base-url", base], { stdio: ["ignore", "ignore", "inherit"] });
  return out;
}

/** A site served under /journal/ whose 404.html answers every missing
 * address, as a web server set up for the site does. */
async function site(build) {
  const server = await serve(null, "/journal/");
  const base = `http://127.0.0.1:${server.port}/journal/`;
  server.dir = build(base);
  return { server, base, notFound: readFileSync(join(server.dir, "404.html")) };
}

before(async () => {
  demo = await site(buildDemo);
  fixture = await site((base) => buildFixture("interface-zh-hant", base));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  demo?.server.server.close();
  fixture?.server.server.close();
});

/** A page at `viewport` whose missing addresses get the site's 404 page. */
async function open(s, viewport) {
  const page = await newPage(browser, { viewport });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  const missing = { status: 404, contentType: "text/html; charset=utf-8", body: s.notFound };
  await page.route((url) => url.pathname.startsWith("/journal/"), async (route) => {
    try {
      decodeURIComponent(new URL(route.request().url()).pathname);
    } catch {
      return route.fulfill(missing); // not an address the test server can read
    }
    // A request still under way when the test moves to another address is
    // dropped: its answer has nowhere to go.
    const response = await route.fetch().catch(() => null);
    if (!response) return undefined;
    if (response.status() === 404) return route.fulfill(missing).catch(() => {});
    return route.fulfill({ response }).catch(() => {});
  });
  page.errors = errors;
  return page;
}

/** The parts of the page that end past the window's right edge. */
async function overflow(page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > limit + 1 && !el.closest("pre, .table-wrap, .search-drop")) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)}`);
      }
    }
    return { width: document.documentElement.scrollWidth, limit, out };
  });
}

test("the table of contents is folded on a phone and beside the text, in view, on a wide screen", async () => {
  const phone = await open(demo, PHONE);
  await phone.goto(demo.base + CASE);
  assert.equal(await phone.$eval("#toc", (d) => d.open), false, "folded at 390 px");
  assert.equal(await phone.isVisible("#toc > ul"), false);
  // The text's first heading is in the first screen.
  const first = await phone.$eval(".prose h2", (h) => h.getBoundingClientRect().top);
  assert.ok(first < PHONE.height, `the first heading starts at ${first}px`);
  // The critiques are linked near the title.
  const jump = await phone.$eval(".jumps a.jump", (a) => ({ top: a.getBoundingClientRect().top, href: a.getAttribute("href") }));
  assert.equal(jump.href, "#responses-title");
  assert.ok(jump.top < PHONE.height / 2, `the link to the critiques is at ${jump.top}px`);
  await phone.click("#toc > summary");
  assert.equal(await phone.isVisible("#toc > ul"), true, "a tap opens it");
  assert.deepEqual(phone.errors, []);
  await phone.context().close();

  const wide = await open(demo, WIDE);
  await wide.goto(demo.base + CASE);
  assert.equal(await wide.$eval("#toc", (d) => d.open), true, "open at 1280 px");
  const place = () => wide.evaluate(() => {
    const toc = document.getElementById("toc").getBoundingClientRect();
    const prose = document.querySelector(".article > .prose").getBoundingClientRect();
    return { tocLeft: toc.left, tocRight: toc.right, tocTop: toc.top, tocBottom: toc.bottom, proseRight: prose.right, position: getComputedStyle(document.getElementById("toc")).position };
  });
  const top = await place();
  assert.equal(top.position, "sticky");
  assert.ok(top.tocLeft >= top.proseRight, `beside the text: ${JSON.stringify(top)}`);
  assert.ok(top.tocRight <= WIDE.width, `inside the window: ${JSON.stringify(top)}`);
  // Halfway down the text it is still in view.
  await wide.evaluate(() => {
    const prose = document.querySelector(".article > .prose");
    window.scrollTo(0, prose.offsetTop + prose.offsetHeight / 2);
  });
  await wide.waitForFunction(() => window.scrollY > 0);
  const down = await place();
  assert.ok(down.tocTop >= 0 && down.tocTop < WIDE.height / 4, `still in view after scrolling: ${JSON.stringify(down)}`);
  assert.deepEqual(wide.errors, []);
  await wide.context().close();
});

test("the browse page's filters fold away on a phone and are open on a wide screen", async () => {
  const phone = await open(demo, PHONE);
  await phone.goto(demo.base + "browse/");
  assert.equal(await phone.isVisible("#facet-box > summary"), true);
  assert.equal(await phone.$eval("#facet-box", (d) => d.open), false);
  assert.equal(await phone.isVisible("#facets select"), false);
  const first = await phone.$eval("#facet-list > li", (li) => li.getBoundingClientRect().bottom);
  assert.ok(first < PHONE.height, `the first result ends at ${first}px`);
  // Open, choose a channel: the summary says how many are chosen.
  await phone.click("#facet-box > summary");
  await phone.selectOption("select[name=channel]", { index: 1 });
  assert.match(await phone.textContent("#facet-chosen"), /^已選 1 項$/);
  assert.deepEqual(await overflow(phone).then((o) => o.out), [], "open filters fit a phone");
  await phone.context().close();

  const wide = await open(demo, WIDE);
  await wide.goto(demo.base + "browse/");
  assert.equal(await wide.$eval("#facet-box", (d) => d.open), true);
  assert.equal(await wide.isVisible("#facets select"), true);
  await wide.context().close();
});

test("the search page's filters fold away on a phone, open on a wide screen or when the address chooses one", async () => {
  const phone = await open(demo, PHONE);
  await phone.goto(demo.base + "search/?q=" + encodeURIComponent("退貨"));
  assert.equal(await phone.$eval("#search-filter-box", (d) => d.open), false);
  assert.equal(await phone.isVisible("select[data-filter=channel]"), false);
  await phone.waitForSelector("#search-results li");
  const first = await phone.$eval("#search-results li", (li) => li.getBoundingClientRect().top);
  assert.ok(first < PHONE.height, `the first result starts at ${first}px`);
  await phone.goto(demo.base + "search/?q=" + encodeURIComponent("退貨") + "&channel=" + encodeURIComponent("電話"));
  assert.equal(await phone.$eval("#search-filter-box", (d) => d.open), true, "a chosen filter shows");
  await phone.context().close();

  const wide = await open(demo, WIDE);
  await wide.goto(demo.base + "search/");
  assert.equal(await wide.$eval("#search-filter-box", (d) => d.open), true);
  await wide.context().close();
});

test("the 404 page searches for the address's words, as text, and lists the closest articles", async () => {
  const page = await open(demo, PHONE);
  const hostile = "cases/客戶要求退回-耳機\"><img src=x onerror=alert(1)><script>alert(2)</script>/";
  const response = await page.goto(demo.base + hostile);
  assert.equal(response.status(), 404);
  const value = await page.inputValue("#nf-q");
  // The words, split at / - _ . (the / of </script> too), minus the section's folder.
  assert.equal(value, "客戶要求退回 耳機\"><img src=x onerror=alert(1)><script>alert(2)< script>");
  assert.equal(await page.$$eval("img", (els) => els.length), 0, "no element from the address");
  assert.equal(await page.$$eval("main script", (els) => els.length), 1, "only the page's own script");
  assert.deepEqual(page.errors, [], "no script from the address ran");
  // The box searches on the search page.
  assert.equal(await page.$eval("form.nf-search", (f) => new URL(f.action).pathname), "/journal/search/");
  // The closest article first, built from the page's own links.
  await page.waitForSelector("#nf-closest:not([hidden])");
  const closest = await page.$$eval("#nf-list a", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
  assert.ok(closest.length >= 1 && closest.length <= 5, JSON.stringify(closest));
  assert.deepEqual(closest[0], ["客戶要求退回已拆封耳機", "/journal/cases/%E5%AE%A2%E6%88%B6%E8%A6%81%E6%B1%82%E9%80%80%E5%9B%9E%E5%B7%B2%E6%8B%86%E5%B0%81%E8%80%B3%E6%A9%9F/"]);
  assert.deepEqual(await overflow(page).then((o) => o.out), []);

  // An address that is not valid percent-encoding, and one with nothing to search for.
  await page.goto(demo.base + "%E0%A4%A-退款");
  assert.equal(await page.inputValue("#nf-q"), "%E0%A4%A 退款");
  await page.goto(demo.base + "404.html");
  assert.equal(await page.inputValue("#nf-q"), "");
  assert.equal(await page.isVisible("#nf-closest"), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("no page is wider than a phone, folds open or closed", async () => {
  const pages = {
    demo: ["", CASE, "essays/如何讓憤怒的來電者冷靜下來/", "cases/", "browse/", "search/?q=" + encodeURIComponent("退貨"), "tags/", "featured/", "cases/沒有這一篇-耳機/"],
    fixture: ["", "cases/退貨耳機/", "browse/", "404.html"],
  };
  for (const [name, paths] of Object.entries(pages)) {
    const s = name === "demo" ? demo : fixture;
    const page = await open(s, PHONE);
    for (const path of paths) {
      await page.goto(s.base + path);
      if (path.startsWith("search/")) await page.waitForFunction(() => document.getElementById("search-status").textContent.length > 0);
      for (const fold of [false, true]) {
        if (fold) await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
        const o = await overflow(page);
        assert.ok(o.width <= o.limit, `${name} ${path} (folds ${fold ? "open" : "as they are"}) is ${o.width}px wide: ${o.out.join("; ")}`);
        assert.deepEqual(o.out, [], `${name} ${path} (folds ${fold ? "open" : "as they are"})`);
      }
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
