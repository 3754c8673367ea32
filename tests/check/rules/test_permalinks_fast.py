"""W210's fast path (plain values skip the per-entry URL work) finds what the slow path finds.

:func:`errdex.check.rules.permalinks.static_permalinks` decides once per catalog
that plain entries are servable and computes the permalink only for the rest;
for any catalog — templates with literal dots, encoded slashes, long segments,
empty modules and names — it must report exactly the entries the per-entry
computation reports.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.check.rules import permalinks
from errdex.io import reads
from errdex.model import Entry
from errdex.model.catalog import Catalog
from errdex.model.urls import permalink_path, unservable_segment


def slow(catalog: Catalog) -> list[int]:
    """Every entry whose permalink is unservable, each computed in full."""
    out = []
    for i, e in enumerate(catalog.entries):
        url = catalog.docs_url(e)
        if unservable_segment(permalink_path(url, catalog.meta.id, e)) is not None:
            out.append(i)
    return out


def fast(catalog: Catalog) -> list[int]:
    from errdex.check.context import Context

    ctx = Context(catalog)
    found = list(permalinks.static_permalinks(ctx))
    return sorted(d.path[1] for d in found)


values = st.one_of(
    st.text(alphabet="abcXYZ019_-+~", min_size=1, max_size=45),
    st.text(alphabet="ab./\\%2Fe", min_size=1, max_size=6),
    st.sampled_from([".", "..", "a.b", "%2e%2e", "x" * 200, "é" * 30]),
)
templates = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "https://e.example.com/{catalog}/{code}",
            "https://e.example.com/t/{module}/{code}",
            "https://e.example.com/.{name}/{code}",
            "https://e.example.com/a%2Fb/{code}",
            "https://e.example.com/" + "y" * 150 + "{code}{name}",
            "https://e.example.com/{name}",
            "https://e.example.com/",
            "https://e.example.com/..{module}/x",
            "/{code}.html",
        ]
    ),
)


def toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@settings(max_examples=150, deadline=None)
@given(
    template=templates,
    entries=st.lists(
        st.tuples(values, st.one_of(st.none(), values), st.one_of(st.none(), values)),
        min_size=1,
        max_size=6,
        unique_by=lambda t: t[0],
    ),
)
def test_the_fast_path_reports_what_the_slow_path_computes(
    template: str | None, entries: list[tuple[str, str | None, str | None]]
) -> None:
    text = '[catalog]\nid = "cat"\n' + (f"docs_url = {toml_string(template)}\n" if template else "")
    modules = {m for _, _, m in entries if m}
    for m in sorted(modules):
        text += f"[modules.{toml_string(m)}]\n"
    for code, name, module in entries:
        text += f"\n[[errors]]\ncode = {toml_string(code)}\n"
        if name:
            text += f"name = {toml_string(name)}\n"
        if module:
            text += f"module = {toml_string(module)}\n"
    catalog, _ = reads(text, "toml")
    if catalog is None:
        return  # a value the catalog refuses (a bad module name): nothing to compare
    assert fast(catalog) == slow(catalog)


def test_plain_entries_are_not_computed_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        '[catalog]\nid = "cat"\ndocs_url = "https://e.example.com/{code}"\n'
        + "".join(f'\n[[errors]]\ncode = {i}\nname = "e{i}"\n' for i in range(200))
        + '\n[[errors]]\ncode = "A/B"\n'
    )
    catalog, _ = reads(text, "toml")
    assert catalog is not None
    calls: list[str] = []
    real = permalinks.permalink_path

    def counted(url: str | None, catalog_id: str, entry: Entry) -> str:
        calls.append(str(entry.code))
        return real(url, catalog_id, entry)

    monkeypatch.setattr(permalinks, "permalink_path", counted)
    assert fast(catalog) == [200]
    assert [c for c in calls if c != "x" * permalinks.PLAIN_MAX] == ["A/B"]
