"""Codes in Go, Rust, TypeScript … source, found with the regexes of the catalog's ``[scan]``.

Each ``[[scan.patterns]]`` names the files it reads (globs matched against the
path relative to the scanned folder, and against the file name) and a regex
with a ``code`` group and, optionally, a ``message`` group: the text the
source sends with the code, which lets the comparison find swapped codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fnmatch import fnmatch

from errdex.check.scan.uses import CodeUse, literal_code
from errdex.io.source import SourceFile
from errdex.model.types import ScanPattern


def matches(relative: str, globs: tuple[str, ...]) -> bool:
    """Whether a file (posix path relative to the scanned root) matches one of ``globs``."""
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch(relative, g) or fnmatch(name, g) for g in globs)


def pattern_uses(source: SourceFile, pattern: ScanPattern) -> Iterator[CodeUse]:
    """Yield every match of ``pattern`` in one file, with its line and column."""
    text = source.text
    regex = re.compile(pattern.regex)
    has_message = "message" in regex.groupindex
    for match in regex.finditer(text):
        raw = match.group("code")
        if not raw:
            continue
        start = match.start("code")
        line = text.count("\n", 0, start) + 1
        col = start - (text.rfind("\n", 0, start) + 1) + 1
        message = match.group("message") if has_message else None
        yield CodeUse(literal_code(raw), source, line, col, message, pattern.space)
