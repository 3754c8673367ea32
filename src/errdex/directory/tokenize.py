"""Text segmentation for the search index: words for Latin scripts, bigrams for CJK.

SQLite's ``unicode61`` tokenizer splits on spaces and punctuation, which
suits English but leaves a Chinese sentence as one long token. Before text is
indexed, every run of CJK characters is rewritten as its overlapping bigrams
(``白名单`` → ``白名 名单 单``; the run's last character is added on its own so
that a one-character query can match as a prefix). A query is segmented the
same way and becomes a phrase of bigrams, so ``名单`` finds ``白名单`` and
``限制`` finds ``请求速率限制`` without a dictionary.

English words are indexed by their Snowball stem (:func:`stem`): ``tokens``
is stored as ``token`` and ``limited`` as ``limit``, and a query word is
stemmed the same way, so ``tokens`` finds ``token`` and ``rate limited``
finds ``rate limit`` (phrases keep their positions). The last query word
also matches as a prefix of the words as written: the index keeps a
vocabulary of written words and their stems, so ``tokeni`` finds
``tokenizer`` (stored as ``token``).

A part of a query in double quotes (``"rate limit"``, or typographic
``“rate limit”``) is a phrase (:func:`parse`): its terms must follow each
other in that order, none of them a prefix; unquoted terms match anywhere.

User input never reaches FTS5 as syntax: :func:`match_expression` builds the
expression from word and CJK terms only, each one double-quoted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

try:  # PyStemmer, Snowball's C implementation; imported alone, it skips snowballstemmer's
    from Stemmer import Stemmer as _Stemmer  # type: ignore[import-not-found]  # pure-Python
except ImportError:  # pragma: no cover - the package installs PyStemmer on CPython
    from snowballstemmer import stemmer as _Stemmer  # type: ignore[import-untyped]

CJK = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\U00020000-\U0002ebef"  # CJK Extensions B-F
)


class _Lazy:
    """A regular expression compiled on first use: the CJK classes take milliseconds to
    compile, which a search of ASCII words (answered from the cache) never needs."""

    def __init__(self, pattern: str) -> None:
        self._pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    @property
    def re(self) -> re.Pattern[str]:
        """The compiled expression."""
        if self._compiled is None:
            self._compiled = re.compile(self._pattern)
        return self._compiled


_CJK_RUN = _Lazy(f"[{CJK}]+")
_CJK_START = _Lazy(f"[{CJK}]")
_TERM = _Lazy(rf"[{CJK}]+|[^\W_{CJK}]+")
_SEPARATORS = re.compile(r"[^0-9A-Za-z]+")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_WORD = _Lazy(rf"[^\W_{CJK}]+")
"""A word as the ``unicode61`` tokenizer cuts it: a run of letters and digits."""
_ASCII_WORD = re.compile(r"[a-z0-9]+")
""":data:`_WORD` in lower-cased ASCII text (the common case, cut in one regex pass)."""
_ASCII_TERM = re.compile(r"[A-Za-z0-9]+")
""":data:`_WORD` (and :data:`_TERM`) in ASCII text."""
_QUOTED = re.compile('"[^"]*"|\u201c[^\u201d]*\u201d')
"""A part of a query in double quotes, straight or typographic (a phrase)."""


def _word_re(text: str) -> re.Pattern[str]:
    """The expression that cuts ``text`` into words: :data:`_ASCII_TERM` for ASCII text."""
    return _ASCII_TERM if text.isascii() else _WORD.re


_STEMMER = _Stemmer("english")

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


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball English stem of a folded word (``tokens`` → ``token``); other words as is.

    Only words of ASCII letters are stemmed: digits, codes (``u256``) and
    other scripts are left alone.
    """
    if len(word) < 3 or not (word.isascii() and word.isalpha()):
        return word
    return str(_STEMMER.stemWord(word))


def _stemmed(match: re.Match[str]) -> str:
    return stem(fold(match.group()))


def segment(text: str, vocabulary: dict[str, str] | None = None) -> str:
    """Return ``text`` ready for the ``unicode61`` tokenizer: its words as folded stems,
    CJK runs as spaced bigrams, separated by spaces (punctuation, which the tokenizer
    drops anyway, is left out). ``vocabulary``, when given, gets every folded word as
    written mapped to its stem (and serves as the cache of stems).

    ASCII text (most of any catalog) is cut by one regex over its lower-cased form and
    its words looked up in ``vocabulary``: a Python step per word, not per character
    class test, since index builds spend most of their time here.
    """
    known = {} if vocabulary is None else vocabulary
    if text.isascii():
        return " ".join(_stems(_ASCII_WORD.findall(text.lower()), known))
    out = []
    cjk_start = _CJK_START.re
    for piece in _TERM.re.findall(text):
        if cjk_start.match(piece):
            out.append(_bigrams(piece))
            continue
        folded = piece.lower() if piece.isascii() else fold(piece)
        stemmed = known.get(folded)
        if stemmed is None:
            stemmed = known[folded] = stem(folded)
        out.append(stemmed)
    return " ".join(out)


