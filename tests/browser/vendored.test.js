// The vendored fallback inflater (themes/default/static/inflate.js): it is
// fflate's browser build unchanged, at the version package.json pins, and
// its CasebookInflate reads what zlib writes. (search.test.js checks that a
// browser without DecompressionStream loads it and searches.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import vm from "node:vm";
import { deflateSync, constants } from "node:zlib";
import { repo } from "./helpers.js";

const require = createRequire(import.meta.url);
const fflateDir = join(require.resolve("fflate/package.json"), "..");
const pinned = JSON.parse(readFileSync(join(repo, "tests/browser/package.json"), "utf8")).dependencies.fflate;
const vendored = readFileSync(join(repo, "themes/default/static/inflate.js"), "utf8");

test("inflate.js holds fflate's umd/index.js unchanged, at the pinned version", () => {
  const version = JSON.parse(readFileSync(join(fflateDir, "package.json"), "utf8")).version;
  assert.equal(version, pinned, "npm ci in tests/browser installs the pinned fflate");
  assert.ok(vendored.includes(`fflate ${pinned} `), "the header names the version");
  assert.ok(vendored.includes(readFileSync(join(fflateDir, "umd/index.js"), "utf8").trim()), "fflate's browser build, unchanged");
  assert.ok(vendored.includes(readFileSync(join(fflateDir, "LICENSE"), "utf8").split("\n")[2].trim()), "its copyright line");
});

test("CasebookInflate reads zlib data of every block kind, and throws on other data", () => {
  // As a browser runs it: a classic script, with `self` the global object.
  const context = vm.createContext({});
  context.self = context;
  vm.runInContext(vendored, context);
  const inflate = context.CasebookInflate;
  const text = "客戶來電表示商品到貨後發現外盒破損，要求退貨。ORD38201577 E1042 ".repeat(300);
  const inputs = [Buffer.alloc(0), Buffer.from("{}"), Buffer.from(text), Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 7919) % 251))];
  for (const input of inputs) {
    for (const options of [{ level: 9 }, { level: 0 }, { level: 1 }, { level: 9, strategy: constants.Z_FIXED }]) {
      const out = inflate(new Uint8Array(deflateSync(input, options)));
      assert.ok(Buffer.from(out).equals(input), `${input.length} bytes, ${JSON.stringify(options)}`);
    }
  }
  assert.throws(() => inflate(new Uint8Array(Buffer.from("not zlib data"))));
});
