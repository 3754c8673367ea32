"""The invariants of a catalog: what makes it *invalid*, checked at every strict load.

A catalog that breaks one is wrong on the wire or ambiguous (see the ``invalid``
class in :mod:`errdex.io.rules` and ``docs/rules.md``): ``errdex.load`` and
every command that consumes a catalog refuse it; ``errdex check`` reports the
same diagnostics (its rules include these functions). :data:`INVARIANTS` lists
them literally, in the order they run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from errdex.io.context import Context
from errdex.io.diagnostic import Diagnostic, Rule
from errdex.io.invariants.codes import (
    DUPLICATE_CODE,
    DUPLICATE_NAME,
    TOMBSTONE_REUSED,
    duplicate_codes,
    duplicate_names,
    tombstones,
)
from errdex.io.invariants.locales import INVALID_LOCALE, locale_tags
from errdex.io.invariants.ranges import INTEGER_RANGE, integer_ranges
from errdex.io.invariants.references import UNKNOWN_CODE, unknown_codes
from errdex.io.invariants.targets import TARGET_OUTSIDE, target_outputs
from errdex.io.invariants.wire import (
    INVALID_RETRY_AFTER,
    INVALID_STATUS,
    RESERVED_CODE,
    http_statuses,
    reserved_codes,
    retry_after,
)
from errdex.model.catalog import Catalog

Invariant = Callable[[Context], Iterable[Diagnostic]]

INVARIANTS: tuple[tuple[Rule, Invariant], ...] = (
    (DUPLICATE_CODE, duplicate_codes),
    (DUPLICATE_NAME, duplicate_names),
    (TOMBSTONE_REUSED, tombstones),
    (INVALID_STATUS, http_statuses),
    (RESERVED_CODE, reserved_codes),
    (INVALID_RETRY_AFTER, retry_after),
    (INTEGER_RANGE, integer_ranges),
    (INVALID_LOCALE, locale_tags),
    (UNKNOWN_CODE, unknown_codes),
    (TARGET_OUTSIDE, target_outputs),
)
"""Each invariant with the one rule it reports."""


def invalid(catalog: Catalog) -> list[Diagnostic]:
    """Every diagnostic that makes ``catalog`` invalid (empty for a valid one)."""
    ctx = Context(catalog)
    out: list[Diagnostic] = []
    for _, func in INVARIANTS:
        out.extend(func(ctx))
    return out


__all__ = ["INVARIANTS", "Invariant", "invalid"]
