"""The directory's request limits: oversized queries and targets and request bodies, refused."""

from __future__ import annotations

from starlette.testclient import TestClient

from errdex.directory.web.limits import MAX_QUERY, MAX_TARGET


def test_oversized_queries_are_refused_with_problem_json(client: TestClient) -> None:
    for url in ("/api/search", "/api/lookup", "/search"):
        r = client.get(
            url, params={"q": "x" * (MAX_QUERY + 1)}, headers={"Accept": "application/json"}
        )
        assert r.status_code == 414, url
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["status"] == 414
    ok = client.get("/api/search", params={"q": "x" * MAX_QUERY})
    assert ok.status_code == 200
    huge = client.get("/search?q=" + "y" * (MAX_TARGET + 10))
    assert huge.status_code == 414 and huge.json()["title"] == "URI Too Long"
    other = client.get("/api/search", params={"q": "a", "catalog": "c" * 500})
    assert other.status_code == 400
    html = client.get("/search", params={"q": "z" * (MAX_QUERY + 1)})
    assert html.status_code == 414 and html.headers["content-type"].startswith("text/html")


def test_request_bodies_are_refused(client: TestClient) -> None:
    r = client.request("GET", "/api/search?q=a", content=b"x" * 100_000)
    assert r.status_code == 413
    assert r.headers["content-type"] == "application/problem+json"
