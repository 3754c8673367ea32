"""Find the ``line:col`` of a key path in a catalog file without mapping the whole file.

A big catalog (50 MB, 160,000 entries) may need a place in every entry — one
diagnostic each — but mapping every key of the file at once
(:func:`errdex.io.locate.positions`) costs seconds and hundreds of megabytes.
A :class:`Locator` instead finds, on the first request, where each element of
the file's top-level ``errors`` list starts (one regular-expression pass for
TOML and JSON; recorded while reading for YAML, :mod:`errdex.io.yaml_read`),
maps the rest of the file once (it is small), and maps an entry's own text
only when a place inside that entry is asked for (the last few are kept).

The index must be exact or it is not used: when the file's shape defeats it
(entries written inline, a ``[[errors]]`` line inside a multi-line string, a
table between entries, a YAML anchor) the locator falls back to the whole-file
map, which is slower but never wrong. Either way a path resolves to the same
place the whole-file map gives it.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import OrderedDict
from itertools import accumulate, repeat
from typing import TYPE_CHECKING, Any

from errdex.io import json_entries, locate

if TYPE_CHECKING:
    from errdex.io.yaml_read import YamlIndex

Positions = locate.Positions
Path = tuple[Any, ...]

_TOML_ENTRY = re.compile(r"""^[ \t]*(\[\[)[ \t]*(?:errors|"errors"|'errors')[ \t]*\]\]""", re.M)
_TOML_HEADER = re.compile(r"^[ \t]*\[\[?[^\]\n]*\]\]?[ \t]*(?:#[^\n]*)?\r?$", re.M)
_TOML_ERRORS_HEADER = re.compile(r"""[ \t]*\[\[?[ \t]*(?:errors|"errors"|'errors')[ \t]*[.\]]""")
# Everything up to the next bracket outside strings, then that bracket (possessive: no
# backtracking), so one match per bracket and strings are skipped in C.
_JSON_BRACKET = re.compile(r'(?:[^"\[\]{}]++|"(?:[^"\\]++|\\.)*+")*+([\[\]{}])', re.S)
_JSON_BLANK = re.compile(r"[ \t\r\n]*")
_JSON_KEY = re.compile(r'"(?:[^"\\]|\\.)*"[ \t\r\n]*:[ \t\r\n]*', re.S)
_YAML_LEAD = re.compile(r"[ \t]*(?:-[ \t]+)?")
_BLOCK = 4096
"""Characters per block of :class:`Lines` (a place costs a count over at most one block)."""
_KEEP = 8
"""How many entries' maps are kept: the diagnostics of one entry come together."""


class Lines:
    """Lines of a text (each ends with ``\\n``): an offset's ``(line, col)`` and back.

    Built in one pass of ``str.count`` over blocks of :data:`_BLOCK` characters
    (how many newlines come before each block); a place is then counted inside
    its block. A 50 MB file is indexed in milliseconds and holds no array of a
    million line starts.
    """

    __slots__ = ("_before", "count", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        n = len(text)
        counts = map(
            text.count, repeat("\n"), range(0, n, _BLOCK), range(_BLOCK, n + _BLOCK, _BLOCK)
        )
        self._before = array("q", accumulate(counts, initial=0))
        """Newlines before block ``b`` (the text's characters ``b * _BLOCK`` onwards)."""
        self.count = self._before[-1] + 1
        """How many lines the text has (one more than its newlines)."""

    def where(self, offset: int) -> tuple[int, int]:
        """The 1-based ``(line, col)`` of a character offset."""
        text = self.text
        block = offset // _BLOCK
        base = block * _BLOCK
        line = self._before[block] + text.count("\n", base, offset) + 1
        return line, offset - self._start(line, base, offset) + 1

    def offset(self, line: int, col: int) -> int:
        """The character offset of a 1-based ``(line, col)``."""
        return self._start(line) + col - 1

    def line(self, number: int) -> str | None:
        """Line ``number`` (1-based) without its line end, or None past the end."""
        if not 1 <= number <= self.count:
            return None
        start = self._start(number)
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)].removesuffix("\r")

    def _start(self, line: int, base: int = -1, offset: int = -1) -> int:
        """The offset where ``line`` starts; ``offset``, when given, is on that line and
        ``base`` is the start of its block."""
        if line <= 1:
            return 0
        text = self.text
        if offset >= 0:
            found = text.rfind("\n", base, offset)
            if found >= 0:
                return found + 1
        # the (line - 1)-th newline: in the block before the first that starts past it
        before = self._before
        block = bisect.bisect_left(before, line - 1) - 1
        at = block * _BLOCK - 1
        for _ in range(line - 1 - before[block]):
            at = text.find("\n", at + 1)
        return at + 1


