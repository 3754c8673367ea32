"""``errdex.render``: an error to HTTP status, headers and body bytes, through a profile.

Dispatch only. A profile is an envelope: the built-in ``"problem"`` (RFC 9457),
``"jsonrpc"`` (JSON-RPC 2.0) and ``"google"`` (google.rpc.Status), listed in
:data:`BUILTIN`, or a plain profile the catalog declares in ``[profiles.NAME]`` (a
catalog profile of the same name as a built-in one replaces it for that catalog).
Any exception can be rendered: one that is not an
:class:`~errdex.runtime.errors.Error` becomes the catalog's internal error (see
:mod:`~errdex.runtime.internal_policy`), and nothing of it reaches the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from errdex.model import Catalog
from errdex.runtime.errors import Error
from errdex.runtime.hygiene import public_view
from errdex.runtime.internal_policy import as_error
from errdex.runtime.profiles import google, jsonrpc, plain, problem
from errdex.runtime.profiles.common import (
    FastMaker,
    Profile,
    Rendered,
    dumps,
    localize,
)

BUILTIN: dict[str, Profile] = {
    "problem": problem.render_problem,
    "jsonrpc": jsonrpc.render_jsonrpc,
    "google": google.render_google,
}
"""The built-in profiles by name."""

FAST: dict[str, FastMaker] = {
    "problem": problem.fast_problem,
    "jsonrpc": jsonrpc.fast_jsonrpc,
}
"""For the built-in profiles that have one, the function making an entry class's fast
renderer (bytes precomputed around the variable members)."""


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
        found = plain.plain_profile(catalog, profile)
    else:
        found = BUILTIN.get(profile)
    if found is None:
        declared = sorted(catalog.profiles) if catalog is not None else []
        names = ", ".join([*BUILTIN, *declared])
        raise LookupError(f"no render profile {profile!r}; profiles: {names}")
    error._profiles[profile] = found
    return found


def _remember_fast(error: Error, profile: Any, found: Profile, locale: str | None) -> None:
    """Give the error's class its fast renderer for a built-in profile, once per class
    and negotiated locale (``locale``: the catalog locale chosen, None for its own)."""
    cls = type(error)
    make = FAST.get(profile) if type(profile) is str else None
    if make is None or found is not BUILTIN[profile] or error.catalog is None:
        return
    if cls.entry is None or "_spec" in vars(error):  # no entry class: nothing to precompute
        return
    spec = cls._spec
    if spec is None or spec.entry.code is None:
        return
    if locale is None:
        cls._fast[profile] = make(cls, spec, None)
    else:
        cls._fast[profile, locale] = make(cls, spec, spec.texts(locale))


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
    exception. Raises only for an unknown profile name (``LookupError``) and for
    arguments of the wrong type (``TypeError``).
    """
    try:  # read on the class: an attribute of an exception's class is found faster so
        if locale is None:
            fast = type(error)._fast[profile]  # type: ignore[union-attr]
        else:  # one renderer per negotiated locale: the negotiation is a dict hit
            cls = type(error)
            fast = cls._fast[profile, cls._negotiated[locale]]  # type: ignore[union-attr]
    except (AttributeError, KeyError, TypeError):
        return _render(error, profile, locale, id, catalog)
    # None: not a plain error (options or attributes set), or a value orjson refuses
    done: Rendered | None = fast(error, id)
    return done if done is not None else _render(error, profile, locale, id, catalog)


def _render(
    error: Any, profile: Any, locale: str | None, id: Any, catalog: Catalog | None
) -> Rendered:
    if type(error) is list:
        return jsonrpc.render_batch(error, locale=locale, catalog=catalog)
    if not isinstance(error, BaseException):
        raise TypeError(
            f"render() takes an exception or a list of them (a JSON-RPC batch), "
            f"not {type(error).__name__}"
        )
    error = public_view(as_error(error, catalog))
    prof = find_profile(error, profile)
    locales = error._locales
    chosen = None if locale is None or locales is None else locales.negotiate(locale)
    key = profile if chosen is None else (profile, chosen)
    if (locale is None or chosen is not None) and key not in type(error)._fast:
        _remember_fast(error, profile, prof, chosen)
    spec, message, texts = localize(error, locale)
    return prof(error, spec, message, texts, id)


__all__ = ["BUILTIN", "FAST", "Profile", "Rendered", "as_error", "dumps", "localize", "render"]
