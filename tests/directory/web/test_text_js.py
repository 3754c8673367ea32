"""errdex-text.js against the Python it replays: stems, terms, keys, marks and snippets.

The static site searches with ``static/errdex-text.js``; the server with
:mod:`errdex.directory.tokenize` and :mod:`errdex.directory.snippet`. Every test
runs one batch of calls under node (``text_js_runner.js``) and compares each
result with the Python function's, on real data: the Snowball reference
vocabulary, every text of the five example catalogs crossed with the judged
queries, every code point, and generated Unicode strings.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from errdex.directory import Registry, joins, tokenize
from errdex.directory.plain import plain
from errdex.directory.snippet import SnippetSource, entry_texts, extra_text, snippet_of, tag
from errdex.directory.web import texttables

try:
    from Stemmer import Stemmer
except ImportError:  # pragma: no cover - PyStemmer is a dependency of errdex
    Stemmer = None

HERE = Path(__file__).parent
RUNNER = HERE / "text_js_runner.js"
VOCABULARY = HERE / "snowball_english.txt"
JUDGED = HERE.parent / "judged_queries.toml"
SCRIPT = texttables.SCRIPT
NODE = shutil.which("node")

NEEDS_NODE = pytest.mark.skipif(
    NODE is None,
    reason="node is not installed: errdex-text.js (the static site's search) is tested under node",
)

EXTRA_QUERIES = [
    "白名单 whitelist",
    "请求 rate limit",
    "限",
    "令牌过期 token",
    "tokeni",
    "limi",
    "rate limited",
    "ERR-10",
    "invalidJWT",
    "Straße",
    "İstanbul",
    "ΟΔΟΣ",
    "ﬁle ＡＰＩ",
    "café",
    "𠀀𠀁 emoji 😀",
    "a" * 300,
    " ".join(["word"] * 20),
    '"rate limit" exceeded',
    'exceeded "rate limit"',
    '"限" "白名单 whitelist" “请求 rate” x',
    '"unclosed rate limit',
    '"a" b "" c "d e"',
    '"请求速率" "限制',
    "apikey",
    "invalidjwt token",
    "toomany requests",
    " ".join(["w"] * 14) + ' "x y z"',
]
"""Chinese, mixed, prefix, case and width queries beside the judged ones."""

MIXED_TEXTS = [
    "𠀀𠀁 token 😀 tokens limited, 白名单😀限制 rate limited",
    "**请求速率** 超过限制 (rate limit): `tokenizer` 👩\u200d💻 [文档](https://x.example/a)",
    "😀" * 70 + " the rate limit was hit by 𠀀 token refresh " + "𠀁" * 90 + " 令牌过期",
    "ΟΔΟΣ Σοφία straße STRASSE ﬁle Ｆｉｌｅ İstanbul café cafe\u0301",
    "**`retry`** after *__backoff__* [**the `docs`**](https://x.example) `**raw**` **a *b* c**",
]
"""Chinese, mixed, astral and cased texts beside the catalogs' (spans count code points)."""

LOCALES = [None, "en", "zh", "zh_CN ", "ZH-cn", "fr"]


def script_tables() -> str | None:
    """The Unicode version of the script's tables."""
    found = re.search(r'UNICODE: "([^"]*)"', SCRIPT.read_text(encoding="utf-8"))
    return found.group(1) if found else None


SAME_UNICODE = pytest.mark.skipif(
    script_tables() != unicodedata.unidata_version,
    reason=f"errdex-text.js has the tables of Unicode {script_tables()}, this Python has "
    f"{unicodedata.unidata_version}: run python -m errdex.directory.web.texttables",
)


