"""The internal-error policy: what an exception that is no catalog error renders as.

Any exception can be rendered. One that is not an :class:`~errdex.runtime.errors.Error`
becomes the catalog's ``internal_error`` entry, else the catalog's own HTTP 500 (code
500 in an ``http`` space), else a generic 500 — and nothing of it (message, arguments,
cause) reaches the body; it stays the new error's ``__cause__`` for logs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from errdex.model import AmbiguousCodeError, Entry
from errdex.runtime.errors import Error
from errdex.runtime.spec import EntrySpec
from errdex.runtime.state import runtime_of

if TYPE_CHECKING:
    from errdex.model import Catalog

GENERIC = EntrySpec(
    None,
    Entry(code=None, key=None, space="", message="Internal error", http_status=500),  # type: ignore[arg-type]
    synthetic=True,
)
"""The spec of an internal error outside any catalog: a bare 500."""


def internal_entry(catalog: Catalog) -> Entry | None:
    """The entry an unexpected exception renders as: the one ``meta.internal_error``
    names, else the catalog's own HTTP 500 (code 500 in an ``http`` space), else None."""
    code = catalog.meta.internal_error
    if code is not None:
        try:
            return catalog.get(code)
        except AmbiguousCodeError:
            return catalog.find(code)[0]
    for entry in catalog.find(500):
        space = catalog.spaces.get(entry.space)
        if space is not None and space.kind == "http" and entry.status != "removed":
            return entry
    return None


def as_error(exc: BaseException, catalog: Catalog | None = None) -> Error:
    """Return ``exc`` as a catalog error: itself when it is one, else the catalog's
    internal error (``internal_error``, else its HTTP 500 entry) with ``exc`` as its
    cause, else a generic internal error (of ``catalog`` when given, so its plain
    profiles still apply). Nothing of ``exc`` is rendered."""
    if isinstance(exc, Error) and (exc._spec is not None or "_spec" in vars(exc)):
        return exc
    if catalog is None and isinstance(exc, Error):
        catalog = exc.catalog
    wrapped = internal_error(catalog)
    wrapped.__cause__ = exc
    return wrapped


def internal_error(catalog: Catalog | None) -> Error:
    """A new error that stands for an unexpected failure: the catalog's internal error
    entry, else its ``ServerError`` with a generic 500 text, else a bare 500."""
    wrapped: Error
    if catalog is not None:
        state = runtime_of(catalog)
        if state.internal is None:
            state.internal = (internal_entry(catalog),)
        entry = state.internal[0]
        if entry is not None:
            wrapped = state.factory.entry_class(entry)()
        else:
            wrapped = state.factory.server_error()
            wrapped._spec = GENERIC  # type: ignore[misc]
    else:
        wrapped = Error()
        wrapped._spec = GENERIC  # type: ignore[misc]
        wrapped.status = 500
    return wrapped
