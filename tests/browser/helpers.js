// Shared by the browser tests: build a fixture with the casebook binary,
// serve the result on 127.0.0.1 under a sub-path (recording every request),
// and start Chromium with generous time limits.
//
// Nothing here, or in the tests, sleeps for a fixed time and hopes: each step
// waits for the condition it needs (a server that is listening, a page that
// has loaded, the results of the whole query), with upper bounds meant for a
// 2-core machine that is busy compiling.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The longest any one step (a page load, a search, a rebuild) may take. */
export const WAIT = 60_000;

export function casebookBin() {
  const bin = process.env.CASEBOOK_BIN || join(repo, "target/debug/casebook");
  if (!existsSync(bin)) throw new Error(`no casebook binary at ${bin}; run cargo build (cargo test sets CASEBOOK_BIN)`);
  return bin;
}

/** A fresh folder under the system's temporary folder, removed when this
 * test file's process exits. */
export function scratch(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Builds tests/fixtures/<name> into a fresh folder and returns it. */
export function buildFixture(name, baseUrl) {
  const out = join(scratch("casebook-"), "site");
  const args = ["build", "-q", "--root", join(repo, "tests/fixtures", name), "--output", out];
  if (baseUrl) args.push("--base-url", baseUrl);
  execFileSync(casebookBin(), args, { stdio: ["ignore", "inherit", "inherit"] });
  return out;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".txt": "text/plain; charset=utf-8", ".xml": "application/xml", ".svg": "image/svg+xml" };

/** Serves `dir` at http://127.0.0.1:<port><prefix>; `requests` lists the
 * paths asked for. Resolves once the server is listening. `dir` may be set
 * later (`served.dir = …`), so that a site can be built for the port the
 * server already holds. */
export function serve(dir, prefix) {
  const served = { dir, requests: [] };
  served.server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const path = decodeURIComponent(url.pathname);
    const entry = { path, bytes: 0 };
    served.requests.push(entry);
    const root = served.dir;
    if (!root || !path.startsWith(prefix)) { res.writeHead(404); return res.end(); }
    let file = join(root, path.slice(prefix.length));
    if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) { res.writeHead(404); return res.end(); }
    const body = readFileSync(file);
    entry.bytes = body.length;
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(body);
  });
  return new Promise((ok, fail) => {
    served.server.once("error", fail);
    served.server.listen(0, "127.0.0.1", () => {
      served.port = served.server.address().port;
      ok(served);
    });
  });
}

export function chromiumPath() {
  return process.env.CHROMIUM || "/usr/bin/chromium";
}

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

/** Debian's Chromium, each launch with a profile folder of its own.
 * (playwright-core is loaded here, so the tokenizer tests run without it.) */
export async function launch() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 3 * WAIT });
}

/** A page in a context of its own (close it with `page.context().close()`),
 * whose waits and navigations may take up to `WAIT`. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  return context.newPage();
}

/** Waits until the search page has answered: its status line says something
 * and the results are no longer marked busy. A slow machine shows the
 * "searching" words first (after 150 ms), which are not the answer. */
export function searchSettled(page) {
  return page.waitForFunction(() => {
    const status = document.getElementById("search-status");
    const list = document.getElementById("search-results");
    return status.textContent.length > 0 && !(list && list.hasAttribute("aria-busy"));
  });
}

/** A built site's compressed search file `path` (under search/), as text. */
export function searchFile(site, path) {
  return inflateSync(readFileSync(join(site, "search", path))).toString("utf8");
}

/** Where each shard of a built site starts: its pages of starts
 * (search/t/<k>.bin, in the manifest's order) joined. */
export function allStarts(site, manifest) {
  return manifest.pages.flatMap((_, k) => JSON.parse(searchFile(site, `t/${k}.bin`)));
}
