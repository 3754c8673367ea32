"""Where the comments, multi-line strings and blank lines of a TOML file are, at C speed.

:func:`lex` visits only the lines that hold a ``#`` or open a multi-line string
(found with ``str.find``); :func:`blank_lines` finds, with one regular expression, the
empty lines the canonical writer would not write (two in a row, or one that is not
right above a table header). Both serve the formatter's shortcuts
(:mod:`.toml_settled`, :mod:`.toml_placed`), which read no statement in Python.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE_TOKEN = re.compile(
    r"""(?P<nl>\n)|(?P<ml>\"\"\"|''')|(?P<hash>\#)|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'"""
)
"""What the lexer meets on a line outside strings: the line's end, the quotes opening a
multi-line string, a comment, or a one-line string (skipped whole, a ``#`` in it too)."""

Span = tuple[int, int]
"""``text[start:end]``."""

_ODD_BLANKS = re.compile(r"\n\n(?:\n|(?!\[))")
"""An empty line the canonical writer never writes outside a string: one of two or more
in a row, or one that is not right above a header (also one at the end of the text)."""


def lex(text: str) -> tuple[list[Span], list[Span]] | None:
    """The comments of ``text`` (where each ``#`` is and where its line ends) and its
    multi-line strings (start, end); None for a string that does not close."""
    hashes: list[Span] = []
    strings: list[Span] = []
    n = len(text)
    nexts = {mark: text.find(mark) for mark in ("#", '"""', "'''")}
    pos = 0  # text[:pos] is read; pos is outside any string, at a line's start
    while True:
        for mark, at in nexts.items():
            if 0 <= at < pos:
                nexts[mark] = text.find(mark, pos)
        hits = [at for at in nexts.values() if at >= 0]
        if not hits:
            return hashes, strings
        i = text.rfind("\n", 0, min(hits)) + 1  # the line is read from its start
        while True:
            m = _LINE_TOKEN.search(text, i)
            if m is None:
                return hashes, strings
            kind = m.lastgroup
            if kind == "nl":
                pos = m.end()
                break
            if kind == "hash":
                eol = text.find("\n", m.start())
                eol = n if eol < 0 else eol
                hashes.append((m.start(), eol))
                pos = eol + 1
                break
            if kind == "ml":
                end = _string_end(text, m.start(), m.group())
                if end is None:
                    return None
                strings.append((m.start(), end))
                i = end
            else:
                i = m.end()
        if pos >= n:
            return hashes, strings


def _string_end(text: str, start: int, quotes: str) -> int | None:
    """Where the multi-line string opened by ``quotes`` at ``start`` ends (as the
    formatter's reader finds it: up to two quotes may precede the closing ones)."""
    i = start + 3
    while True:
        j = text.find(quotes, i)
        if j < 0:
            return None
        if quotes[0] == '"' and _escaped(text, j):
            i = j + 1
            continue
        break
    end = j + 3
    while end < len(text) and text[end] == quotes[0] and end - j < 5:
        end += 1
    return end


def _escaped(text: str, i: int) -> bool:
    """Whether the character at ``i`` is preceded by an odd number of backslashes."""
    n = 0
    while i - 1 - n >= 0 and text[i - 1 - n] == "\\":
        n += 1
    return n % 2 == 1


def inside(strings: list[Span], at: int) -> bool:
    """Whether ``at`` is inside one of ``strings`` (sorted, as :func:`lex` gives them)."""
    i = bisect_right(strings, (at, at)) - 1
    return i >= 0 and strings[i][0] < at < strings[i][1]


def blank_lines(text: str, strings: list[Span]) -> list[int]:
    """The starts of the empty lines of ``text`` (outside ``strings``) that the canonical
    writer would not write: each run's first line is enough to find the run."""
    found = [0] if text.startswith("\n") else []
    for m in _ODD_BLANKS.finditer(text):
        at = m.start() + 1
        if not strings or not inside(strings, at):
            found.append(at)
    return found


def regions(text: str, seeds: list[int], comment_lines: set[int]) -> list[tuple[int, int, str]]:
    """The runs of comment lines and empty lines around ``seeds`` (line starts, sorted, each
    a comment line or an empty line outside strings): (start, end, kinds), ``kinds`` one
    letter per line, ``c`` a comment line (its start in ``comment_lines``), ``e`` empty."""
    found: list[tuple[int, int, str]] = []
    n = len(text)
    end = 0
    for seed in seeds:
        if seed < end:
            continue  # in the run found last
        start = seed
        above = ""
        while start > 0:
            prev = text.rfind("\n", 0, start - 1) + 1
            if prev == start - 1:
                above += "e"
            elif prev in comment_lines:
                above += "c"
            else:
                break
            start = prev
        kinds = above[::-1]
        end = seed
        while end < n:
            if text[end] == "\n":
                kinds += "e"
                end += 1
            elif end in comment_lines:
                kinds += "c"
                eol = text.find("\n", end)
                end = n if eol < 0 else eol + 1
            else:
                break
        found.append((start, end, kinds))
    return found


_CHUNK = 1 << 20
"""Characters compared at a time by :func:`same_at`."""


def same_at(text: str, start: int, end: int, other: str, at: int) -> bool:
    """Whether ``text[start:end]`` is in ``other`` at ``at``, compared a chunk at a time
    (a slice of a whole big file would cost more than the comparison)."""
    if end - start > len(other) - at:
        return False
    for i in range(start, end, _CHUNK):
        if not other.startswith(text[i : min(i + _CHUNK, end)], at + i - start):
            return False
    return True
