"""JSON-lines logs: one record a line, the error's facts at configurable field paths.

Most lines of an access log are successes. The reader takes the log a block
(:data:`~errdex.reality.evidence.stream.BLOCK`) at a time; sweeps over the whole
block (:mod:`.prefilter`) find the lines that can hold an error, and only those
are parsed. Every line is still counted (``records``), with one count of line
ends per block; a line cut by two reads is joined first, so what is found never
depends on where the blocks end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import orjson

from errdex.reality.evidence import Observation
from errdex.reality.evidence.fields import ROLES, Fields, Picker
from errdex.reality.evidence.prefilter import STATUS, Prefilter, candidates, needles
from errdex.reality.evidence.rpc import is_rpc_error
from errdex.reality.evidence.stream import BLOCK, Blocks, Readable, Reader

__all__ = ["STATUS", "JsonLines", "candidates", "needles", "observe"]


def _status(value: Any) -> int | None:
    if type(value) is int:
        return value if 100 <= value <= 599 else None
    if type(value) is str and len(value) == 3 and value.isascii() and value.isdigit():
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
    return observe_values([fields.get(record, role) for role in ROLES], where)


def observe_values(values: list[Any], where: str) -> Observation | None:
    """The error a record shows, from the value of each role of
    :data:`~errdex.reality.evidence.fields.ROLES` (None when it shows none)."""
    raw_status, code, message, raw_body, headers, space, _time = values
    status = _status(raw_status)
    if type(code) not in (str, int) or type(code) is bool:
        code = None
    body = _body(raw_body)
    quiet = (status is None or status < 400) and code is None
    if quiet and (body is None or not is_rpc_error(body)):
        return None
    return Observation(
        where,
        status,
        _headers(headers),
        body,
        code,
        message if type(message) is str else None,
        space if type(space) is str else None,
    )


BLANK = b" \t\r\n"


def _edge_lines(block: bytes, first: int, last: int) -> tuple[slice | None, slice | None]:
    """The first and the last line of ``block[first:last]`` that are not blank (a run of
    blank lines costs a C-speed strip, never a Python loop per line)."""
    for width in (4096, last - first):
        part = block[first : min(last, first + width)]
        kept = part.lstrip(BLANK)
        if kept:
            begin = first + len(part) - len(kept)
            break
    else:
        return None, None
    stop = block.find(b"\n", begin, last)
    head = slice(block.rfind(b"\n", first, begin) + 1 or first, last if stop < 0 else stop)
    for width in (4096, last - first):
        part = block[max(first, last - width) : last]
        kept = part.rstrip(BLANK)
        if kept:
            stop = last - (len(part) - len(kept))
            break
    return head, slice(block.rfind(b"\n", first, stop) + 1 or first, stop)


class JsonLines(Reader):
    """The errors of a JSON-lines log; after iteration, ``records`` (lines read),
    ``malformed`` (lines the prefilter kept that are not JSON), ``first_malformed``
    and ``long_lines`` say what was read, and ``window`` the time span from the
    timestamps of the first and last records and of every error."""

    kind = "jsonl"

    def __init__(self, stream: Readable, name: str, fields: Fields, block: int = BLOCK) -> None:
        super().__init__(stream, name)
        self.fields = fields
        self.block = block

    def __iter__(self) -> Iterator[Observation]:
        lines = Prefilter(self.fields).lines
        values = Picker(self.fields).values
        loads = orjson.loads
        decode_error = orjson.JSONDecodeError
        see = self.window.see
        name = self.name
        line_no = 0  # the lines before ``pos``
        blocks = Blocks(self.stream, self.block)
        ended = True
        first_line: bytes | None = None
        last_line: tuple[bytes, slice] | None = None
        for block, first, last in blocks.spans():
            head, tail = _edge_lines(block, first, last)
            if tail is not None:
                last_line = block, tail
                if first_line is None and head is not None:
                    first_line = block[head]
                    see(_time(first_line, values))
            pos = first
            count, find = block.count, block.find
            for start in lines(block, first, last):
                line_no += count(b"\n", pos, start)
                pos = start
                end = find(b"\n", start, last)
                try:
                    record = loads(block[start:end] if end >= 0 else block[start:last])
                except decode_error:
                    self.bad(f"{name}:{line_no + 1}")
                    continue
                found = values(record)
                seen = observe_values(found, f"{name}:{line_no + 1}")
                if seen is not None:
                    see(found[-1])
                    yield seen
            line_no += count(b"\n", pos, last)
            ended = block[last - 1] == 10  # a line end
        if last_line is not None:
            see(_time(last_line[0][last_line[1]], values))
        self.records = line_no + (not ended)
        self.long_lines = blocks.long_lines


def _time(line: bytes, values: Callable[[Any], list[Any]]) -> Any:
    """The time role's value in one line (None: not JSON, or no time in it)."""
    try:
        return values(orjson.loads(line))[-1]
    except orjson.JSONDecodeError:
        return None
