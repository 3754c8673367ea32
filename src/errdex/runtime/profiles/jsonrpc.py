"""JSON-RPC 2.0 error responses, single and batch.

``{"jsonrpc": "2.0", "error": {"code", "message", "data"}, "id"}``. ``error.code``
is the entry's ``jsonrpc_code`` (module and space defaults included), else the
code itself in a ``jsonrpc`` space, else -32603. ``error.data`` is the error's
``data`` when set; otherwise it is left out when the wire code *is* the catalog
code, no other entry has it (or it is the first of its code in a ``jsonrpc``
space: Alchemy's -32000 "Server error", not Parity's) and there are no
parameters — the envelope Alchemy and ZAN send; it holds just the sub-errors
list when there are some (Alchemy's code 3: ``[{"code": 102, "message": ...}]``),
and else is
``{"code", ["space"], ["name"], ["params"], ["errors"]}`` so a client can find
the catalog entry.

HTTP status: the status the catalog states for the entry (ZAN's mapping
table, Alchemy's 200 for JSON-RPC spaces), else 200. ``jsonrpc_profile(http_200=True)``
always answers 200. A batch (a list) is always 200; an empty one is 204 with no body.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import orjson

from errdex.model import Catalog
from errdex.runtime.errors import PLAIN_STATE, Error
from errdex.runtime.render import (
    Profile,
    Rendered,
    as_error,
    dump_value,
    dumps,
    headers,
    localize,
    sub_error_dicts,
)
from errdex.runtime.spec import EntrySpec, Texts

MEDIA_TYPE = "application/json"
_new = tuple.__new__
_orjson_dumps = orjson.dumps


def _data_head(error: Error, spec: EntrySpec) -> dict[str, Any]:
    head: dict[str, Any] = {"code": error.code}
    if spec.ambiguous:
        head["space"] = error.space
    if error.name is not None:
        head["name"] = error.name
    return head


def error_object(error: Error, spec: EntrySpec, message: str) -> dict[str, Any]:
    """Return the JSON-RPC ``error`` member for ``error``."""
    obj: dict[str, Any] = {"code": spec.jsonrpc_code, "message": message}
    data = error.data
    if data is None:
        params = error.public_params if error.params else None
        subs = sub_error_dicts(error, "message") if error.sub_errors else None
        if spec.jsonrpc_bare and not params:
            data = subs
        else:
            data = _data_head(error, spec)
            if params:
                data["params"] = params
            if subs:
                data["errors"] = subs
    if data is not None:
        obj["data"] = data
    return obj


class _Fast(NamedTuple):
    """An entry's JSON-RPC response as precomputed bytes around its variable members."""

    head: bytes  # {"jsonrpc":"2.0","error":{"code":…,"message":
    message: bytes | None  # the static message, serialized
    data: dict[str, Any] | None  # the data members the class alone gives (None: no data)
    data_bytes: bytes  # ,"data":{…} or empty
    headers: tuple[tuple[str, str], ...]


def _fast(error: Error, spec: EntrySpec) -> _Fast:
    head = b'{"jsonrpc":"2.0","error":{"code":' + dumps(spec.jsonrpc_code) + b',"message":'
    static = spec.static_message
    data = None if spec.jsonrpc_bare else _data_head(error, spec)
    return _Fast(
        head,
        dump_value(static) if static is not None else None,
        data,
        b',"data":' + dumps(data) if data is not None else b"",
        headers(error, spec, None, MEDIA_TYPE, "h:jsonrpc"),
    )


