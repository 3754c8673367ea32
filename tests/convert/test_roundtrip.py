"""Round trips: ``import(export(catalog))`` gives back what each layout carries.

What each layout carries (and so what is compared):

- ``json``: the whole catalog (``load`` of the imported TOML equals the original).
- ``csv``: per entry, in order: code, space id, module id, name, title, message,
  description, solution, HTTP status, JSON-RPC code, retryable, retry_after,
  fault, retry, status. (An empty text and no text are the same cell.)
- ``markdown`` ``table`` and ``sections``, ``myst``: per entry, in order: code,
  name, title, message, description, solution, status, the known messages
  (message and description) and examples (body, lang, title); HTTP status and
  JSON-RPC code unless the reader can infer them (the space's default, an HTTP
  entry's own status, a JSON-RPC entry's own code, a status given by the HTTP
  table's ``carried`` column); which entries share a module and which share a
  space, and the titles of modules and spaces shown as headings; the catalog
  title and description. MyST labels also carry the space and module ids.
  Tables cannot tell an empty text from no text; sections can.
- ``markdown`` ``list``: per entry, in order: code and one text (the message,
  else title, description or name), and which entries share a space (the
  space headings come back as modules: a list has one level of headings).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import errdex
from catalogs import ROOT
from errdex.convert import import_document, render_doc
from errdex.io import loads
from errdex.io.export import to_json
from errdex.model import Catalog, Entry

EXAMPLES = ("subquery-indexer-proxy", "csghub", "alchemy", "zan", "yuanrong")
LAYOUTS = {
    "list": ("markdown", "list", "markdown"),
    "table": ("markdown", "table", "markdown"),
    "sections": ("markdown", "sections", "markdown"),
    "myst": ("myst", None, "myst"),
    "csv": ("csv", None, "csv"),
}


@pytest.fixture(scope="module")
def catalogs() -> dict[str, Catalog]:
    return {name: errdex.load(ROOT / "examples" / name) for name in EXAMPLES}


def roundtrip(catalog: Catalog, layout: str) -> Catalog:
    fmt, style, source = LAYOUTS[layout]
    text = render_doc(catalog, fmt, style=style)
    result = import_document(text, source, name=f"export.{layout}")
    problems = [f"{d.location}: {d.message}" for d in result.diagnostics if d.severity != "note"]
    assert not problems, problems
    # lenient: a one-level list turns spaces into modules of one space, so a code that two
    # spaces share (Alchemy's -32000) comes back twice in one space, an invalid catalog
    return loads(result.to_toml(), lenient=True)


def partition(values: list[Any]) -> list[int]:
    """Which positions share a value, as first-occurrence indexes (ids do not matter)."""
    first: dict[Any, int] = {}
    return [first.setdefault(v, i) for i, v in enumerate(values)]


def blank(value: str | None) -> str | None:
    return None if value is None or value.strip() == "" else value.strip()


def implied_http(catalog: Catalog, entry: Entry, carried: set[int]) -> int | None:
    space = catalog.spaces[entry.space]
    if space.kind == "http" and entry.http_status in (None, entry.code):
        return entry.code  # an HTTP entry's status is its code
    if entry.http_status is None:
        return None
    if entry.http_status == space.http_status:
        return entry.http_status
    if id(entry) in carried:
        return entry.http_status
    return None


def same_number(original: int | None, imported: int | None, implied: int | None) -> bool:
    return original == imported or (implied is not None and {original, imported} <= {implied, None})


def carried_entries(catalog: Catalog) -> set[int]:
    from errdex.convert.layout import Layout

    return Layout(catalog).carried_keys


def texts(entry: Entry, exact: bool) -> tuple[Any, ...]:
    fields = (entry.name, entry.title, entry.message, entry.description, entry.solution)
    return tuple(f.strip() if exact and f is not None else blank(f) for f in fields)


@pytest.mark.parametrize("example", EXAMPLES)
def test_json_roundtrip_is_the_catalog(catalogs, example):
    catalog = catalogs[example]
    result = import_document(to_json(catalog).decode(), "json", name="export.json")
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    assert loads(result.to_toml()) == catalog


@pytest.mark.parametrize("example", EXAMPLES)
def test_csv_roundtrip(catalogs, example):
    catalog = catalogs[example]
    back = roundtrip(catalog, "csv")
    assert len(back) == len(catalog)
    for a, b in zip(catalog.entries, back.entries, strict=True):
        assert (a.code, a.space, a.module) == (b.code, b.space, b.module)
        assert texts(a, False) == texts(b, False)
        assert (a.http_status, a.jsonrpc_code, a.retryable, a.retry_after, a.status) == (
            b.http_status,
            b.jsonrpc_code,
            b.retryable,
            b.retry_after,
            b.status,
        )
        assert (a.fault, a.retry) == (b.fault, b.retry)


@pytest.mark.parametrize("example", EXAMPLES)
def test_list_roundtrip(catalogs, example):
    from errdex.convert.layout import Layout

    catalog = catalogs[example]
    back = roundtrip(catalog, "list")
    summary = Layout(catalog).summary
    assert [e.code for e in back.entries] == [e.code for e in catalog.entries]
    assert [blank(e.message) for e in back.entries] == [blank(summary(e)) for e in catalog.entries]
    # a list has one level of headings, one per space: they come back as modules
    if len(catalog.spaces) > 1:
        assert partition([e.module for e in back.entries]) == partition(
            [e.space for e in catalog.entries]
        )


@pytest.mark.parametrize("layout", ["table", "sections", "myst"])
@pytest.mark.parametrize("example", EXAMPLES)
def test_document_roundtrip(catalogs, example, layout):
    catalog = catalogs[example]
    back = roundtrip(catalog, layout)
    assert len(back) == len(catalog)
    carried = carried_entries(catalog)
    exact = layout == "sections"
    for a, b in zip(catalog.entries, back.entries, strict=True):
        assert a.code == b.code
        assert texts(a, exact) == texts(b, exact), a.code
        assert a.status == b.status
        assert same_number(a.http_status, b.http_status, implied_http(catalog, a, carried)), a.code
        space = catalog.spaces[a.space]
        rpc_implied = (
            a.jsonrpc_code
            if a.jsonrpc_code in (space.jsonrpc_code, a.code)
            and (a.jsonrpc_code == space.jsonrpc_code or space.kind == "jsonrpc")
            else None
        )
        assert same_number(a.jsonrpc_code, b.jsonrpc_code, rpc_implied), a.code
        assert [(v.message, blank(v.description)) for v in a.variants] == [
            (v.message, blank(v.description)) for v in b.variants
        ]
        assert [(x.body.rstrip("\n"), x.lang, x.title) for x in a.examples] == [
            (x.body, x.lang, x.title) for x in b.examples
        ]
    several = len({e.space for e in catalog.entries}) > 1
    assert partition([e.module for e in back.entries]) == partition(
        [e.module for e in catalog.entries]
    )
    if several:
        assert partition([e.space for e in back.entries]) == partition(
            [e.space for e in catalog.entries]
        )
        for a, b in zip(catalog.entries, back.entries, strict=True):
            assert back.spaces[b.space].title == (catalog.spaces[a.space].title or a.space)
    for a, b in zip(catalog.entries, back.entries, strict=True):
        if a.module is not None:
            assert back.modules[b.module].title == (catalog.modules[a.module].title or a.module)
            assert blank(back.modules[b.module].description) == blank(
                catalog.modules[a.module].description
            )
    assert back.meta.title == catalog.meta.title
    assert blank(back.meta.description) == blank(catalog.meta.description)
    if layout == "myst":
        assert back.meta.id == catalog.meta.id
        assert [e.module for e in back.entries] == [e.module for e in catalog.entries]
        if several:
            assert [e.space for e in back.entries] == [e.space for e in catalog.entries]


@pytest.mark.parametrize("layout", ["table", "csv"])
@pytest.mark.parametrize("example", EXAMPLES)
def test_imported_catalog_passes_check_structurally(catalogs, example, layout, tmp_path):
    """An imported catalog has no structural error (E0xx) under `errdex check`."""
    from click.testing import CliRunner

    from errdex.cli.main import cli

    fmt, style, source = LAYOUTS[layout]
    path = tmp_path / "imported.toml"
    text = import_document(render_doc(catalogs[example], fmt, style=style), source).to_toml()
    path.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", str(path)])
    assert " E0" not in out.output, out.output
    assert out.exit_code in (0, 1), out.output


@pytest.mark.parametrize(
    "code",
    ['a"b<c>&d', "E<b>1", "=cmd", "a\\|b", "-32000"],
    ids=["tag", "b", "formula", "pipe", "neg"],
)
@pytest.mark.parametrize(
    "fmt,style", [("markdown", "table"), ("markdown", "sections"), ("csv", None), ("myst", None)]
)
def test_a_code_escaped_in_its_cell_comes_back_as_written(code, fmt, style):
    """The code cell is escaped like every cell (``&lt;``, ``\\|``, a CSV ``'``); the
    importer undoes it for the code too, not only for the texts."""
    catalog = errdex.loads(
        '[catalog]\nid = "x"\ntitle = "Odd errors"\n[[errors]]\n'
        f'code = {json.dumps(code) if not code.lstrip("-").isdigit() else code}\nmessage = "m"\n',
        "toml",
    )
    result = import_document(render_doc(catalog, fmt, style=style), fmt)
    back = errdex.loads(result.to_toml())
    assert [e.code for e in back.entries] == [catalog.entries[0].code]
