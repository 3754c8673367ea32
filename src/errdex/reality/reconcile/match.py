"""Reverse template matching: does a received message come from an entry's template?

``Token expired 5 s ago`` matches ``Token expired {age} s ago``: each template
(message, translations, variants) becomes an anchored expression whose
placeholders match any text. Case, surrounding space and a final period do
not matter, as in decoding. The entry's other texts (title, name,
description) count as exact matches: a service may send them as the message.
Templates are parsed with the model's grammar and compiled on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from errdex.model import Catalog, Entry
from errdex.model.template import Slot, parse_template

_FLAGS = re.IGNORECASE | re.DOTALL
_WORD = re.compile(r"\w{3,}")
LEADING_CAP = 4096
"""Templates that start with a placeholder, tried for every unknown message (bounded)."""


def normal(text: str) -> str:
    """The form messages are compared in: stripped, without a final period, case-folded."""
    return text.strip().rstrip(".").strip().casefold()


def compile_template(text: str) -> re.Pattern[str]:
    """The expression a message filled from ``text`` matches (``fullmatch``)."""
    pieces = []
    for part in parse_template(text.strip().rstrip(".")).parts:
        pieces.append("(.+?)" if isinstance(part, Slot) else re.escape(part))
    return re.compile("".join(pieces) + r"\.?", _FLAGS)


def templates(entry: Entry) -> Iterator[str]:
    """Every message template an entry may be sent with."""
    if entry.message:
        yield entry.message
    for translation in entry.translations.values():
        if translation.message:
            yield translation.message
    for variant in entry.variants:
        yield variant.message


class Matcher:
    """Reverse matching over one catalog, compiled lazily per entry."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._compiled: dict[int, tuple[tuple[re.Pattern[str], ...], frozenset[str]]] = {}
        self._index: dict[str, list[Entry]] | None = None
        self._leading: list[Entry] = []

    def _of(self, entry: Entry) -> tuple[tuple[re.Pattern[str], ...], frozenset[str]]:
        found = self._compiled.get(id(entry))
        if found is None:
            patterns = tuple(compile_template(t) for t in dict.fromkeys(templates(entry)))
            exact = frozenset(normal(t) for t in (entry.title, entry.name, entry.description) if t)
            found = self._compiled[id(entry)] = (patterns, exact)
        return found

    def has_templates(self, entry: Entry) -> bool:
        """Whether the entry states any text a message can be judged against."""
        patterns, exact = self._of(entry)
        return bool(patterns or exact)

    def matches(self, entry: Entry, message: str) -> bool:
        """Whether ``message`` is one of the entry's messages, filled in."""
        patterns, exact = self._of(entry)
        text = message.strip()
        if normal(text) in exact:
            return True
        return any(p.fullmatch(text) for p in patterns)

    def _build_index(self) -> dict[str, list[Entry]]:
        index: dict[str, list[Entry]] = {}
        for entry in self.catalog.entries:
            for text in templates(entry):
                parts = parse_template(text).parts
                lead = parts[0] if parts and isinstance(parts[0], str) else ""
                word = _WORD.search(lead)
                if word is None or lead[: word.start()].strip():
                    if len(self._leading) < LEADING_CAP:
                        self._leading.append(entry)
                    continue
                index.setdefault(word.group().casefold(), []).append(entry)
        return index

    def guess(self, message: str) -> Entry | None:
        """The entry whose template ``message`` matches, if exactly one does."""
        if self._index is None:
            self._index = self._build_index()
        word = _WORD.search(message)
        candidates = list(self._index.get(word.group().casefold(), ())) if word else []
        candidates += self._leading
        found = {id(e): e for e in candidates if self.matches(e, message)}
        return next(iter(found.values())) if len(found) == 1 else None
