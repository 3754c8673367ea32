"""Rules about JSON-RPC codes: the reserved range, and one wire code with two meanings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, rule
from errdex.io.invariants.wire import reserved_codes

RESERVED_CODE = rule("E110")
AMBIGUOUS_CODE = rule("W209")


check(RESERVED_CODE)(reserved_codes)


_NORMAL = re.compile(r"[^a-z0-9]+")


def _meaning(e: Any) -> str:
    text = e.message or e.title or e.name or e.description or ""
    return _NORMAL.sub(" ", text.lower()).strip()


@check(AMBIGUOUS_CODE)
def ambiguous_codes(ctx: Context) -> Iterator[Diagnostic]:
    """One code in two spaces of the same wire kind (``http`` or ``jsonrpc``) with different
    meanings: a client reading ``error.code`` cannot tell them apart. (HTTP 429 and JSON-RPC
    429 travel in different places and are not reported.)"""
    wire = {
        sid: s.kind
        for sid, s in ctx.catalog.spaces.items()
        if s.kind in ("http", "jsonrpc") and s.carried_in is None
    }
    if len(wire) < 2:
        return
    first: dict[tuple[str, Any], int] = {}
    for i, e in enumerate(ctx.entries):
        kind = wire.get(e.space)
        if kind is None:
            continue
        j = first.setdefault((kind, e.key), i)
        other = ctx.entries[j]
        if j != i and other.space != e.space and _meaning(other) != _meaning(e):
            yield ctx.entry_diag(
                AMBIGUOUS_CODE,
                i,
                ("code",),
                f"code {e.code} means {_shown(e)} in space {e.space!r} and {_shown(other)} "
                f"in space "
                f"{other.space!r} ({ctx.location(j, 'code')}); both travel as the {_wire(kind)}",
                "a client cannot tell them apart: give one of them another code, or send it in a "
                "different field (a space with carried_in)",
            )


def _shown(e: Any) -> str:
    return repr(e.message or e.title or e.name or e.description or str(e.code))


def _wire(kind: str) -> str:
    return "JSON-RPC error.code" if kind == "jsonrpc" else "HTTP status"
