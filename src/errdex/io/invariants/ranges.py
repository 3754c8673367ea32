"""Integers every wire and every generated language can hold (E114).

Codes of a ``jsonrpc`` space, ``jsonrpc_code`` and ``server_defined`` bounds
are 32-bit (JSON-RPC and google.rpc codes are on the wire); every other integer
(app codes, module ranges, ``retry_after``, ``order``) must lie within ±(2^53-1),
the integers a JavaScript number — and so every language errdex generates —
holds exactly. HTTP statuses have their own rule, E109.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from errdex.io.context import Context
from errdex.io.diagnostic import Diagnostic
from errdex.io.rules import rule
from errdex.model.effective import inherited
from errdex.model.wire import INT32_MAX, INT32_MIN, SAFE_INTEGER

INTEGER_RANGE = rule("E114")

_SAFE = (-SAFE_INTEGER, SAFE_INTEGER)
_INT32 = (INT32_MIN, INT32_MAX)
_NONE = frozenset({None})


def _outside(value: Any, span: tuple[int, int]) -> bool:
    return type(value) is int and not span[0] <= value <= span[1]


def _within(values: frozenset[Any], span: tuple[int, int]) -> bool:
    """Whether no integer of ``values`` lies outside ``span`` (min and max in C when the
    values are all integers or all strings, as a catalog's codes are)."""
    if None in values:
        values = values - _NONE
    try:
        low, high = min(values, default=0), max(values, default=0)
    except TypeError:  # integers and strings mixed
        return not any(_outside(v, span) for v in values)
    return type(low) is not int or (span[0] <= low and high <= span[1])


def _what(span: tuple[int, int]) -> str:
    if span == _INT32:
        return "a 32-bit integer (JSON-RPC and google.rpc codes are int32 on the wire)"
    return "an integer within ±(2^53-1) (what JavaScript, and so every target language, holds)"


def _shown(value: int) -> str:
    text = str(value) if abs(value) < 10**30 else f"{str(value)[:12]}… ({len(str(value))} digits)"
    return text


def integer_ranges(ctx: Context) -> Iterator[Diagnostic]:
    """Every integer of the catalog within the range its wire and its readers hold."""
    catalog = ctx.catalog
    for sid, space in catalog.spaces.items():
        for field, span in (("jsonrpc_code", _INT32), ("retry_after", _SAFE)):
            value = getattr(space, field)
            if _outside(value, span):
                yield ctx.top_diag(
                    INTEGER_RANGE,
                    ("spaces", sid, field),
                    f"space {sid!r} has {field} {_shown(value)}: it must be {_what(span)}",
                    f"write {field} as {_what(span)}",
                )
        for j, bound in enumerate(space.server_defined or ()):
            if _outside(bound, _INT32):
                yield ctx.top_diag(
                    INTEGER_RANGE,
                    ("spaces", sid, "server_defined", j),
                    f"space {sid!r} has server_defined bound {_shown(bound)}: "
                    f"it must be {_what(_INT32)}",
                    "JSON-RPC server-defined codes lie in -32099..-32000",
                )
    kinds = {sid: s.kind for sid, s in catalog.spaces.items()}
    for mid, mod in catalog.modules.items():
        code_span = _INT32 if kinds.get(mod.space) == "jsonrpc" else _SAFE
        checks: list[tuple[str, Any, tuple[int, int]]] = [
            ("jsonrpc_code", mod.jsonrpc_code, _INT32),
            ("retry_after", mod.retry_after, _SAFE),
            ("order", mod.order, _SAFE),
        ]
        checks += [("range", bound, code_span) for bound in mod.range or ()]
        for field, value, span in checks:
            if _outside(value, span):
                yield ctx.module_diag(
                    INTEGER_RANGE,
                    mid,
                    field,
                    f"module {mid!r} has {field} {_shown(value)}: it must be {_what(span)}",
                    f"write {field} as {_what(span)}",
                )
    entries = ctx.entries
    if "jsonrpc" not in kinds.values() and (
        _within(ctx.values("key"), _SAFE)
        and _within(ctx.values("jsonrpc_code"), _INT32)
        and _within(ctx.values("retry_after"), _SAFE)
    ):
        return  # every entry's integers are in range: no need to look at them one by one
    for i, e in enumerate(entries):
        key = e.key
        code_span = _INT32 if kinds.get(e.space) == "jsonrpc" else _SAFE
        if type(key) is int and kinds.get(e.space) != "http" and _outside(key, code_span):
            yield ctx.entry_diag(
                INTEGER_RANGE,
                i,
                ("code",),
                f"code {_shown(key)} in space {e.space!r} is out of range: "
                f"it must be {_what(code_span)}",
                "use a smaller code, or a string code",
            )
        for field, span in (("jsonrpc_code", _INT32), ("retry_after", _SAFE)):
            value = getattr(e, field)
            if _outside(value, span) and value != inherited(catalog, e, field):
                yield ctx.entry_diag(
                    INTEGER_RANGE,
                    i,
                    (field,),
                    f"{ctx.label(i)} has {field} {_shown(value)}: it must be {_what(span)}",
                    f"write {field} as {_what(span)}",
                )
