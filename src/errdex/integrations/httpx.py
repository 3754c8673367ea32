"""httpx: turn error responses into catalog errors on the client side.

    import httpx
    from errdex.integrations.httpx import event_hooks, raise_for_error

    client = httpx.Client(event_hooks=event_hooks(cat))    # every error response raises
    try:
        client.post(url, json=payload)
    except cat.errors.module("auth") as exc:
        exc.code, exc.retryable, exc.retry_after, exc.response

    raise_for_error(response, cat)                           # or one response at a time

An error response is one with a status outside 2xx, or a 2xx whose JSON body
is a single JSON-RPC error (``{"jsonrpc": "2.0", "error": {...}}``: JSON-RPC
servers such as Alchemy's answer errors with 200). It is decoded by
:func:`errdex.decode` — any profile errdex renders, the catalog's plain
envelopes, or a generic ``{"code", "message"}`` — into the catalog's error
class (a fallback class for unknown codes), whose ``response`` attribute is
the httpx response. A JSON-RPC *batch* answered with 200 is not raised: use
:func:`decode_batch` on it. 1xx and 3xx responses are never errors.

Import this module only with httpx installed (``pip install 'errdex[httpx]'``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import orjson

from errdex.model import Catalog
from errdex.runtime import Error, decode
from errdex.runtime import decode_batch as _decode_batch


def _jsonrpc_error(response: httpx.Response) -> bool:
    if "json" not in response.headers.get("content-type", ""):
        return False
    content = response.content
    if b'"error"' not in content:
        return False
    try:
        body = orjson.loads(content)
    except orjson.JSONDecodeError:
        return False
    return type(body) is dict and "jsonrpc" in body and type(body.get("error")) is dict


def _may_be_error(status: int) -> bool:
    return 200 <= status < 300 or status >= 400


def is_error(response: httpx.Response) -> bool:
    """Whether a (read) response is an error: 4xx/5xx, or a single JSON-RPC error on 2xx."""
    status = response.status_code
    if status >= 400:
        return True
    return 200 <= status < 300 and _jsonrpc_error(response)


def decode_response(response: httpx.Response, catalog: Catalog) -> Error | None:
    """Return the catalog error a read response carries, or None when it is not an error."""
    if not is_error(response):
        return None
    headers = response.headers.multi_items()
    error = decode(response.status_code, headers, response.content, catalog=catalog)
    error.response = response  # type: ignore[attr-defined]
    return error


def decode_batch(response: httpx.Response, catalog: Catalog) -> list[Error | None]:
    """Decode a JSON-RPC batch response: one item per member, None for a success."""
    found = _decode_batch(
        response.status_code, response.headers.multi_items(), response.content, catalog=catalog
    )
    for error in found:
        if error is not None:
            error.response = response  # type: ignore[attr-defined]
    return found


OnDecode = Callable[[Error, httpx.Response], Any]
"""``on_decode(error, response)``: called for every error response decoded (e.g.
:class:`errdex.integrations.otel.ClientTelemetry`); a failing hook is logged."""


def _notify(on_decode: OnDecode | None, error: Error, response: httpx.Response) -> None:
    if on_decode is None:
        return
    try:
        on_decode(error, response)
    except Exception:
        logging.getLogger("errdex").exception("errdex on_decode hook %r failed", on_decode)


def raise_for_error(
    response: httpx.Response, catalog: Catalog, *, on_decode: OnDecode | None = None
) -> httpx.Response:
    """Raise the catalog error of an error response; return the response otherwise.

    Reads the body of a streamed response first (sync client).
    """
    if _may_be_error(response.status_code):
        response.read()
        error = decode_response(response, catalog)
        if error is not None:
            _notify(on_decode, error, response)
            raise error
    return response


async def araise_for_error(
    response: httpx.Response, catalog: Catalog, *, on_decode: OnDecode | None = None
) -> httpx.Response:
    """:func:`raise_for_error` for the async client (reads the body with ``aread``)."""
    if _may_be_error(response.status_code):
        await response.aread()
        error = decode_response(response, catalog)
        if error is not None:
            _notify(on_decode, error, response)
            raise error
    return response


def event_hooks(
    catalog: Catalog, *, on_decode: OnDecode | None = None
) -> dict[str, list[Callable[[httpx.Response], Any]]]:
    """``httpx.Client(event_hooks=event_hooks(cat))``: raise the catalog error of every error."""

    def hook(response: httpx.Response) -> None:
        raise_for_error(response, catalog, on_decode=on_decode)

    return {"response": [hook]}


def async_event_hooks(
    catalog: Catalog, *, on_decode: OnDecode | None = None
) -> dict[str, list[Callable[[httpx.Response], Awaitable[Any]]]]:
    """``httpx.AsyncClient(event_hooks=async_event_hooks(cat))``: async :func:`event_hooks`."""

    async def hook(response: httpx.Response) -> None:
        await araise_for_error(response, catalog, on_decode=on_decode)

    return {"response": [hook]}


def retry_decision(error: Error, *, attempt: int = 1, cap: float = 30.0) -> Any:
    """The retry decision for a decoded error and the request it answered
    (:func:`errdex.integrations.retrying.decision_for`)."""
    from errdex.integrations.retrying import decision_for

    return decision_for(error, attempt=attempt, cap=cap)


__all__ = [
    "araise_for_error",
    "async_event_hooks",
    "decode_batch",
    "decode_response",
    "event_hooks",
    "is_error",
    "raise_for_error",
    "retry_decision",
]
