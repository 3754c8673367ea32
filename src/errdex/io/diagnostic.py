"""Diagnostics: one problem found in a catalog, with rule, severity, place and fix hint.

Loading and checking both produce :class:`Diagnostic` objects. A diagnostic
names its place as a *key path* inside a source file (``("errors", 3, "code")``);
the line and column are resolved from the file text only when someone asks,
so a clean catalog never pays for positions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from errdex.io.rules import RULES as RULES
from errdex.io.rules import Rule as Rule
from errdex.io.rules import rule as rule
from errdex.model.errors import HintedError as HintedError

if TYPE_CHECKING:
    from errdex.io.source import SourceFile

SEVERITIES = ("error", "warning", "note")


def register(id: str, slug: str, severity: str, summary: str) -> Rule:
    """Return the table's rule ``id`` (:mod:`errdex.io.rules`), checking that it says the
    same: rules are never registered at import time, only listed in the table."""
    found = rule(id)
    if (found.slug, found.severity, found.summary) != (slug, severity, summary):
        raise ValueError(f"rule {id} differs from its line in errdex.io.rules.TABLE: {found}")
    return found


SYNTAX = rule("E001")
UNKNOWN_FIELD = rule("E002")
WRONG_TYPE = rule("E003")
MISSING_FIELD = rule("E004")
INVALID_VALUE = rule("E005")
UNREADABLE = rule("E006")
BAD_REFERENCE = rule("E007")


class Place:
    """Where something is in a catalog: a source file and a key path inside it.

    The line and column are resolved from the file's text on first request
    (or given as ``position``). Base of :class:`Diagnostic` and of the changes
    ``errdex diff`` reports.
    """

    __slots__ = ("_pos", "path", "source")

    def __init__(
        self,
        source: SourceFile | None = None,
        path: tuple[Any, ...] = (),
        position: tuple[int, int] | None = None,
    ) -> None:
        self.source = source
        self.path = path
        self._pos = position

    @property
    def file(self) -> str | None:
        """The display path of the file, or None for a place in no file."""
        return self.source.display if self.source is not None else None

    @property
    def position(self) -> tuple[int, int]:
        """``(line, column)``, both 1-based; ``(0, 0)`` when there is no file."""
        if self._pos is None:
            self._pos = self.source.locate(self.path) if self.source is not None else (0, 0)
        return self._pos

    @property
    def line(self) -> int:
        """The 1-based line."""
        return self.position[0]

    @property
    def col(self) -> int:
        """The 1-based column."""
        return self.position[1]

    @property
    def location(self) -> str:
        """``file:line:col`` (or just the file, or ``<catalog>``)."""
        if self.source is None:
            return "<catalog>"
        line, col = self.position
        return f"{self.source.display}:{line}:{col}" if line else self.source.display

    @property
    def source_line(self) -> str | None:
        """The text of the line, without its newline."""
        if self.source is None or not self.position[0]:
            return None
        return self.source.line_text(self.position[0])


class Diagnostic(Place):
    """One problem in a catalog: what, where (``file:line:col``) and how to fix it."""

    __slots__ = ("hint", "message", "rule", "severity")

    def __init__(
        self,
        rule: Rule,
        message: str,
        *,
        source: SourceFile | None = None,
        path: tuple[Any, ...] = (),
        hint: str | None = None,
        severity: str | None = None,
        position: tuple[int, int] | None = None,
    ) -> None:
        self.source = source  # Place's three slots set here: no second __init__ call per diagnostic
        self.path = path
        self._pos = position
        self.rule = rule
        self.message = message
        self.hint = hint
        self.severity = severity or rule.severity

    @classmethod
    def batch(
        cls,
        rule: Rule,
        messages: Iterable[str],
        places: Iterable[tuple[SourceFile | None, tuple[Any, ...]]],
        hint: str | None = None,
    ) -> list[Diagnostic]:
        """One diagnostic of ``rule`` per message, each at its ``(source, key path)``, all with
        ``hint`` and the rule's severity: the same objects as calling the class once each, made
        in one loop (a rule reporting every entry of a big catalog makes tens of thousands)."""
        new = object.__new__
        severity = rule.severity
        out: list[Diagnostic] = []
        append = out.append
        for message, (source, path) in zip(messages, places, strict=True):
            d = new(cls)
            d.source = source
            d.path = path
            d._pos = None
            d.rule = rule
            d.message = message
            d.hint = hint
            d.severity = severity
            append(d)
        return out

    def __repr__(self) -> str:
        return f"<Diagnostic {self.rule.id} {self.location}: {self.message}>"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: rule, slug, severity, message, hint, file, line, col, source."""
        line, col = self.position
        return {
            "rule": self.rule.id,
            "slug": self.rule.slug,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": line or None,
            "col": col or None,
            "source": self.source_line,
        }


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """Whether any diagnostic has severity ``error``."""
    return any(d.severity == "error" for d in diagnostics)
