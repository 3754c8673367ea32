"""The request-independent parts of a code page, kept rendered in a bounded LRU.

Most of a code page is the same for every request that sees the entry in one
content locale and one interface language: its texts as HTML, the retry
advice, the example responses the runtime renders per profile, its
parameters, variants, examples and translations. :class:`Pages` renders those
two fragments once per (entry, locale, interface language) and keeps them
here; the rest of the page (links carrying ``?lang=``, the language switch,
the search box) is rendered per request. A loaded registry never changes, so
a kept fragment never goes stale.
"""

from __future__ import annotations

import sys

from markupsafe import Markup

from errdex.directory.web.cache import BoundedLRU

Fragments = tuple[Markup, Markup]
"""The two kept parts of one entry's article: texts and responses, then the rest."""


class FragmentMemo(BoundedLRU[Fragments]):
    """An LRU of :data:`Fragments` by key, bounded by count and by bytes.

    At most ``size`` entries and ``max_bytes`` bytes of their strings (the
    oldest go first; a fragment over ``max_bytes // 64`` is not kept).
    ``size=0`` keeps nothing: every page renders every part. The synthetic
    catalog's codes take about 2.8 kB each (both parts, one locale), so the
    default 64 MiB keeps about 24,000 of them: all of a catalog of 10,000
    codes in two languages, the busiest quarter of one of 100,000.
    """

    def __init__(self, size: int = 100_000, max_bytes: int = 64 * 1024 * 1024) -> None:
        super().__init__(size, max_bytes, _bytes)


def _bytes(value: Fragments) -> int:
    """The memory of one kept pair: its two strings and the tuple."""
    return sys.getsizeof(value[0]) + sys.getsizeof(value[1]) + sys.getsizeof(value)
