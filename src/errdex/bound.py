"""The catalog a service holds: the model's catalog joined with the runtime.

:func:`errdex.load` returns a :class:`Catalog`: the immutable model catalog
(:class:`errdex.model.Catalog`, every lookup) plus the errors API —
``cat.error(...)``, ``cat.errors``, ``cat.module_error(...)``, ``cat.space_error(...)``.
This join sits above both layers: the model knows nothing of the runtime, and the
runtime is imported on the first call here, not with this module (``import errdex;
errdex.load(...)`` stays light). The catalog keeps its runtime state (its classes,
code index, locale cache) in its own slot.
"""

from __future__ import annotations

import functools
import inspect  # already imported by errdex.io (dataclasses): no cost
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec

from errdex.io.load import load as io_load
from errdex.io.load import loads as io_loads
from errdex.model.catalog import Catalog as ModelCatalog
from errdex.model.codes import Code

if TYPE_CHECKING:
    from errdex.runtime.errors import Error
    from errdex.runtime.index import ErrorClasses
    from errdex.runtime.state import CatalogRuntime

_LOCK = threading.Lock()
_new_exception = BaseException.__new__
_OPTIONS: frozenset[str] = frozenset()
"""``errdex.runtime.errors.OPTIONS``, copied here on the first raise (the runtime is lazy)."""
_BY_ID: weakref.WeakValueDictionary[str, Catalog] = weakref.WeakValueDictionary()
"""The last catalog loaded of each id: where an unpickled error finds its classes."""


class _NoCode:
    """The default of ``cat.error``'s positional code: the code came by keyword (or not at all)."""

    __slots__ = ()


_NO_CODE = _NoCode()


def _never_plain(params: dict[str, Any]) -> bool:
    return False


_plain_params: Callable[[dict[str, Any]], bool] = _never_plain
"""Whether ``cat.error``'s keyword arguments are message parameters only (no option, no
``space=``, no code by keyword): ``frozenset.isdisjoint`` of those names, set with the
runtime on the first raise (until then every call takes the slow path)."""


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _error(self: Catalog, code_or_name: Code | _NoCode = _NO_CODE, /, **params: Any) -> Error:
    """Return the :class:`errdex.Error` of a code or name, parameters filled in.

    ``raise cat.error("AUTH-ERR-4", age=5)``. A code in several spaces needs
    ``space=``; an unknown one raises :class:`errdex.UnknownCodeError`, a removed
    one :class:`errdex.RemovedCodeError`. Keyword arguments are the message
    parameters and the options of :class:`errdex.Error`.

    Its signature is ``error(code_or_name, *, space=None, **params)``. The code is
    positional-only here and ``space`` is read from ``params`` by the slow path, so
    that a raise of a spelling already seen, with message parameters only, is one dict
    hit, one set test and the instance: keyword-only parameters cost a comparison per
    keyword argument on every call.
    """
    try:
        cls = self._raisable[code_or_name]
    except (KeyError, TypeError):
        return self._slow_error(code_or_name, params)
    if not params:
        error: Error = _new_exception(cls)
        return error
    if _plain_params(params):
        error = _new_exception(cls)
        error.params = params
        return error
    return self._slow_error(code_or_name, params)


