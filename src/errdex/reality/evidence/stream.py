"""Reading evidence files in bounded memory: blocks cut at line ends, gzip, stdin.

:func:`blocks` yields the file in blocks of about :data:`BLOCK` bytes, each
ending at a newline, so a reader never holds more than one block and one line.
A line longer than :data:`MAX_LINE` is skipped (counted, never buffered whole).
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from errdex.reality.evidence import EvidenceError, Observation
from errdex.reality.evidence.clock import Window


class Readable(Protocol):
    """What a reader needs of a stream: ``read(size)``."""

    def read(self, size: int = -1, /) -> bytes: ...


BLOCK = 1 << 22
MAX_LINE = 1 << 24
"""Bytes of one record beyond which it is skipped (16 MiB)."""


@contextmanager
def opened(path: str) -> Iterator[BinaryIO]:
    """The evidence file as a binary stream: ``-`` is standard input, ``*.gz`` is
    decompressed; raises :class:`EvidenceError` for a file that cannot be read."""
    if path == "-":
        yield sys.stdin.buffer
        return
    file = Path(path)
    if not file.is_file():
        what = "a folder" if file.is_dir() else "not a readable file"
        raise EvidenceError(f"{path}: {what}; give log, OTLP, HAR or dump files")
    try:
        handle: Any = gzip.open(file, "rb") if file.suffix == ".gz" else open(file, "rb")  # noqa: SIM115
    except OSError as exc:
        raise EvidenceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        yield handle
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise EvidenceError(f"{path}: cannot read: {exc}") from None
    finally:
        handle.close()


class Blocks:
    """The blocks of a stream, each ending at a line end; counts what it skipped.

    A line is skipped when it is longer than :data:`MAX_LINE` bytes without its
    line end, wherever the reads cut it (it is left as an empty line, so line
    numbers stay right): the outcome does not depend on the block size, which is
    kept at most :data:`MAX_LINE`. :meth:`spans` gives the blocks without copying
    the reads; iterating gives them as ``bytes``.
    """

    def __init__(self, stream: Readable, size: int = BLOCK) -> None:
        self.stream = stream
        self.size = max(1, min(size, MAX_LINE))
        self.long_lines = 0
        """Lines skipped for being longer than :data:`MAX_LINE` (each left as an empty line,
        so line numbers stay right)."""

    def __iter__(self) -> Iterator[bytes]:
        for buffer, start, end in self.spans():
            yield buffer if start == 0 and end == len(buffer) else buffer[start:end]

    def spans(self) -> Iterator[tuple[bytes, int, int]]:
        """``(buffer, start, end)``: ``buffer[start:end]`` is the next block of whole
        lines (the last one may lack its line end). A read is handed on as it is;
        only a line cut by two reads is put together (as a block of its own)."""
        limit = MAX_LINE
        rest: list[bytes] = []  # the start of a line the reads have not finished
        pending = 0  # its length
        skipping = False  # the current line is over the limit: drop it up to its end
        read = self.stream.read
        while True:
            chunk = read(self.size)
            if not chunk:
                if skipping:
                    yield b"\n", 0, 1
                elif pending:
                    yield _joined(rest), 0, pending
                return
            first = chunk.find(b"\n")
            if first < 0:  # the line goes on past this read
                if not skipping:
                    pending += len(chunk)
                    if pending > limit:
                        self.long_lines += 1
                        rest, pending, skipping = [], 0, True
                    else:
                        rest.append(chunk)
                continue
            if skipping:
                skipping = False
                yield b"\n", 0, 1  # the skipped line stays a line
            elif pending:
                if pending + first > limit:
                    self.long_lines += 1
                    yield b"\n", 0, 1
                else:
                    rest.append(chunk[: first + 1])
                    yield _joined(rest), 0, pending + first + 1
            else:
                first = -1  # no line was cut: the read's first line is in the block below
            rest, pending = [], 0
            last = chunk.rfind(b"\n")
            if last > first:
                yield chunk, first + 1, last + 1
            if last + 1 < len(chunk):
                rest, pending = [chunk[last + 1 :]], len(chunk) - last - 1
                if pending > limit:  # only when reads are larger than the limit
                    self.long_lines += 1
                    rest, pending, skipping = [], 0, True


def _joined(parts: list[bytes]) -> bytes:
    return parts[0] if len(parts) == 1 else b"".join(parts)


class Prefixed:
    """A binary stream that first gives back bytes already read from another one."""

    def __init__(self, head: bytes, stream: Readable) -> None:
        self.head = head
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all that is left for -1)."""
        if self.head:
            if size < 0:
                out, self.head = self.head + self.stream.read(), b""
                return out
            out, self.head = self.head[:size], self.head[size:]
            return out
        return self.stream.read(size)


class Reader:
    """The base of every evidence reader: the stream, its name for ``file:line``, and
    what was read — records, malformed ones (and where the first is), long lines skipped,
    the time window."""

    kind = ""

    def __init__(self, stream: Readable, name: str) -> None:
        self.stream = stream
        self.name = name
        self.records = 0
        self.malformed = 0
        self.first_malformed: str | None = None
        self.long_lines = 0
        self.window = Window()
        """The earliest and latest timestamp of the records read (see each reader)."""

    def __iter__(self) -> Iterator[Observation]:
        """The observations, read as they are needed."""
        raise NotImplementedError

    def bad(self, where: str) -> None:
        """Count one malformed record at ``where``."""
        self.malformed += 1
        if self.first_malformed is None:
            self.first_malformed = where
