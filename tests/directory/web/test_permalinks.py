"""Every link the server gives to a code page answers that page, whatever the code holds.

A code is percent-encoded once in its permalink (``%2e%2e`` → ``/odd/%252e%252e``)
and the server must decode the request path once only. uvicorn and Starlette's
TestClient decode ``scope["path"]`` differently, so each check runs against both
the TestClient and a real ``errdex serve`` (uvicorn) on a free port.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

import httpx
import pytest
from starlette.testclient import TestClient

from catalogs import ODD_CODES, ODD_MODULES
from errdex.directory import Registry
from errdex.directory.web import create_app

_HREF = re.compile(r'href="([^"]*)"')


@pytest.fixture(scope="module", params=["testclient", "uvicorn"])
def http(request: pytest.FixtureRequest, odd_registry: Registry) -> Iterator[httpx.Client]:
    """An HTTP client of the directory over the odd codes: TestClient, then ``errdex serve``."""
    if request.param == "testclient":
        yield TestClient(create_app(odd_registry))
        return
    base = request.getfixturevalue("odd_url")
    with httpx.Client(base_url=base, timeout=30) as client:
        yield client


def _code_of(client: httpx.Client, url: str) -> str:
    """The code of the one entry the permalink ``url`` answers (its JSON form)."""
    answer = client.get(url, headers={"Accept": "application/json"})
    assert answer.status_code == 200, (url, answer.status_code)
    (entry,) = answer.json()["errors"]
    return str(entry["code"])


def test_every_code_link_of_the_catalog_and_module_pages_opens_that_code(
    http: httpx.Client, odd_registry: Registry
) -> None:
    page = http.get("/catalogs/odd/")
    assert page.status_code == 200
    links = {unescape(h).split("?")[0] for h in _HREF.findall(page.text)}
    for module in [link for link in links if "/modules/" in link]:  # the codes in modules
        links |= {unescape(h).split("?")[0] for h in _HREF.findall(http.get(module).text)}
    for cid, entry in odd_registry.entries():
        url = odd_registry.entry_url_path(cid, entry)
        assert url in links, (entry.code, url)
        html = http.get(url)
        assert html.status_code == 200, (entry.code, url)
        assert ODD_CODES[str(entry.code)] in html.text
        assert _code_of(http, url) == entry.code


def test_the_percent_code_is_served_at_its_permalink_and_not_at_its_decoding(
    http: httpx.Client,
) -> None:
    assert _code_of(http, "/odd/%252e%252e") == "%2e%2e"
    assert _code_of(http, "/odd/%252E%252E/") == "%2e%2e"  # case and a trailing slash
    assert http.get("/odd/%2e%2e").status_code == 404  # that is /odd/.., no code of the catalog


def test_the_urls_search_and_lookup_give_open_the_code(http: httpx.Client) -> None:
    for code, name in ODD_CODES.items():
        (hit,) = http.get("/api/search", params={"q": name}).json()["hits"]
        (match,) = http.get("/api/lookup", params={"q": code}).json()["matches"]
        assert hit["url"] == match["url"]
        assert _code_of(http, hit["url"]) == code
        for api in (hit["api"], match["api"]):
            answer = http.get(api)
            assert answer.status_code == 200, (code, api)
            assert answer.json()["code"] == code


def test_the_language_links_of_a_code_page_stay_on_that_page(http: httpx.Client) -> None:
    page = http.get("/odd/%252e%252e", params={"lang": "en"})
    assert page.status_code == 200
    own = [unescape(h) for h in _HREF.findall(page.text) if h.startswith("/odd/")]
    assert own and all(h.startswith("/odd/%252e%252e?") for h in own), own
    assert all(http.get(h).status_code == 200 for h in own)


def test_every_module_link_opens_that_module(http: httpx.Client) -> None:
    page = http.get("/catalogs/odd/")
    links = [unescape(h) for h in _HREF.findall(page.text) if "/modules/" in h]
    assert len(links) == len(ODD_MODULES)
    for link in links:
        module = http.get(link)
        assert module.status_code == 200, link
        own = [unescape(h) for h in _HREF.findall(module.text) if "/modules/" in h]
        assert own and all(h.split("?")[0] == link.split("?")[0] for h in own), (link, own)
        data = http.get(link, headers={"Accept": "application/json"}).json()
        code, title = ODD_MODULES[data["id"]]
        assert title in module.text and [e["code"] for e in data["errors"]] == [code]
    assert "/catalogs/odd/modules/x%252Fy/" in {h.split("?")[0] for h in links}
    assert http.get("/catalogs/odd/modules/x%2Fy/").status_code == 200  # the id, unescaped
    assert http.get("/catalogs/odd/modules/x/").status_code == 404
