"""Invariant of references to codes: ``replaced_by`` and ``internal_error`` name real codes (E112).

``[catalog] internal_error`` is the entry every unexpected exception is sent
as; ``replaced_by`` tells clients and readers which code to use instead of a
deprecated or removed one. Naming a code the catalog does not have (or, for
``replaced_by``, the entry itself) sends clients to nothing: the runtime
silently falls back to another 500, the docs link nowhere. Like a module or
space that does not exist (E007), the catalog is invalid.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from errdex.io.context import Context
from errdex.io.diagnostic import Diagnostic
from errdex.io.rules import rule
from errdex.model.codes import normalize_code

UNKNOWN_CODE = rule("E112")


def _exists(ctx: Context, code: Any, space: str | None) -> bool:
    try:
        key = normalize_code(code)
    except (TypeError, ValueError):
        return False
    if space is not None and ctx.catalog.get(key, space) is not None:
        return True
    return bool(ctx.catalog.find(key))


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
    if ctx.values("replaced_by") <= {None}:
        return  # no entry names a replacement
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
