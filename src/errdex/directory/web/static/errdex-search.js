/* errdex-search.js: the static site's search, ranked exactly as the server ranks.
 *
 * Reads the chunked index that errdex.directory.static_index writes (the format is in
 * that module's docstring) and replays errdex.directory.search.SearchIndex.search step
 * by step, as errdex.directory.static_reader does in Python: exact code and name
 * matches, names one edit away, completions of the last word, all terms then any term,
 * quoted phrases, joined words (joins.py), filters, the exact-message, exact-title,
 * title-start and phrase tiers, FTS5's BM25 with the same
 * floating-point operations, ties by rowid, an exact total. Words, stems, keys,
 * highlighting and snippets come from ErrdexText (errdex-text.js), the port of
 * tokenize.py and snippet.py. Only the manifest and the chunks a query needs are
 * fetched; every file is cached for the page's life.
 *
 * Python semantics kept here: keys compare by code point (SQLite's BINARY order on
 * UTF-8), lengths and slices count code points, str.strip/isspace/casefold as Python's.
 *
 * window.ErrdexSearch = { open(manifestUrl, fetchBytes?) -> Promise<Searcher> };
 * searcher.search(query, filters, limit, offset) -> Promise<page> where page is the
 * JSON shape of /api/search (views.search_data): {query, total, limit, offset,
 * truncated, total_exact, hits: [{catalog, space, module, code, name, title, url,
 * score, fields, snippet: {text, marks, field, locale} | null}], suggestions}.
 */
