"""Rules about the lifecycle: tombstones reused, and references to codes that do not exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, rule
from errdex.io.invariants.codes import tombstones
from errdex.model import normalize_code

TOMBSTONE_REUSED = rule("E111")
UNKNOWN_CODE = rule("E112")


check(TOMBSTONE_REUSED)(tombstones)


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
