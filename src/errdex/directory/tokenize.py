"""Text segmentation for the search index: words for Latin scripts, bigrams for CJK.

SQLite's ``unicode61`` tokenizer splits on spaces and punctuation, which
suits English but leaves a Chinese sentence as one long token. Before text is
indexed, every run of CJK characters is rewritten as its overlapping bigrams
(``白名单`` → ``白名 名单 单``; the run's last character is added on its own so
that a one-character query can match as a prefix). A query is segmented the
same way and becomes a phrase of bigrams, so ``名单`` finds ``白名单`` and
``限制`` finds ``请求速率限制`` without a dictionary.

User input never reaches FTS5 as syntax: :func:`match_expression` builds the
expression from word and CJK terms only, each one double-quoted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

CJK = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\U00020000-\U0002ebef"  # CJK Extensions B-F
)
_CJK_RUN = re.compile(f"[{CJK}]+")
_TERM = re.compile(rf"[{CJK}]+|[^\W_{CJK}]+")
_SEPARATORS = re.compile(r"[^0-9A-Za-z]+")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")

MAX_QUERY_CHARS = 256
"""Longer queries are cut to this many characters before they are parsed."""
MAX_TERMS = 16
"""At most this many terms of a query are searched; the rest are dropped."""


class Term(NamedTuple):
    """One search term: a word (matched case-insensitively) or a run of CJK characters."""

    text: str
    cjk: bool


def _bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " " + run[-1]


def fold(word: str) -> str:
    """A word as the ``unicode61`` tokenizer stores it: lower case, diacritics removed."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def segment(text: str) -> str:
    """Return ``text`` ready for the ``unicode61`` tokenizer: CJK runs as spaced bigrams."""
    if text.isascii() or not _CJK_RUN.search(text):
        return text
    return _CJK_RUN.sub(lambda m: f" {_bigrams(m.group())} ", text)


def split_identifier(name: str) -> str:
    """Return an identifier plus its parts: ``invalidJWT`` → ``invalidJWT invalid JWT``."""
    parts = _CAMEL.findall(name)
    if len(parts) < 2 or [p.lower() for p in parts] == _SEPARATORS.sub(" ", name).lower().split():
        return name  # no camel case: the tokenizer splits it already
    return f"{name} {' '.join(parts)}"


def terms(query: str) -> tuple[list[Term], bool]:
    """Split a user query into terms; return them and whether the query was cut short.

    Everything that is not a letter, a digit or a CJK character separates
    terms, so FTS5 operators, quotes and brackets in the input are harmless.
    """
    truncated = len(query) > MAX_QUERY_CHARS
    found = [
        Term(m.group(), bool(_CJK_RUN.fullmatch(m.group())))
        for m in _TERM.finditer(query[:MAX_QUERY_CHARS])
    ]
    if len(found) > MAX_TERMS:
        found, truncated = found[:MAX_TERMS], True
    return found, truncated


def _fts_term(term: Term, prefix: bool, words: Sequence[str] | None = None) -> str:
    if term.cjk:
        if len(term.text) == 1:
            return f'"{term.text}"*'
        return '"' + " ".join(term.text[i : i + 2] for i in range(len(term.text) - 1)) + '"'
    if prefix and words:
        return (
            "(" + " OR ".join(f'"{w}"' for w in words) + ")" if len(words) > 1 else f'"{words[0]}"'
        )
    return f'"{term.text}"' + ("*" if prefix else "")


def match_expression(
    found: list[Term],
    *,
    any_term: bool = False,
    prefix_last: bool = True,
    last_words: Sequence[str] | None = None,
) -> str:
    """Return the FTS5 ``MATCH`` expression for terms: all of them (or any), quoted.

    The last word is matched as a prefix (``limi`` finds ``limit``) unless
    ``prefix_last`` is false; ``last_words``, when given, are the indexed
    words that prefix stands for, written out instead (cheaper to rank). A
    single CJK character is always a prefix.
    """
    last = len(found) - 1
    parts = [
        _fts_term(t, prefix_last and i == last, last_words if i == last else None)
        for i, t in enumerate(found)
    ]
    return (" OR " if any_term else " AND ").join(parts)


def highlighter(found: list[Term], *, prefix_last: bool = True) -> re.Pattern[str] | None:
    """Return a regex finding the terms in original text (case-insensitive), or None.

    Words match at a word start and, except the prefix-matched last one, as
    whole words; CJK terms match anywhere.
    """
    if not found:
        return None
    parts = []
    for i, t in enumerate(found):
        text = re.escape(t.text)
        if t.cjk:
            parts.append(text)
        elif prefix_last and i == len(found) - 1:
            parts.append(rf"(?<![^\W_]){text}")
        else:
            parts.append(rf"(?<![^\W_]){text}(?![^\W_])")
    parts.sort(key=len, reverse=True)
    return re.compile("|".join(parts), re.IGNORECASE)
