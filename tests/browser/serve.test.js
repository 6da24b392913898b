// Live reload in a real page: casebook serve on a copy of the basic fixture,
// Debian's Chromium driven by playwright-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { repo, casebookBin, scratch, launch, newPage, WAIT } from "./helpers.js";

let browser, server, base, root;

/** The address `casebook serve` announces once it listens and watches; fails
 * if it exits first or says nothing for `3 * WAIT` (its first build included). */
function announced(child) {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("casebook serve announced no address")), 3 * WAIT);
    createInterface({ input: child.stdout }).on("line", (line) => {
      const url = line.match(/http:\/\/\S+\//);
      if (url) { clearTimeout(timer); ok(url[0]); }
    });
    child.once("exit", (code) => { clearTimeout(timer); fail(new Error(`casebook serve exited (${code}) before it announced an address`)); });
  });
}

before(async () => {
  root = join(scratch("casebook-serve-"), "j");
  cpSync(join(repo, "tests/fixtures/basic"), root, { recursive: true });
  server = spawn(casebookBin(), ["serve", "--port", "0", "--root", root], { stdio: ["ignore", "pipe", "ignore"] });
  base = await announced(server);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test("saving an article reloads the page, keeps the scroll, and shows problems until fixed", async () => {
  const file = join(root, "content/cases/退貨耳機.md");
  const original = readFileSync(file, "utf8");
  const page = await newPage(browser, { viewport: { width: 800, height: 400 } });
  await page.goto(base + "cases/" + encodeURIComponent("退貨耳機") + "/");
  assert.equal(await page.textContent("h1"), "客戶要求退回已拆封耳機");
  await page.evaluate(() => window.scrollTo(0, 300));

  // Each wait is for what the step should end in: a save is written in two
  // steps (emptied, then filled), and a slow machine may rebuild in between.
  writeFileSync(file, original.replace("title: 客戶要求退回已拆封耳機", "title: 改過的標題"));
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "改過的標題");
  // The reloaded page scrolls back when its live-reload script runs, at the end of the body.
  await page.waitForFunction(() => Math.abs(window.scrollY - 300) < 5).catch(() => {});
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(y - 300) < 5, `scroll kept: ${y}`);

  writeFileSync(file, original.replace("date: 2026-10-03", "date: 昨天"));
  const problem = /content\/cases\/退貨耳機\.md:3:7/;
  await page.waitForFunction((re) => new RegExp(re).test(document.getElementById("casebook-problems")?.textContent ?? ""), problem.source).catch(() => {});
  assert.match(await page.evaluate(() => document.getElementById("casebook-problems")?.textContent ?? "(no problems shown)"), problem);
  // The article cannot be shown: its address lists its problems (issue 18: the preview never goes blank).
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector(".casebook-own-problems")?.textContent ?? ""), problem.source).catch(() => {});
  assert.match(await page.evaluate(() => document.querySelector(".casebook-own-problems")?.textContent ?? "(no list)"), problem);

  writeFileSync(file, original);
  // Fixed: the page is back and the date problem is gone (check's problems of the edited file may stay).
  await page.waitForFunction(() => !/:3:7/.test(document.getElementById("casebook-problems")?.textContent ?? "") && document.querySelector("h1")?.textContent === "客戶要求退回已拆封耳機");
  await page.context().close();
});
