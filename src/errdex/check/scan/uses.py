"""A code found in source code: what, where, and the message sent with it."""

from __future__ import annotations

from typing import NamedTuple

from errdex.io.source import SourceFile
from errdex.model.codes import Code


class CodeUse(NamedTuple):
    """One place where source code raises or maps a code.

    ``code`` is as written (``1051``, ``"AUTH-ERR-4"``, or an entry name for
    Python calls such as ``cat.error("invalidJWT")``); ``message`` is the text
    the source sends with it when a pattern captures one; ``space`` when the
    call or the pattern names one.
    """

    code: Code
    source: SourceFile
    line: int
    col: int
    message: str | None = None
    space: str | None = None


def literal_code(text: str) -> Code:
    """A code captured as text: an integer when it is one, else the string."""
    stripped = text.strip().strip("\"'`")
    try:
        return int(stripped)
    except ValueError:
        return stripped
