"""The class factory: one exception class per catalog, code space, module and entry.

Classes are made on first use and kept in their catalog's registry, psycopg's
pattern: one plain dict per catalog, :func:`lookup` is a dict access. A class a module
declares (``class X(AuthError, code="AUTH-ERR-4", name="invalidJWT")``) is registered by
:meth:`Error.__init_subclass__ <errdex.runtime.errors.Error.__init_subclass__>`; the
factory makes its classes with one ``type(name, bases, attrs)`` call each and registers
them itself (handing ``code=``/``name=`` through the hook cost more than the rest of
the bookkeeping). Making a class costs little more than ``type()``: the facts every
render needs (:class:`~errdex.runtime.spec.EntrySpec`) are built on the class's first
use, not when it is made.
"""

from __future__ import annotations

import keyword
import re
import threading
from typing import TYPE_CHECKING, Any

from errdex.model import Entry
from errdex.model.effective import sent_status
from errdex.runtime.errors import Error
from errdex.runtime.spec import EntrySpec

if TYPE_CHECKING:
    from errdex.model import Catalog

_WORDS = re.compile(r"[A-Za-z0-9]+")
_MODULE = "errdex.runtime"


class LazySpec:
    """The ``_spec`` of an entry class until first read: builds the class's
    :class:`~errdex.runtime.spec.EntrySpec` and puts it on the class in its place."""

    __slots__ = ()

    def __get__(self, instance: Error | None, owner: type[Error] | None = None) -> EntrySpec:
        cls: type[Error] = owner if owner is not None else type(instance)  # type: ignore[assignment]
        entry = cls.entry
        assert entry is not None, cls
        spec = EntrySpec(cls.catalog, entry)
        type.__setattr__(cls, "_spec", spec)  # equivalent specs if two threads race
        return spec


_LAZY_SPEC = LazySpec()


class LazyStatus:
    """The ``status`` of an entry class until first read: the HTTP status the entry is
    sent with (:func:`errdex.model.effective.sent_status`), then put on the class."""

    __slots__ = ()

    def __get__(self, instance: Error | None, owner: type[Error] | None = None) -> int:
        cls: type[Error] = owner if owner is not None else type(instance)  # type: ignore[assignment]
        entry = cls.entry
        assert entry is not None, cls
        status = sent_status(cls.catalog, entry)
        type.__setattr__(cls, "status", status)
        return status


_LAZY_STATUS = LazyStatus()


class LazyDoc:
    """The ``__doc__`` of an entry class, written from its entry when read (``help()``,
    ``inspect.getdoc``): ``"<code> <name>: <title>"`` and the description. A class is
    made on every first use of a code, its docstring rarely read."""

    __slots__ = ()

    def __get__(self, instance: Error | None, owner: type[Error] | None = None) -> str:
        cls: type[Error] = owner if owner is not None else type(instance)  # type: ignore[assignment]
        entry = cls.entry
        assert entry is not None, cls
        return entry_doc(entry)


_LAZY_DOC = LazyDoc()


def entry_doc(entry: Entry) -> str:
    """The docstring of an entry's class: code, name and title, then the description."""
    name = entry.name
    doc = f"{entry.code} {name}: {entry.display_title}" if name else f"{entry.code}: "
    if not name:
        doc += entry.display_title
    if entry.description:
        doc += "\n\n" + entry.description
    return doc


def camel(text: str) -> str:
    """``"csghub-auth"`` → ``"CsghubAuth"`` (``"X"`` for text with no letter or digit)."""
    return "".join(w[:1].upper() + w[1:] for w in _WORDS.findall(text)) or "X"


def class_name(entry: Entry) -> str:
    """The class name of an entry: its name when it is an identifier, else ``Error_<code>``."""
    name = entry.name
    if name and name.isidentifier() and not keyword.iskeyword(name):
        return name
    code = entry.code
    if type(code) is int:
        return f"Error_{code}" if code >= 0 else f"Error_minus{-code}"
    return "Error_" + "_".join(_WORDS.findall(str(code)))


def lookup(root: type[Error], space: str, key: Any) -> type[Error]:
    """Return the class already made for ``(space, key)``; raise ``KeyError`` if none."""
    return root._registry[space, key]


