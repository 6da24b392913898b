// What the search's cuts cost in recall, on a built site of any size.
//
//   node tests/browser/measure-recall.mjs SITE_DIR QUERIES_FILE
//
// Ground truth is computed here, in node, from the site's own per-article
// search files (title, tags, authors, shown facts and the whole text),
// folded with search.js's fold and the site's folding table: an article is
// relevant when its folded text holds every space-separated piece of the
// folded query. Unlike measure-precision.mjs it does not load every page,
// so it runs on 100,000 articles. The search runs in Chromium, with the
// site's own search.js (window.CasebookSearch), and returns every result:
// the cuts are a list's best postings (the others are listed by number
// since manifest version 3) and the three shards read for a prefix.
import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { inflateSync } from "node:zlib";
import vm from "node:vm";
import { serve, launch, newPage } from "./helpers.js";

const [siteArg, file] = process.argv.slice(2);
if (!siteArg || !file) {
  console.error("usage: node measure-recall.mjs SITE_DIR QUERIES_FILE");
  process.exit(2);
}
const site = resolve(siteArg);
const queries = readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const context = vm.createContext({});
vm.runInContext(readFileSync(join(site, "search.js"), "utf8"), context);
const S = context.CasebookSearch;
const manifest = JSON.parse(readFileSync(join(site, "search/manifest.json"), "utf8"));
const packed = (path) => inflateSync(readFileSync(path)).toString("utf8");
const foldFile = join(site, "search", manifest.fold);
const table = S.parseFold(foldFile.endsWith(".bin") ? packed(foldFile) : readFileSync(foldFile, "utf8"));

/** Article `id` as its search files hold it (compressed or, before
 * manifest version 3, plain JSON with the whole text). */
function article(id) {
  const plain = join(site, "search/a", `${id}.json`);
  if (existsSync(plain)) return JSON.parse(readFileSync(plain, "utf8"));
  const doc = JSON.parse(packed(join(site, "search/a", `${id}.bin`)));
  if (doc.r) doc.x += packed(join(site, "search/a", `${id}-r.bin`));
  return doc;
}

const t0 = Date.now();
const texts = [];
for (let id = 0; id < manifest.docs; id++) {
  const d = article(id);
  texts.push(S.fold([d.t, (d.g || []).join(" "), (d.a || []).join(" "), (d.c || []).map((c) => c[1]).join(" "), d.x].join("\n"), table));
}
console.log(`${manifest.docs} articles read and folded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const server = await serve(site, "/journal/");
const browser = await launch();
try {
  const page = await newPage(browser);
  await page.goto(`http://127.0.0.1:${server.port}/journal/search/`);
  await page.waitForFunction(() => !!window.CasebookSearch);
  const rows = [];
  for (const q of queries) {
    const pieces = S.fold(q, table).split(/\s+/).filter(Boolean);
    const truth = new Set();
    texts.forEach((t, id) => { if (pieces.every((p) => t.includes(p))) truth.add(id); });
    const got = await page.evaluate(async (query) => {
      const root = document.documentElement.getAttribute("data-root") || "./";
      window.__searcher = window.__searcher || new window.CasebookSearch.Searcher(root + "search/");
      const results = await window.__searcher.search(query);
      return { ids: results.map((r) => r.id), truncated: !!results.truncated, relaxed: !!results.relaxed };
    }, q);
    const hits = got.ids.filter((id) => truth.has(id)).length;
    const top = got.ids.slice(0, 10);
    rows.push({ q, relevant: truth.size, found: got.ids.length, hits, top10: top.length ? top.filter((id) => truth.has(id)).length / top.length : 1, ...got });
  }
  const f = (x) => (x == null ? "—" : x.toFixed(3));
  for (const r of rows) {
    console.log(`${r.q}\trelevant ${r.relevant}\tfound ${r.found}\thits ${r.hits}\trecall ${f(r.relevant ? r.hits / r.relevant : null)}\tprecision ${f(r.found ? r.hits / r.found : null)}\tfirst 10 ${f(r.top10)}${r.truncated ? "\tprefix cut" : ""}${r.relaxed ? "\trelaxed" : ""}`);
  }
  const sum = (g) => rows.reduce((a, r) => a + g(r), 0);
  const mean = (g) => sum(g) / rows.length;
  console.log(`${rows.length} queries: recall ${f(sum((r) => r.hits) / Math.max(1, sum((r) => r.relevant)))} (mean per query ${f(mean((r) => (r.relevant ? r.hits / r.relevant : 1)))}), ` +
    `precision ${f(sum((r) => r.hits) / Math.max(1, sum((r) => r.found)))} (mean per query ${f(mean((r) => (r.found ? r.hits / r.found : r.relevant ? 0 : 1)))}), precision of the first 10 ${f(mean((r) => r.top10))}`);
} finally {
  await browser.close();
  server.server.close();
}
