// Benchmark: what client-side search costs on a large journal.
//
//   node tests/browser/measure-search.mjs [SITE_DIR]     (default /tmp/bench10k/public)
//
// SITE_DIR is a site already built with `casebook build` (the benchmark uses
// 10,000 generated articles). It is served on 127.0.0.1 under /journal/ with
// the tests' small server (helpers.js serve()), and driven with Debian's
// Chromium through playwright-core. For each query the script reports:
//
//   1. Bytes for a cold visit to /journal/search/?q=<query> in a fresh browser
//      context (empty cache): every response body the server sent (HTML, CSS,
//      JS, manifest, fold table, facets, term shards, per-article files),
//      raw and as zlib.gzipSync would compress it, grouped by kind of file.
//      HTTP headers are not counted.
//   2. How many shard files that visit fetched, out of the shards the
//      manifest declares (and how many of those hold any term at all).
//   3. Cold keystroke: in a fresh context, open search/ (no query), focus the
//      box (which fetches the manifest and folding table), type the query,
//      and time from the last keystroke to its first result; with the bytes
//      fetched after the keystroke.
//   4. Later queries, keystroke to first result: with the search page already
//      open and a warm-up query done, clear the box, type the query with
//      page.keyboard.type, and time in the page from the last keystroke to the
//      first li.result of that query appearing in #search-results
//      (MutationObserver). Three runs per query; the first run of a query
//      still fetches its shards and article files over the loopback
//      interface (its bytes are shown), later runs hit the search code's
//      in-memory caches. The figures include the search box's 40 ms debounce.
//
// The load average (uptime) is printed with the timings: on a shared
// machine, re-run when it is high.
//
// A note on "last keystroke": page.keyboard.type presses keys that exist on a
// US keyboard (letters, digits, space) with keydown/keypress/input/keyup, but
// inserts other characters (all the Chinese ones) with a bare `input` event
// and no keydown. Timing from the last keydown alone would start the clock at
// the space in "客戶 退款", before 退款 is typed; so the clock starts at the
// last keydown *or* input event, whichever comes later. The table also shows
// how many keydowns each query produced, and what the keydown-only clock
// would have read (median).
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve, chromiumPath, CHROMIUM_ARGS } from "./helpers.js";

const SITE = resolve(process.argv[2] || "/tmp/bench10k/public");
const PREFIX = "/journal/";
const QUERIES = (process.env.QUERIES || "客戶 退款,投訴 物流,訂單 延誤,系統 故障,ORD38 退貨,refund 帳單").split(",");
const WARMUP = "門市 等候";   // typed once before the timed runs
const RUNS = 3;                // timed runs per query
const TIMEOUT = 60_000;        // ms to wait for any one search

if (!existsSync(join(SITE, "search/manifest.json"))) {
  console.error(`no search/manifest.json under ${SITE}; build a site with casebook build first`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(SITE, "search/manifest.json"), "utf8"));
const shardFiles = readdirSync(join(SITE, "search/s"));
const nonEmptyShards = shardFiles.filter((f) => statSync(join(SITE, "search/s", f)).size > 2).length;

// ---- Server-side accounting ---------------------------------------------

// The file serve() answered a request path with (same rules as helpers.js).
function fileFor(path) {
  if (!path.startsWith(PREFIX)) return null;
  let file = join(SITE, path.slice(PREFIX.length));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  return existsSync(file) ? file : null;
}

// gzip size of each served body, computed once per file.
const gzipCache = new Map();
function gzipSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file)).length);
  return gzipCache.get(file);
}

// Kind of file, by path under the site.
function kindOf(path) {
  const p = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path;
  if (p.startsWith("search/s/")) return "shards";
  if (p === "inflate.js") return "inflate";
  if (p.startsWith("search/a/")) return "articles";
  if (p === "search/manifest.json") return "manifest";
  if (/^search\/fold-/.test(p)) return "fold";
  if (p.startsWith("search/t/")) return "starts";
  if (/^search\/facets-/.test(p)) return "facets";
  if (p.endsWith(".css")) return "css";
  if (p.endsWith(".js")) return "js";
  if (p === "" || p.endsWith("/") || p.endsWith(".html")) return "page";
  return "other";       // e.g. Chromium's /favicon.ico, a 404 outside /journal/
}
const KINDS = ["page", "css", "js", "manifest", "fold", "starts", "facets", "shards", "articles", "inflate", "other"];
const SEARCH_KINDS = ["manifest", "fold", "starts", "facets", "shards", "articles", "inflate"];
const load = () => `load ${loadavg().map((x) => x.toFixed(1)).join(" ")}`;

