"""The compatibility diff: what changed between two versions of a catalog, and what breaks.

``diff(old, new)`` pairs the entries of two catalogs and classifies every
change (see :mod:`errdex.check.compat.kinds` for the kinds, their ids and
severities); ``render(report, format)`` prints the report as text, JSON,
GitHub annotations or Markdown; ``read_sides(OLD, NEW)`` reads the two sides
of ``errdex diff``, each a path or ``git:REF[:PATH]``.
"""

from errdex.check.compat.change import Change, Report, Shift
from errdex.check.compat.diff import UNKNOWN_KIND, diff, unknown_allows
from errdex.check.compat.kinds import KINDS, SEVERITIES, Kind
from errdex.check.compat.render import FORMATS, render
from errdex.check.compat.sides import Side, SideError, read_git, read_sides

__all__ = [
    "FORMATS",
    "KINDS",
    "SEVERITIES",
    "UNKNOWN_KIND",
    "Change",
    "Kind",
    "Report",
    "Shift",
    "Side",
    "SideError",
    "diff",
    "read_git",
    "read_sides",
    "render",
    "unknown_allows",
]
