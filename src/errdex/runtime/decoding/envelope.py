"""Decode step 1: recognise the envelope and read its fields.

The body is parsed once (bytes, text, or already parsed JSON); the first envelope
that recognises it gives the fields: google.rpc.Status, JSON-RPC, problem+json, one of
the catalog's plain profiles, a generic ``{"code", "message"|"msg"|"error"|…}``.
A body that is none of these (HTML, a traceback, nothing) names no code: its status
does, when the catalog has an ``http`` space; its text is kept as ``raw`` only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import orjson

from errdex.runtime.decoding.index import DecodeIndex
from errdex.runtime.profiles.google import read_google
from errdex.runtime.profiles.jsonrpc import read_jsonrpc
from errdex.runtime.profiles.plain import read_plain
from errdex.runtime.profiles.problem import read_problem
from errdex.runtime.retry import parse_retry_after
from errdex.runtime.status import phrase
from errdex.runtime.text import cap, safe_str

RAW_CAP = 4096
"""Longest raw text an undecodable body keeps (``Error.raw``)."""
MESSAGE_KEYS = (
    "message",
    "msg",
    "error",
    "detail",
    "error_message",
    "errorMessage",
    "description",
)
"""Where a generic ``{"code": ...}`` body keeps its message, in order of preference."""

Headers = Mapping[str, str] | Iterable[tuple[str, str]] | None
_new = tuple.__new__
UNPARSED: Any = object()
"""The parsed body of a response whose body is not JSON."""


class Wire(NamedTuple):
    """What step 1 read from a response: the envelope's fields and the response facts."""

    fields: dict[str, Any]
    """``code``, ``space``, ``name``, ``message``, ``params``, ``subs``, ``data`` … (or None)."""
    status: int | None
    envelope: str | None
    """The envelope recognised (see :func:`read_fields`); None for a body that is not JSON."""
    raw: Any
    """The parsed body, or the capped text of one that is not JSON."""


def header_map(headers: Headers) -> dict[str, str]:
    """Return the headers as ``{lower-case name: first value}``; never raises."""
    out: dict[str, str] = {}
    if headers is None:
        return out
    try:
        if type(headers) is dict:  # the common case: str → str, looked at directly
            for name, value in headers.items():
                if type(name) is str and type(value) is str:
                    out.setdefault(name.lower(), value)
                    continue
                break
            else:
                return out
            out.clear()
        items = headers.items() if isinstance(headers, Mapping) else headers
        for item in items:
            try:
                name, value = item
            except (TypeError, ValueError):
                continue
            if isinstance(name, bytes):
                name = name.decode("latin-1")
            if isinstance(value, bytes):
                value = value.decode("latin-1")
            if type(name) is str and type(value) is str:
                out.setdefault(name.lower(), value)
    except Exception:
        return out
    return out


def parse_body(body: Any) -> tuple[Any, str]:
    """Return the parsed body (:data:`UNPARSED` when it is not JSON) and its text if not."""
    if isinstance(body, (dict, list)):
        return body, ""
    if body is None:
        return UNPARSED, ""
    if isinstance(body, (bytes, bytearray, memoryview)):
        raw = bytes(body)
        try:
            return orjson.loads(raw), ""
        except orjson.JSONDecodeError:
            return UNPARSED, cap(raw[: RAW_CAP * 4].decode("utf-8", "replace"), RAW_CAP)
    if type(body) is str:
        try:
            return orjson.loads(body), ""
        except orjson.JSONDecodeError:
            return UNPARSED, cap(body, RAW_CAP)
    return UNPARSED, safe_str(body, RAW_CAP)


def _generic(body: Any) -> dict[str, Any] | None:
    if type(body) is not dict or "code" not in body:
        return None
    message = next((body[k] for k in MESSAGE_KEYS if type(body.get(k)) is str), None)
    return {"code": body.get("code"), "message": message, "data": body.get("data")}


def read_fields(
    index: DecodeIndex, body: Any, content_type: str
) -> tuple[dict[str, Any] | None, str | None]:
    """Return the fields of the first envelope that recognises a parsed body (or None),
    and which envelope it is: ``"google"``, ``"jsonrpc"``, ``"problem"``, a plain
    profile's name, ``"generic"``, or None."""
    fields = read_google(body)
    if fields is not None:
        return fields, "google"
    fields = read_jsonrpc(body)
    if fields is not None:
        return fields, "jsonrpc"
    fields = read_problem(body, content_type)
    if fields is not None:
        return fields, "problem"
    if index.plain:
        matched = read_plain(body, index.catalog, index.plain)
        if matched is not None:
            return matched[1], matched[0]
    fields = _generic(body)
    return fields, "generic" if fields is not None else None


def _no_envelope(index: DecodeIndex, status: int | None, text: str) -> dict[str, Any]:
    """The fields of a body with no envelope: the HTTP status is the code, when the
    catalog has an ``http`` space entry for it."""
    message = text.strip() or None
    fields: dict[str, Any] = {
        "code": None,
        "message": message or (phrase(status) if status else None),
    }
    if type(status) is int:
        catalog = index.catalog
        for space in index.http_spaces:
            if catalog.get(status, space) is not None:
                fields.update(code=status, space=space, message=message)
                break
    return fields


def recognise(
    index: DecodeIndex,
    status: int | None,
    hdrs: dict[str, str],
    body: Any,
    text: str,
    now: float | None = None,
) -> Wire:
    """Step 1: the fields of one response (``body`` already parsed, ``text`` its text
    when it is not JSON); ``now`` (Unix seconds, None: the clock) is the time a
    ``Retry-After`` HTTP-date is read against."""
    fields: dict[str, Any] | None = None
    envelope = None
    if body is not UNPARSED:
        fields, envelope = read_fields(index, body, hdrs.get("content-type", "").lower())
    if fields is None:
        fields = _no_envelope(index, status, text)
    fields["header_retry"] = parse_retry_after(hdrs.get("retry-after"), now)
    body_status = fields.get("status")
    if status is None and type(body_status) is int and 100 <= body_status <= 599:
        status = body_status
    raw = text or body if body is not UNPARSED else text
    return _new(Wire, (fields, status, envelope, raw))
