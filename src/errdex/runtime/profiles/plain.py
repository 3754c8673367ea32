"""Plain JSON profiles a catalog declares in ``[profiles.NAME]``.

``body`` is a JSON template: a string starting with ``$`` is a reference
(``$code``, ``$message``, ``$data`` …, see :data:`REFERENCES`), ``$$`` starts a
literal dollar, anything else is copied. ``[profiles.subquery] body = {code =
"$code", error = "$message"}`` renders ``{"code":1051,"error":"Daily limit: …"}``,
compact and in the template's key order, as Rust's serde_json and Go's
encoding/json write it. (Unlike Go's default encoder, ``<``, ``>`` and ``&`` are not
``\\u``-escaped: errdex writes what serde_json and Gin's ``PureJSON`` write.)

``$data`` is the error's ``data``, else its sub-errors (``[{code, message}]``),
else null; ``$params`` the public parameters (``{}`` when none); ``$docs_url``
null without a docs URL. The status is the profile's ``status`` when it fixes
one, else the error's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from errdex.model import Catalog
from errdex.runtime.errors import Error
from errdex.runtime.profiles.common import (
    Profile,
    Rendered,
    dumps,
    headers,
    retry_after_sent,
    sub_error_dicts,
)
from errdex.runtime.spec import EntrySpec, Texts
from errdex.runtime.state import runtime_of

_new = tuple.__new__


class Context(NamedTuple):
    """What a ``$reference`` may read besides the error."""

    spec: EntrySpec
    message: str
    texts: Texts | None
    id: Any


Getter = Callable[[Error, Context], Any]


def _data(error: Error, ctx: Context) -> Any:
    if error.data is not None:
        return error.data
    if error.sub_errors:
        return sub_error_dicts(error, "message")
    return None


REFERENCES: dict[str, Getter] = {
    "code": lambda e, c: e.code,
    "name": lambda e, c: e.name,
    "message": lambda e, c: c.message,
    "title": lambda e, c: c.spec.title if c.texts is None else c.texts.title,
    "description": lambda e, c: (c.texts or c.spec.texts(None)).description,
    "solution": lambda e, c: (c.texts or c.spec.texts(None)).solution,
    "status": lambda e, c: e.status,
    "jsonrpc_code": lambda e, c: c.spec.jsonrpc_code,
    "retryable": lambda e, c: e.retryable,
    "retry_after": lambda e, c: retry_after_sent(e),
    "data": _data,
    "context": lambda e, c: e.context,
    "params": lambda e, c: e.public_params,
    "id": lambda e, c: c.id,
    "docs_url": lambda e, c: None if c.spec.type_url == "about:blank" else c.spec.type_url,
    "catalog": lambda e, c: e.catalog.meta.id if e.catalog is not None else None,
    "module": lambda e, c: e.module,
    "space": lambda e, c: e.space,
}
"""The ``$references`` of a plain profile body and what each renders."""


def compile_body(node: Any) -> Callable[[Error, Context], Any]:
    """Compile a body template into a function of (error, context)."""
    if type(node) is str:
        if node.startswith("$$"):
            text = node[1:]
            return lambda e, c: text
        if node.startswith("$") and node[1:] in REFERENCES:
            return REFERENCES[node[1:]]
        return lambda e, c: node
    if isinstance(node, dict):
        items = tuple((str(k), compile_body(v)) for k, v in node.items())
        return lambda e, c: {k: f(e, c) for k, f in items}
    if isinstance(node, (list, tuple)):
        parts = tuple(compile_body(v) for v in node)
        return lambda e, c: [f(e, c) for f in parts]
    return lambda e, c: node


def field_map(node: Any, path: tuple[str | int, ...] = ()) -> dict[str, tuple[str | int, ...]]:
    """Return where each ``$reference`` sits in a body template: ``{"code": ("code",), …}``."""
    found: dict[str, tuple[str | int, ...]] = {}
    if type(node) is str and node.startswith("$") and not node.startswith("$$"):
        found.setdefault(node[1:], path)
    elif isinstance(node, dict):
        for key, value in node.items():
            for ref, where in field_map(value, (*path, str(key))).items():
                found.setdefault(ref, where)
    elif isinstance(node, (list, tuple)):
        for index, value in enumerate(node):
            for ref, where in field_map(value, (*path, index)).items():
                found.setdefault(ref, where)
    return found


def plain_profile(catalog: Catalog, name: str) -> Profile:
    """Return the render function of the catalog's profile ``name`` (compiled once)."""
    state = runtime_of(catalog)
    cache = state.plain_profiles
    found: Profile | None = cache.get(name)
    if found is not None:
        return found
    declared = catalog.profiles[name]
    build = compile_body(declared.body)
    media_type = declared.content_type or "application/json"
    fixed = declared.status
    key = "h:plain:" + media_type

    def render_plain(
        error: Error, spec: EntrySpec, message: str, texts: Texts | None, id: Any
    ) -> Rendered:
        status = fixed if fixed is not None else error.status
        body = build(error, _new(Context, (spec, message, texts, id)))
        return _new(
            Rendered,
            (status, headers(error, spec, texts, media_type, key), dumps(body), media_type),
        )

    render_plain.__name__ = f"render_{name}"
    render_plain.__doc__ = f"Render an error in catalog profile {name!r}."
    cache[name] = render_plain
    return render_plain


def _at(body: Any, path: tuple[str | int, ...]) -> tuple[bool, Any]:
    for step in path:
        if type(step) is int:
            if type(body) is not list or step >= len(body):
                return False, None
        elif type(body) is not dict or step not in body:
            return False, None
        body = body[step]
    return True, body


def read_plain(
    body: Any,
    catalog: Catalog,
    maps: Sequence[tuple[str, dict[str, tuple[str | int, ...]], Any]] | None = None,
) -> tuple[str, dict[str, Any]] | None:
    """Match a body against the catalog's plain profiles; return (profile, fields) or None.

    A profile matches when the body has its ``$code`` field; among several the
    one matching the most of its fields (then: the one with no extra keys) wins.
    ``maps`` are the profiles' ``(name, field_map(body), body)``, when precomputed.
    """
    if maps is None:
        maps = [(name, field_map(p.body), p.body) for name, p in catalog.profiles.items()]
    best: tuple[tuple[int, int], str, dict[str, Any]] | None = None
    for name, where, template in maps:
        if "code" not in where:
            continue
        values: dict[str, Any] = {}
        for ref, path in where.items():
            ok, value = _at(body, path)
            if ok:
                values[ref] = value
        if "code" not in values:
            continue
        extra = (
            len(body) - len(template)
            if isinstance(body, dict) and isinstance(template, dict)
            else 0
        )
        score = (len(values), -abs(extra))
        if best is None or score > best[0]:
            best = (score, name, values)
    if best is None:
        return None
    _, name, values = best
    data = values.get("data")
    return name, {
        "code": values.get("code"),
        "space": values.get("space"),
        "name": values.get("name"),
        "message": values.get("message"),
        "status": values.get("status") if type(values.get("status")) is int else None,
        "params": values.get("params"),
        "retryable": values.get("retryable"),
        "retry_after": values.get("retry_after"),
        "subs": data if type(data) is list else None,
        "sub_message_key": "message",
        "data": data,
        "context": values.get("context"),
        "id": values.get("id"),
    }
