"""The subquery-indexer-proxy example catalog holds every code and text of its seed verbatim.

The seed (``shared/seeds/000_57c94140b9a9e1c2.txt``) is the SubQuery indexer
proxy's Markdown "Error code directory": a ``# Error code directory`` heading,
a blank line, then one bullet per code::

    - `1051` - Daily limit: reach the max limit of agreement in 24h.

The whole text after "`CODE` - " is the message the proxy sends
(``{"code":1051,"error":"..."}``). The codes are grouped by hundreds, so each
hundred is a module with an integer range. The seed is raw Markdown, not a
flattened copy: nothing is restored. This test parses the seed on its own with
regexes and compares it with the catalog.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

import errdex
from seeds import seed_path

SEED = seed_path("000_57c94140b9a9e1c2.txt", module=True)
CATALOG = Path(__file__).resolve().parents[2] / "examples" / "subquery-indexer-proxy"

HEADING = re.compile(r"^# (?P<title>.+)$")
ENTRY = re.compile(r"^- `(?P<code>\d+)` - (?P<message>.*)$")
# hundred of the code -> (module key, range)
MODULES = {
    10: ("auth", (1000, 1099)),
    11: ("serialize", (1100, 1199)),
    12: ("service", (1200, 1299)),
    13: ("websocket", (1300, 1399)),
    14: ("whitelist", (1400, 1499)),
}
# Typos the seed README lists for this document; they must survive verbatim.
DEFECTS = {
    1310: "unsuppot",
    1058: "less that",
    1035: "project exception",
}


def norm(text: str | None) -> str | None:
    """Collapse runs of whitespace: the only normalisation."""
    return None if text is None else " ".join(text.split())


def parse(text: str) -> tuple[str, list[dict]]:
    """The heading and the entries (code, message) in document order.

    Every line must be the heading, blank, or an entry: anything else (a stray
    "-" bullet, prose) fails the parse, so no text of the seed can be missed.
    """
    lines = text.splitlines()
    head = HEADING.match(lines[0])
    assert head, f"first line is not a heading: {lines[0]!r}"
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        m = ENTRY.match(line)
        assert m, f"seed line {number} is neither blank nor an entry: {line!r}"
        rows.append({"code": int(m["code"]), "message": m["message"]})
    return head["title"], rows


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[dict]]:
    return parse(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cat():
    return errdex.load(CATALOG)


def test_seed_parses_as_documented(seed):
    title, rows = seed
    assert title == "Error code directory"
    assert len(rows) == 122
    codes = [r["code"] for r in rows]
    assert len(set(codes)) == len(codes), "a code appears twice in the seed"
    assert codes[0] == 1000 and codes[-1] == 1403


def test_catalog_meta(cat, seed):
    title, _ = seed
    assert cat.meta.id == "subquery-indexer-proxy"
    assert cat.meta.title == title
    assert cat.meta.default_locale == "en"
    assert set(cat.spaces) == {"app"}
    assert cat.spaces["app"].kind == "app"


def test_modules_are_the_hundreds(cat):
    assert list(cat.modules) == [key for key, _ in MODULES.values()]
    for key, rng in MODULES.values():
        module = cat.modules[key]
        assert module.space == "app"
        assert module.prefix is None
        assert tuple(module.range) == rng


def test_same_codes_in_same_order(cat, seed):
    _, rows = seed
    assert [e.code for e in cat.entries] == [r["code"] for r in rows]


@pytest.mark.parametrize("index", range(122))
def test_entry_verbatim(cat, seed, index):
    _, rows = seed
    row = rows[index]
    code = row["code"]
    found = cat.find(code)
    assert len(found) == 1, f"{code}: {len(found)} entries"
    entry = found[0]
    assert cat.get(code, space="app") == entry
    assert entry.code == code
    assert entry.space == "app"
    assert entry.module == MODULES[code // 100][0]
    assert norm(entry.message) == norm(row["message"])
    assert entry.message == row["message"], f"{code}: message not byte-for-byte verbatim"
    # The seed has nothing but the message: no other text may be invented.
    for field in ("name", "title", "description", "solution"):
        value = getattr(entry, field)
        assert value in (None, "", entry.message), f"{code}: unexpected {field} {value!r}"
    assert entry.http_status is None
    assert entry.jsonrpc_code is None
    assert entry.retryable is None
    assert entry.retry_after is None
    assert entry.status == "active"
    assert tuple(entry.variants) == ()
    assert tuple(entry.examples) == ()
    assert not entry.translations


def test_known_defects_kept(cat):
    for code, typo in DEFECTS.items():
        assert typo in cat.get(code, space="app").message


def test_subquery_profile_declared():
    """The plain JSON envelope the proxy sends: {"code": ..., "error": ...}."""
    with (CATALOG / "errdex.toml").open("rb") as f:
        data = tomllib.load(f)
    assert data["profiles"]["subquery"] == {"body": {"code": "$code", "error": "$message"}}


def test_subquery_profile_renders(cat):
    try:
        render = errdex.render
    except AttributeError:
        pytest.skip("errdex.render is not implemented yet")
    out = render(cat.error(1051), "subquery")
    assert json.loads(out.body) == {
        "code": 1051,
        "error": "Daily limit: reach the max limit of agreement in 24h.",
    }
