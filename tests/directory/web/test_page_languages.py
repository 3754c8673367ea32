"""Each text of a page is tagged with the language it is written in, and shown once.

A zh-CN page of an English catalog shows the entry's own texts where a
translation is missing: they must say ``lang="en"``, not inherit zh-CN, and
the "Translations" section must not repeat them as "English".
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient

from errdex.directory import Registry

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
_VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}


class _Texts(HTMLParser):
    """The text nodes of a page under an element with its own ``lang`` (not ``<html>``),
    with that language and whether they sit in ``<code>`` (identifiers)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.found: list[tuple[str, bool, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        tags = [t for t, _ in self.stack]
        own = [lang for t, lang in self.stack if lang and t != "html"]
        if data.strip() and own and not {"pre", "script", "style"} & set(tags):
            self.found.append((own[-1], "code" in tags, data.strip()))


def _tagged(html: str) -> list[tuple[str, bool, str]]:
    parser = _Texts()
    parser.feed(html)
    return parser.found


def _mistagged(html: str) -> list[tuple[str, str]]:
    """Texts whose script contradicts their tag: Chinese not tagged zh, or Latin words
    outside ``<code>`` tagged zh. (URL-like words, which hold either, are left out.)"""
    bad = []
    for lang, in_code, text in _tagged(html):
        words = " ".join(w for w in text.split() if "/" not in w and "#" not in w)
        zh = lang.lower().startswith("zh")
        if (CJK.search(words) and not zh) or (
            zh and not CJK.search(words) and not in_code and re.search(r"[A-Za-z]{3}", words)
        ):
            bad.append((lang, text))
    return bad


def _sweep(client: TestClient, registry: Registry, per_catalog: int | None) -> list[tuple]:
    bad: list[tuple] = []
    for cid, catalog in registry.catalogs.items():
        for entry in catalog.entries[:per_catalog]:
            for lang in ("en", "zh-CN"):
                url = f"{registry.entry_url_path(cid, entry)}?lang={lang}"
                bad += [(url, *b) for b in _mistagged(client.get(url).text)]
    return bad


def test_code_pages_tag_their_texts_with_their_language(
    client: TestClient, registry: Registry
) -> None:
    """The first codes of each example catalog, in both languages (the sweep below: all)."""
    assert _sweep(client, registry, 8) == []


@pytest.mark.slow
def test_every_code_page_tags_its_texts_with_their_language(
    client: TestClient, registry: Registry
) -> None:
    bad = _sweep(client, registry, None)
    assert bad == [], bad[:10]


def test_a_name_shown_for_a_missing_title_is_in_the_entrys_language(client: TestClient) -> None:
    html = client.get("/csghub/AUTH-ERR-4?lang=zh-CN").text
    assert '<span lang="en">invalidJWT</span>' in html
    assert '<div class="desc" lang="zh-CN"><p>身份验证令牌' in html


def test_the_original_is_listed_only_for_the_texts_shown_translated(client: TestClient) -> None:
    # zan's custom JSON-RPC codes are English in the (Chinese) source, with no translation:
    # the zh-CN page shows them once, as English, and lists no "English" translation
    html = client.get("/zan/-32004?lang=zh-CN").text
    assert html.count("Service rate limited") == 2  # the message, the example response
    assert '<blockquote class="message" lang="en">Service rate limited</blockquote>' in html
    assert "翻译" not in html and '<details lang="en">' not in html
    # csghub's AUTH-ERR-4 has a zh-CN description only: the original lists just that
    zh = client.get("/csghub/AUTH-ERR-4?lang=zh-CN").text
    original = zh.split('<details lang="en">', 1)[1].split("</details>", 1)[0]
    assert "The authentication token (JWT) is malformed" in original
    assert "<strong>" not in original and "message" not in original
    # and the English page still lists the Chinese translation
    en = client.get("/csghub/AUTH-ERR-4").text
    assert '<details lang="zh-CN">' in en and "身份验证令牌" in en


def test_catalog_and_module_texts_carry_the_catalogs_language(client: TestClient) -> None:
    csghub = client.get("/catalogs/csghub/?lang=zh-CN").text
    assert '<h1 lang="en">Error Codes</h1>' in csghub
    assert re.search(r'<h3><a href="[^"]+" lang="en">Auth Errors</a></h3>', csghub)
    zan = client.get("/catalogs/zan/").text
    assert '<h1 lang="zh-CN">错误码</h1>' in zan
    module = client.get("/catalogs/zan/modules/custom/").text
    assert '<h1 lang="zh-CN">JSON-RPC 自定义错误码</h1>' in module
    assert '<caption lang="zh-CN">JSON-RPC 自定义错误码</caption>' in module
    home = client.get("/?lang=zh-CN").text
    assert re.search(r'<h2><a href="[^"]+" lang="en">Error Codes</a></h2>', home)
    page = client.get("/csghub/AUTH-ERR-4?lang=zh-CN").text
    assert re.search(r'<a href="[^"]+" lang="en">Error Codes</a>', page)
    assert re.search(r'<a href="[^"]+" lang="en">Auth Errors</a>', page)
    for html in (csghub, zan, module, home):
        assert _mistagged(html) == []
