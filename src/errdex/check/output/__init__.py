"""Reports of a check: human text, JSON, GitHub workflow commands and SARIF 2.1.0.

Each format is a function ``(CheckResult) -> str``; :data:`FORMATS` maps the
names ``errdex check --format`` accepts to them.
"""

from __future__ import annotations

from collections.abc import Callable

from errdex.check.engine import CheckResult
from errdex.check.output.github import github
from errdex.check.output.json_report import json_report
from errdex.check.output.sarif import sarif
from errdex.check.output.text import text
from errdex.io import Diagnostic

FORMATS: dict[str, Callable[..., str]] = {
    "text": text,
    "json": json_report,
    "github": github,
    "sarif": sarif,
}


def ordered(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics by file, line and column (stable for equal places)."""
    return sorted(diagnostics, key=lambda d: (d.file or "", d.line, d.col))


__all__ = ["FORMATS", "CheckResult", "github", "json_report", "ordered", "sarif", "text"]
