"""Helpers for the importer tests: import real fixtures and look at what came out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from errdex.convert.importers.source.run import import_sources
from errdex.io import loads

FIXTURES = Path(__file__).parent / "fixtures"
HELDOUT = Path(__file__).parent / "heldout"


def imported(*names: str, language: str = "auto") -> tuple[list[dict[str, Any]], list[Any], str]:
    """Entries (as plain dicts), diagnostics and TOML text of importing fixture files."""
    pytest.importorskip("tree_sitter", reason="the import-source extra is not installed")
    result = import_sources([FIXTURES / n for n in names], language)
    assert result.data is not None, [d.message for d in result.diagnostics]
    text = result.to_toml()
    catalog = loads(text)  # the written catalog loads
    assert len(catalog) == len(result.data["errors"])
    return result.data["errors"], result.diagnostics, text


def pick(entries: list[dict[str, Any]], *keys: str) -> list[tuple[Any, ...]]:
    """The values of ``keys`` of every entry (None where absent)."""
    return [tuple(e.get(k) for k in keys) for e in entries]
