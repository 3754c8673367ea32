"""What reconciliation counted, in bounded memory.

Every table here has a cap: distinct unknown codes (:data:`MAX_CODES`),
distinct unmatched messages per entry (:data:`MAX_MESSAGES`), statuses. What
goes past a cap is still counted, in an ``overflow`` figure, so totals stay
exact while memory stays flat however long the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_CODES = 10_000
MAX_MESSAGES = 20
SAMPLE = 2_000
"""Bytes of a sample body kept."""


def bump(table: dict[Any, int], key: Any, times: int, cap: int) -> bool:
    """Add ``times`` to ``table[key]``; False (nothing added) when the key is new
    and the table is full."""
    if key in table:
        table[key] += times
        return True
    if len(table) >= cap:
        return False
    table[key] = times
    return True


@dataclass
class Seen:
    """One catalog entry, as production sent it."""

    times: int = 0
    first: str = ""
    statuses: dict[int, int] = field(default_factory=dict)
    status_drift: dict[tuple[str, int, int], int] = field(default_factory=dict)
    """(profile, documented status, sent status) → times."""
    envelopes: dict[str, int] = field(default_factory=dict)
    """Envelope (a profile name, or the keys of an unknown shape) → times."""
    envelope_drift: dict[str, int] = field(default_factory=dict)
    unmatched: dict[str, int] = field(default_factory=dict)
    """Messages that match none of the entry's templates → times."""
    unmatched_overflow: int = 0
    unmatched_first: str = ""


@dataclass
class Unknown:
    """A code production sent that the catalog does not have."""

    code: Any
    space: str | None
    module: str | None
    times: int = 0
    first: str = ""
    statuses: dict[int, int] = field(default_factory=dict)
    messages: dict[str, int] = field(default_factory=dict)
    sample: bytes | None = None
    guess: Any = None
    """The entry whose template the first message matches (a swapped code?)."""


@dataclass
class Uncoded:
    """Errors with no catalog code at all (an HTML 502 from a proxy), per status."""

    times: int = 0
    first: str = ""
    sample: bytes | None = None


@dataclass
class Source:
    """One evidence file, as read."""

    name: str
    kind: str
    records: int = 0
    errors: int = 0
    malformed: int = 0
    first_malformed: str | None = None
    long_lines: int = 0
    first_time: str | None = None
    """The earliest timestamp read (ISO 8601 UTC), None when the file carries none."""
    last_time: str | None = None


@dataclass
class Tally:
    """Everything one reconciliation counted."""

    sources: list[Source] = field(default_factory=list)
    errors: int = 0
    catalog_errors: int = 0
    seen: dict[tuple[str, Any], Seen] = field(default_factory=dict)
    unknown: dict[tuple[str | None, str], Unknown] = field(default_factory=dict)
    unknown_overflow: int = 0
    uncoded: dict[int | None, Uncoded] = field(default_factory=dict)

    @property
    def window(self) -> tuple[str, str] | None:
        """The earliest and latest timestamp of all files (None: no file carries one)."""
        firsts = [s.first_time for s in self.sources if s.first_time is not None]
        lasts = [s.last_time for s in self.sources if s.last_time is not None]
        return (min(firsts), max(lasts)) if firsts and lasts else None

    @property
    def share(self) -> float | None:
        """Catalog errors as a share of all errors seen (None: no error seen)."""
        return self.catalog_errors / self.errors if self.errors else None
