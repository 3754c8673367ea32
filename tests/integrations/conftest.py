"""Fixtures for the integration tests: the example catalogs the integrations serve."""

from __future__ import annotations

from pathlib import Path

import pytest

import errdex
from errdex.model import Catalog

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def zan() -> Catalog:
    """ZAN: JSON-RPC codes mapped to HTTP statuses, Chinese by default, English translations."""
    return errdex.load(EXAMPLES / "zan")


@pytest.fixture(scope="session")
def alchemy() -> Catalog:
    """Alchemy: JSON-RPC errors answered with HTTP 200, -32000 with message variants."""
    return errdex.load(EXAMPLES / "alchemy")


@pytest.fixture(scope="session")
def csghub() -> Catalog:
    """CSGHub: string codes in modules, an internal_error entry, zh-CN translations."""
    return errdex.load(EXAMPLES / "csghub")