(function (root) {
  "use strict";

  var T = root.ErrdexText;
  var EXACT_SCORE = 1000000.0, NEAR_SCORE = 500000.0;
  var TIERS = [100000.0, 30000.0, 20000.0, 10000.0];
  var COMPLETIONS = 8, MIN_NAME = 4, MAX_SHORT = 300;
  var JOIN_BELOW = 2, MIN_PART = 2, MAX_WORD = 40;
  var K1 = 1.2, B = 0.75, FORMAT = 2;
  var SUGGEST_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789", MAX_SUGGESTIONS = 3;
  var TOP = "\u{10ffff}";
  var SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var SPACE_RUNS = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  var SPACES = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
  var FOLD = { "\u00df": "ss", "\u1e9e": "ss", "\u03c2": "\u03c3", "\u017f": "s", "\ufb00": "ff",
               "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
               "\ufb06": "st" };
  var decoder = new TextDecoder("utf-8");

  /* ---- Python string semantics ------------------------------------------ */

  function pyStrip(text, chars) {
    if (chars === undefined) { return text.replace(SPACES, ""); }
    var a = Array.from(text), i = 0, j = a.length;
    while (i < j && chars.indexOf(a[i]) >= 0) { i++; }
    while (j > i && chars.indexOf(a[j - 1]) >= 0) { j--; }
    return a.slice(i, j).join("");
  }

  function cpLen(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0xd800 || c >= 0xdc00 || i + 1 >= text.length) { n++; }
    }
    return n;
  }

  function casefold(text) {
    var low = T.lower(text), out = "";
    for (var ch of low) { out += FOLD[ch] || ch; }
    return out;
  }

  /* Code point order (UTF-16 order differs for astral characters). */
  function cmp(a, b) {
    if (a === b) { return 0; }
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) {
        var hx = x >= 0xd800 && x < 0xe000, hy = y >= 0xd800 && y < 0xe000;
        if (hx !== hy) { return hx ? 1 : -1; }
        return x < y ? -1 : 1;
      }
    }
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  }

  /* search.message_text: the query as tokenize.message_key writes messages, or null. */
  function messageText(query) {
    var raw = pyStrip(pyStrip(pyStrip(query), "`'\""));
    if (!raw || cpLen(raw) > 200) { return null; }
    return casefold(raw).split(SPACE_RUNS).filter(function (w) { return w !== ""; }).join(" ");
  }

  function reversed(text) { return Array.from(text).reverse().join(""); }

  /* errdex.model.parse_code_query and indexing.code_key. */
  var INT = /^[+-]?[0-9]+$/, HEX = /^[+-]?0[xX][0-9a-fA-F]+$/;
  function codeKeys(raw) {
    var text = pyStrip(raw), keys = [];
    if (INT.test(text)) { keys.push("i" + BigInt(text).toString()); }
    else { keys.push("s" + text.toUpperCase()); }
    var r = pyStrip(pyStrip(pyStrip(raw), "`'\""));
    if (HEX.test(r)) {
      var neg = r.charAt(0) === "-";
      var digits = r.replace(/^[+-]/, "");
      var value = BigInt(digits) * (neg ? -1n : 1n);
      var k = "i" + value.toString();
      if (keys.indexOf(k) < 0) { keys.unshift(k); }
    }
    return keys;
  }

  /* errdex.directory.codequery: a query shaped like a code (AUTH-ERR-99) is never
   * widened to any word; when nothing has it, the closest codes are suggested. */
  var CODE_SHAPE = /^[A-Za-z][A-Za-z0-9]*(?:[-_.:][A-Za-z0-9]+)+$/, CODE_TAIL = /[A-Za-z0-9]+$/;
  var MAX_CODE_DISTANCE = 2, MAX_CODES = 3;
  function exactText(query) {
    var raw = pyStrip(pyStrip(pyStrip(query), "`'\""));
    return raw && cpLen(raw) <= 200 ? raw : null;
  }
  function codeShaped(raw) { return raw !== null && CODE_SHAPE.test(raw) && /[0-9]/.test(raw); }
  function codePrefix(raw) { return raw.replace(CODE_TAIL, "").toUpperCase(); }
  function distance(a, b) {
    a = Array.from(a); b = Array.from(b);
    var previous = [], j;
    for (j = 0; j <= b.length; j++) { previous.push(j); }
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1,
          previous[j - 1] + (a[i - 1] !== b[j - 1] ? 1 : 0)));
      }
      previous = current;
    }
    return previous[b.length];
  }
  /* errdex.model.codes.code_sort_key for a string code, compared */
  function codeOrder(a, b) {
    var ka = stringSortKey(a), kb = stringSortKey(b);
    if (ka[0] !== kb[0]) { return ka[0] - kb[0]; }
    if (ka[1] !== kb[1]) { return ka[1] < kb[1] ? -1 : 1; }
    return cmp(ka[2], kb[2]);
  }
  function stringSortKey(text) {
    var m = /[0-9]+$/.exec(text);
    if (m) { return [1, BigInt(m[0].slice(-4000)), text.slice(0, m.index).toUpperCase()]; }
    return [2, 0n, text.toUpperCase()];
  }
  function closestCodes(raw, codes) {
    var want = raw.toUpperCase(), near = [];
    Array.from(new Set(codes)).forEach(function (c) {
      if (c !== want) { near.push([distance(want, c), c]); }
    });
    near.sort(function (x, y) { return x[0] - y[0] || codeOrder(x[1], y[1]) || cmp(x[1], y[1]); });
    return near.filter(function (n) { return n[0] <= MAX_CODE_DISTANCE; })
      .slice(0, MAX_CODES).map(function (n) { return n[1]; });
  }

  /* ---- decoding -------------------------------------------------------------- */

  function varints(bytes, start, end) {
    var out = [], value = 0, scale = 1;
    for (var i = start || 0, n = end === undefined ? bytes.length : end; i < n; i++) {
      var b = bytes[i];
      value += (b & 0x7f) * scale;
      if (b & 0x80) { scale *= 128; } else { out.push(value); value = 0; scale = 1; }
    }
    return out;
  }

  function entries(bytes) {
    var out = [], at = 0, last = new Uint8Array(0);
    function num() {
      var value = 0, scale = 1, b;
      do { b = bytes[at++]; value += (b & 0x7f) * scale; scale *= 128; } while (b & 0x80);
      return value;
    }
    while (at < bytes.length) {
      var shared = num(), len = num();
      var key = new Uint8Array(shared + len);
      key.set(last.subarray(0, shared), 0);
      key.set(bytes.subarray(at, at + len), shared);
      at += len;
      var plen = num();
      out.push([decoder.decode(key), bytes.subarray(at, at + plen)]);
      at += plen;
      last = key;
    }
    return out;
  }

  function deltas(payload) {
    var out = [], r = 0, v = varints(payload);
    for (var i = 0; i < v.length; i++) { r += v[i]; out.push(r); }
    return out;
  }

  function bisectRight(chunks, key) {
    var lo = 0, hi = chunks.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (cmp(key, chunks[mid][0]) < 0) { hi = mid; } else { lo = mid + 1; }
    }
    return lo;
  }

  function from(chunks, lo) {
    return chunks.slice(Math.max(0, bisectRight(chunks, lo) - 1));
  }

  /* A sorted table: point lookups and key ranges, fetched chunk by chunk. */
  function Table(index, spec) {
    this.index = index;
    this.dirs = spec.dirs || null;
    this.chunks = spec.chunks || null;
    this.loaded = new Map();
  }

  Table.prototype.walk = async function* (lo) {
    if (this.chunks) { yield* from(this.chunks, lo); return; }
    for (var d of from(this.dirs, lo)) {
      var list = await this.index.json(d[1]);
      yield* from(list, lo);
    }
  };

  Table.prototype.entries = async function (name) {
    if (!this.loaded.has(name)) { this.loaded.set(name, entries(await this.index.bytes(name))); }
    return this.loaded.get(name);
  };

  Table.prototype.range = async function (lo, hi) {
    var out = [];
    for await (var c of this.walk(lo)) {
      if (cmp(c[0], hi) > 0) { break; }
      for (var e of await this.entries(c[1])) {
        if (cmp(lo, e[0]) <= 0 && cmp(e[0], hi) <= 0) { out.push(e); }
      }
    }
    return out;
  };

  /* How many chunks may hold keys in [lo, hi] (only directories are fetched). */
  Table.prototype.count = async function (lo, hi) {
    var n = 0;
    for await (var c of this.walk(lo)) {
      if (cmp(c[0], hi) > 0) { break; }
      n++;
    }
    return n;
  };

  Table.prototype.get = async function (key) {
    var found = await this.range(key, key);
    for (var e of found) { if (e[0] === key) { return e[1]; } }
    return null;
  };

  Table.prototype.after = async function (lo, count) {
    var out = [];
    for await (var c of this.walk(lo)) {
      for (var e of await this.entries(c[1])) { if (cmp(e[0], lo) >= 0) { out.push(e); } }
      if (out.length >= count) { break; }
    }
    return out.slice(0, count);
  };

  /* ---- the index --------------------------------------------------------------- */

  function Index(base, manifest, fetchBytes) {
    this.base = base;
    this.m = manifest;
    this.fetchBytes = fetchBytes;
    this.files = new Map();
    this.size = manifest.size;
    this.avgdl = manifest.size ? manifest.tokens / manifest.size : 0;
    this.facetIds = new Map();
    for (var f of manifest.facets) { this.facetIds.set(f[0] + "\u0000" + f[1], String(f[2])); }
    this.tables = {};
    for (var name in manifest.tables) { this.tables[name] = new Table(this, manifest.tables[name]); }
    this.postings = new Map();
    this.lengths = new Map();
    this.knownLengths = new Map();
    this.docBlocks = new Map();
  }

  Index.prototype.bytes = function (name) {
    if (!this.files.has(name)) { this.files.set(name, this.fetchBytes(this.base + name)); }
    return this.files.get(name);
  };

  Index.prototype.json = async function (name) {
    return JSON.parse(decoder.decode(await this.bytes(name)));
  };

  Index.prototype.decode = function (payload) {
    var v = varints(payload), n = v[0], kind = v[1], freq = new Map(), r = 0, i;
    if (kind === 0) {
      for (i = 2; i < 2 + 3 * n; i += 3) {
        r += v[i];
        freq.set(r, v[i + 1]);
        this.knownLengths.set(r, v[i + 2]);
      }
      return { n: n, freq: freq };
    }
    if (kind === 2) {
      for (i = 2; i < v.length; i++) { r += v[i]; freq.set(r, 0); }
      return { n: n, freq: freq };
    }
    var m = v[2], missing = new Set();
    for (i = 3; i < 3 + m; i++) { r += v[i]; missing.add(r); }
    var usual = v[3 + m], e = v[4 + m];
    for (var row = 1; row <= this.size; row++) { if (!missing.has(row)) { freq.set(row, usual); } }
    r = 0;
    for (i = 5 + m; i < 5 + m + 2 * e; i += 2) { r += v[i]; freq.set(r, v[i + 1]); }
    return { n: n, freq: freq };
  };

  Index.prototype.posting = async function (term) {
    if (!this.postings.has(term)) {
      var payload = await this.tables.terms.get(term);
      this.postings.set(term, payload === null ? null : this.decode(payload));
    }
    return this.postings.get(term);
  };

  Index.prototype.prefixPostings = async function (prefix) {
    var out = [];
    for (var e of await this.tables.terms.range(prefix, prefix + TOP + TOP + TOP + TOP)) {
      if (!e[0].startsWith(prefix)) { continue; }
      if (!this.postings.has(e[0])) { this.postings.set(e[0], this.decode(e[1])); }
      out.push(this.postings.get(e[0]));
    }
    return out;
  };

  Index.prototype.count = async function (term) {
    var got = await this.posting(term);
    return got ? got.n : 0;
  };

  /* How many rows hold token `then` right after `first` (the pair's n). */
  Index.prototype.follows = async function (first, then) {
    var payload = await this.tables.pairs.get(first + " " + then);
    return payload === null ? 0 : varints(payload, 0, Math.min(10, payload.length))[0];
  };

  /* Rows where two tokens follow each other: row -> Set of starts (offset << 3 | column). */
  Index.prototype.pair = async function (key) {
    var payload = await this.tables.pairs.get(key), out = new Map();
    if (payload === null) { return out; }
    var v = varints(payload), kind = v[1], i = 2, r = 0, m;
    if (kind === 0) {
      while (i < v.length) {
        r += v[i];
        this.knownLengths.set(r, v[i + 1]);
        m = v[i + 2];
        out.set(r, new Set(v.slice(i + 3, i + 3 + m)));
        i += 3 + m;
      }
      return out;
    }
    m = v[i];
    var missing = new Set();
    for (var j = i + 1; j < i + 1 + m; j++) { r += v[j]; missing.add(r); }
    i += 1 + m;
    var usual = new Set(v.slice(i + 1, i + 1 + v[i]));
    i += 1 + v[i];
    for (var row = 1; row <= this.size; row++) { if (!missing.has(row)) { out.set(row, usual); } }
    var e = v[i];
    i += 1;
    r = 0;
    for (var k = 0; k < e; k++) {
      r += v[i];
      out.set(r, new Set(v.slice(i + 2, i + 2 + v[i + 1])));
      i += 2 + v[i + 1];
    }
    return out;
  };

  Index.prototype.rowids = async function (table, key) {
    var payload = await this.tables[table].get(key);
    return payload === null ? [] : deltas(payload);
  };

  Index.prototype.doc = async function (rowid) {
    var docs = this.m.docs, size = docs.block, block = Math.floor((rowid - 1) / size);
    if (!this.docBlocks.has(block)) {
      var group = docs.groups[Math.floor(block / docs.group)];
      this.docBlocks.set(block, this.json("d." + group + "." + block + ".json"));
    }
    return (await this.docBlocks.get(block))[(rowid - 1) % size];
  };

  Index.prototype.length = async function (rowid) {
    if (this.knownLengths.has(rowid)) { return this.knownLengths.get(rowid); }
    var spec = this.m.lengths, block = Math.floor((rowid - 1) / spec.block);
    if (!this.lengths.has(block)) { this.lengths.set(block, varints(await this.bytes(spec.files[block]))); }
    return this.lengths.get(block)[(rowid - 1) % spec.block];
  };

  /* ---- filters (search.Filters) ------------------------------------------------ */

  function pairsOf(filters) {
    var out = [];
    ["catalog", "module", "space"].forEach(function (kind) {
      if (filters[kind] !== undefined && filters[kind] !== null) { out.push([kind, String(filters[kind])]); }
    });
    if (filters.http_status !== undefined && filters.http_status !== null) {
      out.push(["http_status", String(filters.http_status)]);
    }
    if (filters.retryable !== undefined && filters.retryable !== null) {
      out.push(["retryable", filters.retryable ? "1" : "0"]);
    }
    if (filters.locale) { out.push(["locale", T.tag(filters.locale)]); }
    return out;
  }

  function accepts(filters, doc) {
    var has = function (k) { return filters[k] !== undefined && filters[k] !== null; };
    return (!has("catalog") || filters.catalog === doc[0]) &&
      (!has("module") || filters.module === doc[3]) &&
      (!has("space") || filters.space === doc[2]) &&
      (!has("http_status") || filters.http_status === doc[8]) &&
      (!has("retryable") || filters.retryable === doc[9] ||
        (doc[16] || []).indexOf(filters.retryable) >= 0) &&
      (!filters.locale || doc[11].indexOf("|" + T.tag(filters.locale) + "|") >= 0);
  }

  /* ---- the search (search.SearchIndex.search) ------------------------------------ */

  function Searcher(index) { this.index = index; }

  /* search.SearchIndex.search: the page, and when nothing matched, the suggestions. */
  Searcher.prototype.search = async function (query, filters, limit, offset) {
    var page = await this.searchOnly(query, filters, limit, offset);
    page.suggestions = page.total || !pyStrip(query) ? [] : await this.suggestions(query, filters || {});
    return page;
  };

  /* typo.one_edit over SUGGEST_ALPHABET, as a set (never the word itself). */
  function oneEdits(word) {
    var out = new Set(), n = word.length, i, c;
    for (i = 0; i < n; i++) {
      out.add(word.slice(0, i) + word.slice(i + 1));
      if (i + 1 < n) { out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)); }
      for (c of SUGGEST_ALPHABET) { if (c !== word[i]) { out.add(word.slice(0, i) + c + word.slice(i + 1)); } }
    }
    for (i = 0; i <= n; i++) {
      for (c of SUGGEST_ALPHABET) { out.add(word.slice(0, i) + c + word.slice(i)); }
    }
    out.delete(word);
    return out;
  }

  /* search.SearchIndex.suggestions (suggest.corrections, then suggest.suggestions): the
   * query with its misspelt words corrected, only those that find something. */
  Searcher.prototype.suggestions = async function (query, filters) {
    var raw = exactText(query);
    if (codeShaped(raw)) {
      var low = "s" + codePrefix(raw), codes = [];
      for (var e of await this.index.tables.codes.range(low, low + TOP)) {
        if (e[0].startsWith(low)) { codes.push(e[0].slice(1)); }
      }
      var shown = [];
      for (var code of closestCodes(raw, codes)) {
        if ((await this.searchOnly(code, filters, 0, 0)).total) { shown.push(code); }
      }
      return shown;
    }
    var ix = this.index, parsed = T.terms(query), found = parsed.terms, last = found.length - 1;
    var inside = new Set(), fixes = new Map(), i;
    parsed.quoted.forEach(function (sp) { for (var j = sp[0]; j < sp[1]; j++) { inside.add(j); } });
    for (i = 0; i < found.length; i++) {
      var t = found[i], word = T.fold(t.text);
      if (t.cjk || inside.has(i) || !/^[A-Za-z]+$/.test(word) || word.length < MIN_NAME) { continue; }
      if (await ix.count(T.stem(word))) { continue; }
      if (i === last && T.prefixLast(parsed)) {
        var next = await ix.tables.words.after(word, 1);
        if (next.length && next[0][0].startsWith(word)) { continue; }
      }
      var counts = new Map();
      for (var c of Array.from(oneEdits(word)).sort(cmp)) {
        var payload = await ix.tables.words.get(c);
        if (payload === null) { continue; }
        var n = await ix.count(decoder.decode(payload) || c);
        if (n) { counts.set(c, n); }
      }
      if (counts.size) {
        fixes.set(i, Array.from(counts.keys()).sort(function (a, b) {
          return counts.get(b) - counts.get(a) || cmp(a, b);
        }));
      }
    }
    if (!fixes.size) { return []; }
    var words = found.map(function (f) { return f.text; }), queries = [];
    var withFix = function (fix) { return words.map(function (w, k) { return fix.has(k) ? fix.get(k) : w; }).join(" "); };
    if (fixes.size === 1) {
      var at = Array.from(fixes.keys())[0];
      fixes.get(at).slice(0, MAX_SUGGESTIONS).forEach(function (w) { queries.push(withFix(new Map([[at, w]]))); });
    } else {
      var best = new Map();
      fixes.forEach(function (list, k) { best.set(k, list[0]); });
      queries.push(withFix(best));
    }
    var out = [];
    for (var q of queries) {
      if ((await this.searchOnly(q, filters, 0, 0)).total) { out.push(q); }
    }
    return out;
  };

  Searcher.prototype.searchOnly = async function (query, filters, limit, offset) {
    var ix = this.index;
    filters = filters || {};
    limit = Math.max(0, limit === undefined ? 20 : limit);
    offset = Math.max(0, offset || 0);
    var parsed = T.terms(query), found = parsed.terms;
    var first = new Map(), rowid, i;
    var exact = pyStrip(query) ? await this.exact(query) : [];
    var near = exact.length ? [] : await this.near(query);
    var lists = [[exact, EXACT_SCORE], [near, NEAR_SCORE]];
    for (var l of lists) {
      for (rowid of l[0]) {
        if (!first.has(rowid)) {
          var doc = await ix.doc(rowid);
          if (accepts(filters, doc)) { first.set(rowid, l[1]); }
        }
      }
    }
    var facets = this.facets(filters), span = this.span(filters);
    var restOffset = Math.max(0, offset - first.size);
    var restLimit = Math.max(0, limit - Math.max(0, first.size - offset));
    var rows = [], total = 0, lastStems = [];
    if (span === null || facets === null) {
      /* a filter value no entry has */
    } else if (!found.length && !facets.length) {
      return this.page(query, [], 0, limit, offset, parsed.truncated, null, filters);
    } else {
      var completions = found.length && !found[found.length - 1].cjk && T.prefixLast(parsed) ?
        await this.completions(found[found.length - 1]) : null;
      parsed.joined = await this.joins(parsed, completions);
      lastStems = completions || [];
      var skip = new Set(first.keys()), said = messageText(query);
      var got = await this.match(parsed, false, completions, said, facets, span, skip, restLimit, restOffset);
      /* search.any_term_retry: only when no entry has every word, the pinned exact
       * matches (which the tiers skip) included */
      if (got[1] === 0 && first.size === 0 && !codeShaped(exactText(query)) &&
          (found.length > 1 || (found.length && cpLen(found[0].text) > 2))) {
        got = await this.match(parsed, true, completions, said, facets, span, skip, restLimit, restOffset);
      }
      rows = got[0];
      total = got[1];
    }
    var hits = [];
    var firsts = Array.from(first.entries()).slice(offset, offset + limit);
    for (i = 0; i < firsts.length; i++) { hits.push([firsts[i][0], firsts[i][1]]); }
    for (i = 0; i < rows.length; i++) { hits.push([rows[i][0], Number(rows[i][1].toFixed(4))]); }
    var marked = T.markedTerms(parsed);
    var pattern = T.highlighter(marked.terms, lastStems, marked.prefixLast);
    return this.page(query, hits, first.size + total, limit, offset, parsed.truncated, pattern, filters);
  };

  Searcher.prototype.page = async function (query, hits, total, limit, offset, truncated, pattern, filters) {
    var out = [];
    for (var h of hits) {
      var doc = await this.index.doc(h[0]);
      out.push(hitData(doc, h[1], T.snippetOf(doc, pattern, filters.locale || null), filters));
    }
    return { query: query, total: total, limit: limit, offset: offset, truncated: truncated,
             total_exact: true, hits: out };
  };

  function hitData(doc, score, cut, filters) {
    var snippet = cut.snippet, shown = null;
    if (snippet) {
      var text = Array.from(snippet.text);
      shown = { text: text.slice(0, MAX_SHORT * 2).join(""),
                marks: snippet.marks.filter(function (m) { return m[1] <= MAX_SHORT * 2; }),
                field: snippet.field, locale: snippet.locale };
    }
    return { catalog: doc[0], space: doc[2], module: doc[3], code: doc[4], name: doc[5],
             title: doc[6], status: doc[7], http_status: doc[8], retryable: doc[9],
             retryable_for_messages: doc[16] || [], url: doc[10], texts: doc[14], score: score, fields: cut.fields, snippet: shown };
  }

  Searcher.prototype.exact = async function (query) {
    var raw = pyStrip(pyStrip(pyStrip(query), "`'\""));
    if (!raw || cpLen(raw) > 200) { return []; }
    var found = [];
    for (var key of codeKeys(raw)) { found = found.concat(await this.index.rowids("codes", key)); }
    found = found.concat(await this.index.rowids("names", casefold(raw)));
    return this.byCatalog(Array.from(new Set(found)));
  };

  Searcher.prototype.near = async function (query) {
    var raw = pyStrip(pyStrip(pyStrip(query), "`'\""));
    if (!raw || cpLen(raw) > 100 || SPACE.test(raw)) { return []; }
    var word = casefold(raw), chars = Array.from(word);
    if (chars.length < MIN_NAME) { return []; }
    /* A name one edit away keeps the query's first h characters or all after the h+1st,
     * for any h: take the h whose two ranges span the fewest chunks. */
    var tables = this.index.tables, best = null, bestH = 0, h, head, tail, e;
    var FAR = TOP + TOP + TOP + TOP;
    for (h = 1; h < chars.length - 1; h++) {
      head = chars.slice(0, h).join("");
      tail = reversed(chars.slice(h + 1).join(""));
      var cost = (await tables.names.count(head, head + FAR)) + (await tables.rnames.count(tail, tail + FAR));
      if (best === null || cost < best) { best = cost; bestH = h; }
    }
    head = chars.slice(0, bestH).join("");
    tail = reversed(chars.slice(bestH + 1).join(""));
    var names = new Map();
    for (e of await tables.names.range(head, head + FAR)) {
      if (e[0].startsWith(head) && oneEdit(chars, Array.from(e[0]))) { names.set(e[0], deltas(e[1])); }
    }
    for (e of await tables.rnames.range(tail, tail + FAR)) {
      var name = reversed(e[0]);
      if (e[0].startsWith(tail) && oneEdit(chars, Array.from(name))) { names.set(name, deltas(e[1])); }
    }
    var out = [];
    Array.from(names.keys()).sort(cmp).forEach(function (n) { out = out.concat(names.get(n)); });
    return this.byCatalog(out);
  };

  /* typo.one_edit's edits (delete, insert, replace, swap neighbours), never equal. */
  function oneEdit(a, b) {
    var n = a.length, m = b.length, i = 0;
    if (Math.abs(n - m) > 1) { return false; }
    while (i < Math.min(n, m) && a[i] === b[i]) { i++; }
    if (n === m && i === n) { return false; }
    var same = function (x, xi, y, yi) {
      if (x.length - xi !== y.length - yi) { return false; }
      for (; xi < x.length; xi++, yi++) { if (x[xi] !== y[yi]) { return false; } }
      return true;
    };
    if (n === m) {
      if (same(a, i + 1, b, i + 1)) { return true; }
      return i + 1 < n && a[i] === b[i + 1] && a[i + 1] === b[i] && same(a, i + 2, b, i + 2);
    }
    return n > m ? same(a, i + 1, b, i) : same(a, i, b, i + 1);
  }

  Searcher.prototype.byCatalog = function (rowids) {
    if (rowids.length < 2) { return rowids; }
    var bounds = [], end = 0;
    this.index.m.catalogs.forEach(function (c) { end += c[1]; bounds.push(end); });
    var place = function (r) { for (var i = 0; i < bounds.length; i++) { if (r <= bounds[i]) { return i; } } return bounds.length; };
    return rowids.map(function (r, i) { return [place(r), i, r]; })
      .sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; })
      .map(function (x) { return x[2]; });
  };

  Searcher.prototype.facets = function (filters) {
    var out = [];
    for (var p of pairsOf(filters)) {
      var token = this.index.facetIds.get(p[0] + "\u0000" + p[1]);
      if (token === undefined) { return null; }
      out.push(token);
    }
    return out;
  };

  Searcher.prototype.span = function (filters) {
    var lo = 1, hi = this.index.size, ranges = this.index.m.ranges;
    for (var kind of ["catalog", "module", "space"]) {
      var value = filters[kind];
      if (value !== undefined && value !== null) {
        var got = Object.prototype.hasOwnProperty.call(ranges[kind], value) ? ranges[kind][value] : null;
        if (got === null) { return null; }
        lo = Math.max(lo, got[0]);
        hi = Math.min(hi, got[1]);
      }
    }
    return lo <= hi ? [lo, hi] : null;
  };

  Searcher.prototype.completions = async function (last) {
    var word = T.fold(last.text), window = COMPLETIONS * 8;
    var rows = await this.index.tables.words.after(word, window + 1);
    var found = new Set(), stopped = false;
    for (var i = 0; i < Math.min(window, rows.length); i++) {
      if (!rows[i][0].startsWith(word)) { stopped = true; break; }
      var stemmed = decoder.decode(rows[i][1]);
      found.add(stemmed || rows[i][0]);
    }
    if (!stopped && rows.length > window) { return null; }
    var own = T.stem(word);
    if (await this.index.count(own)) { found.add(own); }
    return found.size <= COMPLETIONS ? Array.from(found) : null;
  };

  function grams(text) {
    var chars = Array.from(text), out = [];
    for (var j = 0; j + 1 < chars.length; j++) { out.push(chars[j] + chars[j + 1]); }
    return out;
  }

  /* Rows holding the tokens one after another in a column -> summed column weights. */
  Searcher.prototype.phrase = async function (tokens) {
    var ix = this.index;
    if (tokens.length === 1) {
      var got = await ix.posting(tokens[0]);
      return got ? new Map(got.freq) : new Map();
    }
    var weights = ix.m.weights, pairs = [];
    for (var i = 0; i + 1 < tokens.length; i++) { pairs.push(await ix.pair(tokens[i] + " " + tokens[i + 1])); }
    var out = new Map();
    pairs[0].forEach(function (starts, row) {
      var rest = [];
      for (var k = 1; k < pairs.length; k++) { rest.push(pairs[k].get(row)); }
      var f = 0, hit = false;
      Array.from(starts).sort(function (a, b) { return a - b; }).forEach(function (at) {
        for (var k = 0; k < rest.length; k++) {
          if (rest[k] === undefined || !rest[k].has(at + (k + 1) * 8)) { return; }
        }
        hit = true;
        f += weights[at & 7];
      });
      if (hit) { out.set(row, f); }
    });
    return out;
  };

  Searcher.prototype.prefix = async function (prefix) {
    var out = new Map();
    for (var got of await this.index.prefixPostings(prefix)) {
      got.freq.forEach(function (f, r) { out.set(r, (out.get(r) || 0) + f); });
    }
    return out;
  };

  /* joins.joins: the words also searched as the words they join (camel case, or a word
   * in (almost) no entry cut in two). */
  Searcher.prototype.joins = async function (parsed, completions) {
    var found = parsed.terms, ix = this.index, last = found.length - 1, out = [];
    var inside = new Set();
    parsed.quoted.forEach(function (sp) { for (var j = sp[0]; j < sp[1]; j++) { inside.add(j); } });
    for (var i = 0; i < found.length; i++) {
      var t = found[i];
      if (t.cjk || inside.has(i)) { continue; }
      var word = T.fold(t.text), camel = T.camelParts(t.text);
      var cuttable = word.length >= 2 * MIN_PART && word.length <= MAX_WORD && /^[A-Za-z]+$/.test(word);
      if (camel === null && !cuttable) { continue; }
      var hits = 0;
      if (i === last && T.prefixLast(parsed)) {
        if (completions === null || completions === undefined) { hits = null; }
        else { for (var w of completions) { hits += await ix.count(w); } }
      } else {
        hits = await ix.count(T.stem(word));
      }
      if (camel !== null) {
        out.push({ term: i, parts: camel, keep: hits === null || hits > 0 });
        continue;
      }
      if (hits === null || hits >= JOIN_BELOW) { continue; }
      var best = null;
      for (var at = MIN_PART; at <= word.length - MIN_PART; at++) {
        var left = word.slice(0, at), right = word.slice(at);
        var a = T.stem(left), b = T.stem(right);
        if (!(await ix.count(a)) || !(await ix.count(b))) { continue; }
        var rows = await ix.follows(a, b);
        if (rows && (best === null || rows > best[0])) { best = [rows, left, right]; }
      }
      if (best !== null) { out.push({ term: i, parts: [best[1], best[2]], keep: hits > 0 }); }
    }
    return out;
  };

  Searcher.prototype.phrases = async function (parsed, anyTerm, completions) {
    var found = parsed.terms, groups = [], last = found.length - 1;
    var spans = new Map(), inside = new Set(), joins = new Map();
    parsed.joined.forEach(function (j) { joins.set(j.term, j); });
    parsed.quoted.forEach(function (sp) {
      spans.set(sp[0], sp[1]);
      for (var j = sp[0]; j < sp[1]; j++) { inside.add(j); }
    });
    for (var i = 0; i < found.length; i++) {
      var t = found[i];
      if (spans.has(i)) {
        var part = found.slice(i, spans.get(i));
        if (part.length === 1 && part[0].cjk && cpLen(part[0].text) === 1) {
          groups.push([await this.prefix(part[0].text)]);
        } else {
          groups.push([await this.phrase(T.phraseTokens(part))]);
        }
        continue;
      }
      if (inside.has(i)) { continue; }
      if (joins.has(i)) {
        var join = joins.get(i);
        var both = await this.phrase(join.parts.map(function (p) { return T.stem(p); }));
        var alternatives = join.keep ? await this.word(t, i === last, completions) : [];
        alternatives.push(both);
        groups.push(alternatives);
        continue;
      }
      if (t.cjk) {
        if (cpLen(t.text) === 1) { groups.push([await this.prefix(t.text)]); continue; }
        var g = grams(t.text);
        if (anyTerm && g.length > 1) {
          var group = [];
          for (var one of g) { group.push(await this.phrase([one])); }
          groups.push(group);
        } else {
          groups.push([await this.phrase(g)]);
        }
        continue;
      }
      groups.push(await this.word(t, i === last, completions));
    }
    return groups;
  };

  /* The phrases of one unquoted word (OR'ed): the last word's completions, else its prefix
   * (and stem), else its stem. */
  Searcher.prototype.word = async function (t, isLast, completions) {
    var folded = T.fold(t.text);
    if (isLast && completions && completions.length) {
      var list = [];
      for (var w of completions) { list.push(await this.phrase([w])); }
      return list;
    }
    if (isLast) {
      var stemmed = T.stem(folded);
      if (stemmed !== folded && !stemmed.startsWith(folded)) {
        return [await this.prefix(folded), await this.phrase([stemmed])];
      }
      return [await this.prefix(folded)];
    }
    return [await this.phrase([T.stem(folded)])];
  };

  function idf(rows, hits) {
    var value = Math.log((rows - hits + 0.5) / (hits + 0.5));
    return value > 0.0 ? value : 1e-6;
  }

  Searcher.prototype.match = async function (parsed, anyTerm, completions, said, facets, span, skip, limit, offset) {
    var ix = this.index, r, i, found = parsed.terms, joined = parsed.joined;
    var lastJoined = joined.length > 0 && joined[joined.length - 1].term === found.length - 1;
    if (completions && completions.length === 0 && found.length && !lastJoined) {
      if (!anyTerm) { return [[], 0]; }
      completions = null;
    }
    var groups = await this.phrases(parsed, anyTerm, completions);
    var rows = null;
    groups.forEach(function (group) {
      var these = new Set();
      group.forEach(function (p) { p.forEach(function (_, row) { these.add(row); }); });
      if (rows === null) { rows = these; }
      else if (anyTerm) { these.forEach(function (row) { rows.add(row); }); }
      else { rows = new Set(Array.from(rows).filter(function (row) { return these.has(row); })); }
    });
    for (var token of facets) {
      var got = await ix.posting(token);
      var facetRows = got ? got.freq : new Map();
      rows = rows === null ? new Set(facetRows.keys()) :
        new Set(Array.from(rows).filter(function (row) { return facetRows.has(row); }));
    }
    var matched = Array.from(rows).filter(function (row) {
      return row >= span[0] && row <= span[1] && !skip.has(row);
    }).sort(function (a, b) { return a - b; });
    var total = matched.length;
    if (!limit || offset >= total) { return [[], total]; }
    if (!found.length) {
      return [matched.slice(offset, offset + limit).map(function (row) { return [row, 0.0]; }), total];
    }
    var split = T.splitTerms(parsed), key = T.key(split);
    var message = new Set(said ? await ix.rowids("messages", said) : []);
    var exact = new Set(await ix.rowids("keys", key)), starts = new Set();
    for (var e of await ix.tables.keys.range(key + " ", key + " " + TOP)) {
      if (cmp(key + " ", e[0]) < 0 && cmp(e[0], key + " " + TOP) < 0) {
        deltas(e[1]).forEach(function (row) { starts.add(row); });
      }
    }
    var phraseRows = new Map();
    if (split.length >= 2) { phraseRows = await this.phrase(T.phraseTokens(split)); }
    var common = !parsed.quoted.length && !joined.length && await this.allCommon(found, completions);
    var phrases = [];
    groups.forEach(function (group) { group.forEach(function (p) { phrases.push(p); }); });
    var idfs = phrases.map(function (p) { return idf(ix.size, p.size); });
    var scored = [];
    for (i = 0; i < matched.length; i++) {
      r = matched[i];
      var bonus = (TIERS[0] * (message.has(r) ? 1 : 0) + TIERS[1] * (exact.has(r) ? 1 : 0) +
        TIERS[2] * (starts.has(r) ? 1 : 0)) + TIERS[3] * (phraseRows.has(r) ? 1 : 0);
      var s;
      if (common) {
        s = bonus;
      } else {
        var d = await ix.length(r), score = 0.0;
        for (var p = 0; p < phrases.length; p++) {
          var f = phrases[p].get(r) || 0;
          score += idfs[p] * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * d / ix.avgdl)));
        }
        s = bonus - (-1.0 * score);
      }
      scored.push([s, r]);
    }
    scored.sort(function (x, y) { return y[0] - x[0] || x[1] - y[1]; });
    return [scored.slice(offset, offset + limit).map(function (x) { return [x[1], x[0]]; }), total];
  };

  Searcher.prototype.allCommon = async function (found, completions) {
    var half = this.index.size / 2;
    for (var i = 0; i < found.length; i++) {
      var term = found[i];
      if (term.cjk) { return false; }
      if (i === found.length - 1 && completions !== null && completions !== undefined) {
        if (!completions.length) { return false; }
        var least = Infinity;
        for (var w of completions) { least = Math.min(least, await this.index.count(w)); }
        if (least <= half) { return false; }
      } else if (i === found.length - 1 || await this.index.count(T.stem(T.fold(term.text))) <= half) {
        return false;
      }
    }
    return true;
  };

  /* ---- opening ------------------------------------------------------------------ */

  function fetchBytes(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error("search index " + r.status + ": " + url); }
      return r.arrayBuffer();
    }).then(function (buffer) { return new Uint8Array(buffer); });
  }

  async function open(manifestUrl, fetcher) {
    fetcher = fetcher || fetchBytes;
    var base = manifestUrl.slice(0, manifestUrl.lastIndexOf("/") + 1);
    var manifest = JSON.parse(decoder.decode(await fetcher(manifestUrl)));
    if (manifest.format !== FORMAT) { throw new Error("search index format " + manifest.format); }
    return new Searcher(new Index(base, manifest, fetcher));
  }

  var api = { open: open, oneEdit: oneEdit, cmp: cmp, casefold: casefold, codeKeys: codeKeys,
              messageText: messageText };
  root.ErrdexSearch = api;
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
})(typeof globalThis !== "undefined" ? globalThis : this);
