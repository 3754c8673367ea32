"""Invariants of what goes on the wire: HTTP statuses, waits and JSON-RPC codes.

An HTTP status outside 100–599 (E109), a negative ``retry_after`` (E113) and a
JSON-RPC code in the reserved range that is neither standard nor server-defined
(E110) cannot be sent as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import attrgetter
from typing import Any

from errdex.io.context import Context
from errdex.io.diagnostic import Diagnostic, Rule
from errdex.io.rules import rule
from errdex.model.effective import inherited
from errdex.model.wire import JSONRPC_RESERVED as RESERVED
from errdex.model.wire import JSONRPC_SERVER_DEFINED as SERVER_DEFINED
from errdex.model.wire import is_http_status, jsonrpc_allowed

INVALID_STATUS = rule("E109")
RESERVED_CODE = rule("E110")
INVALID_RETRY_AFTER = rule("E113")


def _bad_values(
    ctx: Context, rule: Rule, field: str, valid: Callable[[Any], bool], what: str, hint: str
) -> Iterator[Diagnostic]:
    """Every space, module and entry that sets ``field`` to a value that is not ``valid``.

    An entry's value inherited from its module or space is reported there, once.
    """
    for sid, space in ctx.catalog.spaces.items():
        value = getattr(space, field)
        if value is not None and not valid(value):
            yield ctx.top_diag(
                rule, ("spaces", sid, field), f"space {sid!r} has {field} {value}, {what}", hint
            )
    for mid, mod in ctx.catalog.modules.items():
        value = getattr(mod, field)
        if value is not None and not valid(value):
            yield ctx.module_diag(
                rule, mid, field, f"module {mid!r} has {field} {value}, {what}", hint
            )
    entries = ctx.entries
    if all(v is None or valid(v) for v in ctx.values(field)):
        return  # every entry's value is fine: no need to look at them one by one
    for i, value in enumerate(map(attrgetter(field), entries)):
        if (
            value is not None
            and not valid(value)
            and value != inherited(ctx.catalog, entries[i], field)
        ):
            yield ctx.entry_diag(
                rule, i, (field,), f"{ctx.label(i)} has {field} {value}, {what}", hint
            )


def http_statuses(ctx: Context) -> Iterator[Diagnostic]:
    """``http_status`` values, and the codes of ``kind = "http"`` spaces, must be 100–599."""
    yield from _bad_values(
        ctx,
        INVALID_STATUS,
        "http_status",
        is_http_status,
        "not a valid HTTP status",
        "HTTP statuses are 100–599: use the status the error is sent with (400, 404, 429, 500 …)",
    )
    http_spaces = {sid for sid, s in ctx.catalog.spaces.items() if s.kind == "http"}
    if not http_spaces:
        return
    for i, e in enumerate(ctx.entries):
        if e.space in http_spaces and not is_http_status(e.key):
            yield ctx.entry_diag(
                INVALID_STATUS,
                i,
                ("code",),
                f"code {e.code!r} is in space {e.space!r} of kind http, but is not an HTTP status",
                "move the entry to an app space, or use its HTTP status as the code",
            )


def retry_after(ctx: Context) -> Iterator[Diagnostic]:
    """``retry_after`` is the seconds to wait (the ``Retry-After`` header): never negative."""
    yield from _bad_values(
        ctx,
        INVALID_RETRY_AFTER,
        "retry_after",
        lambda seconds: seconds >= 0,
        "but a wait cannot be negative",
        "write the seconds a client should wait before retrying (0 or more), or remove the key",
    )


def _server_range(ctx: Context, space: str | None) -> tuple[int, int] | list[tuple[int, int]]:
    spaces = ctx.catalog.spaces
    if space is not None and space in spaces and spaces[space].kind == "jsonrpc":
        return spaces[space].server_defined or SERVER_DEFINED
    declared = [s.server_defined or SERVER_DEFINED for s in spaces.values() if s.kind == "jsonrpc"]
    return declared or SERVER_DEFINED


def _allowed(code: int, span: tuple[int, int] | list[tuple[int, int]]) -> bool:
    spans = span if isinstance(span, list) else [span]
    return any(jsonrpc_allowed(code, s) for s in spans)


def _hint(span: tuple[int, int] | list[tuple[int, int]]) -> str:
    spans = span if isinstance(span, list) else [span]
    shown = ", ".join(f"{lo}..{hi}" for lo, hi in spans)
    return (
        f"use a standard code (-32700, -32600..-32603), a server-defined one ({shown}), "
        "or a code outside -32768..-32000; or declare server_defined = [lo, hi] on the space"
    )


def reserved_codes(ctx: Context) -> Iterator[Diagnostic]:
    """Codes of jsonrpc spaces and every ``jsonrpc_code`` inside -32768..-32000 must be standard
    or inside the space's declared server-defined range (default -32099..-32000)."""
    spaces = ctx.catalog.spaces
    lo, hi = RESERVED
    defaults: dict[tuple[str, Any], int] = {}
    for sid, s in spaces.items():
        if s.jsonrpc_code is not None:
            defaults[("space", sid)] = s.jsonrpc_code
            span = _server_range(ctx, None)
            if not _allowed(s.jsonrpc_code, span):
                yield ctx.top_diag(
                    RESERVED_CODE,
                    ("spaces", sid, "jsonrpc_code"),
                    f"space {sid!r} sends jsonrpc_code {s.jsonrpc_code}, reserved by JSON-RPC 2.0",
                    _hint(span),
                )
    for mid, m in ctx.catalog.modules.items():
        if m.jsonrpc_code is not None:
            span = _server_range(ctx, None)
            if not _allowed(m.jsonrpc_code, span):
                yield ctx.module_diag(
                    RESERVED_CODE,
                    mid,
                    "jsonrpc_code",
                    f"module {mid!r} sends jsonrpc_code {m.jsonrpc_code}, reserved by JSON-RPC 2.0",
                    _hint(span),
                )
    rpc_codes = ctx.values("jsonrpc_code")
    if not any(s.kind == "jsonrpc" for s in spaces.values()) and not any(
        type(c) is int and lo <= c <= hi for c in rpc_codes
    ):
        return  # no code of any entry in the reserved range
    for i, e in enumerate(ctx.entries):
        kind = spaces[e.space].kind if e.space in spaces else "app"
        if kind == "jsonrpc" and type(e.key) is int and lo <= e.key <= hi:
            span = _server_range(ctx, e.space)
            if not _allowed(e.key, span):
                yield ctx.entry_diag(
                    RESERVED_CODE,
                    i,
                    ("code",),
                    f"JSON-RPC code {e.code} is reserved by JSON-RPC 2.0: neither standard nor "
                    f"server-defined in space {e.space!r}",
                    _hint(span),
                )
                continue
        rpc = e.jsonrpc_code
        if rpc is None or not lo <= rpc <= hi or (kind == "jsonrpc" and rpc == e.key):
            continue
        mod = ctx.catalog.modules.get(e.module) if e.module is not None else None
        if (mod is not None and mod.jsonrpc_code == rpc) or spaces[e.space].jsonrpc_code == rpc:
            continue  # inherited: reported at the module or space
        span = _server_range(ctx, e.space if kind == "jsonrpc" else None)
        if not _allowed(rpc, span):
            yield ctx.entry_diag(
                RESERVED_CODE,
                i,
                ("jsonrpc_code",),
                f"{ctx.label(i)} is sent as JSON-RPC code {rpc}, reserved by JSON-RPC 2.0",
                _hint(span),
            )