/** Sums the recorded requests by kind: { kind: { n, raw, gz } }, plus the shard files. */
function account(requests) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { n: 0, raw: 0, gz: 0 }]));
  const shards = [];
  for (const r of requests) {
    const k = byKind[kindOf(r.path)];
    const file = r.bytes ? fileFor(r.path) : null;
    const gz = file ? gzipSize(file) : 0;
    k.n++; k.raw += r.bytes; k.gz += gz;
    if (kindOf(r.path) === "shards") shards.push({ name: r.path.split("/").pop(), raw: r.bytes, gz });
  }
  const sum = (kinds) => kinds.map((k) => byKind[k]).reduce((t, k) => ({ n: t.n + k.n, raw: t.raw + k.raw, gz: t.gz + k.gz }), { n: 0, raw: 0, gz: 0 });
  return { byKind, total: sum(KINDS), search: sum(SEARCH_KINDS), shards };
}

// ---- Formatting ------------------------------------------------------------

const kb = (b) => (b / 1024).toFixed(b < 10240 ? 1 : 0);
const ms = (x) => (x == null ? "—" : x.toFixed(0));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
// Pads to a display width, counting CJK characters as two columns.
const width = (s) => Array.from(String(s)).reduce((w, c) => w + (c.codePointAt(0) > 0x2e80 ? 2 : 1), 0);
const padEnd = (s, n) => String(s) + " ".repeat(Math.max(0, n - width(s)));
const padStart = (s, n) => " ".repeat(Math.max(0, n - width(s))) + String(s);

function table(head, rows) {
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (r) => r.map((c, i) => (i === 0 ? padEnd(c, cols[i]) : padStart(c, cols[i]))).join("  ");
  console.log(line(head));
  console.log(cols.map((n) => "-".repeat(n)).join("  "));
  rows.forEach((r) => console.log(line(r)));
}

// ---- In-page timing --------------------------------------------------------

// Installed once on the search page. Records the time of every keydown and
// input event on the box, and the moment #search-results first holds a
// li.result of the current query after the last of them. The query check
// (the URL's ?q=, which the page updates when a search starts) keeps results
// of a half-typed query that land late from counting.
function installProbe() {
  const input = document.getElementById("search-input");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const b = (window.__bench = { armed: false, last: 0, lastKeydown: 0, keydowns: 0, inputs: 0, shownAt: null, none: false });
  input.addEventListener("keydown", () => { if (b.armed) { b.keydowns++; b.last = b.lastKeydown = performance.now(); } }, true);
  input.addEventListener("input", () => { if (b.armed) { b.inputs++; b.last = performance.now(); } }, true);
  const check = () => {
    if (!b.armed || b.shownAt != null || b.none) return;
    const now = performance.now();
    if (new URLSearchParams(location.search).get("q") !== input.value.trim()) return;
    if (list.querySelector("li.result")) b.shownAt = now;
    else if (status.textContent.startsWith("沒有找到")) b.none = true;
  };
  const mo = new MutationObserver(check);
  mo.observe(list, { childList: true, subtree: true });
  mo.observe(status, { childList: true, characterData: true, subtree: true });
}

/** Clears the box, types `query`, returns { latency, fromKeydown, keydowns, inputs, results }. */
async function timedSearch(page, query) {
  // Clear and wait for the empty search to have run (it empties list and status).
  await page.fill("#search-input", "");
  await page.waitForFunction(() => !document.querySelector("#search-results li.result") && document.getElementById("search-status").textContent === "", null, { timeout: TIMEOUT });
  await page.evaluate(() => Object.assign(window.__bench, { armed: true, last: 0, lastKeydown: 0, keydowns: 0, inputs: 0, shownAt: null, none: false }));
  await page.focus("#search-input");
  await page.keyboard.type(query);
  await page.waitForFunction(() => window.__bench.shownAt != null || window.__bench.none, null, { timeout: TIMEOUT });
  const b = await page.evaluate(() => { window.__bench.armed = false; return { ...window.__bench }; });
  const results = await page.$eval("#search-status", (s) => s.textContent);
  const since = (t) => (b.shownAt == null ? null : b.shownAt - t);
  return { latency: since(b.last), fromKeydown: b.keydowns ? since(b.lastKeydown) : null, keydowns: b.keydowns, inputs: b.inputs, results };
}

// ---- Main ----------------------------------------------------------------------

