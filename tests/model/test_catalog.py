"""The model's catalog: lookups by code, name and free text, and immutability.

Built from the model's own types, without the catalog io layer: what a service
sees after loading, whatever the file format was.
"""

from __future__ import annotations

from types import MappingProxyType

import pytest

from errdex.model import (
    AmbiguousCodeError,
    Catalog,
    CatalogMeta,
    Entry,
    Module,
    Space,
    Translation,
    UnknownCodeError,
    normalize_code,
)


def entry(code: int | str, space: str = "app", **fields: object) -> Entry:
    return Entry(code=code, key=normalize_code(code), space=space, **fields)  # type: ignore[arg-type]


@pytest.fixture
def catalog() -> Catalog:
    spaces = {
        "app": Space("app"),
        "http": Space("http", kind="http"),
        "jsonrpc": Space("jsonrpc", kind="jsonrpc"),
    }
    modules = {"auth": Module("auth", "app", prefix="AUTH-ERR-")}
    entries = [
        entry("AUTH-ERR-4", name="invalidJWT", module="auth", message="Token expired."),
        entry(1054, name="KVNotFound", message="Key not found."),
        entry(429, "http", name="TOO_MANY_REQUESTS"),
        entry(429, "jsonrpc", name="rpcRateLimited"),
        entry("SYS-ERR-1", status="removed", reason="dropped"),
    ]
    return Catalog(CatalogMeta("shop"), spaces, modules, entries)


# -- get / find -----------------------------------------------------------------


def test_get_finds_a_code_however_it_is_spelt(catalog: Catalog) -> None:
    assert catalog.get(1054) is catalog.get("1054") is catalog.entries[1]
    assert catalog.get("auth-err-4") is catalog.get("AUTH-ERR-4") is catalog.entries[0]


def test_get_returns_none_for_a_missing_code(catalog: Catalog) -> None:
    assert catalog.get(9999) is None
    assert catalog.get("AUTH-ERR-4", space="http") is None


def test_a_code_in_two_spaces_needs_a_space(catalog: Catalog) -> None:
    with pytest.raises(AmbiguousCodeError) as raised:
        catalog.get(429)
    assert raised.value.spaces == ("http", "jsonrpc")
    assert str(raised.value) == (
        "code 429 exists in several spaces ('http', 'jsonrpc'); pass space=... to choose one"
    )
    assert catalog.get(429, space="jsonrpc").name == "rpcRateLimited"  # type: ignore[union-attr]
    assert catalog.get("429", space="http").name == "TOO_MANY_REQUESTS"  # type: ignore[union-attr]


def test_ambiguous_code_error_is_a_lookup_error(catalog: Catalog) -> None:
    with pytest.raises(LookupError):
        catalog.entry(429)


def test_find_returns_every_space_in_catalog_order(catalog: Catalog) -> None:
    assert [e.space for e in catalog.find(429)] == ["http", "jsonrpc"]
    assert catalog.find("1054") == (catalog.entries[1],)
    assert catalog.find(1) == ()


# -- by_name / entry --------------------------------------------------------------


def test_by_name_is_exact_first_then_case_insensitive(catalog: Catalog) -> None:
    assert catalog.by_name("invalidJWT") is catalog.entries[0]
    assert catalog.by_name("INVALIDjwt") is catalog.entries[0]
    assert catalog.by_name("kvnotfound") is catalog.entries[1]
    assert catalog.by_name("nope") is None


def test_entry_takes_a_code_a_name_or_hex(catalog: Catalog) -> None:
    assert catalog.entry(1054) is catalog.entries[1]
    assert catalog.entry("0x41E") is catalog.entries[1]
    assert catalog.entry("`auth-err-4`") is catalog.entries[0]
    assert catalog.entry("KVNotFound") is catalog.entries[1]
    assert catalog.entry("rpcRateLimited").space == "jsonrpc"
    assert catalog.entry(429, space="http").name == "TOO_MANY_REQUESTS"


