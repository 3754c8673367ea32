"""The lazy JSON entry index (entries found from their ``"code"`` keys) is exact or unused.

:func:`errdex.io.json_entries.anchored` trusts the text only when it holds
``"code"`` exactly as many times as the parsed list has entries, each entry
having a code key; then every element it finds must be the element
:func:`errdex.io.json_entries.entry_spans` finds, and every key path must
resolve where the whole-file map (:func:`errdex.io.locate.positions`) puts it.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.io import json_entries, reads
from errdex.io.json_entries import anchored, entry_spans
from errdex.io.locate import positions
from errdex.io.locator import Locator


def located(text: str) -> Locator:
    """A locator set up the way the catalog builder sets it up."""
    errors = orjson.loads(text)["errors"]
    locator = Locator(text, "json")
    locator.count = len(errors)
    locator.coded = all(type(e) is dict and "code" in e for e in errors)
    return locator


def agrees(text: str) -> bool:
    """Check the lazy index against the exact one; return whether it was usable."""
    errors = orjson.loads(text)["errors"]
    lazy = anchored(text, len(errors))
    if lazy is None:
        return False
    exact = entry_spans(text)
    assert exact is not None
    assert (lazy.open, lazy.close) == (exact.open, exact.close)
    assert len(lazy) == len(errors)
    for i in reversed(range(len(errors))):  # out of order: nothing may depend on the order
        assert lazy.start(i) == exact.starts[i]
        assert lazy.span(i) == (exact.starts[i], exact.ends[i] + 1)
        start, end = exact.starts[i], exact.ends[i] + 1
        assert orjson.loads(text[start:end]) == errors[i]
    return True


def places_agree(text: str) -> None:
    locator = located(text)
    for path, place in positions(text, "json").items():
        assert locator.locate(path) == place, path


def test_an_errdex_written_catalog_takes_the_lazy_index() -> None:
    data = {
        "catalog": {"id": "shop", "locales": ["en", "fr"]},
        "errors": [
            {"code": i, "message": f"m{i}", "translations": {"fr": {"message": "f"}}}
            for i in range(50)
        ],
    }
    text = json.dumps(data, indent=2)
    assert agrees(text)
    places_agree(text)
    catalog, problems = reads(text, "json")
    assert catalog is not None and not problems
    locator = catalog.sources[0].locator
    assert (
        locator.coded
        and locator.locate(("errors", 40, "message"))
        == positions(text, "json")[("errors", 40, "message")]
    )
    assert type(locator._index).__name__ == "_LazyIndex"
    assert locator._full is None  # nothing mapped the whole file


def test_code_after_other_keys_is_found_by_walking_from_the_entry_before() -> None:
    errors = [{"name": "a{", "m": ["}", {"x": "]"}], "code": 1}, {"t": {"a": [1]}, "code": 2}]
    text = json.dumps({"errors": errors, "tail": {"k": [1, 2]}}, indent=1)
    assert agrees(text)
    places_agree(text)


@pytest.mark.parametrize(
    "text",
    [
        # a code key nested in an example: one more "code" than entries
        json.dumps({"errors": [{"code": 1, "examples": [{"body": {"code": 1}}]}]}),
        # the word as a value
        json.dumps({"errors": [{"code": 1, "name": "code"}]}),
        # a code key in the catalog table
        json.dumps({"catalog": {"code": "x"}, "errors": [{"code": 1}]}),
    ],
)
def test_a_text_with_another_code_is_not_trusted(text: str) -> None:
    data = orjson.loads(text)
    assert anchored(text, len(data["errors"])) is None
    places_agree(text)


def test_two_errors_lists_are_not_trusted() -> None:
    # the parser keeps the last list; the walk of the root refuses a second one
    assert anchored('{"errors": [{"code": 1}], "errors": [{"code": 2}]}', 1) is None


def test_an_entry_without_a_code_turns_the_lazy_index_off() -> None:
    # as many "code" texts as entries, but one is nested in the entry that has its own
    text = json.dumps({"errors": [{"name": "a"}, {"code": 1, "x": {"code": 2}}]}, indent=1)
    assert text.count('"code"') == 2
    locator = located(text)
    assert not locator.coded
    for path, place in positions(text, "json").items():
        assert locator.locate(path) == place, path
    assert type(locator._index).__name__ == "_Index"


def test_keys_across_every_block_boundary_are_counted_once() -> None:
    # a key starting at each offset from 7 before a block boundary to 7 after it
    block = json_entries._BLOCK
    errors: list[dict[str, Any]] = []
    for shift in range(-7, 8):
        errors.append({"code": len(errors), "message": ""})  # the pad
        errors.append({"code": len(errors)})
        key = json.dumps({"errors": errors}).rfind('"code"')
        errors[-2]["message"] = "x" * ((shift - key) % block + block)
    text = json.dumps({"errors": errors})
    keys = [i for i in range(len(text)) if text.startswith('"code"', i)]
    offsets = {(k + 7) % block - 7 for k in keys[1::2]}
    assert offsets == set(range(-7, 8))
    assert agrees(text)


def test_a_misread_falls_back_to_the_exact_index(monkeypatch: pytest.MonkeyPatch) -> None:
    text = json.dumps({"errors": [{"code": i, "m": str(i)} for i in range(5)]}, indent=2)
    monkeypatch.setattr(json_entries.Anchored, "start", lambda self, i: None)
    monkeypatch.setattr(json_entries.Anchored, "span", lambda self, i: None)
    locator = located(text)
    for path, place in positions(text, "json").items():
        assert locator.locate(path) == place, path
    assert type(locator._index).__name__ == "_Index"


scalars = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**6),
    st.text(alphabet=st.sampled_from('ab {}[]",:\\\n\u00e9'), max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["k", "code", "x y", "{"]), inner, max_size=3)
    ),
    max_leaves=10,
)


@st.composite
def entry(draw: st.DrawFn) -> dict[str, Any]:
    others = draw(st.dictionaries(st.sampled_from(["name", "m", "t", "{]"]), values, max_size=3))
    keys = list(others)
    at = draw(st.integers(0, len(keys)))
    keys.insert(at, "code")
    code = draw(st.integers(-5, 10**6) | st.text(max_size=4))
    return {k: (code if k == "code" else others[k]) for k in keys}


@settings(max_examples=200, deadline=None)
@given(
    before=st.dictionaries(st.sampled_from(["catalog", "modules"]), values, max_size=2),
    errors=st.lists(entry(), min_size=1, max_size=6),
    indent=st.sampled_from([None, 1, 2]),
    crlf=st.booleans(),
)
def test_generated_catalogs_agree_with_the_exact_index_or_are_refused(
    before: dict[str, Any], errors: list[Any], indent: int | None, crlf: bool
) -> None:
    text = json.dumps({**before, "errors": errors}, indent=indent, ensure_ascii=False)
    if crlf:
        text = text.replace("\n", "\r\n")
    nested = text.count('"code"') != len(errors)
    assert agrees(text) is not nested
    places_agree(text)


def test_the_builder_says_whether_every_entry_has_a_code() -> None:
    shapes = [{"code": 1, "message": "a"}, {"code": 2}, {"code": 3, "message": "b"}]
    catalog, _ = reads(json.dumps({"catalog": {"id": "s"}, "errors": shapes}), "json")
    assert catalog is not None and catalog.sources[0].locator.coded
    for bad in ({"message": "no code"}, "not a table", {"code": 4, "name": 5}):
        text = json.dumps({"catalog": {"id": "s"}, "errors": [*shapes, bad]})
        catalog, _ = reads(text, "json")
        assert catalog is not None
        assert catalog.sources[0].locator.coded is ("code" in bad), bad
