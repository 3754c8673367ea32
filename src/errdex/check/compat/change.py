"""One classified change between two catalogs, a summarised code shift, and the whole report.

:class:`Change` is what every output format prints: the kind (see
:mod:`errdex.check.compat.kinds`), the code and name it concerns, the old and
new values, a sentence for a release note, and a place (an
:class:`errdex.io.diagnostic.Place`, as diagnostics have): a key path inside a
catalog file, turned into ``file:line:col`` only when printed, so a diff of
two large catalogs never pays for positions it does not show.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from errdex.check.compat.kinds import Kind
from errdex.io.diagnostic import Place
from errdex.io.source import SourceFile
from errdex.model import Code


class Change(Place):
    """A change of one entry, classified by :func:`errdex.check.compat.diff`."""

    __slots__ = (
        "allowed",
        "code",
        "keys",
        "kind",
        "message",
        "name",
        "new",
        "old",
        "space",
    )

    def __init__(
        self,
        kind: Kind,
        *,
        code: Code,
        space: str,
        name: str | None,
        message: str,
        old: Any = None,
        new: Any = None,
        source: SourceFile | None = None,
        path: tuple[Any, ...] = (),
        keys: tuple[Code, ...] = (),
    ) -> None:
        super().__init__(source, path)
        self.kind = kind
        self.code = code
        self.space = space
        self.name = name
        self.message = message
        self.old = old
        self.new = new
        self.keys = keys
        """Normalised codes a ``[[compat.allow]]`` entry may name to accept this change."""
        self.allowed: str | None = None
        """The reason from ``[[compat.allow]]`` when this breaking change is accepted."""

    def __repr__(self) -> str:
        return f"<Change {self.kind.id} {self.code!r} in {self.space!r}: {self.message}>"

    @property
    def severity(self) -> str:
        """``breaking``, ``notice`` or ``compatible``."""
        return self.kind.severity

    @property
    def is_failing(self) -> bool:
        """Whether this change makes ``errdex diff`` fail: breaking and not allowed."""
        return self.kind.severity == "breaking" and self.allowed is None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form of the change."""
        line, col = self.position
        return {
            "kind": self.kind.id,
            "severity": self.kind.severity,
            "code": self.code,
            "space": self.space,
            "name": self.name,
            "old": self.old,
            "new": self.new,
            "message": self.message,
            "file": self.file,
            "line": line or None,
            "col": col or None,
            "allowed": self.allowed,
        }


class Shift(NamedTuple):
    """Several renumberings by the same offset: one line inserted into (or deleted from)
    an iota block moves every code after it. Summarises ``renumbered`` changes."""

    space: str
    first: Code
    last: Code
    delta: int
    changes: tuple[Change, ...]

    @property
    def message(self) -> str:
        """One sentence for a release note."""
        sign = "+" if self.delta > 0 else ""
        return (
            f"codes {self.first} … {self.last} in space {self.space!r} shifted by "
            f"{sign}{self.delta}: {len(self.changes)} entries renumbered "
            "(a line inserted into or removed from a numbered block?)"
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form of the shift."""
        return {
            "space": self.space,
            "first": self.first,
            "last": self.last,
            "delta": self.delta,
            "count": len(self.changes),
            "message": self.message,
        }


class Report(NamedTuple):
    """The result of a diff: every change, the shifts they form, and the two sides' labels."""

    old_label: str
    new_label: str
    changes: tuple[Change, ...]
    shifts: tuple[Shift, ...]

    def of(self, severity: str) -> list[Change]:
        """The changes of one severity, in report order."""
        return [c for c in self.changes if c.kind.severity == severity]

    @property
    def failing(self) -> list[Change]:
        """Breaking changes no ``[[compat.allow]]`` accepts."""
        return [c for c in self.changes if c.is_failing]

    @property
    def exit_code(self) -> int:
        """1 when a breaking change is not allowed, else 0."""
        return 1 if self.failing else 0

    def counts(self) -> dict[str, int]:
        """How many changes of each severity, plus ``allowed`` breaking ones."""
        counts = {"breaking": 0, "notice": 0, "compatible": 0, "allowed": 0}
        for c in self.changes:
            counts[c.kind.severity] += 1
            if c.allowed is not None:
                counts["allowed"] += 1
        return counts
