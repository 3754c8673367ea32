"""A concrete syntax reader of TOML for the formatter: statements in source order.

:func:`statements` turns TOML text into the lines a person wrote — blank
lines, comment lines, table headers and ``key = value`` pairs with their
inline comments — and each value into a small tree (strings with their
original spelling, arrays with the comments between their items, inline
tables). Nothing is lost that the formatter keeps, and nothing is evaluated
that it does not need.

It expects text that :mod:`tomllib` has already accepted: it reports a
:class:`CSTError` (an internal error of the formatter) rather than explaining
bad syntax, which is the reader's job.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from errdex.io import toml_parse


class CSTError(ValueError):
    """Raised when the reader meets text it cannot follow (valid TOML never does)."""


class Scalar(NamedTuple):
    """A number, boolean or date, kept as written (``1_000``, ``0x1F``, ``true``)."""

    raw: str


class String(NamedTuple):
    """A string in one of TOML's four spellings; ``raw`` includes the quotes."""

    raw: str
    kind: str  # "basic", "literal", "ml-basic", "ml-literal"


class ArrayItem(NamedTuple):
    """One element of an array, with the comment lines above it and the one after it."""

    leading: tuple[str, ...]
    value: Value
    comment: str | None
    comment_col: int


class Array(NamedTuple):
    """``[a, b]``; ``multiline`` when written over lines; ``tail``: comments before ``]``."""

    items: tuple[ArrayItem, ...]
    multiline: bool
    tail: tuple[str, ...]


class InlineTable(NamedTuple):
    """``{ key = value, ... }``: pairs of (key parts, value) in source order."""

    pairs: tuple[tuple[tuple[str, ...], Value], ...]


Value = Scalar | String | Array | InlineTable


class Blank(NamedTuple):
    """One or more empty lines."""

    line: int


class Comment(NamedTuple):
    """A line holding only a comment; ``text`` starts with ``#``, trailing spaces removed."""

    line: int
    text: str


class Header(NamedTuple):
    """``[a.b]`` (``aot`` false) or ``[[a.b]]`` (``aot`` true), with its inline comment."""

    line: int
    keys: tuple[str, ...]
    aot: bool
    comment: str | None
    comment_col: int


class KeyValue(NamedTuple):
    """``key = value`` (key parts decoded, dotted keys kept dotted) and its inline comment."""

    line: int
    keys: tuple[str, ...]
    value: Value
    comment: str | None
    comment_col: int


Statement = Blank | Comment | Header | KeyValue

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?"
)
_SPACES = re.compile(r"[ \t]*")
_SCALAR = re.compile(r"[^\s,\]\}#]+")


def statements(text: str) -> tuple[list[Statement], set[str]]:
    """Read TOML ``text`` (LF or CRLF line ends) into its statements, in source order.

    Also returns the key names the author quoted somewhere (``"zh-CN"``,
    ``"AUTH-ERR-4"``), which the formatter keeps quoted.
    """
    reader = _Reader(text.replace("\r\n", "\n"))
    return reader.run(), reader.quoted


