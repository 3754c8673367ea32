"""Rules about an entry's texts being there: missing, empty, or copied from another entry."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import compress
from operator import attrgetter
from typing import Any

from errdex.check.context import Context, value_at
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, rule

MISSING_TEXT = rule("E105")
EMPTY_TEXT = rule("E106")
NAME_ONLY = rule("W206")
COPIED_TEXT = rule("W207")

FIELDS = ("message", "description", "solution", "title", "reason")
_SUB_FIELDS = {
    "variants": ("message", "description", "solution"),
    "translations": ("message", "description", "solution", "title"),
}
_TR_TEXTS = attrgetter(*_SUB_FIELDS["translations"])
"""A translation's texts, as one tuple."""


def _blank(text: Any) -> bool:
    return type(text) is str and not text.strip()


@check(MISSING_TEXT, NAME_ONLY)
def missing_text(ctx: Context) -> Iterator[Diagnostic]:
    """Entries (other than tombstones) with no message, description, title or solution."""
    for i, e in enumerate(ctx.entries):
        if e.message is None and e.description is None and e.title is None and e.solution is None:
            if e.status == "removed":
                continue
            if e.name is not None:
                yield ctx.entry_diag(
                    NAME_ONLY,
                    i,
                    ("name",),
                    f"{ctx.label(i)} is documented only by its name",
                    "add a message (what the caller is told) or a description (what happened)",
                )
            else:
                yield ctx.entry_diag(
                    MISSING_TEXT,
                    i,
                    ("code",),
                    f"{e.code} has no text: no name, message, description, title or solution",
                    'add message = "..." saying what went wrong',
                )


@check(EMPTY_TEXT)
def empty_texts(ctx: Context) -> Iterator[Diagnostic]:
    """Texts that are ``""`` or only whitespace, in entries, variants and translations."""
    entries = ctx.entries
    # the distinct values first (shared with the other rules): most catalogs have no blank text
    blanks = {v for field in FIELDS for v in ctx.values(field) if _blank(v)}
    indices = range(len(entries))
    suspects = set(compress(indices, map(attrgetter("variants"), entries)))
    translated = list(compress(indices, map(attrgetter("translations"), entries)))
    if translated:
        texts: set[Any] = set()
        for e in map(entries.__getitem__, translated):
            for tr in e.translations.values():
                texts.update(_TR_TEXTS(tr))
        blank_translations = {v for v in texts if _blank(v)}
        if blank_translations:
            suspects.update(
                i
                for i in translated
                if any(
                    not blank_translations.isdisjoint(_TR_TEXTS(tr))
                    for tr in entries[i].translations.values()
                )
            )
    if blanks:
        suspects.update(
            i
            for i, e in enumerate(entries)
            if not blanks.isdisjoint((e.message, e.description, e.solution, e.title, e.reason))
        )
    for i in sorted(suspects):
        e = entries[i]
        if blanks:
            for field in FIELDS:
                if _blank(getattr(e, field)):
                    yield _empty(ctx, i, (field,))
        if e.variants:
            for j, variant in enumerate(e.variants):
                for field in _SUB_FIELDS["variants"]:
                    if _blank(getattr(variant, field)):
                        yield _empty(ctx, i, ("variants", j, field))
        if e.translations:
            for locale, tr in e.translations.items():
                for field in _SUB_FIELDS["translations"]:
                    if _blank(getattr(tr, field)):
                        yield _empty(ctx, i, ("translations", locale, field))


def _empty(ctx: Context, index: int, field: tuple[Any, ...]) -> Diagnostic:
    name = ".".join(str(p) for p in field)
    blank = value_at(ctx.entries[index], field)
    return ctx.entry_diag(
        EMPTY_TEXT,
        index,
        field,
        f"the {name} of {ctx.label(index)} is {'whitespace only' if blank else 'empty'}",
        f"write the {field[-1]}, or remove the key if there is nothing to say",
        needle=None if blank else '""',
    )


# -- copied texts --------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]{4,}")
_STOP = frozenset(
    [
        "with",
        "that",
        "this",
        "from",
        "they",
        "them",
        "their",
        "there",
        "have",
        "been",
        "were",
        "will",
        "when",
        "what",
        "which",
        "while",
        "your",
        "into",
        "than",
        "then",
        "also",
        "only",
        "some",
        "such",
        "each",
        "other",
        "more",
        "most",
        "does",
        "done",
        "make",
        "made",
        "like",
        "just",
        "error",
        "errors",
        "failed",
        "failure",
    ]
)
_MAX_GROUP = 4
"""A text shared by more entries than this is boilerplate ("Contact us."), not a slip."""


def _stems(text: str | None, cache: dict[str | None, frozenset[str]]) -> frozenset[str]:
    found = cache.get(text)
    if found is None:
        words = _WORD.findall(text or "")
        found = frozenset(w.lower()[:5] for w in words if w.lower() not in _STOP)
        cache[text] = found
    return found


@check(COPIED_TEXT)
def copied_texts(ctx: Context) -> Iterator[Diagnostic]:
    """A solution or description shared word for word by a few entries, that speaks of
    what another entry's message is about and this entry's message is not.

    yuanrong 1011 "Failed to exit grouped instances." has 1010's solution about
    "grouped instance creation": the solution fits 1010 only.
    """
    entries = ctx.entries
    cache: dict[str | None, frozenset[str]] = {}
    for field in ("solution", "description"):
        if len(ctx.values(field)) == len(entries):
            continue  # every entry has its own text (or there is at most one without)
        texts = ctx.column(field)
        shared_few = {
            t for t, n in Counter(texts).items() if 2 <= n <= _MAX_GROUP and t and len(t) >= 20
        }
        if not shared_few:
            continue
        groups: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            if text in shared_few:
                groups.setdefault(text, []).append(i)
        for text, members in groups.items():
            shared = _stems(text, cache)
            about = {
                i: shared & _stems(entries[i].message or entries[i].title, cache) for i in members
            }
            for i in members:
                for j in members:
                    if i == j:
                        continue
                    foreign = (
                        about[j] - about[i] - _stems(entries[i].message or entries[i].title, cache)
                    )
                    if foreign and about[j]:
                        word = _first_word(text, foreign)
                        yield ctx.entry_diag(
                            COPIED_TEXT,
                            i,
                            (field,),
                            f"the {field} of {ctx.label(i)} is the same as that of {ctx.label(j)} "
                            f"and speaks of '{word}', which {entries[j].code} is about and "
                            f"{entries[i].code} is not",
                            f"write a {field} for {entries[i].code} itself "
                            f"(the other is at {ctx.location(j, field)})",
                        )
                        break


def _first_word(text: str, stems: frozenset[str] | set[str]) -> str:
    word: str
    for word in _WORD.findall(text):
        if word.lower()[:5] in stems:
            return word
    return sorted(stems)[0]
