"""What every profile shares: the :class:`Rendered` response, JSON that never raises,
the response headers, and the pieces of a body (public parameters, sub-errors).

Profiles (:mod:`~errdex.runtime.profiles.problem`, ``jsonrpc``, ``google``, ``plain``)
import this module; :mod:`errdex.runtime.render` imports the profiles, never the
other way round.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import orjson

from errdex.runtime.errors import PLAIN_STATE, Error
from errdex.runtime.locale import negotiate
from errdex.runtime.spec import EntrySpec, Texts
from errdex.runtime.state import runtime_of
from errdex.runtime.text import PUBLIC_CAP, json_scalar, safe_str

_orjson_dumps = orjson.dumps
_MAX_DEPTH = 32
_TAG = re.compile(r"[A-Za-z0-9]{1,8}(?:[-_][A-Za-z0-9]{1,8})*")
"""A language tag as it may go into ``Content-Language`` (BCP 47 characters only)."""


class Rendered(NamedTuple):
    """An error ready to send: HTTP ``status``, ``headers`` and ``body`` bytes.

    ``headers`` is a tuple of ``(name, value)`` string pairs in a fixed order:
    ``Content-Type`` first, then ``Retry-After`` and ``Content-Language`` when
    they apply; ``dict(rendered.headers)`` gives a mapping. ``media_type`` repeats
    the content type for frameworks that take it apart from the headers.
    """

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    media_type: str


Profile = Callable[[Error, EntrySpec, str, "Texts | None", Any], Rendered]
"""A profile renders ``(error, spec, message, texts, id)``: the error, its precomputed
:class:`~errdex.runtime.spec.EntrySpec`, the public message in the negotiated
locale, that locale's :class:`~errdex.runtime.spec.Texts` (None when no locale
was asked for) and the request id."""

FastProfile = Callable[[Error, Any], "Rendered | None"]
FastMaker = Callable[[type[Error], EntrySpec, "Texts | None"], FastProfile]
"""Makes an entry class's fast renderer for a built-in profile, in a negotiated locale's
texts (None: the catalog's own language)."""
"""A fast renderer ``(error, id)``, one per entry class, built-in profile and negotiated
locale. It renders a *plain* error (nothing set but its parameters, see :func:`is_plain`),
returning the response spliced from bytes precomputed on the class's first render, and
returns None for any other error or a value orjson refuses (:func:`render` then takes
the full path)."""


WIRE_IDS: frozenset[type] = frozenset({int, str, float, bool})
"""The request ids a fast renderer splices in as ``orjson.dumps(id)``: JSON-RPC's
strings and numbers (and null, which each tests apart). Alone or inside the response
orjson writes the same bytes for them, or refuses them alike (a lone surrogate, an
integer beyond 64 bits). Any other id (a list, an object) takes the full path: nested
in the response, it meets orjson's depth limit one level earlier than alone."""


def is_plain(state: dict[str, Any]) -> bool:
    """Whether an error's ``__dict__`` holds nothing but its parameters and cached texts
    (:data:`~errdex.runtime.errors.PLAIN_STATE`): every other fact comes from its class."""
    return not state or (len(state) == 1 and "params" in state) or state.keys() <= PLAIN_STATE


# -- JSON ------------------------------------------------------------------------


def _default(value: Any) -> str:
    return safe_str(value).encode("utf-8", "replace").decode("utf-8")


def _sanitize(value: Any, depth: int = 0) -> Any:
    if depth > _MAX_DEPTH:
        return "…"
    if isinstance(value, Mapping):
        return {safe_str(k): _sanitize(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_sanitize(v, depth + 1) for v in value]
    value = json_scalar(value, None, 4 * PUBLIC_CAP)
    if type(value) is str:  # lone surrogates are not UTF-8: orjson refuses them
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def dump_value(value: Any) -> bytes:
    """Serialize one value for splicing into a precomputed body; never raises."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return dumps(value)


def dumps(body: Any) -> bytes:
    """Serialize a body with orjson (compact, UTF-8); never raises.

    Values orjson cannot encode (objects, integers beyond 64 bits, deep or
    circular data, non-string keys) become capped strings.
    """
    try:
        return orjson.dumps(body, default=_default)
    except (TypeError, ValueError):
        return orjson.dumps(_sanitize(body), default=_default)


# -- helpers shared by the profiles ------------------------------------------------


def headers(
    error: Error, spec: EntrySpec, texts: Texts | None, media_type: str, cache_key: str
) -> tuple[tuple[str, str], ...]:
    """Return the response headers: content type, ``Retry-After``, ``Content-Language``."""
    retry_after = retry_after_sent(error)
    if retry_after is None and texts is None:
        cache = spec.cache
        found = cache.get(cache_key)
        if found is None:
            found = cache[cache_key] = (("Content-Type", media_type),)
        return found
    out = [("Content-Type", media_type)]
    seconds = retry_seconds(retry_after)
    if seconds is not None:
        out.append(("Retry-After", str(seconds)))
    if texts is not None and _TAG.fullmatch(texts.locale):  # never a CR/LF into a header
        out.append(("Content-Language", texts.locale))
    return tuple(out)


def fast_headers(
    cls: type[Error], media_type: str, texts: Texts | None
) -> tuple[tuple[str, str], ...]:
    """The headers of an entry class's plain errors (what :func:`headers` gives them)."""
    hdrs: tuple[tuple[str, str], ...] = (("Content-Type", media_type),)
    seconds = retry_seconds(cls.retry_after if cls.retryable is not False else None)
    if seconds is not None:
        hdrs += (("Retry-After", str(seconds)),)
    if texts is not None and _TAG.fullmatch(texts.locale):
        hdrs += (("Content-Language", texts.locale),)
    return hdrs


def retry_after_sent(error: Error) -> int | float | None:
    """The ``retry_after`` an error is sent with: none when it is not retryable (an entry
    with ``retryable = false`` never sends ``Retry-After``, even when it inherits one)."""
    return None if error.retryable is False else error.retry_after


def retry_seconds(value: Any) -> int | None:
    """Return a retry delay as whole seconds for ``Retry-After`` (rounded up), or None."""
    if value is None or type(value) is bool:
        return None
    try:
        seconds = math.ceil(float(value))
    except (TypeError, ValueError, OverflowError):
        return None
    return seconds if 0 <= seconds < 10**9 else None


def params_bytes(error: Error, spec: EntrySpec) -> bytes | None:
    """Return the error's public parameters as JSON bytes, or None when there are none.

    The common case — no private parameters, every value a short string — dumps
    ``error.params`` as it is (the same bytes :attr:`Error.public_params` gives)."""
    params = error.params
    if not spec.private:
        for key, value in params.items():
            if type(value) is not str or len(value) > PUBLIC_CAP or type(key) is not str:
                break
        else:
            return _orjson_dumps(params)
    public = error.public_params
    return dump_value(public) if public else None


def single_slot(spec: EntrySpec, texts: Texts | None = None) -> tuple[str, bytes, bytes] | None:
    """For a public message ``lead{name}after`` (in the catalog's language, or in
    ``texts``) with one placeholder and no private parameters: ``(name, lead, after)``,
    the texts as escaped JSON string content."""
    template = spec.public if texts is None else texts.public
    if spec.private or len(template.pairs) != 1:
        return None
    name, after = template.pairs[0]
    try:
        return name, orjson.dumps(template.lead)[1:-1], orjson.dumps(after)[1:-1]
    except TypeError:  # a lone surrogate in the catalog's text
        return None


def sub_error_dicts(error: Error, message_key: str) -> list[dict[str, Any]]:
    """Return the sub-errors as ``{code, message, [space], [params], [pointer | parameter]}``
    dicts; ``pointer`` (a JSON Pointer into the request body, ``"#/items/0/qty"``) or
    ``parameter`` (a query, path or header parameter's name) is the instance attribute
    a framework integration sets on a per-field validation error."""
    carried = error._spec.carried if error._spec is not None else ()
    out: list[dict[str, Any]] = []
    for sub in error.sub_errors:
        item: dict[str, Any] = {"code": sub.code, message_key: sub.message}
        spec = sub._spec
        if spec is not None and spec.ambiguous and sub.space not in carried:
            item["space"] = sub.space
        params = sub.public_params
        if params:
            item["params"] = params
        where = vars(sub)
        if "pointer" in where:  # RFC 9457 §3: the request member a field error is about
            item["pointer"] = where["pointer"]
        elif "parameter" in where:
            item["parameter"] = where["parameter"]
        out.append(item)
    return out


def resolve_locale(error: Error, spec: EntrySpec, locale: str) -> Texts:
    """Negotiate ``locale`` (a tag or an ``Accept-Language`` value) for an error's catalog."""
    catalog = error.catalog
    if catalog is not None:
        chosen = runtime_of(catalog).negotiate(locale)
    else:
        chosen = negotiate(locale, (spec.own_locale,), spec.own_locale)
    return spec.texts(chosen)


def localize(error: Error, locale: str | None) -> tuple[EntrySpec, str, Texts | None]:
    """Return the spec, the public message and the texts of ``error`` in ``locale``."""
    spec: EntrySpec = error._spec  # type: ignore[assignment]
    if locale is None:
        return spec, error.message, None
    texts = resolve_locale(error, spec, locale)
    message = error._message
    if message is None:
        message = spec.public_message(error.params, texts.locale)
    else:  # an explicit, variant or decoded message: in the entry's own language
        own = spec.texts(None).locale
        if own != texts.locale:
            texts = texts._replace(locale=own)
    return spec, message, texts
