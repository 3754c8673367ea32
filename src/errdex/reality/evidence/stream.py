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
    """The blocks of a stream, each ending at a line end; counts what it skipped."""

    def __init__(self, stream: Readable, size: int = BLOCK) -> None:
        self.stream = stream
        self.size = size
        self.long_lines = 0
        """Lines skipped for being longer than :data:`MAX_LINE` (each left as an empty line,
        so line numbers stay right)."""

    def __iter__(self) -> Iterator[bytes]:
        rest = b""
        skipping = False
        read = self.stream.read
        while True:
            chunk = read(self.size)
            if not chunk:
                if rest and not skipping:
                    yield rest
                return
            if skipping:
                cut = chunk.find(b"\n")
                if cut < 0:
                    continue
                skipping = False
                chunk = b"\n" + chunk[cut + 1 :]  # the skipped line stays a line
            chunk = rest + chunk if rest else chunk
            cut = chunk.rfind(b"\n")
            if cut < 0:
                rest = chunk
                if len(rest) > MAX_LINE:
                    self.long_lines += 1
                    rest, skipping = b"", True
                continue
            rest = chunk[cut + 1 :]
            yield chunk[: cut + 1]


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
    what was read — records, malformed ones (and where the first is), long lines skipped."""

    kind = ""

    def __init__(self, stream: Readable, name: str) -> None:
        self.stream = stream
        self.name = name
        self.records = 0
        self.malformed = 0
        self.first_malformed: str | None = None
        self.long_lines = 0

    def __iter__(self) -> Iterator[Observation]:
        """The observations, read as they are needed."""
        raise NotImplementedError

    def bad(self, where: str) -> None:
        """Count one malformed record at ``where``."""
        self.malformed += 1
        if self.first_malformed is None:
            self.first_malformed = where