def _stems(folded: list[str], known: dict[str, str]) -> list[str]:
    """The stems of folded words, looked up in (and added to) ``known``."""
    try:
        return [known[w] for w in folded]
    except KeyError:
        for w in folded:
            if w not in known:
                known[w] = stem(w)
        return [known[w] for w in folded]


def text_key(text: str, vocabulary: dict[str, str] | None = None) -> str:
    """``key(terms(text)[0])``, faster for ASCII text: what an exact title match compares.

    ``vocabulary`` is the stem cache of :func:`segment`.
    """
    if not text.isascii():
        return key(terms(text)[0])
    words = _ASCII_WORD.findall(text[:MAX_QUERY_CHARS].lower())[:MAX_TERMS]
    return " ".join(_stems(words, {} if vocabulary is None else vocabulary))


def message_key(text: str) -> str:
    """A message as an exact-message match compares it: casefolded, runs of whitespace as
    one space, none at the ends (``Invalid  JSON`` and ``invalid json`` say the same)."""
    return " ".join(text.casefold().split())


def words(text: str) -> list[str]:
    """The folded words of a text as written (not stemmed), CJK left out."""
    return [fold(w) for w in _word_re(text).findall(text)]


def key(found: Sequence[Term]) -> str:
    """A text's terms as one comparable string: stems of words, CJK runs as they are.

    Two texts with the same key say the same words (``Rate limited`` and
    ``rate limit``); an exact title match compares keys.
    """
    return " ".join(t.text if t.cjk else stem(fold(t.text)) for t in found)


def identifier_parts(name: str) -> list[str] | None:
    """The parts an identifier's camel case cuts it into (``invalidJWT`` → ``invalid``,
    ``JWT``), as written; None when there is no camel case to cut (the tokenizer splits
    the rest at its separators already)."""
    parts: list[str] = _CAMEL.findall(name)
    if len(parts) < 2 or [p.lower() for p in parts] == _SEPARATORS.sub(" ", name).lower().split():
        return None
    return parts


def split_identifier(name: str) -> str:
    """Return an identifier plus its parts: ``invalidJWT`` → ``invalidJWT invalid JWT``."""
    parts = identifier_parts(name)
    return name if parts is None else f"{name} {' '.join(parts)}"


_CASE_CHANGE = re.compile("[a-z][A-Z]")
"""A lower-case letter followed by a capital: where a camel-case query word is cut."""


def camel_parts(word: str) -> list[str] | None:
    """The folded parts of a camel-case query word, cut as :func:`split_identifier` cuts
    the names the index holds (``rateLimit`` → ``rate``, ``limit``; ``invalidJWT`` →
    ``invalid``, ``jwt``); None for a word with no lower-case letter followed by a
    capital (``JWT``, ``APIKey``, ``H256``, ``rate``)."""
    if not word.isascii() or _CASE_CHANGE.search(word) is None:
        return None
    parts = identifier_parts(word)
    return None if parts is None else [p.lower() for p in parts]


def terms(query: str) -> tuple[list[Term], bool]:
    """Split a user query into terms; return them and whether the query was cut short.

    Everything that is not a letter, a digit or a CJK character separates
    terms, so FTS5 operators, quotes and brackets in the input are harmless.
    """
    parsed = parse(query)
    return parsed.terms, parsed.truncated


Span = tuple[int, int]
"""``[start, end)``: the terms of a query one pair of double quotes holds."""


class Join(NamedTuple):
    """A query word also searched as the words it joins, folded: ``apikey`` as ``"api
    key"``, ``rateLimit`` as ``"rate limit"``; :mod:`errdex.directory.joins` decides when."""

    term: int
    """The word's place in the query's terms."""
    parts: tuple[str, ...]
    """The words it joins, as written (folded), two or more."""
    keep: bool
    """Whether the word itself still matches too (it is in an entry, or starts a word)."""

    def phrase(self) -> str:
        """The FTS5 phrase of the words (their stems, one after the other)."""
        return '"' + " ".join(stem(p) for p in self.parts) + '"'

    def part_terms(self) -> list[Term]:
        """The words it joins as terms."""
        return [Term(p, False) for p in self.parts]


