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
from typing import Any

import orjson

from errdex.model import Catalog
from errdex.runtime.errors import Error
from errdex.runtime.hygiene import public_view
from errdex.runtime.internal_policy import as_error
from errdex.runtime.profiles.common import (
    WIRE_IDS,
    FastProfile,
    Profile,
    Rendered,
    dump_value,
    dumps,
    fast_headers,
    headers,
    is_plain,
    localize,
    params_bytes,
    single_slot,
    sub_error_dicts,
)
from errdex.runtime.spec import EntrySpec, Texts
from errdex.runtime.template import string_filler, two_slots
from errdex.runtime.text import PUBLIC_CAP

MEDIA_TYPE = "application/json"
_new = tuple.__new__
_orjson_dumps = orjson.dumps
"""The integers orjson writes as numbers."""


def _data_head(error: Error | type[Error], spec: EntrySpec) -> dict[str, Any]:
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


def fast_jsonrpc(cls: type[Error], spec: EntrySpec, texts: Texts | None = None) -> FastProfile:
    """Return the fast renderer of one entry class: its JSON-RPC response as bytes
    precomputed around the variable members (``message``, ``data.params``, ``id``),
    in the catalog's language or, with ``texts``, in one negotiated locale.

    It renders a plain error (nothing set but parameters) and returns None for
    anything else (the full path then renders it); its bytes are the ones orjson
    writes for the whole response. Parameters that are all short strings (the common
    case) are dumped as they are, and the message filled by a template compiled for them;
    a static message, one placeholder and two placeholders each get an unrolled front."""
    status = spec.jsonrpc_status
    hdrs = fast_headers(cls, MEDIA_TYPE, texts)
    head = b'{"jsonrpc":"2.0","error":{"code":' + dumps(spec.jsonrpc_code) + b',"message":'
    data_head = _data_head(cls, spec)
    # Without parameters, data names the entry unless the wire code alone does.
    no_params = (b"" if spec.jsonrpc_bare else b',"data":' + dumps(data_head)) + b'},"id":'
    params_open = b',"data":' + dumps(data_head)[:-1] + b',"params":'
    template = spec.public if texts is None else texts.public
    static = template.static
    message = dump_value(static) if static is not None else None
    fill, fill_strings = template.fill, string_filler(template)
    private = bool(spec.private)
    join = b"".join

    def render_fast(error: Error, id: Any) -> Rendered | None:
        if not is_plain(error.__dict__) or (id is not None and type(id) not in WIRE_IDS):
            return None
        params = error.params
        try:  # TypeError: orjson refuses a value (lone surrogate, huge int, key): full path
            id_bytes = b"null}" if id is None else _orjson_dumps(id) + b"}"
            if not params:
                text = message if message is not None else _orjson_dumps(fill(params))
                body = join((head, text, no_params, id_bytes))
                return _new(Rendered, (status, hdrs, body, MEDIA_TYPE))
            if not private:
                for value in params.values():
                    if type(value) is not str or len(value) > PUBLIC_CAP:
                        break
                else:  # every value a short string: dumped as it is
                    text = message if message is not None else _orjson_dumps(fill_strings(params))
                    pieces = (head, text, params_open, _orjson_dumps(params), b'}},"id":', id_bytes)
                    return _new(Rendered, (status, hdrs, join(pieces), MEDIA_TYPE))
            text = message if message is not None else _orjson_dumps(fill(params))
        except TypeError:
            return None
        found = params_bytes(error, spec)
        if found is None:
            body = join((head, text, no_params, id_bytes))
        else:
            body = join((head, text, params_open, found, b'}},"id":', id_bytes))
        return _new(Rendered, (status, hdrs, body, MEDIA_TYPE))

    if message is not None:
        return _static_front(render_fast, head + message + no_params, status, hdrs)
    slot = single_slot(spec, texts)
    if slot is not None:
        return _one_front(render_fast, slot, head, params_open, status, hdrs)
    two = two_slots(template)
    if two is not None:
        return _two_front(render_fast, two, head, params_open, status, hdrs)
    return render_fast


