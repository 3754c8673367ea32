"""``cat.errors``: the code index, from every spelling of a code or name to its class."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NoReturn

from errdex.model import AmbiguousCodeError
from errdex.runtime.errors import Error as _Error
from errdex.runtime.factory import ClassFactory

if TYPE_CHECKING:
    from errdex.model import Catalog


def _read_only(self: object, *args: object, **kwargs: object) -> NoReturn:
    raise TypeError("cat.errors is read-only: classes are made from the catalog on first use")


class ErrorClasses(dict[Any, type[_Error]]):
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

    Error: type[_Error]
    ClientError: type[_Error]
    ServerError: type[_Error]

    def __init__(self, factory: ClassFactory) -> None:
        super().__init__()
        self._factory = factory
        self.Error = factory.root
        self.ClientError = factory.client_error
        self.ServerError = factory.server_error

    @property
    def catalog(self) -> Catalog:
        """The catalog these classes are made from."""
        return self._factory.catalog

    @property
    def codes(self) -> ErrorClasses:
        """The code index: ``cat.errors`` itself (kept for ``cat.errors.codes[1051]``)."""
        return self

    def __missing__(self, key: Any) -> type[_Error]:
        catalog = self._factory.catalog
        if type(key) is tuple and len(key) == 2:
            entry = catalog.entry(key[1], space=key[0])
        else:
            entry = catalog.entry(key)
        cls = self._factory.entry_class(entry)
        dict.__setitem__(self, key, cls)  # hashable: the failed lookup that called us hashed it
        return cls

    def get(self, key: Any, default: Any = None) -> Any:
        """Return the class for ``key``, or ``default`` when the catalog has no such code."""
        try:
            return self[key]
        except (LookupError, TypeError):
            return default

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __getattr__(self, name: str) -> type[_Error]:
        if name.startswith("__"):
            raise AttributeError(name)
        catalog = self._factory.catalog
        entry = catalog.by_name(name)
        if entry is None or entry.name != name:
            names = [e.name for e in catalog.entries if e.name]
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise AttributeError(f"catalog {catalog.meta.id!r} has no error named {name!r}{hint}")
        cls = self._factory.entry_class(entry)
        object.__setattr__(self, name, cls)
        return cls

    def __contains__(self, key: object) -> bool:
        try:
            self[key]
        except AmbiguousCodeError:  # in several spaces: the catalog has it
            return True
        except (LookupError, TypeError):
            return False
        return True

    def __iter__(self) -> Iterator[type[_Error]]:
        """Every entry class, in catalog order (makes them all)."""
        make = self._factory.entry_class
        for entry in self._factory.catalog.entries:
            yield make(entry)

    def __len__(self) -> int:
        return len(self._factory.catalog.entries)

    def __repr__(self) -> str:
        return f"<errors of catalog {self._factory.catalog.meta.id!r}: {len(self)} entries>"

    def __eq__(self, other: object) -> bool:
        return self is other

    __hash__ = object.__hash__  # type: ignore[assignment]

    def __dir__(self) -> list[str]:
        entries = self._factory.catalog.entries
        names = [e.name for e in entries if e.name and e.name.isidentifier()]
        return sorted({*names, "Error", "ClientError", "ServerError", "codes", "module", "space"})

    def __reduce__(self) -> NoReturn:
        raise TypeError("cat.errors cannot be pickled: pickle the catalog's errors instead")

    def module(self, module_id: str) -> type[_Error]:
        """Return the class of a module: ``except cat.errors.module("auth")``."""
        return self._factory.module_class(module_id)

    def space(self, space_id: str) -> type[_Error]:
        """Return the class of a code space: ``except cat.errors.space("jsonrpc")``."""
        return self._factory.space_class(space_id)
