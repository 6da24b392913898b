// Raw HTML in a real browser: the html fixture (script, event attributes,
// svg, iframe srcdoc, javascript: links, a critique with script) built and
// served; no script of the writers' runs when its pages load, when the
// pointer rests on them or when their links are clicked. The same journal
// with `raw_html: allow`, only loaded, shows that this harness does see
// script that runs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { repo, casebookBin, serve, chromiumPath, CHROMIUM_ARGS } from "./helpers.js";

const PAGES = ["cases/攻擊/", "responses/點評/", "cases/引用/", "", "atom.xml"];

let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

/** Builds the html fixture, with `extraConfig` added to its casebook.yaml. */
function buildJournal(extraConfig) {
  const tmp = mkdtempSync(join(tmpdir(), "casebook-html-"));
  const root = join(tmp, "journal");
  cpSync(join(repo, "tests/fixtures/html"), root, { recursive: true });
  if (extraConfig) appendFileSync(join(root, "casebook.yaml"), extraConfig);
  const out = join(tmp, "site");
  execFileSync(casebookBin(), ["build", "-q", "--root", root, "--output", out], { stdio: ["ignore", "ignore", "ignore"] });
  return out;
}

/** The messages of every alert, confirm or prompt the site's pages opened,
 * loaded and, with `interact`, with each link and bold text hovered and clicked. */
async function scriptsThatRan(site, interact) {
  const { server, port } = await serve(site, "/journal/");
  const page = await browser.newPage();
  const ran = [];
  page.on("dialog", async (d) => {
    ran.push(d.message());
    await d.dismiss().catch(() => {});
  });
  try {
    for (const path of PAGES) {
      const url = `http://127.0.0.1:${port}/journal/${encodeURI(path)}`;
      await page.goto(url, { waitUntil: "domcontentloaded" });
      await page.waitForTimeout(200);
      if (!interact) continue;
      const links = await page.$$eval(".prose a:not(.anchor), .prose b", (els) => els.length);
      for (let i = 0; i < links; i++) {
        await page.goto(url, { waitUntil: "domcontentloaded" });
        const el = (await page.$$(".prose a:not(.anchor), .prose b"))[i];
        if (!el) continue;
        await el.hover({ timeout: 2000 }).catch(() => {});
        await el.click({ timeout: 2000, noWaitAfter: true }).catch(() => {});
        await page.waitForTimeout(100);
      }
    }
  } finally {
    await page.close();
    server.close();
  }
  return ran;
}

test("no writer's script runs on the built pages", async () => {
  const ran = await scriptsThatRan(buildJournal(""), true);
  assert.deepEqual(ran, []);
});

test("with raw_html: allow the same pages do run it (the check above can fail)", async () => {
  const ran = await scriptsThatRan(buildJournal("markdown:\n  raw_html: allow\n"), false);
  assert.ok(ran.includes("XSS-SCRIPT"), JSON.stringify(ran));
  assert.ok(ran.includes("XSS-CRITIQUE"), JSON.stringify(ran));
});
