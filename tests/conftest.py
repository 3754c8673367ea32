"""Fixtures for the whole suite: the shared catalogs, and a private search-index cache.

The shared catalogs are defined once, in ``tests/catalogs.py`` (read its docstring
for what each one holds). The fixtures here hand them to tests; a test that needs a
catalog's text at import time (in ``parametrize``, or to build a variant as a module
constant) imports it from there instead: ``from catalogs import SHOP``.

``errdex search`` and ``errdex serve`` keep search indexes in a cache folder
(``$ERRDEX_CACHE_DIR``, else ``~/.cache/errdex``); the tests point it at a
temporary folder so they never read or write the user's cache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import errdex
from catalogs import APP_SHOP, EXAMPLE_NAMES, EXAMPLES, SHOP, SHOP_FOLDER
from errdex.model import Catalog


@pytest.fixture(autouse=True, scope="session")
def _private_index_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("errdex-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ERRDEX_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def shop() -> Catalog:
    """The feature-complete catalog (``catalogs.SHOP``), loaded from its text."""
    return errdex.loads(SHOP)


@pytest.fixture(scope="session")
def shop_text() -> str:
    """The text of the feature-complete catalog."""
    return SHOP


@pytest.fixture(scope="session")
def shop_folder() -> Path:
    """The feature-complete catalog as a catalog folder (read only: copy it to change it)."""
    return SHOP_FOLDER


@pytest.fixture(scope="session")
def examples() -> dict[str, Catalog]:
    """Every example catalog of ``examples/``, by folder name."""
    return {name: errdex.load(EXAMPLES / name) for name in EXAMPLE_NAMES}


@pytest.fixture(scope="session")
def app_shop() -> Catalog:
    """The catalog the example apps serve (``examples/apps/shop.toml``)."""
    return errdex.load(APP_SHOP)


@pytest.fixture
def write_catalog(tmp_path: Path) -> Callable[..., Path]:
    """Write catalog text to ``tmp_path / name`` (default ``shop.toml``) and return the path."""

    def write(text: str, name: str = "shop.toml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write
