// Precision and recall of search on a built site, in headless Chromium.
//
//   node tests/browser/measure-precision.mjs SITE_DIR QUERIES_FILE
//
// SITE_DIR is a site built with `casebook build` (for instance a real public
// corpus, which is never committed); QUERIES_FILE has one query a line
// (blank lines and lines starting with # are skipped). The site is served on
// 127.0.0.1 under /journal/ and scored as precision.js describes: one line
// per query, then the totals.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { serve, launch, newPage } from "./helpers.js";
import { measure, report } from "./precision.js";

const [site, file] = process.argv.slice(2);
if (!site || !file) {
  console.error("usage: node measure-precision.mjs SITE_DIR QUERIES_FILE");
  process.exit(2);
}
const queries = readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const server = await serve(resolve(site), "/journal/");
const browser = await launch();
try {
  const page = await newPage(browser);
  console.log(report(await measure(page, `http://127.0.0.1:${server.port}/journal/`, queries)));
} finally {
  await browser.close();
  server.server.close();
}
