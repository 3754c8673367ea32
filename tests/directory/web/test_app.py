"""The web app's routes: every path reaches its route, permalinks, problem type URLs, assets."""

from __future__ import annotations

from urllib.parse import urlsplit

import orjson
import pytest
from starlette.testclient import TestClient

import errdex
from errdex.directory import Registry


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


def test_healthz(client: TestClient, registry: Registry) -> None:
    data = client.get("/healthz").json()
    assert data == {
        "status": "ok",
        "catalogs": len(registry.catalogs),
        "entries": len(list(registry.entries())),
    }


def test_assets_are_served_from_the_package(client: TestClient) -> None:
    css = client.get("/static/errdex.css")
    js = client.get("/static/errdex.js")
    assert css.status_code == js.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert js.headers["content-type"].startswith("text/javascript")
    assert client.get("/static/other.js").status_code == 404


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
