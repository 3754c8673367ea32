"""The block-at-a-time JSON-lines reader agrees with reading the log line by line.

Two slow references, both written the obvious way: one parses every line the
prefilter's per-line rule keeps (so every figure, malformed lines included, must
agree), the other parses every line (so no error may be missing). Logs mix
successes, errors of every kind, blank lines, CRLF, garbage, non-UTF-8 bytes, JSON
escapes and lines longer than the limit, read in blocks of any size.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import errdex.reality.evidence.prefilter as prefilter
import errdex.reality.evidence.stream as stream
from errdex.reality.evidence import Observation
from errdex.reality.evidence.clock import Window
from errdex.reality.evidence.fields import Fields, fields
from errdex.reality.evidence.jsonl import JsonLines, observe
from errdex.reality.evidence.prefilter import needles, status_pattern

FIELDS = fields()
LIMIT = 400
"""The line limit these tests use (patched over the 16 MiB one)."""


ASCII_ESCAPE = re.compile(rb"\\u00[0-7]")


def keeps(line: bytes, paths: Fields) -> bool:
    """The prefilter's rule for one line, stated line by line."""
    for needle in needles(paths):
        if needle == b"\\u00":  # an escape of an ASCII character only
            if ASCII_ESCAPE.search(line):
                return True
        elif needle in line:
            return True
    return bool(status_pattern(paths).search(line))


def lines_of(data: bytes) -> list[bytes]:
    if not data:
        return []
    lines = data.split(b"\n")
    return lines[:-1] if data.endswith(b"\n") else lines


def slow(data: bytes, paths: Fields, every: bool = False) -> dict[str, Any]:
    """What reading ``data`` line by line finds: every line the rule keeps (or every
    line at all) parsed and judged."""
    seen: list[Observation] = []
    malformed: list[str] = []
    long_lines = 0
    lines = lines_of(data)
    window = Window()
    edges = [line for line in lines if len(line) <= LIMIT and line.strip(b" \t\r")]
    for line in edges[:1] + edges[-1:]:
        with contextlib.suppress(orjson.JSONDecodeError):
            window.see(paths.get(orjson.loads(line), "time"))
    for number, line in enumerate(lines, 1):
        if len(line) > LIMIT:
            long_lines += 1
            continue
        if not every and not keeps(line, paths):
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            malformed.append(f"log:{number}")
            continue
        found = observe(record, paths, f"log:{number}")
        if found is not None:
            seen.append(found)
            window.see(paths.get(record, "time"))
    return {
        "seen": seen,
        "records": len(lines),
        "malformed": len(malformed),
        "first_malformed": malformed[0] if malformed else None,
        "long_lines": long_lines,
        "window": window.texts(),
    }


def fast(data: bytes, paths: Fields, block: int) -> dict[str, Any]:
    reader = JsonLines(io.BytesIO(data), "log", paths, block=block)
    seen = list(reader)
    return {
        "seen": seen,
        "records": reader.records,
        "malformed": reader.malformed,
        "first_malformed": reader.first_malformed,
        "long_lines": reader.long_lines,
        "window": reader.window.texts(),
    }


def escaped(line: bytes, rng: random.Random) -> bytes:
    """``line`` with some letters inside its strings written as ``\\u`` escapes
    (the same JSON: loggers that escape everything write this)."""
    out = bytearray()
    inside = backslash = False
    for byte in line:
        if inside and not backslash and chr(byte).isalnum() and rng.random() < 0.3:
            out += b"\\u%04x" % byte
            continue
        out.append(byte)
        if backslash:
            backslash = False
        elif byte == 0x5C and inside:
            backslash = True
        elif byte == 0x22:
            inside = not inside
    return bytes(out)


RPC_ERROR = {"jsonrpc": "2.0", "id": 1, "error": {"code": -32000, "message": "header not found"}}
PROBLEM = {"type": "about:blank", "title": "Unauthorized", "status": 401, "code": "AUTH-ERR-4"}


