"""The catalog: entries with their spaces and modules, and every lookup over them.

A :class:`Catalog` is immutable once built. Indexes (by space and code, by code
across spaces, by name) are built once, on the first lookup, so a lookup is a
dict access (and a catalog loaded to be checked or converted builds none).
Where a catalog holds the same code twice in one space (a duplicate the checker
reports), the index keeps the first and ``entries`` keeps both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar, cast

from errdex.model.codes import Code, normalize_code, parse_code_query
from errdex.model.types import (
    EMPTY,
    CatalogMeta,
    CompatAllow,
    Entry,
    Module,
    Profile,
    Scan,
    Space,
    Target,
    Verify,
)
from errdex.model.urls import fill_docs_url


class UnknownCodeError(LookupError):
    """Raised by :meth:`Catalog.entry` when no entry has the code or name asked for."""

    def __init__(self, code: Code, catalog_id: str, space: str | None = None) -> None:
        where = f" in space {space!r}" if space else ""
        super().__init__(f"catalog {catalog_id!r} has no error {code!r}{where}")
        self.code = code
        self.space = space


class AmbiguousCodeError(LookupError):
    """Raised when a code exists in several spaces and the caller named none."""

    def __init__(self, code: Code, spaces: Sequence[str]) -> None:
        listed = ", ".join(repr(s) for s in spaces)
        super().__init__(
            f"code {code!r} exists in several spaces ({listed}); pass space=... to choose one"
        )
        self.code = code
        self.spaces = tuple(spaces)


C = TypeVar("C", bound="Catalog")


class Catalog:
    """An immutable catalog of error entries, with its metadata, spaces and modules."""

    __slots__ = (
        "__weakref__",
        "_by_code",
        "_by_key",
        "_by_name",
        "_by_name_folded",
        "compat",
        "entries",
        "meta",
        "modules",
        "origins",
        "profiles",
        "scan",
        "sources",
        "spaces",
        "targets",
        "verify",
    )

    _by_key: dict[tuple[str, Code], Entry] | None
    _by_code: dict[Code, Entry | tuple[Entry, ...]] | None
    _by_name: dict[str, Entry] | None
    _by_name_folded: dict[str, Entry] | None
    meta: CatalogMeta
    spaces: Mapping[str, Space]
    modules: Mapping[str, Module]
    entries: tuple[Entry, ...]
    profiles: Mapping[str, Profile]
    targets: tuple[Target, ...]
    compat: tuple[CompatAllow, ...]
    scan: Scan
    verify: Verify
    sources: tuple[Any, ...]
    origins: Sequence[Any]

    def __init__(
        self,
        meta: CatalogMeta,
        spaces: Mapping[str, Space],
        modules: Mapping[str, Module],
        entries: Sequence[Entry],
        *,
        profiles: Mapping[str, Profile] = EMPTY,
        targets: Sequence[Target] = (),
        compat: Sequence[CompatAllow] = (),
        scan: Scan | None = None,
        verify: Verify | None = None,
        sources: Sequence[Any] = (),
        origins: Sequence[Any] = (),
    ) -> None:
        """Build a catalog. ``sources`` and ``origins`` (one per entry) are where
        the catalog io layer records files and source positions; the model does
        not interpret them."""
        setattr_ = object.__setattr__
        setattr_(self, "meta", meta)
        setattr_(self, "spaces", MappingProxyType(dict(spaces)))
        setattr_(self, "modules", MappingProxyType(dict(modules)))
        entries = tuple(entries)
        setattr_(self, "entries", entries)
        setattr_(self, "profiles", MappingProxyType(dict(profiles)))
        setattr_(self, "targets", tuple(targets))
        setattr_(self, "compat", tuple(compat))
        setattr_(self, "scan", scan if scan is not None else Scan())
        setattr_(self, "verify", verify if verify is not None else Verify())
        setattr_(self, "sources", tuple(sources))
        # an immutable sequence (the io layer's builds origins on access) is kept as it is
        setattr_(self, "origins", tuple(origins) if isinstance(origins, list) else origins)
        # The indexes (_by_key, _by_code, _by_name) are built on the first lookup
        # (_build_indexes): loading a catalog to check or convert it needs none. No
        # __getattr__ builds them: it would slow every attribute read of every catalog
        # (a class with one gets no specialised attribute access).
        setattr_(self, "_by_name_folded", None)
        for name in _INDEXES:
            setattr_(self, name, None)

    def _build_indexes(self) -> _Indexes:
        # Indexes keep the FIRST entry of a duplicated code or name: build the
        # dicts from the reversed sequence so earlier entries overwrite later ones.
        entries = self.entries
        rev = entries[::-1]
        keys = [e.key for e in rev]
        by_key = dict(zip(zip([e.space for e in rev], keys, strict=True), rev, strict=True))
        by_code: dict[Code, Any] = dict(zip(keys, rev, strict=True))
        if len(by_code) < len(by_key):  # some codes exist in several spaces
            groups: dict[Code, list[Entry]] = {}
            for pair, entry in by_key.items():
                groups.setdefault(pair[1], []).append(entry)
            order = {id(e): i for i, e in enumerate(entries)}
            for key, group in groups.items():
                if len(group) > 1:
                    by_code[key] = tuple(sorted(group, key=lambda e: order[id(e)]))
        by_name = {e.name: e for e in rev if e.name is not None}
        setattr_ = object.__setattr__
        setattr_(self, "_by_key", by_key)
        setattr_(self, "_by_code", by_code)
        setattr_(self, "_by_name", by_name)
        return by_key, by_code, by_name

    def as_class(self, cls: type[C]) -> C:
        """Return this catalog as an instance of ``cls`` (this class or a subclass), sharing
        every attribute: ``errdex.load`` gives the runtime-bound :class:`errdex.Catalog`."""
        new = object.__new__(cls)
        for name in _FIELDS:  # an index not built yet (None): each builds its own on use
            object.__setattr__(new, name, object.__getattribute__(self, name))
        object.__setattr__(new, "_by_name_folded", None)
        return new

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Catalog is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Catalog is immutable; cannot delete {name!r}")

    def __repr__(self) -> str:
        return f"<Catalog {self.meta.id!r} with {len(self.entries)} entries>"

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalog):
            return NotImplemented
        return (
            self.meta == other.meta
            and dict(self.spaces) == dict(other.spaces)
            and list(self.modules.items()) == list(other.modules.items())
            and self.entries == other.entries
            and dict(self.profiles) == dict(other.profiles)
            and self.targets == other.targets
            and self.compat == other.compat
        )

    __hash__ = None  # type: ignore[assignment]

    # -- lookups -------------------------------------------------------------

    def get(self, code: Code, space: str | None = None) -> Entry | None:
        """Return the entry with ``code`` (in ``space`` when given), or None.

        Without ``space``, a code defined in several spaces is ambiguous and
        raises :class:`AmbiguousCodeError`.
        """
        by_code = self._by_code
        if by_code is None:
            by_code = self._build_indexes()[1]
        if space is not None:
            by_key = self._by_key
            assert by_key is not None  # built with by_code
            return by_key.get((space, normalize_code(code)))
        # Integer codes and codes spelt as in the catalog hit on the first try;
        # only a miss pays for normalisation (and a bool, which is no code, raises).
        found = by_code.get(code)
        if found is None or type(code) is bool:
            found = by_code.get(normalize_code(code))
        if type(found) is tuple:  # several spaces (an Entry is a NamedTuple: compare types)
            group = cast("tuple[Entry, ...]", found)
            raise AmbiguousCodeError(code, [e.space for e in group])
        return cast("Entry | None", found)

    def find(self, code: Code) -> tuple[Entry, ...]:
        """Return every entry with ``code``, across all spaces (empty when none)."""
        by_code = self._by_code
        if by_code is None:
            by_code = self._build_indexes()[1]
        found = by_code.get(normalize_code(code))
        if found is None:
            return ()
        if type(found) is tuple:
            return cast("tuple[Entry, ...]", found)
        return (cast(Entry, found),)

    def by_name(self, name: str) -> Entry | None:
        """Return the entry named ``name`` (exact first, then case-insensitively), or None."""
        by_name = self._by_name
        if by_name is None:
            by_name = self._build_indexes()[2]
        entry = by_name.get(name)
        if entry is None:
            folded = self._by_name_folded
            if folded is None:  # built on the first case-insensitive miss
                folded = {}
                for known, e in by_name.items():
                    folded.setdefault(known.casefold(), e)
                object.__setattr__(self, "_by_name_folded", folded)
            entry = folded.get(name.casefold())
        return entry

    def entry(self, code_or_name: Code, *, space: str | None = None) -> Entry:
        """Return the entry for a code or a name; raise a clear error when there is none.

        Codes win over names; a string that is neither tries hex (``"0x41E"``).
        """
        if type(code_or_name) is str:
            for key in parse_code_query(code_or_name):
                found = self.get(key, space)
                if found is not None:
                    return found
            named = self.by_name(code_or_name)
            if named is not None and (space is None or named.space == space):
                return named
        else:
            found = self.get(code_or_name, space)
            if found is not None:
                return found
        raise UnknownCodeError(code_or_name, self.meta.id, space)

    def docs_url(self, entry: Entry) -> str | None:
        """The entry's documentation URL (its own template, else the catalog's), or None."""
        template = entry.docs_url or self.meta.docs_url
        return fill_docs_url(template, self.meta.id, entry) if template else None

    def module_entries(self, module: str) -> tuple[Entry, ...]:
        """Return the entries of one module, in catalog order."""
        return tuple(e for e in self.entries if e.module == module)

    def space_entries(self, space: str) -> tuple[Entry, ...]:
        """Return the entries of one code space, in catalog order."""
        return tuple(e for e in self.entries if e.space == space)

    def origin(self, entry_index: int) -> Any:
        """Return where entry number ``entry_index`` was read from (io layer's object)."""
        return self.origins[entry_index] if entry_index < len(self.origins) else None


_FIELDS = tuple(n for n in Catalog.__slots__ if n not in ("_by_name_folded", "__weakref__"))
_INDEXES = ("_by_key", "_by_code", "_by_name")
_Indexes = tuple[
    dict[tuple[str, Code], Entry], dict[Code, "Entry | tuple[Entry, ...]"], dict[str, Entry]
]