def test_entry_by_name_respects_the_space(catalog: Catalog) -> None:
    with pytest.raises(UnknownCodeError):
        catalog.entry("rpcRateLimited", space="http")


def test_entry_of_an_unknown_code_says_which_catalog_and_space(catalog: Catalog) -> None:
    with pytest.raises(UnknownCodeError) as raised:
        catalog.entry(9999)
    assert str(raised.value) == "catalog 'shop' has no error 9999"
    assert raised.value.code == 9999 and raised.value.space is None
    with pytest.raises(UnknownCodeError) as raised:
        catalog.entry("AUTH-ERR-4", space="http")
    assert str(raised.value) == "catalog 'shop' has no error 'AUTH-ERR-4' in space 'http'"


def test_a_bool_is_not_a_code_even_where_an_int_would_be(catalog: Catalog) -> None:
    with pytest.raises(TypeError):
        catalog.get(True)  # type: ignore[arg-type]


def test_duplicates_keep_the_first_entry_in_lookups_and_both_in_entries() -> None:
    first, second = entry(7, message="first"), entry("7", message="second")
    cat = Catalog(CatalogMeta("dup"), {"app": Space("app")}, {}, [first, second])
    assert cat.get(7) is first
    assert len(cat) == 2 and list(cat) == [first, second]


def test_module_and_space_entries(catalog: Catalog) -> None:
    assert [e.code for e in catalog.module_entries("auth")] == ["AUTH-ERR-4"]
    assert [e.code for e in catalog.space_entries("app")] == ["AUTH-ERR-4", 1054, "SYS-ERR-1"]


# -- lifecycle ----------------------------------------------------------------------


def test_a_removed_code_is_a_tombstone_that_still_looks_up(catalog: Catalog) -> None:
    tomb = catalog.entry("sys-err-1")
    assert tomb.is_removed and tomb.status == "removed" and tomb.reason == "dropped"
    assert not catalog.entry(1054).is_removed
    assert catalog.entry(1054).status == "active"


def test_display_title_falls_back_from_title_to_name_to_message_to_code() -> None:
    assert entry(1, title="T", name="n", message="m").display_title == "T"
    assert entry(1, name="n", message="m").display_title == "n"
    assert entry(1, message="m").display_title == "m"
    assert entry(1).display_title == "1"


# -- immutability ---------------------------------------------------------------------


def test_catalog_attributes_cannot_be_set_or_deleted(catalog: Catalog) -> None:
    with pytest.raises(AttributeError, match="immutable"):
        catalog.meta = CatalogMeta("other")  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        catalog.new_attribute = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="immutable"):
        del catalog.entries


def test_catalog_collections_are_read_only(catalog: Catalog) -> None:
    assert isinstance(catalog.entries, tuple)
    with pytest.raises(TypeError):
        catalog.spaces["new"] = Space("new")  # type: ignore[index]
    with pytest.raises(TypeError):
        catalog.modules["new"] = Module("new", "app")  # type: ignore[index]


def test_entries_and_their_parts_are_immutable(catalog: Catalog) -> None:
    e = catalog.entries[0]._replace(
        translations=MappingProxyType({"zh-CN": Translation(message="过期")})
    )
    with pytest.raises(AttributeError):
        e.message = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        e.translations["fr"] = Translation(message="x")  # type: ignore[index]
    with pytest.raises(AttributeError):
        e.translations["zh-CN"].message = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        catalog.spaces["app"].kind = "http"  # type: ignore[misc]


def test_a_catalog_is_not_hashable_but_compares_by_value(catalog: Catalog) -> None:
    with pytest.raises(TypeError):
        hash(catalog)
    same = Catalog(catalog.meta, catalog.spaces, catalog.modules, catalog.entries)
    assert same == catalog
    changed = Catalog(catalog.meta, catalog.spaces, catalog.modules, catalog.entries[:-1])
    assert changed != catalog
