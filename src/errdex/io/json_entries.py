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

import bisect
import re
from array import array
from collections.abc import Callable, Iterator
from itertools import accumulate, repeat
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
    found: list[Spans] = []

    def walk_list(open_: int) -> int | None:
        spans = _elements(text, open_)
        if spans is None:
            return None
        found.append(spans)
        return spans.close

    return found[0] if _walk_root(text, walk_list) and found else None


def _walk_root(text: str, errors_list: Callable[[int], int | None]) -> bool:
    """Walk the members of the root object of ``text``.

    ``errors_list`` gets the offset of the ``[`` of the ``errors`` list and
    returns that of its ``]`` (None: it could not tell). False when the root
    is not an object, a member cannot be read, ``errors_list`` fails, or there
    are two ``errors`` lists (the parser keeps the last: not this walk's).
    """
    blank = re.compile(_BLANK).match(text)
    pos = blank.end() if blank else 0
    if text[pos : pos + 1] != "{":
        return False
    pos += 1
    seen = False
    while True:
        m = _MEMBER.match(text, pos)
        if m is None:
            return False
        if m.group(2) is None:
            pos = m.end()
        elif _key(m.group(1)) == "errors":
            if seen:
                return False
            seen = True
            close = errors_list(m.end() - 1)
            if close is None:
                return False
            pos = close + 1
        else:  # another list: step over it
            rest = _REST.match(text, m.end())
            assert rest is not None  # the pattern can match nothing
            pos = rest.end()
            if text[pos : pos + 1] != "]":
                return False
            pos += 1
        after = _AFTER.match(text, pos)
        if after is None:
            return False
        if after.group(1) == "}":
            return True
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


# -- entries found from their "code" keys ------------------------------------------------

_CODE = '"code"'
_BRACKET = re.compile(r'(?:[^"\[\]{}]++|"(?:[^"\\]++|\\.)*+")*+([\[\]{}])', re.S)
"""Everything up to the next bracket outside strings, then that bracket (group 1)."""


_BLOCK = 4096
"""Characters per block of the count of ``"code"`` keys (a key is found by at most a
block's worth of ``str.find``)."""


class Anchored:
    """The spans of the ``errors`` list's elements, found one element at a time.

    Built by :func:`anchored`, which counts the elements' ``"code"`` keys per
    block of the text. Element ``i`` is found from its key on request: its
    ``{`` is the character before the key when ``code`` is its first key,
    else the walk goes from element ``i - 1``'s key (a place outside strings,
    one level inside that element) through the brackets to element ``i``.
    That reads a few hundred characters, where :func:`entry_spans` tokenises
    the whole file. ``open`` and ``close`` are the list's brackets.
    """

    __slots__ = ("_before", "_spans", "_starts", "_text", "close", "count", "open")

    def __init__(self, text: str, before: array[int], count: int) -> None:
        self._text = text
        self._before = before
        """How many keys come before block ``b`` (the text's characters ``b * _BLOCK`` on)."""
        self._starts: dict[int, int] = {}
        self._spans: dict[int, tuple[int, int]] = {}
        self.count = count
        self.open = -1
        self.close = -1

    def __len__(self) -> int:
        return self.count

    def key(self, i: int) -> int:
        """The offset of element ``i``'s ``"code"`` key."""
        before = self._before
        block = bisect.bisect_right(before, i) - 1
        find = self._text.find
        at = block * _BLOCK - 1
        for _ in range(i - before[block] + 1):
            at = find(_CODE, at + 1)
        return at

    def start(self, i: int) -> int | None:
        """The offset of element ``i``'s ``{``; None when the text is not shaped as the
        keys promised (then nothing here can be trusted)."""
        found = self._starts.get(i)
        if found is not None:
            return found
        text = self._text
        at = self.key(i) - 1
        while text[at] in " \t\r\n":
            at -= 1
        if text[at] != "{":  # code is not the first key: walk from the key before
            span = self.span(i)
            return None if span is None else span[0]
        self._starts[i] = at
        return at

    def span(self, i: int) -> tuple[int, int] | None:
        """The first character of element ``i`` and the one after its last; None as for
        :meth:`start`."""
        found = self._spans.get(i)
        if found is None:
            found = self._read(i)
            if found is None:
                return None
            self._spans[i] = found
            self._starts[i] = found[0]
        return found

    def _read(self, i: int) -> tuple[int, int] | None:
        text = self._text
        start = self._starts.get(i)
        if start is None:
            brackets = _BRACKET.finditer(text, self.key(i - 1) if i else self.open + 1)
            if i and _bracket(_close(brackets)) != "}":  # the rest of element i - 1
                return None
            first = next(brackets, None)
            if first is None or first.group(1) != "{":
                return None
            start = first.start(1)
        whole = _ENTRY.match(text, start)
        if whole is not None and whole.start(1) == start:
            end = whole.end(1)
        else:  # nested deeper than the pattern reads
            last = _close(_BRACKET.finditer(text, start + 1))
            if _bracket(last) != "}":
                return None
            assert last is not None
            end = last.start(1) + 1
        if not start < self.key(i) < end:
            return None
        return start, end


def _close(brackets: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """Consume brackets up to the one that closes the container the walk is in and
    return it (None when the text ends first)."""
    depth = 0
    for m in brackets:
        if m.group(1) in "[{":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return m
    return None


def _bracket(m: re.Match[str] | None) -> str | None:
    return None if m is None else m.group(1)


def anchored(text: str, count: int) -> Anchored | None:
    """The lazy spans of the ``errors`` list's ``count`` elements, or None.

    The caller vouches that each of the ``count`` parsed elements is an object
    with a ``"code"`` key. When the text holds ``"code"`` exactly ``count``
    times, those are then exactly the elements' own code keys, in order (each
    element holds at least its own, so there is no other): each element is
    found from its key. Any other count (a ``"code"`` key nested in an
    example, the word quoted in a text) returns None, and the caller uses
    :func:`entry_spans`.
    """
    if count <= 0:
        return None
    n = len(text)
    tail = len(_CODE) - 1  # a key that starts in a block counts there, wherever it ends
    counts = map(
        text.count,
        repeat(_CODE),
        range(0, n, _BLOCK),
        range(_BLOCK + tail, n + _BLOCK + tail, _BLOCK),
    )
    before = array("q", accumulate(counts, initial=0))
    if before[-1] != count:
        return None
    found = Anchored(text, before, count)
    first, last = found.key(0), found.key(count - 1)

    def list_end(open_: int) -> int | None:
        if not open_ < first or found.open >= 0:
            return None
        brackets = _BRACKET.finditer(text, last)
        if _bracket(_close(brackets)) != "}":  # the last element's own brace
            return None
        end = _close(brackets)
        if _bracket(end) != "]":
            return None
        assert end is not None
        found.open, found.close = open_, end.start(1)
        return found.close

    if not _walk_root(text, list_end) or found.open < 0:
        return None
    return found
