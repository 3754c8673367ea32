"""Rules that keep a catalog's integers, locale tags and target outputs usable everywhere
(E114, E115, E116).

All are invariants (:mod:`errdex.io.invariants`): a strict load refuses a
catalog that breaks them; ``errdex check`` reports them with the other rules.
"""

from __future__ import annotations

from errdex.check.registry import check
from errdex.io.invariants.locales import INVALID_LOCALE, locale_tags
from errdex.io.invariants.ranges import INTEGER_RANGE, integer_ranges
from errdex.io.invariants.targets import TARGET_OUTSIDE, target_outputs

check(INTEGER_RANGE)(integer_ranges)
check(INVALID_LOCALE)(locale_tags)
check(TARGET_OUTSIDE)(target_outputs)

__all__ = [
    "INTEGER_RANGE",
    "INVALID_LOCALE",
    "TARGET_OUTSIDE",
    "integer_ranges",
    "locale_tags",
    "target_outputs",
]
