"""Rules about spelling: known typos, unknown near-words, "less that", and swapped terms.

The texts of a whole catalog are searched at once: the distinct texts are
joined and tokenised in one regex pass, and the set of their words is
intersected with the dictionaries. Only when something is found are the
entries walked again to say where.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterator
from functools import cache
from itertools import chain
from operator import attrgetter
from typing import Any

from errdex.check import lexicon
from errdex.check.context import Context
from errdex.check.registry import check
from errdex.check.text import PART, PLAIN_WORD, example_strings, prose, words
from errdex.io.diagnostic import Diagnostic, rule
from errdex.model import Entry

TYPO = rule("W202")
UNKNOWN_WORD = rule("W203")
COMPARATIVE_THAT = rule("W204")
TERM_MISMATCH = rule("W205")

FIELDS = ("message", "description", "solution", "title", "reason")
_TR_FIELDS = ("message", "description", "solution", "title")
_TR_TEXTS = attrgetter(*_TR_FIELDS)
MIN_UNKNOWN = 6
"""Shorter unknown words are mostly abbreviations (``payg``, ``serde``): not checked."""

_COMPARATIVE = re.compile(r"\b(less|more|greater|fewer|smaller|larger|bigger)\s+that\b", re.I)
_CATEGORY = re.compile(r"([A-Za-z][^:\n]{2,60}):\s+(\S.*)", re.S)
_LETTERS = re.compile(r"[A-Za-z]+")


@cache
def english_words(locale: str | None) -> bool:
    """Whether the Latin-script words of texts in ``locale`` are English.

    True for English, and for languages not written in Latin script (Chinese,
    Japanese …), whose Latin words are English terms; False for French, German …
    """
    if not locale:
        return True
    language = locale.replace("_", "-").split("-")[0].lower()
    if language == "en":
        return True
    try:
        from babel.core import get_global

        likely = get_global("likely_subtags").get(language, "")
    except Exception:  # pragma: no cover - Babel without its data
        return False
    parts = likely.split("_")
    return len(parts) > 1 and parts[1] != "Latn"


def places(entry: Entry, default_english: bool) -> Iterator[tuple[tuple[Any, ...], str, bool]]:
    """Every text of ``entry`` to check: ``(key path, text, is_identifier)``."""
    own = default_english if entry.locale is None else english_words(entry.locale)
    if entry.name:
        yield ("name",), entry.name, True
    if own:
        for field in FIELDS:
            text = getattr(entry, field)
            if text:
                yield (field,), text, False
        for j, variant in enumerate(entry.variants):
            for field in ("message", "description", "solution"):
                text = getattr(variant, field)
                if text:
                    yield ("variants", j, field), text, False
        for j, example in enumerate(entry.examples):
            yield ("examples", j, "body"), example_strings(example.body), False
    for locale, tr in entry.translations.items():
        if english_words(locale):
            for field in _TR_FIELDS:
                text = getattr(tr, field)
                if text:
                    yield ("translations", locale, field), text, False


class _Corpus:
    """The distinct texts and names of a catalog, joined once for whole-catalog regex passes."""

    def __init__(self, ctx: Context) -> None:
        entries = ctx.entries
        default_english = english_words(ctx.catalog.meta.default_locale)
        self.default_english = default_english
        texts: set[Any] = set()
        plain = not any(ctx.values("locale"))
        if plain and default_english:
            for field in FIELDS:
                texts.update(ctx.values(field))
            rich = [entries[i] for i in ctx.having("variants")]
            rich += map(entries.__getitem__, ctx.having("examples"))
            english = [tr for _, locale, tr in ctx.translations if english_words(locale)]
            texts.update(chain.from_iterable(map(_TR_TEXTS, english)))
        else:
            rich = list(entries)
        for e in rich:
            texts.update(text for path, text, ident in places(e, default_english) if not ident)
        texts.discard(None)
        texts.discard("")
        self.raw = "\n".join(texts)
        self.prose = "\n".join(prose(t) for t in texts)
        self.names = "\n".join(ctx.name_shapes)


@check(TYPO, UNKNOWN_WORD, COMPARATIVE_THAT)
def spelling(ctx: Context) -> Iterator[Diagnostic]:
    """Typos (codespell), unknown near-words and "less that" in every text and name."""
    corpus = _Corpus(ctx)
    hits: dict[str, tuple[Any, str, str]] = {}
    vocabulary = set(words(corpus.prose)) | set(PART.findall(corpus.names))
    for word in vocabulary:
        if len(word) <= 4 and word.isupper():
            continue  # an acronym
        found = lexicon.typo_fix(word.lower())
        if found is not None:
            typo, fix = found
            hits[word] = (TYPO, *_typo_text(word, typo, fix))
    for word, guesses in _unknown_words(corpus, {w.lower() for w in hits}).items():
        edits = "one edit" if guesses[0] in lexicon.edits1(word.lower()) else "two edits"
        hits[word] = (
            UNKNOWN_WORD,
            f"'{word}' is not an English word, occurs nowhere else in the catalog, "
            f"and is {edits} from '{guesses[0]}'",
            f"did you mean '{_case_like(word, guesses[0])}'? If '{word}' is a term of the domain, "
            "write it in backticks",
        )
    comparative = _COMPARATIVE.search(corpus.prose) is not None
    if not hits and not comparative:
        return
    finder = (
        re.compile("|".join(re.escape(w) for w in sorted(hits, key=len, reverse=True)))
        if hits
        else None
    )
    for i, e in enumerate(ctx.entries):
        for path, text, ident in places(e, corpus.default_english):
            if finder is not None and finder.search(text):
                seen: set[str] = set()
                for word in PART.findall(text) if ident else words(prose(text)):
                    hit = hits.get(word)
                    if hit is not None and word not in seen:
                        seen.add(word)
                        yield ctx.entry_diag(hit[0], i, path, hit[1], hit[2], needle=word)
            if comparative and not ident:
                for m in _COMPARATIVE.finditer(prose(text)):
                    yield ctx.entry_diag(
                        COMPARATIVE_THAT,
                        i,
                        path,
                        f"'{m.group()}' in the {'.'.join(map(str, path))} of {ctx.label(i)}: "
                        f"a comparison takes 'than'",
                        f"write '{m.group(1)} than'",
                        needle=m.group(),
                    )


def _typo_text(word: str, typo: str, fix: str) -> tuple[str, str]:
    fixes = [f.strip() for f in fix.split(",") if f.strip()]
    if typo == word.lower():
        shown = " or ".join(f"'{_case_like(word, f)}'" for f in fixes)
        return f"'{word}' is a misspelling of {shown}", f"write {shown}"
    prefix = word[: len(word) - len(typo)]
    shown = " or ".join(f"'{prefix}{f}…'" for f in fixes)
    return (
        f"'{word}' is misspelt: '{typo}' is a common misspelling of "
        + " or ".join(repr(f) for f in fixes),
        f"did you mean {shown}?",
    )


def _case_like(word: str, fix: str) -> str:
    if word.isupper() and len(word) > 1:
        return fix.upper()
    if word[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


def _unknown_words(corpus: _Corpus, reported: set[str]) -> dict[str, list[str]]:
    """Plain words unknown to the English list, used once in the catalog, a slip from a word."""
    candidates = {
        w
        for w in set(PLAIN_WORD.findall(corpus.prose))
        if len(w) >= MIN_UNKNOWN and w.lower() not in reported and not lexicon.is_word(w.lower())
    }
    out: dict[str, list[str]] = {}
    if not candidates:
        return out
    everything = corpus.raw + "\n" + corpus.names
    for word in candidates:
        low = word.lower()
        if lexicon.typo_fix(low) is not None or lexicon.is_abbreviation(low):
            continue
        pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(low)}(?![A-Za-z0-9])", re.I)
        if len(pattern.findall(everything, 0)) > 1:
            continue  # the catalog's own vocabulary: it uses the word again
        guesses = lexicon.near_miss(low)
        if guesses:
            out[word] = guesses
    return out


# -- term mismatch ---------------------------------------------------------------


def _similar(a: str, b: str) -> bool:
    """Two different words that look alike: same first letter, not one stem, mostly alike."""
    if a == b or len(a) < 5 or len(b) < 5 or a[0] != b[0] or a[:4] == b[:4]:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


def _mismatch(text: str) -> tuple[str, str] | None:
    """``(detail phrase, category phrase)`` when the detail repeats the category's term with
    one word swapped for a look-alike ("project expiration: … project exception")."""
    m = _CATEGORY.fullmatch(text.strip())
    if m is None:
        return None
    head = [w.lower() for w in _LETTERS.findall(m.group(1))]
    tail = _LETTERS.findall(m.group(2))
    pairs = set(itertools.pairwise(head))
    for x, y in itertools.pairwise(tail):
        lx, ly = x.lower(), y.lower()
        for a, b in pairs:
            if (lx == a and _similar(ly, b)) or (ly == b and _similar(lx, a)):
                return f"{x} {y}", f"{a} {b}"
    return None


@check(TERM_MISMATCH)
def term_mismatch(ctx: Context) -> Iterator[Diagnostic]:
    """A ``Category: detail`` message whose detail names the category's term with a look-alike
    word: SubQuery 1035 "Invalid project expiration: … > project exception."."""
    found: dict[str, tuple[str, str]] = {}
    for text in set(map(attrgetter("message"), ctx.entries)):
        if text and ":" in text:
            hit = _mismatch(text)
            if hit is not None:
                found[text] = hit
    if not found:
        return
    for i, e in enumerate(ctx.entries):
        hit = found.get(e.message)  # type: ignore[arg-type]
        if hit is not None:
            detail, term = hit
            yield ctx.entry_diag(
                TERM_MISMATCH,
                i,
                ("message",),
                f"the message of {ctx.label(i)} is about '{term}' but says '{detail}'",
                f"did you mean '{detail.split()[0]} {term.split()[1]}'?"
                if detail.split()[0].lower() == term.split()[0]
                else f"did you mean '{term.split()[0]} {detail.split()[1]}'?",
                needle=detail,
            )
