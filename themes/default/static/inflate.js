/* casebook: zlib inflate (RFC 1950/1951) for browsers without
   DecompressionStream (before Chrome 80, Firefox 113, Safari 16.4).
   search.js loads this file only there, to read the compressed search
   files (search/s/*.bin, search/a/*.bin). Decoding follows zlib's `puff`:
   canonical Huffman codes decoded a bit at a time. */
(function (global) {
  "use strict";
  var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  /** A canonical Huffman code from code lengths: how many codes of each
   *  length, and the symbols in code order. */
  function code(lengths) {
    var counts = new Uint16Array(16), offs = new Uint16Array(16), symbols = new Uint16Array(lengths.length);
    lengths.forEach(function (l) { counts[l]++; });
    counts[0] = 0;
    for (var i = 1; i < 16; i++) offs[i] = offs[i - 1] + counts[i - 1];
    lengths.forEach(function (l, s) { if (l) symbols[offs[l]++] = s; });
    return { counts: counts, symbols: symbols };
  }

  function fixed() {
    var l = [], d = [];
    for (var i = 0; i < 288; i++) l.push(i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8);
    for (i = 0; i < 30; i++) d.push(5);
    return [code(l), code(d)];
  }

  /** Inflates zlib data (a Uint8Array) into a Uint8Array. Throws on data
   *  it cannot read. */
  function inflate(src) {
    var pos = 2, tag = 0, have = 0, out = new Uint8Array(Math.max(1024, src.length * 4)), n = 0;
    if (src.length < 2 || (src[0] & 0x0f) !== 8) throw new Error("not zlib data");
    function bits(k) {
      while (have < k) {
        if (pos >= src.length) throw new Error("zlib data ends early");
        tag |= src[pos++] << have; have += 8;
      }
      var v = tag & ((1 << k) - 1);
      tag >>>= k; have -= k;
      return v;
    }
    function decode(h) {
      var c = 0, first = 0, index = 0;
      for (var len = 1; len < 16; len++) {
        c |= bits(1);
        var count = h.counts[len];
        if (c - count < first) return h.symbols[index + (c - first)];
        index += count; first = (first + count) << 1; c <<= 1;
      }
      throw new Error("bad zlib code");
    }
    function put(b) {
      if (n === out.length) { var bigger = new Uint8Array(out.length * 2); bigger.set(out); out = bigger; }
      out[n++] = b;
    }
    function dynamic() {
      var nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4, lengths = new Array(19).fill(0), i;
      for (i = 0; i < ncode; i++) lengths[ORDER[i]] = bits(3);
      var lencode = code(lengths), all = [];
      while (all.length < nlen + ndist) {
        var sym = decode(lencode);
        if (sym < 16) { all.push(sym); continue; }
        var len = 0, times;
        if (sym === 16) { if (!all.length) throw new Error("bad zlib lengths"); len = all[all.length - 1]; times = 3 + bits(2); }
        else if (sym === 17) times = 3 + bits(3);
        else times = 11 + bits(7);
        while (times--) all.push(len);
      }
      return [code(all.slice(0, nlen)), code(all.slice(nlen, nlen + ndist))];
    }
    var last;
    do {
      last = bits(1);
      var type = bits(2);
      if (type === 0) {
        tag = 0; have = 0;
        var len = src[pos] | (src[pos + 1] << 8);
        pos += 4;
        if (pos + len > src.length) throw new Error("zlib data ends early");
        for (var i = 0; i < len; i++) put(src[pos++]);
      } else if (type === 1 || type === 2) {
        var trees = type === 1 ? fixed() : dynamic();
        for (;;) {
          var sym = decode(trees[0]);
          if (sym < 256) { put(sym); continue; }
          if (sym === 256) break;
          sym -= 257;
          if (sym >= 29) throw new Error("bad zlib length");
          var length = LBASE[sym] + bits(LEXT[sym]), d = decode(trees[1]);
          if (d >= 30) throw new Error("bad zlib distance");
          var dist = DBASE[d] + bits(DEXT[d]);
          if (dist > n) throw new Error("bad zlib distance");
          while (length--) put(out[n - dist]);
        }
      } else throw new Error("bad zlib block");
    } while (!last);
    return out.subarray(0, n);
  }

  global.CasebookInflate = inflate;
})(typeof globalThis !== "undefined" ? globalThis : this);
