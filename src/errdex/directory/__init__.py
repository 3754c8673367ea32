"""The directory layer: many catalogs at once — lookup, explanations, full-text search.

:class:`~errdex.directory.registry.Registry` loads catalogs from paths or the
configuration (:mod:`errdex.directory.config`), finds codes Err.exe-style
across catalogs and spaces, and searches every text in every locale
(:mod:`errdex.directory.search`, SQLite FTS5, CJK included).
:mod:`errdex.directory.explain` turns matches into what ``errdex explain``
prints. Imports the model, catalog io and runtime layers only.
"""

from errdex.directory.registry import Match, Registry, entry_state
from errdex.directory.search import Hit, SearchResult, Snippet

__all__ = ["Hit", "Match", "Registry", "SearchResult", "Snippet", "entry_state"]
