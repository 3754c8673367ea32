"""The registry of checks: each check function with the rules it reports.

A rule module decorates each check with :func:`check`; importing
:mod:`errdex.check.rules` (which the engine does before a run) fills
:data:`CHECKS`. The rules themselves — ids, slugs, severities — are not
registered here: they are the literal table :mod:`errdex.io.rules`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from errdex.check.context import Context
from errdex.io.diagnostic import Diagnostic, Rule

CheckFunc = Callable[[Context], Iterable[Diagnostic]]

CHECKS: list[tuple[tuple[Rule, ...], CheckFunc]] = []
"""Every registered check with the rules it may report, in registration order."""


def check(*rules: Rule) -> Callable[[CheckFunc], CheckFunc]:
    """Register a check function that reports ``rules``."""

    def register(func: CheckFunc) -> CheckFunc:
        CHECKS.append((rules, func))
        return func

    return register
