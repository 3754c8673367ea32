"""Search a registry without loading it: its cached index stands in for its catalogs.

``errdex search`` needs the index only. :func:`open_search` resolves the
registry's paths (:mod:`errdex.directory.config`), hashes their files
(:func:`~errdex.directory.fingerprint.fingerprint`) and, when the cache holds
the index of exactly those contents, answers a :class:`StoredRegistry` — no
catalog is parsed. Otherwise it loads the :class:`Registry` as usual (which
builds the index on the first search and stores it in the cache).

Only a registry that loads without problems is cached, so a registry whose
catalogs report diagnostics is loaded each time and its problems printed
each time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from errdex.directory import config
from errdex.directory.diskcache import IndexCache
from errdex.directory.fingerprint import fingerprint
from errdex.directory.search import IndexFormatError, SearchIndex

if TYPE_CHECKING:  # loading code is imported only when the cache cannot answer
    from errdex.directory.registry import Registry
    from errdex.io import Diagnostic


class StoredRegistry:
    """A registry known by its cached search index only: its catalog ids and the index.

    Offers what a search needs (:attr:`index`, :attr:`catalog_ids`,
    :attr:`problems`, :attr:`origin`), like a :class:`Registry` does.
    """

    problems: tuple[Diagnostic, ...] = ()
    """Always empty: only registries that load without problems are cached."""

    def __init__(self, index: SearchIndex, origin: str) -> None:
        self.index = index
        """The search index read from the cache."""
        self.origin = origin
        """Where the catalog list came from (see :class:`config.RegistryConfig`)."""

    def __repr__(self) -> str:
        return f"<StoredRegistry {list(self.catalog_ids)} ({len(self.index)} entries)>"

    @property
    def catalog_ids(self) -> tuple[str, ...]:
        """The ids of the indexed catalogs, in registry order."""
        return tuple(cid for cid, _ in self.index.catalogs)


def open_search(
    paths: Sequence[str | Path] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: str | Path | None = None,
    cache: IndexCache | None = None,
) -> StoredRegistry | Registry:
    """The registry the configuration names (as :meth:`Registry.default`), as a
    :class:`StoredRegistry` when ``cache`` holds its index, else loaded."""
    if cache is not None:
        resolved = config.resolve(paths, environ=environ, cwd=cwd)
        key = None if resolved.problems else fingerprint(resolved.paths)
        db = cache.load(key) if key is not None else None
        if db is not None:
            try:
                return StoredRegistry(SearchIndex(db), resolved.origin)
            except IndexFormatError:
                db.close()
    from errdex.directory.registry import Registry

    return Registry.default(paths, environ=environ, cwd=cwd, cache=cache)


__all__ = ["StoredRegistry", "open_search"]
