"""Source files of a catalog: their text, format, and lazily built position maps."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from errdex.io import locate

FORMATS = {".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}


def display_path(path: Path) -> str:
    """A path as diagnostics show it: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith(".." + os.sep + "..") else rel


class SourceFile:
    """One file read into a catalog. Positions are computed on first request."""

    __slots__ = ("_lines", "_positions", "display", "format", "path", "text")

    def __init__(self, path: Path | None, text: str, format: str, display: str | None = None):
        self.path = path
        self.text = text
        self.format = format
        self.display = display or (display_path(path) if path is not None else "<string>")
        self._positions: dict[tuple[Any, ...], tuple[int, int]] | None = None
        self._lines: list[str] | None = None

    def __repr__(self) -> str:
        return f"<SourceFile {self.display} ({self.format})>"

    def line_text(self, line: int) -> str | None:
        """Return line number ``line`` (1-based) without its newline, or None."""
        if self._lines is None:
            self._lines = [ln.removesuffix("\r") for ln in self.text.split("\n")]
        if 1 <= line <= len(self._lines):
            return self._lines[line - 1]
        return None

    def has(self, path: tuple[Any, ...]) -> bool:
        """Whether the text holds exactly this key path (not just one of its ancestors)."""
        if self._positions is None:
            self._positions = locate.positions(self.text, self.format)
        return tuple(path) in self._positions

    def locate(self, path: tuple[Any, ...]) -> tuple[int, int]:
        """Return ``(line, col)`` of a key path, or of its nearest located ancestor."""
        if self._positions is None:
            self._positions = locate.positions(self.text, self.format)
        probe = tuple(path)
        while probe:
            pos = self._positions.get(probe)
            if pos is not None:
                return pos
            probe = probe[:-1]
        return self._positions.get((), (1, 1))
