"""``errdex.decode``: a response (status, headers, body) back to a catalog error.

Recognises every profile errdex renders — google.rpc.Status, JSON-RPC (single
and batch), problem+json, the catalog's plain profiles (by their field maps) —
and generic ``{"code", "message"|"msg"|"error"|…}`` bodies. Then:

1. **Entry.** By catalog code (and space when the envelope names one); by
   JSON-RPC code; by google ``reason``; by name; for a body with no code, by the
   HTTP status in an ``http`` space. Several candidates (Alchemy's -32000 is both
   "Server error" and Parity's UNSUPPORTED_REQUEST) are told apart by the
   message — a known variant (``"already known"``), the entry's message, title
   or name — then the HTTP status, then catalog order.
2. **Unknown code.** The error is an instance of the module class the code
   falls in (string prefix ``AUTH-ERR-``, numeric range), else of a space class
   (a JSON-RPC code → the catalog's ``jsonrpc`` space), else of
   ``ClientError``/``ServerError`` by HTTP class; ``.entry`` is None and the raw
   code, message and data are kept.
3. **Sub-errors** (a list in JSON-RPC ``data``, problem ``errors``, google
   ``BadRequest``) are decoded too, in the spaces ``carried_in`` the error's space first.
4. **Retry hint.** The server's ``Retry-After`` header or google ``RetryInfo``,
   then the body's ``retryable``/``retry_after`` members, then the matched
   variant and the entry, then the HTTP class (429/503 … retryable, other 4xx not).

Never raises on bad input: an unparseable body gives an error whose ``raw`` is
the (capped) text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from errdex.model import Catalog, Entry, Variant, normalize_code
from errdex.runtime.errors import Error
from errdex.runtime.profiles.google import read_google
from errdex.runtime.profiles.jsonrpc import read_jsonrpc
from errdex.runtime.profiles.plain import read_plain
from errdex.runtime.profiles.problem import read_problem
from errdex.runtime.retry import parse_duration, parse_retry_after
from errdex.runtime.spec import EntrySpec, google_reason, wire_jsonrpc_code
from errdex.runtime.state import CatalogRuntime, runtime_of
from errdex.runtime.status import phrase, retryable_by_class
from errdex.runtime.text import PUBLIC_CAP, cap, coerce_back, safe_str

RAW_CAP = 4096
"""Longest raw text an undecodable body keeps (``Error.raw``)."""
MESSAGE_CAP = 4 * PUBLIC_CAP
_MESSAGE_KEYS = (
    "message",
    "msg",
    "error",
    "detail",
    "error_message",
    "errorMessage",
    "description",
)
_SUB_LIMIT = 256

Headers = Mapping[str, str] | Iterable[tuple[str, str]] | None


class _Index:
    """Lookup tables for decoding, built once per catalog on first decode."""

    def __init__(self, catalog: Catalog) -> None:
        kinds = {s.id: s.kind for s in catalog.spaces.values()}
        self.by_jsonrpc: dict[int, list[Entry]] = {}
        for entry in catalog.entries:
            code = wire_jsonrpc_code(entry, kinds.get(entry.space, "app"))
            if code is not None:
                self.by_jsonrpc.setdefault(code, []).append(entry)
        self._by_reason: dict[str, list[Entry]] | None = None
        self.catalog = catalog

    @property
    def by_reason(self) -> dict[str, list[Entry]]:
        if self._by_reason is None:
            found: dict[str, list[Entry]] = {}
            for entry in self.catalog.entries:
                found.setdefault(google_reason(entry), []).append(entry)
            self._by_reason = found
        return self._by_reason


def _index(state: CatalogRuntime) -> _Index:
    index = state.decode_index
    if index is None:
        index = state.decode_index = _Index(state.catalog)
    return index


# -- input ------------------------------------------------------------------------


def _header_map(headers: Headers) -> dict[str, str]:
    out: dict[str, str] = {}
    if headers is None:
        return out
    try:
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


_UNPARSED = object()


def _parse(body: Any) -> tuple[Any, str]:
    if isinstance(body, (dict, list)):
        return body, ""
    if body is None:
        return _UNPARSED, ""
    if isinstance(body, (bytes, bytearray, memoryview)):
        raw = bytes(body)
        try:
            return orjson.loads(raw), ""
        except orjson.JSONDecodeError:
            return _UNPARSED, cap(raw[: RAW_CAP * 4].decode("utf-8", "replace"), RAW_CAP)
    if type(body) is str:
        try:
            return orjson.loads(body), ""
        except orjson.JSONDecodeError:
            return _UNPARSED, cap(body, RAW_CAP)
    return _UNPARSED, safe_str(body, RAW_CAP)


def _generic(body: Any) -> dict[str, Any] | None:
    if type(body) is not dict or "code" not in body:
        return None
    message = next((body[k] for k in _MESSAGE_KEYS if type(body.get(k)) is str), None)
    return {"code": body.get("code"), "message": message, "data": body.get("data")}


# -- entry resolution ----------------------------------------------------------------


def _norm(text: Any) -> str:
    return text.strip().rstrip(".").casefold() if type(text) is str else ""


def _variant(entry: Entry, message: str) -> Variant | None:
    wanted = _norm(message)
    if not wanted:
        return None
    for variant in entry.variants:
        if _norm(variant.message) == wanted:
            return variant
    for variant in entry.variants:
        known = _norm(variant.message)
        if known and wanted.startswith(known):
            return variant
    return None


def _score(entry: Entry, message: Any, status: Any, name: Any) -> int:
    score = 0
    if name and entry.name == name:
        score += 8
    wanted = _norm(message)
    if wanted:
        if _variant(entry, message) is not None:
            score += 4
        else:
            texts = [entry.message, entry.title, entry.name, entry.description]
            texts += [t.message for t in entry.translations.values()]
            if wanted in {_norm(t) for t in texts if t}:
                score += 3
            elif entry.message and "{" in entry.message:
                head = _norm(entry.message.split("{", 1)[0])
                if head and wanted.startswith(head):
                    score += 2
    if type(status) is int and entry.http_status == status:
        score += 1
    return score


def _choose(
    candidates: list[Entry] | tuple[Entry, ...], message: Any, status: Any, name: Any
) -> Entry | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    ranked = sorted(
        enumerate(candidates), key=lambda ie: (-_score(ie[1], message, status, name), ie[0])
    )
    return ranked[0][1]


def _code_key(code: Any) -> Any:
    if type(code) is bool or code is None:
        return None
    try:
        return normalize_code(code)
    except TypeError:
        return None


def _find(
    state: CatalogRuntime, fields: dict[str, Any], status: Any, prefer: tuple[str, ...] = ()
) -> Entry | None:
    catalog = state.catalog
    message, name = fields.get("message"), fields.get("name")
    key = _code_key(fields.get("code"))
    if key is not None:
        space = fields.get("space")
        if type(space) is str and space in catalog.spaces:
            found = catalog.get(key, space)
            if found is not None:
                return found
        for sp in prefer:
            found = catalog.get(key, sp)
            if found is not None:
                return found
        found = _choose(catalog.find(key), message, status, name)
        if found is not None:
            return found
    rpc = fields.get("jsonrpc_code")
    if key is None and type(rpc) is int:
        found = _choose(_index(state).by_jsonrpc.get(rpc, ()), message, status, name)
        if found is not None:
            return found
    reason = fields.get("reason")
    if key is None and type(reason) is str:
        found = _choose(_index(state).by_reason.get(reason, ()), message, status, name)
        if found is not None:
            return found
    if key is None and type(name) is str:
        found = catalog.by_name(name)
        if found is not None:
            return found
    return None


def _fallback_class(
    state: CatalogRuntime, code: Any, space: Any, status: Any, jsonrpc: bool
) -> type[Error]:
    catalog = state.catalog
    key = _code_key(code)
    if type(key) is str:
        for module in catalog.modules.values():
            if module.prefix and key.startswith(module.prefix.upper()):
                return state.module_class(module.id)
    elif type(key) is int:
        matches = [
            m for m in catalog.modules.values() if m.range and m.range[0] <= key <= m.range[1]
        ]
        if jsonrpc:
            kinds = {s.id: s.kind for s in catalog.spaces.values()}
            matches.sort(key=lambda m: kinds.get(m.space) != "jsonrpc")
        if matches:
            return state.module_class(matches[0].id)
    if type(space) is str and space in catalog.spaces:
        return state.space_class(space)
    if jsonrpc:
        for sp in catalog.spaces.values():
            if sp.kind == "jsonrpc":
                return state.space_class(sp.id)
    if type(status) is int and status >= 500:
        return state.server_error
    if type(status) is int and status >= 400:
        return state.client_error
    return state.root


# -- building the error ----------------------------------------------------------------


def _params(raw: Any, entry: Entry | None) -> dict[str, Any]:
    if not isinstance(raw, dict):
        return {}
    types = {k: p.type for k, p in entry.params.items()} if entry is not None else {}
    return {str(k): coerce_back(v, types.get(str(k))) for k, v in list(raw.items())[:_SUB_LIMIT]}


def _build(
    state: CatalogRuntime,
    fields: dict[str, Any],
    status: int | None,
    *,
    prefer: tuple[str, ...] = (),
    jsonrpc: bool = False,
    raw: Any = None,
) -> Error:
    entry = _find(state, fields, status, prefer)
    message = fields.get("message")
    if message is not None:
        message = safe_str(message, MESSAGE_CAP)
    if entry is not None:
        err = state.entry_class(entry)()
        variant = _variant(entry, message) if message else None
        if variant is not None:
            err.variant = variant
            if variant.retryable is not None:
                err.retryable = variant.retryable
    else:
        if message is None:
            message = phrase(status) if type(status) is int else "Unknown error"
        code = fields.get("code")
        if code is None and jsonrpc:
            code = fields.get("jsonrpc_code")
        if code is not None and type(code) not in (int, str):
            code = safe_str(code)
        elif type(code) is str:
            code = cap(code)
        cls = _fallback_class(state, code, fields.get("space"), status, jsonrpc)
        err = cls()
        err.code = code
        name = fields.get("name")
        err.name = cap(name) if type(name) is str else None
        rpc = fields.get("jsonrpc_code")
        fake = Entry(
            code=code,  # type: ignore[arg-type]
            key=_code_key(code),  # type: ignore[arg-type]
            space=cls.space or "",
            module=cls.module,
            name=err.name,
            message=(message or "").replace("{", "{{").replace("}", "}}") or None,
            http_status=status if type(status) is int else None,
            jsonrpc_code=rpc if type(rpc) is int else None,
        )
        err._spec = EntrySpec(state.catalog, fake, synthetic=True)  # type: ignore[misc]
        err.status = fake.http_status or err._spec.status  # type: ignore[union-attr]
        err.data = fields.get("data")
    if type(status) is int:
        err.status = status
    if message is not None:
        err._message = message
    err.params = _params(fields.get("params"), entry)
    if fields.get("context") is not None:
        err.context = fields["context"]
    err.raw = raw
    subs = fields.get("subs")
    if type(subs) is list and subs:
        carried = err._spec.carried if err._spec is not None else ()
        decoded = []
        for item in subs[:_SUB_LIMIT]:
            if type(item) is not dict:
                continue
            sub_fields = {
                "code": item.get("code"),
                "space": item.get("space"),
                "name": item.get("name"),
                "reason": item.get("reason"),
                "message": item.get(
                    fields.get("sub_message_key") or "message", item.get("message")
                ),
                "params": item.get("params"),
            }
            decoded.append(_build(state, sub_fields, None, prefer=carried, raw=item))
        err.sub_errors = tuple(decoded)
    elif (
        entry is not None and fields.get("data") is not None and type(fields["data"]) is not dict
    ) or (entry is not None and type(fields.get("data")) is dict and fields.get("code") is None):
        err.data = fields["data"]
    _retry(err, fields)
    return err


def _retry(err: Error, fields: dict[str, Any]) -> None:
    """Resolve the retry hint: server header/RetryInfo, body members, variant/entry, HTTP class."""
    server = fields.get("header_retry")
    if server is None:
        server = parse_duration(fields.get("retry_delay"))
    if server is not None:
        err.retry_after = server
        err.retryable = True
        return
    body_after = fields.get("retry_after")
    if type(body_after) in (int, float):
        err.retry_after = body_after
    body_flag = fields.get("retryable")
    if type(body_flag) is bool:
        err.retryable = body_flag
    elif type(body_after) in (int, float):
        err.retryable = True
    elif err.retryable is None:
        err.retryable = retryable_by_class(err.status if type(err.status) is int else None)


# -- entry points ------------------------------------------------------------------


def _decode_one(
    state: CatalogRuntime, status: int | None, hdrs: dict[str, str], body: Any, text: str
) -> Error:
    content_type = hdrs.get("content-type", "").lower()
    header_retry = parse_retry_after(hdrs.get("retry-after"))
    fields: dict[str, Any] | None = None
    jsonrpc = False
    if body is not _UNPARSED:
        fields = read_google(body)
        if fields is None:
            fields = read_jsonrpc(body)
            jsonrpc = fields is not None
        if fields is None:
            fields = read_problem(body, content_type)
        if fields is None and state.catalog.profiles:
            matched = read_plain(body, state.catalog)
            fields = matched[1] if matched is not None else None
        if fields is None:
            fields = _generic(body)
    if fields is None:
        # No envelope: the HTTP status is the code (an ``http`` space entry if there is one).
        fields = {"code": None, "message": text.strip() or (phrase(status) if status else None)}
        for space in state.catalog.spaces.values():
            if space.kind == "http" and type(status) is int:
                found = state.catalog.get(status, space.id)
                if found is not None:
                    fields.update(code=status, space=space.id, message=text.strip() or None)
                    break
    fields["header_retry"] = header_retry
    body_status = fields.get("status")
    if status is None and type(body_status) is int and 100 <= body_status <= 599:
        status = body_status
    return _build(
        state, fields, status, jsonrpc=jsonrpc, raw=text or body if body is not _UNPARSED else text
    )


def decode(status: int | None, headers: Headers, body: Any, *, catalog: Catalog) -> Error:
    """Decode an error response into an :class:`~errdex.runtime.errors.Error` of ``catalog``.

    ``body`` is bytes, text, or already parsed JSON. A JSON-RPC batch gives its
    first error (see :func:`decode_batch` for all). Never raises for bad input.
    """
    state = runtime_of(catalog)
    hdrs = _header_map(headers)
    if type(status) is not int or not 100 <= status <= 599:
        status = None
    parsed, text = _parse(body)
    if type(parsed) is list:
        for item in parsed:
            if type(item) is dict and "error" in item:
                return _decode_one(state, status, hdrs, item, "")
        parsed, text = _UNPARSED, ""
    return _decode_one(state, status, hdrs, parsed, text)


def decode_batch(
    status: int | None, headers: Headers, body: Any, *, catalog: Catalog
) -> list[Error | None]:
    """Decode a JSON-RPC batch response: one item per response, None for a success."""
    state = runtime_of(catalog)
    hdrs = _header_map(headers)
    parsed, _ = _parse(body)
    if type(parsed) is not list:
        return [decode(status, headers, body, catalog=catalog)]
    out: list[Error | None] = []
    for item in parsed:
        if type(item) is dict and "error" in item:
            ok = type(status) is int and 100 <= status <= 599
            out.append(_decode_one(state, status if ok else None, hdrs, item, ""))
        else:
            out.append(None)
    return out