class ClassFactory:
    """Makes (once) and keeps the classes of one catalog: the root, ``ClientError`` and
    ``ServerError``, one per space and module, and one per entry on first use."""

    def __init__(
        self,
        catalog: Catalog,
        profiles: dict[str, Any],
        locales: Any = None,
        root_attrs: dict[str, Any] | None = None,
    ) -> None:
        """``profiles`` is the catalog's table of render functions and ``locales`` its
        :class:`~errdex.runtime.negotiation.LocaleCache` (both shared by its classes);
        ``root_attrs`` more attributes of the root class (``__reduce__``)."""
        self.catalog = catalog
        self._locales = locales
        self.lock = threading.RLock()
        self._profiles = profiles
        cid = catalog.meta.id
        self._qualname = cid + "."
        self.registry: dict[Any, type[Error]] = {}
        """``(space, key)`` and ``name`` → entry class, filled as classes are made."""
        self.root: type[Error] = self.make(
            f"{camel(cid)}Error",
            (Error,),
            {
                "__doc__": f"Root of every error of catalog {cid!r}.",
                "_registry": self.registry,
                "catalog": catalog,
                "_profiles": profiles,
                "_locales": locales,
                "_negotiated": locales.answers if locales is not None else {},
                **(root_attrs or {}),
            },
        )
        self.client_error = self.make(
            "ClientError",
            (self.root,),
            {"__doc__": "A decoded 4xx error whose code the catalog does not know.", "status": 400},
        )
        self.server_error = self.make(
            "ServerError",
            (self.root,),
            {"__doc__": "A decoded 5xx error whose code the catalog does not know.", "status": 500},
        )
        self._modules: dict[str, type[Error]] = {}
        self._spaces: dict[str, type[Error]] = {}

    def make(
        self, class_name: str, bases: tuple[type, ...], attrs: dict[str, Any], /, **keys: Any
    ) -> type[Error]:
        """Make one class of this catalog (``keys``: ``code=``, ``name=`` to register it)."""
        attrs["__module__"] = _MODULE
        attrs["__qualname__"] = self._qualname + class_name
        attrs["_fast"] = {}  # the catalog, its profiles and locales: inherited from the root
        cls: type[Error] = type(class_name, bases, attrs, **keys)
        return cls

    def space_class(self, space_id: str) -> type[Error]:
        """Return (making once) the class of a code space."""
        cls = self._spaces.get(space_id)
        if cls is not None:
            return cls
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
                attrs: dict[str, Any] = {
                    "__doc__": f"Errors of code space {space_id!r}: {title}.",
                    "space": space_id,
                }
                if space is not None and space.http_status is not None:
                    attrs["status"] = space.http_status
                cls = self.make(f"{camel(space_id)}SpaceError", (self.root,), attrs)
                self._spaces[space_id] = cls
        return cls

    def module_class(self, module_id: str) -> type[Error]:
        """Return (making once) the class of a module."""
        cls = self._modules.get(module_id)
        if cls is not None:
            return cls
        module = self.catalog.modules.get(module_id)
        if module is None:
            import difflib

            close = difflib.get_close_matches(module_id, list(self.catalog.modules), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise LookupError(f"catalog {self.catalog.meta.id!r} has no module {module_id!r}{hint}")
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
                cls = self.make(f"{camel(module_id)}Error", (parent,), attrs)
                self._modules[module_id] = cls
        return cls

    def entry_class(self, entry: Entry) -> type[Error]:
        """Return (making once) the class of an entry of this catalog."""
        space = entry.space
        key = (space, entry.key)
        cls = self.registry.get(key)
        if cls is not None:
            return cls if cls.entry is entry else self._duplicate(entry)
        module = entry.module
        module_cls = self._modules.get(module) if module is not None else None
        if module_cls is None and module is not None and module in self.catalog.modules:
            module_cls = self.module_class(module)
        if module_cls is None:
            bases: tuple[type[Error], ...] = (self._spaces.get(space) or self.space_class(space),)
        elif module_cls.space == space:
            bases = (module_cls,)
        else:
            bases = (module_cls, self._spaces.get(space) or self.space_class(space))
        with self.lock:
            cls = self.registry.get(key)
            if cls is None:
                cls = self._make_entry_class(entry, bases)
                registry = self.registry
                registry[key] = cls
                if entry.name is not None:
                    registry.setdefault(entry.name, cls)
        return cls if cls.entry is entry else self._duplicate(entry)

    def _make_entry_class(self, entry: Entry, bases: tuple[type[Error], ...]) -> type[Error]:
        """Make an entry's class with one ``type()`` call, its class dict holding only the
        attributes it does not inherit from ``bases[0]`` (the fewer, the cheaper ``type()``
        is). The factory registers it itself: ``type()`` without ``code=``/``name=``
        keywords skips passing them through :meth:`Error.__init_subclass__
        <errdex.runtime.errors.Error.__init_subclass__>`, which registers the classes a
        module declares (``class X(AuthError, code=..., name=...)``)."""
        name = class_name(entry)
        parent = bases[0]
        attrs = self._entry_attrs(entry, parent.space, parent.module)
        attrs["__module__"] = _MODULE
        attrs["__qualname__"] = self._qualname + name
        attrs["_fast"] = {}
        cls: type[Error] = type(name, bases, attrs)
        return cls

    def _entry_attrs(self, entry: Entry, space: str | None, module: str | None) -> dict[str, Any]:
        """The class attributes of an entry's class: only those it does not inherit from
        its first base (of ``space`` and ``module``) — the fewer, the cheaper ``type()`` is."""
        attrs: dict[str, Any] = {
            "__doc__": _LAZY_DOC,
            "_spec": _LAZY_SPEC,
            "entry": entry,
            "code": entry.code,
            "status": _LAZY_STATUS,
        }
        if entry.name is not None:
            attrs["name"] = entry.name
        if space != entry.space:
            attrs["space"] = entry.space
        if module != entry.module:
            attrs["module"] = entry.module
        if entry.status == "removed":
            attrs["_removed"] = True
        retryable = entry.retryable
        if retryable is not None:
            attrs["retryable"] = retryable
        # an entry that is not retryable never sends Retry-After, even an inherited one
        if entry.retry_after is not None and retryable is not False:
            attrs["retry_after"] = entry.retry_after
        return attrs

    def _duplicate(self, entry: Entry) -> type[Error]:
        """A second entry with a code already registered (a duplicate ``check`` reports):
        its own class, kept apart from the registry."""
        key = ("duplicate", id(entry))
        with self.lock:
            cls = self.registry.get(key)
            if cls is None:
                space_cls = self.space_class(entry.space)
                attrs = self._entry_attrs(entry, space_cls.space, space_cls.module)
                cls = self.make(class_name(entry), (space_cls,), attrs)
                self.registry[key] = cls
        return cls