_error.__name__, _error.__qualname__ = "error", "Catalog.error"
vars(_error)["__signature__"] = inspect.Signature(  # what help() and inspect show
    [
        inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("code_or_name", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("space", inspect.Parameter.KEYWORD_ONLY, default=None),
        inspect.Parameter("params", inspect.Parameter.VAR_KEYWORD),
    ]
)


class Catalog(ModelCatalog):
    """A catalog of error codes with its errors: what :func:`errdex.load` returns.

    Everything of :class:`errdex.model.Catalog` (``cat.entry(code)``, ``cat.get``,
    ``cat.entries`` …), and ``raise cat.error("AUTH-ERR-4", age=5)``,
    ``except cat.module_error("auth")``, ``cat.errors.invalidJWT``.
    """

    __slots__ = ("_raisable", "_state")

    _state: CatalogRuntime | None
    _raisable: dict[Any, type[Error]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Build a catalog as :class:`errdex.model.Catalog` does (same arguments)."""
        super().__init__(*args, **kwargs)
        object.__setattr__(self, "_state", None)
        object.__setattr__(self, "_raisable", {})
        _BY_ID[self.meta.id] = self

    @classmethod
    def bind(cls, catalog: ModelCatalog) -> Catalog:
        """Return ``catalog`` as a :class:`Catalog` (itself when it already is one)."""
        if isinstance(catalog, cls):
            return catalog
        bound = catalog.as_class(cls)
        object.__setattr__(bound, "_state", None)
        object.__setattr__(bound, "_raisable", {})
        _BY_ID[bound.meta.id] = bound
        return bound

    def runtime_state(self) -> CatalogRuntime:
        """This catalog's runtime state (:class:`errdex.runtime.state.CatalogRuntime`),
        made on first use."""
        state = self._state
        if state is None:
            with _LOCK:
                state = self._state
                if state is None:
                    global _OPTIONS, _plain_params
                    from errdex.runtime.errors import OPTIONS
                    from errdex.runtime.state import CatalogRuntime

                    _OPTIONS = OPTIONS
                    _plain_params = (OPTIONS | {"space", "code_or_name"}).isdisjoint
                    state = CatalogRuntime(self, _reduce_error)
                    object.__setattr__(self, "_state", state)
        return state

    if TYPE_CHECKING:

        def error(self, code_or_name: Code, *, space: str | None = None, **params: Any) -> Error:
            """Return the :class:`errdex.Error` of a code or name, parameters filled in."""
            ...

    else:
        error = _error

    def _slow_error(self, code_or_name: Code | _NoCode, params: dict[str, Any]) -> Error:
        """``cat.error`` for what its fast path leaves: a first raise of a spelling, a
        ``space=``, options, a code given by keyword, a code it does not know."""
        if not isinstance(code_or_name, _NoCode):
            if "code_or_name" in params:
                raise TypeError("error() got multiple values for argument 'code_or_name'")
            code: Code = code_or_name
        elif "code_or_name" in params:
            code = params.pop("code_or_name")
        else:
            raise TypeError("error() missing 1 required positional argument: 'code_or_name'")
        space = params.pop("space", None)
        cls = self._raisable.get(code) if space is None and _hashable(code) else None
        if cls is None:
            cls = self._raisable_class(code, space)
        if not params:
            error: Error = _new_exception(cls)
            return error
        if _OPTIONS.isdisjoint(params):
            error = _new_exception(cls)
            error.params = params
            return error
        return cls(**params)

    def _raisable_class(self, code_or_name: Code, space: str | None) -> type[Error]:
        from errdex.runtime.raising import raisable_class

        cls = raisable_class(self.runtime_state().errors, code_or_name, space)
        if space is None:
            self._raisable[code_or_name] = cls
        return cls

    @property
    def errors(self) -> ErrorClasses:
        """The catalog's exception classes (:class:`errdex.runtime.index.ErrorClasses`):
        ``cat.errors.invalidJWT``, ``cat.errors["AUTH-ERR-4"]``, ``cat.errors.module("auth")``."""
        return self.runtime_state().errors

    def module_error(self, module: str) -> type[Error]:
        """The exception class of a module: ``except cat.module_error("auth")``."""
        return self.runtime_state().factory.module_class(module)

    def space_error(self, space: str) -> type[Error]:
        """The exception class of a code space: ``except cat.space_error("jsonrpc")``."""
        return self.runtime_state().factory.space_class(space)

    def __reduce__(self) -> Any:
        raise TypeError("a catalog cannot be pickled: load it again with errdex.load(path)")


def _reduce_error(error: Error) -> tuple[Any, ...]:
    """How the errors of an :class:`errdex.Catalog` pickle (see :mod:`errdex.runtime.pickling`)."""
    from errdex.runtime.pickling import error_state

    return (_restore_error, error_state(error))


def _restore_error(*state: Any) -> Error:
    """Unpickle an error: its class from the catalog of its id loaded in this process."""
    from errdex.runtime.pickling import restore_error

    catalog_id, ref, instance, synthetic, facts, args, *origin = state  # 6 before origins
    where = origin[0] if origin else None
    return restore_error(catalog_id, ref, instance, synthetic, facts, args, where, _find_state)


def _find_state(catalog_id: str) -> CatalogRuntime | None:
    catalog = _BY_ID.get(catalog_id)
    return catalog.runtime_state() if catalog is not None else None


P = ParamSpec("P")


def _bound(func: Callable[P, ModelCatalog]) -> Callable[P, Catalog]:
    """Wrap a loader of :mod:`errdex.io` so that it returns a bound :class:`Catalog`."""

    @functools.wraps(func)
    def loader(*args: P.args, **kwargs: P.kwargs) -> Catalog:
        return Catalog.bind(func(*args, **kwargs))

    return loader


load = _bound(io_load)
"""``errdex.load(path)``: :func:`errdex.io.load`, returning an :class:`errdex.Catalog`."""
loads = _bound(io_loads)
"""``errdex.loads(text, format)``: :func:`errdex.io.loads`, returning an :class:`errdex.Catalog`."""