def run_js(*calls: list[Any]) -> list[Any]:
    """The results of ``calls`` (``[op, *args]``) in one node run."""
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(RUNNER), str(SCRIPT)],
        input=json.dumps(calls, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    errors = [r["error"] for r in results if "error" in r]
    assert not errors, errors
    return [r["ok"] for r in results]


def assert_same(name: str, inputs: list[Any], js: list[Any], py: list[Any]) -> None:
    """JS and Python agree on every input; else the first differences, readable."""
    assert len(js) == len(py), (name, len(js), len(py))
    wrong = [(i, p, j) for i, p, j in zip(inputs, py, js, strict=True) if p != j]
    assert not wrong, f"{name}: {len(wrong)} of {len(py)} differ, e.g. " + "; ".join(
        f"{i!r}: python {p!r}, js {j!r}" for i, p, j in wrong[:5]
    )


# ---- what Python gives, in the runner's shapes ------------------------------------


def py_terms(query: str) -> list[Any]:
    parsed = tokenize.parse(query)
    assert (parsed.terms, parsed.truncated) == tokenize.terms(query)
    quoted = [list(span) for span in parsed.quoted]
    return [[[t.text, t.cjk] for t in parsed.terms], parsed.truncated, quoted, parsed.prefix_last]


def py_segment(texts: list[str]) -> list[Any]:
    vocabulary: dict[str, str] = {}
    return [[tokenize.segment(t, vocabulary) for t in texts], vocabulary]


def py_fts(query: str) -> list[str | None]:
    parsed = tokenize.parse(query)
    found = parsed.terms
    return [
        tokenize.match_expression(found),
        tokenize.match_expression(found, any_term=True),
        tokenize.match_expression(found, prefix_last=False),
        tokenize.match_expression(found, last_words=["alpha", "beta"]),
        tokenize.phrase_expression(found),
        tokenize.phrase_expression(found, "title"),
        tokenize.match_expression(found, quoted=parsed.quoted, prefix_last=parsed.prefix_last),
        tokenize.match_expression(found, quoted=parsed.quoted, any_term=True),
        " ".join(tokenize.phrase_tokens(found)),
    ]


def py_highlight(terms: list[list[Any]], last_stems: list[str], texts: list[str]) -> list[Any]:
    found = [tokenize.Term(t, c) for t, c in terms]
    h = tokenize.highlighter(found, last_stems=last_stems)
    return [None if h is None else [[list(s) for s in h.spans(t)], h.search(t)] for t in texts]


def source_of(data: list[Any]) -> SnippetSource:
    code, name, texts, extra = data[12:16] if len(data) > 4 else data  # a record, or its source
    return SnippetSource(code, name, tuple((f, loc, t) for f, loc, t in texts), extra)


def py_snippets(
    terms: list[list[Any]], last_stems: list[str], locale: str | None, sources: list[list[Any]]
) -> list[Any]:
    found = [tokenize.Term(t, c) for t, c in terms]
    h = tokenize.highlighter(found, last_stems=last_stems)
    out = []
    for data in sources:
        snippet, fields = snippet_of(source_of(data), h, locale)
        shown = (
            None
            if snippet is None
            else [snippet.text, [list(m) for m in snippet.marks], snippet.field, snippet.locale]
        )
        out.append([shown, list(fields)])
    return out


Check = tuple[str, list[Any], list[Any], list[Any]]
"""One comparison: its label, the runner call (``[op, *args]``), the inputs shown when
it differs, and Python's answers."""


def assert_js_agrees(checks: list[Check]) -> None:
    """Run every check's call in one node run; JS must answer each as Python does."""
    js = run_js(*[call for _, call, _, _ in checks])
    for (label, _, inputs, py), answers in zip(checks, js, strict=True):
        assert_same(label, inputs, answers, py)


def text_checks(texts: list[str]) -> list[Check]:
    """How ``texts`` split into terms, keys, segments and words, Python's answers."""
    return [
        ("terms", ["terms", texts], texts, [py_terms(t) for t in texts]),
        ("key", ["key", texts], texts, [tokenize.key(tokenize.terms(t)[0]) for t in texts]),
        ("textKey", ["textKey", texts], texts, [tokenize.text_key(t) for t in texts]),
        ("segment", ["segment", texts], ["segments", "vocabulary"], py_segment(texts)),
        ("words", ["words", texts], texts, [tokenize.words(t) for t in texts]),
    ]


def probe(ch: str) -> str:
    """What one code point gives (the runner's ``PROBES.all``)."""
    found = tokenize.terms("a" + ch + "\u767d" + ch)[0]
    return "\x02".join(
        [
            tokenize.fold(ch),
            tokenize.fold("A" + ch + "\u03a3"),
            ch.lower() + "|" + ("A" + ch + "\u03a3").lower() + "|" + ("A\u03a3" + ch).lower(),
            " ".join(tokenize.words("a" + ch + "b")),
            " ".join(f"{t.text}:{str(t.cjk).lower()}" for t in found),
            plain("*a" + ch + "*" + ch + "*b*") + "|" + plain("_" + ch + "_ __a" + ch + "__"),
            " ".join(("a " + ch + "\t b" + ch).split()),
            tag(ch + "zh_CN" + ch),
        ]
    )


# ---- data --------------------------------------------------------------------------


def reference_vocabulary() -> list[tuple[str, str]]:
    """``(word, stem)`` of the trimmed Snowball reference data."""
    lines = VOCABULARY.read_text(encoding="utf-8").splitlines()
    pairs = [tuple(line.split(" ")) for line in lines if not line.startswith("#")]
    return [(w, s) for w, s in pairs]


def judged_queries() -> list[str]:
    data = tomllib.loads(JUDGED.read_text(encoding="utf-8"))
    return [q["q"] for q in data["query"]]


def queries() -> list[str]:
    return judged_queries() + EXTRA_QUERIES


def catalog_texts(registry: Registry) -> list[str]:
    """Every searchable text of the example catalogs: texts, codes, names, extra."""
    out: list[str] = []
    for cid, entry in registry.entries():
        catalog = registry.catalog(cid)
        out += [text for _, _, text in entry_texts(catalog, entry)]
        out += [str(entry.code), extra_text(catalog, entry)]
        if entry.name:
            out += [entry.name, tokenize.split_identifier(entry.name)]
    return out


def catalog_sources(registry: Registry) -> list[list[Any]]:
    """Every entry's snippet source as the site ships it (:meth:`Doc.to_data`)."""
    index = registry.index
    records = [index.doc(rowid).to_data() for rowid in range(1, len(index) + 1)]
    mixed = [
        ["X-1", "rateLimited", [["message", "zh-CN", t], ["description", "en", t]], t]
        for t in MIXED_TEXTS
    ]
    return [
        r if i % 2 else r[12:16] for i, r in enumerate(records)
    ] + mixed  # both shapes the JS takes


def last_stems(registry: Registry, found: list[tokenize.Term]) -> list[str]:
    """What the server's index gives the highlighter for the prefix word of ``found``."""
    if not found or found[-1].cjk:
        return []
    return registry.index._completions(found[-1]) or []


# ---- the stemmer -------------------------------------------------------------------


@NEEDS_NODE
def test_the_stemmer_gives_the_snowball_reference_stems() -> None:
    pairs = reference_vocabulary()
    assert len(pairs) >= 20_000
    words = [w for w, _ in pairs]
    variants = [w.upper() for w in words[::7]] + [w.capitalize() for w in words[::5]]
    got, wrapped, times = run_js(
        ["snowball", words], ["stem", words + variants], ["time", words, 5]
    )
    assert_same("snowball vs reference", words, got, [s for _, s in pairs])
    if Stemmer is not None:
        stemmer = Stemmer("english")
        assert_same("snowball vs PyStemmer", words, got, [stemmer.stemWord(w) for w in words])
    every = words + variants
    assert_same("stem vs tokenize.stem", every, wrapped, [tokenize.stem(w) for w in every])
    print(f"node: {len(words)} words stemmed in {min(times):.1f} ms (best of {len(times)})")


@NEEDS_NODE
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet="abcdeiklnorstuyYzAES'gp", max_size=14), min_size=400))
def test_the_stemmer_agrees_with_pystemmer_on_made_up_words(words: list[str]) -> None:
    (got, wrapped) = run_js(["snowball", words], ["stem", words])
    if Stemmer is not None:
        stemmer = Stemmer("english")
        assert_same("snowball vs PyStemmer", words, got, [stemmer.stemWord(w) for w in words])
    assert_same("stem vs tokenize.stem", words, wrapped, [tokenize.stem(w) for w in words])


