"""``errdex-search.js`` under Node ranks and cuts snippets exactly as :meth:`Registry.search`.

The same JS file the static site loads is run by Node over the examples' static
index for the judged queries, 400 generated ones (words, prefixes, typos,
codes, CJK runs, FTS syntax) and filters; each answer's total, hits, scores,
snippets (text and code point marks) and matched fields must equal the
server's. The browser test (``test_static_search_browser.py``) runs it in
Chromium; this one covers many more queries in seconds. Skipped, with the
reason shown, when Node is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from errdex.directory import Registry, static_index

ROOT = Path(__file__).resolve().parents[3]
STATIC = ROOT / "src" / "errdex" / "directory" / "web" / "static"
NODE = shutil.which("node")
if NODE is None:
    pytest.skip("Node.js is not installed (apt-get install nodejs)", allow_module_level=True)

RUNNER = """
const fs = require("fs");
require(process.argv[2]);
const S = require(process.argv[3]);
const manifest = process.argv[4];
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const s = await S.open(manifest, (u) => Promise.resolve(new Uint8Array(fs.readFileSync(u))));
  const out = [];
  for (const c of cases) {
    const p = await s.search(c.q, c.filters, c.limit, c.offset);
    out.push({ total: p.total, hits: p.hits.map((h) => [h.catalog, String(h.code), h.score,
      h.snippet && [h.snippet.text, h.snippet.marks, h.snippet.field, h.snippet.locale],
      h.fields]), suggestions: p.suggestions });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { process.stderr.write(String(e.stack || e)); process.exit(1); });
