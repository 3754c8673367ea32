"""The profiles verify and reconcile accept: the built-in ones, then the catalog's own."""

from __future__ import annotations

import errdex
from errdex.model import Catalog
from errdex.reality.profiles import profile_names, unknown_profile


def test_builtin_profiles_come_first_then_the_declared_ones(shop: Catalog) -> None:
    assert profile_names(shop) == ("problem", "jsonrpc", "google", "flat", "nested")


def test_a_declared_profile_named_like_a_builtin_is_listed_once() -> None:
    catalog = errdex.loads(
        '[catalog]\nid = "c"\n[profiles.problem]\nbody = { code = "$code" }\n'
        '[[errors]]\ncode = 1\nmessage = "m"\n',
        "toml",
    )
    assert profile_names(catalog) == ("problem", "jsonrpc", "google")


def test_an_unknown_profile_names_every_usable_one(shop: Catalog) -> None:
    assert unknown_profile(shop, "flat") is None
    assert unknown_profile(shop, "google") is None
    assert unknown_profile(shop, "soap") == (
        "unknown profile 'soap': use one of problem, jsonrpc, google, flat, nested"
    )
