"""``-`` as a path: read the catalog from standard input.

Every command that reads a catalog file accepts ``-`` for it (``cat errdex.toml
| errdex check -``). The text is read once and kept in a private temporary
folder as ``stdin.toml``, ``stdin.json`` or ``stdin.yaml`` (guessed from the
text: JSON starts with ``{``, TOML parses as TOML or has ``[table]`` or
``key = value`` lines, anything else is read as YAML), so the readers, which
work on files, see an ordinary catalog file; the folder is removed when the
process exits. Diagnostics name ``<stdin>``.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

STDIN = "-"
_TOML_LINE = re.compile(r"^[ \t]*(\[|[\w\"'.-]+[ \t]*=)", re.MULTILINE)
_cached: Path | None = None


def _guess(text: str) -> str:
    import tomllib  # here: commands that read no stdin (most) need no TOML parser

    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return "json"
    try:
        tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        # broken TOML still has [tables] or key = value lines; YAML has neither
        return "toml" if _TOML_LINE.search(text) else "yaml"
    return "toml"


def stdin_file(name: str | None = None) -> Path:
    """The file holding standard input's text (read on first use, then reused).

    ``name``: the file name to give it (a source file for ``errdex scan``, whose
    extension picks the reader); by default ``stdin.<toml|json|yaml>`` guessed
    from the text.
    """
    global _cached
    if _cached is None:
        data = sys.stdin.buffer.read() if sys.stdin is not None else b""
        folder = Path(tempfile.mkdtemp(prefix="errdex-stdin-"))
        atexit.register(shutil.rmtree, folder, True)
        text = data.decode("utf-8", errors="replace")
        path = folder / (Path(name).name if name else f"stdin.{_guess(text)}")
        path.write_bytes(data)
        _cached = path
    return _cached


def resolve(path: str) -> str:
    """``path`` itself, or for ``-`` the file holding standard input."""
    return str(stdin_file()) if path == STDIN else path


def display(text: str) -> str:
    """``text`` with the temporary stdin file's path shown as ``<stdin>``."""
    if _cached is None:
        return text
    for shown in (str(_cached), os.path.relpath(_cached)):
        text = text.replace(shown, "<stdin>")
    return text