# ---- terms, keys, words over the example catalogs -----------------------------------


@NEEDS_NODE
def test_terms_keys_and_segments_of_the_catalogs_and_queries(examples: Registry) -> None:
    texts = catalog_texts(examples) + queries()
    names = [e.name for _, e in examples.entries() if e.name] + ["invalidJWT", "HTTP2Error", "a_b"]
    words = sorted({w for t in texts for w in tokenize.words(t)})
    assert_js_agrees(
        [
            *text_checks(texts),
            ("fold", ["fold", words], words, [tokenize.fold(w) for w in words]),
            ("stem", ["stem", words], words, [tokenize.stem(w) for w in words]),
            (
                "splitIdentifier",
                ["splitIdentifier", names],
                names,
                [tokenize.split_identifier(n) for n in names],
            ),
            ("fts", ["fts", queries()], queries(), [py_fts(q) for q in queries()]),
            (
                "plain",
                ["plain", texts + MIXED_TEXTS],
                texts + MIXED_TEXTS,
                [plain(t) for t in texts + MIXED_TEXTS],
            ),
        ]
    )


# ---- every code point, and generated text ------------------------------------------


@SAME_UNICODE
def test_the_generated_tables_are_this_pythons() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    assert texttables.current(script) == texttables.render(), (
        "errdex-text.js has stale tables: run python -m errdex.directory.web.texttables"
    )


