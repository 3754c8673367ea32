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

from typing import Any, NamedTuple

import orjson

from errdex.runtime.errors import PLAIN_STATE, Error
from errdex.runtime.render import (
    Rendered,
    dump_value,
    dumps,
    headers,
    retry_seconds,
    sub_error_dicts,
)
from errdex.runtime.spec import EntrySpec, Texts

MEDIA_TYPE = "application/problem+json"
_new = tuple.__new__
_orjson_dumps = orjson.dumps


def _class_members(error: Error, spec: EntrySpec) -> dict[str, Any]:
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
    if error.retry_after is not None:
        tail["retry_after"] = error.retry_after
    return tail


class _Fast(NamedTuple):
    """An entry's problem document as precomputed bytes around its variable members."""

    head: bytes  # {"type":…,"title":…,"status":…,"detail":
    detail: bytes | None  # the static message, serialized
    tail: bytes  # ,"code":…,"name":… (no closing brace)
    headers: tuple[tuple[str, str], ...]


def _fast(error: Error, spec: EntrySpec) -> _Fast:
    head = dumps({"type": spec.type_url, "title": spec.title, "status": error.status})
    tail = dumps(_class_members(error, spec))
    static = spec.static_message
    seconds = retry_seconds(error.retry_after)
    hdrs: tuple[tuple[str, str], ...] = (("Content-Type", MEDIA_TYPE),)
    if seconds is not None:
        hdrs += (("Retry-After", str(seconds)),)
    return _Fast(
        head[:-1] + b',"detail":',
        dump_value(static) if static is not None else None,
        b"," + tail[1:-1] if len(tail) > 2 else b"",
        hdrs,
    )


def render_problem(
    error: Error, spec: EntrySpec, message: str, texts: Texts | None, id: Any
) -> Rendered:
    """Render ``error`` as a problem details document."""
    if texts is None and error.__dict__.keys() <= PLAIN_STATE:
        # Nothing but parameters set on the instance: splice into precomputed bytes
        # (the same bytes orjson writes for the whole document).
        fast = spec.cache.get("problem")
        if fast is None:
            fast = spec.cache["problem"] = _fast(error, spec)
        if fast.detail is not None and message is spec.static_message:
            body = fast.head + fast.detail
        else:
            try:
                body = fast.head + _orjson_dumps(message)
            except TypeError:
                body = fast.head + dumps(message)
        if id is not None:
            body += b',"instance":' + dump_value(str(id))
        body += fast.tail
        if error.params:
            params = error.public_params
            if params:
                body += b',"params":' + dump_value(params)
        return _new(Rendered, (error.status, fast.headers, body + b"}", MEDIA_TYPE))
    return _render_full(error, spec, message, texts, id)


def _render_full(
    error: Error, spec: EntrySpec, message: str, texts: Texts | None, id: Any
) -> Rendered:
    status = error.status
    body: dict[str, Any] = {
        "type": spec.type_url,
        "title": spec.title if texts is None or spec.type_url == "about:blank" else texts.title,
        "status": status,
        "detail": message,
    }
    if id is not None:
        body["instance"] = str(id)
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
