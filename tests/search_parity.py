"""Compare a search index's answer with its reference ranking, page by page.

:class:`errdex.directory.search.SearchIndex` answers some queries through a
shortcut (impact lists, tiers then rowid); ``reference_order`` makes it rank
every match by ``bm25()`` in one SQL statement instead. The tests of each
shortcut compare the two answers with :func:`assert_matches_reference`.
"""

from __future__ import annotations

from collections.abc import Iterable

from errdex.directory.search import NO_FILTERS, Filters, SearchIndex


def assert_matches_reference(
    index: SearchIndex,
    query: str,
    pages: Iterable[tuple[int, int]],
    filters: Filters = NO_FILTERS,
    *,
    snippets: bool = True,
) -> None:
    """Assert that each ``(offset, limit)`` page of ``query`` has the rows, scores and total
    (and, with ``snippets``, the snippets) of the reference ranking."""
    for offset, limit in pages:
        fast = index.search(query, filters, limit=limit, offset=offset)
        index.reference_order = True
        try:
            slow = index.search(query, filters, limit=limit, offset=offset)
        finally:
            index.reference_order = False
        where = (query, filters, offset, limit)
        assert [(h.rowid, h.score) for h in fast.hits] == [(h.rowid, h.score) for h in slow.hits], (
            where
        )
        assert fast.total == slow.total, where
        if snippets:
            assert [h.snippet for h in fast.hits] == [h.snippet for h in slow.hits], where
