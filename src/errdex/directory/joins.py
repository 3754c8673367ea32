"""Joined words: a camel-case query word, or one that finds (almost) nothing, also searched
as the words it joins.

People type ``rateLimit`` for "rate limit", ``apikey`` for "API key" and
``notfound`` for "not found": one word where entries say several. A
camel-case word (:func:`tokenize.camel_parts`) is cut where its case changes,
as the index cuts the names it holds (``invalidJWT`` is indexed as
``invalidJWT invalid JWT``), so ``rateLimit`` finds what ``rate limit``
finds and ``invalidJWT`` is titled ``invalid jwt``, whatever the word's
count. For another word that finds (almost) nothing, :func:`joins` finds the
place to cut it into two words that entries do say one after the other. The
search then matches the word OR the phrase of its parts (only the phrase
when the word matches nothing at all).

A word is cut when it is made of ASCII letters, :data:`MIN_PART` to
:data:`MAX_WORD` long, outside quotes, and in fewer than :data:`JOIN_BELOW`
entries (the last word, a prefix, counts the entries of the indexed words
it stands for; when it stands for too many to list it is not cut). Every cut
whose two halves are indexed words (their stems are in the index's
word-frequency table, ``t``) is tried; the cut whose two words follow each
other in the most entries wins, the leftmost cut on a tie, and none when no
entry has them together. The search index, the static reader and
``errdex-search.js`` count words and pairs from the same facts, so all three
cut alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from errdex.directory import tokenize
from errdex.directory.tokenize import Join, Query

JOIN_BELOW = 2
"""A word in fewer entries than this is also searched as the two words it joins."""
MIN_PART = 2
"""Each of the two words is at least this long (a word is cut from twice this long)."""
MAX_WORD = 40
"""Longer words are not cut (each cut costs a look-up)."""

Count = Callable[[str], int]
"""``count(token)``: how many entries hold an indexed token."""
Follows = Callable[[str, str], int]
"""``follows(a, b)``: how many entries hold token ``b`` right after token ``a``."""


def cuttable(word: str) -> bool:
    """Whether a folded word may be cut in two: ASCII letters, long enough, not too long."""
    return 2 * MIN_PART <= len(word) <= MAX_WORD and word.isascii() and word.isalpha()


def best_cut(word: str, count: Count, follows: Follows) -> tuple[str, str] | None:
    """The two words a folded ``word`` joins: of the cuts whose halves are both indexed,
    the one whose stems follow each other in the most entries (the leftmost on a tie);
    None when no entry has any of them together."""
    best: tuple[int, str, str] | None = None
    for at in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:at], word[at:]
        a, b = tokenize.stem(left), tokenize.stem(right)
        if not count(a) or not count(b):
            continue
        rows = follows(a, b)
        if rows and (best is None or rows > best[0]):
            best = (rows, left, right)
    return None if best is None else (best[1], best[2])


def joins(
    parsed: Query, completions: Sequence[str] | None, count: Count, follows: Follows
) -> tuple[Join, ...]:
    """The words of ``parsed`` also searched as two words (see the module docstring);
    ``completions`` are the indexed words the last word stands for (None: too many, or it
    is no prefix)."""
    found = parsed.terms
    inside = {i for lo, hi in parsed.quoted for i in range(lo, hi)}
    last = len(found) - 1
    out = []
    for i, t in enumerate(found):
        if t.cjk or i in inside:
            continue
        word = tokenize.fold(t.text)
        camel = tokenize.camel_parts(t.text)
        if camel is None and not cuttable(word):
            continue
        if i == last and parsed.prefix_last:
            # a prefix of too many words to list finds plenty: not cut, unless camel case
            hits = None if completions is None else sum(count(w) for w in completions)
        else:
            hits = count(tokenize.stem(word))
        if camel is not None:
            out.append(Join(i, tuple(camel), hits is None or hits > 0))
            continue
        if hits is None or hits >= JOIN_BELOW:
            continue
        cut = best_cut(word, count, follows)
        if cut is not None:
            out.append(Join(i, cut, hits > 0))
    return tuple(out)


__all__ = [
    "JOIN_BELOW",
    "MAX_WORD",
    "MIN_PART",
    "Count",
    "Follows",
    "best_cut",
    "cuttable",
    "joins",
]
