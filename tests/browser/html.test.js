// Raw HTML in a real browser: the html fixture (script, event attributes,
// svg, iframe srcdoc, javascript: links, a critique with script) built and
// served; no script of the writers' runs when its pages load, when the
// pointer rests on them or when their links are clicked. The same journal
// with `raw_html: allow`, only loaded, shows that this harness does see
// script that runs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, cpSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { repo, casebookBin, scratch, serve, launch, newPage } from "./helpers.js";

const PAGES = ["cases/攻擊/", "responses/點評/", "cases/引用/", "", "atom.xml"];
const TARGETS = ".prose a:not(.anchor), .prose b";

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Builds the html fixture, with `extraConfig` added to its casebook.yaml. */
function buildJournal(extraConfig) {
  const tmp = scratch("casebook-html-");
  const root = join(tmp, "journal");
  cpSync(join(repo, "tests/fixtures/html"), root, { recursive: true });
  if (extraConfig) appendFileSync(join(root, "casebook.yaml"), extraConfig);
  const out = join(tmp, "site");
  execFileSync(casebookBin(), ["build", "-q", "--root", root, "--output", out], { stdio: ["ignore", "ignore", "ignore"] });
  return out;
}

/** The messages of every alert, confirm or prompt the site's pages opened,
 * loaded and, with `interact`, with each link and bold text hovered and
 * clicked. Dialogs are counted for the whole context, so a page a link opens
 * is watched too. A page has run its scripts, its images' and SVGs' handlers
 * and its frames' scripts by its load event, so that is what is waited for. */
async function scriptsThatRan(site, interact) {
  const served = await serve(site, "/journal/");
  const page = await newPage(browser);
  const context = page.context();
  const ran = [];
  context.on("dialog", async (d) => {
    ran.push(d.message());
    await d.dismiss().catch(() => {});
  });
  try {
    for (const path of PAGES) {
      const url = `http://127.0.0.1:${served.port}/journal/${encodeURI(path)}`;
      await page.goto(url, { waitUntil: "load" });
      if (!interact) continue;
      const count = await page.$$eval(TARGETS, (els) => els.length);
      for (let i = 0; i < count; i++) await hoverAndClick(context, url, i);
    }
  } finally {
    await context.close();
    served.server.close();
  }
  return ran;
}

/** Hovers and clicks the `i`th target on a fresh load of `url`, in a page of
 * its own: a click that navigates is never cut short by the next load. */
async function hoverAndClick(context, url, i) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const el = page.locator(TARGETS).nth(i);
  if (await el.isVisible()) {
    await el.hover();
    await el.click({ noWaitAfter: true });
    // A javascript: link would run in a task after the click; nothing can
    // be waited for when nothing should happen, so a short grace.
    await page.waitForTimeout(100);
  }
  await page.close();
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
