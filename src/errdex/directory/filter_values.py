"""Filter values a registry knows: an unknown catalog, module, space or locale is an error.

A filter value no entry has (``--module nope``, ``--locale ../x``, ``space=htpp``)
would select nothing, and an empty answer reads as "no error matches" when
the filter was mistyped. :func:`check` refuses it instead with
:class:`UnknownValue`, whose text names the value, suggests the closest known
one and lists them all — the same text ``errdex search``, ``errdex explain``
and the server's API (400) give. The known values are the index's filter
facets (:func:`indexing.facet_pairs`), read from a search index
(:func:`known_in_index`) or from loaded catalogs (:func:`known_in_catalogs`),
so both agree on what a filter can match.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

from errdex.directory.indexing import facet_pairs, locale_spellings, locales_of
from errdex.directory.snippet import tag

if TYPE_CHECKING:
    from errdex.directory.search import Filters, SearchIndex
    from errdex.model import Catalog, Entry

KINDS = ("catalog", "module", "space", "locale")
"""The filters whose values are names (HTTP status and retry hint are checked as numbers)."""
LISTED = 30
"""At most this many known values are listed in the error's text."""

Known = Mapping[str, Collection[str]]
"""Filter kind → the values entries have, as the catalogs write them (``zh-CN``); a locale
filter is compared in any spelling (:func:`snippet.tag`)."""


class UnknownValue(ValueError):
    """Raised by :func:`check` when a filter names a value no entry has: its text names the
    value, the closest known one (``close``, when one is) and the known ones."""

    def __init__(self, kind: str, value: str, known: Collection[str]) -> None:
        self.kind = kind
        self.value = value
        self.known = sorted(known)
        self.close = closest(value, self.known)
        guess = f" (did you mean {self.close!r}?)" if self.close is not None else ""
        listed = ", ".join(self.known[:LISTED]) or "none"
        if len(self.known) > LISTED:
            listed += f", … ({len(self.known) - LISTED} more)"
        super().__init__(f"no {kind} {value!r}{guess}; {kind}s: {listed}")


def closest(value: str, known: Iterable[str]) -> str | None:
    """The known value most like ``value`` (case ignored), or None when none is close."""
    by_folded = {k.casefold(): k for k in known}
    found = difflib.get_close_matches(value.casefold(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[found[0]] if found else None


def check(filters: Filters, known: Known) -> None:
    """Raise :class:`UnknownValue` for the first catalog, module, space or locale filter
    whose value no entry has; return when every one is known."""
    for kind in KINDS:
        value = getattr(filters, kind)
        if not value:  # None, or an empty value (no filter)
            continue
        values = known.get(kind, ())
        wanted, among = (
            (tag(value), {tag(v) for v in values}) if kind == "locale" else (value, values)
        )
        if wanted not in among:
            raise UnknownValue(kind, value, values)


def known_in_index(index: SearchIndex) -> dict[str, set[str]]:
    """The filter values a search index holds entries for, as the catalogs write them."""
    return {kind: {index.spelled(kind, v) for v in index.facet_values(kind)} for kind in KINDS}


def known_in_catalogs(docs: Iterable[tuple[Catalog, Entry]]) -> dict[str, set[str]]:
    """The filter values the entries of loaded catalogs have (as :func:`known_in_index` reads
    them from their index)."""
    out: dict[str, set[str]] = {kind: set() for kind in KINDS}
    spellings: dict[str, str] = {}
    for catalog, entry in docs:
        for one, spelled in locale_spellings(catalog, entry).items():
            spellings.setdefault(one, spelled)
        for kind, value in facet_pairs(catalog, entry, locales_of(catalog, entry)):
            if kind in out:
                out[kind].add(spellings.get(value, value) if kind == "locale" else value)
    return out


__all__ = [
    "KINDS",
    "Known",
    "UnknownValue",
    "check",
    "closest",
    "known_in_catalogs",
    "known_in_index",
]
