"""The directory layer: many catalogs at once — lookup, explanations, full-text search.

:class:`~errdex.directory.registry.Registry` loads catalogs from paths or the
configuration (:mod:`errdex.directory.config`), finds codes Err.exe-style
across catalogs and spaces, and searches every text in every locale
(:mod:`errdex.directory.search`, SQLite FTS5, CJK included), with the index
kept between runs in a cache folder (:mod:`errdex.directory.diskcache`).
:mod:`errdex.directory.explain` turns matches into what ``errdex explain``
prints. Imports the model, catalog io and runtime layers only.

The names below are imported on first use, so that a search answered from
the cache (:mod:`errdex.directory.stored`) does not pay for loading code.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from errdex.directory.registry import Match, Registry, entry_state
    from errdex.directory.search import Hit, SearchResult, Snippet

__all__ = ["Hit", "Match", "Registry", "SearchResult", "Snippet", "entry_state"]

_HOMES = {
    "Hit": "errdex.directory.search",
    "Match": "errdex.directory.registry",
    "Registry": "errdex.directory.registry",
    "SearchResult": "errdex.directory.search",
    "Snippet": "errdex.directory.search",
    "entry_state": "errdex.directory.registry",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'errdex.directory' has no attribute {name!r}")
    return getattr(import_module(home), name)
