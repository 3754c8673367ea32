"""Where each element of a JSON catalog's top-level ``errors`` list starts and ends.

:class:`errdex.io.locator.Locator` needs the span of an entry before it maps
the entry's keys. :func:`entry_spans` finds all of them with one regular
expression that consumes a whole entry per match, so the C engine, not a
Python loop, walks the brackets and strings of a 50 MB file.

The pattern is exact for valid JSON (the loader has parsed the text before a
place is asked for) and nests brackets only to :data:`DEPTH` levels: strings
are matched token by token with their escapes (possessive quantifiers, so no
backtracking), and a line that holds no bracket is skipped in one step (a
JSON string never holds a raw newline, so every line starts and ends outside
strings). Whatever the pattern cannot read — an entry nested deeper, an
element that is not an object, a root that is not an object — returns None,
and the caller falls back to its slower exact path.
"""

from __future__ import annotations

import re
from array import array
from typing import NamedTuple

DEPTH = 8
"""Bracket levels an entry may nest, its own braces included (translations use three)."""

_STRING = r'"(?:[^"\\]++|\\.)*+"'
# One step inside a container: a newline and every line after it up to the last newline
# before the next bracket (such lines hold no bracket, inside a string or out), the rest
# of a line up to a quote or bracket, or a string.
_STEP = r"\n(?:[^\[\]{}]*\n)?|[^\"\[\]{}\n]++|" + _STRING


def _nested(depth: int) -> str:
    """A balanced ``[...]`` or ``{...}`` nesting at most ``depth`` levels."""
    pattern = ""
    for _ in range(depth):
        inner = _STEP + ("|" + pattern if pattern else "")
        pattern = r"[\[{](?:" + inner + r")*+[\]}]"
    return pattern


_BLANK = r"[ \t\r\n]*+"
_ENTRY = re.compile(
    _BLANK + r"(\{(?:" + _STEP + "|" + _nested(DEPTH - 1) + r")*+\})" + _BLANK + r"([,\]])"
)
"""One element of the list (an object), the blanks around it and the ``,`` or ``]`` after."""
_KEY = _BLANK + "(" + _STRING + ")" + _BLANK + ":" + _BLANK
"""A member's key (group 1), its colon and the blanks around them."""
_SCALAR = r'[^\s,}\]"\[{]++'
"""A number, ``true``, ``false`` or ``null``: everything up to the next blank or bracket."""
_MEMBER = re.compile(_KEY + r"(?:(\[)|" + _STRING + "|" + _nested(DEPTH) + "|" + _SCALAR + ")")
"""A member of the root object: its key, and its value unless the value is a list (then
only its ``[``, group 2, so that the ``errors`` list is walked entry by entry)."""
_REST = re.compile(r"(?:[^\"\[\]{}]++|" + _STRING + "|" + _nested(DEPTH) + r")*+")
"""The rest of a list whose ``[`` :data:`_MEMBER` stopped at."""
_AFTER = re.compile(_BLANK + r"([,}])")


class Spans(NamedTuple):
    """The ``errors`` list's brackets and each element's first and last character."""

    open: int
    close: int
    starts: array[int]
    ends: array[int]


def entry_spans(text: str) -> Spans | None:
    """The spans of the elements of the root object's ``errors`` list in ``text``.

    None when the root is not an object, has no ``errors`` list or two, or
    when an element is not an object or a value nests deeper than :data:`DEPTH`.
    """
    blank = re.compile(_BLANK).match(text)
    pos = blank.end() if blank else 0
    if text[pos : pos + 1] != "{":
        return None
    pos += 1
    found: Spans | None = None
    while True:
        m = _MEMBER.match(text, pos)
        if m is None:
            return None
        if m.group(2) is None:
            pos = m.end()
        elif _key(m.group(1)) == "errors":
            if found is not None:  # a second errors key: the whole-file map keeps the last
                return None
            found = _elements(text, m.end() - 1)
            if found is None:
                return None
            pos = found.close + 1
        else:  # another list: step over it
            rest = _REST.match(text, m.end())
            assert rest is not None  # the pattern can match nothing
            pos = rest.end()
            if text[pos : pos + 1] != "]":
                return None
            pos += 1
        after = _AFTER.match(text, pos)
        if after is None:
            return None
        if after.group(1) == "}":
            return found
        pos = after.end()


def _key(raw: str) -> str:
    """The value of a JSON string token."""
    if "\\" not in raw:
        return raw[1:-1]
    import orjson

    key: str = orjson.loads(raw)
    return key


def _elements(text: str, open_: int) -> Spans | None:
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    match = _ENTRY.match
    pos = open_ + 1
    while True:
        m = match(text, pos)
        if m is None:
            return None
        start, end = m.span(1)
        starts.append(start)
        ends.append(end - 1)
        pos = m.end()
        if m.group(2) == "]":
            return Spans(open_, pos - 1, starts, ends)


_OWN = re.compile(
    _KEY + "(?:" + _STRING + "|" + _nested(DEPTH - 1) + "|" + _SCALAR + ")" + _BLANK + "([,}])"
)
"""A key of an entry, its value and the ``,`` or ``}`` after it."""


def own_keys(text: str, start: int) -> list[tuple[str, int]] | None:
    """The keys of the object whose ``{`` is at ``start``, each with its offset; None
    when a value nests deeper than the pattern reads or the object is empty."""
    found: list[tuple[str, int]] = []
    match = _OWN.match
    pos = start + 1
    while True:
        m = match(text, pos)
        if m is None:
            return None
        found.append((_key(m.group(1)), m.start(1)))
        pos = m.end()
        if m.group(2) == "}":
            return found
