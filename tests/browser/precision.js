// Precision and recall of search, measured in the browser: for each query,
// the articles the search page's own code (window.CasebookSearch) returns,
// against the articles whose text holds the query. Used by
// precision.test.js (the demo journal) and measure-precision.mjs (any
// built site, such as a real public corpus).
//
// Ground truth: an article's text is what its page shows of it (the title,
// the tags, the author names, the case card's values and the body, with
// images' alt text) and its summary (the page's description), NFKC-lowercased and folded to Simplified with the
// site's own folding table (the one search uses); the article is relevant
// when that text holds every space-separated piece of the query, folded the
// same way.

/** Runs in the page: scores `queries` against every article of the site. */
async function inPage(queries) {
  const S = window.CasebookSearch;
  const root = document.documentElement.getAttribute("data-root") || "./";
  const searcher = new S.Searcher(root + "search/");
  await searcher.ready();
  const n = searcher.manifest.docs;
  const docs = await Promise.all(Array.from({ length: n }, (_, id) => searcher.doc(id)));
  const texts = await Promise.all(docs.map(async (d) => {
    const html = await (await fetch(root + d.u)).text();
    const page = new DOMParser().parseFromString(html, "text/html");
    const article = page.querySelector("article.article");
    if (!article) return "";
    const parts = [];
    const add = (el) => {
      if (!el) return;
      parts.push(el.textContent);
      el.querySelectorAll("img[alt]").forEach((i) => parts.push(i.getAttribute("alt")));
    };
    add(article.querySelector("h1"));
    add(article.querySelector("ul.tags"));
    article.querySelectorAll("header .meta a").forEach(add);
    article.querySelectorAll(".case-card dd").forEach(add);
    add(article.querySelector(":scope > .prose"));
    // The summary, which lists and the page's description show.
    const description = page.querySelector('meta[name="description"]');
    if (description) parts.push(description.getAttribute("content"));
    return S.fold(parts.join("\n"), searcher.table);
  }));
  const out = [];
  for (const q of queries) {
    const pieces = S.fold(q, searcher.table).split(/\s+/).filter(Boolean);
    const truth = new Set();
    texts.forEach((t, id) => { if (pieces.every((p) => t.includes(p))) truth.add(id); });
    const results = await searcher.search(q);
    const found = results.map((r) => r.id);
    const hits = found.filter((id) => truth.has(id)).length;
    const top = found.slice(0, 10);
    out.push({
      query: q, found: found.length, relevant: truth.size, hits,
      top10: top.length ? top.filter((id) => truth.has(id)).length / top.length : 1,
      relaxed: !!results.relaxed,
      wrong: found.filter((id) => !truth.has(id)).slice(0, 3).map((id) => docs[id].t),
      missed: [...truth].filter((id) => !found.includes(id)).slice(0, 3).map((id) => docs[id].t),
    });
  }
  return out;
}

/** Opens `base`search/ in `page` and measures; returns the per-query rows and
 * the totals: micro (over all results) and macro (mean per query)
 * precision and recall, and the mean precision of the first ten. */
export async function measure(page, base, queries) {
  await page.goto(base + "search/");
  await page.waitForFunction(() => !!window.CasebookSearch);
  const rows = await page.evaluate(inPage, queries);
  const sum = (f) => rows.reduce((a, r) => a + f(r), 0);
  const mean = (f) => sum(f) / rows.length;
  const totals = {
    queries: rows.length,
    precision: sum((r) => r.hits) / Math.max(1, sum((r) => r.found)),
    recall: sum((r) => r.hits) / Math.max(1, sum((r) => r.relevant)),
    macroPrecision: mean((r) => (r.found ? r.hits / r.found : r.relevant ? 0 : 1)),
    macroRecall: mean((r) => (r.relevant ? r.hits / r.relevant : 1)),
    top10: mean((r) => r.top10),
  };
  return { rows, totals };
}

/** The rows and totals as lines of text. */
export function report({ rows, totals }) {
  const f = (x) => x.toFixed(3);
  const lines = rows.map((r) =>
    `${r.query}\tfound ${r.found}\trelevant ${r.relevant}\thits ${r.hits}${r.relaxed ? "\trelaxed" : ""}` +
    (r.wrong.length ? `\twrong: ${r.wrong.join(" | ")}` : "") + (r.missed.length ? `\tmissed: ${r.missed.join(" | ")}` : ""));
  lines.push(`${totals.queries} queries: precision ${f(totals.precision)} (mean per query ${f(totals.macroPrecision)}), ` +
    `recall ${f(totals.recall)} (mean per query ${f(totals.macroRecall)}), precision of the first 10 ${f(totals.top10)}`);
  return lines.join("\n");
}
