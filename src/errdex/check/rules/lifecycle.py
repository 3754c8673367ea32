"""Rules about the lifecycle: tombstones reused, and references to codes that do not exist."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import Any

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, register
from errdex.model import normalize_code

TOMBSTONE_REUSED = register(
    "E111", "tombstone-reused", "error", "a removed code (a tombstone) used again by another entry"
)
UNKNOWN_CODE = register(
    "E112",
    "unknown-code",
    "error",
    "replaced_by or internal_error naming a code the catalog does not have",
)


@check(TOMBSTONE_REUSED)
def tombstones(ctx: Context) -> Iterator[Diagnostic]:
    """An entry whose code, in its space, belongs to a removed entry."""
    entries = ctx.entries
    if "removed" not in set(map(attrgetter("status"), entries)):
        return
    removed = {(e.space, e.key): i for i, e in enumerate(entries) if e.status == "removed"}
    for i, e in enumerate(entries):
        grave = removed.get((e.space, e.key))
        if grave is not None and e.status != "removed":
            yield ctx.entry_diag(
                TOMBSTONE_REUSED,
                i,
                ("code",),
                f"code {e.code} was removed (its tombstone is at {ctx.location(grave, 'code')}) "
                "and cannot be used again",
                "use a new code: clients meeting the old one read it as the removed error",
            )


def _exists(ctx: Context, code: Any, space: str | None) -> bool:
    try:
        key = normalize_code(code)
    except TypeError:
        return False
    if space is not None and ctx.catalog.get(key, space) is not None:
        return True
    return bool(ctx.catalog.find(key))


@check(UNKNOWN_CODE)
def unknown_codes(ctx: Context) -> Iterator[Diagnostic]:
    """``replaced_by`` of an entry and ``[catalog] internal_error`` must name existing codes."""
    internal = ctx.catalog.meta.internal_error
    if internal is not None and not _exists(ctx, internal, None):
        yield ctx.top_diag(
            UNKNOWN_CODE,
            ("catalog", "internal_error"),
            f"internal_error names {internal!r}, which is not a code of this catalog",
            "name the entry to render for unexpected exceptions, or add it",
        )
    for i, e in enumerate(ctx.entries):
        target = e.replaced_by
        if target is None:
            continue
        if not _exists(ctx, target, e.space):
            yield ctx.entry_diag(
                UNKNOWN_CODE,
                i,
                ("replaced_by",),
                f"{ctx.label(i)} is replaced_by {target!r}, which is not a code of this catalog",
                "name an existing code, or remove replaced_by",
            )
        elif normalize_code(target) == e.key:
            yield ctx.entry_diag(
                UNKNOWN_CODE,
                i,
                ("replaced_by",),
                f"{ctx.label(i)} is replaced_by itself",
                "name the code that replaces it, or remove replaced_by",
            )
