"""5xx hygiene: a 5xx errdex sends carries only catalog text, whatever the error's origin.

An error :func:`errdex.decode` made holds what an upstream sent — an HTML page, a
traceback, a database URL in a message, ``data`` or parameters. A service that
re-raises it must not forward that in its own 5xx. :func:`public_view` turns such an
error, before it is rendered with a status of 500 or more, into one of catalog text:

- a known entry keeps its class, status, retry hint, parameters the catalog declares
  and a known variant; its message is the catalog's template, ``data``/``context``
  are dropped, and sub-errors keep only known entries, likewise cleaned;
- an unknown code becomes the catalog's internal error (``internal_error``, else its
  HTTP 500), else its ``ServerError`` with the HTTP reason phrase — status and retry
  hint kept.

The original stays the new error's ``__cause__`` for logs. Errors a service builds
itself are not touched (their 5xx messages are already log-only: see
:class:`~errdex.runtime.errors.Error`).
"""

from __future__ import annotations

from errdex.runtime.errors import Error
from errdex.runtime.internal_policy import GENERIC, internal_error

_new_exception = BaseException.__new__


def public_view(error: Error) -> Error:
    """Return ``error`` as it may be sent: itself unless it is a decoded 5xx."""
    if not error._decoded or not (type(error.status) is int and error.status >= 500):
        return error
    return _clean(error, error.status)


def _clean(error: Error, status: int) -> Error:
    cls = type(error)
    if cls.entry is not None:
        clean: Error = _new_exception(cls)
        clean.params = {k: v for k, v in error.params.items() if k in cls.entry.params}
        variant = error.variant
        if variant is not None and variant in cls.entry.variants:
            clean.variant = variant
            clean._message = variant.message
        clean.sub_errors = tuple(
            _clean(sub, status) for sub in error.sub_errors if type(sub).entry is not None
        )
    else:
        catalog = cls.catalog
        clean = internal_error(catalog) if catalog is not None else _bare()
    clean.status = status
    clean.retryable = error.retryable
    clean.retry_after = error.retry_after
    clean.__cause__ = error
    return clean


def _bare() -> Error:
    bare = Error()
    bare._spec = GENERIC  # type: ignore[misc]
    return bare
