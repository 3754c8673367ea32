"""Fixtures for the integration tests: the example catalogs the integrations serve."""

from __future__ import annotations

import pytest

from catalogs import example
from errdex.model import Catalog


@pytest.fixture(scope="session")
def zan() -> Catalog:
    """ZAN: JSON-RPC codes mapped to HTTP statuses, Chinese by default, English translations."""
    return example("zan")


@pytest.fixture(scope="session")
def alchemy() -> Catalog:
    """Alchemy: JSON-RPC errors answered with HTTP 200, -32000 with message variants."""
    return example("alchemy")


@pytest.fixture(scope="session")
def csghub() -> Catalog:
    """CSGHub: string codes in modules, an internal_error entry, zh-CN translations."""
    return example("csghub")
