"""Faithful regeneration: each example catalog, exported in its seed's layout, gives back
the seed document's codes and texts, in the same order and layout style.

Seeds are in ``shared/seeds`` (see its README). The raw ones (SubQuery, ZAN,
yuanrong) are compared row by row (SubQuery: the whole text); the flattened
ones (CSGHub, Alchemy) lost their Markdown, so the comparison there drops the
Markdown marks from the generated page (``#``, ``**``, backticks, table pipes)
and restores the few code spans the flattening broke, as the example tests do.
Only whitespace is normalised. What a layout cannot reproduce is listed in
``docs/convert.md`` ("Faithful regeneration").
"""

from __future__ import annotations

import csv
import re

import pytest

import errdex
from catalogs import ROOT
from errdex.convert import render_doc
from seeds import seed_text

_ANCHOR = re.compile(r'<a id="[A-Za-z0-9_.-]+"></a>')


def unanchored(text: str) -> str:
    """A Markdown export without its per-code anchors, which no seed document has."""
    return _ANCHOR.sub("", text)


def norm(text: str) -> str:
    return " ".join(text.split())


def seed(name: str) -> str:
    return seed_text(name)


def pipe_tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Header and body rows of every pipe table, cells stripped of ** and blanks."""
    tables: list[tuple[list[str], list[list[str]]]] = []
    current: list[list[str]] | None = None
    for line in text.splitlines():
        if line.strip().startswith("|"):
            cells = [
                c.strip().replace("**", "").strip()
                for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]
            ]
            if all(re.fullmatch(r":?-+:?", c) for c in cells):
                continue
            if current is None:
                current = []
                tables.append((cells, current))
            else:
                current.append(cells)
        else:
            current = None
    return tables


def fences(text: str) -> list[tuple[str, str]]:
    """(language, body) of every plain code fence (not directives)."""
    return [
        (m.group(1), m.group(2).rstrip("\n"))
        for m in re.finditer(r"^```(\w*)\n(.*?)\n?^```$", text, re.S | re.M)
    ]


# -- SubQuery: a bullet list -------------------------------------------------------


def test_subquery_list_is_the_seed():
    catalog = errdex.load(ROOT / "examples" / "subquery-indexer-proxy")
    text = unanchored(render_doc(catalog, "markdown", style="list"))
    assert norm(text) == norm(seed("000_57c94140b9a9e1c2.txt"))
    assert text == seed("000_57c94140b9a9e1c2.txt")  # in fact byte for byte


# -- CSGHub: sections with a heading per code (flattened copy) ----------------------

CSGHUB_RESTORED = {
    "'Bearer\n{token}'.": "'Bearer `{token}`'.",
    "(\nsql.ErrConnDone).": "(`sql.ErrConnDone`).",
    "for\nsql.ErrNoRows.": "for `sql.ErrNoRows`.",
    "An\nINSERTorUPDATEoperation": "An `INSERT` or `UPDATE` operation",
}


def unmark(markdown: str) -> str:
    """What a flattened copy keeps of Markdown: no heading marks, bold or backticks."""
    text = re.sub(r"^#{1,6} ", "", markdown, flags=re.M)
    return norm(text.replace("**", "").replace("`", ""))


def test_csghub_sections_are_the_seed():
    catalog = errdex.load(ROOT / "examples" / "csghub")
    text = unanchored(render_doc(catalog, "markdown", style="sections"))
    original = seed("001_d3c3d114fbe0fb14.txt")
    for flat, restored in CSGHUB_RESTORED.items():
        assert flat in original
        original = original.replace(flat, restored)
    assert unmark(text) == norm(original.replace("`", ""))
    assert re.search(r"^### `ACT-ERR-0`$", text, re.M)  # a heading per code
    assert "- **Error Name:** `insufficientBalance`" in text


# -- Alchemy: tables (flattened copy) ----------------------------------------------

ALCHEMY_HEADERS = ("Code Meaning", "Code Possible Return message Description", "Code Message")
# The JSON-RPC row "-32001 to -32099 Parity errors ..." is a range: the catalog holds it
# as the parity module (title and description), not as a code.
ALCHEMY_RANGE_ROW = "-32001 to -32099 "


def alchemy_seed_rows(text: str) -> list[str]:
    rows, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        if lines[i].strip() in ALCHEMY_HEADERS:
            i += 1
            while i < len(lines) and lines[i].strip():
                if not lines[i].startswith(ALCHEMY_RANGE_ROW):
                    rows.append(norm(lines[i]))
                i += 1
        i += 1
    return rows


TEXT_HEADERS = {"Error Code", "Status Code", "Title", "Error Name", "Error Message", "Description"}


def test_alchemy_tables_are_the_seed():
    catalog = errdex.load(ROOT / "examples" / "alchemy")
    text = unanchored(render_doc(catalog, "markdown", style="table"))
    original = seed("002_67c61c5682f1fd60.txt")
    flat_seed = norm(original.replace("`", ""))
    expected = alchemy_seed_rows(original)
    got = []
    for header, rows in pipe_tables(text):
        keep = [i for i, h in enumerate(header) if h in TEXT_HEADERS]
        for row in rows:
            got.append(norm(" ".join(row[i].replace("<br>", "\n").replace("`", "") for i in keep)))
    assert [r.split()[0] for r in got] == [r.split()[0] for r in expected]
    for mine, theirs in zip(got, expected, strict=True):
        theirs = theirs.replace(" -- ", " ")  # "Meaning" = "title -- description"
        if mine != theirs:  # -32000: the row's text, then the hint's first line
            assert mine.startswith(theirs), (mine, theirs)
            assert mine[len(theirs) :].strip() in flat_seed
    for entry in catalog.entries:
        for variant in entry.variants:
            assert f'"{variant.message}"' in text
            assert norm(variant.description or "") in flat_seed
        for example in entry.examples:
            assert norm(example.body) in norm(original)
            assert f"```{example.lang}\n{example.body}\n```" in text
    for heading in re.findall(r"^#{1,6} (.*)$", text, re.M):
        assert norm(heading) in flat_seed


# -- ZAN: tables in raw Markdown ------------------------------------------------------


def test_zan_tables_are_the_seed():
    catalog = errdex.load(ROOT / "examples" / "zan")
    text = unanchored(render_doc(catalog, "markdown", style="table"))
    original = seed("003_6b3f6a61caac7446.txt")
    theirs, mine = pipe_tables(original), pipe_tables(text)
    assert len(mine) == len(theirs) == 3
    for (_, seed_rows), (_, rows) in zip(theirs, mine, strict=True):
        assert rows == seed_rows  # every code and cell, <br> lists included, in order
    assert [h for h, _ in mine][1:] == [["错误码", "标题", "消息描述"]] * 2
    assert sorted(fences(text)) == sorted(fences(original))
    assert text.startswith(f"# 错误码\n\n{catalog.meta.description}\n")
    assert "## HTTP 状态码" in text and "### JSON-RPC 标准错误码" in text


# -- yuanrong: MyST csv-table and the REST table --------------------------------------


_CELL_LABEL = re.compile(r"^\([^()\s]+\)=\n")


def csv_rows(block: str) -> list[list[str]]:
    """The rows of a ``{csv-table}``, without the code labels the export puts in code cells
    (the seed has none)."""
    body = [ln for ln in block.splitlines() if ln.strip() and not ln.startswith(":")]
    return [
        [_CELL_LABEL.sub("", c).strip() for c in row]
        for row in csv.reader([ln + "\n" for ln in body], skipinitialspace=True)
    ]


def test_yuanrong_myst_is_the_seed():
    catalog = errdex.load(ROOT / "examples" / "yuanrong")
    text = render_doc(catalog, "myst")
    original = seed("004_46cc9cbb204f5ab9.txt")
    seed_sdk = csv_rows(re.search(r"```\{csv-table\}\n(.*?)\n```", original, re.S).group(1))
    ((_, seed_rest),) = pipe_tables(original)
    tables = [csv_rows(b) for b in re.findall(r"```\{csv-table\}\n(.*?)\n```", text, re.S)]
    sdk_rows = [r for t in tables[:-1] for r in t]
    assert sdk_rows == seed_sdk  # code, message, solution of all 50 SDK codes, in order
    assert tables[-1] == seed_rest  # code, name or message, description of the REST codes
    note = re.search(r":::\{note\}\n(.*?)\n:::", original, re.S).group(1)
    assert norm(note) in norm(text)
    assert "## SDK Error Codes" in text and "## REST API Error Codes" in text
    assert re.search(r"^\(yuanrong--rest\)=\n## REST API Error Codes$", text, re.M)


@pytest.mark.parametrize("example", ["zan", "yuanrong"])
def test_tables_layout_matches_pipe_table_rows_of_myst(example):
    """The Markdown table layout and the MyST page show the same rows."""
    catalog = errdex.load(ROOT / "examples" / example)
    md_rows = [
        row for _, rows in pipe_tables(unanchored(render_doc(catalog, "markdown"))) for row in rows
    ]
    myst = render_doc(catalog, "myst")
    myst_rows = [
        r for b in re.findall(r"```\{csv-table\}\n(.*?)\n```", myst, re.S) for r in csv_rows(b)
    ]
    assert len(md_rows) == len(myst_rows) == len(catalog.entries)
