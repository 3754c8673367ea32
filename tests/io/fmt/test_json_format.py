"""``errdex.io.fmt.json_format``: JSON catalog files in spec key order, two-space indent."""

from __future__ import annotations

from errdex.io.fmt.json_format import format_json, reorder
from errdex.io.fmt.shape import FREE, of_file


def test_keys_in_spec_order_two_space_indent_final_newline() -> None:
    text = '{"errors":[{"message":"m","code":1}],"catalog":{"title":"T","id":"x"}}'
    assert format_json(text, of_file("main")) == (
        '{\n  "catalog": {\n    "id": "x",\n    "title": "T"\n  },\n'
        '  "errors": [\n    {\n      "code": 1,\n      "message": "m"\n    }\n  ]\n}\n'
    )


def test_lists_keep_their_order_and_free_data_is_untouched() -> None:
    data = {"errors": [{"code": 2}, {"code": 1}], "catalog": {"id": "x"}}
    assert [e["code"] for e in reorder(data, of_file("main"))["errors"]] == [2, 1]
    assert list(reorder({"b": 1, "a": {"d": 1, "c": 2}}, FREE)) == ["b", "a"]


def test_formatting_is_idempotent() -> None:
    once = format_json('{"catalog":{"id":"x","title":"T"}}', of_file("main"))
    assert format_json(once, of_file("main")) == once
