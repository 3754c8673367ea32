"""Duplicate keys in JSON and YAML files are located errors (E001), never "the last one wins"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import errdex
from errdex.io import CatalogError, read, reads

JSON_CASES = {
    # name: (text, line, col, first line)
    "an entry key": ('{"catalog": {"id": "x"},\n "errors": [{"code": 1,\n  "code": 2}]}', 3, 3, 2),
    "a top-level key": ('{"catalog": {"id": "x"},\n"catalog": {"id": "y"}}', 2, 1, 1),
    "a translation": (
        '{"catalog": {"id": "x"}, "errors": [{"code": 1, "translations":\n'
        ' {"de": {"message": "a"},\n  "de": {"message": "b"}}}]}',
        3,
        3,
        2,
    ),
    "a key spelt with an escape": ('{"catalog": {"id": "x", "i\\u0064": "y"}}', 1, 25, 1),
    "a duplicate balanced by escaped colons": (
        '{"catalog": {"id": "x"}, "errors": [{"code": 1, "message": "\\u003a", "code": 2}]}',
        1,
        70,
        1,
    ),
    "keys with blanks before the colon": (
        '{"catalog" : {"id" : "x"}, "errors" : [{"code" : 1, "code" : 2}]}',
        1,
        53,
        1,
    ),
}


@pytest.mark.parametrize("case", sorted(JSON_CASES))
def test_a_repeated_json_key_is_an_error_at_the_second_naming_the_first(case: str) -> None:
    text, line, col, first = JSON_CASES[case]
    catalog, (diag,) = reads(text, "json")
    assert catalog is None
    assert diag.rule.id == "E001" and (diag.line, diag.col) == (line, col), diag.location
    assert f"first at line {first}" in diag.message and diag.hint
    with pytest.raises(CatalogError):
        errdex.loads(text, "json")


@pytest.mark.parametrize(
    "text",
    [
        '{"catalog": {"id": "x"}, "errors": [{"code": 1, "message": "a\\":b \\\\\\": c"}]}',
        '{"catalog": {"id": "x", "title": "T: \\u003a"}, "errors": [{"code": 1}, {"code": 2}]}',
        '{"catalog": {"id": "x"}, "errors": [{"code": 1, "name": "a"}, {"code": 2, "name": "b"}]}',
        '{"catalog": {"id" : "x"}, "modules": {"a": {"title": "A"}, "b": {"title": "A"}}}',
    ],
)
def test_json_without_a_repeated_key_loads(text: str) -> None:
    catalog, problems = reads(text, "json")
    assert catalog is not None and [p for p in problems if p.rule.id == "E001"] == []


def test_json_nested_deeper_than_orjson_writes_is_still_checked() -> None:
    deep = "[" * 400 + "]" * 400
    ok = '{"catalog": {"id": "x"}, "x": ' + deep + "}"
    assert [p.rule.id for p in reads(ok, "json")[1] if p.rule.id == "E001"] == []
    bad = '{"catalog": {"id": "x"}, "x": ' + deep + ', "x": 1}'
    (diag,) = reads(bad, "json")[1]
    assert diag.rule.id == "E001" and "'x' is set twice" in diag.message


def test_a_repeated_key_among_many_entries_is_found() -> None:
    entries = [{"code": i, "message": f"Error {i}: a colon"} for i in range(5000)]
    text = json.dumps({"catalog": {"id": "x"}, "errors": entries}, indent=1)
    assert reads(text, "json")[0] is not None
    text = text.replace('"code": 4321,', '"code": 4321, "message": "again",', 1)
    (diag,) = reads(text, "json")[1]
    assert "'message' is set twice" in diag.message


YAML_CASES = {
    "an entry key": (
        "catalog:\n  id: x\nerrors:\n  - code: 1\n    name: a\n    code: 2\n",
        6,
        5,
        4,
    ),
    "a flow mapping": ("catalog: {id: x, id: y}\n", 1, 18, 1),
    "a top-level key": ("catalog:\n  id: x\ncatalog:\n  id: y\n", 3, 1, 1),
    "two spellings of true": (
        "catalog: {id: x}\nerrors:\n  - code: 1\n    retryable: true\n    retryable: yes\n",
        5,
        5,
        4,
    ),
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_a_repeated_yaml_key_is_an_error_at_the_second_naming_the_first(case: str) -> None:
    text, line, col, first = YAML_CASES[case]
    catalog, (diag,) = reads(text, "yaml")
    assert catalog is None
    assert diag.rule.id == "E001" and (diag.line, diag.col) == (line, col), diag.location
    assert f"first at line {first}" in diag.message and diag.hint


def test_a_yaml_merge_key_overridden_in_the_mapping_is_no_duplicate() -> None:
    text = (
        "catalog: {id: x}\nerrors:\n  - &base {code: 1, message: Gone.}\n"
        "  - <<: *base\n    code: 2\n"
    )
    catalog, problems = reads(text, "yaml")
    assert catalog is not None and [e.code for e in catalog.entries] == [1, 2]
    assert problems == []


def test_a_repeated_key_in_a_locale_file_is_located_there(tmp_path: Path) -> None:
    (tmp_path / "errdex.json").write_text(
        json.dumps({"catalog": {"id": "x"}, "errors": [{"code": 1, "message": "a"}]})
    )
    (tmp_path / "locales").mkdir()
    locale = tmp_path / "locales" / "de.json"
    locale.write_text('{"errors": {"1": {"message": "a",\n  "message": "b"}}}')
    catalog, problems = read(tmp_path)
    assert catalog is not None  # the main file is fine; the locale file is not
    (diag,) = [p for p in problems if p.rule.id == "E001"]
    assert diag.file is not None and diag.file.endswith("de.json")
    assert (diag.line, diag.col) == (2, 3) and "first at line 1" in diag.message
    with pytest.raises(CatalogError):
        errdex.load(tmp_path)