class _Index:
    """Where each entry's text is: from ``starts[i]`` to ``ends[i]`` when given, else
    to the next entry's start (``end`` for the last one)."""

    __slots__ = ("end", "ends", "starts")

    def __init__(self, starts: array[int], end: int, ends: array[int] | None = None) -> None:
        self.starts = starts
        self.end = end
        self.ends = ends

    def __len__(self) -> int:
        return len(self.starts)

    def start(self, i: int) -> int:
        return self.starts[i]

    def span(self, i: int) -> tuple[int, int]:
        if self.ends is not None:
            return self.starts[i], self.ends[i] + 1
        starts = self.starts
        return starts[i], starts[i + 1] if i + 1 < len(starts) else self.end


class _Misread(Exception):
    """An entry was not where the lazy JSON index said: use the exact index instead."""


class _LazyIndex(_Index):
    """A JSON file's entries found one at a time from their ``"code"`` keys
    (:class:`errdex.io.json_entries.Anchored`)."""

    __slots__ = ("_anchored",)

    def __init__(self, anchored: json_entries.Anchored) -> None:
        super().__init__(array("q"), anchored.close)
        self._anchored = anchored

    def __len__(self) -> int:
        return len(self._anchored)

    def start(self, i: int) -> int:
        found = self._anchored.start(i)
        if found is None:
            raise _Misread(i)
        return found

    def span(self, i: int) -> tuple[int, int]:
        found = self._anchored.span(i)
        if found is None:
            raise _Misread(i)
        return found


