"""``errdex.decode``: a response (status, headers, body) back to a catalog error.

Recognises every profile errdex renders — google.rpc.Status, JSON-RPC (single
and batch), problem+json, the catalog's plain profiles (by their field maps) —
and generic ``{"code", "message"|"msg"|"error"|…}`` bodies. A straight pipeline,
one step per module of :mod:`errdex.runtime.decoding`:

1. **Envelope** (:mod:`~errdex.runtime.decoding.envelope`): parse the body, read its fields.
2. **Entry** (:mod:`~errdex.runtime.decoding.match`): by catalog code (and space when
   the envelope names one); by JSON-RPC code; by google ``reason``; by name; for a
   body with no code, by the HTTP status in an ``http`` space. Several candidates
   are told apart by the message, then the HTTP status, then catalog order.
3. **Error** (:mod:`~errdex.runtime.decoding.build`): an instance of the entry class;
   for an unknown code, of the module class the code falls in (string prefix
   ``AUTH-ERR-``, numeric range), else of a space class (a JSON-RPC code → the
   catalog's ``jsonrpc`` space), else of ``ClientError``/``ServerError`` by HTTP
   class; ``.entry`` is None and the raw code, message and data are kept.
   Sub-errors (a list in JSON-RPC ``data``, problem ``errors``, google
   ``BadRequest``) are decoded too, in the spaces ``carried_in`` the error's space first.
4. **Retry hint** (:mod:`~errdex.runtime.decoding.hint`): the server's ``Retry-After``
   header or google ``RetryInfo``, then the body's ``retryable``/``retry_after``
   members, then the matched variant and the entry, then the HTTP class.

The envelopes errdex renders (problem+json, JSON-RPC naming a catalog code) take a
fast path (:mod:`~errdex.runtime.decoding.fast`) with the same result.

``now=`` (Unix seconds) is the clock a ``Retry-After`` HTTP-date is read against,
so that the hint is reproducible (tests, replayed logs); by default, the real clock.

Never raises on bad input: an unparseable body gives an error whose ``raw`` is
the (capped) text. Re-raised, a decoded 5xx sends only catalog text
(see :mod:`~errdex.runtime.hygiene`).
"""

from __future__ import annotations

from typing import Any

import orjson

from errdex.model import Catalog
from errdex.runtime.decoding.build import build_error
from errdex.runtime.decoding.envelope import UNPARSED, Headers, header_map, parse_body, recognise
from errdex.runtime.decoding.fast import decode_dict
from errdex.runtime.decoding.index import DecodeIndex
from errdex.runtime.decoding.match import find_entry
from errdex.runtime.errors import Error
from errdex.runtime.retry import check_now
from errdex.runtime.state import runtime_of

_loads = orjson.loads
_JSONDecodeError = orjson.JSONDecodeError


def decode_index(catalog: Catalog) -> DecodeIndex:
    """The decode tables of ``catalog`` (built on its first decode)."""
    state = runtime_of(catalog)
    index: DecodeIndex | None = state.decode_index
    if index is None:
        index = state.decode_index = DecodeIndex(state.catalog, state.factory)
    return index


def _status(status: Any) -> int | None:
    return status if type(status) is int and 100 <= status <= 599 else None


def _pipeline(
    index: DecodeIndex,
    status: int | None,
    hdrs: dict[str, str],
    body: Any,
    text: str,
    now: float | None,
) -> Error:
    """The four steps: envelope → entry → error → retry hint."""
    wire = recognise(index, status, hdrs, body, text, now)
    entry = find_entry(index, wire.fields, wire.status)
    jsonrpc = wire.envelope == "jsonrpc"
    err = build_error(index, entry, wire.fields, wire.status, jsonrpc=jsonrpc, raw=wire.raw)
    err.envelope = wire.envelope
    return err


def decode(
    status: int | None,
    headers: Headers,
    body: Any,
    *,
    catalog: Catalog,
    now: float | None = None,
) -> Error:
    """Decode an error response into an :class:`~errdex.runtime.errors.Error` of ``catalog``.

    ``body`` is bytes, text, or already parsed JSON. A JSON-RPC batch gives its
    first error (see :func:`decode_batch` for all). ``now`` is the current time in
    Unix seconds for a ``Retry-After`` HTTP-date (default: the real clock). Never
    raises for bad input (a ``now`` that is not a finite number is a TypeError or
    ValueError: the caller's).
    """
    hosted = getattr(catalog, "runtime_state", None)  # decode_index(), one call less
    index = hosted().decode_index if hosted is not None else None
    if index is None:
        index = decode_index(catalog)
    if now is not None:
        now = check_now(now)
    if type(headers) is not dict:  # pairs, a Mapping, an iterator: read them once
        headers = header_map(headers)
    kind = type(body)
    if kind is bytes or kind is str:
        try:
            parsed, text = _loads(body), ""
        except _JSONDecodeError:
            parsed, text = parse_body(body)  # not JSON: the capped text
        else:
            if type(parsed) is dict:
                found = decode_dict(index, status, headers, parsed, now, True)
                if found is not None:
                    return found
        own = True
    else:
        parsed, text = parse_body(body)
        own = not isinstance(body, (dict, list))
    return _general(index, _status(status), headers, parsed, text, now, own)


def _general(
    index: DecodeIndex,
    status: int | None,
    headers: Headers,
    parsed: Any,
    text: str,
    now: float | None,
    own: bool,
) -> Error:
    """Every body the fast path did not take (parsed once, by :func:`decode`): batches,
    other envelopes, text."""
    if type(parsed) is list:
        for item in parsed:
            if type(item) is dict and "error" in item:
                return _decode_one(index, status, headers, item, "", now, own)
        parsed, text = UNPARSED, ""
    return _pipeline(index, status, header_map(headers), parsed, text, now)


def _decode_one(
    index: DecodeIndex,
    status: int | None,
    headers: Headers,
    body: dict[str, Any],
    text: str,
    now: float | None,
    own: bool,
) -> Error:
    """One batch member: the fast path when it fits, else the pipeline."""
    found = decode_dict(index, status, headers, body, now, own)
    if found is not None:
        return found
    return _pipeline(index, status, header_map(headers), body, text, now)


def decode_batch(
    status: int | None,
    headers: Headers,
    body: Any,
    *,
    catalog: Catalog,
    now: float | None = None,
) -> list[Error | None]:
    """Decode a JSON-RPC batch response: one item per response, None for a success.
    ``now`` as for :func:`decode`."""
    index = decode_index(catalog)
    if now is not None:
        now = check_now(now)
    hdrs = header_map(headers)
    parsed, _ = parse_body(body)
    if type(parsed) is not list:
        return [decode(status, hdrs, body, catalog=catalog, now=now)]
    own = not isinstance(body, (dict, list))
    return [
        _decode_one(index, _status(status), hdrs, item, "", now, own)
        if type(item) is dict and "error" in item
        else None
        for item in parsed
    ]