class Query(NamedTuple):
    """A parsed query: its :func:`terms`, whether it was cut, its quoted phrases and (set by
    the index, which knows its words) the words it also searches as two."""

    terms: list[Term]
    truncated: bool
    quoted: tuple[Span, ...] = ()
    """The terms each pair of double quotes holds (none empty, in order): phrases."""
    joined: tuple[Join, ...] = ()
    """Words also searched as the two words they join, in term order."""

    def split_terms(self) -> list[Term]:
        """The terms with each joined word as the words it joins: what the title and phrase tiers
        compare (``notfound`` is titled "Not found")."""
        if not self.joined:
            return self.terms
        parts = {j.term: j for j in self.joined}
        out: list[Term] = []
        for i, t in enumerate(self.terms):
            j = parts.get(i)
            out += [t] if j is None else j.part_terms()
        return out

    def marked_terms(self) -> tuple[list[Term], bool]:
        """The terms a highlighter marks, and whether the last is a prefix: each joined word
        as the words it joins, after the word itself when it still matches."""
        if not self.joined:
            return self.terms, self.prefix_last
        parts = {j.term: j for j in self.joined}
        out: list[Term] = []
        for i, t in enumerate(self.terms):
            j = parts.get(i)
            if j is None:
                out.append(t)
            else:
                out += [t] if j.keep else []
                out += j.part_terms()
        return out, self.prefix_last and len(self.terms) - 1 not in parts

    @property
    def prefix_last(self) -> bool:
        """Whether the last term may match as a prefix: it is not inside quotes."""
        return not self.quoted or self.quoted[-1][1] < len(self.terms)


def parse(query: str) -> Query:
    """Split a user query into terms (as :func:`terms`) and find its quoted phrases.

    A pair of double quotes (``"…"`` or ``“…”``) in the first
    :data:`MAX_QUERY_CHARS` characters makes the terms between them one phrase;
    a quote without its pair is a separator like any other.
    """
    truncated = len(query) > MAX_QUERY_CHARS
    cut = query[:MAX_QUERY_CHARS]
    ascii_only = cut.isascii()
    regions = [m.span() for m in _QUOTED.finditer(cut)] if '"' in cut or "\u201c" in cut else []
    starts: list[int] = []
    if ascii_only and not regions:
        found = [Term(m, False) for m in _ASCII_TERM.findall(cut)]
    elif ascii_only:
        matched = list(_ASCII_TERM.finditer(cut))
        found = [Term(m.group(), False) for m in matched]
        starts = [m.start() for m in matched]
    else:
        cjk_run = _CJK_RUN.re
        matched = list(_TERM.re.finditer(cut))
        found = [Term(m.group(), bool(cjk_run.fullmatch(m.group()))) for m in matched]
        starts = [m.start() for m in matched]
    if len(found) > MAX_TERMS:
        found, truncated = found[:MAX_TERMS], True
    quoted = []
    for lo, hi in regions:
        inside = [i for i, at in enumerate(starts[: len(found)]) if lo < at < hi]
        if inside:
            quoted.append((inside[0], inside[-1] + 1))
    return Query(found, truncated, tuple(quoted))


def _fts_term(
    term: Term, prefix: bool, words: Sequence[str] | None = None, loose: bool = False
) -> str:
    if term.cjk:
        if len(term.text) == 1:
            return f'"{term.text}"*'
        grams = [term.text[i : i + 2] for i in range(len(term.text) - 1)]
        if loose and len(grams) > 1:  # any of its bigrams, in any order
            return "(" + " OR ".join(f'"{g}"' for g in grams) + ")"
        return '"' + " ".join(grams) + '"'
    folded = fold(term.text)
    if prefix and words:
        if len(words) == 1:
            return f'"{words[0]}"'
        return "(" + " OR ".join(f'"{w}"' for w in words) + ")"
    if prefix:
        stemmed = stem(folded)
        if stemmed != folded and not stemmed.startswith(folded):
            return f'("{folded}"* OR "{stemmed}")'
        return f'"{folded}"*'
    return f'"{stem(folded)}"'


def phrase_tokens(found: Sequence[Term]) -> list[str]:
    """The indexed tokens the terms are, one after another, when they follow each other in
    a text: stems of words, the bigrams of a CJK run (a lone character as itself), and
    after a run followed by another term, its last character (which :func:`segment`
    indexes alone at the end of every run)."""
    out: list[str] = []
    last = len(found) - 1
    for i, t in enumerate(found):
        if not t.cjk:
            out.append(stem(fold(t.text)))
        elif len(t.text) == 1:
            out.append(t.text)
        else:
            out += [t.text[j : j + 2] for j in range(len(t.text) - 1)]
            if i < last:
                out.append(t.text[-1])
    return out


