"""Fixtures for the whole suite: every test runs with its own search-index cache folder.

``errdex search`` and ``errdex serve`` keep search indexes in a cache folder
(``$ERRDEX_CACHE_DIR``, else ``~/.cache/errdex``); the tests point it at a
temporary folder so they never read or write the user's cache.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_index_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("errdex-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ERRDEX_CACHE_DIR", str(folder))
        yield folder
