"""The csghub example catalog holds every code and text of its seed document verbatim.

The seed (``shared/seeds/001_d3c3d114fbe0fb14.txt``) is a flattened rendering
of CSGHub's generated "Error Codes" page: a title line, an intro paragraph,
then per module a ``<Module> Errors`` line and per code::

    CODE
    - Error Code:
    CODE - Error Name:
    name - Description: text

The flattening broke the line before every inline code span and dropped the
backticks; in four descriptions this lost Markdown, which the catalog restores
(``RESTORED`` below). This test parses the page on its own with regexes and
compares it with the catalog.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import errdex
from seeds import seed_path

SEED = seed_path("001_d3c3d114fbe0fb14.txt", module=True)
CATALOG = Path(__file__).resolve().parents[2] / "examples" / "csghub"

# code -> (fragment of the flattened copy, the original Markdown it stands for)
RESTORED = {
    "AUTH-ERR-5": ("'Bearer\n{token}'.", "'Bearer `{token}`'."),
    "SYS-ERR-2": ("(\nsql.ErrConnDone).", "(`sql.ErrConnDone`)."),
    "SYS-ERR-3": ("for\nsql.ErrNoRows.", "for `sql.ErrNoRows`."),
    "SYS-ERR-4": ("An\nINSERTorUPDATEoperation", "An `INSERT` or `UPDATE` operation"),
}
# Codes whose description says a later retry works.
RETRYABLE = {
    "GIT-ERR-32": "Please try again later.",
    "REQ-ERR-10": "blocked until the rate limit resets",
}
EMPTY = {"REQ-ERR-4", "REQ-ERR-7", "REQ-ERR-8"}

SECTION = re.compile(r"^(?P<title>[A-Z][a-z]+ Errors)$", re.M)
ENTRY = re.compile(
    r"^(?P<code>(?P<prefix>[A-Z]+-ERR-)\d+)\n"
    r"- Error Code:\n"
    r"(?P=code) - Error Name:\n"
    r"(?P<name>[A-Za-z0-9]+) - Description:(?P<desc>.*?)"
    r"(?=^[A-Z]+-ERR-\d+\n- Error Code:|^[A-Z][a-z]+ Errors$|\Z)",
    re.S | re.M,
)


def norm(text: str | None) -> str | None:
    """Collapse runs of whitespace; the only normalisation besides RESTORED."""
    return None if text is None else " ".join(text.split())


def parse(text: str) -> tuple[str, str, list[dict]]:
    """Title, intro and the entries (code, prefix, name, desc, section) in page order."""
    title, intro, _ = text.split("\n", 2)
    sections = list(SECTION.finditer(text))
    assert sections, "no sections in the seed"
    rows = []
    for i, sec in enumerate(sections):
        end = sections[i + 1].start() if i + 1 < len(sections) else len(text)
        body = text[sec.end() : end]
        found = list(ENTRY.finditer(body))
        # every code heading in the section was parsed
        assert len(found) == len(re.findall(r"^- Error Code:$", body, re.M)), sec["title"]
        for m in found:
            desc = m["desc"]
            if m["code"] in RESTORED:
                flat, original = RESTORED[m["code"]]
                assert flat in desc, f"{m['code']}: restoration no longer matches the seed"
                desc = desc.replace(flat, original)
            rows.append(
                {
                    "code": m["code"],
                    "prefix": m["prefix"],
                    "name": m["name"],
                    "desc": desc,
                    "raw": m["desc"],
                    "section": sec["title"],
                }
            )
    return title, intro, rows


SEED_TEXT = SEED.read_text(encoding="utf-8")
TITLE, INTRO, ROWS = parse(SEED_TEXT)
BY_CODE = {r["code"]: r for r in ROWS}


@pytest.fixture(scope="module")
def cat():
    return errdex.load(CATALOG)


def test_seed_parsed_completely():
    assert len(ROWS) == len(BY_CODE) == 100
    assert len(re.findall(r"^- Error Code:$", SEED_TEXT, re.M)) == 100
    assert {r["code"] for r in ROWS if not r["desc"].strip()} == EMPTY


def test_every_lost_markdown_is_restored():
    """A line break inside a description marks a lost code span: all are in RESTORED."""
    broken = {r["code"] for r in ROWS if "\n" in r["raw"].strip()}
    assert broken == set(RESTORED)


def test_catalog_meta(cat):
    assert cat.meta.id == "csghub"
    assert cat.meta.title == TITLE == "Error Codes"
    assert cat.meta.description == INTRO
    assert cat.meta.version == "1.0.0"
    assert cat.meta.default_locale == "en"
    assert cat.meta.internal_error == "SYS-ERR-0"
    assert "catch-all for unhandled exceptions" in BY_CODE["SYS-ERR-0"]["desc"]


def test_one_app_space(cat):
    assert set(cat.spaces) == {"app"}
    assert cat.spaces["app"].kind == "app"


def test_profile(cat):
    assert cat.profiles["csghub"].body == {
        "code": "$code",
        "msg": "$message",
        "data": "$data",
        "context": "$context",
    }


def test_modules_match_sections(cat):
    sections: dict[str, set[str]] = {}
    for r in ROWS:
        sections.setdefault(r["section"], set()).add(r["prefix"])
    assert all(len(p) == 1 for p in sections.values()), sections
    expected = [(title, prefixes.pop()) for title, prefixes in sections.items()]
    got = [(m.title, m.prefix) for m in cat.modules.values()]
    assert got == expected
    for key, module in cat.modules.items():
        assert key == module.prefix.split("-")[0].lower()
        assert module.space == "app"
        assert module.range is None


def test_no_extra_codes_and_document_order(cat):
    assert [e.code for e in cat.entries] == [r["code"] for r in ROWS]


@pytest.mark.parametrize("code", list(BY_CODE))
def test_entry_verbatim(cat, code):
    row = BY_CODE[code]
    [entry] = cat.find(code)
    assert entry == cat.get(code, space="app")
    assert entry.code == code
    assert entry.space == "app"
    assert cat.modules[entry.module].title == row["section"]
    assert entry.name == row["name"]
    assert norm(entry.description) == norm(row["desc"])
    assert entry.description == entry.description.strip()
    # the page has no short message, solution, HTTP status or JSON-RPC code
    assert entry.message is None
    assert entry.solution is None
    assert entry.title is None
    assert entry.http_status is None
    assert entry.jsonrpc_code is None
    assert entry.status == "active"
    assert entry.variants == () and entry.examples == ()
    # the only translation is the zh-CN one compiled from i18n/zh-CN.po (not in the
    # source page), made from the current description (docs/lifecycle.md)
    assert set(entry.translations) <= {"zh-CN"}
    if entry.description:
        tr = entry.translations["zh-CN"]
        assert tr.source_hash == errdex.model.source_hash(None, entry.description, None)
        assert tr.description and tr.message is None and tr.title is None
    if code in RETRYABLE:
        assert RETRYABLE[code] in row["desc"]
        assert entry.retryable is True
    else:
        assert entry.retryable is None


def test_empty_descriptions_kept(cat):
    for code in EMPTY:
        assert cat.get(code, space="app").description == ""


def test_restored_markdown(cat):
    for code, (_, original) in RESTORED.items():
        assert original in cat.get(code, space="app").description


def test_typo_kept(cat):
    entry = cat.get("GIT-ERR-32", space="app")
    assert entry.name == "gitServiceUnavaliable"
