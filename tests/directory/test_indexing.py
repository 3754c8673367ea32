"""The search database: its tables, records that round-trip, facets, keys and rowid ranges."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from errdex.directory.indexing import (
    FORMAT,
    Doc,
    build,
    code_key,
    default_path,
    facet_pairs,
    locales_of,
    pack_block,
    title_keys,
    unpack_record,
)
from errdex.model import Catalog, Entry


def _entry(catalog: Catalog, code: int | str, space: str | None = None) -> Entry:
    return next(e for e in catalog.entries if e.code == code and space in (None, e.space))


@pytest.fixture(scope="module")
def db(shop: Catalog) -> sqlite3.Connection:
    seen: list[int] = []
    database = build([(shop, e) for e in shop.entries], progress=seen.append)
    assert seen[-1] == len(shop.entries)
    return database


def _meta(db: sqlite3.Connection, key: str) -> Any:
    return json.loads(db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])


def test_the_meta_table_names_format_size_and_catalogs(
    db: sqlite3.Connection, shop: Catalog
) -> None:
    assert _meta(db, "format") == FORMAT
    assert _meta(db, "size") == len(shop.entries)
    assert _meta(db, "catalogs") == [["shop", len(shop.entries)]]


def test_rowids_follow_the_registry_and_ranges_bound_each_filter(db: sqlite3.Connection) -> None:
    ranges = _meta(db, "ranges")
    assert ranges["catalog"] == {"shop": [1, 9]}
    assert ranges["module"]["auth"] == [1, 2]
    assert ranges["space"]["fields"] == [6, 7]
    codes = db.execute("SELECT key, doc FROM c ORDER BY doc").fetchall()
    assert codes[:2] == [("sAUTH-ERR-4", 1), ("sAUTH-ERR-5", 2)]
    assert ("i7", 6) in codes and ("i7", 8) in codes  # a code of two spaces: two rows
    names = dict(db.execute("SELECT name, doc FROM n").fetchall())
    assert names["invalidjwt"] == 1


def test_a_stored_record_reads_back_as_the_entry_it_came_from(
    db: sqlite3.Connection, shop: Catalog
) -> None:
    block = db.execute("SELECT data FROM d WHERE block = 0").fetchone()[0]
    doc = unpack_record(block, 1)
    assert (doc.catalog_id, doc.code, doc.name, doc.http_status, doc.retryable) == (
        "shop",
        "AUTH-ERR-5",
        "tooManyLogins",
        429,
        True,
    )
    assert doc.path == "/shop/app/AUTH-ERR-5" and doc.locales == "|en|"
    assert doc.source.texts == (("message", "en", "Too many login attempts."),)


def test_records_round_trip_even_codes_beyond_64_bits(db: sqlite3.Connection) -> None:
    block = db.execute("SELECT data FROM d WHERE block = 0").fetchone()[0]
    doc = unpack_record(block, 0)
    huge = doc._replace(code=2**70)
    again = unpack_record(pack_block([doc, huge]), 1)
    assert again == huge and type(again) is Doc


def test_code_keys_locales_and_paths(shop: Catalog) -> None:
    jwt = _entry(shop, "AUTH-ERR-4")
    assert (code_key(5), code_key("AUTH-ERR-4")) == ("i5", "sAUTH-ERR-4")
    assert locales_of(shop, jwt) == "|en|zh-cn|zh|"
    assert default_path("shop", jwt) == "/shop/app/AUTH-ERR-4"


def test_facets_hold_every_filter_value_of_an_entry(shop: Catalog) -> None:
    jwt = _entry(shop, "AUTH-ERR-4")
    assert facet_pairs(shop, jwt, locales_of(shop, jwt)) == [
        ("catalog", "shop"),
        ("space", "app"),
        ("module", "auth"),
        ("http_status", "401"),
        ("retryable", "0"),  # the catalog says nothing: its HTTP status 401 does
        ("locale", "en"),
        ("locale", "zh-cn"),
        ("locale", "zh"),
    ]
    logins = _entry(shop, "AUTH-ERR-5")
    assert ("retryable", "1") in facet_pairs(shop, logins, "|en|")


def test_title_keys_cover_title_translations_and_the_names_words(shop: Catalog) -> None:
    keys = title_keys(_entry(shop, "AUTH-ERR-4"), {})
    assert {"令牌无效", "invalid jwt"} <= keys
    assert len(keys) == 3  # the English message's key as well