def decode_string(raw: str) -> str:
    """The value of a TOML string literal written as ``raw`` (any of the four kinds)."""
    if raw.startswith("'") and not raw.startswith("'''"):
        return raw[1:-1]
    value: str = toml_parse.loads("v = " + raw)["v"]
    return value


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.quoted: set[str] = set()

    # -- low level -------------------------------------------------------------

    def fail(self, what: str) -> CSTError:
        return CSTError(f"line {self.line}: {what}")

    def peek(self, n: int = 1) -> str:
        return self.text[self.pos : self.pos + n]

    def spaces(self) -> None:
        self.pos = _SPACES.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def column(self) -> int:
        """0-based column of the current position."""
        return self.pos - (self.text.rfind("\n", 0, self.pos) + 1)

    def comment(self) -> tuple[str | None, int]:
        """An inline comment at the current position (after spaces), and its column."""
        self.spaces()
        if self.peek() != "#":
            return None, 0
        col = self.column()
        end = self.text.find("\n", self.pos)
        end = len(self.text) if end < 0 else end
        text = self.text[self.pos : end].rstrip()
        self.pos = end
        return text, col

    def end_of_line(self) -> None:
        self.spaces()
        if self.pos >= len(self.text):
            return
        if self.text[self.pos] != "\n":
            raise self.fail(f"unexpected {self.text[self.pos]!r} at the end of a line")
        self.pos += 1
        self.line += 1

    def newline(self) -> bool:
        if self.peek() == "\n":
            self.pos += 1
            self.line += 1
            return True
        return False

    # -- statements ------------------------------------------------------------

    def run(self) -> list[Statement]:
        out: list[Statement] = []
        n = len(self.text)
        while self.pos < n:
            line = self.line
            self.spaces()
            ch = self.peek()
            if ch == "\n" or self.pos >= n:
                if not out or not isinstance(out[-1], Blank):
                    out.append(Blank(line))
                self.newline()
                continue
            if ch == "#":
                text, _ = self.comment()
                out.append(Comment(line, text or "#"))
            elif ch == "[":
                out.append(self.header(line))
            else:
                keys = self.key()
                self.spaces()
                if self.peek() != "=":
                    raise self.fail("expected '=' after a key")
                self.pos += 1
                self.spaces()
                value = self.value()
                comment, col = self.comment()
                out.append(KeyValue(line, keys, value, comment, col))
            self.end_of_line()
        return out

    def header(self, line: int) -> Header:
        aot = self.peek(2) == "[["
        self.pos += 2 if aot else 1
        self.spaces()
        keys = self.key()
        self.spaces()
        close = "]]" if aot else "]"
        if self.peek(len(close)) != close:
            raise self.fail(f"expected {close!r} to close a table header")
        self.pos += len(close)
        comment, col = self.comment()
        return Header(line, keys, aot, comment, col)

    def key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self.spaces()
            ch = self.peek()
            if ch in "\"'":
                parts.append(decode_string(self.string().raw))
                self.quoted.add(parts[-1])
            else:
                m = _BARE.match(self.text, self.pos)
                if m is None:
                    raise self.fail("expected a key")
                parts.append(m.group())
                self.pos = m.end()
            self.spaces()
            if self.peek() != ".":
                return tuple(parts)
            self.pos += 1

    # -- values ----------------------------------------------------------------

    def value(self) -> Value:
        ch = self.peek()
        if ch in "\"'":
            return self.string()
        if ch == "[":
            return self.array()
        if ch == "{":
            return self.inline_table()
        m = _DATETIME.match(self.text, self.pos) or _SCALAR.match(self.text, self.pos)
        if m is None:
            raise self.fail("expected a value")
        self.pos = m.end()
        return Scalar(m.group())

    def string(self) -> String:
        start = self.pos
        quote = self.peek()
        if self.peek(3) == quote * 3:
            kind = "ml-basic" if quote == '"' else "ml-literal"
            i = self.pos + 3
            while True:
                j = self.text.find(quote * 3, i)
                if j < 0:
                    raise self.fail("unclosed multi-line string")
                if quote == '"' and _escaped(self.text, j):
                    i = j + 1
                    continue
                break
            end = j + 3
            # Up to two quotes may sit right before the closing delimiter.
            while end < len(self.text) and self.text[end] == quote and end - j < 5:
                end += 1
        else:
            kind = "basic" if quote == '"' else "literal"
            i = self.pos + 1
            while True:
                j = self.text.find(quote, i)
                if j < 0 or "\n" in self.text[i:j]:
                    raise self.fail("unclosed string")
                if quote == '"' and _escaped(self.text, j):
                    i = j + 1
                    continue
                break
            end = j + 1
        raw = self.text[start:end]
        self.line += raw.count("\n")
        self.pos = end
        return String(raw, kind)

    def gap(self, comments: list[str]) -> bool:
        """Skip whitespace, newlines and comment lines inside an array; collect the comments."""
        saw_newline = False
        while True:
            self.spaces()
            if self.newline():
                saw_newline = True
            elif self.peek() == "#":
                text, _ = self.comment()
                comments.append(text or "#")
            else:
                return saw_newline

    def array(self) -> Array:
        self.pos += 1
        items: list[ArrayItem] = []
        pending: list[str] = []
        multiline = self.gap(pending)
        while self.peek() != "]":
            if self.pos >= len(self.text):
                raise self.fail("unclosed array")
            value = self.value()
            comment, col = self.comment()
            multiline = self.newline() or multiline
            after: list[str] = []
            multiline = self.gap(after) or multiline
            if self.peek() == ",":
                self.pos += 1
                if comment is None and not after:
                    comment, col = self.comment()
                multiline = self.gap(after) or multiline
            elif self.peek() != "]":
                raise self.fail("expected ',' or ']' in an array")
            items.append(ArrayItem(tuple(pending), value, comment, col))
            pending = after
        self.pos += 1
        multiline = multiline or bool(pending) or any(i.leading or i.comment for i in items)
        return Array(tuple(items), multiline, tuple(pending))

    def inline_table(self) -> InlineTable:
        self.pos += 1
        pairs: list[tuple[tuple[str, ...], Value]] = []
        self.spaces()
        while self.peek() != "}":
            keys = self.key()
            self.spaces()
            if self.peek() != "=":
                raise self.fail("expected '=' in an inline table")
            self.pos += 1
            self.spaces()
            pairs.append((keys, self.value()))
            self.spaces()
            if self.peek() == ",":
                self.pos += 1
                self.spaces()
            elif self.peek() != "}":
                raise self.fail("expected ',' or '}' in an inline table")
        self.pos += 1
        return InlineTable(tuple(pairs))


def _escaped(text: str, i: int) -> bool:
    """Whether the character at ``i`` is preceded by an odd number of backslashes."""
    n = 0
    while i - 1 - n >= 0 and text[i - 1 - n] == "\\":
        n += 1
    return n % 2 == 1
