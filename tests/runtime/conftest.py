"""Fixtures for the runtime tests: the example catalogs and a small catalog using every feature."""

from __future__ import annotations

import pytest
from runtime_catalogs import EXAMPLE_NAMES, EXAMPLES, SHOP

import errdex
from errdex.model import Catalog


@pytest.fixture(scope="session")
def shop() -> Catalog:
    """A catalog with params, translations, variants, profiles and an ambiguous code."""
    return errdex.loads(SHOP)


@pytest.fixture(scope="session")
def examples() -> dict[str, Catalog]:
    """Every example catalog, by folder name."""
    return {name: errdex.load(EXAMPLES / name) for name in EXAMPLE_NAMES}
