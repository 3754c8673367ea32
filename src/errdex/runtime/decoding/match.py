"""Decode step 2: find the catalog entry a response names.

By catalog code (and space when the envelope names one, else the spaces the caller
prefers: sub-errors look in the spaces ``carried_in`` their parent's first); by
JSON-RPC code; by google ``reason``; by name. Several candidates (Alchemy's -32000 is
both "Server error" and Parity's UNSUPPORTED_REQUEST) are told apart by the message —
a known variant (``"already known"``), the entry's message, title or name — then the
HTTP status, then catalog order.
"""

from __future__ import annotations

from typing import Any

from errdex.model import Entry, Variant, normalize_code
from errdex.runtime.decoding.index import DecodeIndex
from errdex.runtime.errors import Error


def _norm(text: Any) -> str:
    return text.strip().rstrip(".").casefold() if type(text) is str else ""


def find_variant(entry: Entry, message: str) -> Variant | None:
    wanted = _norm(message)
    if not wanted:
        return None
    for variant in entry.variants:
        if _norm(variant.message) == wanted:
            return variant
    for variant in entry.variants:
        known = _norm(variant.message)
        if known and wanted.startswith(known):
            return variant
    return None


def _score(entry: Entry, message: Any, status: Any, name: Any) -> int:
    score = 0
    if name and entry.name == name:
        score += 8
    wanted = _norm(message)
    if wanted:
        if find_variant(entry, message) is not None:
            score += 4
        else:
            texts = [entry.message, entry.title, entry.name, entry.description]
            texts += [t.message for t in entry.translations.values()]
            if wanted in {_norm(t) for t in texts if t}:
                score += 3
            elif entry.message and "{" in entry.message:
                head = _norm(entry.message.split("{", 1)[0])
                if head and wanted.startswith(head):
                    score += 2
    if type(status) is int and entry.http_status == status:
        score += 1
    return score


def choose(
    candidates: list[Entry] | tuple[Entry, ...], message: Any, status: Any, name: Any
) -> Entry | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    ranked = sorted(
        enumerate(candidates), key=lambda ie: (-_score(ie[1], message, status, name), ie[0])
    )
    return ranked[0][1]


def code_key(code: Any) -> Any:
    if type(code) is bool or code is None:
        return None
    try:
        return normalize_code(code)
    except TypeError:
        return None


def find_entry(
    index: DecodeIndex, fields: dict[str, Any], status: Any, prefer: tuple[str, ...] = ()
) -> Entry | None:
    """Step 2: the entry the fields name (by code and space, JSON-RPC code, google
    reason or name; several candidates told apart by message, status, order), or None."""
    raw = fields.get("code")
    if type(raw) is int or type(raw) is str:  # not a bool: True would find code 1
        found = index.unique.get(raw)
        if found is not None:  # the only entry with this code, whatever space is named
            return found
    catalog = index.catalog
    message, name = fields.get("message"), fields.get("name")
    key = code_key(raw)
    if key is not None:
        space = fields.get("space")
        if type(space) is str and space in catalog.spaces:
            found = catalog.get(key, space)
            if found is not None:
                return found
        for sp in prefer:
            found = catalog.get(key, sp)
            if found is not None:
                return found
        found = choose(catalog.find(key), message, status, name)
        if found is not None:
            return found
    rpc = fields.get("jsonrpc_code")
    if key is None and type(rpc) is int:
        found = choose(index.by_jsonrpc.get(rpc, ()), message, status, name)
        if found is not None:
            return found
    reason = fields.get("reason")
    if key is None and type(reason) is str:
        found = choose(index.by_reason.get(reason, ()), message, status, name)
        if found is not None:
            return found
    if key is None and type(name) is str:
        found = catalog.by_name(name)
        if found is not None:
            return found
    return None


def fallback_class(
    index: DecodeIndex, code: Any, space: Any, status: Any, jsonrpc: bool
) -> type[Error]:
    """The class of an unknown code: the module it falls in (string prefix, numeric
    range; a JSON-RPC code prefers a ``jsonrpc`` space's module), else the space named,
    else a ``jsonrpc`` space for a JSON-RPC code, else ``ServerError``/``ClientError``
    by HTTP class, else the catalog's root class (psycopg's prefix fallback)."""
    factory = index.factory
    key = code_key(code)
    if type(key) is str:
        for prefix, module_id in index.prefixes:
            if key.startswith(prefix):
                return factory.module_class(module_id)
    elif type(key) is int:
        matches = [(not rpc, mid) for (low, high), mid, rpc in index.ranges if low <= key <= high]
        if matches:
            if jsonrpc:
                matches.sort(key=lambda m: m[0])
            return factory.module_class(matches[0][1])
    if type(space) is str and space in index.catalog.spaces:
        return factory.space_class(space)
    if jsonrpc and index.jsonrpc_space is not None:
        return factory.space_class(index.jsonrpc_space)
    if type(status) is int and status >= 500:
        return factory.server_error
    if type(status) is int and status >= 400:
        return factory.client_error
    return factory.root