@NEEDS_NODE
@pytest.mark.slow
@SAME_UNICODE
def test_every_code_point_folds_lowers_and_splits_as_in_python() -> None:
    block = 0x4000
    (digests,) = run_js(["digest", "all", 0, 0x10FFFF, block])
    wrong = []
    for n, first in enumerate(range(0, 0x110000, block)):
        hash_ = hashlib.sha256()
        last = min(first + block - 1, 0x10FFFF)
        for cp in range(first, last + 1):
            if not 0xD800 <= cp < 0xE000:
                hash_.update((probe(chr(cp)) + "\x01").encode())
        if hash_.hexdigest() != digests[n]:
            wrong.append((first, last))
    if wrong:  # name the code points
        first, last = wrong[0]
        (got,) = run_js(["probe", "all", first, last])
        cps = [cp for cp in range(first, last + 1) if not 0xD800 <= cp < 0xE000]
        assert_same(
            "code points", [f"U+{cp:04X}" for cp in cps], got, [probe(chr(cp)) for cp in cps]
        )
    assert not wrong


SAMPLED = [
    *"aZyY ß İıiIΣσςﬁﬃǅＡｚ０９_*`[]()\t\n\u3000\u00a0\u0085\u1680\u200b\u2028\u00e9\u00c5",
    *("e\u0301", "\u0301", "\u0308", "\u0345", "\u0307", "\u05b0", "\u1e9b\u0323", "**", "](x)"),
    *"白名单请求速率限制仓库不存在令牌・゠ー한국어カタカナ",
    *("\U00020000", "\U0002a6d6", "\U0001f600", "\U0001f469\u200d\U0001f4bb", "\U0001d400"),
]
"""Characters (and a few sequences) where Python and JavaScript text handling differ."""
CHARS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(SAMPLED),
    st.characters(min_codepoint=0x370, max_codepoint=0x3FF),
    st.characters(min_codepoint=0x1E030, max_codepoint=0x1E08F),
)
TEXTS = st.lists(CHARS, max_size=30).map("".join)


@NEEDS_NODE
@SAME_UNICODE
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=60, max_size=60))
def test_generated_unicode_text_gives_the_same_terms_and_keys(texts: list[str]) -> None:
    words = sorted({w for t in texts for w in tokenize.words(t)})
    assert_js_agrees(
        [
            *text_checks(texts),
            (
                "fold",
                ["fold", texts + words],
                texts + words,
                [tokenize.fold(w) for w in texts + words],
            ),
            ("lower", ["lower", texts], texts, [t.lower() for t in texts]),
            (
                "split",
                ["splitIdentifier", texts],
                texts,
                [tokenize.split_identifier(t) for t in texts],
            ),
            ("fts", ["fts", texts], texts, [py_fts(t) for t in texts]),
            ("plain", ["plain", texts], texts, [plain(t) for t in texts]),
            ("tag", ["tag", texts], texts, [tag(t) for t in texts]),
        ]
    )