def phrase_expression(found: Sequence[Term], column: str | None = None) -> str | None:
    """The FTS5 phrase of the terms (:func:`phrase_tokens`), optionally in one column; None
    for fewer than two terms."""
    if len(found) < 2:
        return None
    phrase = '"' + " ".join(phrase_tokens(found)) + '"'
    return f"{column} : {phrase}" if column else phrase


def _fts_phrase(found: Sequence[Term]) -> str:
    """The FTS5 expression of a quoted phrase: its tokens in order (a lone CJK character,
    which only matches as a prefix, stays one)."""
    if len(found) == 1 and found[0].cjk and len(found[0].text) == 1:
        return f'"{found[0].text}"*'
    return '"' + " ".join(phrase_tokens(found)) + '"'


def match_expression(
    found: list[Term],
    *,
    any_term: bool = False,
    prefix_last: bool = True,
    last_words: Sequence[str] | None = None,
    quoted: Sequence[Span] = (),
    joined: Sequence[Join] = (),
) -> str:
    """Return the FTS5 ``MATCH`` expression for terms: all of them (or any), quoted.

    The last word is matched as a prefix (``limi`` finds ``limit``) unless
    ``prefix_last`` is false; ``last_words``, when given, are the indexed
    words that prefix stands for, written out instead (cheaper to rank). A
    single CJK character is always a prefix. A CJK run is a phrase of its
    bigrams; with ``any_term`` any of its bigrams will do (``仓库不存在``
    then finds ``找不到…仓库…存在``). The terms of each ``quoted`` span are one
    phrase (:func:`phrase_tokens`), never loosened, its last word no prefix. A
    ``joined`` word is also (or, when it matches nothing itself, only) the
    phrase of the two words it joins.
    """
    last = len(found) - 1
    spans = dict(quoted)
    inside = {i for lo, hi in quoted for i in range(lo, hi)}
    joins = {j.term: j for j in joined}
    parts = []
    for i, t in enumerate(found):
        if i in spans:
            parts.append(_fts_phrase(found[i : spans[i]]))
        elif i not in inside:
            words = last_words if i == last else None
            part = _fts_term(t, prefix_last and i == last, words, any_term)
            j = joins.get(i)
            if j is not None:
                part = f"({part} OR {j.phrase()})" if j.keep else j.phrase()
            parts.append(part)
    return (" OR " if any_term else " AND ").join(parts)


class Highlighter:
    """Finds where query terms occur in original text, as the index matches them.

    A word matches a word of the text with the same stem (``tokens`` marks
    ``token``); the prefix-matched last word also marks words starting with
    it and words whose stem is one of ``last_stems`` (what the prefix stands
    for in the index); CJK terms match anywhere.
    """

    def __init__(
        self, found: Sequence[Term], *, prefix_last: bool = True, last_stems: Sequence[str] = ()
    ) -> None:
        self._stems: set[str] = set()
        self._prefix: str | None = None
        self._last_stems = set(last_stems)
        cjk = []
        for i, t in enumerate(found):
            if t.cjk:
                cjk.append(re.escape(t.text))
            elif prefix_last and i == len(found) - 1:
                self._prefix = fold(t.text)
                self._last_stems.add(stem(self._prefix))
            else:
                self._stems.add(stem(fold(t.text)))
        cjk.sort(key=len, reverse=True)
        self._cjk = re.compile("|".join(cjk)) if cjk else None

    def _hit(self, word: str) -> bool:
        folded = fold(word)
        stemmed = stem(folded)
        if stemmed in self._stems or stemmed in self._last_stems:
            return True
        return self._prefix is not None and folded.startswith(self._prefix)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` offsets of every match in ``text``, in order."""
        out = [m.span() for m in _word_re(text).finditer(text) if self._hit(m.group())]
        if self._cjk is not None:
            out += [m.span() for m in self._cjk.finditer(text) if m.end() > m.start()]
            out.sort()
        return out

    def search(self, text: str) -> bool:
        """Whether any term matches in ``text``."""
        if self._cjk is not None and self._cjk.search(text):
            return True
        return any(self._hit(w) for w in _word_re(text).findall(text))


def highlighter(
    found: Sequence[Term], *, prefix_last: bool = True, last_stems: Sequence[str] = ()
) -> Highlighter | None:
    """Return a :class:`Highlighter` for the terms, or None when there are none."""
    if not found:
        return None
    return Highlighter(found, prefix_last=prefix_last, last_stems=last_stems)