"""

FILTERS: list[dict[str, Any]] = [
    {},
    {"catalog": "zan"},
    {"catalog": "alchemy", "space": "jsonrpc"},
    {"http_status": 429},
    {"retryable": True},
    {"locale": "zh-CN"},
    {"catalog": "nope"},
]


def queries(examples: Registry) -> list[str]:
    from tests.directory.test_static_index import generated

    judged = tomllib.loads((ROOT / "tests/directory/judged_queries.toml").read_text("utf-8"))
    out = [q["q"] for q in judged["query"]] + generated(examples.index)
    out += ["", '"', "AND OR NOT", "a" * 300, "🙂 limit", "é", "0x3eb", "+1003", " `AUTH-ERR-4` "]
    out += ["ß", "İstanbul", "ǅungla", "ﬁle", "-0", "0X3EB", "١٢٣", "rate\u3000limit"]
    out += ['"rate limit"', '"limit rate"', '"限制"', '"Git 仓库" 上传', 'x "a b', "“server error”"]
    out += ['"limi"', '"请求" rate', '"token" "expired', '"a b c d e f g h i j k l m n o p q"']
    out += ["apikey", "notfound", "invalid apikey", "ratelimited", "APIKey", "apikey invalid"]
    out += ["gaslimit exceeded", '"apikey"', "notfoun", "tokenexpired 过期", "servererror"]
    out += ["etcderror timeout", "licenseexpired key", "emailexists user", "invalidjwt token"]
    out += ["rateLimit", "rateLim", "invalidJWT token", "getPlanTemplate", "tokenExpired"]
    out += ["userNotFound", "errRateLimitExceeded", "rate_limit", "invalid_jwt", "deploymentId"]
    out += ['"rateLimit"', "token rateLimit", "rateLimitExceeded 429", "x-rateLimit"]
    out += ["insufficent", "tokne", "tokne expird", "Unauthorzed", '"tokne"', "tokne 白名单"]
    out += ["insufficent toke", "expird tokne zzzzz", "ratelimt", "permision denied"]
    out += ["AUTH-ERR-99", "auth-err-99", "`AUTH-ERR-40`", "AUTH-ERR-4x", "GIT-9", "E_1"]
    return out


def answers(examples: Registry, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for c in cases:
        r = examples.search(c["q"], limit=c["limit"], offset=c["offset"], **c["filters"])
        hits = []
        for h in r.hits:
            s = h.snippet
            snippet = s and [s.text, [list(m) for m in s.marks], s.field, s.locale]
            hits.append([h.catalog_id, str(h.entry.code), h.score, snippet, list(h.fields)])
        out.append({"total": r.total, "hits": hits, "suggestions": list(r.suggestions)})
    return out


def run_script(examples: Registry, tmp_path: Path, cases: list[dict[str, Any]]) -> list[Any]:
    """What ``errdex-search.js`` under Node answers for each case, over the examples' static
    index (``total`` and hits as :func:`answers` gives them)."""
    if not (STATIC / "errdex-text.js").exists():
        pytest.fail("errdex-text.js is missing: the static search cannot run")
    manifest, _, _ = static_index.build(examples.index.db, static_index.write_to(tmp_path))
    runner = tmp_path / "runner.js"
    runner.write_text(RUNNER, encoding="utf-8")
    run = subprocess.run(
        [
            str(NODE),
            str(runner),
            str(STATIC / "errdex-text.js"),
            str(STATIC / "errdex-search.js"),
            str(tmp_path / manifest),
        ],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    got: list[Any] = json.loads(run.stdout)
    return got


def test_the_browser_ranking_equals_the_servers(examples: Registry, tmp_path: Path) -> None:
    found = queries(examples)
    cases = [
        {"q": q, "filters": FILTERS[n % len(FILTERS)], "limit": 20, "offset": 0}
        for n, q in enumerate(found)
    ]
    cases += [{"q": q, "filters": {}, "limit": 6, "offset": 4} for q in found[:80]]
    got = run_script(examples, tmp_path, cases)
    want = answers(examples, cases)
    wrong = [
        (c["q"], c["filters"], g, w) for c, g, w in zip(cases, got, want, strict=True) if g != w
    ]
    assert not wrong, f"{len(wrong)} of {len(cases)} differ; first: {wrong[0]}"
    assert len(cases) > 500


def test_a_hyphenated_code_finds_what_its_spaced_words_find(
    examples: Registry, tmp_path: Path
) -> None:
    """``AUTH-ERR-4`` is the exact match and the one entry holding its three words: the
    script must not loosen it to any word (216 hits) because the tiers skip that entry."""
    pairs = [("AUTH-ERR-4", "AUTH ERR 4"), ("GIT-ERR-29", "GIT ERR 29")]
    cases = [{"q": q, "filters": {}, "limit": 20, "offset": 0} for pair in pairs for q in pair]
    got = run_script(examples, tmp_path, cases)
    for n, (joined, spaced) in enumerate(pairs):
        hyphen, space = got[2 * n], got[2 * n + 1]
        assert hyphen["total"] == space["total"] == 1, (joined, spaced)
        assert [h[1] for h in hyphen["hits"]] == [h[1] for h in space["hits"]] == [joined]


def test_the_scripts_constants_are_the_servers() -> None:
    """The tiers, scores and limits errdex-search.js hard-codes are search.py's (and
    typo.py's, markup.py's), so a change on the server side fails here at once."""
    import re

    from errdex.directory import search, typo
    from errdex.directory.web.markup import MAX_SHORT

    text = (STATIC / "errdex-search.js").read_text(encoding="utf-8")

    def number(name: str) -> float:
        found = re.search(rf"\b{name} = ([0-9.]+)", text)
        assert found, name
        return float(found.group(1))

    assert number("EXACT_SCORE") == search.EXACT_SCORE
    assert number("NEAR_SCORE") == search.NEAR_SCORE
    assert number("COMPLETIONS") == search.COMPLETIONS
    assert number("MIN_NAME") == typo.MIN_LENGTH
    assert number("MAX_SHORT") == MAX_SHORT
    tiers = re.search(r"TIERS = \[([^\]]+)\]", text)
    assert tiers and tuple(float(t) for t in tiers.group(1).split(",")) == search.TIERS
    assert number("FORMAT") == static_index.FORMAT
    from errdex.directory import joins, suggest

    assert number("MAX_SUGGESTIONS") == suggest.MAX_SUGGESTIONS
    alphabet = re.search(r'SUGGEST_ALPHABET = "([^"]+)"', text)
    assert alphabet and alphabet.group(1) == suggest.ALPHABET
    assert number("JOIN_BELOW") == joins.JOIN_BELOW
    assert number("MIN_PART") == joins.MIN_PART
    assert number("MAX_WORD") == joins.MAX_WORD


def test_a_retry_filter_matches_an_entry_retryable_for_some_message(
    examples: Registry, tmp_path: Path
) -> None:
    cases = [
        {"q": q, "filters": f, "limit": 20, "offset": 0}
        for q in ("timed out", "")
        for f in ({"retryable": True}, {"catalog": "alchemy", "retryable": True})
    ]
    got = run_script(examples, tmp_path, cases)
    assert got == answers(examples, cases)
    for page in got[:3]:  # the empty query lists them all: -32000 is among the alchemy ones
        assert ["alchemy", "-32000"] in [h[:2] for h in page["hits"]], page


def test_a_code_no_entry_has_finds_nothing_and_suggests_the_closest(
    examples: Registry, tmp_path: Path
) -> None:
    cases = [{"q": q, "filters": {}, "limit": 20, "offset": 0} for q in ("AUTH-ERR-99", "a-9")]
    got = run_script(examples, tmp_path, cases)
    assert got == answers(examples, cases)
    assert (got[0]["total"], got[0]["suggestions"][0]) == (0, "AUTH-ERR-9")
