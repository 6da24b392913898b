// Shared by the browser tests: build a fixture with the casebook binary and
// serve the result on 127.0.0.1 under a sub-path, recording every request.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function casebookBin() {
  const bin = process.env.CASEBOOK_BIN || join(repo, "target/debug/casebook");
  if (!existsSync(bin)) throw new Error(`no casebook binary at ${bin}; run cargo build (cargo test sets CASEBOOK_BIN)`);
  return bin;
}

/** Builds tests/fixtures/<name> into a fresh folder and returns it. */
export function buildFixture(name, baseUrl) {
  const out = join(mkdtempSync(join(tmpdir(), "casebook-")), "site");
  const args = ["build", "-q", "--root", join(repo, "tests/fixtures", name), "--output", out];
  if (baseUrl) args.push("--base-url", baseUrl);
  execFileSync(casebookBin(), args, { stdio: ["ignore", "inherit", "inherit"] });
  return out;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".txt": "text/plain; charset=utf-8", ".xml": "application/xml", ".svg": "image/svg+xml" };

/** Serves `dir` at http://127.0.0.1:<port><prefix>; `requests` lists the paths asked for. */
export function serve(dir, prefix) {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const path = decodeURIComponent(url.pathname);
    requests.push({ path, bytes: 0 });
    if (!path.startsWith(prefix)) { res.writeHead(404); return res.end(); }
    let file = join(dir, path.slice(prefix.length));
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) { res.writeHead(404); return res.end(); }
    const body = readFileSync(file);
    requests[requests.length - 1].bytes = body.length;
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, port: server.address().port, requests })));
}

export function chromiumPath() {
  return process.env.CHROMIUM || "/usr/bin/chromium";
}

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];
