"""A search answered from the cached index alone, without loading a catalog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from catalogs import AUTH
from errdex.directory import Registry
from errdex.directory.diskcache import IndexCache
from errdex.directory.stored import StoredRegistry, open_search


def test_without_a_cache_the_registry_is_loaded(write_catalog: Callable[..., Path]) -> None:
    path = write_catalog(AUTH)
    found = open_search([path])
    assert isinstance(found, Registry) and found.catalog_ids == ("shop",)


def test_the_second_search_is_answered_by_the_stored_index(
    write_catalog: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_catalog(AUTH)
    cache = IndexCache(tmp_path / "cache")
    first = open_search([path], cache=cache)
    assert isinstance(first, Registry)
    first.index  # noqa: B018 - builds the index and stores it
    stored = open_search([path], cache=cache)
    assert isinstance(stored, StoredRegistry)
    assert stored.catalog_ids == ("shop",) and stored.problems == ()
    assert stored.origin == first.origin
    assert repr(stored) == "<StoredRegistry ['shop'] (1 entries)>"
    hits = stored.index.search("token expired").hits
    assert [h.doc.code for h in hits] == ["AUTH-ERR-4"]


def test_a_registry_with_problems_is_never_answered_from_the_cache(
    write_catalog: Callable[..., Path], tmp_path: Path
) -> None:
    good = write_catalog(AUTH)
    broken = write_catalog("[catalog\n", "broken.toml")
    cache = IndexCache(tmp_path / "cache")
    for _ in range(2):
        found = open_search([good, broken], cache=cache)
        assert isinstance(found, Registry) and found.problems
        found.index  # noqa: B018
