"""What every server integration does with an exception: make it a catalog error, render, report.

An exception raised by a handler becomes an :class:`errdex.Error` through
:func:`errdex.runtime.as_error` (a non-catalog exception becomes the catalog's
``internal_error`` entry, and nothing of it is rendered), is rendered in the
profile the integration was installed with and the language the request asks
for (``Accept-Language``), and is passed to the ``on_error`` hook (for logs,
traces and metrics, e.g. :func:`errdex.integrations.otel.record`). A 5xx is
logged with its traceback on the ``errdex`` logger when the framework would
not log it itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from errdex.model import Catalog
from errdex.runtime import BUILTIN, Error, Rendered, as_error, errors_of, render

OnError = Callable[[Error, BaseException], None]
"""``on_error(error, exc)``: ``error`` is what was rendered, ``exc`` what was raised
(the same object for a catalog error; the original exception for an unexpected one)."""

logger = logging.getLogger("errdex")


def check_profile(catalog: Catalog, profile: Any) -> None:
    """Fail at install time, not at the first error, for a profile the catalog cannot render."""
    if callable(profile) or profile in BUILTIN or profile in catalog.profiles:
        return
    names = ", ".join([*BUILTIN, *sorted(catalog.profiles)])
    raise LookupError(
        f"no render profile {profile!r} for catalog {catalog.meta.id!r}; profiles: {names}"
    )


def notify(on_error: OnError | None, error: Error, exc: BaseException) -> None:
    """Call the ``on_error`` hook; a failing hook is logged, never breaks the error response."""
    if on_error is None:
        return
    try:
        on_error(error, exc)
    except Exception:
        logger.exception("errdex on_error hook %r failed", on_error)


def respond(
    exc: BaseException,
    catalog: Catalog,
    profile: Any,
    accept_language: str | None,
    *,
    id: Any = None,
    on_error: OnError | None = None,
    log: bool = False,
) -> Rendered:
    """Render ``exc`` for a response: the catalog error, in the negotiated language.

    ``log=True`` logs a 5xx with its traceback (for frameworks that swallow
    handled exceptions).
    """
    error = as_error(exc, catalog)
    rendered = render(error, profile, locale=accept_language or None, id=id)
    if log and rendered.status >= 500:
        logger.error("%s: %s", type(exc).__qualname__, exc, exc_info=exc)
    notify(on_error, error, exc)
    return rendered


def http_entries(catalog: Catalog) -> dict[int, type[Error]]:
    """The catalog's entries for HTTP statuses (codes 100–599 in ``http`` spaces), by status."""
    kinds = {s.id: s.kind for s in catalog.spaces.values()}
    found: dict[int, type[Error]] = {}
    for entry in catalog.entries:
        key = entry.key
        if (
            kinds.get(entry.space) == "http"
            and type(key) is int
            and 100 <= key <= 599
            and entry.status != "removed"
        ):
            found.setdefault(key, errors_of(catalog)[entry.space, key])
    return found
