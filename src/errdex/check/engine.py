"""The rule engine: registered checks, rule selection, and checking catalogs on disk.

A check is a small function ``(Context) -> Iterable[Diagnostic]`` registered
with :func:`errdex.check.registry.check` together with the rules it reports. :func:`check_catalog`
runs every check whose rules are selected; :func:`run` reads catalogs from
paths (reporting what reading finds: rules E001-E007) and checks each one.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from errdex.check.context import Context
from errdex.check.registry import CHECKS, CheckFunc, check
from errdex.io import RULES, Diagnostic, Rule, find_catalogs, read
from errdex.io.diagnostic import UNREADABLE
from errdex.io.progress import Steps
from errdex.model import Catalog


class Selection:
    """Which rules run: ``--select`` and ``--ignore`` lists of ids, id prefixes or slugs.

    ``E1`` selects every rule whose id starts with ``E1``; ``typo`` the rule
    with that slug. With no ``select``, every rule is selected.
    """

    def __init__(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> None:
        self.select = tuple(s.strip() for s in select if s.strip())
        self.ignore = tuple(s.strip() for s in ignore if s.strip())

    @staticmethod
    def _matches(rule: Rule, token: str) -> bool:
        return rule.id.upper().startswith(token.upper()) or rule.slug == token.lower()

    def __contains__(self, rule: Rule) -> bool:
        if self.select and not any(self._matches(rule, t) for t in self.select):
            return False
        return not any(self._matches(rule, t) for t in self.ignore)

    def unknown(self) -> list[str]:
        """Tokens that match no known rule (a likely typo on the command line)."""
        _load_rules()
        return [
            t
            for t in self.select + self.ignore
            if not any(self._matches(r, t) for r in RULES.values())
        ]


ALL = Selection()


def _load_rules() -> None:
    import errdex.check.rules  # noqa: F401  (registers the checks)


def check_catalog(
    catalog: Catalog, selection: Selection = ALL, progress: Steps | None = None
) -> list[Diagnostic]:
    """Run the selected rules on a loaded catalog; return their diagnostics in rule order.

    ``progress(label, done, total)`` hears each group of rules finished."""
    _load_rules()
    ctx = Context(catalog)
    out: list[Diagnostic] = []
    enabled = gc.isenabled()
    gc.disable()  # as io.load does: the rules make many small objects, all alive until the end
    try:
        for done, (rules, func) in enumerate(CHECKS):
            if progress is not None:
                progress(f"Checking {catalog.meta.id}", done, len(CHECKS))
            chosen = [rule in selection for rule in rules]
            if all(chosen):
                out.extend(func(ctx))
            elif any(chosen):
                out.extend(d for d in func(ctx) if d.rule in selection)
    finally:
        if enabled:
            gc.enable()
    return out


class CheckResult(NamedTuple):
    """What :func:`run` found: diagnostics, the number of catalogs checked, paths not read."""

    diagnostics: list[Diagnostic]
    catalogs: int
    unreadable: tuple[str, ...]

    def count(self, severity: str) -> int:
        """How many diagnostics have ``severity`` (``error``, ``warning`` or ``note``)."""
        return sum(1 for d in self.diagnostics if d.severity == severity)

    def exit_code(self, strict: bool = False) -> int:
        """2 when a path could not be read, 1 on errors (or warnings with ``strict``), else 0."""
        if self.unreadable:
            return 2
        failing = ("error", "warning") if strict else ("error",)
        return 1 if any(d.severity in failing for d in self.diagnostics) else 0


def run(
    paths: Iterable[str | Path], selection: Selection = ALL, progress: Steps | None = None
) -> CheckResult:
    """Read and check every catalog found at ``paths`` (see :func:`errdex.io.find_catalogs`).

    A path that does not exist, or a folder that holds no catalog, is recorded
    in ``unreadable`` with its E006 diagnostic. ``progress(label, done, total)``
    hears each catalog read and each group of rules run.
    """
    found: list[Diagnostic] = []
    unreadable: list[str] = []
    checked = 0
    for path in paths:
        for catalog_path in find_catalogs(path):
            if progress is not None:
                progress(f"Reading {catalog_path}", 0, None)
            catalog, diagnostics = read(catalog_path)
            if any(d.rule is UNREADABLE for d in diagnostics):  # a file of it too (exit 2)
                unreadable.append(str(catalog_path))
                if catalog is None:
                    found.extend(diagnostics)
                    continue
            found.extend(d for d in diagnostics if d.rule in selection or d.rule is UNREADABLE)
            if catalog is not None:
                checked += 1
                found.extend(check_catalog(catalog, selection, progress))
    return CheckResult(found, checked, tuple(unreadable))


__all__ = [
    "ALL",
    "CHECKS",
    "CheckFunc",
    "CheckResult",
    "Selection",
    "check",
    "check_catalog",
    "run",
]
