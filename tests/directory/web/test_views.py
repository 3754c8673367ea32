"""What the web directory shows, as plain data: paths, briefs, details, summaries, lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from errdex.directory import Registry
from errdex.directory.web.i18n import Language
from errdex.directory.web.views import Views, catalog_path, entry_api_path, module_path
from errdex.model import Entry


@pytest.fixture(scope="module")
def views(shop_folder: Path) -> Views:
    return Views(Registry.from_paths([shop_folder]))


@pytest.fixture(scope="module")
def jwt(views: Views) -> Entry:
    return next(e for e in views.registry.catalogs["shop"].entries if e.code == "AUTH-ERR-4")


def test_site_paths_quote_every_part() -> None:
    assert catalog_path("a b/c") == "/catalogs/a%20b%2Fc/"
    assert module_path("shop", "auth") == "/catalogs/shop/modules/auth/"
    # a module id a host would take for two folders (a, b) is the folder 'a%2Fb'
    assert module_path("shop", "a/b") == "/catalogs/shop/modules/a%252Fb/"
    assert module_path("shop", "..") == "/catalogs/shop/modules/%252E%252E/"


def test_a_module_is_found_at_its_path(views: Views) -> None:
    assert views.find_module("shop", "auth") == "auth"
    assert views.find_module("shop", "no-such") is None


def test_each_entry_has_a_permalink_and_an_api_path(views: Views, jwt: Entry) -> None:
    assert views.path("shop", jwt) == "/shop/AUTH-ERR-4"
    assert entry_api_path("shop", jwt) == "/api/entries/shop/app/AUTH-ERR-4"
    assert views.locales == {"shop": ("en", "zh-CN")}
    assert views.all_locales == ("en", "zh-CN")


def test_find_entry_takes_any_spelling_of_a_code_in_a_known_space(views: Views, jwt: Entry) -> None:
    assert views.find_entry("shop", "app", "auth-err-4") is jwt
    assert views.find_entry("shop", "rpc", "7").name == "rpcSeven"  # type: ignore[union-attr]
    assert views.find_entry("shop", "nope", "7") is None
    assert views.find_entry("nope", "app", "7") is None


def test_a_brief_is_in_the_asked_locale_and_says_which_text_is_which(
    views: Views, jwt: Entry
) -> None:
    brief = views.entry_brief("shop", jwt, "zh-CN")
    assert (brief["title"], brief["title_lang"]) == ("令牌无效", "zh-CN")
    assert (brief["message"], brief["message_lang"]) == ("令牌已于 {age} 秒前过期。", "zh-CN")
    assert (brief["http_status"], brief["url"]) == (401, "/shop/AUTH-ERR-4")
    brief["title"] = "changed"
    assert views.entry_brief("shop", jwt, "zh-CN")["title"] == "令牌无效"  # a fresh dict each time


def test_the_detail_holds_every_field_a_page_shows(views: Views, jwt: Entry) -> None:
    detail = views.entry_detail("shop", jwt)
    assert {"code", "params", "translations", "examples", "variants", "state"} <= set(detail)
    assert detail["solution"] == "Log in again."


def test_catalog_and_module_summaries(views: Views) -> None:
    summary = views.catalog_summary("shop")
    assert (summary["entries"], summary["modules"], summary["spaces"]) == (
        9,
        4,
        ["app", "rpc", "fields"],
    )
    assert (summary["url"], summary["api"]) == ("/catalogs/shop/", "/api/catalogs/shop")
    assert views.catalogs() == [summary]
    auth = views.module_summary("shop", "auth")
    assert (auth["prefix"], auth["entries"], auth["url"]) == (
        "AUTH-ERR-",
        2,
        "/catalogs/shop/modules/auth/",
    )


def test_a_catalog_detail_pages_its_errors(views: Views) -> None:
    detail = views.catalog_detail("shop", limit=2, offset=1)
    assert (detail["total"], detail["offset"], len(detail["errors"])) == (9, 1, 2)


def test_lookup_finds_a_code_in_every_space(views: Views) -> None:
    found = views.lookup("7")
    assert found["total"] == 2
    assert {(m["space"], m["how"]) for m in found["matches"]} == {
        ("fields", "code"),
        ("rpc", "code"),
    }
    assert views.lookup("7", space="rpc")["total"] == 1


def test_the_content_locale_follows_the_request(views: Views) -> None:
    catalog = views.registry.catalogs["shop"]
    assert views.locale(Language(None, "zh-CN", ["en"]), catalog) == "zh-CN"
    assert views.locale(Language(None, "fr", ["en"]), catalog) == "en"
