"""The directory's languages: the catalog's own, a switch to its translations, the UI texts."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from errdex.directory import Registry
from errdex.directory.web.i18n import (
    Language,
    catalog_locales,
    entry_text,
    language_name,
    registry_locales,
)
from errdex.model import Catalog


def test_language_switch_shows_translations(client: TestClient) -> None:
    en = client.get("/csghub/AUTH-ERR-1")
    zh = client.get("/csghub/AUTH-ERR-1", params={"lang": "zh-CN"})
    assert '<html lang="zh-CN">' in zh.text
    assert (
        "找不到指定的用户账户。" in zh.text.split("<h2>翻译</h2>")[0]
    )  # the main text, not the translations list
    assert "找不到指定的用户账户。" not in en.text.split("<h2>Translations</h2>")[0]
    # links keep the chosen language; the switch offers every locale
    assert 'href="/catalogs/csghub/?lang=zh-CN"' in zh.text
    assert 'hreflang="zh-CN"' in en.text and 'hreflang="en"' in en.text
    # Accept-Language works without ?lang=
    negotiated = client.get("/csghub/AUTH-ERR-1", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert '<html lang="zh-CN">' in negotiated.text
    assert re.search(r'<div class="desc" lang="zh-CN"><p>找不到', zh.text)
    # an untranslated text in a Chinese page keeps its own language marked
    untranslated = client.get("/yuanrong/1003", params={"lang": "zh-CN"}).text
    assert '<blockquote class="message" lang="en">Instance not found.' in untranslated


def test_zan_defaults_to_chinese_and_switches_to_english(client: TestClient) -> None:
    page = client.get("/catalogs/zan/")
    assert 'lang="zh-CN"' in page.text
    english = client.get("/catalogs/zan/", params={"lang": "en"})
    assert english.status_code == 200 and '<html lang="en">' in english.text


def test_catalog_and_registry_locales(registry: Registry) -> None:
    zan = registry.catalogs["zan"]
    assert catalog_locales(zan)[0] == zan.meta.default_locale
    everything = registry_locales(registry.catalogs.values())
    assert everything[0] == "en" and len(everything) == len(set(everything))
    assert set(catalog_locales(zan)) <= set(everything)


def test_language_names_are_their_own_else_the_tag() -> None:
    assert language_name("zh-CN").startswith("中文 (")  # Babel's data names the script or not
    assert language_name("en") == "English"
    assert language_name("xx-not-a-tag!") == "xx-not-a-tag!"


def test_an_explicit_choice_wins_only_when_available() -> None:
    chosen = Language("zh-cn", "en", ["en", "zh-CN"])
    assert (chosen.explicit, chosen.preferred, chosen.ui) == ("zh-CN", ["zh-CN"], "zh-CN")
    ignored = Language("fr", "zh-CN,en;q=0.5", ["en", "zh-CN"])
    assert ignored.explicit is None and ignored.preferred[0] == "zh-CN"
    assert Language(None, None, ["en"]).ui == "en"
    assert Language(None, "de", ["en"]).for_catalog(["zh-CN", "de-AT"], "zh-CN") == "de-AT"
    assert chosen.strings is not Language(None, "en", ["en"]).strings


def test_entry_text_is_the_translation_else_the_original(shop: Catalog) -> None:
    jwt = next(e for e in shop.entries if e.code == "AUTH-ERR-4")
    assert entry_text(shop, jwt, "message", "zh-CN") == ("令牌已于 {age} 秒前过期。", "zh-CN")
    assert entry_text(shop, jwt, "solution", "zh-CN") == ("Log in again.", "en")
    assert entry_text(shop, jwt, "message", "en") == (jwt.message, "en")