def _static_front(
    render_fast: FastProfile, prefix: bytes, status: int, hdrs: tuple[tuple[str, str], ...]
) -> FastProfile:
    """``render_fast`` for a static message, with the response before its ``id`` prebuilt:
    an error with nothing set and no id is a prebuilt response; a string or number id
    is spliced into it as orjson writes it (see :data:`WIRE_IDS`)."""
    whole = _new(Rendered, (status, hdrs, prefix + b"null}", MEDIA_TYPE))
    around = (prefix, b"}")  # joined by the id's bytes: prefix + id + "}", one copy

    def render_static(error: Error, id: Any) -> Rendered | None:
        if not error.__dict__:  # nothing set: no parameters either
            if id is None:
                return whole
            if type(id) in WIRE_IDS:
                try:
                    body = _orjson_dumps(id).join(around)
                except TypeError:  # a lone surrogate, an integer beyond 64 bits: full path
                    return None
                return _new(Rendered, (status, hdrs, body, MEDIA_TYPE))
        return render_fast(error, id)

    return render_static


def _one_front(
    render_fast: FastProfile,
    slot: tuple[str, bytes, bytes],
    head: bytes,
    params_open: bytes,
    status: int,
    hdrs: tuple[tuple[str, str], ...],
) -> FastProfile:
    """``render_fast`` with a front for ``"lead{name}after"`` given its one short string:
    the value is escaped once and its bytes go in twice (``message`` and ``params``)."""
    name, lead, after = slot
    before_value = head + b'"' + lead
    between = after + b'"' + params_open + b"{" + dumps(name) + b':"'
    ids_key = b'"}}},"id":'
    join = b"".join

    def render_one(error: Error, id: Any) -> Rendered | None:
        state = error.__dict__  # plain: nothing set but the one parameter
        wire_id = id is None or type(id) in WIRE_IDS
        params: Any = state.get("params") if wire_id and len(state) == 1 else None
        try:  # TypeError: no params (None), a lone surrogate, an id orjson refuses
            if len(params) == 1:
                value = params[name]  # KeyError: another name
                if type(value) is str and len(value) <= PUBLIC_CAP:
                    if value.isprintable() and '"' not in value and "\\" not in value:
                        text = value.encode()  # nothing to escape (wire.md §3)
                    else:
                        text = _orjson_dumps(value)[1:-1]
                    id_bytes = b"null" if id is None else _orjson_dumps(id)
                    pieces = (before_value, text, between, text, ids_key, id_bytes, b"}")
                    return _new(Rendered, (status, hdrs, join(pieces), MEDIA_TYPE))
        except (TypeError, KeyError):
            pass
        return render_fast(error, id)

    return render_one


def _two_front(
    render_fast: FastProfile,
    two: tuple[str, str, str, str, str],
    head: bytes,
    params_open: bytes,
    status: int,
    hdrs: tuple[tuple[str, str], ...],
) -> FastProfile:
    """``render_fast`` with a front for two placeholders given exactly their two short
    strings (both public: they are placeholders of the public template)."""
    lead, n1, a1, n2, a2 = two
    join = b"".join
    limit = PUBLIC_CAP + len(lead) + len(a1) + len(a2)  # len(filled) with two short values
    ids_key = b'}},"id":'

    def render_two(error: Error, id: Any) -> Rendered | None:
        state = error.__dict__  # plain: nothing set but the two parameters
        wire_id = id is None or type(id) in WIRE_IDS
        params: Any = state.get("params") if wire_id and len(state) == 1 else None
        try:  # TypeError: no params (None), a lone surrogate; KeyError: other names
            if len(params) == 2:
                v1, v2 = params[n1], params[n2]
                if type(v1) is str and type(v2) is str:
                    filled = f"{lead}{v1}{a1}{v2}{a2}"  # exact strs: as str.join
                    # the two lengths within the cap in sum: both are (the usual case, one
                    # test); past it, each one is tested
                    if len(filled) > limit and (len(v1) > PUBLIC_CAP or len(v2) > PUBLIC_CAP):
                        return render_fast(error, id)
                    text = _orjson_dumps(filled)
                    id_bytes = b"null" if id is None else _orjson_dumps(id)
                    pieces = (
                        head,
                        text,
                        params_open,
                        _orjson_dumps(params),
                        ids_key,
                        id_bytes,
                        b"}",
                    )
                    return _new(Rendered, (status, hdrs, join(pieces), MEDIA_TYPE))
        except (TypeError, KeyError):
            pass
        return render_fast(error, id)

    return render_two


def render_jsonrpc(
    error: Error, spec: EntrySpec, message: str, texts: Texts | None, id: Any
) -> Rendered:
    """Render ``error`` as a JSON-RPC 2.0 error response."""
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
        error = public_view(as_error(item, catalog))
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
