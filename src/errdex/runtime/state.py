"""Per-catalog runtime state: the exception classes, code index and locale cache.

:func:`runtime_of` returns the :class:`CatalogRuntime` of a catalog, creating
it on first use and keeping it on the catalog (the model reserves a slot for
it), so ``cat.error(...)``, ``cat.errors`` and every render share one set of
classes. Classes are made lazily, one per entry, module and space, under a
lock so that two threads never make two classes for one entry.
"""

from __future__ import annotations

import difflib
import keyword
import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from errdex.model import AmbiguousCodeError, Entry, UnknownCodeError, normalize_code
from errdex.runtime.errors import OPTIONS, Error
from errdex.runtime.locale import negotiate
from errdex.runtime.spec import EntrySpec

if TYPE_CHECKING:
    from errdex.model import Catalog

_LOCK = threading.Lock()
_new_exception = BaseException.__new__
_WORDS = re.compile(r"[A-Za-z0-9]+")
_NEGOTIATION_CACHE = 1024


class RemovedCodeError(LookupError):
    """Raised by ``cat.error(...)`` for a removed code: a tombstone is never raised again."""

    def __init__(self, entry: Entry, catalog_id: str) -> None:
        hint = f"; use {entry.replaced_by!r} instead" if entry.replaced_by is not None else ""
        why = f" ({entry.reason})" if entry.reason else ""
        super().__init__(f"error {entry.code!r} of catalog {catalog_id!r} was removed{why}{hint}")
        self.entry = entry


def _camel(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in _WORDS.findall(text)) or "X"


def _class_name(entry: Entry) -> str:
    name = entry.name
    if name and name.isidentifier() and not keyword.iskeyword(name):
        return name
    code = entry.code
    if type(code) is int:
        return f"Error_{code}" if code >= 0 else f"Error_minus{-code}"
    return "Error_" + "_".join(_WORDS.findall(str(code)))


def runtime_of(catalog: Catalog) -> CatalogRuntime:
    """Return the runtime state of ``catalog``, creating it on first use."""
    state = catalog._runtime
    if state is None:
        with _LOCK:
            state = catalog._runtime
            if state is None:
                state = CatalogRuntime(catalog)
                object.__setattr__(catalog, "_runtime", state)
    return state


def _read_only(self: Any, *args: Any, **kwargs: Any) -> Any:
    raise TypeError("cat.errors is read-only: classes are made from the catalog on first use")


class ErrorClasses(dict):  # type: ignore[type-arg]
    """``cat.errors``: the catalog's exception classes, made on first use.

    - ``cat.errors["AUTH-ERR-4"]``, ``cat.errors[1051]``,
      ``cat.errors["jsonrpc", -32000]`` — the class of a code (or ``(space, code)``;
      names work too);
    - ``cat.errors.invalidJWT`` — the class of the entry named ``invalidJWT``;
    - ``cat.errors.module("auth")``, ``cat.errors.space("app")`` — group classes;
    - ``cat.errors.Error`` — the catalog's root class; ``ClientError`` and
      ``ServerError`` — what :func:`errdex.decode` returns for unknown 4xx/5xx codes.

    It is itself the code index: a read-only ``dict`` subclass from each spelling
    looked up to its class, so a repeated ``cat.errors[code]`` is a plain dict hit;
    a miss goes through :meth:`__missing__`, which accepts every spelling the
    catalog does (``1054``, ``"1054"``, ``"auth-err-4"``, a name, ``(space, code)``).
    Iterating gives every entry class, ``len`` the number of entries.

    Names that are attributes here (``Error``, ``codes``, ``module``, ``space`` and
    the ``dict`` methods such as ``get``, ``items``, ``copy``) are reached by
    ``cat.errors["name"]``.
    """

    def __init__(self, state: CatalogRuntime) -> None:
        super().__init__()
        self._state = state
        self.Error = state.root
        self.ClientError = state.client_error
        self.ServerError = state.server_error

    @property
    def codes(self) -> ErrorClasses:
        """The code index: ``cat.errors`` itself (kept for ``cat.errors.codes[1051]``)."""
        return self

    def __missing__(self, key: Any) -> type[Error]:
        catalog = self._state.catalog
        if type(key) is tuple and len(key) == 2:
            entry = catalog.entry(key[1], space=key[0])
        else:
            entry = catalog.entry(key)
        cls = self._state.entry_class(entry)
        dict.__setitem__(self, key, cls)  # hashable: the failed lookup that called us hashed it
        return cls

    def get(self, key: Any, default: Any = None) -> Any:  # type: ignore[override]
        """Return the class for ``key``, or ``default`` when the catalog has no such code."""
        try:
            return self[key]
        except (LookupError, TypeError):
            return default

    __setitem__ = __delitem__ = __ior__ = _read_only  # type: ignore[assignment]
    clear = pop = popitem = setdefault = update = _read_only  # type: ignore[assignment]

    def __getattr__(self, name: str) -> type[Error]:
        if name.startswith("__"):
            raise AttributeError(name)
        catalog = self._state.catalog
        entry = catalog.by_name(name)
        if entry is None or entry.name != name:
            names = [e.name for e in catalog.entries if e.name]
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise AttributeError(f"catalog {catalog.meta.id!r} has no error named {name!r}{hint}")
        cls = self._state.entry_class(entry)
        setattr(self, name, cls)
        return cls

    def __contains__(self, key: object) -> bool:
        try:
            self[key]
        except AmbiguousCodeError:  # in several spaces: the catalog has it
            return True
        except (LookupError, TypeError):
            return False
        return True

    def __iter__(self) -> Iterator[type[Error]]:  # type: ignore[override]
        """Every entry class, in catalog order (makes them all)."""
        for entry in self._state.catalog.entries:
            yield self._state.entry_class(entry)

    def __len__(self) -> int:
        return len(self._state.catalog.entries)

    def __repr__(self) -> str:
        return f"<errors of catalog {self._state.catalog.meta.id!r}: {len(self)} entries>"

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__  # type: ignore[assignment]

    def __dir__(self) -> list[str]:
        names = [e.name for e in self._state.catalog.entries if e.name and e.name.isidentifier()]
        return sorted({*names, "Error", "ClientError", "ServerError", "codes", "module", "space"})

    def module(self, module_id: str) -> type[Error]:
        """Return the class of a module: ``except cat.errors.module("auth")``."""
        return self._state.module_class(module_id)

    def space(self, space_id: str) -> type[Error]:
        """Return the class of a code space: ``except cat.errors.space("jsonrpc")``."""
        return self._state.space_class(space_id)


