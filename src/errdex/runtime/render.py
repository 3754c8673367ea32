"""``errdex.render``: an error to HTTP status, headers and body bytes, through a profile.

A profile is an envelope: the built-in ``"problem"`` (RFC 9457), ``"jsonrpc"``
(JSON-RPC 2.0) and ``"google"`` (google.rpc.Status), or a plain profile the
catalog declares in ``[profiles.NAME]`` (a catalog profile of the same name as a
built-in one replaces it for that catalog). Any exception can be rendered: one
that is not an :class:`~errdex.runtime.errors.Error` becomes the catalog's
``internal_error`` entry (pass ``catalog=``), or a generic 500, and nothing of
it — message, arguments, cause — reaches the body.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

import orjson

from errdex.model import Catalog, Entry
from errdex.runtime.errors import PLAIN_STATE, Error
from errdex.runtime.locale import negotiate
from errdex.runtime.spec import EntrySpec, Texts
from errdex.runtime.state import runtime_of
from errdex.runtime.text import PUBLIC_CAP, json_scalar, safe_str

_new = tuple.__new__
_orjson_dumps = orjson.dumps
_MAX_DEPTH = 32


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
"""A fast renderer ``(error, id)``, one per entry class and built-in profile. :func:`render`
calls it only for an error with nothing set but its parameters (:data:`PLAIN_STATE`) and
no locale; it returns the response spliced from bytes precomputed on the class's first
render, or None when the error needs the full path."""


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
    retry_after = error.retry_after
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
    if texts is not None:
        out.append(("Content-Language", texts.locale))
    return tuple(out)


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


def single_slot(spec: EntrySpec) -> tuple[str, bytes, bytes] | None:
    """For a public message ``lead{name}after`` with one placeholder and no private
    parameters: ``(name, lead, after)``, the texts as escaped JSON string content."""
    template = spec.public
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


# -- entry points --------------------------------------------------------------------


_GENERIC = EntrySpec(
    None,
    Entry(code=None, key=None, space="", message="Internal error", http_status=500),  # type: ignore[arg-type]
    synthetic=True,
)
"""The spec of an internal error outside any catalog: a bare 500."""


def as_error(exc: BaseException, catalog: Catalog | None = None) -> Error:
    """Return ``exc`` as a catalog error: itself when it is one, else the catalog's
    internal error (``internal_error``, else its HTTP 500 entry) with ``exc`` as its
    cause, else a generic internal error (of ``catalog`` when given, so its plain
    profiles still apply). Nothing of ``exc`` is rendered."""
    if isinstance(exc, Error) and (exc._spec is not None or "_spec" in vars(exc)):
        return exc
    if catalog is None and isinstance(exc, Error):
        catalog = exc.catalog
    wrapped: Error
    if catalog is not None:
        state = runtime_of(catalog)
        entry = state.internal_entry()
        if entry is not None:
            wrapped = state.entry_class(entry)()
        else:
            wrapped = state.server_error()
            wrapped._spec = _GENERIC  # type: ignore[misc]
    else:
        wrapped = Error()
        wrapped._spec = _GENERIC  # type: ignore[misc]
        wrapped.status = 500
    wrapped.__cause__ = exc
    return wrapped


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
    return spec, message, texts


def find_profile(error: Error, profile: str | Profile) -> Profile:
    """Return the profile function for a name (catalog profiles first) or a callable.

    Found names are remembered in the error's catalog table (``error._profiles``)
    so the next render finds them with one dict lookup.
    """
    if type(profile) is not str:
        return profile  # type: ignore[return-value]
    found: Profile | None = error._profiles.get(profile)
    if found is not None:
        return found
    catalog = error.catalog
    if catalog is not None and profile in catalog.profiles:
        from errdex.runtime.profiles.plain import plain_profile

        found = plain_profile(catalog, profile)
    else:
        found = BUILTIN.get(profile)
    if found is None:
        declared = sorted(catalog.profiles) if catalog is not None else []
        names = ", ".join([*BUILTIN, *declared])
        raise LookupError(f"no render profile {profile!r}; profiles: {names}")
    error._profiles[profile] = found
    return found


def _remember_fast(error: Error, profile: Any, found: Profile) -> None:
    """Give the error's class its fast renderer for a built-in profile (once per class)."""
    cls = type(error)
    spec = cls._spec
    make = FAST.get(profile) if type(profile) is str else None
    if make is None or spec is None or found is not BUILTIN[profile] or error.catalog is None:
        return
    if spec.entry.code is None:  # a bare internal error: nothing to precompute
        return
    cls._fast[profile] = make(cls, spec)


def render(
    error: BaseException | Sequence[Any],
    profile: str | Profile = "problem",
    *,
    locale: str | None = None,
    id: Any = None,
    catalog: Catalog | None = None,
) -> Rendered:
    """Render an error (or, for ``"jsonrpc"``, a list of them: a batch) to a response.

    ``profile`` is a profile name or a profile function (``jsonrpc_profile(http_200=True)``);
    ``locale`` a locale tag or an ``Accept-Language`` header value; ``id`` the
    JSON-RPC request id, the problem ``instance`` or the plain profiles' ``$id``;
    ``catalog`` the catalog whose ``internal_error`` stands for a non-catalog
    exception. Raises only for an unknown profile name.
    """
    try:
        fast = error._fast[profile]  # type: ignore[union-attr, index]
    except (AttributeError, KeyError, TypeError):
        return _render(error, profile, locale, id, catalog)
    if locale is None:
        state = error.__dict__  # plain: nothing set but parameters (and cached texts)
        if not state or (len(state) == 1 and "params" in state) or state.keys() <= PLAIN_STATE:
            done = fast(error, id)
            if done is not None:
                return done  # type: ignore[no-any-return]
    return _render(error, profile, locale, id, catalog)


def _render(
    error: Any, profile: Any, locale: str | None, id: Any, catalog: Catalog | None
) -> Rendered:
    if type(error) is list:
        from errdex.runtime.profiles.jsonrpc import render_batch

        return render_batch(error, locale=locale, catalog=catalog)
    if not isinstance(error, BaseException):
        raise TypeError(
            f"render() takes an exception or a list of them (a JSON-RPC batch), "
            f"not {type(error).__name__}"
        )
    error = as_error(error, catalog)
    prof = find_profile(error, profile)
    if profile not in type(error)._fast:
        _remember_fast(error, profile, prof)
    spec, message, texts = localize(error, locale)
    return prof(error, spec, message, texts, id)


BUILTIN: dict[str, Profile] = {}
"""The built-in profiles by name; filled by :mod:`errdex.runtime.profiles`."""

FAST: dict[str, Callable[[type[Error], EntrySpec], FastProfile]] = {}
"""For each built-in profile, the function making an entry class's fast renderer."""


def _register_builtins() -> None:
    from errdex.runtime.profiles import google, jsonrpc, problem

    BUILTIN["problem"] = problem.render_problem
    FAST["problem"] = problem.fast_problem
    FAST["jsonrpc"] = jsonrpc.fast_jsonrpc
    BUILTIN["jsonrpc"] = jsonrpc.render_jsonrpc
    BUILTIN["google"] = google.render_google


__all__ = ["BUILTIN", "Profile", "Rendered", "as_error", "dumps", "localize", "render"]
