"""Judging the commonest error bodies without a full decode.

A log's distinct error bodies mostly differ in their message and parameters
(an age, an id), not in what they are. A problem document — it has ``detail``,
or ``type`` and ``title``, and no ``error`` member (``docs/wire.md`` §6.1) —
whose ``code`` is, as spelled, the code of one catalog entry alone is that
entry whatever else it holds (§6.2: every way of finding an entry by code finds
that one), and its message is ``detail``, else ``title``. When that entry has
no message variants, nothing else in the body changes what reconcile judges,
so the decode is skipped; the entry's class facts (code, space, module) are the
ones a full decode gave the first time the entry was met.

Anything else goes to the full decode: another envelope, an unknown or shared
code, a code spelled otherwise, no message or one that is not short text, an
entry with variants, an entry not yet decoded once. ``tests/reality/reconcile``
checks, body by body, that both ways give the same judgement.
"""

from __future__ import annotations

from typing import Any

from errdex.model import Catalog, Entry

SHORT = 256
"""Messages up to this length are taken as sent (decode caps only much longer ones)."""
Facts = tuple[Any, str | None, str | None]
"""An entry's class facts: the code, space and module of the errors decode makes."""


class Shortcut:
    """The entries one catalog lets a problem body name by code alone."""

    def __init__(self, catalog: Catalog) -> None:
        seen: dict[Any, int] = {}
        for entry in catalog.entries:
            seen[entry.key] = seen.get(entry.key, 0) + 1
        self.unique: dict[Any, Entry] = {}
        """Codes one entry alone has, as the catalog spells them, with no variants."""
        for entry in catalog.entries:
            if seen[entry.key] == 1 and type(entry.code) in (int, str) and not entry.variants:
                self.unique.setdefault(entry.code, entry)
        self.facts: dict[int, Facts] = {}

    def learn(self, entry: Entry, facts: Facts) -> None:
        """Keep what a full decode made of ``entry``'s errors."""
        if id(entry) not in self.facts and self.unique.get(entry.code) is entry:
            self.facts[id(entry)] = facts

    def judge(self, body: dict[str, Any]) -> tuple[Entry, Facts, str] | None:
        """The entry, its facts and the message of a parsed body, or None when only the
        full decode can tell."""
        if "error" in body or not ("detail" in body or ("type" in body and "title" in body)):
            return None
        code = body.get("code")
        if type(code) is not str and type(code) is not int:
            return None
        entry = self.unique.get(code)
        if entry is None:
            return None
        facts = self.facts.get(id(entry))
        if facts is None:
            return None
        message = body.get("detail")
        if message is None:
            message = body.get("title")
        if type(message) is not str or len(message) > SHORT:
            return None
        return entry, facts, message
