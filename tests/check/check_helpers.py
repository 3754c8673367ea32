"""Helpers for the check tests: lint a small inline catalog and look at what fired."""

from __future__ import annotations

import textwrap

from errdex.check import check_catalog
from errdex.io import Diagnostic, reads

HEADER = '[catalog]\nid = "t"\n'


def lint(body: str, fmt: str = "toml", *, header: bool = True) -> list[Diagnostic]:
    """Read a catalog from text (the ``[catalog]`` header is added) and run every rule."""
    text = (HEADER if header and fmt == "toml" else "") + textwrap.dedent(body)
    catalog, problems = reads(text, fmt, name="t.toml" if fmt == "toml" else f"t.{fmt}")
    assert catalog is not None, problems
    assert not problems, [f"{d.location} {d.message}" for d in problems]
    return check_catalog(catalog)


def only(diagnostics: list[Diagnostic], rule: str) -> list[Diagnostic]:
    """The diagnostics of one rule id."""
    return [d for d in diagnostics if d.rule.id == rule]


def places(diagnostics: list[Diagnostic], rule: str) -> list[tuple[int, int]]:
    """``(line, col)`` of every diagnostic of one rule (lines count the 2-line header)."""
    return [(d.line, d.col) for d in only(diagnostics, rule)]


def at(body: str, needle: str, nth: int = 0, *, header: bool = True) -> tuple[int, int]:
    """``(line, col)`` where ``needle`` occurs (the ``nth`` time) in the linted text."""
    text = (HEADER if header else "") + textwrap.dedent(body)
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, col
