// Precision and recall of search on the demo journal (the repository's own
// content/), scored in headless Chromium against folded-substring ground
// truth (see precision.js): queries in Traditional and Simplified, words,
// phrases, a case number and a single character.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { repo, casebookBin, scratch, serve, launch, newPage } from "./helpers.js";
import { measure, report } from "./precision.js";

const QUERIES = [
  "退款", "保固", "耳機退貨", "詐騙電話", "轉運站", "發票抬頭", "越級投訴", "帳單", "重複扣款", "門市",
  "主管", "路由器", "颱風", "錄音", "續約", "新人", "系統故障", "臉書", "提款機", "E1042", "VIP",
  "退货", "账号", "换机", "电话客服", "投诉", "系统", "发票", "培训", "门店", "耳机", "点评", "客户", "锁",
];

let browser, server;

before(async () => {
  server = await serve(null, "/journal/");
  const out = join(scratch("casebook-demo-"), "site");
  execFileSync(casebookBin(), ["build", "-q", "--root", repo, "--output", out], { stdio: ["ignore", "inherit", "inherit"] });
  server.dir = out;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.server.close();
});

test("on the demo journal, search finds what holds the query and little else", async () => {
  const page = await newPage(browser);
  const measured = await measure(page, `http://127.0.0.1:${server.port}/journal/`, QUERIES);
  const text = report(measured);
  console.log(text);
  for (const row of measured.rows) assert.ok(row.relevant > 0, `${row.query} is in the demo journal`);
  assert.ok(measured.totals.precision >= 0.95, text);
  assert.ok(measured.totals.recall >= 0.98, text);
  assert.ok(measured.totals.top10 >= 0.95, text);
  await page.context().close();
});