def render_jsonrpc(
    error: Error, spec: EntrySpec, message: str, texts: Texts | None, id: Any
) -> Rendered:
    """Render ``error`` as a JSON-RPC 2.0 error response."""
    if texts is None and error.__dict__.keys() <= PLAIN_STATE:
        # Nothing but parameters set on the instance: splice into precomputed bytes
        # (the same bytes orjson writes for the whole response).
        fast = spec.cache.get("jsonrpc")
        if fast is None:
            fast = spec.cache["jsonrpc"] = _fast(error, spec)
        if fast.message is not None and message is spec.static_message:
            body = fast.head + fast.message
        else:
            try:
                body = fast.head + _orjson_dumps(message)
            except TypeError:
                body = fast.head + dumps(message)
        params = error.public_params if error.params else None
        if params:
            data = fast.data if fast.data is not None else {"code": error.code}
            body += b',"data":' + dump_value({**data, "params": params})
        else:
            body += fast.data_bytes
        if id is None:
            body += b'},"id":null}'
        else:
            body += b'},"id":' + dump_value(id) + b"}"
        return _new(Rendered, (spec.jsonrpc_status, fast.headers, body, MEDIA_TYPE))
    body = {"jsonrpc": "2.0", "error": error_object(error, spec, message), "id": id}
    hdrs = headers(error, spec, texts, MEDIA_TYPE, "h:jsonrpc")
    return _new(Rendered, (_status(error, spec), hdrs, dumps(body), MEDIA_TYPE))


def _status(error: Error, spec: EntrySpec) -> int:
    own = vars(error).get("status")
    return own if type(own) is int else spec.jsonrpc_status


def jsonrpc_profile(*, http_200: bool = False) -> Profile:
    """Return a JSON-RPC profile; ``http_200=True`` sends every error with HTTP 200
    (Alchemy's convention) instead of the status the catalog states (ZAN's)."""
    if not http_200:
        return render_jsonrpc

    def render_jsonrpc_200(
        error: Error, spec: EntrySpec, message: str, texts: Texts | None, id: Any
    ) -> Rendered:
        return render_jsonrpc(error, spec, message, texts, id)._replace(status=200)

    return render_jsonrpc_200


def render_batch(
    items: Sequence[Any], *, locale: str | None = None, catalog: Catalog | None = None
) -> Rendered:
    """Render a JSON-RPC batch response: a JSON array, one member per item.

    An item is an exception (id null), an ``(exception, id)`` pair, or a
    mapping — an already built response such as ``{"jsonrpc": "2.0", "result": 1,
    "id": 2}`` — copied as is.
    """
    out: list[Any] = []
    for item in items:
        if isinstance(item, Mapping):
            out.append(item)
            continue
        request_id = None
        if type(item) is tuple and len(item) == 2:
            item, request_id = item
        if not isinstance(item, BaseException):
            item = TypeError(f"not an exception: {type(item).__name__}")
        error = as_error(item, catalog)
        spec, message, _ = localize(error, locale)
        out.append(
            {"jsonrpc": "2.0", "error": error_object(error, spec, message), "id": request_id}
        )
    if not out:
        return Rendered(204, (), b"", MEDIA_TYPE)
    return Rendered(200, (("Content-Type", MEDIA_TYPE),), dumps(out), MEDIA_TYPE)


def read_jsonrpc(body: Any) -> dict[str, Any] | None:
    """Return the fields of a JSON-RPC error response, or None if it is not one."""
    if type(body) is not dict:
        return None
    err = body.get("error")
    if type(err) is not dict or "code" not in err:
        return None
    if "status" in err and "jsonrpc" not in body:  # google.rpc.Status
        return None
    data = err.get("data")
    fields: dict[str, Any] = {
        "jsonrpc_code": err.get("code"),
        "code": None,
        "space": None,
        "name": None,
        "message": err.get("message"),
        "params": None,
        "subs": None,
        "sub_message_key": "message",
        "data": data,
        "id": body.get("id"),
    }
    if type(data) is list:
        fields["subs"] = data
    elif type(data) is dict and "code" in data:
        fields.update(
            code=data.get("code"),
            space=data.get("space"),
            name=data.get("name"),
            params=data.get("params"),
            subs=data.get("errors"),
        )
    return fields