# ---- marks and snippets -------------------------------------------------------------


def query_cases(registry: Registry) -> list[list[Any]]:
    """``[terms, last_stems]`` of every query, the last stems as the server's index has them."""
    out = []
    for q in queries():
        found = tokenize.terms(q)[0]
        out.append([[[t.text, t.cjk] for t in found], last_stems(registry, found)])
    return out


@NEEDS_NODE
def test_marks_of_the_catalog_texts_match_the_server(examples: Registry) -> None:
    texts = catalog_texts(examples) + MIXED_TEXTS
    one_line = [plain(" ".join(t.split())) for t in texts]
    cases = [[terms, stems, texts + one_line] for terms, stems in query_cases(examples)]
    (js,) = run_js(["highlight", cases])
    py = [py_highlight(*case) for case in cases]
    assert_same("highlight", queries(), js, py)
    assert sum(bool(s and s[0]) for per_query in py for s in per_query) > 1000  # real marks


@NEEDS_NODE
def test_snippets_of_every_entry_match_the_server(examples: Registry) -> None:
    sources = catalog_sources(examples)
    cases = []
    for i, (terms, stems) in enumerate(query_cases(examples)):
        cases += [[terms, stems, None], [terms, stems, LOCALES[i % len(LOCALES)]]]
    cases.append([[], [], "zh"])  # no terms: no highlighter, the first text unmarked
    (js,) = run_js(["snippet", cases, sources])
    py = [py_snippets(terms, stems, locale, sources) for terms, stems, locale in cases]
    assert_same("snippets", [f"{c[0]} @{c[2]}" for c in cases], js, py)
    marked = [s for per_case in py for s, _ in per_case if s and s[1]]
    assert len(marked) > 1000
    assert any(s[0].startswith("…") for s in marked)  # windows cut around a mark


@NEEDS_NODE
def test_the_top_hits_of_the_server_have_the_same_snippets(examples: Registry) -> None:
    cases, sources, expected = [], [], []
    for q in queries():
        for locale in (None, "zh"):
            result = examples.search(q, locale=locale, limit=5)
            parsed = tokenize.parse(q)
            index = examples.index
            completes = parsed.prefix_last and parsed.terms and not parsed.terms[-1].cjk
            completions = index._completions(parsed.terms[-1]) if completes else None
            joined = joins.joins(parsed, completions, index._count, index._follows)
            marked, prefix_last = parsed._replace(joined=joined).marked_terms()
            stems = completions or []
            case = [[[t.text, t.cjk] for t in marked], stems, locale, prefix_last]
            for hit in result.hits:
                source = SnippetSource.of(examples.catalog(hit.catalog_id), hit.entry)
                s = hit.snippet
                cases.append(case)
                sources.append(
                    [source.code, source.name, [list(t) for t in source.texts], source.extra]
                )
                shown = (
                    None if s is None else [s.text, [list(m) for m in s.marks], s.field, s.locale]
                )
                expected.append([shown, list(hit.fields)])
    assert len(expected) > 300
    js = run_js(*[["snippet", [c], [s]] for c, s in zip(cases, sources, strict=True)])
    assert_same("hits", [c[0] for c in cases], [r[0][0] for r in js], expected)


