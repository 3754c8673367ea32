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
    is_plain,
    params_bytes,
    single_slot,
    sub_error_dicts,
)
from errdex.runtime.spec import EntrySpec, Texts
from errdex.runtime.template import string_filler, two_slots
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

    It renders a plain error (nothing set but parameters) and returns None for
    anything else (the full path then renders it); its bytes are the ones orjson
    writes for the whole document. Parameters that are all short strings (the common
    case) are dumped as they are, and the message filled by a template compiled for them;
    a static message, one placeholder and two placeholders each get an unrolled front."""
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
    fill, fill_strings = template.fill, string_filler(template)
    private = bool(spec.private)
    join = b"".join

    def render_fast(error: Error, id: Any) -> Rendered | None:
        if not is_plain(error.__dict__):
            return None
        params = error.params
        try:  # TypeError: orjson refuses a value (lone surrogate, huge int, key): full path
            inst = b"" if id is None else b',"instance":' + _orjson_dumps(instance(id))
            if params and not private:
                for value in params.values():
                    if type(value) is not str or len(value) > PUBLIC_CAP:
                        break
                else:  # every value a short string: dumped as it is
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

    if detail is not None:
        whole = _new(Rendered, (status, hdrs, head + detail + closed, MEDIA_TYPE))

        def render_static(error: Error, id: Any) -> Rendered | None:
            """``render_fast``, with the prebuilt response of an error with nothing set."""
            if id is None and not error.__dict__:
                return whole
            return render_fast(error, id)

        return render_static
    slot = single_slot(spec, texts)
    if slot is not None:
        return _one_front(render_fast, slot, head, tail, status, hdrs)
    two = two_slots(template)
    if two is not None:
        return _two_front(render_fast, two, head, params_key, status, hdrs)
    return render_fast


def _one_front(
    render_fast: FastProfile,
    slot: tuple[str, bytes, bytes],
    head: bytes,
    tail: bytes,
    status: int,
    hdrs: tuple[tuple[str, str], ...],
) -> FastProfile:
    """``render_fast`` with a front for ``"lead{name}after"`` given its one short string:
    the value is escaped once and its bytes go in twice (``detail`` and ``params``)."""
    name, lead, after = slot
    before_value = head + b'"' + lead
    after_value = after + b'"'
    params_open = tail + b',"params":{' + dumps(name) + b':"'
    no_id = after_value + params_open
    join = b"".join

    def render_one(error: Error, id: Any) -> Rendered | None:
        state = error.__dict__  # plain: nothing set but the one parameter
        params: Any = state.get("params") if len(state) == 1 else None
        try:  # TypeError: no params (None), a lone surrogate, an id orjson refuses
            if len(params) == 1:
                value = params[name]  # KeyError: another name
                if type(value) is str and len(value) <= PUBLIC_CAP:
                    if value.isprintable() and '"' not in value and "\\" not in value:
                        text = value.encode()  # nothing to escape (wire.md §3)
                    else:
                        text = _orjson_dumps(value)[1:-1]
                    if id is None:
                        body = join((before_value, text, no_id, text, b'"}}'))
                    else:
                        inst = _orjson_dumps(instance(id))
                        pieces = (before_value, text, after_value, b',"instance":', inst)
                        body = join((*pieces, params_open, text, b'"}}'))
                    return _new(Rendered, (status, hdrs, body, MEDIA_TYPE))
        except (TypeError, KeyError):
            pass
        return render_fast(error, id)

    return render_one


def _two_front(
    render_fast: FastProfile,
    two: tuple[str, str, str, str, str],
    head: bytes,
    params_key: bytes,
    status: int,
    hdrs: tuple[tuple[str, str], ...],
) -> FastProfile:
    """``render_fast`` with a front for two placeholders given exactly their two short
    strings (both public: they are placeholders of the public template) and no id."""
    lead, n1, a1, n2, a2 = two
    join = b"".join
    limit = PUBLIC_CAP + len(lead) + len(a1) + len(a2)  # len(filled) with two short values

    def render_two(error: Error, id: Any) -> Rendered | None:
        state = error.__dict__  # plain: nothing set but the two parameters
        params: Any = state.get("params") if id is None and len(state) == 1 else None
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
                    body = join((head, text, params_key, _orjson_dumps(params), b"}"))
                    return _new(Rendered, (status, hdrs, body, MEDIA_TYPE))
        except (TypeError, KeyError):
            pass
        return render_fast(error, id)

    return render_two


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
