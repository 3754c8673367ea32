"""Importers: error documents teams already publish, read into errdex catalog data.

:func:`import_text` reads Markdown (bullet lists, tables, a heading per code),
MyST (the same plus ``{csv-table}`` and ``(label)=`` targets), CSV and JSON
(canonical errdex JSON, or a plain array of objects). It never raises for bad
input: whatever it cannot place in the catalog — a table without a code
column, a row whose code is a range, a column no field holds — is reported as
a :class:`~errdex.io.Diagnostic` with its line, and the rest is imported.
:meth:`ImportResult.to_toml` gives the catalog file.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from errdex.convert.importers.draft import GUESSED, UNPLACED
from errdex.io import Diagnostic, SourceFile
from errdex.io.progress import Steps

_MYST_HINTS = re.compile(r"^(`{3,}|:{3,})\{[\w-]+\}|^\([^()\s]+\)=\s*$", re.M)


class ImportResult(NamedTuple):
    """Catalog data read from a document (None when nothing could be read) and its problems."""

    data: dict[str, Any] | None
    diagnostics: list[Diagnostic]
    comments: list[str | None] | None = None
    """A comment per entry (``from path:line`` for codes read from source), or None."""

    def to_toml(self) -> str:
        """The catalog as TOML text (raises ValueError when there is no data)."""
        if self.data is None:
            raise ValueError("nothing was imported")
        from errdex.io.fmt.toml_writer import to_toml

        return to_toml(self.data, self.comments or ())


def detect_format(text: str, name: str = "") -> str:
    """Guess ``markdown``, ``myst``, ``csv``, ``json`` or ``errcodes`` from a name and the text."""
    lower = name.lower()
    from errdex.convert.importers.errcodes import looks_like_errcodes

    if not lower.endswith((".json", ".csv", ".tsv", ".md", ".markdown")) and looks_like_errcodes(
        text
    ):
        return "errcodes"
    if lower.endswith(".json"):
        return "json"
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    stripped = text.lstrip("\ufeff \t\r\n")
    if lower.endswith((".md", ".markdown", ".myst", ".txt")) or not lower:
        if stripped[:1] in ("[", "{") and not lower.endswith((".md", ".markdown", ".myst")):
            return "json"
        return "myst" if _MYST_HINTS.search(text) else "markdown"
    if stripped[:1] in ("[", "{"):
        return "json"
    first = stripped.split("\n", 1)[0]
    if "," in first and "|" not in first and not first.startswith("#"):
        return "csv"
    return "myst" if _MYST_HINTS.search(text) else "markdown"


def import_text(
    text: str,
    fmt: str = "auto",
    *,
    name: str = "<input>",
    catalog_id: str | None = None,
    progress: Steps | None = None,
) -> ImportResult:
    """Import ``text`` read from ``name`` in ``fmt`` (``auto`` guesses); ``progress``
    (:mod:`errdex.io.progress`) hears how many of the document's records are read."""
    if fmt == "auto":
        fmt = detect_format(text, name)
    source = SourceFile(None, text, "json" if fmt == "json" else "toml", display=name)
    if fmt in ("markdown", "myst"):
        from errdex.convert.importers.markdown import import_markdown

        return ImportResult(
            *import_markdown(text, source, catalog_id=catalog_id, name=name, progress=progress)
        )
    if fmt == "csv":
        from errdex.convert.importers.csvin import import_csv

        return ImportResult(
            *import_csv(text, source, catalog_id=catalog_id, name=name, progress=progress)
        )
    if fmt == "json":
        from errdex.convert.importers.jsonin import import_json

        return ImportResult(
            *import_json(text, source, catalog_id=catalog_id, name=name, progress=progress)
        )
    if fmt == "errcodes":
        from errdex.convert.importers.errcodes import import_errcodes

        return ImportResult(
            *import_errcodes(text, source, catalog_id=catalog_id, name=name, progress=progress)
        )
    raise ValueError(
        f"unknown import format {fmt!r}; choose auto, markdown, myst, csv, json or errcodes"
    )


__all__ = ["GUESSED", "UNPLACED", "ImportResult", "detect_format", "import_text"]