class Locator:
    """The places of key paths in one file's text; see the module docstring."""

    __slots__ = (
        "_entries",
        "_full",
        "_index",
        "_indexed",
        "_lines",
        "_outside",
        "coded",
        "count",
        "format",
        "text",
        "yaml_index",
    )

    def __init__(self, text: str, format: str) -> None:
        self.text = text
        self.format = format
        self.count: int | None = None
        """The length of the file's ``errors`` list when it is one (TOML needs it to trust
        its index); set by whoever parsed the file."""
        self.coded = False
        """Whether each of those entries is an object with a ``code`` key (a JSON file's
        entries are then found from their code keys); set by whoever parsed the file."""
        self.yaml_index: YamlIndex | None = None
        """What the YAML reader recorded (None: nothing, or the text was not plain data)."""
        self._lines: Lines | None = None
        self._full: Positions | None = None
        self._indexed = False
        self._index: _Index | None = None
        self._outside: Positions | None = None
        self._entries: OrderedDict[int, Positions] = OrderedDict()

    # -- public ----------------------------------------------------------------

    @property
    def lines(self) -> Lines:
        """The line index of the text (built on first use)."""
        if self._lines is None:
            self._lines = Lines(self.text)
        return self._lines

    def find(self, path: Path) -> tuple[tuple[int, int] | None, Path]:
        """The place of ``path`` or of its nearest located ancestor, and which path that is."""
        try:
            return self._find(path)
        except _Misread:  # the lazy JSON index was wrong about this file: never trust it again
            self._entries.clear()
            self._index = self._json_exact_index()
            return self._find(path)

    def _find(self, path: Path) -> tuple[tuple[int, int] | None, Path]:
        index = self._entry_index()
        if (
            index is not None
            and len(path) >= 2
            and path[0] == "errors"
            and type(path[1]) is int
            and 0 <= path[1] < len(index)
        ):
            i = path[1]
            rest = path[2:]
            if rest:
                inner = self._own(index, i) if len(rest) == 1 else self._entry(index, i)
                while rest:
                    place = inner.get(rest)
                    if place is not None:
                        return place, path[: 2 + len(rest)]
                    rest = rest[:-1]
            return self._entry_place(index, i), path[:2]
        if index is not None and path[:1] == ("errors",):
            path = path[:1]  # past the end of the list: the list itself
        table = self._outside_map(index) if index is not None else self._full_map()
        probe = path
        while probe:
            place = table.get(probe)
            if place is not None:
                return place, probe
            probe = probe[:-1]
        return table.get((), (1, 1)), ()

    def locate(self, path: Path) -> tuple[int, int]:
        """``(line, col)`` of a key path, or of its nearest located ancestor."""
        place, _ = self.find(path)
        return place if place is not None else (1, 1)

    def has(self, path: Path) -> bool:
        """Whether the text holds exactly this key path."""
        if not path:
            return True
        _, found = self.find(path)
        return found == path

    # -- the whole-file map (the fallback) ----------------------------------------

    def _full_map(self) -> Positions:
        if self._full is None:
            self._full = locate.positions(self.text, self.format)
        return self._full

    # -- the entry index ------------------------------------------------------------

    def _entry_index(self) -> _Index | None:
        if not self._indexed:
            self._indexed = True
            if self.format == "toml":
                self._index = self._toml_index()
            elif self.format == "json":
                self._index = self._json_index()
            elif self.format == "yaml":
                self._index = self._yaml_index()
        return self._index

    def _toml_index(self) -> _Index | None:
        if not self.count:
            return None
        starts = array("q", (m.start(1) for m in _TOML_ENTRY.finditer(self.text)))
        if len(starts) != self.count:  # a [[errors]] line inside a multi-line string
            return None
        return _Index(starts, len(self.text))

    def _json_index(self) -> _Index | None:
        if not self.count:
            return None
        if self.coded:
            lazy = json_entries.anchored(self.text, self.count)
            if lazy is not None:
                self._outside = locate.json_scan(
                    self.text, [(0, lazy.open + 1), (lazy.close, len(self.text))], self.lines.where
                )
                return _LazyIndex(lazy)
        return self._json_exact_index()

    def _json_exact_index(self) -> _Index | None:
        """Every entry's span at once (:func:`errdex.io.json_entries.entry_spans`), or the
        bracket walk when that pattern cannot read the file."""
        self._outside = None
        if not self.count:
            return None
        spans = json_entries.entry_spans(self.text)
        if spans is None:
            return self._json_index_by_brackets()
        if len(spans.starts) != self.count:
            return None
        self._outside = locate.json_scan(
            self.text, [(0, spans.open + 1), (spans.close, len(self.text))], self.lines.where
        )
        return _Index(spans.starts, spans.close, spans.ends)

    def _json_index_by_brackets(self) -> _Index | None:
        """The exact slow path: a Python loop over every bracket of the file."""
        text = self.text
        blank = _JSON_BLANK.match(text)
        if blank is None or text[blank.end() : blank.end() + 1] != "{":
            return None
        depth = 0
        tops: list[tuple[int, int]] = []  # (open, close) of each container value of the root
        inner: list[list[int]] = []  # open, close, open, close ... of the containers in each
        top_open = child_open = 0
        for m in _JSON_BRACKET.finditer(text):
            at = m.start(1)
            if text[at] in "[{":
                depth += 1
                if depth == 2:
                    top_open = at
                    inner.append([])
                elif depth == 3:
                    child_open = at
            else:
                if depth == 2:
                    tops.append((top_open, at))
                elif depth == 3:
                    inner[-1] += (child_open, at)
                depth -= 1
        # Find the "errors" key among the root's keys, then the list right after its colon.
        gaps = [(0, tops[0][0] + 1)] if tops else [(0, len(text))]
        gaps += [(tops[k][1], tops[k + 1][0] + 1) for k in range(len(tops) - 1)]
        gaps += [(tops[-1][1], len(text))] if tops else []
        root = locate.json_scan(text, gaps, self.lines.where)
        key_place = root.get(("errors",))
        if key_place is None:
            return None
        key = _JSON_KEY.match(text, self.lines.offset(*key_place))
        if key is None:
            return None
        k = bisect.bisect_left(tops, (key.end(), -1))
        if k >= len(tops) or tops[k][0] != key.end() or text[tops[k][0]] != "[":
            return None
        open_, close = tops[k]
        bounds = inner[k]
        opens, closes = bounds[0::2], bounds[1::2]
        # Exact only if the list holds objects alone: as many as the parsed list has.
        if len(opens) != self.count or any(text[o] != "{" for o in opens):
            return None
        self._outside = locate.json_scan(
            text, [(0, open_ + 1), (close, len(text))], self.lines.where
        )
        return _Index(array("q", opens), close, array("q", closes))

    def _yaml_index(self) -> _Index | None:
        found = self.yaml_index
        if found is None or not found.starts or found.end < 0:
            return None
        self._outside = found.outside
        return _Index(found.starts, found.end)

    def _outside_map(self, index: _Index) -> Positions:
        if self._outside is None:
            if self.format == "toml":
                self._outside = self._toml_outside(index)
            else:
                self._outside = self._full_map()
        return self._outside

    def _toml_outside(self, index: _Index) -> Positions:
        text = self.text
        first = index.start(0)
        for m in _TOML_HEADER.finditer(text, first):
            if not _TOML_ERRORS_HEADER.match(text, m.start()):
                return self._full_map()  # a table after the first entry: map it all
        found = locate.positions(text[:first], "toml")
        found.setdefault(("errors",), self._entry_place(index, 0))
        return found

    # -- one entry -------------------------------------------------------------------

    def _entry_place(self, index: _Index, i: int) -> tuple[int, int]:
        found = self.yaml_index
        if found is not None:
            return found.lines[i] + 1, found.cols[i] + 1
        return self.lines.where(index.start(i))

    def _own(self, index: _Index, i: int) -> Positions:
        """The places of entry ``i``'s own keys (one level down), which is all a path of
        one key needs: a JSON entry's keys are read in one match each, not token by token."""
        if self.format != "json":
            return self._entry(index, i)
        cache = self._entries
        found = cache.get(~i)  # ~i: the shallow map of entry i; i: its whole map
        if found is None:
            found = cache.get(i)
        if found is not None:
            return found
        keys = json_entries.own_keys(self.text, index.start(i))
        if keys is None:
            return self._entry(index, i)
        where = self.lines.where
        found = {(key,): where(at) for key, at in keys}
        cache[~i] = found
        if len(cache) > _KEEP:
            cache.popitem(last=False)
        return found

    def _entry(self, index: _Index, i: int) -> Positions:
        """The map of entry ``i``'s own keys, as paths from the entry."""
        cache = self._entries
        found = cache.get(i)
        if found is not None:
            cache.move_to_end(i)
            return found
        start, end = index.span(i)
        if self.format == "json":
            found = locate.json_scan(self.text, [(start, end)], self.lines.where)
        elif self.format == "yaml":
            found = self._yaml_entry(index, i)
        else:  # from the start of the [[errors]] line, so that columns stay as they are
            start = self.text.rfind("\n", 0, start) + 1
            line = self.lines.where(start)[0] - 1
            found = _shift(locate.positions(self.text[start:end], "toml"), ("errors", 0), line)
        cache[i] = found
        if len(cache) > _KEEP:
            cache.popitem(last=False)
        return found

    def _yaml_entry(self, index: _Index, i: int) -> Positions:
        start, end = index.span(i)
        found = self.yaml_index
        assert found is not None
        line, col = found.lines[i], found.cols[i]
        lead = self.text[start : start + col]
        if _YAML_LEAD.fullmatch(lead) and end > start:
            piece = locate.positions(self.text[start:end], "yaml")
            # "- code: 1" reads as a list of one entry; "code: 1" (its dash above) as the entry
            if lead.strip():
                inner = _shift(piece, (0,), line)
                if inner.get(()) == (line + 1, col + 1):
                    return inner
            elif len(piece) > 1:
                inner = _shift(piece, (), line)
                inner[()] = (line + 1, col + 1)
                return inner
        # The entry's lines do not read alone (flow style, odd indentation): map the file.
        prefix = ("errors", i)
        return {p[2:]: place for p, place in self._full_map().items() if p[:2] == prefix}


def _shift(found: Positions, prefix: Path, lines: int) -> Positions:
    """The places under ``prefix`` as paths from it, moved down by ``lines`` lines."""
    n = len(prefix)
    return {
        path[n:]: (line + lines, col)
        for path, (line, col) in found.items()
        if path[:n] == prefix and len(path) >= n
    }
