// The browser tokenizer (themes/default/static/search.js) on the vectors the
// Rust tokenizer passes (tests/search_vectors.json), with the folding table
// exactly as a built site ships it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { repo, buildFixture } from "./helpers.js";

const context = vm.createContext({});
vm.runInContext(readFileSync(join(repo, "themes/default/static/search.js"), "utf8"), context);
const search = context.CasebookSearch;

const site = buildFixture("search");
const manifest = JSON.parse(readFileSync(join(site, "search/manifest.json"), "utf8"));
const table = search.parseFold(readFileSync(join(site, "search", manifest.fold), "utf8"));

test("the folding table is the one the index used", () => {
  assert.ok(table.size > 3000, `only ${table.size} pairs`);
  assert.equal(table.get("帳"), "账");
  assert.equal(table.get("覆"), "复");
  assert.equal(table.get("貨"), "货");
});

const vectors = JSON.parse(readFileSync(join(repo, "tests/search_vectors.json"), "utf8"));
for (const v of vectors) {
  test(`tokenize ${JSON.stringify(v.input)}`, () => {
    assert.deepEqual(Array.from(search.tokenize(v.input, table)), v.tokens);
  });
}

test("shard numbers agree with the Rust side", () => {
  // src/search/index.rs: (code point * 2654435761) mod 2^32 mod shards
  assert.equal(search.shardOf("退", 17), Number((BigInt(0x9000) * 2654435761n) % 4294967296n % 17n));
});
