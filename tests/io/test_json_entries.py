"""The one-pattern JSON entry index agrees with the whole-file map, or gives up.

:func:`errdex.io.json_entries.entry_spans` must find exactly the elements of
the root's ``errors`` list whatever the strings hold (brackets, quotes,
backslashes, escapes) and return None for what it cannot read, so that the
locator falls back to its exact slow path; either way every key path resolves
where :func:`errdex.io.locate.positions` puts it.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.io.json_entries import DEPTH, entry_spans
from errdex.io.locate import positions
from errdex.io.locator import Locator

HOSTILE = ['[{"]}', '"', "\\", "\\\\", '\\"', "]", "},{", "\n", "\u2028", "é", "\U0001f600"]


def deep(levels: int) -> Any:
    value: Any = "x"
    for i in range(levels):
        value = {"k": value} if i % 2 else [value]
    return value


def check(text: str) -> None:
    """Every path of the whole-file map is found at the same place by the locator."""
    data = orjson.loads(text)
    locator = Locator(text, "json")
    errors = data.get("errors")
    locator.count = len(errors) if type(errors) is list else None
    locator.coded = type(errors) is list and all(type(e) is dict and "code" in e for e in errors)
    full = positions(text, "json")
    for path, place in full.items():
        assert locator.locate(path) == place, path
    spans = entry_spans(text)
    if spans is not None:
        found = [
            orjson.loads(text[a : b + 1]) for a, b in zip(spans.starts, spans.ends, strict=True)
        ]
        assert found == data["errors"]
        assert text[spans.open] == "[" and text[spans.close] == "]"


CATALOGS: list[str] = [
    json.dumps({"errors": [{"code": 1, "message": s, s: [s, {s: s}]} for s in HOSTILE]}, indent=2),
    json.dumps({"errors": [{"code": 1, "m": s} for s in HOSTILE]}, ensure_ascii=False),
    json.dumps({"catalog": {"id": "x"}, "errors": [{"code": 1, "d": deep(DEPTH + 2)}]}, indent=1),
    json.dumps({"catalog": {"d": deep(DEPTH + 3)}, "errors": [{"code": 1}]}, indent=1),
    json.dumps({"x": '"errors": [{}]', "errors": [{"code": 2}], "y": [1, [2, {"z": 3}]]}),
    json.dumps({"errors": [{"code": 1}, {"code": 2}]}, indent=2).replace("\n", "\r\n"),
    '{"err\\u006frs": [ {"code": 1} , {"code": 2}\n]\n, "catalog": {"id": "s"}}',
    '{"errors": [{"code": 1}, 5, {"code": 2}]}',
    '{"errors": []}',
    '{"errors": [{"code": 1, "m": "ends with a backslash \\\\"}, {"code": 2}]}',
    '{"errors": [{"code": 1, "m": "\\"quoted\\""},{"code":2,"u":"\\u005b\\u007d"}]}',
]


@pytest.mark.parametrize("text", CATALOGS)
def test_hostile_json_is_located_as_the_whole_file_map_locates_it(text: str) -> None:
    check(text)


def test_the_fast_index_reads_hostile_strings_and_gives_up_on_depth() -> None:
    taken = [entry_spans(text) is not None for text in CATALOGS]
    assert taken == [True, True, False, False, True, True, True, False, False, True, True]


def test_what_the_pattern_cannot_read_is_refused() -> None:
    assert entry_spans('{"errors": [{"code": 1}, 5]}') is None
    assert entry_spans(json.dumps({"errors": [{"d": deep(DEPTH)}]})) is None
    assert entry_spans("[1]") is None
    assert entry_spans('{"catalog": {}}') is None
    assert entry_spans('{"errors": [{"a": 1}], "errors": [{"b": 2}]}') is None


def test_one_line_entries_are_found() -> None:
    spans = entry_spans('\ufeff{"errors":[{"a":"}"},{"b":["{"]}]}'.lstrip("\ufeff"))
    assert spans is not None and list(spans.starts) == [11, 21]


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(alphabet=st.sampled_from('ab {}[]",:\\\n\t\u00e9\U0001f600'), max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=12,
)
entries = st.dictionaries(st.text(max_size=5), values, max_size=4)


@settings(max_examples=150, deadline=None)
@given(
    before=st.dictionaries(st.sampled_from(["catalog", "modules", "x"]), values, max_size=2),
    errors=st.lists(entries, min_size=1, max_size=5),
    indent=st.sampled_from([None, 1, 2, 4]),
    ascii=st.booleans(),
    crlf=st.booleans(),
)
def test_generated_catalogs_are_located_as_the_whole_file_map_locates_them(
    before: dict[str, Any], errors: list[Any], indent: int | None, ascii: bool, crlf: bool
) -> None:
    text = json.dumps({**before, "errors": errors}, indent=indent, ensure_ascii=ascii)
    if crlf:
        text = text.replace("\n", "\r\n")
    check(text)