def _record(kind: int, n: int) -> dict[str, Any]:
    base: dict[str, Any] = {"ts": f"2026-12-02T00:{n % 7:02d}:{n % 60:02d}Z", "path": f"/v1/{n}"}
    if kind == 0:
        return {**base, "status": 200}
    if kind == 1:
        return {**base, "status": 401, "response": {"body": orjson.dumps(PROBLEM).decode()}}
    if kind == 2:  # a status that is a string, a nested OpenTelemetry-style key
        return {**base, "http": {"response": {"status_code": "503"}}}
    if kind == 3:  # a JSON-RPC error sent with 200, its body a nested object
        return {**base, "status": 200, "response": {"body": RPC_ERROR}}
    if kind == 4:  # the same, its body a string
        return {**base, "status": 200, "body": orjson.dumps([RPC_ERROR]).decode()}
    if kind == 5:  # an error code without a status
        return {**base, "error": {"code": "AUTH-ERR-5", "message": "no token"}}
    if kind == 6:  # a status that only looks like one
        return {**base, "status": "4²²", "error_code": True, "note": "status 404"}
    if kind == 7:
        return {**base, "statusCode": 500, "errorMessage": "boom", "body": None}
    return {**base, "status": 204, "response": {"body": '{"result": "0x1"}'}}


garbage = st.sampled_from(
    [
        b"",
        b"   ",
        b'{"status": 500, oops',
        b'{"status":"404"',
        b"\xff\xfe not utf-8 \x80",
        b'{"error": {"code": "\xff"}}',
        b"plain text 502 Bad Gateway",
        b'"status":\t503',
        b"[1, 2, 3]",
        b"null",
        b'{"ua": "Mozill\\u00e1", "status": 200}',
        b'{"msg": "\\u4e2d\\u6587", "response": {"body": "{}"}}',
        b'{"status": 503, "msg": "caf\\u00e9"}',
        b'{"msg": "\\u00e9\\u0072r"}',
    ]
)
line_parts = st.one_of(
    st.tuples(st.integers(0, 8), st.booleans()).map(lambda t: ("json", *t)),
    garbage.map(lambda g: ("raw", g, False)),
    st.integers(LIMIT - 20, LIMIT + 40).map(lambda n: ("long", n, False)),
)


def build(parts: list[tuple[str, Any, bool]], crlf: bool, final: bool, seed: int) -> bytes:
    rng = random.Random(seed)
    out = []
    for n, (what, value, escape) in enumerate(parts):
        if what == "json":
            line = orjson.dumps(_record(value, n))
            out.append(escaped(line, rng) if escape else line)
        elif what == "raw":
            out.append(value)
        else:  # a long error line of about ``value`` bytes
            head = b'{"status":500,"pad":"'
            out.append(head + b"x" * max(0, value - len(head) - 2) + b'"}')
    end = b"\r\n" if crlf else b"\n"
    data = end.join(out)
    return data + end if final and out else data


@pytest.mark.parametrize("dense", [prefilter.DENSE, 1])  # 1: escapes swept block-wide
@settings(max_examples=200, deadline=None)
@given(
    st.lists(line_parts, max_size=40),
    st.booleans(),
    st.booleans(),
    st.integers(0, 2**32),
    st.sampled_from([1, 2, 3, 7, 31, 64, 257, 4096, 1 << 22]),
)
def test_blocks_of_any_size_find_what_reading_line_by_line_finds(
    dense: int,
    parts: list[tuple[str, Any, bool]],
    crlf: bool,
    final: bool,
    seed: int,
    block: int,
) -> None:
    data = build(parts, crlf, final, seed)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stream, "MAX_LINE", LIMIT)
        patch.setattr(prefilter, "DENSE", dense)
        got = fast(data, FIELDS, block)
    assert got == slow(data, FIELDS)
    assert got["seen"] == slow(data, FIELDS, every=True)["seen"]  # no error is missed


@settings(max_examples=100, deadline=None)
@given(st.lists(line_parts, max_size=30), st.integers(0, 2**32), st.sampled_from([5, 64, 4096]))
def test_other_field_paths_agree_too(
    parts: list[tuple[str, Any, bool]], seed: int, block: int
) -> None:
    paths = fields(["status=http.response.status_code,ms", "code=path", "body=ts"])
    data = build(parts, False, True, seed)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stream, "MAX_LINE", LIMIT)
        got = fast(data, paths, block)
    assert got == slow(data, paths)
    assert got["seen"] == slow(data, paths, every=True)["seen"]


