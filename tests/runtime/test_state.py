"""``errdex.runtime.state``: one runtime state per catalog, made on first use."""

from __future__ import annotations

import gc

import errdex
from catalogs import HEAD
from errdex.model import Catalog
from errdex.runtime import state
from errdex.runtime.state import CatalogRuntime, runtime_of


def test_a_catalog_hosts_its_own_state(shop) -> None:
    found = runtime_of(shop)
    assert isinstance(found, CatalogRuntime) and runtime_of(shop) is found
    assert found.errors is shop.errors and found.root is shop.errors.Error
    assert found.negotiate("zh") == "zh-CN" and found.negotiate("fr") == "en"


def test_a_plain_model_catalog_gets_a_state_that_does_not_keep_it_alive() -> None:
    plain = errdex.loads(HEAD + '[[errors]]\ncode = 1\nmessage = "One."\n').as_class(Catalog)
    assert not hasattr(plain, "runtime_state")
    found = runtime_of(plain)
    assert runtime_of(plain) is found and found.catalog is not plain
    assert found.catalog == plain
    key = id(plain)
    del plain
    gc.collect()
    assert key not in state._PLAIN
