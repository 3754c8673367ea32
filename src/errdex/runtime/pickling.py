"""Errors across processes: ``pickle.loads(pickle.dumps(err)) == err``.

The classes of a catalog are made at run time, so an error pickles as a reference —
its catalog's id and which class (entry ``(space, code)``, module, space, client,
server or root) — plus its instance state (:func:`error_state`). Unpickling finds a
catalog of that id in this process and rebuilds an error of the same class — in the
process it was pickled in, the very catalog it came from while that lives; else, for an
:class:`errdex.Catalog`, any one loaded (``errdex.load`` it before unpickling, as a
worker process does at start; :mod:`errdex.bound` finds it); for a plain catalog,
one already put to use. Where there is none, the result is a detached
:class:`~errdex.runtime.errors.Error` carrying the same code, message, status and
retry hint, still equal to the original (equality is by value: :meth:`Error.__eq__`).
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from typing import Any, Protocol

from errdex.model import Entry
from errdex.runtime.errors import Error
from errdex.runtime.spec import EntrySpec

_CACHES = ("_public", "_public_params", "_spec")
_SYNTHETIC = ("code", "key", "space", "module", "name", "message", "http_status", "jsonrpc_code")
_FACTS = ("code", "name", "space", "module", "status", "retryable", "retry_after")


class _Factory(Protocol):
    def entry_class(self, entry: Entry) -> type[Error]: ...
    def module_class(self, module_id: str) -> type[Error]: ...
    def space_class(self, space_id: str) -> type[Error]: ...

    root: type[Error]
    client_error: type[Error]
    server_error: type[Error]


_LIVE: weakref.WeakValueDictionary[str, Any] = weakref.WeakValueDictionary()
"""``catalog id → runtime state`` of the last catalog of that id put to use."""

_EXACT: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary()
"""``id(model catalog) → runtime state``: the very catalog an error came from, while it
lives, so an error unpickled in its own process gets its own classes back even when
another catalog of the same id was loaded since."""


def remember(catalog_id: str, state: Any) -> None:
    """Record ``state`` (a :class:`~errdex.runtime.state.CatalogRuntime`) as the one
    that unpickled errors of catalog ``catalog_id`` use."""
    _LIVE[catalog_id] = state
    _EXACT[id(state.catalog)] = state


def _origin(catalog: Any) -> tuple[int, int] | None:
    """Where an error's catalog lives: this process and the catalog object."""
    return (os.getpid(), id(catalog)) if catalog is not None else None


def _exact(catalog_id: str | None, origin: Any) -> Any:
    """The runtime state of the catalog object ``origin`` names, in this process only."""
    if not (isinstance(origin, tuple) and len(origin) == 2 and origin[0] == os.getpid()):
        return None
    state = _EXACT.get(origin[1])
    if state is None or state.catalog.meta.id != catalog_id:
        return None  # gone, and its id reused by another object: resolve by catalog id
    return state


def class_ref(cls: type[Error]) -> tuple[Any, ...]:
    """Which class of its catalog ``cls`` is, in terms another process can resolve."""
    entry = cls.entry
    if entry is not None:
        return ("entry", entry.space, entry.key)
    name = cls.__name__
    if cls.module is not None:
        return ("module", cls.module)
    if name in ("ClientError", "ServerError") and cls.space is None:
        return (name,)
    if cls.space is not None:
        return ("space", cls.space)
    return ("root",)


def error_state(error: Error) -> tuple[Any, ...]:
    """The arguments :func:`restore_error` rebuilds ``error`` from (all picklable)."""
    cls = type(error)
    catalog = cls.catalog
    own = vars(error)
    state = {k: v for k, v in own.items() if k not in _CACHES}
    spec = own.get("_spec")
    synthetic = None
    if isinstance(spec, EntrySpec):
        synthetic = {k: getattr(spec.entry, k) for k in _SYNTHETIC}
    facts = {k: getattr(error, k) for k in _FACTS}
    facts["_message"] = error.message
    catalog_id = catalog.meta.id if catalog is not None else own.get("_catalog_id")
    return (catalog_id, class_ref(cls), state, synthetic, facts, error.args, _origin(catalog))


def reduce_error(error: Error) -> tuple[Any, ...]:
    """``Error.__reduce__`` for the classes of a plain catalog."""
    return (restore_error, error_state(error))


def _resolve(factory: _Factory, catalog: Any, ref: tuple[Any, ...]) -> type[Error] | None:
    kind = ref[0]
    try:
        if kind == "entry":
            entry = catalog.get(ref[2], ref[1])
            return factory.entry_class(entry) if entry is not None else None
        if kind == "module":
            return factory.module_class(ref[1])
        if kind == "space":
            return factory.space_class(ref[1])
    except LookupError:
        return None
    if kind == "ClientError":
        return factory.client_error
    if kind == "ServerError":
        return factory.server_error
    return factory.root


def restore_error(
    catalog_id: str | None,
    ref: tuple[Any, ...],
    state: dict[str, Any],
    synthetic: dict[str, Any] | None,
    facts: dict[str, Any],
    args: tuple[Any, ...],
    origin: tuple[int, int] | None = None,
    find: Callable[[str], Any] | None = None,
) -> Error:
    """Rebuild a pickled error (see the module docstring); ``origin`` names the catalog
    object it came from (used when that object still lives in this process); ``find``
    returns the runtime state of a catalog id (default: a catalog of that id already put
    to use)."""
    live = _exact(catalog_id, origin)
    if live is None and catalog_id is not None:
        live = find(catalog_id) if find is not None else None
        if live is None:
            live = _LIVE.get(catalog_id)
    cls = _resolve(live.factory, live.catalog, ref) if live is not None else None
    if cls is None:  # no such catalog here: a detached error with the same facts
        error: Error = BaseException.__new__(Error)
        error.__dict__.update(facts)
        error._catalog_id = catalog_id  # type: ignore[attr-defined]
    else:
        error = BaseException.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    if synthetic is not None and cls is not None and live is not None:
        error._spec = EntrySpec(live.catalog, Entry(**synthetic), synthetic=True)  # type: ignore[misc]
    elif synthetic is not None:
        error.__dict__.pop("_spec", None)
    return error
