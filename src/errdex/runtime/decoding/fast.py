"""The decode fast path: the envelopes errdex itself renders, read in one function.

A problem+json document or a JSON-RPC error whose code names the only entry that
has it — what a client of an errdex service receives almost every time — is
decoded by :func:`decode_dict` without the intermediate field dicts of the
pipeline: the body is read once, the entry class and its parameter types come
from a table made per code on its first decode (:func:`known`), only the two
headers decoding reads are looked for, and the error's state is written in one
go. A JSON-RPC error without ``data`` (Alchemy's, ZAN's) is found by its JSON-RPC
code the same way.

Every other body returns None here and takes the pipeline
(:mod:`~errdex.runtime.decoding.envelope` → ``match`` → ``build`` → ``hint``):
google.rpc.Status, plain profiles, generic bodies, unknown codes, a code several
entries share, a JSON-RPC ``data`` that is a list, a code that is not a string or
an integer. The result is the pipeline's, attribute for attribute (the tests
decode the same bodies both ways and compare).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from errdex.model import Entry
from errdex.runtime.decoding.build import MESSAGE_CAP, SUB_LIMIT, params_of, sub_errors
from errdex.runtime.decoding.envelope import header_map
from errdex.runtime.decoding.index import DecodeIndex
from errdex.runtime.decoding.match import choose, find_variant
from errdex.runtime.errors import Error
from errdex.runtime.profiles.problem import MEDIA_TYPE
from errdex.runtime.retry import parse_retry_after
from errdex.runtime.status import RETRYABLE_STATUSES
from errdex.runtime.text import safe_str

_new_exception = BaseException.__new__
_INF = float("inf")
_ABSENT: Any = object()
_COERCED = frozenset({"int", "float", "bool"})
"""Declared parameter types a decoded string is converted back to (``coerce_back``)."""


class Known(NamedTuple):
    """What decoding one entry needs, made on the first decode of its code."""

    cls: type[Error]
    entry: Entry
    types: dict[str, str] | None
    """The declared parameter types when one converts a string back, else None (then
    the parameters are the body's own object)."""
    variants: bool
    """Whether the entry has known variants (the message is then matched against them)."""


def _known(index: DecodeIndex, entry: Entry) -> Known:
    cls = index.factory.entry_class(entry)
    types: dict[str, str] = {}
    if entry.params:
        spec = cls._spec
        if spec is not None:
            types = spec.param_types
    coerced = types if any(t in _COERCED for t in types.values()) else None
    return Known(cls, entry, coerced, bool(entry.variants))


def known(index: DecodeIndex, code: Any) -> Known | None:
    """The :class:`Known` of a code one entry alone has (as the catalog spells it), or None."""
    found: Known | None = index.fast.get(code)
    if found is None:
        entry = index.unique.get(code)
        if entry is None:
            return None
        found = index.fast[code] = _known(index, entry)
    return found


def _by_jsonrpc(index: DecodeIndex, rpc: int, message: Any, status: int | None) -> Known | None:
    """The :class:`Known` of the entry a bare JSON-RPC code names (pipeline step 2), or None."""
    candidates = index.by_jsonrpc.get(rpc)
    if not candidates:
        return None
    entry = candidates[0] if len(candidates) == 1 else choose(candidates, message, status, None)
    if entry is None:  # pragma: no cover - choose() picks one of a non-empty list
        return None
    found: Known | None = index.fast_rpc.get(id(entry))
    if found is None:
        found = index.fast_rpc[id(entry)] = _known(index, entry)
    return found


def _two_headers(headers: Any) -> tuple[str | None, str | None]:
    """``Content-Type`` and ``Retry-After`` as :func:`header_map` gives them (a dict that
    is not all strings, or headers that are not a dict)."""
    hdrs = header_map(headers)
    return hdrs.get("content-type"), hdrs.get("retry-after")


def decode_dict(
    index: DecodeIndex,
    status: Any,
    headers: Any,
    body: dict[str, Any],
    now: float | None,
    parsed: bool,
) -> Error | None:
    """The error of a JSON object errdex renders (see the module docstring), or None
    for the pipeline. ``status`` and ``headers`` as :func:`errdex.decode` got them;
    ``parsed``: ``body`` came from orjson (so its keys are strings)."""
    if type(status) is not int or not 100 <= status <= 599:
        status = None
    content_type = retry = None  # the two headers read, as header_map() gives them
    if type(headers) is dict:
        for name, value in headers.items():
            if type(name) is not str or type(value) is not str:
                content_type, retry = _two_headers(headers)
                break
            low = name.lower()
            if low == "content-type":
                if content_type is None:
                    content_type = value
            elif low == "retry-after" and retry is None:
                retry = value
    else:
        content_type, retry = _two_headers(headers)
    error = body.get("error")
    subs: Any = None
    data: Any = None
    if type(error) is dict:  # JSON-RPC (google.rpc.Status is left to the pipeline)
        if "code" not in error or (
            "jsonrpc" not in body and ("status" in error or "details" in error)
        ):
            return None
        envelope, sub_key = "jsonrpc", "message"
        message = error.get("message")
        data = error.get("data")
        body_after = body_flag = None
        if type(data) is dict and "code" in data:
            code = data.get("code")
            if type(code) is not str and type(code) is not int:
                return None
            item = index.fast.get(code) or known(index, code)
            if item is None:
                return None
            params = data.get("params")
            subs = data.get("errors")
            data = None  # the object that named the entry is not kept
        elif type(data) is list:
            return None
        else:
            rpc = error.get("code")
            if type(rpc) is not int:
                return None
            item = _by_jsonrpc(index, rpc, message, status)
            if item is None:
                return None
            params = None
    elif "error" in body:
        return None
    else:  # problem+json
        message = body.get("detail", _ABSENT)
        if message is _ABSENT:
            if not (
                ("type" in body and "title" in body)
                or (content_type is not None and content_type.lower().startswith(MEDIA_TYPE))
            ):
                return None
            message = None
        code = body.get("code")
        if type(code) is not str and type(code) is not int:
            return None
        item = index.fast.get(code) or known(index, code)
        if item is None:
            return None
        envelope, sub_key = "problem", "detail"
        if message is None:
            message = body.get("title")
        if status is None:
            stated = body.get("status")
            if type(stated) is int and 100 <= stated <= 599:
                status = stated
        params = body.get("params")
        subs = body.get("errors")
        data = body.get("data")
        if type(data) is dict:
            data = None  # kept only when it did not name the entry (a code is here)
        body_after, body_flag = body.get("retry_after"), body.get("retryable")

    # step 3: the error of the entry found
    cls, entry, types, variants = item
    if message is not None and (type(message) is not str or len(message) > MESSAGE_CAP):
        message = safe_str(message, MESSAGE_CAP)
    if type(params) is dict and params:
        if types is not None or not parsed or len(params) > SUB_LIMIT:
            params = params_of(params, types or {})
        # else parsed here (string keys) with nothing to convert back: the body's own dict,
        # shared with ``raw`` (the pipeline's copy would be equal; nothing else holds it)
    else:
        params = {}
    err: Error = _new_exception(cls)
    state: dict[str, Any] = {
        "status": status,
        "_message": message,
        "params": params,
        "raw": body,
        "_decoded": True,
        "envelope": envelope,
    }
    if status is None:
        del state["status"]
    if message is None:
        del state["_message"]
    retryable = cls.retryable
    if variants and message:
        variant = find_variant(entry, message)
        if variant is not None:
            state["variant"] = variant
            if variant.retryable is not None:
                retryable = state["retryable"] = variant.retryable
    if type(subs) is list and subs:
        state["sub_errors"] = sub_errors(index, err, subs, sub_key)
    elif data is not None:
        state["data"] = data

    # step 4: the retry hint
    server = parse_retry_after(retry, now) if retry is not None else None
    if server is not None:
        state["retry_after"] = server
        state["retryable"] = True
    else:
        number = (type(body_after) is int or type(body_after) is float) and 0 <= body_after < _INF
        if number:
            state["retry_after"] = body_after
        if type(body_flag) is bool:
            state["retryable"] = body_flag
        elif number:
            state["retryable"] = True
        elif retryable is None:
            sent = status if status is not None else cls.status
            state["retryable"] = (
                sent in RETRYABLE_STATUSES if type(sent) is int and sent >= 400 else None
            )
    err.__dict__ = state
    return err
