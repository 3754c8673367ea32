"""Word lists for the spelling rules: codespell's typo dictionary and an English word list.

Both are maintained by others and shipped as Python packages: codespell's
``dictionary.txt`` (typo → fix, the list behind the ``codespell`` tool) and
pyspellchecker's English word-frequency list (160,000 words with counts). Each
is read once, on first use, so a catalog whose check needs neither never pays
for them.
"""

from __future__ import annotations

import bisect
import gzip
from functools import cache
from importlib import resources

import orjson

PREFIXES = ("un", "non", "dis", "mis", "re", "in", "im", "pre")
"""Prefixes stripped from an unknown word before its stem is looked up (``un`` + ``suppot``)."""

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@cache
def typos() -> dict[str, str]:
    """codespell's dictionary: lower-case typo → its fix(es), comma-separated."""
    text = resources.files("codespell_lib").joinpath("data", "dictionary.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        typo, _, fixes = line.partition("->")
        if fixes:
            out[typo] = fixes.rstrip(", ").strip()
    return out


@cache
def frequencies() -> dict[str, int]:
    """pyspellchecker's English word list: lower-case word → how often it occurs in its corpus."""
    data = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    table: dict[str, int] = orjson.loads(gzip.decompress(data))
    return table


@cache
def _sorted_words() -> list[str]:
    return sorted(frequencies())


def is_abbreviation(word: str, *, min_count: int = 200) -> bool:
    """Whether ``word`` (lower case) is the start of a common longer word: ``config``
    (configuration), ``params`` (parameters). Truncations are abbreviations, not typos."""
    freq = frequencies()
    words = _sorted_words()
    for stem in {word, word[:-1] if word.endswith("s") else word}:
        at = bisect.bisect_left(words, stem)
        while at < len(words) and words[at].startswith(stem):
            if len(words[at]) > len(stem) + 1 and freq[words[at]] >= min_count:
                return True
            at += 1
    return False


def is_word(word: str) -> bool:
    """Whether ``word`` (lower case) is an English word (in the frequency list)."""
    return word in frequencies()


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


def typo_fix(word: str) -> tuple[str, str] | None:
    """Return ``(typo, fix)`` when ``word`` (lower case) is a known typo, or a prefix plus one.

    ``subcribe`` → ``("subcribe", "subscribe")``; ``unsuppot`` is not in the
    dictionary but ``suppot`` is, so it gives ``("suppot", "support")``. A word
    that is itself English (``insupport`` is not, ``inform`` is) is never split.
    """
    table = typos()
    fix = table.get(word)
    if fix is not None:
        return word, fix
    if is_word(word):
        return None
    for prefix in PREFIXES:
        stem = word[len(prefix) :]
        if word.startswith(prefix) and len(stem) >= 4:
            fix = table.get(stem)
            if fix is not None:
                return stem, fix
    return None


def near_miss(word: str, *, min_count: int = 200) -> list[str]:
    """Frequent English words one or two edits from ``word`` that begin like it, best first.

    Typing slips rarely hit a word's first letters, while jargon and
    abbreviations rarely sit one slip from a common word that starts the same
    way. So a one-edit candidate must share the first two letters, a two-edit
    candidate the first three, and each must occur at least ``min_count`` times
    in the corpus. Two-edit candidates are tried only when there is no one-edit one.
    """
    freq = frequencies()
    ones = edits1(word)
    found = {w for w in ones if w[:2] == word[:2] and freq.get(w, 0) >= min_count}
    if not found:
        head = word[:3]
        found = {
            w2
            for w1 in ones
            if w1.startswith(head)
            for w2 in edits1(w1)
            if w2.startswith(head) and freq.get(w2, 0) >= min_count
        }
    found.discard(word)
    return sorted(found, key=lambda w: (-freq[w], w))