def test_a_status_field_that_is_not_named_status_is_found() -> None:
    paths = fields(["status=http.code"])
    data = b'{"http":{"code":200}}\n{"http":{"code":502}}\n'
    assert [o.where for o in JsonLines(io.BytesIO(data), "log", paths)] == ["log:2"]


def test_json_escapes_cannot_hide_an_error() -> None:
    data = (
        b'{"st\\u0061tus": 500}\n'
        b'{"status": 200, "body": "{\\"jsonrpc\\":\\"2.0\\",\\"\\u0065rror\\":{\\"code\\":-1}}"}\n'
        b'{"status": "\\u0034\\u00304"}\n'
    )
    seen = list(JsonLines(io.BytesIO(data), "log", FIELDS))
    assert [(o.where, o.status) for o in seen] == [("log:1", 500), ("log:2", 200), ("log:3", 404)]


def test_a_status_in_other_digits_is_no_status() -> None:
    data = '{"status": "4²²", "error_code": true}\n{"status": "５０３"}\n'.encode()
    reader = JsonLines(io.BytesIO(data), "log", FIELDS)
    assert list(reader) == []
    assert (reader.records, reader.malformed) == (2, 0)


def test_a_long_line_is_skipped_wherever_the_reads_cut_it(monkeypatch: Any) -> None:
    monkeypatch.setattr(stream, "MAX_LINE", 50)
    fits = b'{"status":500,"x":"' + b"y" * 29 + b'"}'  # exactly 50 bytes
    over = b'{"status":500,"x":"' + b"y" * 30 + b'"}'
    data = fits + b"\n" + over + b"\n" + fits + b"\n" + over
    for block in (1, 7, 50, 51, 4096):
        reader = JsonLines(io.BytesIO(data), "log", FIELDS, block=block)
        assert [o.where for o in reader] == ["log:1", "log:3"], block
        assert (reader.records, reader.long_lines) == (4, 2), block


def test_a_key_json_may_write_with_a_short_escape_is_found_written_so() -> None:
    paths = fields(["code=api/code", "status=http/status"])
    data = b'{"api\\/code": "AUTH-ERR-5"}\n{"http\\/status": 502}\n{"api/code": "X"}\n{"ok": 1}\n'
    seen = [(o.where, o.code, o.status) for o in JsonLines(io.BytesIO(data), "log", paths)]
    assert seen == [("log:1", "AUTH-ERR-5", None), ("log:2", None, 502), ("log:3", "X", None)]
    assert fast(data, paths, 7)["seen"] == slow(data, paths, every=True)["seen"]


def test_escaped_non_ascii_text_is_not_parsed_but_escaped_ascii_is() -> None:
    data = (
        b'{"ua": "Mozill\\u00e1", "status": 200}\n'  # Python's json writes non-ASCII so
        b'{"msg": "\\u4e2d\\u6587"}\n'
        b'{"st\\u0061tus": 500}\n'
        b'{"status": 200, "msg": "oops\\u00e9", "x": {"a": 1\n'  # not JSON, not kept either
    )
    reader = JsonLines(io.BytesIO(data), "log", FIELDS)
    assert [o.where for o in reader] == ["log:3"]
    assert (reader.records, reader.malformed) == (4, 0)
    named = fields(["code=错误码"])  # a name not ASCII: any \\u escape may spell it
    line = b'{"\\u9519\\u8bef\\u7801": "E-1"}\n'
    assert [o.code for o in JsonLines(io.BytesIO(line), "log", named)] == ["E-1"]


def test_a_block_full_of_escaped_text_is_swept_whole_and_still_finds_every_error() -> None:
    rng = random.Random(5)
    lines = []
    for n in range(3000):
        if n % 97 == 13:  # an error whose every trace is an escaped ASCII letter
            lines.append(b'{"msg":"caf\\u00e9","st\\u0061tus":503,"n":%d}' % n)
        elif n % 89 == 7:
            lines.append(escaped(orjson.dumps(_record(n % 9, n)), rng))
        else:
            lines.append(b'{"msg":"caf\\u00e9 \\u4e2d","status":200,"n":%d}' % n)
    data = b"\n".join(lines) + b"\n"
    got = fast(data, FIELDS, 1 << 22)
    assert got == slow(data, FIELDS)
    assert got["seen"] == slow(data, FIELDS, every=True)["seen"]
    assert len(got["seen"]) >= 3000 // 97
