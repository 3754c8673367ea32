"""JSON-lines logs: one record a line, the error's facts at configurable field paths.

Most lines of an access log are successes. Over each block, a few substring
searches and one regular expression (:func:`candidates`) find the lines that
can hold an error — a status field with a 4xx or 5xx value, or a key a code,
message or body path starts with — and only those are parsed, so the reader
runs faster than parsing every line. The search is a superset of the exact
test made after parsing (a record is an error when its status is at least 400,
or it names an error code, or its body is a JSON-RPC error), so no error line
is missed; a line is found by its keys' literal names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import orjson

from errdex.reality.evidence import Observation
from errdex.reality.evidence.fields import Fields
from errdex.reality.evidence.rpc import is_rpc_error
from errdex.reality.evidence.stream import Blocks, Readable, Reader

STATUS = re.compile(rb'status(?:_code|Code)?"\s*:\s*"?[45][0-9][0-9](?![0-9])')
"""An error status under any key ending in ``status``, ``status_code`` or ``statusCode``
(``"status": 503``, ``"http.response.status_code": "404"``)."""


def needles(fields: Fields) -> tuple[bytes, ...]:
    """The literal texts one of which a line must hold to name a code, message or body.

    Each path's first key, quoted and cut to three characters (``"err`` stands
    for ``"error"``, ``"err"``, ``"errdex"``, ``"error_code"``, ``"errorMessage"``…),
    so three substring searches cover the default keys; a needle that another
    one starts with is dropped.
    """
    found = set()
    for role in ("code", "message", "body"):
        for _dotted, steps in fields.paths[role]:
            key = steps[0]
            found.add(('"' + (key[:3] if len(key) >= 3 else key + '"')).encode())
    kept = sorted(found)
    return tuple(n for n in kept if not any(o != n and n.startswith(o) for o in kept))


def candidates(
    block: bytes, texts: tuple[bytes, ...], status: re.Pattern[bytes] = STATUS
) -> list[int]:
    """The start offsets, in order, of the lines of ``block`` that can hold an error:
    a status match or one of ``texts``. A superset of the error lines."""
    starts = set()
    find, rfind = block.find, block.rfind
    for text in texts:
        pos = find(text)
        while pos >= 0:
            starts.add(rfind(b"\n", 0, pos) + 1)
            end = find(b"\n", pos)
            if end < 0:
                break
            pos = find(text, end)
    for match in status.finditer(block):
        starts.add(rfind(b"\n", 0, match.start()) + 1)
    return sorted(starts)


def _status(value: Any) -> int | None:
    if type(value) is int:
        return value if 100 <= value <= 599 else None
    if type(value) is str and value.isdigit() and len(value) == 3:
        return int(value)
    return None


def _body(value: Any) -> bytes | None:
    if value is None:
        return None
    if type(value) is str:
        return value.encode("utf-8", "replace")
    if type(value) is bytes:
        return value
    try:
        return orjson.dumps(value)
    except TypeError:
        return None


def _headers(value: Any) -> tuple[tuple[str, str], ...]:
    if type(value) is dict:
        return tuple((str(k), str(v)) for k, v in value.items() if type(v) in (str, int))
    if type(value) is list:
        return tuple(
            (str(item[0]), str(item[1]))
            for item in value
            if type(item) in (list, tuple) and len(item) == 2
        )
    return ()


def observe(record: Any, fields: Fields, where: str) -> Observation | None:
    """The error a parsed record shows, or None when it shows none."""
    status = _status(fields.get(record, "status"))
    code = fields.get(record, "code")
    if type(code) not in (str, int) or type(code) is bool:
        code = None
    body = _body(fields.get(record, "body"))
    quiet = (status is None or status < 400) and code is None
    if quiet and (body is None or not is_rpc_error(body)):
        return None
    message = fields.get(record, "message")
    space = fields.get(record, "space")
    return Observation(
        where,
        status,
        _headers(fields.get(record, "headers")),
        body,
        code,
        message if type(message) is str else None,
        space if type(space) is str else None,
    )


class JsonLines(Reader):
    """The errors of a JSON-lines log; after iteration, ``records`` (lines read),
    ``malformed`` (error lines that are not JSON), ``first_malformed`` and
    ``long_lines`` say what was read."""

    kind = "jsonl"

    def __init__(self, stream: Readable, name: str, fields: Fields) -> None:
        super().__init__(stream, name)
        self.fields = fields

    def __iter__(self) -> Iterator[Observation]:
        texts = needles(self.fields)
        loads = orjson.loads
        decode_error = orjson.JSONDecodeError
        fields = self.fields
        name = self.name
        line_no = 0
        blocks = Blocks(self.stream)
        for block in blocks:
            self.records += block.count(b"\n") + (0 if block.endswith(b"\n") else 1)
            pos = 0  # line_no counts the lines before ``pos``
            count = block.count
            for start in candidates(block, texts):
                end = block.find(b"\n", start)
                if end < 0:
                    end = len(block)
                line_no += count(b"\n", pos, start)
                pos = start
                where = f"{name}:{line_no + 1}"
                try:
                    record = loads(block[start:end])
                except decode_error:
                    self.bad(where)
                    continue
                seen = observe(record, fields, where)
                if seen is not None:
                    yield seen
            line_no += count(b"\n", pos)
        self.long_lines = blocks.long_lines
