// Live reload in a real page: casebook serve on a copy of the basic fixture,
// Debian's Chromium driven by playwright-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";
import { repo, casebookBin, chromiumPath, CHROMIUM_ARGS } from "./helpers.js";

let browser, server, base, root;

before(async () => {
  root = join(mkdtempSync(join(tmpdir(), "casebook-serve-")), "j");
  cpSync(join(repo, "tests/fixtures/basic"), root, { recursive: true });
  server = spawn(casebookBin(), ["serve", "--port", "0", "--root", root], { stdio: ["ignore", "pipe", "ignore"] });
  const line = await new Promise((ok) => createInterface({ input: server.stdout }).once("line", ok));
  base = line.match(/http:\/\/\S+\//)[0];
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test("saving an article reloads the page, keeps the scroll, and shows problems until fixed", async () => {
  const file = join(root, "content/cases/退貨耳機.md");
  const original = readFileSync(file, "utf8");
  const page = await browser.newPage({ viewport: { width: 800, height: 400 } });
  await page.goto(base + "cases/" + encodeURIComponent("退貨耳機") + "/");
  assert.equal(await page.textContent("h1"), "客戶要求退回已拆封耳機");
  await page.evaluate(() => window.scrollTo(0, 300));

  writeFileSync(file, original.replace("title: 客戶要求退回已拆封耳機", "title: 改過的標題"));
  await page.waitForFunction(() => document.querySelector("h1").textContent === "改過的標題", null, { timeout: 30000 });
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(y - 300) < 5, `scroll kept: ${y}`);

  writeFileSync(file, original.replace("date: 2026-10-03", "date: 昨天"));
  await page.waitForSelector("#casebook-problems", { timeout: 30000 });
  assert.match(await page.textContent("#casebook-problems"), /content\/cases\/退貨耳機\.md:3:7/);
  assert.equal(await page.textContent("h1"), "改過的標題", "the last good page stays");

  writeFileSync(file, original);
  await page.waitForFunction(() => !document.getElementById("casebook-problems") && document.querySelector("h1").textContent === "客戶要求退回已拆封耳機", null, { timeout: 30000 });
  await page.close();
});
