// The browser tokenizer (themes/default/static/search.js) on the vectors the
// Rust tokenizer passes (tests/search_vectors.json), with the folding table
// exactly as a built site ships it: the search fixture with one more
// article holding the vectors' tokens (a site ships the pairs of the
// characters its index has).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, cpSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import vm from "node:vm";
import { inflateSync } from "node:zlib";
import { repo, casebookBin, scratch, allStarts } from "./helpers.js";

const context = vm.createContext({});
vm.runInContext(readFileSync(join(repo, "themes/default/static/search.js"), "utf8"), context);
const search = context.CasebookSearch;

const vectors = JSON.parse(readFileSync(join(repo, "tests/search_vectors.json"), "utf8"));
const tmp = scratch("casebook-tokenizer-");
cpSync(join(repo, "tests/fixtures/search"), join(tmp, "journal"), { recursive: true });
writeFileSync(join(tmp, "journal/content/cases/vectors.md"),
  `---\ntitle: vectors\ndate: 2026-01-01\n---\n\n${vectors.flatMap((v) => v.tokens).join(" ")}\n`);
const site = join(tmp, "site");
execFileSync(casebookBin(), ["build", "-q", "--root", join(tmp, "journal"), "--output", site], { stdio: ["ignore", "inherit", "inherit"] });
const manifest = JSON.parse(readFileSync(join(site, "search/manifest.json"), "utf8"));
const starts = allStarts(site, manifest);
const table = search.parseFold(inflateSync(readFileSync(join(site, "search", manifest.fold))).toString("utf8"));

test("the folding table has the pairs of the index's characters", () => {
  assert.ok(table.size > 50 && table.size < 3000, `${table.size} pairs`);
  assert.equal(table.get("龍"), undefined, "龙 is in no article");
  assert.equal(table.get("帳"), "账");
  assert.equal(table.get("覆"), "复");
  assert.equal(table.get("貨"), "货");
});

for (const v of vectors) {
  test(`tokenize ${JSON.stringify(v.input)}`, () => {
    assert.deepEqual(Array.from(search.tokenize(v.input, table)), v.tokens);
  });
}

test("every term is found in its shard by the browser's lookup", () => {
  // Rust cuts the sorted terms into shards; the browser finds a term's shard
  // by binary search over their first terms. The two orders must agree.
  assert.equal(starts.length, manifest.shards);
  for (let n = 0; n < manifest.shards; n++) {
    const shard = JSON.parse(inflateSync(readFileSync(join(site, "search/s", `${n}.bin`))).toString("utf8"));
    for (const terms of Object.values(shard)) {
      for (const term of Object.keys(terms)) assert.equal(search.shardFor(term, starts), n, term);
    }
  }
});

test("code-point order, as Rust sorts strings", () => {
  assert.equal(search.compareCP("a", "b"), -1);
  assert.equal(search.compareCP("ab", "a"), 1);
  assert.equal(search.compareCP("退货", "退货"), 0);
  // U+FF5E (BMP, above the surrogates) sorts before U+20000 by code point,
  // though not by UTF-16 code units.
  assert.equal(search.compareCP("\uff5e", "\u{20000}"), -1);
});

test("the query plan: phrases as bigrams, exact; lone characters and words by prefix", () => {
  const ps = search.parts("退貨單 ORD38 耳 pg_dump", table);
  assert.deepEqual(JSON.parse(JSON.stringify(ps.map((p) => [p.text, p.kind, p.group]))),
    [["退货单", "phrase", 0], ["ord38", "word", 1], ["耳", "char", 2], ["pg", "word", 3], ["dump", "word", 3]]);
  const steps = search.plan(search.termsOf(ps), starts);
  assert.deepEqual(JSON.parse(JSON.stringify(steps.map((s) => [s.token, s.exact]))),
    [["退货", true], ["货单", true], ["ord38", false], ["耳", false], ["pg", false], ["dump", false]]);
  // Which terms must follow which, and their bits as src/search/next.rs makes them.
  assert.deepEqual(JSON.parse(JSON.stringify(search.links(ps))), [{ from: "退货", to: "货单" }, { from: "pg", to: "dump" }]);
  assert.equal(search.nextBit("dump", 16), search.nextBit("dumpall", 16));
  assert.equal(search.nextBit("流复", 16), 1 << 3);
});
