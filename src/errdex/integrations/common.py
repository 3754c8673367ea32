"""What every server integration does with an exception: make it a catalog error, render, report.

An exception raised by a handler becomes an :class:`errdex.Error` through
:func:`errdex.runtime.as_error` (a non-catalog exception becomes the catalog's
``internal_error`` entry, and nothing of it is rendered), is rendered in the
profile the integration was installed with and the language the request asks
for (``Accept-Language``), and is passed to the ``on_error`` hook (for logs,
traces and metrics, e.g. :func:`errdex.integrations.otel.record`). A 5xx is
logged with its traceback on the ``errdex`` logger when the framework would
not log it itself. A catalog with texts in more than one language answers
with ``Vary: Accept-Language``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from errdex.model import Catalog
from errdex.runtime import BUILTIN, Error, Rendered, as_error, errors_of, render, runtime_of

OnError = Callable[[Error, BaseException], Any]
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


Finisher = Callable[[], None]
"""What an ``on_error`` hook may return: called once the response has gone out
(:class:`errdex.integrations.otel.ErrorTelemetry` sets ``error.type`` again then)."""


def notify(on_error: OnError | None, error: Error, exc: BaseException) -> Finisher | None:
    """Call the ``on_error`` hook; a failing hook is logged, never breaks the error response.

    Returns the hook's finisher when it returned a callable."""
    if on_error is None:
        return None
    try:
        done = on_error(error, exc)
    except Exception:
        logger.exception("errdex on_error hook %r failed", on_error)
        return None
    return done if callable(done) else None


def finish(finishers: list[Finisher]) -> None:
    """Run the finishers of the errors a request answered (never raises)."""
    while finishers:
        done = finishers.pop()
        try:
            done()
        except Exception:
            logger.exception("errdex on_error finisher %r failed", done)


def respond(
    exc: BaseException,
    catalog: Catalog,
    profile: Any,
    accept_language: str | None,
    *,
    id: Any = None,
    on_error: OnError | None = None,
    log: bool = False,
    finishers: list[Finisher] | None = None,
    vary: bool | None = None,
) -> Rendered:
    """Render ``exc`` for a response: the catalog error, in the negotiated language.

    ``log=True`` logs a 5xx with its traceback (for frameworks that swallow
    handled exceptions). ``finishers`` collects the ``on_error`` hook's finisher;
    ``vary`` (default: :func:`negotiates`) adds ``Vary: Accept-Language``.
    """
    error = as_error(exc, catalog)
    rendered = render(error, profile, locale=accept_language or None, id=id)
    if vary is None:
        vary = negotiates(catalog)
    if vary:
        rendered = vary_language(rendered)
    if log and rendered.status >= 500:
        logger.error("%s: %s", type(exc).__qualname__, exc, exc_info=exc)
    done = notify(on_error, error, exc)
    if done is not None and finishers is not None:
        finishers.append(done)
    return rendered


def negotiates(catalog: Catalog) -> bool:
    """Whether the catalog's errors are negotiated: it has texts in more than one language."""
    return len(runtime_of(catalog).locales.locales) > 1


_VARY = (("Vary", "Accept-Language"),)
_VARIED: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}


def vary_language(rendered: Rendered) -> Rendered:
    """Add ``Vary: Accept-Language``: the body's language was (or would have been) negotiated.

    Caches and CDNs then keep one copy per language instead of serving a
    Chinese error to an English client."""
    headers = rendered[1]
    found = _VARIED.get(headers)
    if found is None:
        if len(_VARIED) >= 4096:
            _VARIED.clear()
        found = _VARIED[headers] = headers + _VARY
    return tuple.__new__(Rendered, (rendered[0], found, rendered[2], rendered[3]))


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
