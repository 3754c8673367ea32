"""Did you mean: a query that finds nothing, with its misspelt words corrected.

``insufficent`` and ``tokne`` find nothing, and an empty answer does not say
why. :func:`corrections` finds each word of such a query that the index does
not know (no entry holds its stem and, for the last word, no indexed word
starts with it) and the indexed words one edit away from it
(:func:`errdex.directory.typo.one_edit`: a letter deleted, inserted,
replaced, or two swapped), the words in the most entries first.
:func:`suggestions` turns them into whole queries: each correction of a
single misspelt word, or, when several words are misspelt, the query with
each one's best correction. The search keeps the ones that do find something
(:meth:`errdex.directory.search.SearchIndex.search`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from errdex.directory import tokenize, typo

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
"""The characters an edit may bring in: indexed words are folded, and ASCII ones are what a
typo is corrected to."""
MAX_SUGGESTIONS = 3
"""At most this many queries are suggested."""

Known = Callable[[str, bool], bool]
"""``known(word, prefix)``: whether the index finds a folded query word (as a prefix of
indexed words, when ``prefix``)."""
Near = Callable[[Sequence[str]], Mapping[str, int]]
"""``near(words)``: the indexed words among ``words``, each with the entries holding it."""


def corrections(parsed: tokenize.Query, known: Known, near: Near) -> dict[int, list[str]]:
    """For each misspelt word of ``parsed`` (its place in the terms), the indexed words one
    edit away, in the most entries first (then alphabetically). A word is misspelt when it
    is ASCII letters, at least :data:`typo.MIN_LENGTH` long, outside quotes, and unknown."""
    inside = {i for lo, hi in parsed.quoted for i in range(lo, hi)}
    last = len(parsed.terms) - 1
    out: dict[int, list[str]] = {}
    for i, t in enumerate(parsed.terms):
        word = tokenize.fold(t.text)
        if t.cjk or i in inside or not (word.isascii() and word.isalpha()):
            continue
        if len(word) < typo.MIN_LENGTH or known(word, i == last and parsed.prefix_last):
            continue
        found = near(sorted(set(typo.one_edit(word, ALPHABET)) - {word}))
        if found:
            out[i] = sorted(found, key=lambda w: (-found[w], w))
    return out


def suggestions(parsed: tokenize.Query, fixes: Mapping[int, Sequence[str]]) -> list[str]:
    """Whole queries from :func:`corrections`: the query's terms, one misspelt word replaced
    by each of its corrections, or every misspelt word by its best one."""
    if not fixes:
        return []
    words = [t.text for t in parsed.terms]

    def with_fix(fix: Mapping[int, str]) -> str:
        return " ".join(fix.get(i, w) for i, w in enumerate(words))

    if len(fixes) == 1:
        ((at, found),) = fixes.items()
        return [with_fix({at: w}) for w in found[:MAX_SUGGESTIONS]]
    return [with_fix({at: found[0] for at, found in fixes.items()})]


__all__ = ["ALPHABET", "MAX_SUGGESTIONS", "Known", "Near", "corrections", "suggestions"]
