"""Decode step 3: build the error from the entry found and the envelope's fields.

A known entry gives an instance of its class; an unknown code an instance of the
class it falls in (:func:`~errdex.runtime.decoding.match.fallback_class`) with a
synthetic spec keeping the raw code, message and data. Sub-errors are decoded with
steps 2–4, in the spaces ``carried_in`` the error's space first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from errdex.model import Entry
from errdex.runtime.decoding.hint import decide_retry
from errdex.runtime.decoding.index import DecodeIndex
from errdex.runtime.decoding.match import code_key, fallback_class, find_entry, find_variant
from errdex.runtime.errors import Error
from errdex.runtime.spec import EntrySpec
from errdex.runtime.status import phrase
from errdex.runtime.text import PUBLIC_CAP, cap, coerce_back, safe_str

MESSAGE_CAP = 4 * PUBLIC_CAP
"""Longest decoded message kept."""
SUB_LIMIT = 256
"""Most sub-errors (and parameters) decoded from one response."""
SYNTHETIC_CACHE = 1024
"""Most specs of unknown codes a catalog's decode index keeps (see :func:`synthetic_spec`)."""
_new_exception = BaseException.__new__
_NO_TYPES: Mapping[str, str] = {}


def params_of(raw: Any, types: Mapping[str, str]) -> dict[str, Any]:
    """The decoded parameters: string keys, values in their declared type when a
    string converts cleanly (google metadata sends every value as a string)."""
    if not isinstance(raw, dict) or not raw:
        return {}
    if len(raw) > SUB_LIMIT:
        raw = dict(list(raw.items())[:SUB_LIMIT])
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if type(key) is not str:
            key = str(key)
        if types and type(value) is str:
            value = coerce_back(value, types.get(key))
        out[key] = value
    return out


def synthetic_spec(
    index: DecodeIndex,
    cls: type[Error],
    code: Any,
    name: str | None,
    message: str | None,
    status: int | None,
    jsonrpc_code: int | None,
) -> EntrySpec:
    """The spec of a decoded code the catalog lacks: its raw code, name and message.

    Specs are read-only (their caches aside), so equal inputs share one: the index keeps
    the last :data:`SYNTHETIC_CACHE` made (the same unknown code and message arrives again
    and again from one upstream)."""
    key = (cls, type(code), code, name, message, status, jsonrpc_code)
    cache = index.synthetic
    found: EntrySpec | None = cache.get(key)
    if found is not None:
        return found
    fake = Entry(
        code=code,
        key=code_key(code),
        space=cls.space or "",
        module=cls.module,
        name=name,
        message=(message or "").replace("{", "{{").replace("}", "}}") or None,
        http_status=status,
        jsonrpc_code=jsonrpc_code,
    )
    found = EntrySpec(index.catalog, fake, synthetic=True)
    if len(cache) >= SYNTHETIC_CACHE:
        cache.clear()  # bounded: a stream of distinct messages cannot grow it
    cache[key] = found
    return found


def _unknown(
    index: DecodeIndex, fields: dict[str, Any], status: int | None, jsonrpc: bool, message: Any
) -> Error:
    code = fields.get("code")
    if code is None and jsonrpc:
        code = fields.get("jsonrpc_code")
    if code is not None and type(code) not in (int, str):
        code = safe_str(code)
    elif type(code) is str:
        code = cap(code)
    cls = fallback_class(index, code, fields.get("space"), status, jsonrpc)
    err: Error = _new_exception(cls)
    err.code = code
    name = fields.get("name")
    err.name = cap(name) if type(name) is str else None
    rpc = fields.get("jsonrpc_code")
    spec = synthetic_spec(
        index, cls, code, err.name, message, status, rpc if type(rpc) is int else None
    )
    err._spec = spec  # type: ignore[misc]
    err.status = status or spec.status
    err.data = fields.get("data")
    return err


def build_error(
    index: DecodeIndex,
    entry: Entry | None,
    fields: dict[str, Any],
    status: int | None,
    *,
    jsonrpc: bool = False,
    raw: Any = None,
) -> Error:
    """Step 3: the error of one response (or sub-error) from its entry and fields."""
    message = fields.get("message")
    if message is not None and (type(message) is not str or len(message) > MESSAGE_CAP):
        message = safe_str(message, MESSAGE_CAP)
    types: Mapping[str, str] = _NO_TYPES
    if entry is not None:
        cls = index.factory.entry_class(entry)
        err: Error = _new_exception(cls)
        if entry.params:
            spec = cls._spec
            types = spec.param_types if spec is not None else _NO_TYPES
        variant = find_variant(entry, message) if message and entry.variants else None
        if variant is not None:
            err.variant = variant
            if variant.retryable is not None:
                err.retryable = variant.retryable
    else:
        if message is None:
            message = phrase(status) if type(status) is int else "Unknown error"
        err = _unknown(index, fields, status, jsonrpc, message)
    if type(status) is int:
        err.status = status
    if message is not None:
        err._message = message
    err.params = params_of(fields.get("params"), types)
    if fields.get("context") is not None:
        err.context = fields["context"]
    err.raw = raw
    err._decoded = True
    data = fields.get("data")
    subs = fields.get("subs")
    if type(subs) is list and subs:
        err.sub_errors = sub_errors(index, err, subs, fields.get("sub_message_key") or "message")
    elif (
        entry is not None
        and data is not None
        and (type(data) is not dict or fields.get("code") is None)
    ):
        err.data = data
    decide_retry(err, fields)
    return err


def sub_errors(
    index: DecodeIndex, err: Error, subs: list[Any], message_key: str
) -> tuple[Error, ...]:
    """The decoded sub-errors of ``err`` (at most :data:`SUB_LIMIT`), looked up first in
    the spaces ``carried_in`` its space."""
    spec = err._spec
    carried = spec.carried if spec is not None else ()
    decoded = []
    for item in subs[:SUB_LIMIT]:
        if type(item) is not dict:
            continue
        sub_fields = {
            "code": item.get("code"),
            "space": item.get("space"),
            "name": item.get("name"),
            "reason": item.get("reason"),
            "message": item.get(message_key, item.get("message")),
            "params": item.get("params"),
        }
        entry = find_entry(index, sub_fields, None, carried)
        decoded.append(build_error(index, entry, sub_fields, None, raw=item))
    return tuple(decoded)
