"""RFC 9457 problem details (``application/problem+json``).

Members: ``type`` (the entry's docs URL, else ``about:blank``), ``title`` (stable
per code; the HTTP reason phrase with ``about:blank``, as the RFC asks),
``status``, ``detail`` (the rendered message), ``instance`` (the ``id``
argument), and the extension members ``code``, ``name``, ``space`` (only when
the code exists in several spaces), ``retryable``, ``retry_after``, ``params``
(public parameters), ``errors`` (sub-errors: ``{code, detail, [space], [params]}``)
and ``data`` when set.
"""

from __future__ import annotations

from typing import Any

import orjson

from errdex.runtime.errors import Error
from errdex.runtime.profiles.common import (
    FastProfile,
    Rendered,
    dump_value,
    dumps,
    fast_headers,
    headers,
    params_bytes,
    single_slot,
    sub_error_dicts,
)
from errdex.runtime.spec import EntrySpec, Texts
from errdex.runtime.template import string_filler
from errdex.runtime.text import PUBLIC_CAP, safe_str

MEDIA_TYPE = "application/problem+json"
_new = tuple.__new__
_orjson_dumps = orjson.dumps


def _class_members(error: Error | type[Error], spec: EntrySpec) -> dict[str, Any]:
    """The extension members an error takes from its class alone."""
    tail: dict[str, Any] = {}
    if error.code is not None:
        tail["code"] = error.code
    if error.name is not None:
        tail["name"] = error.name
    if spec.ambiguous:
        tail["space"] = error.space
    if error.retryable is not None:
        tail["retryable"] = error.retryable
    retry_after = error.retry_after if error.retryable is not False else None
    if retry_after is not None:
        tail["retry_after"] = retry_after
    return tail


def fast_problem(cls: type[Error], spec: EntrySpec, texts: Texts | None = None) -> FastProfile:
    """Return the fast renderer of one entry class: its problem document as bytes
    precomputed around the variable members (``detail``, ``instance``, ``params``),
    in the catalog's language or, with ``texts``, in one negotiated locale.

    It renders an error with nothing but parameters set, and returns None for
    anything else (the full path then renders it); its bytes are the ones orjson
    writes for the whole document. Parameters that are all short strings (the
    common case) are filled by a template compiled for them and dumped as they are."""
    status = cls.status
    title = spec.title if texts is None or spec.type_url == "about:blank" else texts.title
    head = dumps({"type": spec.type_url, "title": title, "status": status})
    head = head[:-1] + b',"detail":'
    members = dumps(_class_members(cls, spec))
    tail = b"," + members[1:-1] if len(members) > 2 else b""
    closed = tail + b"}"
    params_key = tail + b',"params":'
    hdrs = fast_headers(cls, MEDIA_TYPE, texts)
    template = spec.public if texts is None else texts.public
    static = template.static
    detail = dump_value(static) if static is not None else None
    whole = (
        None
        if detail is None
        else _new(Rendered, (status, hdrs, head + detail + closed, MEDIA_TYPE))
    )
    fill, fill_strings = template.fill, string_filler(template)
    private = bool(spec.private)
    slot = single_slot(spec, texts)
    if slot is not None:  # "lead{name}after": the value's escaped bytes go in twice
        name, lead, after = slot
        before_value = head + b'"' + lead
        after_value = after + b'"'
        params_open = tail + b',"params":{' + dumps(name) + b':"'
        no_id = after_value + params_open
    join = b"".join

    def render_fast(error: Error, id: Any) -> Rendered | None:
        params = error.params
        if not params and id is None and whole is not None:
            return whole
        try:  # TypeError: orjson refuses a value (lone surrogate, huge int, key): full path
            inst = b"" if id is None else b',"instance":' + _orjson_dumps(instance(id))
            if params and not private:
                for value in params.values():
                    if type(value) is not str or len(value) > PUBLIC_CAP:
                        break
                else:  # every value a short string: dumped as it is
                    if slot is not None and len(params) == 1:
                        value = params.get(name)
                        if value is not None:
                            text = _orjson_dumps(value)[1:-1]
                            if id is None:
                                body = join((before_value, text, no_id, text, b'"}}'))
                            else:
                                pieces = (before_value, text, after_value, inst, params_open)
                                body = join((*pieces, text, b'"}}'))
                            return _new(Rendered, (status, hdrs, body, MEDIA_TYPE))
                    message = detail if detail is not None else _orjson_dumps(fill_strings(params))
                    body = join((head, message, inst, params_key, _orjson_dumps(params), b"}"))
                    return _new(Rendered, (status, hdrs, body, MEDIA_TYPE))
            message = detail if detail is not None else _orjson_dumps(fill(params))
        except TypeError:
            return None
        if not params:
            return _new(Rendered, (status, hdrs, join((head, message, inst, closed)), MEDIA_TYPE))
        found = params_bytes(error, spec)
        if found is None:
            body = join((head, message, inst, closed))
        else:
            body = join((head, message, inst, params_key, found, b"}"))
        return _new(Rendered, (status, hdrs, body, MEDIA_TYPE))

    return render_fast


def render_problem(
    error: Error, spec: EntrySpec, message: str, texts: Texts | None, id: Any
) -> Rendered:
    """Render ``error`` as a problem details document."""
    status = error.status
    body: dict[str, Any] = {
        "type": spec.type_url,
        "title": spec.title if texts is None or spec.type_url == "about:blank" else texts.title,
        "status": status,
        "detail": message,
    }
    if id is not None:
        body["instance"] = instance(id)
    body.update(_class_members(error, spec))
    params = error.public_params if error.params else None
    if params:
        body["params"] = params
    if error.sub_errors:
        body["errors"] = sub_error_dicts(error, "detail")
    if error.data is not None:
        body["data"] = error.data
    hdrs = headers(error, spec, texts, MEDIA_TYPE, "h:problem")
    return _new(Rendered, (status, hdrs, dumps(body), MEDIA_TYPE))


def instance(id: Any) -> str:
    """The ``instance`` member for a request id: the id as text; never raises."""
    return id if type(id) is str else safe_str(id, 4 * PUBLIC_CAP)


def read_problem(body: Any, content_type: str) -> dict[str, Any] | None:
    """Return the fields of a problem document (code, message, …), or None if it is not one."""
    if type(body) is not dict:
        return None
    is_problem = content_type.startswith(MEDIA_TYPE) or (
        "detail" in body or ("type" in body and "title" in body)
    )
    if not is_problem or "error" in body:
        return None
    return {
        "code": body.get("code"),
        "space": body.get("space"),
        "name": body.get("name"),
        "message": body.get("detail") if body.get("detail") is not None else body.get("title"),
        "status": body.get("status"),
        "params": body.get("params"),
        "retryable": body.get("retryable"),
        "retry_after": body.get("retry_after"),
        "subs": body.get("errors"),
        "sub_message_key": "detail",
        "data": body.get("data"),
        "instance": body.get("instance"),
    }
