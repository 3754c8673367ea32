"""Fold the repeats of a backlog rule in the reports people read: the first few, then a count.

A missing translation (W301) is reported once per entry and locale. That is
right for editors and SARIF viewers, where each place is one to fix, but not
for a terminal or a pull request: declaring a new locale in a 100,000-code
catalog would print 100,000 warnings and bury everything else. The text and
GitHub reports therefore show the first :data:`SHOWN` diagnostics of each
group (one rule, one file, one fix: for W301, one locale) and one line saying
how many more there are; the JSON and SARIF reports keep every diagnostic, and
the counts of the summary line count them all.
"""

from __future__ import annotations

from typing import NamedTuple

from errdex.io import Diagnostic

FOLDED = frozenset({"W301"})
"""Rules whose repeats are folded: one finding per entry of a backlog, not a defect each."""
SHOWN = 5
"""Diagnostics of a group shown before the rest are folded."""
FOLD_FROM = 2 * SHOWN
"""A group is folded only when it has more than this many diagnostics."""


class Folded(NamedTuple):
    """The diagnostics of one group past the first :data:`SHOWN`: the first of them and
    how many there are."""

    first: Diagnostic
    hidden: int

    @property
    def message(self) -> str:
        """What the report says in their place."""
        d = self.first
        return (
            f"{self.hidden:,} more {d.rule.slug} findings in this file with the same fix are"
            f" not shown ({SHOWN} are; --format json lists every one)"
        )


def _group(d: Diagnostic) -> tuple[str, str | None, str | None] | None:
    return (d.rule.id, d.file, d.hint) if d.rule.id in FOLDED else None


def fold(diagnostics: list[Diagnostic]) -> list[Diagnostic | Folded]:
    """``diagnostics`` (in report order) with each big group's repeats folded into one
    :class:`Folded` where its first hidden diagnostic was."""
    sizes: dict[tuple[str, str | None, str | None], int] = {}
    for d in diagnostics:
        key = _group(d)
        if key is not None:
            sizes[key] = sizes.get(key, 0) + 1
    big = {key for key, n in sizes.items() if n > FOLD_FROM}
    if not big:
        return list(diagnostics)
    out: list[Diagnostic | Folded] = []
    seen: dict[tuple[str, str | None, str | None], int] = {}
    for d in diagnostics:
        key = _group(d)
        if key is None or key not in big:
            out.append(d)
            continue
        n = seen[key] = seen.get(key, 0) + 1
        if n <= SHOWN:
            out.append(d)
        elif n == SHOWN + 1:
            out.append(Folded(d, sizes[key] - SHOWN))
    return out


def hidden(folded: list[Diagnostic | Folded]) -> int:
    """How many diagnostics the folds hide."""
    return sum(f.hidden for f in folded if isinstance(f, Folded))
