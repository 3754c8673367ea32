"""Helpers of the formatter's property tests (tests/io/fmt): a text's line-end and BOM
variants, and ``errdex fmt`` of one file."""

from __future__ import annotations

import tempfile
import tomllib
from pathlib import Path

from errdex.io.fmt import format_paths


def variants(text: str) -> list[str]:
    """``text`` as it is, with CRLF line ends, and with a BOM (each when still TOML)."""
    found = []
    for candidate in (text, text.replace("\n", "\r\n"), "\ufeff" + text):
        try:
            tomllib.loads(candidate.removeprefix("\ufeff"))
        except tomllib.TOMLDecodeError:
            continue
        found.append(candidate)
    return found


def fmt_file(text: str) -> tuple[str | None, str | None, list[str]]:
    """Format ``text`` as a file ``errdex.toml``: its text before and after, and the
    problems' messages."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "errdex.toml"
        path.write_bytes(text.encode("utf-8"))
        [result] = format_paths([path])
        return result.before, result.after, [p.message for p in result.problems]
