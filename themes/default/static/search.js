/* casebook search: the tokenizer (the same as src/search/tokenize.rs, checked
   against tests/search_vectors.json), shard loading, matching (phrases whose
   pieces follow each other, every word; see `parts` and src/search/next.rs),
   elasticlunr's scoring and the search box. Results are built with DOM text
   nodes, never HTML. */
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

  function Searcher(base, fetcher) {
    this.base = base;            // URL of the search/ folder, ending in "/"
    this.fetch = fetcher || function (url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + ": " + r.status); return r.json(); }); };
    this.fetchText = function (url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + ": " + r.status); return r.text(); }); };
    this.shards = new Map();
    this.docs = new Map();
  }

  Searcher.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = this.fetch(this.base + "manifest.json").then(function (m) {
        self.manifest = m;
        return self.fetchText(self.base + m.fold);
      }).then(function (text) { self.table = parseFold(text); return self; });
    }
    return this._ready;
  };

  Searcher.prototype.tokens = function (query) { return tokenize(query, this.table); };

  Searcher.prototype.shard = function (n) {
    if (!this.shards.has(n)) {
      var hash = this.manifest.shard_hashes.slice(n * 8, n * 8 + 8);
      this.shards.set(n, this.fetch(this.base + "s/" + n + "-" + hash + ".json"));
    }
    return this.shards.get(n);
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
      var m = self.manifest;
      var steps = plan(termsOf(ps), m.starts);
      var needed = Array.from(new Set([].concat.apply([], steps.map(function (s) { return s.shards; }))));
      return Promise.all(needed.map(function (n) { return self.shard(n); })).then(function (loaded) {
        var byNumber = new Map();
        needed.forEach(function (n, i) { byNumber.set(n, loaded[i]); });
        return rank(ps, steps.map(function (step) { return match(step, byNumber, m); }), m.next_bits);
      });
    });
  };

  var TITLE_FIELDS = ["title", "tags"];

  /** One term's matches: doc → score (boosted, summed over fields), the
   *  documents whose title or tags have it, and whether its lists are
   *  complete (no list cut to its best documents, no prefix shard unread). */
  function match(step, byNumber, m) {
    var found = { token: step.token, scores: new Map(), titled: new Set(), next: new Map(), complete: !step.truncated, truncated: step.truncated };
    var tokenLen = Array.from(step.token).length;
    m.fields.forEach(function (fb) {
      var field = fb[0], boost = fb[1];
      if (!boost) return;
      step.shards.forEach(function (n) {
        var terms = (byNumber.get(n) || {})[field] || {};
        var keys = step.exact ? (terms[step.token] ? [step.token] : []) : Object.keys(terms).filter(function (k) { return k.lastIndexOf(step.token, 0) === 0; });
        keys.forEach(function (key) {
          var list = terms[key], df = list[0];
          if (df > (list.length - 1) / 3) found.complete = false;
          var idf = 1 + Math.log(m.docs / (df + 1));
          var keyLen = Array.from(key).length;
          var penalty = key === step.token ? 1 : (1 - (keyLen - tokenLen) / keyLen) * 0.15;
          var doc = 0;
          for (var i = 1; i + 2 < list.length; i += 3) {
            doc += list[i];
            found.scores.set(doc, (found.scores.get(doc) || 0) + (list[i + 1] / 1000) * idf * penalty * boost);
            if (TITLE_FIELDS.indexOf(field) >= 0) found.titled.add(doc);
            if (key === step.token) found.next.set(doc, (found.next.get(doc) || 0) | list[i + 2]);
          }
        });
      });
    });
    return found;
  }

  /** The ranked results of the parts `ps` given each term's matches (in
   *  the order of `termsOf(ps)`, one per distinct term). */
  function rank(ps, matches, bits) {
    var byToken = new Map();
    matches.forEach(function (f) { byToken.set(f.token, f); });
    var candidates = new Set();
    matches.forEach(function (f) { f.scores.forEach(function (s, doc) { candidates.add(doc); }); });
    function has(f, doc) { return f.scores.has(doc) || !f.complete; }
    var follows = links(ps).map(function (l) { return { from: byToken.get(l.from), bit: nextBit(l.to, bits) }; });
    function adjacent(doc) {
      return follows.every(function (l) { return !l.from.complete || ((l.from.next.get(doc) || 0) & l.bit) !== 0; });
    }
    var results = [];
    candidates.forEach(function (doc) {
      var all = ps.every(function (p) { return p.terms.every(function (t) { return has(byToken.get(t.token), doc); }); });
      if (!all || !adjacent(doc)) return;
      var titled = ps.filter(function (p) { return p.terms.every(function (t) { return byToken.get(t.token).titled.has(doc); }); }).length;
      var score = 0;
      matches.forEach(function (f) { score += f.scores.get(doc) || 0; });
      results.push({ id: doc, score: score, tier: titled });
    });
    var relaxed = false;
    if (!results.length && matches.length > 1) {
      relaxed = true;
      candidates.forEach(function (doc) {
        var score = 0, count = 0;
        matches.forEach(function (f) { if (f.scores.has(doc)) { score += f.scores.get(doc); count++; } });
        results.push({ id: doc, score: score, tier: count });
      });
    }
    // Newer articles have smaller ids: they win ties.
    results.sort(function (a, b) { return b.tier - a.tier || b.score - a.score || a.id - b.id; });
    results.truncated = matches.some(function (f) { return f.truncated; });
    results.relaxed = relaxed;
    return results;
  }

  Searcher.prototype.doc = function (id) {
    if (!this.docs.has(id)) this.docs.set(id, this.fetch(this.base + "a/" + id + ".json?" + this.manifest.build));
    return this.docs.get(id);
  };

  Searcher.prototype.facets = function () {
    if (!this._facets) this._facets = this.fetch(this.base + this.manifest.facets);
    return this._facets;
  };

  /** A short passage of `text` around the first match, as text and marks. */
  function snippet(text, tokens, table, length) {
    var chars = Array.from(text.replace(/\s+/g, " "));
    var folded = chars.map(function (c) { var f = fold(c, table); return Array.from(f)[0] || c; });
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
    var start = Math.max(0, (first < 0 ? 0 : first) - Math.floor(length / 3));
    var end = Math.min(chars.length, start + length);
    var parts = [], cur = "", curHit = false;
    for (var i = start; i < end; i++) {
      if (hits[i] !== curHit && cur) { parts.push({ text: cur, hit: curHit }); cur = ""; }
      curHit = hits[i]; cur += chars[i];
    }
    if (cur) parts.push({ text: cur, hit: curHit });
    if (start > 0) parts.unshift({ text: "…", hit: false });
    if (end < chars.length) parts.push({ text: "…", hit: false });
    return parts;
  }

  var api = { tokenize: tokenize, fold: fold, parseFold: parseFold, shardFor: shardFor, parts: parts, links: links, nextBit: nextBit, termsOf: termsOf, plan: plan, compareCP: compareCP, Searcher: Searcher, snippet: snippet };
  global.CasebookSearch = api;
  if (typeof document === "undefined") return;

  // ---- User interface --------------------------------------------------
  /** The interface's words, from the search form's data attributes (the
   *  theme writes them in the journal's language); these when it has none. */
  var WORDS = {
    found: "找到 {n} 篇", foundOne: "", first: "，顯示前 {n} 篇", none: "沒有找到符合「{q}」的文章",
    partial: "（開頭相同的詞太多，只比對了一部分；多輸入幾個字可以找得更準）",
    relaxed: "沒有文章同時有「{q}」的每個詞；以下是有其中一部分的文章。",
    unavailable: "搜尋暫時無法使用（{error}）", sep: "、"
  };

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

  function renderResult(item, doc, tokens, table, root, snippetLength) {
    var li = el("li", "result");
    li.setAttribute("role", "option");
    li.id = "result-" + item.id;
    var a = el("a", "result-title", doc.t);
    a.href = root + doc.u;
    li.appendChild(a);
    var meta = [doc.k, doc.s === doc.k ? "" : doc.s, doc.d].concat(doc.g && doc.g.length ? [doc.g.join(WORDS.sep)] : []).filter(Boolean).join(" · ");
    li.appendChild(el("p", "meta", meta));
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

  /** Connects an input to a result list; `page` adds filters and the URL. */
  function attach(input, list, status, root, searcher, page) {
    var active = -1, seq = 0, shown = [];
    var step = page ? 10 : 6, limit = step;

    function setActive(i) {
      var items = list.querySelectorAll("li.result");
      if (!items.length) { active = -1; return; }
      active = (i + items.length) % items.length;
      items.forEach(function (li, j) { li.classList.toggle("active", j === active); li.setAttribute("aria-selected", j === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function filterIds(results) {
      if (!page) return Promise.resolve(results);
      var f = page.filters();
      if (!f.section && !f.tag && !f.author) return Promise.resolve(results);
      return searcher.facets().then(function (fx) {
        return results.filter(function (r) {
          var row = fx.docs[r.id];
          if (!row) return false;
          if (f.section && fx.sections[row[0]] !== f.section) return false;
          if (f.tag && row[1].map(function (i) { return fx.tags[i]; }).indexOf(f.tag) < 0) return false;
          if (f.author && row[2].map(function (i) { return fx.authors[i]; }).indexOf(f.author) < 0) return false;
          return true;
        });
      });
    }

    function run(more) {
      limit = more === true ? limit + step : step;
      var q = input.value.trim(), mine = ++seq;
      if (page) page.remember(q);
      if (!q) { list.textContent = ""; status.textContent = ""; list.hidden = !page; return; }
      searcher.search(q).then(filterIds).then(function (results) {
        if (mine !== seq) return;
        shown = results.slice(0, limit);
        return Promise.all(shown.map(function (r) { return searcher.doc(r.id); })).then(function (docs) {
          if (mine !== seq) return;
          // What the snippets mark: the phrases and words asked for, or (relaxed) their pieces.
          var ps = searcher.parts(q);
          var tokens = results.relaxed ? termsOf(ps).map(function (t) { return t.token; }) : ps.map(function (p) { return p.text; });
          list.textContent = "";
          docs.forEach(function (doc, i) { list.appendChild(renderResult(shown[i], doc, tokens, searcher.table, root, page ? 120 : 60)); });
          var found = results.length === 1 && WORDS.foundOne ? WORDS.foundOne : say("found", { n: results.length });
          status.textContent = results.length ? found + (results.length > limit ? say("first", { n: limit }) : "") : say("none", { q: q });
          if (results.relaxed) status.textContent = say("relaxed", { q: q }) + status.textContent;
          if (results.truncated) status.textContent += WORDS.partial;
          if (page && page.more) page.more.hidden = results.length <= limit;
          // In the header's drop-down the list speaks for itself.
          if (!page && results.length && !results.relaxed) status.textContent = "";
          list.hidden = false;
          active = -1;
        });
      }).catch(function (e) {
        status.textContent = say("unavailable", { error: e.message });
      });
    }

    var later = debounce(function () { run(false); }, 40);
    // While a Chinese input method is composing (ㄊㄨㄟˋ, tui huan), wait for the characters.
    input.addEventListener("input", function (e) { if (!e.isComposing) later(); });
    input.addEventListener("compositionend", later);
    input.addEventListener("focus", function () { searcher.ready().catch(function () {}); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); setActive(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); setActive(active - 1); }
      else if (e.key === "Enter" && active >= 0) {
        var link = list.querySelectorAll("li.result a")[active];
        if (link) { e.preventDefault(); location.href = link.href; }
      } else if (e.key === "Escape" && !page) { list.hidden = true; }
    });
    if (page) {
      page.onChange = function () { run(false); };
      if (page.more) page.more.addEventListener("click", function () { run(true); });
    }
    return function () { run(false); };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var html = document.documentElement;
    var root = html.getAttribute("data-root") || "./";
    if (location.protocol === "file:") return; // search needs a web server
    var searcher = new Searcher(root + "search/");
    var form = document.querySelector("form.site-search");
    readWords(form);
    var pageBox = document.getElementById("search-page");
    if (pageBox) {
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
          var s = p.toString();
          history.replaceState(null, "", s ? "?" + s : location.pathname);
        }
      };
      page.more = document.getElementById("search-more");
      pageBox.hidden = false;
      var noJs = document.getElementById("search-nojs");
      if (noJs) noJs.hidden = true;
      var run = attach(input, list, status, root, searcher, page);
      selects.forEach(function (s) { s.addEventListener("change", function () { page.onChange(); }); });
      var q = new URLSearchParams(location.search).get("q");
      if (q) { input.value = q; run(); }
      if (form) form.hidden = true;
    } else if (form) {
      var box = form.querySelector("input");
      var drop = el("ul", "search-drop");
      drop.id = "search-drop";
      drop.setAttribute("role", "listbox");
      drop.hidden = true;
      var st = el("p", "search-drop-status");
      st.setAttribute("aria-live", "polite");
      form.appendChild(st);
      form.appendChild(drop);
      box.setAttribute("aria-controls", "search-drop");
      attach(box, drop, st, root, searcher, null);
      document.addEventListener("click", function (e) { if (!form.contains(e.target)) { drop.hidden = true; st.textContent = ""; } });
    }
  });
})(typeof globalThis !== "undefined" ? globalThis : this);