@NEEDS_NODE
@SAME_UNICODE
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(TEXTS, min_size=40, max_size=40),
    st.lists(
        st.lists(st.sampled_from(["tok", "rate", "ß", "白名", "İ", "a"]), max_size=3), max_size=3
    ),
)
def test_generated_unicode_text_gives_the_same_marks_and_snippets(
    texts: list[str], stems: list[list[str]]
) -> None:
    queries_ = [*texts[:8], "名单 ta", "ΣΟΦΙΑ", "straße 𠀀"]
    words = [w for t in texts for w in tokenize.words(t)][:5]
    queries_ += [" ".join(words), words[0][:2] if words else "x"]
    cases = [
        [[[t.text, t.cjk] for t in tokenize.terms(q)[0]], stems[i % len(stems)] if stems else []]
        for i, q in enumerate(queries_)
    ]
    fields = ["title", "message", "description", "solution", "variants"]
    sources = [
        [
            texts[i],
            texts[i + 1] or None,
            [
                [fields[k % 5], ["en", "zh-CN", None, " ZH_cn"][k % 4], texts[i + k] or "x"]
                for k in range(4)
            ],
            texts[i + 2],
        ]
        for i in range(0, 32)
    ]
    snippet_cases = [[terms, ls, locale] for terms, ls in cases for locale in (None, "zh")]
    js = run_js(
        ["highlight", [[terms, ls, texts] for terms, ls in cases]],
        ["snippet", snippet_cases, sources],
    )
    assert_same("highlight", queries_, js[0], [py_highlight(t, ls, texts) for t, ls in cases])
    py = [py_snippets(terms, ls, locale, sources) for terms, ls, locale in snippet_cases]
    assert_same("snippets", [c[0] for c in snippet_cases], js[1], py)


@NEEDS_NODE
def test_unit_marks_are_utf16_offsets() -> None:
    text = "a😀 白𠀀名 token 👩\u200d💻 x"
    marks = [[0, 1], [1, 2], [3, 6], [7, 12], [13, 16], [17, 18]]
    (got,) = run_js(["unitMarks", [[text, marks], ["plain", [[1, 3]]]]])

    def unit(i: int, t: str) -> int:
        return len(t[:i].encode("utf-16-le")) // 2

    assert got == [[[unit(s, text), unit(e, text)] for s, e in marks], [[1, 3]]]


# ---- in Chromium ---------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IN_CHROMIUM = """([words, texts, cases, sources]) => {
  const T = window.ErrdexText;
  const start = performance.now();
  const stems = words.map(T.snowball);
  const ms = performance.now() - start;
  const found = (terms) => terms.map(([text, cjk]) => ({ text, cjk }));
  const snippets = cases.map(([terms, lastStems, locale]) => {
    const h = T.highlighter(found(terms), lastStems);
    return sources.map((s) => {
      const r = T.snippetOf(s, h, locale);
      const n = r.snippet;
      return [n === null ? null : [n.text, n.marks, n.field, n.locale], r.fields];
    });
  });
  const terms = texts.map((q) => {
    const r = T.terms(q);
    return [r.terms.map((t) => [t.text, t.cjk]), r.truncated, r.quoted, T.prefixLast(r)];
  });
  return { stems, ms, terms, keys: texts.map((q) => T.key(T.terms(q).terms)),
           folds: texts.map(T.fold), snippets };
}"""


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"Chromium is not installed at {CHROMIUM}")
def test_in_chromium_the_script_gives_the_same_stems_terms_and_snippets(examples: Registry) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    words = [w for w, _ in reference_vocabulary()]
    texts = catalog_texts(examples) + MIXED_TEXTS + queries() + ["".join(SAMPLED)]
    cases = [
        [terms, stems, locale] for terms, stems in query_cases(examples) for locale in (None, "zh")
    ]
    sources = catalog_sources(examples)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.set_content("<!doctype html><title>errdex-text</title>")
            page.add_script_tag(path=str(SCRIPT))
            got = page.evaluate(IN_CHROMIUM, [words, texts, cases, sources])
        finally:
            browser.close()
    assert errors == []
    assert_same("stems", words, got["stems"], [s for _, s in reference_vocabulary()])
    assert_same("terms", texts, got["terms"], [py_terms(t) for t in texts])
    assert_same("keys", texts, got["keys"], [tokenize.key(tokenize.terms(t)[0]) for t in texts])
    assert_same("folds", texts, got["folds"], [tokenize.fold(t) for t in texts])
    py = [py_snippets(terms, stems, locale, sources) for terms, stems, locale in cases]
    assert_same("snippets", [f"{c[0]} @{c[2]}" for c in cases], got["snippets"], py)
    print(f"chromium: {len(words)} words stemmed in {got['ms']:.1f} ms")
