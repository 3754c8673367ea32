"""The web directory seen by a client: pages, content negotiation, the JSON API, languages."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import orjson
import pytest
from starlette.testclient import TestClient

import errdex
from errdex.directory import Registry
from errdex.directory.web import create_app

JSON = {"Accept": "application/json"}


def test_home_lists_every_catalog(client: TestClient, registry: Registry) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    for cid in registry.catalogs:
        assert f'href="/catalogs/{cid}/"' in r.text
    assert '<html lang="en">' in r.text
    assert 'role="search"' in r.text and '<label for="q"' in r.text and '<main id="main"' in r.text


def test_catalog_and_module_pages(client: TestClient) -> None:
    r = client.get("/catalogs/csghub/")
    assert r.status_code == 200
    assert 'href="/catalogs/csghub/modules/auth/"' in r.text
    r = client.get("/catalogs/csghub/modules/auth")
    assert r.status_code == 200
    assert 'href="/csghub/AUTH-ERR-4"' in r.text and "invalidJWT" in r.text
    assert client.get("/catalogs/nope/").status_code == 404
    assert client.get("/catalogs/csghub/modules/nope/").status_code == 404


@pytest.mark.parametrize("profile", ["problem"])
def test_problem_type_url_resolves_to_the_code_page(client: TestClient, profile: str) -> None:
    cat = errdex.load("examples/csghub")
    rendered = errdex.render(cat.error("AUTH-ERR-4"), profile)
    type_url = orjson.loads(rendered.body)["type"]
    r = client.get(urlsplit(type_url).path)
    assert r.status_code == 200
    assert "AUTH-ERR-4" in r.text and "invalidJWT" in r.text


def test_every_entry_has_a_page_at_its_permalink(client: TestClient, registry: Registry) -> None:
    for cid, entry in list(registry.entries())[::7]:
        r = client.get(registry.entry_url_path(cid, entry))
        assert r.status_code == 200, (cid, entry.code)
        assert str(entry.code) in r.text


def test_a_path_shared_by_two_spaces_shows_both(client: TestClient) -> None:
    r = client.get("/alchemy/429")
    assert r.status_code == 200
    assert 'id="alchemy-http-429"' in r.text and 'id="alchemy-jsonrpc-429"' in r.text


def test_content_negotiation_gives_json_on_the_same_urls(client: TestClient) -> None:
    home = client.get("/", headers=JSON)
    assert home.headers["content-type"] == "application/json"
    assert {c["id"] for c in home.json()["catalogs"]} >= {"csghub", "zan"}
    entry = client.get("/csghub/AUTH-ERR-4", headers=JSON).json()["errors"][0]
    assert entry["code"] == "AUTH-ERR-4" and entry["name"] == "invalidJWT"
    assert entry["type"] == "https://errdex.dev/csghub/AUTH-ERR-4"
    assert client.get("/catalogs/zan/", headers=JSON).json()["id"] == "zan"
    # a browser's Accept header prefers HTML
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert (
        client.get("/", headers={"Accept": browser}).headers["content-type"].startswith("text/html")
    )
    assert "Accept" in client.get("/").headers["vary"]


def test_lookup_api_finds_a_number_in_every_catalog(client: TestClient) -> None:
    data = client.get("/api/lookup", params={"q": "1003"}).json()
    assert {(m["catalog"], m["code"]) for m in data["matches"]} == {
        ("subquery-indexer-proxy", 1003),
        ("yuanrong", 1003),
    }
    named = client.get("/api/lookup", params={"q": "invalidjwt"}).json()["matches"]
    assert [m["code"] for m in named] == ["AUTH-ERR-4"]
    assert client.get("/api/lookup", params={"q": "no-such-code-here"}).json()["total"] == 0
    missing = client.get("/api/lookup")
    assert missing.status_code == 400
    assert missing.headers["content-type"] == "application/problem+json"


def test_search_api_ranks_and_filters(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "白名单"}).json()
    assert data["total"] >= 1 and data["hits"][0]["catalog"] == "zan"
    assert "白名单" in data["hits"][0]["snippet"]["text"]
    rate = client.get("/api/search", params={"q": "rate limit", "catalog": "alchemy"}).json()
    assert rate["hits"] and all(h["catalog"] == "alchemy" for h in rate["hits"])
    limited = client.get("/api/search", params={"q": "error", "limit": 3}).json()
    assert len(limited["hits"]) == 3
    assert client.get("/api/search", params={"q": "x", "limit": 1000}).status_code == 400
    assert client.get("/api/search", params={"q": "x", "retryable": "maybe"}).status_code == 400
    assert client.get("/api/search", params={"q": "x", "http_status": "abc"}).status_code == 400


def test_entry_and_catalog_api(client: TestClient) -> None:
    entry = client.get("/api/entries/csghub/app/auth-err-4").json()
    assert entry["code"] == "AUTH-ERR-4"
    assert entry["translations"]["zh-CN"]["description"]
    assert client.get("/api/entries/yuanrong/sdk/0x3EB").json()["code"] == 1003
    assert client.get("/api/entries/csghub/nope/AUTH-ERR-4").status_code == 404
    cats = client.get("/api/catalogs").json()["catalogs"]
    assert [c["id"] for c in cats] == list(Registry.default().catalogs)
    page = client.get("/api/catalogs/csghub", params={"limit": 5, "offset": 2}).json()
    assert len(page["errors"]) == 5 and page["total"] == 100 and page["offset"] == 2


def test_openapi_spec_is_valid_and_lists_the_api(client: TestClient) -> None:
    validator = pytest.importorskip("openapi_spec_validator")
    spec = client.get("/api/openapi.json").json()
    validator.validate(spec)
    assert spec["openapi"].startswith("3.1")
    assert {
        "/api/catalogs",
        "/api/lookup",
        "/api/search",
        "/api/entries/{catalog}/{space}/{code}",
    } <= set(spec["paths"])


def test_healthz(client: TestClient, registry: Registry) -> None:
    data = client.get("/healthz").json()
    assert data == {
        "status": "ok",
        "catalogs": len(registry.catalogs),
        "entries": len(list(registry.entries())),
    }


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


def test_search_page_works_without_javascript(client: TestClient) -> None:
    r = client.get("/search", params={"q": "invalidJWT"})
    assert r.status_code == 200
    assert 'href="/csghub/AUTH-ERR-4"' in r.text
    empty = client.get("/search", params={"q": "zzzzqqqq"})
    assert "No error matches this search." in empty.text


def test_errors_are_friendly_pages_or_problem_json(client: TestClient) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Page not found" in page.text
    api = client.get("/api/nothing")
    assert api.status_code == 404 and api.headers["content-type"] == "application/problem+json"
    assert api.json()["status"] == 404
    json_client = client.get("/no/such/page", headers=JSON)
    assert json_client.headers["content-type"] == "application/problem+json"
    post = client.post("/api/search", content=b"")
    assert post.status_code == 405 and post.headers["content-type"] == "application/problem+json"


def test_assets_are_served_from_the_package(client: TestClient) -> None:
    css = client.get("/static/errdex.css")
    js = client.get("/static/errdex.js")
    assert css.status_code == js.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert js.headers["content-type"].startswith("text/javascript")
    assert client.get("/static/other.js").status_code == 404


def test_a_broad_search_counts_and_ranks_every_match(tmp_path) -> None:
    errors = [{"code": i, "message": f"Quota exceeded for shard {i}."} for i in range(1, 621)]
    data = {
        "catalog": {"id": "wide", "default_locale": "en"},
        "spaces": {"app": {"kind": "app"}},
        "errors": errors,
    }
    (tmp_path / "wide.json").write_bytes(orjson.dumps(data))
    wide = TestClient(create_app(Registry.from_paths([tmp_path / "wide.json"])))
    api = wide.get("/api/search", params={"q": "quota"}).json()
    assert api["total"] == 620 and api["total_exact"] is True
    page = wide.get("/search", params={"q": "quota"})
    assert "620 results for" in page.text
    narrow = wide.get("/api/search", params={"q": "quota", "catalog": "wide", "limit": 1}).json()
    assert narrow["total"] == 620 and len(narrow["hits"]) == 1
    one = wide.get("/search", params={"q": "620"})
    assert "1 result for" in one.text and 'href="' in one.text


def test_the_response_cache_stays_bounded_in_count_and_bytes() -> None:
    from errdex.directory.web.app import ResponseCache

    cache = ResponseCache(size=3, max_bytes=64 * 100)
    for i in range(10):
        cache.put(("q", i), b"x" * 50)
    assert len(cache) == 3 and cache.get(("q", 0)) is None and cache.get(("q", 9))
    cache = ResponseCache(size=1000, max_bytes=64 * 100)
    for i in range(500):
        cache.put(("q", i), b"y" * 90)
    assert cache.bytes <= 64 * 100 and len(cache) == 64 * 100 // 90
    cache.put("huge", b"z" * 200)  # more than max_bytes // 64: not kept
    assert cache.get("huge") is None and cache.get(("q", 499))


def test_uncached_searches_answer_the_same_as_cached_ones(client: TestClient) -> None:
    directory = client.app.state.directory
    first = client.get("/api/search", params={"q": "rate limit"}).json()
    kept, directory.cache = directory.cache, type(directory.cache)(size=0)
    try:
        again = client.get("/api/search", params={"q": "rate limit"}).json()
        assert first == again and len(directory.cache) == 0
    finally:
        directory.cache = kept


def test_an_http_space_code_reports_its_status_in_the_api(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "白名单"}).json()["hits"][0]
    assert (hit["catalog"], hit["space"], hit["code"]) == ("zan", "http", 403)
    assert hit["http_status"] == 403


def test_a_code_page_is_rendered_once_per_language_and_served_the_same(
    client: TestClient,
) -> None:
    first = client.get("/csghub/AUTH-ERR-4")
    again = client.get("/csghub/AUTH-ERR-4")
    assert first.status_code == again.status_code == 200
    assert first.text == again.text and first.headers["content-type"].startswith("text/html")
    zh = client.get("/csghub/AUTH-ERR-4", headers={"Accept-Language": "zh-CN"})
    assert zh.text != first.text and 'lang="zh-CN"' in zh.text
    assert client.get("/csghub/AUTH-ERR-4").text == first.text  # the English page is kept apart


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/healthz", 200),
        ("/search", 200),
        ("/search/", 200),
        ("/catalogs/csghub/", 200),
        ("/api/catalogs", 200),
        ("/static/errdex.css", 200),
        ("/csghub/AUTH-ERR-4", 200),
        ("/catalogs", 404),
        ("/api/nope", 404),
        ("/no/such/code", 404),
    ],
)
def test_every_path_reaches_the_route_it_did_before_the_permalink_shortcut(
    client: TestClient, path: str, status: int
) -> None:
    assert client.get(path).status_code == status
    assert client.post(path).status_code in (404, 405)
