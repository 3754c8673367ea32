"""Telling a JSON-RPC error from a success when both come with HTTP 200."""

from __future__ import annotations

import orjson


def is_rpc_error(body: bytes) -> bool:
    """Whether a 2xx body is a JSON-RPC error (Alchemy sends them with 200)."""
    if b'"error"' not in body:
        return False
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    if type(doc) is list:
        return any(type(d) is dict and type(d.get("error")) is dict for d in doc)
    return type(doc) is dict and type(doc.get("error")) is dict
