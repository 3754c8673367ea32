"""Per-catalog runtime state: one :class:`CatalogRuntime` per catalog, found by :func:`runtime_of`.

A catalog loaded with :func:`errdex.load` (an :class:`errdex.Catalog`) keeps its own
state and hands it out through ``runtime_state()``. A plain model catalog (one built
by :mod:`errdex.io` directly) gets a state kept here, weakly: the state works on a
copy of the catalog and is dropped when the catalog is, so no catalog lives forever.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, Protocol

from errdex.model import Catalog, Entry
from errdex.runtime.errors import Error
from errdex.runtime.factory import ClassFactory
from errdex.runtime.index import ErrorClasses
from errdex.runtime.negotiation import LocaleCache
from errdex.runtime.pickling import reduce_error, remember

_LOCK = threading.Lock()
_PLAIN: dict[int, tuple[weakref.ref[Catalog], CatalogRuntime]] = {}
"""``id(catalog) → (catalog, state)`` of the plain catalogs in use (and of their copies);
removed when the catalog is freed."""


class RuntimeHost(Protocol):
    """A catalog that keeps its own runtime state (:class:`errdex.Catalog`)."""

    def runtime_state(self) -> CatalogRuntime: ...


class CatalogRuntime:
    """The runtime state of one catalog: its classes, code index, locales and the
    tables render and decode build on first use."""

    def __init__(self, catalog: Catalog, reduce: Callable[[Error], Any] = reduce_error) -> None:
        """``reduce`` is the catalog's errors' ``__reduce__`` (how they pickle)."""
        self.catalog = catalog
        self.profiles: dict[str, Any] = {}
        """Render functions by name (built-in and ``[profiles.NAME]``), filled on first use."""
        self.locales = LocaleCache(catalog)
        self.factory = ClassFactory(catalog, self.profiles, self.locales, {"__reduce__": reduce})
        self.errors = ErrorClasses(self.factory)
        """``cat.errors``: the code index."""
        self.plain_profiles: dict[str, Any] = {}
        """Compiled ``[profiles.NAME]`` render functions, by name."""
        self.decode_index: Any = None
        """Lookup tables :mod:`errdex.runtime.decode` builds on first use."""
        self.internal: tuple[Entry | None] | None = None
        """The entry an unexpected exception renders as, once
        :mod:`~errdex.runtime.internal_policy` has looked it up (a 1-tuple)."""
        remember(catalog.meta.id, self)

    @property
    def root(self) -> type[Error]:
        """The catalog's root exception class."""
        return self.factory.root

    def negotiate(self, accept_language: str) -> str:
        """Return the catalog locale that best serves an ``Accept-Language`` value (cached)."""
        return self.locales.negotiate(accept_language)


def runtime_of(catalog: Catalog) -> CatalogRuntime:
    """Return the runtime state of ``catalog``, creating it on first use."""
    hosted = getattr(catalog, "runtime_state", None)
    if hosted is not None:
        state: CatalogRuntime = hosted()
        return state
    found = _PLAIN.get(id(catalog))
    if found is not None and found[0]() is catalog:
        return found[1]
    with _LOCK:
        found = _PLAIN.get(id(catalog))
        if found is None or found[0]() is not catalog:
            # The state refers to a copy, so that it does not keep ``catalog`` alive.
            copy = catalog.as_class(Catalog)
            state = CatalogRuntime(copy)
            _PLAIN[id(catalog)] = (weakref.ref(catalog), state)
            _PLAIN[id(copy)] = (weakref.ref(copy), state)
            weakref.finalize(catalog, _forget, id(catalog), id(copy))
            return state
    return found[1]


def _forget(*keys: int) -> None:
    for key in keys:
        _PLAIN.pop(key, None)
