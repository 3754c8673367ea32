"""The cases of a verify run: one per request example, and the entries that have none.

A case knows its entry, which example it is (for ``file:line:col`` in reports),
the request and what it must produce. Entries without a request example are
listed apart: removed entries never need one (a tombstone is never sent), and
an entry's ``no_example`` says why it has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from errdex.model import Catalog, Entry, Expect, Request
from errdex.model.codes import normalize_code

NO_EXPECT = Expect()


class Case(NamedTuple):
    """One request example of one entry."""

    position: int
    """The entry's position in ``catalog.entries`` (its source position comes from it)."""
    entry: Entry
    example: int
    """The example's position in ``entry.examples``."""
    title: str | None
    request: Request
    expect: Expect

    @property
    def label(self) -> str:
        """``CODE name`` — how reports name the case."""
        name = f" {self.entry.name}" if self.entry.name else ""
        return f"{self.entry.code}{name}"


class Missing(NamedTuple):
    """An active or deprecated entry with no request example."""

    position: int
    entry: Entry
    reason: str | None
    """The entry's ``no_example``: why it has none (None: nobody said)."""


def cases(catalog: Catalog, select: Iterable[str] = ()) -> tuple[list[Case], list[Missing]]:
    """Every request example of the catalog (only the entries whose code or name
    is in ``select``, when given), and the entries without one."""
    chosen = tuple(select)
    wanted = {normalize_code(s) for s in chosen} | set(chosen)
    found: list[Case] = []
    missing: list[Missing] = []
    for position, entry in enumerate(catalog.entries):
        if wanted and entry.key not in wanted and entry.name not in wanted:
            continue
        if entry.is_removed:
            continue
        examples: Sequence[int] = [
            i for i, ex in enumerate(entry.examples) if ex.request is not None
        ]
        if not examples:
            missing.append(Missing(position, entry, entry.no_example))
            continue
        for i in examples:
            example = entry.examples[i]
            assert example.request is not None
            found.append(
                Case(
                    position, entry, i, example.title, example.request, example.expect or NO_EXPECT
                )
            )
    return found, missing
