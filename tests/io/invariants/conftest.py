"""For the invariant tests: run one invariant over a catalog read leniently from text."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from catalogs import HEAD
from errdex.io import Diagnostic, loads
from errdex.io.context import Context

Found = Callable[[Callable[[Context], Iterable[Diagnostic]], str], list[tuple[str, str, str]]]


@pytest.fixture
def found() -> Found:
    """``found(invariant, body)``: ``(rule, line:col, message)`` of each diagnostic
    ``invariant`` reports for ``HEAD + body`` (a file named ``c.toml``)."""

    def run(
        invariant: Callable[[Context], Iterable[Diagnostic]], body: str
    ) -> list[tuple[str, str, str]]:
        catalog = loads(HEAD + body, name="c.toml", lenient=True)
        return [
            (d.rule.id, d.location.removeprefix("c.toml:"), d.message)
            for d in invariant(Context(catalog))
        ]

    return run
