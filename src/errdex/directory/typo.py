"""Typo tolerance for names: every string one edit away from a word.

An edit is one character deleted, inserted, replaced, or two neighbours
swapped (Damerau–Levenshtein distance 1). Instead of comparing a query with
every known name, the few hundred strings one edit away from the query are
looked up in the name table: cost grows with the query's length, not with
the registry's size.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

MIN_LENGTH = 4
"""Shorter words are not corrected: one edit away from ``jwt`` is too much of the alphabet."""


def one_edit(word: str, alphabet: Iterable[str]) -> Iterator[str]:
    """Yield every string one edit away from ``word`` over ``alphabet`` (with repeats)."""
    letters = list(alphabet)
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]
        if i + 1 < len(word):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for ch in letters:
            if ch != word[i]:
                yield word[:i] + ch + word[i + 1 :]
    for i in range(len(word) + 1):
        for ch in letters:
            yield word[:i] + ch + word[i:]


def near(word: str, known: Container[str], alphabet: Iterable[str]) -> list[str]:
    """The keys of ``known`` one edit away from ``word`` (never ``word`` itself), sorted."""
    if len(word) < MIN_LENGTH:
        return []
    found = {w for w in one_edit(word, alphabet) if w in known}
    found.discard(word)
    return sorted(found)
