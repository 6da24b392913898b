/* casebook search: the tokenizer (the same as src/search/tokenize.rs, checked
   against tests/search_vectors.json), shard loading, matching (phrases whose
   pieces follow each other, every word; see `parts` and src/search/next.rs),
   elasticlunr's scoring, and the search page and header box (a searching
   state, an error state with a retry, the keyboard, the filters). Results
   are built with DOM text nodes, never HTML. */
(function (global) {
  "use strict";

  // ---- Tokenizer -------------------------------------------------------
  function isCJK(cp) {
    return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2fa1f) ||
      (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0xac00 && cp <= 0xd7af);
  }
  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var MAX_TOKEN_CHARS = 32;

  /** Parses the folding pairs file ("臺台後后…") into a Map. */
  function parseFold(text) {
    var map = new Map(), chars = Array.from(text);
    for (var i = 0; i + 1 < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
    return map;
  }

  /** NFKC, lowercase (per character, as Rust does), Traditional → Simplified. */
  function fold(text, table) {
    var out = "";
    for (var c of text.normalize("NFKC")) {
      for (var l of c.toLowerCase()) out += table.get(l) || l;
    }
    return out;
  }

  function tokenize(text, table) {
    var tokens = [], run = [], word = [];
    function pushRun() {
      for (var i = 0; i + 1 < run.length; i++) tokens.push(run[i] + run[i + 1]);
      if (run.length) tokens.push(run[run.length - 1]);
      run = [];
    }
    function pushWord() {
      if (word.length) tokens.push(word.slice(0, MAX_TOKEN_CHARS).join(""));
      word = [];
    }
    for (var c of fold(text, table)) {
      if (isCJK(c.codePointAt(0))) { pushWord(); run.push(c); }
      else { pushRun(); if (WORD.test(c)) word.push(c); else pushWord(); }
    }
    pushRun(); pushWord();
    return tokens;
  }

  // ---- Index ---------------------------------------------------------------
  /** Compares strings by code point, as Rust orders them. */
  function compareCP(a, b) {
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      var x = a.codePointAt(i), y = b.codePointAt(j);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
      j += y > 0xffff ? 2 : 1;
    }
    return (a.length - i) - (b.length - j) === 0 ? 0 : (i < a.length ? 1 : -1);
  }

  /** The shard holding `term`: the last one whose first term is not after it. */
  function shardFor(term, starts) {
    var lo = 0, hi = starts.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (compareCP(starts[mid], term) <= 0) lo = mid + 1; else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  var MAX_PREFIX_SHARDS = 3;

  /** What a query asks for, folded as the index was: each run of CJK
   *  characters is a phrase, all of whose bigrams must occur one after the
   *  other (a one-character run is that character, the one case where the
   *  index's run-end term is used); each word must occur, as a word or the
   *  start of one. Parts not parted by a space (`pg_dump`, `LINUX系統`) are
   *  one group, whose terms must follow each other too. Returns the parts,
   *  each with its kind (phrase, char, word), group, terms ({token, exact})
   *  and folded text. */
  function parts(text, table) {
    var out = [], run = [], word = [], group = 0;
    function pushRun() {
      if (run.length === 1) out.push({ kind: "char", group: group, text: run[0], terms: [{ token: run[0], exact: false }] });
      else if (run.length) {
        var terms = [];
        for (var i = 0; i + 1 < run.length; i++) terms.push({ token: run[i] + run[i + 1], exact: true });
        out.push({ kind: "phrase", group: group, text: run.join(""), terms: terms });
      }
      run = [];
    }
    function pushWord() {
      if (word.length) { var w = word.slice(0, MAX_TOKEN_CHARS).join(""); out.push({ kind: "word", group: group, text: w, terms: [{ token: w, exact: false }] }); }
      word = [];
    }
    for (var c of fold(text, table)) {
      if (isCJK(c.codePointAt(0))) { pushWord(); run.push(c); }
      else {
        pushRun();
        if (WORD.test(c)) word.push(c);
        else { pushWord(); if (/\s/.test(c)) group++; }
      }
    }
    pushRun(); pushWord();
    return out;
  }

  /** Which term must directly follow which: within each group, each
   *  bigram or word and the bigram or word of two or more characters after
   *  it (a lone character may begin many terms, so it is left out). */
  function links(ps) {
    var out = [];
    for (var i = 0; i < ps.length; i++) {
      var p = ps[i];
      if (p.kind === "char") continue;
      for (var j = 0; j + 1 < p.terms.length; j++) out.push({ from: p.terms[j].token, to: p.terms[j + 1].token });
      var q = ps[i + 1];
      if (q && q.group === p.group && q.kind !== "char" && Array.from(q.terms[0].token).length > 1) out.push({ from: p.terms[p.terms.length - 1].token, to: q.terms[0].token });
    }
    return out;
  }

  /** The bit of a term that follows another in a posting's mask: FNV-1a
   *  over the code points of its first two characters (src/search/next.rs). */
  function nextBit(term, bits) {
    var h = 0x811c9dc5, n = 0;
    for (var c of term) {
      if (n++ === 2) break;
      h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
    }
    return 1 << (h % bits);
  }

  /** Which shards to look in for each term: a bigram is looked up exactly;
   *  a lone character or a word also finds the longer terms it begins
   *  (elasticlunr's expansion), in at most MAX_PREFIX_SHARDS shards. */
  function plan(terms, starts) {
    var seen = new Set();
    return terms.filter(function (t) { if (seen.has(t.token)) return false; seen.add(t.token); return true; }).map(function (t) {
      var first = shardFor(t.token, starts), shards = [first], truncated = false;
      if (!t.exact) {
        for (var n = first + 1; n < starts.length && starts[n].lastIndexOf(t.token, 0) === 0; n++) {
          if (shards.length === MAX_PREFIX_SHARDS) { truncated = true; break; }
          shards.push(n);
        }
      }
      return { token: t.token, exact: t.exact, shards: shards, truncated: truncated };
    });
  }

  /** Every term of a query's parts, in order. */
  function termsOf(ps) { return [].concat.apply([], ps.map(function (p) { return p.terms; })); }

  /** The inflater of inflate.js (fflate, vendored; next to search.js), loaded once, for
   *  browsers without DecompressionStream. */
  var inflater = null;
  function loadInflater(base) {
    if (!inflater) {
      inflater = new Promise(function (ok, fail) {
        var s = document.createElement("script");
        s.src = base + "../inflate.js";
        s.onload = function () { ok(global.CasebookInflate); };
        s.onerror = function () { inflater = null; fail(new Error("inflate.js")); };
        document.head.appendChild(s);
      });
    }
    return inflater;
  }

  /** The text of a zlib-compressed answer (src/search/index/packed.rs). */
  function inflated(r, base) {
    if (typeof DecompressionStream === "function" && r.body) {
      return new Response(r.body.pipeThrough(new DecompressionStream("deflate"))).text();
    }
    return Promise.all([r.arrayBuffer(), loadInflater(base)]).then(function (got) {
      return new TextDecoder().decode(got[1](new Uint8Array(got[0])));
    });
  }

  /** Fetches `url` (compressed unless it ends in .json) as JSON or text; a
   *  failed answer throws an error carrying its HTTP status. */
  function loader(kind, base) {
    return function (url) {
      return fetch(url).then(function (r) {
        if (!r.ok) { var e = new Error(String(r.status)); e.status = r.status; throw e; }
        if (/\.json$/.test(url)) return r[kind]();
        return inflated(r, base).then(function (text) { return kind === "json" ? JSON.parse(text) : text; });
      });
    };
  }

  function Searcher(base, fetcher) {
    this.base = base;            // URL of the search/ folder, ending in "/"
    this.fetch = fetcher || loader("json", base);
    this.fetchText = loader("text", base);
    this.shards = new Map();
    this.docs = new Map();
    this.files = new Map();      // manifest, folding pairs, facets
    this.pages = new Map();      // pages of the starts
  }

  /** The file `path` (under search/), fetched once: kept in `map` under
   *  `key`, or forgotten when it fails so that the next search asks again.
   *  A failure names the file and its HTTP status (`s/3-0a1b2c3d.json 404`). */
  Searcher.prototype.load = function (map, key, path, text) {
    if (!map.has(key)) {
      var get = text ? this.fetchText : this.fetch;
      map.set(key, get(this.base + path).catch(function (e) {
        map.delete(key);
        throw new Error(path.split("?")[0] + (e && e.status ? " " + e.status : ""));
      }));
    }
    return map.get(key);
  };

  /** Loads the manifest, then the folding pairs. */
  Searcher.prototype.ready = function () {
    var self = this;
    if (!this.table) {
      return this.load(this.files, "manifest", "manifest.json").then(function (m) {
        self.manifest = m;
        return self.load(self.files, "fold", m.fold, true);
      }).then(function (text) {
        self.table = self.table || parseFold(text);
        return self;
      });
    }
    return Promise.resolve(this);
  };

  /** Page `k` of the starts: where shards k * page_size on start. */
  Searcher.prototype.page = function (k) {
    return this.load(this.pages, k, "t/" + k + ".bin?" + this.manifest.pages_hash);
  };

  /** The starts `terms` need, as {starts, index}: the pages holding their
   *  shards (and, for a prefix, the page after, where its shards may go
   *  on), joined in order, and each start's shard number. `plan` over
   *  these starts finds the same shards as over all of them. */
  Searcher.prototype.startsFor = function (terms) {
    var self = this, m = this.manifest, wanted = new Set();
    terms.forEach(function (t) {
      var k = shardFor(t.token, m.pages);
      wanted.add(k);
      if (!t.exact && k + 1 < m.pages.length) wanted.add(k + 1);
    });
    var ks = Array.from(wanted).sort(function (a, b) { return a - b; });
    return Promise.all(ks.map(function (k) { return self.page(k); })).then(function (pages) {
      var starts = [], index = [];
      ks.forEach(function (k, i) {
        pages[i].forEach(function (start, j) { starts.push(start); index.push(k * m.page_size + j); });
      });
      return { starts: starts, index: index };
    });
  };

  /** Fetches, while the reader types, the starts a query will need (small
   *  files, the same for most of what is typed), so that the search after
   *  the pause goes straight to the shards. Errors wait for the search. */
  Searcher.prototype.prefetch = function (query) {
    var self = this;
    this.ready().then(function () {
      var terms = termsOf(self.parts(query));
      if (terms.length) return self.startsFor(terms);
    }).catch(function () {});
  };

  Searcher.prototype.tokens = function (query) { return tokenize(query, this.table); };

  Searcher.prototype.shard = function (n) {
    return this.load(this.shards, n, "s/" + n + ".bin?" + this.manifest.shards_hash);
  };

  Searcher.prototype.parts = function (query) { return parts(query, this.table); };

  /** Finds the articles that have every part of the query: each phrase's
   *  bigrams and each word (see `parts`), in any field. They are ranked by
   *  how many parts their title or tags hold, then by elasticlunr's score
   *  (per field Σ w · idf · penalty, times the field's boost). When no
   *  article has them all, the search is relaxed to articles with any of
   *  the terms, most terms first, and `results.relaxed` is true. A term
   *  whose list was cut to its best documents (or a prefix that matched more
   *  shards than were read) cannot rule an article out, and
   *  `results.truncated` says a prefix was cut. Resolves to the results,
   *  best first. */
  Searcher.prototype.search = function (query) {
    var self = this;
    return this.ready().then(function () {
      var ps = self.parts(query);
      if (!ps.length) return [];
      var m = self.manifest, steps;
      return self.startsFor(termsOf(ps)).then(function (view) {
        steps = plan(termsOf(ps), view.starts);
        steps.forEach(function (s) { s.shards = s.shards.map(function (i) { return view.index[i]; }); });
        var needed = Array.from(new Set([].concat.apply([], steps.map(function (s) { return s.shards; }))));
        return Promise.all(needed.map(function (n) { return self.shard(n); })).then(function (loaded) {
          var byNumber = new Map();
          needed.forEach(function (n, i) { byNumber.set(n, loaded[i]); });
          return rank(ps, steps.map(function (step) { return match(step, byNumber, m); }), m.next_bits, m.docs);
        });
      });
    });
  };

  var TITLE_FIELDS = ["title", "tags"];

  /** Calls `fn` with each of a term's other documents (OTHERS): gaps
   *  between numbers, or a bitmap of base64 digits (digit k's bit b is
   *  document 6k + b; see `bitmap` in src/search/index.rs). */
  var DIGIT = new Int8Array(128).fill(-1);
  Array.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/").forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = i; });
  function eachOther(others, fn) {
    if (typeof others === "string") {
      for (var k = 0; k < others.length; k++) {
        var v = DIGIT[others.charCodeAt(k) & 127];
        for (var b = 0; v > 0; b++, v >>= 1) if (v & 1) fn(k * 6 + b);
      }
    } else {
      for (var j = 0, doc = 0; j < others.length; j++) { doc += others[j]; fn(doc); }
    }
  }

  /** The field of a shard that holds, for each term whose list was cut in
   *  some field to its best documents, the documents past the best of
   *  every field (src/search/index.rs, `OTHERS`). */
  var OTHERS = "*";

  /** One term's matches, over the manifest's `docs` documents: `scores`
   *  (boosted, summed over fields), `flags` (1: has the term, 2: in its
   *  title or tags), `next` (the masks of what follows it, for an exact
   *  term), and whether its lists are complete (no prefix shard unread).
   *  A term cut to its best documents in some field lists its other
   *  documents once, in OTHERS (`eachOther`): they count with the smallest
   *  contribution of the best kept in a cut field, and whatever follows the
   *  term there. */
  function match(step, byNumber, m) {
    var n = m.docs, any = (1 << m.next_bits) - 1;
    var found = { token: step.token, scores: new Float64Array(n), flags: new Uint8Array(n), next: new Uint32Array(n), complete: !step.truncated, truncated: step.truncated };
    var tokenLen = Array.from(step.token).length;
    var cut = new Map();         // "shard key" → smallest contribution of a cut field
    m.fields.forEach(function (fb) {
      var field = fb[0], boost = fb[1];
      if (!boost) return;
      step.shards.forEach(function (sn) {
        var terms = (byNumber.get(sn) || {})[field] || {};
        var keys = step.exact ? (terms[step.token] ? [step.token] : []) : Object.keys(terms).filter(function (k) { return k.lastIndexOf(step.token, 0) === 0; });
        keys.forEach(function (key) {
          var list = terms[key], df = list[0];
          var idf = 1 + Math.log(n / (df + 1));
          var keyLen = Array.from(key).length;
          var exact = key === step.token;
          var factor = idf * (exact ? 1 : (1 - (keyLen - tokenLen) / keyLen) * 0.15) * boost / 1000;
          var flag = TITLE_FIELDS.indexOf(field) >= 0 ? 3 : 1;
          var doc = 0, least = Infinity;
          for (var i = 1; i + 2 < list.length; i += 3) {
            doc += list[i];
            if (doc >= n) break;
            least = Math.min(least, list[i + 1]);
            found.scores[doc] += list[i + 1] * factor;
            found.flags[doc] |= flag;
            if (exact) found.next[doc] |= list[i + 2];
          }
          if (df > (list.length - 1) / 3) {
            var id = sn + " " + key, c = least * factor, was = cut.get(id);
            cut.set(id, was === undefined ? c : Math.min(was, c));
          }
        });
      });
    });
    cut.forEach(function (c, id) {
      var sn = Number(id.slice(0, id.indexOf(" "))), key = id.slice(id.indexOf(" ") + 1);
      var others = ((byNumber.get(sn) || {})[OTHERS] || {})[key];
      if (others === undefined) { found.complete = false; return; }
      var exact = key === step.token;
      eachOther(others, function (d) {
        if (d >= n) return;
        found.scores[d] += c;
        found.flags[d] |= 1;
        if (exact) found.next[d] |= any;
      });
    });
    return found;
  }

  /** The ranked results of the parts `ps` given each term's matches (in
   *  the order of `termsOf(ps)`, one per distinct term), over `n`
   *  documents. */
  function rank(ps, matches, bits, n) {
    var byToken = new Map();
    matches.forEach(function (f) { byToken.set(f.token, f); });
    // Each part's terms' matches; which must be followed by what.
    var needs = ps.map(function (p) { return p.terms.map(function (t) { return byToken.get(t.token); }); });
    var follows = links(ps).map(function (l) { return { from: byToken.get(l.from), bit: nextBit(l.to, bits) }; })
      .filter(function (l) { return l.from.complete; });
    var ids = [], scores = [], tiers = [], p, j, f, doc;
    for (doc = 0; doc < n; doc++) {
      var candidate = false, all = true, titled = 0, score = 0;
      for (j = 0; j < matches.length; j++) {
        if (matches[j].flags[doc]) { candidate = true; score += matches[j].scores[doc]; }
      }
      if (!candidate) continue;
      for (p = 0; p < needs.length && all; p++) {
        var inTitle = true;
        for (j = 0; j < needs[p].length; j++) {
          f = needs[p][j];
          var flag = f.flags[doc];
          if (!flag && f.complete) { all = false; break; }
          if (!(flag & 2)) inTitle = false;
        }
        if (all && inTitle) titled++;
      }
      if (!all) continue;
      for (j = 0; j < follows.length; j++) {
        if ((follows[j].from.next[doc] & follows[j].bit) === 0) { all = false; break; }
      }
      if (!all) continue;
      ids.push(doc); scores.push(score); tiers.push(titled);
    }
    var relaxed = false;
    if (!ids.length && matches.length > 1) {
      relaxed = true;
      for (doc = 0; doc < n; doc++) {
        var count = 0, sum = 0;
        for (j = 0; j < matches.length; j++) {
          if (matches[j].flags[doc]) { sum += matches[j].scores[doc]; count++; }
        }
        if (count) { ids.push(doc); scores.push(sum); tiers.push(count); }
      }
    }
    // Newer articles have smaller ids: they win ties.
    var order = new Uint32Array(ids.length);
    for (j = 0; j < order.length; j++) order[j] = j;
    order.sort(function (a, b) { return tiers[b] - tiers[a] || scores[b] - scores[a] || ids[a] - ids[b]; });
    var results = new Array(order.length);
    for (j = 0; j < order.length; j++) { var k = order[j]; results[j] = { id: ids[k], score: scores[k], tier: tiers[k] }; }
    results.truncated = matches.some(function (f) { return f.truncated; });
    results.relaxed = relaxed;
    return results;
  }

  /** Article `id`'s title, facts and the start of its text (`x`). */
  Searcher.prototype.doc = function (id) {
    return this.load(this.docs, id, "a/" + id + ".bin?" + this.manifest.build);
  };

  /** Article `id` with as much of its text as a snippet around the first
   *  of `tokens` needs: the rest of the text is fetched only when no match
   *  is in the start. */
  Searcher.prototype.docFor = function (id, tokens) {
    var self = this;
    return this.doc(id).then(function (doc) {
      if (!doc.r) return doc;
      // A match in the start is shown, with what follows it there.
      if (hits(doc.x || "", tokens, self.table).first >= 0) return doc;
      return self.load(self.docs, id + "r", "a/" + id + "-r.bin?" + self.manifest.build, true).then(function (rest) {
        return Object.assign({}, doc, { x: doc.x + rest, r: 0 });
      });
    });
  };

  /** The facets file (see src/search/index/facets.rs), fetched once. */
  Searcher.prototype.facets = function () {
    return this.load(this.files, "facets", this.manifest.facets);
  };

  /** Whether the article of row `row` of the facets file `fx` has every
   *  filter of `f` ({section: "案例", channel: "電話", ...}; empty ones are
   *  not filters). */
  function passes(fx, row, f) {
    if (!row) return false;
    return Object.keys(f).every(function (key) {
      if (!f[key]) return true;
      if (key === "section") return fx.sections[row[0]] === f[key];
      var k = fx.keys.indexOf(key);
      return k >= 0 && (row[k + 1] || []).some(function (i) { return fx.names[k][i] === f[key]; });
    });
  }

  /** Per folding table: character → its folded first character. */
  var foldedChars = new WeakMap();

  /** The characters of `text` (spaces collapsed), which of them match
   *  `tokens`, and where the first match starts (-1 for none). */
  function hits(text, tokens, table) {
    var chars = Array.from(text.replace(/\s+/g, " "));
    // Each character folded once per page: NFKC per character was most of
    // the time between an article's file arriving and its result showing.
    var seen = foldedChars.get(table);
    if (!seen) foldedChars.set(table, seen = new Map());
    var folded = chars.map(function (c) {
      var f = seen.get(c);
      if (f === undefined) { f = Array.from(fold(c, table))[0] || c; seen.set(c, f); }
      return f;
    });
    var hits = new Array(chars.length).fill(false), first = -1;
    // Mark whole bigrams and words; single characters only for a one-character query.
    var long = tokens.filter(function (t) { return Array.from(t).length > 1; });
    var words = long.length ? long : tokens;
    words.forEach(function (t) {
      var tc = Array.from(t);
      for (var i = 0; i + tc.length <= folded.length; i++) {
        var ok = true;
        for (var j = 0; j < tc.length && ok; j++) ok = folded[i + j] === tc[j];
        if (ok) { for (var k = 0; k < tc.length; k++) hits[i + k] = true; if (first < 0 || i < first) first = i; }
      }
    });
    return { chars: chars, hits: hits, first: first };
  }

  /** A short passage of `text` around the first match, as text and marks. */
  function snippet(text, tokens, table, length) {
    var at = hits(text, tokens, table), chars = at.chars, hit = at.hits, first = at.first;
    var start = Math.max(0, (first < 0 ? 0 : first) - Math.floor(length / 3));
    var end = Math.min(chars.length, start + length);
    var parts = [], cur = "", curHit = false;
    for (var i = start; i < end; i++) {
      if (hit[i] !== curHit && cur) { parts.push({ text: cur, hit: curHit }); cur = ""; }
      curHit = hit[i]; cur += chars[i];
    }
    if (cur) parts.push({ text: cur, hit: curHit });
    if (start > 0) parts.unshift({ text: "…", hit: false });
    if (end < chars.length) parts.push({ text: "…", hit: false });
    return parts;
  }

  var api = { tokenize: tokenize, fold: fold, parseFold: parseFold, shardFor: shardFor, parts: parts, links: links, nextBit: nextBit, termsOf: termsOf, plan: plan, compareCP: compareCP, Searcher: Searcher, snippet: snippet, passes: passes };
  global.CasebookSearch = api;
  if (typeof document === "undefined") return;

  // ---- User interface --------------------------------------------------
  /** The interface's words, from the search form's data attributes (the
   *  theme writes them in the journal's language); these when it has none. */
  var WORDS = {
    found: "找到 {n} 篇", foundOne: "", first: "，顯示前 {n} 篇", none: "沒有找到符合「{q}」的文章",
    partial: "（開頭相同的詞太多，只比對了一部分；多輸入幾個字可以找得更準）",
    relaxed: "沒有文章同時有「{q}」的每個詞；以下是有其中一部分的文章。",
    unavailable: "搜尋暫時無法使用（{error}）", busy: "搜尋中…",
    failed: "搜尋資料沒有載入成功（{error}），請確認網路連線後再試一次。", retry: "再試一次",
    sep: "、", colon: "："
  };

  /** How long a search runs before the reader is told it is searching. */
  var BUSY_MS = 150;

  function readWords(form) {
    if (!form) return;
    Object.keys(WORDS).forEach(function (k) {
      var v = form.dataset[k];
      if (v != null) WORDS[k] = v;
    });
  }

  /** A word with each {name} filled in. */
  function say(key, values) {
    return WORDS[key].replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] != null ? String(values[name]) : all;
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function renderResult(id, doc, tokens, table, root, snippetLength) {
    var li = el("li", "result");
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.id = id;
    var a = el("a", "result-title", doc.t);
    a.href = root + doc.u;
    li.appendChild(a);
    var meta = [doc.k, doc.s === doc.k ? "" : doc.s, doc.d].concat(doc.g && doc.g.length ? [doc.g.join(WORDS.sep)] : []).filter(Boolean).join(" · ");
    li.appendChild(el("p", "meta", meta));
    // The case's facts (channel, outcome), label and value.
    if (doc.c && doc.c.length) {
      var facts = el("p", "facts");
      doc.c.forEach(function (f, i) {
        if (i) facts.appendChild(document.createTextNode(" · "));
        facts.appendChild(el("span", "fact", f[0] + WORDS.colon + f[1]));
      });
      li.appendChild(facts);
    }
    var p = el("p", "snippet");
    snippet(doc.x || "", tokens, table, snippetLength).forEach(function (part) {
      p.appendChild(part.hit ? el("mark", null, part.text) : document.createTextNode(part.text));
    });
    li.appendChild(p);
    return li;
  }

  function debounce(fn, ms) {
    var t;
    return function () { var args = arguments; clearTimeout(t); t = setTimeout(function () { fn.apply(null, args); }, ms); };
  }

  /** Which result of `list` is chosen, and the keys that choose (a
   *  combobox's ↓ ↑ Enter Esc). The header's list (no `page`) opens and
   *  closes; the search page's is always shown. */
  function chooser(input, list, page) {
    var c = { active: -1 };
    c.items = function () { return list.querySelectorAll("li.result"); };

    /** No result is chosen (and the input points at none). */
    c.clear = function () {
      c.active = -1;
      input.removeAttribute("aria-activedescendant");
      c.items().forEach(function (li) { li.classList.remove("active"); li.setAttribute("aria-selected", "false"); });
    };

    c.set = function (i) {
      var all = c.items();
      if (!all.length || list.hidden) { c.clear(); return; }
      c.active = (i + all.length) % all.length;
      all.forEach(function (li, j) { li.classList.toggle("active", j === c.active); li.setAttribute("aria-selected", j === c.active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", all[c.active].id);
      all[c.active].scrollIntoView({ block: "nearest" });
    };

    c.show = function (on) {
      list.hidden = !on && !page;
      if (!page) input.setAttribute("aria-expanded", on ? "true" : "false");
      if (!on) c.clear();
    };

    input.addEventListener("keydown", function (e) {
      var down = e.key === "ArrowDown", up = e.key === "ArrowUp";
      if (down || up) {
        e.preventDefault();
        // The header's list, hidden by Esc, opens again at its first (or last) result.
        if (list.hidden && c.items().length) { c.show(true); c.set(down ? 0 : -1); return; }
        if (c.active < 0) c.set(down ? 0 : -1);
        else c.set(c.active + (down ? 1 : -1));
      } else if (e.key === "Enter" && c.active >= 0 && !list.hidden) {
        var link = c.items()[c.active].querySelector("a");
        if (link) { e.preventDefault(); location.href = link.href; }
      } else if (e.key === "Escape") {
        if (!page && !list.hidden) { e.preventDefault(); c.show(false); }
        else c.clear();
      }
    });
    return c;
  }

  /** Connects an input to a result list; `page` adds filters and the URL.
   *  Returns {run, close}: search again, and (header) hide the list. */
  function attach(input, list, status, root, searcher, page) {
    var seq = 0, busyTimer = 0, pick = chooser(input, list, page);
    var step = page ? 10 : 6, limit = step;

    function filterIds(results) {
      if (!page) return Promise.resolve(results);
      var f = page.filters();
      if (!Object.keys(f).some(function (k) { return f[k]; })) return Promise.resolve(results);
      return searcher.facets().then(function (fx) {
        return results.filter(function (r) { return passes(fx, fx.docs[r.id], f); });
      });
    }

    /** The search is over (shown, or failed): no longer busy. */
    function settle() {
      clearTimeout(busyTimer);
      list.removeAttribute("aria-busy");
      list.classList.remove("stale");
    }

    /** What the snippets mark: the phrases and words asked for, or (relaxed) their pieces. */
    function marked(q, results) {
      var ps = searcher.parts(q);
      return results.relaxed ? termsOf(ps).map(function (t) { return t.token; }) : ps.map(function (p) { return p.text; });
    }
    var snippetLength = page ? 120 : 60;

    function showResults(q, results, docs, shown) {
      var tokens = marked(q, results);
      list.textContent = "";
      pick.clear();
      docs.forEach(function (doc, i) { list.appendChild(renderResult(list.id + "-" + shown[i].id, doc, tokens, searcher.table, root, snippetLength)); });
      var found = results.length === 1 && WORDS.foundOne ? WORDS.foundOne : say("found", { n: results.length });
      status.textContent = results.length ? found + (results.length > limit ? say("first", { n: limit }) : "") : say("none", { q: q });
      if (results.relaxed) status.textContent = say("relaxed", { q: q }) + status.textContent;
      if (results.truncated) status.textContent += WORDS.partial;
      if (page && page.more) page.more.hidden = results.length <= limit;
      // In the header's drop-down the list speaks for itself.
      if (!page && results.length && !results.relaxed) status.textContent = "";
      pick.show(results.length > 0 || !!page);
      // The header's list opens below a message it has (relaxed), not over it.
      if (!page) list.style.top = status.textContent && !list.hidden ? status.offsetTop + status.offsetHeight + 2 + "px" : "";
    }

    /** A file did not load: no results are shown (old ones would answer
     *  another query), the status says so and offers to try again. */
    function showError(e) {
      list.textContent = "";
      pick.show(false);
      if (page && page.more) page.more.hidden = true;
      status.textContent = say(searcher.table ? "failed" : "unavailable", { error: e && e.message });
      var again = el("button", "search-retry", WORDS.retry);
      again.type = "button";
      again.addEventListener("click", function () { input.focus(); run(false); });
      status.appendChild(document.createTextNode(" "));
      status.appendChild(again);
    }

    function run(more) {
      limit = more === true ? limit + step : step;
      var q = input.value.trim(), mine = ++seq;
      settle();
      if (page) page.remember(q);
      if (!q) { list.textContent = ""; status.textContent = ""; pick.show(false); return; }
      // A slow network: say so, and mark the results shown as stale
      // (the header's list is hidden: they answer another query).
      busyTimer = setTimeout(function () {
        if (mine !== seq) return;
        status.textContent = WORDS.busy;
        list.setAttribute("aria-busy", "true");
        list.classList.add("stale");
        if (!page) pick.show(false);
      }, BUSY_MS);
      searcher.search(q).then(filterIds).then(function (results) {
        if (mine !== seq) return;
        var shown = results.slice(0, limit), tokens = marked(q, results);
        return Promise.all(shown.map(function (r) { return searcher.docFor(r.id, tokens); })).then(function (docs) {
          if (mine !== seq) return;
          settle();
          showResults(q, results, docs, shown);
        });
      }).catch(function (e) {
        if (mine !== seq) return;
        settle();
        showError(e);
      });
    }

    var later = debounce(function () { run(false); }, 40);
    // While a Chinese input method is composing (ㄊㄨㄟˋ, tui huan), wait for the characters.
    input.addEventListener("input", function (e) { if (!e.isComposing) { searcher.prefetch(input.value); later(); } });
    input.addEventListener("compositionend", function () { searcher.prefetch(input.value); later(); });
    input.addEventListener("focus", function () { searcher.ready().catch(function () {}); });
    if (page) {
      page.onChange = function () { run(false); };
      if (page.more) page.more.addEventListener("click", function () { run(true); });
    }
    return { run: function () { run(false); }, close: function () { pick.show(false); status.textContent = ""; } };
  }

  /** The search page: its input, filters, status and list, and the query
   *  and filters kept in the address (`?q=退貨&channel=電話`). */
  function searchPage(pageBox, root, searcher, form) {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var selects = pageBox.querySelectorAll("select[data-filter]");
    var page = {
      filters: function () {
        var f = {};
        selects.forEach(function (s) { f[s.getAttribute("data-filter")] = s.value; });
        return f;
      },
      remember: function (q) {
        var p = new URLSearchParams(location.search);
        if (q) p.set("q", q); else p.delete("q");
        selects.forEach(function (s) { var k = s.getAttribute("data-filter"); if (s.value) p.set(k, s.value); else p.delete(k); });
        var str = p.toString();
        history.replaceState(null, "", str ? "?" + str : location.pathname);
      }
    };
    page.more = document.getElementById("search-more");
    pageBox.hidden = false;
    var noJs = document.getElementById("search-nojs");
    if (noJs) noJs.hidden = true;
    var box = attach(input, list, status, root, searcher, page);
    var asked = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var want = asked.get(s.getAttribute("data-filter"));
      if (want && Array.prototype.some.call(s.options, function (o) { return o.value === want; })) s.value = want;
      s.addEventListener("change", function () { page.onChange(); });
    });
    var q = asked.get("q");
    if (q) { input.value = q; box.run(); }
    if (form) form.hidden = true;
  }

  /** The header's box and its drop-down list (a combobox). */
  function headerBox(form, root, searcher) {
    var box = form.querySelector("input");
    var drop = el("ul", "search-drop");
    drop.id = "search-drop";
    drop.setAttribute("role", "listbox");
    drop.hidden = true;
    var st = el("p", "search-drop-status");
    st.setAttribute("aria-live", "polite");
    form.appendChild(st);
    form.appendChild(drop);
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-expanded", "false");
    box.setAttribute("aria-controls", "search-drop");
    var attached = attach(box, drop, st, root, searcher, null);
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) attached.close(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var html = document.documentElement;
    var root = html.getAttribute("data-root") || "./";
    if (location.protocol === "file:") return; // search needs a web server
    var searcher = new Searcher(root + "search/");
    var form = document.querySelector("form.site-search");
    readWords(form);
    var pageBox = document.getElementById("search-page");
    if (pageBox) searchPage(pageBox, root, searcher, form);
    else if (form) headerBox(form, root, searcher);
  });
})(typeof globalThis !== "undefined" ? globalThis : this);
