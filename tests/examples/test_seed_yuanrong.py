"""The yuanrong example catalog holds every code and text of its seed document verbatim.

The seed (``shared/seeds/004_46cc9cbb204f5ab9.txt``) is the MyST source of the
openYuanrong "Error Codes" page: SDK codes in a ``{csv-table}`` directive
(Error Code, Description, Solution), a ``:::{note}`` on which errors may be
retried, and REST API codes in a Markdown pipe table (Error Code, Error
Message, Description). This test parses the page on its own (csv for the
directive body, a regex for the pipe table) and compares it with the catalog.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

import errdex
from seeds import seed_path

SEED = seed_path("004_46cc9cbb204f5ab9.txt", module=True)
CATALOG = Path(__file__).resolve().parents[2] / "examples" / "yuanrong"

# The SDK modules by code range (the catalog's choice; the page names no groups).
SDK_MODULES = {
    "sdk-1xxx": (1000, 1999),
    "sdk-2xxx": (2000, 2999),
    "sdk-3xxx": (3000, 3999),
    "sdk-40xx": (4000, 4099),
    "sdk-42xx": (4200, 4399),
    "sdk-9xxx": (9000, 9999),
}
# 3003: the note's "Internal Server error."; 1005: its solution says to retry.
RETRYABLE = {1005, 3003}

IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def norm(text: str | None) -> str | None:
    """Collapse runs of whitespace; the only normalisation the comparison allows."""
    return None if text is None else " ".join(text.split())


def parse_sdk(text: str) -> list[tuple[int, str, str]]:
    """Rows of the ``{csv-table}`` directive: (code, description, solution)."""
    match = re.search(r"^```\{csv-table\}\n(.*?)^```$", text, re.S | re.M)
    assert match, "no csv-table directive in the seed"
    lines = [ln for ln in match.group(1).splitlines() if ln.strip() and not ln.startswith(":")]
    rows = list(csv.reader(io.StringIO("\n".join(lines)), skipinitialspace=True))
    assert all(len(r) == 3 for r in rows), rows
    return [(int(r[0]), r[1], r[2]) for r in rows]


def parse_note(text: str) -> str:
    """The body of the ``:::{note}`` admonition."""
    match = re.search(r"^:::\{note\}\n(.*?)^:::$", text, re.S | re.M)
    assert match, "no note in the seed"
    return match.group(1).strip()


def parse_rest(text: str) -> list[tuple[int, str, str]]:
    """Rows of the REST pipe table: (code, error message, description)."""
    section = text.split("## REST API Error Codes", 1)[1]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].isdigit():
            rows.append((int(cells[0]), cells[1], cells[2]))
    return rows


SEED_TEXT = SEED.read_text(encoding="utf-8")
SDK_ROWS = parse_sdk(SEED_TEXT)
REST_ROWS = parse_rest(SEED_TEXT)


@pytest.fixture(scope="module")
def cat():
    return errdex.load(CATALOG)


def test_seed_parsed_completely():
    # Guards the parser itself: every code-looking row of the page was read.
    sdk_lines = re.findall(r"^\d+, \"", SEED_TEXT, re.M)
    rest_lines = re.findall(r"^\|\s*\d+\s*\|", SEED_TEXT, re.M)
    assert len(SDK_ROWS) == len(sdk_lines) == 49
    assert len(REST_ROWS) == len(rest_lines) == 60


def test_catalog_meta(cat):
    assert cat.meta.id == "yuanrong"
    assert cat.meta.version == "1.0.0"
    assert cat.meta.default_locale == "en"


def test_spaces(cat):
    assert set(cat.spaces) == {"sdk", "rest"}
    assert cat.spaces["sdk"].kind == "app"
    assert cat.spaces["rest"].kind == "app"
    assert cat.spaces["sdk"].title == "SDK Error Codes"
    # The heading has a trailing space in the page; whitespace is normalised.
    assert cat.spaces["rest"].title == norm("REST API Error Codes ")


def test_retry_note_kept_verbatim(cat):
    assert norm(cat.spaces["sdk"].description) == norm(parse_note(SEED_TEXT))


def test_sdk_modules(cat):
    for module_id, (lo, hi) in SDK_MODULES.items():
        module = cat.modules[module_id]
        assert module.space == "sdk"
        assert tuple(module.range) == (lo, hi)
        assert module.prefix is None
    assert set(cat.modules) == set(SDK_MODULES)


def module_of(code: int) -> str:
    return next(m for m, (lo, hi) in SDK_MODULES.items() if lo <= code <= hi)


@pytest.mark.parametrize(
    ("code", "description", "solution"), SDK_ROWS, ids=[str(r[0]) for r in SDK_ROWS]
)
def test_sdk_entry(cat, code, description, solution):
    entry = cat.get(code, space="sdk")
    assert entry is not None, f"SDK code {code} missing"
    assert entry.code == code
    assert entry.space == "sdk"
    assert entry.module == module_of(code)
    assert norm(entry.message) == norm(description)  # the csv "Description": the SDK's text
    assert norm(entry.solution) == norm(solution)
    assert entry.description is None
    assert entry.name is None
    assert entry.http_status is None
    assert entry.jsonrpc_code is None
    assert entry.retryable is (True if code in RETRYABLE else None)
    assert len(cat.find(code)) == 1


@pytest.mark.parametrize(
    ("code", "message", "description"), REST_ROWS, ids=[str(r[0]) for r in REST_ROWS]
)
def test_rest_entry(cat, code, message, description):
    entry = cat.get(code, space="rest")
    assert entry is not None, f"REST code {code} missing"
    assert entry.code == code
    assert entry.space == "rest"
    assert entry.module is None
    if IDENTIFIER.fullmatch(message):
        assert entry.name == message
        assert entry.message is None
    else:
        assert entry.name is None
        assert norm(entry.message) == norm(message)
    assert norm(entry.description) == norm(description)
    assert entry.solution is None
    assert entry.http_status is None
    assert entry.jsonrpc_code is None
    assert entry.retryable is None
    assert len(cat.find(code)) == 1


def test_no_extra_codes_and_document_order(cat):
    expected = [("sdk", c) for c, _, _ in SDK_ROWS] + [("rest", c) for c, _, _ in REST_ROWS]
    assert [(e.space, e.code) for e in cat.entries] == expected


def test_known_defects_kept(cat):
    assert "rockdb" in cat.get(4201, space="sdk").message
    assert cat.get(330404, space="rest").message == "subcribe stream failed"
    assert cat.get(1010, space="sdk").solution == cat.get(1011, space="sdk").solution
    assert cat.get(4306, space="sdk").solution == cat.get(4007, space="sdk").solution