class CatalogRuntime:
    """The runtime state of one catalog: classes, code index, locales. One per catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.lock = threading.RLock()
        cid = catalog.meta.id
        self.profiles: dict[str, Any] = {}
        """Render functions by name (built-in and ``[profiles.NAME]``), filled on first use."""

        self.root: type[Error] = self._make(
            f"{_camel(cid)}Error",
            (Error,),
            {"__doc__": f"Root of every error of catalog {cid!r}."},
        )
        self.client_error = self._make(
            "ClientError",
            (self.root,),
            {"__doc__": "A decoded 4xx error whose code the catalog does not know.", "status": 400},
        )
        self.server_error = self._make(
            "ServerError",
            (self.root,),
            {"__doc__": "A decoded 5xx error whose code the catalog does not know.", "status": 500},
        )
        self._entries: dict[int, type[Error]] = {}
        self._modules: dict[str, type[Error]] = {}
        self._spaces: dict[str, type[Error]] = {}
        self.errors = ErrorClasses(self)
        self.raisable: dict[Any, type[Error]] = {}
        """``code or name → class`` of the codes ``cat.error`` has raised (none removed)."""
        self.codes: ErrorClasses = self.errors
        """The code index (``cat.errors`` itself)."""
        meta = catalog.meta
        found = [meta.default_locale, *meta.locales]
        for entry in catalog.entries:
            found.extend(entry.translations)
        self.locales: tuple[str, ...] = tuple(dict.fromkeys(found))
        """Every locale the catalog has texts in, the default first."""
        self._negotiated: dict[str, str] = {}
        self.plain_profiles: dict[str, Any] = {}
        """Compiled ``[profiles.NAME]`` render functions, by name."""
        self.decode_index: Any = None
        """Lookup tables :mod:`errdex.runtime.decode` builds on first use."""

    def _make(self, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> type[Error]:
        attrs = {
            "__module__": "errdex.runtime",
            "__qualname__": f"{self.catalog.meta.id}.{name}",
            "catalog": self.catalog,
            "_profiles": self.profiles,
            **attrs,
        }
        return type(name, bases, attrs)  # type: ignore[return-value]

    # -- classes ---------------------------------------------------------------

    def space_class(self, space_id: str) -> type[Error]:
        """Return (making once) the class of a code space."""
        cls = self._spaces.get(space_id)
        if cls is None:
            space = self.catalog.spaces.get(space_id)
            if space is None and not any(e.space == space_id for e in self.catalog.entries):
                raise LookupError(
                    f"catalog {self.catalog.meta.id!r} has no space {space_id!r}; "
                    f"spaces: {', '.join(self.catalog.spaces) or 'none declared'}"
                )
            with self.lock:
                cls = self._spaces.get(space_id)
                if cls is None:
                    title = (space.title if space else None) or space_id
                    attrs = {
                        "__doc__": f"Errors of code space {space_id!r}: {title}.",
                        "space": space_id,
                    }
                    if space is not None and space.http_status is not None:
                        attrs["status"] = space.http_status
                    cls = self._make(f"{_camel(space_id)}SpaceError", (self.root,), attrs)
                    self._spaces[space_id] = cls
        return cls

    def module_class(self, module_id: str) -> type[Error]:
        """Return (making once) the class of a module."""
        cls = self._modules.get(module_id)
        if cls is None:
            module = self.catalog.modules.get(module_id)
            if module is None:
                close = difflib.get_close_matches(module_id, list(self.catalog.modules), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise LookupError(
                    f"catalog {self.catalog.meta.id!r} has no module {module_id!r}{hint}"
                )
            parent = self.space_class(module.space)
            with self.lock:
                cls = self._modules.get(module_id)
                if cls is None:
                    attrs: dict[str, Any] = {
                        "__doc__": f"Errors of module {module_id!r}: {module.title or module_id}.",
                        "space": module.space,
                        "module": module_id,
                    }
                    if module.http_status is not None:
                        attrs["status"] = module.http_status
                    cls = self._make(f"{_camel(module_id)}Error", (parent,), attrs)
                    self._modules[module_id] = cls
        return cls

    def entry_class(self, entry: Entry) -> type[Error]:
        """Return (making once) the class of an entry of this catalog."""
        cls = self._entries.get(id(entry))
        if cls is not None:
            return cls
        bases: tuple[type[Error], ...]
        space_cls = self.space_class(entry.space)
        if entry.module is not None and entry.module in self.catalog.modules:
            module_cls = self.module_class(entry.module)
            bases = (module_cls,) if module_cls.space == entry.space else (module_cls, space_cls)
        else:
            bases = (space_cls,)
        with self.lock:
            cls = self._entries.get(id(entry))
            if cls is None:
                spec = EntrySpec(self.catalog, entry)
                doc = f"{entry.code} {entry.name or ''}: {spec.title}".replace("  ", " ")
                if entry.description:
                    doc += "\n\n" + entry.description
                cls = self._make(
                    _class_name(entry),
                    bases,
                    {
                        "__doc__": doc,
                        "_spec": spec,
                        "_removed": entry.status == "removed",
                        "entry": entry,
                        "code": entry.code,
                        "name": entry.name,
                        "space": entry.space,
                        "module": entry.module,
                        "status": spec.status,
                        "retryable": entry.retryable,
                        "retry_after": entry.retry_after,
                    },
                )
                self._entries[id(entry)] = cls
        return cls

    def spec(self, entry: Entry) -> EntrySpec:
        """Return the precomputed facts of an entry."""
        return self.entry_class(entry)._spec  # type: ignore[return-value]

    # -- raising -----------------------------------------------------------------

    def error(self, code_or_name: Any, space: str | None, params: dict[str, Any]) -> Error:
        """``cat.error(...)``: look the class up (one dict hit on repeats) and build its error."""
        try:
            cls = self.raisable.get(code_or_name) if space is None else None
        except TypeError:  # unhashable: no code
            cls = None
        if cls is None:
            cls = self._raisable(code_or_name, space)
        if not params:
            return _new_exception(cls)  # type: ignore[no-any-return]
        if OPTIONS.isdisjoint(params):
            # What Error.__init__ does for message parameters alone, without the call.
            error: Error = _new_exception(cls)
            error.params = params
            return error
        return cls(**params)

    def _raisable(self, code_or_name: Any, space: str | None) -> type[Error]:
        """The class ``cat.error`` raises for a code, remembered per spelling in
        :attr:`raisable`; a removed code raises :class:`RemovedCodeError`."""
        try:
            cls = self.codes[code_or_name if space is None else (space, code_or_name)]
        except TypeError:
            raise UnknownCodeError(code_or_name, self.catalog.meta.id, space) from None
        if cls._removed:  # type: ignore[attr-defined]
            raise RemovedCodeError(cls.entry, self.catalog.meta.id)  # type: ignore[arg-type]
        if space is None:
            self.raisable[code_or_name] = cls
        return cls

    def internal_entry(self) -> Entry | None:
        """The entry an unexpected exception renders as: the one ``meta.internal_error``
        names, else the catalog's own HTTP 500 (code 500 in an ``http`` space), else None."""
        code = self.catalog.meta.internal_error
        if code is not None:
            try:
                return self.catalog.get(code)
            except AmbiguousCodeError:
                return self.catalog.find(code)[0]
        for entry in self.catalog.find(500):
            space = self.catalog.spaces.get(entry.space)
            if space is not None and space.kind == "http" and entry.status != "removed":
                return entry
        return None

    # -- locales -----------------------------------------------------------------

    def negotiate(self, accept_language: str) -> str:
        """Return the catalog locale that best serves an ``Accept-Language`` value (cached)."""
        found = self._negotiated.get(accept_language)
        if found is None:
            found = negotiate(accept_language, self.locales, self.catalog.meta.default_locale)
            if len(self._negotiated) >= _NEGOTIATION_CACHE:
                self._negotiated.clear()
            self._negotiated[accept_language] = found
        return found


def same_code(a: Any, b: Any) -> bool:
    """Whether two codes are the same code (``1054`` and ``"1054"``); never raises."""
    try:
        return normalize_code(a) == normalize_code(b)
    except TypeError:
        return False
