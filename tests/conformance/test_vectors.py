"""The vectors file format (docs/wire.md §1): parsing, errors with line:col, body transport."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from errdex.conformance.vectors import (
    VectorError,
    body_bytes,
    body_fields,
    dump_line,
    dump_lines,
    header,
    parse_vectors,
    read_vectors,
)

HEAD = json.dumps(header("shop", "test"))
HERE = Path(__file__).parent


def _case(**extra: object) -> str:
    case = {"kind": "decode", "vector": "v", "status": 500, "body": "", "expect": {}}
    if "body_b64" in extra:
        del case["body"]
    case.update(extra)
    return json.dumps(case)


def test_hand_written_file_parses_with_comments_and_blank_lines() -> None:
    vectors = read_vectors(HERE / "hand_written.jsonl")
    assert vectors.header["catalog"] == "csghub"
    kinds = {case.kind for case in vectors.cases}
    assert kinds == {"render", "decode"}
    assert all(case.line > 3 for case in vectors.cases)  # file lines, comments counted


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("", ":1:1:", "empty file"),
        (_case(), ":1:1:", "first line must be the header"),
        (HEAD.replace("errdex-wire-vectors", "other"), ":1:1:", "format"),
        (HEAD.replace('"version": 1', '"version": 2'), ":1:1:", "unsupported version 2"),
        (HEAD + "\n" + '  {"kind": "decode", "vector": ', ":2:", "not JSON"),
        (HEAD + "\n[1]", ":2:1:", "JSON object"),
        (HEAD + "\n" + _case(kind="xml"), ":2:1:", "unknown kind 'xml'"),
        (HEAD + "\n" + _case(vector=""), ":2:1:", '"vector"'),
        (HEAD + "\n" + _case(expect=None), ":2:1:", '"expect"'),
        (HEAD + "\n" + _case(body_b64="@@@"), ":2:1:", "not base64"),
        (HEAD + "\n" + _case(headers=[["a"]]), ":2:1:", "[name, value]"),
        (HEAD + "\n" + _case() + "\n\n" + _case(), ":4:1:", "used twice"),
        (HEAD + '\n{"kind": "render", "vector": "r", "expect": {}}', ":2:1:", '"profile"'),
        (HEAD + "\n" + _case(now="1445412470"), ":2:1:", '"now" must be a number'),
        (HEAD + "\n" + _case(now=True), ":2:1:", "Unix seconds"),
        (HEAD + '\n{"kind": "decode", "vector": "n", "now": NaN, "expect": {}}', ":2:1:", '"now"'),
        (HEAD.replace("}", ', "now": "today"}'), ":1:1:", '"now" must be a number'),
    ],
)
def test_malformed_files_name_line_and_column(text: str, where: str, message: str) -> None:
    with pytest.raises(VectorError) as info:
        parse_vectors(text, "v.jsonl")
    assert str(info.value).startswith("v.jsonl" + where), str(info.value)
    assert message in str(info.value)


def test_bodies_travel_as_text_or_base64() -> None:
    assert body_fields("é".encode()) == {"body": "é"}
    latin = "déjà".encode("latin-1")
    fields = body_fields(latin)
    assert set(fields) == {"body_b64"}
    assert body_bytes(fields) == latin
    assert body_bytes({"body": "\u2028"}) == "\u2028".encode()
    assert body_bytes({}) == b""


def test_lines_survive_line_separators_inside_strings() -> None:
    case = {"kind": "decode", "vector": "sep\u2028\u2029\x85\n", "status": 1, "expect": {}}
    line = dump_line(case)
    assert "\u2028" not in line and "\x85" not in line and "\n" not in line
    text = dump_lines(header("c", "t"), [case])
    assert len(text.splitlines()) == 2
    assert parse_vectors(text).cases[0].data == case


def test_crlf_files_are_accepted() -> None:
    text = HEAD + "\r\n" + _case() + "\r\n"
    assert parse_vectors(text).cases[0].vector == "v"


def test_unreadable_and_non_utf8_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(VectorError, match="cannot read"):
        read_vectors(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(HEAD.encode() + b"\n\xff\n")
    with pytest.raises(VectorError, match=r"bad.jsonl:2:1: not UTF-8"):
        read_vectors(bad)
