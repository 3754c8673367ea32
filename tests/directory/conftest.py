"""Fixtures for the directory tests: the bundled examples as one registry, and a
small catalog with every lifecycle state."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogs import EXAMPLES, HEAD
from errdex.directory import Registry

LIFECYCLE = (
    HEAD
    + """\
default_locale = "en"

[spaces.app]
kind = "app"

[[errors]]
code = "SHOP-1"
name = "outOfStock"
message = "The item is out of stock."
description = "Nobody has the item right now."
retryable = true

[[errors]]
code = "SHOP-2"
name = "legacyCart"
message = "The old cart API was used."
status = "deprecated"
replaced_by = "SHOP-1"
reason = "carts moved to the v2 API"

[[errors]]
code = "SHOP-3"
status = "removed"
reason = "coupons were retired in 2023"

[[errors]]
code = "SHOP-4"
name = "mysteryFailure"
"""
)
"""One active, one deprecated, one removed (tombstone) and one undocumented entry; no docs_url."""


@pytest.fixture(scope="session")
def examples_path() -> Path:
    """The repository's ``examples/`` folder."""
    return EXAMPLES


@pytest.fixture(scope="session")
def examples() -> Registry:
    """The five bundled example catalogs as one registry."""
    registry = Registry.from_paths([EXAMPLES])
    assert not registry.problems, [p.message for p in registry.problems]
    return registry


@pytest.fixture
def shop_path(tmp_path: Path) -> Path:
    """The lifecycle catalog written to ``shop.toml`` in a temporary folder."""
    path = tmp_path / "shop.toml"
    path.write_text(LIFECYCLE, encoding="utf-8")
    return path
