"""The directory's handlers seen by a client: the pages and the JSON API over the examples."""

from __future__ import annotations

import orjson
from starlette.testclient import TestClient

from errdex.directory import Registry
from errdex.directory.web import create_app


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


def test_search_page_works_without_javascript(client: TestClient) -> None:
    r = client.get("/search", params={"q": "invalidJWT"})
    assert r.status_code == 200
    assert 'href="/csghub/AUTH-ERR-4"' in r.text
    empty = client.get("/search", params={"q": "zzzzqqqq"})
    assert "No error matches this search." in empty.text


def test_a_page_past_the_last_result_counts_the_matches(client: TestClient) -> None:
    r = client.get("/search", params={"q": "rate", "offset": 100})
    total = client.get("/api/search", params={"q": "rate"}).json()["total"]
    assert r.status_code == 200 and total > 0
    assert f"{total} results for" in r.text
    assert "<p>No error matches this search.</p>" not in r.text
    assert "past the last result" in r.text


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


def test_an_unknown_filter_value_is_a_400_naming_it(client: TestClient) -> None:
    for name, value, close in (("module", "auht", "auth"), ("locale", "../x", None)):
        r = client.get("/api/search", params={"q": "token", name: value})
        assert r.status_code == 400, (name, value)
        assert r.headers["content-type"] == "application/problem+json"
        detail = r.json()["detail"]
        assert detail.startswith(f"no {name} {value!r}") and f"{name}s: " in detail
        assert (f"did you mean {close!r}?" in detail) is (close is not None)
    known = client.get("/api/search", params={"q": "token", "locale": "zh-CN", "catalog": ""})
    assert known.status_code == 200 and known.json()["total"] > 0


def test_lookup_refuses_an_unknown_catalog_or_space_as_search_does(client: TestClient) -> None:
    for name, value in (("space", "nope"), ("catalog", "nope"), ("space", "htpp")):
        r = client.get("/api/lookup", params={"q": "1003", name: value})
        assert r.status_code == 400, (name, value)
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["detail"].startswith(f"no {name} {value!r}")
    searched = client.get("/api/search", params={"q": "1003", "space": "nope"}).json()
    looked = client.get("/api/lookup", params={"q": "1003", "space": "nope"}).json()
    assert looked["detail"] == searched["detail"]
    known = client.get("/api/lookup", params={"q": "1003", "catalog": "yuanrong", "space": ""})
    assert known.status_code == 200 and [m["code"] for m in known.json()["matches"]] == [1003]


def test_a_refused_locale_lists_the_locales_as_the_catalogs_write_them(
    client: TestClient,
) -> None:
    detail = client.get("/api/search", params={"q": "x", "locale": "fr"}).json()["detail"]
    assert detail.endswith("; locales: en, zh, zh-CN"), detail


def test_a_code_no_entry_has_finds_nothing_and_suggests_the_closest(client: TestClient) -> None:
    api = client.get("/api/search", params={"q": "AUTH-ERR-99"}).json()
    assert (api["total"], api["hits"], api["suggestions"][0]) == (0, [], "AUTH-ERR-9")


def test_a_misspelt_search_suggests_the_corrected_query(client: TestClient) -> None:
    api = client.get("/api/search", params={"q": "tokne"}).json()
    assert (api["total"], api["suggestions"]) == (0, ["token"])
    page = client.get("/search", params={"q": "tokne"})
    assert "<p>No error matches this search.</p>" in page.text
    assert 'Did you mean <a href="/search?q=token">token</a>?' in page.text
    found = client.get("/api/search", params={"q": "token"}).json()
    assert found["total"] > 0 and found["suggestions"] == []
