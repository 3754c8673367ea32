"""A query shaped like a code (``AUTH-ERR-99``): never widened to any word, answered with
the closest codes when no code has it.

A code-shaped query is one word of letters and digits joined by ``-``, ``_``, ``.`` or
``:``, starting with a letter and holding a digit (:func:`code_shaped`). When no entry has
that code and no entry holds all its words, the search does not retry with any word
matching (``AUTH-ERR-99`` would list every entry holding ``auth``, ``err`` or ``99``); it
finds nothing and suggests the existing codes closest to it (:func:`closest_codes`): the
codes sharing its prefix up to the last separator (``AUTH-ERR-``) at most
:data:`MAX_DISTANCE` edits away, nearest first (``AUTH-ERR-9``). The static site's
script (``errdex-search.js``) applies the same rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from errdex.model.codes import code_sort_key

_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.:][A-Za-z0-9]+)+")
_DIGIT = re.compile(r"[0-9]")
_TAIL = re.compile(r"[A-Za-z0-9]+\Z")
MAX_DISTANCE = 2
"""A suggested code is at most this many edits (insert, delete, replace) from the query."""
MAX_CODES = 3
"""At most this many codes are suggested."""


def code_shaped(raw: str | None) -> bool:
    """Whether ``raw`` (:func:`search.exact_text` of a query) is shaped like a code."""
    return raw is not None and bool(_SHAPE.fullmatch(raw)) and bool(_DIGIT.search(raw))


def code_prefix(raw: str) -> str:
    """The part of a code-shaped query the suggested codes share, in upper case:
    ``auth-err-99`` → ``AUTH-ERR-``."""
    return _TAIL.sub("", raw).upper()


def distance(a: str, b: str) -> int:
    """The edit distance of two texts (insertions, deletions and replacements)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def closest_codes(raw: str, codes: Iterable[str]) -> list[str]:
    """The ``codes`` (upper case, sharing :func:`code_prefix`) closest to ``raw``: at most
    :data:`MAX_DISTANCE` edits away, nearest first, then in natural code order."""
    want = raw.upper()
    near = [(distance(want, c), code_sort_key(c), c) for c in set(codes) if c != want]
    return [c for d, _, c in sorted(near) if d <= MAX_DISTANCE][:MAX_CODES]


__all__ = ["MAX_CODES", "MAX_DISTANCE", "closest_codes", "code_prefix", "code_shaped", "distance"]
