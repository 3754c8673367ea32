"""Source files of a catalog: their text, format, and the places of their keys (found lazily)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from errdex.io.locator import Locator

FORMATS = {".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}


def display_path(path: Path) -> str:
    """A path as diagnostics show it: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith(".." + os.sep + "..") else rel


class SourceFile:
    """One file read into a catalog. Places are found on first request
    (:class:`~errdex.io.locator.Locator`); the text is kept once, never split up."""

    __slots__ = ("display", "format", "locator", "path")

    def __init__(self, path: Path | None, text: str, format: str, display: str | None = None):
        self.path = path
        self.format = format
        self.display = display or (display_path(path) if path is not None else "<string>")
        self.locator = Locator(text, format)

    def __repr__(self) -> str:
        return f"<SourceFile {self.display} ({self.format})>"

    @property
    def text(self) -> str:
        """The file's text, as parsed (a BOM dropped)."""
        return self.locator.text

    def line_text(self, line: int) -> str | None:
        """Return line number ``line`` (1-based) without its newline, or None."""
        return self.locator.lines.line(line)

    def has(self, path: tuple[Any, ...]) -> bool:
        """Whether the text holds exactly this key path (not just one of its ancestors)."""
        return self.locator.has(tuple(path))

    def locate(self, path: tuple[Any, ...]) -> tuple[int, int]:
        """Return ``(line, col)`` of a key path, or of its nearest located ancestor."""
        return self.locator.locate(tuple(path))
