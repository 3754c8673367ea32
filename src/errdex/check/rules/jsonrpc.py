"""Rules about JSON-RPC codes: the reserved range, and one wire code with two meanings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, register
from errdex.model.wire import JSONRPC_RESERVED as RESERVED
from errdex.model.wire import JSONRPC_SERVER_DEFINED as SERVER_DEFINED
from errdex.model.wire import jsonrpc_allowed

RESERVED_CODE = register(
    "E110",
    "reserved-jsonrpc-code",
    "error",
    "a JSON-RPC code in the reserved -32768..-32000 range that is not allowed",
)
AMBIGUOUS_CODE = register(
    "W209",
    "ambiguous-code",
    "warning",
    "one code with two meanings in two spaces that travel the same way",
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


@check(RESERVED_CODE)
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
