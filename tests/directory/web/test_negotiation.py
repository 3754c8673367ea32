"""Content negotiation: JSON or HTML on the same URLs, problem+json errors for JSON clients."""

from __future__ import annotations

import orjson
import pytest
from starlette.testclient import TestClient

from errdex.directory.web.negotiation import prefers_json, problem

JSON = {"Accept": "application/json"}


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


@pytest.mark.parametrize(
    ("accept", "json"),
    [
        ("", False),
        ("text/html", False),
        ("application/json", True),
        ("application/problem+json", True),
        ("text/html, application/json", False),  # equal weights: HTML
        ("text/html;q=0.9, application/json", True),
        ("application/json;q=0.5, text/html;q=0.8", False),
        ("application/json;q=abc, text/html;q=0.1", False),  # a bad weight counts nothing
        ("*/*, application/json", True),
    ],
)
def test_prefers_json_compares_the_weights_of_json_and_html(accept: str, json: bool) -> None:
    assert prefers_json(accept) is json


def test_problem_is_problem_json_with_status_title_and_detail() -> None:
    response = problem(400, "Bad Request", "limit must be 1-100")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    body = orjson.loads(response.body)
    assert (body["status"], body["title"], body["detail"]) == (
        400,
        "Bad Request",
        "limit must be 1-100",
    )
