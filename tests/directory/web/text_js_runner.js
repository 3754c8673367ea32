/* Runs calls of errdex-text.js for tests/directory/web/test_text_js.py.
 *
 * usage: node text_js_runner.js SCRIPT < calls.json > results.json
 * calls.json is a list of [op, ...args]; each result is {"ok": value} or
 * {"error": message}, in order.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const T = require(process.argv[2]);

function found(list) {
  return list.map(([text, cjk]) => ({ text, cjk }));
}

function termsOut(result) {
  return [result.terms.map((t) => [t.text, t.cjk]), result.truncated, result.quoted,
    T.prefixLast(result)];
}

function snippetOut(result) {
  const s = result.snippet;
  return [s === null ? null : [s.text, s.marks, s.field, s.locale], result.fields];
}

/* sha256 of the results of `each` for every code point of [first, last], each result
 * followed by U+0001 (the same text Python hashes). */
function digest(first, last, each) {
  const hash = crypto.createHash("sha256");
  for (let cp = first; cp <= last; cp++) {
    if (cp >= 0xd800 && cp < 0xe000) { continue; }
    hash.update(each(String.fromCodePoint(cp)) + "\u0001", "utf8");
  }
  return hash.digest("hex");
}

/* What one code point gives: fold, lower (and the sigma next to it), words, terms,
 * plain and oneLine around it, stem; mirrored by probe() in test_text_js.py. */
const PROBES = {
  all: (ch) =>
    [
      T.fold(ch),
      T.fold("A" + ch + "\u03a3"),
      T.lower(ch) + "|" + T.lower("A" + ch + "\u03a3") + "|" + T.lower("A\u03a3" + ch),
      T.words("a" + ch + "b").join(" "),
      termsOut(T.terms("a" + ch + "\u767d" + ch))[0].map((t) => t.join(":")).join(" "),
      T.plain("*a" + ch + "*" + ch + "*b*") + "|" + T.plain("_" + ch + "_ __a" + ch + "__"),
      T.oneLine("a " + ch + "\t b" + ch),
      T.tag(ch + "zh_CN" + ch),
    ].join("\u0002"),
};

const OPS = {
  snowball: (words) => words.map(T.snowball),
  stem: (words) => words.map(T.stem),
  fold: (texts) => texts.map(T.fold),
  lower: (texts) => texts.map(T.lower),
  terms: (texts) => texts.map((q) => termsOut(T.terms(q))),
  key: (texts) => texts.map((q) => T.key(T.terms(q).terms)),
  textKey: (texts) => texts.map(T.textKey),
  segment: (texts) => {
    const vocabulary = new Map();
    const out = texts.map((t) => T.segment(t, vocabulary));
    return [out, Object.fromEntries(vocabulary)];
  },
  words: (texts) => texts.map(T.words),
  splitIdentifier: (names) => names.map(T.splitIdentifier),
  plain: (texts) => texts.map(T.plain),
  tag: (texts) => texts.map(T.tag),
  fts: (texts) =>
    texts.map((q) => {
      const parsed = T.terms(q);
      const f = parsed.terms;
      return [
        T.matchExpression(f),
        T.matchExpression(f, { anyTerm: true }),
        T.matchExpression(f, { prefixLast: false }),
        T.matchExpression(f, { lastWords: ["alpha", "beta"] }),
        T.phraseExpression(f),
        T.phraseExpression(f, "title"),
        T.matchExpression(f, { quoted: parsed.quoted, prefixLast: T.prefixLast(parsed) }),
        T.matchExpression(f, { quoted: parsed.quoted, anyTerm: true }),
        T.phraseTokens(f).join(" "),
      ];
    }),
  highlight: (cases) =>
    cases.map(([terms, lastStems, texts]) => {
      const h = T.highlighter(found(terms), lastStems);
      return texts.map((t) => (h === null ? null : [h.spans(t), h.search(t)]));
    }),
  snippet: (cases, sources) =>
    cases.map(([terms, lastStems, locale, prefixLast]) => {
      const h = T.highlighter(found(terms), lastStems, prefixLast);
      return sources.map((s) => snippetOut(T.snippetOf(s, h, locale)));
    }),
  unitMarks: (cases) => cases.map(([text, marks]) => T.unitMarks(text, marks)),
  digest: (probe, first, last, block) => {
    const out = [];
    for (let a = first; a <= last; a += block) {
      out.push(digest(a, Math.min(a + block - 1, last), PROBES[probe]));
    }
    return out;
  },
  probe: (probe, first, last) => {
    const out = [];
    for (let cp = first; cp <= last; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) { continue; }
      out.push(PROBES[probe](String.fromCodePoint(cp)));
    }
    return out;
  },
  time: (words, rounds) => {
    const times = [];
    for (let r = 0; r < rounds; r++) {
      const start = process.hrtime.bigint();
      for (const w of words) { T.snowball(w); }
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return times;
  },
};

const calls = JSON.parse(fs.readFileSync(0, "utf8"));
const results = calls.map(([op, ...args]) => {
  try {
    return { ok: OPS[op](...args) };
  } catch (err) {
    return { error: op + ": " + (err && err.stack ? err.stack : String(err)) };
  }
});
process.stdout.write(JSON.stringify(results));