const { server, port, requests } = await serve(SITE, PREFIX);
const base = `http://127.0.0.1:${port}${PREFIX}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

try {
  console.log(`site ${SITE}: ${manifest.docs} articles, ${manifest.shards} shards in the manifest (${nonEmptyShards} non-empty), served at ${base}\n`);

  // 1 and 2: a cold visit per query, each in a fresh context (empty cache).
  const cold = [];
  for (const q of QUERIES) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    requests.length = 0;
    const t0 = Date.now();
    await page.goto(base + "search/?q=" + encodeURIComponent(q));
    await page.waitForSelector("#search-results li.result", { timeout: TIMEOUT });
    const firstResult = Date.now() - t0;
    // Let the rest finish (the facets file for the filter menus loads after).
    await page.waitForLoadState("networkidle");
    const status = await page.$eval("#search-status", (s) => s.textContent);
    cold.push({ q, firstResult, status, ...account(requests) });
    await ctx.close();
  }
  const coldLoad = load();

  console.log("1. Cold visit to search/?q=…: KB downloaded, raw / gzip (number of files)");
  table(["query", ...KINDS.filter((k) => cold.some((c) => c.byKind[k].n)), "total"],
    cold.map((c) => [c.q,
      ...KINDS.filter((k) => cold.some((x) => x.byKind[k].n)).map((k) => {
        const v = c.byKind[k];
        return v.n ? `${kb(v.raw)}/${kb(v.gz)} (${v.n})` : "—";
      }),
      `${kb(c.total.raw)}/${kb(c.total.gz)} (${c.total.n})`]));
  console.log(`median: whole visit ${kb(median(cold.map((c) => c.total.raw)))} KB raw, search files (manifest, fold, starts, facets, shards, articles) ${kb(median(cold.map((c) => c.search.raw)))} KB raw`);

  console.log(`\n2. Shard files fetched (of ${manifest.shards} in the manifest), largest first, KB raw/gzip; ms from navigation to first result cold (${coldLoad})`);
  table(["query", "shards", "shard files", "cold ms", "status"],
    cold.map((c) => [c.q, `${c.shards.length}/${manifest.shards}`,
      c.shards.sort((a, b) => b.raw - a.raw).map((s) => `${s.name.split("-")[0]}:${kb(s.raw)}/${kb(s.gz)}`).join(" "),
      c.firstResult, c.status]));

  // 3: cold keystroke, each query in a fresh context.
  const fresh = [];
  for (const q of QUERIES) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base + "search/");
    await page.waitForFunction(() => !document.getElementById("search-page").hidden);
    await page.evaluate(installProbe);
    await page.focus("#search-input");
    await page.waitForLoadState("networkidle");
    requests.length = 0;
    const r = await timedSearch(page, q);
    await page.waitForLoadState("networkidle");
    fresh.push({ q, ...r, ...account(requests) });
    await ctx.close();
  }
  console.log(`\n3. Cold keystroke: fresh page opened and focused, last keystroke → first result (ms), KB fetched after the keystroke (${load()})`);
  table(["query", "ms", "KB raw", "files", "status"],
    fresh.map((f) => [f.q, ms(f.latency), kb(f.total.raw), f.total.n, f.results]));
  console.log(`median ${ms(median(fresh.map((f) => f.latency)))} ms, ${kb(median(fresh.map((f) => f.total.raw)))} KB`);

  // 4: later queries on the open page, keystroke to first result.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + "search/");
  await page.waitForFunction(() => !document.getElementById("search-page").hidden);
  await page.evaluate(installProbe);
  const warm = await timedSearch(page, WARMUP);
  const timed = [];
  for (const q of QUERIES) {
    const runs = [];
    requests.length = 0;
    runs.push(await timedSearch(page, q));
    await page.waitForLoadState("networkidle");
    const bytes = account(requests);
    for (let i = 1; i < RUNS; i++) runs.push(await timedSearch(page, q));
    timed.push({ q, runs, bytes });
  }
  await ctx.close();

  console.log(`\n4. Later queries on the open page, last keystroke → first result shown (ms, includes the 40 ms debounce; warm-up "${WARMUP}" took ${ms(warm.latency)} ms; ${load()})`);
  table(["query", "first ms", "KB first", "again ms", "keydowns/inputs", "from keydown", "status"],
    timed.map(({ q, runs, bytes }) => {
      const again = runs.slice(1).map((r) => r.latency).filter((x) => x != null);
      return [q, ms(runs[0].latency), kb(bytes.total.raw) + ` (${bytes.total.n})`, again.map(ms).join(" "),
        `${runs[0].keydowns}/${runs[0].inputs}`, ms(runs[0].fromKeydown), runs[0].results];
    }));
  console.log(`median first run ${ms(median(timed.map((t) => t.runs[0].latency)))} ms, ${kb(median(timed.map((t) => t.bytes.total.raw)))} KB; repeated ${ms(median(timed.flatMap((t) => t.runs.slice(1).map((r) => r.latency))))} ms`);
} finally {
  await browser.close();
  server.close();
}
