"""Rules that keep a catalog's integers and locale tags usable everywhere (E114, E115).

Both are invariants (:mod:`errdex.io.invariants`): a strict load refuses a
catalog that breaks them; ``errdex check`` reports them with the other rules.
"""

from __future__ import annotations

from errdex.check.registry import check
from errdex.io.invariants.locales import INVALID_LOCALE, locale_tags
from errdex.io.invariants.ranges import INTEGER_RANGE, integer_ranges

check(INTEGER_RANGE)(integer_ranges)
check(INVALID_LOCALE)(locale_tags)

__all__ = ["INTEGER_RANGE", "INVALID_LOCALE", "integer_ranges", "locale_tags"]
